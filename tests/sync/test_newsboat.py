"""newsboat reads the same tt-rss account and counts what the server counts."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.servers.ttrss import HarnessError, TtrssServer, packages
from tests.sync.loopback_feeds import LoopbackFeeds, items
from tests.sync.newsboat import Newsboat
from tests.sync.ttrss_api import TtrssApi
from tests.sync.ttrss_feeds import counter, headlines, subscribe
from tests.sync.unavailable import cannot_run

pytestmark = pytest.mark.ttrss


@pytest.fixture(scope="module")
def newsboat_installed() -> Iterator[None]:
    """newsboat from Debian, installed when missing."""
    try:
        packages.install(("newsboat",))
    except HarnessError as error:
        cannot_run(f"newsboat could not be installed: {error}")
    yield


@pytest.fixture
def newsboat(newsboat_installed: None, ttrss: TtrssServer, tmp_path: Path) -> Newsboat:
    """newsboat configured for the admin's account on the session's tt-rss."""
    return Newsboat.for_server(ttrss, tmp_path / "newsboat")


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
