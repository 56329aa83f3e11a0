"""Reading the licences of what we ship from package metadata, whatever form a package uses."""

from __future__ import annotations

import re
import tomllib
from email.message import Message
from importlib import metadata
from pathlib import Path
from typing import cast

import pytest

from desktop import licences

ROOT = Path(__file__).resolve().parents[2]


def _fields(*pairs: tuple[str, str]) -> metadata.PackageMetadata:
    """Package metadata holding these fields, as importlib.metadata reads them."""
    message = Message()
    for name, value in pairs:
        message[name] = value
    return cast(metadata.PackageMetadata, message)


class _Distribution(metadata.Distribution):
    """A distribution known only by its requirements."""

    def __init__(self, requires: list[str]) -> None:
        self._requires = requires

    def read_text(self, filename: str) -> str | None:
        if filename == "METADATA":
            return "".join(f"Requires-Dist: {line}\n" for line in self._requires)
        return None

    def locate_file(self, path: str | Path) -> Path:  # type: ignore[override]
        return Path(path)


def test_the_spdx_expression_comes_first() -> None:
    fields = _fields(
        ("License-Expression", "MIT"),
        ("License", "Some long text"),
        ("Classifier", "License :: OSI Approved :: BSD License"),
    )
    assert licences.licence_of(fields) == "MIT"


def test_a_licence_text_is_cut_to_its_first_line_and_a_cell_width() -> None:
    text = "BSD 3-Clause License\n\nCopyright (c) the authors.\nRedistribution and use ..."
    assert licences.licence_of(_fields(("License", text))) == "BSD 3-Clause License"
    long = "A licence whose first line goes on and on " * 4
    shortened = licences.licence_of(_fields(("License", long)))
    assert len(shortened) == licences.MAX_LICENCE_CHARACTERS
    assert shortened.endswith("…")
    assert long.startswith(shortened[:-1])


def test_classifiers_name_the_licence_when_nothing_else_does() -> None:
    fields = _fields(
        ("License", "UNKNOWN"),
        ("Classifier", "Programming Language :: Python"),
        ("Classifier", "License :: OSI Approved"),
        ("Classifier", "License :: OSI Approved :: MIT License"),
        ("Classifier", "License :: Public Domain"),
    )
    assert licences.licence_of(fields) == "MIT License; Public Domain"
    assert licences.licence_of(_fields(("Name", "bare"))) == licences.UNKNOWN


def test_optional_requirements_count_only_when_their_extra_is_asked_for() -> None:
    distribution = _Distribution(
        [
            "httpcore==1.*",
            "anyio[trio] >=3; python_version >= '3.8'",
            'brotli; extra == "brotli"',
            "h2<5,>=3; extra == 'http2' and platform_system != 'Emscripten'",
        ]
    )
    assert licences.requirements(distribution, frozenset()) == [
        ("httpcore", frozenset()),
        ("anyio", frozenset({"trio"})),
    ]
    names = [name for name, _ in licences.requirements(distribution, frozenset({"http2"}))]
    assert names == ["httpcore", "anyio", "h2"]


def test_every_requirement_is_walked_once_and_found_with_its_version() -> None:
    shipped = licences.shipped()
    names = [licences.normalized(item.name) for item in shipped]
    assert len(names) == len(set(names))
    for name in ("sqlalchemy", "httpx", "httpcore", "h11", "mako", "pyside6-essentials"):
        assert name in names
        (item,) = [item for item in shipped if licences.normalized(item.name) == name]
        assert item.version == metadata.version(name)
    assert "broadsheet" not in names
    assert "pytest" not in names  # a test extra, not shipped


def test_without_our_own_metadata_the_top_level_list_is_walked(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real = metadata.distribution

    def without_broadsheet(name: str) -> metadata.Distribution:
        if name == licences.DISTRIBUTION:
            raise metadata.PackageNotFoundError(name)
        return real(name)

    monkeypatch.setattr(metadata, "distribution", without_broadsheet)
    names = {licences.normalized(item.name) for item in licences.shipped()}
    assert {"sqlalchemy", "httpx", "httpcore", "pyside6-essentials"} <= names


def test_the_fallback_list_and_our_licence_match_pyproject() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = [re.split(r"[^A-Za-z0-9._-]", line)[0] for line in project["dependencies"]]
    assert [licences.normalized(name) for name in licences.TOP_LEVEL] == [
        licences.normalized(name) for name in declared
    ]
    assert project["license"] == licences.OWN_LICENCE


def test_requirements_whose_metadata_is_missing_are_named() -> None:
    shipped = licences.shipped()
    assert licences.unlisted(shipped) == []
    without = [item for item in shipped if licences.normalized(item.name) != "httpx"]
    assert licences.unlisted(without) == ["httpx"]
