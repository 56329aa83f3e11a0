"""A store in a folder no one may write opens read-only: the window shows it and says so."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desktop.app import _open_window
from desktop.paths import resolve
from desktop.settings import Settings
from tests.faults import remount_read_only, small_disk
from tests.ui.parts import article_model


@pytest.fixture
def read_only_data(tmp_path: Path, data_dir: Path) -> Iterator[Path]:
    """A copy of the sample profile on a medium made read-only."""
    with small_disk(tmp_path / "disk", "16m") as disk:
        shutil.copytree(data_dir, disk / "profile")
        remount_read_only(disk)
        yield disk / "profile"


@pytest.mark.allow_warnings
def test_the_window_opens_a_read_only_store_and_says_so(
    qtbot: QtBot, read_only_data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: said.append(text))
    window = _open_window(resolve(read_only_data), Settings(), None)
    qtbot.addWidget(window)
    window.finish_startup()
    qtbot.waitUntil(lambda: bool(said))
    assert "cannot keep changes" in said[0]
    qtbot.waitUntil(lambda: article_model(window).rowCount() == 8)
    window.commands.toggle_bookmark.trigger()
    qtbot.waitUntil(lambda: "cannot be written" in window.statusBar().currentMessage())
    window.close()
