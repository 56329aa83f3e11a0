"""A single-shot timer for a part of the window: it makes one call a while after it was last
started, so that many changes make one call (started on each change) or arrivals are shown at
most so often (started only when it is not running)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, SignalInstance


def single_shot(
    owner: QObject, interval: int, call: Callable[[], object] | SignalInstance
) -> QTimer:
    """A single-shot timer owned by ``owner`` that makes ``call`` (a function or a signal)
    ``interval`` ms after it was last started (0: once the events already queued are handled)."""
    timer = QTimer(owner)
    timer.setSingleShot(True)
    timer.setInterval(interval)
    timer.timeout.connect(call)
    return timer
