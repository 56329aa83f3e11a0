"""The request handler the benchmarks' and the soak's local servers share: HTTP/1.1 keep-alive,
whole answers with their length, and no log line per request (they serve thousands)."""

from __future__ import annotations

from http.server import BaseHTTPRequestHandler


class QuietHandler(BaseHTTPRequestHandler):
    """Answers whole bodies over kept-alive connections and logs nothing."""

    protocol_version = "HTTP/1.1"

    def answer(self, body: bytes, media_type: str, status: int = 200) -> None:
        """Send one whole answer."""
        self.send_response(status)
        self.send_header("Content-Type", media_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Log nothing: these servers answer thousands of requests."""
        return
