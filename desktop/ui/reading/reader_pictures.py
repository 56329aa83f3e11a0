"""The reader's pictures: only photos cached under the photo folder are shown, each decoded
straight at the width it is shown at, and fitted again when the text column changes width."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QSize, QUrl, QUrlQuery
from PySide6.QtGui import QImage, QImageReader, QTextCursor, QTextDocument, QTextImageFormat

from desktop.domain import Article
from desktop.ui.reading.article_body import PHOTO_SCHEME, WIDTH_QUERY, photo_url

log = logging.getLogger(__name__)


class ReaderPictures:
    """The pictures of the article shown, with the width each was stored at, and the width of
    the column they are fitted to."""

    def __init__(self, images: Path) -> None:
        self._images = images.resolve()
        self._natural: dict[Path, int] = {}  # the width of each picture shown, by its file
        self.column = 0

    def show(self, article: Article | None, column: int) -> None:
        """Take note of the pictures of the article now shown (none: a message), in a column."""
        photos = [] if article is None else [*article.images]
        if article is not None and article.photo:
            photos.insert(0, article.photo)
        self._natural = {photo.file.resolve(): photo.width for photo in photos}
        self.column = column

    def load(self, url: QUrl, pixel_ratio: float) -> QImage | None:
        """A cached photo at the width its URL names; anything else, remote or local, refused."""
        if url.scheme() != PHOTO_SCHEME:
            return None
        file = Path(url.path()).resolve()
        if not file.is_relative_to(self._images) or not file.is_file():
            log.info("Refused to load %s", url.toString())
            return None
        asked = QUrlQuery(url).queryItemValue(WIDTH_QUERY)
        width = int(asked) if asked.isdigit() else self._fitting(file)
        return scaled_photo(file, width, pixel_ratio)

    def refit(self, document: QTextDocument, column: int) -> None:
        """Fit the pictures to the column again after it changed width: each picture whose width
        changes is asked for again under its new width's URL, decoded anew at that size."""
        if column == self.column or not self._natural:
            return
        self.column = column
        for position, image in list(_pictures(document)):
            file = Path(QUrl(image.name()).path()).resolve()
            width = self._fitting(file)
            if width is None or width == int(image.width()):
                continue
            image.setName(photo_url(file, width))
            image.setWidth(width)
            cursor = QTextCursor(document)
            cursor.setPosition(position)
            cursor.setPosition(position + 1, QTextCursor.MoveMode.KeepAnchor)
            cursor.setCharFormat(image)

    def _fitting(self, file: Path) -> int | None:
        """The width a picture of this article is shown at: the column's, never more than its
        own; None for a picture the article does not show."""
        natural = self._natural.get(file)
        return None if natural is None else min(self.column, natural)


def scaled_photo(file: Path, width: int | None, ratio: float) -> QImage | None:
    """A picture decoded straight at the size it is shown at (JPEG decoders scale while
    decoding, which is faster and keeps no full-size copy in memory)."""
    reader = QImageReader(str(file))
    original = reader.size()
    pixels = int((width or original.width()) * ratio)
    if original.isValid() and 0 < pixels < original.width():
        height = max(1, round(original.height() * pixels / original.width()))
        reader.setScaledSize(QSize(pixels, height))
        reader.setQuality(100)  # smooth scaling, not the fastest nearest-pixel one
    image = reader.read()
    if image.isNull():
        log.info("Could not read the photo %s: %s", file, reader.errorString())
        return None
    image.setDevicePixelRatio(ratio)
    return image


def _pictures(document: QTextDocument) -> Iterator[tuple[int, QTextImageFormat]]:
    """The position and format of every cached picture the document shows."""
    block = document.begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            if fragment.charFormat().isImageFormat():
                image = fragment.charFormat().toImageFormat()
                if QUrl(image.name()).scheme() == PHOTO_SCHEME:
                    yield fragment.position(), image
            fragments += 1
        block = block.next()
