"""Reading feeds into entries: every format gives the titles, links, bylines, times, HTML and photos
a reader would see; broken documents give a plain sentence or entries with a note."""

from __future__ import annotations

import codecs
import dataclasses
import json
import random
import socket
from datetime import UTC, datetime
from pathlib import Path

import pytest

from desktop.ingest.feeds import FeedEntry, FeedParseError, ParsedFeed, is_feed, parse_feed
from desktop.ingest.figures import BodyImage

FEEDS = Path(__file__).parent.parent / "fixtures" / "feeds"
REL = 'rel="noopener noreferrer"'
FEED_FILES = ["rss091.xml", "rss092.xml", "rss10-rdf.xml", "rss20.xml", "atom03.xml",
              "atom10.xml", "jsonfeed10.json", "jsonfeed11.json", "not-well-formed.xml",
              "wrong-charset.xml", "entities.xml", "hostile.xml", "escaped-atom.xml",
              "escaped-rss.xml", "xhtml-doctype.xml", "utf32le.xml", "utf32be.xml"]  # fmt: skip
BLINK = "History of the <blink> tag"
# What must never reach the reader from a feed's HTML.
FORBIDDEN = ("<script", "onerror", "onclick", "javascript:", "style=", "<iframe", "<object",
             "<embed", "<svg", "<form", "<link", "data:", "ads.example")  # fmt: skip


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail any test that tries to connect anywhere (a DTD, a stylesheet, an image)."""

    def refuse(*args: object) -> None:
        """Stand in for connecting."""
        raise AssertionError("parsing a feed tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def address(name: str) -> str:
    """Where a fixture pretends to have been fetched from."""
    return f"https://courier.example/feeds/{name}"


def parse(name: str, content_type: str | None = None) -> ParsedFeed:
    """A fixture feed, parsed as if fetched from the Courier's feed folder."""
    return parse_feed((FEEDS / name).read_bytes(), address(name), content_type)


def rss(items: str, prolog: str = '<?xml version="1.0" encoding="utf-8"?>') -> bytes:
    """A small RSS 2.0 document holding the given items."""
    channel = f"<channel><title>Courier</title><link>/</link>{items}</channel>"
    return f'{prolog}<rss version="2.0">{channel}</rss>'.encode()


def only_entry(data: bytes) -> FeedEntry:
    """The single entry of a small feed."""
    (entry,) = parse_feed(data, address("small.xml")).entries
    return entry


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0, *rest: int) -> datetime:
    """An aware UTC time."""
    second, microsecond = (*rest, 0, 0)[:2]
    return datetime(year, month, day, hour, minute, second, microsecond, tzinfo=UTC)


def entry(**fields: object) -> FeedEntry:
    """A FeedEntry with nothing set but the given fields."""
    empty = dict.fromkeys(f.name for f in dataclasses.fields(FeedEntry))
    return FeedEntry(**{**empty, "title": "Untitled", "images": (), **fields})  # type: ignore[arg-type]


# RSS 0.91 and 0.92


def test_rss091() -> None:
    feed = parse("rss091.xml")
    assert (feed.title, feed.site_url, feed.problem) == (
        "The Millbrook Courier",
        "https://courier.example/",
        None,
    )
    assert feed.entries == (
        entry(
            link="https://courier.example/news/library-sundays",
            title="Library opens on Sundays from April",
            summary_html=(
                "The town library will open from noon to five on Sundays, the council said."
            ),
        ),
        entry(
            link="https://courier.example/news/market-square",
            title="Bakers & brewers share the market square",
            summary_html="Stalls return to the square <b>every Saturday</b> after the works.",
        ),
    )


def test_rss092_enclosure_photo_and_untitled_item() -> None:
    regatta, derby = parse("rss092.xml").entries
    assert regatta == entry(
        link="https://courier.example/sport/regatta",
        title="Rowing club wins the valley regatta",
        summary_html="The eight crossed the line <em>two lengths</em> ahead.",
        image_url="https://courier.example/photos/regatta.jpg",
    )
    assert derby.title == "Millbrook Rovers drew one all with Eastfield in a wet and windy…"
    assert derby.link == "https://courier.example/sport/derby"


