"""The log file: details of every failure go here, while a person reads one plain sentence.

The file is opened at once, so a log that cannot be written is known before anything is said to
point at it; a log that stops taking lines (a full disk) is dropped quietly instead of printing the
logging module's tracebacks on the terminal. It starts anew past ``MAX_BYTES`` while running,
keeping ``BACKUPS`` older ones.
"""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
HANDLER_NAME = "broadsheet-log-file"
MAX_BYTES = 1_000_000
BACKUPS = 3


class LogFileHandler(RotatingFileHandler):
    """The log file, rotated by size; a record it cannot write marks it failed, silently."""

    failed = False

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 (logging's name)
        """Remember that the log could not be written, instead of printing a traceback."""
        self.failed = True

    def close(self) -> None:
        """Close the file; lines it could not take are dropped (the file closes even so)."""
        try:
            super().close()
        except OSError:
            self.failed = True


def configure(log_file: Path, level: int = logging.INFO) -> None:
    """Send the app's log records to the log file, starting a new one when it has grown large."""
    try:
        log_file.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = _open(log_file)
    except OSError:
        handler = logging.NullHandler()
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.set_name(HANDLER_NAME)
    root = logging.getLogger()
    for previous in [h for h in root.handlers if h.get_name() == HANDLER_NAME]:
        root.removeHandler(previous)  # configured again (a second window, a test): one file
        previous.close()
    root.addHandler(handler)
    root.setLevel(min(root.level or level, level))


def _open(log_file: Path) -> LogFileHandler:
    """Open the log file for appending, setting a large one aside first."""
    handler = LogFileHandler(
        log_file, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=False
    )
    if log_file.stat().st_size >= MAX_BYTES:
        handler.doRollover()
    return handler


def written() -> bool:
    """Whether the log file is open and has taken every line so far (so a sentence may point
    a person at it)."""
    for handler in logging.getLogger().handlers:
        if handler.get_name() == HANDLER_NAME:
            return isinstance(handler, LogFileHandler) and not handler.failed
    return False


def details(log_file: Path) -> str:
    """The end of a sentence pointing at the log, or nothing when the log could not be written."""
    return f"; details are in {log_file}" if written() else ""
