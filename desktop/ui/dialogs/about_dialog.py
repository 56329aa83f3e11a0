"""Help > About: the version, where the data and the log are kept, and the licences of what we ship.

The licences are read from the installed packages' metadata when the dialog opens, never at
start-up (see ``desktop.licences``).
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, qVersion
from PySide6.QtGui import QDesktopServices, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop import APP_NAME, version
from desktop.licences import OWN_LICENCE, Licence, shipped
from desktop.paths import AppPaths
from desktop.ui.focus_marks import show_focus

DESCRIPTION = "A newspaper reader that keeps what you read, offline."
QT_LICENCE = "LGPL-3.0-only"
COLUMNS = ("Component", "Version", "Licence")
MIN_WIDTH = 560
MIN_TABLE_HEIGHT = 220
ROW_PADDING = 6
SORT_ROLE = Qt.ItemDataRole.UserRole + 1  # sorts "alembic" with "Mako", not after it


class AboutDialog(QDialog):
    """Says which Broadsheet this is, where it keeps its files and under which licences it and
    every component it ships are distributed."""

    def __init__(self, paths: AppPaths, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(f"About {APP_NAME}")
        self.setAccessibleName(f"About {APP_NAME}")
        self.setMinimumWidth(MIN_WIDTH)
        self._paths = paths
        self.licences = licence_model(self)
        layout = QVBoxLayout(self)
        layout.addWidget(_heading())
        layout.addLayout(self._folders())
        layout.addWidget(QLabel(f"{APP_NAME} is free software under {OWN_LICENCE}. It includes:"))
        layout.addWidget(self._table())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setFocus()
        layout.addWidget(buttons)

    def _folders(self) -> QFormLayout:
        """The data folder (with a button that opens it) and the log file, both selectable."""
        opener = QPushButton("&Open Folder")
        opener.setObjectName("openDataFolder")
        opener.setAccessibleName("Open the data folder")
        opener.clicked.connect(self._on_open_folder)
        row = QHBoxLayout()
        row.addWidget(_path_field("dataFolder", "Data folder", self._paths.data), 1)
        row.addWidget(opener)
        form = QFormLayout()
        form.addRow("Data folder:", row)
        form.addRow("Log file:", _path_field("logFile", "Log file", self._paths.log_file))
        return form

    def _table(self) -> QTableView:
        """The components and their licences, sortable by any column."""
        table = QTableView()
        table.setObjectName("licenceTable")
        table.setAccessibleName("Licences of the components Broadsheet ships")
        table.setModel(self.licences)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setTabKeyNavigation(False)  # Tab leaves the table; the arrows move inside it
        show_focus(table)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSortingEnabled(True)
        table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + ROW_PADDING)
        table.setWordWrap(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        table.setMinimumHeight(MIN_TABLE_HEIGHT)
        return table

    def _on_open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._paths.data)))


def licence_model(parent: QWidget | None = None) -> QStandardItemModel:
    """A read-only table of Qt and every package we ship: name, version, licence."""
    model = QStandardItemModel(0, len(COLUMNS), parent)
    model.setHorizontalHeaderLabels(list(COLUMNS))
    model.setSortRole(SORT_ROLE)
    for component in [Licence("Qt", qVersion(), QT_LICENCE), *shipped()]:
        cells = [QStandardItem(text) for text in _cells(component)]
        for cell in cells:
            cell.setEditable(False)
            cell.setToolTip(component.licence)
            cell.setData(cell.text().casefold(), SORT_ROLE)
        model.appendRow(cells)
    return model


def _cells(component: Licence) -> tuple[str, str, str]:
    """A component's row, in the order of ``COLUMNS``."""
    return component.name, component.version, component.licence


def _heading() -> QLabel:
    """The name, version and what Broadsheet is for."""
    label = QLabel(f"<h3>{APP_NAME} {html.escape(version())}</h3><p>{DESCRIPTION}</p>")
    label.setObjectName("aboutHeading")
    label.setTextFormat(Qt.TextFormat.RichText)
    return label


def _path_field(name: str, accessible: str, path: Path) -> QLineEdit:
    """A path shown as read-only text a person can select and copy."""
    field = QLineEdit(str(path))
    field.setObjectName(name)
    field.setAccessibleName(accessible)
    field.setReadOnly(True)
    field.setCursorPosition(0)
    return field
