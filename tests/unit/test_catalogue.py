"""The built-in catalogue of public news feeds: the shipped file, and the checks on any file."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from desktop.ingest.catalogue import CatalogueEntry, CatalogueError, load_catalogue
from desktop.paths import resource

Feed = dict[str, Any]
GOOD: Feed = {
    "name": "Harbour Gazette",
    "feed_url": "https://gazette.example/feed.xml",
    "site_url": "https://gazette.example/",
    "language": "en-GB",
    "region": "GB",
    "topics": ["local", "sea"],
}


def write(tmp_path: Path, *feeds: Feed, document: object = None) -> Path:
    """A catalogue file holding ``feeds`` (or the given document)."""
    file = tmp_path / "catalogue.json"
    content = document if document is not None else {"format": 1, "feeds": list(feeds)}
    file.write_text(json.dumps(content), encoding="utf-8")
    return file


def changed(**fields: object) -> Feed:
    """The good feed with some fields changed."""
    return {**GOOD, **fields}


# the shipped catalogue


def test_the_shipped_catalogue_loads() -> None:
    entries = load_catalogue(resource("catalogue.json"))
    assert 12 <= len(entries) <= 20
    assert len({entry.name for entry in entries}) == len(entries)
    assert all(entry.feed_url.startswith("https://") for entry in entries)
    assert all(entry.site_url.startswith("https://") for entry in entries)


def test_the_shipped_catalogue_spans_several_languages_and_regions() -> None:
    entries = load_catalogue(resource("catalogue.json"))
    languages = {entry.language.split("-")[0] for entry in entries}
    assert {"en", "fr", "de", "es", "ja"} <= languages
    assert len({entry.region for entry in entries}) >= 8
    names = {entry.name for entry in entries}
    assert {"BBC News", "NPR News", "Al Jazeera English", "Le Monde"} <= names


# checks


def test_a_good_entry_is_read_exactly(tmp_path: Path) -> None:
    assert load_catalogue(write(tmp_path, GOOD)) == [
        CatalogueEntry(
            "Harbour Gazette",
            "https://gazette.example/feed.xml",
            "https://gazette.example/",
            "en-GB",
            "GB",
            ("local", "sea"),
        )
    ]


@pytest.mark.parametrize(
    ("feed", "message"),
    [
        (changed(feed_url="http://gazette.example/feed.xml"), "not https"),
        (changed(site_url="https:///no-host"), "not https"),
        (changed(name=""), "empty, non-text or badly spaced"),
        (changed(name=" Padded"), "empty, non-text or badly spaced"),
        (changed(region=7), "empty, non-text or badly spaced"),
        (changed(language="English"), "BCP 47"),
        (changed(region="gb"), "ISO 3166"),
        (changed(topics=[]), "topics"),
        (changed(topics="world"), "topics"),
        (changed(topics=["World"]), "topics"),
        (changed(topics=["sea", "sea"]), "topics"),
        ({k: v for k, v in GOOD.items() if k != "region"}, "exactly the fields"),
        (changed(extra=1), "exactly the fields"),
        ("a string", "exactly the fields"),
    ],
)
def test_a_bad_entry_is_named_in_one_sentence(tmp_path: Path, feed: Feed, message: str) -> None:
    with pytest.raises(CatalogueError, match=message) as caught:
        load_catalogue(write(tmp_path, GOOD, feed))
    assert str(caught.value).startswith("catalogue.json, feed 2 ")


@pytest.mark.parametrize(
    ("second", "message"),
    [
        (changed(name="HARBOUR gazette", feed_url="https://other.example/rss"), "name"),
        (changed(name="Another"), "feed address"),
    ],
)
def test_names_and_feed_addresses_are_unique(tmp_path: Path, second: Feed, message: str) -> None:
    with pytest.raises(CatalogueError, match=f"lists the {message} .* twice"):
        load_catalogue(write(tmp_path, GOOD, second))


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda tmp: tmp / "missing.json", "cannot be read"),
        (lambda tmp: write(tmp, document=[1, 2]), "not a catalogue of format 1"),
        (lambda tmp: write(tmp, document={"format": 2, "feeds": []}), "format 1"),
        (lambda tmp: write(tmp, document={"format": 1}), "no list of feeds"),
    ],
)
def test_unreadable_files_are_refused(
    tmp_path: Path, make: Callable[[Path], Path], message: str
) -> None:
    with pytest.raises(CatalogueError, match=message):
        load_catalogue(make(tmp_path))


def test_a_file_that_is_not_json_is_refused(tmp_path: Path) -> None:
    file = tmp_path / "catalogue.json"
    file.write_text("{ not json", encoding="utf-8")
    with pytest.raises(CatalogueError, match="cannot be read"):
        load_catalogue(file)
