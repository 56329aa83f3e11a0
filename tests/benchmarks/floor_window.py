"""The floor of the start-up benchmark: a bare PySide6 window, marked as the app marks its start.

It does what any PySide6 program must do to show a window (start Python, import QtWidgets, create
a QApplication, map a 1200x800 QMainWindow) and nothing else, so Broadsheet's start is compared
with the least a window of its kind costs on the same machine. Like the app, it writes
``time.monotonic()`` to the file named by ``BROADSHEET_STARTUP_MARK`` just after its first paint,
and closes cleanly on SIGTERM or SIGINT.
"""

from __future__ import annotations

import os
import signal
import socket
import sys
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSocketNotifier, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

STARTUP_MARK_ENV = "BROADSHEET_STARTUP_MARK"
TITLE = "Broadsheet floor"
SIZE = (1200, 800)


class FirstPaintMark(QObject):
    """Writes the monotonic time to a file once, right after the watched widget first paints."""

    def __init__(self, widget: QWidget, target: Path) -> None:
        super().__init__(widget)
        self._widget = widget
        self._target = target
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Schedule the mark on the first Paint event; never swallow the event."""
        if event.type() == QEvent.Type.Paint:
            self._widget.removeEventFilter(self)
            QTimer.singleShot(0, self._write)
        return False

    def _write(self) -> None:
        """Write the mark as the app does: the monotonic time and a newline."""
        self._target.write_text(f"{time.monotonic()}\n")


class TerminationWatcher(QObject):
    """Closes the window on SIGTERM or SIGINT, woken through ``signal.set_wakeup_fd``."""

    def __init__(self, app: QApplication, window: QMainWindow) -> None:
        super().__init__(app)
        self._window = window
        self._reader, self._writer = socket.socketpair()
        for end in (self._reader, self._writer):
            end.setblocking(False)
        signal.set_wakeup_fd(self._writer.fileno())
        for number in (signal.SIGTERM, signal.SIGINT):
            signal.signal(number, lambda *_: None)
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._on_wakeup)

    def _on_wakeup(self) -> None:
        """Drain the wake-up bytes and close the window, which ends the event loop."""
        try:
            self._reader.recv(64)
        except OSError:
            return
        self._window.close()


def build_window() -> tuple[QMainWindow, QWidget]:
    """The bare window (a title, a size) and its empty central widget."""
    window = QMainWindow()
    window.setWindowTitle(TITLE)
    window.resize(*SIZE)
    central = QWidget()
    window.setCentralWidget(central)
    return window, central


def main() -> int:
    """Show the window until it is closed or terminated; return the exit code."""
    app = QApplication(sys.argv[:1])
    window, central = build_window()
    target = os.environ.get(STARTUP_MARK_ENV, "")
    if target:
        FirstPaintMark(central, Path(target))
    TerminationWatcher(app, window)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
