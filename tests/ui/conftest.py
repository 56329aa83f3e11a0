"""Window fixtures: the real window over a copy of the sample profile, with real threads."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication
from pytest_httpserver import HTTPServer
from pytestqt.qtbot import QtBot

from desktop.app import create_window
from desktop.domain import MarketSnapshot
from desktop.ingest.edition import read_market_snapshot
from desktop.paths import AppPaths, resource
from desktop.ui.appearance import FIELDS
from desktop.ui.reading.reader import ArticleBrowser
from desktop.ui.shell.main_window import MainWindow
from tests.newsroom import Item, Newsroom
from tests.silent_server import SilentServer
from tests.ui.controller_parts import Parts, controller_parts
from tests.ui.market_window import store_live_figures

WindowFactory = Callable[[], MainWindow]
COURIER_FEED = "/feeds/courier.xml"
COURIER_ITEMS = [
    Item(
        "ferry-timetable",
        "Winter ferry timetable published",
        "Sailings drop to four a day from December.",
        content="<p>Sailings drop to four a day from December.</p>",
        hours=1,
    ),
    Item(
        "pilot-station",
        "Pilot station stays open through the winter",
        "The harbour board reversed its spring decision.",
        content="<p>The harbour board reversed its spring decision.</p>",
        hours=2,
    ),
    Item(
        "lifeboat",
        "Lifeboat crew rescues two sailors off the point",
        "Both were brought ashore unhurt.",
        content="<p>Both were brought ashore unhurt.</p>",
        hours=3,
    ),
]


@pytest.fixture
def open_window(qtbot: QtBot, data_dir: Path) -> WindowFactory:
    """Open a window over this test's profile; every window is closed (and its store sealed)."""

    def factory() -> MainWindow:
        window = create_window(data_dir)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        return window

    return factory


@pytest.fixture
def window(open_window: WindowFactory) -> MainWindow:
    """The window as a person first sees it: the newest article open."""
    return open_window()


@pytest.fixture
def parts(qtbot: QtBot, paths: AppPaths) -> Iterator[Parts]:
    """A controller's parts without a window: the list over this test's store, showing every
    article, a reader, the commands and a real task runner (shut down afterwards)."""
    with controller_parts(qtbot, paths) as built:
        yield built


@pytest.fixture
def courier(httpserver: HTTPServer) -> Newsroom:
    """The Test Courier on the local server: a feed of three full entries at ``COURIER_FEED``."""
    room = Newsroom(httpserver)
    room.publish_feed(COURIER_FEED, "The Test Courier", COURIER_ITEMS)
    return room


@pytest.fixture
def slow_site() -> Iterator[Newsroom]:
    """A second local site on a threaded server, so one held answer does not stop the others;
    whatever it holds is let go before the server stops."""
    server = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    server.start()
    room = Newsroom(server)
    yield room
    room.release.set()
    server.clear()
    server.stop()


@pytest.fixture
def silent_site() -> Iterator[SilentServer]:
    """A local site that takes requests and never answers them."""
    with SilentServer() as server:
        yield server


@pytest.fixture
def british_utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Write numbers and dates as en_GB does, in UTC, whatever the machine's settings."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    yield
    QLocale.setDefault(before)
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def images(tmp_path: Path) -> Path:
    """An empty photo cache for a reader on its own."""
    folder = tmp_path / "images"
    folder.mkdir()
    return folder


@pytest.fixture
def reader(qtbot: QtBot, images: Path) -> ArticleBrowser:
    """The reading view on its own, shown at 760 x 700 over the ``images`` cache."""
    browser = ArticleBrowser(images)
    qtbot.addWidget(browser)
    browser.resize(760, 700)
    browser.show()
    qtbot.waitExposed(browser)
    return browser


@pytest.fixture
def live(paths: AppPaths, snapshot: MarketSnapshot) -> None:
    """Today's figures, with history, in this test's profile."""
    store_live_figures(paths, snapshot, datetime.now(UTC))


@pytest.fixture(scope="session")
def snapshot() -> MarketSnapshot:
    """The sample edition's market snapshot: 169 rates per 1 USD and 16 quotes."""
    return read_market_snapshot(resource("sample", "market.json"))


@pytest.fixture(autouse=True)
def _appearance_restored(qapp: QApplication) -> Iterator[None]:
    """Put the application's palette back, the text fields' own too, after a test that chose an
    appearance, so the next test starts from Qt's."""
    before = qapp.palette()
    yield
    fields = [qapp.palette(kind) for kind in FIELDS]  # type: ignore[call-overload]
    if any(palette != before for palette in fields) or qapp.palette() != before:
        qapp.setPalette(before)
        for kind in FIELDS:
            qapp.setPalette(before, kind)  # type: ignore[arg-type]
