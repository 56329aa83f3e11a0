"""Large type on a 1600 x 1000 screen: the window scaled 1.5 times, and larger fonts alone (144
dpi, no scaling). Qt takes both only as it starts, so the checks (``tests/ui/large_type_checks.py``)
run in a pytest of their own started with each."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHECKS = ROOT / "tests" / "ui" / "large_type_checks.py"
HANG = 900  # seconds: a bound on a hang, not a speed limit
LARGE_TYPE_VARIABLES = {"QT_SCALE_FACTOR", "QT_FONT_DPI", "QT_ENABLE_HIGHDPI_SCALING"}


@pytest.mark.parametrize(
    "large_type",
    [{"QT_SCALE_FACTOR": "1.5"}, {"QT_ENABLE_HIGHDPI_SCALING": "0", "QT_FONT_DPI": "144"}],
    ids=["scaled-1.5", "fonts-144dpi"],
)
def test_large_type_keeps_the_line_and_the_figures_whole(large_type: dict[str, str]) -> None:
    inherited = {
        name: value for name, value in os.environ.items() if name not in LARGE_TYPE_VARIABLES
    }
    environment = {**inherited, "QT_QPA_PLATFORM": "offscreen", **large_type}
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(CHECKS)],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=HANG,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    assert "4 passed" in result.stdout and "skipped" not in result.stdout
