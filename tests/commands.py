"""Running Broadsheet's command line in a child process, as a person runs it."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def broadsheet(
    data: Path, *arguments: str, env: Mapping[str, str] | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m desktop --data-dir DATA ARGUMENTS`` from the repository's root and capture
    what it prints (``env``: the whole environment, else this process's)."""
    return subprocess.run(
        [sys.executable, "-m", "desktop", "--data-dir", str(data), *arguments],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
        check=False,
        cwd=ROOT,
        env=None if env is None else dict(env),
    )


def broadsheet_in_a_terminal(data: Path, *arguments: str, timeout: float = 120) -> tuple[int, str]:
    """Run a command as typed at a prompt, its output on a (pseudo-)terminal; return its exit code
    and what the terminal received, with the terminal's own line ends made plain newlines."""
    import pty
    import select

    main, child = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "desktop", "--data-dir", str(data), *arguments],
        stdin=subprocess.DEVNULL,
        stdout=child,
        stderr=child,
        cwd=ROOT,
    )
    os.close(child)
    received = bytearray()
    deadline = time.monotonic() + timeout
    try:
        while select.select([main], [], [], max(0.0, deadline - time.monotonic()))[0]:
            try:
                chunk = os.read(main, 65536)
            except OSError:  # every writer has closed its side
                break
            if not chunk:
                break
            received += chunk
        else:
            process.kill()
    finally:
        os.close(main)
    code = process.wait(timeout)
    return code, received.decode("utf-8").replace("\r\n", "\n")
