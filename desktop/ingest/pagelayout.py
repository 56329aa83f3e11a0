"""Where an element stands on a news page: in the article, or in the site's furniture around it
(navigation, the site's header and footer, asides), which the metadata readers pass over.

The article is what an <article> or <main> holds, and a <header> holding the headline; asides,
headers and footers inside the article are its own (a live blog's aside holds its byline).
"""

from __future__ import annotations

from collections.abc import Iterator

from desktop.ingest.elements import Element

ARTICLE_TAGS = frozenset({"article", "main"})
NEVER_READ = frozenset({"nav", "script", "style", "noscript", "template"})
SITE_PARTS = frozenset({"header", "footer", "aside"})


def in_site_furniture(element: Element) -> bool:
    """Whether an element is in the navigation, or in the site's header, footer or asides."""
    ancestors = [up for up in element.iterancestors() if isinstance(up.tag, str)]
    if any(up.tag in NEVER_READ for up in ancestors):
        return True
    if any(up.tag in ARTICLE_TAGS for up in ancestors):
        return False
    return any(_is_site_part(up) for up in ancestors)


def reading_order(root: Element, in_article: bool = False) -> Iterator[Element]:
    """The elements under a root in document order, past the navigation and the site's header,
    footer and asides."""
    for child in root:
        if not isinstance(child.tag, str) or child.tag in NEVER_READ:
            continue
        if not in_article and _is_site_part(child):
            continue
        yield child
        yield from reading_order(child, in_article or child.tag in ARTICLE_TAGS)


def _is_site_part(element: Element) -> bool:
    """Whether an element outside the article is the site's header, footer or aside (a header
    holding the headline is the article's)."""
    if element.tag not in SITE_PARTS:
        return False
    return element.tag != "header" or element.find(".//h1") is None
