"""The blocks of an article body (paragraphs, subheadings, quotes, lists, tables, figures) as the
extractors and the page reader hand them to each other: markup, text, and a key for comparing."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from lxml import html as lxml_html

from desktop.ingest.elements import Element, clean, text_of

HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
FIGURE = "figure"  # the tag of a block that is a picture, whose caption is not body text
RULE = "hr"  # the tag of a thematic break between blocks, which holds no text

_NON_WORDS = re.compile(r"\W+")


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph, subheading, quote, list, table or figure of a body."""

    tag: str
    html: str
    text: str
    key: str
    link_chars: int


def block_of(element: Element) -> Block:
    """One block of a body, with its text and how much of it is links."""
    text = clean(text_of(element))
    links = sum(len(clean(text_of(link))) for link in element.iter("a"))
    markup = str(lxml_html.tostring(element, encoding="unicode", with_tail=False))
    return Block(str(element.tag), markup, text, key_of(text), links)


def key_of(text: str) -> str:
    """Text reduced for comparison: NFKC-normalised, case-folded, letters and digits only."""
    return _NON_WORDS.sub("", unicodedata.normalize("NFKC", text).casefold())


def prose(blocks: list[Block]) -> int:
    """Characters of text outside subheadings and figures."""
    return sum(len(block.text) for block in blocks if block.tag not in HEADING_TAGS)
