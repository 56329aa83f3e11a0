"""Our own JSON documents (the sample edition, the catalogue): an object with a format number."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def read_versioned(file: Path, version: int, kind: str, error: type[ValueError]) -> dict[str, Any]:
    """The JSON object in ``file`` if it is ``kind`` of format ``version``; else ``error``, with
    a sentence naming the file."""
    try:
        document = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, ValueError) as problem:
        raise error(f"{file.name} cannot be read ({problem}).") from problem
    if not isinstance(document, dict) or document.get("format") != version:
        raise error(f"{file.name} is not {kind} of format {version}.")
    return document
