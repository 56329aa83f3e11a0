"""Help > About: the version, the profile's folders, and the licences of Qt and every package."""

from __future__ import annotations

from importlib import metadata
from typing import TypeVar

import pytest
from PySide6.QtCore import QObject, Qt, QUrl, qVersion
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QPushButton, QTableView
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

import desktop
from desktop.licences import UNKNOWN, normalized
from desktop.paths import AppPaths
from desktop.ui.dialogs.about_dialog import AboutDialog
from desktop.ui.shell.main_window import MainWindow

# Direct requirements of Broadsheet, and one that only a requirement needs (httpx -> httpcore).
Child = TypeVar("Child", bound=QObject)
EXPECTED = ("pyside6-essentials", "sqlalchemy", "alembic", "feedparser", "httpx", "httpcore")


def _open_about(window: MainWindow, qtbot: QtBot) -> QDialog:
    window.commands.about.trigger()
    dialog = window.findChild(QDialog, "aboutDialog")
    assert isinstance(dialog, AboutDialog)
    qtbot.waitExposed(dialog)
    return dialog


def _child(dialog: QDialog, kind: type[Child], name: str) -> Child:
    found = dialog.findChild(kind, name)
    assert isinstance(found, kind), name
    return found


def _rows(table: QTableView) -> list[tuple[str, str, str]]:
    model = table.model()
    return [
        (
            str(model.index(row, 0).data()),
            str(model.index(row, 1).data()),
            str(model.index(row, 2).data()),
        )
        for row in range(model.rowCount())
    ]


def test_about_shows_the_version_and_the_profile_folders(
    window: MainWindow, qtbot: QtBot, paths: AppPaths
) -> None:
    dialog = _open_about(window, qtbot)
    heading = _child(dialog, QLabel, "aboutHeading")
    assert f"{desktop.APP_NAME} {desktop.__version__}" in heading.text()
    data_folder = _child(dialog, QLineEdit, "dataFolder")
    assert data_folder.text() == str(paths.data)
    assert data_folder.isReadOnly()
    assert _child(dialog, QLineEdit, "logFile").text() == str(paths.log_file)
    labels = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "GPL-3.0-or-later" in labels


def test_about_lists_qt_and_the_packages_we_ship_with_their_licences(
    window: MainWindow, qtbot: QtBot, qtmodeltester: ModelTester
) -> None:
    dialog = _open_about(window, qtbot)
    assert isinstance(dialog, AboutDialog)
    qtmodeltester.check(dialog.licences)
    rows = {
        normalized(name): (version, licence)
        for name, version, licence in _rows(_child(dialog, QTableView, "licenceTable"))
    }
    assert rows["qt"] == (qVersion(), "LGPL-3.0-only")
    for name in EXPECTED:
        version, licence = rows[name]
        assert version == metadata.version(name)
        assert licence and licence != UNKNOWN, name
    assert "LGPL-3.0-only" in rows["pyside6-essentials"][1]
    assert rows["sqlalchemy"][1] == "MIT"


def test_the_licence_table_sorts_by_any_column(window: MainWindow, qtbot: QtBot) -> None:
    table = _child(_open_about(window, qtbot), QTableView, "licenceTable")
    assert table.isSortingEnabled()
    table.sortByColumn(2, Qt.SortOrder.AscendingOrder)
    licences = [licence for _, _, licence in _rows(table)]
    assert licences == sorted(licences, key=str.casefold)
    table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    names = [name for name, _, _ in _rows(table)]
    assert names == sorted(names, key=str.casefold, reverse=True)
    assert names != sorted(names, reverse=True)  # "Mako" among the m's, not before "alembic"


def test_open_folder_opens_the_data_folder(
    window: MainWindow, qtbot: QtBot, paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[QUrl] = []

    def open_url(url: QUrl) -> bool:
        opened.append(url)
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", open_url)
    dialog = _open_about(window, qtbot)
    qtbot.mouseClick(_child(dialog, QPushButton, "openDataFolder"), Qt.MouseButton.LeftButton)
    assert opened == [QUrl.fromLocalFile(str(paths.data))]
