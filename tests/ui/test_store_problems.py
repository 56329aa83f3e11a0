"""Store problems as a person meets them in the window: one plain sentence, nothing lost."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from desktop import app as application
from desktop.paths import AppPaths
from desktop.store import database
from tests.locks import exclusive_lock


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Record message boxes instead of showing them: (kind, sentence)."""
    shown: list[tuple[str, str]] = []
    for kind in ("information", "warning", "critical"):

        def record(parent: QWidget | None, title: str, text: str, kind: str = kind) -> int:
            shown.append((kind, text))
            return 0

        monkeypatch.setattr(QMessageBox, kind, record)
    return shown


@pytest.mark.allow_warnings
def test_a_damaged_store_is_reported_in_one_sentence(
    qtbot: QtBot, data_dir: Path, paths: AppPaths, dialogs: list[tuple[str, str]]
) -> None:
    paths.store.write_bytes(b"\x00garbage" * 512)
    paths.store_seal.unlink()
    window = application.create_window(data_dir)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: bool(dialogs))
    kind, sentence = dialogs[0]
    moved = next(paths.data.glob("broadsheet.sqlite3.damaged-*"))
    assert kind == "information"
    assert str(moved) in sentence and "fresh store" in sentence and "\n" not in sentence
    assert moved.read_bytes() == b"\x00garbage" * 512
    assert window.reader.article is not None  # the fresh store has the sample edition


@pytest.fixture
def locked(paths: AppPaths) -> Iterator[AppPaths]:
    with exclusive_lock(paths.store):
        yield paths


@pytest.mark.allow_warnings
def test_a_locked_store_stops_the_start_with_one_sentence(
    qtbot: QtBot,
    locked: AppPaths,
    dialogs: list[tuple[str, str]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(database, "WRITER_BUSY_MS", 100)
    code = application.main(argparse.Namespace(data_dir=locked.data, targets=[]))
    assert code == 1
    assert dialogs == [
        (
            "critical",
            f"The store at {locked.store} is busy: another Broadsheet window or command, or "
            "another program, is writing to it; try again when it has finished.",
        )
    ]
