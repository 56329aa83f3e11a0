"""A person reading in newsboat's text interface: the server learns what was read."""

from __future__ import annotations

import pytest

from tests.sync.loopback_feeds import LoopbackFeeds, items
from tests.sync.newsboat import Newsboat
from tests.sync.newsboat_screen import NewsboatScreen
from tests.sync.ttrss_api import TtrssApi
from tests.sync.ttrss_feeds import headlines, subscribe

pytestmark = pytest.mark.ttrss


def test_an_article_read_in_newsboat_is_read_on_the_server(
    newsboat: Newsboat, api: TtrssApi, loopback_feeds: LoopbackFeeds
) -> None:
    entries = items("read-in-newsboat", 3)
    feed_id = subscribe(api, loopback_feeds, "read-in-newsboat", entries)
    newsboat.unread()  # the first reload brings the feed into newsboat's cache
    screen = NewsboatScreen(newsboat.folder)
    screen.press("", then_shows="Read-In-Newsboat")
    screen.press("\r", then_shows=entries[0].title)
    screen.press("\r", then_shows="in a few words")
    assert screen.quit() == 0
    unread = {h["title"]: h["unread"] for h in headlines(api, feed_id)}
    assert unread == {entries[0].title: False, entries[1].title: True, entries[2].title: True}
