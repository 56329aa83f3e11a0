"""The caption and the credit in a photo's caption area, as a person sees them: the texts of
separate elements spaced apart (never glued: "...in 1930. Credit...Jane Doe"), labels that only
screen readers hear ("Image caption, ") and controls left out, and the credit told apart by its
element's names (credit, copyright, photographer, author ...), by the label it shows ("Credit",
"Foto", "사진") or, last, by its form when it closes the area in an element of its own ("Jane
Doe/ANP", "Mònica Torres" then "(EFE)")."""

from __future__ import annotations

import re

from desktop.ingest.creditforms import (
    closes_with_credit,
    is_credit_shaped,
    is_label_alone,
    is_person,
    looks_like_credit,
    names_agency,
    starts_with_label,
    unwrapped,
)
from desktop.ingest.elements import Element, attr, clean

_SENTENCE_ENDS = (".", "!", "?", "。", "！", "？")  # a part ending so is the caption's sentence
_SENTENCE_WORDS = 4  # words of the fewest a caption written after its credit holds
MAX_LABELLED = 120  # characters of an element that opens with a credit's label and is one
MAX_CAPTION = 400  # characters of a short text after a picture that may be its caption
MAX_SMALL_TYPE = 14  # pixels up to which type is set small, as captions are
_SMALL_TYPE = re.compile(r"font-size:(\d+(?:\.\d+)?)px")
_HEADINGS = "self::h1|self::h2|self::h3|self::h4|.//h1|.//h2|.//h3|.//h4"
_CREDITISH = re.compile(
    r"credit|copyright|photographer|fotograf|author|autor|byline|attribution", re.I
)
# Elements shown to screen readers only: "Image caption, " is read aloud, never seen.
_HIDDEN = re.compile(
    r"visually[-_]?hidden|sr[-_]only|screen[-_]?reader|offscreen|off[-_]screen|a11y|assistive",
    re.I,
)
# Controls inside a caption ("Buy this photo", "Expand", share buttons): no part of its text.
_CONTROL_WORDS = frozenset({"btn", "button", "buy", "share", "expand", "enlarge", "zoom", "toggle"})
_CONTROL_TAGS = frozenset({"button", "script", "style", "svg", "noscript", "template"})
_WORDS = re.compile(r"[a-z]+")
# Tags that run inside a sentence: no space is put around them.
_INLINE = frozenset(
    {"a", "em", "i", "b", "strong", "u", "sup", "sub", "abbr", "mark", "q", "cite", "code", "s",
     "small", "time", "bdi", "font", "dfn", "var", "wbr"}
)  # fmt: skip
_GAP = "\x00"  # a space put between elements, taken out before punctuation and between CJK
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uff00-\uffef\u3000-\u303f"
_NO_GAP = re.compile(
    rf"{_GAP}+(?=[,.;:!?)\]}}»”’%、。，；：！？）」』])|(?<=[(\[{{«“‘（「『]){_GAP}+"
    rf"|(?<=[{_CJK}]){_GAP}+(?=[{_CJK}])"
)


def caption_parts(region: list[Element]) -> tuple[str | None, str | None]:
    """The caption (without its credit) and the credit found in caption elements."""
    captions: list[str] = []
    credits: list[str] = []
    for root in region:
        caption, credit = _area_parts(root)
        captions += [caption] if caption else []
        credits += [credit] if credit else []
    return " ".join(captions) or None, unwrapped(credits[0] if credits else None)


def labels(element: Element) -> str:
    """The names an element is given: class, id, itemprop and short data-attribute values."""
    data = [v for k, v in element.attrib.items() if k.startswith("data-") and len(v) < 40]
    return " ".join([attr(element, "class"), attr(element, "id"), attr(element, "itemprop"), *data])


def spaced_text(element: Element, skipped: tuple[Element, ...] = ()) -> str:
    """An element's visible text, separate elements spaced apart, without the skipped elements,
    hidden labels and controls."""
    parts: list[str] = []
    _gather(element, skipped, parts)
    return clean(_NO_GAP.sub("", "".join(parts)).replace(_GAP, " "))


