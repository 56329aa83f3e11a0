"""Fetching from an operation's own event loop, one result at a time, so the generator around it
can parse, store and report progress between answers while the sockets keep receiving; and closing
that loop so that fetches it leaves unfinished let go of their connections."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import AsyncIterator, Iterator, Sequence
from typing import TypeVar

from desktop.net.fetch import Failure, FailureKind, Limits, Request, Response, fetch_all

T = TypeVar("T")


def drain(
    loop: asyncio.AbstractEventLoop,
    requests: Sequence[Request],
    limits: Limits,
    cancel: threading.Event,
) -> Iterator[Response | Failure]:
    """Run the fetches on the loop and hand each result over as it arrives; in between, the
    caller parses and stores while the sockets keep receiving."""
    for result in drain_ticking(loop, requests, limits, cancel, tick=None):
        if result is not None:
            yield result


def drain_ticking(
    loop: asyncio.AbstractEventLoop,
    requests: Sequence[Request],
    limits: Limits,
    cancel: threading.Event,
    tick: float | None,
) -> Iterator[Response | Failure | None]:
    """Like ``drain``, but also yield None every ``tick`` seconds while the next result is
    still on its way, so that work finished elsewhere (parsing) is taken in meanwhile."""
    if not requests:
        return
    results: AsyncIterator[Response | Failure] = fetch_all(requests, limits, cancel.is_set)
    coming: asyncio.Task[Response | Failure] | None = None
    while True:
        if coming is None:
            coming = loop.create_task(_next(results))
        loop.run_until_complete(asyncio.wait({coming}, timeout=tick))
        if not coming.done():
            yield None
            continue
        try:
            result = coming.result()
        except StopAsyncIteration:
            return
        coming = None
        if not (isinstance(result, Failure) and result.kind is FailureKind.CANCELLED):
            yield result


def close_loop(loop: asyncio.AbstractEventLoop) -> None:
    """Cancel what still runs on an operation's loop and finish its fetches, so their connections
    close now (an operation that stopped early, or failed, leaves one waiting), then close it."""
    pending = asyncio.all_tasks(loop)
    if pending:
        for task in pending:
            task.cancel()
        loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
    loop.run_until_complete(loop.shutdown_asyncgens())
    loop.close()


async def _next(results: AsyncIterator[T]) -> T:
    """The next item of an async iterator, as an awaitable for ``run_until_complete``."""
    return await results.__anext__()
