"""The store's query modules read a row's columns by name, never by position, so a column added
to a table or to a query's list shifts nothing: a read of more than one column goes through
``database.named`` (``row["title"]``); only a one-column query is read as ``row[0]``."""

from __future__ import annotations

import ast
from pathlib import Path

STORE = Path(__file__).resolve().parents[2] / "desktop" / "store"
QUERY_CALLS = frozenset({"execute", "fetchone", "fetchall", "named"})


def _calls_a_query(node: ast.AST) -> bool:
    """Whether an expression runs or fetches a query."""
    for inner in ast.walk(node):
        if isinstance(inner, ast.Call):
            function = inner.func
            name = function.attr if isinstance(function, ast.Attribute) else None
            if isinstance(function, ast.Name):
                name = function.id
            if name in QUERY_CALLS:
                return True
    return False


def _positional_reads(tree: ast.AST) -> list[tuple[int, str]]:
    """Lines that read a query's columns by position: ``row[1]``, unpacking a row or a cursor
    into several names, ``dict()`` of a cursor's pairs."""
    results = {  # names bound to a query's cursor or rows, in any function
        target.id
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign) and _calls_a_query(node.value)
        for target in node.targets
        if isinstance(target, ast.Name)
    }
    return [
        (
            node.target.lineno if isinstance(node, ast.comprehension) else node.lineno,
            ast.unparse(node),
        )
        for node in ast.walk(tree)
        if isinstance(node, (ast.expr, ast.stmt, ast.comprehension))
        and _reads_by_position(node, results)
    ]


def _reads_by_position(node: ast.AST, results: set[str]) -> bool:
    """Whether this node reads a query's columns by position."""
    if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant):
        return isinstance(node.slice.value, int) and node.slice.value >= 1
    if isinstance(node, ast.Assign):
        unpacks = any(isinstance(target, ast.Tuple) for target in node.targets)
        return unpacks and _calls_a_query(node.value)
    if isinstance(node, (ast.For, ast.comprehension)) and isinstance(node.target, ast.Tuple):
        source = node.iter
        return _calls_a_query(source) or (isinstance(source, ast.Name) and source.id in results)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "dict":
        return any(_calls_a_query(arg) for arg in node.args)
    return False


def test_the_query_modules_read_columns_by_name() -> None:
    modules = sorted(STORE.glob("*.py"))
    assert len(modules) > 10
    found = [
        f"{module.relative_to(STORE.parents[1])}:{line}: {code}"
        for module in modules
        for line, code in _positional_reads(ast.parse(module.read_text()))
    ]
    assert found == [], "Read these columns by name (database.named):\n" + "\n".join(found)


def test_reads_by_position_are_found() -> None:
    """The check finds each way of reading columns by position."""
    code = """
def one(connection):
    row = connection.execute("SELECT id, title FROM articles").fetchone()
    return row[1]

def two(connection):
    return [title for _, title in connection.execute("SELECT id, title FROM articles")]

def three(connection):
    articles, unread = connection.execute("SELECT count(*), 0 FROM articles").fetchone()

def four(connection):
    rows = connection.execute("SELECT id, title FROM articles")
    for key, title in rows:
        pass
    return dict(connection.execute("SELECT id, title FROM articles"))

def fine(connection):
    row = named(connection, "SELECT id, title FROM articles").fetchone()
    return row["title"], connection.execute("SELECT count(*) FROM articles").fetchone()[0]
"""
    lines = [line for line, _ in _positional_reads(ast.parse(code))]
    assert sorted(lines) == [4, 7, 10, 14, 16]
