"""The log file: records land in it, a large log is set aside, a log that cannot be written is
dropped without a word on the terminal."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from desktop import logfile
from tests.faults import fill, small_disk


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


def _record_lines(count: int) -> None:
    for number in range(count):
        logging.getLogger("desktop.test").info("line %d of a long session %s", number, "x" * 200)


def test_a_log_that_cannot_be_opened_is_dropped_quietly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "broadsheet.log"
    target.mkdir()  # no one may write a folder as a file, root included
    logfile.configure(target)
    _record_lines(3)
    assert capsys.readouterr().err == ""
    assert not logfile.written() and logfile.details(target) == ""


def test_a_log_on_a_full_disk_is_dropped_quietly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with small_disk(tmp_path / "disk", "1m") as disk:
        target = disk / "broadsheet.log"
        logfile.configure(target)
        assert logfile.written() and str(target) in logfile.details(target)
        fill(disk)
        _record_lines(100)
        assert capsys.readouterr().err == ""
        assert not logfile.written() and logfile.details(target) == ""
        logfile.configure(tmp_path / "elsewhere.log")  # let go of the file before unmounting


def test_the_log_starts_anew_when_it_grows_large_while_running(tmp_path: Path) -> None:
    target = tmp_path / "broadsheet.log"
    logfile.configure(target)
    _record_lines(logfile.MAX_BYTES // 200 + 100)
    assert target.stat().st_size < logfile.MAX_BYTES
    assert target.with_name("broadsheet.log.1").stat().st_size >= logfile.MAX_BYTES * 0.9
