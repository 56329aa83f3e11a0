"""Benchmark work in child processes: loopback servers, and measurements that print JSON.

A server child prints its port once it listens and stops when its stdin closes, so it never
outlives the benchmark, even one that was killed; its work runs outside the measured process's
GIL, as a remote server's would. A measuring child (a real Qt window, say) keeps its application
and windows out of the process that reports, and prints one JSON object.
"""

from __future__ import annotations

import json
import select
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
STOP_TIMEOUT = 5.0


@contextmanager
def child_server(
    module: str, arguments: Sequence[str], start_timeout: float, error: type[Exception]
) -> Iterator[tuple[subprocess.Popen[str], int]]:
    """Run ``python -m MODULE ARGUMENTS`` from the repository's root; yield the process and the
    port it printed, or raise ``error`` if it printed none within ``start_timeout``."""
    process = subprocess.Popen(
        [sys.executable, "-m", module, *arguments],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdin is not None
    try:
        port = read_line(process, start_timeout)
        if not port.isdigit():
            raise error(f"{module} did not start (exit code {process.poll()})")
        yield process, int(port)
    finally:
        process.stdin.close()
        try:
            process.wait(STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def read_line(process: subprocess.Popen[str], timeout: float) -> str:
    """The next line the child prints, or an empty string if none comes in time."""
    assert process.stdout is not None
    deadline = time.monotonic() + timeout
    ready, _, _ = select.select([process.stdout], [], [], max(0.0, deadline - time.monotonic()))
    return process.stdout.readline().strip() if ready else ""


def measured_in_child(
    module: str,
    arguments: Sequence[str],
    env: Mapping[str, str],
    timeout: float,
    error: type[Exception],
    name: str,
) -> dict[str, object]:
    """Run ``python -m MODULE ARGUMENTS`` from the repository's root and read the JSON object
    it prints; raise ``error``, naming the measurement ``name`` and giving the child's last line
    on stderr, if it fails, takes too long or prints no object."""
    try:
        done = subprocess.run(
            [sys.executable, "-m", module, *arguments],
            cwd=ROOT, env=dict(env), capture_output=True, timeout=timeout, check=False,
        )  # fmt: skip
    except subprocess.TimeoutExpired:
        raise error(f"{name} took over {timeout:g} s") from None
    if done.returncode != 0:
        last = (done.stderr.decode(errors="replace").strip().splitlines() or ["no output"])[-1]
        raise error(f"{name} failed: {last}")
    measured = json.loads(done.stdout)
    if not isinstance(measured, dict):
        raise error(f"{name} printed no JSON object")
    return measured
