"""Reading and writing OPML subscription lists: folders, old files, round trips and bad input."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from desktop.ingest.opml import OpmlError, OutlineFeed, read_opml, write_opml

FIXTURES = Path(__file__).parent.parent / "fixtures" / "opml"


def read_fixture(name: str) -> list[OutlineFeed]:
    """The feeds of one OPML fixture."""
    return read_opml((FIXTURES / name).read_bytes())


# reading


def test_feeds_keep_their_folders_and_duplicates_are_dropped() -> None:
    assert read_fixture("folders.opml") == [
        OutlineFeed(
            "Harbour Gazette",
            "https://gazette.example/feed.xml",
            "https://gazette.example/",
            "News",
        ),
        OutlineFeed("Valley Courier", "https://courier.example/rss", None, "News"),
        OutlineFeed(
            "Tides & Currents",
            "https://tides.example/atom.xml?lang=en&full=1",
            "https://tides.example/",
            "Science & Nature",
        ),
        OutlineFeed(
            "Carrowmere Herald",
            "https://herald.example/index.xml",
            "https://herald.example/",
            None,
        ),
    ]


def test_nested_folders_are_joined() -> None:
    assert read_fixture("nested.opml") == [
        OutlineFeed(
            "Fjord Post",
            "https://fjord.example/feed",
            "https://fjord.example/",
            "World / Europe / North",
        ),
        OutlineFeed("Canal Daily", "https://canal.example/rss.xml", None, "World / Europe"),
        OutlineFeed("Globe Wire", "https://globe.example/feed.json", None, "World"),
    ]


def test_a_folder_is_named_by_its_text_then_its_title() -> None:
    assert [(feed.title, feed.folder) for feed in read_fixture("folder-names.opml")] == [
        ("Harbour Gazette", "Local news"),
        ("Rowing Club", "Local news / Sport & Leisure"),
        ("Tides", "Science"),  # a blank text falls back to the title
    ]


def test_a_list_without_folders() -> None:
    assert read_fixture("flat.opml") == [
        OutlineFeed("Alpha Times", "https://alpha.example/feed", None, None),
        OutlineFeed("Beta Weekly", "https://beta.example/atom.xml", "https://beta.example", None),
        OutlineFeed("Gamma Notes", "https://gamma.example/rss", None, None),
    ]


def test_opml_1_with_lower_case_attributes_and_url_outlines() -> None:
    assert read_fixture("opml1.opml") == [
        OutlineFeed("Café Society", "https://cafe.example/rss.xml", "https://cafe.example/", None),
        OutlineFeed("Old Style", "https://old.example/index.rdf", None, None),
    ]


def test_a_declared_latin_1_encoding_is_honoured() -> None:
    assert [feed.title for feed in read_fixture("latin1.opml")] == ["Café Gazette"]


def test_an_untitled_feed_is_named_by_its_address() -> None:
    data = b'<opml version="2.0"><body><outline xmlUrl="https://x.example/f"/></body></opml>'
    assert read_opml(data) == [
        OutlineFeed("https://x.example/f", "https://x.example/f", None, None)
    ]


def test_an_empty_body_lists_nothing() -> None:
    assert read_opml(b'<opml version="2.0"><head/><body/></opml>') == []


# writing


def test_write_then_read_gives_the_same_feeds() -> None:
    feeds = [
        OutlineFeed('Quotes "and" <tags>', "https://q.example/feed?a=1&b=2", None, None),
        OutlineFeed("Fjord Post", "https://fjord.example/feed", "https://fjord.example/", "World"),
        OutlineFeed("Deep", "https://deep.example/rss", None, "World / Europe / North"),
        OutlineFeed("Ünïcödé 新聞", "https://u.example/atom.xml", None, "Science & Nature"),
    ]
    assert read_opml(write_opml(feeds)) == feeds


def test_every_fixture_round_trips() -> None:
    for name in ("folders.opml", "nested.opml", "flat.opml", "opml1.opml"):
        feeds = read_fixture(name)
        assert read_opml(write_opml(feeds)) == feeds, name


def test_written_opml_is_version_2_utf_8_with_nested_folders() -> None:
    data = write_opml(
        [OutlineFeed("A", "https://a.example/feed", "https://a.example/", "World / Europe")],
        title="My feeds",
    )
    assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<opml version="2.0">')
    root = ET.fromstring(data)
    assert root.findtext("head/title") == "My feeds"
    world = root.find("body/outline")
    assert world is not None and world.get("text") == "World"
    feed = world.find("outline/outline")
    assert feed is not None
    assert feed.attrib == {
        "type": "rss",
        "text": "A",
        "title": "A",
        "xmlUrl": "https://a.example/feed",
        "htmlUrl": "https://a.example/",
    }


def test_feeds_of_a_folder_are_written_together() -> None:
    feeds = [
        OutlineFeed("A", "https://a.example/f", None, "News"),
        OutlineFeed("B", "https://b.example/f", None, None),
        OutlineFeed("C", "https://c.example/f", None, "News"),
    ]
    assert [feed.title for feed in read_opml(write_opml(feeds))] == ["A", "C", "B"]


def test_control_characters_are_left_out_of_written_opml() -> None:
    feeds = [OutlineFeed("Bell\x07 and null\x00", "https://a.example/f", None, "Fold\x1ber")]
    assert read_opml(write_opml(feeds)) == [
        OutlineFeed("Bell and null", "https://a.example/f", None, "Folder")
    ]


def test_an_empty_list_writes_an_empty_body() -> None:
    assert read_opml(write_opml([])) == []


# errors


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("malformed.opml", "not well-formed XML"),
        ("bomb.opml", "declares XML entities"),
        ("external-entity.opml", "declares XML entities"),
        ("not-opml.xml", "not an OPML subscription list"),
    ],
)
def test_bad_files_are_refused_in_one_sentence(name: str, message: str) -> None:
    with pytest.raises(OpmlError, match=message) as caught:
        read_fixture(name)
    assert str(caught.value).count(". ") == 0 and str(caught.value).endswith(".")


@pytest.mark.parametrize(
    "data",
    [b"", b"just some text", b"\x89PNG\r\n\x1a\n\x00\x00", b"<opml version='2.0'><head/></opml>"],
)
def test_other_input_is_refused(data: bytes) -> None:
    with pytest.raises(OpmlError):
        read_opml(data)
