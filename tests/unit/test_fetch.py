"""The network layer against a real local server: what a person would notice of each answer."""

from __future__ import annotations

import asyncio
import gzip
import re
import socket
import threading
import time
import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import brotli
import httpx
import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request as ServerRequest
from werkzeug import Response as ServerResponse

import desktop
from desktop.net.fetch import (
    FEED_ACCEPT,
    IMAGE_ACCEPT,
    PAGE_ACCEPT,
    Failure,
    FailureKind,
    Limits,
    Request,
    Response,
    Validators,
    _unreachable_sentence,
    fetch,
    fetch_all,
)

QUICK = Limits(connect_timeout=1.0, total_timeout=3.0)
HANDLER_WAIT = 5.0  # the longest any handler waits; the test's end releases it at once
RSS = b"<?xml version='1.0'?><rss version='2.0'><channel><title>Paper</title></channel></rss>"


@pytest.fixture(scope="module")
def make_httpserver() -> Iterator[HTTPServer]:
    """A threaded server on 127.0.0.1, so requests really run at the same time."""
    server = HTTPServer(host="127.0.0.1", port=0, threaded=True)
    server.start()
    yield server
    server.clear()
    server.stop()


@pytest.fixture
def release() -> Iterator[threading.Event]:
    """An event stalled answers wait on (at most HANDLER_WAIT); set when the test ends."""
    event = threading.Event()
    yield event
    event.set()


def stalled(release: threading.Event) -> ServerResponse:
    """An answer that sends nothing, not even its headers, until ``release`` is set.

    The handler itself returns at once, so the server's log is complete when the test ends.
    """

    def body() -> Iterator[bytes]:
        release.wait(HANDLER_WAIT)
        yield b"late"

    return ServerResponse(body())


def collect(
    requests: list[Request], limits: Limits = QUICK, cancelled: Callable[[], bool] | None = None
) -> list[Response | Failure]:
    """Every result of ``fetch_all``, in the order they came."""

    async def run() -> list[Response | Failure]:
        return [result async for result in fetch_all(requests, limits, cancelled)]

    return asyncio.run(run())


def failed(result: Response | Failure) -> Failure:
    """The result, which must be a Failure."""
    assert isinstance(result, Failure), result
    return result


def answered(result: Response | Failure) -> Response:
    """The result, which must be a Response."""
    assert isinstance(result, Response), result
    return result


def test_a_feed_comes_back_with_its_body_type_charset_and_validators(
    httpserver: HTTPServer,
) -> None:
    httpserver.expect_request("/feed").respond_with_data(
        RSS,
        content_type='application/RSS+xml; Charset="ISO-8859-1"',
        headers={"ETag": '"v1"', "Last-Modified": "Tue, 03 Jun 2025 10:00:00 GMT"},
    )
    url = httpserver.url_for("/feed")

    response = answered(fetch(Request(url, accept=FEED_ACCEPT), QUICK))

    assert (response.status, response.body, response.not_modified) == (200, RSS, False)
    assert (response.url, response.final_url) == (url, url)
    assert (response.content_type, response.charset) == ("application/rss+xml", "iso-8859-1")
    assert response.validators == Validators('"v1"', "Tue, 03 Jun 2025 10:00:00 GMT")
    sent = httpserver.log[0][0].headers
    assert sent["Accept"] == FEED_ACCEPT
    assert sent["User-Agent"] == f"Broadsheet/{desktop.version()} (desktop news reader)"


def test_a_conditional_get_sends_the_validators_and_reads_not_modified(
    httpserver: HTTPServer,
) -> None:
    validators = Validators('"v1"', "Tue, 03 Jun 2025 10:00:00 GMT")
    httpserver.expect_request(
        "/feed",
        headers={"If-None-Match": '"v1"', "If-Modified-Since": "Tue, 03 Jun 2025 10:00:00 GMT"},
    ).respond_with_data(b"", status=304)

    response = answered(fetch(Request(httpserver.url_for("/feed"), validators), QUICK))

    assert (response.status, response.body, response.not_modified) == (304, b"", True)
    assert response.validators == validators
    assert len(httpserver.log) == 1


