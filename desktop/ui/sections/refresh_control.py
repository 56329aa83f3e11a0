"""Refreshing as the window shows it: File > Refresh and the timer start the ``Refresher``; the
status bar shows its progress, the section list which sources it reads, and how it went."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction

from desktop.operations.reading import last_refreshed
from desktop.tasks import Runner
from desktop.ui.sections.refreshing import Refresher, RefreshStatus
from desktop.ui.sections.section_list import SectionList

log = logging.getLogger(__name__)


class Refreshing(QObject):
    """Starts refreshes and shows them.

    Signals:
        articles_arrived(): a running refresh stored new articles (at most once a second).
        ended(str): a refresh ended, was cancelled or failed; carries the sentence saying how.
    """

    articles_arrived = Signal()
    ended = Signal(str)

    def __init__(
        self,
        runner: Runner,
        refresher: Refresher,
        status: RefreshStatus,
        action: QAction,
        sections: SectionList,
    ) -> None:
        super().__init__(refresher)
        self._runner, self._refresher, self._status = runner, refresher, status
        self._action, self._sections = action, sections
        action.triggered.connect(lambda: refresher.start())
        refresher.started.connect(self._on_started)
        refresher.progressed.connect(status.show_progress)
        refresher.articles_arrived.connect(self.articles_arrived)
        refresher.finished.connect(self._on_ended)
        refresher.failed.connect(self._on_ended)
        status.cancel_clicked.connect(refresher.cancel)

    def start(self, only: tuple[int, ...] | None = None) -> None:
        """Refresh the due sources, or only these."""
        self._refresher.start(only)

    def start_if_due(self, minutes: int) -> None:
        """Refresh shortly when the subscriptions are older than the interval (read off the
        window's thread)."""
        self._runner.read(
            last_refreshed,
            lambda last: self._on_last_refreshed(minutes, last),
            lambda error: log.error(
                "Could not tell when the subscriptions were refreshed", exc_info=error
            ),
        )

    def _on_last_refreshed(self, minutes: int, last: int | None) -> None:
        self._refresher.start_if_due(minutes, last)

    def _on_started(self) -> None:
        titles = {s.url: s.title for s in self._sections.sources() if s.url}
        self._status.set_titles(titles)
        self._action.setEnabled(False)
        self._sections.set_refreshing(True)
        self._status.begin()

    def _on_ended(self, sentence: str) -> None:
        self._action.setEnabled(True)
        self._sections.set_refreshing(False)
        self._status.end()
        self.ended.emit(sentence)
