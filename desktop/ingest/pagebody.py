"""The article's body read again from the page, in the element where the extractors found it.

The extractors say which paragraphs are the article; the page says how they are written. Their
blocks place the article on the page (the element holding most of their text, or the stream of
a live blog's entries), and that element is read in page order: every block from the first they
found to the last, the middle ones they dropped too (link-dense prose, text after an embedded
post or an empty ad slot), the words of ``<div>``-built paragraphs and around links as the page
writes them, subheadings just before the first, footnotes after the last, and the article's own
pictures in their place. Subtrees whose class or id names furniture, embedded posts, captions,
timestamps and link lists are left out on the way.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from copy import deepcopy
from dataclasses import dataclass
from html import escape

from lxml import html as lxml_html

from desktop.ingest.blocks import FIGURE, HEADING_TAGS, RULE, Block, block_of, key_of
from desktop.ingest.captions import caption_parts, caption_region
from desktop.ingest.elements import Element, attr, clean, text_of
from desktop.ingest.figures import same_picture
from desktop.ingest.furniture import (
    is_edge_line,
    is_furniture_element,
    is_furniture_line,
    is_note_element,
    name_words,
)

MIN_ANCHOR = 30  # key characters from which a found block can place the article on the page
CONTAINER_SHARE = 0.7  # of the found text that the article's element holds
KEPT_SHARE = 0.5  # of the found text in the article's element that its reading must keep
SPLIT_SHARE = 0.1  # of the found text beside the article's element that makes it a part of it
ENTRY_CLIMB = 4  # levels above the article's element where a live blog's entries are looked for
MIN_ENTRIES = 3  # entries, each with a time, that make a live blog
RUN_MIN_CHARS = 50  # loose text in a <div> shorter than this is a paragraph only as a sentence
LINK_LIST_SHARE = 0.9  # of a block's text in links from which it is a list of links
SHORT_LINE = 150  # characters under which a linked line is a "read this" link, not prose
TIMESTAMP_CHARS = 100  # the longest line that is only a time
ITALIC_NOTE = 300  # the longest all-italic closing note (a tagline, a disclaimer) or caption
RULED_NOTES = 2  # the most blocks after a closing rule (<hr>) that are a note, not the text
RULED_NOTE_CHARS = 400  # and the most characters they hold
DUPLICATE_CHARS = 40  # key characters from which a block said twice is said once
SMALL_PICTURE = 100  # pixels under which an image is an icon, a logo or an avatar

TEXT_BLOCKS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "dl",
                         "pre", "table"})  # fmt: skip
INLINE_TAGS = frozenset(
    {"a", "span", "em", "strong", "b", "i", "u", "s", "small", "sub", "sup", "q", "cite", "abbr",
     "time", "code", "mark", "br", "font", "var", "kbd", "dfn", "del", "ins", "bdi", "bdo",
     "wbr", "data"}
)  # fmt: skip
SKIPPED_TAGS = frozenset(
    {"script", "style", "noscript", "template", "svg", "nav", "aside", "footer", "form", "button",
     "figcaption",
     "iframe", "object", "embed", "select", "textarea", "input", "label", "video", "audio",
     "canvas", "map", "dialog", "menu", "head", "title", "link", "meta"}
)  # fmt: skip
PICTURE_TAGS = frozenset({"img", "picture", "amp-img"})
# Words of class and id names of blocks that point to other stories.
RELATED_WORDS = frozenset(
    {"related", "relatedposts", "recommended", "recommendations", "recirculation", "popular",
     "mostread", "outbrain", "taboola", "promo", "readnext", "upnext"}
)  # fmt: skip
RELATED_CLIMB = 5  # levels above a found block where a related-posts block is looked for
CARD_CHARS = 500  # the most text a card for another story holds
_HEADLINES = ".//h2 | .//h3 | .//h4 | .//h5 | .//h6"
_PICTURES = ".//img | .//picture | .//amp-img"
_CENTRED = re.compile(r"text-align\s*:\s*center", re.I)
_DISPLAY_NONE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
LAYOUT_INSIDE = ".//p | .//div | .//table | .//ul | .//ol | .//blockquote"
_SELF_LINKS = ".//a[starts-with(@href, '#')]"
_PICTURE_WORDS = frozenset(
    {"logo", "icon", "avatar", "author", "headshot", "mugshot", "profile", "sprite", "badge",
     "emoji", "button", "share", "ad", "ads", "sponsor", "advert", "gravatar", "favicon",
     "thumbnail", "thumb", "placeholder", "spacer", "pixel", "banner", "flag", "wordmark"}
)  # fmt: skip
_SENTENCE_END = re.compile(r"[.!?。！？…:;”\"’»)]\s*$")
_DOUBLE_BREAK = re.compile(r"<br\s*/?>\s*(?:&nbsp;|\s)*<br\s*/?>", re.I)
# Chinese and Japanese characters, between which a browser shows a line break of the source as
# nothing (Korean, written with spaces between words, shows it as a space).
_CJK = re.compile(
    r"[\u2e80-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uff9f]"
)
_STANDFIRST = re.compile(
    r"(?:^|[^a-z])(?:standfirst|dek|deck|subtitle|sub-title|subheadline|subhead|strapline|excerpt"
    r"|summary|intro|lede|description|teaser-text|article-sub)(?:[^a-z]|$)",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Piece:
    """A block read from the page, with what the choice of the body's span needs to know."""

    block: Block
    note: bool = False  # inside the article's footnotes
    italic: bool = False  # written wholly in italics
    parent: Element | None = None  # the element it was read in