@pytest.mark.parametrize(
    ("encoding", "compress"),
    [("gzip", gzip.compress), ("br", brotli.compress), ("deflate", zlib.compress)],
)
def test_compressed_bodies_come_back_decoded(
    httpserver: HTTPServer, encoding: str, compress: Callable[[bytes], bytes]
) -> None:
    page = b"<html><body>" + b"<p>News of the day.</p>" * 500 + b"</body></html>"

    def handler(request: ServerRequest) -> ServerResponse:
        assert encoding in request.headers["Accept-Encoding"]
        headers = {"Content-Encoding": encoding}
        return ServerResponse(compress(page), content_type="text/html", headers=headers)

    httpserver.expect_request("/page").respond_with_handler(handler)

    response = answered(fetch(Request(httpserver.url_for("/page")), QUICK))

    assert response.body == page
    assert response.content_type == "text/html"


def test_a_garbled_compressed_body_is_said_so(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/page").respond_with_data(
        b"this is not gzip at all", headers={"Content-Encoding": "gzip"}
    )
    url = httpserver.url_for("/page")

    failure = failed(fetch(Request(url), QUICK))

    assert failure.kind is FailureKind.HTTP_ERROR
    assert failure.sentence == f"The answer from {url} was garbled, so it could not be read."


def test_an_answer_cut_short_says_the_connection_broke_off(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/feed").respond_with_response(
        ServerResponse(iter([RSS[:20]]), headers={"Content-Length": str(len(RSS))})
    )

    failure = failed(fetch(Request(httpserver.url_for("/feed")), QUICK))

    assert failure.kind is FailureKind.UNREACHABLE
    assert failure.sentence == (
        "The connection to 127.0.0.1 broke off before the answer was complete."
    )


