"""An author's name closing an article, as Vietnamese papers sign a story: the last paragraph,
set right or in bold, holding only the name. It is the byline, and no part of the text."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html import escape

from lxml import etree
from lxml import html as lxml_html

from desktop.ingest.blocks import Block, block_of, key_of
from desktop.ingest.datewords import MONTHS
from desktop.ingest.elements import Element, attr, clean, text_of
from desktop.ingest.names import names_in
from desktop.ingest.pagelayout import in_site_furniture

SIGNOFF_CHARS = 60  # the longest sign-off
PROSE_CHARS = 80  # characters of the paragraph before it, from which it closes prose (half in CJK)
LAST_PARAGRAPHS = 3  # the article's last paragraphs in which a signing line is looked for
_BRACKETED_TAIL = re.compile(r"[。．！？」』.!?]\s*([（(][^（）()]{2,30}[）)])$")
# What may follow a paragraph's last text: closing tags of inline elements and breaks.
_CLOSING_MARKUP = re.compile(r"^(?:\s|</?(?:em|i|b|strong|span|small|br|p)\s*/?>)*$", re.I)
_BREAKS = re.compile(r"<br\s*/?>", re.I)
_BRACKETED = re.compile(r"^[（(](?P<inner>[^（）()]{2,58})[）)]\.?$")
_WITH_EMAIL = re.compile(r"^(?P<inner>[^@\d]{3,50}?)\s*[,;|·/–—-]?\s*[\w.+-]+@[\w-]+(?:\.[\w-]+)+$")
_MONTH_WORDS = "|".join(sorted(MONTHS, key=len, reverse=True))
# A date closing a signing line: "12 March 2025", "March 12", "12.3.2025", "2025年3月12日".
# A date closing a signing line: "12 March 2025", "March 12", "4 de marzo de 2025", "12.3.2025",
# "2025年3月12日": numbers, month names and the little words between them.
_DATE_TAIL = re.compile(
    rf"[\s,;/|·–—-]*(?=[^,;]*\d)(?:(?:\d+|(?:{_MONTH_WORDS})\b|de|del|di|of|the)[\s./,年月日-]*)+$",
    re.I,
)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
# What a CJK signing line may say beside the names: a desk, a title, a bureau ("社会部",
# "編集委員", "北浜支局", "本报记者", "기자").
_CJK_JOB = re.compile(
    r"\S*(?:部|委員|委员|支局|総局|总局|分社|デスク|キャップ|记者|記者|特派員|特派员|기자|특파원|通讯员"
    r"|通訊員|(?:部|局|編集|社|室)長|次長|ジャーナリスト|ライター|カメラマン)(?=\s|$)|本[报報]|特派員|特派员"
    r"|记者|記者|기자|특파원|通讯员|通訊員"
)
# Lines that name the editor or proofreader, never the author.
_EDITORIAL = re.compile(r"编辑|編輯|編集者|校对|校對|审核|審核|责编|責編|editor|edited", re.I)
_RIGHT = re.compile(r"text-align\s*:\s*right", re.I)
_BOLD = ("b", "strong")
_BETWEEN_NAMES = re.compile(r"\s+[-–—]\s+|\s*[,;&]\s*|\s+(?:và|and)\s+")


def signoff(block: Block) -> list[str]:
    """The authors' names a block signs the article with: a short line set right or in bold
    that is people's names alone ("Nguyễn Văn An - Trần Thị Bình"), or a signing line
    (``signing_names``); none for any other block."""
    if block.tag != "p" or not block.text or len(block.text) > SIGNOFF_CHARS:
        return []
    signing = signing_names(block.text)
    if signing:
        return signing
    try:
        element = lxml_html.fragment_fromstring(block.html)
    except (etree.ParserError, ValueError):
        return []
    if not (_set_right(element) or _in_bold(element, block.text)):
        return []
    parts = [part for part in _BETWEEN_NAMES.split(block.text) if part.strip()]
    names = [names_in(part) for part in parts]
    if all(
        len(found) == 1 and key_of(found[0]) == key_of(part)
        for found, part in zip(names, parts, strict=True)
    ):
        return [found[0] for found in names]
    return []


def signing_names(text: str) -> list[str]:
    """The names of a line that signs an article whatever its type: names alone in brackets,
    perhaps with a job title or a date ("(Jane Doe, 12 March 2025)", "（社会部 山田太郎）"), or
    a name and an e-mail address ("Jane Doe jane.doe@paper.example")."""
    found = _BRACKETED.match(text) or _WITH_EMAIL.match(text)
    if found is None or len(text) > SIGNOFF_CHARS or _EDITORIAL.search(text):
        return []
    inner = _DATE_TAIL.sub("", found["inner"]).strip(" ,;/|·–—-")
    names = names_in(inner)
    if not names:
        return []
    told = _CJK_JOB.sub("", re.sub("[・、＝]", " ", inner)) if _CJK.search(inner) else inner
    return names if key_of(told) == key_of("".join(names)) else []


def without_signing_tail(block: Block) -> Block:
    """A paragraph without the signing line in brackets that closes its last sentence ("... in
    May. (Jane Doe, 4 March 2025)"); the paragraph itself for any other block."""
    found = _BRACKETED_TAIL.search(block.text) if block.tag == "p" else None
    if found is None or not signing_names(found[1]):
        return block
    written = escape(found[1], quote=False)
    cut = block.html.rfind(written)
    rest = block.html[cut + len(written) :] if cut >= 0 else ""
    if cut < 0 or not _CLOSING_MARKUP.match(rest):
        return block
    try:
        element = lxml_html.fragment_fromstring(block.html[:cut] + _BREAKS.sub("", rest))
    except (etree.ParserError, ValueError):
        return block
    while len(element) and element[-1].tag == "br" and not clean(element[-1].tail or ""):
        element.remove(element[-1])  # the break before the signing line
    return block_of(element)


def page_signoff(body: Element) -> list[str]:
    """The names signing the article on a page: a sign-off paragraph that closes its element,
    after a paragraph of prose, else a signing line closing the article's last paragraphs."""
    for paragraph in _closing_paragraphs(body):
        names = signoff(block_of(paragraph))
        if names:
            return names
    return _last_signing(body)


def _last_signing(body: Element) -> list[str]:
    """The names of a signing line in brackets among the article's last paragraphs, alone or
    closing the last sentence ("... と話した。（社会部 山田太郎）")."""
    seen = 0
    for paragraph in reversed(body.xpath(".//p")):
        text = clean(text_of(paragraph))
        if not text or in_site_furniture(paragraph):
            continue
        tail = _BRACKETED_TAIL.search(text)
        names = signing_names(text) or (signing_names(tail[1]) if tail else [])
        seen += 1
        if names or seen >= LAST_PARAGRAPHS:
            return names
    return []


def _closing_paragraphs(body: Element) -> Iterator[Element]:
    """The short paragraphs that are the last text of their element, after prose, last first."""
    for paragraph in reversed(body.xpath(".//p")):
        text = clean(text_of(paragraph))
        if not text or len(text) > SIGNOFF_CHARS or in_site_furniture(paragraph):
            continue
        after = (s for s in paragraph.itersiblings() if isinstance(s.tag, str))
        if any(clean(text_of(sibling)) for sibling in after):
            continue
        before = next((s for s in paragraph.itersiblings(preceding=True) if _has_text(s)), None)
        prose = clean(text_of(before)) if before is not None else ""
        if len(prose) >= (PROSE_CHARS // 2 if _CJK.search(prose) else PROSE_CHARS):
            yield paragraph


def _has_text(element: Element) -> bool:
    """Whether an element is one that shows text."""
    return isinstance(element.tag, str) and bool(clean(text_of(element)))


def _set_right(element: Element) -> bool:
    """Whether a paragraph is set right by its style or its align attribute."""
    return attr(element, "align").lower() == "right" or bool(_RIGHT.search(attr(element, "style")))


def _in_bold(element: Element, text: str) -> bool:
    """Whether all of a paragraph's text is in bold."""
    bold = sum(len(clean(text_of(part))) for part in element.iter(*_BOLD))
    return bold >= len(text) - 2
