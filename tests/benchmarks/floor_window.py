"""The floor of the start-up benchmark: a bare PySide6 window, marked as the app marks its start.

It does what any PySide6 program must do to show a window (start Python, import QtWidgets, create
a QApplication, map a 1200x800 QMainWindow) and nothing else, so Broadsheet's start is compared
with the least a window of its kind costs on the same machine. It marks its first paint and closes
on SIGTERM with the app's own helpers (``desktop.ui.shell.lifecycle``, which needs nothing but Qt).
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from desktop.ui.shell.lifecycle import close_on_termination, mark_startup

TITLE = "Broadsheet floor"
SIZE = (1200, 800)


def build_window() -> tuple[QMainWindow, QWidget]:
    """The bare window (a title, a size) and its empty central widget."""
    window = QMainWindow()
    window.setWindowTitle(TITLE)
    window.resize(*SIZE)
    central = QWidget()
    window.setCentralWidget(central)
    return window, central


def main() -> int:
    """Show the window until it is closed or terminated; return the exit code."""
    app = QApplication(sys.argv[:1])
    window, central = build_window()
    mark_startup(central)
    close_on_termination(app, window)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
