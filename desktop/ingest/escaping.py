"""Telling markup from text that only names a tag, in what feeds give as HTML.

A feed's HTML may have been escaped once too often (``&lt;p&gt;Text&lt;/p&gt;`` where a paragraph
was meant), and a title given as HTML may hold a tag its author meant as text ("History of the
<blink> tag"). Both are told apart the same way: markup opens and closes its elements, or uses
ones that are empty by nature (``<br>``, ``<img ...>``); a tag that is opened and never closed,
or closed and never opened, is a word about HTML, not HTML.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

# Elements that never hold content, so never have an end tag.
VOID_ELEMENTS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
     "track", "wbr"}
)  # fmt: skip
_TAG = re.compile(r"<(/?)([A-Za-z][\w:.-]*)(?:\s[^<>]*?)?(/?)>")
_ESCAPED_TAG = re.compile(r"&lt;(/?)([A-Za-z][\w:.-]*)(?:\s(?:(?!&[lg]t;)[^<>])*?)?(/?)&gt;")
_REAL_TAG = re.compile(r"</?[A-Za-z]")


def undo_double_escaping(markup: str) -> str:
    """Markup escaped twice (no real tag, and escaped tags that are markup) unescaped once;
    escaped tags that are text, as in "the &lt;blink&gt; tag", stay escaped."""
    if _REAL_TAG.search(markup):
        return markup
    tags = list(_ESCAPED_TAG.finditer(markup))
    if not any(_is_markup(tag, _paired_names(tags)) for tag in tags):
        return markup
    return html.unescape(markup)


def escape_lone_tags(markup: str) -> str:
    """HTML with every tag that is text rather than markup escaped, so it shows as written."""
    paired = _paired_names(list(_TAG.finditer(markup)))
    return _TAG.sub(
        lambda tag: tag[0] if _is_markup(tag, paired) else html.escape(tag[0], quote=False),
        markup,
    )


def _paired_names(tags: Sequence[re.Match[str]]) -> frozenset[str]:
    """The element names, in lower case, that the tags both open and close."""
    opened = {tag[2].lower() for tag in tags if not tag[1]}
    closed = {tag[2].lower() for tag in tags if tag[1]}
    return frozenset(opened & closed)


def _is_markup(tag: re.Match[str], paired: frozenset[str]) -> bool:
    """Whether a tag is markup: its element is opened and closed, empty by nature, or closed
    in the tag itself (``<br/>``)."""
    name = tag[2].lower()
    return name in paired or name in VOID_ELEMENTS or bool(tag[3])
