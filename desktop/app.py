"""The composition root: paths -> settings -> store -> tasks -> QApplication -> MainWindow.

Nothing here is imported before the window needs it: SQLAlchemy and Alembic load only to create or
migrate a store, so an everyday start reads the store with sqlite3 and paints at once.
"""

from __future__ import annotations

import argparse
import logging
import os
import signal
import socket
import sqlite3
import sys
import time
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QEvent, QObject, QSocketNotifier, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop import APP_ID, APP_NAME, settings, version
from desktop.logfile import configure
from desktop.paths import AppPaths, resolve, resource
from desktop.profile import close_profile, open_profile
from desktop.store.database import connect_reader
from desktop.store.errors import StoreError
from desktop.tasks import Runner, TaskRunner
from desktop.ui import appearance
from desktop.ui.main_window import MainWindow, Services

log = logging.getLogger(__name__)

STARTUP_MARK_ENV = "BROADSHEET_STARTUP_MARK"


class Session:
    """The open store behind a window: its read connection and task runner, closed together."""

    def __init__(self, paths: AppPaths, runner: Runner | None = None) -> None:
        self.paths = paths
        self.connection = connect_reader(paths.store)
        self.runner: Runner = runner or TaskRunner(paths.store)
        self._closed = False

    def close(self) -> None:
        """Finish queued writes, close every connection and seal the store as cleanly closed."""
        if self._closed:
            return
        self._closed = True
        self.runner.shutdown()
        self.connection.close()
        close_profile(self.paths)


def create_window(data_dir: Path, runner: Runner | None = None) -> MainWindow:
    """Build the window over the profile in ``data_dir`` with the running QApplication.

    A new folder gets the sample edition. Closing the window closes its store.
    """
    paths = resolve(data_dir)
    return _open_window(paths, settings.load(paths.settings), runner)


def main(arguments: argparse.Namespace) -> int:
    """Run the application until its window closes; return the exit code."""
    paths = resolve(arguments.data_dir)
    configure(paths.log_file)
    preferences = settings.load(paths.settings)
    app = _application()
    appearance.apply(app, preferences.appearance)
    try:
        window = _open_window(paths, preferences, None)
    except (StoreError, sqlite3.Error, OSError) as error:
        log.exception("Could not open the store")
        QMessageBox.critical(None, APP_NAME, _sentence(error, paths))
        return 1
    _install_error_dialog(window, paths.log_file)
    _TerminationWatcher(app, window)
    _mark_first_paint(window)
    window.show()
    return app.exec()


def _open_window(
    paths: AppPaths, preferences: settings.Settings, runner: Runner | None
) -> MainWindow:
    """Open the profile and build its window; the window's close closes the session. What
    opening did that a person must know (a damaged store moved aside) is said once it shows."""
    report = open_profile(paths)
    session = Session(paths, runner)
    try:
        window = MainWindow(
            Services(
                paths=paths,
                connection=session.connection,
                runner=session.runner,
                settings=preferences,
                save_settings=lambda chosen: settings.save(chosen, paths.settings),
            )
        )
    except BaseException:
        session.close()
        raise
    window.closed.connect(session.close)
    notice = report.notice()
    if notice:
        QTimer.singleShot(0, lambda: QMessageBox.information(window, APP_NAME, notice))
    return window


def _application() -> QApplication:
    """The QApplication (the running one, if a host already made it), named and with its icon."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(version())
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(QIcon(str(resource("icons", "broadsheet.svg"))))
    return app


def _sentence(error: BaseException, paths: AppPaths) -> str:
    """One plain sentence about a failure to open the store."""
    if isinstance(error, StoreError):
        return str(error)
    return f"Broadsheet could not open its data folder {paths.data} ({error})."


def _install_error_dialog(window: MainWindow, log_file: Path) -> None:
    """Show unexpected errors as one sentence (the traceback goes to the log), never crash."""
    showing = False

    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        nonlocal showing
        log.critical(
            "Unexpected error:\n%s", "".join(traceback.format_exception(kind, error, trace))
        )
        if showing or issubclass(kind, KeyboardInterrupt):
            return
        showing = True
        QMessageBox.warning(
            window,
            APP_NAME,
            f"Something went wrong ({kind.__name__}: {error}). Broadsheet keeps running; "
            f"the details are in {log_file}.",
        )
        showing = False

    sys.excepthook = hook


class _TerminationWatcher(QObject):
    """Closes the window cleanly on SIGTERM or SIGINT, so queued writes finish and the store is
    sealed. Python runs signal handlers only between bytecodes, so the signal wakes Qt's event
    loop through a socket that ``signal.set_wakeup_fd`` writes to."""

    def __init__(self, app: QApplication, window: MainWindow) -> None:
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
        try:
            self._reader.recv(64)
        except OSError:
            return
        self._window.close()


def _mark_first_paint(window: MainWindow) -> None:
    """For the start-up benchmark: write the monotonic time once the first article has painted."""
    target = os.environ.get(STARTUP_MARK_ENV, "")
    if not target:
        return
    viewport = window.reader.viewport()

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                viewport.removeEventFilter(self)
                QTimer.singleShot(0, lambda: Path(target).write_text(f"{time.monotonic()}\n"))
            return False

    marker = FirstPaint(window)
    viewport.installEventFilter(marker)
