"""An unexpected error: one plain sentence and an Open Log button; the traceback goes to the log."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QAbstractButton, QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from desktop import app, logfile
from desktop.paths import AppPaths
from desktop.ui.dialogs.error_dialog import sentence
from desktop.ui.shell.main_window import MainWindow


class _Answerer:
    """Presses a button of the next message box that opens, remembering what it said."""

    def __init__(self, button: Callable[[QMessageBox], QAbstractButton | None]) -> None:
        self.texts: list[str] = []
        self._button = button
        self._timer = QTimer()
        self._timer.setInterval(20)
        self._timer.timeout.connect(self._answer)
        self._timer.start()

    def _answer(self) -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            self._timer.stop()
            self.texts.append(box.text())
            button = self._button(box)
            assert button is not None
            button.click()


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[QUrl]:
    """The URLs handed to the desktop to open, instead of opening them."""
    urls: list[QUrl] = []

    def open_url(url: QUrl) -> bool:
        urls.append(url)
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", open_url)
    return urls


@pytest.fixture
def error_dialog(
    window: MainWindow, paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    """The app's error hook over the window, logging to the profile's log file; the test's
    own hook and log handlers come back afterwards."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    logfile.configure(paths.log_file)
    app._install_error_dialog(window, paths.log_file)
    yield paths.log_file
    root = logging.getLogger()
    for handler in [h for h in root.handlers if h.get_name() == logfile.HANDLER_NAME]:
        root.removeHandler(handler)
        handler.close()


def _fail_in_a_slot() -> None:
    """A slot with a bug in it."""
    raise ZeroDivisionError("the ledger divided by zero")


def _log_text(log_file: Path) -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    return log_file.read_text(encoding="utf-8")


@pytest.mark.allow_warnings
def test_an_error_in_a_slot_shows_one_sentence_and_open_log_opens_the_log(
    error_dialog: Path, opened: list[QUrl], qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    answerer = _Answerer(lambda box: _button(box, "Open &Log"))
    QTimer.singleShot(0, _fail_in_a_slot)
    qtbot.waitUntil(lambda: bool(opened))
    assert answerer.texts == [
        "Something went wrong: the ledger divided by zero. Broadsheet keeps running."
    ]
    assert opened == [QUrl.fromLocalFile(str(error_dialog))]
    logged = _log_text(error_dialog)
    assert "Traceback (most recent call last)" in logged
    assert "_fail_in_a_slot" in logged
    assert [r.levelname for r in caplog.records if r.name == "desktop.app"] == ["CRITICAL"]


@pytest.mark.allow_warnings
def test_closing_the_dialog_opens_nothing(
    error_dialog: Path, opened: list[QUrl], qtbot: QtBot
) -> None:
    answerer = _Answerer(lambda box: box.button(QMessageBox.StandardButton.Close))
    try:
        raise KeyError("missing")
    except KeyError:
        sys.excepthook(*sys.exc_info())
    assert answerer.texts == ["Something went wrong: 'missing'. Broadsheet keeps running."]
    assert opened == []
    assert "KeyError: 'missing'" in _log_text(error_dialog)


def test_the_sentence_is_one_line_whatever_the_error_says() -> None:
    error = RuntimeError('first line.\n  File "x.py", line 3\n<b>not markup</b>')
    assert sentence(error) == "Something went wrong: first line. Broadsheet keeps running."
    assert sentence(ValueError()) == "Something unexpected went wrong. Broadsheet keeps running."


def _button(box: QMessageBox, text: str) -> QAbstractButton:
    """The button of ``box`` labelled ``text``."""
    (found,) = [button for button in box.buttons() if button.text() == text]
    return found
