"""The running window as a screen reader reads it (AT-SPI, as Orca does), and worked through it."""

from __future__ import annotations

from tests.accessibility.reading_session import ReadingSession
from tests.accessibility.tree import find, showing


def test_the_window_is_read_with_its_article_list_and_market_panel(
    session: ReadingSession,
) -> None:
    tree = session.tree()
    assert tree["role"] == "application"
    articles = find(tree, "list", "Articles")
    assert showing(articles)
    assert any(item["role"] == "list item" and item["name"] for item in articles["children"])
    assert showing(find(tree, "panel", "Markets"))
