"""The caption and credit of an article's lead photo: shown with its picture, else in the page's
lead-picture container (a photo shown as a background), else in JSON-LD, else in the picture's
alternative text (a credit only)."""

from __future__ import annotations

import re
from typing import Any

from desktop.ingest.captions import caption_elements, caption_near
from desktop.ingest.captiontext import caption_parts
from desktop.ingest.creditforms import closes_with_credit, split_credit, unwrapped
from desktop.ingest.elements import Element, attr, clean
from desktop.ingest.jsonld import as_list, ld_text

# A container of a page's lead picture, by class: "featured-image", "lead-media", "hero-photo".
_PHOTO_BLOCK = re.compile(
    r"(?:featured|lead|hero)[-_]?(?:image|img|photo|media|picture|art|figure)", re.I
)


def lead_caption(
    tree: Element, element: Element | None, ld_image: dict[str, Any] | None
) -> tuple[str | None, str | None]:
    """The caption and credit shown with the photo, else in its container, else in JSON-LD."""
    caption, credit = caption_near(element) if element is not None else _block_caption(tree)
    ld_caption, ld_credit = _ld_caption(ld_image)
    caption, credit = caption or ld_caption, credit or ld_credit
    if caption:
        caption, inline = split_credit(caption)
        credit = credit or inline
    return caption, credit or _alt_credit(element)


def _alt_credit(element: Element | None) -> str | None:
    """The credit written only in the photo's alternative text ("... Photo: Jane Doe/AFP")."""
    alt = clean(attr(element, "alt")) if element is not None else ""
    if not alt or not closes_with_credit(alt):
        return None
    return split_credit(alt)[1] or unwrapped(alt)


def _block_caption(tree: Element) -> tuple[str | None, str | None]:
    """The caption in the page's lead-picture container ("featured-image" ...), for a photo
    shown without an <img> (as a background)."""
    for block in tree.iter("div", "figure", "section", "span"):
        if _PHOTO_BLOCK.search(attr(block, "class")):
            captions = caption_elements(block)
            if captions:
                return caption_parts(captions)
    return None, None


def _ld_caption(image: dict[str, Any] | None) -> tuple[str | None, str | None]:
    """The caption and credit of a JSON-LD ImageObject."""
    if image is None:
        return None, None
    credits = [image.get("creditText"), image.get("copyrightHolder"), image.get("author")]
    credit = next((name for name in map(_ld_name, credits) if name), None)
    return ld_text(image.get("caption") or image.get("description")), credit


def _ld_name(value: Any) -> str | None:
    """A JSON-LD name: text, or the name of a Person or Organization (the first of a list)."""
    first = as_list(value)[0] if as_list(value) else None
    return ld_text(first.get("name") if isinstance(first, dict) else first)
