"""Logging in to the real tt-rss: sessions, wrong passwords, the API switched off and on."""

from __future__ import annotations

import pytest

from tests.servers.ttrss import TtrssServer
from tests.sync.ttrss_api import TtrssApi, TtrssError

pytestmark = pytest.mark.ttrss


def allow_api(server: TtrssServer, allowed: bool) -> None:
    """Switch the admin's "Enable API" preference, as its settings page does."""
    value = "true" if allowed else "false"
    where = "pref_name = 'ENABLE_API_ACCESS'"
    server.sql(f"UPDATE ttrss_user_prefs SET value = '{value}' WHERE {where}")


def test_login_gives_a_session_at_api_level_15(ttrss: TtrssServer) -> None:
    client = TtrssApi(ttrss)
    assert client.login() == 15
    assert client.call("isLoggedIn") == {"status": True}
    client.close()


def test_a_wrong_password_is_a_login_error_in_an_http_200(ttrss: TtrssServer) -> None:
    client = TtrssApi(ttrss, password="not the password")
    answer = client.raw("login", user=ttrss.user, password=client.password)
    assert answer["status"] == 1
    assert answer["content"] == {"error": "LOGIN_ERROR"}
    client.close()


def test_the_api_is_refused_while_it_is_off_for_the_user(ttrss: TtrssServer) -> None:
    client = TtrssApi(ttrss)
    allow_api(ttrss, False)
    try:
        with pytest.raises(TtrssError, match="API_DISABLED"):
            client.login()
    finally:
        allow_api(ttrss, True)
    assert client.login() == 15
    client.close()


def test_an_unknown_session_is_not_logged_in_and_one_new_login_recovers(
    ttrss: TtrssServer,
) -> None:
    client = TtrssApi(ttrss)
    client.session = "a-session-the-server-never-gave"
    answer = client.raw("getFeeds", cat_id=-3)
    assert answer["status"] == 1
    assert answer["content"] == {"error": "NOT_LOGGED_IN"}
    before = client.requests
    assert client.call("getFeeds", cat_id=-3) == []
    assert client.requests - before == 3  # the refused call, the login, the call again
    client.close()
