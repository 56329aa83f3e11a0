"""Each patch to another library's private code is checked against the versions it was made for:
any other version is refused in a sentence naming the patch and both versions, and pyproject.toml
pins the library to the same range."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from desktop.ingest import feedparsing
from desktop.patching import PatchVersionError, Verified
from desktop.ui import binding  # its patch loads Qt only when applied

ROOT = Path(__file__).resolve().parents[2]
PATCHES = {"feedparser": feedparsing.VERIFIED, "PySide6-Essentials": binding.VERIFIED}
EXAMPLE = Verified("the example's private hook", "example", lowest=(6, 0, 11), below=(6, 1))


def _requirement(name: str) -> Requirement:
    """pyproject.toml's requirement of the distribution ``name``."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = canonicalize_name(name)
    (found,) = [Requirement(line) for line in project["dependencies"]
                if canonicalize_name(Requirement(line).name) == wanted]  # fmt: skip
    return found


@pytest.mark.parametrize("version", ["6.0.11", "6.0.14", "6.0.14.post1", " 6.0.99 "])
def test_a_version_in_the_range_passes(version: str) -> None:
    EXAMPLE.check(version)


@pytest.mark.parametrize("version", ["6.0.10", "6.1", "6.1.0", "6.1.0rc1", "7.0.0", "5", "dev"])
def test_a_version_outside_the_range_is_refused_naming_the_patch_and_both_versions(
    version: str,
) -> None:
    with pytest.raises(PatchVersionError) as refused:
        EXAMPLE.check(version)
    sentence = str(refused.value)
    assert "the example's private hook" in sentence
    assert f"example >=6.0.11,<6.1, and {version} is installed" in sentence
    assert "\n" not in sentence and sentence.endswith(".")


@pytest.mark.parametrize("name", sorted(PATCHES))
def test_each_patch_refuses_the_next_minor_release(name: str) -> None:
    verified = PATCHES[name]
    later = f"{verified.below[0]}.{verified.below[1]}.0"
    with pytest.raises(PatchVersionError, match=verified.library):
        verified.check(later)


@pytest.mark.parametrize("name", sorted(PATCHES))
def test_pyproject_pins_each_patched_library_to_the_patchs_range(name: str) -> None:
    verified = PATCHES[name]
    bounds = {(spec.operator, spec.version) for spec in _requirement(name).specifier}
    assert bounds >= {("<", _dotted(verified.below)), (">=", _dotted(verified.lowest))}
    assert {operator for operator, _ in bounds} <= {"<", ">=", "!="}  # nothing wider


def test_the_installed_feedparser_is_one_the_patch_was_checked_with() -> None:
    import feedparser

    feedparsing.VERIFIED.check(feedparser.__version__)


def _dotted(release: tuple[int, ...]) -> str:
    return ".".join(map(str, release))
