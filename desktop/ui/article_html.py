"""An article as the reader's HTML: kicker, headline, byline and date, photo with caption, body.

Font sizes are relative (heading levels and size keywords), so the reader changes the text size by
changing the document's default font: the whole article scales and nothing is parsed again.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from desktop.domain import Article
from desktop.ui.dates import long_date

PHOTO_SCHEME = "photo"


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
    p.photo {{ margin-bottom: 6px; line-height: 100%; }}
    p.credit {{ color: {colours.muted}; font-size: small; font-style: italic; margin-bottom: 2px; }}
    p.caption {{ color: {colours.muted}; font-size: small; margin-bottom: 22px;
                line-height: 130%; }}
    p.standfirst {{ font-size: large; margin-bottom: 18px; }}
    blockquote {{ margin-left: 18px; margin-right: 18px; color: {colours.muted};
                 font-style: italic; }}
    a {{ color: {colours.link}; }}
    p.empty {{ color: {colours.muted}; margin-top: 80px; font-size: large; }}
    p.empty-hint {{ color: {colours.muted}; }}
    """


def article_html(article: Article, photo_width: int) -> str:
    """The reader's HTML for an article; the photo is referenced by its place in the cache."""
    parts = [
        f'<p class="kicker">{html.escape(article.source.upper())}</p>',
        f"<h1>{html.escape(article.title)}</h1>",
    ]
    meta = [article.byline or "", long_date(article.published) if article.published else ""]
    if any(meta):
        parts.append(f'<p class="meta">{" · ".join(html.escape(m) for m in meta if m)}</p>')
    if article.photo is not None:
        parts.append(_figure(article, photo_width))
    if article.body_html.strip():
        parts.append(article.body_html)
    elif article.summary:
        parts.append(f'<p class="standfirst">{html.escape(article.summary)}</p>')
    if article.url:
        link = html.escape(article.url, quote=True)
        parts.append(f'<p class="meta"><a href="{link}">Read it on the publisher\'s site</a></p>')
    return "\n".join(parts)


def photo_url(article: Article) -> str:
    """The URL under which the reader asks for an article's photo."""
    assert article.photo is not None
    return f"{PHOTO_SCHEME}:{article.photo.file.as_posix()}"


def empty_html(title: str, hint: str) -> str:
    """What the reader shows when no article is open."""
    return (
        f'<p class="empty" align="center">{html.escape(title)}</p>'
        f'<p class="empty-hint" align="center">{html.escape(hint)}</p>'
    )


def _figure(article: Article, width: int) -> str:
    """The photo, with its caption and credit underneath."""
    alt = html.escape(article.caption or "Photo", quote=True)
    figure = (
        f'<p class="photo"><img src="{html.escape(photo_url(article), quote=True)}" '
        f'width="{width}" alt="{alt}"></p>'
    )
    if article.credit:
        figure += f'<p class="credit" align="right">{html.escape(article.credit)}</p>'
    if article.caption:
        figure += f'<p class="caption">{html.escape(article.caption)}</p>'
    return figure