def page_body(
    tree: Element,
    found: list[Block],
    lead: tuple[str | None, str | None] = (None, None),
    live: bool = False,
) -> list[Block] | None:
    """The article's blocks as the page writes them, placed by the blocks the extractors found,
    without the lead photo (its address and caption in ``lead``); ``live`` when the page says
    it is a live blog. None when the page cannot place them."""
    keys = [block.key for block in found if block.tag not in HEADING_TAGS and block.key]
    anchors = [key for key in keys if len(key) >= MIN_ANCHOR] or keys
    body = tree.find("body") if tree.tag != "body" else tree
    if not anchors or body is None:
        return None
    placed = [(e, size) for e, size in _anchor_elements(body, anchors) if not _elsewhere(e)]
    container = _container(placed)
    if container is None:
        return None
    stream = _entry_stream(container, live)
    walk = _Walk(lead, stream is not None)
    pieces = list(walk.pieces(stream if stream is not None else container))
    chosen = _without_notes(pieces) if stream is not None else _span(pieces, set(keys), anchors)
    chosen = _without_repeated(_without_standfirst(_without_caption_twins(chosen), body, container))
    inside = sum(size for element, size in placed if _within(element, container))
    kept = sum(len(piece.block.key) for piece in chosen if piece.block.tag != FIGURE)
    if kept < KEPT_SHARE * inside:
        return None  # the reading lost what the extractors found there: trust them instead
    return [piece.block for piece in chosen if piece.block.tag != RULE]


def _within(element: Element, container: Element) -> bool:
    """Whether an element is the container or inside it."""
    return element is container or any(up is container for up in element.iterancestors())


# Placing the article


def _anchor_elements(body: Element, anchors: list[str]) -> list[tuple[Element, int]]:
    """The page elements holding the found blocks' text, with how much of it each holds."""
    wanted = set(anchors)
    placed: list[tuple[Element, int]] = []
    candidates: list[tuple[Element, str]] = []
    tags = ("p", "li", "ul", "ol", "blockquote", "pre", "td", "dd", "div", *HEADING_TAGS)
    for element in body.iter(*tags):
        if element.tag == "div" and not _has_loose_text(element):
            continue
        key = key_of(text_of(element))
        if key in wanted:
            placed.append((element, len(key)))
            wanted.discard(key)
        elif len(key) >= MIN_ANCHOR:
            candidates.append((element, key))
    for anchor in wanted:  # a block the extractor cut short or glued: inside a page element
        holders = [(len(key), element) for element, key in candidates if anchor in key]
        if holders and len(anchor) >= MIN_ANCHOR:
            placed.append((min(holders, key=lambda holder: holder[0])[1], len(anchor)))
    return placed


