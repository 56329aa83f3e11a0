"""Feeds as real sites write them, through the command line: tags written as text in titles and
bodies, a doctype left over from an XHTML template, UTF-32, and OPML folders named by their text.
Each is imported from a file and subscribed to on a local server, as a person would."""

from __future__ import annotations

import codecs
import json
import re
from pathlib import Path
from typing import Any

import pytest
from pytest_httpserver import HTTPServer

from tests.commands import broadsheet

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
FEEDS = FIXTURES / "feeds"
BLINK = "History of the <blink> tag"
MARKUP_NOTES = "Notes on <markup>"
# Where the fixtures' links point. Served, they point to the local server instead, whose article
# pages are gone (404): fetching the full article behind an entry never leaves this machine, and
# the entry keeps its summary.
FIXTURE_SITE = "https://courier.example"
CODECS = {"utf32le.xml": "utf-32-le", "utf32be.xml": "utf-32-be"}
_ARTICLE_PAGES = re.compile(r"^/(?!feeds/)")


def run(data: Path, *arguments: str) -> Any:
    """Run a command that must succeed, with ``--json``; what it printed, parsed."""
    result = broadsheet(data, *arguments, "--json")
    assert result.returncode == 0, result.stdout + result.stderr
    return json.loads(result.stdout)


def rows_of(data: Path, source: str) -> list[dict[str, Any]]:
    """The list rows of one source's stored articles."""
    return [row for row in run(data, "list", "--limit", "100") if row["source"] == source]


def subscriptions(data: Path) -> list[dict[str, Any]]:
    """The feeds subscribed to, without the sample edition's sources."""
    return [source for source in run(data, "feeds", "list") if source["kind"] == "feed"]


def shown(data: Path, row: dict[str, Any]) -> dict[str, Any]:
    """A listed article as ``show`` gives it."""
    article: dict[str, Any] = run(data, "show", str(row["id"]))
    return article


def ending(rows: list[dict[str, Any]], path: str) -> dict[str, Any]:
    """The one row whose link ends with ``path``."""
    (row,) = [row for row in rows if (row["url"] or "").endswith(path)]
    return row


def publish(server: HTTPServer, name: str, content_type: str, declared: bool = True) -> str:
    """Serve a fixture feed, its links pointing to the local server (and without its encoding
    declaration unless ``declared``); return its address."""
    codec = CODECS.get(name, "utf-8")
    site = server.url_for("/").rstrip("/")
    text = (FEEDS / name).read_bytes().decode(codec).replace(FIXTURE_SITE, site)
    if not declared:
        text = re.sub(r' encoding="[^"]*"', "", text, count=1)
    server.expect_request(f"/feeds/{name}").respond_with_data(
        text.encode(codec), content_type=content_type
    )
    server.expect_request(_ARTICLE_PAGES).respond_with_data("Gone", status=404)
    return server.url_for(f"/feeds/{name}")


# Tags written as text


def test_importing_feeds_keeps_tags_written_as_text(tmp_path: Path) -> None:
    data = tmp_path / "profile"
    for name in ("escaped-atom.xml", "escaped-rss.xml"):
        assert run(data, "import", str(FEEDS / name))["title"] == MARKUP_NOTES
    rows = rows_of(data, MARKUP_NOTES)
    assert sorted(row["title"] for row in rows) == sorted(
        [BLINK] * 6  # in the four ways of Atom and two of RSS
        + ["The <b> and <i> tags, compared", "The tide turns at noon", "Storm closes the port"]
    )
    text = shown(data, ending(rows, "/markup/text"))
    assert text["summary"] == "Why the <blink> tag went."
    assert text["body_html"] == "<p>The &lt;blink&gt; tag made text flash, as plain text says.</p>"
    cdata = shown(data, ending(rows, "/markup/cdata"))
    assert cdata["body_html"] == (
        "<p>The &lt;blink&gt; tag made text <em>flash</em>, as HTML in CDATA says.</p>"
    )
    listing = broadsheet(data, "list", "--limit", "100").stdout
    assert f"{MARKUP_NOTES}: {BLINK}" in listing
    bold = ending(rows, "/markup/bold")
    printed = broadsheet(data, "show", str(bold["id"])).stdout
    assert printed.startswith("The <b> and <i> tags, compared\n")