# RSS 1.0 (RDF)


def test_rss10_rdf() -> None:
    feed = parse("rss10-rdf.xml")
    assert (feed.title, feed.site_url) == ("Courier Science", "https://courier.example/science/")
    comet, bees = feed.entries
    assert comet == entry(
        guid="https://courier.example/science/comet",
        link="https://courier.example/science/comet",
        title="Amateur astronomers spot a faint comet",
        author="Tomasz Wilk",
        published=utc(2024, 2, 11, 20, 30),
        summary_html="Two members of the Millbrook Astronomical Society saw it first.",
    )
    assert bees.published == utc(2024, 2, 12)
    assert bees.author == "Ruth Okafor"
    assert bees.content_html == (
        "<p>Volunteers counted <strong>more bees</strong> than in any summer since 2015.</p>"
    )


# RSS 2.0


def test_rss20_feed() -> None:
    feed = parse("rss20.xml")
    assert (feed.title, feed.site_url, feed.problem) == (
        "The Millbrook Courier: Local",
        "https://courier.example/local/",
        None,
    )
    assert [e.title for e in feed.entries] == [
        "Harbour bridge reopens after two years & a day",
        "Council rejects car park plan",
        "Ferry timetable changes for spring",
        "School choir heads to the national final",
    ]


def test_rss20_full_item_with_media_content() -> None:
    bridge = parse("rss20.xml").entries[0]
    assert bridge == FeedEntry(
        guid="courier-10231",
        link="https://courier.example/local/2024/03/harbour-bridge",
        title="Harbour bridge reopens after two years & a day",
        author="Priya Nair",
        published=utc(2024, 3, 5, 9, 15),
        summary_html=(
            f'<p>The bridge carries <a href="https://courier.example/local/traffic" {REL}>'
            "traffic</a> again.</p>"
        ),
        content_html=(
            "<h2>Open again</h2><p>The bridge carries traffic again from "
            '<time datetime="2024-03-05">Tuesday</time>.</p><p><img '
            'src="https://courier.example/local/2024/03/images/bridge-inline.jpg" '
            'alt="Bridge at dawn"> Cyclists get their own lane.</p>'
        ),
        # The largest image: the 4K video and the 640-pixel copy are passed over.
        image_url="https://courier.example/photos/bridge-1600.jpg",
        image_caption="The harbour bridge at dawn on its first day open.",
        image_credit="Lena Marsh",
        images=(
            BodyImage(
                "https://courier.example/local/2024/03/images/bridge-inline.jpg", "Bridge at dawn"
            ),
        ),
    )


def test_rss20_author_with_address_enclosure_and_time_zone_name() -> None:
    car_park = parse("rss20.xml").entries[1]
    assert car_park.author == "Owen Price"  # from "desk@courier.example (Owen Price)"
    assert car_park.published == utc(2024, 3, 4, 23, 0)  # 18:00 EST
    assert car_park.title == "Council rejects car park plan"  # the <em> is stripped
    assert car_park.image_url == "https://courier.example/photos/car-park.jpg"
    assert car_park.guid == "https://courier.example/local/2024/03/car-park"


def test_rss20_item_without_guid_or_summary_takes_its_photo_from_the_content() -> None:
    """The content's figure is the lead photo, with the figure's caption."""
    ferry = parse("rss20.xml").entries[2]
    assert ferry.guid is None
    assert ferry.summary_html is None  # feedparser copies the content; that is no summary
    assert ferry.published == utc(2024, 3, 3, 8, 0)
    assert ferry.image_url == "https://courier.example/photos/ferry.jpg"
    assert ferry.image_caption == "The morning ferry."


def test_rss20_media_description_stays_a_caption() -> None:
    choir = parse("rss20.xml").entries[3]
    assert choir.summary_html == "Forty singers travel north in May."
    assert choir.content_html is None
    assert (choir.image_url, choir.image_caption, choir.image_credit) == (
        "https://courier.example/photos/choir-thumb.jpg",
        "The choir rehearsing in the school hall.",
        "Courier staff",
    )
    assert choir.published is None  # "not a date at all"


