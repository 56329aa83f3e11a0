"""A podcast's or radio show's art: the square cover a show puts on every episode's page, which
is no news photo. An episode's page says what it is (by its JSON-LD type, its og:type or an
audio player); the art is the series' image that the JSON-LD names, or a square picture (by its
declared sides or the sides in its address), or one named for a cover, artwork or a podcast."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote, urlsplit

from desktop.ingest.elements import Element
from desktop.ingest.jsonld import as_list, ld_url, page_items
from desktop.ingest.picturekeys import same_picture

# Words of a picture's file name that name a show's art.
ART_WORDS = frozenset(
    {"cover", "covers", "coverart", "artwork", "albumart", "showart", "podcast", "podcasts",
     "itunes"}
)  # fmt: skip
PODCAST_WORDS = frozenset({"podcast", "podcasts"})
EPISODE_TYPES = frozenset({"PodcastEpisode", "RadioEpisode", "Episode", "PodcastSeries",
                           "RadioSeries"})  # fmt: skip
SERIES_KEYS = ("partOfSeries", "partOfSeason")
_OG_EPISODE = re.compile(r"podcast|episode|music|audio", re.I)
_SIDES_IN_NAME = re.compile(r"(?<!\d)(\d{3,4})x(\d{3,4})(?!\d)")
_WORDS = re.compile(r"[a-z]+")


@dataclass(frozen=True, slots=True)
class ShowArt:
    """What tells a show's art on a page: whether it is an episode's, and its series' images."""

    episode: bool
    series: tuple[str, ...]

    def is_art(self, url: str, width: int | None = None, height: int | None = None) -> bool:
        """Whether a picture (with the sides declared for it, if any) is the show's art."""
        if any(same_picture(url, image) for image in self.series):
            return True
        words = set(_WORDS.findall(_file_name(url)))
        square = _square(url, width, height)
        if self.episode:
            return square or bool(ART_WORDS & words)
        return bool(PODCAST_WORDS & words) and (square or bool((ART_WORDS - PODCAST_WORDS) & words))


def show_art(tree: Element, meta: dict[str, str]) -> ShowArt:
    """How a page's show art is told: whether the page is a show's episode, and the images of
    the series its JSON-LD names."""
    items = list(page_items(tree))
    types = {kind for item in items for kind in as_list(item.get("@type")) if isinstance(kind, str)}
    episode = bool(EPISODE_TYPES & types) or bool(_OG_EPISODE.search(meta.get("og:type", "")))
    body = tree.find("body")
    if not episode and body is not None:
        episode = next(body.iter("audio", "amp-audio"), None) is not None
    return ShowArt(episode, tuple(_series_images(items)))


def _series_images(items: list[dict[str, Any]]) -> Iterator[str]:
    """The addresses of the images of the series that the JSON-LD objects are, or are part of."""
    for item in items:
        series = (
            [item] if {"PodcastSeries", "RadioSeries"} & set(as_list(item.get("@type"))) else []
        )
        series += [part for key in SERIES_KEYS for part in as_list(item.get(key))]
        for part in series:
            if isinstance(part, dict):
                yield from (url for url in map(ld_url, as_list(part.get("image"))) if url)


def _square(url: str, width: int | None, height: int | None) -> bool:
    """Whether a picture is square, by its declared sides or those written in its file name."""
    if not (width and height):
        sides = _SIDES_IN_NAME.search(_file_name(url))
        width, height = (int(sides[1]), int(sides[2])) if sides else (None, None)
    return bool(width and height and width == height)


def _file_name(url: str) -> str:
    """The last segment of an address's path, lower-cased."""
    segments = [segment for segment in unquote(urlsplit(url).path).split("/") if segment]
    return segments[-1].lower() if segments else ""
