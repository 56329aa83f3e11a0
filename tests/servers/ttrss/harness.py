"""Start and stop a whole tt-rss: install what is missing, database, web root, PHP's server."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import tempfile
import time
import urllib.request
from contextlib import suppress
from dataclasses import asdict, dataclass
from functools import partial
from pathlib import Path

from tests.servers.ttrss import packages
from tests.servers.ttrss.cluster import DATABASE, ROLE, Cluster
from tests.servers.ttrss.system import HarnessError, as_user, free_port, tail, wait_for
from tests.servers.ttrss.webroot import WEB_USER, copy_web_root, write_config

USER = "admin"
PASSWORD = "password"  # the schema's own admin; the server listens on loopback only
RECORD = "server.json"
# The PHP servers this process started, by pid: kept so that they are waited for when stopped.
_STARTED: dict[int, subprocess.Popen[bytes]] = {}


@dataclass
class TtrssServer:
    """A running tt-rss: where its API answers, who may log in, and what to stop."""

    url: str
    user: str
    password: str
    state: str
    logs: str
    php_pid: int
    database_port: int
    database_password: str

    @property
    def api(self) -> str:
        """The JSON API's address."""
        return self.url + "api/"

    def cluster(self) -> Cluster:
        """The PostgreSQL cluster behind this server."""
        state = Path(self.state)
        return Cluster(
            state / "pg",
            Path(self.logs) / "postgres.log",
            self.database_port,
            self.database_password,
        )

    def fresh_database(self) -> None:
        """Start again from tt-rss's empty database (the admin, the API on) and no cached feeds."""
        self.cluster().fresh_database()
        self.forget_fetched_feeds()

    def forget_fetched_feeds(self) -> None:
        """Drop tt-rss's copies of fetched feeds (kept 30 s), so the next update fetches anew."""
        for cached in (Path(self.state) / "cache" / "feeds").iterdir():
            cached.unlink()

    def sql(self, statements: str) -> str:
        """Run SQL on tt-rss's database (what the web settings would change)."""
        return self.cluster().sql(statements, DATABASE)


def start_server() -> TtrssServer:
    """Install what is missing, then start tt-rss on loopback; on failure stop what started."""
    packages.install()
    state = Path(tempfile.mkdtemp(prefix="ttrss-"))
    try:
        return _start_in(state)
    except (OSError, ValueError) as error:
        raise HarnessError(f"starting tt-rss failed: {error}") from error


def _start_in(state: Path) -> TtrssServer:
    """Start the database and PHP with their files in ``state``; on failure remove it all."""
    state.chmod(0o755)  # the postgres and www-data users walk into it
    logs = state / "logs"
    logs.mkdir()
    cluster = Cluster(state / "pg", logs / "postgres.log")
    php: subprocess.Popen[bytes] | None = None
    try:
        cluster.create()
        cluster.start()
        cluster.load_template()
        cluster.fresh_database()
        php, url = _start_php(state, logs, cluster)
        server = TtrssServer(
            url, USER, PASSWORD, str(state), str(logs), php.pid, cluster.port, cluster.password
        )
        (state / RECORD).write_text(json.dumps(asdict(server)), encoding="utf-8")
        return server
    except BaseException:
        if php is not None:
            _end(php.pid)
        with suppress(HarnessError):
            cluster.stop()
        shutil.rmtree(state, ignore_errors=True)
        raise


def _start_php(state: Path, logs: Path, cluster: Cluster) -> tuple[subprocess.Popen[bytes], str]:
    """PHP's built-in server as www-data on a free port, once tt-rss's login answers."""
    for attempt in range(3):
        port = free_port()
        url = f"http://127.0.0.1:{port}/"
        www = copy_web_root(state) if attempt == 0 else state / "www"
        write_config(state, _config(url, cluster))
        php = _spawn_php(www, port, logs / "php.log")
        try:
            wait_for(partial(_answers, url, php), "tt-rss answering login", seconds=60)
            return php, url
        except HarnessError as error:
            _end(php.pid)
            if php.returncode is None or attempt == 2:
                raise HarnessError(f"{error}\n{tail(logs / 'php.log')}") from error
    raise AssertionError("unreachable")


def _config(url: str, cluster: Cluster) -> dict[str, str | int]:
    """What config.php says about the database and the server's own address."""
    return {
        "DB_HOST": "127.0.0.1",
        "DB_PORT": str(cluster.port),
        "DB_USER": ROLE,
        "DB_NAME": DATABASE,
        "DB_PASS": cluster.password,
        "SELF_URL_PATH": url,
    }


def _spawn_php(www: Path, port: int, log: Path) -> subprocess.Popen[bytes]:
    """Start `php -S` (tt-rss refuses to run as root); warnings go to the log, never the JSON."""
    command = [
        "php",
        "-d",
        "display_errors=0",
        "-d",
        "log_errors=1",
        "-S",
        f"127.0.0.1:{port}",
        "-t",
        str(www),
    ]
    with log.open("ab") as output:
        php = subprocess.Popen(
            [*as_user(WEB_USER), *command],
            cwd=www,
            stdin=subprocess.DEVNULL,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    _STARTED[php.pid] = php
    return php


def _answers(url: str, php: subprocess.Popen[bytes]) -> bool:
    """Whether tt-rss's API logs the admin in; a PHP that exited is an error at once."""
    if php.poll() is not None:
        raise HarnessError(f"PHP's server exited with {php.returncode}")
    body = json.dumps({"op": "login", "user": USER, "password": PASSWORD}).encode()
    request = urllib.request.Request(url + "api/", body, {"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return bool(json.loads(response.read()).get("status") == 0)
    except (OSError, ValueError):
        return False


def stop_server(server: TtrssServer, keep_logs: Path | None = None) -> None:
    """Stop PHP and PostgreSQL (only the processes this server started) and remove its state."""
    state = Path(server.state)
    try:
        if _is_our_php(server.php_pid, state):
            _end(server.php_pid)
        server.cluster().stop()
    finally:
        if keep_logs is not None:
            shutil.copytree(server.logs, keep_logs, dirs_exist_ok=True)
        shutil.rmtree(state, ignore_errors=True)


def load_server(state: Path) -> TtrssServer:
    """The server whose state folder this is, as start_server wrote it down."""
    try:
        record = json.loads((state / RECORD).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise HarnessError(f"{state} is not the state folder of a running tt-rss") from error
    return TtrssServer(**record)


def _is_our_php(pid: int, state: Path) -> bool:
    """Whether ``pid`` is still the PHP server serving this state folder (pids are reused)."""
    try:
        command_line = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return False
    return str(state / "www").encode() in command_line


def _end(pid: int) -> None:
    """Terminate one process we started and wait (bounded) until it is gone."""
    started = _STARTED.pop(pid, None)
    if started is not None:
        started.terminate()
        try:
            started.wait(timeout=10)
        except subprocess.TimeoutExpired:
            started.kill()
            started.wait()
        return
    try:  # started by another process (the stop command): watch /proc
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    deadline = time.monotonic() + 10
    while _running(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    if _running(pid):
        os.kill(pid, signal.SIGKILL)


def _running(pid: int) -> bool:
    """Whether a process that is not our child still runs (an exited one may linger as a zombie)."""
    try:
        return not Path(f"/proc/{pid}/stat").read_text().split(") ")[1].startswith("Z")
    except (OSError, IndexError):
        return False
