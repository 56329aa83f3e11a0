"""What the command line prints on a terminal: printable text only.

A feed's title can carry terminal escapes (ESC, BEL, NUL, C1 controls, bidirectional overrides)
that would clear the screen, retitle the window or reorder what it shows. On a terminal, stdout
and stderr go through ``PrintableText``, which takes them out; a pipe or a file gets the text as
it is. The refresh's live line writes its own escapes to the terminal underneath (``raw``).
"""

from __future__ import annotations

import io
import sys
from typing import TextIO

from desktop.wording import printable


class PrintableText(io.TextIOBase):
    """A text stream that writes only printable text (and tab and newline) to ``raw``."""

    def __init__(self, raw: TextIO) -> None:
        """Wrap the terminal's own stream."""
        super().__init__()
        self.raw = raw

    def write(self, text: str) -> int:
        """Write ``text`` without its control characters; count it as written whole."""
        self.raw.write(printable(text))
        return len(text)

    def flush(self) -> None:
        """Flush the terminal's stream."""
        self.raw.flush()

    def isatty(self) -> bool:
        """Whether the stream underneath is a terminal."""
        return self.raw.isatty()

    def fileno(self) -> int:
        """The file descriptor underneath."""
        return self.raw.fileno()

    @property
    def encoding(self) -> str:  # type: ignore[override]
        """The encoding of the stream underneath."""
        return self.raw.encoding


def guard_terminals() -> None:
    """Put ``PrintableText`` in front of stdout and stderr where they are terminals."""
    if _is_terminal(sys.stdout):
        sys.stdout = PrintableText(sys.stdout)
    if _is_terminal(sys.stderr):
        sys.stderr = PrintableText(sys.stderr)


def raw(stream: TextIO) -> TextIO:
    """The terminal underneath a guarded stream, for writing escapes of Broadsheet's own."""
    return stream.raw if isinstance(stream, PrintableText) else stream


def _is_terminal(stream: TextIO | None) -> bool:
    """Whether a stream is an unguarded terminal."""
    return stream is not None and not isinstance(stream, PrintableText) and stream.isatty()
