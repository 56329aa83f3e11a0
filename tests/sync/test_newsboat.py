"""newsboat reads the same tt-rss account and counts what the server counts."""

from __future__ import annotations

import pytest

from tests.sync.loopback_feeds import LoopbackFeeds, items
from tests.sync.newsboat import Newsboat
from tests.sync.ttrss_api import TtrssApi
from tests.sync.ttrss_feeds import counter, headlines, subscribe

pytestmark = pytest.mark.ttrss


def test_newsboat_counts_the_unread_articles_the_server_counts(
    newsboat: Newsboat, api: TtrssApi, loopback_feeds: LoopbackFeeds
) -> None:
    subscribe(api, loopback_feeds, "shared", items("shared", 6))
    assert counter(api, "global-unread")["counter"] == 6
    assert newsboat.unread() == 6


def test_articles_read_through_the_server_are_read_in_newsboat(
    newsboat: Newsboat, api: TtrssApi, loopback_feeds: LoopbackFeeds
) -> None:
    feed_id = subscribe(api, loopback_feeds, "read-elsewhere", items("read-elsewhere", 4))
    before = newsboat.unread()
    read = [str(headline["id"]) for headline in headlines(api, feed_id)[:3]]
    api.call("updateArticle", article_ids=",".join(read), mode=0, field=2)
    assert newsboat.unread() == before - 3 == counter(api, "global-unread")["counter"]
