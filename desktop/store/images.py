"""The photo cache: files named by their content's hash, so a photo is stored once."""

from __future__ import annotations

import hashlib
import os
import threading
from pathlib import Path

from desktop.domain import NewPhoto

SUFFIXES = {"image/jpeg": ".jpg", "image/png": ".png", "image/webp": ".webp", "image/gif": ".gif"}


def cache_bytes(images: Path, data: bytes, suffix: str) -> str:
    """Write bytes into the cache under their content hash; return the path inside the cache.
    Each writer (the refresh's parsing processes too) writes a partial file of its own, so two
    writing the same photo at once never mix their bytes."""
    digest = hashlib.sha256(data).hexdigest()
    relative = f"{digest[:2]}/{digest}{suffix}"
    target = images / relative
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(f"{target.name}.{os.getpid()}-{threading.get_ident()}.part")
        partial.write_bytes(data)
        partial.replace(target)
    return relative


def cache_photo(images: Path, photo: NewPhoto) -> tuple[str, str | None]:
    """Cache a photo and its thumbnail; return both paths inside the cache."""
    suffix = SUFFIXES.get(photo.content_type, ".img")
    thumbnail = cache_bytes(images, photo.thumbnail, ".jpg") if photo.thumbnail else None
    return cache_bytes(images, photo.data, suffix), thumbnail