def test_repeated_guids_keep_the_first_entry() -> None:
    entries = parse("rss20.xml").entries
    assert [e.link for e in entries if e.guid == "courier-10231"] == [
        "https://courier.example/local/2024/03/harbour-bridge"
    ]


# Atom


def test_atom03() -> None:
    feed = parse("atom03.xml")
    assert (feed.title, feed.site_url) == ("Courier Arts", "https://courier.example/arts/")
    quilts, brass = feed.entries
    assert quilts == entry(
        guid="tag:courier.example,2024:arts/quilts",
        link="https://courier.example/arts/quilts",
        title="Gallery shows a century of valley quilts",
        author="Ines Duarte",
        published=utc(2024, 1, 19, 14, 0),  # <issued>, not <modified>
        summary_html="<p>Forty quilts, the oldest from 1911.</p>",
        content_html="<p>Forty quilts hang in the east room, <em>the oldest from 1911</em>.</p>",
    )
    assert brass.title == "Brass band plays on"
    assert brass.published == utc(2024, 1, 18, 20, 0)  # only <modified>


def test_atom10_html_content_and_enclosure() -> None:
    feed = parse("atom10.xml")
    assert (feed.title, feed.site_url) == ("Courier World", "https://courier.example/world/")
    assert feed.entries[0] == FeedEntry(
        guid="tag:courier.example,2024:world/twin-town",
        link="https://courier.example/world/2024/03/twin-town",
        title="Twin town sends a delegation",
        author="Marta Kowal",
        published=utc(2024, 3, 6, 5, 30),
        summary_html="<p>Twelve visitors arrive on Friday.</p>",
        content_html=(
            "<p>Twelve visitors arrive on Friday. <a "
            f'href="https://courier.example/world/programme.html" {REL}>The programme</a>'
            " includes a concert.</p>"
        ),
        image_url="https://courier.example/photos/delegation.jpg",
        image_caption=None,
        image_credit=None,
    )


def test_atom10_xhtml_content_and_nested_xml_base() -> None:
    rail = parse("atom10.xml").entries[1]
    assert rail == entry(
        guid="tag:courier.example,2024:world/rail-link",
        link="https://courier.example/world/europe/rail-link",
        title="Rail link approved",
        author="Sam Adeyemi",
        published=utc(2024, 3, 5, 16, 45),  # only <updated>
        content_html=(
            "<p>The new line <em>opens in 2027</em>.</p><figure><img "
            'src="https://courier.example/world/europe/images/rail.jpg" alt="Route map"></figure>'
        ),
        image_url="https://courier.example/world/europe/images/rail.jpg",
        images=(BodyImage("https://courier.example/world/europe/images/rail.jpg", "Route map"),),
    )


# JSON Feed


def test_jsonfeed10() -> None:
    feed = parse("jsonfeed10.json")
    assert (feed.title, feed.site_url, feed.problem) == (
        "Courier Food",
        "https://courier.example/food/",
        None,
    )
    pies, cafe = feed.entries
    assert pies == FeedEntry(
        guid="food-311",
        link="https://courier.example/food/pie-contest",
        title="Pie contest draws a record crowd",
        author="Hannah Berg",
        published=utc(2024, 2, 25, 14, 0),
        summary_html="<p>Sixty pies were judged on Sunday.</p>",
        content_html=(
            f'<p>Sixty pies were judged. <a href="https://courier.example/food/results" {REL}>'
            "Results</a>.</p>"
        ),
        image_url="https://courier.example/photos/pies.jpg",
        image_caption=None,
        image_credit=None,
    )
    assert cafe.guid == "312"


@pytest.mark.parametrize(
    ("items", "problem"),
    [
        ([{"id": "1"}], "The feed's one item could not be read."),
        ([{"id": "1"}, {"id": "2"}], "None of the feed's 2 items could be read."),
        (
            [{"id": "1"}, {"id": "2", "title": "Tides"}],
            "1 of the feed's 2 items could not be read.",
        ),
    ],
)
def test_unreadable_json_feed_items_are_counted_in_words(
    items: list[dict[str, str]], problem: str
) -> None:
    document = {"version": "https://jsonfeed.org/version/1.1", "title": "Tides", "items": items}
    feed = parse_feed(json.dumps(document).encode(), "https://paper.example/feed.json")
    assert feed.problem == problem


