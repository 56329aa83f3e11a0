"""Telling a document written in UTF-16 or UTF-32 from its first four bytes.

By its byte-order mark, else as XML's appendix F does for a document without one: the first
character of a document (``<`` of a feed, a letter of a saved page) is ASCII, so its code unit
holds one byte that is not zero and, in UTF-32, three that are, in an order that gives the
encoding away. Documents in UTF-8 or a single-byte character set never hold zero bytes there.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

# UTF-32's marks first: the little-endian one starts with UTF-16's.
_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Which of the first four bytes are zero, for an ASCII first character in each codec.
_ZERO_BYTES: dict[tuple[bool, ...], str] = {
    (False, True, True, True): "utf-32-le",
    (True, True, True, False): "utf-32-be",
    (False, True, False, True): "utf-16-le",
    (True, False, True, False): "utf-16-be",
}


@dataclass(frozen=True, slots=True)
class WideEncoding:
    """A document's UTF-16 or UTF-32 codec (with its byte order) and its mark's length."""

    codec: str
    mark: int

    def decode(self, data: bytes, errors: str = "replace") -> str:
        """The document's text after its mark (an incomplete last character is replaced)."""
        return data[self.mark :].decode(self.codec, errors)


def wide_encoding(data: bytes) -> WideEncoding | None:
    """The UTF-16 or UTF-32 encoding ``data`` is written in, or None for any other."""
    for mark, codec in _MARKS:
        if data.startswith(mark):
            return WideEncoding(codec, len(mark))
    unmarked = _ZERO_BYTES.get(tuple(byte == 0 for byte in data[:4]))
    return WideEncoding(unmarked, 0) if unmarked else None
