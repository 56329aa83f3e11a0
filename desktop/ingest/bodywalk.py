"""An article's element read in page order into pieces: its paragraphs, subheadings, quotes,
lists and tables as the page writes them (``<div>``-built paragraphs too), and its own pictures
as figures, each with what choosing the body's span needs to know. Subtrees named for furniture,
embedded posts, hidden elements, timestamps, link lists, cards for other stories and the
captions of pictures are left out on the way."""

from __future__ import annotations

import re
from collections.abc import Iterator
from copy import deepcopy
from dataclasses import dataclass
from html import escape

from lxml import html as lxml_html

from desktop.ingest.blocks import FIGURE, RULE, Block, key_of
from desktop.ingest.blocktext import page_block
from desktop.ingest.bodypictures import (
    framed,
    holds_only_pictures,
    is_furniture_picture,
    picture_sources,
)
from desktop.ingest.captions import caption_elements, caption_region, credit_after
from desktop.ingest.elements import Element, attr, clean, text_of
from desktop.ingest.furniture import (
    is_correction_note,
    is_furniture_element,
    is_furniture_line,
    is_note_element,
    is_signup_box,
    is_standfirst,
)
from desktop.ingest.pagedates import date_line
from desktop.ingest.photoessay import told_caption, uncaptioned
from desktop.ingest.picturekeys import same_picture

CAPTION_MIN = 30  # key characters from which the lead photo's caption tells its figure
RUN_MIN_CHARS = 50  # loose text in a <div> shorter than this is a paragraph only as a sentence
LINK_LIST_SHARE = 0.9  # of a block's text in links from which it is a list of links
SHORT_LINE = 150  # characters under which a linked line is a "read this" link, not prose
TIMESTAMP_CHARS = 100  # the longest line that is only a time
DATE_LINE_CHARS = 60  # the longest line that is only a date (and time)
ITALIC_NOTE = 300  # the longest all-italic closing note (a tagline, a disclaimer) or caption
TEXT_BLOCKS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "dl",
                         "pre", "table"})  # fmt: skip
INLINE_TAGS = frozenset(
    {"a", "span", "em", "strong", "b", "i", "u", "s", "small", "sub", "sup", "q", "cite", "abbr",
     "time", "code", "mark", "br", "font", "var", "kbd", "dfn", "del", "ins", "bdi", "bdo",
     "wbr", "data"}
)  # fmt: skip
SKIPPED_TAGS = frozenset(
    {"script", "style", "noscript", "template", "svg", "nav", "aside", "footer", "form", "button",
     "figcaption", "iframe", "object", "embed", "select", "textarea", "input", "label", "video",
     "audio", "canvas", "map", "dialog", "menu", "head", "title", "link", "meta"}
)  # fmt: skip
NOTE_HOLDERS = frozenset({"aside", "footer"})  # skipped tags that may hold a correction
PICTURE_TAGS = frozenset({"img", "picture", "amp-img"})
# AMP's components that lay out the page's own text and pictures.
AMP_LAYOUTS = frozenset({"amp-carousel", "amp-accordion", "amp-fit-text", "amp-layout"})
CARD_CHARS = 500  # the most text a card for another story holds
BOLD_TAGS = frozenset({"b", "strong"})
ITALIC_TAGS = frozenset({"em", "i"})
_HEADLINES = ".//h2 | .//h3 | .//h4 | .//h5 | .//h6"
_PICTURES = ".//img | .//picture | .//amp-img"
_CENTRED = re.compile(r"text-align\s*:\s*center", re.I)
_DISPLAY_NONE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
LAYOUT_INSIDE = ".//p | .//div | .//table | .//ul | .//ol | .//blockquote"
_BLOCKS_INSIDE = f"{LAYOUT_INSIDE} | {_PICTURES}"
# A line that is only a time of day, as live blogs head their entries: "10.45", "9:05 pm BST".
_CLOCK_LINE = re.compile(r"^\d{1,2}[:.h]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,5})?$", re.I)
# A numeric date alone, perhaps with a time: "04/03/2025 14:30", "2025-03-04", "4.3.2025 | 14.30".
_NUMERIC_DATE_LINE = re.compile(
    r"^\d{1,4}[./-]\d{1,2}[./-]\d{2,4}(?:\s*[,|·–-]?\s*\d{1,2}[:.h]\d{2}(?:\s*[ap]\.?m\.?)?)?$",
    re.I,
)
_SENTENCE_END = re.compile(r"[.!?。！？…:;”\"’»)]\s*$")
_DOUBLE_BREAK = re.compile(r"<br\s*/?>\s*(?:&nbsp;|\s)*<br\s*/?>", re.I)


