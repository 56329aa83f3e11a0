"""The import rules of STYLE.md, checked by walking every import of the package (ast)."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import desktop

PACKAGE = Path(desktop.__file__).parent

ARCHITECTURE = Path(__file__).resolve().parents[2] / "docs" / "architecture.md"
_TABLE = re.compile(r"<!-- layers:.*?-->(.*?)<!-- end of layers -->", re.S)
_NONE = "–"


def documented_layers(text: str) -> dict[str, set[str]]:
    """The layers table of docs/architecture.md: which layers each layer may import."""
    found = _TABLE.search(text)
    assert found is not None, "docs/architecture.md has no layers table"
    rows = [line.strip().strip("|").split("|") for line in found[1].strip().splitlines()[2:]]
    return {
        cells[0].strip(): {
            name.strip() for name in cells[2].split(",") if name.strip() not in {"", _NONE}
        }
        for cells in rows
    }


# Which layers each layer may import (besides itself), as docs/architecture.md says.
ALLOWED: dict[str, set[str]] = documented_layers(ARCHITECTURE.read_text(encoding="utf-8"))
QT_LAYERS = {"app", "ui", "tasks", "selftest"}
# Layers that run no SQL: they may not import the database drivers (docs/architecture.md).
SQL_FREE_LAYERS = {"ui"}
SQL_MODULES = {"sqlite3", "sqlalchemy", "alembic"}
PACKAGE_NAMES = {"APP_NAME", "APP_ID", "version", "__version__"}


def layer_of(module: str) -> str:
    """The layer a module of the package belongs to (names defined in ``desktop/__init__.py``,
    such as ``desktop.version``, belong to the package itself)."""
    parts = module.split(".")
    if len(parts) == 1 or parts[1] in PACKAGE_NAMES:
        return "package"
    return {"__main__": "main"}.get(parts[1], parts[1])


def imports_of(source: str, module: str, is_package: bool = False) -> Iterator[str]:
    """Every module a source file imports, at any depth; ``from a import b`` gives ``a.b``
    (which ``layer_of`` reads the same whether b is a module or a name), relative ones resolved."""
    package = module if is_package else module.rsplit(".", 1)[0]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{parent}.{node.module}" if node.module else parent
            yield from (f"{base}.{alias.name}" for alias in node.names)


def may_import(importer: str, imported: str) -> bool:
    """Whether a layer may import a module of the package: one of the layers its row names, or a
    module its row names by dotted path (``store.errors``: that module, not the rest of store)."""
    target = layer_of(imported)
    if target == importer or target in ALLOWED[importer]:
        return True
    path = imported.split(".", 1)[1] if "." in imported else ""
    return any(
        "." in entry and (path == entry or path.startswith(f"{entry}."))
        for entry in ALLOWED[importer]
    )


def violations(files: dict[str, str]) -> list[str]:
    """Forbidden edges among modules given as {module name: source}."""
    found = []
    for module, source in files.items():
        importer = layer_of(module)
        for imported in imports_of(source, module, is_package=module in PACKAGES):
            top = imported.split(".")[0]
            if top == "PySide6" and importer not in QT_LAYERS:
                found.append(f"{module} imports {imported}: Qt only in app, ui and tasks")
            if top in SQL_MODULES and importer in SQL_FREE_LAYERS:
                found.append(f"{module} imports {imported}: {importer} runs no SQL")
            if top != "desktop" or may_import(importer, imported):
                continue
            target = layer_of(imported)
            found.append(f"{module} imports {imported}: {importer} may not import {target}")
    return found


def package_sources() -> dict[str, str]:
    """Every module of the package, by dotted name."""
    files = {}
    for path in PACKAGE.rglob("*.py"):
        relative = path.relative_to(PACKAGE.parent).with_suffix("")
        name = ".".join(relative.parts).removesuffix(".__init__")
        files[name] = path.read_text(encoding="utf-8")
    return files


PACKAGES = {
    ".".join(path.relative_to(PACKAGE.parent).parts[:-1]) for path in PACKAGE.rglob("__init__.py")
}


def test_the_package_follows_the_import_rules() -> None:
    assert violations(package_sources()) == []


def test_every_module_belongs_to_a_known_layer() -> None:
    assert {layer_of(name) for name in package_sources()} <= set(ALLOWED)


def test_the_checker_catches_forbidden_edges() -> None:
    sneaky = {
        "desktop.store.leak": "from desktop.ui import main_window",
        "desktop.ingest.cheat": "import desktop.store.articles",
        "desktop.cli": "def f():\n    from PySide6 import QtWidgets",
        "desktop.domain": "from . import settings",
        "desktop.market.x": "from ..store import articles",
        "desktop.ui.reads": "from desktop.store import articles",
        "desktop.ui.query": "import sqlite3",
        "desktop.ui.orm": "from sqlalchemy import select",
        "desktop.ui.sneaky": "from desktop.store.errors_and_queries import q",
    }
    found = violations(sneaky)
    assert len(found) == 9, found


def test_a_layer_may_import_a_module_its_row_names_and_only_that() -> None:
    allowed = {
        "desktop.ui.ok": "from desktop.store.errors import StoreError",
        "desktop.ui.also_ok": "import desktop.store.errors",
        "desktop.ui.reads": "from desktop.operations.reading import WindowReads",
    }
    assert violations(allowed) == []
    assert ALLOWED["ui"] >= {"operations", "store.errors"} and "store" not in ALLOWED["ui"]


def test_the_architecture_document_names_every_layer_once() -> None:
    text = ARCHITECTURE.read_text(encoding="utf-8")
    rows = _TABLE.search(text)
    assert rows is not None
    names = [line.strip().strip("|").split("|")[0].strip() for line in rows[1].strip().splitlines()]
    assert len(names[2:]) == len(set(names[2:])) == len(ALLOWED)
    assert {"domain", "store", "ingest", "operations", "tasks", "ui", "app"} <= set(ALLOWED)
    # read as the table writes it
    assert ALLOWED["ingest"] == {"domain", "package", "patching", "moments"}
