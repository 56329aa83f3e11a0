"""Content-Encoding undone a little at a time, so a compression bomb never fills the memory.

httpx decodes each chunk it receives in one piece: a 3 KB brotli or stacked-gzip body becomes
gigabytes before any size cap can look at it. Here every decoder hands out at most ``STEP``
bytes at a time, and the stages are generators, so the reader counts the decoded bytes as they
come and stops at its cap with only a few steps' worth in memory.
"""

from __future__ import annotations

import itertools
import zlib
from collections.abc import Iterable, Iterator
from typing import Protocol

STEP = 64 * 1024


class GarbledError(ValueError):
    """A body that does not decode under the Content-Encoding its server declared."""


class _Stage(Protocol):
    """One decoder: bytes in, decoded bytes out in pieces of at most ``STEP``."""

    def feed(self, data: bytes) -> Iterator[bytes]:
        """The decoded bytes of the next piece of input."""
        ...

    def finish(self) -> Iterator[bytes]:
        """What is left once the input has ended."""
        ...


class _Zlib:
    """gzip (``wbits`` with 16) or zlib-wrapped deflate, falling back to raw deflate."""

    def __init__(self, wbits: int, raw_fallback: bool = False) -> None:
        """A decompressor for one body."""
        self._decompressor = zlib.decompressobj(wbits)
        self._fallback = raw_fallback
        self._started = False

    def feed(self, data: bytes) -> Iterator[bytes]:
        """Decompress ``data`` in steps, asking for more output only after each step is used."""
        while True:
            try:
                out = self._decompressor.decompress(data, STEP)
            except zlib.error as error:
                if not self._fallback or self._started:
                    raise GarbledError(str(error)) from error
                self._decompressor = zlib.decompressobj(-zlib.MAX_WBITS)
                self._fallback = False
                continue
            self._started = True
            data = self._decompressor.unconsumed_tail
            if out:
                yield out
            if self._decompressor.eof or (not data and len(out) < STEP):
                return

    def finish(self) -> Iterator[bytes]:
        """Whatever the decompressor still holds (little: the input was drained step by step)."""
        try:
            rest = self._decompressor.flush()
        except zlib.error as error:  # pragma: no cover - flush rarely fails after decompress
            raise GarbledError(str(error)) from error
        if rest:
            yield rest


class _Brotli:
    """Brotli, with its output buffer bounded."""

    def __init__(self) -> None:
        """A decompressor for one body."""
        import brotli

        self._module = brotli
        self._decompressor = brotli.Decompressor()

    def feed(self, data: bytes) -> Iterator[bytes]:
        """Decompress ``data``, then drain what it holds a step at a time."""
        try:
            out = self._decompressor.process(data, output_buffer_limit=STEP)
            if out:
                yield out
            while not self._decompressor.can_accept_more_data():
                out = self._decompressor.process(b"", output_buffer_limit=STEP)
                if not out:
                    return
                yield out
        except self._module.error as error:
            raise GarbledError(str(error)) from error

    def finish(self) -> Iterator[bytes]:
        """Nothing: brotli hands out all it can as it goes."""
        return iter(())


class _Identity:
    """No encoding, or one Broadsheet does not know (taken as none, as httpx does)."""

    def feed(self, data: bytes) -> Iterator[bytes]:
        """The input, in steps."""
        for start in range(0, len(data), STEP):
            yield data[start : start + STEP]

    def finish(self) -> Iterator[bytes]:
        """Nothing."""
        return iter(())


def _stage(name: str) -> _Stage:
    """The decoder for one Content-Encoding token."""
    if name in ("gzip", "x-gzip"):
        return _Zlib(zlib.MAX_WBITS | 16)
    if name == "deflate":
        return _Zlib(zlib.MAX_WBITS, raw_fallback=True)
    if name == "br":
        return _Brotli()
    return _Identity()


class Decoder:
    """A body's decoding fed chunk by chunk as they arrive from the network."""

    def __init__(self, encodings: Iterable[str]) -> None:
        """The stages for these Content-Encoding tokens (in the order they were applied)."""
        names = [name.strip().lower() for name in encodings]
        self._stages = [_stage(n) for n in reversed(names) if n and n != "identity"]

    def feed(self, chunk: bytes) -> Iterator[bytes]:
        """The decoded bytes of one raw chunk, step by step."""
        return self._cascade([chunk], 0, final=False)

    def finish(self) -> Iterator[bytes]:
        """What every stage still holds once the raw body has ended."""
        return self._cascade([], 0, final=True)

    def _cascade(self, chunks: Iterable[bytes], index: int, final: bool) -> Iterator[bytes]:
        """Feed ``chunks`` to the stage at ``index`` and the stages after it."""
        if index == len(self._stages):
            yield from chunks
            return
        stage = self._stages[index]
        pieces: Iterator[bytes] = (piece for chunk in chunks for piece in stage.feed(chunk))
        if final:
            pieces = itertools.chain(pieces, stage.finish())
        yield from self._cascade(pieces, index + 1, final)
