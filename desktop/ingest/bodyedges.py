"""What opens or closes an article's text without being the article: a summary box above the
lede (a "Key points" heading and its list, often written by a machine), a portal's summary lines
in bold above the first paragraph, and a closing line that says who the author is or signs the
article with their name."""

from __future__ import annotations

import re

from desktop.ingest.blocks import FIGURE, HEADING_TAGS, RULE, Block
from desktop.ingest.bodywalk import Piece
from desktop.ingest.elements import Element, clean, text_of
from desktop.ingest.signoffs import signing_names, signoff, without_signing_tail

LIST_TAGS = frozenset({"ul", "ol"})
LABEL_CHARS = 60  # the longest label of a summary box
BOLD_LINE_CHARS = 200  # the longest bold summary line
BOLD_LINES_CHARS = 400  # and the most characters the lines hold together
BIO_CHARS = 600  # the longest closing line about the author
# The labels summary boxes carry above their list, alone on a line or with a word on the
# machine that wrote them ("Key Points AI-assisted summary").
_SUMMARY_LABEL = re.compile(
    r"^(?:(?:the )?(?:key|top|main) (?:points|takeaways|facts)|(?:story |article )?highlights"
    r"|(?:(?:the )?(?:story|article|news|quick|ai|ai[- ]generated) )?(?:summary|in brief"
    r"|at a glance)|(?:the )?(?:quick|short) (?:read|version|take)|at a glance|in brief"
    r"|in short|briefly|the big picture|(?:the )?takeaways?|tl;? ?dr|need to know"
    r"|(?:here['’]?s |here is )?what (?:you need to|to|we) know(?: so far| now)?"
    r"|why it matters)(?P<rest>.*)$",
    re.I,
)
# What may follow a label on its line: punctuation, or words on the machine that wrote it.
_LABEL_REST = re.compile(
    r"^[\s:.\-–—|]*(?:\(?[^()]*\b(?:ai|a\.i\.|artificial intelligence|summary)\b[^()]*\)?)?$", re.I
)
# A line that says who someone is: a name and a verb ("Jane Doe is a librarian and ...").
_WHO = re.compile(
    r"^(?:(?:Dr|Prof|Rev|Sir|Dame)\.?\s+)?(?:[A-ZÀ-Þ][\w'’.-]*\s+){1,4}"
    r"(?:is|was|has been|writes|teaches|lives|works|covers)\s"
)
# A line crediting those who helped report the story: the article's own closing line, kept.
_CONTRIBUTED = re.compile(
    r"\bcontributed (?:to )?(?:this |the )?(?:report|reporting|story|article)\b"
    r"|\b(?:additional|contributed) reporting\b|\breporting (?:was )?contributed by\b",
    re.I,
)
_NAME_JOINS = re.compile(r"\s*(?:,|\band\b|&)\s*")


def without_summary_box(pieces: list[Piece]) -> list[Piece]:
    """The pieces without a summary box above the lede: a label such boxes carry, then its
    list, or everything in the label's own box when the label is boxed apart from the text (a
    box whose label is no piece of its own, too)."""
    start = next((i for i, piece in enumerate(pieces) if _is_text(piece)), None)
    if start is None:
        return pieces
    first = pieces[start]
    box = _box_of(first, pieces[start + 1 :])
    if is_summary_label(first.block.text):
        end = start + 1
    elif box is not None and first.block.tag in LIST_TAGS and _labelled(box):
        end = start
    else:
        return pieces
    while end < len(pieces) and _in_box(pieces[end], box):
        end += 1
    return [*pieces[:start], *pieces[end:]]


def _is_text(piece: Piece) -> bool:
    """Whether a piece is a text block, not a figure or a rule."""
    return piece.block.tag not in {FIGURE, RULE}


def is_summary_label(text: str) -> bool:
    """Whether a line is the label of a summary box ("Key points", "At a glance")."""
    found = _SUMMARY_LABEL.match(text) if len(text) <= LABEL_CHARS else None
    return found is not None and _LABEL_REST.match(found["rest"]) is not None


def _labelled(box: Element) -> bool:
    """Whether a box holds a summary box's label, in an element or as loose text."""
    if is_summary_label(clean(box.text or "")):
        return True
    return any(
        isinstance(element.tag, str) and is_summary_label(clean(text_of(element)))
        for element in box.iterdescendants()
    )


def _box_of(label: Piece, after: list[Piece]) -> Element | None:
    """The element that holds a label apart from the text after it, if one does."""
    box = label.parent
    if box is None or all(piece.parent is box or not _is_text(piece) for piece in after):
        return None
    return box


def _in_box(piece: Piece, box: Element | None) -> bool:
    """Whether a piece after a summary label is part of its box: inside the label's own box,
    else a list right after it."""
    if box is None or piece.parent is None:
        return piece.block.tag in LIST_TAGS
    return piece.parent is box or any(up is box for up in piece.parent.iterancestors())


def without_bold_summary(pieces: list[Piece]) -> list[Piece]:
    """The pieces without the short lines in bold above the first paragraph, which summarise
    the story as a portal's subtitles do (the paragraph itself is not in bold)."""
    lines: list[int] = []
    for index, piece in enumerate(pieces):
        if not _is_text(piece):
            continue
        if not piece.bold or piece.block.tag in HEADING_TAGS:
            break
        lines.append(index)
    else:
        return pieces  # nothing but bold text: it is the article's
    texts = [pieces[i].block.text for i in lines]
    if not texts or any(len(text) > BOLD_LINE_CHARS for text in texts):
        return pieces
    if any(text.rstrip().endswith(("?", "？")) for text in texts):
        return pieces  # an interview's first question
    if sum(map(len, texts)) > BOLD_LINES_CHARS:
        return pieces
    return [piece for index, piece in enumerate(pieces) if index not in lines]


def credits_reporting(text: str) -> bool:
    """Whether a line credits others' reporting ("Tom Roe contributed to this report.")."""
    return len(text) <= BIO_CHARS and bool(_CONTRIBUTED.search(text))


def says_who(text: str) -> bool:
    """Whether a line says who someone is ("Jane Doe is a librarian and the author of ...")."""
    return bool(_WHO.match(text))


def without_author_note(blocks: list[Block], byline: str | None) -> list[Block]:
    """The blocks without a last short line that says who the byline's author is, nor an
    author's name signing the article off (a line of its own, or in brackets closing the last
    paragraph), nor a first line giving an author's name and e-mail address."""
    names = [name for name in _NAME_JOINS.split(byline or "") if " " in name]
    end = len(blocks)
    while end > 1 and (_is_author_note(blocks[end - 1], names) or signoff(blocks[end - 1])):
        end -= 1
    start = 0
    while start < end - 1 and blocks[start].tag == "p" and "@" in blocks[start].text:
        if not signing_names(blocks[start].text):
            break
        start += 1
    kept = blocks[start:end]
    return [*kept[:-1], without_signing_tail(kept[-1])] if kept else kept


def _is_author_note(block: Block, names: list[str]) -> bool:
    """Whether a block is a short line about one of the authors, opening with their name."""
    text = block.text
    if block.tag in HEADING_TAGS or len(text) > BIO_CHARS or not says_who(text):
        return False
    return any(text.startswith(f"{name} ") for name in names)