@dataclass(frozen=True, slots=True)
class Piece:
    """A block read from the page, with what the choice of the body's span needs to know."""

    block: Block
    note: bool = False  # inside the article's footnotes
    italic: bool = False  # written wholly in italics
    parent: Element | None = None  # the element it was read in
    bold: bool = False  # written wholly in bold
    correction: bool = False  # a note correcting the article, part of its record
    told: bool = False  # a photo essay's caption, read as its text


class BodyWalk:
    """One reading of an article's element in page order, into pieces."""

    def __init__(
        self, lead: tuple[str | None, str | None], stream: bool, told: bool = False
    ) -> None:
        # ``told``: the captions tell the story (a photo essay) and are read as its text.
        self._lead, self._stream, self._told = lead[0], stream, told
        self._lead_caption = key_of(lead[1] or "")
        self._skipped: set[Element] = set()  # caption elements already taken by a picture
        self._pictures: list[str] = []
        # The last thing read was a picture: an italic line now is its caption.
        self._after_picture = False
        self._text_read = False  # a text block has been read: a standfirst can come no more

    def pieces(self, element: Element, note: bool = False) -> Iterator[Piece]:
        """The pieces inside an element: its loose text in runs, its blocks, its pictures."""
        run: list[Element | str] = []
        whole = True  # the element holds inline text only: a paragraph built of a <div>
        if clean(element.text or ""):
            run.append(element.text)
        for child in element:
            if not isinstance(child.tag, str) or child in self._skipped:
                if clean(child.tail or ""):
                    run.append(child.tail)
                continue
            if child.tag in INLINE_TAGS and not _stands_apart(child, opens=not run):
                run.append(child)
                continue
            yield from self._run(run, note, element)
            run, whole = [], False
            yield from self._inline_apart(child, note, element)
            if clean(child.tail or ""):
                run.append(child.tail)
        yield from self._run(run, note, element, whole)

    def _inline_apart(self, child: Element, note: bool, holder: Element) -> Iterator[Piece]:
        """A child that is a block of its own: bold lines broken apart are a paragraph of their
        own (not glued to the text after them); any other goes as a block."""
        if child.tag in BOLD_TAGS and not child.xpath(_BLOCKS_INSIDE):
            lines = deepcopy(child)
            lines.tail = None
            yield from self._run([lines], note, holder)
        else:
            yield from self._child(child, note)

    def read(self, element: Element) -> Iterator[Piece]:
        """The pieces of one element, itself included (its name may make it furniture)."""
        yield from self._child(element, False)

    def _child(self, element: Element, note: bool) -> Iterator[Piece]:
        """The pieces of one block-level element."""
        tag = element.tag
        if element in self._skipped or _is_embed(element) or _is_skipped_tag(element):
            return
        if _is_hidden(element):
            return
        if tag == "hr":
            yield Piece(Block(RULE, "", "", "", 0))
            return
        if tag in PICTURE_TAGS or (tag == "figure" and element.xpath(_PICTURES)):
            yield from self._picture(element)
            return
        if is_furniture_element(element) and not is_correction_note(clean(text_of(element))):
            if "caption" in attr(element, "class").lower():  # a picture in a caption's frame
                yield from self._picture(element)
            return
        if tag not in TEXT_BLOCKS and not self._stream and is_card(element):
            return
        if tag not in TEXT_BLOCKS and is_signup_box(element):
            return
        if not self._text_read and is_standfirst(element):
            return
        note = note or is_note_element(element)
        if tag in TEXT_BLOCKS and not (tag == "table" and _lays_out(element)):
            yield from self._text_block(element, note)
            return
        yield from self.pieces(element, note)

    def _text_block(self, element: Element, note: bool) -> Iterator[Piece]:
        """A paragraph, subheading, quote, list or table, or the picture a paragraph holds."""
        text, parent = clean(text_of(element)), element.getparent()
        if not text:
            if element.xpath(_PICTURES):
                yield from self._picture(element)
            return
        if _is_timestamp(element, text):
            return
        if element.xpath(".//img") and holds_only_pictures(element):  # each with its caption
            for img in list(element.iter("img")):
                yield from self._picture(img)
            return
        if element.xpath(".//img"):  # the pictures of a paragraph: its own, not the lead's
            element = deepcopy(element)
            element.tail = None
            for img in list(element.iter("img")):
                if is_furniture_picture(img) or not self._is_article_picture(img):
                    img.drop_tree()
        yield from self._text(page_block(element), note, element, parent, _is_centred(element))

    def _run(
        self, run: list[Element | str], note: bool, holder: Element, whole: bool = False
    ) -> Iterator[Piece]:
        """Loose text and inline elements of a ``<div>`` as paragraphs, split at double breaks;
        a short one only as a sentence, or as all that its ``<div>`` holds (``whole``)."""
        if not run:
            return
        markup = "".join(
            escape(part) if isinstance(part, str) else _markup(part, with_tail=True) for part in run
        )
        chunks = _DOUBLE_BREAK.split(markup)
        for chunk in chunks:
            paragraph = lxml_html.fragment_fromstring(chunk, create_parent="p")
            text = clean(text_of(paragraph))
            if not text or _is_timestamp(paragraph, text):
                continue
            lone = whole and len(chunks) == 1
            if len(text) < RUN_MIN_CHARS and not (lone or _SENTENCE_END.search(text)):
                continue
            yield from self._text(
                page_block(paragraph), note, paragraph, holder, _is_centred(holder)
            )

    def _text(
        self, block: Block, note: bool, written: Element, parent: Element, centred: bool
    ) -> Iterator[Piece]:
        """A text block (``written`` is the element that gives its type), unless it is furniture
        or the caption of the picture before it (a short line set apart, in italics or centred)."""
        italic = _is_in(written, block.text, ITALIC_TAGS)
        caption = self._after_picture and (italic or centred) and len(block.text) <= ITALIC_NOTE
        self._after_picture = False
        if _is_text(block) and not caption:
            self._text_read = True
            bold = _is_in(written, block.text, BOLD_TAGS)
            yield Piece(block, note, italic, parent, bold, is_correction_note(block.text))

    def _picture(self, element: Element) -> Iterator[Piece]:
        """A picture of the article as a figure block; nothing for furniture or the lead photo
        (whose caption, written beside it, is not taken for text either)."""
        single = element.tag in {"img", "amp-img"}
        img = element if single else next(iter(element.xpath(".//img | .//amp-img")), None)
        if img is None or is_furniture_picture(img):
            return
        loose = not element.xpath(".//figcaption")  # a figure without one may have it after it
        region = caption_region(img) if loose else []
        self._skipped.update(region or credit_after(element))
        self._after_picture = True
        said = key_of(" ".join(text_of(part) for part in region) if loose else text_of(element))
        shown = not self._is_lead_caption(said) and self._is_article_picture(img)
        if self._told:
            yield from self._told_picture(element, img, region if loose else None, shown)
        if self._told or not shown:
            return
        markup = framed(img, region) if loose else _markup(element)
        yield Piece(Block(FIGURE, markup, "", said, 0))

    def _told_picture(
        self, element: Element, img: Element, region: list[Element] | None, shown: bool
    ) -> Iterator[Piece]:
        """A picture of a photo essay, then its caption (without the credit) as a paragraph;
        ``region`` is a loose image's caption, None for a figure's. A picture not ``shown`` in
        the body (the lead photo) still tells its part of the story."""
        if region is None:
            markup, caption = _markup(uncaptioned(element)), told_caption(element)
        else:
            markup, caption = framed(img, []), told_caption(region)
        if shown:
            yield Piece(Block(FIGURE, markup, "", "", 0))
        if caption is not None:
            yield Piece(caption, told=True)

    def _is_lead_caption(self, said: str) -> bool:
        """Whether a picture's caption is the lead photo's: it is the lead, whatever address
        the page's meta tags give it."""
        caption = self._lead_caption
        return len(caption) >= CAPTION_MIN and caption in said

    def _is_article_picture(self, img: Element) -> bool:
        """Whether an image is one of the article's own pictures, shown once, not the lead."""
        sources = picture_sources(img)
        if not sources:
            return False
        if self._lead and any(same_picture(source, self._lead) for source in sources):
            return False
        if any(same_picture(source, seen) for source in sources for seen in self._pictures):
            return False
        self._pictures.extend(sources)
        return True


