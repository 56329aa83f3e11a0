"""Subscribing: find the feed behind an address a person typed, and keep it as a source.

The address may be the feed itself or a page of the site: a page's declared feeds
(``<link rel="alternate">``) are tried first, then the usual places (``/feed``, ``/rss.xml`` ...).
The window runs ``look_up_and_subscribe`` as a long operation, which stops when cancelled.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from desktop.domain import Progress
from desktop.ingest.detect import DocumentKind, detect
from desktop.ingest.discover import candidate_urls, feed_links
from desktop.ingest.feeds import FeedParseError, ParsedFeed, parse_feed
from desktop.net.fetch import FEED_ACCEPT, Failure, Limits, Request, Response, fetch
from desktop.operations import StoreWriter
from desktop.store import feeds
from desktop.store.feeds import FeedExistsError

MAX_CANDIDATES = 12
# The limits the window's look-ups fetch with; None: fetching's own. A test that stands for a
# look-up which would hang for good raises them.
LOOKUP_LIMITS: Limits | None = None
Cancelled = Callable[[], bool]
log = logging.getLogger(__name__)


class SubscribeError(ValueError):
    """No feed could be found at, or behind, the address; ``str()`` says why in one sentence."""


@dataclass(frozen=True, slots=True)
class FoundFeed:
    """A feed found for an address: where it is and what it calls itself."""

    url: str
    title: str
    site_url: str | None


@dataclass(slots=True)
class Subscription:
    """What looking for a feed and subscribing to it came to: the source, or why not."""

    source_id: int | None = None
    title: str = ""
    problem: str = ""  # one sentence when the address led to no new source


def find_feed(
    address: str, limits: Limits | None = None, cancelled: Cancelled | None = None
) -> FoundFeed:
    """The feed at ``address``, or the first feed its page points to; else ``SubscribeError``
    (also once ``cancelled()`` turns true, which stops the fetch under way)."""
    url = _normalised(address)
    answer = fetch(Request(url, accept=FEED_ACCEPT), limits, cancelled)
    if isinstance(answer, Failure):
        raise SubscribeError(answer.sentence)
    found = _as_feed(answer)
    if found is not None:
        return found
    if detect(answer.body, answer.final_url) is not DocumentKind.HTML:
        raise SubscribeError(f"{url} is neither a feed nor a web page that points to one.")
    return _first_feed(_candidates(answer), limits, url, cancelled)


def look_up_and_subscribe(
    write: StoreWriter,
    cancel: threading.Event,
    address: str,
    folder: str | None,
    outcome: Subscription,
) -> Iterator[Progress]:
    """Find the feed behind ``address`` and keep it as a source, noting in ``outcome`` what came
    of it; once ``cancel`` is set it stops, its fetch let go, and subscribes to nothing."""
    try:
        found = find_feed(address, LOOKUP_LIMITS, cancel.is_set)
    except SubscribeError as error:
        if not cancel.is_set():
            outcome.problem = str(error)
        return
    if cancel.is_set():
        return
    yield Progress(1, 2, f"Subscribing to {found.title}…")
    if cancel.is_set():
        return
    try:
        outcome.source_id = subscribe(write, found, folder)
    except FeedExistsError as error:
        outcome.problem = str(error)
        return
    outcome.title = found.title
    yield Progress(2, 2, f"Subscribed to {found.title}.")


def subscribe(
    write: StoreWriter, found: FoundFeed, folder: str | None = None, now: int | None = None
) -> int:
    """Keep a found feed as a source (bringing back one that was removed); return its id."""
    moment = int(time.time()) if now is None else now
    return write(
        lambda c: feeds.add_feed(
            c, found.url, found.title, moment, site_url=found.site_url, folder=folder
        )
    )


def _normalised(address: str) -> str:
    """An address as people type it ("paper.example/news") made into a URL."""
    text = address.strip()
    if text.startswith("feed:"):
        text = text.removeprefix("feed:").removeprefix("//")
    if "://" not in text:
        text = "https://" + text
    return text


def _as_feed(answer: Response) -> FoundFeed | None:
    """The feed an answer holds, if it is one."""
    try:
        parsed: ParsedFeed = parse_feed(answer.body, answer.final_url, answer.content_type)
    except FeedParseError:
        return None
    except Exception as error:  # something in the document no reader here expected
        log.exception("Reading the feed %s failed", answer.final_url)
        raise SubscribeError(
            f"The feed at {answer.final_url} holds something Broadsheet could not handle, "
            "so it was not added; the log has the details."
        ) from error
    title = parsed.title or parsed.site_url or answer.final_url
    return FoundFeed(answer.final_url, title, parsed.site_url)


def _candidates(page: Response) -> list[str]:
    """The addresses a page suggests for its feed: declared ones, then the usual places."""
    declared = feed_links(page.body, page.final_url)
    guessed = [url for url in candidate_urls(page.final_url) if url not in declared]
    return (declared + guessed)[:MAX_CANDIDATES]


def _first_feed(
    candidates: Iterable[str], limits: Limits | None, address: str, cancelled: Cancelled | None
) -> FoundFeed:
    """The first candidate that answers with a feed."""
    for candidate in candidates:
        if cancelled is not None and cancelled():
            raise SubscribeError(f"Looking for the feed at {address} was cancelled.")
        answer = fetch(Request(candidate, accept=FEED_ACCEPT), limits, cancelled)
        if isinstance(answer, Response):
            found = _as_feed(answer)
            if found is not None:
                return found
    raise SubscribeError(f"No feed was found at {address} or in the places sites usually keep one.")
