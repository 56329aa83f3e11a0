"""Photo captions and credits as news pages write them: next to the image, in its figure, in
data attributes, and written together ("... on Tuesday. Photo: Jane Doe/AFP"), which most readers
show as one line or lose."""

from __future__ import annotations

import re

from desktop.ingest.captiontext import (
    MAX_LABELLED,
    caption_parts,
    closes_on_credit,
    labels,
    reads_as_caption,
)
from desktop.ingest.creditforms import (
    closes_with_credit,
    is_label_alone,
    is_person,
    split_credit,
    starts_with_label,
)
from desktop.ingest.elements import Element, attr, clean, text_of

# The search for an image's caption goes up through the elements that hold it alone, whatever
# their tag (a Drupal <article> may wrap one media entity), and stops at the first that holds
# more text than a caption: past it, text is the article's.
MAX_CAPTION = 400  # characters of text beside an image up to which they may be its caption
_HEADINGS = "self::h1|self::h2|self::h3|self::h4|.//h1|.//h2|.//h3|.//h4"
MAX_ICON = 40  # pixels up to which an image beside a picture is an icon, not another picture
# Caption in other languages too: the Spanish "pie (de foto)", "leyenda" and "epígrafe", the
# Nordic "bildtext" and "billedtekst", the Finnish "kuvateksti", the Dutch "bijschrift", the Czech
# "onderschrift", the Czech and Slovak "popis", the Polish "podpis", the Indonesian "keterangan",
# the Hungarian "képaláírás" and the Vietnamese "chú thích".
_CAPTIONISH = re.compile(
    r"caption|cutline|credit|copyright|photographer|legend|bildunterschrift|didascalia"
    r"|(?:img|image|photo|pic|fig)[-_]?(?:cap|descr?|description)(?![a-z])"
    r"|(?:img|photo|pic)[-_]?title|(?<![a-z])pie(?:[-_]?(?:de[-_]?)?foto)?(?![a-z])|leyenda"
    r"|ep[ií]grafe|bildtext|billedtekst|kuvateksti|bijschrift|onderschrift|popis|podpis"
    r"|keterangan|unterschrift|k[eé]pal[aá][ií]r[aá]s|chu[-_]?thich",
    re.I,
)


def caption_near(img: Element) -> tuple[str | None, str | None]:
    """The caption and credit written next to an image: in attributes, its figure or after it."""
    caption, credit = attribute_caption(img)
    region = caption_region(img)
    if region:
        found_caption, found_credit = caption_parts(region)
        caption, credit = caption or found_caption, credit or found_credit
    return caption, credit


def attribute_caption(img: Element) -> tuple[str | None, str | None]:
    """A caption and credit given in data attributes of the image, its containers or the
    elements of its own figure."""
    caption = credit = None
    figure = next(img.iterancestors("figure"), None)
    inside = list(figure.iter()) if figure is not None and image_count(figure) <= 1 else []
    for element in [*[img, *img.iterancestors()][:3], *inside]:
        if not isinstance(element.tag, str):
            continue
        for name, value in element.attrib.items():
            text = clean(value)
            if not re.search(r"[^\W\d_]", text) or "://" in text:
                continue
            if "credit" in name or "copyright" in name:
                credit = credit or text
            elif "caption" in name and " " in text:
                caption = caption or text
    return caption, credit


def caption_region(img: Element) -> list[Element]:
    """The caption elements of an image: in its <figure>, or just after it or the wrappers that
    hold it alone (however deep), or in the next row of a table that frames it."""
    figure = next(img.iterancestors("figure"), None)
    if figure is not None and image_count(figure) <= 1 and _outermost_captions(figure):
        return [*_outermost_captions(figure), *credit_after(figure)]
    node = img
    while True:
        # Inside the picture's own figure any short text is its caption; past it (a figure
        # without a caption of its own), only text set apart or named as one.
        if figure is not None and node is not figure and not _inside(node, figure):
            return []  # past the figure's box: its caption is in or just after the figure
        if node is figure:
            following = _after_figure(figure) or _later_figcaption(figure)
        else:
            following = (
                _caption_siblings(node, figure)
                or _table_caption(node)
                or _caption_before(node)
                or _later_figcaption(node)
            )
        if following:
            return [*following, *credit_after(following[-1])]
        parent = node.getparent()
        if parent is None or parent.tag in {"body", "html"} or image_count(parent) > 1:
            return []
        if _holds_prose(parent, node):
            return []
        node = parent


