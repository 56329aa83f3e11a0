"""The photo cache: files named by their content's hash, so a photo is stored once."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from desktop.domain import NewPhoto


def cache_file(images: Path, file: Path) -> str:
    """Copy a file into the cache under its content hash; return its path inside the cache."""
    digest = hashlib.sha256(file.read_bytes()).hexdigest()
    relative = f"{digest[:2]}/{digest}{file.suffix.lower()}"
    target = images / relative
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_suffix(target.suffix + ".part")
        shutil.copyfile(file, partial)
        partial.replace(target)
    return relative


def cache_photo(images: Path, photo: NewPhoto) -> tuple[str, str | None]:
    """Cache a photo and its thumbnail; return both paths inside the cache."""
    thumbnail = cache_file(images, photo.thumbnail) if photo.thumbnail else None
    return cache_file(images, photo.file), thumbnail
