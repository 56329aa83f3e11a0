"""The window runs the store's regular full check in the background and says what it found."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desktop.app import _open_window
from desktop.paths import resolve
from desktop.profile import open_profile
from desktop.settings import Settings
from tests.integration.test_machine_faults import _decayed


@pytest.mark.allow_warnings
def test_damage_found_by_the_regular_check_is_said_and_acted_on_at_the_next_start(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    damaged = _decayed(data_dir, checked_days_ago=8)
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: said.append(text))
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: None)
    window = _open_window(resolve(data_dir), Settings(), None)  # opens at once, unchecked
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: bool(said), timeout=20_000)
    assert "found damage in its store" in said[0]
    window.close()
    report = open_profile(resolve(data_dir))
    assert report.moved_aside is not None and report.moved_aside.read_bytes() == damaged


def test_a_sound_store_is_checked_quietly_once_a_week(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    checked = data_dir / "broadsheet.sqlite3.checked"
    checked.write_text("0")
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: said.append(text))
    window = _open_window(resolve(data_dir), Settings(), None)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: checked.read_text() != "0", timeout=20_000)
    window.close()
    assert said == []
    assert open_profile(resolve(data_dir)).moved_aside is None
