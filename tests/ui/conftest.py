"""Window fixtures: the real window over a copy of the sample profile, with real threads."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.app import create_window
from desktop.ui.main_window import MainWindow

WindowFactory = Callable[[], MainWindow]


@pytest.fixture
def open_window(qtbot: QtBot, data_dir: Path) -> WindowFactory:
    """Open a window over this test's profile; every window is closed (and its store sealed)."""

    def factory() -> MainWindow:
        window = create_window(data_dir)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        return window

    return factory


@pytest.fixture
def window(open_window: WindowFactory) -> MainWindow:
    """The window as a person first sees it: the newest article open."""
    return open_window()