def test_jsonfeed_content_text_becomes_escaped_paragraphs() -> None:
    cafe = parse("jsonfeed10.json").entries[1]
    assert cafe.content_html == (
        "<p>The café seats twenty.</p>"
        "<p>It opens at 7 &amp; closes at 3 &lt;sharp&gt;.<br>Cash is not taken.</p>"
    )
    assert cafe.published == utc(2024, 2, 24, 9, 30)


def test_jsonfeed11() -> None:
    feed = parse("jsonfeed11.json")
    assert (feed.title, feed.site_url) == ("Courier Weather", "https://courier.example/weather/")
    assert feed.problem == "1 of the feed's 3 items could not be read."
    frost, showers = feed.entries
    assert frost == entry(
        guid="wx-2024-03-07",
        link="https://met.example/warnings/valley",
        title="Frost warning for the valley",
        author="Ade Bello, Cora Lind",
        published=utc(2024, 3, 7, 8, 0),  # date_modified, as there is no date_published
        content_html=(
            "<p>Temperatures may fall to minus five. <img "
            'src="https://courier.example/feeds/maps/frost.png" alt="Frost map"></p>'
        ),
        image_url="https://courier.example/feeds/maps/frost.png",
        images=(BodyImage("https://courier.example/feeds/maps/frost.png", "Frost map"),),
    )
    assert showers.title == "A bright and breezy day with showers later in the afternoon and…"
    assert showers.link == "https://courier.example/weather/2024/03/06"
    assert showers.image_url == "https://courier.example/photos/showers.jpg"


def test_jsonfeed_repeated_ids_keep_the_first_item() -> None:
    data = (
        b'{"version": "https://jsonfeed.org/version/1.1", "items": ['
        b'{"id": "a", "title": "First"}, {"id": "a", "title": "Again"}, {"id": "b", "title": "B"}]}'
    )
    assert [e.title for e in parse_feed(data, address("f.json")).entries] == ["First", "B"]


# Recoverable errors


def test_not_well_formed_feed_gives_its_entries_and_says_what_is_wrong() -> None:
    feed = parse("not-well-formed.xml")
    assert [e.title for e in feed.entries] == [
        "Mill reopens as offices",
        "Bakery chain hires forty",
        "Storm closes the port",
    ]
    assert feed.problem == (
        "The feed is not well-formed XML (mismatched tag at line 17); "
        "3 of its entries could be read."
    )


def test_feed_in_windows_1252_declared_as_utf8() -> None:
    feed = parse("wrong-charset.xml")
    (cafe,) = feed.entries
    assert feed.title == "Courier Café Guide"
    assert cafe.title == "“Best crème brûlée in town”, say readers"
    assert cafe.summary_html == "A slice costs €4 at the Café du Port."
    assert feed.problem == (
        "The feed declares the utf-8 character set but is written in another; "
        "its text was read as windows-1252."
    )


def test_feed_in_utf8_declared_as_latin1() -> None:
    data = rss(
        "<item><title>Crème brûlée “at last”</title><description>Naïve café</description></item>",
        prolog='<?xml version="1.0" encoding="iso-8859-1"?>',
    )
    cafe = only_entry(data)
    assert (cafe.title, cafe.summary_html) == ("Crème brûlée “at last”", "Naïve café")


def test_charset_from_the_server_is_honoured() -> None:
    data = rss("<item><title>Caf\xe9</title></item>", prolog="").decode().encode("latin-1")
    feed = parse_feed(data, address("x.xml"), "application/rss+xml; charset=ISO-8859-1")
    assert feed.entries[0].title == "Café"


def test_text_xml_without_charset_is_no_problem() -> None:
    assert parse("rss20.xml", "text/xml").problem is None


