"""Finding a site's feeds: the ones its page declares, else links that look like feeds.

A page's ``<link rel="alternate">`` elements of a feed type come first, in document order. Only
when it declares none are its ``<a href>`` links read, keeping those whose address looks like a
feed (``.rss``, ``.atom``, ``.rdf``, ``.xml`` but no sitemap, a ``feed``/``rss``/``atom`` path
segment, or ``?feed=``). WordPress's REST links (``/wp-json/``, typed ``application/json``) are
no feeds. ``candidate_urls`` gives the usual addresses to try when a page offers nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from urllib.parse import urljoin, urlsplit

import lxml.html
from lxml import etree

FEED_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/feed+json",
    "application/json",
    "application/rdf+xml",
)
COMMON_PATHS = (
    "/feed",
    "/feed/",
    "/rss",
    "/rss.xml",
    "/feed.xml",
    "/atom.xml",
    "/index.xml",
    "/feeds/posts/default",
    "/?feed=rss2",
)
WEB_SCHEMES = ("http", "https")
FEED_SUFFIXES = (".rss", ".atom", ".rdf", ".xml")
FEED_SEGMENTS = frozenset({"feed", "feeds", "rss", "atom"})
PAGE_SUFFIXES = (".html", ".htm", ".php", ".asp", ".aspx")


def feed_links(page: bytes | str, page_url: str) -> list[str]:
    """The feed addresses a page offers, absolute and each once, declared ones first."""
    document = _document(page)
    if document is None:
        return []
    base = _base_url(document, page_url)
    declared = _unique(_absolute(base, _declared_hrefs(document)))
    if declared:
        return declared
    anchors = _absolute(base, (a.get("href", "") for a in document.iter("a")))
    return _unique(url for url in anchors if _looks_like_feed(url))


def candidate_urls(page_url: str) -> list[str]:
    """The usual feed addresses at the root of the page's site, to try when it declares none."""
    parts = urlsplit(page_url)
    if parts.scheme.lower() not in WEB_SCHEMES or not parts.hostname:
        raise ValueError(f"{page_url!r} is not a web address, so it has no site to look at.")
    root = f"{parts.scheme.lower()}://{parts.netloc.rpartition('@')[2]}"
    return [root + path for path in COMMON_PATHS]


def _document(page: bytes | str) -> etree._Element | None:
    """The parsed page, or None when there is nothing to parse."""
    if isinstance(page, str):
        page, parser = page.encode("utf-8"), lxml.html.HTMLParser(encoding="utf-8")
    else:
        parser = lxml.html.HTMLParser()
    if not page.strip():
        return None
    try:
        document: etree._Element | None = lxml.html.document_fromstring(page, parser=parser)
    except (etree.ParserError, ValueError):
        return None
    return document


def _base_url(document: etree._Element, page_url: str) -> str:
    """The address relative links resolve against: the page's ``<base href>``, else its own."""
    for base in document.iter("base"):
        href: str = (base.get("href") or "").strip()
        if href:
            return urljoin(page_url, href)
    return page_url


def _declared_hrefs(document: etree._Element) -> Iterator[str]:
    """The ``href`` of every ``<link rel="alternate">`` of a feed type, in document order."""
    for link in document.iter("link"):
        rel = (link.get("rel") or "").lower().split()
        kind = (link.get("type") or "").split(";")[0].strip().lower()
        href = (link.get("href") or "").strip()
        if "alternate" in rel and kind in FEED_TYPES and href and "/wp-json/" not in href:
            yield href


def _absolute(base: str, hrefs: Iterable[str]) -> Iterator[str]:
    """Each link made absolute, leaving out anything that is not a web address."""
    for href in hrefs:
        url = urljoin(base, href.strip()).partition("#")[0]
        parts = urlsplit(url)
        if parts.scheme.lower() in WEB_SCHEMES and parts.hostname:
            yield url


def _looks_like_feed(url: str) -> bool:
    """Whether an address reads like a feed's (see the module's docstring)."""
    parts = urlsplit(url)
    segments = [segment for segment in parts.path.lower().split("/") if segment]
    name = segments[-1] if segments else ""
    if name.startswith("sitemap") or name.endswith(PAGE_SUFFIXES):
        return False
    return (
        name.endswith(FEED_SUFFIXES)
        or not FEED_SEGMENTS.isdisjoint(segments)
        or "feed=" in parts.query.lower()
    )


def _unique(urls: Iterable[str]) -> list[str]:
    """The addresses in order, each once."""
    return list(dict.fromkeys(urls))
