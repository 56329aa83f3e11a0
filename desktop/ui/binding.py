"""A lighter per-import check in PySide6, applied as the window's process starts (``apply``).

Once PySide6 is loaded, its import hook asks of every module imported after it whether the
module uses PySide (for the opt-in ``from __feature__ import snake_case`` syntax, PYSIDE-2029).
It answers by reading the module's whole source through ``inspect.getsource``, which keeps every
line of every such module in ``linecache`` for the life of the process, the window's own modules
and every later import included. The same question, whether the text "PySide6" occurs in the
file, is answered here by reading the file's bytes, which caches nothing.

The check is private to PySide6, so ``apply`` first checks that the installed PySide6 is one this
was checked with (``VERIFIED``, which pyproject.toml pins) and refuses any other. Importing this
module changes nothing; ``python -m desktop`` applies it before importing the window's modules.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

from desktop.patching import PatchVersionError, Verified

VERIFIED = Verified(
    "PySide6's check of each import for its features (shibokensupport.feature)",
    "PySide6",
    lowest=(6, 11),
    below=(6, 13),
)
_FEATURE_MODULE = "shibokensupport.feature"
_CHECK = "_mod_uses_pyside"


def apply() -> None:
    """Load PySide6, check its version against ``VERIFIED`` and replace its source check of each
    imported module by a plain read of the file, once per process (``PatchVersionError`` when
    the version is outside the range, or when a PySide6 within it lacks the check)."""
    import PySide6.QtCore  # installs the import hook this adjusts

    VERIFIED.check(PySide6.__version__)
    feature = sys.modules.get(_FEATURE_MODULE)
    check: Callable[[ModuleType], bool] | None = getattr(feature, _CHECK, None)
    if check is None:
        raise PatchVersionError(
            f"PySide6 {PySide6.__version__} has no {_FEATURE_MODULE}.{_CHECK}, which Broadsheet's "
            f"patch to {VERIFIED.patch} replaces: reinstall PySide6 {VERIFIED.specifier}."
        )
    if not applied():
        setattr(feature, _CHECK, _file_check(check))


def applied() -> bool:
    """Whether this process's PySide6 checks imports by reading their files (``apply``)."""
    check = getattr(sys.modules.get(_FEATURE_MODULE), _CHECK, None)
    return bool(getattr(check, "lightened", False))


def _file_check(original: Callable[[ModuleType], bool]) -> Callable[[ModuleType], bool]:
    """A module uses PySide when its source file mentions it; a module without a source file
    (built in, compiled, or inside a bundle's archive) is asked the original way."""

    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            try:
                return b"PySide6" in Path(path).read_bytes()
            except OSError:
                pass
        return original(module)

    uses_pyside.lightened = True  # type: ignore[attr-defined]
    return uses_pyside
