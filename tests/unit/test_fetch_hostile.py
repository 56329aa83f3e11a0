"""Fetching against hostile servers: no downgrade from https, no key sent in clear text, and
answers whose Content-Encoding lies are refused as garbled."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from desktop.net.fetch import Failure, FailureKind, Limits, Request, fetch
from tests.hostile import SameHostTwoSchemes

QUICK = Limits(connect_timeout=2.0, total_timeout=5.0)


@pytest.fixture
def two_schemes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[SameHostTwoSchemes]:
    """The one-port https and http server, its certificate trusted by this test's fetches."""
    server = SameHostTwoSchemes(tmp_path)
    monkeypatch.setenv("SSL_CERT_FILE", str(server.certificate))
    yield server
    server.close()


def test_an_https_redirect_to_http_on_the_same_host_is_refused_and_sends_no_key(
    two_schemes: SameHostTwoSchemes,
) -> None:
    url = two_schemes.url("https", "/api/v1/quote?symbol=AAPL")
    request = Request(url, secret_headers=(("X-Finnhub-Token", "s3cret-key"),))

    result = fetch(request, QUICK)

    assert isinstance(result, Failure), result
    assert result.kind is FailureKind.BAD_URL
    target = two_schemes.url("http", "/api/v1/quote?symbol=AAPL")
    assert result.sentence == (
        f"{url} sent Broadsheet on from a secure address to an insecure one ({target}), "
        "so it was not followed."
    )
    assert two_schemes.plain_headers == []  # nothing at all went out in clear text


@pytest.mark.parametrize("encoding", ["gzip", "deflate", "br", "gzip, br"])
def test_a_body_that_is_not_in_its_declared_encoding_is_garbled(
    httpserver: HTTPServer, encoding: str
) -> None:
    httpserver.expect_request("/liar").respond_with_data(
        b"plain text, not compressed at all" * 10, headers={"Content-Encoding": encoding}
    )
    url = httpserver.url_for("/liar")

    result = fetch(Request(url), QUICK)

    assert isinstance(result, Failure)
    assert result.sentence == f"The answer from {url} was garbled, so it could not be read."
