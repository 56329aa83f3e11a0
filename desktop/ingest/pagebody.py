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
from itertools import islice

from desktop.ingest.blocks import FIGURE, HEADING_TAGS, RULE, Block, key_of
from desktop.ingest.bodyedges import (
    BIO_CHARS,
    credits_reporting,
    says_who,
    without_bold_summary,
    without_summary_box,
)
from desktop.ingest.bodywalk import (
    ITALIC_NOTE,
    TEXT_BLOCKS,
    BodyWalk,
    Piece,
    holds_text_only,
    is_card,
)
from desktop.ingest.captions import MAX_CAPTION
from desktop.ingest.creditforms import split_credit
from desktop.ingest.elements import Element, attr, text_of
from desktop.ingest.furniture import is_edge_line, name_words
from desktop.ingest.photoessay import essay_element

MIN_ANCHOR = 30  # key characters from which a found block can place the article on the page
CONTAINER_SHARE = 0.7  # of the found text that the article's element holds
KEPT_SHARE = 0.5  # of the found text in the article's element that its reading must keep
SPLIT_SHARE = 0.1  # of the found text beside the article's element that makes it a part of it
ENTRY_CLIMB = 4  # levels above the article's element where a live blog's entries are looked for
MIN_ENTRIES = 3  # entries, each with a time, that make a live blog
RULED_NOTES = 2  # the most blocks after a closing rule (<hr>) that are a note, not the text
RULED_NOTE_CHARS = 400  # and the most characters they hold
DUPLICATE_CHARS = 40  # key characters from which a block said twice is said once
# Words of class and id names of blocks that point to other stories.
RELATED_WORDS = frozenset(
    {"related", "relatedposts", "recommended", "recommendations", "recirculation", "popular",
     "mostread", "outbrain", "taboola", "promo", "readnext", "upnext"}
)  # fmt: skip
# Where an entry of a live blog gives its time: a <time>, or an element named for it.
_TIMES = (
    ".//time | .//*[contains(@class, 'time') or contains(@class, 'Time')"
    " or contains(@class, 'date') or contains(@class, 'Date')]"
)
# Elements whose text may be a found block: text blocks, and wrappers that hold loose text (a
# portal writes its whole article as text and line breaks in an <article>).
_WRAPPER_TAGS = frozenset({"div", "article", "section"})
_ANCHOR_TAGS = ("p", "li", "ul", "ol", "blockquote", "pre", "td", "dd", *_WRAPPER_TAGS,
                *HEADING_TAGS)  # fmt: skip
CORRECTION_CLIMB = 3  # levels above the article's element whose next elements may correct it
CORRECTION_SIBLINGS = 3  # the elements after each that are looked at
_CORRECTION_HINT = re.compile(r"correct|clarif|earlier version|previous version", re.I)
RELATED_CLIMB = 5  # levels above a found block where a related-posts block is looked for
_STANDFIRST = re.compile(
    r"(?:^|[^a-z])(?:standfirst|dek|deck|subtitle|sub-title|subheadline|subhead|strapline|excerpt"
    r"|summary|intro|lede|description|teaser-text|article-sub)(?:[^a-z]|$)",
    re.I,
)


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
    essay = essay_element(container) if stream is None else None
    walk = BodyWalk(lead, stream is not None, told=essay is not None)
    root = next(node for node in (stream, essay, container) if node is not None)
    pieces = list(walk.pieces(root))
    if stream is not None:
        chosen = _without_notes(pieces)
    else:
        chosen = _span(pieces, set(keys), anchors, to_end=essay is not None)
        chosen += _corrections_after(root, walk, {piece.block.key for piece in chosen})
    chosen = _without_lead_caption(_without_caption_twins(chosen), lead[1])
    chosen = without_bold_summary(without_summary_box(chosen))
    chosen = _without_repeated(_without_standfirst(chosen, body, container))
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
    for element in body.iter(*_ANCHOR_TAGS):
        if element.tag in _WRAPPER_TAGS and not holds_text_only(element):
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
        if node.tag not in TEXT_BLOCKS and is_card(node):
            return True
    return False


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
    timed = sum(1 for entry in entries if entry.xpath(_TIMES))
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


# Choosing the body's span


