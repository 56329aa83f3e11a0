"""The article a page describes in JSON-LD (schema.org), with its references resolved, and small
readers of JSON-LD values shared by the metadata readers."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from desktop.ingest.elements import Element, clean

NEWS_TYPES = frozenset(
    {"NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
     "BackgroundNewsArticle", "ReviewNewsArticle", "AskPublicNewsArticle", "BlogPosting",
     "LiveBlogPosting", "Report", "TechArticle", "SocialMediaPosting", "PodcastEpisode",
     "RadioEpisode"}
)  # fmt: skip
# The properties of an article whose values are often references ({"@id": ...}) to other objects
# of the page's graph (Yoast writes the lead image and the authors so).
REFERRED = ("image", "author", "publisher")


def json_ld_article(tree: Element) -> dict[str, Any]:
    """The first JSON-LD object that describes an article, its referred objects resolved, or {}."""
    items = list(page_items(tree))
    by_id = {item["@id"]: item for item in items if isinstance(item.get("@id"), str)}
    for item in items:
        if NEWS_TYPES.intersection(as_list(item.get("@type"))):
            return {**item, **{key: _resolved(item[key], by_id) for key in REFERRED if key in item}}
    return {}


def page_items(tree: Element) -> Iterator[dict[str, Any]]:
    """Every JSON-LD object of the page's scripts."""
    for script in tree.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text or "")
        except (ValueError, RecursionError):
            continue
        yield from json_ld_items(data)


def json_ld_items(data: Any) -> Iterator[dict[str, Any]]:
    """Every object of a JSON-LD document, looking inside lists and @graph."""
    if isinstance(data, list):
        for item in data:
            yield from json_ld_items(item)
    elif isinstance(data, dict):
        yield data
        yield from json_ld_items(data.get("@graph"))


def _resolved(value: Any, by_id: dict[str, dict[str, Any]]) -> Any:
    """A value with each bare reference ({"@id": ...} alone) replaced by the object it names."""
    if isinstance(value, list):
        return [_resolved(item, by_id) for item in value]
    if isinstance(value, dict) and set(value) == {"@id"}:
        return by_id.get(value["@id"], value)
    return value


def as_list(value: Any) -> list[Any]:
    """A JSON value as a list: lists as they are, None as empty, anything else alone."""
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def ld_text(value: Any) -> str | None:
    """A JSON-LD value that should be text, cleaned, or None."""
    return (clean(value) or None) if isinstance(value, str) else None


def ld_url(value: Any) -> str | None:
    """The address of a JSON-LD image: a string, or an ImageObject's url or contentUrl."""
    if isinstance(value, dict):
        value = value.get("url") or value.get("contentUrl") or value.get("@id")
    return value if isinstance(value, str) else None
