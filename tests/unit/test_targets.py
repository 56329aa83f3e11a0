"""What the window is asked to open from outside (links, URIs, paths), and how the command line
tells such targets from its commands; no Qt."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop import __main__ as entry
from desktop import cli
from desktop.ingest.targets import FeedLink, LocalFile, Unopenable, read_target

FEED = Path(__file__).resolve().parents[1] / "fixtures" / "feeds" / "rss20.xml"


@pytest.mark.parametrize(
    ("text", "url"),
    [
        ("feed:https://example.org/rss.xml", "https://example.org/rss.xml"),
        ("feed:http://127.0.0.1:8080/feed.xml", "http://127.0.0.1:8080/feed.xml"),
        ("feed://example.org/rss.xml", "https://example.org/rss.xml"),
        ("FEED://example.org/a?b=c", "https://example.org/a?b=c"),
        ("feed:example.org/rss.xml", "https://example.org/rss.xml"),
        ("feed://https://example.org/rss.xml", "https://example.org/rss.xml"),
        ("https://example.org/news", "https://example.org/news"),
        ("  http://[::1]:8080/feed  ", "http://[::1]:8080/feed"),
    ],
)
def test_feed_links_and_web_addresses_become_the_address_to_subscribe_to(
    text: str, url: str
) -> None:
    assert read_target(text, Path("/")) == FeedLink(url)


@pytest.mark.parametrize(
    "text",
    ["feed:", "feed://", "feed:ftp://example.org/x", "https://", "http://exa mple.org/feed",
     "feed:https://[::1/feed", "https://example.org:port/feed"],
)  # fmt: skip
def test_a_malformed_link_is_one_sentence(text: str) -> None:
    target = read_target(text, Path("/"))
    assert target == Unopenable(text, f"Could not open {text}: it is not a complete web address.")


def test_paths_and_file_uris_name_local_files(tmp_path: Path) -> None:
    page = tmp_path / "saved page.html"
    page.write_text("<p>Hi</p>", encoding="utf-8")
    assert read_target(str(page), Path("/elsewhere")) == LocalFile(page)
    assert read_target("saved page.html", tmp_path) == LocalFile(page)  # against its own folder
    assert read_target(page.as_uri(), Path("/")) == LocalFile(page)  # "saved%20page.html"
    assert read_target(f"file://localhost{page}", Path("/")) == LocalFile(page)


def test_files_that_cannot_be_opened_are_one_sentence_each(tmp_path: Path) -> None:
    missing = tmp_path / "gone.xml"
    assert read_target("gone.xml", tmp_path) == Unopenable(
        "gone.xml", f"Could not open {missing}: there is no such file."
    )
    assert read_target(str(tmp_path), Path("/")) == Unopenable(
        str(tmp_path),
        f"Could not open {tmp_path}: it is a folder, not a feed, OPML file or saved page.",
    )
    remote = "file://server/share/news.xml"
    assert read_target(remote, Path("/")) == Unopenable(
        remote, f"Could not open {remote}: it is a file on another computer."
    )
    for text in ("mailto:editor@example.org", "javascript:alert(1)"):
        target = read_target(text, tmp_path)
        assert isinstance(target, Unopenable)
        assert target.sentence == (
            f"Could not open {text}: it is neither a feed link, a web address nor a file."
        )
    assert read_target(" ", tmp_path) == Unopenable(
        "", "Could not open an empty name: give a file or a feed link."
    )


def test_a_file_whose_name_looks_like_a_scheme_is_still_a_file(tmp_path: Path) -> None:
    odd = tmp_path / "notes:today.xml"
    odd.write_text("<rss/>", encoding="utf-8")
    assert read_target("notes:today.xml", tmp_path) == LocalFile(odd)


@pytest.mark.parametrize(
    ("words", "command"),
    [
        (["list"], True),
        (["--data-dir", "/tmp/p", "stats", "--json"], True),
        (["--data-dir=/tmp/p", "feeds", "add", "https://example.org"], True),
        (["convert", "-5", "USD", "EUR"], True),
        (["lsit"], True),  # a mistyped command is said to be one, not opened as a file
        (["-h"], True),
        (["feed:https://example.org/rss.xml"], False),
        (["--data-dir", "list"], False),  # a data folder called "list"
        (["/home/ann/list"], False),
        (["./import"], False),
        (["news.xml", "list"], False),  # only the first word can be a command
        (["file:///home/ann/stats"], False),
        ([], False),
        (["--data-dir", "/tmp/p"], False),
    ],
)
def test_only_the_first_word_that_is_not_an_option_can_name_a_command(
    words: list[str], command: bool
) -> None:
    assert cli.wants_command(words) is command


def test_an_existing_file_without_a_dot_is_a_target(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "headlines").write_text("<rss/>", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert not cli.wants_command(["headlines"])
    (tmp_path / "list").write_text("<rss/>", encoding="utf-8")
    assert cli.wants_command(["list"])  # a command wins; "./list" opens the file


def test_the_window_parser_takes_targets_and_the_data_folder() -> None:
    words = ["--data-dir", "/tmp/p", "feed://example.org/rss", str(FEED)]
    arguments = cli.build_parser(with_commands=False).parse_args(words)
    assert arguments.command is None
    assert arguments.data_dir == Path("/tmp/p")
    assert arguments.targets == ["feed://example.org/rss", str(FEED)]


def test_commands_still_run_from_the_entry_point(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert entry.main(["--data-dir", str(data_dir), "stats", "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["articles"] > 0 and figures["sources"] > 0
    assert entry.main(["--data-dir", str(data_dir), "list", "--limit", "2"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 2


def test_a_mistyped_command_is_a_usage_error(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stop:
        entry.main(["--data-dir", str(data_dir), "lsit"])
    assert stop.value.code == 1
    assert "invalid choice: 'lsit'" in capsys.readouterr().err
