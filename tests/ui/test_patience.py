"""The suite's waits are patient (tests/patience.py): a wait given a short limit still waits for
what comes later, and one that must not raise keeps its own limit."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from pytestqt.qtbot import QtBot


class _Bell(QObject):
    rang = Signal()


def test_a_short_wait_still_sees_what_comes_later(qtbot: QtBot) -> None:
    done: list[bool] = []
    QTimer.singleShot(50, lambda: done.append(True))
    qtbot.waitUntil(lambda: bool(done), timeout=1)  # 1 ms alone would fail
    bell = _Bell()
    QTimer.singleShot(50, bell.rang.emit)
    with qtbot.waitSignal(bell.rang, timeout=1):
        pass


def test_a_wait_that_must_not_raise_keeps_its_limit(qtbot: QtBot) -> None:
    bell = _Bell()
    with qtbot.waitSignal(bell.rang, timeout=10, raising=False) as blocker:
        pass
    assert not blocker.signal_triggered
