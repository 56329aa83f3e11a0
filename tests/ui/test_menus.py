"""Every menu command by keyboard: each menu and item has a mnemonic of its own within its menu,
no key is bound to two commands, and no Alt+letter of the window or a dialog does two things."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractButton, QLabel, QMenu, QWidget
from pytestqt.qtbot import QtBot

from desktop.ui.shell.main_window import MainWindow
from tests.ui.market_window import settle
from tests.ui.parts import open_dialogs, section_list, source_item


def _mnemonic(text: str) -> str:
    return QKeySequence.mnemonic(text).toString()


def _menus(menu: QMenu) -> list[QMenu]:
    """A menu and every submenu under it."""
    found = [menu]
    for action in menu.actions():
        sub = action.menu()
        if isinstance(sub, QMenu):
            found += _menus(sub)
    return found


def _clashes(menu_title: str, actions: list[QAction]) -> list[str]:
    """The items of a menu with no mnemonic, or one another item has too."""
    items = [action for action in actions if not action.isSeparator()]
    keys = Counter(_mnemonic(action.text()) for action in items)
    return [
        f"{menu_title} > {action.text()}"
        for action in items
        if not _mnemonic(action.text()) or keys[_mnemonic(action.text())] > 1
    ]


def _duplicates(keys: list[str]) -> list[str]:
    return sorted(key for key, times in Counter(keys).items() if times > 1)


def test_every_menu_item_has_a_mnemonic_of_its_own(window: MainWindow) -> None:
    bar = window.menuBar().actions()
    tops = [action.menu() for action in bar]
    menus = [menu for top in tops if isinstance(top, QMenu) for menu in _menus(top)]
    assert len(menus) >= 7  # File, Edit, View, Appearance, Article, Help, Sample Edition
    assert [item for menu in menus for item in _clashes(menu.title(), menu.actions())] == []
    assert _clashes("menu bar", bar) == []
    source = source_item(window, "The Valley Courier")
    context = section_list(window).menu_for(source)
    assert context is not None
    assert _clashes("a source's menu", context.actions()) == []


def test_no_key_is_bound_twice_in_the_window(window: MainWindow, qtbot: QtBot) -> None:
    settle(qtbot, window, (1280, 800))
    actions = set(window.findChildren(QAction))
    for widget in window.findChildren(QWidget):
        actions.update(widget.actions())
    shortcuts = [sequence.toString() for action in actions for sequence in action.shortcuts()]
    assert len(shortcuts) > 25
    assert _duplicates(shortcuts) == []
    alt_keys = [_mnemonic(action.text()) for action in window.menuBar().actions()]
    alt_keys += _buddy_keys(window)
    assert {"Alt+F", "Alt+V", "Alt+B"} <= set(alt_keys) and len(alt_keys) >= 7
    assert _duplicates(alt_keys + shortcuts) == []


def _buddy_keys(top: QWidget) -> list[str]:
    """The Alt+letters of a window's labels and buttons (not its dialogs')."""
    keys = []
    parts: list[QLabel | QAbstractButton] = [
        *top.findChildren(QLabel),
        *top.findChildren(QAbstractButton),
    ]
    for widget in parts:
        if widget.window() is top and _mnemonic(widget.text()):
            if isinstance(widget, QLabel):
                assert widget.buddy() is not None, widget.text()
            keys.append(_mnemonic(widget.text()))
    return keys


def test_no_dialog_gives_one_alt_letter_to_two_fields(window: MainWindow, qtbot: QtBot) -> None:
    dialogs = open_dialogs(window, qtbot)
    for dialog in dialogs:
        keys = _buddy_keys(dialog)
        assert keys, dialog.objectName()
        assert _duplicates(keys) == [], dialog.objectName()
    for dialog in dialogs:
        dialog.reject()


README = Path(__file__).resolve().parents[2] / "README.md"
KEYS_OF_THEIR_OWN = {"Ctrl", "Alt", "Space", "Shift+Space", "Tab", "Shift+Tab", "Return", "Esc"}


def _readme_keys() -> list[str]:
    """Every key the README's keyboard table (under Reading) tells a person to press."""
    text = README.read_text(encoding="utf-8").split("## Reading", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in text.splitlines() if line.startswith("| ") and "`" in line]
    presses = [row.split(" | ")[1] for row in rows]
    runs = [run for press in presses for run in re.findall(r"(?:`[^`]+`(?: `[^`]+`)*)", press)]
    return ["+".join(re.findall(r"`([^`]+)`", run)) for run in runs]


def test_the_readme_names_only_keys_the_window_binds(window: MainWindow, qtbot: QtBot) -> None:
    settle(qtbot, window, (1280, 800))
    actions = set(window.findChildren(QAction))
    bound = {sequence.toString() for action in actions for sequence in action.shortcuts()}
    bound |= {_mnemonic(action.text()) for action in window.menuBar().actions()}
    keys = _readme_keys()
    assert len(keys) > 25 and "F6" in keys and "Ctrl+Shift+N" in keys
    assert [key for key in keys if key not in bound | KEYS_OF_THEIR_OWN] == []
