"""The log file: details of every failure go here, while a person reads one plain sentence."""

from __future__ import annotations

import logging
from pathlib import Path

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
HANDLER_NAME = "broadsheet-log-file"
MAX_BYTES = 1_000_000
BACKUPS = 3


def configure(log_file: Path, level: int = logging.INFO) -> None:
    """Send the app's log records to the log file, starting a new one when it has grown large."""
    try:
        log_file.parent.mkdir(parents=True, exist_ok=True)
        _rotate(log_file)
        handler: logging.Handler = logging.FileHandler(log_file, encoding="utf-8", delay=True)
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


def _rotate(log_file: Path) -> None:
    """Past ``MAX_BYTES``, keep the log as ``.1`` (older ones shift up to ``.3``) and start anew.

    Done once per start rather than by logging.handlers, whose import a start would pay for.
    """
    try:
        if log_file.stat().st_size < MAX_BYTES:
            return
    except FileNotFoundError:
        return
    for number in range(BACKUPS - 1, 0, -1):
        older = log_file.with_name(f"{log_file.name}.{number}")
        if older.exists():
            older.replace(log_file.with_name(f"{log_file.name}.{number + 1}"))
    log_file.replace(log_file.with_name(f"{log_file.name}.1"))
