"""Articles on the real tt-rss: paging, new items, read and starred states, counters."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.servers.ttrss import TtrssServer
from tests.sync.loopback_feeds import LoopbackFeeds, items, rss
from tests.sync.ttrss_api import TtrssApi
from tests.sync.ttrss_feeds import counter, headlines, subscribe

pytestmark = pytest.mark.ttrss

UNREAD, STARRED = 2, 0  # updateArticle's fields
SET_FALSE, SET_TRUE, TOGGLE = 0, 1, 2  # its modes


def ids_of(found: list[dict[str, object]]) -> list[int]:
    """The article ids of some headlines, in the order given."""
    return [int(str(headline["id"])) for headline in found]


def test_headlines_come_at_most_200_a_call_and_page_with_skip(
    api: TtrssApi, loopback_feeds: LoopbackFeeds
) -> None:
    feed_id = subscribe(api, loopback_feeds, "long", items("long", 250))
    first = headlines(api, feed_id, limit=1000)
    rest = headlines(api, feed_id, limit=200, skip=200)
    assert (len(first), len(rest)) == (200, 50)
    assert len(set(ids_of(first)) | set(ids_of(rest))) == 250


def test_since_id_gives_only_the_articles_that_arrived_later(
    ttrss: TtrssServer, api: TtrssApi, loopback_feeds: LoopbackFeeds
) -> None:
    older = items("later", 4)
    feed_id = subscribe(api, loopback_feeds, "later", older)
    newest_seen = max(ids_of(headlines(api, feed_id)))
    newer = items("later-new", 3, start=datetime(2026, 12, 2, 12, tzinfo=UTC))
    loopback_feeds.publish("later", rss("Later", newer + older))
    ttrss.forget_fetched_feeds()
    api.call("updateFeed", feed_id=feed_id)
    arrived = headlines(api, feed_id, since_id=newest_seen)
    assert sorted(headline["title"] for headline in arrived) == sorted(i.title for i in newer)


def test_absolute_modes_set_read_and_starred_and_count_matched_ids(
    api: TtrssApi, loopback_feeds: LoopbackFeeds
) -> None:
    feed_id = subscribe(api, loopback_feeds, "states", items("states", 4))
    first, second, third, _ = ids_of(headlines(api, feed_id))
    both = f"{first},{second}"
    answer = api.call("updateArticle", article_ids=both, mode=SET_FALSE, field=UNREAD)
    assert answer == {"status": "OK", "updated": 2}
    again = api.call("updateArticle", article_ids=both, mode=SET_FALSE, field=UNREAD)
    assert again["updated"] == 2  # matched, not changed: setting a state twice is harmless
    api.call("updateArticle", article_ids=str(third), mode=SET_TRUE, field=STARRED)
    states = {h["id"]: (h["unread"], h["marked"]) for h in headlines(api, feed_id)}
    assert states[first] == states[second] == (False, False)
    assert states[third] == (True, True)


def test_unknown_article_ids_are_not_counted_as_updated(
    api: TtrssApi, loopback_feeds: LoopbackFeeds
) -> None:
    feed_id = subscribe(api, loopback_feeds, "unknown", items("unknown", 2))
    known = ids_of(headlines(api, feed_id))[0]
    answer = api.call("updateArticle", article_ids="987654", mode=SET_FALSE, field=UNREAD)
    assert answer == {"status": "OK", "updated": 0}
    mixed = api.call("updateArticle", article_ids=f"{known},987655", mode=SET_FALSE, field=UNREAD)
    assert mixed["updated"] == 1


def test_a_retried_toggle_undoes_itself(api: TtrssApi, loopback_feeds: LoopbackFeeds) -> None:
    feed_id = subscribe(api, loopback_feeds, "toggle", items("toggle", 1))
    (only,) = ids_of(headlines(api, feed_id))
    for _ in range(2):
        api.call("updateArticle", article_ids=str(only), mode=TOGGLE, field=STARRED)
    assert headlines(api, feed_id)[0]["marked"] is False


def test_read_and_starred_states_come_as_whole_sets(
    api: TtrssApi, loopback_feeds: LoopbackFeeds
) -> None:
    feed_id = subscribe(api, loopback_feeds, "sets", items("sets", 3))
    first, second, third = ids_of(headlines(api, feed_id))
    api.call("updateArticle", article_ids=str(first), mode=SET_FALSE, field=UNREAD)
    api.call("updateArticle", article_ids=f"{second},{third}", mode=SET_TRUE, field=STARRED)
    unread = set(ids_of(headlines(api, -4, view_mode="unread")))
    starred = set(ids_of(headlines(api, -1)))
    assert {second, third} <= unread and first not in unread
    assert {second, third} <= starred and first not in starred
    api.call("updateArticle", article_ids=str(third), mode=SET_FALSE, field=STARRED)
    assert third not in set(ids_of(headlines(api, -1)))


def test_counters_follow_reading_and_catching_up(
    api: TtrssApi, loopback_feeds: LoopbackFeeds
) -> None:
    feed_id = subscribe(api, loopback_feeds, "counted", items("counted", 5))
    assert counter(api, feed_id)["counter"] == 5
    global_before = counter(api, "global-unread")["counter"]
    first, second = ids_of(headlines(api, feed_id))[:2]
    api.call("updateArticle", article_ids=f"{first},{second}", mode=SET_FALSE, field=UNREAD)
    assert counter(api, feed_id)["counter"] == 3
    assert counter(api, "global-unread")["counter"] == global_before - 2
    assert api.call("catchupFeed", feed_id=feed_id) == {"status": "OK"}
    assert counter(api, feed_id)["counter"] == 0
    assert headlines(api, feed_id, view_mode="unread") == []


def test_catching_up_also_marks_articles_the_client_never_saw(
    ttrss: TtrssServer, api: TtrssApi, loopback_feeds: LoopbackFeeds
) -> None:
    seen = items("unseen", 2)
    feed_id = subscribe(api, loopback_feeds, "unseen", seen)
    shown = set(ids_of(headlines(api, feed_id)))
    never_shown = items("unseen-new", 2, start=datetime(2026, 12, 2, 12, tzinfo=UTC))
    loopback_feeds.publish("unseen", rss("Unseen", never_shown + seen))
    ttrss.forget_fetched_feeds()
    api.call("updateFeed", feed_id=feed_id)
    api.call("catchupFeed", feed_id=feed_id)
    everything = headlines(api, feed_id)
    assert len(everything) == 4 and not set(ids_of(everything)) <= shown
    assert [headline for headline in everything if headline["unread"]] == []
