"""The command line run as a person runs it: a new process per command, over a real data folder."""

from __future__ import annotations

import json
import math
import os
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from datetime import datetime
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from desktop.paths import resolve
from desktop.wording import size
from tests.commands import broadsheet
from tests.factories import add_articles
from tests.locks import exclusive_lock

ROOT = Path(__file__).resolve().parents[2]
ROW_KEYS = {"id", "title", "source", "published", "url", "read", "bookmarked"}
RATE_KEYS = {"code", "name", "rate", "as_of", "undated", "saved", "provider", "stale"}
QUOTE_KEYS = {
    "symbol",
    "name",
    "price",
    "change",
    "percent",
    "currency",
    "as_of",
    "undated",
    "saved",
    "provider",
    "stale",
}
SAMPLE_PROVIDER = "Sample edition snapshot"


def succeed(data: Path, *arguments: str) -> str:
    """Run a command that must work quietly; return its standard output."""
    result = broadsheet(data, *arguments)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return result.stdout


def succeed_json(data: Path, *arguments: str) -> Any:
    """Run a command with ``--json`` appended and parse what it prints."""
    return json.loads(succeed(data, *arguments, "--json"))


def fail_with_one_line(data: Path, *arguments: str) -> str:
    """Run a command that must fail with exit code 1 and one plain line on stderr; return it."""
    result = broadsheet(data, *arguments)
    assert result.returncode == 1, (result.stdout, result.stderr)
    assert "Traceback" not in result.stdout + result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].strip()
    return lines[0]


def listed(data: Path, *arguments: str) -> list[dict[str, Any]]:
    """The rows ``list --json`` prints."""
    rows = succeed_json(data, "list", *arguments)
    assert isinstance(rows, list)
    return rows


def article_titled(data: Path, start: str) -> dict[str, Any]:
    """The list row of the sample article whose title starts with ``start``."""
    (row,) = [row for row in listed(data) if row["title"].startswith(start)]
    return row


