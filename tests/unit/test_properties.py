"""Property-based tests (hypothesis) for every parser of outside data: whatever a server or a file
holds, each raises nothing but its own documented error, and what can round-trip does."""

from __future__ import annotations

import contextlib
import json
import zlib
from datetime import UTC, datetime
from decimal import Decimal
from html import escape
from pathlib import Path

import brotli
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.ingest.detect import detect
from desktop.ingest.extract import ExtractionError, extract_article
from desktop.ingest.feeds import FeedParseError, parse_feed
from desktop.ingest.opml import OpmlError, OutlineFeed, read_opml, write_opml
from desktop.ingest.textpage import TextPageError, parse_text_page
from desktop.market.amounts import LIMIT, AmountError, read_amount
from desktop.market.local_numbers import NumberLocale
from desktop.market.providers.ecb import parse_ecb
from desktop.market.providers.erapi import parse_erapi
from desktop.market.providers.finnhub import parse_finnhub
from desktop.market.providers.fred import parse_fred
from desktop.market.providers.reading import ProviderError
from desktop.net.decoding import Decoder, GarbledError

MARKET = Path(__file__).resolve().parents[1] / "fixtures" / "market"
FEED_URL = "https://paper.example/feed.xml"
SOME = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FEW = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

WORDS = st.text(st.characters(categories=("L", "N")), min_size=1, max_size=12)


def _not_mojibake(title: str) -> bool:
    """Whether a title does not read as UTF-8 taken for Latin-1 ("Ã©" for "é"): feedparser
    repairs such text in a UTF-8 feed on purpose, so it does not come back as written."""
    try:
        return title.encode("latin-1").decode("utf-8") == title
    except (UnicodeEncodeError, UnicodeDecodeError):
        return True


TITLES = st.lists(WORDS, min_size=1, max_size=6).map(" ".join).filter(_not_mojibake)
ANY_TEXT = st.text(max_size=80)
JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=30),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=20,
)


def _spliced(document: bytes, at: int, insert: bytes) -> bytes:
    """``document`` with ``insert`` put in at a position (taken modulo its length)."""
    where = at % (len(document) + 1)
    return document[:where] + insert + document[where:]


# Feeds ------------------------------------------------------------------------------------------


@SOME
@given(st.binary(max_size=2000), st.sampled_from([None, "application/rss+xml", "text/html"]))
def test_any_bytes_as_a_feed_give_a_feed_or_a_feed_parse_error(
    data: bytes, content_type: str | None
) -> None:
    try:
        parse_feed(data, FEED_URL, content_type)
    except FeedParseError as error:
        assert str(error).endswith(".")


@SOME
@given(st.lists(TITLES, min_size=1, max_size=5), st.integers(0, 10_000), ANY_TEXT)
def test_an_rss_feed_gives_back_its_titles_and_survives_a_splice(
    titles: list[str], at: int, insert: str
) -> None:
    items = "".join(
        f"<item><title>{escape(title)}</title><link>https://paper.example/{n}</link>"
        f"<description>Story {n}.</description></item>"
        for n, title in enumerate(titles)
    )
    document = (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Paper</title>'
        f"<link>https://paper.example/</link>{items}</channel></rss>"
    ).encode()
    parsed = parse_feed(document, FEED_URL)
    assert [entry.title for entry in parsed.entries] == titles
    with contextlib.suppress(FeedParseError):
        parse_feed(_spliced(document, at, insert.encode("utf-8", "surrogatepass")), FEED_URL)


@SOME
@given(st.lists(JSON_VALUES, max_size=4), JSON_VALUES, st.integers(1, 6000))
def test_a_json_feed_with_any_values_gives_entries_or_a_feed_parse_error(
    items: list[object], extra: object, digits: int
) -> None:
    document = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": extra,
        "items": [*items, {"id": 0, "title": "Fixed", "content_text": "Text.", "x": extra}],
    }
    text = json.dumps(document).replace('"id": 0', f'"id": {"9" * digits}')
    try:
        parsed = parse_feed(text.encode(), FEED_URL)
    except FeedParseError:
        return
    assert any(entry.title == "Fixed" for entry in parsed.entries)


