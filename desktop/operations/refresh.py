"""Refreshing subscriptions: fetch every due feed, store its new entries, then complete them.

Three stages, each over one shared connection pool with bounded concurrency:

1. the feeds, conditionally (an unchanged feed costs one 304); each answer is parsed and its new
   entries stored at once, so the list fills while the rest still downloads;
2. the article pages of entries that carry only a summary (when the source wants full articles),
   extracted and stored over the summary;
3. the pictures (unless told not to): each article's lead photo, checked, given a thumbnail and
   cached, and the pictures of its body, checked and cached (``desktop.operations.photos``).

The generator yields ``Progress`` after every step and stops early when ``cancel`` is set;
``RefreshReport`` collects what happened to each source, for the CLI's JSON and the window.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
import threading
import time
from collections.abc import Iterator, Sequence
from concurrent import futures
from concurrent.futures import Executor, Future
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TypeVar

from desktop.domain import Progress, to_timestamp
from desktop.ingest.extract import Extracted, ExtractionError, extract_article
from desktop.ingest.feeds import FeedEntry, FeedParseError
from desktop.ingest.figures import body_images
from desktop.net.fetch import (
    FEED_ACCEPT,
    PAGE_ACCEPT,
    Failure,
    FailureKind,
    Limits,
    Request,
    Response,
    Validators,
)
from desktop.operations import StoreWriter
from desktop.operations.entries import Prepared, ReadyFeed, entry_article, read_feed
from desktop.operations.fetching import close_loop, drain, drain_ticking
from desktop.operations.photos import (
    Tally,
    Wanted,
    as_work,
    fetch_pictures,
    from_work,
    wanted_pictures,
)
from desktop.store import feeds, loading, pending
from desktop.store.feeds import FeedState
from desktop.store.images import remove_partials
from desktop.wording import count

log = logging.getLogger(__name__)
UNHANDLED_FEED = (
    "This feed holds something Broadsheet could not handle, so it was not read; "
    "the log has the details."
)
UNHANDLED_PAGE = "The article's page holds something Broadsheet could not handle."
# A huge feed is stored this many entries to a transaction (a few tenths of a second each).
STORE_BATCH = 500

# While the next feed downloads, parsed feeds are looked for this often, and stored.
PARSED_POLL_SECONDS = 0.05
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class SourceOutcome:
    """What a refresh did for one source."""

    source_id: int
    url: str
    status: str  # "updated", "unchanged", "failed", "gone" or "waiting"
    new: int = 0
    error: str | None = None


@dataclass
class RefreshReport:
    """Everything a refresh did, filled in as it goes."""

    outcomes: list[SourceOutcome] = field(default_factory=list)
    pages_completed: int = 0
    photos_stored: int = 0  # lead photos
    pictures_stored: int = 0  # pictures of the articles' bodies
    cancelled: bool = False

    @property
    def failed(self) -> bool:
        """Whether any source could not be refreshed."""
        return any(outcome.status in {"failed", "gone"} for outcome in self.outcomes)

    @property
    def new_articles(self) -> int:
        """How many articles the refresh added in all."""
        return sum(outcome.new for outcome in self.outcomes)


@dataclass(frozen=True)
class RefreshOptions:
    """What to refresh and how far to go; ``parser``, a process pool, parses feeds in parallel
    (its owner makes and shuts it down; without one, feeds are parsed on the refresh's thread)."""

    only: tuple[int, ...] | None = None
    full_articles: bool = True
    photos: bool = True
    limits: Limits = field(default_factory=Limits)
    parser: Executor | None = None


@dataclass
class _Work:
    """What the next stages fetch: the work kept in the store whose time has come."""

    pages: list[pending.Work] = field(default_factory=list)
    pictures: list[Wanted] = field(default_factory=list)


@dataclass
class _Run:
    """What every stage of one refresh works with."""

    loop: asyncio.AbstractEventLoop
    write: StoreWriter
    images: Path
    options: RefreshOptions
    cancel: threading.Event
    report: RefreshReport
    work: _Work = field(default_factory=_Work)

    def drain(self, requests: Sequence[Request]) -> Iterator[Response | Failure]:
        """The stage's fetches, as they arrive."""
        return drain(self.loop, requests, self.options.limits, self.cancel)


def refresh(
    write: StoreWriter,
    images: Path,
    options: RefreshOptions,
    cancel: threading.Event,
    report: RefreshReport,
) -> Iterator[Progress]:
    """Refresh the due subscriptions; yield progress; fill ``report``."""
    due = write(lambda connection: feeds.due_feeds(connection, _now(), options.only))
    run = _Run(asyncio.new_event_loop(), write, images, options, cancel, report)
    remove_partials(images)
    try:
        yield from _feed_stage(run, due)
        run.work = write(lambda connection: _due_work(connection, options.only))
        if options.full_articles and run.work.pages and not cancel.is_set():
            yield from _page_stage(run)
        if options.photos and run.work.pictures and not cancel.is_set():
            yield from _photo_stage(run)
    finally:
        close_loop(run.loop)
    report.cancelled = cancel.is_set()
    yield Progress(1, 1, summary(report))


def _feed_stage(run: _Run, due: Sequence[FeedState]) -> Iterator[Progress]:
    """Fetch every due feed; parse each answer (in the parser pool, when there is one) while
    the rest download; store what is new in each as soon as it is parsed."""
    by_url = {state.url: state for state in due}
    requests = [
        Request(s.url, Validators(s.etag, s.last_modified), accept=FEED_ACCEPT) for s in due
    ]
    parsing: list[_Parsing] = []
    store = _FeedStore(run)
    yield Progress(0, len(due), f"Checking {count(len(due), 'source')}…")
    ticking = drain_ticking(
        run.loop, requests, run.options.limits, run.cancel, tick=PARSED_POLL_SECONDS
    )
    for result in ticking:
        if result is None:  # still downloading: store what has been parsed meanwhile
            yield from store.parsed(parsing, len(due), wait=False)
            continue
        state = by_url[result.url]
        if isinstance(result, Failure) or result.not_modified:
            yield store.answer(state, result, len(due))
        else:
            parsing.append(_Parsing(state, result, _submit(run.options.parser, result)))
        yield from store.parsed(parsing, len(due), wait=False)
    if run.cancel.is_set():  # what has not started parsing is dropped; the rest is still stored
        for item in parsing:
            item.future.cancel()
        parsing[:] = [item for item in parsing if not item.future.cancelled()]
    yield from store.parsed(parsing, len(due), wait=True)


@dataclass(frozen=True, slots=True)
class _Parsing:
    """A feed's answer being parsed."""

    state: FeedState
    response: Response
    future: Future[ReadyFeed]


@dataclass
class _FeedStore:
    """Stores what each feed's answer holds, counting sources as they are done."""

    run: _Run

    def answer(self, state: FeedState, result: Response | Failure, total: int) -> Progress:
        """Record a failure or a 304; return the progress after it."""
        if isinstance(result, Failure):
            outcome = _record_failure(self.run.write, state, result)
        else:
            self.run.write(
                lambda c: feeds.record_success(c, state.source_id, _now(), **_validators(result))
            )
            outcome = SourceOutcome(state.source_id, state.url, "unchanged")
        return self._done(outcome, total)

    def parsed(self, parsing: list[_Parsing], total: int, wait: bool) -> Iterator[Progress]:
        """Store the feeds whose parsing has finished, in the order they finish; when waiting,
        every one of them."""
        while parsing:
            ready = [item for item in parsing if item.future.done()]
            if not ready and not wait:
                return
            if not ready:
                futures.wait([item.future for item in parsing], return_when=futures.FIRST_COMPLETED)
                continue
            for item in ready:
                parsing.remove(item)
                yield self._done(self._store(item), total)

    def _store(self, item: _Parsing) -> SourceOutcome:
        """Store one parsed feed's new entries, or its parsing failure."""
        state = item.state
        full = self.run.options.full_articles and state.full_articles
        write, images = self.run.write, self.run.images
        try:
            ready = item.future.result()
            added = _store_entries(write, images, state, item.response, ready, full)
        except FeedParseError as error:
            return self._failed(state, str(error))
        except (sqlite3.Error, OSError):  # the store's trouble, not this feed's
            raise
        except Exception:
            log.exception("Reading the feed %s failed", state.url)
            return self._failed(state, UNHANDLED_FEED)
        return SourceOutcome(state.source_id, state.url, "updated", new=len(added))

    def _failed(self, state: FeedState, reason: str) -> SourceOutcome:
        """Keep the sentence saying why a feed could not be read beside it."""
        self.run.write(lambda c: feeds.record_failure(c, state.source_id, _now(), reason))
        return SourceOutcome(state.source_id, state.url, "failed", error=reason)

    def _done(self, outcome: SourceOutcome, total: int) -> Progress:
        """Count a source as done."""
        self.run.report.outcomes.append(outcome)
        return Progress(len(self.run.report.outcomes), total, outcome_line(outcome))


def _submit(parser: Executor | None, response: Response) -> Future[ReadyFeed]:
    """Parse a feed's answer in the pool, or here and now when there is none."""
    arguments = (response.body, response.final_url, response.content_type)
    future: Future[ReadyFeed] = Future()
    try:
        if parser is not None:  # a pool whose process died refuses work: that feed's failure
            return parser.submit(read_feed, *arguments)
        future.set_result(read_feed(*arguments))
    except Exception as error:  # the feed's own failure, said when it is stored
        future.set_exception(error)
    return future


def _record_failure(write: StoreWriter, state: FeedState, failure: Failure) -> SourceOutcome:
    """Keep a failed fetch's sentence beside the source; a feed that is gone is not asked again."""
    gone = failure.kind is FailureKind.GONE
    retry = to_timestamp(failure.retry_after) if failure.retry_after else None
    write(
        lambda c: feeds.record_failure(
            c, state.source_id, _now(), failure.sentence, retry_after=retry, gone=gone
        )
    )
    status = "gone" if gone else "waiting" if failure.kind is FailureKind.RATE_LIMITED else "failed"
    return SourceOutcome(state.source_id, state.url, status, error=failure.sentence)


def _store_entries(
    write: StoreWriter,
    images: Path,
    state: FeedState,
    response: Response,
    ready: ReadyFeed,
    full_articles: bool,
) -> list[tuple[int, FeedEntry]]:
    """The new entries with what is still to fetch for them (their pages, or their pictures), in
    transactions of at most ``STORE_BATCH`` entries so that a huge feed never holds the store
    from other writers (a bookmark) for long, then the feed's answer; return the stored ones.
    Until the answer is recorded, the next refresh fetches the feed again, and what was stored
    already is recognised."""
    added: list[tuple[int, FeedEntry]] = []
    prepared = ready.entries
    for start in range(0, len(prepared), STORE_BATCH):
        batch = prepared[start : start + STORE_BATCH]
        store = partial(_store_batch, images=images, state=state, batch=batch, full=full_articles)
        added += write(store)
    parsed = ready.feed
    write(
        lambda c: feeds.record_success(
            c,
            state.source_id,
            _now(),
            **_validators(response),
            problem=parsed.problem,
            title=parsed.title,
            site_url=parsed.site_url,
        )
    )
    return added


def _store_batch(
    connection: sqlite3.Connection,
    images: Path,
    state: FeedState,
    batch: Sequence[tuple[FeedEntry, Prepared]],
    full: bool,
) -> list[tuple[int, FeedEntry]]:
    """In one transaction: the entries of a batch not stored before, and what is still to fetch
    for them; return them."""
    fresh = feeds.unseen(connection, state.source_id, [p.keys for _, p in batch])
    added: list[tuple[int, FeedEntry]] = []
    for (entry, entry_ready), is_new in zip(batch, fresh, strict=True):
        if not is_new:
            continue
        article = entry_article(entry, entry_ready)
        article_id = loading.add_article(
            connection, state.source_id, article, images, known_new=True
        )
        if article_id is not None:
            added.append((article_id, entry))
            pending.plan(connection, _planned(article_id, entry, full))
    return added


def _planned(article_id: int, entry: FeedEntry, full_articles: bool) -> list[pending.Work]:
    """What to fetch for a new article: its page, when it has only a summary and full articles
    are wanted (with the feed's own photo, should the page have none); else its pictures."""
    if full_articles and not entry.content_html and entry.link:
        return [
            pending.Work(
                article_id, pending.PAGE, entry.link, caption=entry.image_caption,
                credit=entry.image_credit, photo=entry.image_url,
            )
        ]  # fmt: skip
    wanted = wanted_pictures(
        article_id, entry.image_url, entry.images, entry.image_caption, entry.image_credit
    )
    return [as_work(item) for item in wanted]


def _due_work(connection: sqlite3.Connection, sources: tuple[int, ...] | None) -> _Work:
    """The pages and pictures still to fetch whose time has come."""
    work = _Work()
    for item in pending.due(connection, _now(), sources):
        if item.kind == pending.PAGE:
            work.pages.append(item)
        else:
            work.pictures.append(from_work(item))
    return work


def _page_stage(run: _Run) -> Iterator[Progress]:
    """Fetch the pages of summary-only articles (once each, for every article that has it) and
    store their full text."""
    by_url: dict[str, list[pending.Work]] = {}
    for item in run.work.pages:
        by_url.setdefault(item.url, []).append(item)
    requests = [Request(url, accept=PAGE_ACCEPT) for url in by_url]
    for done, result in enumerate(run.drain(requests), start=1):
        items = by_url[result.url]
        run.work.pictures += _complete_from_page(run.write, items, result)
        run.report.pages_completed += len(items) if isinstance(result, Response) else 0
        said = f"Fetched {done} of {count(len(requests), 'full article')}"
        yield Progress(done, len(requests), said)


def _complete_from_page(
    write: StoreWriter, items: list[pending.Work], result: Response | Failure
) -> list[Wanted]:
    """Store the article a page holds for every article it is the page of; return their
    pictures, still to download (the feeds' own photos when the page cannot be had)."""
    if isinstance(result, Failure):
        return _page_failed(write, items, result.sentence)
    try:
        page = extract_article(result.body, result.final_url)
    except ExtractionError as error:
        return _page_failed(write, items, str(error))
    except Exception:  # one page's trouble is that article's, never the refresh's
        log.exception("Extracting the article at %s failed", result.final_url)
        return _page_failed(write, items, UNHANDLED_PAGE)
    return [picture for item in items for picture in _store_page(write, item, page)]


def _store_page(write: StoreWriter, item: pending.Work, page: Extracted) -> list[Wanted]:
    """Store an article's full text and strike its page off, planning its pictures (the
    feed's own photo as its lead when the page shows none); return those pictures."""
    published = to_timestamp(page.published) if page.published else None
    lead: str | None = page.image_url
    caption, credit = page.caption, page.credit
    if lead is None:
        lead, caption, credit = item.photo, item.caption, item.credit
    pictures = wanted_pictures(item.article_id, lead, body_images(page.html), caption, credit)

    def store(connection: sqlite3.Connection) -> None:
        loading.complete_article(
            connection,
            item.article_id,
            body_html=page.html,
            body_text=page.text,
            byline=page.byline,
            published=published,
            caption=page.caption,
            credit=page.credit,
        )
        pending.done(connection, item.article_id, pending.PAGE, item.url)
        pending.plan(connection, [as_work(picture) for picture in pictures])

    write(store)
    return pictures


def _page_failed(write: StoreWriter, items: list[pending.Work], reason: str) -> list[Wanted]:
    """Keep the summaries, say why, try the page again later; meanwhile the feeds' own photos."""
    now = _now()
    wanted = [
        picture
        for item in items
        for picture in wanted_pictures(item.article_id, item.photo, [], item.caption, item.credit)
    ]

    def note(connection: sqlite3.Connection) -> None:
        for item in items:
            loading.note_extraction_failed(connection, item.article_id, reason)
            pending.failed(connection, item.article_id, pending.PAGE, item.url, reason, now)
        pending.plan(connection, [as_work(picture) for picture in wanted])

    write(note)
    return wanted


def _photo_stage(run: _Run) -> Iterator[Progress]:
    """Download the lead photos and the pictures of the bodies, check them, and cache them."""
    tally = Tally()
    try:
        yield from fetch_pictures(
            run.write, run.images, run.work.pictures, run.drain, tally, run.options.parser
        )
    finally:
        run.report.photos_stored += tally.photos
        run.report.pictures_stored += tally.pictures


def _validators(response: Response) -> dict[str, str | None]:
    """A response's validators, as keyword arguments for ``record_success``."""
    return {"etag": response.validators.etag, "last_modified": response.validators.last_modified}


def outcome_line(outcome: SourceOutcome) -> str:
    """One line about what a refresh did for a source: its progress, and the CLI's report."""
    if outcome.status == "updated":
        return f"{outcome.url}: {outcome.new} new"
    if outcome.status == "unchanged":
        return f"{outcome.url}: unchanged"
    return f"{outcome.url}: {outcome.error}"


def summary(report: RefreshReport) -> str:
    """The sentence a refresh ends with, in the status bar and on the command line."""
    if not report.outcomes:
        if report.cancelled:
            return "The refresh was cancelled."
        return "No subscription was due for a refresh."
    failed = sum(outcome.status in {"failed", "gone"} for outcome in report.outcomes)
    sources = count(len(report.outcomes), "source")
    text = f"{count(report.new_articles, 'new article')} from {sources}"
    if failed:
        text += f"; {failed} could not be refreshed"
    if report.cancelled:
        text += " (cancelled before the end)"
    return text + "."


def _now() -> int:
    """The current time in the store's unit."""
    return int(time.time())
