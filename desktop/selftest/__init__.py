"""``broadsheet --self-test``: prove that this install (a checkout, a wheel or the bundle) works.

In a temporary data folder, on Qt's offscreen platform, it finds the shipped resources and
migration scripts, creates a store (a copy of the shipped ready-made one, with the sample
edition), builds the window, opens an article with its photo and renders it (``checks``). It
prints one line per check and exits 0 when every check passed, else 1; a failure is one line, its
details go to the log. The person's own data folder is never opened; only its log folder is
written to.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QMessageLogContext,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QApplication

from desktop import APP_NAME, version
from desktop.logfile import configure
from desktop.paths import resolve
from desktop.selftest.checks import CHECKS, Check, CheckFailedError, State

log = logging.getLogger(__name__)

PLATFORM_ENV = "QT_QPA_PLATFORM"
Report = Callable[[str], None]


@dataclass(frozen=True)
class Outcome:
    """How one check went: ``ok``, ``FAIL``, or ``skip`` when a check it needs failed."""

    name: str
    status: str
    detail: str

    def line(self) -> str:
        """The line printed for this check, such as ``ok  store: 8 sample articles``."""
        return f"{self.status}  {self.name}: {self.detail}"


def main(arguments: argparse.Namespace) -> int:
    """Run every check, printing one line each; return 0 when all passed, else 1."""
    log_file = resolve(arguments.data_dir).log_file
    configure(log_file)
    log.info("Self-test of %s %s", APP_NAME, version())
    started = time.perf_counter()
    outcomes = run(say)
    failed = [outcome.name for outcome in outcomes if outcome.status != "ok"]
    log.info("Self-test finished in %.2f s", time.perf_counter() - started)
    if failed:
        log.error("Self-test failed: %s", ", ".join(failed))
        if sys.stderr is not None:
            print(
                f"broadsheet: the self-test failed ({', '.join(failed)}); "
                f"details are in {log_file}.",
                file=sys.stderr,
            )
        return 1
    say(f"{APP_NAME} {version()} self-test passed: {len(outcomes)} checks.")
    return 0


def run(report: Report, checks: tuple[Check, ...] = CHECKS) -> list[Outcome]:
    """Run the checks in a temporary data folder, reporting each line as soon as it is known;
    the folder and everything the checks opened are closed and removed before returning."""
    with (
        _offscreen(),
        _qt_messages_to_log(),
        tempfile.TemporaryDirectory(
            prefix="broadsheet-self-test-", ignore_cleanup_errors=True
        ) as folder,
    ):
        app = _application()
        state = State(resolve(Path(folder) / "profile"))
        try:
            return [_run_check(check, state, report) for check in checks]
        finally:
            _close(state, app)


def _run_check(check: Check, state: State, report: Report) -> Outcome:
    """Run one check unless a check it needs did not pass; never raise."""
    missing = [name for name in check.needs if name not in state.passed]
    if missing:
        outcome = Outcome(check.name, "skip", f"needs the {missing[0]} check")
    else:
        try:
            outcome = Outcome(check.name, "ok", check.run(state))
            state.passed.add(check.name)
        except Exception as error:
            log.exception("Self-test check %r failed", check.name)
            outcome = Outcome(check.name, "FAIL", reason(error))
    report(outcome.line())
    return outcome


def reason(error: Exception) -> str:
    """One line saying why a check failed: our own words, or the error's first line."""
    if isinstance(error, CheckFailedError):
        return str(error)
    first = next(iter(str(error).strip().splitlines()), "")
    return f"{type(error).__name__}: {first}" if first else type(error).__name__


def say(line: str) -> None:
    """Print a line of the report (a windowed bundle may have no console; the log has it too)."""
    log.info("%s", line)
    if sys.stdout is not None:
        print(line, flush=True)


def _application() -> QApplication:
    """The running QApplication, or a new one."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    return QApplication([sys.argv[0] if sys.argv else "broadsheet"])


def _close(state: State, app: QApplication) -> None:
    """Close the window if a check left it open, and let Qt delete what was closed."""
    if state.window is not None:
        state.window.close()
        state.window.deleteLater()
        state.window = None
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    app.processEvents()


@contextlib.contextmanager
def _offscreen() -> Iterator[None]:
    """Ask for Qt's offscreen platform while the self-test runs, and put the caller's choice
    back after (a QApplication made before keeps its platform; the window never maps anyway)."""
    before = os.environ.get(PLATFORM_ENV)
    os.environ[PLATFORM_ENV] = "offscreen"
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(PLATFORM_ENV, None)
        else:
            os.environ[PLATFORM_ENV] = before


@contextlib.contextmanager
def _qt_messages_to_log() -> Iterator[None]:
    """Send Qt's messages to the log rather than the terminal: the offscreen platform's notes on
    what it cannot do are expected, and the report stays one line per check."""

    def handle(kind: QtMsgType, _: QMessageLogContext, message: str) -> None:
        serious = kind in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg)
        log.log(logging.ERROR if serious else logging.INFO, "Qt: %s", message)

    previous = qInstallMessageHandler(handle)
    try:
        yield
    finally:
        qInstallMessageHandler(previous)
