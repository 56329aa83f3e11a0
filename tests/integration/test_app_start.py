"""Starting the app as a person does: it shows the newest article and closes cleanly on SIGTERM."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from desktop.paths import resolve


def _start(data_dir: Path, mark: Path) -> subprocess.Popen[str]:
    environment = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "BROADSHEET_STARTUP_MARK": str(mark),
    }
    return subprocess.Popen(
        [sys.executable, "-m", "desktop", "--data-dir", str(data_dir)],
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _wait_for(file: Path, process: subprocess.Popen[str]) -> None:
    """Wait until the running app has written ``file`` (the first-paint mark, or another)."""
    deadline = time.monotonic() + 60
    while not (file.exists() and file.read_text().strip()):
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, f"{file.name} was never written"
        time.sleep(0.05)


def test_the_app_paints_its_first_article_and_closes_cleanly_on_sigterm(tmp_path: Path) -> None:
    data_dir, mark = tmp_path / "profile", tmp_path / "mark"
    paths = resolve(data_dir)
    process = _start(data_dir, mark)
    _wait_for(mark, process)
    _wait_for(paths.currency_names, process)  # kept once the market panel is filled
    process.send_signal(signal.SIGTERM)
    out, err = process.communicate(timeout=30)
    assert process.returncode == 0, err
    assert "Traceback" not in out + err
    assert paths.store_seal.exists()  # closed cleanly: the next start skips the full check


def test_a_second_start_reuses_the_store_without_checking_it(tmp_path: Path) -> None:
    data_dir = tmp_path / "profile"
    for attempt in range(2):
        mark = tmp_path / f"mark-{attempt}"
        process = _start(data_dir, mark)
        _wait_for(mark, process)
        _wait_for(resolve(data_dir).currency_names, process)  # the work after the first paint ran
        process.send_signal(signal.SIGTERM)
        process.communicate(timeout=30)
        assert process.returncode == 0
    log = resolve(data_dir).log_file.read_text(encoding="utf-8")
    assert log.count("Checking the store") == 0
    assert log.count("from the ready-made store") == 1  # the sample edition, copied once
    assert "Loaded the sample edition" not in log  # not read and loaded again
