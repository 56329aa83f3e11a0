"""An author's name closing an article, as Vietnamese papers sign a story: the last paragraph,
set right or in bold, holding only the name. It is the byline, and no part of the text."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import etree
from lxml import html as lxml_html

from desktop.ingest.blocks import Block, block_of, key_of
from desktop.ingest.elements import Element, attr, clean, text_of
from desktop.ingest.names import names_in
from desktop.ingest.pagelayout import in_site_furniture

SIGNOFF_CHARS = 60  # the longest sign-off
PROSE_CHARS = 80  # characters of the paragraph before it, from which it closes prose
_RIGHT = re.compile(r"text-align\s*:\s*right", re.I)
_BOLD = ("b", "strong")
_BETWEEN_NAMES = re.compile(r"\s+[-–—]\s+|\s*[,;&]\s*|\s+(?:và|and)\s+")


def signoff(block: Block) -> list[str]:
    """The authors' names a block signs the article with: a short line set right or in bold
    that is people's names alone ("Nguyễn Văn An - Trần Thị Bình"); none for any other block."""
    if block.tag != "p" or not block.text or len(block.text) > SIGNOFF_CHARS:
        return []
    try:
        element = lxml_html.fragment_fromstring(block.html)
    except (etree.ParserError, ValueError):
        return []
    if not (_set_right(element) or _in_bold(element, block.text)):
        return []
    parts = [part for part in _BETWEEN_NAMES.split(block.text) if part.strip()]
    names = [names_in(part) for part in parts]
    if all(
        len(found) == 1 and key_of(found[0]) == key_of(part)
        for found, part in zip(names, parts, strict=True)
    ):
        return [found[0] for found in names]
    return []


def page_signoff(body: Element) -> list[str]:
    """The names signing the article on a page: a sign-off paragraph that closes its element,
    after a paragraph of prose."""
    for paragraph in _closing_paragraphs(body):
        names = signoff(block_of(paragraph))
        if names:
            return names
    return []


def _closing_paragraphs(body: Element) -> Iterator[Element]:
    """The short paragraphs that are the last text of their element, after prose, last first."""
    for paragraph in reversed(body.xpath(".//p")):
        text = clean(text_of(paragraph))
        if not text or len(text) > SIGNOFF_CHARS or in_site_furniture(paragraph):
            continue
        after = (s for s in paragraph.itersiblings() if isinstance(s.tag, str))
        if any(clean(text_of(sibling)) for sibling in after):
            continue
        before = next((s for s in paragraph.itersiblings(preceding=True) if _has_text(s)), None)
        if before is not None and len(clean(text_of(before))) >= PROSE_CHARS:
            yield paragraph


def _has_text(element: Element) -> bool:
    """Whether an element is one that shows text."""
    return isinstance(element.tag, str) and bool(clean(text_of(element)))


def _set_right(element: Element) -> bool:
    """Whether a paragraph is set right by its style or its align attribute."""
    return attr(element, "align").lower() == "right" or bool(_RIGHT.search(attr(element, "style")))


def _in_bold(element: Element, text: str) -> bool:
    """Whether all of a paragraph's text is in bold."""
    bold = sum(len(clean(text_of(part))) for part in element.iter(*_BOLD))
    return bold >= len(text) - 2
