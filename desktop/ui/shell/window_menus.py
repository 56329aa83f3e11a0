"""The window's menu bar: File, Edit, View (with Appearance), Article and Help."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMainWindow, QMenu

from desktop.settings import APPEARANCES, Appearance
from desktop.ui.shell.actions import Actions

APPEARANCE_LABELS = {"system": "&Follow System", "light": "&Light", "dark": "&Dark"}


def build_menus(
    window: QMainWindow, a: Actions, caret_browsing: QAction, market: QAction, view_extra: QMenu
) -> None:
    """Fill the window's menu bar with the commands, in the order people look for them."""
    menus = window.menuBar()
    file_menu = menus.addMenu("&File")
    file_menu.addActions([a.add_subscription, a.import_files, a.refresh])
    file_menu.addSeparator()
    file_menu.addAction(a.export_bookmarks)
    file_menu.addSeparator()
    file_menu.addAction(a.quit)
    edit_menu = menus.addMenu("&Edit")
    edit_menu.addAction(a.undo)
    edit_menu.addSeparator()
    edit_menu.addAction(a.find)
    edit_menu.addSeparator()
    edit_menu.addAction(a.preferences)
    view_menu = menus.addMenu("&View")
    view_menu.addActions([a.zoom_in, a.zoom_out, a.zoom_reset, caret_browsing])
    view_menu.addSeparator()
    view_menu.addActions([market, a.refresh_market])
    view_menu.addMenu(view_extra)
    view_menu.addSeparator()
    view_menu.addActions([a.next_region, a.previous_region])
    article_menu = menus.addMenu("&Article")
    for group in (
        (a.next_article, a.previous_article, a.next_unread),
        (a.article_top, a.article_end),
        (a.toggle_bookmark, a.toggle_read, a.open_in_browser),
        (a.mark_all_read, a.mark_day_old_read, a.mark_week_old_read),
    ):
        if article_menu.actions():
            article_menu.addSeparator()
        article_menu.addActions(list(group))
    help_menu = menus.addMenu("&Help")
    sample_menu = help_menu.addMenu("&Sample Edition")
    sample_menu.addActions([a.remove_sample, a.restore_sample])
    help_menu.addSeparator()
    help_menu.addAction(a.about)


def appearance_menu(
    window: QMainWindow, chosen: Appearance, choose: Callable[[Appearance], None]
) -> tuple[QMenu, dict[str, QAction]]:
    """View > Appearance: follow the system, light or dark, one checked; and its actions."""
    menu = QMenu("A&ppearance", window)
    group = QActionGroup(menu)
    actions: dict[str, QAction] = {}
    for choice in APPEARANCES:
        action = menu.addAction(APPEARANCE_LABELS[choice])
        action.setObjectName(f"actionAppearance{choice.title()}")
        action.setCheckable(True)
        action.setChecked(choice == chosen)
        group.addAction(action)
        actions[choice] = action
        action.triggered.connect(lambda _=False, c=choice: choose(c))
    return menu, actions