def _gather(element: Element, skipped: tuple[Element, ...], parts: list[str]) -> None:
    """Add an element's text to ``parts``, with a gap around each child that is no inline tag."""
    parts.append(element.text or "")
    for child in element:
        if isinstance(child.tag, str) and child not in skipped and not left_out(child):
            gap = "" if child.tag in _INLINE else _GAP
            parts.append(gap)
            _gather(child, skipped, parts)
            parts.append(gap)
        elif isinstance(child.tag, str) and child.tag not in _INLINE:
            parts.append(_GAP)
        parts.append(child.tail or "")


def reads_as_caption(element: Element, loose: bool = False) -> bool:
    """Whether an element that no name marks as a caption reads as one, just after a picture:
    short, no heading, and set apart as captions are (all its text emphasised, italic or small)
    or closed by a credit; any short text when ``loose`` (inside the picture's own figure)."""
    text = spaced_text(element)
    if not text or len(text) > MAX_CAPTION or element.xpath(_HEADINGS):
        return False
    return loose or _set_apart(element) or _with_credit(element, text)


def _set_apart(element: Element) -> bool:
    """Whether all of an element's text is emphasised, italic or in small type."""
    if _emphasised(element):
        return True
    if clean(element.text or ""):
        return False
    children = _shown_children(element)
    return bool(children) and all(
        _set_apart(child) and not clean(child.tail or "") for child in children
    )


def _emphasised(element: Element) -> bool:
    """Whether an element sets its text apart: <em>, <i>, <small>, italic, small or centred type
    (as Chinese papers set a caption under the picture)."""
    style = attr(element, "style").replace(" ", "").lower()
    small = _SMALL_TYPE.search(style)
    return (
        element.tag in {"em", "i", "small", "cite"}
        or "italic" in style
        or "text-align:center" in style
        or attr(element, "align").lower() == "center"
        or "italic" in attr(element, "class").lower()
        or bool(small and float(small[1]) <= MAX_SMALL_TYPE)
    )


def closes_on_credit(element: Element) -> bool:
    """Whether an element's text ends in a photo credit, written in it or in an element of its
    own ("... in August. Photo by Marta Ilves")."""
    return _with_credit(element, spaced_text(element))


def _with_credit(element: Element, text: str) -> bool:
    """Whether a text ends in a credit, written in it or in an element of its own."""
    return closes_with_credit(text) or bool(_trailing_credits(_innermost(element)))


def left_out(element: Element) -> bool:
    """Whether an element is no part of a caption's text: a control, or a label only screen
    readers hear."""
    if element.tag in _CONTROL_TAGS or element.get("hidden") is not None:
        return True
    names = attr(element, "class")
    if _HIDDEN.search(names):
        return True
    return bool(_CONTROL_WORDS.intersection(_WORDS.findall(names.lower())))


def is_creditish(element: Element) -> bool:
    """Whether an element holds a photo credit, by its class, id, itemprop or data names."""
    return element.tag != "figcaption" and bool(_CREDITISH.search(labels(element)))


# One caption area


def _area_parts(root: Element) -> tuple[str | None, str | None]:
    """The caption and the credit of one caption element."""
    if is_creditish(root):
        return None, spaced_text(root) or None
    area = _innermost(root)
    credits = _named_credits(area) or _labelled_credits(area) or _leading_credits(area)
    credits = credits or _trailing_credits(area)
    credit = " ".join(spaced_text(element) for element in credits)
    return spaced_text(area, tuple(credits)) or None, clean(credit) or None


def _innermost(root: Element) -> Element:
    """The element of a caption area that holds its parts: inside wrappers holding one element."""
    area = root
    while True:
        children = _shown_children(area)
        if len(children) != 1 or clean(area.text or "") or clean(children[0].tail or ""):
            return area
        area = children[0]


def _shown_children(element: Element) -> list[Element]:
    """An element's child elements that show text."""
    return [
        child
        for child in element
        if isinstance(child.tag, str) and not left_out(child) and spaced_text(child)
    ]


