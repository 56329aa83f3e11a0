"""Bookmarks survive a crash: a process killed right after showing a bookmark loses nothing."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

from tests.commands import broadsheet

CHILD = """
import sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from desktop.app import create_window

app = QApplication([])
window = create_window(Path(sys.argv[1]))
window.show()

def report(message: str) -> None:
    if message == "Bookmarked.":
        print("BOOKMARKED", window.reader.article.id, flush=True)

window.statusBar().messageChanged.connect(report)
QTimer.singleShot(0, window.commands.toggle_bookmark.trigger)
app.exec()
"""


def test_a_bookmark_shown_as_done_survives_sigkill(data_dir: Path) -> None:
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(data_dir)],
        stdout=subprocess.PIPE,
        text=True,
        env=environment,
    )
    assert child.stdout is not None
    with child.stdout:
        line = child.stdout.readline()
        os.kill(child.pid, signal.SIGKILL)
        child.wait(30)
    assert child.returncode == -signal.SIGKILL
    assert line.startswith("BOOKMARKED "), line
    article_id = int(line.split()[1])
    listed = broadsheet(data_dir, "list", "--section", "bookmarks", "--json")
    assert listed.returncode == 0, listed.stderr
    assert [row["id"] for row in json.loads(listed.stdout)] == [article_id]
    assert listed.stderr == ""  # the killed store was checked, found sound, and kept
