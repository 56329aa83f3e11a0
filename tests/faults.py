"""Faults of the machine for tests: a small file system of its own, filled up, or made read-only."""

from __future__ import annotations

import contextlib
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest


@contextlib.contextmanager
def small_disk(folder: Path, size: str = "4m") -> Iterator[Path]:
    """Mount a tmpfs of ``size`` on ``folder`` (made if missing) for the block; the test is
    skipped where mounting is not permitted (not root, a container without the right)."""
    folder.mkdir(parents=True, exist_ok=True)
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0 or not os.path.ismount(folder):
        pytest.skip("mounting a small file system is not permitted here")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "--lazy", str(folder)], check=True)


def fill(folder: Path, leave: int = 0, *growing: Path) -> Path:
    """Fill the folder's file system but for ``leave`` bytes, and the last block of each of the
    ``growing`` files (a log: a line appended must find no room); return the filler file."""
    status = os.statvfs(folder)
    filler = folder / "filler"
    with filler.open("ab") as stream:
        stream.write(b"\0" * max(0, status.f_bavail * status.f_frsize - leave))
    for file in growing:
        with contextlib.suppress(OSError), file.open("ab", buffering=0) as stream:
            while stream.write(b"-" * 512):
                pass
    return filler


def remount_read_only(folder: Path) -> None:
    """Make a mounted small disk read-only, as a write-protected medium is (root included)."""
    subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
