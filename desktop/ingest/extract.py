"""Whole articles from news pages: the body as text and sanitized HTML, the metadata, and the
lead photo's caption and credit, which most readers lose."""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Iterator
from configparser import ConfigParser
from copy import deepcopy
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any, TypeVar
from urllib.parse import urljoin, urlsplit

from lxml import etree
from lxml import html as lxml_html

from desktop.ingest.blocks import FIGURE, HEADING_TAGS, Block, block_of, key_of, prose
from desktop.ingest.bodyedges import without_author_note
from desktop.ingest.bylines import byline
from desktop.ingest.creditforms import starts_with_label, unwrapped
from desktop.ingest.elements import Element, absolute, attr, clean, text_of
from desktop.ingest.furniture import is_furniture_line, without_boilerplate
from desktop.ingest.jsonld import as_list, json_ld_article, ld_text, ld_url
from desktop.ingest.ldbody import fuller_body
from desktop.ingest.leadphoto import lead_photo
from desktop.ingest.pagebody import page_body
from desktop.ingest.published import published
from desktop.ingest.sanitize import sanitize_html
from desktop.ingest.text import html_to_text
from desktop.ingest.textblocks import DenseText, dense_text

T = TypeVar("T")

# A page of more elements is refused: a long live blog has some 10,000, and every element costs
# a few KB in each parser, so 30,000 keep reading a page near 130 MB.
MAX_ELEMENTS = 30_000
MIN_PROSE = 150  # characters of paragraph text below which a page holds no article
LONG_PARAGRAPH = 120  # characters from which a <p> counts as article prose on the page
DOUBTFUL_SHARE = 0.5  # trafilatura is doubted below this share of the page's prose
AGREEMENT_SHARE = 0.5  # the referee keeps the agreed paragraphs above this share of the best