def test_undefined_html_entities_and_double_escaped_markup() -> None:
    feed = parse("entities.xml")
    cafes, walks = feed.entries
    assert cafes.title == "Café culture comes to the harbour — at last"
    assert cafes.summary_html == "<p>Three new cafés open <b>this week</b>.</p>"
    assert walks.title == "Walks & picnics on the downs"
    assert walks.summary_html == (
        f'Maps at the <a href="https://courier.example/travel/maps" {REL}>visitor centre</a>.'
    )
    assert feed.problem == (
        "The feed is not well-formed XML (undefined entity at line 7); "
        "2 of its entries could be read."
    )


def test_blank_lines_before_the_xml_declaration_are_forgiven() -> None:
    feed = parse_feed(b"\n\n  " + rss("<item><title>A</title></item>"), address("x.xml"))
    assert ([e.title for e in feed.entries], feed.problem) == (["A"], None)


def test_utf16_feed() -> None:
    data = rss("<item><title>Été</title></item>", '<?xml version="1.0" encoding="utf-16"?>')
    data = data.decode().encode("utf-16")
    assert only_entry(data).title == "Été"
    assert is_feed(data)


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_without_a_declaration_is_no_problem(codec: str) -> None:
    data = rss("<item><title>Été</title></item>", '<?xml version="1.0"?>').decode().encode(codec)
    feed = parse_feed(data, address("x.xml"))
    assert ([e.title for e in feed.entries], feed.problem) == (["Été"], None)


@pytest.mark.parametrize("codec", ["utf-32-le", "utf-32-be"])
@pytest.mark.parametrize("marked", [False, True], ids=["no mark", "byte-order mark"])
@pytest.mark.parametrize("declared", [True, False], ids=["declared", "undeclared"])
def test_utf32_feeds_with_or_without_a_byte_order_mark(
    codec: str, marked: bool, declared: bool
) -> None:
    text = (FEEDS / "utf32le.xml").read_bytes().decode("utf-32-le")
    if not declared:
        text = text.replace(' encoding="UTF-32"', "")
    mark = {"utf-32-le": codecs.BOM_UTF32_LE, "utf-32-be": codecs.BOM_UTF32_BE}[codec]
    data = (mark if marked else b"") + text.encode(codec)
    assert is_feed(data)
    feed = parse_feed(data, address("wide.xml"))
    assert (feed.title, feed.site_url, feed.problem) == (
        "Courier Wide Edition",
        "https://courier.example/wide/",
        None,
    )
    summer, winter = feed.entries
    assert summer.title == "Été à Zürich: 🌞 every day"
    assert summer.summary_html == "<p>Façades in the sun, ½ price.</p>"
    assert winter.link == "https://courier.example/wide/winter"  # the guid, spelled out


@pytest.mark.parametrize("name", ["utf32le.xml", "utf32be.xml"])
def test_utf32_fixtures(name: str) -> None:
    feed = parse(name)
    assert [e.title for e in feed.entries] == ["Été à Zürich: 🌞 every day", "Winter timetable"]


# Feeds made from XHTML templates


def test_a_feed_after_an_xhtml_doctype_is_read_with_the_entities_it_defines() -> None:
    feed = parse("xhtml-doctype.xml")
    assert (feed.title, feed.site_url, feed.problem) == (
        "Courier Arts & Letters",
        "https://courier.example/arts/",
        None,
    )
    (concerts,) = feed.entries
    assert concerts.title == "Café concert season opens"
    assert concerts.published == utc(2024, 3, 8, 18)
    assert concerts.summary_html == (
        "<p>Six evenings of chamber music&nbsp;— the first on Friday.</p>"
    )


def test_an_xhtml_page_is_still_a_web_page() -> None:
    page = (
        b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0'
        b' Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n<html'
        b' xmlns="http://www.w3.org/1999/xhtml"><head><title>Courier</title></head>'
        b"<body><p>Hello</p></body></html>"
    )
    for data in (page, b"<!DOCTYPE html>\n<p>Hello</p>"):
        with pytest.raises(FeedParseError, match="gives a web page"):
            parse_feed(data, address("x"))
        assert not is_feed(data)


# Tags written as text, and markup


