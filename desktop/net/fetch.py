"""The network layer every fetch goes through (feeds, article pages, images), on httpx.

Plain asyncio inside one call and no threads of its own: ``fetch_all`` runs many requests on one
shared connection pool and yields each result as it completes; ``fetch`` runs one. A network
problem never raises: it comes back as a ``Failure`` carrying one plain sentence for people.
httpx is imported on the first fetch, not with this module.
"""

from __future__ import annotations

import asyncio
import contextlib
import enum
import functools
import logging
from collections.abc import AsyncGenerator, AsyncIterator, Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from desktop import version
from desktop.moments import in_utc, mail_moment
from desktop.net.decoding import Decoder, GarbledError

if TYPE_CHECKING:
    import httpx

log = logging.getLogger(__name__)

FEED_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/feed+json, "
    "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
)
PAGE_ACCEPT = "text/html, application/xhtml+xml, */*;q=0.5"
IMAGE_ACCEPT = "image/webp, image/jpeg, image/png, image/gif, */*;q=0.1"
_WEB_SCHEMES = ("http", "https")
_POLL_SECONDS = 0.05
_SHOWN_URL_CHARS = 100
_MB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Validators:
    """What a server said about a document's version, sent back for a conditional GET."""

    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True, slots=True)
class Request:
    """One document to fetch; ``max_bytes`` overrides the cap in ``Limits``.

    ``secret_headers`` (an API key, say) go only to the request's own host, never to a host it
    redirects to, and are never logged or shown.
    """

    url: str
    validators: Validators = Validators()
    accept: str = "*/*"
    max_bytes: int | None = None
    secret_headers: tuple[tuple[str, str], ...] = field(default=(), repr=False)


@dataclass(frozen=True, slots=True)
class Response:
    """A document as the server sent it (decoded), or a 304 saying it has not changed."""

    url: str
    final_url: str
    status: int
    body: bytes
    content_type: str | None
    charset: str | None
    validators: Validators

    @property
    def not_modified(self) -> bool:
        """Whether the server said the document is unchanged since the request's validators."""
        return self.status == 304


class FailureKind(enum.Enum):
    """Why a fetch gave no document."""

    UNREACHABLE = "unreachable"
    TIMEOUT = "timeout"
    TOO_LARGE = "too_large"
    TOO_MANY_REDIRECTS = "too_many_redirects"
    NOT_FOUND = "not_found"
    GONE = "gone"
    RATE_LIMITED = "rate_limited"
    FORBIDDEN = "forbidden"
    SERVER_ERROR = "server_error"
    HTTP_ERROR = "http_error"
    BAD_URL = "bad_url"
    CANCELLED = "cancelled"


@dataclass(frozen=True, slots=True)
class Failure:
    """A fetch that gave no document, with one sentence saying so to a person."""

    url: str
    kind: FailureKind
    status: int | None
    retry_after: datetime | None
    sentence: str


@functools.cache
def _user_agent() -> str:
    """Broadsheet's User-Agent, with its version."""
    return f"Broadsheet/{version()} (desktop news reader)"


@dataclass(frozen=True, slots=True)
class Limits:
    """Timeouts (seconds), size cap, redirects and how many requests run at once."""

    connect_timeout: float = 5.0
    total_timeout: float = 20.0
    max_bytes: int = 10 * _MB
    max_redirects: int = 5
    concurrency: int = 16
    per_host: int = 6
    user_agent: str = field(default_factory=_user_agent)

    def __post_init__(self) -> None:
        """Refuse limits that would stall every fetch."""
        if min(self.concurrency, self.per_host) < 1 or min(self.max_redirects, self.max_bytes) < 0:
            raise ValueError("concurrency and per_host must be positive, the others not negative")
        if min(self.connect_timeout, self.total_timeout) <= 0:
            raise ValueError("timeouts must be positive")