# OPML -------------------------------------------------------------------------------------------


@SOME
@given(st.binary(max_size=2000))
def test_any_bytes_as_opml_give_outlines_or_an_opml_error(data: bytes) -> None:
    try:
        read_opml(data)
    except OpmlError as error:
        assert str(error).endswith(".")


@FEW
@given(st.integers(1, 3000), st.booleans())
def test_opml_nested_to_any_depth_keeps_every_feed(depth: int, folders: bool) -> None:
    feed = '<outline text="F" type="rss" xmlUrl="https://paper.example/{n}.xml">'
    folder = '<outline text="Folder">'
    opening = "".join((folder if folders and n % 2 else feed).format(n=n) for n in range(depth))
    document = (f'<opml version="2.0"><body>{opening}{"</outline>" * depth}</body></opml>').encode()
    read = read_opml(document)
    assert len(read) == len(range(0, depth, 2 if folders else 1))


@SOME
@given(
    st.lists(
        st.tuples(TITLES, st.lists(WORDS, max_size=3).map(" / ".join)),
        min_size=1,
        max_size=8,
    )
)
def test_opml_written_and_read_again_gives_the_same_subscriptions(
    listed: list[tuple[str, str]],
) -> None:
    feeds = [
        OutlineFeed(title, f"https://paper.example/{n}.xml", None, folder or None)
        for n, (title, folder) in enumerate(listed)
    ]
    read = read_opml(write_opml(feeds))
    assert sorted(read, key=lambda f: f.feed_url) == sorted(feeds, key=lambda f: f.feed_url)


# Saved pages ------------------------------------------------------------------------------------


@pytest.mark.allow_warnings  # trafilatura logs an ERROR for a page it cannot parse
@FEW
@given(
    st.lists(
        st.tuples(st.sampled_from(["p", "h1", "div", "figure", "script", "table", "a"]), ANY_TEXT),
        max_size=12,
    ),
    st.binary(max_size=300),
)
def test_any_saved_page_gives_an_article_or_an_extraction_error(
    blocks: list[tuple[str, str]], noise: bytes
) -> None:
    body = "".join(f"<{tag}>{escape(text)}</{tag}>" for tag, text in blocks)
    page = f"<html><head><title>Saved</title></head><body>{body}</body></html>".encode()
    for data in (page, page + noise, noise):
        detect(data, "saved.html")
        try:
            extract_article(data, "https://paper.example/news/story")
        except ExtractionError as error:
            assert str(error).endswith(".")


@SOME
@given(ANY_TEXT, st.lists(ANY_TEXT, max_size=8))
def test_any_saved_text_page_gives_a_page_or_a_text_page_error(
    first: str, lines: list[str]
) -> None:
    text = "\n".join([first, "EUR/USD 1.0850 +0.2%", *lines])
    try:
        parse_text_page(text, "Saved", datetime(2026, 12, 1, tzinfo=UTC), UTC)
    except TextPageError as error:
        assert str(error).endswith(".")


# Market documents -------------------------------------------------------------------------------


def _market(name: str) -> bytes:
    """A market fixture's bytes."""
    return (MARKET / name).read_bytes()


READERS = [
    ("ecb-daily.xml", parse_ecb),
    ("ecb-hist-90d.xml", parse_ecb),
    ("erapi-latest.json", parse_erapi),
    ("fred-sp500.csv", lambda data: parse_fred(data, "SP500")),
    ("finnhub-aapl.json", lambda data: parse_finnhub(data, "AAPL")),
]


@pytest.mark.parametrize(("name", "reader"), READERS, ids=[name for name, _ in READERS])
@FEW
@given(at=st.integers(0, 100_000), insert=st.binary(max_size=40), cut=st.integers(0, 100_000))
def test_a_market_document_spliced_or_cut_gives_figures_or_a_provider_error(
    name: str, reader: object, at: int, insert: bytes, cut: int
) -> None:
    document = _market(name)
    for data in (_spliced(document, at, insert), document[: cut % (len(document) + 1)]):
        try:
            reader(data)  # type: ignore[operator]
        except ProviderError as error:
            assert str(error).endswith(".")