def test_subscribing_keeps_tags_written_as_text(httpserver: HTTPServer, tmp_path: Path) -> None:
    data = tmp_path / "profile"
    url = publish(httpserver, "escaped-rss.xml", "application/rss+xml; charset=utf-8")
    added = run(data, "feeds", "add", url)
    assert (added["title"], added["new"]) == (MARKUP_NOTES, 4)
    rows = rows_of(data, MARKUP_NOTES)
    assert sorted(row["title"] for row in rows) == sorted(
        [BLINK, BLINK, "The <b> and <i> tags, compared", "Storm closes the port"]
    )
    twice = shown(data, ending(rows, "/markup/twice"))
    assert (twice["title"], twice["body_html"]) == (BLINK, "Why the &lt;blink&gt; tag went.")
    (listed,) = subscriptions(data)
    assert (listed["title"], listed["error"]) == (MARKUP_NOTES, None)


# Feeds made from XHTML templates, and feeds in UTF-32


def test_importing_a_feed_after_an_xhtml_doctype(tmp_path: Path) -> None:
    data = tmp_path / "profile"
    imported = run(data, "import", str(FEEDS / "xhtml-doctype.xml"))
    assert imported["title"] == "Courier Arts & Letters"
    (concerts,) = rows_of(data, "Courier Arts & Letters")
    assert concerts["title"] == "Café concert season opens"


@pytest.mark.parametrize("content_type", ["text/xml", "application/xhtml+xml"])
def test_subscribing_to_a_feed_after_an_xhtml_doctype(
    httpserver: HTTPServer, tmp_path: Path, content_type: str
) -> None:
    data = tmp_path / "profile"
    url = publish(httpserver, "xhtml-doctype.xml", content_type)
    added = run(data, "feeds", "add", url)
    assert (added["url"], added["title"], added["new"]) == (url, "Courier Arts & Letters", 1)
    (source,) = subscriptions(data)
    assert source["error"] is None  # its entities are the doctype's: no note of a broken feed
    (concerts,) = rows_of(data, "Courier Arts & Letters")
    assert concerts["title"] == "Café concert season opens"
    (outcome,) = run(data, "refresh", "--no-images")
    assert (outcome["new"], outcome["error"]) == (0, None)  # read again, nothing new


@pytest.mark.parametrize("name", ["utf32le.xml", "utf32be.xml"])
@pytest.mark.parametrize("declared", [True, False], ids=["declared", "undeclared"])
def test_subscribing_to_a_utf32_feed(
    httpserver: HTTPServer, tmp_path: Path, name: str, declared: bool
) -> None:
    data = tmp_path / "profile"
    url = publish(httpserver, name, "application/rss+xml", declared)
    added = run(data, "feeds", "add", url)
    assert (added["url"], added["title"], added["new"]) == (url, "Courier Wide Edition", 2)
    (source,) = subscriptions(data)
    assert source["error"] is None  # no note of a character set it never declared
    rows = rows_of(data, "Courier Wide Edition")
    assert ending(rows, "/wide/summer")["title"] == "Été à Zürich: 🌞 every day"
    assert ending(rows, "/wide/winter")["title"] == "Winter timetable"  # its guid is its link
    (outcome,) = run(data, "refresh", "--no-images")
    assert (outcome["new"], outcome["error"]) == (0, None)


@pytest.mark.parametrize("name", ["utf32le.xml", "utf32be.xml"])
@pytest.mark.parametrize("marked", [False, True], ids=["no mark", "byte-order mark"])
def test_importing_a_utf32_feed(tmp_path: Path, name: str, marked: bool) -> None:
    data = tmp_path / "profile"
    mark = {"utf32le.xml": codecs.BOM_UTF32_LE, "utf32be.xml": codecs.BOM_UTF32_BE}[name]
    document = tmp_path / name
    document.write_bytes((mark if marked else b"") + (FEEDS / name).read_bytes())
    assert run(data, "import", str(document))["title"] == "Courier Wide Edition"
    rows = rows_of(data, "Courier Wide Edition")
    assert sorted(row["title"] for row in rows) == [
        "Winter timetable",
        "Été à Zürich: 🌞 every day",
    ]
    assert ending(rows, "/wide/winter")["title"] == "Winter timetable"  # its guid is its link


# OPML folders


def test_opml_folders_are_named_by_their_text(tmp_path: Path) -> None:
    data = tmp_path / "profile"
    result = broadsheet(data, "import", str(FIXTURES / "opml" / "folder-names.opml"))
    assert result.returncode == 0, result.stderr
    folders = {source["title"]: source["folder"] for source in subscriptions(data)}
    assert folders == {
        "Harbour Gazette": "Local news",
        "Rowing Club": "Local news / Sport & Leisure",
        "Tides": "Science",
    }
    exported = tmp_path / "again.opml"
    assert broadsheet(data, "opml", "export", str(exported)).returncode == 0
    other = tmp_path / "other"
    assert broadsheet(other, "opml", "import", str(exported)).returncode == 0
    assert {s["title"]: s["folder"] for s in subscriptions(other)} == folders