async def fetch_all(
    requests: Iterable[Request],
    limits: Limits | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> AsyncGenerator[Response | Failure, None]:
    """Fetch every request on one connection pool, yielding one result each as they complete.

    Once ``cancelled()`` turns true no request starts, those in flight are cancelled, and each
    unfinished request yields a CANCELLED Failure. Break out early only inside
    ``contextlib.aclosing`` so the connections close at once.
    """
    limits = limits or Limits()
    pending = list(requests)
    if not pending:
        return
    async with _client(limits) as client:
        gate = _Gate(limits)
        tasks = {asyncio.create_task(_fetch_one(client, gate, r, limits)): r for r in pending}
        try:
            while tasks:
                for task in await _next_done(tasks, cancelled):
                    yield _result_of(task, tasks.pop(task))
        finally:
            await _stop(tasks)


def fetch(
    request: Request, limits: Limits | None = None, cancelled: Callable[[], bool] | None = None
) -> Response | Failure:
    """Fetch one request synchronously (one event loop around ``fetch_all``); once
    ``cancelled()`` turns true it lets go of the connection and gives a CANCELLED Failure."""
    return asyncio.run(_fetch_single(request, limits, cancelled))


async def _fetch_single(
    request: Request, limits: Limits | None, cancelled: Callable[[], bool] | None
) -> Response | Failure:
    """The one result of ``fetch_all`` for a single request."""
    async with contextlib.aclosing(fetch_all([request], limits, cancelled)) as results:
        async for result in results:
            return result
    raise AssertionError("fetch_all yields one result per request")


def _client(limits: Limits) -> httpx.AsyncClient:
    """One HTTP/1.1 client with a keep-alive pool, no redirects of its own and no cookie jar."""
    import http.cookiejar

    import httpx

    no_cookies = http.cookiejar.CookieJar(http.cookiejar.DefaultCookiePolicy(allowed_domains=[]))
    return httpx.AsyncClient(
        headers={"User-Agent": limits.user_agent},
        cookies=no_cookies,
        timeout=httpx.Timeout(limits.total_timeout, connect=limits.connect_timeout),
        limits=httpx.Limits(
            max_connections=limits.concurrency, max_keepalive_connections=limits.concurrency
        ),
        follow_redirects=False,
    )


class _Gate:
    """The global and per-host bounds on requests in flight."""

    def __init__(self, limits: Limits) -> None:
        """Semaphores for all requests and, made on first use, for each host."""
        self._all = asyncio.Semaphore(limits.concurrency)
        self._per_host = limits.per_host
        self._hosts: dict[str, asyncio.Semaphore] = {}

    @contextlib.asynccontextmanager
    async def slot(self, host: str) -> AsyncIterator[None]:
        """Hold a slot for ``host`` first, then a global one, so a waiting host blocks no other."""
        host_slots = self._hosts.setdefault(host, asyncio.Semaphore(self._per_host))
        async with host_slots, self._all:
            yield


async def _next_done(
    tasks: dict[asyncio.Task[Response | Failure], Request], cancelled: Callable[[], bool] | None
) -> list[asyncio.Task[Response | Failure]]:
    """The tasks that finished next, in request order; all of them once ``cancelled()`` is true."""
    while True:
        if cancelled is not None and cancelled():
            await _stop(tasks)
            return list(tasks)
        timeout = None if cancelled is None else _POLL_SECONDS
        done, _ = await asyncio.wait(tasks, timeout=timeout, return_when=asyncio.FIRST_COMPLETED)
        if done:
            return [task for task in tasks if task in done]


async def _stop(tasks: Iterable[asyncio.Task[Response | Failure]]) -> None:
    """Cancel the tasks still running and wait until they have let go of their connections."""
    running = [task for task in tasks if not task.done()]
    for task in running:
        task.cancel()
    await asyncio.gather(*running, return_exceptions=True)


def _result_of(task: asyncio.Task[Response | Failure], request: Request) -> Response | Failure:
    """A finished task's result; a CANCELLED Failure if it was stopped before finishing."""
    if task.cancelled():
        return _failure(
            request, FailureKind.CANCELLED, f"Fetching {_shown(request.url)} was cancelled."
        )
    return task.result()


async def _fetch_one(
    client: httpx.AsyncClient, gate: _Gate, request: Request, limits: Limits
) -> Response | Failure:
    """One request within its slots; the total timeout runs from its first byte sent, not queued."""
    import httpx

    host = _web_host(request.url)
    if host is None:
        return _failure(request, FailureKind.BAD_URL, _bad_url_sentence(request.url))
    trail: list[str] = []
    async with gate.slot(host):
        try:
            async with asyncio.timeout(limits.total_timeout):
                return await _follow(client, request, limits, trail)
        except TimeoutError:
            seconds = limits.total_timeout
            sentence = f"{_host_of(trail, request)} did not answer within {seconds:g} seconds."
            return _failure(request, FailureKind.TIMEOUT, sentence)
        except (httpx.HTTPError, httpx.InvalidURL) as error:
            log.info("fetching %s failed: %r", trail[-1] if trail else request.url, error)
            return _network_failure(request, _host_of(trail, request), error, limits)


async def _follow(
    client: httpx.AsyncClient, request: Request, limits: Limits, trail: list[str]
) -> Response | Failure:
    """Send the request and follow its redirects (http and https only, no loops), noting each."""
    import httpx

    url = request.url
    origin = _origin(url)
    for _ in range(limits.max_redirects + 1):
        trail.append(url)
        headers = _request_headers(request, same_host=_origin(url) == origin)
        built = client.build_request("GET", url, headers=headers)
        try:
            response = await client.send(built, stream=True)
        except httpx.InvalidURL:  # the address was valid: httpx refused where it redirects
            return _failure(request, FailureKind.BAD_URL, _unreadable_redirect(url))
        try:
            if not response.has_redirect_location:
                return await _answer(request, response, limits)
            target = str(response.url.join(response.headers["location"]))
        finally:
            await response.aclose()
        stop = _redirect_stop(request, url, target, trail)
        if stop is not None:
            return stop
        url = target
    sentence = (
        f"{_shown(request.url)} redirected more than {limits.max_redirects} times, "
        "so Broadsheet stopped following it."
    )
    return _failure(request, FailureKind.TOO_MANY_REDIRECTS, sentence)


def _request_headers(request: Request, same_host: bool = True) -> dict[str, str]:
    """Accept, the validators of a conditional GET, and on the request's own host its secrets."""
    headers = {"Accept": request.accept}
    if same_host:
        headers.update(request.secret_headers)
    if request.validators.etag:
        headers["If-None-Match"] = request.validators.etag
    if request.validators.last_modified:
        headers["If-Modified-Since"] = request.validators.last_modified
    return headers


def _origin(url: str) -> tuple[str, str]:
    """An address's scheme and host with port: secrets go only where both are the same."""
    parts = urlsplit(url)
    return parts.scheme.lower(), parts.netloc.lower()


def _unreadable_redirect(url: str) -> str:
    """Why a redirect to an address httpx cannot even read (``data:``, say) was not followed."""
    return (
        f"{_shown(url)} sent Broadsheet on to an address that is not a web address, "
        "so it was not followed."
    )


def _redirect_stop(request: Request, url: str, target: str, trail: list[str]) -> Failure | None:
    """A Failure for a redirect that must not be followed: not to the web, from https to http,
    or back in a loop."""
    if _web_host(target) is None:
        sentence = (
            f"{_shown(url)} sent Broadsheet on to {_shown(target)}, "
            "which is not a web address, so it was not followed."
        )
        return _failure(request, FailureKind.BAD_URL, sentence)
    if urlsplit(url).scheme.lower() == "https" and urlsplit(target).scheme.lower() != "https":
        sentence = (
            f"{_shown(url)} sent Broadsheet on from a secure address to an insecure one "
            f"({_shown(target)}), so it was not followed."
        )
        return _failure(request, FailureKind.BAD_URL, sentence)
    if target in trail:
        sentence = f"{_shown(request.url)} redirects in a loop, so it could not be read."
        return _failure(request, FailureKind.TOO_MANY_REDIRECTS, sentence)
    return None


async def _answer(request: Request, response: httpx.Response, limits: Limits) -> Response | Failure:
    """Turn a final (non-redirect) answer into a Response or a Failure, reading at most the cap."""
    status = response.status_code
    if status == 304:
        return _response(request, response, b"", request.validators)
    if not 200 <= status < 300:
        return _status_failure(request, response)
    cap = limits.max_bytes if request.max_bytes is None else request.max_bytes
    try:
        body = await _read_capped(response, cap)
    except GarbledError as error:
        log.info("decoding the answer from %s failed: %s", request.url, error)
        return _failure(request, FailureKind.HTTP_ERROR, _garbled_sentence(request.url), status)
    if body is None:
        shown, size = _shown(request.url), _size(cap)
        sentence = f"The answer from {shown} was larger than {size}, so it was not read."
        return _failure(request, FailureKind.TOO_LARGE, sentence, status)
    return _response(request, response, body, _validators(response))


async def _read_capped(response: httpx.Response, cap: int) -> bytes | None:
    """The decoded body, or None as soon as it is known to be larger than ``cap`` bytes.

    The cap counts decoded bytes as they stream (``decoding``), so a compression bomb stops at
    the cap, whatever its encoding or however many encodings are stacked.
    """
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > cap:
        return None
    decoder = Decoder(response.headers.get_list("content-encoding", split_commas=True))
    chunks: list[bytes] = []
    size = 0
    async for raw in response.aiter_raw():
        for chunk in decoder.feed(raw):
            size += len(chunk)
            if size > cap:
                return None
            chunks.append(chunk)
    for chunk in decoder.finish():
        size += len(chunk)
        if size > cap:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


def _response(
    request: Request, response: httpx.Response, body: bytes, validators: Validators
) -> Response:
    """A Response from httpx's answer with the body already read."""
    content_type, charset = _media_type(response.headers.get("content-type"))
    return Response(
        request.url,
        str(response.url),
        response.status_code,
        body,
        content_type,
        charset,
        validators,
    )


def _validators(response: httpx.Response) -> Validators:
    """The ETag and Last-Modified an answer carries."""
    return Validators(response.headers.get("etag"), response.headers.get("last-modified"))


def _media_type(header: str | None) -> tuple[str | None, str | None]:
    """The media type (lower case, without parameters) and charset of a Content-Type header."""
    if not header:
        return None, None
    media, *parameters = header.split(";")
    charset = None
    for parameter in parameters:
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "charset":
            charset = value.strip().strip("\"'").lower() or None
    return media.strip().lower() or None, charset


_STATUS_SENTENCES = {
    FailureKind.NOT_FOUND: "There is no {noun} at {url} (HTTP {status}); check the address.",
    FailureKind.GONE: "The {noun} at {url} is gone for good (HTTP {status}).",
    FailureKind.FORBIDDEN: (
        "{host} refused to hand over the {noun} at {url} (HTTP {status}); "
        "it may need a subscription or a login."
    ),
    FailureKind.SERVER_ERROR: (
        "{host} had a problem answering for {url} (HTTP {status}); try again later."
    ),
    FailureKind.HTTP_ERROR: "{host} answered {url} with an error (HTTP {status}).",
    FailureKind.RATE_LIMITED: "{host} asks us to wait {until} before asking again (HTTP {status}).",
}
_NAMED_STATUSES = {
    401: FailureKind.FORBIDDEN,
    403: FailureKind.FORBIDDEN,
    404: FailureKind.NOT_FOUND,
    410: FailureKind.GONE,
}


def _status_failure(request: Request, response: httpx.Response) -> Failure:
    """A Failure for an HTTP status that carries no document."""
    status = response.status_code
    retry_after = None
    if status in (429, 503):
        retry_after = _retry_after(response.headers.get("retry-after"), datetime.now(UTC))
    kind = _status_kind(status, retry_after)
    sentence = _STATUS_SENTENCES[kind].format(
        noun=_noun(request.accept),
        url=_shown(request.url),
        host=response.url.host,
        status=status,
        until=_until(retry_after),
    )
    return Failure(request.url, kind, status, retry_after, sentence)


def _status_kind(status: int, retry_after: datetime | None) -> FailureKind:
    """Which kind of failure an HTTP status (other than 2xx, 304 and redirects) means."""
    if status == 429 or (status == 503 and retry_after is not None):
        return FailureKind.RATE_LIMITED
    if status in _NAMED_STATUSES:
        return _NAMED_STATUSES[status]
    return FailureKind.SERVER_ERROR if status >= 500 else FailureKind.HTTP_ERROR


def _noun(accept: str) -> str:
    """What a person would call the document an Accept header asks for: feed, image or page."""
    if any(word in accept for word in ("rss", "atom", "feed")):
        return "feed"
    return "image" if accept.startswith("image/") else "page"


def _retry_after(value: str | None, now: datetime) -> datetime | None:
    """When a Retry-After header (seconds or an HTTP date) allows asking again, in UTC."""
    value = (value or "").strip()
    if not value.isdigit():
        return in_utc(mail_moment(value))
    try:
        return now + timedelta(seconds=int(value))
    except (ValueError, OverflowError):
        return None


def _until(moment: datetime | None) -> str:
    """'until 14:05' in local time (with the day when not today), or 'a while'."""
    if moment is None:
        return "a while"
    local = moment.astimezone()
    if local.date() == datetime.now().astimezone().date():
        return f"until {local:%H:%M}"
    return f"until {local:%H:%M} on {local.day} {local:%B}"


def _network_failure(request: Request, host: str, error: Exception, limits: Limits) -> Failure:
    """A Failure for an httpx error: timeouts, connections that failed or broke, bad URLs."""
    import httpx

    if isinstance(error, httpx.TimeoutException):
        connect = isinstance(error, httpx.ConnectTimeout)
        seconds = limits.connect_timeout if connect else limits.total_timeout
        sentence = f"{host} did not answer within {seconds:g} seconds."
        return _failure(request, FailureKind.TIMEOUT, sentence)
    if isinstance(error, httpx.InvalidURL | httpx.UnsupportedProtocol):
        return _failure(request, FailureKind.BAD_URL, _bad_url_sentence(request.url))
    if isinstance(error, httpx.DecodingError):
        return _failure(request, FailureKind.HTTP_ERROR, _garbled_sentence(request.url))
    if isinstance(error, httpx.ConnectError):
        return _failure(request, FailureKind.UNREACHABLE, _unreachable_sentence(host, error))
    sentence = f"The connection to {host} broke off before the answer was complete."
    return _failure(request, FailureKind.UNREACHABLE, sentence)


def _garbled_sentence(url: str) -> str:
    """Why a body that would not decode was not read."""
    return f"The answer from {_shown(url)} was garbled, so it could not be read."


def _unreachable_sentence(host: str, error: BaseException) -> str:
    """Why a connection could not be made, from the operating system's error under httpx's."""
    import socket
    import ssl

    causes = _causes(error)
    if any(isinstance(cause, socket.gaierror) for cause in causes):
        return f"{host} could not be found; check the address and your internet connection."
    if any(isinstance(cause, ConnectionRefusedError) for cause in causes):
        return f"{host} refused the connection."
    if any(isinstance(cause, ssl.SSLCertVerificationError) for cause in causes):
        return f"{host} did not prove who it is (its certificate is not valid), so it was not read."
    return f"Broadsheet could not connect to {host}; check your internet connection."


def _causes(error: BaseException) -> list[BaseException]:
    """An exception and the ones it was raised from, innermost last."""
    chain: list[BaseException] = []
    current: BaseException | None = error
    while current is not None and current not in chain:
        chain.append(current)
        current = current.__cause__ or current.__context__
    return chain


def _web_host(url: str) -> str | None:
    """The host of an http or https URL (lower case), or None for anything else."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in _WEB_SCHEMES:
        return None
    return parts.hostname or None


def _host_of(trail: list[str], request: Request) -> str:
    """The host Broadsheet was talking to last for this request."""
    return _web_host(trail[-1] if trail else request.url) or request.url


def _bad_url_sentence(url: str) -> str:
    """Why a URL cannot be fetched at all."""
    return not_web_address(url)


def not_web_address(url: str) -> str:
    """Why an address is not one to fetch, saying what it begins with when that is the mistake
    ("htp://…": use http or https, not htp)."""
    try:
        scheme = urlsplit(url).scheme
    except ValueError:
        scheme = ""
    if scheme.lower() in _WEB_SCHEMES:
        hint = "check how it is written" if _web_host(url) else "it names no site"
    else:
        hint = f"use http or https, not {scheme}" if scheme else "use http or https"
    return f"{_shown(url)} is not a web address Broadsheet can read ({hint})."


def _failure(
    request: Request, kind: FailureKind, sentence: str, status: int | None = None
) -> Failure:
    """A Failure without a retry time."""
    return Failure(request.url, kind, status, None, sentence)


def _shown(url: str) -> str:
    """A URL short enough for a sentence."""
    if len(url) <= _SHOWN_URL_CHARS:
        return url
    return url[: _SHOWN_URL_CHARS - 1] + "…"


def _size(count: int) -> str:
    """A byte count for people: '10 MB', '512 KB'."""
    if count >= _MB:
        return f"{round(count / _MB, 1):g} MB"
    return f"{max(1, round(count / 1024))} KB"
