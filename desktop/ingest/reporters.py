"""The reporters a Chinese article names in its own text, as Chinese papers sign a story rather
than in a byline: "（记者 周晓峰）" after the dateline ("新华社北京3月11日电（记者 周晓峰）"), or
a line "记者 周晓峰 李楠" (or "本报记者 周晓峰 报道") opening the body, else the info line
above it ("2025-03-04 14:30 来源：江城日报 江城日报记者 李明")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import islice

from desktop.ingest.elements import Element, clean
from desktop.ingest.names import names_in
from desktop.ingest.pagelayout import reading_order

MAX_OPENING = 200  # characters of a paragraph's opening in which the reporters are named
OPENING_BLOCKS = 4  # paragraphs from the article's start in which they are looked for
_HAN = r"[\u4e00-\u9fff]"
_TITLE = r"(?:本[报報]|[^\s（）()，。]{1,4}社)?(?:记者|記者|通讯员|通訊員)\s*"
# "（记者 周晓峰）" anywhere in the opening; "记者 周晓峰 李楠" as a paragraph of its own (or
# before "报道").
_IN_BRACKETS = re.compile(rf"[（(]\s*{_TITLE}(?P<names>[^（）()]{{2,30}}?)\s*[）)]")
_OPENING_LINE = re.compile(
    rf"^{_TITLE}(?P<names>{_HAN}{{2,4}}(?:[\s、，,]+{_HAN}{{2,4}})*?)"
    rf"\s*(?:{_HAN}{{0,4}}(?:报道|報導)|$)"
)
_BETWEEN_NAMES = re.compile(r"[\s，,]+")
# "来源：江城日报 江城日报记者 李明" in the info line above the article, among its date and
# source: the paper's name, the title, then the names up to the line's next part.
_INFO_LINE = re.compile(
    rf"(?:^|[\s：:|｜])(?:[^\s：:|｜]{{0,8}}?)(?:记者|記者)\s*"
    rf"(?P<names>{_HAN}{{2,4}}(?:[\s、，,]+{_HAN}{{2,4}})*)(?=\s|$|[|｜])"
)


def reporter_names(tree: Element) -> list[str]:
    """The reporters named at the start of the article's text, else none."""
    body = tree.find("body")
    if body is None:
        return []
    for text in islice(_paragraph_texts(body), OPENING_BLOCKS):
        opening = text[:MAX_OPENING]
        found = _OPENING_LINE.match(opening) or _IN_BRACKETS.search(opening)
        if found:
            return names_in(_BETWEEN_NAMES.sub("、", found["names"].strip()))
    return _info_line_names(body)


def _info_line_names(body: Element) -> list[str]:
    """The reporters an info line above the article names ("江城日报记者 李明")."""
    for element in reading_order(body):
        own = clean(element.text or "")
        if len(own) > MAX_OPENING:
            return []  # the article has begun
        found = _INFO_LINE.search(own)
        if found:
            return names_in(_BETWEEN_NAMES.sub("、", found["names"].strip()))
    return []


def _paragraph_texts(body: Element) -> Iterator[str]:
    """The texts of the page's paragraphs, in reading order."""
    for element in reading_order(body):
        if element.tag == "p":
            text = clean("".join(element.itertext()))
            if text:
                yield text
