"""Every photo is described to screen readers, which are given a picture in the text as an empty
object: its caption, said to be a photo's, or its alt text, else "Photo"; what is written for them
takes no room and no colour on screen, so a sighted reader sees the caption once, as before."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtGui import QImage, QTextBlock, QTextLine

from desktop.ui.reading.reader import ArticleBrowser
from desktop.ui.reading.reader_text import unseen
from tests.ui.test_article_pictures import SITE, WORDS, cached_picture, figure, story

OBJECT = "\ufffc"


def said_after_pictures(reader: ArticleBrowser) -> list[str]:
    """For each picture, what a screen reader reads from it to the end of the next paragraph
    (the plain text it is given, the object character left out)."""
    text = reader.toPlainText()
    said = []
    for index, character in enumerate(text):
        if character == OBJECT:
            rest = text[index + 1 :].lstrip("\n")
            said.append(rest.split("\n", 1)[0].split(OBJECT, 1)[0].strip())
    return said


def unseen_parts(reader: ArticleBrowser) -> list[str]:
    """The text written for screen readers only, piece by piece."""
    parts: list[str] = []
    block = reader.document().begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            if unseen(fragment.charFormat()):
                parts.append(fragment.text())
            fragments += 1
        block = block.next()
    return parts


def width_of(block: QTextBlock, start: int, end: int) -> float:
    """How far a run of a block's text moves the next character along its line."""
    layout = block.layout()
    first = layout.lineForTextPosition(start - block.position())
    last = layout.lineForTextPosition(end - block.position())
    assert first.lineNumber() == last.lineNumber()
    return _x(last, end - block.position()) - _x(first, start - block.position())


def _x(line: QTextLine, position: int) -> float:
    found = line.cursorToX(position)
    assert isinstance(found, tuple)
    return float(found[0])


def test_the_lead_photo_is_described_by_its_caption_said_once_on_screen(
    reader: ArticleBrowser, images: Path
) -> None:
    lead = cached_picture(images, "lead", 1200, 800)
    reader.show_article(story(f"<p>{WORDS}</p>", lead=lead))
    assert said_after_pictures(reader) == ["Photo: The station at dusk Photo: Courier"]
    assert unseen_parts(reader) == ["Photo: "]
    found = reader.document().find("Photo: The station")
    block = found.block()
    assert width_of(block, found.selectionStart(), found.selectionStart() + 7) < 1
    assert width_of(block, found.selectionStart() + 7, found.selectionEnd()) > 20  # "The sta"


def test_photos_without_a_caption_are_described_by_their_alt_text_or_as_a_photo(
    reader: ArticleBrowser, images: Path
) -> None:
    lead = cached_picture(images, "lead", 1200, 800)
    quay = cached_picture(images, "quay", 1600, 900)
    pier = cached_picture(images, "pier", 1600, 900)
    body = (
        f"<p>{WORDS}</p>"
        f'<figure><img src="{SITE}/quay.jpg" alt="Boats moored at the quay"></figure>'
        f'<p>The pier <img src="{SITE}/pier.jpg" alt="the old pier"> stands.</p>'
    )
    article = story(body, (quay, pier), lead=lead)
    reader.show_article(replace(article, caption=None))
    assert said_after_pictures(reader) == [
        "Photo",  # the lead, with only a credit under it
        "Photo: Boats moored at the quay",
        "Photo: the old pier stands.",
    ]
    for part in unseen_parts(reader):
        found = reader.document().find(part)
        assert width_of(found.block(), found.selectionStart(), found.selectionEnd()) < 1, part


def test_a_body_figure_is_described_by_its_caption_and_its_pictures_by_nothing_more(
    reader: ArticleBrowser, images: Path
) -> None:
    quay = cached_picture(images, "quay", 1600, 900)
    body = f"<p>{WORDS}</p>{figure('quay', 'Boats at the quay.', 'Jane Doe/AFP')}"
    reader.show_article(story(body, (quay,)))
    assert said_after_pictures(reader) == ["Photo: Boats at the quay. Jane Doe/AFP"]
    assert unseen_parts(reader) == ["Photo: "]


def test_what_is_written_for_screen_readers_leaves_no_mark_on_screen(
    reader: ArticleBrowser, images: Path
) -> None:
    quay = cached_picture(images, "quay", 600, 300)
    body = f'<figure><img src="{SITE}/quay.jpg" alt="Boats moored at the quay"></figure>'
    reader.show_article(story(body, (quay,)))
    assert unseen_parts(reader) == ["Photo: Boats moored at the quay"]
    described = reader.grab().toImage()
    reader.show_article(story(body.replace(' alt="Boats moored at the quay"', ""), (quay,)))
    assert unseen_parts(reader) == ["Photo"]
    assert _same(described, reader.grab().toImage())


def _same(one: QImage, other: QImage) -> bool:
    return one.size() == other.size() and one == other