@pytest.mark.parametrize("declared", [False, True], ids=["streamed", "content-length"])
def test_an_answer_over_the_cap_is_refused_without_reading_the_rest(
    httpserver: HTTPServer, declared: bool
) -> None:
    chunk, total = b"x" * 65536, 50 * 1024 * 1024
    sent: list[int] = []

    def body() -> Iterator[bytes]:
        for _ in range(total // len(chunk)):
            sent.append(len(chunk))
            yield chunk

    headers = {"Content-Length": str(total)} if declared else {}
    httpserver.expect_request("/huge").respond_with_response(
        ServerResponse(body(), content_type="image/jpeg", headers=headers)
    )
    url = httpserver.url_for("/huge")

    failure = failed(fetch(Request(url, accept=IMAGE_ACCEPT, max_bytes=1024 * 1024), QUICK))

    assert sum(sent) < total / 4
    assert failure.kind is FailureKind.TOO_LARGE
    assert failure.sentence == f"The answer from {url} was larger than 1 MB, so it was not read."


def test_a_redirect_chain_is_followed_to_the_final_address(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/old").respond_with_data(
        b"", status=301, headers={"Location": "/moved"}
    )
    httpserver.expect_request("/moved").respond_with_data(
        b"", status=302, headers={"Location": httpserver.url_for("/feed")}
    )
    httpserver.expect_request("/feed").respond_with_data(RSS, content_type="application/rss+xml")
    url = httpserver.url_for("/old")

    response = answered(fetch(Request(url), QUICK))

    assert (response.url, response.final_url) == (url, httpserver.url_for("/feed"))
    assert response.body == RSS


def test_secret_headers_go_to_their_own_host_only(httpserver: HTTPServer) -> None:
    # The same server under another name is another host.
    elsewhere = httpserver.url_for("/quote").replace("127.0.0.1", "localhost")
    assert elsewhere != httpserver.url_for("/quote")
    httpserver.expect_request("/start").respond_with_data(
        b"", status=302, headers={"Location": "/same-host"}
    )
    httpserver.expect_request("/same-host").respond_with_data(
        b"", status=302, headers={"Location": elsewhere}
    )
    httpserver.expect_request("/quote").respond_with_data(b"{}", content_type="application/json")
    request = Request(httpserver.url_for("/start"), secret_headers=(("X-Api-Key", "s3cret"),))

    answered(fetch(request, QUICK))

    keys = [sent.headers.get("X-Api-Key") for sent, _ in httpserver.log]
    assert keys == ["s3cret", "s3cret", None]
    assert "s3cret" not in repr(request)


def test_a_redirect_loop_is_given_up(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/a").respond_with_data(b"", status=302, headers={"Location": "/b"})
    httpserver.expect_request("/b").respond_with_data(b"", status=302, headers={"Location": "/a"})
    url = httpserver.url_for("/a")

    failure = failed(fetch(Request(url), QUICK))

    assert failure.kind is FailureKind.TOO_MANY_REDIRECTS
    assert failure.sentence == f"{url} redirects in a loop, so it could not be read."
    assert len(httpserver.log) == 2


def test_too_many_redirects_are_given_up(httpserver: HTTPServer) -> None:
    for step in range(4):
        httpserver.expect_request(f"/step{step}").respond_with_data(
            b"", status=307, headers={"Location": f"/step{step + 1}"}
        )
    url = httpserver.url_for("/step0")
    limits = Limits(connect_timeout=1.0, total_timeout=3.0, max_redirects=2)

    failure = failed(fetch(Request(url), limits))

    assert failure.kind is FailureKind.TOO_MANY_REDIRECTS
    assert "more than 2 times" in failure.sentence
    assert len(httpserver.log) == 3


def test_a_redirect_away_from_the_web_is_not_followed(httpserver: HTTPServer) -> None:
    target = "ftp://files.example/feed.xml"
    httpserver.expect_request("/feed").respond_with_data(
        b"", status=302, headers={"Location": target}
    )

    failure = failed(fetch(Request(httpserver.url_for("/feed")), QUICK))

    assert failure.kind is FailureKind.BAD_URL
    assert f"on to {target}, which is not a web address" in failure.sentence


@pytest.mark.parametrize(
    ("status", "kind", "words"),
    [
        (404, FailureKind.NOT_FOUND, "There is no feed at {url} (HTTP 404); check the address."),
        (410, FailureKind.GONE, "The feed at {url} is gone for good (HTTP 410)."),
        (403, FailureKind.FORBIDDEN, "127.0.0.1 refused to hand over the feed at {url} (HTTP 403)"),
        (401, FailureKind.FORBIDDEN, "it may need a subscription or a login."),
        (500, FailureKind.SERVER_ERROR, "127.0.0.1 had a problem answering for {url} (HTTP 500)"),
        (503, FailureKind.SERVER_ERROR, "(HTTP 503); try again later."),
        (418, FailureKind.HTTP_ERROR, "127.0.0.1 answered {url} with an error (HTTP 418)."),
    ],
)
def test_an_error_status_says_what_happened(
    httpserver: HTTPServer, status: int, kind: FailureKind, words: str
) -> None:
    httpserver.expect_request("/feed").respond_with_data(b"<html>Sorry</html>", status=status)
    url = httpserver.url_for("/feed")

    failure = failed(fetch(Request(url, accept=FEED_ACCEPT), QUICK))

    assert (failure.url, failure.kind, failure.status) == (url, kind, status)
    assert failure.retry_after is None
    assert words.format(url=url) in failure.sentence


@pytest.mark.parametrize(
    ("accept", "noun"), [(FEED_ACCEPT, "feed"), (PAGE_ACCEPT, "page"), (IMAGE_ACCEPT, "image")]
)
def test_the_sentence_names_what_was_asked_for(
    httpserver: HTTPServer, accept: str, noun: str
) -> None:
    httpserver.expect_request("/thing").respond_with_data(b"", status=410)
    url = httpserver.url_for("/thing")

    failure = failed(fetch(Request(url, accept=accept), QUICK))

    assert failure.sentence == f"The {noun} at {url} is gone for good (HTTP 410)."


def test_too_many_requests_with_seconds_says_when_to_ask_again(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/feed").respond_with_data(
        b"", status=429, headers={"Retry-After": "120"}
    )

    failure = failed(fetch(Request(httpserver.url_for("/feed")), QUICK))

    assert failure.kind is FailureKind.RATE_LIMITED
    assert failure.retry_after is not None
    expected = datetime.now(UTC) + timedelta(seconds=120)
    assert abs(failure.retry_after - expected) < timedelta(seconds=5)
    until = f"{failure.retry_after.astimezone():%H:%M}"
    assert f"127.0.0.1 asks us to wait until {until}" in failure.sentence
    assert failure.sentence.endswith("before asking again (HTTP 429).")


@pytest.mark.parametrize("status", [429, 503])
def test_a_retry_date_is_read_as_that_moment(httpserver: HTTPServer, status: int) -> None:
    moment = datetime.now(UTC).replace(microsecond=0) + timedelta(hours=2)
    httpserver.expect_request("/feed").respond_with_data(
        b"", status=status, headers={"Retry-After": format_datetime(moment, usegmt=True)}
    )

    failure = failed(fetch(Request(httpserver.url_for("/feed")), QUICK))

    assert (failure.kind, failure.status) == (FailureKind.RATE_LIMITED, status)
    assert failure.retry_after == moment
    assert failure.retry_after.tzinfo is not None


def test_a_server_that_never_answers_times_out_quickly(
    httpserver: HTTPServer, release: threading.Event
) -> None:
    httpserver.expect_request("/slow").respond_with_handler(lambda _: stalled(release))

    failure = failed(fetch(Request(httpserver.url_for("/slow")), Limits(total_timeout=0.5)))

    assert failure.kind is FailureKind.TIMEOUT
    assert failure.sentence == "127.0.0.1 did not answer within 0.5 seconds."


def test_a_body_that_trickles_in_is_cut_off_by_the_total_timeout(
    httpserver: HTTPServer, release: threading.Event
) -> None:
    def trickle() -> Iterator[bytes]:
        while not release.wait(0.1):
            yield b"<item/>"

    httpserver.expect_request("/trickle").respond_with_response(ServerResponse(trickle()))

    failure = failed(fetch(Request(httpserver.url_for("/trickle")), Limits(total_timeout=0.5)))

    assert failure.kind is FailureKind.TIMEOUT


def test_a_refused_connection_is_unreachable() -> None:
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]

    failure = failed(fetch(Request(f"http://127.0.0.1:{port}/feed"), QUICK))

    assert failure.kind is FailureKind.UNREACHABLE
    assert failure.sentence == "127.0.0.1 refused the connection."


def test_a_name_that_cannot_be_found_is_said_so() -> None:
    error = httpx.ConnectError("lookup failed")
    error.__cause__ = socket.gaierror(-2, "Name or service not known")

    sentence = _unreachable_sentence("paper.example", error)

    assert sentence.startswith("paper.example could not be found; check the address")


@pytest.mark.parametrize(
    ("url", "said"),
    [
        ("htp://paper.example/feed.xml", "(use http or https, not htp)"),  # mistyped
        ("ftp://paper.example/feed.xml", "(use http or https, not ftp)"),
        ("paper.example/feed", "(use http or https)"),
        ("http://", "(it names no site)"),
    ],
)
def test_an_address_that_is_not_on_the_web_is_refused(url: str, said: str) -> None:
    failure = failed(fetch(Request(url), QUICK))

    assert failure.kind is FailureKind.BAD_URL
    assert failure.sentence == f"{url} is not a web address Broadsheet can read {said}."


def test_cookies_are_not_sent_back(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/set").respond_with_data(
        b"", headers={"Set-Cookie": "tracker=1; Path=/"}
    )
    httpserver.expect_request("/check").respond_with_data(b"")
    limits = Limits(connect_timeout=1.0, total_timeout=3.0, concurrency=1)

    results = collect([Request(httpserver.url_for(p)) for p in ("/set", "/check")], limits)

    assert [answered(r).status for r in results] == [200, 200]
    assert [request.path for request, _ in httpserver.log] == ["/set", "/check"]
    assert "Cookie" not in httpserver.log[1][0].headers


class Peaks:
    """Counts requests a handler is serving at once, overall and per Host header."""

    def __init__(self) -> None:
        """No requests yet."""
        self._lock = threading.Lock()
        self._now: Counter[str] = Counter()
        self.peak: Counter[str] = Counter()

    def handler(self, request: ServerRequest) -> ServerResponse:
        """Serve a short answer slowly enough for requests to overlap."""
        keys = ("all", request.host.split(":")[0])
        with self._lock:
            self._now.update(keys)
            for key in keys:
                self.peak[key] = max(self.peak[key], self._now[key])
        time.sleep(0.05)
        with self._lock:
            self._now.subtract(keys)
        return ServerResponse(request.path.encode())


def test_thirty_fetches_run_at_most_the_limit_at_once(httpserver: HTTPServer) -> None:
    peaks = Peaks()
    httpserver.expect_request(re.compile("/feed/")).respond_with_handler(peaks.handler)
    urls = [httpserver.url_for(f"/feed/{n}") for n in range(30)]
    limits = Limits(connect_timeout=1.0, total_timeout=3.0, concurrency=4)

    results = collect([Request(url) for url in urls], limits)

    assert sorted(answered(r).url for r in results) == sorted(urls)
    assert all(answered(r).body.decode() == urlsplit(r.url).path for r in results)
    assert 2 <= peaks.peak["all"] <= 4


def test_one_host_gets_at_most_its_share(httpserver: HTTPServer) -> None:
    peaks = Peaks()
    httpserver.expect_request(re.compile("/feed/")).respond_with_handler(peaks.handler)
    urls = [
        f"http://{host}:{httpserver.port}/feed/{n}"
        for n in range(12)
        for host in ("127.0.0.1", "localhost")
    ]
    limits = Limits(connect_timeout=1.0, total_timeout=3.0, concurrency=16, per_host=2)

    results = collect([Request(url) for url in urls], limits)

    assert len([answered(r) for r in results]) == 24
    assert peaks.peak["127.0.0.1"] <= 2
    assert peaks.peak["localhost"] <= 2
    assert 3 <= peaks.peak["all"] <= 4


def test_cancelling_stops_early_and_accounts_for_every_request(
    httpserver: HTTPServer, release: threading.Event
) -> None:
    started: list[str] = []

    def slow(request: ServerRequest) -> ServerResponse:
        started.append(request.path)
        return stalled(release)

    httpserver.expect_request("/fast").respond_with_data(b"first")
    httpserver.expect_request(re.compile("/slow/")).respond_with_handler(slow)
    urls = [httpserver.url_for("/fast")] + [httpserver.url_for(f"/slow/{n}") for n in range(9)]
    limits = Limits(connect_timeout=1.0, total_timeout=HANDLER_WAIT * 2, concurrency=3)
    seen: list[Response | Failure] = []

    async def run() -> None:
        async for result in fetch_all([Request(u) for u in urls], limits, lambda: bool(seen)):
            seen.append(result)

    asyncio.run(run())

    assert answered(seen[0]).body == b"first"
    cancelled = [failed(r) for r in seen[1:]]
    assert [f.url for f in cancelled] == urls[1:]
    assert {f.kind for f in cancelled} == {FailureKind.CANCELLED}
    assert cancelled[0].sentence == f"Fetching {urls[1]} was cancelled."
    assert len(started) <= 3


def test_nothing_starts_when_cancelled_from_the_outset(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/feed").respond_with_data(RSS)

    results = collect([Request(httpserver.url_for("/feed"))] * 3, cancelled=lambda: True)

    assert [failed(r).kind for r in results] == [FailureKind.CANCELLED] * 3
    # Only this test's address counts: the server is shared by the module, and a request that an
    # earlier test cancelled may still reach it now.
    assert [request.path for request, _ in httpserver.log if request.path == "/feed"] == []


@pytest.fixture
def keep_alive_server() -> Iterator[tuple[str, list[int]]]:
    """A plain HTTP/1.1 server that keeps connections open (werkzeug closes each one), and the
    client ports of the requests it served."""
    ports: list[int] = []

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True

        def do_GET(self) -> None:
            ports.append(self.client_address[1])
            self.send_response(200)
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"ok")

        def log_message(self, format: str, *args: object) -> None:
            """Keep the test output quiet."""

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", ports
    server.shutdown()
    server.server_close()
    thread.join(HANDLER_WAIT)


def test_connections_are_kept_alive_and_shared(keep_alive_server: tuple[str, list[int]]) -> None:
    base, ports = keep_alive_server
    limits = Limits(connect_timeout=1.0, total_timeout=3.0, per_host=3)

    results = collect([Request(f"{base}/article/{n}") for n in range(20)], limits)

    assert [answered(r).body for r in results] == [b"ok"] * 20
    assert len(ports) == 20
    assert len(set(ports)) <= 3
