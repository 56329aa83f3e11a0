"""Feeds put on the real tt-rss the way a person's would be: published, subscribed, fetched."""

from __future__ import annotations

from typing import Any

from tests.sync.loopback_feeds import Item, LoopbackFeeds, rss
from tests.sync.ttrss_api import TtrssApi


def subscribe(api: TtrssApi, feeds: LoopbackFeeds, name: str, entries: list[Item]) -> int:
    """Publish a feed, subscribe tt-rss to it and have tt-rss fetch it; returns the feed's id."""
    url = feeds.publish(name, rss(name.title(), entries))
    answer = api.call("subscribeToFeed", feed_url=url)
    assert answer["status"]["code"] == 1, answer
    feed_id = int(answer["status"]["feed_id"])
    assert api.call("updateFeed", feed_id=feed_id) == {"status": "OK"}
    return feed_id


def headlines(api: TtrssApi, feed_id: int, **parameters: Any) -> list[dict[str, Any]]:
    """One call's headlines of a feed (or a special feed: -1 starred, -4 all)."""
    found: list[dict[str, Any]] = api.call("getHeadlines", feed_id=feed_id, **parameters)
    return found


def counter(api: TtrssApi, feed_id: int | str) -> dict[str, Any]:
    """The getCounters entry of a feed (or of ``global-unread``)."""
    counters: list[dict[str, Any]] = api.call("getCounters")
    return next(entry for entry in counters if entry["id"] == feed_id and "kind" not in entry)