def test_atom_texts_keep_a_tag_written_as_text_in_each_way_atom_allows() -> None:
    feed = parse("escaped-atom.xml")
    assert feed.title == "Notes on <markup>"
    text, escaped, cdata, xhtml, _ = feed.entries
    assert [entry.title for entry in (text, escaped, cdata, xhtml)] == [BLINK] * 4
    assert text.summary_html == "<p>Why the &lt;blink&gt; tag went.</p>"
    assert text.content_html == "<p>The &lt;blink&gt; tag made text flash, as plain text says.</p>"
    for entry, way in ((escaped, "escaped HTML"), (cdata, "HTML in CDATA"), (xhtml, "XHTML")):
        assert entry.summary_html == "Why the &lt;blink&gt; tag went."
        assert entry.content_html == (
            f"<p>The &lt;blink&gt; tag made text <em>flash</em>, as {way} says.</p>"
        )


def test_an_atom_html_title_loses_its_real_markup() -> None:
    real = parse("escaped-atom.xml").entries[-1]
    assert (real.title, real.summary_html) == ("The tide turns at noon", "The tide turns.")


def test_rss_titles_keep_tags_written_as_text_and_lose_markup() -> None:
    feed = parse("escaped-rss.xml")
    assert feed.title == "Notes on <markup>"
    assert [entry.title for entry in feed.entries] == [
        BLINK,  # escaped once
        BLINK,  # escaped twice
        "The <b> and <i> tags, compared",  # tags feedparser takes for HTML, never closed
        "Storm closes the port",  # markup escaped twice
    ]
    once, twice, _, storm = feed.entries
    assert once.summary_html == "<p>The &lt;blink&gt; tag made text <em>flash</em>.</p>"
    assert twice.summary_html == "Why the &lt;blink&gt; tag went."
    assert storm.summary_html == "<p>Ferries wait.</p>"


def test_json_feed_titles_are_text() -> None:
    document = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "Notes on <markup> &amp; more",
        "items": [{"id": "1", "title": BLINK, "content_text": "Why the <blink> tag went."}],
    }
    feed = parse_feed(json.dumps(document).encode(), address("feed.json"))
    assert feed.title == "Notes on <markup> & more"
    (item,) = feed.entries
    assert item.title == BLINK
    assert item.content_html == "<p>Why the &lt;blink&gt; tag went.</p>"


# Documents that are no feed


@pytest.mark.parametrize(
    ("data", "sentence"),
    [
        ((FEEDS / "html-page.html").read_bytes(), "This address gives a web page, not a feed."),
        (b"<html><body><p>Hello</p></body></html>", "This address gives a web page, not a feed."),
        ((FEEDS / "empty.xml").read_bytes(), "This address gives an empty document, not a feed."),
        (b" \n\t\n", "This address gives an empty document, not a feed."),
        (
            random.Random(20240305).randbytes(4000),
            "This is not a feed: the document is neither XML nor JSON.",
        ),
        (b"Service unavailable", "This is not a feed: the document is neither XML nor JSON."),
        (
            b'<?xml version="1.0"?><urlset><url><loc>https://courier.example/</loc></url></urlset>',
            "This is not a feed: it is an XML document of another kind (<urlset>).",
        ),
        (
            b'<rss version="2.0"><channel><title>Courier</title><item><title>Half',
            "This feed could not be read: it is not well-formed XML (it ends too early at line 2).",
        ),
        (
            b'{"version": "https://jsonfeed.org/version/1.1", "items": [',
            "This is not a feed: the JSON is broken (Expecting value at line 1).",
        ),
        (b'{"name": "Courier"}', "This is not a feed: it is JSON, but not a JSON Feed."),
        (
            b'{"version": "https://jsonfeed.org/version/1", "title": "Courier"}',
            "This JSON Feed has no list of items to read.",
        ),
    ],
)
def test_documents_that_are_no_feed_say_so_in_a_sentence(data: bytes, sentence: str) -> None:
    with pytest.raises(FeedParseError) as raised:
        parse_feed(data, address("x"))
    assert str(raised.value) == sentence


def test_a_page_served_as_html_is_a_web_page() -> None:
    with pytest.raises(FeedParseError, match="gives a web page"):
        parse_feed(b"<body><p>Hello</p></body>", address("x"), "text/html; charset=utf-8")