def _after_figure(figure: Element) -> list[Element]:
    """The caption written just after a figure that has none inside: the next element, named
    as a caption or closed by a credit by its form ("... (foto Ansa)")."""
    following = next(
        (s for s in figure.itersiblings() if isinstance(s.tag, str) and clean(text_of(s))), None
    )
    if following is None or image_count(following):
        return []
    captions = _outermost_captions(following)
    if captions:
        return _with_credits_beside(following, captions)
    text = clean(text_of(following))
    short = len(text) <= MAX_CAPTION and not following.xpath(_HEADINGS)
    return [following] if short and closes_with_credit(text) else []


def _later_figcaption(node: Element) -> list[Element]:
    """A <figcaption> further on beside a picture's box, past the headline a hero lays over
    the picture, before any other picture."""
    for sibling in node.itersiblings():
        if not isinstance(sibling.tag, str) or image_count(sibling):
            return []
        if sibling.tag == "figcaption":
            return [sibling]
    return []


def _inside(element: Element, holder: Element) -> bool:
    """Whether an element is inside another."""
    return any(up is holder for up in element.iterancestors())


def credit_after(element: Element) -> list[Element]:
    """The paragraph after a caption when it is the photo's credit, after its label alone
    ("图片来源：新华社", "Foto: Jana Dorn"), or the name alone after a caption closing on the
    label ("... w Borowicach. Fot." then "Jan Kowalski")."""
    following = element.getnext()
    if following is None or not isinstance(following.tag, str) or image_count(following):
        return []
    text = clean(text_of(following))
    if len(text) <= MAX_LABELLED and starts_with_label(text):
        return [following]
    return [following] if is_person(text) and _ends_with_label(element) else []


def _ends_with_label(element: Element) -> bool:
    """Whether a caption closes on a credit's label left alone ("... w Borowicach. Fot.")."""
    credit = split_credit(clean(text_of(element)))[1]
    return credit is not None and is_label_alone(credit)


def image_count(element: Element) -> int:
    """How many pictures an element shows (a lazy image's <noscript> twin and icons, such as an
    "enlarge" button's, not counted)."""
    images = element.xpath(".//img[not(ancestor::noscript)] | .//amp-img")
    return sum(1 for img in images if not _is_icon(img) and not _is_placeholder(img))


def _is_placeholder(img: Element) -> bool:
    """Whether an image only holds a picture's place (a Gatsby wrapper's hidden SVG sizer): hidden
    from screen readers, or an inline data address with no other source."""
    if attr(img, "aria-hidden") == "true" or attr(img, "role") == "presentation":
        return True
    lazy = any(name.startswith("data-") and "src" in name for name in img.attrib)
    return attr(img, "src").startswith("data:") and not lazy and not attr(img, "srcset")


def _is_icon(img: Element) -> bool:
    """Whether an image is an icon: at most MAX_ICON pixels wide or high, as its tag says."""
    sides = (attr(img, "width"), attr(img, "height"))
    return any(side.isdigit() and int(side) <= MAX_ICON for side in sides)


def caption_elements(root: Element) -> list[Element]:
    """The caption-like elements in a subtree that are not inside another one."""
    return _outermost_captions(root)


def _holds_prose(parent: Element, node: Element) -> bool:
    """Whether an element holds more text beside a node than a caption has: past it, text is the
    article's."""
    outside = len(clean(text_of(parent))) - len(clean(text_of(node)))
    return outside > MAX_CAPTION


def _table_caption(row: Element) -> list[Element]:
    """The next row of a table that holds a picture and its caption, one row each."""
    table = row.getparent()
    if row.tag != "tr" or table is None:
        return []
    rows = [child for child in table if child.tag == "tr"]
    if len(rows) != 2 or rows[0] is not row or image_count(rows[1]):
        return []
    text = clean(text_of(rows[1]))
    return [rows[1]] if 0 < len(text) <= MAX_CAPTION else []


