"""`python -m tests.servers.ttrss start|stop|install`: the harness from a shell."""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import asdict
from pathlib import Path

from tests.servers.ttrss import packages
from tests.servers.ttrss.harness import load_server, start_server, stop_server
from tests.servers.ttrss.system import HarnessError


def main(arguments: list[str] | None = None) -> int:
    """Run one command; a failure is one line on stderr and exit code 1."""
    parser = argparse.ArgumentParser(prog="tests/servers/ttrss", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("install", help="install the Debian packages that are missing")
    commands.add_parser("start", help="start a server; prints its address and login as JSON")
    stop = commands.add_parser("stop", help="stop the server of a state folder and remove it")
    stop.add_argument("state", type=Path)
    chosen = parser.parse_args(arguments)
    try:
        return _run(chosen.command, chosen)
    except HarnessError as error:
        print(f"tt-rss: {error}", file=sys.stderr)
        return 1


def _run(command: str, chosen: argparse.Namespace) -> int:
    """Do what the command asks and print what a caller needs."""
    began = time.monotonic()
    if command == "install":
        installed = packages.install()
        print(f"installed: {' '.join(installed) or 'nothing, all present'}", file=sys.stderr)
    elif command == "start":
        server = start_server()
        print(json.dumps({**asdict(server), "api": server.api}, indent=2))
    else:
        stop_server(load_server(chosen.state))
    print(f"{command}: {time.monotonic() - began:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
