"""A window's life: work that waits for its first paint, and a clean close on SIGTERM."""

from __future__ import annotations

import gc
import os
import signal
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSocketNotifier, QTimer
from PySide6.QtWidgets import QApplication, QWidget

STARTUP_MARK_ENV = "BROADSHEET_STARTUP_MARK"
# If a widget is never painted (a window built but not shown), run the work anyway by then.
FALLBACK_MS = 1000


class _FirstPaint(QObject):
    """Waits for the first paint of a widget, then queues the callback once."""

    def __init__(self, widget: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(widget)
        self._widget = widget
        self._callback: Callable[[], None] | None = callback
        widget.installEventFilter(self)
        QTimer.singleShot(FALLBACK_MS, self, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self._widget.removeEventFilter(self)
            QTimer.singleShot(0, self, self._run)  # after the paint has reached the screen
        return False

    def _run(self) -> None:
        callback, self._callback = self._callback, None
        if callback is not None:
            self._widget.removeEventFilter(self)
            callback()


def after_first_paint(widget: QWidget, callback: Callable[[], None]) -> None:
    """Call ``callback`` on the event loop right after ``widget`` first paints."""
    _FirstPaint(widget, callback)


def keep_startup_objects() -> None:
    """Take what start-up made (modules, classes, the window's widgets and their wrappers, all
    living as long as the app) out of the cyclic garbage collector's rounds. A full collection
    holds the GIL, and so stalls the window whichever thread runs it; during a refresh one came
    every few seconds and walked these objects again and again (docs/performance.md)."""
    gc.freeze()


def mark_startup(widget: QWidget) -> None:
    """For the start-up benchmark: when ``BROADSHEET_STARTUP_MARK`` names a file, write the
    monotonic time to it once ``widget`` has painted (the benchmark's floor does the same)."""
    target = os.environ.get(STARTUP_MARK_ENV, "")

    def write() -> None:
        Path(target).write_text(f"{time.monotonic()}\n")

    if target:
        after_first_paint(widget, write)


class _TerminationWatcher(QObject):
    """Closes the window cleanly on SIGTERM or SIGINT, so queued writes finish and the store is
    sealed. Python runs signal handlers only between bytecodes, so the signal wakes Qt's event
    loop through a pipe that ``signal.set_wakeup_fd`` writes to."""

    def __init__(self, app: QApplication, window: QWidget) -> None:
        super().__init__(app)
        self._window = window
        self._reader, writer = os.pipe()
        for end in (self._reader, writer):
            os.set_blocking(end, False)
        signal.set_wakeup_fd(writer)
        for number in (signal.SIGTERM, signal.SIGINT):
            signal.signal(number, lambda *_: None)
        self._notifier = QSocketNotifier(self._reader, QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._on_wakeup)

    def _on_wakeup(self) -> None:
        try:
            os.read(self._reader, 64)
        except OSError:
            return
        self._window.close()


def close_on_termination(app: QApplication, window: QWidget) -> None:
    """Close ``window`` cleanly when the process gets SIGTERM or SIGINT (on POSIX systems;
    Windows ends programs by closing their windows)."""
    if os.name == "posix":
        _TerminationWatcher(app, window)
