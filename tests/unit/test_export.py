"""Bookmark exports: Markdown and HTML that show titles as written and link where they should."""

from __future__ import annotations

from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path

import pytest

from desktop.domain import Article
from desktop.export import (
    ExportFormatError,
    export_format,
    to_html,
    to_markdown,
    write_bookmarks,
)

EXPORTED = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)


def bookmark(
    title: str = "Ferry returns",
    url: str | None = "https://paper.example/ferry",
    *,
    summary: str | None = None,
) -> Article:
    """A bookmarked article as the store would return it."""
    return Article(
        id=1,
        title=title,
        source="The Harbour Gazette",
        url=url,
        byline="By Maren Osei",
        published=datetime(2026, 11, 24, 6, 45, tzinfo=UTC),
        summary=summary,
        body_html="<p>Body.</p>",
        photo=None,
        caption=None,
        credit=None,
        read=False,
        bookmarked_at=datetime(2026, 11, 25, 9, 0, tzinfo=UTC),
    )


class _Page(HTMLParser):
    """Reads a page: checks that elements close in order and collects its links and text."""

    VOID = frozenset({"meta", "br", "link", "img", "hr"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.seen: list[str] = []
        self.links: list[tuple[str, str | None]] = []
        self.text: list[str] = []
        self.script = False
        self._link: list[str] | None = None
        self._href: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.seen.append(tag)
        self.script = self.script or tag == "script"
        if tag not in self.VOID:
            self.open.append(tag)
        if tag == "a":
            self._link, self._href = [], dict(attrs).get("href")

    def handle_endtag(self, tag: str) -> None:
        assert self.open and self.open[-1] == tag, f"</{tag}> closes {self.open}"
        self.open.pop()
        if tag == "a" and self._link is not None:
            self.links.append(("".join(self._link), self._href))
            self._link = None

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._link is not None:
            self._link.append(data)


def read(page: str) -> _Page:
    """Parse a whole exported page and check that nothing was left open."""
    reader = _Page()
    reader.feed(page)
    reader.close()
    assert reader.open == []
    return reader


def test_markdown_escapes_markup_in_titles() -> None:
    text = to_markdown([bookmark("*Big* _news_ [about] #tags <b>here</b>")], EXPORTED)
    escaped = r"\*Big\* \_news\_ \[about\] \#tags \<b\>here\</b\>"
    assert f"- [{escaped}](<https://paper.example/ferry>)" in text.splitlines()


def test_markdown_links_titles_to_their_urls() -> None:
    text = to_markdown([bookmark(), bookmark("Tide report", "https://x.example/a b")], EXPORTED)
    lines = text.splitlines()
    assert lines[0] == "# Broadsheet bookmarks"
    assert "- [Ferry returns](<https://paper.example/ferry>)" in lines
    assert "- [Tide report](<https://x.example/a b>)" in lines  # <...> allows a space


def test_markdown_lists_an_article_without_url_unlinked() -> None:
    lines = to_markdown([bookmark("Letter from the island", None)], EXPORTED).splitlines()
    assert "- Letter from the island" in lines
    assert not any("](" in line for line in lines)


def test_markdown_gives_source_byline_and_summary() -> None:
    lines = to_markdown([bookmark(summary="Four crossings a day.")], EXPORTED).splitlines()
    item = lines.index("- [Ferry returns](<https://paper.example/ferry>)")
    assert lines[item + 1].startswith("  The Harbour Gazette · By Maren Osei · 2026-11-2")
    assert lines[item + 2] == "  > Four crossings a day."


def test_markdown_of_no_bookmarks_says_so() -> None:
    text = to_markdown([], EXPORTED)
    assert "No bookmarks yet." in text.splitlines()
    assert "- " not in text


def test_html_escapes_a_script_in_a_title() -> None:
    title = "<script>alert('boo')</script> & more"
    page = to_html([bookmark(title)], EXPORTED)
    assert "<script>" not in page
    reader = read(page)
    assert not reader.script
    assert reader.links == [(title, "https://paper.example/ferry")]


def test_html_escapes_quotes_in_urls() -> None:
    url = 'https://paper.example/a"onmouseover="alert(1)'
    page = to_html([bookmark(url=url)], EXPORTED)
    assert 'href="https://paper.example/a&quot;onmouseover=&quot;alert(1)"' in page
    assert read(page).links == [("Ferry returns", url)]


def test_html_is_a_standalone_document() -> None:
    page = to_html(
        [bookmark(summary="Four crossings a day."), bookmark("Unlinked", None)], EXPORTED
    )
    assert page.startswith("<!DOCTYPE html>\n")
    reader = read(page)
    assert reader.seen[:4] == ["html", "head", "meta", "title"]
    assert '<meta charset="utf-8">' in page
    assert "body" in reader.seen and "dl" in reader.seen
    assert reader.links == [("Ferry returns", "https://paper.example/ferry")]
    text = "".join(reader.text)
    assert "Unlinked" in text and "Four crossings a day." in text
    assert "The Harbour Gazette · By Maren Osei" in text


def test_html_of_no_bookmarks_says_so() -> None:
    reader = read(to_html([], EXPORTED))
    assert "No bookmarks yet." in "".join(reader.text)
    assert reader.links == []


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("saved.html", "html"),
        ("saved.htm", "html"),
        ("SAVED.HTML", "html"),
        ("saved.md", "markdown"),
        ("saved.markdown", "markdown"),
    ],
)
def test_export_format_follows_the_suffix(name: str, expected: str) -> None:
    assert export_format(Path(name)) == expected


@pytest.mark.parametrize("name", ["saved.txt", "saved", "saved.html.bak"])
def test_other_suffixes_are_refused_with_advice(name: str) -> None:
    with pytest.raises(ExportFormatError) as caught:
        export_format(Path("/somewhere") / name)
    assert str(caught.value) == f"Choose a file name ending in .html or .md, not {name!r}."


def test_write_bookmarks_picks_the_format_by_name(tmp_path: Path) -> None:
    write_bookmarks([bookmark()], tmp_path / "b.md", EXPORTED)
    write_bookmarks([bookmark()], tmp_path / "b.html", EXPORTED)
    markdown = (tmp_path / "b.md").read_text(encoding="utf-8")
    assert "[Ferry returns](<https://paper.example/ferry>)" in markdown
    page = (tmp_path / "b.html").read_text(encoding="utf-8")
    assert read(page).links == [("Ferry returns", "https://paper.example/ferry")]
    with pytest.raises(ExportFormatError):
        write_bookmarks([bookmark()], tmp_path / "b.txt", EXPORTED)
    assert not (tmp_path / "b.txt").exists()
