"""The Qt binding itself: a build that loses references to None would crash the app; once
applied, PySide6's check of every later import is made without keeping each module's source in
memory; a PySide6 the patch was not checked with stops the start in one line."""

from __future__ import annotations

import linecache
import sys
import types
from pathlib import Path

import PySide6
import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from desktop.__main__ import main
from desktop.patching import PatchVersionError
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
    binding.apply()  # as python -m desktop does before importing the window's modules
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


def test_applying_again_keeps_the_one_replacement() -> None:
    binding.apply()
    feature = sys.modules["shibokensupport.feature"]
    replaced = feature._mod_uses_pyside
    binding.apply()
    assert feature._mod_uses_pyside is replaced and binding.applied()


def test_a_pyside_without_the_check_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "shibokensupport.feature", types.ModuleType("feature"))
    with pytest.raises(PatchVersionError, match=r"has no shibokensupport\.feature\._mod_uses"):
        binding.apply()


def test_another_pyside_stops_the_start_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(PySide6, "__version__", "6.13.0")
    assert main(["--data-dir", str(tmp_path)]) == 1
    said = capsys.readouterr().err
    assert said.count("\n") == 1 and said.startswith("broadsheet: Broadsheet's patch to PySide6")
    assert "PySide6 >=6.11,<6.13, and 6.13.0 is installed" in said
    assert not list(tmp_path.iterdir())  # stopped before opening anything