def _elsewhere(element: Element) -> bool:
    """Whether an element points to other stories: inside a related-posts block (by its name)
    or in a card of a list of them."""
    for level, node in enumerate((element, *element.iterancestors())):
        if level > RELATED_CLIMB or node.tag in {"body", "main", "html"}:
            return False
        if not RELATED_WORDS.isdisjoint(name_words(f"{attr(node, 'class')} {attr(node, 'id')}")):
            return True
        if node.tag not in TEXT_BLOCKS and _is_card(node):
            return True
    return False


def _is_card(element: Element) -> bool:
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


def _container(placed: list[tuple[Element, int]]) -> Element | None:
    """The deepest element holding CONTAINER_SHARE of the found text."""
    total = sum(size for _, size in placed)
    held: dict[Element, int] = {}
    depth: dict[Element, int] = {}
    for element, size in placed:
        ancestors = [element, *element.iterancestors()]
        for level, ancestor in enumerate(reversed(ancestors)):
            held[ancestor] = held.get(ancestor, 0) + size
            depth[ancestor] = level
    enough = [element for element, size in held.items() if size >= CONTAINER_SHARE * total]
    if not enough:
        return None
    best = max(enough, key=lambda element: depth[element])
    if best.tag in TEXT_BLOCKS or best.tag == "li":
        best = best.getparent()
    parent = best.getparent()
    while parent is not None and held.get(parent, 0) - held[best] >= SPLIT_SHARE * total:
        best, parent = parent, parent.getparent()  # a body split in parts (around an ad, say)
    return best


def _entry_stream(container: Element, live: bool) -> Element | None:
    """The stream of a live blog's entries when the article's element holds them, is one of
    them or is in one: siblings alike in tag and class, each with a time, none with a headline
    of its own, on a page that says it is live; all of the stream is the article."""
    if not (live or _says_live(container)):
        return None
    signatures = {(child.tag, attr(child, "class")): child for child in container}
    if any(_are_entries(_entries_like(child, container)) for child in signatures.values()):
        return container
    node = container
    for _ in range(ENTRY_CLIMB):
        parent = node.getparent()
        if parent is None or parent.tag in {"body", "html"}:
            break
        if _are_entries(_entries_like(node, parent)):
            return parent
        node = parent
    return None


def _says_live(element: Element) -> bool:
    """Whether an element or one around it is named for live coverage ("liveblog", "live-feed")."""
    return any(
        word.startswith("live")
        for node in (element, *element.iterancestors())
        for word in name_words(f"{attr(node, 'class')} {attr(node, 'id')}")
    )


