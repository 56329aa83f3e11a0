"""An article as the reader's HTML: kicker, headline, byline and date, photo with caption, body.

Font sizes are relative (heading levels and size keywords), so the reader changes the text size by
changing the document's default font: the whole article scales and nothing is parsed again.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from desktop.domain import Article
from desktop.ui.dates import long_date
from desktop.ui.reading.article_body import Pictures, caption_html, picture_html, reader_body


@dataclass(frozen=True, slots=True)
class Colours:
    """The colours of the reader, taken from the window's palette."""

    text: str
    muted: str
    accent: str
    link: str
    rule: str


def stylesheet(colours: Colours) -> str:
    """The reader's stylesheet (Qt's rich-text subset of CSS)."""
    return f"""
    body {{ color: {colours.text}; }}
    p {{ margin-top: 0; margin-bottom: 12px; line-height: 128%; }}
    p.kicker {{ color: {colours.accent}; font-size: small; font-weight: 600;
               margin-bottom: 4px; }}
    h1 {{ font-size: x-large; font-weight: 700; margin-top: 0; margin-bottom: 10px; }}
    h2 {{ font-size: large; font-weight: 700; margin-top: 22px; margin-bottom: 8px; }}
    h3 {{ font-size: medium; font-weight: 700; margin-top: 18px; margin-bottom: 6px; }}
    p.meta {{ color: {colours.muted}; font-size: small; margin-bottom: 18px; }}
    p.photo {{ margin-top: 6px; margin-bottom: 6px; line-height: 100%; }}
    p.caption {{ color: {colours.muted}; font-size: small; margin-bottom: 20px;
                line-height: 130%; }}
    span.credit {{ font-style: italic; }}
    span.unseen {{ color: transparent; }}
    p.standfirst {{ font-size: large; margin-bottom: 18px; }}
    blockquote {{ margin-left: 18px; margin-right: 18px; color: {colours.muted};
                 font-style: italic; }}
    a {{ color: {colours.link}; }}
    p.empty {{ color: {colours.muted}; margin-top: 80px; font-size: large; }}
    p.empty-hint {{ color: {colours.muted}; }}
    """


def article_html(article: Article, column: int) -> str:
    """The reader's HTML for an article, laid out for a column ``column`` pixels wide; pictures
    are referenced by their place in the cache."""
    pictures = reader_pictures(article, column)
    parts = [
        f'<p class="kicker">{html.escape(article.source.upper())}</p>',
        f"<h1>{html.escape(article.title)}</h1>",
    ]
    meta = [article.byline or "", long_date(article.published) if article.published else ""]
    if any(meta):
        parts.append(f'<p class="meta">{" · ".join(html.escape(m) for m in meta if m)}</p>')
    if article.photo is not None:
        parts.append(_lead_figure(article, pictures))
    if article.body_html.strip():
        parts.append(reader_body(article.body_html, pictures))
    elif article.summary:
        parts.append(f'<p class="standfirst">{html.escape(article.summary)}</p>')
    if article.url:
        link = html.escape(article.url, quote=True)
        parts.append(f'<p class="meta"><a href="{link}">Read it on the publisher\'s site</a></p>')
    return "\n".join(parts)


def reader_pictures(article: Article, column: int) -> Pictures:
    """What the reader needs to lay out an article's pictures in a column of this width."""
    by_address = {photo.url: photo for photo in article.images if photo.url}
    return Pictures(by_address, article.photo, column)


def empty_html(title: str, hint: str) -> str:
    """What the reader shows when no article is open."""
    return (
        f'<p class="empty" align="center">{html.escape(title)}</p>'
        f'<p class="empty-hint" align="center">{html.escape(hint)}</p>'
    )


def _lead_figure(article: Article, pictures: Pictures) -> str:
    """The lead photo, with its caption and then its credit underneath."""
    assert article.photo is not None
    alt = html.escape(article.caption or "Photo", quote=True)
    caption = html.escape(article.caption) if article.caption else None
    credit = html.escape(article.credit) if article.credit else None
    photo = picture_html(article.photo, pictures.width(article.photo), alt, caption is not None)
    return photo + caption_html(caption, credit, photo=True)
