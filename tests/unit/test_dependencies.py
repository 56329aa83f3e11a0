"""Installs are reproducible: every third-party module the app imports is a declared dependency,
and every declared dependency is pinned in requirements.lock at a version pyproject.toml allows."""

from __future__ import annotations

import ast
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[2]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def _requirements() -> list[Requirement]:
    extras = PROJECT["optional-dependencies"].values()
    return [Requirement(line) for group in [PROJECT["dependencies"], *extras] for line in group]


def _imported_modules() -> set[str]:
    """The top-level modules ``desktop`` imports, absolute imports only."""
    found: set[str] = set()
    for path in (ROOT / "desktop").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found.add(node.module.split(".")[0])
    return found


def _pins() -> dict[str, str]:
    pins: dict[str, str] = {}
    for line in (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, version = line.split("==")
            pins[canonicalize_name(name)] = version
    return pins


def test_every_third_party_import_is_a_declared_dependency() -> None:
    declared = {canonicalize_name(r.name) for r in _requirements()}
    owners = packages_distributions()
    third_party = _imported_modules() - set(sys.stdlib_module_names) - {"desktop", "__future__"}
    undeclared = {
        module: owners.get(module)
        for module in third_party
        if not {canonicalize_name(d) for d in owners.get(module, [])} & declared
    }
    assert not undeclared, f"imported but not declared in pyproject.toml: {undeclared}"


def test_every_declared_dependency_is_pinned_at_a_version_it_allows() -> None:
    pins = _pins()
    unpinned = [str(r) for r in _requirements() if canonicalize_name(r.name) not in pins]
    assert not unpinned, f"run `make lock`: not in requirements.lock: {unpinned}"
    outside = {
        str(r): pins[canonicalize_name(r.name)]
        for r in _requirements()
        if not r.specifier.contains(pins[canonicalize_name(r.name)], prereleases=True)
    }
    assert not outside, f"run `make lock`: pinned outside what pyproject.toml allows: {outside}"
