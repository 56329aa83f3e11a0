"""The caption and credit of an article's lead photo: shown with its picture, else in the page's
lead-picture container (a photo shown as a background), else in JSON-LD, else in the picture's
alternative text (a credit only); a credit left as its label ("Fot.") is the name an attribute
of the picture or its figure gives."""

from __future__ import annotations

import re
from typing import Any

from desktop.ingest.captions import MAX_CAPTION, caption_elements, caption_near, image_count
from desktop.ingest.captiontext import caption_parts
from desktop.ingest.creditforms import (
    closes_with_credit,
    is_label_alone,
    is_person,
    split_credit,
    unwrapped,
)
from desktop.ingest.elements import Element, attr, clean, text_of
from desktop.ingest.jsonld import as_list, ld_text

# A container of a page's lead picture, by class: "featured-image", "lead-media", "hero-photo".
_PHOTO_BLOCK = re.compile(
    r"(?:featured|lead|hero)[-_]?(?:image|img|photo|media|picture|art|figure)", re.I
)

_PHOTOGRAPHER_ATTRIBUTE = re.compile(r"author|photographer|fotograf|credit", re.I)


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
    if credit and is_label_alone(credit):  # "... Borowicach. Fot.": the name is elsewhere
        credit = _attribute_photographer(element)
    return caption, credit or _alt_credit(element)


def _attribute_photographer(element: Element | None) -> str | None:
    """The photographer named in an attribute of the photo or of its figure's elements
    (``data-author``, ``data-photographer``) or of the box that holds them alone, for a caption
    whose credit is its label alone."""
    if element is None:
        return None
    box = element
    for up in element.iterancestors():
        if image_count(up) > 1 or len(clean(text_of(up))) > MAX_CAPTION:
            break
        box = up
    holders = list(box.iter())
    for holder in holders:
        if not isinstance(holder.tag, str):
            continue
        for name, value in holder.attrib.items():
            text = clean(value)
            if _PHOTOGRAPHER_ATTRIBUTE.search(name) and is_person(text):
                return text
    return None


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
