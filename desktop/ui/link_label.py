"""A label with links that the keyboard reaches: each link is one Tab stop, Enter follows it, and
a web link opens in the system's browser."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QLabel, QWidget

from desktop.ui.browser import open_in_browser

WEB_SCHEMES = frozenset({"http", "https"})


class LinkLabel(QLabel):
    """Rich text whose links Tab and Shift+Tab land on directly (a plain QLabel stops first on
    itself, with no link marked: a stop that shows nothing and does nothing).

    Signals:
        link_failed(str): no browser took a web link; carries the sentence that says so.
    """

    link_failed = Signal(str)

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setOpenExternalLinks(False)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.linkActivated.connect(self._on_link_activated)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        reason = event.reason()
        if reason in (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason):
            self.focusNextPrevChild(reason == Qt.FocusReason.TabFocusReason)

    def _on_link_activated(self, link: str) -> None:
        if QUrl(link).scheme() not in WEB_SCHEMES:
            return  # the owner handles its own links ("preferences")
        sentence = open_in_browser(link)
        if sentence:
            self.link_failed.emit(sentence)
