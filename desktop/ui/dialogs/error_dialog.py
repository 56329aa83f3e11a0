"""The dialog for an unexpected error: one plain sentence and a button that opens the log.

The traceback never shows here; it goes to the log file, which the button opens.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop import APP_NAME


def sentence(error: BaseException) -> str:
    """What went wrong, in one sentence of plain words: the error's first line (its Python
    class name stays in the log, with the rest)."""
    lines = str(error).strip().splitlines()
    what = lines[0].strip().rstrip(".") if lines else ""
    if not what:
        return f"Something unexpected went wrong. {APP_NAME} keeps running."
    return f"Something went wrong: {what}. {APP_NAME} keeps running."


def show_unexpected_error(parent: QWidget | None, error: BaseException, log_file: Path) -> None:
    """Say that ``error`` happened and offer to open the log, where its details are."""
    box = QMessageBox(QMessageBox.Icon.Warning, APP_NAME, sentence(error), parent=parent)
    box.setObjectName("unexpectedErrorDialog")
    box.setTextFormat(Qt.TextFormat.PlainText)  # a message may hold "<", which is not markup
    opener = box.addButton("Open &Log", QMessageBox.ButtonRole.ActionRole)
    opener.setObjectName("openLog")
    opener.setToolTip(str(log_file))
    box.setDefaultButton(box.addButton(QMessageBox.StandardButton.Close))
    box.exec()
    if box.clickedButton() is opener:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(log_file)))
