"""The Qt binding itself: a build that loses references to None would crash the app."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot


def test_void_calls_keep_none_alive(qtbot: QtBot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(200):
        label.setText("x")
    # PySide6 6.12.0 on CPython 3.11 loses one reference per call (and aborts after a few
    # thousand); None is immortal from 3.12 on, where the count does not move at all.
    assert sys.getrefcount(None) >= before - 5
