"""Loaded by every Python process the tests start (its folder is on their PYTHONPATH): no name
but this machine's resolves, so nothing a test runs can reach the internet, even by accident (a
feed file naming its photos on a real-looking host, a page's og:image)."""

from __future__ import annotations

import socket
from typing import Any

LOCAL_NAMES = frozenset({"localhost", "127.0.0.1", "::1", "0.0.0.0", "ip6-localhost"})
_resolve = socket.getaddrinfo


def local_only(host: Any, *rest: Any, **named: Any) -> Any:
    """``socket.getaddrinfo`` for this machine's names and addresses; any other is unknown."""
    name = host.decode() if isinstance(host, bytes) else str(host)
    if name not in LOCAL_NAMES and not name.startswith("127."):
        raise socket.gaierror(socket.EAI_NONAME, f"{name}: tests reach no host but this one")
    return _resolve(host, *rest, **named)


socket.getaddrinfo = local_only
