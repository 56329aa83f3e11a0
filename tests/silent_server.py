"""A local HTTP server that reads each request and never answers it: a site that has stopped
answering. It notes what was asked, and when the asker let go of the connection."""

from __future__ import annotations

import socket
import threading
from http.server import ThreadingHTTPServer
from types import TracebackType

from tests.quiet_server import QuietHandler

_POLL_SECONDS = 0.05  # how often a held request looks whether the server is closing


class SilentServer:
    """Takes requests and holds each until the asker hangs up or the server closes."""

    def __init__(self) -> None:
        self.requests: list[str] = []
        self.hung_up: list[str] = []  # requests whose asker closed the connection unanswered
        self.let_go = threading.Event()  # set at the first hang-up
        self._closing = threading.Event()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self) -> SilentServer:
        self._thread.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self._closing.set()
        self._server.shutdown()
        self._server.server_close()

    def url(self, path: str) -> str:
        """The full address of a path on the server."""
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}{path}"

    def _handler(self) -> type[QuietHandler]:
        """The request handler, which notes each request on this server and holds it."""
        server = self

        class Holding(QuietHandler):
            def do_GET(self) -> None:  # noqa: N802 (the standard library's name)
                server.requests.append(self.path)
                if server._held_until_hang_up(self.connection):
                    server.hung_up.append(self.path)
                    server.let_go.set()

        return Holding

    def _held_until_hang_up(self, connection: socket.socket) -> bool:
        """Wait without answering; True once the asker closed the connection, False if the
        server closed first."""
        connection.settimeout(_POLL_SECONDS)
        while not self._closing.is_set():
            try:
                if connection.recv(1) == b"":
                    return True
            except TimeoutError:
                continue
            except OSError:  # reset by the asker
                return True
        return False