def _caption_siblings(node: Element, figure: Element | None) -> list[Element]:
    """The caption-like elements that directly follow a node, past empty ones; else the first
    element after it that reads as a caption (in the image's own figure, any short text)."""
    found: list[Element] = []
    for sibling in node.itersiblings():
        if not isinstance(sibling.tag, str) or sibling.tag in {"noscript", "script", "style"}:
            continue
        captions = _outermost_captions(sibling)
        empty = clean(text_of(sibling)) == ""
        if image_count(sibling) or not (captions or empty):
            if not found and reads_as_caption(sibling, loose=figure is not None):
                found.append(sibling)
            elif not found and not image_count(sibling):
                found.extend(_opening_caption(sibling))
            break
        found.extend(_with_credits_beside(sibling, captions))
    return found


def _opening_caption(block: Element) -> list[Element]:
    """The first paragraph of the text block after a picture's block when it reads as a caption
    closed by its credit, as site builders write it: an image block, then a text block opening
    with the caption and credit (an italic opening paragraph without one is the story's)."""
    first = next((p for p in block.iter("p") if clean(text_of(p))), None)
    if first is None or _text_ahead(block, first):
        return []
    return [first] if reads_as_caption(first) and closes_on_credit(first) else []


def _text_ahead(block: Element, element: Element) -> bool:
    """Whether a block shows text before one of its elements."""
    ancestors = set(element.iterancestors())
    for node in block.iter():
        if node is element:
            return False
        own = node.text if isinstance(node.tag, str) else ""
        if clean(own or "") or (node not in ancestors and clean(node.tail or "")):
            return True
    return False


def _with_credits_beside(box: Element, captions: list[Element]) -> list[Element]:
    """The captions in a caption's box with the credit written beside them in the box, in an
    element of its own that no name marks ("Foto: ...", "Zdroj: ČTK")."""
    if not captions or len(clean(text_of(box))) > MAX_CAPTION:
        return captions
    children = [child for child in box if isinstance(child.tag, str) and child not in captions]
    credits = [child for child in children if starts_with_label(clean(text_of(child)))]
    return sorted([*captions, *credits], key=lambda element: _position(box, element))


def _position(box: Element, element: Element) -> int:
    """Where an element stands in a box, in document order."""
    return next(index for index, node in enumerate(box.iter()) if node is element)


def _caption_before(node: Element) -> list[Element]:
    """The caption of a picture laid out beside it, before it: the one other element of the
    picture's box, named as a caption or closed by a credit."""
    parent = node.getparent()
    if parent is None:
        return []
    shown = [child for child in parent if isinstance(child.tag, str) and clean(text_of(child))]
    others = [child for child in shown if child is not node]
    before = next((s for s in node.itersiblings(preceding=True) if isinstance(s.tag, str)), None)
    if len(others) != 1 or others[0] is not before:
        return []
    box = others[0]
    text = clean(text_of(box))
    if image_count(box) or not text or len(text) > MAX_CAPTION:
        return []
    captions = _outermost_captions(box)
    if captions:
        return _with_credits_beside(box, captions)
    return [box] if closes_with_credit(text) or _labelled_last(box) else []


def _labelled_last(box: Element) -> bool:
    """Whether the last element of a box opens with a credit's label."""
    children = [child for child in box if isinstance(child.tag, str) and clean(text_of(child))]
    return len(children) > 1 and starts_with_label(clean(text_of(children[-1])))


def _outermost_captions(root: Element) -> list[Element]:
    """The caption-like elements in a subtree that are not inside another one."""
    if is_captionish(root):
        return [root]
    found: list[Element] = []
    for child in root:
        if isinstance(child.tag, str):
            found.extend(_outermost_captions(child))
    return found


def is_captionish(element: Element) -> bool:
    """Whether an element is a caption or credit, by its tag, class, id, itemprop or data names."""
    return element.tag == "figcaption" or bool(_CAPTIONISH.search(labels(element)))
