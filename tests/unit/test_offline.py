"""The tests' own guard: no test, nor any process a test starts, resolves a name but this
machine's, so nothing reaches the internet by accident."""

from __future__ import annotations

import socket
import subprocess
import sys

import pytest


def test_this_process_resolves_only_this_machine() -> None:
    assert socket.getaddrinfo("localhost", 80)
    assert socket.getaddrinfo("127.0.0.1", 80)
    with pytest.raises(socket.gaierror):
        socket.getaddrinfo("courier.example", 80)


def test_a_process_the_tests_start_resolves_only_this_machine() -> None:
    lookup = "import socket; socket.getaddrinfo('photos.courier.example', 443)"
    found = subprocess.run(
        [sys.executable, "-c", lookup], capture_output=True, text=True, check=False
    )
    assert found.returncode != 0 and "tests reach no host but this one" in found.stderr
