"""Feed entries as the store keeps them: the keys that recognise them, and the article."""

from __future__ import annotations

from desktop.domain import NewArticle
from desktop.ingest.feeds import FeedEntry
from desktop.ingest.text import html_to_text
from desktop.store.feeds import EntryKeys

SUMMARY_CHARACTERS = 400


def entry_keys(entry: FeedEntry) -> EntryKeys:
    """How the store recognises an entry: its id (or link, or content), link and content."""
    content_hash = entry.content_hash()
    return EntryKeys(entry.guid or entry.link or content_hash, entry.link, content_hash)


def entry_article(entry: FeedEntry, key: EntryKeys) -> NewArticle:
    """A feed entry as an article to store: its content, else its summary, as the body."""
    body = entry.content_html or entry.summary_html or ""
    summary = html_to_text(entry.summary_html) if entry.summary_html else None
    return NewArticle(
        guid=key.guid,
        title=entry.title,
        url=entry.link,
        byline=entry.author,
        published=entry.published,
        summary=shorten(summary) if summary else None,
        body_html=body,
        body_text=html_to_text(body),
        caption=entry.image_caption,
        credit=entry.image_credit,
        content_hash=key.content_hash,
    )


def shorten(text: str) -> str:
    """A summary short enough for a list or an export, cut at a word."""
    if len(text) <= SUMMARY_CHARACTERS:
        return text
    return text[:SUMMARY_CHARACTERS].rsplit(" ", 1)[0] + "…"
