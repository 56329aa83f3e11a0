"""Subscriptions on the real tt-rss: it fetches feeds from this machine, lists and removes them."""

from __future__ import annotations

import json

import pytest

from tests.servers.ttrss import TtrssServer
from tests.sync.loopback_feeds import LoopbackFeeds, items, rss
from tests.sync.ttrss_api import TtrssApi, TtrssError, article_guid
from tests.sync.ttrss_feeds import headlines, subscribe

pytestmark = pytest.mark.ttrss


def test_a_subscribed_feed_is_fetched_by_the_server_and_listed(
    api: TtrssApi, loopback_feeds: LoopbackFeeds
) -> None:
    entries = items("world", 5)
    feed_id = subscribe(api, loopback_feeds, "world", entries)
    assert "world" in loopback_feeds.fetched
    listed = api.call("getFeeds", cat_id=-3)
    assert [(feed["id"], feed["title"], feed["unread"]) for feed in listed] == [
        (feed_id, "World", 5)
    ]
    assert listed[0]["feed_url"] == loopback_feeds.url("world")
    titles = [headline["title"] for headline in headlines(api, feed_id)]
    assert titles == [entry.title for entry in entries]


def test_subscribing_again_to_the_same_address_gives_the_same_feed(
    api: TtrssApi, loopback_feeds: LoopbackFeeds
) -> None:
    feed_id = subscribe(api, loopback_feeds, "again", items("again", 1))
    answer = api.call("subscribeToFeed", feed_url=loopback_feeds.url("again"))
    assert answer["status"] == {"code": 0, "feed_id": feed_id}


def test_a_feed_that_is_not_there_is_refused_with_code_5(
    api: TtrssApi, loopback_feeds: LoopbackFeeds
) -> None:
    answer = api.call("subscribeToFeed", feed_url=loopback_feeds.url("missing"))
    assert answer["status"]["code"] == 5
    assert "404" in answer["status"]["message"]


def test_plain_loopback_addresses_are_refused_by_the_server(api: TtrssApi) -> None:
    for address in ("http://127.0.0.1/feed", "http://localhost/feed", "http://[::1]:8080/f"):
        answer = api.call("subscribeToFeed", feed_url=address)
        assert answer["status"]["code"] == 5, address


def test_an_article_guid_is_sha1_of_the_feed_guid_inside_a_json_record(
    api: TtrssApi, loopback_feeds: LoopbackFeeds
) -> None:
    entries = items("guids", 3)
    feed_id = subscribe(api, loopback_feeds, "guids", entries)
    stored = {found["title"]: json.loads(found["guid"]) for found in headlines(api, feed_id)}
    for entry in entries:
        assert stored[entry.title] == {"ver": 2, "uid": 1, "hash": article_guid(entry.guid)}


def test_categories_hold_the_feeds_subscribed_into_them(
    ttrss: TtrssServer, api: TtrssApi, loopback_feeds: LoopbackFeeds
) -> None:
    made = ttrss.sql(
        "INSERT INTO ttrss_feed_categories (owner_uid, title) VALUES (1, 'Politics') RETURNING id"
    )
    category = int(made.split()[0])
    url = loopback_feeds.publish("politics", rss("Politics", items("politics", 2)))
    feed_id = api.call("subscribeToFeed", feed_url=url, category_id=category)["status"]["feed_id"]
    api.call("updateFeed", feed_id=feed_id)
    in_category = api.call("getFeeds", cat_id=category)
    assert [(feed["id"], feed["cat_id"]) for feed in in_category] == [(feed_id, category)]
    listed = {entry["title"]: entry for entry in api.call("getCategories")}
    assert listed["Politics"]["unread"] == 2
    assert int(listed["Politics"]["id"]) == category


def test_unsubscribing_removes_the_feed_but_keeps_its_starred_articles(
    api: TtrssApi, loopback_feeds: LoopbackFeeds
) -> None:
    feed_id = subscribe(api, loopback_feeds, "leaving", items("leaving", 3))
    starred = headlines(api, feed_id)[1]
    api.call("updateArticle", article_ids=str(starred["id"]), mode=1, field=0)
    assert api.call("unsubscribeFeed", feed_id=feed_id) == {"status": "OK"}
    assert feed_id not in [feed["id"] for feed in api.call("getFeeds", cat_id=-3)]
    kept = headlines(api, -1)
    assert [(headline["id"], headline["feed_id"]) for headline in kept] == [(starred["id"], 0)]
    with pytest.raises(TtrssError, match="FEED_NOT_FOUND"):
        api.call("unsubscribeFeed", feed_id=feed_id)


def test_an_empty_category_is_listed_only_when_asked_for(ttrss: TtrssServer, api: TtrssApi) -> None:
    ttrss.sql("INSERT INTO ttrss_feed_categories (owner_uid, title) VALUES (1, 'Empty for now')")
    assert "Empty for now" not in [entry["title"] for entry in api.call("getCategories")]
    every = api.call("getCategories", include_empty=True)
    assert "Empty for now" in [entry["title"] for entry in every]
