"""Names a page gives that are not its authors', which the weaker sources of a byline (the author
meta tag, trafilatura's guess) may still offer as theirs: the editors' (signed as such in a
byline, the author meta tag or an editor's line such as "Editor: ..." or "Penyunting: ...") and
the credits of its pictures ("Фото: ...", a photographer named as an image's "author")."""

from __future__ import annotations

from desktop.ingest.blocks import key_of
from desktop.ingest.captions import is_captionish
from desktop.ingest.elements import Element, attr, clean, text_of
from desktop.ingest.names import editor_names

MAX_LINE = 150  # characters of an editor's line
_PICTURE_TAGS = frozenset({"figure", "figcaption"})


def not_authors(
    names: list[str], body: Element | None, signed: list[str], meta_author: str
) -> list[str]:
    """The names less the page's editors' (``signed``: its bylines' texts) and those its
    pictures' credits give."""
    if not names or body is None:
        return names
    lines = [*signed, meta_author, *_editor_lines(body)]
    editors = {key_of(name) for text in lines for name in editor_names(text)}
    credits = "\x00".join(key_of(text_of(element)) for element in _pictures(body))
    return [name for name in names if key_of(name) not in editors and key_of(name) not in credits]


def _editor_lines(body: Element) -> list[str]:
    """The texts of the page's short lines that name an editor."""
    found: list[str] = []
    for element in body.iter("p", "div", "span", "li"):
        own = clean(element.text or "")
        if own and len(own) <= MAX_LINE and editor_names(own):
            found.append(own)
    return found


def _pictures(body: Element) -> list[Element]:
    """The page's figures, captions and the images described in microdata."""
    return [
        element
        for element in body.iter()
        if isinstance(element.tag, str) and _is_picture_part(element)
    ]


def _is_picture_part(element: Element) -> bool:
    """Whether an element is a figure, a caption or an image described in microdata."""
    if element.tag in _PICTURE_TAGS or "ImageObject" in attr(element, "itemtype"):
        return True
    return bool(element.get("class")) and is_captionish(element)
