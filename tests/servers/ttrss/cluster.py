"""A private PostgreSQL cluster for tt-rss: its own folder, a free loopback port, fsync off."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from tests.servers.ttrss.system import HarnessError, as_user, free_port, hand_over, run, tail

SCHEMA = Path("/usr/share/dbconfig-common/data/tt-rss/install/pgsql")
POSTGRES_USER = "postgres"
ROLE = "ttrss"
DATABASE = "ttrss"
TEMPLATE = "ttrss_template"
# The schema makes the user admin (password "password") without preferences; tt-rss makes them
# at the first web login. Insert them, with the API enabled (it is off by default).
PREFERENCES = """
INSERT INTO ttrss_user_prefs (owner_uid, pref_name, profile, value)
SELECT 1, pref_name, NULL,
       CASE WHEN pref_name = 'ENABLE_API_ACCESS' THEN 'true' ELSE def_value END
FROM ttrss_prefs;
"""
# Safe for a throwaway cluster only: a crash may lose it, and each test run starts a new one.
SETTINGS = (
    "fsync=off",
    "synchronous_commit=off",
    "full_page_writes=off",
    "listen_addresses=127.0.0.1",
    "unix_socket_directories=''",
)


def binaries() -> Path:
    """The folder of the newest PostgreSQL server programs installed."""
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=_major)
    if not found:
        raise HarnessError("PostgreSQL's initdb is not installed (Debian package postgresql)")
    return found[-1].parent


def _major(initdb: Path) -> int:
    """The major version a /usr/lib/postgresql/N/bin path belongs to."""
    return int(initdb.parents[1].name) if initdb.parents[1].name.isdigit() else 0


@dataclass
class Cluster:
    """A PostgreSQL server run by pg_ctl from a folder of its own; the role owns the database."""

    folder: Path
    log: Path
    port: int = 0
    password: str = ""

    @property
    def data(self) -> Path:
        """The cluster's data folder."""
        return self.folder / "data"

    def create(self) -> None:
        """Initialise the cluster (initdb as the postgres user when root)."""
        self.folder.mkdir()
        hand_over(self.folder, POSTGRES_USER)
        self.password = secrets.token_hex(12)
        secret = self.folder / "password"
        secret.write_text(self.password + "\n", encoding="utf-8")
        hand_over(secret, POSTGRES_USER)
        initdb = [str(binaries() / "initdb"), "-D", str(self.data), "-U", ROLE, "-E", "UTF8"]
        options = ["--pwfile", str(secret), "--auth=scram-sha-256", "--locale=C", "-N"]
        run([*as_user(POSTGRES_USER), *initdb, *options], "initdb", cwd=self.folder)
        secret.unlink()

    def start(self, attempts: int = 3) -> None:
        """Start on a free port, trying another when one was taken meanwhile; waits until ready."""
        self.log.touch()
        hand_over(self.log, POSTGRES_USER)
        for attempt in range(attempts):
            self.port = free_port()
            try:
                self._pg_ctl("start", "-w", "-t", "60", "-l", str(self.log), "-o", self._options())
                return
            except HarnessError as error:
                if attempt == attempts - 1:
                    raise HarnessError(f"{error}\n{tail(self.log)}") from error

    def _options(self) -> str:
        """The server options: its port and the settings of a throwaway cluster."""
        return " ".join([f"-p {self.port}", *(f"-c {setting}" for setting in SETTINGS)])

    def stop(self) -> None:
        """Stop the server this cluster started (pg_ctl signals the postmaster it wrote down)."""
        if (self.data / "postmaster.pid").exists():
            self._pg_ctl("stop", "-m", "fast", "-w", "-t", "30")

    def _pg_ctl(self, *arguments: str) -> None:
        """Run pg_ctl on this cluster as the postgres user."""
        command = [str(binaries() / "pg_ctl"), "-D", str(self.data), *arguments]
        run([*as_user(POSTGRES_USER), *command], f"pg_ctl {arguments[0]}", cwd=self.folder)

    def sql(self, statements: str, database: str = "postgres") -> str:
        """Run SQL through psql on the cluster's port and return what it printed."""
        command = ["psql", "-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1"]
        target = ["-h", "127.0.0.1", "-p", str(self.port), "-U", ROLE, "-d", database]
        env = {**os.environ, "PGPASSWORD": self.password, "PGCONNECT_TIMEOUT": "10"}
        return run([*command, *target], "psql", input=statements, env=env)

    def load_template(self) -> None:
        """Make the template database: tt-rss's schema and the admin's preferences."""
        self.sql(f"CREATE DATABASE {TEMPLATE};")
        self.sql(SCHEMA.read_text(encoding="utf-8") + PREFERENCES, TEMPLATE)

    def fresh_database(self) -> None:
        """Replace tt-rss's database by a copy of the template (connected clients are cut off)."""
        self.sql(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE);")
        self.sql(f"CREATE DATABASE {DATABASE} TEMPLATE {TEMPLATE};")
