"""The article's whole text from its JSON-LD ``articleBody``, for pages that show only its first
paragraphs (behind a "continue reading" placeholder) while their data holds all of it."""

from __future__ import annotations

import re
from html import escape
from typing import Any

from desktop.ingest.blocks import FIGURE, HEADING_TAGS, Block, key_of
from desktop.ingest.elements import clean

LONGER = 1.5  # times the visible body's text from which the JSON-LD text is the fuller one
OPENING = 60  # key characters of the first shown paragraph that the JSON-LD text opens with
OPENING_SLACK = 200  # key characters it may have before them (a dateline, the headline)
SHOWN_SHARE = 0.6  # of the visible body's text that the JSON-LD text must hold
OPENING_BLOCKS = 2  # shown paragraphs (a standfirst may come first) one of which it opens with
_LINE_BREAKS = re.compile(r"\s*(?:\r?\n|<br\s*/?>|</p>|</div>)\s*", re.I)
_TAGS = re.compile(r"<[^>]+>")


def fuller_body(blocks: list[Block], ld: dict[str, Any]) -> list[Block] | None:
    """The JSON-LD text as paragraphs (split at its line breaks) when it is much longer than
    the visible body, holds most of it and opens with its first (or second) paragraph; None
    otherwise."""
    written = ld.get("articleBody")
    if not isinstance(written, str):
        return None
    paragraphs = [clean(_TAGS.sub(" ", line)) for line in _LINE_BREAKS.split(written)]
    found = [_paragraph(text) for text in paragraphs if text]
    whole = "".join(block.key for block in found)
    shown = [block for block in blocks if block.tag not in HEADING_TAGS | {FIGURE} and block.key]
    size = sum(len(block.key) for block in shown)
    opening = shown[:OPENING_BLOCKS]
    if not shown or len(whole) < LONGER * size:
        return None
    if not any(_opens_with(whole, block.key) for block in opening):
        return None
    held = sum(len(block.key) for block in shown if block.key in whole)
    return found if held >= SHOWN_SHARE * size else None


def _opens_with(whole: str, first: str) -> bool:
    """Whether a text opens with a paragraph's words, past a few characters at most."""
    start = whole.find(first[:OPENING])
    return 0 <= start <= OPENING_SLACK


def _paragraph(text: str) -> Block:
    """A line of the JSON-LD text as a paragraph."""
    return Block("p", f"<p>{escape(text)}</p>", text, key_of(text), 0)
