"""The refresh benchmark's 100 feeds on loopback, in a process of its own, one edition at a time.

It serves ``refresh_bench.feed_documents`` with ``refresh_bench.feed_handler`` (ETags, 304s) at
``/feeds/N.xml`` (with ``--pictures``, every item with a figure of its own picture, served too).
Each line on its stdin names an edition to serve from then on (every item of a later edition is
new, so a refresh stores 5,000 articles again); it answers with the same line once it does. It
stops when stdin closes. Being a process of its own keeps its work off the GIL of the window it
serves, as a remote server would be, and it runs at the lowest priority, so its work takes no
core from the window either (a remote server's would not); Nagle's algorithm is off, as in
``market_server`` (headers and body are two writes, and the body would wait for a delayed ACK).
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import ThreadingHTTPServer

from tests.benchmarks.children import child_server, read_line
from tests.benchmarks.refresh_bench import FEEDS, ITEMS, feed_documents, feed_handler

START_TIMEOUT = 30.0
EDITION_TIMEOUT = 60.0
LOWEST_PRIORITY = 19


class FeedServerError(RuntimeError):
    """The feed server did not start, or did not switch to an edition."""


class FeedServer:
    """The running server, seen from the process that started it."""

    def __init__(self, process: subprocess.Popen[str], port: int) -> None:
        """The child process serving on ``port``."""
        self._process = process
        self.base = f"http://127.0.0.1:{port}"

    def feed_urls(self) -> list[str]:
        """The address of every feed, in order."""
        return [f"{self.base}/feeds/{number}.xml" for number in range(FEEDS)]

    def publish(self, edition: int) -> None:
        """Serve ``edition`` from now on; returns once the server does."""
        assert self._process.stdin is not None
        self._process.stdin.write(f"{edition}\n")
        self._process.stdin.flush()
        answer = read_line(self._process, EDITION_TIMEOUT)
        if answer != str(edition):
            raise FeedServerError(f"the feed server did not switch to edition {edition}")


@contextmanager
def running(pictures: bool = False) -> Iterator[FeedServer]:
    """The server in a child process, serving edition 0 (every item with a figure of its own
    picture, with ``pictures``); it stops when we leave (or die)."""
    arguments = ("--pictures",) if pictures else ()
    served = child_server("tests.benchmarks.feed_server", arguments, START_TIMEOUT, FeedServerError)
    with served as (process, port):
        yield FeedServer(process, port)


def serve() -> None:
    """Serve edition 0 on a free port, print the port, then switch editions as stdin asks."""
    os.nice(LOWEST_PRIORITY)
    documents: dict[str, bytes] = {}

    class Handler(feed_handler(documents)):  # type: ignore[misc]
        """The feed handler without Nagle's algorithm."""

        disable_nagle_algorithm = True

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    base = f"http://127.0.0.1:{server.server_address[1]}"
    pictures = base if "--pictures" in sys.argv[1:] else None
    documents.update(feed_documents(pictures=pictures))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(server.server_address[1], flush=True)
    for line in sys.stdin:
        edition = int(line)
        documents.update(feed_documents(FEEDS, ITEMS, edition, pictures))
        print(edition, flush=True)
    server.shutdown()
    server.server_close()


if __name__ == "__main__":
    serve()
