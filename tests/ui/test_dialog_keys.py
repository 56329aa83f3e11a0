"""The dialogs by keyboard: every field of Add Subscription has a label that names it and an
Alt+letter that reaches it, its folder box says "No folder", and tabbing through its catalogue
chooses nothing; the Preferences' "get a free key" link is a Tab stop that Enter follows."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from desktop.paths import AppPaths
from desktop.ui import link_label
from desktop.ui.dialogs.preferences_dialog import PreferencesDialog
from desktop.ui.dialogs.subscribe_dialog import NO_FOLDER, SubscribeDialog
from desktop.ui.link_label import LinkLabel
from desktop.ui.shell.main_window import MainWindow
from tests.newsroom import Newsroom
from tests.ui.conftest import COURIER_FEED
from tests.ui.parts import section_texts, stored

KEY_PAGE = "https://finnhub.io/register"


def _open(window: MainWindow, qtbot: QtBot, kind: type[QDialog]) -> QDialog:
    action = window.commands.add_subscription if kind is SubscribeDialog else None
    (action or window.commands.preferences).trigger()
    dialog = window.findChild(kind)
    assert isinstance(dialog, QDialog)
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def _child(dialog: QWidget, kind: type[QWidget], name: str) -> QWidget:
    found = dialog.findChild(kind, name)
    assert found is not None, name
    return found


def _tab(qtbot: QtBot, times: int = 1, backwards: bool = False) -> QWidget:
    """Press Tab (or Shift+Tab) where the focus is; return where it went."""
    modifier = Qt.KeyboardModifier.ShiftModifier if backwards else Qt.KeyboardModifier.NoModifier
    for _ in range(times):
        focused = QApplication.focusWidget()
        assert focused is not None
        qtbot.keyClick(focused, Qt.Key.Key_Tab, modifier)
    now = QApplication.focusWidget()
    assert now is not None
    return now


def test_every_field_of_add_subscription_has_a_label_and_the_folder_box_says_no_folder(
    window: MainWindow, qtbot: QtBot
) -> None:
    dialog = _open(window, qtbot, SubscribeDialog)
    folder = _child(dialog, QComboBox, "subscribeFolder")
    assert isinstance(folder, QComboBox)
    assert folder.itemText(0) == NO_FOLDER and "" not in [
        folder.itemText(row) for row in range(folder.count())
    ]
    editor = folder.lineEdit()
    assert editor is not None and editor.accessibleName() == "Folder"
    assert editor.placeholderText() == NO_FOLDER
    buddies = {label.buddy() for label in dialog.findChildren(QLabel) if label.buddy()}
    fields = [
        widget
        for kind in (QLineEdit, QComboBox)
        for widget in dialog.findChildren(kind)
        if not isinstance(widget.parent(), QComboBox)  # a box's own editor
    ]
    assert len(fields) == 3
    assert [field.objectName() for field in fields if field not in buddies] == []
    dialog.reject()


def test_a_subscription_with_no_folder_goes_into_none(
    window: MainWindow, qtbot: QtBot, courier: Newsroom, paths: AppPaths
) -> None:
    dialog = _open(window, qtbot, SubscribeDialog)
    address = _child(dialog, QLineEdit, "subscribeAddress")
    assert isinstance(address, QLineEdit)
    qtbot.keyClicks(address, courier.url(COURIER_FEED))
    qtbot.keyClick(address, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "The Test Courier" in section_texts(window))
    assert NO_FOLDER not in section_texts(window)
    title = "The Test Courier"
    assert stored(paths, "SELECT folder IS NULL FROM sources WHERE title = ?", title) == 1


def test_tabbing_through_the_catalogue_chooses_nothing_and_the_arrows_choose(
    window: MainWindow, qtbot: QtBot
) -> None:
    dialog = _open(window, qtbot, SubscribeDialog)
    address = _child(dialog, QLineEdit, "subscribeAddress")
    catalogue = _child(dialog, QWidget, "catalogueList")
    qtbot.waitUntil(address.hasFocus)
    assert _tab(qtbot, 3) is catalogue
    assert _tab(qtbot) is not catalogue
    assert isinstance(address, QLineEdit) and address.text() == ""
    assert _tab(qtbot, backwards=True) is catalogue
    qtbot.keyClick(catalogue, Qt.Key.Key_Down)
    assert address.text().startswith("http")
    dialog.reject()


@pytest.fixture
def browser(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The addresses handed to the system's browser, which takes them all."""
    opened: list[str] = []

    def open_in_browser(url: str) -> str | None:
        opened.append(url)
        return None

    monkeypatch.setattr(link_label, "open_in_browser", open_in_browser)
    return opened


def _key_link(dialog: QDialog, qtbot: QtBot) -> LinkLabel:
    key = _child(dialog, QLineEdit, "quotesKey")
    key.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(key.hasFocus)
    note = _tab(qtbot)  # the Remove Key button is off while no key is saved
    assert isinstance(note, LinkLabel) and note.objectName() == "quotesKeyNote"
    assert note.selectedText() == "get a free key"  # the link is marked, not the label
    return note


def test_the_free_key_link_is_a_tab_stop_that_enter_follows(
    window: MainWindow, qtbot: QtBot, browser: list[str]
) -> None:
    dialog = _open(window, qtbot, PreferencesDialog)
    note = _key_link(dialog, qtbot)
    qtbot.keyClick(note, Qt.Key.Key_Return)
    assert browser == [KEY_PAGE]
    assert dialog.isVisible()  # Enter followed the link; it did not press OK
    assert _tab(qtbot).objectName() != "quotesKeyNote"  # one link, one stop
    assert _tab(qtbot, backwards=True) is note and note.selectedText() == "get a free key"
    dialog.reject()


def test_the_free_key_link_says_so_when_no_browser_starts(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    sentence = f"No web browser could be started for {KEY_PAGE}; it is on the clipboard."
    monkeypatch.setattr(link_label, "open_in_browser", lambda _url: sentence)
    dialog = _open(window, qtbot, PreferencesDialog)
    note = _key_link(dialog, qtbot)
    qtbot.keyClick(note, Qt.Key.Key_Return)
    assert "No web browser could be started" in note.text()
    dialog.reject()
