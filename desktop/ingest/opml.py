"""Subscription lists in OPML 1.0 and 2.0: reading them (safely) and writing them back.

A folder is an outline without ``xmlUrl`` that holds others, named by its ``text`` (what OPML
shows of an outline), else its ``title``; nested folders are joined with `` / ``. Writing groups
the feeds of a folder together, in the order folders first appear.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

FOLDER_SEPARATOR = " / "
FEED_TYPES = frozenset({"rss", "atom"})
MAX_FOLDER_DEPTH = 32  # folders nested deeper hold their feeds at this depth
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


@dataclass(frozen=True, slots=True)
class OutlineFeed:
    """One subscription of an OPML file: a feed, its site and the folder it sits in."""

    title: str
    feed_url: str
    site_url: str | None
    folder: str | None


class OpmlError(ValueError):
    """The file is not a readable OPML subscription list."""


def read_opml(data: bytes) -> list[OutlineFeed]:
    """Every feed of an OPML file in document order, each feed address once."""
    body = _parse(data).find("body")
    if body is None:
        raise OpmlError("The OPML file has no body, so it lists no subscriptions.")
    feeds: dict[str, OutlineFeed] = {}
    for feed in _feeds(body):
        feeds.setdefault(feed.feed_url, feed)
    return list(feeds.values())


def write_opml(feeds: Sequence[OutlineFeed], title: str = "Broadsheet subscriptions") -> bytes:
    """An OPML 2.0 document (UTF-8) listing ``feeds``, folders as nested outlines."""
    root = ET.Element("opml", version="2.0")
    ET.SubElement(ET.SubElement(root, "head"), "title").text = _clean(title)
    body = ET.SubElement(root, "body")
    folders: dict[tuple[str, ...], ET.Element] = {(): body}
    for feed in feeds:
        parent = _folder_element(folders, _folder_path(feed.folder))
        ET.SubElement(parent, "outline", _feed_attributes(feed))
    ET.indent(root)
    text = ET.tostring(root, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{text}\n'.encode()


def _parse(data: bytes) -> ET.Element:
    """The root of an OPML document, parsed without expanding entities or fetching anything."""
    try:
        root: ET.Element = SafeET.fromstring(data)
    except DefusedXmlException as error:
        raise OpmlError(
            "The file declares XML entities, which an OPML list never needs."
        ) from error
    except ET.ParseError as error:
        raise OpmlError(f"The file is not well-formed XML ({error}).") from error
    if root.tag != "opml":
        raise OpmlError("The file is XML but not an OPML subscription list.")
    return root


def _feeds(body: ET.Element) -> Iterator[OutlineFeed]:
    """The feeds under ``body``, depth first, with the folder each one sits in; walked with a
    stack, not recursion, so a file nested ten thousand deep is read like any other (folders
    deeper than ``MAX_FOLDER_DEPTH`` keep their feeds in the folder at that depth)."""
    stack: list[tuple[ET.Element, str | None, int]] = [
        (outline, None, 1) for outline in reversed(body.findall("outline"))
    ]
    while stack:
        outline, folder, depth = stack.pop()
        attributes = {name.lower(): value.strip() for name, value in outline.attrib.items()}
        url = attributes.get("xmlurl") or _typed_url(attributes)
        inner: str | None = folder
        if url:
            title = _first_text(attributes, "title", "text")
            yield OutlineFeed(title or url, url, attributes.get("htmlurl") or None, folder)
        elif depth <= MAX_FOLDER_DEPTH:
            # A folder's name is what OPML shows of any outline, its text; title is a fallback.
            name = _first_text(attributes, "text", "title")
            inner = FOLDER_SEPARATOR.join(filter(None, (folder, name))) or None
        stack.extend((child, inner, depth + 1) for child in reversed(outline.findall("outline")))


def _first_text(attributes: dict[str, str], *names: str) -> str:
    """The first of the named attributes that holds words, its whitespace folded."""
    return next((" ".join(v.split()) for n in names if (v := attributes.get(n, "")).strip()), "")


def _typed_url(attributes: dict[str, str]) -> str | None:
    """The ``url`` of an outline typed rss or atom (old exporters put the feed there)."""
    return attributes.get("url") if attributes.get("type", "").lower() in FEED_TYPES else None


def _folder_path(folder: str | None) -> tuple[str, ...]:
    """The names of a folder and its parents, outermost first."""
    if not folder:
        return ()
    return tuple(part for part in (p.strip() for p in folder.split(FOLDER_SEPARATOR)) if part)


def _folder_element(
    folders: dict[tuple[str, ...], ET.Element], path: tuple[str, ...]
) -> ET.Element:
    """The outline element of a folder, created (with its parents) on first use."""
    if path not in folders:
        parent = _folder_element(folders, path[:-1])
        name = _clean(path[-1])
        folders[path] = ET.SubElement(parent, "outline", {"text": name, "title": name})
    return folders[path]


def _feed_attributes(feed: OutlineFeed) -> dict[str, str]:
    """The attributes of a feed's outline."""
    title = _clean(feed.title)
    attributes = {"type": "rss", "text": title, "title": title, "xmlUrl": _clean(feed.feed_url)}
    if feed.site_url:
        attributes["htmlUrl"] = _clean(feed.site_url)
    return attributes


def _clean(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot hold (control characters)."""
    return _NOT_XML.sub("", text)