def _span(
    pieces: list[Piece], keys: set[str], anchors: list[str], to_end: bool = False
) -> list[Piece]:
    """The pieces from the first found block to the last (or, ``to_end``, to the last piece),
    with the subheadings and pictures just before the first, the pictures just after the last
    and the footnotes after them."""
    found = [i for i, piece in enumerate(pieces) if _was_found(piece.block, keys, anchors)]
    if not found:
        return []
    first, last = found[0], len(pieces) - 1 if to_end else found[-1]
    if to_end:  # a photo essay may open with a picture and its caption before the intro
        first = next((i for i, p in enumerate(pieces[:first]) if p.told or _is_picture(p)), first)
    while first > 0 and (
        pieces[first - 1].block.tag == FIGURE
        or pieces[first - 1].correction
        or _heads(pieces[first - 1], pieces[first])
    ):
        first -= 1
    while last + 1 < len(pieces) and pieces[last + 1].block.tag == FIGURE:
        last += 1
    notes = [piece for piece in pieces[last + 1 :] if piece.note or piece.correction]
    return [*_without_notes(pieces[first : last + 1]), *notes]


def _is_picture(piece: Piece) -> bool:
    """Whether a piece is a figure."""
    return piece.block.tag == FIGURE


def _heads(piece: Piece, following: Piece) -> bool:
    """Whether a piece is a subheading of the text that follows it in the same element (not a
    headline's subtitle in the header above the body)."""
    return piece.block.tag in HEADING_TAGS - {"h1"} and piece.parent is following.parent


def _without_notes(pieces: list[Piece]) -> list[Piece]:
    """The pieces without the notes that close the text: in italics (a tagline, a disclaimer,
    an invitation to write in), furniture lines, and a short note after a closing rule; a
    correction among them stays."""
    end = len(pieces)
    rules = [i for i, piece in enumerate(pieces) if piece.block.tag == RULE]
    if rules and rules[-1] >= len(pieces) // 2:
        after = [piece.block.text for piece in pieces[rules[-1] + 1 :]]
        if len(after) <= RULED_NOTES and sum(map(len, after)) <= RULED_NOTE_CHARS:
            end = rules[-1]
    while end > 0 and (pieces[end - 1].correction or _closes_text(pieces[end - 1])):
        end -= 1
    return [*pieces[:end], *(piece for piece in pieces[end:] if piece.correction)]


def _closes_text(piece: Piece) -> bool:
    """Whether a piece after the text is a rule, a note in italics (a tagline, a contributor's
    bio) or a furniture line."""
    if piece.block.tag == RULE:
        return True
    text = piece.block.text
    short = len(text) <= ITALIC_NOTE or (len(text) <= BIO_CHARS and says_who(text))
    note = piece.italic and short and not credits_reporting(text)
    return note or is_edge_line(piece.block)


def _corrections_after(element: Element, walk: BodyWalk, said: set[str]) -> list[Piece]:
    """The corrections set apart just after the article's element (in the first elements after
    it or after those around it), which the extractors left out."""
    found: list[Piece] = []
    node: Element | None = element
    for _ in range(CORRECTION_CLIMB):
        if node is None or node.tag in {"body", "html"}:
            break
        siblings = (s for s in node.itersiblings() if isinstance(s.tag, str))
        for sibling in islice(siblings, CORRECTION_SIBLINGS):
            if _CORRECTION_HINT.search(text_of(sibling)):
                found += [p for p in walk.read(sibling) if p.correction and p.block.key not in said]
        node = node.getparent()
    return found


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


def _without_lead_caption(pieces: list[Piece], caption: str | None) -> list[Piece]:
    """The pieces without a paragraph that is the lead photo's caption and its credit, as a
    site builder's text block under the picture writes them ("... in August. Photo by ...")."""
    if not caption:
        return pieces
    wanted = key_of(caption)
    return [piece for piece in pieces if not _captions_lead(piece.block, wanted)]


def _captions_lead(block: Block, caption: str) -> bool:
    """Whether a text block is a caption closed by its credit, the caption being the lead's."""
    if block.tag == FIGURE or len(block.text) > MAX_CAPTION or not block.key.startswith(caption):
        return False
    written, credit = split_credit(block.text)
    return credit is not None and key_of(written or "") == caption


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
