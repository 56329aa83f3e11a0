"""The command line's sentence for an error nobody foresaw: plain words, no class names."""

from __future__ import annotations

from pathlib import Path

from desktop.cli import _unexpected


def test_an_unforeseen_error_is_said_without_its_class_name() -> None:
    log = Path("/home/ida/.local/share/broadsheet/logs/broadsheet.log")
    error = ValueError("Exceeds the limit (4300 digits) for integer string conversion.\nmore")
    assert _unexpected(error, log) == (
        "Something went wrong that Broadsheet does not handle (Exceeds the limit (4300 digits) "
        f"for integer string conversion); details are in {log}."
    )
    assert "KeyError" not in _unexpected(KeyError(), log)
    assert _unexpected(KeyError(), log) == (
        f"Something went wrong that Broadsheet does not handle; details are in {log}."
    )
