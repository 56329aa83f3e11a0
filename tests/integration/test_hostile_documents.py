"""Hostile documents through the real commands: each is that source's error or a clean skip,
never a traceback, and nothing stored is lost; what a terminal shows is printable text only."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from tests.commands import broadsheet, broadsheet_in_a_terminal
from tests.hostile import (
    CONTROL_TITLE,
    HostileSite,
    deep_json,
    deep_opml,
    deep_xml,
    flat_png,
    json_feed_with_huge_number,
    pixel_bomb,
    rss,
    rss_with_photo,
    run_measured,
    swollen_page,
    truncated_jpeg,
)

MEMORY_BOUND_MB = 200
ESCAPES = ("\x1b", "\x07", "\x00", "\x9b", "\u202e")


@pytest.fixture
def hostile(httpserver: HTTPServer) -> HostileSite:
    """The hostile site on this test's server."""
    return HostileSite(httpserver)


def _stats(data: Path) -> dict[str, int]:
    """The store's counts."""
    result = broadsheet(data, "stats", "--json")
    assert result.returncode == 0, result.stderr
    counts: dict[str, int] = json.loads(result.stdout)
    return counts


def _clean(result: object) -> None:
    """No traceback anywhere in what a command printed."""
    printed = getattr(result, "stdout", "") + getattr(result, "stderr", "")
    assert "Traceback" not in printed and "Error:" not in printed, printed


def _subscribe_all(data: Path, tmp_path: Path, *urls: str) -> None:
    """Subscribe to feeds through an OPML import (which fetches nothing)."""
    opml = tmp_path / "feeds.opml"
    outlines = "".join(f'<outline text="F" type="rss" xmlUrl="{url}"/>' for url in urls)
    opml.write_text(f'<opml version="2.0"><body>{outlines}</body></opml>')
    assert broadsheet(data, "opml", "import", str(opml)).returncode == 0


def test_a_json_feed_with_a_huge_number_is_read_and_stops_no_other_feed(
    hostile: HostileSite, tmp_path: Path
) -> None:
    data = tmp_path / "profile"
    numbers = hostile.serve(
        "/numbers.json", json_feed_with_huge_number(hostile.url("")), "application/feed+json"
    )
    good = hostile.serve("/good.xml", rss("Good", [("Calm news", "calm")], hostile.url("")))
    before = _stats(data)
    _subscribe_all(data, tmp_path, numbers, good)
    result = run_measured(data, "refresh", "--json", "--no-images")
    _clean(result)
    assert result.returncode == 0, result.stdout + result.stderr
    outcomes = {o["url"]: o for o in json.loads(result.stdout)}
    assert outcomes[good]["new"] == 1 and outcomes[numbers]["new"] == 1
    assert _stats(data)["articles"] == before["articles"] + 2
    added = broadsheet(data, "feeds", "add", numbers)
    assert added.returncode == 1 and "already" in added.stderr  # read, not crashed


def test_feeds_add_of_a_json_feed_with_a_huge_number_subscribes(
    hostile: HostileSite, tmp_path: Path
) -> None:
    numbers = hostile.serve(
        "/numbers.json", json_feed_with_huge_number(hostile.url("")), "application/feed+json"
    )
    result = broadsheet(tmp_path / "profile", "feeds", "add", numbers)
    _clean(result)
    assert result.returncode == 0 and "1 article" in result.stdout