def _named_credits(area: Element) -> list[Element]:
    """The outermost elements named as credits, with the agency written after each."""
    found: list[Element] = []
    for element in area.iter():
        if not isinstance(element.tag, str) or element is area or left_out(element):
            continue
        if is_creditish(element) and not any(_inside(element, other) for other in found):
            found.append(element)
    return _with_agencies(found)


def _labelled_credits(area: Element) -> list[Element]:
    """The part of an area that opens with a credit's label ("Credit...", "Foto", "사진="), and
    the parts after it when the label stands alone."""
    children = _shown_children(area)
    for index, child in enumerate(children):
        text = spaced_text(child)
        if index and starts_with_label(text) and len(text) <= MAX_LABELLED:
            return children[index:]
    return []


def _leading_credits(area: Element) -> list[Element]:
    """The first part of an area when it reads as a credit ("Jane Doe/Reuters", "AFP") and the
    parts after it as a sentence: a caption written credit first, told apart by shape."""
    children = _shown_children(area)
    if len(children) < 2 or clean(area.text or ""):
        return []
    first = spaced_text(children[0])
    rest = spaced_text(area, (children[0],))
    shaped = is_credit_shaped(first) and not is_label_alone(first)
    apart = not clean(children[0].tail or "") and not first.endswith(_SENTENCE_ENDS)
    if not (shaped and apart) or len(rest.split()) < _SENTENCE_WORDS:
        return []
    return [children[0]]


def _trailing_credits(area: Element) -> list[Element]:
    """The last parts of an area when they read as a credit: "Jane Doe/ANP", or a name then an
    agency ("Mònica Torres", "(EFE)"), or a name alone set apart, after the caption's text."""
    children = _shown_children(area)
    if not children or clean(children[-1].tail or "") or not _text_before(area, children):
        return []
    last = spaced_text(children[-1])
    if children[-1].tag in _INLINE:  # only a name set apart ("... tide. <em>Kerrie Lam</em>")
        apart = _emphasised(children[-1]) and _set_apart_name(area, children, last)
        return [children[-1]] if apart else []
    named = looks_like_credit(last) or names_agency(last)
    if last.endswith(_SENTENCE_ENDS) or not (named or _set_apart_name(area, children, last)):
        return []
    earlier = children[-2] if len(children) > 1 else None
    if (
        earlier is not None
        and earlier.tag not in _INLINE
        and not clean(earlier.tail or "")
        and names_agency(last)
        and is_person(spaced_text(earlier))
    ):
        return [earlier, children[-1]]
    return [children[-1]]


def _set_apart_name(area: Element, children: list[Element], last: str) -> bool:
    """Whether the last part, an element of its own, is a person's name alone: the
    photographer's, after the caption's part in an element of its own ("Jan de Vries" under it)
    or after the caption's last sentence ("... waiting for. <span>Kerrie Lam</span>")."""
    if not is_person(last):
        return False
    earlier = children[-2] if len(children) > 1 else None
    before = clean((earlier.tail if earlier is not None else area.text) or "")
    if before:
        return before.endswith(_SENTENCE_ENDS)
    return earlier is not None and earlier.tag not in _INLINE


def _text_before(area: Element, children: list[Element]) -> bool:
    """Whether an area shows text before its last part (a caption for the credit to close)."""
    return bool(clean(area.text or "")) or len(children) > 1


def _with_agencies(credits: list[Element]) -> list[Element]:
    """Credit elements with the agency written in the element after each ("(EFE)")."""
    found = list(credits)
    for credit in credits:
        following = credit.getnext()
        if (
            following is not None
            and not clean(credit.tail or "")
            and isinstance(following.tag, str)
            and names_agency(spaced_text(following))
        ):
            found.insert(found.index(credit) + 1, following)
    return found


def _inside(element: Element, holder: Element) -> bool:
    """Whether an element is inside another."""
    return any(up is holder for up in element.iterancestors())