def test_a_valid_feed_with_no_entries_is_empty_not_an_error() -> None:
    feed = parse_feed(rss(""), address("x.xml"))
    assert (feed.title, feed.entries, feed.problem) == ("Courier", (), None)


# Hostile markup


def test_hostile_markup_is_gone_and_the_text_stays() -> None:
    (letters,) = parse("hostile.xml").entries
    assert letters.link is None  # a javascript: link is no address
    assert letters.title == "Letters: the bypass"
    assert letters.summary_html == (
        '<p>Readers write about the bypass.</p><img src="https://courier.example/feeds/x.jpg"'
        ' alt="Reader photo">'
    )
    assert letters.content_html == (
        f"<p>First letter.</p><a {REL}>Click me</a> and <a {REL}>me</a>Sign in"
        "<p>Last letter, <span>signed</span>.</p>"
    )
    for html in (letters.summary_html, letters.content_html):
        for forbidden in FORBIDDEN:
            assert forbidden not in html.lower()


# Titles, dates, links


def test_long_titles_are_capped() -> None:
    title = " ".join(["Harbour"] * 200)
    capped = only_entry(rss(f"<item><title>{title}</title></item>")).title
    assert len(capped) <= 500
    assert capped.startswith("Harbour Harbour")
    assert capped.endswith(" Harbour…")  # cut between words


def test_titles_fold_whitespace_and_lose_markup() -> None:
    item = "<item><title>  Storm\n\t&lt;b&gt;closes&lt;/b&gt;   the port </title></item>"
    assert only_entry(rss(item)).title == "Storm closes the port"


def test_an_item_with_nothing_to_title_it_is_untitled() -> None:
    item = "<item><link>https://courier.example/a</link></item>"
    assert only_entry(rss(item)).title == "Untitled"


def test_items_with_nothing_to_show_are_left_out() -> None:
    items = "<item><guid>empty-1</guid></item><item><title>Kept</title></item>"
    assert [e.title for e in parse_feed(rss(items), address("x.xml")).entries] == ["Kept"]


@pytest.mark.parametrize(
    ("written", "moment"),
    [
        ("Tue, 05 Mar 2024 10:15:00 +0100", utc(2024, 3, 5, 9, 15)),
        ("Tue, 5 Mar 2024 10:15 GMT", utc(2024, 3, 5, 10, 15)),
        ("Tue, 05 Mar 24 10:15:00 +0530", utc(2024, 3, 5, 4, 45)),
        ("Mon, 04 Mar 2024 18:00:00 PDT", utc(2024, 3, 5, 1, 0)),
        ("2024-03-05T10:15:00.250+02:00", utc(2024, 3, 5, 8, 15, 0, 250000)),
        ("2024-03-05 10:15:00+02:00", utc(2024, 3, 5, 8, 15)),
        ("20240305T101500Z", utc(2024, 3, 5, 10, 15)),
        ("2024/03/05 10:15:00", utc(2024, 3, 5, 10, 15)),
        ("2024-03-05", utc(2024, 3, 5)),
        ("5 March 2024", utc(2024, 3, 5)),
        ("Sun, 31 Feb 2024 10:00:00 GMT", None),
        ("yesterday", None),
        ("", None),
    ],
)
def test_dates_in_odd_formats(written: str, moment: datetime | None) -> None:
    item = f"<item><title>A</title><pubDate>{written}</pubDate></item>"
    assert only_entry(rss(item)).published == moment


def test_a_guid_that_is_no_address_makes_no_link() -> None:
    items = (
        "<item><title>A</title><guid>item-12</guid></item>"
        "<item><title>B</title><guid>https://courier.example/b?x=1&amp;y=2</guid></item>"
    )
    a, b = parse_feed(rss(items), address("x.xml")).entries
    assert a.link is None
    assert b.link == "https://courier.example/b?x=1&y=2"


