"""The running window as a screen reader reads it (AT-SPI, as Orca does), and worked through it:
every control has a name, names say what is shown, the text size and the bookmark work through
their accessible actions and announce what they did."""

from __future__ import annotations

import re
import sqlite3

from desktop.paths import resolve
from tests.accessibility.reading_session import ReadingSession
from tests.accessibility.tree import find, has, nodes, showing

# The roles a person operates: each must have a name a screen reader can say.
INTERACTIVE = {
    "push button",
    "toggle button",
    "check box",
    "radio button",
    "combo box",
    "text",
    "entry",
    "password text",
    "spin button",
    "slider",
    "menu item",
    "check menu item",
    "radio menu item",
    "table",
    "tree table",
    "list",
    "tree",
    "page tab",
    "link",
}


def _says_something(name: str) -> bool:
    """A name is words or figures, not only glyphs ("‹", "›", "»")."""
    return any(character.isalnum() for character in name)


def _code(name: str) -> str:
    """The currency code a currency box shows first ("USD — US Dollar" -> "USD")."""
    return name.split(" ")[0]


def test_the_window_is_read_with_its_article_list_and_market_panel(
    session: ReadingSession,
) -> None:
    tree = session.tree()
    assert tree["role"] == "application"
    articles = find(tree, "list", "Articles")
    assert showing(articles)
    assert any(item["role"] == "list item" and item["name"] for item in articles["children"])
    assert showing(find(tree, "panel", "Markets"))


def test_every_control_has_a_name_in_words(session: ReadingSession) -> None:
    unnamed = []
    for node, parent in nodes(session.tree()):
        within = parent or {"role": "", "name": ""}
        if within["role"] == "combo box":
            continue  # a combo box's own popup list: the box is named, and the list's items
        if node["role"] in INTERACTIVE and not _says_something(node["name"]):
            unnamed.append(
                f"{node['role']} {node['name']!r} in {within['role']} {within['name']!r}"
            )
    assert unnamed == []


def test_the_toolbar_and_the_article_have_names_of_their_own(session: ReadingSession) -> None:
    tree = session.tree()
    bar = next(node for node, _ in nodes(tree) if node["role"] == "tool bar")
    named = [node["name"] for node, _ in nodes(tree) if node["name"] == bar["name"]]
    assert named == [bar["name"]]  # no other object is called as the toolbar is
    assert {"Previous article", "Next article"} <= {child["name"] for child in bar["children"]}


def test_the_converter_says_its_figures_and_its_boxes_their_labels(
    session: ReadingSession,
) -> None:
    tree = session.tree()
    amount = find(tree, "text", "Amount to convert")["text"]
    source = next(n for n, _ in nodes(tree) if n.get("labelled_by") == ["From"])
    target = next(n for n, _ in nodes(tree) if n.get("labelled_by") == ["To"])
    assert source["role"] == target["role"] == "combo box"
    shown = rf"{re.escape(amount)} {source['name']} = [\d.,]+ {target['name']}"
    labels = [node["name"] for node, _ in nodes(tree) if node["role"] == "label"]
    assert any(re.fullmatch(shown, label) for label in labels), labels


def test_the_market_lines_say_what_they_show(session: ReadingSession) -> None:
    tree = session.tree()
    base = next(n for n, _ in nodes(tree) if n.get("labelled_by") == ["Base"])
    heading = f"Currencies per 1 {_code(base['name'])}"
    assert find(tree, "table", "Currency rates")["labelled_by"] == [heading]
    labels = {node["name"] for node, _ in nodes(tree) if node["role"] == "label"}
    assert heading in labels
    # The sample snapshot is not live, and the line under the panel says so in those words.
    assert any(" — not live." in label for label in labels), labels
    assert any(label.startswith("Stock quotes are not live.") for label in labels), labels
    # Names that stood for what is shown, and hid it, are gone.
    paraphrases = {"Market status", "Conversion result", "Live quotes need an API key"}
    assert not labels & paraphrases


def test_sections_say_their_counts_and_articles_their_dates(session: ReadingSession) -> None:
    tree = session.tree()
    sections = [item["name"] for item in find(tree, "list", "Sections")["children"]]
    assert any(re.fullmatch(r"Unread, \d+ articles?", name) for name in sections), sections
    articles = [item["name"] for item in find(tree, "list", "Articles")["children"]]
    assert articles
    for name in articles:  # headline, source, date ("25 Oct 2024", "14:05"), then states
        assert re.search(r", [^,]*\d[^,]*(, unread)?(, bookmarked)?$", name), name


def test_the_text_size_control_works_through_its_actions(session: ReadingSession) -> None:
    tree = session.tree()
    percent = find(tree, "push button", lambda name: name.startswith("Text size "))
    assert percent["name"] == "Text size 100 %"
    heard = session.act("push button", "Larger text", "Press", listen=True)
    assert heard == ["Text size 110 %"]
    session.wait_until(lambda tree: has(tree, "push button", "Text size 110 %"), "110 %")
    # The percentage opens the menu of sizes; a screen reader finds it as it opens.
    assert session.choose("push button", "Text size 110 %", "150 %") == ["Text size 150 %"]
    assert has(session.tree(), "push button", "Text size 150 %")
    assert session.act("push button", "Smaller text", "Press", listen=True) == ["Text size 125 %"]


def test_the_bookmark_works_through_its_action_and_says_its_state(
    session: ReadingSession,
) -> None:
    bookmark = find(session.tree(), "check box", "Bookmark")
    assert "checkable" in bookmark["states"] and "checked" not in bookmark["states"]
    assert session.act("check box", "Bookmark", "Press", listen=True) == ["Bookmarked"]
    checked = find(session.tree(), "check box", "Bookmark")
    assert "checked" in checked["states"]
    assert session.act("check box", "Bookmark", "Press", listen=True) == ["Bookmark removed"]
    assert "checked" not in find(session.tree(), "check box", "Bookmark")["states"]


def test_photos_are_described(session: ReadingSession) -> None:
    tree = session.tree()
    window = next(node for node in tree["children"] if node["role"] == "frame")
    title = window["name"].rsplit(" — ", 1)[0]
    store = sqlite3.connect(f"file:{resolve(session.data_dir).store}?mode=ro", uri=True)
    with store:
        (caption,) = store.execute(
            "SELECT caption FROM articles WHERE title = ? AND image_id IS NOT NULL", (title,)
        ).fetchone()
    store.close()
    assert caption
    said = [node.get("text", "") for node, _ in nodes(tree)]
    said += [node.get("image_description", "") for node, _ in nodes(tree)]
    assert any(caption in text for text in said)
