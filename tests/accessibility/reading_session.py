"""The real app under its own Xvfb and session bus, read through AT-SPI as a screen reader does.

The app starts inside ``dbus-run-session`` with ``QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1``; the walker
(``walk_atspi.py``) runs under the system's Python, where pyatspi lives, on the same bus. Every
process started here (Xvfb, the bus, its accessibility services, the app) is in a process group
of its own, ended as a whole when the session closes.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from desktop import APP_NAME

SYSTEM_PYTHON = Path("/usr/bin/python3")
WALKER = Path(__file__).with_name("walk_atspi.py")
STARTUP_SECONDS = 90  # a bound on a hang, not a speed limit: the busy machine may be slow
CHANGE_SECONDS = 30  # the same, for a change to show in the tree

Node = dict[str, Any]


def missing_tools() -> str:
    """Why the accessibility test cannot run here, or "" when it can."""
    for tool in ("Xvfb", "dbus-run-session", "dbus-send"):
        if shutil.which(tool) is None:
            return f"{tool} is not installed (Debian: xvfb, dbus)"
    if not SYSTEM_PYTHON.exists():
        return f"{SYSTEM_PYTHON} is missing"
    probe = subprocess.run(
        [str(SYSTEM_PYTHON), "-c", "import pyatspi"], capture_output=True, check=False
    )
    if probe.returncode != 0:
        return f"{SYSTEM_PYTHON} lacks pyatspi (Debian: python3-pyatspi, at-spi2-core)"
    return ""


class ReadingSession:
    """A running app and the walker that reads it; ``tree()`` and ``act()`` ask the walker."""

    def __init__(self, work: Path, data_dir: Path) -> None:
        self._work = work
        self.data_dir = data_dir
        self._groups: list[subprocess.Popen[bytes]] = []
        self._environment: dict[str, str] = {}

    def start(self) -> None:
        """Start Xvfb, then the app on its own session bus; return once it has painted."""
        display = self._start_display()
        bus_file, pid_file, mark = (self._work / name for name in ("bus", "pid", "mark"))
        script = (  # the accessibility bus first, so the app finds it as it starts
            "dbus-send --session --print-reply --dest=org.a11y.Bus /org/a11y/bus "
            "org.a11y.Bus.GetAddress >/dev/null && "
            f'printf %s "$DBUS_SESSION_BUS_ADDRESS" > "{bus_file}"; echo $$ > "{pid_file}"; '
            f'exec "{sys.executable}" -m desktop --data-dir "{self.data_dir}"'
        )
        environment = {
            **os.environ,
            "DISPLAY": display,
            "QT_QPA_PLATFORM": "xcb",
            "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1",
            "BROADSHEET_STARTUP_MARK": str(mark),
        }
        environment.pop("DBUS_SESSION_BUS_ADDRESS", None)
        self._errors = self._work / "stderr"
        self._app = self._spawn(["dbus-run-session", "--", "sh", "-c", script], environment)
        self._wait_for(lambda: _written(mark) and _written(bus_file) and _written(pid_file))
        self._app_pid = int(pid_file.read_text())
        self._environment = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": os.environ.get("HOME", str(self._work)),
            "DISPLAY": display,
            "DBUS_SESSION_BUS_ADDRESS": bus_file.read_text(),
        }

    def wait_for_file(self, file: Path) -> None:
        """Wait until the app has written ``file``."""
        self._wait_for(lambda: _written(file))

    def tree(self) -> Node:
        """The app's accessible tree as the walker read it."""
        return json.loads(self._walk("tree", APP_NAME))  # type: ignore[no-any-return]

    def act(self, role: str, name: str, action: str, *, listen: bool = False) -> list[str]:
        """Do ``action`` on the first object with that role and name, through AT-SPI; with
        ``listen``, return what the app announced after it."""
        listening = ["--listen"] if listen else []
        heard = json.loads(self._walk("act", APP_NAME, role, name, action, *listening))
        return [str(message) for message in heard]

    def choose(self, role: str, name: str, item: str) -> list[str]:
        """Press the object, then ``item`` in the menu it opens; return what was announced."""
        heard = json.loads(self._walk("choose", APP_NAME, role, name, item))
        return [str(message) for message in heard]

    def wait_until(self, check: Callable[[Node], bool], what: str) -> Node:
        """Read the tree again until ``check`` holds for it; return that tree."""
        deadline = time.monotonic() + CHANGE_SECONDS
        while True:
            tree = self.tree()
            if check(tree):
                return tree
            assert time.monotonic() < deadline, f"never seen: {what}"
            time.sleep(0.2)  # polling the other process's tree; no event reaches this one

    def close(self) -> str:
        """Stop the app with SIGTERM (it closes cleanly), then every process group started
        here; return what the app wrote on stderr."""
        errors = ""
        if getattr(self, "_app_pid", None):
            with contextlib.suppress(ProcessLookupError):
                os.kill(self._app_pid, signal.SIGTERM)
            with contextlib.suppress(subprocess.TimeoutExpired):
                self._app.wait(timeout=30)
            errors = self._errors.read_text(errors="replace")
        for process in reversed(self._groups):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)  # the bus's services, if any lingered
        return errors

    def _start_display(self) -> str:
        """Start Xvfb on a free display it picks itself; return ":N"."""
        reader, writer = os.pipe()
        xvfb = subprocess.Popen(
            ["Xvfb", "-displayfd", str(writer), "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
            pass_fds=(writer,),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        self._groups.append(xvfb)
        os.close(writer)
        with os.fdopen(reader) as answer:
            number = answer.readline().strip()
        assert number, "Xvfb did not start"
        return f":{number}"

    def _spawn(self, command: list[str], environment: dict[str, str]) -> subprocess.Popen[bytes]:
        with self._errors.open("wb") as errors:
            process = subprocess.Popen(
                command,
                env=environment,
                stdout=subprocess.DEVNULL,
                stderr=errors,
                start_new_session=True,
            )
        self._groups.append(process)
        return process

    def _wait_for(self, ready: Callable[[], bool]) -> None:
        deadline = time.monotonic() + STARTUP_SECONDS
        while not ready():
            assert self._app.poll() is None, self._errors.read_text(errors="replace")
            assert time.monotonic() < deadline, "the app did not start"
            time.sleep(0.05)

    def _walk(self, *arguments: str) -> str:
        result = subprocess.run(
            [str(SYSTEM_PYTHON), str(WALKER), *arguments],
            env=self._environment,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        return result.stdout


def _written(file: Path) -> bool:
    return file.exists() and bool(file.read_text().strip())


@contextlib.contextmanager
def reading_session(work: Path, data_dir: Path) -> Iterator[ReadingSession]:
    """A started session, closed (every process ended) on the way out."""
    session = ReadingSession(work, data_dir)
    try:
        session.start()
        yield session
    finally:
        session.close()
