"""Feed entries as the store keeps them: the keys that recognise them, and the article.

An entry's body is turned into text once (``prepare``): the text feeds both the content
fingerprint that finds repeats and the full-text index. Preparing runs in the parsing processes,
so all the HTML-to-text work of a refresh is done there, in parallel, and none of it on the
single writer thread.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
import time
from dataclasses import dataclass

from desktop.domain import NewArticle
from desktop.ingest import feedparsing
from desktop.ingest.feeds import FeedEntry, ParsedFeed, parse_feed
from desktop.ingest.text import html_to_text
from desktop.patching import PatchVersionError
from desktop.store.feeds import EntryKeys

SUMMARY_CHARACTERS = 400


@dataclass(frozen=True, slots=True)
class Prepared:
    """An entry's keys, its body's text, and its summary's text when it has both."""

    keys: EntryKeys
    body_text: str
    summary_text: str | None = None


def prepare(entry: FeedEntry) -> Prepared:
    """How the store recognises an entry (its id, else link, else content; link; content), with
    the texts its article needs."""
    body_text = html_to_text(_body(entry))
    content_hash = entry.content_hash(body_text)
    keys = EntryKeys(entry.guid or entry.link or content_hash, entry.link, content_hash)
    summary_html = entry.summary_html if entry.content_html else None
    summary_text = html_to_text(summary_html) if summary_html else None
    return Prepared(keys, body_text, summary_text)


def entry_article(entry: FeedEntry, prepared: Prepared) -> NewArticle:
    """A feed entry as an article to store: its content, else its summary, as the body."""
    summary = prepared.summary_text or prepared.body_text or None
    return NewArticle(
        guid=prepared.keys.guid,
        title=entry.title,
        url=entry.link,
        byline=entry.author,
        published=entry.published,
        summary=shorten(summary) if summary else None,
        body_html=_body(entry),
        body_text=prepared.body_text,
        caption=entry.image_caption,
        credit=entry.image_credit,
        content_hash=prepared.keys.content_hash,
    )


def shorten(text: str) -> str:
    """A summary short enough for a list or an export, cut at a word."""
    if len(text) <= SUMMARY_CHARACTERS:
        return text
    return text[:SUMMARY_CHARACTERS].rsplit(" ", 1)[0] + "…"


def _body(entry: FeedEntry) -> str:
    """The HTML an entry's article shows: its full content, else its summary."""
    return entry.content_html or entry.summary_html or ""


@dataclass(frozen=True, slots=True)
class ReadyFeed:
    """A parsed feed with its entries prepared for the store."""

    feed: ParsedFeed
    entries: list[tuple[FeedEntry, Prepared]]


def read_feed(data: bytes, url: str, content_type: str | None) -> ReadyFeed:
    """Parse a feed and prepare its entries: the CPU-bound part of a refresh, which can run in a
    worker process (its arguments and result pickle); raises ``FeedParseError``."""
    parsed = parse_feed(data, url, content_type)
    return ReadyFeed(parsed, [(entry, prepare(entry)) for entry in parsed.entries])


def start_parser_process() -> None:
    """Initializer of the parsing processes: end when the process that made them ends, and
    correct feedparser before the first feed (``feedparsing.apply``)."""
    _end_with_parent()
    # A feedparser the correction was not checked with is refused again by each feed's parse,
    # whose error the refresh logs beside the feed; refused here, it would only break the pool.
    with contextlib.suppress(PatchVersionError):
        feedparsing.apply()


def _end_with_parent() -> None:
    """End this process when its parent ends, even when it was killed (a pool's workers
    otherwise wait for work forever)."""
    on_linux = sys.platform.startswith("linux")  # a variable: the other path is checked too
    if on_linux:
        import ctypes

        set_parent_death_signal = 1  # PR_SET_PDEATHSIG
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(set_parent_death_signal, signal.SIGKILL)
        if os.getppid() == 1:  # the parent died before the call above took effect
            os._exit(0)
        return
    parent = os.getppid()
    threading.Thread(target=_exit_when_orphaned, args=(parent,), daemon=True).start()


def _exit_when_orphaned(parent: int) -> None:
    """Poll the parent's id: it changes when the parent is gone (macOS; Windows needs none)."""
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(0)
