"""The text of a page's blocks as a reader sees it: footnote markers out, and the line breaks
of the source between Chinese or Japanese characters (around a link, say) shown as nothing."""

from __future__ import annotations

import re
from copy import deepcopy

from desktop.ingest.blocks import Block, block_of
from desktop.ingest.elements import Element, clean, text_of

_SELF_LINKS = ".//a[starts-with(@href, '#')]"
# Chinese and Japanese characters, between which a browser shows a line break of the source as
# nothing (Korean, written with spaces between words, shows it as a space).
_CJK = re.compile(
    r"[\u2e80-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uff9f]"
)


def page_block(element: Element) -> Block:
    """A block of the page, without footnote markers and with CJK text closed around links."""
    if element.xpath(_SELF_LINKS) or _CJK.search(text_of(element)):
        element = deepcopy(element)
        element.tail = None
        _drop_note_markers(element)
        _close_cjk_gaps(element)
    return block_of(element)


def _drop_note_markers(element: Element) -> None:
    """Take out footnote markers: short links to a place on the same page ("1", "[2]", "*")."""
    for link in element.xpath(_SELF_LINKS):
        if len(clean(text_of(link))) <= 4:
            holder = link.getparent()
            marker = holder if holder is not None and holder.tag == "sup" else link
            if len(clean(text_of(marker))) <= 4 and marker is not element:
                marker.drop_tree()


def _close_cjk_gaps(element: Element) -> None:
    """Drop the line breaks of the source between two CJK characters (around a link, say),
    which a browser does not show as a space."""
    slots = _text_slots(element, element)
    texts = [getattr(node, name) or "" for node, name in slots]
    for index, value in enumerate(texts):
        if "\n" not in value:
            continue
        before = next((t.rstrip()[-1] for t in reversed(texts[:index]) if t.strip()), "")
        after = next((t.lstrip()[0] for t in texts[index + 1 :] if t.strip()), "")
        core = value.strip()
        if _cjk_gap(before, value[: len(value) - len(value.lstrip())], core[:1] or after):
            value = value.lstrip()
        if _cjk_gap(core[-1:] or before, value[len(value.rstrip()) :], after):
            value = value.rstrip()
        texts[index] = value
    for (node, name), value in zip(slots, texts, strict=True):
        setattr(node, name, value or None)


def _text_slots(element: Element, root: Element) -> list[tuple[Element, str]]:
    """Where an element's text sits, in reading order: its text, its children's, its tail."""
    slots = [(element, "text")]
    for child in element:
        slots.extend(_text_slots(child, root))
    if element is not root:
        slots.append((element, "tail"))
    return slots


def _cjk_gap(before: str, gap: str, after: str) -> bool:
    """Whether white space with a line break stands between two CJK characters."""
    return "\n" in gap and bool(_CJK.fullmatch(before)) and bool(_CJK.fullmatch(after))