def test_media_content_without_type_counts_by_file_name() -> None:
    item = (
        '<item xmlns:media="http://search.yahoo.com/mrss/"><title>A</title>'
        '<media:content url="https://courier.example/a.mp3"/>'
        '<media:content url="https://courier.example/a.JPG"/></item>'
    )
    data = rss(item).replace(b"<rss ", b'<rss xmlns:media="http://search.yahoo.com/mrss/" ')
    assert only_entry(data).image_url == "https://courier.example/a.JPG"


def test_tracking_pixels_are_no_photo() -> None:
    body = (
        '<img src="https://ads.example/p.gif" width="1" height="1">'
        '<img src="https://courier.example/real.jpg" width="640">'
    )
    item = f"<item><title>A</title><description><![CDATA[{body}]]></description></item>"
    assert only_entry(rss(item)).image_url == "https://courier.example/real.jpg"


# Sniffing


@pytest.mark.parametrize("name", FEED_FILES)
def test_feeds_are_recognised(name: str) -> None:
    assert is_feed((FEEDS / name).read_bytes())


@pytest.mark.parametrize(
    "data",
    [
        (FEEDS / "html-page.html").read_bytes(),
        (FEEDS / "empty.xml").read_bytes(),
        random.Random(20240305).randbytes(4000),
        b'<?xml version="1.0"?><urlset/>',
        b'{"version": "1.0", "items": []}',
        b'["https://jsonfeed.org/version/1"]',
    ],
)
def test_other_documents_are_not_feeds(data: bytes) -> None:
    assert not is_feed(data)


def test_sniffing_skips_byte_order_mark_comments_and_doctype() -> None:
    data = (
        b'\xef\xbb\xbf<?xml version="1.0"?>\n<!-- generated -->\n'
        b'<!DOCTYPE rss [<!ENTITY nbsp "&#160;">]>\n<rss version="2.0"/>'
    )
    assert is_feed(data)


# Deduplication fingerprint


def test_content_hash_ignores_whitespace_and_markup_differences() -> None:
    one = entry(title="Harbour bridge reopens", content_html="<p>The bridge\n carries traffic.</p>")
    two = entry(
        title="Harbour  bridge reopens ", content_html="<p>The bridge carries  traffic.</p>"
    )
    assert one.content_hash() == two.content_hash()
    assert len(one.content_hash()) == 64


def test_content_hash_changes_with_the_text() -> None:
    one = entry(title="Harbour bridge reopens", summary_html="<p>The bridge carries traffic.</p>")
    other_text = dataclasses.replace(one, summary_html="<p>The bridge carries trams.</p>")
    other_title = dataclasses.replace(one, title="Harbour bridge closes")
    hashes = {one.content_hash(), other_text.content_hash(), other_title.content_hash()}
    assert len(hashes) == 3


def test_content_hash_prefers_the_content_to_the_summary() -> None:
    one = entry(title="A", summary_html="Short.", content_html="<p>Long text.</p>")
    assert one.content_hash() == entry(title="A", content_html="Long text.").content_hash()


def test_a_long_title_without_spaces_is_cut_at_the_limit() -> None:
    capped = only_entry(rss(f"<item><title>{'x' * 600}</title></item>")).title
    assert capped == "x" * 499 + "…"


def test_captions_stay_with_their_photo_in_a_broken_feed_too() -> None:
    item = (
        "<item><title>Broken&nbsp;feed</title><description>The summary.</description>"
        '<media:content url="https://courier.example/small.jpg" medium="image" width="10"'
        ' height="10"/><media:content url="https://courier.example/big.jpg" medium="image"'
        ' width="100" height="100"><media:description>Big caption</media:description>'
        "<media:credit>Big credit</media:credit></media:content>"
        "<media:description>For every photo</media:description></item>"
    )
    data = rss(item).replace(b"<rss ", b'<rss xmlns:media="http://search.yahoo.com/mrss/" ')
    feed = parse_feed(data, address("x.xml"))
    (broken,) = feed.entries
    assert feed.problem is not None
    assert (broken.title, broken.summary_html) == ("Broken feed", "The summary.")
    assert (broken.image_url, broken.image_caption, broken.image_credit) == (
        "https://courier.example/big.jpg",
        "Big caption",
        "Big credit",
    )