def _are_entries(entries: list[Element]) -> bool:
    """Whether elements are a live blog's entries: enough of them, most with a time, none with
    a headline of its own."""
    if len(entries) < MIN_ENTRIES or any(entry.xpath(".//h1") for entry in entries):
        return False
    timed = sum(1 for entry in entries if entry.xpath(".//time"))
    return timed >= max(MIN_ENTRIES, len(entries) * 2 // 3)


def _entries_like(node: Element, parent: Element) -> list[Element]:
    """The children of ``parent`` with the tag and a class word of ``node``."""
    words = set(attr(node, "class").split())
    if not words:
        return []
    return [
        child
        for child in parent
        if child.tag == node.tag and not words.isdisjoint(attr(child, "class").split())
    ]


def _span(pieces: list[Piece], keys: set[str], anchors: list[str]) -> list[Piece]:
    """The pieces from the first found block to the last, with the subheadings and pictures just
    before the first, the pictures just after the last and the footnotes after them."""
    found = [i for i, piece in enumerate(pieces) if _was_found(piece.block, keys, anchors)]
    if not found:
        return []
    first, last = found[0], found[-1]
    while first > 0 and (
        pieces[first - 1].block.tag == FIGURE or _heads(pieces[first - 1], pieces[first])
    ):
        first -= 1
    while last + 1 < len(pieces) and pieces[last + 1].block.tag == FIGURE:
        last += 1
    notes = [piece for piece in pieces[last + 1 :] if piece.note]
    return [*_without_notes(pieces[first : last + 1]), *notes]


def _heads(piece: Piece, following: Piece) -> bool:
    """Whether a piece is a subheading of the text that follows it in the same element (not a
    headline's subtitle in the header above the body)."""
    return piece.block.tag in HEADING_TAGS - {"h1"} and piece.parent is following.parent


def _without_notes(pieces: list[Piece]) -> list[Piece]:
    """The pieces without the notes that close the text: in italics (a tagline, a disclaimer,
    an invitation to write in), furniture lines, and a short note after a closing rule."""
    end = len(pieces)
    rules = [i for i, piece in enumerate(pieces) if piece.block.tag == RULE]
    if rules and rules[-1] >= len(pieces) // 2:
        after = [piece.block.text for piece in pieces[rules[-1] + 1 :]]
        if len(after) <= RULED_NOTES and sum(map(len, after)) <= RULED_NOTE_CHARS:
            end = rules[-1]
    while end > 0 and (_closes_text(pieces[end - 1]) or pieces[end - 1].block.tag == RULE):
        end -= 1
    return pieces[:end]


def _closes_text(piece: Piece) -> bool:
    """Whether a piece after the text is a note in italics or a furniture line."""
    short = len(piece.block.text) <= ITALIC_NOTE
    return (piece.italic and short) or is_edge_line(piece.block)


def _was_found(block: Block, keys: set[str], anchors: list[str]) -> bool:
    """Whether the extractors found a block (whole, cut short, or as part of one of theirs)."""
    if block.tag == FIGURE:
        return False
    if block.key in keys:
        return True
    if len(block.key) < MIN_ANCHOR:
        return False
    return any(anchor in block.key or block.key in anchor for anchor in anchors)


def _without_standfirst(pieces: list[Piece], body: Element, container: Element) -> list[Piece]:
    """The pieces without a first paragraph that repeats the standfirst shown above the body."""
    first = next((p for p in pieces if p.block.tag not in {FIGURE, RULE}), None)
    if first is None or first.block.tag in HEADING_TAGS:
        return pieces
    for element in body.iter():
        if element is container or not isinstance(element.tag, str):
            continue
        names = f"{attr(element, 'class')} {attr(element, 'id')}"
        if (
            _STANDFIRST.search(names)
            and key_of(text_of(element)) == first.block.key
            and not any(up is container for up in element.iterancestors())
        ):
            return [piece for piece in pieces if piece is not first]
    return pieces


def _without_caption_twins(pieces: list[Piece]) -> list[Piece]:
    """The pieces without a paragraph beside a figure that repeats the figure's caption."""
    twins: set[int] = set()
    for index, piece in enumerate(pieces):
        if piece.block.tag != FIGURE or not piece.block.key:
            continue
        for near in (index - 1, index + 1):
            if 0 <= near < len(pieces) and _repeats(pieces[near].block, piece.block.key):
                twins.add(near)
    return [piece for index, piece in enumerate(pieces) if index not in twins]


def _repeats(block: Block, caption: str) -> bool:
    """Whether a text block says a caption again (with or without its credit)."""
    if block.tag == FIGURE or not block.key:
        return False
    return block.key == caption or (len(block.key) >= MIN_ANCHOR and block.key in caption)


def _without_repeated(pieces: list[Piece]) -> list[Piece]:
    """The pieces with a long block said twice (a pinned entry, a quote) kept once."""
    seen: set[str] = set()
    kept: list[Piece] = []
    for piece in pieces:
        key = piece.block.key
        if piece.block.tag != FIGURE and len(key) >= DUPLICATE_CHARS and key in seen:
            continue
        seen.add(key)
        kept.append(piece)
    return kept


# Reading the article's element


class _Walk:
    """One reading of an article's element in page order, into pieces."""

    def __init__(self, lead: tuple[str | None, str | None], stream: bool) -> None:
        self._lead, self._stream = lead[0], stream
        self._lead_caption = key_of(lead[1] or "")
        self._skipped: set[Element] = set()  # caption elements already taken by a picture
        self._pictures: list[str] = []
        # The last thing read was a picture: an italic line now is its caption.
        self._after_picture = False

    def pieces(self, element: Element, note: bool = False) -> Iterator[Piece]:
        """The pieces inside an element: its loose text in runs, its blocks, its pictures."""
        run: list[Element | str] = []
        if clean(element.text or ""):
            run.append(element.text)
        for child in element:
            if not isinstance(child.tag, str):
                if clean(child.tail or ""):
                    run.append(child.tail)
                continue
            if child.tag in INLINE_TAGS and not child.xpath(LAYOUT_INSIDE):
                run.append(child)
                continue
            yield from self._run(run, note, element)
            run = []
            yield from self._child(child, note)
            if clean(child.tail or ""):
                run.append(child.tail)
        yield from self._run(run, note, element)

    def _child(self, element: Element, note: bool) -> Iterator[Piece]:
        """The pieces of one block-level element."""
        tag = element.tag
        if tag in SKIPPED_TAGS or element in self._skipped or _is_embed(element):
            return
        if _is_hidden(element):
            return
        if tag == "hr":
            yield Piece(Block(RULE, "", "", "", 0))
            return
        if tag in PICTURE_TAGS or (tag == "figure" and element.xpath(_PICTURES)):
            yield from self._picture(element)
            return
        if is_furniture_element(element):
            if "caption" in attr(element, "class").lower():  # a picture in a caption's frame
                yield from self._picture(element)
            return
        if tag not in TEXT_BLOCKS and not self._stream and _is_card(element):
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
        if element.xpath(".//img"):  # the pictures of a paragraph: its own, not the lead's
            element = deepcopy(element)
            element.tail = None
            for img in list(element.iter("img")):
                if _is_furniture_picture(img) or not self._is_article_picture(img):
                    img.drop_tree()
        italic = _is_italic(element, text)
        yield from self._text(_block(element), note, italic, parent, italic or _is_centred(element))

    def _run(self, run: list[Element | str], note: bool, holder: Element) -> Iterator[Piece]:
        """Loose text and inline elements of a ``<div>`` as paragraphs, split at double breaks."""
        if not run:
            return
        markup = "".join(
            escape(part) if isinstance(part, str) else _markup(part, with_tail=True) for part in run
        )
        for chunk in _DOUBLE_BREAK.split(markup):
            paragraph = lxml_html.fragment_fromstring(chunk, create_parent="p")
            text = clean(text_of(paragraph))
            if not text or _is_timestamp(paragraph, text):
                continue
            if len(text) < RUN_MIN_CHARS and not _SENTENCE_END.search(text):
                continue
            italic = _is_italic(paragraph, text)
            aside = italic or _is_centred(holder)
            yield from self._text(_block(paragraph), note, italic, holder, aside)

    def _text(
        self, block: Block, note: bool, italic: bool, parent: Element, set_apart: bool
    ) -> Iterator[Piece]:
        """A text block, unless it is furniture or the caption of the picture before it (a short
        line set apart, in italics or centred)."""
        caption = self._after_picture and set_apart and len(block.text) <= ITALIC_NOTE
        self._after_picture = False
        if _is_text(block) and not caption:
            yield Piece(block, note, italic, parent)

    def _picture(self, element: Element) -> Iterator[Piece]:
        """A picture of the article as a figure block; nothing for furniture or the lead photo
        (whose caption, written beside it, is not taken for text either)."""
        single = element.tag in {"img", "amp-img"}
        img = element if single else next(iter(element.xpath(".//img | .//amp-img")), None)
        if img is None or _is_furniture_picture(img):
            return
        loose = element.tag != "figure" and not element.xpath(".//figcaption")
        region = caption_region(img) if loose else []
        self._skipped.update(region)
        self._after_picture = True
        said = key_of(" ".join(text_of(part) for part in region) if loose else text_of(element))
        if self._is_lead_caption(said) or not self._is_article_picture(img):
            return
        markup = _framed(img, region) if loose else _markup(element)
        yield Piece(Block(FIGURE, markup, "", said, 0))

    def _is_lead_caption(self, said: str) -> bool:
        """Whether a picture's caption is the lead photo's: it is the lead, whatever address
        the page's meta tags give it."""
        caption = self._lead_caption
        return len(caption) >= MIN_ANCHOR and caption in said

    def _is_article_picture(self, img: Element) -> bool:
        """Whether an image is one of the article's own pictures, shown once, not the lead."""
        sources = _picture_sources(img)
        if not sources:
            return False
        if self._lead and any(same_picture(source, self._lead) for source in sources):
            return False
        if any(same_picture(source, seen) for source in sources for seen in self._pictures):
            return False
        self._pictures.extend(sources)
        return True


# Judging blocks and pictures


def _block(element: Element) -> Block:
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


def _framed(img: Element, region: list[Element]) -> str:
    """A loose image as a figure with the caption written beside it."""
    caption, credit = caption_parts(region) if region else (None, None)
    words = escape(caption or "") + (f"<small>{escape(credit)}</small>" if credit else "")
    figcaption = f"<figcaption>{words}</figcaption>" if words else ""
    return f"<figure>{_markup(img)}{figcaption}</figure>"


def _cjk_gap(before: str, gap: str, after: str) -> bool:
    """Whether white space with a line break stands between two CJK characters."""
    return "\n" in gap and bool(_CJK.fullmatch(before)) and bool(_CJK.fullmatch(after))


def _markup(element: Element, with_tail: bool = False) -> str:
    """An element's markup."""
    return str(lxml_html.tostring(element, encoding="unicode", with_tail=with_tail))


def _has_loose_text(element: Element) -> bool:
    """Whether an element holds text of its own, outside its child elements."""
    if clean(element.text or ""):
        return True
    return any(clean(child.tail or "") for child in element)


def _is_hidden(element: Element) -> bool:
    """Whether an element is not shown: the hidden attribute, or a style that hides it."""
    return element.get("hidden") is not None or bool(_DISPLAY_NONE.search(attr(element, "style")))


def _is_embed(element: Element) -> bool:
    """Whether an element is an embedded post or player (AMP's components, amp-img aside)."""
    tag = element.tag
    return tag.startswith("amp-") and tag not in PICTURE_TAGS


def _lays_out(table: Element) -> bool:
    """Whether a table lays out a page (it holds paragraphs, divisions or photos) rather than
    data (whose cells may hold icons, such as flags)."""
    if table.xpath(LAYOUT_INSIDE):
        return True
    return any(not _is_furniture_picture(img) for img in table.iter("img"))


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
    """Whether a line is only a time (a live blog entry's, a "Published ... Updated ..." line)."""
    if len(text) > TIMESTAMP_CHARS:
        return False
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


def _is_italic(element: Element, text: str) -> bool:
    """Whether a block is written wholly in italics."""
    slanted = sum(len(clean(text_of(part))) for part in element.iter("em", "i"))
    return slanted >= len(text) - 2


def _picture_sources(img: Element) -> list[str]:
    """The addresses an image may load: plain, lazy and each of its source sets'."""
    found: list[str] = []
    for name, value in img.attrib.items():
        if "src" not in name and name not in {"data-original", "data-url", "data-lazy"}:
            continue
        for candidate in value.split(",") if "srcset" in name else [value]:
            address = candidate.strip().split(" ")[0]
            if address and not address.startswith("data:") and address not in found:
                found.append(address)
    return found


def _is_furniture_picture(img: Element) -> bool:
    """Whether an image is a logo, icon, avatar, button, ad or a linked story's thumbnail."""
    for name in ("width", "height"):
        size = attr(img, name).strip().removesuffix("px")
        if size.isdigit() and int(size) < SMALL_PICTURE:
            return True
    source = attr(img, "src").rsplit("/", 1)[-1]
    names = f"{attr(img, 'class')} {attr(img, 'id')} {source}"
    if not _PICTURE_WORDS.isdisjoint(name_words(names)):
        return True
    link = next(img.iterancestors("a"), None)
    return link is not None and bool(clean(text_of(link)))
