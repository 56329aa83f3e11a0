"""newsboat's text interface driven through a pseudo-terminal, as a person at the keyboard."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import struct
import termios
import time
from pathlib import Path

ROWS, COLUMNS = 40, 120
PATIENCE = 60.0  # seconds: a bound for a hung client, never a wait for something to happen


class NewsboatScreen:
    """One interactive newsboat on the configuration in ``folder``; keys in, screen text out."""

    def __init__(self, folder: Path) -> None:
        """Start newsboat in a terminal of ROWS x COLUMNS."""
        self.pid, self.terminal = pty.fork()
        if self.pid == 0:  # the child: becomes newsboat
            os.chdir(folder)
            os.environ.update(
                HOME=str(folder),
                TERM="xterm",
                XDG_CONFIG_HOME=str(folder),
                XDG_DATA_HOME=str(folder),
            )
            os.execvp("newsboat", ["newsboat", "-C", "config", "-c", "cache.db", "-u", "urls"])
        fcntl.ioctl(self.terminal, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
        self.shown = b""

    def press(self, keys: str, then_shows: str) -> None:
        """Type keys, then wait until the screen shows a text (bounded by PATIENCE)."""
        self.shown = b""
        os.write(self.terminal, keys.encode())
        wanted = then_shows.encode()
        deadline = time.monotonic() + PATIENCE
        while wanted not in self.shown:
            if time.monotonic() > deadline:
                raise TimeoutError(f"newsboat never showed {then_shows!r}")
            readable, _, _ = select.select([self.terminal], [], [], 0.1)
            if readable:
                self.shown += os.read(self.terminal, 65536)

    def quit(self) -> int:
        """Type q until newsboat ends; its exit status."""
        deadline = time.monotonic() + PATIENCE
        while time.monotonic() < deadline:
            finished, status = os.waitpid(self.pid, os.WNOHANG)
            if finished:
                os.close(self.terminal)
                return os.waitstatus_to_exitcode(status)
            os.write(self.terminal, b"q")
            select.select([self.terminal], [], [], 0.2)
            self._drain()
        os.kill(self.pid, 9)
        raise TimeoutError("newsboat did not quit")

    def _drain(self) -> None:
        """Read what newsboat drew, so that it never blocks on a full terminal."""
        while select.select([self.terminal], [], [], 0)[0]:
            try:
                self.shown += os.read(self.terminal, 65536)
            except OSError:  # the terminal closed: newsboat has ended
                return
