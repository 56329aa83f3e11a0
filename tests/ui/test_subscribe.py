"""Adding a subscription from the window: a feed, a site that declares its feed, the catalogue,
and the sentences a person reads when it cannot be done."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop.paths import AppPaths
from desktop.ui.dialogs.subscribe_dialog import SubscribeDialog
from desktop.ui.shell.main_window import MainWindow
from tests.newsroom import Newsroom
from tests.silent_server import SilentServer
from tests.ui.conftest import COURIER_FEED, COURIER_ITEMS, WindowFactory
from tests.ui.parts import add_source, article_titles, section_texts, stored

COURIER_TITLES = {item.title for item in COURIER_ITEMS}


@pytest.fixture
def no_message_boxes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record any message box instead of showing it: the dialog must not need one."""
    shown: list[str] = []
    for kind in ("information", "warning", "critical", "question"):
        monkeypatch.setattr(QMessageBox, kind, lambda *args, **_: shown.append(str(args[2])))
    return shown


def _open_dialog(window: MainWindow, qtbot: QtBot) -> SubscribeDialog:
    window.commands.add_subscription.trigger()
    dialog = window.findChild(SubscribeDialog, "subscribeDialog")
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def _part(dialog: QWidget, kind: type[QWidget], name: str) -> QWidget:
    found = dialog.findChild(kind, name)
    assert found is not None, name
    return found


def _address(dialog: SubscribeDialog) -> QLineEdit:
    found = _part(dialog, QLineEdit, "subscribeAddress")
    assert isinstance(found, QLineEdit)
    return found


def _status(dialog: SubscribeDialog) -> str:
    label = _part(dialog, QLabel, "subscribeStatus")
    assert isinstance(label, QLabel)
    return label.text()


def _subscribe(dialog: SubscribeDialog, qtbot: QtBot, address: str) -> None:
    _address(dialog).setText(address)
    qtbot.mouseClick(_part(dialog, QPushButton, "subscribeButton"), Qt.MouseButton.LeftButton)


def test_subscribing_to_a_feed_lists_the_source_and_fetches_its_articles(
    window: MainWindow, qtbot: QtBot, courier: Newsroom, no_message_boxes: list[str]
) -> None:
    dialog = _open_dialog(window, qtbot)
    _subscribe(dialog, qtbot, courier.url(COURIER_FEED))
    qtbot.waitUntil(lambda: not dialog.isVisible())
    qtbot.waitUntil(lambda: "The Test Courier" in section_texts(window))
    qtbot.waitUntil(lambda: set(article_titles(window)) >= COURIER_TITLES, timeout=10_000)
    qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith("3 new articles"))
    assert window.statusBar().currentMessage() == "3 new articles from 1 source."
    assert courier.requests == [COURIER_FEED, COURIER_FEED]  # looked for, then refreshed
    assert not no_message_boxes


def test_a_site_that_declares_its_feed_is_found_from_its_front_page(
    window: MainWindow, qtbot: QtBot, courier: Newsroom, paths: AppPaths
) -> None:
    page = courier.publish_front_page("/", "The Test Courier — front page", COURIER_FEED)
    dialog = _open_dialog(window, qtbot)
    _subscribe(dialog, qtbot, page)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    qtbot.waitUntil(lambda: "The Test Courier" in section_texts(window))
    url = stored(paths, "SELECT url FROM sources WHERE title = 'The Test Courier'")
    assert url == courier.url(COURIER_FEED)  # the feed, not the page


def test_a_subscription_can_go_into_a_folder(
    window: MainWindow, qtbot: QtBot, courier: Newsroom
) -> None:
    dialog = _open_dialog(window, qtbot)
    folder = _part(dialog, QComboBox, "subscribeFolder")
    assert isinstance(folder, QComboBox)
    folder.setEditText("Harbour")
    _subscribe(dialog, qtbot, courier.url(COURIER_FEED))
    qtbot.waitUntil(lambda: "Harbour" in section_texts(window))
    texts = section_texts(window)
    assert texts.index("Harbour") < texts.index("The Test Courier")  # the heading, then it


def test_the_dialog_stays_responsive_while_it_looks_for_the_feed(
    window: MainWindow, qtbot: QtBot, slow_site: Newsroom
) -> None:
    feed = slow_site.publish_held_feed("/slow.xml", "The Slow Gazette", COURIER_ITEMS[:1])
    dialog = _open_dialog(window, qtbot)
    _subscribe(dialog, qtbot, feed)
    busy = _part(dialog, QProgressBar, "subscribeBusy")
    assert busy.isVisible() and _status(dialog) == f"Looking for the feed at {feed}…"
    assert not _part(dialog, QPushButton, "subscribeButton").isEnabled()
    search = _part(dialog, QLineEdit, "catalogueSearch")
    qtbot.keyClicks(search, "german")  # the window's thread is free: typing filters at once
    catalogue = _part(dialog, QTreeWidget, "catalogueList")
    assert isinstance(catalogue, QTreeWidget)
    shown = [
        catalogue.topLevelItem(row).text(0)  # type: ignore[union-attr]
        for row in range(catalogue.topLevelItemCount())
        if not catalogue.topLevelItem(row).isHidden()  # type: ignore[union-attr]
    ]
    assert {"DER SPIEGEL", "tagesschau"} <= set(shown) and "BBC News" not in shown
    slow_site.release.set()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    qtbot.waitUntil(lambda: "The Slow Gazette" in section_texts(window))


