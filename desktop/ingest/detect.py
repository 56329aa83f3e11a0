"""Telling what a document is from its content: a feed, an OPML list, a web page or a saved page.

The content decides; a file name only tips an unrecognised markup fragment named ``.html`` over
to HTML. Byte order marks, UTF-16 and UTF-32 (with a mark or without), XML declarations,
comments, processing instructions and doctypes before the first element are all looked past: an
HTML or XHTML doctype makes a web page only when the root element is no feed's or OPML's (some
feeds are made from XHTML templates and keep their doctype).
"""

from __future__ import annotations

import codecs
import enum
import json
import re
from pathlib import PurePath

from desktop.ingest.byteorder import wide_encoding
from desktop.ingest.textpage import looks_like_text_page

_PROLOG = re.compile(
    r"\s*(?:<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^\[>]*(?:\[.*?\])?\s*>)",
    re.DOTALL | re.IGNORECASE,
)
_HTML_DOCTYPE = re.compile(r"<!DOCTYPE\s+html\b", re.IGNORECASE)
_ROOT = re.compile(r"<([A-Za-z_][\w.\-]*(?::[A-Za-z_][\w.\-]*)?)[\s/>]")
FEED_ROOTS = frozenset({"rss", "rdf", "feed"})
HTML_ROOTS = frozenset(
    {"html", "head", "body", "article", "main", "section", "div", "p", "meta", "title", "link",
     "script", "style"}
)  # fmt: skip
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSON_FEED_VERSIONS = ("https://jsonfeed.org/version/", "http://jsonfeed.org/version/")
SNIFF_BYTES = 4096
CONTROL_SHARE = 0.1


class DocumentKind(enum.Enum):
    """What kind of document some bytes hold."""

    FEED = "feed"
    OPML = "opml"
    HTML = "html"
    TEXT_PAGE = "text_page"
    UNKNOWN = "unknown"


def detect(data: bytes, name: str | None = None) -> DocumentKind:
    """Tell what ``data`` is from its content; ``name`` only settles unrecognised markup."""
    text = _decode(data)
    if text is None:
        return DocumentKind.UNKNOWN
    text = text.lstrip("\ufeff")
    start = _skip_prolog(text)
    root = _by_root(start) if start.startswith("<") else None
    if root in {DocumentKind.FEED, DocumentKind.OPML}:
        return root
    if _HTML_DOCTYPE.search(text, 0, len(text) - len(start)):
        return DocumentKind.HTML
    if start.startswith("<"):
        return root or _by_name(name)
    if start.startswith("{"):
        return DocumentKind.FEED if _is_json_feed(start) else DocumentKind.UNKNOWN
    return DocumentKind.TEXT_PAGE if looks_like_text_page(text) else DocumentKind.UNKNOWN


def _decode(data: bytes) -> str | None:
    """The text of ``data`` in its marked or likely encoding, or None when it is binary."""
    wide = wide_encoding(data)
    if wide is not None:
        return wide.decode(data)
    data = data.removeprefix(codecs.BOM_UTF8)
    if b"\x00" in data[:SNIFF_BYTES]:
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("latin-1")  # markup is ASCII; other 8-bit text only needs sniffing
    return None if _is_binary(text[:SNIFF_BYTES]) else text


def _is_binary(head: str) -> bool:
    """Whether the start of a text has too many control characters to be text."""
    controls = sum(1 for char in head if ord(char) < 32 and char not in "\t\n\r\f")
    return controls > CONTROL_SHARE * max(len(head), 1)


def _skip_prolog(text: str) -> str:
    """``text`` from its first element, past declarations, comments and non-HTML doctypes."""
    position = 0
    while found := _PROLOG.match(text, position):
        position = found.end()
    return text[position:].lstrip()


def _by_root(markup: str) -> DocumentKind | None:
    """The kind a document's first element names, if it names one."""
    found = _ROOT.match(markup)
    if found is None:
        return None
    local = found[1].rpartition(":")[2].lower()
    if local in FEED_ROOTS:
        return DocumentKind.FEED
    if local == "opml":
        return DocumentKind.OPML
    return DocumentKind.HTML if local in HTML_ROOTS else None


def _by_name(name: str | None) -> DocumentKind:
    """HTML for markup in a file named like a web page, else unknown."""
    suffix = PurePath(name).suffix.lower() if name else ""
    return DocumentKind.HTML if suffix in HTML_SUFFIXES else DocumentKind.UNKNOWN


def _is_json_feed(text: str) -> bool:
    """Whether ``text`` is a JSON Feed document (an object naming a jsonfeed.org version)."""
    try:
        document = json.loads(text)
    except (ValueError, RecursionError):
        return False
    version = document.get("version") if isinstance(document, dict) else None
    return isinstance(version, str) and version.startswith(JSON_FEED_VERSIONS)
