"""Starting Broadsheet again as a desktop does (``broadsheet %U``): the second process hands its
feed link to the window already open on the data folder and exits, opening no window of its own."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop.paths import resolve

LINK = "feed:https://127.0.0.1:9/feed.xml"  # only shown in the prompt: nothing is fetched


def _environment(mark: Path) -> dict[str, str]:
    """Off screen, writing the time of the first paint to ``mark``."""
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "BROADSHEET_STARTUP_MARK": str(mark)}


def _wait_until(condition: Callable[[], bool], process: subprocess.Popen[str], what: str) -> None:
    """Wait for ``condition`` while ``process`` runs; fail saying ``what`` did not happen."""
    deadline = time.monotonic() + 60
    while not condition():
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, what
        time.sleep(0.05)


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS hands files over as events instead")
def test_a_second_start_hands_its_link_to_the_open_window_and_exits(tmp_path: Path) -> None:
    data_dir, first_mark, second_mark = tmp_path / "profile", tmp_path / "one", tmp_path / "two"
    command = [sys.executable, "-m", "desktop", "--data-dir", str(data_dir)]
    first = subprocess.Popen(
        command,
        env=_environment(first_mark),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        _wait_until(
            lambda: bool(first_mark.exists() and first_mark.read_text()),
            first,
            "the first window never painted",
        )
        second = subprocess.run(
            [*command, LINK],
            env=_environment(second_mark),
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert second.returncode == 0, second.stderr
        assert second.stdout + second.stderr == ""
        assert not second_mark.exists()  # the second start never painted a window
        log_file = resolve(data_dir).log_file
        asked = "Asked to subscribe to https://127.0.0.1:9/feed.xml"
        _wait_until(lambda: asked in log_file.read_text(encoding="utf-8"), first, asked)
        assert first.poll() is None
    finally:
        first.send_signal(signal.SIGTERM)
        out, err = first.communicate(timeout=30)
    assert first.returncode == 0, err
    assert "Traceback" not in out + err
    log = log_file.read_text(encoding="utf-8")
    assert "Handed 1 target(s) to the window already open" in log
    assert log.count("A later start asked to open 1 target(s)") == 1
