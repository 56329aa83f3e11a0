"""Downloading the pictures articles show: lead photos with their thumbnails and the pictures of
their bodies, each address fetched once, checked, and kept in the photo cache for reading offline.

Checking a picture means decoding it whole (and making a lead photo's thumbnail): the CPU-bound
part, done in the refresh's pool of parsing processes when it has one, while the next pictures
download. A picture that cannot be had (not found, not an image, too large, a decompression bomb,
a redirect loop) is skipped alone: the article and its other pictures are kept, and the reader
leaves it out.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent import futures
from concurrent.futures import Executor, Future
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from desktop.domain import NewPhoto, Progress
from desktop.ingest.figures import BodyImage
from desktop.ingest.images import NotAPhotoError, check_whole, describe, thumbnail
from desktop.ingest.picturekeys import same_picture
from desktop.net.fetch import IMAGE_ACCEPT, Failure, Request, Response
from desktop.operations import StoreWriter
from desktop.store import loading, pending
from desktop.store.images import cache_photo
from desktop.wording import count

log = logging.getLogger(__name__)

IMAGE_MAX_BYTES = 15 * 1024 * 1024
# Progress is told at most this many times a stage: thousands of pictures would otherwise send
# the window thousands of signals to repaint its status bar for.
PROGRESS_STEPS = 100
# Downloaded pictures waiting for or in a check at once: enough to keep every checking process
# busy, few enough that memory stays bounded however fast the pictures arrive.
CHECKS_AHEAD = 8
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


def as_work(item: Wanted) -> pending.Work:
    """A wanted picture as the store keeps it until it is had."""
    return pending.Work(
        item.article_id, pending.PICTURE, item.url, item.lead, item.caption, item.credit,
        item.aliases,
    )  # fmt: skip


def from_work(work: pending.Work) -> Wanted:
    """A picture the store still wants, to download."""
    return Wanted(work.article_id, work.url, work.lead, work.caption, work.credit, work.aliases)


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
    write: StoreWriter,
    images: Path,
    wanted: Iterable[Wanted],
    drain: Drain,
    tally: Tally,
    checker: Executor | None = None,
) -> Iterator[Progress]:
    """Download every wanted picture once (``drain`` fetches a batch of requests, yielding each
    result as it arrives), check it (in ``checker``'s processes, when given) and keep it with the
    articles that show it; yield progress and count what was kept in ``tally``."""
    by_url: dict[str, list[Wanted]] = {}
    for item in wanted:
        by_url.setdefault(item.url, []).append(item)
    requests = [Request(url, accept=IMAGE_ACCEPT, max_bytes=IMAGE_MAX_BYTES) for url in by_url]
    checking: list[_Checking] = []
    counter = _Counter(len(requests))
    for result in drain(requests):
        checking.append(_check(checker, result, by_url[result.url], images))
        yield from _keep_finished(write, images, checking, tally, counter, leave=CHECKS_AHEAD)
    yield from _keep_finished(write, images, checking, tally, counter, leave=0)


@dataclass
class _Counter:
    """How many of the stage's pictures are done, told every hundredth of the way."""

    total: int
    done: int = 0

    def step(self) -> Progress | None:
        """Count one more; the progress to tell, when it is time to tell it."""
        self.done += 1
        every = max(1, -(-self.total // PROGRESS_STEPS))  # rounded up: at most PROGRESS_STEPS
        if self.done % every and self.done != self.total:
            return None
        said = f"Fetched {self.done} of {count(self.total, 'photo')}"
        return Progress(self.done, self.total, said)


def _keep_finished(
    write: StoreWriter,
    images: Path,
    checking: list[_Checking],
    tally: Tally,
    counter: _Counter,
    leave: int,
) -> Iterator[Progress]:
    """Keep the pictures whose check has ended, waiting until at most ``leave`` are still being
    checked; yield progress."""
    for finished in _finished(checking, leave):
        _keep_checked(write, images, finished, tally)
        told = counter.step()
        if told is not None:
            yield told


@dataclass(frozen=True, slots=True)
class _Checking:
    """A downloaded picture being checked, and the articles that show it."""

    items: list[Wanted]
    future: Future[NewPhoto | str]


def _check(
    checker: Executor | None, result: Response | Failure, items: list[Wanted], images: Path
) -> _Checking:
    """Check a downloaded picture in the pool, or here and now without one (a failed download
    is its own reason at once)."""
    lead = any(item.lead for item in items)
    if isinstance(result, Failure) or checker is None:
        future: Future[NewPhoto | str] = Future()
        if isinstance(result, Failure):
            future.set_result(result.sentence)
        else:
            future.set_result(checked_picture(result, lead, images))
        return _Checking(items, future)
    return _Checking(items, checker.submit(checked_picture, result, lead, images))


def _finished(checking: list[_Checking], leave: int) -> Iterator[_Checking]:
    """The pictures whose check has ended, taken off the list, waiting for more until at most
    ``leave`` are still being checked (downloads wait meanwhile: what arrives faster than it is
    checked would pile up in memory, and scanning the pile would hold the interpreter)."""
    while checking:
        ready = [item for item in checking if item.future.done()]
        if not ready and len(checking) <= leave:
            return
        if not ready:
            futures.wait([item.future for item in checking], return_when=futures.FIRST_COMPLETED)
            continue
        for item in ready:
            checking.remove(item)
            yield item


def _keep_checked(write: StoreWriter, images: Path, checked: _Checking, tally: Tally) -> None:
    """Store a checked picture with its articles and count it; log why one was not kept."""
    found = checked.future.result()
    url = checked.items[0].url
    if isinstance(found, str):
        log.info("No picture from %s: %s", url, found)
        write(partial(_not_had, items=checked.items, reason=found))
        return
    write(partial(_keep, items=checked.items, photo=found, images=images))
    lead = any(item.lead for item in checked.items)
    tally.photos += lead
    tally.pictures += not lead


def _not_had(connection: sqlite3.Connection, items: Sequence[Wanted], reason: str) -> None:
    """Try a picture that could not be had again later, for every article that shows it."""
    now = int(time.time())
    for item in items:
        pending.failed(connection, item.article_id, pending.PICTURE, item.url, reason, now)


def _keep(
    connection: sqlite3.Connection, items: Sequence[Wanted], photo: NewPhoto, images: Path
) -> None:
    """Give every article that shows a downloaded picture its picture, and strike it off the
    work still to do."""
    for item in items:
        pending.done(connection, item.article_id, pending.PICTURE, item.url)
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


def checked_picture(response: Response, with_thumbnail: bool, images: Path) -> NewPhoto | str:
    """A downloaded picture, checked whole (with a thumbnail for a lead photo) and written into
    the photo cache, or why it is not a usable image; runs in a parsing process (its arguments
    and result pickle), which leaves the refresh's own thread only the store to write."""
    try:
        if with_thumbnail:  # making the thumbnail decodes the whole photo, checking it
            found, small = describe(response.body), thumbnail(response.body)
        else:
            found, small = check_whole(response.body), None
    except (NotAPhotoError, OSError, ValueError) as error:
        return f"not a usable picture ({error})"
    except Exception:  # whatever else the image library meets: this picture's trouble alone
        log.exception("Checking the picture %s failed", response.url)
        return "not a usable picture (Broadsheet could not read it)"
    photo = NewPhoto(
        data=response.body,
        content_type=found.content_type,
        width=found.width,
        height=found.height,
        thumbnail=small,
        url=response.url,
    )
    try:
        cache_photo(images, photo)  # storing it then finds its files there
    except OSError as error:
        return f"the photo cache cannot be written ({error.strerror})"
    return photo
