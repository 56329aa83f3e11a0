"""Keeping the Markets panel fed: reading its figures off the UI thread, refreshing them when asked
and whenever a provider's timetable says newer ones are out.

One refresh runs at a time, on the task runner; reading the quote provider's key from the keyring
happens there too, never on the UI thread. A provider is asked again only when its next figures
should exist (the ECB's after 16:00 CET on a working day) or, after a failure, half an hour later.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.domain import Progress
from desktop.operations import StoreWriter
from desktop.tasks import Operation, OperationFactory, Runner

if TYPE_CHECKING:
    from desktop.operations.market import MarketReport
    from desktop.operations.market_view import MarketView

log = logging.getLogger(__name__)

STARTUP_DELAY = timedelta(seconds=3)  # after the first paint: the window settles first
# However far away the next publication, look again this often (a laptop may have slept).
LONGEST_WAIT = timedelta(minutes=30)
SHORTEST_WAIT = timedelta(seconds=1)


class MarketFeed(QObject):
    """Reads the market figures for the panel and refreshes them, by hand or on schedule.

    Signals:
        loaded(object): the figures as read from the store, a ``MarketView``.
        refresh_started(): a refresh began.
        refresh_finished(object): a refresh ended; carries its ``MarketReport``.
        refresh_failed(str): a refresh stopped on an unexpected error; a sentence about it.
    """

    loaded = Signal(object)
    refresh_started = Signal()
    refresh_finished = Signal(object)
    refresh_failed = Signal(str)

    def __init__(
        self,
        runner: Runner,
        config: Path,
        watched_symbols: Callable[[], Sequence[str]],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._config = config
        self._watched_symbols = watched_symbols
        self._automatic = False
        self._operation: Operation | None = None
        self._report: MarketReport | None = None
        self._view: MarketView | None = None
        # Providers that cannot run (quotes without a key) are not scheduled until told.
        self._skipped: set[str] = set()
        self._earliest = datetime.now(UTC)
        self._timer = QTimer(self)
        self._timer.setObjectName("marketTimer")
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timer_timeout)

    @property
    def refreshing(self) -> bool:
        """Whether a refresh is running."""
        return self._operation is not None

    @property
    def next_check(self) -> datetime | None:
        """When the schedule looks for due providers next, if it is on."""
        if not self._timer.isActive():
            return None
        return datetime.now(UTC) + timedelta(milliseconds=self._timer.remainingTime())

    def load(self) -> None:
        """Read the figures, their history and the providers' statuses, off the UI thread."""
        from desktop.operations.market_view import load_market

        config = self._config
        self._runner.read(
            lambda connection: load_market(connection, config=config),
            self._on_loaded,
            self._on_load_failed,
        )

    def set_automatic(self, automatic: bool, delay: timedelta = timedelta(0)) -> None:
        """Refresh on each provider's timetable (not before ``delay`` from now), or only by
        hand."""
        self._automatic = automatic
        self._earliest = datetime.now(UTC) + delay
        if not automatic:
            self._timer.stop()
        elif self._view is not None:
            self._schedule()

    def key_changed(self) -> None:
        """The quote provider's key was saved or removed: ask it again."""
        self._skipped.discard("quotes")
        if self._automatic and self._operation is None:
            self.refresh(only=("quotes",))

    def refresh(self, only: Sequence[str] | None = None) -> bool:
        """Refresh every provider (or only these); return whether a refresh began."""
        if self._operation is not None:
            return False
        from desktop.operations.market import MarketReport, quote_symbols

        quotes = self._view.quotes if self._view is not None else []
        symbols = quote_symbols(quotes, self._watched_symbols())
        self._report = MarketReport()
        operation = self._runner.start(_refresh_job(self._config, symbols, only, self._report))
        operation.finished.connect(self._on_operation_finished)
        operation.failed.connect(self._on_operation_failed)
        self._operation = operation
        self._timer.stop()
        self.refresh_started.emit()
        return True

    def stop(self) -> None:
        """Cancel a running refresh and schedule nothing more (the window is closing)."""
        self._automatic = False
        self._timer.stop()
        if self._operation is not None:
            self._operation.cancel()
            self._operation.finished.disconnect(self._on_operation_finished)
            self._operation.failed.disconnect(self._on_operation_failed)
            self._operation = None

    def _on_loaded(self, view: MarketView) -> None:
        self._view = view
        self.loaded.emit(view)
        if self._automatic and self._operation is None:
            self._schedule()

    def _on_load_failed(self, error: BaseException) -> None:
        log.error("Could not read the market figures", exc_info=error)

    def _schedule(self) -> None:
        """Wake when the first provider falls due (soon, if one already is)."""
        from desktop.market.schedule import TIMETABLES, next_due

        assert self._view is not None
        keys = [key for key in TIMETABLES if key not in self._skipped]
        now = datetime.now(UTC)
        due = max(next_due(keys, self._view.statuses, now), self._earliest)
        wait = min(max(due - now, SHORTEST_WAIT), LONGEST_WAIT)
        self._timer.start(int(wait.total_seconds() * 1000))

    def _on_timer_timeout(self) -> None:
        from desktop.market.schedule import TIMETABLES, is_due

        if self._view is None or not self._automatic:
            return
        now = datetime.now(UTC)
        statuses = self._view.statuses
        due = [
            key
            for key in TIMETABLES
            if key not in self._skipped and is_due(key, statuses.get(key), now)
        ]
        if due:
            self.refresh(only=due)
        else:
            self._schedule()

    def _on_operation_finished(self) -> None:
        self._operation = None
        report = self._report
        if report is not None:
            for outcome in report.outcomes:
                if outcome.status == "skipped":
                    self._skipped.add(outcome.key)
                else:
                    self._skipped.discard(outcome.key)
            self.refresh_finished.emit(report)
        self.load()

    def _on_operation_failed(self, error: BaseException) -> None:
        self._operation = None
        self.refresh_failed.emit(
            f"The market refresh stopped on an unexpected error ({error}); see the log."
        )
        self.load()


def _refresh_job(
    config: Path, symbols: Sequence[str], only: Sequence[str] | None, report: MarketReport
) -> OperationFactory:
    """The operation the runner runs: plan (reading the key) and refresh, off the UI thread."""
    from desktop.operations.market import plan_market, refresh_market

    def job(write: StoreWriter, cancel: threading.Event) -> Iterator[Progress]:
        plan = plan_market(config, symbols, only=None if only is None else set(only))
        yield from refresh_market(write, plan, report, cancel)

    return job
