"""The authors of an article page, as names only.

Pages write bylines with much around the names: "By", a job title ("Jane Doe, Senior
Correspondent", or in an element of its own right after the name), the date, "Updated ...",
@handles, e-mail addresses, "Biography" buttons, "| Agency", a bureau ("北浜支局"), and agency
signatures such as ``J.Barnes--TFWP``. The names are read from the byline's author links when it
has them (they hold one name each), else from its text, cleaned of all that; then from a
signature line, JSON-LD, the author meta tag, a "by ..." line above the article, and last
trafilatura's guess. A site's or an organisation's name is no author's.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from lxml import etree

from desktop.ingest.captions import AGENCIES
from desktop.ingest.datewords import MONTHS
from desktop.ingest.elements import Element, attr, clean
from desktop.ingest.jsonld import as_list, ld_text
from desktop.ingest.pagelayout import in_site_furniture, reading_order

MAX_BYLINE = 200  # characters of text beyond which an element is no byline (an author's bio)
MAX_LINE = 150  # characters of a "by ..." line above the article
MAX_NAME = 60  # characters of one name
MAX_WORDS = 6  # words of one name ("Maria de los Angeles Garcia")

# Words of a class, data-qa, data-testid or data-component that mark a byline (split at case
# changes too: "ArticlePage-authorName", "AuthorBylines").
_BYLINE_WORDS = frozenset(
    {"byline", "bylines", "author", "authors", "writer", "writers", "contributor",
     "contributors", "signature"}
)  # fmt: skip
_COMMENTS = re.compile(r"(?:^|[^a-z])comments?(?:[^a-z]|$)", re.I)
_SIGNATURE_LINES = etree.XPath(
    "//body//*[self::p or self::div or self::span][string-length(normalize-space()) < 60]"
    "[contains(., '--')]"
)
# An agency's signature closing a story: an initial, a dot, the name, "--" and the desk's code.
SIGNATURE = re.compile(
    r"^(?P<initial>[A-Z][A-Za-z-]{0,5})\.\s?(?P<name>[^\W\d_][\w'’ -]{0,40})"
    r"--(?P<desk>[A-Za-z][A-Za-z0-9]{1,11})$"
)
# What comes before the names: "By", "Words and pictures by", "Von", "Par", "Author:" ...
_LABEL = re.compile(
    r"^(?:(?:(?:[^\W\d_]+\s+){0,3}?by|von|par|por|door|di|av|af)\b\s*:?"
    r"|(?:authors?|autor(?:in|en)?|auteur(?:e|s)?|autore|text|texte|written)\s*:)\s*",
    re.I,
)
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
# Where the names end: a date or time, a label of one, a digit, a separator of other facts.
_NAMES_END = re.compile(
    rf"\b(?:{_MONTH_NAMES})\.?\s+\d|\d|\b(?:updated|published|posted|last modified|aktualisiert"
    r"|veröffentlicht|mis à jour|publié|actualizado|publicado|aggiornato|pubblicato)\b"
    r"|[|•·]|\s[–—-]\s",
    re.I,
)
_BY_LINE = re.compile(r"(?:^|[·|•,]\s*)(?:[Bb]y|BY)\s+(?=[A-Z])(.+)$")
_NOT_NAMES = re.compile(r"\S*@\S*|https?://\S+|www\.\S+|\([^)]*\)")  # handles, e-mails, asides
# What joins names: commas, "and" in a few languages ("e" and "y" only before a capital, as
# Italian, Portuguese and Spanish bylines join two names).
_SEPARATORS = re.compile(r"\s*(?:,|;|&|\b(?:and|und|et|en)\b|\s(?:e|y)\s(?=[A-Z])|、|，)\s*", re.I)
_JOB_NOUNS = (
    r"writers?|reporters?|correspondents?|editors?|columnists?|contributors?|producers?"
    r"|photographers?|journalists?|interns?|analysts?|critics?|clerk|chief|staff|bureau|desk"
    r"|freelancer|stringer|anchor|presenter|redakteur(?:in)?|korrespondent(?:in)?|journalistin"
    r"|journaliste|r[ée]dac(?:teur|trice)|correspondant(?:e)?|chroniqueu(?:r|se)|periodista"
    r"|redactora?|corresponsal|giornalista|inviat[oa]|corrispondente|redattore|redattrice"
    r"|jornalista|rep[oó]rter|correspondente"
)
_JOB_MODIFIERS = (
    r"senior|chief|staff|contributing|special|deputy|associate|managing|executive|political"
    r"|sports?|business|foreign|bureau|assistant|freelance|guest|investigative|news|opinion"
    r"|local|city|metro|parish|town|county|data|digital|science|health"
)
_COLLECTIVE = re.compile(r"\b(?:staff|desk|bureau)$", re.I)
_JOB = re.compile(rf"\b(?:(?:{_JOB_MODIFIERS})\s+)*(?:{_JOB_NOUNS})\b", re.I)
# Words of a CJK byline: a bureau or a report's place ("北浜支局", "北京报道") is dropped whole, a
# title ("本报记者", "기자") is taken off the name it may be written against.
_CJK_BUREAU = re.compile(r"(?:支局|総局|总局|分社|报道|報道|電|电)$")
_CJK_TITLE = re.compile(
    r"本[报報]|特约|特約|记者|記者|기자|特派員|特派员|특파원|通讯员|通訊員|編集委員|编辑|編集"
)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_ORGANISATION = re.compile(
    rf"\b(?:inc|ltd|llc|plc|corp|corporation|gmbh|ag|s\.?a|co|company|group|news|press"
    rf"|media|wire|agency)\b\.?$|^(?:{AGENCIES})$",
    re.I,
)
_TITLE_PARTS = re.compile(r"\s+[|–—-]\s+")
_ACRONYM = re.compile(r"^[A-Z]{2,6}$")
_AGENCY_TAIL = re.compile(rf"\s+(?:the\s+)?(?:{AGENCIES})$", re.I)
_NOT_A_NAME = frozenset(
    {"biography", "bio", "profile", "follow", "email", "e-mail", "contact", "more", "view",
     "share", "subscribe", "staff", "admin", "editorial", "redaktion", "rédaction", "redacción",
     "anonymous", "guest", "team"}
)  # fmt: skip
_PARTICLES = frozenset(
    {"van", "von", "de", "da", "del", "der", "den", "la", "le", "du", "dos", "das", "di", "al",
     "el", "bin", "ibn", "ter", "ten", "zu", "af", "st."}
)  # fmt: skip
# Links in a byline that lead to no author: e-mail, social networks, the page's own anchors.
_OTHER_LINK = re.compile(
    r"^(?:mailto|tel|javascript):|^#|//(?:www\.)?(?:twitter|x|facebook|instagram|linkedin|bsky"
    r"|threads|mastodon|tiktok|youtube)\.",
    re.I,
)
# The address of an author's page: "/author/jane-doe/", "/people/...", "/@janedoe".
_AUTHOR_PAGE = re.compile(
    r"/(?:author|authors|people|person|staff|profile|profiles|by|writers?|journalists?"
    r"|contributors?|autor|autoren|auteurs?|redactie|signataires)/|/@",
    re.I,
)
# Parts of a byline that hold no name, by their class: dates, roles, handles, buttons.
_NOT_NAME_PARTS = frozenset(
    {"date", "time", "timestamp", "updated", "published", "posted", "role", "title", "job",
     "position", "handle", "social", "email", "mail", "bio", "biography", "avatar", "follow",
     "share", "twitter", "label", "reading", "readtime", "count"}
)  # fmt: skip
_SKIPPED_TAGS = frozenset({"button", "script", "style", "svg", "img", "time", "noscript"})
_CLASS_WORDS = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")


def byline(
    tree: Element,
    ld: dict[str, Any],
    meta: dict[str, str],
    guess: Callable[[], str | None],
) -> str | None:
    """The article's authors, names only, joined with "and"; None when the page names none."""
    sites = _site_names(tree, ld, meta)
    for names in _sources(tree, ld, meta, guess):
        kept = [name for name in names if name.casefold() not in sites]
        if kept:
            return _joined(_cased(kept, _ld_names(ld.get("author"))))
    return None


