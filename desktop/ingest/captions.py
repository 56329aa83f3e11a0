"""Photo captions and credits as news pages write them: next to the image, in its figure, in
data attributes, and written together ("... on Tuesday. Photo: Jane Doe/AFP"), which most readers
show as one line or lose."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TypeVar

from desktop.ingest.elements import Element, attr, clean, text_of

T = TypeVar("T")

# The search for an image's caption goes up through the elements that hold it alone, whatever
# their tag (a Drupal <article> may wrap one media entity), and stops at the first that holds
# more text than a caption: past it, text is the article's.
MAX_CAPTION = 400  # characters of text beside an image up to which they may be its caption
MAX_ICON = 40  # pixels up to which an image beside a picture is an icon, not another picture
AGENCIES = (
    r"AP|AFP|Reuters|REUTERS|Getty(?: Images)?|EPA(?:-EFE)?|EFE|Shutterstock|PA(?: Images| Wire"
    r"| Media)?|Bloomberg|dpa|DPA|Alamy|ANP|ANSA|Xinhua|Kyodo|Yonhap|Anadolu|SIPA|Sipa|ZUMA|Zuma"
    r"|NurPhoto|Imago|IMAGO|Keystone|NTB|Ritzau|Lusa|Europa Press|AAP|Canadian Press"
    r"|Associated Press|Agence France-Presse|iStock|Unsplash|Wikimedia Commons"
    r"|共同|時事|新华社|新華社|中新社|연합뉴스|뉴시스"
)
_AGENCY = re.compile(rf"(?<![\w-])(?:{AGENCIES})(?![\w-])")
# What starts a credit: "Photo:", "Photo by", "Courtesy of", "©", and the Chinese, Japanese and
# Korean labels ("写真：", "图：", "사진=").
_CREDIT_MARK = re.compile(
    r"(?:(?:photo(?:graph)?s?|image|picture|pic|credit|foto|bild|crédits?|graphics?"
    r"|illustration|grafik|imagen|immagine|infographic|video)\s*:"
    r"|(?:photo(?:graph)?|image|picture|pic)s?\s+(?:by|courtesy)\b|courtesy\b|©|\(c\)"
    r"|copyright\b|(?:写真|撮影|사진|图片|圖片|图|圖|摄影|攝影|照片)\s*[:：=／/])",
    re.I,
)
_SEPARATED = re.compile(r"^(?P<caption>.+)\s[/|–—]\s(?P<credit>.{1,80})$")
_PARENTHESISED = re.compile(r"^(?P<caption>.+?)\s*[(（](?P<credit>[^()（）]{1,80})[)）]\.?$")
_MARKED = re.compile(rf"^(?P<caption>.*?)\s*(?P<credit>{_CREDIT_MARK.pattern}.{{0,80}})$", re.I)
_TAIL = re.compile(r"^(?P<caption>.+[.!?])\s+(?P<credit>[^.!?]{1,60})$")
# "... in Brussels REUTERS/Jane Doe": an agency in capitals, a slash and the photographer.
_AGENCY_SLASH = re.compile(r"^(?P<caption>.+?)\s+(?P<credit>[A-Z][A-Z&-]{1,15}/[^/]{2,60})$")
# "... on Monday. JANE ROE / AFP": the photographer's name before the slash and the agency.
_PHOTOGRAPHER_SLASH = re.compile(
    r"^(?P<caption>.+[.!?)»”])\s+(?P<credit>(?:[A-Z][\w'’.-]*\s){1,4}/\s[^/]{2,40})$"
)
_CREDIT_FORMS = (_PHOTOGRAPHER_SLASH, _SEPARATED, _PARENTHESISED, _MARKED, _TAIL, _AGENCY_SLASH)
_NAME_SLASH_NAME = re.compile(r"^[\w .'’-]{2,40}/[\w .'’-]{2,40}$")
# A Chinese credit "(本报记者 李明 摄)": the staff title before the name and "shot" after it.
_SHOT_BY = re.compile(
    r"^(?:本[报報])?(?:摄影)?(?:记者|記者|通讯员|通訊員)?\s*(?P<name>.+?)\s*[摄攝]$"
)
_ACRONYM = re.compile(r"^[A-Z]{2,6}$")  # an agency's initials alone: "(TFWP)"
_CAPTIONISH = re.compile(
    r"caption|cutline|credit|copyright|photographer|legend|bildunterschrift|didascalia"
    r"|(?:img|image|photo|pic|fig)[-_]?cap(?![a-z])|(?:img|photo|pic)[-_]?title",
    re.I,
)
_CREDITISH = re.compile(r"credit|copyright|photographer", re.I)
# Controls inside a caption ("Buy this photo", "Expand", share buttons): no part of its text.
_CONTROL_WORDS = frozenset({"btn", "button", "buy", "share", "expand", "enlarge", "zoom", "toggle"})
_WORDS = re.compile(r"[a-z]+")


def caption_near(img: Element) -> tuple[str | None, str | None]:
    """The caption and credit written next to an image: in attributes, its figure or after it."""
    caption, credit = attribute_caption(img)
    region = caption_region(img)
    if region:
        found_caption, found_credit = caption_parts(region)
        caption, credit = caption or found_caption, credit or found_credit
    return caption, credit


def attribute_caption(img: Element) -> tuple[str | None, str | None]:
    """A caption and credit given in data attributes of the image or its figure."""
    caption = credit = None
    for element in [img, *img.iterancestors()][:3]:
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
    node = img
    while True:
        following = _caption_siblings(node) or _table_caption(node)
        if following:
            return following
        parent = node.getparent()
        if parent is None or parent.tag in {"body", "html"} or image_count(parent) > 1:
            return []
        if parent.tag == "figure":
            return _outermost_captions(parent)
        if _holds_prose(parent, node):
            return []
        node = parent


def image_count(element: Element) -> int:
    """How many pictures an element shows (a lazy image's <noscript> twin and icons, such as an
    "enlarge" button's, not counted)."""
    images = element.xpath(".//img[not(ancestor::noscript)] | .//amp-img")
    return sum(1 for img in images if not _is_icon(img))


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


def _caption_siblings(node: Element) -> list[Element]:
    """The caption-like elements that directly follow a node, past empty ones."""
    found = []
    for sibling in node.itersiblings():
        if not isinstance(sibling.tag, str) or sibling.tag in {"noscript", "script", "style"}:
            continue
        captions = _outermost_captions(sibling)
        if image_count(sibling) or not (captions or clean(text_of(sibling)) == ""):
            break
        found.extend(captions)
    return found


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
    return element.tag == "figcaption" or bool(_CAPTIONISH.search(_labels(element)))


def _is_creditish(element: Element) -> bool:
    """Whether an element holds a photo credit, by its class, id, itemprop or data names."""
    return element.tag != "figcaption" and bool(_CREDITISH.search(_labels(element)))


def _labels(element: Element) -> str:
    """The names an element is given: class, id, itemprop and short data-attribute values."""
    data = [v for k, v in element.attrib.items() if k.startswith("data-") and len(v) < 40]
    return " ".join([attr(element, "class"), attr(element, "id"), attr(element, "itemprop"), *data])


def caption_parts(region: list[Element]) -> tuple[str | None, str | None]:
    """The caption (without its credit) and the credit found in caption elements."""
    credits = [
        e for root in region for e in root.iter() if isinstance(e.tag, str) and _is_creditish(e)
    ]
    credit = first_of(clean(text_of(e)) for e in credits)
    texts = [clean(_text_outside(root, credits)) for root in region if root not in credits]
    return " ".join(text for text in texts if text) or None, unwrapped(credit)


def _text_outside(element: Element, skipped: list[Element]) -> str:
    """An element's text, leaving out the subtrees of the skipped elements."""
    parts = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str) and child not in skipped and not _is_control(child):
            parts.append(_text_outside(child, skipped))
        parts.append(child.tail or "")
    return "".join(parts)


