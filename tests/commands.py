"""Running Broadsheet's command line in a child process, as a person runs it."""

from __future__ import annotations

import subprocess
import sys
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
