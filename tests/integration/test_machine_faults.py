"""Faults of the machine: a full disk, a read-only data folder; one sentence each, nothing lost."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.commands import broadsheet
from tests.faults import fill, remount_read_only, small_disk
from tests.integration.test_cli_news import site
from tests.newsroom import Item, Newsroom

__all__ = ["site"]  # the local news site, a fixture of the news commands' tests


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


@pytest.fixture
def read_only_folder(tmp_path: Path, site: Newsroom) -> Iterator[Path]:
    """A data folder subscribed to a site with one new entry since, on a medium then made
    read-only (so root cannot write either)."""
    with small_disk(tmp_path / "disk", "16m") as disk:
        data = disk / "profile"
        assert broadsheet(data, "bookmark", "3").returncode == 0
        assert broadsheet(data, "feeds", "add", site.url("/feed.xml")).returncode == 0
        site.server.clear()
        late = [Item("late", "Late news", "Now.")]
        site.publish_feed("/feed.xml", "The Test Courier", late, "v2")
        remount_read_only(disk)
        yield data


def test_a_read_only_folder_still_reads(read_only_folder: Path) -> None:
    listed = broadsheet(read_only_folder, "list", "--section", "bookmarks", "--json")
    assert listed.returncode == 0 and listed.stderr == "", listed.stderr
    assert [row["id"] for row in json.loads(listed.stdout)] == [3]
    shown = broadsheet(read_only_folder, "show", "3")
    assert shown.returncode == 0 and "Night train" in shown.stdout
    assert broadsheet(read_only_folder, "stats").returncode == 0


@pytest.mark.parametrize("command", [["bookmark", "4"], ["refresh"], ["market", "refresh"]])
def test_a_read_only_folder_says_why_it_cannot_write(
    read_only_folder: Path, command: list[str]
) -> None:
    result = broadsheet(read_only_folder, *command)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    (line,) = result.stderr.splitlines()
    assert f"check that you may write to {read_only_folder}" in line, line
