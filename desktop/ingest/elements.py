"""Small readers of parsed HTML (lxml elements), shared by the page, caption and figure readers."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urljoin, urlsplit

# lxml ships no type information: its elements are plain ``Any`` to mypy.
Element = Any

_SPACES = re.compile(r"\s+")


def attr(element: Element | None, name: str) -> str:
    """An attribute's value, or an empty string."""
    return "" if element is None else str(element.get(name) or "")


def text_of(element: Element) -> str:
    """All the text inside an element, as lxml gives it."""
    return "".join(element.itertext())


def clean(text: str) -> str:
    """Text with runs of whitespace folded to one space."""
    return _SPACES.sub(" ", text).strip()


def absolute(address: str, base: str | None) -> str | None:
    """An http(s) address made absolute against the base, or None when it cannot be."""
    address = address.strip()
    if not address or address.startswith("data:"):
        return None
    if address.startswith("//") and not base:
        address = f"https:{address}"
    try:
        resolved = urljoin(base or "", address)
        parts = urlsplit(resolved)
    except ValueError:
        return None
    return resolved if parts.scheme in {"http", "https"} and parts.netloc else None
