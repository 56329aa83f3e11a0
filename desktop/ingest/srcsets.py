"""The candidates of a ``srcset`` as HTML parses them (an address may hold commas), and the one
nearest the reader's column."""

from __future__ import annotations

import re
from collections.abc import Iterator

# The width an image is wanted at: the reader's column at a large text size, or at twice the
# pixel density of an ordinary one. Of a srcset, the smallest file at least this wide is taken.
COLUMN_PIXELS = 1024
# A srcset candidate: an address (which may hold commas) and its descriptor.
_CANDIDATE_URL = re.compile(r"[\s,]*(\S+)")
_DESCRIPTOR = re.compile(r"[^,]*")
_WIDTH_DESCRIPTOR = re.compile(r"^(\d+(?:\.\d+)?)w$")
_DENSITY_DESCRIPTOR = re.compile(r"^(\d+(?:\.\d+)?)x$")


def srcset_addresses(value: str) -> list[str]:
    """The addresses a srcset offers, as HTML parses them (an address may hold commas)."""
    return [address for address, _, _ in srcset_candidates(value)]


def srcset_candidates(value: str) -> Iterator[tuple[str, float, str]]:
    """A srcset's candidates as (address, number, "w" or "x"), as HTML parses them: an address
    runs to the next space (it may hold commas), its descriptor to the next comma."""
    position = 0
    while True:
        found = _CANDIDATE_URL.match(value, position)
        if found is None:
            return
        address, position = found[1], found.end()
        descriptor = ""
        if address.endswith(","):
            address = address.rstrip(",")
        else:
            described = _DESCRIPTOR.match(value, position)
            descriptor, position = (described[0].strip(), described.end()) if described else ("", 0)
        width, density = _WIDTH_DESCRIPTOR.match(descriptor), _DENSITY_DESCRIPTOR.match(descriptor)
        if width:
            yield address, float(width[1]), "w"
        elif density or not descriptor:
            yield address, float(density[1]) if density else 1.0, "x"


def nearest_column(candidates: list[tuple[str, float, str]]) -> str | None:
    """Of widths, the smallest at least COLUMN_PIXELS wide, else the widest; of pixel densities
    only, the highest up to 2x."""
    widths = sorted((number, address) for address, number, unit in candidates if unit == "w")
    if widths:
        wide = [address for number, address in widths if number >= COLUMN_PIXELS]
        return wide[0] if wide else widths[-1][1]
    densities = sorted((number, address) for address, number, unit in candidates if unit == "x")
    fitting = [address for number, address in densities if number <= 2]
    return fitting[-1] if fitting else (densities[0][1] if densities else None)
