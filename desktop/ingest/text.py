"""Plain text from sanitized article HTML, for the full-text index and for previews."""

from __future__ import annotations

import re
from html.parser import HTMLParser

BLOCKS = frozenset(
    {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "figcaption",
     "tr", "section", "article", "pre"}
)  # fmt: skip
SKIPPED = frozenset({"script", "style", "template"})
CELLS = frozenset({"td", "th"})
_HTML_WHITESPACE = re.compile(r"[ \t\n\r\f]+")
_SPACES = re.compile(r"[ \t\r\f\v]+")
_BREAKS = re.compile(r"\s*\n\s*")


class _TextCollector(HTMLParser):
    """Collects character data, with a line break at the end of every block."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0
        self._preformatted = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in SKIPPED:
            self._skipping += 1
        elif tag in BLOCKS:
            self._preformatted += tag == "pre"
            self.parts.append("\n")
        elif tag in CELLS:
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIPPED:
            self._skipping = max(0, self._skipping - 1)
        elif tag in BLOCKS:
            self._preformatted = max(0, self._preformatted - (tag == "pre"))
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._skipping:
            return
        # A line break in the source is only a space, as a browser shows it; <pre> keeps its lines.
        self.parts.append(data if self._preformatted else _HTML_WHITESPACE.sub(" ", data))


def html_to_text(html: str) -> str:
    """Return the text of an HTML fragment: one line per block, spaces folded."""
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    text = _SPACES.sub(" ", "".join(collector.parts))
    return _BREAKS.sub("\n", text).strip()
