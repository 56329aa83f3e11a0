"""The authors of an article page, as names only.

The names are read from the byline's author links when it has them (they hold one name each),
else from its text, each element's apart and without the parts that hold no name (dates, roles,
handles, "Biography" buttons), never from a picture's credit; then from a line opening with an
author's label ("Penulis:", "Автор:", "كتب:"), a name signing the article off in its last
paragraph, an agency signature line closing the story, JSON-LD, the author meta tag, a "by ..."
line above the article, a link to an author's page above it, and last trafilatura's guess (the
meta tag's and the guess's names less the page's editors and its pictures' credits). Each text
is cleaned to names by ``desktop.ingest.names``; the site's own name is no author's.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from lxml import etree

from desktop.ingest.captions import is_captionish
from desktop.ingest.elements import Element, attr, clean
from desktop.ingest.jsonld import as_list, ld_text
from desktop.ingest.names import has_author_label, names_in, signature_name, without_units
from desktop.ingest.notauthors import not_authors
from desktop.ingest.pagelayout import in_site_furniture, reading_order
from desktop.ingest.reporters import reporter_names
from desktop.ingest.signoffs import page_signoff

MAX_BYLINE = 200  # characters of text beyond which an element is no byline (an author's bio)
MAX_LINE = 150  # characters of a "by ..." line above the article

# Words of a class, data-qa, data-testid or data-component that mark a byline (split at case
# changes too: "ArticlePage-authorName", "AuthorBylines").
_BYLINE_WORDS = frozenset(
    {"byline", "bylines", "author", "authors", "writer", "writers", "contributor",
     "contributors", "signature"}
)  # fmt: skip
_BY_LINE = re.compile(r"(?:^|[·|•,]\s*)(?:[Bb]y|BY)\s+(?=[A-Z])(.+)$")
_TITLE_PARTS = re.compile(r"\s+[|–—-]\s+")
_BYLINE_STEMS = ("byline", "author", "writer", "contributor", "signature")
_COMMENTS = re.compile(r"(?:^|[^a-z])comments?(?:[^a-z]|$)", re.I)
_SIGNATURE_LINES = etree.XPath(
    "//body//*[self::p or self::div or self::span][string-length(normalize-space()) < 60]"
    "[contains(., '--')]"
)
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
        kept = without_units([name for name in names if name.casefold() not in sites])
        if kept:
            return _joined(_cased(kept, _ld_names(ld.get("author"))))
    return None


def _sources(
    tree: Element, ld: dict[str, Any], meta: dict[str, str], guess: Callable[[], str | None]
) -> Iterator[list[str]]:
    """The names each place gives, best first, each read only when asked for."""
    yield _visible_names(tree)
    yield _labelled_names(tree)
    body = tree.find("body")
    yield page_signoff(body) if body is not None else []
    yield _signature_names(tree)
    yield reporter_names(tree)
    yield _ld_names(ld.get("author"))
    yield _not_others(names_in(meta.get("author", "")), tree, meta)
    yield _by_line_names(tree)
    yield _author_link_names(tree)
    yield _not_others(names_in(guess() or ""), tree, meta)


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
    return not (in_comments or in_site_furniture(element) or _with_picture(element))


def _with_picture(element: Element) -> bool:
    """Whether an element is a picture's: in its figure, caption or credit, or named in the
    microdata of an image (a photographer is its "author")."""
    for up in (element, *element.iterancestors()):
        if up.tag in {"figure", "figcaption"} or is_captionish(up):
            return True
        if "ImageObject" in attr(up, "itemtype"):
            return True
    return False


def _marked(element: Element) -> bool:
    """Whether an element's class, id or test names (a site builder's ``data-hook`` too) mark it
    as a byline or an author."""
    get = element.get
    marks = " ".join(
        get(name) or ""
        for name in ("class", "id", "data-qa", "data-testid", "data-component", "data-hook")
    )
    lowered = marks.lower()
    if not any(word in lowered for word in _BYLINE_STEMS):
        return False  # most elements: no need to split their names into words
    words = {word.lower() for word in _CLASS_WORDS.findall(marks)}
    return bool(words & _BYLINE_WORDS) or "byline" in lowered


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


def _labelled_names(tree: Element) -> list[str]:
    """The names of a short line that opens with an author's label ("Penulis: ...", "Автор:
    ...", "كتب: ..."), wherever it stands in the article (an editor's line gives none)."""
    body = tree.find("body")
    for element in reading_order(body) if body is not None else ():
        if not has_author_label(_opening(element)) or _with_picture(element):
            continue
        text = clean("".join(element.itertext()))
        if len(text) <= MAX_LINE:
            return names_in(text)
    return []


def _opening(element: Element) -> str:
    """The text an element opens with: its own, else its first child's."""
    own = (element.text or "").strip()
    if own or not len(element) or not isinstance(element[0].tag, str):
        return own
    return (element[0].text or "").strip()


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


def _author_link_names(tree: Element) -> list[str]:
    """The name of a link to an author's page above the article's first paragraph, marked no
    other way (a site builder's linked "author" collection item)."""
    body = tree.find("body")
    for element in reading_order(body) if body is not None else ():
        if len(clean(element.text or "")) > MAX_LINE:
            return []  # the article has begun
        href = attr(element, "href")
        if element.tag == "a" and _AUTHOR_PAGE.search(href) and not in_site_furniture(element):
            names = names_in(clean("".join(element.itertext())))
            if names and not _with_picture(element):
                return names
    return []


def _not_others(names: list[str], tree: Element, meta: dict[str, str]) -> list[str]:
    """Names less those the page gives its editors and its pictures' credits (the weaker
    sources read them as the author's)."""
    if not names:
        return []
    body = tree.find("body")
    signed = (
        [clean("".join(e.itertext())) for e in body.iter() if _is_byline(e)]
        if body is not None
        else []
    )
    return not_authors(names, body, signed, meta.get("author", ""))


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
