"""A real Tiny Tiny RSS (Debian's package) on loopback: a private PostgreSQL, PHP's own server."""

from tests.servers.ttrss import packages, webroot
from tests.servers.ttrss.harness import TtrssServer, start_server, stop_server
from tests.servers.ttrss.system import HarnessError

__all__ = ["HarnessError", "TtrssServer", "packages", "start_server", "stop_server", "webroot"]