@SOME
@given(JSON_VALUES, JSON_VALUES, st.sampled_from(["c", "d", "dp", "t", "rates", "base_code"]))
def test_market_json_with_any_values_gives_figures_or_a_provider_error(
    value: object, other: object, field: str
) -> None:
    finnhub = json.loads(_market("finnhub-aapl.json")) | {field: value, "extra": other}
    erapi = json.loads(_market("erapi-latest.json")) | {field: value}
    for data, reader in (
        (json.dumps(finnhub).encode(), lambda d: parse_finnhub(d, "AAPL")),
        (json.dumps(erapi).encode(), parse_erapi),
    ):
        with contextlib.suppress(ProviderError):
            reader(data)


@SOME
@given(st.lists(st.tuples(ANY_TEXT, ANY_TEXT), max_size=10))
def test_any_fred_csv_gives_quotes_or_a_provider_error(rows: list[tuple[str, str]]) -> None:
    text = "observation_date,SP500\n" + "".join(f"{a},{b}\n" for a, b in rows)
    with contextlib.suppress(ProviderError):
        parse_fred(text.encode("utf-8", "surrogatepass"), "SP500")


# The converter's amounts ------------------------------------------------------------------------


@SOME
@given(ANY_TEXT, st.sampled_from(["en_US", "de_DE", "fr_FR", "de_CH", "en_IN", "ar_EG"]))
def test_any_typed_text_is_an_amount_or_an_amount_error(text: str, locale: str) -> None:
    try:
        value = read_amount(text, NumberLocale(locale))
    except AmountError as error:
        assert str(error).endswith(".")
        return
    assert abs(value) < LIMIT


@SOME
@given(st.decimals(min_value=-(10**12), max_value=10**12, places=2, allow_nan=False))
def test_an_amount_written_with_grouping_reads_back_as_itself(value: Decimal) -> None:
    for text in (f"{value:,f}", f"{value:f}"):
        assert read_amount(text) == value


# Content-Encoding -------------------------------------------------------------------------------

ENCODERS = {
    "gzip": lambda data: zlib.compress(data, wbits=zlib.MAX_WBITS | 16),
    "deflate": zlib.compress,
    "br": lambda data: bytes(brotli.compress(data)),
    "identity": lambda data: data,
}


def _decoded(encodings: list[str], body: bytes, step: int) -> bytes:
    """``body`` fed to a Decoder in chunks of ``step`` bytes, decoded."""
    decoder = Decoder(encodings)
    out = b"".join(
        piece for at in range(0, len(body), step) for piece in decoder.feed(body[at : at + step])
    )
    return out + b"".join(decoder.finish())


@SOME
@given(
    st.binary(max_size=5000),
    st.lists(st.sampled_from(sorted(ENCODERS)), max_size=3),
    st.integers(1, 700),
)
def test_stacked_encodings_decode_to_the_original_whatever_the_chunks(
    data: bytes, encodings: list[str], step: int
) -> None:
    body = data
    for name in encodings:
        body = ENCODERS[name](body)
    assert _decoded(encodings, body, step) == data


@SOME
@given(st.binary(min_size=1, max_size=500), st.sampled_from(["gzip", "deflate", "br"]))
def test_bytes_not_in_their_declared_encoding_are_garbled_or_decoded(
    data: bytes, encoding: str
) -> None:
    with contextlib.suppress(GarbledError):
        _decoded([encoding], data, 64)


def test_a_title_encoded_twice_in_a_utf8_feed_reads_as_meant() -> None:
    document = (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Paper</title>'
        "<item><title>Caf\u00c3\u00a9 reopens</title><link>https://paper.example/1</link></item>"
        "</channel></rss>"
    ).encode()
    assert [entry.title for entry in parse_feed(document, FEED_URL).entries] == ["Café reopens"]