def is_card(element: Element) -> bool:
    """Whether an element is a card for another story, one of several alike: a headline that is
    a link away from the page and at most a short excerpt."""
    parent = element.getparent()
    if parent is None:
        return False
    names = attr(element, "class")
    alike = [
        sibling
        for sibling in parent
        if sibling is not element and sibling.tag == element.tag and attr(sibling, "class") == names
    ]
    return (
        bool(alike)
        and _has_linked_headline(element)
        and len(clean(text_of(element))) <= CARD_CHARS
        and any(_has_linked_headline(sibling) for sibling in alike)
    )


def _has_linked_headline(element: Element) -> bool:
    """Whether an element's first headline is a link to another page."""
    heading = next(iter(element.xpath(_HEADLINES)), None)
    if heading is None:
        return False
    text = clean(text_of(heading))
    links = [a for a in heading.iter("a") if "#" not in attr(a, "href")]
    linked = sum(len(clean(text_of(a))) for a in links)
    return bool(text) and linked >= 0.8 * len(text)


def _markup(element: Element, with_tail: bool = False) -> str:
    """An element's markup."""
    return str(lxml_html.tostring(element, encoding="unicode", with_tail=with_tail))


def _is_skipped_tag(element: Element) -> bool:
    """Whether an element's tag says it holds no article text (an aside or a footer that
    holds the article's correction does)."""
    if element.tag not in SKIPPED_TAGS:
        return False
    return element.tag not in NOTE_HOLDERS or not is_correction_note(clean(text_of(element)))