@pytest.mark.parametrize(
    ("path", "body", "content_type"),
    [
        ("/deep.json", deep_json(), "application/feed+json"),
        ("/deep.xml", deep_xml(), "application/rss+xml"),
        ("/html.xml", b"<html><body><p>A page, not a feed</p></body></html>", "application/rss"),
        ("/json.xml", b'{"not": "a feed"}', "application/rss+xml"),
        ("/garbage.xml", bytes(range(256)) * 64, "application/rss+xml"),
        ("/empty.xml", b"", "application/rss+xml"),
    ],
)
def test_a_deep_or_mistyped_feed_is_one_sources_error(
    hostile: HostileSite, tmp_path: Path, path: str, body: bytes, content_type: str
) -> None:
    data = tmp_path / "profile"
    bad = hostile.serve(path, body, content_type)
    good = hostile.serve("/good.xml", rss("Good", [("Calm news", "calm")], hostile.url("")))
    assert broadsheet(data, "bookmark", "1").returncode == 0
    before = _stats(data)
    _subscribe_all(data, tmp_path, bad, good)
    result = run_measured(data, "refresh", "--json", "--no-images")
    _clean(result)
    assert result.returncode in (0, 2)
    assert result.peak_mb < MEMORY_BOUND_MB, result.peak_mb
    outcomes = {o["url"]: o for o in json.loads(result.stdout)}
    assert outcomes[good]["new"] == 1
    assert outcomes[bad]["status"] in {"failed", "updated"}
    if outcomes[bad]["status"] == "failed":
        assert outcomes[bad]["error"].endswith(".")
    after = _stats(data)
    assert after["articles"] == before["articles"] + 1
    assert after["bookmarks"] == before["bookmarks"] == 1
    added = broadsheet(data, "feeds", "add", bad)
    _clean(added)
    assert added.returncode == 1 and len(added.stderr.strip().splitlines()) == 1


def test_a_length_that_lies_beyond_the_cap_is_refused_unread(
    hostile: HostileSite, tmp_path: Path
) -> None:
    body = rss("Liar", [("A story", "story")], hostile.url(""))
    liar = hostile.serve("/liar.xml", body, headers={"Content-Length": str(1 << 40)})
    result = broadsheet(tmp_path / "profile", "feeds", "add", liar)
    _clean(result)
    assert result.returncode == 1
    assert "larger than 10 MB, so it was not read" in result.stderr


def test_an_opml_file_nested_ten_thousand_deep_keeps_the_outlines_up_to_a_limit(
    tmp_path: Path,
) -> None:
    data = tmp_path / "profile"
    opml = tmp_path / "deep.opml"
    opml.write_bytes(deep_opml(10_000, "http://127.0.0.1:9/deep.xml"))
    before = _stats(data)
    result = broadsheet(data, "opml", "import", str(opml))
    _clean(result)
    assert result.returncode == 0, result.stderr
    assert _stats(data)["sources"] == before["sources"] + 1
    imported = broadsheet(data, "import", str(opml))
    _clean(imported)
    assert imported.returncode == 0


def test_titles_with_terminal_escapes_print_as_plain_text_on_a_terminal(
    hostile: HostileSite, tmp_path: Path
) -> None:
    data = tmp_path / "profile"
    feed = hostile.serve("/escapes.xml", rss(CONTROL_TITLE, [(CONTROL_TITLE, "c")], "http://x"))
    code, subscribed = broadsheet_in_a_terminal(data, "feeds", "add", feed)
    assert code == 0
    listed = json.loads(broadsheet(data, "list", "--json").stdout)
    article = next(row for row in listed if "Calm" in row["title"])
    assert "\x1b" in article["title"] and "\u202e" in article["title"]  # JSON keeps it exact
    shown = [
        subscribed,
        broadsheet_in_a_terminal(data, "list")[1],
        broadsheet_in_a_terminal(data, "show", str(article["id"]))[1],
        broadsheet_in_a_terminal(data, "feeds", "list")[1],
    ]
    for text in shown:
        assert "Calm" in text
        assert not any(escape in text for escape in ESCAPES), repr(text)
    refreshed = broadsheet_in_a_terminal(data, "refresh")[1]  # its live line erases itself
    assert not any(escape in refreshed.replace("\x1b[K", "") for escape in ESCAPES)
    code, as_json = broadsheet_in_a_terminal(data, "list", "--json")
    assert not any(escape in as_json for escape in ESCAPES)
    assert json.loads(as_json)[0]["title"] == article["title"]


