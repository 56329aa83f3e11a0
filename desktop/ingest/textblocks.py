"""The page's own text blocks, found without the extractors: the outermost elements that hold
inline text only (a ``<p>``, or a ``<div>`` of ``<span>``s as some editors write every paragraph,
in any script), and the element where they gather most, where a page that the extractors
misread keeps its article."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.ingest.blocks import Block, block_of, key_of
from desktop.ingest.bodywalk import INLINE_TAGS, SKIPPED_TAGS
from desktop.ingest.elements import Element, attr, clean, text_of
from desktop.ingest.furniture import name_words

MIN_BLOCK = 20  # characters from which inline text is a block of prose
LINK_SHARE = 0.5  # of a block's text in links from which it points elsewhere
# How much of a block's text counts for the element it is in, and for the two above that: a
# paragraph's wrapper and the wrapper of all the paragraphs count it whole.
LEVEL_WEIGHTS = (1.0, 1.0, 0.5)
HELD_SHARE = 0.5  # of a body's prose that must lie in the page's densest text for it to agree
# Words of class and id names of what readers write or what points to other stories: text that
# may gather more densely than the article's, and is never it.
ELSEWHERE_WORDS = frozenset(
    {"comment", "comments", "talkback", "talkbacks", "replies", "discussion", "related",
     "recommended", "recirculation", "popular", "mostread", "outbrain", "taboola", "promo",
     "teaser", "teasers"}
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class DenseText:
    """The element where the page's text blocks gather most, those blocks, and the page's
    elements named for comments or other stories."""

    element: Element
    blocks: list[Element]
    elsewhere: list[Element]

    def prose(self) -> int:
        """Characters of text its blocks hold."""
        return sum(len(clean(text_of(block))) for block in self.blocks)

    def as_blocks(self) -> list[Block]:
        """Its text blocks as body blocks."""
        return [block_of(block) for block in self.blocks]

    def holds(self, blocks: list[Block]) -> bool:
        """Whether most of a body's prose is text of this element."""
        return _mostly_in(blocks, [self.element])

    def points_elsewhere(self, blocks: list[Block]) -> bool:
        """Whether most of a body's prose is readers' comments or other stories."""
        return _mostly_in(blocks, self.elsewhere)


def _mostly_in(blocks: list[Block], elements: list[Element]) -> bool:
    """Whether most of the blocks' text is text of the elements."""
    inside = "\x00".join(key_of(text_of(element)) for element in elements)
    total = sum(len(block.key) for block in blocks)
    held = sum(len(block.key) for block in blocks if block.key and block.key in inside)
    return total > 0 and held >= HELD_SHARE * total


def dense_text(root: Element) -> DenseText | None:
    """Where the text blocks under a root gather most (by their characters outside links, each
    counted for the element it is in and the two above); None when it holds none."""
    found: list[Element] = []
    elsewhere: list[Element] = []
    _gather(root, found, elsewhere)
    scores: dict[Element, float] = {}
    depth: dict[Element, int] = {}
    for block in found:
        size = _prose(block)
        if size < MIN_BLOCK:
            continue
        for weight, holder in zip(LEVEL_WEIGHTS, block.iterancestors(), strict=False):
            scores[holder] = scores.get(holder, 0.0) + weight * size
            depth.setdefault(holder, sum(1 for _ in holder.iterancestors()))
    if not scores:
        return None
    best = max(scores, key=lambda element: (scores[element], depth[element]))
    kept = {block for block in found if _prose(block) >= MIN_BLOCK}
    return DenseText(best, [element for element in best.iter() if element in kept], elsewhere)


def _gather(element: Element, found: list[Element], elsewhere: list[Element]) -> bool:
    """Add the outermost elements of inline text under an element to ``found`` (and those
    named for comments or other stories to ``elsewhere``); whether the element itself holds
    inline text only."""
    inline = True
    runs: list[Element] = []
    for child in element:
        if not isinstance(child.tag, str) or child.tag in SKIPPED_TAGS:
            continue
        if _elsewhere(child):
            elsewhere.append(child)
            continue
        child_inline = _gather(child, found, elsewhere)
        if child_inline and child.tag in INLINE_TAGS:
            runs.append(child)
            continue
        inline = False
        if child_inline and clean(text_of(child)):
            found.append(child)  # a paragraph, or a <div> of inline text
    if not inline:
        found.extend(run for run in runs if clean(text_of(run)))
    return inline


def _elsewhere(element: Element) -> bool:
    """Whether an element's names say it holds readers' comments or other stories."""
    names = f"{attr(element, 'class')} {attr(element, 'id')}"
    return bool(names.strip()) and not ELSEWHERE_WORDS.isdisjoint(name_words(names))


def _prose(block: Element) -> int:
    """Characters of a block's text outside links; none for a block mostly of links."""
    text = len(clean(text_of(block)))
    linked = sum(len(clean(text_of(link))) for link in block.iter("a"))
    return 0 if linked >= LINK_SHARE * text else text - linked
