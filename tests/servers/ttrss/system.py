"""What the harness asks of the machine: commands run as another user, free ports, waiting."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

POLL_SECONDS = 0.05


class HarnessError(RuntimeError):
    """The server could not be installed, started or stopped; the message says why."""


def is_root() -> bool:
    """Whether this process runs as root (then servers run as their own system users)."""
    return os.geteuid() == 0


def as_user(user: str) -> list[str]:
    """The prefix that runs a command as ``user`` when root, or as ourselves otherwise."""
    if not is_root():
        return []
    return ["setpriv", f"--reuid={user}", f"--regid={user}", "--init-groups", "--"]


def hand_over(path: Path, user: str) -> None:
    """Make ``path`` belong to ``user`` when root, so a server running as that user may write."""
    if is_root():
        shutil.chown(path, user, user)


def run(command: Sequence[str], what: str, **options: Any) -> str:
    """Run a command to its end and return its output; on failure say ``what`` failed and why."""
    done = subprocess.run(list(command), capture_output=True, text=True, check=False, **options)
    if done.returncode != 0:
        detail = (done.stderr or done.stdout).strip().splitlines()[-3:]
        raise HarnessError(f"{what} failed (exit {done.returncode}): {' / '.join(detail)}")
    return str(done.stdout)


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on at this moment."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_for(ready: Callable[[], bool], what: str, seconds: float = 60.0) -> None:
    """Poll ``ready`` until it holds; past the deadline, fail saying what never happened."""
    deadline = time.monotonic() + seconds
    while not ready():
        if time.monotonic() > deadline:
            raise HarnessError(f"{what} did not happen within {seconds:.0f} s")
        time.sleep(POLL_SECONDS)


def tail(path: Path, lines: int = 15) -> str:
    """The last lines of a log file, for a failure message ('' when there is none)."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""
    return "\n".join(text.strip().splitlines()[-lines:])
