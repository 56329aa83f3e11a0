"""Photos as they arrive: recognised from their bytes, checked, and given a thumbnail."""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

CONTENT_TYPES = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp", "GIF": "image/gif"}
SUFFIXES = {"image/jpeg": ".jpg", "image/png": ".png", "image/webp": ".webp", "image/gif": ".gif"}
THUMBNAIL_SIZE = (320, 180)
MAX_PIXELS = 40_000_000  # a larger "photo" is a decompression bomb, not news
# A JPEG is checked and shrunk at an eighth of its size (``draft``); other formats are decoded
# whole, four bytes a pixel and three more for a thumbnail's copy, so they are held to less:
# 16 million pixels (4000 x 4000) stay near 110 MB.
MAX_DECODED_PIXELS = 16_000_000


class NotAPhotoError(ValueError):
    """The bytes are not an image in a format the reader shows."""


@dataclass(frozen=True, slots=True)
class PhotoFormat:
    """An image's content type and pixel size."""

    content_type: str
    width: int
    height: int


def describe(data: bytes) -> PhotoFormat:
    """Read an image's format and size from its header, without decoding its pixels."""
    from PIL import Image, UnidentifiedImageError

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                kind, (width, height) = image.format, image.size
    except Image.DecompressionBombError as error:  # claims so many pixels Pillow will not open it
        raise NotAPhotoError("The image claims too many pixels to be a photo.") from error
    except (OSError, UnidentifiedImageError, Image.DecompressionBombWarning, ValueError) as error:
        raise NotAPhotoError("The file is not a readable image.") from error
    content_type = CONTENT_TYPES.get(kind or "")
    if content_type is None:
        raise NotAPhotoError(f"The image is a {kind} file, which the reader does not show.")
    limit = MAX_PIXELS if kind == "JPEG" else MAX_DECODED_PIXELS
    if width * height > limit:
        raise NotAPhotoError(f"The image is {width}x{height} pixels, too large to be a photo.")
    return PhotoFormat(content_type, width, height)


def check_whole(data: bytes) -> PhotoFormat:
    """Read an image's format and size, and decode it through to its end, so that a truncated
    or damaged file is refused here rather than shown as a broken picture (a JPEG is decoded at
    an eighth of its size, which reads every byte at a fraction of the cost)."""
    from PIL import Image

    found = describe(data)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                image.draft("RGB", (max(1, found.width // 8), max(1, found.height // 8)))
                image.load()
    except (OSError, ValueError, Image.DecompressionBombWarning) as error:
        raise NotAPhotoError("The image is damaged or cut short.") from error
    return found


def thumbnail(data: bytes) -> bytes:
    """A small JPEG of the photo, cropped to the list's 16:9 frame; the photo is decoded through
    to its end, so a damaged one raises (a JPEG is decoded at the smallest scale that is still
    larger than the thumbnail, less than half the work of decoding it whole)."""
    from PIL import Image, ImageOps

    with Image.open(io.BytesIO(data)) as image:
        image.draft("RGB", THUMBNAIL_SIZE)
        # Shrunk by whole steps as early as it can be: an RGB image before any copy, others
        # (whose reduction would copy them whole, premultiplied) once made RGB.
        step = min(image.width // THUMBNAIL_SIZE[0], image.height // THUMBNAIL_SIZE[1])
        rgb = image if image.mode == "RGB" else image.convert("RGB")
        reduced = rgb.reduce(step) if step > 1 else rgb
        # Bicubic: as sharp as Lanczos at a thumbnail's size, and a fifth less work.
        small = ImageOps.fit(reduced, THUMBNAIL_SIZE, Image.Resampling.BICUBIC)
    output = io.BytesIO()
    small.save(output, "JPEG", quality=82, optimize=True)
    return output.getvalue()
