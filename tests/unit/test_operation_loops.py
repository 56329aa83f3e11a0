"""An operation's event loop, closed when the operation stops early or fails, lets go of the
connections its unfinished fetches hold."""

from __future__ import annotations

import asyncio
import threading

from desktop.net.fetch import Limits, Request
from desktop.operations.fetching import close_loop, drain_ticking
from tests.silent_server import SilentServer

HOUR_LONG = Limits(connect_timeout=3600, total_timeout=3600)


def test_closing_the_loop_of_a_stopped_operation_lets_go_of_its_fetch() -> None:
    with SilentServer() as server:
        loop = asyncio.new_event_loop()
        request = Request(server.url("/held.xml"))
        results = drain_ticking(loop, [request], HOUR_LONG, threading.Event(), tick=0.01)
        while not server.requests:  # each step runs the loop a little: the request goes out
            assert next(results) is None
        close_loop(loop)  # the operation stops here, its fetch unfinished
        assert server.let_go.wait(30)
        assert server.hung_up == ["/held.xml"] and loop.is_closed()
