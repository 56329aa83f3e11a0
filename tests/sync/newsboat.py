"""newsboat, a second real client of tt-rss, run headless on a configuration of its own."""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from tests.servers.ttrss import TtrssServer

TIMEOUT = 120  # seconds: a bound for a hung client, never a wait for something to happen
_UNREAD = re.compile(r"^(\d+) unread articles?$", re.M)


@dataclass
class Newsboat:
    """newsboat set up to read a tt-rss account; its config, cache and home live in ``folder``."""

    folder: Path

    @classmethod
    def for_server(cls, server: TtrssServer, folder: Path) -> Newsboat:
        """Write the configuration that points newsboat at the server's account."""
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "config").write_text(
            'urls-source "ttrss"\n'
            f'ttrss-url "{server.url}"\n'
            f'ttrss-login "{server.user}"\n'
            f'ttrss-password "{server.password}"\n',
            encoding="utf-8",
        )
        (folder / "urls").write_text("", encoding="utf-8")
        return cls(folder)

    def run(self, *commands: str) -> str:
        """Run ``newsboat -x COMMAND...`` and return what it printed; a failure raises with why."""
        files = ["-C", "config", "-c", "cache.db", "-u", "urls"]
        env = {
            **os.environ,
            "HOME": str(self.folder),
            "XDG_CONFIG_HOME": str(self.folder),
            "XDG_DATA_HOME": str(self.folder),
        }
        done = subprocess.run(
            ["newsboat", *files, "-x", *commands],
            cwd=self.folder,
            env=env,
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            check=False,
        )
        if done.returncode != 0:
            raise RuntimeError(f"newsboat failed ({done.returncode}): {done.stderr.strip()}")
        return done.stdout

    def unread(self) -> int:
        """Reload from the server, then the number of unread articles newsboat counts."""
        printed = self.run("reload", "print-unread")
        found = _UNREAD.search(printed)
        if found is None:
            raise RuntimeError(f"newsboat printed no unread count: {printed!r}")
        return int(found[1])