class _PageReader(HTMLParser):
    """Collects the links of an HTML page and checks that its elements are closed in order."""

    VOID = frozenset({"meta", "br", "link", "img", "hr", "input"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.links: list[tuple[str, str]] = []
        self._href: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in self.VOID:
            self.open.append(tag)
        if tag == "a":
            self._href = dict(attrs).get("href") or ""
            self._text = []

    def handle_endtag(self, tag: str) -> None:
        assert self.open and self.open[-1] == tag, f"</{tag}> closes {self.open}"
        self.open.pop()
        if tag == "a" and self._href is not None:
            self.links.append(("".join(self._text), self._href))
            self._href = None

    def handle_data(self, data: str) -> None:
        if self._href is not None:
            self._text.append(data)


def read_page(page: str) -> list[tuple[str, str]]:
    """The (text, href) links of a page whose every element is closed."""
    reader = _PageReader()
    reader.feed(page)
    reader.close()
    assert reader.open == []
    return reader.links


def test_version_names_the_release() -> None:
    from importlib import metadata

    installed = metadata.version("broadsheet")  # what pip built from pyproject.toml
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "--version"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=ROOT,
    )
    assert result.returncode == 0
    assert result.stdout.strip() == f"Broadsheet {installed}"


def test_the_installed_entry_point_runs_commands(tmp_path: Path) -> None:
    command = shutil.which("broadsheet", path=str(Path(sys.executable).parent))
    assert command is not None, "the broadsheet entry point is not installed beside Python"
    data = tmp_path / "profile"
    version = subprocess.run(
        [command, "--version"], capture_output=True, text=True, timeout=60, check=False
    )
    assert version.returncode == 0 and version.stdout.startswith("Broadsheet ")
    result = subprocess.run(
        [command, "--data-dir", str(data), "stats", "--json"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["articles"] == 8
    assert (data / "broadsheet.sqlite3").is_file()


def test_a_fresh_folder_lists_the_sample_edition_newest_first(tmp_path: Path) -> None:
    rows = listed(tmp_path / "fresh")
    assert len(rows) == 8
    assert all(set(row) == ROW_KEYS for row in rows)
    published = [datetime.fromisoformat(row["published"]) for row in rows]
    assert all(moment.utcoffset() is not None for moment in published)
    assert published == sorted(published, reverse=True)
    assert len({row["id"] for row in rows}) == 8
    assert {row["source"] for row in rows} == {
        "The Harbour Gazette",
        "The Valley Courier",
        "The Carrowmere Herald",
    }
    assert rows[0]["title"].startswith("Carrowmere market hall reopens")
    assert all(row["url"].startswith("https://") for row in rows)
    assert not any(row["read"] or row["bookmarked"] for row in rows)


def test_the_text_listing_shows_one_line_per_article(tmp_path: Path) -> None:
    lines = succeed(tmp_path / "fresh", "list").splitlines()
    assert len(lines) == 8
    assert "The Carrowmere Herald: Carrowmere market hall reopens" in lines[0]


def test_sections_search_and_limit(tmp_path: Path) -> None:
    data = tmp_path / "fresh"
    assert len(listed(data, "--section", "unread")) == 8
    assert listed(data, "--section", "bookmarks") == []
    ferry = listed(data, "--search", "ferr")  # a prefix of "ferry"
    assert "Restored ferry Margit returns to the north quay after eleven years ashore" in {
        row["title"] for row in ferry
    }
    assert 0 < len(ferry) < 8
    assert listed(data, "--search", "ferr", "--limit", "1") == ferry[:1]
    assert listed(data, "--search", "zeppelinxyz") == []
    assert listed(data, "--limit", "3") == listed(data)[:3]


def test_a_search_without_matches_says_so_in_text(tmp_path: Path) -> None:
    assert succeed(tmp_path / "fresh", "list", "--search", "zeppelinxyz").strip() == (
        "No articles match."
    )


def test_show_json_has_the_whole_article_with_its_photo(tmp_path: Path) -> None:
    data = tmp_path / "fresh"
    row = article_titled(data, "Restored ferry Margit")
    article = succeed_json(data, "show", str(row["id"]))
    assert article["id"] == row["id"]
    assert article["title"] == row["title"]
    assert article["byline"] == "By Maren Osei"
    assert article["caption"] == "The restored ferry leaves the north quay on its first crossing"
    assert article["credit"] == "Illustration: © Broadsheet Studio"
    assert article["source"] == "The Harbour Gazette"
    assert Path(article["image"]).is_file()
    assert Path(article["image"]).is_relative_to(data)
    assert "<h2>" in article["body_html"]
    assert article["bookmarked"] is False and article["bookmarked_at"] is None


def test_show_prints_headline_then_details_caption_and_body(tmp_path: Path) -> None:
    data = tmp_path / "fresh"
    row = article_titled(data, "Restored ferry Margit")
    lines = succeed(data, "show", str(row["id"])).splitlines()
    assert lines[0] == row["title"]
    assert lines[1].startswith("By Maren Osei · The Harbour Gazette · ")
    assert "T06:45" not in lines[1]  # a date for people, not ISO 8601
    assert (
        "[Photo] The restored ferry leaves the north quay on its first crossing"
        " / Illustration: © Broadsheet Studio"
    ) in lines
    assert "Eleven years in the shed" in lines  # a subheading is a line of its own
    assert not any("<" in line and ">" in line for line in lines)


def test_show_dates_the_article_in_full_in_local_time(tmp_path: Path) -> None:
    data = tmp_path / "fresh"
    row = article_titled(data, "Restored ferry Margit")
    assert row["published"] == "2026-11-24T06:45:00+00:00"
    west = {**os.environ, "TZ": "PST+8"}  # eight hours behind UTC: the evening before
    shown = broadsheet(data, "show", str(row["id"]), env=west)
    assert shown.returncode == 0, shown.stderr
    byline = shown.stdout.splitlines()[1]
    assert byline == "By Maren Osei · The Harbour Gazette · Monday 23 November 2026, 22:45"
    as_json = json.loads(broadsheet(data, "show", str(row["id"]), "--json", env=west).stdout)
    assert as_json["published"] == "2026-11-24T06:45:00+00:00"


def test_a_bookmark_shows_in_its_section_and_the_counts(tmp_path: Path) -> None:
    data = tmp_path / "fresh"
    row = article_titled(data, "Night train to the coast")
    said = succeed(data, "bookmark", str(row["id"]))
    assert said.strip() == f"Bookmarked article {row['id']}."
    saved = listed(data, "--section", "bookmarks")
    assert [one["id"] for one in saved] == [row["id"]]
    assert saved[0]["bookmarked"] is True
    assert succeed_json(data, "stats")["bookmarks"] == 1
    assert succeed_json(data, "show", str(row["id"]))["bookmarked_at"] is not None


def test_bookmark_off_removes_it(tmp_path: Path) -> None:
    data = tmp_path / "fresh"
    row = article_titled(data, "Night train to the coast")
    succeed(data, "bookmark", str(row["id"]))
    assert succeed(data, "bookmark", str(row["id"]), "--off").strip() == "Removed the bookmark."
    assert listed(data, "--section", "bookmarks") == []
    assert succeed_json(data, "stats")["bookmarks"] == 0


def test_bookmarks_export_as_html_escapes_titles(tmp_path: Path) -> None:
    data = tmp_path / "fresh"
    row = article_titled(data, "Seed library opens")  # "Hollinsford's": an apostrophe to escape
    succeed(data, "bookmark", str(row["id"]))
    target = tmp_path / "saved.html"
    said = succeed(data, "bookmarks", "export", str(target))
    assert said.strip() == f"Exported 1 bookmark to {target}."
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "Hollinsford&#x27;s" in page and "Hollinsford's" not in page
    assert read_page(page) == [(row["title"], row["url"])]


def test_bookmarks_export_as_markdown_links_titles(tmp_path: Path) -> None:
    data = tmp_path / "fresh"
    row = article_titled(data, "Seed library opens")
    succeed(data, "bookmark", str(row["id"]))
    target = tmp_path / "saved.md"
    succeed(data, "bookmarks", "export", str(target))
    lines = target.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "# Broadsheet bookmarks"
    assert f"- [{row['title']}](<{row['url']}>)" in lines


def test_bookmarks_export_refuses_an_unknown_suffix(tmp_path: Path) -> None:
    target = tmp_path / "saved.txt"
    line = fail_with_one_line(tmp_path / "fresh", "bookmarks", "export", str(target))
    assert ".html or .md" in line and "saved.txt" in line
    assert not target.exists()


def test_stats_of_the_sample_edition(tmp_path: Path) -> None:
    figures = succeed_json(tmp_path / "fresh", "stats")
    assert set(figures) == {"articles", "unread", "bookmarks", "sources", "db_bytes"}
    assert (figures["articles"], figures["unread"], figures["bookmarks"]) == (8, 8, 0)
    assert figures["sources"] == 3
    assert figures["db_bytes"] > 0


def test_stats_in_text_reads_counts_and_sizes_for_people(data_dir: Path) -> None:
    paths = resolve(data_dir)
    add_articles(paths.store, paths.images, 1200)
    lines = succeed(data_dir, "stats").splitlines()
    assert lines[:4] == [
        "  Articles: 1,208",
        "    Unread: 1,208",
        " Bookmarks: 0",
        "   Sources: 4",
    ]
    figures = succeed_json(data_dir, "stats")
    assert figures["articles"] == 1208 and isinstance(figures["db_bytes"], int)
    (store_size,) = lines[4:]
    assert store_size == f"Store size: {size(figures['db_bytes'])}"
    assert store_size.endswith((" KB", " MB"))


def test_market_in_dollars(tmp_path: Path) -> None:
    report = succeed_json(tmp_path / "fresh", "market")
    assert set(report) == {"base", "rates", "quotes"}
    assert report["base"] == "USD"
    rates = {rate["code"]: rate for rate in report["rates"]}
    assert len(report["rates"]) == len(rates) == 169
    assert all(set(rate) == RATE_KEYS for rate in report["rates"])
    assert "USD" not in rates
    assert rates["AED"]["rate"] == 3.673031
    assert rates["EUR"]["rate"] == 0.921075
    assert rates["EUR"]["name"] == "Euro"
    assert rates["XAU"]["rate"] == 0.000367
    assert all(rate["stale"] is True for rate in report["rates"])
    assert {rate["provider"] for rate in report["rates"]} == {SAMPLE_PROVIDER}
    assert {datetime.fromisoformat(rate["as_of"]) for rate in report["rates"]} == {
        datetime.fromisoformat("2024-10-25T16:00:00+00:00")
    }


def test_market_quotes(tmp_path: Path) -> None:
    quotes = succeed_json(tmp_path / "fresh", "market")["quotes"]
    assert len(quotes) == 16
    assert all(set(quote) == QUOTE_KEYS for quote in quotes)
    by_symbol = {quote["symbol"]: quote for quote in quotes}
    rbgpf, bti = by_symbol["RBGPF"], by_symbol["BTI"]
    assert (rbgpf["change"], rbgpf["price"], rbgpf["percent"]) == (61.11, 61.11, 100)
    assert (bti["change"], bti["price"], bti["percent"]) == (-0.87, 34.5, -2.52)
    assert all(quote["stale"] is True for quote in quotes)
    assert {quote["provider"] for quote in quotes} == {SAMPLE_PROVIDER}


def test_market_in_euros(tmp_path: Path) -> None:
    report = succeed_json(tmp_path / "fresh", "market", "--base", "EUR")
    assert report["base"] == "EUR"
    rates = {rate["code"]: rate["rate"] for rate in report["rates"]}
    assert "EUR" not in rates
    assert len(rates) == 169
    expected = float(Decimal(1) / Decimal("0.921075"))
    assert math.isclose(rates["USD"], expected, rel_tol=1e-12)
    assert math.isclose(
        rates["AED"], float(Decimal("3.673031") / Decimal("0.921075")), rel_tol=1e-12
    )


def test_market_text_lists_both_tables(tmp_path: Path) -> None:
    text = succeed(tmp_path / "fresh", "market")
    assert text.startswith("Currencies, units per 1 USD:")
    assert "Stocks:" in text
    assert any(line.split()[:1] == ["BTI"] and "▼" in line for line in text.splitlines())
    (euro,) = [line for line in text.splitlines() if line.split()[:1] == ["EUR"]]
    assert euro.endswith("Euro  (as of 2024-10-25 16:00 UTC, Sample edition snapshot, stale)")


def test_market_with_an_unknown_base(tmp_path: Path) -> None:
    line = fail_with_one_line(tmp_path / "fresh", "market", "--base", "XXX")
    assert "XXX" in line


@pytest.mark.parametrize("command", ["show", "bookmark"])
def test_a_missing_article_is_one_line(tmp_path: Path, command: str) -> None:
    line = fail_with_one_line(tmp_path / "fresh", command, "999")
    assert "999" in line


@pytest.mark.parametrize(
    ("arguments", "named"),
    [
        (("list", "--limit", "0"), "--limit"),
        (("list", "--limit", "many"), "--limit"),
        (("list", "--section", "nope"), "nope"),
        (("frobnicate",), "frobnicate"),
        (("bookmarks",), "ACTION"),
    ],
)
def test_bad_arguments_are_one_line(tmp_path: Path, arguments: tuple[str, ...], named: str) -> None:
    line = fail_with_one_line(tmp_path / "fresh", *arguments)
    assert named in line and "--help" in line


def test_a_damaged_store_is_moved_aside_and_the_command_still_works(tmp_path: Path) -> None:
    data = tmp_path / "fresh"
    data.mkdir()
    junk = bytes(range(256)) * 16  # 4 KB that are no SQLite database
    (data / "broadsheet.sqlite3").write_bytes(junk)
    result = broadsheet(data, "list")
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) == 8
    (notice,) = result.stderr.splitlines()
    (moved,) = data.glob("broadsheet.sqlite3.damaged-*")
    assert str(moved) in notice and "damaged" in notice
    assert moved.read_bytes() == junk
    assert broadsheet(data, "list").stderr == ""  # only the first run has anything to say


@pytest.fixture
def locked_store(data_dir: Path) -> Iterator[Path]:
    """A data folder whose store another process holds with an exclusive lock until the end."""
    with exclusive_lock(data_dir / "broadsheet.sqlite3"):
        yield data_dir


def test_a_locked_store_is_one_line(locked_store: Path) -> None:
    line = fail_with_one_line(locked_store, "list")
    assert "locked" in line
    assert str(locked_store / "broadsheet.sqlite3") in line


def test_an_existing_profile_is_not_seeded_again(data_dir: Path) -> None:
    assert len(listed(data_dir)) == 8
    assert succeed_json(data_dir, "stats")["articles"] == 8


def test_the_command_line_never_imports_qt(tmp_path: Path) -> None:
    script = textwrap.dedent(
        """
        import sys
        import desktop.cli, desktop.__main__
        code = desktop.__main__.main(["--data-dir", sys.argv[1], "list"])
        assert code == 0, code
        qt = sorted(name for name in sys.modules if name.startswith("PySide6"))
        assert not qt, qt
        print("no Qt")
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "fresh")],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "no Qt"
