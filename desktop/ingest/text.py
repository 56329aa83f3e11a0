"""Plain text from article HTML, for the full-text index, summaries and the command line.

Parsed with libxml2's HTML parser through lxml (it runs for every entry of every refresh, so it
must be fast): every block ends a line, whitespace inside a line folds to one space as a browser
shows it, and ``<pre>`` keeps its line breaks. What a whole document holds outside its body (the
title in its head) is not text of the article.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

BLOCKS = frozenset(
    {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "figcaption",
     "figure", "tr", "section", "article", "pre", "ul", "ol", "dl", "dt", "dd", "table",
     "header", "footer", "aside", "hr"}
)  # fmt: skip
SKIPPED = frozenset({"script", "style", "template", "noscript"})
CELLS = frozenset({"td", "th"})
# Source line breaks and tabs are spaces outside <pre>.
_TO_SPACES = str.maketrans({"\n": " ", "\r": " ", "\t": " ", "\f": " ", "\v": " "})
# Markup that is a whole document rather than a fragment of one.
_WHOLE_DOCUMENT = re.compile(r"\s*<(?:html|!doctype)", re.IGNORECASE)


def html_to_text(html: str) -> str:
    """Return the text of an HTML fragment or document: one line per block, spaces folded."""
    if not html or not html.strip():
        return ""
    etree = _etree()
    # A fragment goes into a body of its own, where the parser keeps all of it; plain lxml
    # elements, not lxml.html's, which look up their class at every step of the walk.
    markup = html if _WHOLE_DOCUMENT.match(html) else f"<html><body>{html}</body></html>"
    try:
        document = etree.fromstring(markup, _parser())
    except (etree.ParserError, ValueError):
        return ""
    root = document.find("body") if document is not None else None
    if root is None:
        return ""
    parts: list[str] = []
    _collect(root, parts, etree)
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


@cache
def _etree() -> Any:
    """lxml's etree, imported when first needed."""
    from lxml import etree

    return etree


@cache
def _parser() -> Any:
    """libxml2's forgiving HTML parser, made once (it keeps no state between documents)."""
    return _etree().HTMLParser()


def _collect(root: Any, parts: list[str], etree: Any) -> None:
    """Append the text of ``root``'s tree to ``parts``, with a line break around every block."""
    in_pre = 0
    walker = etree.iterwalk(root, events=("start", "end", "comment", "pi"))
    for event, element in walker:
        tag = element.tag if isinstance(element.tag, str) else ""
        if event in {"comment", "pi"}:  # not text; what follows it is
            parts.append(_flat(element.tail, in_pre))
        elif event == "start":
            if tag in SKIPPED:
                walker.skip_subtree()
                parts.append(_flat(element.tail, in_pre))
                continue
            in_pre += tag == "pre"
            parts.append("\n" if tag in BLOCKS else " " if tag in CELLS else "")
            parts.append(_flat(element.text, in_pre))
        elif tag not in SKIPPED:
            in_pre -= tag == "pre"
            parts.append("\n" if tag in BLOCKS else "")
            if element is not root:
                parts.append(_flat(element.tail, in_pre))


def _flat(text: str | None, in_pre: int) -> str:
    """A text node with its line breaks kept inside ``<pre>`` and made spaces elsewhere."""
    if not text:
        return ""
    return text if in_pre else text.translate(_TO_SPACES)