BLOCK_TAGS = frozenset(
    {"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "dl", "pre", "table"}
)
# Containers whose content is never article body: the photo and its caption are reported apart.
# (<header> is not one: long reads put their subheadings in one; the headline is dropped later.)
SKIPPED_CONTAINERS = frozenset(
    {"figure", "figcaption", "footer", "nav", "aside", "form", "button", "script",
     "style", "noscript", "iframe", "object", "embed", "template", "svg"}
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Extracted:
    """An article found on a page: its metadata, lead photo, caption, credit and body."""

    title: str | None
    # The authors' names only, joined with "and" ("Jane Doe and John Roe"), as the page writes them.
    byline: str | None
    # Aware: a time given without a zone is read in the page's own zone when it says which (one
    # it shows, else its locale's), else as UTC; a bare date is midnight UTC.
    published: datetime | None
    # The canonical address (link rel=canonical, og:url, JSON-LD), else the one given.
    url: str | None
    image_url: str | None
    caption: str | None  # plain text, without the credit
    # As written ("Photo: © AFP", "Reuters/Jane Doe", "사진=연합뉴스"), less a label written
    # without a colon ("Credit...", "Photo by", "foto", "图/"; "記者王小明／攝影" is "王小明").
    credit: str | None
    # The text blocks of ``html`` (paragraphs, subheadings, quotes, lists) as plain text,
    # separated by blank lines, from the lede on: no headline, byline, caption or page furniture,
    # and none of the captions of the body's figures.
    text: str
    # The body's blocks and its own pictures in their place, as figures, sanitized.
    html: str


class ExtractionError(ValueError):
    """No article could be found on the page."""


class _Guesses:
    """trafilatura's guesses at the title, authors and date, worked out only when asked for."""

    __slots__ = ("_document", "_tree", "_url")

    def __init__(self, tree: Element, url: str | None) -> None:
        self._tree, self._url = tree, url
        self._document: Any = None

    def get(self, field: str) -> str | None:
        """One field of trafilatura's metadata: "title", "author" or "date"."""
        if self._document is None:
            from trafilatura import extract_metadata

            with warnings.catch_warnings():  # dateutil warns of zones it cannot read ("CET")
                warnings.simplefilter("ignore")
                self._document = extract_metadata(self._tree, default_url=self._url)
        value = getattr(self._document, field, None)
        return value if isinstance(value, str) else None


@dataclass(frozen=True, slots=True)
class _Page:
    """The parsed page and what is read from its head once: meta tags, JSON-LD, base URL."""

    tree: Element
    meta: dict[str, str]
    ld: dict[str, Any]
    base: str | None
    canonical: str | None
    guesses: _Guesses


def extract_article(page: str | bytes, url: str | None = None) -> Extracted:
    """Find the article on a news page; raise ExtractionError when the page holds none."""
    _refuse_swollen(page, url)
    parsed = _read_page(page, url)
    title, byline = _title(parsed), _byline(parsed)
    image_url, caption, credit = _lead_photo(parsed)
    blocks = _article_blocks(parsed, url, (title, byline), (image_url, caption, credit))
    if prose(blocks) < MIN_PROSE:
        raise _not_found(url)
    html, text = _render(blocks, parsed.base)
    return Extracted(
        title=title,
        byline=byline,
        published=_published(parsed),
        url=parsed.canonical or url,
        image_url=image_url,
        caption=caption,
        credit=credit,
        text=text,
        html=html,
    )


def _refuse_swollen(page: str | bytes, url: str | None) -> None:
    """Refuse a page of more elements than any article page has: each element costs a few KB
    in each of the parsers that read it, so a 10 MB page of tiny ones would take gigabytes."""
    data = page.encode("utf-8", "replace") if isinstance(page, str) else page
    if data.count(b"<") - data.count(b"</") > MAX_ELEMENTS:
        where = f" at {url}" if url else ""
        raise ExtractionError(
            f"The page{where} has more than {MAX_ELEMENTS:,} elements, far more than any "
            "article, so it was not read."
        )


def _article_blocks(
    page: _Page,
    url: str | None,
    heads: tuple[str | None, str | None],
    photo: tuple[str | None, ...],
) -> list[Block]:
    """The body's blocks: found by the extractors, read again from the page where they are
    (captions left out by their place there), without boilerplate, headline and byline; the
    JSON-LD text when the page shows only the start of it."""
    found = _body(page, _run_trafilatura(page.tree, url))
    live = "LiveBlogPosting" in as_list(page.ld.get("@type"))
    read = page_body(page.tree, found, (photo[0], photo[1]), live)
    if read is None:  # the page could not place the blocks found: they stand as they are
        read, photo = found, photo[1:]
    else:
        photo = ()
    kept = without_author_note(without_boilerplate(read), heads[1])
    fuller = fuller_body(kept, page.ld)
    if fuller is not None:
        kept = without_author_note(without_boilerplate(_useful(fuller)), heads[1])
    return _without_repeats(kept, *heads, photo)


def _not_found(url: str | None) -> ExtractionError:
    """The error for a page that holds no article."""
    return ExtractionError(f"No article was found on {url or 'the page'}.")


# The page and its head


def _read_page(page: str | bytes, url: str | None) -> _Page:
    """Parse the page once and read its meta tags, JSON-LD and addresses."""
    from trafilatura import load_html

    if not page.strip():
        raise _not_found(url)
    tree = load_html(page)
    if tree is None:
        raise _not_found(url)
    base_href = attr(_first(tree.xpath("//head/base[@href]")), "href")
    meta, ld = _meta_tags(tree), json_ld_article(tree)
    named = (
        attr(_first(tree.xpath("//head/link[@rel='canonical'][@href]")), "href"),
        meta.get("og:url"),
        ld_url(ld.get("mainEntityOfPage")),
        ld_url(ld.get("url")),
    )
    base = _base(urljoin(url or "", base_href) if base_href else url, named)
    canonical = _first_of(absolute(address or "", base) for address in named)
    if canonical and url and urlsplit(canonical).path in {"", "/"}:
        canonical = None  # a broken canonical tag naming the front page for every article
    return _Page(tree, meta, ld, base or canonical, canonical, _Guesses(tree, url))


def _base(given: str | None, named: Iterable[str | None]) -> str | None:
    """The web address relative links are read against: the page's <base> or its own address,
    else (for a page read from a file) the first absolute one it names for itself."""
    if given and urlsplit(given).scheme in {"http", "https"}:
        return given
    return _first_of(absolute(address or "", None) for address in named) or given


def _meta_tags(tree: Element) -> dict[str, str]:
    """Every meta tag's content by its lower-cased property, name or itemprop; first one wins."""
    found: dict[str, str] = {}
    for meta in tree.iter("meta"):
        key = attr(meta, "property") or attr(meta, "name") or attr(meta, "itemprop")
        content = attr(meta, "content").strip()
        if key and content:
            found.setdefault(key.strip().lower(), content)
    return found


# Metadata


def _title(page: _Page) -> str | None:
    """The headline: og:title, JSON-LD headline, the first <h1>, trafilatura's, then <title>."""
    title = _first_of(_titles(page))
    return title and _without_site_name(title, page.meta.get("og:site_name"))


def _titles(page: _Page) -> Iterator[str | None]:
    """Where a headline may be written, best first, each looked up only when asked for."""
    yield page.meta.get("og:title")
    yield page.meta.get("twitter:title")
    yield ld_text(page.ld.get("headline"))
    yield _first_text(page.tree.xpath("//body//h1"))
    yield page.guesses.get("title")
    yield _first_text(page.tree.xpath("//title"))


def _without_site_name(title: str, site: str | None) -> str:
    """Drop a trailing " | Site name" from a title."""
    if site and title.endswith(site) and len(title) > len(site):
        return clean(title[: -len(site)]).rstrip(" |–—-:·").strip() or title
    return title


def _byline(page: _Page) -> str | None:
    """The authors' names: the byline, a signature, JSON-LD, meta, then trafilatura's guess."""
    return byline(page.tree, page.ld, page.meta, lambda: page.guesses.get("author"))


def _published(page: _Page) -> datetime | None:
    """When the article was published: machine-readable times, else the one the page shows."""
    return published(page.tree, page.meta, page.ld, lambda: page.guesses.get("date"))


# The lead photo, its caption and credit


def _lead_photo(page: _Page) -> tuple[str | None, str | None, str | None]:
    """The lead photo's absolute URL, caption and credit."""
    photo = lead_photo(page.tree, page.meta, page.ld, page.base)
    return photo.url, photo.caption, photo.credit


# The body


def _run_trafilatura(tree: Element, url: str | None) -> list[Block]:
    """The body's blocks as trafilatura finds them, in precision mode."""
    # fast=True skips trafilatura's own readability and jusText fallbacks, which cost half its
    # time on every page: the referee below stands in for them, only on doubtful pages. Metadata
    # is read from the page (and trafilatura's guesses only when the page says nothing).
    from trafilatura import bare_extraction
    from trafilatura.htmlprocessing import convert_to_html
    from trafilatura.settings import Document

    document = bare_extraction(
        tree,
        url=url,
        fast=True,
        include_comments=False,
        include_images=False,
        include_formatting=True,
        include_links=True,
        favor_precision=True,
        config=_trafilatura_config(),
    )
    if not isinstance(document, Document) or document.body is None:
        return []
    return _useful(_blocks(convert_to_html(document.body)))


@cache
def _trafilatura_config() -> ConfigParser:
    """trafilatura's settings, told to return an empty body rather than log a warning."""
    from trafilatura.settings import use_config

    config = use_config()
    config["DEFAULT"]["MIN_OUTPUT_SIZE"] = "0"
    config["DEFAULT"]["MIN_OUTPUT_COMM_SIZE"] = "0"
    return config


# The referee rule. trafilatura's body is doubtful when it has under MIN_PROSE characters, under
# DOUBTFUL_SHARE of the page's prose (its <p>s of LONG_PARAGRAPH characters or more), or lacks a
# subheading that the page puts right before one of its paragraphs. Then readability-lxml reads
# the page too, and the body is readability's blocks whose normalised text trafilatura also has
# (plus the subheadings right before them), in readability's order; when those agreed blocks hold
# under AGREEMENT_SHARE of the better body's prose, the better body (more prose outside links)
# wins whole. Subheadings the page has before a kept paragraph are then put back. A body is
# doubtful too, and the refereed one is replaced by the page's densest text (``textblocks``: the
# element where its blocks of inline text gather most, ``<div>``s of ``<span>``s as well as
# ``<p>``s), when it lies outside that text while the text holds more prose than it, or when it
# is readers' comments or other stories.


def _body(page: _Page, found: list[Block]) -> list[Block]:
    """trafilatura's blocks, refereed by readability when they look doubtful; the page's
    densest text when both bodies miss it."""
    subheadings = _page_subheadings(page.tree)
    body = page.tree.find("body")
    dense = dense_text(body) if body is not None else None
    if not _is_doubtful(found, page.tree, subheadings, dense):
        return found
    refereed = _with_subheadings(_referee(found, _run_readability(page)), subheadings)
    if dense is not None and _misses(refereed, dense):
        return dense.as_blocks()
    return refereed


def _misses(blocks: list[Block], dense: DenseText) -> bool:
    """Whether a body misses the page's densest text, which holds more prose than it or is
    no comment and no other story, as it is."""
    if dense.prose() < MIN_PROSE or dense.holds(blocks):
        return False
    return dense.prose() > prose(blocks) or dense.points_elsewhere(blocks)


def _is_doubtful(
    blocks: list[Block], tree: Element, subheadings: dict[str, Element], dense: DenseText | None
) -> bool:
    """Whether a body is empty, short beside the page's prose, elsewhere than the page's
    densest text, or lost the page's subheadings."""
    found = prose(blocks)
    if found < MIN_PROSE or (dense is not None and _misses(blocks, dense)):
        return True
    paragraphs = (clean(text_of(p)) for p in tree.iter("p"))
    page_prose = sum(len(text) for text in paragraphs if len(text) >= LONG_PARAGRAPH)
    if found < DOUBTFUL_SHARE * page_prose:
        return True
    return _with_subheadings(blocks, subheadings) != blocks


def _page_subheadings(tree: Element) -> dict[str, Element]:
    """The page's h2 and h3 subheadings, by the key of the paragraph that follows each."""
    found: dict[str, Element] = {}
    for heading in tree.xpath("//body//h2 | //body//h3"):
        parent = heading.getparent()
        anchor = parent if parent is not None and parent.tag in {"header", "hgroup"} else heading
        after = _first(anchor.itersiblings())
        if after is not None and after.tag == "p":
            found.setdefault(key_of(text_of(after)), heading)
    return found


def _with_subheadings(blocks: list[Block], subheadings: dict[str, Element]) -> list[Block]:
    """The blocks with the page's subheadings put back before the paragraphs they head."""
    keys = {block.key for block in blocks}
    restored: list[Block] = []
    for block in blocks:
        heading = subheadings.get(block.key)
        if heading is not None and restored and restored[-1].tag not in HEADING_TAGS:
            missing = block_of(heading)
            if missing.key and missing.key not in keys:
                restored.append(missing)
        restored.append(block)
    return restored


def _run_readability(page: _Page) -> list[Block]:
    """The body's blocks as readability-lxml finds them (on a copy: it edits the tree)."""
    from readability import Document
    from readability.readability import Unparseable

    try:
        summary = Document(deepcopy(page.tree), url=page.base).summary(html_partial=True)
        found = lxml_html.document_fromstring(summary)
    except (Unparseable, etree.ParserError):
        return []
    return _useful(_blocks(found))


def _referee(found: list[Block], second: list[Block]) -> list[Block]:
    """The paragraphs both extractors agree on, unless too few: then the better-scored body."""
    keys = {block.key for block in found}
    agreed = [
        block
        for index, block in enumerate(second)
        if block.key in keys or _heads_agreed(second, index, keys)
    ]
    best = max((found, second), key=_score)
    return agreed if prose(agreed) >= AGREEMENT_SHARE * prose(best) else best


def _heads_agreed(blocks: list[Block], index: int, keys: set[str]) -> bool:
    """Whether a block is a subheading followed by a paragraph that both extractors kept."""
    following = blocks[index + 1] if index + 1 < len(blocks) else None
    return blocks[index].tag in HEADING_TAGS and following is not None and following.key in keys


def _score(blocks: list[Block]) -> int:
    """How much prose a body holds, link text not counted."""
    return sum(len(b.text) - b.link_chars for b in blocks if b.tag not in HEADING_TAGS)


def _blocks(root: Element) -> list[Block]:
    """The paragraphs, subheadings, quotes, lists and tables of a body, in order."""
    blocks: list[Block] = []
    for child in root:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag in BLOCK_TAGS:
            blocks.append(block_of(child))
        elif tag and tag not in SKIPPED_CONTAINERS:
            blocks.extend(_blocks(child))
    return [block for block in blocks if block.key]


def _useful(blocks: list[Block]) -> list[Block]:
    """Blocks that are not page furniture: link lists, "Read more", share and sign-up lines."""
    return [block for block in blocks if not _is_furniture(block)]


def _is_furniture(block: Block) -> bool:
    """Whether a block is mostly links or a short line of page furniture."""
    if block.link_chars > 0.6 * len(block.text):
        return True
    return is_furniture_line(block)


def _without_repeats(
    blocks: list[Block], title: str | None, byline: str | None, photo: Iterable[str | None]
) -> list[Block]:
    """The body from the lede on: no headline or byline first, and no line that is the lead
    photo's caption or credit (of a caption written twice, the second is the lede's)."""
    names = [title, byline, byline and f"by {byline}"]
    heads = {key_of(name) for name in names if name}
    start = 0
    while start < len(blocks) and (blocks[start].key in heads or blocks[start].tag == "h1"):
        start += 1
    parts = [part for part in photo if part]
    photo_keys = {key_of(part) for part in parts} | {key_of(" ".join(parts))}
    kept = blocks[start:]
    repeats = [i for i, block in enumerate(kept) if block.key and _photo_line(block, photo_keys)]
    last = repeats[-1] if len(repeats) > 1 else None
    return [block for i, block in enumerate(kept) if i not in repeats or i == last]


def _photo_line(block: Block, photo_keys: set[str]) -> bool:
    """Whether a block is the lead photo's caption or credit, the credit perhaps after its label
    ("图片来源：新华社")."""
    if block.key in photo_keys:
        return True
    credit = unwrapped(block.text) if starts_with_label(block.text) else None
    return bool(credit) and key_of(credit or "") in photo_keys


def _render(blocks: list[Block], base: str | None) -> tuple[str, str]:
    """Sanitized HTML and plain text of the same blocks, text blocks split by blank lines; a
    figure's caption is not text of the body."""
    htmls: list[str] = []
    texts: list[str] = []
    for block in blocks:
        html = sanitize_html(block.html, base)
        if block.tag == FIGURE:
            if "<img" in html:
                htmls.append(html)
            continue
        text = html_to_text(html)
        if text:
            htmls.append(html)
            texts.append(text)
    return "\n".join(htmls), "\n\n".join(texts)


# Small readers


def _first(items: Iterable[Any]) -> Any:
    """The first item, or None."""
    return next(iter(items), None)


def _first_of(values: Iterable[T | None]) -> T | None:
    """The first value that is neither None nor empty."""
    return next((value for value in values if value), None)


def _first_text(elements: list[Element]) -> str | None:
    """The text of the first element that has some."""
    return _first_of(clean(text_of(element)) for element in elements)
