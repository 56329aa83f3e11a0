"""The built-in catalogue of well-known public news feeds a person can subscribe to in one click.

``desktop/resources/catalogue.json`` holds ``{"format": 1, "feeds": [...]}``; each feed has a unique
name, https feed and site addresses, a BCP 47 language tag, an ISO 3166 region and topics.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from desktop.ingest.versioned import read_versioned

FORMAT = 1
FIELDS = ("name", "feed_url", "site_url", "language", "region", "topics")
_LANGUAGE = re.compile(r"^[a-z]{2,3}(?:-[A-Z][a-z]{3})?(?:-(?:[A-Z]{2}|[0-9]{3}))?$")
_REGION = re.compile(r"^[A-Z]{2}$")
_TOPIC = re.compile(r"^[a-z][a-z-]*$")


@dataclass(frozen=True, slots=True)
class CatalogueEntry:
    """A public news feed of the catalogue, with its language, region and topics."""

    name: str
    feed_url: str
    site_url: str
    language: str
    region: str
    topics: tuple[str, ...]


class CatalogueError(ValueError):
    """The catalogue file is missing, unreadable or not in the expected shape."""


def load_catalogue(file: Path) -> list[CatalogueEntry]:
    """Read and check the catalogue: fields present, https addresses, names and feeds unique."""
    feeds = _load(file).get("feeds")
    if not isinstance(feeds, list):
        raise CatalogueError(f"{file.name} has no list of feeds.")
    entries = [_entry(raw, file.name, number) for number, raw in enumerate(feeds, 1)]
    _check_unique([entry.name for entry in entries], "name", file.name)
    _check_unique([entry.feed_url for entry in entries], "feed address", file.name)
    return entries


def _load(file: Path) -> dict[str, Any]:
    """The catalogue document, of our format version."""
    return read_versioned(file, FORMAT, "a catalogue", CatalogueError)


def _entry(raw: object, file_name: str, number: int) -> CatalogueEntry:
    """One checked entry; ``number`` counts from 1 for the error message."""
    where = f"{file_name}, feed {number}"
    if not isinstance(raw, dict) or set(raw) != set(FIELDS):
        raise CatalogueError(f"{where} must have exactly the fields {', '.join(FIELDS)}.")
    texts = [raw[name] for name in FIELDS[:-1]]
    if not all(isinstance(text, str) and text and text == text.strip() for text in texts):
        raise CatalogueError(f"{where} has an empty, non-text or badly spaced field.")
    name, feed_url, site_url, language, region = texts
    topics = raw["topics"]
    _check(
        _is_https(feed_url) and _is_https(site_url), f"{where} has an address that is not https."
    )
    _check(bool(_LANGUAGE.match(language)), f"{where} has a language that is not a BCP 47 tag.")
    _check(bool(_REGION.match(region)), f"{where} has a region that is not an ISO 3166 code.")
    _check(_are_topics(topics), f"{where} needs a list of lower-case topics.")
    return CatalogueEntry(name, feed_url, site_url, language, region, tuple(topics))


def _is_https(url: str) -> bool:
    """Whether ``url`` is an https address with a host."""
    parts = urlsplit(url)
    return parts.scheme == "https" and bool(parts.hostname) and " " not in url


def _are_topics(topics: object) -> bool:
    """Whether ``topics`` is a non-empty list of distinct lower-case words."""
    if not isinstance(topics, list) or not topics or len(set(topics)) != len(topics):
        return False
    return all(isinstance(topic, str) and _TOPIC.match(topic) for topic in topics)


def _check(condition: bool, message: str) -> None:
    """Raise ``message`` as a catalogue error unless ``condition`` holds."""
    if not condition:
        raise CatalogueError(message)


def _check_unique(values: list[str], what: str, file_name: str) -> None:
    """Raise if two catalogue entries share a value."""
    seen: set[str] = set()
    for value in values:
        if value.casefold() in seen:
            raise CatalogueError(f"{file_name} lists the {what} {value!r} twice.")
        seen.add(value.casefold())
