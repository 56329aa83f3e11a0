"""The licences of what Broadsheet ships, read from the installed packages' metadata; no Qt here.

The About dialog reads them when it opens (never at start-up): Broadsheet's own requirements and
theirs, walked recursively, each with its version and licence as its metadata states it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import metadata

DISTRIBUTION = "broadsheet"
OWN_LICENCE = "GPL-3.0-or-later"
# Used only where Broadsheet's own metadata is missing (a bundle that did not keep it): the
# requirements of pyproject.toml, which a test keeps in step.
TOP_LEVEL = (
    "PySide6-Essentials",
    "SQLAlchemy",
    "alembic",
    "platformdirs",
    "babel",
    "Pillow",
    "feedparser",
    "httpx",
    "sniffio",
    "brotli",
    "nh3",
    "trafilatura",
    "readability-lxml",
    "lxml",
    "lxml_html_clean",
    "defusedxml",
    "keyring",
    "python-dateutil",
    "tzdata",
)
MAX_LICENCE_CHARACTERS = 60
UNKNOWN = "not stated"
_NAME = re.compile(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[([^\]]*)\])?")
_EXTRA = re.compile(r"""extra\s*==\s*['"]([^'"]+)['"]""")


@dataclass(frozen=True, slots=True)
class Licence:
    """One component we ship: its name, version and licence (an SPDX expression or a name)."""

    name: str
    version: str
    licence: str


def shipped() -> list[Licence]:
    """Every installed distribution Broadsheet depends on, directly or not, sorted by name."""
    found: dict[str, Licence] = {}
    waiting = direct_requirements()
    while waiting:
        name, extras = waiting.pop()
        key = normalized(name)
        if key in found:
            continue
        try:
            distribution = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue  # a requirement of another platform, not installed here
        found[key] = describe(distribution)
        waiting.extend(requirements(distribution, extras))
    return sorted(found.values(), key=lambda item: item.name.casefold())


def direct_requirements() -> list[tuple[str, frozenset[str]]]:
    """What Broadsheet itself requires, from its metadata (else from ``TOP_LEVEL``)."""
    try:
        return requirements(metadata.distribution(DISTRIBUTION), frozenset())
    except metadata.PackageNotFoundError:
        return [(name, frozenset()) for name in TOP_LEVEL]


def unlisted(components: list[Licence]) -> list[str]:
    """Broadsheet's own requirements missing from ``components`` (their metadata was not found,
    as in a bundle that left it out), so the About dialog could not name their licences."""
    listed = {normalized(item.name) for item in components}
    return [name for name, _ in direct_requirements() if normalized(name) not in listed]


def requirements(
    distribution: metadata.Distribution, extras: frozenset[str]
) -> list[tuple[str, frozenset[str]]]:
    """The names (with their requested extras) a distribution requires, leaving out optional
    ones unless one of ``extras`` asks for them."""
    wanted = []
    for requirement in distribution.requires or []:
        text, _, marker = requirement.partition(";")
        optional = _EXTRA.findall(marker)
        if optional and not extras.intersection(optional):
            continue
        match = _NAME.match(text)
        if match is None:
            continue
        asked = frozenset(part.strip() for part in (match.group(2) or "").split(",") if part)
        wanted.append((match.group(1), asked))
    return wanted


def describe(distribution: metadata.Distribution) -> Licence:
    """A distribution's name, version and licence."""
    fields = distribution.metadata
    return Licence(fields["Name"], distribution.version, licence_of(fields))


def licence_of(fields: metadata.PackageMetadata) -> str:
    """The licence a package states: its SPDX expression, else its licence field shortened to
    its first line, else its licence classifiers."""
    expression = field(fields, "License-Expression").strip()
    if expression:
        return expression
    text = next((line.strip() for line in field(fields, "License").splitlines() if line), "")
    if text and text.upper() != "UNKNOWN":
        return shorten(text)
    return classified(fields.get_all("Classifier") or []) or UNKNOWN


def field(fields: metadata.PackageMetadata, name: str) -> str:
    """A metadata field's first value, or "" where the package does not state it."""
    return next(iter(fields.get_all(name) or []), "")


def classified(classifiers: list[str]) -> str:
    """The licences named by ``License ::`` classifiers ("MIT License", ...), joined."""
    names = [item.split("::")[-1].strip() for item in classifiers if item.startswith("License ::")]
    return "; ".join(dict.fromkeys(name for name in names if name != "OSI Approved"))


def shorten(text: str) -> str:
    """A licence name short enough for one table cell."""
    if len(text) <= MAX_LICENCE_CHARACTERS:
        return text
    return text[: MAX_LICENCE_CHARACTERS - 1].rstrip() + "…"


def normalized(name: str) -> str:
    """A distribution name as the packaging standards compare them."""
    return re.sub(r"[-_.]+", "-", name).lower()
