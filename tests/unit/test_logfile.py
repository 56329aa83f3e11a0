"""The log file: records land in it, and a large log is set aside at the next start."""

from __future__ import annotations

import logging
from pathlib import Path

from desktop import logfile


def test_records_reach_the_log_file(tmp_path: Path) -> None:
    target = tmp_path / "logs" / "broadsheet.log"
    logfile.configure(target)
    logging.getLogger("desktop.test").info("a line for the log")
    for handler in logging.getLogger().handlers:
        handler.flush()
    assert "a line for the log" in target.read_text(encoding="utf-8")


def test_a_large_log_is_rotated_and_old_ones_shift(tmp_path: Path) -> None:
    target = tmp_path / "broadsheet.log"
    target.write_bytes(b"x" * logfile.MAX_BYTES)
    target.with_name("broadsheet.log.1").write_text("older")
    logfile.configure(target)
    assert not target.exists() or target.stat().st_size == 0
    assert target.with_name("broadsheet.log.1").stat().st_size == logfile.MAX_BYTES
    assert target.with_name("broadsheet.log.2").read_text() == "older"


def test_configuring_twice_keeps_one_handler(tmp_path: Path) -> None:
    logfile.configure(tmp_path / "a.log")
    logfile.configure(tmp_path / "b.log")
    names = [h.get_name() for h in logging.getLogger().handlers]
    assert names.count(logfile.HANDLER_NAME) == 1
