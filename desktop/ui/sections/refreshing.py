"""Refreshing from the window: one refresh at a time on the runner, by hand or on a timer, with
its progress, a Cancel button in the status bar, and retention applied when it ends."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Executor
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QToolButton, QWidget

from desktop.domain import Progress
from desktop.operations import StoreWriter
from desktop.tasks import Operation, OperationFactory, Runner
from desktop.ui.timers import single_shot

log = logging.getLogger(__name__)

ARRIVALS_EVERY_MS = 1000  # new articles reach the list at most this often while a refresh runs
STARTUP_REFRESH_DELAY_MS = 3000  # after the first paint: the window settles before the network
DAY_SECONDS = 24 * 60 * 60
LINE_WIDTH = 300
NOT_STARTED = "The refresh was cancelled."  # the window closed before it began


@dataclass(frozen=True, slots=True)
class RefreshStep(Progress):
    """A refresh's progress, with how many new articles it has stored so far; its last step
    carries the sentence that sums the refresh up."""

    new_articles: int = 0
    summary: str | None = None


def refresh_job(
    images: Path,
    only: tuple[int, ...] | None,
    parsers: Callable[[], Executor | None],
    keep_days: int,
) -> OperationFactory:
    """A refresh as an operation: refresh (``only`` these sources, or every due one), then
    delete articles older than ``keep_days`` (0: none; bookmarked articles are always kept).

    The refresh machinery (asyncio, httpx, feedparser, lxml: slow imports) is loaded
    and the parser processes are made here, on the worker, so pressing Refresh never waits for
    them: on the UI thread that was a stall of the whole window."""

    def run(write: StoreWriter, cancel: threading.Event) -> Iterator[Progress]:
        from desktop.operations.changes import delete_older_than
        from desktop.operations.refresh import RefreshOptions, RefreshReport, refresh, summary

        report = RefreshReport()
        options = RefreshOptions(only=only, parser=parsers())
        for step in refresh(write, images, options, cancel, report):
            yield RefreshStep(step.done, step.total, step.message, report.new_articles)
        if keep_days > 0:
            cutoff = int(time.time()) - keep_days * DAY_SECONDS
            removed = write(lambda connection: delete_older_than(connection, cutoff))
            log.info("Retention removed %d articles older than %d days", removed, keep_days)
        sentence = summary(report)
        yield RefreshStep(1, 1, sentence, report.new_articles, summary=sentence)

    return run


class Refresher(QObject):
    """Runs one refresh of the subscriptions at a time, when asked or every few minutes.

    Signals:
        started(): a refresh began.
        progressed(object): the running refresh came a step further (a ``Progress``).
        articles_arrived(): new articles were stored since this was last said (at most once a
            second while a refresh runs).
        finished(str): a refresh ended, ran out or cancelled; carries its summary sentence.
        failed(str): a refresh stopped on an unexpected error; carries a sentence about it.
    """

    started = Signal()
    progressed = Signal(object)
    articles_arrived = Signal()
    finished = Signal(str)
    failed = Signal(str)

    def __init__(self, runner: Runner, images: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._images = images
        self._keep_days = 0
        self._operation: Operation | None = None
        self._summary: str | None = None
        self._announced = 0
        self._waiting: list[int] = []
        self._timer = QTimer(self)
        self._timer.setObjectName("refreshTimer")
        self._timer.timeout.connect(self._on_timer_timeout)
        self._arrivals = single_shot(self, ARRIVALS_EVERY_MS, self.articles_arrived)

    def schedule(self, minutes: int, keep_days: int) -> None:
        """Refresh every ``minutes`` (0: only by hand); keep articles ``keep_days`` (0: ever)."""
        self._keep_days = keep_days
        if minutes <= 0:
            self._timer.stop()
        elif self._timer.interval() != minutes * 60_000 or not self._timer.isActive():
            self._timer.start(minutes * 60_000)

    def start_if_due(self, minutes: int, last_refreshed: int | None) -> bool:
        """At start-up: refresh soon when automatic refresh is on and a subscription has gone
        longer than its interval without one; return whether a refresh was planned."""
        if minutes <= 0 or last_refreshed is None:
            return False
        if time.time() - last_refreshed < minutes * 60:
            return False
        QTimer.singleShot(STARTUP_REFRESH_DELAY_MS, self, lambda: self.start())
        return True

    def start(self, only: tuple[int, ...] | None = None) -> bool:
        """Refresh the due sources (or only these); return whether a refresh began. A refresh of
        chosen sources asked for while another runs waits for it; any other does nothing."""
        if self._operation is not None:
            if only:
                self._waiting.extend(source for source in only if source not in self._waiting)
            return False
        self._summary, self._announced = None, 0
        job = refresh_job(self._images, only, self._runner.parser_pool, self._keep_days)
        operation = self._runner.start(job)
        operation.progressed.connect(self._on_operation_progressed)
        operation.finished.connect(self._on_operation_finished)
        operation.failed.connect(self._on_operation_failed)
        self._operation = operation
        self.started.emit()
        return True

    def cancel(self) -> None:
        """Ask the running refresh to stop at its next step."""
        self._waiting.clear()
        if self._operation is not None:
            self._operation.cancel()

    def stop(self) -> None:
        """Cancel the running refresh and say nothing more (the window is closing)."""
        self._timer.stop()
        self._arrivals.stop()
        self._waiting.clear()
        if self._operation is not None:
            self._operation.cancel()
            self._operation.progressed.disconnect(self._on_operation_progressed)
            self._operation.finished.disconnect(self._on_operation_finished)
            self._operation.failed.disconnect(self._on_operation_failed)
            self._operation = None

    def _on_timer_timeout(self) -> None:
        self.start()

    def _on_operation_progressed(self, step: Progress) -> None:
        if isinstance(step, RefreshStep):
            if step.summary is not None:
                self._summary = step.summary
            if step.new_articles > self._announced:
                self._announced = step.new_articles
                if not self._arrivals.isActive():
                    self._arrivals.start()
        self.progressed.emit(step)

    def _on_operation_finished(self) -> None:
        self._end()
        self.finished.emit(self._summary or NOT_STARTED)
        self._start_waiting()

    def _on_operation_failed(self, error: BaseException) -> None:
        self._end()
        self.failed.emit(f"The refresh stopped on an unexpected error ({error}); see the log.")
        self._start_waiting()

    def _end(self) -> None:
        self._operation = None
        self._arrivals.stop()

    def _start_waiting(self) -> None:
        waiting, self._waiting = tuple(self._waiting), []
        if waiting:
            self.start(waiting)


class RefreshStatus(QWidget):
    """The status bar's part while a refresh runs: its current line, a bar, and Cancel.

    Signals:
        cancel_clicked(): the person pressed Cancel.
    """

    cancel_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("refreshStatus")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 4, 0)
        layout.setSpacing(8)
        layout.addStretch(1)  # any room the status bar gives goes to the left, not between
        self._line = QLabel()
        self._line.setObjectName("refreshLine")
        self._line.setFixedWidth(LINE_WIDTH)
        self._line.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self._bar = QProgressBar()
        self._bar.setObjectName("refreshProgress")
        self._bar.setAccessibleName("Refresh progress")
        self._bar.setTextVisible(False)
        self._bar.setFixedSize(160, 12)
        self._cancel = QToolButton()
        self._cancel.setObjectName("refreshCancel")
        self._cancel.setText("Cancel")
        self._cancel.setAccessibleName("Cancel the refresh")
        self._cancel.setToolTip("Stop the refresh after the current step")
        self._cancel.clicked.connect(self._on_cancel_clicked)
        self._titles: dict[str, str] = {}
        layout.addWidget(self._line)
        layout.addWidget(self._bar, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self._cancel)
        self.hide()

    def set_titles(self, titles: dict[str, str]) -> None:
        """The sources' names by feed address, to name them in the progress line."""
        self._titles = titles

    def begin(self) -> None:
        """Show that a refresh has begun."""
        self._cancel.setEnabled(True)
        self._bar.setRange(0, 0)
        self._show_line("Refreshing…")
        self.show()

    def show_progress(self, step: Progress) -> None:
        """Show how far the refresh has come."""
        if step.total > 0:
            self._bar.setRange(0, step.total)
            self._bar.setValue(min(step.done, step.total))
        else:
            self._bar.setRange(0, 0)
        if self._cancel.isEnabled():
            self._show_line(self._named(step.message))

    def end(self) -> None:
        """Hide again."""
        self.hide()

    def _named(self, line: str) -> str:
        """A progress line with the source's name in place of its address ("url: 3 new")."""
        url, separator, rest = line.partition(": ")
        title = self._titles.get(url) if separator else None
        return f"{title}: {rest}" if title else line

    def _show_line(self, text: str) -> None:
        metrics = self._line.fontMetrics()
        self._line.setText(metrics.elidedText(text, Qt.TextElideMode.ElideMiddle, LINE_WIDTH))
        self._line.setToolTip(text)
        self._bar.setAccessibleDescription(text)

    def _on_cancel_clicked(self) -> None:
        self._cancel.setEnabled(False)
        self._show_line("Stopping…")
        self.cancel_clicked.emit()
