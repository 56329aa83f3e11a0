"""Faults of the machine: a full disk, a read-only data folder; one sentence each, nothing lost."""

from __future__ import annotations

import json
import os
import sqlite3
import time
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


VICTIM = "ZQVICTIMQZ"


def _victim_body() -> str:
    """A long body whose marked words begin past the first pages of its row (the row's page,
    shared with other articles, stays whole; the pages the rest of the body overflows to do
    not)."""
    return "<p>" + "filler words " * 800 + "</p>" + f"<p>{VICTIM} lost words.</p>" * 400


def _damage_pages_holding(store: Path, marker: bytes) -> int:
    """Overwrite every page of the store holding ``marker`` with junk, as the disk's own decay
    would (its size and time unchanged); return how many."""
    status = store.stat()
    data = bytearray(store.read_bytes())
    pages = {offset // 4096 for offset in _offsets(data, marker)}
    for page in pages:
        data[page * 4096 : (page + 1) * 4096] = b"\x5a" * 4096
    store.write_bytes(bytes(data))
    os.utime(store, ns=(status.st_atime_ns, status.st_mtime_ns))
    return len(pages)


def _offsets(data: bytearray, marker: bytes) -> list[int]:
    found, start = [], data.find(marker)
    while start != -1:
        found.append(start)
        start = data.find(marker, start + 1)
    return found


@pytest.mark.allow_warnings
def test_bookmarks_export_what_a_damaged_store_can_still_read(
    data_dir: Path, tmp_path: Path
) -> None:
    store = data_dir / "broadsheet.sqlite3"
    connection = sqlite3.connect(store)
    body = _victim_body()
    connection.execute(
        "INSERT INTO articles (id, source_id, guid, title, fetched, dated, body_html, body_text,"
        " read, bookmarked) VALUES (100, 1, 'victim', 'The victim', 0, 0, ?, ?, 0, 5)",
        (body, body),
    )
    connection.execute("UPDATE articles SET bookmarked = 1 WHERE id IN (2, 3)")
    connection.commit()
    connection.close()
    assert broadsheet(data_dir, "stats").returncode == 0  # closed cleanly: sealed
    assert _damage_pages_holding(store, VICTIM.encode()) > 0
    target = tmp_path / "bookmarks.md"
    result = broadsheet(data_dir, "bookmarks", "export", str(target))
    assert result.returncode == 2, result.stderr
    (line,) = result.stderr.splitlines()
    assert "Exported 2 bookmarks" in line and "could not be read" in line and "article 100" in line
    exported = target.read_text()
    assert "The victim" not in exported and exported.count("\n- ") == 2


def _decayed(data_dir: Path, checked_days_ago: float) -> bytes:
    """Damage pages of a cleanly closed store as a disk's decay would (size and time kept), its
    last full check that many days ago; return its bytes."""
    store = data_dir / "broadsheet.sqlite3"
    connection = sqlite3.connect(store)
    body = _victim_body()
    connection.execute(
        "INSERT INTO articles (id, source_id, guid, title, fetched, dated, body_html, body_text,"
        " read) VALUES (100, 1, 'victim', 'The victim', 0, 0, ?, ?, 0)",
        (body, body),
    )
    connection.commit()
    connection.close()
    assert broadsheet(data_dir, "stats").returncode == 0  # closed cleanly: sealed
    _damage_pages_holding(store, VICTIM.encode())
    checked = time.time() - checked_days_ago * 86400
    (data_dir / "broadsheet.sqlite3.checked").write_text(str(int(checked)))
    return store.read_bytes()


def test_a_cleanly_closed_store_is_checked_again_after_a_week(data_dir: Path) -> None:
    damaged = _decayed(data_dir, checked_days_ago=6)
    broadsheet(data_dir, "stats")  # checked less than a week ago: trusted as it is
    assert not list(data_dir.glob("*.damaged-*"))
    (data_dir / "broadsheet.sqlite3.checked").write_text("0")  # a week and more ago
    result = broadsheet(data_dir, "stats", "--json")
    assert result.returncode == 0 and "was damaged, so it was moved to" in result.stderr
    (aside,) = data_dir.glob("broadsheet.sqlite3.damaged-*[0-9]")
    assert aside.read_bytes() == damaged
    assert json.loads(result.stdout)["articles"] == 8  # a fresh store with the sample edition


def test_a_log_that_cannot_be_written_costs_no_command_a_traceback(
    site: Newsroom, tmp_path: Path
) -> None:
    data = tmp_path / "profile"
    (data / "logs" / "broadsheet.log").mkdir(parents=True)  # no one may write it, root included
    added = broadsheet(data, "feeds", "add", site.url("/feed.xml"))
    assert added.returncode == 0 and added.stderr == "", added.stderr
    refreshed = broadsheet(data, "refresh")
    assert refreshed.returncode == 0 and refreshed.stderr == "", refreshed.stderr
    broken = broadsheet(data, "show", "999999")
    assert broken.returncode == 1 and len(broken.stderr.splitlines()) == 1
