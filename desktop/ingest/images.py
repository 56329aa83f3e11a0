"""Recognising photo files: their format and size, read from the header only."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

CONTENT_TYPES = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp", "GIF": "image/gif"}


class NotAPhotoError(ValueError):
    """The file is not an image in a format the reader shows."""


@dataclass(frozen=True, slots=True)
class PhotoFormat:
    """An image file's content type and pixel size."""

    content_type: str
    width: int
    height: int


def describe(file: Path) -> PhotoFormat:
    """Read an image's format and size without decoding its pixels."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(file) as image:
            kind, (width, height) = image.format, image.size
    except (OSError, UnidentifiedImageError) as error:
        raise NotAPhotoError(f"{file.name} is not a readable image") from error
    content_type = CONTENT_TYPES.get(kind or "")
    if content_type is None:
        raise NotAPhotoError(f"{file.name} is a {kind} image, which the reader does not show")
    return PhotoFormat(content_type, width, height)
