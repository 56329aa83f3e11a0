"""Telling documents apart by their content: feeds, OPML lists, web pages and saved pages."""

from __future__ import annotations

import codecs
import random
from pathlib import Path

import pytest

from desktop.ingest.detect import DocumentKind, detect

FIXTURES = Path(__file__).parent.parent / "fixtures"
FEED, OPML, HTML = DocumentKind.FEED, DocumentKind.OPML, DocumentKind.HTML
TEXT_PAGE, UNKNOWN = DocumentKind.TEXT_PAGE, DocumentKind.UNKNOWN

RSS = b'<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel/></rss>'
ATOM = b'<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title></feed>'
RDF = (
    b'<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"'
    b' xmlns="http://purl.org/rss/1.0/"><channel/></rdf:RDF>'
)
JSON_FEED = b'{"title": "T", "items": [], "version": "https://jsonfeed.org/version/1.1"}'
PAGE = b"<!DOCTYPE html>\n<html><head><title>Paper</title></head><body></body></html>"


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (RSS, FEED),
        (ATOM, FEED),
        (RDF, FEED),
        (JSON_FEED, FEED),
        (PAGE, HTML),
        (b"<html><body><p>x</p></body></html>", HTML),
        (b"<HEAD><TITLE>Old</TITLE></HEAD>", HTML),
        (b"<body>x</body>", HTML),
        (b"<article><h1>x</h1></article>", HTML),
        (b'<!doctype HTML PUBLIC "-//W3C//DTD HTML 4.01//EN">\n<p>x', HTML),
        (b'<opml version="1.0"><body/></opml>', OPML),
    ],
)
def test_content_decides_the_kind(data: bytes, kind: DocumentKind) -> None:
    assert detect(data) is kind


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("opml/folders.opml", OPML),
        ("opml/nested.opml", OPML),
        ("opml/opml1.opml", OPML),
        ("opml/latin1.opml", OPML),
        ("opml/bomb.opml", OPML),
        ("opml/malformed.opml", OPML),
        ("opml/not-opml.xml", FEED),
        ("pages/saved-page.txt", TEXT_PAGE),
    ],
)
def test_fixtures(name: str, kind: DocumentKind) -> None:
    assert detect((FIXTURES / name).read_bytes(), name) is kind


def test_byte_order_marks_whitespace_and_comments_are_looked_past() -> None:
    prolog = b'\n  <?xml version="1.0"?>\n<!-- exported -->\n<?xml-stylesheet href="s.xsl"?>\n '
    assert detect(codecs.BOM_UTF8 + prolog + b"<rss/>") is FEED
    assert detect(b"<!-- a comment with <html> in it -->\n<opml/>") is OPML
    assert detect(b"\xef\xbb\xbf  <!-- build 7 -->\n<!DOCTYPE html><html></html>") is HTML


def test_a_non_html_doctype_is_looked_past() -> None:
    netscape = (
        b'<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN"\n'
        b' "http://my.netscape.com/publish/formats/rss-0.91.dtd">\n<rss version="0.91"/>'
    )
    assert detect(netscape) is FEED
    assert detect(b'<!DOCTYPE opml [ <!ENTITY a "]"> ]>\n<opml/>') is OPML


@pytest.mark.parametrize(
    "codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"]
)
def test_wide_encodings_are_read_with_or_without_a_byte_order_mark(codec: str) -> None:
    assert detect('<?xml version="1.0"?><feed/>'.encode(codec)) is FEED
    assert detect('<opml version="2.0"><body/></opml>'.encode(codec)) is OPML
    assert detect(PAGE.decode().encode(codec)) is HTML


@pytest.mark.parametrize("mark", [codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE])
def test_utf32_with_either_byte_order_mark(mark: bytes) -> None:
    codec = "utf-32-le" if mark == codecs.BOM_UTF32_LE else "utf-32-be"
    assert detect(mark + RSS.decode().encode(codec)) is FEED


@pytest.mark.parametrize("name", ["utf32le.xml", "utf32be.xml", "xhtml-doctype.xml"])
def test_feed_fixtures_in_utf32_or_after_an_xhtml_doctype(name: str) -> None:
    assert detect((FIXTURES / "feeds" / name).read_bytes(), name) is FEED


def test_an_html_doctype_gives_way_to_a_feed_root() -> None:
    xhtml = b'<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "x.dtd">\n'
    assert detect(xhtml + b'<rss version="2.0"/>') is FEED
    assert detect(b"<!DOCTYPE html>\n<feed/>") is FEED
    assert detect(xhtml + b"<opml/>") is OPML
    assert detect(xhtml + b"<html/>") is HTML
    assert detect(b"<!DOCTYPE html>\n<table/>") is HTML  # an HTML doctype, a fragment
    assert detect(b"<!DOCTYPE html>\nHello") is HTML


def test_a_text_page_with_a_bom_and_windows_line_ends() -> None:
    page = (FIXTURES / "pages" / "saved-page.txt").read_text(encoding="utf-8")
    assert detect(codecs.BOM_UTF8 + page.replace("\n", "\r\n").encode()) is TEXT_PAGE
    assert detect(page.encode("utf-16")) is TEXT_PAGE
    assert detect(page.encode("utf-32-le")) is TEXT_PAGE
    assert detect(page.encode("utf-32-be")) is TEXT_PAGE


def test_the_name_never_overrides_the_content() -> None:
    assert detect(RSS, "page.html") is FEED
    assert detect(PAGE, "feed.xml") is HTML
    assert detect(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "feed.rss") is UNKNOWN
    assert detect(b"plain words", "subscriptions.opml") is UNKNOWN


def test_the_name_settles_an_unrecognised_fragment() -> None:
    assert detect(b"<table><tr><td>x</td></tr></table>", "Page.HTM") is HTML
    assert detect(b"<table><tr><td>x</td></tr></table>", "page.xml") is UNKNOWN
    assert detect(b"<table><tr><td>x</td></tr></table>") is UNKNOWN


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"   \n\t",
        b'{"version": "1.0", "items": []}',
        b'["https://jsonfeed.org/version/1"]',
        b"{not json",
        b"[" * 100_000,
        b"{" * 100_000,
        b"Just a line of prose - with a dash.\nAnd another.",
        b"<!-- never closed <rss>",
        b"\x1f\x8b\x08\x00\x01\x02\x03\x04\x05\x06\x07\x0e\x0f\x10",
        bytes(random.Random(7).randrange(256) for _ in range(20_000)),
    ],
)
def test_anything_else_is_unknown(data: bytes) -> None:
    assert detect(data) is UNKNOWN
