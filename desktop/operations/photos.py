"""Downloading the pictures articles show: lead photos with their thumbnails and the pictures of
their bodies, each address fetched once, checked, and kept in the photo cache for reading offline.

A picture that cannot be had (not found, not an image, too large, a decompression bomb, a redirect
loop) is skipped alone: the article and its other pictures are kept, and the reader leaves it out.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from desktop.domain import NewPhoto, Progress
from desktop.ingest.fetch import IMAGE_ACCEPT, Failure, Request, Response
from desktop.ingest.figures import BodyImage, same_picture
from desktop.ingest.images import NotAPhotoError, check_whole, describe, thumbnail
from desktop.operations import StoreWriter
from desktop.store import loading

log = logging.getLogger(__name__)

IMAGE_MAX_BYTES = 15 * 1024 * 1024
_PICTURE_FILE_SUFFIXES = (".svg", ".svgz", ".pdf", ".mp4", ".webm", ".mov")


@dataclass(frozen=True, slots=True)
class Wanted:
    """A picture an article shows: its lead photo (``lead``) or a picture of its body, with the
    caption and credit written for it, and the body's other addresses for the same picture."""

    article_id: int
    url: str
    lead: bool = False
    caption: str | None = None
    credit: str | None = None
    aliases: tuple[str, ...] = ()


def wanted_pictures(
    article_id: int,
    lead: str | None,
    body: Sequence[BodyImage],
    caption: str | None = None,
    credit: str | None = None,
) -> list[Wanted]:
    """What to download for one article: its lead photo, and each picture of its body that is not
    the lead photo again (those are shown once, as the lead; their addresses become aliases)."""
    shown = [image for image in body if not image.url.lower().endswith(_PICTURE_FILE_SUFFIXES)]
    if lead is None:
        return [_body_picture(article_id, image) for image in shown]
    repeats = tuple(image.url for image in shown if same_picture(image.url, lead))
    others = [_body_picture(article_id, image) for image in shown if image.url not in repeats]
    return [Wanted(article_id, lead, True, caption, credit, repeats), *others]


def _body_picture(article_id: int, image: BodyImage) -> Wanted:
    """A picture of an article's body to download."""
    return Wanted(article_id, image.url, caption=image.caption, credit=image.credit)


Drain = Callable[[Sequence[Request]], Iterable[Response | Failure]]


@dataclass
class Tally:
    """How many lead photos and pictures of bodies were kept."""

    photos: int = 0
    pictures: int = 0


def fetch_pictures(
    write: StoreWriter, images: Path, wanted: Iterable[Wanted], drain: Drain, tally: Tally
) -> Iterator[Progress]:
    """Download every wanted picture once (``drain`` fetches a batch of requests, yielding each
    result as it arrives), check it and keep it with the articles that show it; yield progress
    and count what was kept in ``tally``."""
    by_url: dict[str, list[Wanted]] = {}
    for item in wanted:
        by_url.setdefault(item.url, []).append(item)
    requests = [Request(url, accept=IMAGE_ACCEPT, max_bytes=IMAGE_MAX_BYTES) for url in by_url]
    for done, result in enumerate(drain(requests), start=1):
        items = by_url[result.url]
        lead = any(item.lead for item in items)
        photo = _checked(result, with_thumbnail=lead)
        if photo is not None:
            write(partial(_keep, items=items, photo=photo, images=images))
            tally.photos += lead
            tally.pictures += not lead
        yield Progress(done, len(requests), f"Fetched {done} of {len(requests)} photos")


def _keep(
    connection: sqlite3.Connection, items: Sequence[Wanted], photo: NewPhoto, images: Path
) -> None:
    """Give every article that shows a downloaded picture its picture."""
    for item in items:
        if item.lead:
            image_id = loading.attach_photo(
                connection, item.article_id, photo, images, caption=item.caption, credit=item.credit
            )
            for alias in item.aliases:
                loading.link_body_image(connection, item.article_id, alias, image_id)
        else:
            loading.attach_body_image(
                connection,
                item.article_id,
                item.url,
                photo,
                images,
                caption=item.caption,
                credit=item.credit,
            )


def _checked(result: Response | Failure, with_thumbnail: bool) -> NewPhoto | None:
    """A downloaded picture, checked whole (with a thumbnail for a lead photo); None when it is
    not a usable image."""
    if isinstance(result, Failure):
        log.info("No picture from %s: %s", result.url, result.sentence)
        return None
    try:
        if with_thumbnail:  # making the thumbnail decodes the whole photo, checking it
            found, small = describe(result.body), thumbnail(result.body)
        else:
            found, small = check_whole(result.body), None
    except (NotAPhotoError, OSError, ValueError) as error:
        log.info("Not a picture at %s: %s", result.url, error)
        return None
    return NewPhoto(
        data=result.body,
        content_type=found.content_type,
        width=found.width,
        height=found.height,
        thumbnail=small,
        url=result.url,
    )
