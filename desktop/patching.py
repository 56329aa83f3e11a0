"""Patches to other libraries' private code: the versions each was checked with, and a loud
refusal to patch any other.

A patch that replaces a library's private function is only right for the releases it was read
against; on another it may silently do the wrong thing. Each patch names its range here, and
pyproject.toml pins the library to the same range (a test keeps them equal).
"""

from __future__ import annotations

from itertools import takewhile
from typing import NamedTuple


class PatchVersionError(RuntimeError):
    """A library's installed version lies outside the range a patch to it was checked with."""


class Verified(NamedTuple):
    """A patch to a library and the versions it was checked against: ``lowest`` up to, and not
    including, ``below`` (release numbers, as in ``(6, 0, 11)``)."""

    patch: str
    library: str
    lowest: tuple[int, ...]
    below: tuple[int, ...]

    @property
    def specifier(self) -> str:
        """The range as pyproject.toml writes it, such as ``>=6.0.11,<6.1``."""
        return f">={_dotted(self.lowest)},<{_dotted(self.below)}"

    def check(self, version: str) -> None:
        """Raise ``PatchVersionError`` unless ``version`` lies in the range."""
        # The release numbers: 6.0.14 of 6.0.14.post1, 6.1 of 6.1.0rc1 (before 6.1.0, and after
        # every 6.0 release).
        release = tuple(map(int, takewhile(str.isdigit, version.strip().split("."))))
        if release and self.lowest <= release < self.below:
            return
        raise PatchVersionError(
            f"Broadsheet's patch to {self.patch} was checked with {self.library} "
            f"{self.specifier}, and {version} is installed: install {self.library} "
            f"{self.specifier}, or check the patch against {version} and widen its range."
        )


def _dotted(release: tuple[int, ...]) -> str:
    """A release number as written, such as ``6.0.11``."""
    return ".".join(map(str, release))