def _sources(
    tree: Element, ld: dict[str, Any], meta: dict[str, str], guess: Callable[[], str | None]
) -> Iterator[list[str]]:
    """The names each place gives, best first, each read only when asked for."""
    yield _visible_names(tree)
    yield _signature_names(tree)
    yield _ld_names(ld.get("author"))
    yield names_in(meta.get("author", ""))
    yield _by_line_names(tree)
    yield names_in(guess() or "")


# The byline on the page


def _visible_names(tree: Element) -> list[str]:
    """The names of the first byline element that holds some, with the bylines beside it."""
    body = tree.find("body")
    candidates = [e for e in body.iter() if _is_byline(e)] if body is not None else []
    for element in candidates:
        names = _names_of(_holder(element, candidates))
        if names:
            return names
    return []


def _is_byline(element: Element) -> bool:
    """Whether an element is marked as a byline or an author, outside the comments, the
    navigation, and the site's header, footer and asides (those of the article, and a header
    holding the headline, are the article's)."""
    get = element.get
    if get("itemprop") != "author" and get("rel") != "author" and not _marked(element):
        return False
    in_comments = any(
        _COMMENTS.search(f"{attr(up, 'class')} {attr(up, 'id')}")
        for up in (element, *element.iterancestors())
    )
    return not in_comments and not in_site_furniture(element)


