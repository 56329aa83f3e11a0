"""Closing the window while long work waits on the network: the app still exits, at once."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from desktop.paths import resolve
from tests.commands import ROOT


def test_closing_during_a_look_up_on_a_silent_server_exits(tmp_path: Path) -> None:
    data_dir = tmp_path / "profile"
    finished = subprocess.run(
        [sys.executable, "-m", "tests.integration.closing_during_look_up", str(data_dir)],
        capture_output=True,
        text=True,
        timeout=120,  # generous: an exit that waits for the look-up would wait an hour
        check=False,
        cwd=ROOT,
    )
    assert finished.returncode == 0, finished.stderr
    assert "asked ['/feed.xml']" in finished.stdout  # closed while the look-up waited
    assert "Traceback" not in finished.stdout + finished.stderr
    assert resolve(data_dir).store_seal.exists()  # the store was closed cleanly
