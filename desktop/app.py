"""The composition root: paths -> settings -> store -> tasks -> QApplication -> MainWindow.

Nothing here is imported before the window needs it: SQLAlchemy and Alembic load only to migrate a
store (a new one is a copy of the shipped ready-made store), so every start, the first included,
reads the store with sqlite3 and paints at once.
"""

from __future__ import annotations

import argparse
import logging
import sqlite3
import sys
import threading
import traceback
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop import APP_ID, APP_NAME, settings, version
from desktop.domain import Progress
from desktop.logfile import configure
from desktop.operations import StoreWriter
from desktop.operations.reading import WindowReads
from desktop.paths import AppPaths, resolve, resource
from desktop.profile import close_profile, open_profile
from desktop.store.database import connect_reader
from desktop.store.errors import StoreError
from desktop.store.health import Health, inspect
from desktop.tasks import Runner, TaskRunner
from desktop.ui import appearance
from desktop.ui.shell.lifecycle import close_on_termination, mark_startup
from desktop.ui.shell.main_window import MainWindow, Services
from desktop.ui.shell.single_instance import Delivery, OpenRequests, hand_over, read_targets

log = logging.getLogger(__name__)


class Session:
    """The open store behind a window: its read connection and task runner, closed together."""

    def __init__(self, paths: AppPaths, runner: Runner | None = None) -> None:
        self.paths = paths
        self.connection = connect_reader(paths.store)
        self.runner: Runner = runner or TaskRunner(paths.store)
        self.damaged = False  # found by the regular check: not sealed, so the next start acts
        self._closed = False

    def close(self) -> None:
        """Finish queued writes, close every connection and seal the store as cleanly closed."""
        if self._closed:
            return
        self._closed = True
        self.runner.shutdown()
        self.connection.close()
        if not self.damaged:
            close_profile(self.paths)


def create_window(
    data_dir: Path, runner: Runner | None = None, *, complete: bool = True
) -> MainWindow:
    """Build the window over the profile in ``data_dir`` with the running QApplication.

    A new folder gets the sample edition. Closing the window closes its store. With ``complete``
    the work that waits for the first paint has begun on return (the market panel and the counts
    are asked for; their answers arrive on the event loop); without it, that work waits for the
    first paint, as when the app starts.
    """
    paths = resolve(data_dir)
    window = _open_window(paths, settings.load(paths.settings), runner)
    if complete:
        window.finish_startup()
    return window


def main(arguments: argparse.Namespace) -> int:
    """Run the application until its window closes; return the exit code."""
    paths = resolve(arguments.data_dir)
    configure(paths.log_file)
    preferences = settings.load(paths.settings)
    app = _application()
    requests = _claim_profile(app, paths, arguments.targets)
    if isinstance(requests, int):
        return requests  # the window already open on this profile took the targets
    appearance.apply(app, preferences.appearance)
    try:
        window = _open_window(paths, preferences, None)
    except (StoreError, sqlite3.Error, OSError) as error:
        log.exception("Could not open the store")
        requests.close()  # a later start may try again
        QMessageBox.critical(None, APP_NAME, _sentence(error, paths))
        return 1
    _install_error_dialog(window, paths.log_file)
    close_on_termination(app, window)
    mark_startup(window.reader.viewport())
    requests.activation_requested.connect(window.bring_forward)
    requests.targets_received.connect(window.open_targets)
    app.lastWindowClosed.connect(requests.close)
    window.open_targets(read_targets(arguments.targets))  # once it has painted
    window.show()
    return app.exec()


def _claim_profile(app: QApplication, paths: AppPaths, targets: list[str]) -> OpenRequests | int:
    """Hand the targets to the window already open on this profile and return the exit code;
    else listen for later starts (and the system's file-open events on macOS)."""
    delivery = hand_over(paths.data, targets)
    if delivery is Delivery.DELIVERED:
        log.info("Handed %d target(s) to the window already open on %s", len(targets), paths.data)
        return 0
    if delivery is Delivery.UNANSWERED:
        QMessageBox.warning(
            None,
            APP_NAME,
            f"Broadsheet is already open on the data folder {paths.data} but does not answer; "
            "close it, then start Broadsheet again.",
        )
        return 1
    requests = OpenRequests(paths.data, app)
    requests.listen()
    if sys.platform == "darwin":
        requests.watch_file_open_events(app)
    return requests


def _open_window(
    paths: AppPaths, preferences: settings.Settings, runner: Runner | None
) -> MainWindow:
    """Open the profile and build its window; the window's close closes the session. What
    opening did that a person must know (a damaged store moved aside) is said once it shows."""
    report = open_profile(paths, defer_check=True)
    session = Session(paths, runner)
    try:
        window = MainWindow(
            Services(
                paths=paths,
                reads=WindowReads(session.connection, paths.store, paths.images),
                runner=session.runner,
                settings=preferences,
                save_settings=lambda chosen: settings.save(chosen, paths.settings),
                close_store=session.close,
            )
        )
    except BaseException:
        session.close()
        raise
    notice = report.notice()
    if notice:
        QTimer.singleShot(0, lambda: QMessageBox.information(window, APP_NAME, notice))
    if report.check_due:
        _check_in_background(window, session)
    return window


def _check_in_background(window: MainWindow, session: Session) -> None:
    """Run the store's regular full check off the window's thread; damage it finds is said once
    and leaves the store unsealed, so the next start moves it aside and makes a fresh one."""
    store = session.paths.store

    def found(health: Health) -> None:
        if health is Health.SOUND:
            return
        session.damaged = True
        QMessageBox.warning(
            window,
            APP_NAME,
            f"Broadsheet found damage in its store at {store}; at the next start it is moved "
            "aside untouched and a fresh store is made.",
        )

    verdict: list[Health] = []

    def check(_write: StoreWriter, _cancel: threading.Event) -> Iterator[Progress]:
        try:  # it reads the whole store: long work, not a quick read
            verdict.append(inspect(store))
        except Exception as error:  # a check that cannot run is left for the next start
            log.info("The store's regular check could not run: %s", error)
        yield Progress(1, 1, "The store was checked.")

    def checked() -> None:
        if verdict:
            found(verdict[0])

    session.runner.start(check).finished.connect(checked)


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
    """Show unexpected errors as one sentence with a button that opens the log (where the
    traceback goes), never crash."""
    from desktop.ui.dialogs.error_dialog import show_unexpected_error

    showing = False

    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        nonlocal showing
        log.critical(
            "Unexpected error:\n%s", "".join(traceback.format_exception(kind, error, trace))
        )
        if showing or issubclass(kind, KeyboardInterrupt):
            return
        showing = True  # an error while the dialog is open is only logged: one dialog at a time
        try:
            show_unexpected_error(window, error, log_file)
        finally:
            showing = False

    sys.excepthook = hook
