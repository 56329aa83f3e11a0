"""The window's commands as QActions: names, shortcuts and object names in one place."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

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
    next_unread: QAction
    article_top: QAction
    article_end: QAction
    mark_all_read: QAction
    mark_day_old_read: QAction
    mark_week_old_read: QAction
    undo: QAction
    open_in_browser: QAction
    find: QAction
    add_subscription: QAction
    import_files: QAction
    refresh: QAction
    refresh_market: QAction
    next_region: QAction
    previous_region: QAction
    preferences: QAction
    export_bookmarks: QAction
    quit: QAction
    about: QAction
    remove_sample: QAction
    restore_sample: QAction

    def reading_keys(self) -> list[QAction]:
        """The actions whose keys are plain letters or a text field's own (Ctrl+Home): they act
        only while the list or the reader has focus, never while a person types in a field."""
        return [
            self.toggle_read,
            self.next_article,
            self.previous_article,
            self.article_top,
            self.article_end,
        ]


def confine(actions: Sequence[QAction], widgets: Sequence[QWidget]) -> None:
    """Let the shortcuts of ``actions`` act only while one of ``widgets`` (or a child of one)
    has focus; menus and toolbars still show and trigger them."""
    for action in actions:
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        for widget in widgets:
            widget.addAction(action)


def create_actions(parent: QObject) -> Actions:
    """Create the window's actions with their shortcuts and accessible descriptions."""
    return Actions(
        zoom_in=_action(
            parent, "actionZoomIn", "&Larger Text", [Key.ZoomIn, "Ctrl+=", "Ctrl++"], icon_text="A+"
        ),
        zoom_out=_action(
            parent, "actionZoomOut", "S&maller Text", [Key.ZoomOut, "Ctrl+-"], icon_text="A−"
        ),
        zoom_reset=_action(parent, "actionZoomReset", "&Actual Text Size", ["Ctrl+0"]),
        toggle_bookmark=_action(
            parent,
            "actionToggleBookmark",
            "&Bookmark",
            ["Ctrl+D"],
            icon_text="☆ Bookmark",
            checkable=True,  # checked while the article is bookmarked: screen readers say so
        ),
        toggle_read=_action(parent, "actionToggleRead", "&Mark as Unread", ["U"]),
        next_article=_action(
            parent, "actionNextArticle", "&Next Article", ["J", "N"], icon_text="›"
        ),
        previous_article=_action(
            parent, "actionPreviousArticle", "&Previous Article", ["K", "P"], icon_text="‹"
        ),
        next_unread=_action(parent, "actionNextUnread", "Next &Unread", ["Ctrl+Shift+N"]),
        article_top=_action(parent, "actionArticleTop", "&Top of Article", ["Ctrl+Home"]),
        article_end=_action(parent, "actionArticleEnd", "&End of Article", ["Ctrl+End"]),
        mark_all_read=_action(parent, "actionMarkAllRead", "Mark &All as Read", ["Ctrl+K"]),
        mark_day_old_read=_action(
            parent, "actionMarkDayOldRead", "Mark Older Than a &Day as Read", []
        ),
        mark_week_old_read=_action(
            parent, "actionMarkWeekOldRead", "Mark Older Than a &Week as Read", []
        ),
        undo=_action(parent, "actionUndo", "&Undo", [Key.Undo, "Ctrl+Z"]),
        open_in_browser=_action(
            parent,
            "actionOpenInBrowser",
            "&Open in Browser",
            ["Ctrl+Shift+B"],
            icon_text="↗ Open",
        ),
        find=_action(parent, "actionFind", "&Search Articles", [Key.Find]),
        add_subscription=_action(parent, "actionAddSubscription", "&Add Subscription…", ["Ctrl+N"]),
        import_files=_action(parent, "actionImport", "&Import…", [Key.Open, "Ctrl+O"]),
        refresh=_action(parent, "actionRefresh", "&Refresh", ["F5", "Ctrl+R"], icon_text="⟳"),
        refresh_market=_action(
            parent, "actionRefreshMarkets", "Refresh Market &Figures", ["Shift+F5"]
        ),
        next_region=_action(parent, "actionNextRegion", "&Next Pane", ["F6"]),
        previous_region=_action(parent, "actionPreviousRegion", "P&revious Pane", ["Shift+F6"]),
        preferences=_action(
            parent, "actionPreferences", "&Preferences…", [Key.Preferences, "Ctrl+,"]
        ),
        export_bookmarks=_action(
            parent, "actionExportBookmarks", "&Export Bookmarks…", ["Ctrl+Shift+E"]
        ),
        quit=_action(parent, "actionQuit", "&Quit", [Key.Quit, "Ctrl+Q"]),
        about=_action(parent, "actionAbout", "&About Broadsheet", []),
        remove_sample=_action(parent, "actionRemoveSample", "&Remove the Sample Edition", []),
        restore_sample=_action(parent, "actionRestoreSample", "&Bring Back the Sample Edition", []),
    )


def _action(
    parent: QObject,
    name: str,
    text: str,
    shortcuts: list[Key | str],
    icon_text: str | None = None,
    *,
    checkable: bool = False,
) -> QAction:
    """One action; duplicate shortcuts (a standard key that equals an explicit one) are dropped."""
    action = QAction(text, parent)
    action.setObjectName(name)
    action.setCheckable(checkable)
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
            f"{plain(text)} ({sequences[0].toString(QKeySequence.SequenceFormat.NativeText)})"
        )
    return action


def plain(text: str) -> str:
    """A menu text without its mnemonic's ampersand ("&Refresh" -> "Refresh", "&&" -> "&")."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")
