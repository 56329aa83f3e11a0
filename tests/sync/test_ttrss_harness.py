"""The tt-rss harness from a shell: `start` prints where to log in, `stop` leaves nothing behind."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.servers.ttrss import HarnessError, TtrssServer, packages, start_server, webroot

pytestmark = pytest.mark.ttrss

SCRIPTS = Path(__file__).resolve().parents[1] / "servers" / "ttrss"


def script(name: str, *arguments: str) -> subprocess.CompletedProcess[str]:
    """Run one of the harness's scripts with the tests' Python."""
    return subprocess.run(
        [str(SCRIPTS / name), *arguments],
        env={**os.environ, "PYTHON": sys.executable},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def processes_of(state: str) -> list[str]:
    """The command lines of running processes that name a state folder."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        if entry.name.isdigit() and state in command:
            found.append(command)
    return found


def test_start_prints_a_server_that_logs_in_and_stop_removes_it(ttrss_server: TtrssServer) -> None:
    started = script("start")
    assert started.returncode == 0, started.stderr
    server = json.loads(started.stdout)
    assert server["url"] != ttrss_server.url
    login = {"op": "login", "user": server["user"], "password": server["password"]}
    answer = httpx.post(server["api"], json=login, timeout=60).json()
    assert answer["status"] == 0 and answer["content"]["api_level"] == 15
    assert len(processes_of(server["state"])) >= 2  # PostgreSQL and PHP
    stopped = script("stop", server["state"])
    assert stopped.returncode == 0, stopped.stderr
    assert not Path(server["state"]).exists()
    assert processes_of(server["state"]) == []
    with pytest.raises(httpx.ConnectError):
        httpx.post(server["api"], json=login, timeout=60)


def test_stop_refuses_a_folder_that_is_no_server_in_one_line(tmp_path: Path) -> None:
    stopped = script("stop", str(tmp_path))
    assert stopped.returncode == 1
    assert (
        stopped.stderr.strip() == f"tt-rss: {tmp_path} is not the state folder of a running tt-rss"
    )
    assert tmp_path.exists()


def test_installing_again_installs_nothing(ttrss_server: TtrssServer) -> None:
    assert packages.missing() == []
    assert packages.install() == []


def test_a_start_that_fails_half_way_says_why_and_leaves_nothing_running(
    ttrss_server: TtrssServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made: list[str] = []
    make_folder = tempfile.mkdtemp

    def noted(*arguments: Any, **named: Any) -> str:
        made.append(make_folder(*arguments, **named))
        return made[-1]

    monkeypatch.setattr(tempfile, "mkdtemp", noted)
    monkeypatch.setattr(webroot, "PACKAGED_CONFIG", tmp_path / "no-config.php")
    with pytest.raises(HarnessError, match=r"starting tt-rss failed: .*no-config\.php"):
        start_server()  # fails after PostgreSQL started, when it writes config.php
    (state,) = made
    assert not Path(state).exists()
    assert processes_of(state) == []


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to run a command as another user")
def test_a_user_who_cannot_install_is_told_what_to_install() -> None:
    asks = (
        "from tests.servers.ttrss import HarnessError, packages\n"
        "try:\n    packages.install(('dpkg', 'broadsheet-no-such-package'))\n"
        "except HarnessError as error:\n    print(error)\n"
    )
    # The checkout (a CI clone in a private temporary folder, say) may be closed to nobody: the
    # harness is copied where nobody can read it.
    readable = Path(tempfile.mkdtemp(prefix="broadsheet-harness-"))
    try:
        readable.chmod(0o755)
        root = SCRIPTS.parents[2]
        shutil.copytree(root / "tests" / "servers", readable / "tests" / "servers")
        shutil.copy(root / "tests" / "__init__.py", readable / "tests" / "__init__.py")
        for folder in [readable, *readable.rglob("*")]:
            folder.chmod(0o755 if folder.is_dir() else 0o644)
        done = subprocess.run(
            ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", "--", "python3"],
            input=asks,
            env={**os.environ, "PYTHONPATH": str(readable), "PATH": "/usr/bin:/bin", "HOME": "/"},
            cwd=readable,
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        )
    finally:
        shutil.rmtree(readable)
    assert done.stdout.strip() == (
        "installing Debian packages needs root or sudo without a password: install them "
        "yourself (tests/servers/ttrss/README.md): broadsheet-no-such-package"
    )
