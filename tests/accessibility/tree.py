"""Looking things up in the accessible tree the walker dumped."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from tests.accessibility.reading_session import Node


def nodes(tree: Node, parent: Node | None = None) -> Iterator[tuple[Node, Node | None]]:
    """Every node of the tree, depth first, with its parent."""
    yield tree, parent
    for child in tree["children"]:
        yield from nodes(child, tree)


def find(tree: Node, role: str, name: str | Callable[[str], bool]) -> Node:
    """The first node with that role whose name is ``name`` (or passes it)."""
    for node, _ in nodes(tree):
        named = name(node["name"]) if callable(name) else node["name"] == name
        if node["role"] == role and named:
            return node
    raise AssertionError(f"no {role} named {name!r}")


def has(tree: Node, role: str, name: str) -> bool:
    """Whether the tree holds a node with that role and name."""
    return any(node["role"] == role and node["name"] == name for node, _ in nodes(tree))


def showing(node: Node) -> bool:
    """Whether the object is on screen."""
    return "showing" in node["states"]
