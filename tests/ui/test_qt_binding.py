"""The Qt binding itself: a build that loses references to None would crash the app; PySide6's
check of every later import is made without keeping each module's source in memory."""

from __future__ import annotations

import linecache
import sys
import types
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from desktop.ui import binding


def test_void_calls_keep_none_alive(qtbot: QtBot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(200):
        label.setText("x")
    # PySide6 6.12.0 on CPython 3.11 loses one reference per call (and aborts after a few
    # thousand); None is immortal from 3.12 on, where the count does not move at all.
    assert sys.getrefcount(None) >= before - 5


def test_modules_imported_after_the_window_package_are_not_kept_in_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import desktop.ui  # noqa: F401  (makes PySide6's check of later imports read files plainly)

    (tmp_path / "broadsheet_probe_qt.py").write_text("import PySide6.QtCore\n")
    (tmp_path / "broadsheet_probe_plain.py").write_text("VALUE = 1\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    linecache.clearcache()
    try:
        # as an import statement does: PySide6's hook sits in builtins.__import__
        __import__("broadsheet_probe_qt")
        __import__("broadsheet_probe_plain")
    finally:
        sys.modules.pop("broadsheet_probe_qt", None)
        sys.modules.pop("broadsheet_probe_plain", None)
    feature = sys.modules["shibokensupport.feature"]
    # PySide6 still learns which module uses it (0: uses PySide, no feature; -1: ignore it) ...
    assert feature.pyside_feature_dict["broadsheet_probe_qt"] == 0
    assert feature.pyside_feature_dict["broadsheet_probe_plain"] == -1
    # ... without keeping their sources' lines for the rest of the process.
    assert not [name for name in linecache.cache if "broadsheet_probe" in name]


def test_the_check_is_replaced_once_and_only_where_pyside_has_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import desktop.ui  # noqa: F401

    assert binding.lighten_module_checks() is False  # already done when the package loaded
    monkeypatch.setitem(sys.modules, "shibokensupport.feature", types.ModuleType("feature"))
    assert binding.lighten_module_checks() is False  # a PySide6 without the check