def _marked(element: Element) -> bool:
    """Whether an element's class, id or test names mark it as a byline or an author."""
    get = element.get
    marks = " ".join(
        get(name) or "" for name in ("class", "id", "data-qa", "data-testid", "data-component")
    )
    if not marks.strip():
        return False
    words = {word.lower() for word in _CLASS_WORDS.findall(marks)}
    return bool(words & _BYLINE_WORDS) or "byline" in marks.lower()


def _holder(element: Element, candidates: list[Element]) -> Element:
    """The element that holds a byline and the bylines written beside it ("By <a>A</a> and
    <a>B</a>", each link marked on its own), as long as it is short."""
    holder = element
    while True:
        parent = holder.getparent()
        if parent is None or len(clean("".join(parent.itertext()))) > MAX_BYLINE:
            return holder
        others = [c for c in candidates if c is not holder and not _inside(c, holder)]
        if not any(_inside(other, parent) for other in others):
            return holder
        holder = parent


def _inside(element: Element, holder: Element) -> bool:
    """Whether an element is inside another."""
    return any(up is holder for up in element.iterancestors())


def _names_of(element: Element) -> list[str]:
    """The names in a byline element: its author links' when it has any, else its text's."""
    links = [link for link in element.iter("a") if not _OTHER_LINK.search(attr(link, "href"))]
    to_authors = [link for link in links if _AUTHOR_PAGE.search(attr(link, "href"))]
    to_authors += [link for link in links if attr(link, "rel") == "author"]
    linked = [
        name for link in (to_authors or links) for name in names_in(clean("".join(link.itertext())))
    ]
    if linked:
        return linked
    chunks = _chunks_of_names(element)
    if sum(len(chunk) for chunk in chunks) > MAX_BYLINE:
        return []
    return [name for chunk in chunks for name in names_in(chunk)]


def _chunks_of_names(element: Element) -> list[str]:
    """A byline's texts, each element's apart (a title in an element of its own is never run
    into the name), without the parts that hold no name."""
    chunks = [element.text or ""]
    if element.tag == "meta" and attr(element, "itemprop") == "name":
        chunks.append(attr(element, "content"))  # microdata naming the author without text
    for child in element:
        if isinstance(child.tag, str) and not _holds_no_name(child):
            chunks += _chunks_of_names(child)
        chunks.append(child.tail or "")
    return [clean(chunk) for chunk in chunks if clean(chunk)]


def _holds_no_name(element: Element) -> bool:
    """Whether a part of a byline is a date, role, handle, button or picture, by tag or class."""
    if element.tag in _SKIPPED_TAGS:
        return True
    words = {word.lower() for word in _CLASS_WORDS.findall(attr(element, "class"))}
    return bool(words & _NOT_NAME_PARTS)


def _signature_names(tree: Element) -> list[str]:
    """The name of an agency signature line closing the story ("J.Barnes--TFWP" is J. Barnes)."""
    for element in reversed(_SIGNATURE_LINES(tree)):
        name = signature_name(clean("".join(element.itertext())))
        if name:
            return [name]
    return []


def _by_line_names(tree: Element) -> list[str]:
    """The names of a short "... by Name" line above the article's first paragraph."""
    body = tree.find("body")
    for element in reading_order(body) if body is not None else ():
        own = clean(element.text or "")
        if len(own) > MAX_LINE:
            return []  # the article has begun
        found = _BY_LINE.search(own)
        if found and len(clean("".join(element.itertext()))) <= MAX_LINE:
            return names_in(found[1])
    return []


