"""The photo cache: files named by their content's hash, so a photo is stored once."""

from __future__ import annotations

import hashlib
import os
import threading
import time
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


PARTIAL_AGE = 600  # seconds: a partial file this old was left by a writer that was stopped


def remove_partials(images: Path) -> int:
    """Delete the partial files writers that were stopped (killed, out of room) left in the
    cache; return how many. One being written now is younger than ``PARTIAL_AGE``."""
    removed = 0
    before = time.time() - PARTIAL_AGE
    for partial in images.glob("*/*.part"):
        try:
            if partial.stat().st_mtime < before:
                partial.unlink()
                removed += 1
        except OSError:  # gone meanwhile, or the cache cannot be written: left for later
            continue
    return removed
