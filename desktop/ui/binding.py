"""A lighter per-import check in PySide6, made before the window's modules are imported.

Once PySide6 is loaded, its import hook asks of every module imported after it whether the
module uses PySide (for the opt-in ``from __feature__ import snake_case`` syntax, PYSIDE-2029).
It answers by reading the module's whole source through ``inspect.getsource``, which keeps every
line of every such module in ``linecache`` for the life of the process: at the first paint that
was 83 modules, 11 ms and 3.5 MB of the window's memory, and every later import (the refresh's
networking and parsing) added its own source. The same question, whether the text "PySide6"
occurs in the file, is answered here by reading the file's bytes, which caches nothing.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import PySide6.QtCore  # noqa: F401  (installs the import hook this adjusts)

_FEATURE_MODULE = "shibokensupport.feature"
_CHECK = "_mod_uses_pyside"


def lighten_module_checks() -> bool:
    """Replace PySide6's source check of each imported module by a plain read of its file;
    return whether it was replaced (False when this PySide6 has no such check)."""
    feature = sys.modules.get(_FEATURE_MODULE)
    check: Callable[[ModuleType], bool] | None = getattr(feature, _CHECK, None)
    if feature is None or check is None or getattr(check, "lightened", False):
        return False
    setattr(feature, _CHECK, _file_check(check))
    return True


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
