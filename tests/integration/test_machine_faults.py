"""Faults of the machine: a full disk, a read-only data folder; one sentence each, nothing lost."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.commands import broadsheet
from tests.faults import fill, small_disk


@pytest.fixture
def full_disk(tmp_path: Path) -> Iterator[Path]:
    """A data folder holding the sample edition (one bookmark), on a disk then filled up."""
    with small_disk(tmp_path / "disk") as disk:
        data = disk / "profile"
        assert broadsheet(data, "bookmark", "3").returncode == 0
        fill(disk, 0, data / "logs" / "broadsheet.log")
        yield data


@pytest.mark.parametrize("command", [["stats"], ["list"], ["bookmark", "4"], ["refresh"]])
def test_a_full_disk_is_said_in_one_sentence(full_disk: Path, command: list[str]) -> None:
    result = broadsheet(full_disk, *command)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert "the disk is full" in lines[0] and "could not be read" not in lines[0]
    assert "details are in" not in lines[0]  # the log could not be written either
    (full_disk.parent / "filler").unlink()
    listed = broadsheet(full_disk, "list", "--section", "bookmarks", "--json")
    assert listed.returncode == 0 and '"id": 3' in listed.stdout
    check = sqlite3.connect(full_disk / "broadsheet.sqlite3")
    assert check.execute("PRAGMA quick_check").fetchone() == ("ok",)
    check.close()
