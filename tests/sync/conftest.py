"""One real tt-rss per test session (a fresh database per module) and the feeds it fetches.

When tt-rss cannot be installed or started, its tests fail with the reason; on a machine where
that is expected, ``BROADSHEET_SKIP_TTRSS=1`` turns the failure into a skip, and only then.
"""

from __future__ import annotations

from collections.abc import Generator, Iterator
from pathlib import Path

import pytest

from tests.servers.ttrss import HarnessError, TtrssServer, packages, start_server, stop_server
from tests.sync.loopback_feeds import LoopbackFeeds, start_loopback_feeds
from tests.sync.newsboat import Newsboat
from tests.sync.ttrss_api import TtrssApi
from tests.sync.unavailable import cannot_run


@pytest.fixture(scope="session")
def ttrss_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TtrssServer]:
    """The session's tt-rss, stopped at the end; its logs are kept in pytest's temp folder."""
    try:
        server = start_server()
    except HarnessError as error:
        cannot_run(f"tt-rss could not be started: {error}")
    yield server
    stop_server(server, keep_logs=tmp_path_factory.mktemp("ttrss-logs"))


@pytest.fixture(scope="session")
def loopback_feeds() -> Iterator[LoopbackFeeds]:
    """The session's feed server, which tt-rss fetches as it fetches any feed."""
    try:
        feeds = start_loopback_feeds()
    except OSError as error:
        cannot_run(f"the feeds for tt-rss could not be served: {error}")
    yield feeds
    feeds.server.stop()


@pytest.fixture(scope="module")
def ttrss(ttrss_server: TtrssServer, loopback_feeds: LoopbackFeeds) -> TtrssServer:
    """The session's tt-rss on a fresh database: no feeds, no articles, the API on."""
    ttrss_server.fresh_database()
    loopback_feeds.feeds.clear()
    return ttrss_server


@pytest.fixture
def api(ttrss: TtrssServer) -> Iterator[TtrssApi]:
    """A logged-in API session with the admin's credentials."""
    client = TtrssApi(ttrss)
    client.login()
    yield client
    client.close()


@pytest.fixture(scope="session")
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


_LOG_START = pytest.StashKey[int]()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    """A failed test that used tt-rss carries what tt-rss logged while it ran."""
    report = yield
    server = getattr(item, "funcargs", {}).get("ttrss_server")
    if isinstance(server, TtrssServer):
        log = Path(server.logs) / "php.log"
        if call.when == "setup":
            item.stash[_LOG_START] = log.stat().st_size if log.exists() else 0
        elif report.failed:
            report.sections.append(("tt-rss log", _since(log, item.stash.get(_LOG_START, 0))))
    return report


def _since(log: Path, offset: int, lines: int = 80) -> str:
    """The last lines tt-rss's PHP wrote after ``offset``."""
    with log.open("rb") as opened:
        opened.seek(offset)
        written = opened.read().decode("utf-8", errors="replace").splitlines()
    return "\n".join(written[-lines:])