def _is_control(element: Element) -> bool:
    """Whether an element is a button or link of a caption's controls rather than its text."""
    if element.tag in {"button", "script", "style", "svg"}:
        return True
    return bool(_CONTROL_WORDS.intersection(_WORDS.findall(attr(element, "class").lower())))


def split_credit(text: str) -> tuple[str | None, str | None]:
    """Split "caption / Photo: © AFP", "caption (Reuters)" or "caption. Jane Doe/AP" in two."""
    for pattern in _CREDIT_FORMS:
        match = pattern.match(text)
        if match and _looks_like_credit(match["credit"]):
            caption = match["caption"].rstrip(" /|–—-:").strip()
            return caption or None, unwrapped(match["credit"])
    return text, None


def _looks_like_credit(text: str) -> bool:
    """Whether a short text reads as a photo credit: a marker, an agency or "Name/Agency"."""
    text = text.strip()
    marked = _CREDIT_MARK.match(text) or _AGENCY.search(text) or _NAME_SLASH_NAME.match(text)
    return bool(marked or _SHOT_BY.match(text) or _ACRONYM.match(text)) and len(text) <= 80


def unwrapped(credit: str | None) -> str | None:
    """A credit without surrounding brackets or separators."""
    if not credit:
        return None
    credit = credit.strip().strip("()[]（）").lstrip("/|–— ").strip()
    shot = _SHOT_BY.match(credit)
    return (shot["name"] if shot else credit) or None


def first_of(values: Iterable[T | None]) -> T | None:
    """The first value that is neither None nor empty."""
    return next((value for value in values if value), None)
