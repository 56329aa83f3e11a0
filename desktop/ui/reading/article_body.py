"""An article's body as the reader shows it: its pictures from the photo cache, fitted to the
column, figures laid out as the lead photo is (picture, caption, then credit), and nothing that
could show as a broken picture.

The body is the sanitizer's output (``desktop.ingest.sanitize``), whose markup is regular:
lower-case tags, every attribute value in double quotes with quotes inside escaped, ``<`` escaped
in text. So a few patterns read it exactly, and no HTML parser is loaded into the window's start.
A picture the cache does not hold (it could not be downloaded, or the article has more than are
kept) is left out with its figure, and one inside a sentence gives way to its alt text; the lead
photo's own figure in the body is left out too, as the lead photo already shows above the body
with that figure's caption.

Each picture is described to screen readers, which are given a picture in the text as an empty
object: its caption follows it as "Photo: " and the caption (the "Photo: " unseen), and a picture
with no caption is followed by "Photo: " and its alt text, or "Photo", all unseen (``unseen``).
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from desktop.domain import Photo

PHOTO_SCHEME = "photo"
WIDTH_QUERY = "width"
PHOTO_WORD = "Photo"

_IMAGE = re.compile(r"<img((?:\s+[\w:-]+(?:=\"[^\"]*\")?)*)\s*/?>")
# A figure, a picture outside figures, or a caption outside figures, each read once.
_PIECE = re.compile(
    rf"<figure>(?P<figure>.*?)</figure>|{_IMAGE.pattern}|<figcaption>(?P<caption>.*?)</figcaption>",
    re.S,
)
_ATTRIBUTE = re.compile(r"([\w:-]+)(?:=\"([^\"]*)\")?")
_FIGCAPTION = re.compile(r"<figcaption>(.*?)</figcaption>", re.S)
_SMALL = re.compile(r"<small>(.*?)</small>", re.S)
_TAGS = re.compile(r"<[^>]*>")


@dataclass(frozen=True, slots=True)
class Pictures:
    """What the reader has to lay out an article's pictures: the cached pictures of the body by
    the address the body names them by, the lead photo, and the column's width in pixels."""

    by_address: Mapping[str, Photo]
    lead: Photo | None
    column: int

    def shown(self, address: str) -> Photo | None:
        """The cached picture for an address of the body, unless it is the lead photo again."""
        photo = self.by_address.get(html.unescape(address))
        if photo is None or (self.lead is not None and photo.file == self.lead.file):
            return None
        return photo

    def width(self, photo: Photo) -> int:
        """A picture's width on screen: the column's, never more than the picture's own."""
        return min(self.column, photo.width)


def photo_url(file: Path, width: int) -> str:
    """The URL under which the reader asks for a cached picture at a width: a picture shown at
    another width is another resource, decoded anew at that size."""
    return f"{PHOTO_SCHEME}:{file.as_posix()}?{WIDTH_QUERY}={width}"


def reader_body(body_html: str, pictures: Pictures) -> str:
    """The body with its figures laid out and its pictures taken from the cache."""
    return _PIECE.sub(lambda found: _piece(found, pictures), body_html)


def _piece(found: re.Match[str], pictures: Pictures) -> str:
    """A figure, a picture or a stray caption of the body, as the reader shows it."""
    if found["figure"] is not None:
        return _figure(found["figure"], pictures)
    if found["caption"] is not None:
        return caption_html(*_caption_parts(found["caption"]))
    return _inline_picture(found[2], pictures)


def picture_html(photo: Photo, width: int, alt: str, captioned: bool = False) -> str:
    """A picture on a line of its own, across the column or as wide as it is; described to
    screen readers by its alt text unless a caption follows (``captioned``)."""
    source = html.escape(photo_url(photo.file, width), quote=True)
    said = "" if captioned else unseen(description(alt))
    return f'<p class="photo"><img src="{source}" width="{width}" alt="{alt}">{said}</p>'


def caption_html(caption: str | None, credit: str | None, photo: bool = False) -> str:
    """A caption, then its credit in lighter type after it, as newspapers print them (both
    markup); nothing when there is neither. The caption of a ``photo`` is said to be one."""
    if not (caption or credit):
        return ""
    if caption and photo:
        caption = unseen(f"{PHOTO_WORD}: ") + caption
    credit_html = f'<span class="credit">{credit}</span>' if credit else ""
    return f'<p class="caption">{" ".join(part for part in (caption, credit_html) if part)}</p>'


def description(alt: str) -> str:
    """What a screen reader says for a picture with no caption: "Photo: " and its alt text (as
    markup), or "Photo"."""
    text = alt.strip()
    return f"{PHOTO_WORD}: {text}" if text and text != PHOTO_WORD else PHOTO_WORD


def unseen(markup: str) -> str:
    """Text for screen readers only: it takes no room and has no colour (``span.unseen`` in the
    reader's stylesheet), and a caret passes over it."""
    return f'<span class="unseen">{markup}</span>'


def _figure(inside: str, pictures: Pictures) -> str:
    """A figure's pictures that the cache holds, then its caption and credit; nothing when none
    of its pictures is shown (a figure with no picture at all keeps its caption)."""
    images = [_attributes(found[1]) for found in _IMAGE.finditer(inside)]
    shown = [(pictures.shown(image.get("src", "")), image) for image in images]
    found = _FIGCAPTION.search(inside)
    caption, credit = _caption_parts(found[1]) if found else (None, None)
    laid_out = [
        picture_html(photo, pictures.width(photo), image.get("alt", ""), caption is not None)
        for photo, image in shown
        if photo is not None
    ]
    if images and not laid_out:
        return ""
    return "".join(laid_out) + caption_html(caption, credit, photo=bool(laid_out))


def _inline_picture(attributes: str, pictures: Pictures) -> str:
    """A picture inside a line of text, from the cache; its alt text when the cache lacks it, as
    browsers show an image that cannot load (the sentence keeps its word)."""
    image = _attributes(attributes)
    photo = pictures.shown(image.get("src", ""))
    if photo is None:
        return image.get("alt", "")
    width = pictures.width(photo)
    source = html.escape(photo_url(photo.file, width), quote=True)
    alt = image.get("alt", "")
    return f'<img src="{source}" width="{width}" alt="{alt}">{unseen(description(alt))}'


def _caption_parts(figcaption: str) -> tuple[str | None, str | None]:
    """A figcaption's caption and the credit in its ``<small>``, as markup."""
    credits = [found[1].strip() for found in _SMALL.finditer(figcaption)]
    caption = _SMALL.sub("", figcaption).strip()
    credit = " ".join(credit for credit in credits if _TAGS.sub("", credit).strip())
    return caption if _TAGS.sub("", caption).strip() else None, credit or None


def _attributes(markup: str) -> dict[str, str]:
    """An element's attributes by name, their values as written (escaped)."""
    return {found[1]: found[2] or "" for found in _ATTRIBUTE.finditer(markup)}
