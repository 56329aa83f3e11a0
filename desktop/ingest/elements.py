"""Small readers of parsed HTML (lxml elements), shared by the page, caption and figure readers."""

from __future__ import annotations

import re
from functools import cache
from typing import Any
from urllib.parse import urljoin, urlsplit

# lxml ships no type information: its elements are plain ``Any`` to mypy.
Element = Any

_SPACES = re.compile(r"\s+")
# Markup that is a whole document rather than a fragment of one.
_WHOLE_DOCUMENT = re.compile(r"\s*<(?:html|!doctype)", re.IGNORECASE)


@cache
def etree_module() -> Any:
    """lxml's etree, imported when first needed (not with the window)."""
    from lxml import etree

    return etree


@cache
def _parser() -> Any:
    """libxml2's forgiving HTML parser, made once (it keeps no state between documents)."""
    return etree_module().HTMLParser()


def parsed_body(html: str) -> Element | None:
    """The ``<body>`` of HTML parsed into plain lxml elements (faster to walk than lxml.html's,
    which look up their class at every step); a fragment goes into a body of its own, where the
    parser keeps all of it. None when nothing can be parsed."""
    etree = etree_module()
    markup = html if _WHOLE_DOCUMENT.match(html) else f"<html><body>{html}</body></html>"
    try:
        document = etree.fromstring(markup, _parser())
    except (etree.ParserError, ValueError):
        return None
    return document.find("body") if document is not None else None


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
