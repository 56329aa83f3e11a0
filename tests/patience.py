"""Every wait of pytest-qt (waitUntil, waitSignal, waitSignals, waitExposed, waitActive,
waitCallback) waits at least ``PATIENCE_MS`` before it fails.

A wait ends as soon as what it waits for happens, so a long limit costs a passing test nothing;
it only keeps a busy machine (the suite beside a benchmark, a build, other suites) from failing a
test whose work is merely slow. ``assertNotEmitted`` and waits with ``raising=False`` wait their
whole time on purpose and keep the time they were given.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from pytestqt.qtbot import QtBot

PATIENCE_MS = 120_000
WAITS = ("waitUntil", "waitSignal", "waitSignals", "waitExposed", "waitActive", "waitCallback")


def _patient(wait: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(wait)
    def patient(self: QtBot, *args: Any, **kwargs: Any) -> Any:
        timeout = kwargs.get("timeout", 5000)
        if kwargs.get("raising") is not False and timeout is not None and timeout > 0:
            kwargs["timeout"] = max(timeout, PATIENCE_MS)
        return wait(self, *args, **kwargs)

    return patient


def make_waits_patient() -> None:
    """Give every pytest-qt wait at least ``PATIENCE_MS`` (once per process)."""
    for name in WAITS:
        wait = getattr(QtBot, name)
        if not getattr(wait, "patient", False):
            patient = _patient(wait)
            patient.patient = True  # type: ignore[attr-defined]
            setattr(QtBot, name, patient)
