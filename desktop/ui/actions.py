"""The window's commands as QActions: names, shortcuts and object names in one place."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

Key = QKeySequence.StandardKey


@dataclass(frozen=True)
class Actions:
    """Every command of the window; menus, toolbars and context menus share these."""

    zoom_in: QAction
    zoom_out: QAction
    zoom_reset: QAction
    toggle_bookmark: QAction
    toggle_read: QAction
    next_article: QAction
    previous_article: QAction
    open_in_browser: QAction
    find: QAction
    add_subscription: QAction
    import_files: QAction
    refresh: QAction
    refresh_market: QAction
    preferences: QAction
    export_bookmarks: QAction
    quit: QAction
    about: QAction


def create_actions(parent: QObject) -> Actions:
    """Create the window's actions with their shortcuts and accessible descriptions."""
    return Actions(
        zoom_in=_action(
            parent, "actionZoomIn", "Larger Text", [Key.ZoomIn, "Ctrl+=", "Ctrl++"], icon_text="A+"
        ),
        zoom_out=_action(
            parent, "actionZoomOut", "Smaller Text", [Key.ZoomOut, "Ctrl+-"], icon_text="A−"
        ),
        zoom_reset=_action(parent, "actionZoomReset", "Actual Text Size", ["Ctrl+0"]),
        toggle_bookmark=_action(
            parent, "actionToggleBookmark", "Bookmark", ["Ctrl+D"], icon_text="☆ Bookmark"
        ),
        toggle_read=_action(parent, "actionToggleRead", "Mark as Unread", ["U"]),
        next_article=_action(
            parent, "actionNextArticle", "Next Article", ["J", "N"], icon_text="›"
        ),
        previous_article=_action(
            parent, "actionPreviousArticle", "Previous Article", ["K", "P"], icon_text="‹"
        ),
        open_in_browser=_action(
            parent,
            "actionOpenInBrowser",
            "Open in Browser",
            ["Ctrl+Shift+B"],
            icon_text="↗ Open",
        ),
        find=_action(parent, "actionFind", "Search Articles", [Key.Find]),
        add_subscription=_action(parent, "actionAddSubscription", "Add Subscription…", ["Ctrl+N"]),
        import_files=_action(parent, "actionImport", "Import…", [Key.Open, "Ctrl+O"]),
        refresh=_action(parent, "actionRefresh", "Refresh", ["F5", "Ctrl+R"], icon_text="⟳"),
        refresh_market=_action(parent, "actionRefreshMarkets", "Refresh Market Figures", ["F6"]),
        preferences=_action(
            parent, "actionPreferences", "Preferences…", [Key.Preferences, "Ctrl+,"]
        ),
        export_bookmarks=_action(
            parent, "actionExportBookmarks", "Export Bookmarks…", ["Ctrl+Shift+E"]
        ),
        quit=_action(parent, "actionQuit", "Quit", [Key.Quit, "Ctrl+Q"]),
        about=_action(parent, "actionAbout", "About Broadsheet", []),
    )


def _action(
    parent: QObject,
    name: str,
    text: str,
    shortcuts: list[Key | str],
    icon_text: str | None = None,
) -> QAction:
    """One action; duplicate shortcuts (a standard key that equals an explicit one) are dropped."""
    action = QAction(text, parent)
    action.setObjectName(name)
    if icon_text:
        action.setIconText(icon_text)
    sequences: list[QKeySequence] = []
    for shortcut in shortcuts:
        found = (
            QKeySequence.keyBindings(shortcut)
            if isinstance(shortcut, Key)
            else [QKeySequence(shortcut)]
        )
        sequences.extend(
            sequence for sequence in found if sequence not in sequences and not sequence.isEmpty()
        )
    action.setShortcuts(sequences)
    if sequences:
        action.setToolTip(
            f"{text} ({sequences[0].toString(QKeySequence.SequenceFormat.NativeText)})"
        )
    return action
