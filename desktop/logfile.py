"""The log file: details of every failure go here, while a person reads one plain sentence."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
HANDLER_NAME = "broadsheet-log-file"


def configure(log_file: Path, level: int = logging.INFO) -> None:
    """Send the app's log records to a rotating file in the log folder."""
    try:
        log_file.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            log_file, maxBytes=1_000_000, backupCount=3, encoding="utf-8", delay=True
        )
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
