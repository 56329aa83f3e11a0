"""Plain text from article HTML, for the full-text index, summaries and the command line.

Parsed with libxml2's HTML parser through lxml (it runs for every entry of every refresh, so it
must be fast): every block ends a line, whitespace inside a line folds to one space as a browser
shows it, and ``<pre>`` keeps its line breaks. What a whole document holds outside its body (the
title in its head) is not text of the article.
"""

from __future__ import annotations

from typing import Any

from desktop.ingest.elements import etree_module, parsed_body

BLOCKS = frozenset(
    {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "figcaption",
     "figure", "tr", "section", "article", "pre", "ul", "ol", "dl", "dt", "dd", "table",
     "header", "footer", "aside", "hr"}
)  # fmt: skip
SKIPPED = frozenset({"script", "style", "template", "noscript"})
CELLS = frozenset({"td", "th"})
# Source line breaks and tabs are spaces outside <pre>.
_TO_SPACES = str.maketrans({"\n": " ", "\r": " ", "\t": " ", "\f": " ", "\v": " "})


def html_to_text(html: str) -> str:
    """Return the text of an HTML fragment or document: one line per block, spaces folded."""
    if not html or not html.strip():
        return ""
    root = parsed_body(html)
    if root is None:
        return ""
    parts: list[str] = []
    _collect(root, parts, etree_module())
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


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
