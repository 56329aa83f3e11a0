"""A hostile web site on a local server: what a careless or malicious server can send.

Compression bombs in every encoding (and stacked ones), headers that lie about length and type,
huge and deeply nested documents (XML, JSON, OPML), numbers no parser should take whole, titles
full of terminal escapes, and pictures that are bombs, cut short or not pictures at all. Each is
made here, small on the wire. ``run_measured`` runs the command line in a child process and
reports its peak memory, so a test can hold every case to a memory bound.
"""

from __future__ import annotations

import functools
import json
import struct
import subprocess
import sys
import tempfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from tests.commands import ROOT

BOMB_BYTES = 512 * 1024 * 1024  # what each bomb decodes to: far past any cap and the memory bound
ENCODINGS = ("br", "gzip, gzip", "deflate, deflate", "gzip, br", "gzip")
CONTROL_TITLE = "Calm\x1b]0;owned\x07 title\x1b[2J\x00 here\x9b31m\u202eevil"


@functools.cache
def _zeros_compressed(wbits: int) -> bytes:
    """BOMB_BYTES of zeros, deflated with the given framing (made in steps of 1 MB)."""
    compressor = zlib.compressobj(3, zlib.DEFLATED, wbits)
    step = bytes(1024 * 1024)
    parts = [compressor.compress(step) for _ in range(BOMB_BYTES // len(step))]
    return b"".join(parts) + compressor.flush()


@functools.cache
def _zeros_brotli() -> bytes:
    """BOMB_BYTES of zeros under brotli."""
    import brotli

    compressor = brotli.Compressor(quality=5)
    step = bytes(1024 * 1024)
    parts = [compressor.process(step) for _ in range(BOMB_BYTES // len(step))]
    return b"".join(parts) + bytes(compressor.finish())


def _encode(name: str, data: bytes) -> bytes:
    """``data`` under one Content-Encoding."""
    import brotli

    if name == "gzip":
        compressor = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
        return compressor.compress(data) + compressor.flush()
    if name == "deflate":
        return zlib.compress(data, 9)
    if name == "br":
        return bytes(brotli.compress(data))
    raise ValueError(name)


def bomb(encoding: str) -> bytes:
    """A body that decodes to BOMB_BYTES of zeros under ``encoding`` (comma-separated tokens in
    the order they were applied, as in the header)."""
    names = [name.strip() for name in encoding.split(",")]
    first, rest = names[0], names[1:]
    body = _zeros_brotli() if first == "br" else _zeros_compressed(_wbits(first))
    for name in rest:
        body = _encode(name, body)
    return body


def _wbits(name: str) -> int:
    """zlib's framing for a Content-Encoding."""
    return zlib.MAX_WBITS | 16 if name == "gzip" else zlib.MAX_WBITS


def pixel_bomb() -> bytes:
    """A PNG of a few dozen bytes whose header claims 50000 x 50000 pixels."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + data))
        return struct.pack(">I", len(data)) + kind + data + crc

    header = struct.pack(">IIBBBBB", 50000, 50000, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b""))
        + chunk(b"IEND", b"")
    )


def truncated_jpeg() -> bytes:
    """A real JPEG cut off half way."""
    from tests.newsroom import photo_bytes

    whole = photo_bytes((40, 90, 140))
    return whole[: len(whole) // 2]


def rss(title: str, items: list[tuple[str, str]], base: str) -> bytes:
    """An RSS feed whose entries (title, slug) carry full content, so no page is fetched."""
    from html import escape

    entries = "".join(
        f"<item><title>{escape(t)}</title><link>{base}/news/{s}</link><guid>{base}/news/{s}</guid>"
        f"<description>Summary.</description>"
        f"<content:encoded><![CDATA[<p>The whole story of {escape(t)}.</p>]]></content:encoded>"
        "</item>"
        for t, s in items
    )
    return (
        '<?xml version="1.0"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        f"<title>{escape(title)}</title><link>{base}/</link>{entries}</channel></rss>"
    ).encode()


def rss_with_photo(title: str, photo_url: str, base: str) -> bytes:
    """An RSS feed of one entry with full content whose Media RSS photo is ``photo_url``."""
    return (
        '<?xml version="1.0"?><rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        f"<title>{title}</title><link>{base}/</link><item><title>Pictured story</title>"
        f"<link>{base}/news/pictured</link><description>Summary.</description>"
        "<content:encoded><![CDATA[<p>A whole story with a picture.</p>]]></content:encoded>"
        f'<media:content url="{photo_url}" medium="image" type="image/png"/></item>'
        "</channel></rss>"
    ).encode()


def json_feed_with_huge_number(base: str, digits: int = 5000) -> bytes:
    """A JSON Feed whose one entry carries a number longer than Python will parse as an int."""
    item = f'{{"id": "{base}/x", "url": "{base}/x", "title": "Big", "content_text": "Text."'
    item += f', "_count": {"9" * digits}}}'
    return (
        f'{{"version": "https://jsonfeed.org/version/1.1", "title": "Numbers", '
        f'"home_page_url": "{base}/", "items": [{item}]}}'
    ).encode()


def deep_json(depth: int = 100_000) -> bytes:
    """A JSON Feed nested ``depth`` arrays deep."""
    return (
        b'{"version": "https://jsonfeed.org/version/1", "title": "Deep", "items": '
        + b"[" * depth
        + b"]" * depth
        + b"}"
    )


def deep_xml(depth: int = 100_000) -> bytes:
    """An RSS document nested ``depth`` elements deep."""
    return b'<?xml version="1.0"?><rss version="2.0"><channel><title>Deep</title>' + (
        b"<a>" * depth + b"</a>" * depth + b"</channel></rss>"
    )


def deep_opml(depth: int = 10_000, feed: str = "http://127.0.0.1:9/feed.xml") -> bytes:
    """An OPML document with outlines nested ``depth`` levels, a feed at every level."""
    opening = f'<outline text="Level" type="rss" xmlUrl="{feed}">'
    return (
        '<?xml version="1.0"?><opml version="2.0"><head><title>Deep</title></head><body>'
        + opening * depth
        + "</outline>" * depth
        + "</body></opml>"
    ).encode()


def guid_only_rss(entries: int) -> bytes:
    """An RSS feed of ``entries`` items that have a permalink guid and no link."""
    items = "".join(
        f'<item><title>Story {n}</title><guid isPermaLink="true">https://example.test/s/{n}</guid>'
        f"<description>Entry {n}.</description></item>"
        for n in range(entries)
    )
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Many</title>'
        f"<link>https://example.test/</link>{items}</channel></rss>"
    ).encode()


@dataclass
class HostileSite:
    """Serves the hostile cases on a local server."""

    server: HTTPServer

    def url(self, path: str) -> str:
        """The full address of a path on the site."""
        return self.server.url_for(path)

    def serve(
        self,
        path: str,
        body: bytes,
        content_type: str = "application/rss+xml",
        headers: dict[str, str] | None = None,
    ) -> str:
        """Answer ``path`` with ``body`` exactly as given, with these headers; return its URL."""
        extra = dict(headers or {})

        def handle(request: Request) -> Response:
            response = Response(body, status=200, content_type=content_type)
            for name, value in extra.items():
                response.headers[name] = value
            return response

        self.server.expect_request(path).respond_with_handler(handle)
        return self.url(path)

    def serve_bomb(self, path: str, encoding: str, content_type: str) -> str:
        """A compression bomb under ``encoding``; return its URL."""
        return self.serve(path, bomb(encoding), content_type, {"Content-Encoding": encoding})

    def serve_redirect(self, path: str, target: str, status: int = 302) -> str:
        """A redirect to ``target``; return its URL."""
        self.server.expect_request(path).respond_with_response(
            Response(status=status, headers={"Location": target})
        )
        return self.url(path)

    def serve_json(self, path: str, document: object) -> str:
        """A JSON document; return its URL."""
        return self.serve(path, json.dumps(document).encode(), "application/json")


@dataclass(frozen=True)
class Measured:
    """A finished command: its exit code, what it printed, and its peak memory in MB."""

    returncode: int
    stdout: str
    stderr: str
    peak_mb: float


# Run in the child: the command as ``python -m desktop`` runs it, then its own peak memory
# written to a file. A child's rusage would count the test process's memory as its floor (Linux
# keeps the high-water mark of the memory a process was forked from), so the child reports the
# mark of its own memory (VmHWM, reset by exec) and of the parsing processes it started.
_MEASURED = """
import atexit, resource, runpy, sys
def report():
    own = 0
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                own = int(line.split()[1])
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    with open(peak_file, "w") as out:
        out.write(str(max(own, children)))
peak_file = sys.argv[1]
atexit.register(report)
sys.argv = ["broadsheet", *sys.argv[2:]]
runpy.run_module("desktop", run_name="__main__", alter_sys=True)
"""


def run_measured(data: Path, *arguments: str, env: dict[str, str] | None = None) -> Measured:
    """Run the command line on ``data`` in a child process and measure its peak resident memory
    (its own, and that of the processes it started)."""
    with tempfile.TemporaryDirectory() as folder:
        peak = Path(folder) / "peak"
        result = subprocess.run(
            [sys.executable, "-c", _MEASURED, str(peak), "--data-dir", str(data), *arguments],
            capture_output=True,
            cwd=ROOT,
            env=env,
            check=False,
            timeout=300,
        )
        return Measured(
            result.returncode,
            result.stdout.decode("utf-8", "replace"),
            result.stderr.decode("utf-8", "replace"),
            int(peak.read_text()) / 1024,
        )


class SameHostTwoSchemes:
    """A server that speaks https and plain http on one port, so that https://host:port and
    http://host:port are the same host: its https side redirects every request to the same path
    over http, and it keeps the headers of every plain-http request it receives."""

    def __init__(self, folder: Path) -> None:
        """A certificate for 127.0.0.1 made with openssl in ``folder``; the listening socket."""
        import socket
        import ssl

        self.certificate = folder / "cert.pem"
        key = folder / "key.pem"
        subprocess.run(
            ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
             "-keyout", str(key), "-out", str(self.certificate), "-subj", "/CN=127.0.0.1",
             "-addext", "subjectAltName=IP:127.0.0.1"],
            check=True, capture_output=True,
        )  # fmt: skip
        self._tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        self._tls.load_cert_chain(self.certificate, key)
        self._socket = socket.create_server(("127.0.0.1", 0))
        self.port = self._socket.getsockname()[1]
        self.plain_headers: list[dict[str, str]] = []
        import threading

        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def url(self, scheme: str, path: str) -> str:
        """The address of ``path`` under ``scheme``."""
        return f"{scheme}://127.0.0.1:{self.port}{path}"

    def close(self) -> None:
        """Stop listening."""
        self._socket.close()

    def _serve(self) -> None:
        """Answer connections one at a time until the socket is closed."""
        import socket

        while True:
            try:
                connection, _ = self._socket.accept()
            except OSError:
                return
            stream = connection
            try:
                first = connection.recv(1, socket.MSG_PEEK)
                if first == b"\x16":  # a TLS handshake begins with this byte
                    stream = self._tls.wrap_socket(connection, server_side=True)
                self._answer(stream, stream is not connection)
            except OSError:
                pass
            finally:
                stream.close()
                connection.close()

    def _answer(self, stream: Any, secure: bool) -> None:
        """Read one request's head and answer it."""
        head = b""
        while b"\r\n\r\n" not in head:
            chunk = stream.recv(4096)
            if not chunk:
                return
            head += chunk
        lines = head.split(b"\r\n\r\n")[0].decode("latin-1").split("\r\n")
        path = lines[0].split(" ")[1]
        headers = {
            n.strip().lower(): v.strip() for n, _, v in (h.partition(":") for h in lines[1:])
        }
        if secure:
            answer = f"HTTP/1.1 302 Found\r\nLocation: {self.url('http', path)}\r\n"
            stream.sendall((answer + "Content-Length: 0\r\nConnection: close\r\n\r\n").encode())
            return
        self.plain_headers.append(headers)
        body = b'{"error": "no"}'
        stream.sendall(
            b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n"
            + f"Content-Length: {len(body)}\r\n\r\n".encode()
            + body
        )


@functools.cache
def flat_png(width: int, height: int, mode: str = "RGBA") -> bytes:
    """A PNG of one colour: a few hundred KB on the wire, width x height pixels decoded."""
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new(mode, (width, height), "#1e5a8c").save(out, "PNG")
    return out.getvalue()


def swollen_page(elements: int = 300_000) -> bytes:
    """A page of a few MB holding an article and a great many tiny elements."""
    story = "".join(
        f"<p>Paragraph {n} of the story tells what happened at the harbour in full today.</p>"
        for n in range(6)
    )
    return (
        f"<html><head><title>Swollen</title></head><body><article>{story}".encode()
        + b"<span>x</span>" * elements
        + b"</article></body></html>"
    )
