"""Photo essays: pages whose story is told in the captions of their pictures (an intro, then
pictures each with a caption of a few sentences, and little other prose). Their captions are read
as the body's text, in page order; everywhere else a caption is the picture's own, never text."""

from __future__ import annotations

import re
from collections.abc import Iterator
from copy import deepcopy
from html import escape

from desktop.ingest.blocks import Block, key_of
from desktop.ingest.captions import caption_elements
from desktop.ingest.captiontext import caption_parts
from desktop.ingest.elements import Element, clean, text_of

ESSAY_CLIMB = 6  # levels above the article's element where the essay's pictures are looked for
MIN_CAPTIONS = 3  # long captions that a photo essay has at least
LONG_CAPTION = 80  # characters from which a caption reads as prose
CAPTION_WORDS = 12  # and words (a caption in Chinese or Japanese counts by its characters)
CAPTION_SHARE = 0.5  # of the essay's prose that its long captions hold (more than half)
_SENTENCE_END = re.compile(r"[.!?。！？…]['\"’”»)]?(?:\s|$)")
_PICTURES = ".//img[not(ancestor::noscript)] | .//amp-img"
_SPACELESS = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")


def essay_element(container: Element) -> Element | None:
    """The element holding a photo essay around the article's element: the one holding most
    of the page's long, sentence-like captions nearest above it, when those captions hold most
    of its prose. None for any other article."""
    levels = list(_levels(container))
    if not levels or len(levels[-1].xpath(_PICTURES)) < MIN_CAPTIONS:
        return None
    captions = [(c, len(clean(text_of(c)))) for c in caption_elements(levels[-1]) if _is_prose(c)]
    if len(captions) < MIN_CAPTIONS:
        return None
    counts = [sum(1 for caption, _ in captions if _within(caption, node)) for node in levels]
    essay = levels[counts.index(max(counts))]
    held = [size for caption, size in captions if _within(caption, essay)]
    if len(held) < MIN_CAPTIONS:
        return None
    others = len(clean(text_of(essay))) - sum(held)
    return essay if sum(held) > CAPTION_SHARE * (sum(held) + others) else None


def _levels(container: Element) -> Iterator[Element]:
    """The article's element and those above it, up to an article or main element at most."""
    node: Element | None = container
    for _ in range(ESSAY_CLIMB + 1):
        if node is None or node.tag in {"body", "html"}:
            return
        yield node
        if node.tag in {"article", "main"}:
            return
        node = node.getparent()


def _is_prose(caption: Element) -> bool:
    """Whether a caption reads as prose: long, in words, with a sentence's end."""
    text = clean(text_of(caption))
    if len(text) < LONG_CAPTION or not _SENTENCE_END.search(text):
        return False
    return _SPACELESS.search(text) is not None or text.count(" ") + 1 >= CAPTION_WORDS


def _within(element: Element, holder: Element) -> bool:
    """Whether an element is inside another."""
    return any(up is holder for up in element.iterancestors())


def told_caption(picture: Element | list[Element]) -> Block | None:
    """The caption of a photo essay's picture (a figure, or the caption elements beside a
    loose image) without its credit, as a paragraph of the text."""
    region = picture if isinstance(picture, list) else caption_elements(picture)
    caption, _ = caption_parts(region) if region else (None, None)
    if not caption:
        return None
    return Block("p", f"<p>{escape(caption)}</p>", caption, key_of(caption), 0)


def uncaptioned(figure: Element) -> Element:
    """A copy of a figure without its caption, which the essay's text tells."""
    bare = deepcopy(figure)
    bare.tail = None
    for caption in caption_elements(bare):
        if not caption.xpath(".//img | .//picture | .//amp-img"):  # a frame named for its caption
            caption.drop_tree()
    return bare
