"""The command line's sentence for an error nobody foresaw: plain words, no class names, and the
log named only when it could be written."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop import logfile
from desktop.cli import _unexpected

LOG = Path("/home/ida/.local/share/broadsheet/logs/broadsheet.log")


def test_an_unforeseen_error_is_said_without_its_class_name(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(logfile, "written", lambda: True)
    error = ValueError("Exceeds the limit (4300 digits) for integer string conversion.\nmore")
    assert _unexpected(error, LOG) == (
        "Something went wrong that Broadsheet does not handle (Exceeds the limit (4300 digits) "
        f"for integer string conversion); details are in {LOG}."
    )
    assert "KeyError" not in _unexpected(KeyError(), LOG)
    assert _unexpected(KeyError(), LOG) == (
        f"Something went wrong that Broadsheet does not handle; details are in {LOG}."
    )


def test_a_log_that_could_not_be_written_is_not_pointed_at(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(logfile, "written", lambda: False)
    assert _unexpected(KeyError(), LOG) == "Something went wrong that Broadsheet does not handle."
