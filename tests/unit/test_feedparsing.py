"""feedparser as corrected by ``feedparsing.apply()``: its dictionaries' lookups and copies answer
as before, without the generic paths that made up a quarter of its reading time; a feedparser the
correction was not checked with is refused."""

from __future__ import annotations

import copy
import warnings
from pathlib import Path
from typing import Any

import pytest

from desktop.ingest import feedparsing
from desktop.ingest.feedparsing import COMPUTED_KEYS, feedparser_module
from desktop.ingest.feeds import parse_feed
from desktop.patching import PatchVersionError

FEEDS = Path(__file__).parent.parent / "fixtures" / "feeds"
XML_FEEDS = ["rss091.xml", "rss092.xml", "rss10-rdf.xml", "rss20.xml", "atom03.xml", "atom10.xml",
             "not-well-formed.xml", "entities.xml", "hostile.xml"]  # fmt: skip
MISSING = "not-a-key"


def parser_dict() -> Any:
    """feedparser's result dictionary, corrected."""
    feedparsing.apply()
    from feedparser.util import FeedParserDict

    return FeedParserDict


def dictionaries(value: object) -> list[dict[str, Any]]:
    """Every dictionary inside a feedparser result, the result included."""
    found: list[dict[str, Any]] = []
    if isinstance(value, dict):
        found.append(value)
        for inner in value.values():
            found.extend(dictionaries(inner))
    elif isinstance(value, list):
        for inner in value:
            found.extend(dictionaries(inner))
    return found


def generic_get(dictionary: dict[str, Any], key: str) -> object:
    """What FeedParserDict.get answered before: its __getitem__, or None for a KeyError."""
    try:
        return dictionary[key]
    except KeyError:
        return None


@pytest.mark.parametrize("name", XML_FEEDS)
def test_get_answers_as_feedparsers_own_lookup(name: str) -> None:
    result = feedparser_module().parse((FEEDS / name).read_bytes())
    keymap = parser_dict().keymap
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # feedparser's on "updated"
        for dictionary in dictionaries(result):
            for key in [*dictionary, *keymap, *COMPUTED_KEYS, MISSING]:
                assert dictionary.get(key) == generic_get(dictionary, key), (name, key)
            assert dictionary.get(MISSING, "default") == "default"


def test_plain_keys_are_read_without_feedparsers_lookup(monkeypatch: pytest.MonkeyPatch) -> None:
    cls = parser_dict()

    def refuse(self: object, key: str) -> object:
        """Stand in for the generic lookup."""
        raise AssertionError(f"{key} was looked up through __getitem__")

    dictionary = cls(type="text/html", value="<p>Now.</p>")
    monkeypatch.setattr(cls, "__getitem__", refuse)
    assert (dictionary.get("type"), dictionary.get(MISSING, 0)) == ("text/html", 0)
    with pytest.raises(AssertionError, match="description"):
        dictionary.get("description")  # an alias of summary and subtitle keeps the lookup


def test_feeds_are_read_without_the_generic_copy(monkeypatch: pytest.MonkeyPatch) -> None:
    cls = parser_dict()

    def refuse(self: object, protocol: int) -> object:
        """Stand in for the generic protocol."""
        raise AssertionError("copied through __reduce_ex__")

    monkeypatch.setattr(cls, "__reduce_ex__", refuse)
    item = (
        "<item><title>Ferry &amp; bus</title>"
        "<description>&lt;p&gt;Now.&lt;/p&gt;</description></item>"
    )
    data = f'<rss version="2.0"><channel><title>C</title>{item}</channel></rss>'.encode()
    (entry,) = parse_feed(data, "https://courier.example/feed.xml").entries
    assert (entry.title, entry.summary_html) == ("Ferry & bus", "<p>Now.</p>")


def test_a_copy_is_an_independent_equal() -> None:
    cls = parser_dict()
    links = [cls(href="https://courier.example/a", rel="alternate")]
    original = cls(type="text/html", language=None, links=links)
    original.note = ["kept"]  # an attribute, which the generic protocol copies too
    copied = copy.deepcopy(original)
    assert type(copied) is cls and copied == original
    assert copied.note == ["kept"] and copied.note is not original.note
    assert copied["links"][0] is not links[0] and type(copied["links"][0]) is cls
    assert copied.type == "text/html"
    shared = [1]
    pair = copy.deepcopy([cls(a=shared), cls(b=shared)])
    assert pair[0]["a"] is pair[1]["b"] and pair[0]["a"] is not shared


def test_applying_again_changes_nothing() -> None:
    cls = parser_dict()
    get, deep_copy = cls.get, cls.__deepcopy__
    assert feedparsing.apply() is feedparser_module()
    assert (cls.get, cls.__deepcopy__) == (get, deep_copy)


def test_another_feedparser_is_refused_before_anything_is_changed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import feedparser

    monkeypatch.setattr(feedparsing, "_applied", None)  # as in a process that has not applied it
    monkeypatch.setattr(feedparser, "__version__", "6.1.0")
    with pytest.raises(PatchVersionError, match=r"feedparser >=6.0.11,<6.1, and 6.1.0 is"):
        feedparsing.apply()
