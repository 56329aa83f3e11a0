"""What a keyboard finds in the reader's document: its links, in order, and the text written for
screen readers only (a photo's description), which a caret passes over as a sighted reader sees it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QFont,
    QKeyEvent,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFragment,
)

UNSEEN_PIXELS = 1
UNSEEN_SPACING = 1.0  # percent of each letter's width: the run takes no room (0 means unset)


@dataclass(frozen=True, slots=True)
class Link:
    """A link of the document: where its text starts and ends, and where it leads."""

    start: int
    end: int
    href: str


def links(document: QTextDocument) -> list[Link]:
    """The document's links in reading order; a link written in several formats is one link."""
    found: list[Link] = []
    for fragment in _fragments(document):
        href = fragment.charFormat().anchorHref() if fragment.charFormat().isAnchor() else ""
        start, end = fragment.position(), fragment.position() + fragment.length()
        if href and found and found[-1].href == href and found[-1].end == start:
            found[-1] = Link(found[-1].start, end, href)
        elif href:
            found.append(Link(start, end, href))
    return found


def next_link(document: QTextDocument, cursor: QTextCursor, forward: bool) -> Link | None:
    """The link after the cursor (before it, going back); a link the cursor holds selected is
    passed over. None when there is no further link that way."""
    everything = links(document)
    if forward:
        after = cursor.selectionEnd() if cursor.hasSelection() else cursor.position()
        return next((link for link in everything if link.start >= after), None)
    before = cursor.selectionStart() if cursor.hasSelection() else cursor.position()
    return next((link for link in reversed(everything) if link.end <= before), None)


def selected_link(cursor: QTextCursor) -> str:
    """The address of the link the cursor holds selected, whole; "" when it holds none."""
    if not cursor.hasSelection():
        return ""
    document = cursor.document()
    found = [
        link
        for link in links(document)
        if link.start == cursor.selectionStart() and link.end == cursor.selectionEnd()
    ]
    return found[0].href if found else ""


def select(document: QTextDocument, link: Link) -> QTextCursor:
    """A cursor holding ``link`` selected, its position at the link's end."""
    cursor = QTextCursor(document)
    cursor.setPosition(link.start)
    cursor.setPosition(link.end, QTextCursor.MoveMode.KeepAnchor)
    return cursor


def unseen(text_format: QTextCharFormat) -> bool:
    """Whether text in this format is written for screen readers only (``span.unseen``, whose
    colour is transparent)."""
    return text_format.foreground().color().alpha() == 0


def fold_unseen(document: QTextDocument) -> None:
    """Give the unseen text no width, so that what follows it stands where it would without it:
    the smallest type, its letters drawn over each other. (Done here, as Qt's HTML gives a span
    inside small or large type its parent's size, whatever size the span asks for.)"""
    runs = [
        (fragment.position(), fragment.length(), QTextCharFormat(fragment.charFormat()))
        for fragment in _fragments(document)
        if unseen(fragment.charFormat())
    ]
    cursor = QTextCursor(document)
    cursor.beginEditBlock()  # one change for the layout to take in, not one a run
    for position, length, text_format in runs:
        text_format.clearProperty(QTextFormat.Property.FontSizeAdjustment)
        text_format.setProperty(QTextFormat.Property.FontPixelSize, UNSEEN_PIXELS)
        text_format.setFontLetterSpacingType(QFont.SpacingType.PercentageSpacing)
        text_format.setFontLetterSpacing(UNSEEN_SPACING)
        cursor.setPosition(position)
        cursor.setPosition(position + length, QTextCursor.MoveMode.KeepAnchor)
        cursor.setCharFormat(text_format)
    cursor.endEditBlock()
    if runs:  # Qt lays out again only the changed blocks, and left those after them unlaid
        first = runs[0][0]
        document.markContentsDirty(first, document.characterCount() - first)


def past_unseen(document: QTextDocument, position: int, before: int) -> int:
    """Where a caret that moved from ``before`` to ``position`` is to stand, so that it moves on
    screen: past a run of unseen text it came to going forward; going back, at the run's start,
    or a character before it when it came from the run's end (where the run's start shows too);
    ``position`` itself anywhere else."""
    if not _unseen_at(document, position):
        return position
    start = end = position
    while start > 0 and _unseen_at(document, start - 1):
        start -= 1
    last = document.characterCount() - 1
    while end < last and _unseen_at(document, end):
        end += 1
    if position >= before:
        return end
    return start - 1 if before >= end and start > 0 else start


def _unseen_at(document: QTextDocument, position: int) -> bool:
    """Whether the character after ``position`` is unseen text (a paragraph's end never is)."""
    block = document.findBlock(position)
    fragments = block.begin()
    while not fragments.atEnd():
        fragment = fragments.fragment()
        if fragment.contains(position):
            return unseen(fragment.charFormat())
        fragments += 1
    return False


def _fragments(document: QTextDocument) -> Iterator[QTextFragment]:
    """The document's runs of text in one format, in order."""
    block = document.begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            yield fragments.fragment()
            fragments += 1
        block = block.next()


def space_direction(event: QKeyEvent) -> int:
    """+1 for Space, -1 for Shift+Space, 0 for any other key (or Space with another modifier)."""
    if event.key() != Qt.Key.Key_Space:
        return 0
    modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    if modifiers == Qt.KeyboardModifier.NoModifier:
        return 1
    return -1 if modifiers == Qt.KeyboardModifier.ShiftModifier else 0