def test_an_address_that_is_not_a_feed_is_said_in_the_dialog(
    window: MainWindow, qtbot: QtBot, courier: Newsroom, no_message_boxes: list[str]
) -> None:
    notes = courier.publish_bytes("/notes.txt", b"Remember the milk.", "text/plain")
    dialog = _open_dialog(window, qtbot)
    _subscribe(dialog, qtbot, notes)
    expected = f"{notes} is neither a feed nor a web page that points to one."
    qtbot.waitUntil(lambda: _status(dialog) == expected)
    assert dialog.isVisible() and not _part(dialog, QProgressBar, "subscribeBusy").isVisible()
    assert _part(dialog, QPushButton, "subscribeButton").isEnabled()  # try another address
    assert "Traceback" not in _status(dialog) and not no_message_boxes
    assert section_texts(window)[-1] != "The Test Courier"


def test_subscribing_twice_says_so(
    open_window: WindowFactory,
    qtbot: QtBot,
    courier: Newsroom,
    paths: AppPaths,
    no_message_boxes: list[str],
) -> None:
    url = courier.url(COURIER_FEED)
    add_source(paths, url, "The Test Courier")
    window = open_window()
    dialog = _open_dialog(window, qtbot)
    _subscribe(dialog, qtbot, url)
    qtbot.waitUntil(lambda: _status(dialog) == f"You already subscribe to {url}.")
    assert dialog.isVisible() and not no_message_boxes
    assert stored(paths, "SELECT count(*) FROM sources WHERE url = ?", url) == 1


def test_a_feed_link_typed_and_entered_is_accepted(
    window: MainWindow, qtbot: QtBot, courier: Newsroom
) -> None:
    dialog = _open_dialog(window, qtbot)
    qtbot.keyClicks(_address(dialog), "feed:" + courier.url(COURIER_FEED))
    qtbot.keyClick(_address(dialog), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "The Test Courier" in section_texts(window))


def test_picking_from_the_catalogue_fills_the_address(window: MainWindow, qtbot: QtBot) -> None:
    dialog = _open_dialog(window, qtbot)
    qtbot.keyClicks(_part(dialog, QLineEdit, "catalogueSearch"), "guardian")
    catalogue = _part(dialog, QTreeWidget, "catalogueList")
    assert isinstance(catalogue, QTreeWidget)
    visible = [
        catalogue.topLevelItem(row)
        for row in range(catalogue.topLevelItemCount())
        if not catalogue.topLevelItem(row).isHidden()  # type: ignore[union-attr]
    ]
    assert [item.text(0) for item in visible if item] == ["The Guardian: World news"]
    assert visible[0] is not None
    assert (visible[0].text(1), visible[0].text(2)) == ("English", "United Kingdom")
    catalogue.setCurrentItem(visible[0])
    assert _address(dialog).text() == "https://www.theguardian.com/world/rss"


def test_every_control_of_the_dialog_has_an_accessible_name(
    window: MainWindow, qtbot: QtBot
) -> None:
    dialog = _open_dialog(window, qtbot)
    controls = [
        widget
        for kind in (QLineEdit, QComboBox, QAbstractButton, QAbstractItemView, QProgressBar)
        for widget in dialog.findChildren(kind)
        if widget.window() is dialog  # not the folder list's popup
        and not isinstance(widget, QHeaderView)
        and not isinstance(widget.parent(), QComboBox | QLineEdit)  # their own parts
    ]
    assert len(controls) >= 7
    unnamed = [w.objectName() or type(w).__name__ for w in controls if not w.accessibleName()]
    assert not unnamed


def test_cancelling_while_the_feed_is_looked_for_stops_the_look_up(
    window: MainWindow, qtbot: QtBot, silent_site: SilentServer, paths: AppPaths
) -> None:
    feed = silent_site.url("/silent.xml")
    dialog = _open_dialog(window, qtbot)
    _subscribe(dialog, qtbot, feed)
    qtbot.waitUntil(lambda: silent_site.requests == ["/silent.xml"])
    qtbot.mouseClick(_part(dialog, QPushButton, "subscribeCancel"), Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: silent_site.hung_up == ["/silent.xml"])  # let go, not timed out
    assert stored(paths, "SELECT count(*) FROM sources WHERE url = ?", feed) == 0
    window.commands.add_subscription.trigger()  # opens afresh
    assert _address(dialog).text() == "" and _status(dialog) == ""
    assert _part(dialog, QPushButton, "subscribeButton").isEnabled() is False


def test_a_feed_found_after_the_dialog_closed_is_not_subscribed_to(
    window: MainWindow, qtbot: QtBot, slow_site: Newsroom, paths: AppPaths
) -> None:
    feed = slow_site.publish_held_feed("/slow.xml", "The Slow Gazette", COURIER_ITEMS[:1])
    dialog = _open_dialog(window, qtbot)
    _subscribe(dialog, qtbot, feed)
    qtbot.waitUntil(lambda: slow_site.requests == ["/slow.xml"])
    qtbot.mouseClick(_part(dialog, QPushButton, "subscribeCancel"), Qt.MouseButton.LeftButton)
    slow_site.release.set()  # the answer comes now, to nobody
    window.commands.add_subscription.trigger()
    _subscribe(dialog, qtbot, feed)  # the same address again: not "already subscribed"
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    assert stored(paths, "SELECT count(*) FROM sources WHERE url = ?", feed) == 1