@pytest.mark.parametrize(
    ("name", "body", "content_type"),
    [
        ("bomb.png", pixel_bomb(), "image/png"),
        ("cut.jpg", truncated_jpeg(), "image/jpeg"),
        ("page.jpg", b"<html><body>not a picture</body></html>", "image/jpeg"),
        ("empty.png", b"", "image/png"),
        ("huge.png", flat_png(5900, 4000), "image/png"),  # 23.6 million pixels, decoded whole
    ],
)
def test_a_bad_picture_is_skipped_and_the_refresh_goes_on(
    hostile: HostileSite, tmp_path: Path, name: str, body: bytes, content_type: str
) -> None:
    from tests.newsroom import photo_bytes

    data = tmp_path / "profile"
    bad = hostile.serve(f"/photos/{name}", body, content_type)
    good_photo = hostile.serve("/photos/good.jpg", photo_bytes((10, 120, 200)), "image/jpeg")
    bad_feed = hostile.serve("/bad.xml", rss_with_photo("Bad", bad, hostile.url("/b")))
    good_feed = hostile.serve("/good.xml", rss_with_photo("Good", good_photo, hostile.url("/g")))
    _subscribe_all(data, tmp_path, bad_feed, good_feed)
    result = run_measured(data, "refresh", "--json")
    _clean(result)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.peak_mb < MEMORY_BOUND_MB, result.peak_mb
    rows = json.loads(broadsheet(data, "list", "--json").stdout)
    pictured = [row for row in rows if row["title"] == "Pictured story"]
    assert len(pictured) == 2
    shown = [json.loads(broadsheet(data, "show", str(r["id"]), "--json").stdout) for r in pictured]
    assert sorted(bool(article["image"]) for article in shown) == [False, True]


def test_a_saved_page_whose_lead_photo_is_a_pixel_bomb_imports_without_it(
    hostile: HostileSite, tmp_path: Path
) -> None:
    data = tmp_path / "profile"
    bomb = hostile.serve("/photos/bomb.png", pixel_bomb(), "image/png")
    page = tmp_path / "saved.html"
    paragraphs = "".join(
        f"<p>Paragraph {n} of the saved story tells what happened at the harbour in full.</p>"
        for n in range(8)
    )
    page.write_text(
        "<html><head><title>Saved story</title>"
        f'<meta property="og:image" content="{bomb}"></head>'
        f"<body><article><h1>Saved story</h1>{paragraphs}</article></body></html>"
    )
    before = _stats(data)
    result = run_measured(data, "import", str(page))
    _clean(result)
    assert result.returncode == 0, result.stderr
    assert _stats(data)["articles"] == before["articles"] + 1


def test_a_redirect_to_a_data_address_names_the_redirect_not_the_feed(
    hostile: HostileSite, tmp_path: Path
) -> None:
    moved = hostile.serve_redirect("/moved.xml", "data:text/xml,<rss/>")
    result = broadsheet(tmp_path / "profile", "feeds", "add", moved)
    _clean(result)
    assert result.returncode == 1
    line = result.stderr.strip()
    assert line == (
        f"broadsheet: {moved} sent Broadsheet on to an address that is not a web address, "
        "so it was not followed."
    )


def test_the_largest_picture_taken_whole_is_checked_within_the_memory_bound(
    hostile: HostileSite, tmp_path: Path
) -> None:
    data = tmp_path / "profile"
    photo = hostile.serve("/photos/large.png", flat_png(4000, 4000), "image/png")
    feed = hostile.serve("/large.xml", rss_with_photo("Large", photo, hostile.url("/l")))
    result = run_measured(data, "feeds", "add", feed)
    _clean(result)
    assert result.returncode == 0, result.stderr
    assert result.peak_mb < MEMORY_BOUND_MB, result.peak_mb
    rows = json.loads(broadsheet(data, "list", "--json").stdout)
    pictured = next(row for row in rows if row["title"] == "Pictured story")
    shown = json.loads(broadsheet(data, "show", str(pictured["id"]), "--json").stdout)
    assert shown["image"]


def test_a_page_of_a_great_many_elements_is_refused_within_the_memory_bound(
    hostile: HostileSite, tmp_path: Path
) -> None:
    data = tmp_path / "profile"
    body = swollen_page()
    page = hostile.serve("/swollen.html", body, "text/html")
    extracted = run_measured(data, "extract", page)
    saved = tmp_path / "swollen.html"
    saved.write_bytes(body)
    imported = run_measured(data, "import", str(saved))
    for result in (extracted, imported):
        _clean(result)
        assert result.returncode == 1
        assert "has more than 30,000 elements, far more than any article" in result.stderr
        assert result.peak_mb < MEMORY_BOUND_MB, result.peak_mb
