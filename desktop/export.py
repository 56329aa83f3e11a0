"""Bookmarks written out as a standalone HTML page or as Markdown, to keep or share."""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from desktop.domain import Article

FORMATS = {".html": "html", ".htm": "html", ".md": "markdown", ".markdown": "markdown"}


class ExportFormatError(ValueError):
    """The file name does not say which format to write."""


def export_format(file: Path) -> str:
    """The format a file name asks for, by its ending (.html or .md)."""
    try:
        return FORMATS[file.suffix.lower()]
    except KeyError:
        raise ExportFormatError(
            f"Choose a file name ending in .html or .md, not {file.name!r}."
        ) from None


def write_bookmarks(articles: Sequence[Article], file: Path, exported: datetime) -> None:
    """Write the bookmarks in the format the file name asks for."""
    render = to_html if export_format(file) == "html" else to_markdown
    file.write_text(render(articles, exported), encoding="utf-8")


def to_markdown(articles: Sequence[Article], exported: datetime) -> str:
    """Bookmarks as a Markdown list: linked title, then source, byline and date."""
    lines = ["# Broadsheet bookmarks", "", f"Exported {_date(exported)}.", ""]
    for article in articles:
        title = _markdown_text(article.title)
        lines.append(f"- [{title}](<{article.url}>)" if article.url else f"- {title}")
        lines.append(f"  {_markdown_text(_details(article))}")
        if article.summary:
            lines.append(f"  > {_markdown_text(article.summary)}")
    if not articles:
        lines.append("No bookmarks yet.")
    return "\n".join(lines) + "\n"


def to_html(articles: Sequence[Article], exported: datetime) -> str:
    """Bookmarks as a small standalone HTML page (Netscape-bookmark readers can import links)."""
    items = "\n".join(_html_item(article) for article in articles) or "<p>No bookmarks yet.</p>"
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        "<title>Broadsheet bookmarks</title>\n"
        "<style>body{font-family:Georgia,serif;max-width:42em;margin:2em auto;line-height:1.5}"
        "dd{margin:0 0 1.2em 0;color:#555}</style>\n</head>\n<body>\n"
        "<h1>Broadsheet bookmarks</h1>\n"
        f"<p>Exported {html.escape(_date(exported))}.</p>\n<dl>\n{items}\n</dl>\n</body>\n</html>\n"
    )


def _html_item(article: Article) -> str:
    """One bookmark as a definition-list entry."""
    title = html.escape(article.title)
    if article.url:
        title = f'<a href="{html.escape(article.url, quote=True)}">{title}</a>'
    summary = f"<br>{html.escape(article.summary)}" if article.summary else ""
    return f"<dt>{title}</dt>\n<dd>{html.escape(_details(article))}{summary}</dd>"


def _details(article: Article) -> str:
    """Source, byline and publication date on one line."""
    parts = [article.source, article.byline or "", _date(article.published)]
    return " · ".join(part for part in parts if part)


def _date(moment: datetime | None) -> str:
    """A date as people write it, in ISO order so it sorts."""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M") if moment else ""


def _markdown_text(text: str) -> str:
    """Escape the characters that would turn plain text into Markdown markup."""
    for special in "\\`*_[]<>#":
        text = text.replace(special, "\\" + special)
    return " ".join(text.split())