def _stands_apart(element: Element, opens: bool) -> bool:
    """Whether an inline element is read as a block of its own: it lays out blocks, frames a
    picture with its caption (as a portal's photo frame does), or opens a paragraph with lines
    in bold broken apart (a portal's summary lines)."""
    if element.xpath(LAYOUT_INSIDE):
        return True
    if element.xpath(_PICTURES):
        return bool(caption_elements(element))
    return opens and element.tag in BOLD_TAGS and element.find(".//br") is not None


def has_loose_text(element: Element) -> bool:
    """Whether an element holds text of its own, outside its child elements."""
    if clean(element.text or ""):
        return True
    return any(clean(child.tail or "") for child in element)


def holds_text_only(element: Element) -> bool:
    """Whether an element holds inline text only, as a paragraph built of a ``<div>`` and its
    ``<span>``s does: loose text, or inline children with no block inside (an empty block, an
    ad slot left empty, does not count)."""
    children = [child for child in element if isinstance(child.tag, str) and not _empty(child)]
    if not all(child.tag in INLINE_TAGS for child in children):
        return False
    return has_loose_text(element) or (bool(children) and not element.xpath(LAYOUT_INSIDE))


def _empty(element: Element) -> bool:
    """Whether an element is a block that shows nothing: no text, no picture."""
    if element.tag in INLINE_TAGS or clean(text_of(element)):
        return False
    return not element.xpath(_PICTURES)


def _is_hidden(element: Element) -> bool:
    """Whether an element is not shown: the hidden attribute, or a style that hides it."""
    return element.get("hidden") is not None or bool(_DISPLAY_NONE.search(attr(element, "style")))


def _is_embed(element: Element) -> bool:
    """Whether an element is an embedded post, player or ad of AMP's (its components that only
    lay out the page's own text and pictures aside)."""
    tag = element.tag
    return tag.startswith("amp-") and tag not in PICTURE_TAGS and tag not in AMP_LAYOUTS


def _lays_out(table: Element) -> bool:
    """Whether a table lays out a page (it holds paragraphs, divisions or photos) rather than
    data (whose cells may hold icons, such as flags)."""
    if table.xpath(LAYOUT_INSIDE):
        return True
    return any(not is_furniture_picture(img) for img in table.iter("img"))


def _is_centred(element: Element) -> bool:
    """Whether a block is centred by its own or its cell's markup, as captions under pictures
    are in older layouts."""
    for node in (element, element.getparent()):
        if node is not None and (
            attr(node, "align").lower() == "center" or _CENTRED.search(attr(node, "style"))
        ):
            return True
    return False


def _is_timestamp(element: Element, text: str) -> bool:
    """Whether a line is only a time or a date (a live blog entry's, a "Published ... Updated
    ..." line, a date line left in the text)."""
    if len(text) > TIMESTAMP_CHARS:
        return False
    if _CLOCK_LINE.match(text) or _NUMERIC_DATE_LINE.match(text):
        return True
    if len(text) <= DATE_LINE_CHARS and date_line(text):
        return True  # a time, or a date line ("4 March 2025, 14:30", "Published: 4 March 2025")
    times = sum(len(clean(text_of(time))) for time in element.iter("time"))
    return times > 0 and times >= 0.4 * len(text)


def _is_text(block: Block) -> bool:
    """Whether a block is the article's text: not empty, not links, not a furniture line."""
    return bool(block.key) and not _is_link_list(block) and not is_furniture_line(block)


def _is_link_list(block: Block) -> bool:
    """Whether a block is links rather than prose: a list of them, or a short linked line."""
    if block.link_chars < LINK_LIST_SHARE * len(block.text):
        return False
    return block.tag in {"ul", "ol", "dl"} or len(block.text) < SHORT_LINE


def _is_in(element: Element, text: str, tags: frozenset[str]) -> bool:
    """Whether a block is written wholly in a type (italics, bold) that its tags set."""
    if element.tag in tags:
        return True
    styled = sum(len(clean(text_of(part))) for part in element.iter(*tags))
    return styled >= len(text) - 2
