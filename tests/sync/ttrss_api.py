"""A small client of tt-rss's JSON API for the tests, over httpx as the app's sync will be."""

from __future__ import annotations

import hashlib
from typing import Any

import httpx

from tests.servers.ttrss import TtrssServer


class TtrssError(RuntimeError):
    """tt-rss answered ``status: 1``; the message is its error code."""


def article_guid(feed_guid: str) -> str:
    """The guid tt-rss stores for an item: ``SHA1:`` and the hex digest of the feed's guid."""
    return "SHA1:" + hashlib.sha1(feed_guid.encode()).hexdigest()


class TtrssApi:
    """One logged-in API session; ``call`` returns ``content`` or raises TtrssError."""

    def __init__(self, server: TtrssServer, password: str | None = None) -> None:
        """Prepare a client for ``server`` (logging in is the first call)."""
        self.server = server
        self.password = server.password if password is None else password
        self.client = httpx.Client(timeout=60)
        self.session = ""
        self.requests = 0

    def close(self) -> None:
        """Log out and close the connection."""
        if self.session:
            self.raw("logout")
        self.client.close()

    def raw(self, op: str, **parameters: Any) -> dict[str, Any]:
        """Post one operation and return the whole answer (HTTP errors raise)."""
        body = {"op": op, **parameters}
        if self.session:
            body["sid"] = self.session
        self.requests += 1
        response = self.client.post(self.server.api, json=body)
        response.raise_for_status()
        answer: dict[str, Any] = response.json()
        return answer

    def login(self) -> int:
        """Log in and return the API level the server speaks."""
        self.session = ""
        content = self._content(self.raw("login", user=self.server.user, password=self.password))
        self.session = content["session_id"]
        return int(content["api_level"])

    def call(self, op: str, **parameters: Any) -> Any:
        """One operation's content, logging in first (and once again if the session expired)."""
        if not self.session:
            self.login()
        answer = self.raw(op, **parameters)
        if answer["status"] == 1 and answer["content"].get("error") == "NOT_LOGGED_IN":
            self.login()
            answer = self.raw(op, **parameters)
        return self._content(answer)

    @staticmethod
    def _content(answer: dict[str, Any]) -> Any:
        """The content of an answer, or TtrssError with its error code."""
        if answer["status"] != 0:
            raise TtrssError(answer["content"].get("error", "unknown error"))
        return answer["content"]