# Names from text


def names_in(text: str) -> list[str]:
    """The names a byline's text holds, without labels, titles, dates, handles or agencies."""
    signed = signature_name(text.strip())
    if signed:
        return [signed]
    text = _LABEL.sub("", _NOT_NAMES.sub(" ", clean(text)))
    end = _NAMES_END.search(text)
    text = text[: end.start()] if end else text
    found = [_name(part) for part in _SEPARATORS.split(text)]
    return [name for name in found if name]


def signature_name(text: str) -> str | None:
    """The name of an agency signature, spaced after its initial ("J.Barnes--TFWP" is
    "J. Barnes"); None for other text."""
    found = SIGNATURE.match(text)
    return f"{found['initial']}. {found['name'].strip()}" if found else None


def _name(part: str) -> str | None:
    """One part of a byline as a name, without the title, agency or words after it ("Jane Doe in
    Paris"); None when it is no name."""
    part = part.strip(" .:;-–—|/")
    if _CJK.search(part):
        return _cjk_name(part)
    job = _JOB.search(part)
    if job and _COLLECTIVE.search(job[0]):
        return None  # "Town Paper Staff", "Metro Desk": no person
    part = _AGENCY_TAIL.sub("", part[: job.start()] if job else part).strip(" ,")
    words = part.split()
    end = next((i for i, word in enumerate(words) if _ends_name(word)), None)
    name = " ".join(words[:end])
    return name if _is_name(name) else None


def _ends_name(word: str) -> bool:
    """Whether a word ends the name before it: a lower-case word that is no particle ("in",
    "for"), or a label ("Biography", "Follow")."""
    return (word[0].islower() and word not in _PARTICLES) or word.lower() in _NOT_A_NAME


def _cjk_name(part: str) -> str | None:
    """A Chinese, Japanese or Korean name without the title and bureau words around it."""
    words = [_CJK_TITLE.sub("", word) for word in part.split() if not _CJK_BUREAU.search(word)]
    name = " ".join(word for word in words if word)
    return name if 1 < len(name) <= 12 else None


def _is_name(text: str) -> bool:
    """Whether text reads as a person's name: a few capitalised words, no digits, no site, no
    organisation, no agency initials, no label."""
    words = text.split()
    if not 1 < len(words) <= MAX_WORDS or len(text) > MAX_NAME or any(c.isdigit() for c in text):
        return False
    if _ORGANISATION.search(text) or _ACRONYM.match(text) or text.casefold() in _NOT_A_NAME:
        return False
    return not words[0].islower() and words[0].lower() != "the"


# JSON-LD and the site


def _ld_names(author: Any) -> list[str]:
    """The names of JSON-LD authors that are people (strings, Person objects, lists of them)."""
    found: list[str] = []
    for item in as_list(author):
        if isinstance(item, dict):
            if "Organization" in str(item.get("@type", "")):
                continue
            item = item.get("name")
        found += names_in(ld_text(item) or "")
    return found


def _site_names(tree: Element, ld: dict[str, Any], meta: dict[str, str]) -> set[str]:
    """The names of the site and its publisher, case-folded: never an author's."""
    publisher = ld.get("publisher")
    names = [meta.get("og:site_name"), meta.get("application-name"), title_suffix(tree)]
    names += [item.get("name") for item in as_list(publisher) if isinstance(item, dict)]
    return {name.casefold() for name in names if isinstance(name, str) and name}


def title_suffix(tree: Element) -> str | None:
    """The last part of the page's <title> after a separator ("... | Town Paper"): the site's
    name on most pages."""
    title = tree.find(".//title")
    parts = _TITLE_PARTS.split(clean(title.text or "")) if title is not None else []
    return parts[-1] if len(parts) > 1 else None


def _cased(names: list[str], known: list[str]) -> list[str]:
    """Names written in capitals ("MARISOL VEGA") as JSON-LD writes them, else capitalised."""
    spelled = {name.casefold(): name for name in known}
    return [
        spelled.get(name.casefold(), name.title() if name.isupper() else name) for name in names
    ]


def _joined(names: list[str]) -> str:
    """Distinct names as a byline: "A", "A and B", "A, B and C"."""
    distinct = list({name.casefold(): name for name in names}.values())
    if len(distinct) == 1:
        return distinct[0]
    return f"{', '.join(distinct[:-1])} and {distinct[-1]}"
