"""Compression bombs through the real commands: refused as too large at the cap, for every
encoding and stacked ones, in a child process whose peak memory stays far below 200 MB."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from tests.hostile import ENCODINGS, HostileSite, rss, run_measured
from tests.marketserver import environment, serve_every_provider

MEMORY_BOUND_MB = 200


@pytest.fixture
def hostile(httpserver: HTTPServer) -> HostileSite:
    """The hostile site on this test's server."""
    return HostileSite(httpserver)


def _counts(data: Path) -> tuple[int, int]:
    """How many articles and bookmarks the store holds."""
    stats = json.loads(run_measured(data, "stats", "--json").stdout)
    return stats["articles"], stats["bookmarks"]


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_a_bombed_feed_is_that_feeds_error_and_the_others_are_stored(
    hostile: HostileSite, tmp_path: Path, encoding: str
) -> None:
    data = tmp_path / "profile"
    good = hostile.serve("/good.xml", rss("Good", [("Calm news", "calm")], hostile.url("")))
    assert run_measured(data, "feeds", "add", good).returncode == 0
    assert run_measured(data, "bookmark", "1").returncode == 0
    before = _counts(data)
    assert before[1] == 1
    bombed = hostile.serve_bomb("/bomb.xml", encoding, "application/rss+xml")
    opml = tmp_path / "bomb.opml"
    opml.write_text(
        f'<opml version="2.0"><body><outline text="B" type="rss" xmlUrl="{bombed}"/></body></opml>'
    )
    assert run_measured(data, "opml", "import", str(opml)).returncode == 0
    hostile.serve("/good.xml", rss("Good", [("Calm news", "calm"), ("More", "more")], "x"))
    result = run_measured(data, "refresh", "--json", "--no-images")
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    outcomes = {o["url"]: o for o in json.loads(result.stdout)}
    assert outcomes[bombed]["status"] == "failed"
    assert outcomes[bombed]["error"] == (
        f"The answer from {bombed} was larger than 10 MB, so it was not read."
    )
    assert result.peak_mb < MEMORY_BOUND_MB / 2, result.peak_mb
    assert _counts(data)[0] >= before[0] and _counts(data)[1] == before[1]


@pytest.mark.parametrize("encoding", ["br", "gzip, gzip"])
def test_extract_refuses_a_bombed_page_as_too_large(
    hostile: HostileSite, tmp_path: Path, encoding: str
) -> None:
    page = hostile.serve_bomb("/page.html", encoding, "text/html")
    result = run_measured(tmp_path / "profile", "extract", page)
    assert result.returncode == 1
    assert result.stderr.strip() == (
        f"broadsheet: The answer from {page} was larger than 10 MB, so it was not read."
    )
    assert result.peak_mb < MEMORY_BOUND_MB / 2, result.peak_mb


@pytest.mark.parametrize("encoding", ["br", "gzip, gzip"])
def test_market_refresh_refuses_a_bombed_provider_and_keeps_the_others(
    httpserver: HTTPServer, tmp_path: Path, encoding: str
) -> None:
    hostile = HostileSite(httpserver)
    env = {**os.environ, **environment(httpserver)}
    env["BROADSHEET_ERAPI_URL"] = hostile.serve_bomb("/bomb.json", encoding, "application/json")
    serve_every_provider(httpserver)
    result = run_measured(tmp_path / "profile", "market", "refresh", env=env)
    assert "Traceback" not in result.stdout + result.stderr
    assert "larger than 2 MB, so it was not read" in result.stdout + result.stderr
    assert result.peak_mb < MEMORY_BOUND_MB / 2, result.peak_mb


def test_a_bombed_photo_is_skipped_and_the_article_kept(
    hostile: HostileSite, tmp_path: Path
) -> None:
    from tests.hostile import rss_with_photo

    data = tmp_path / "profile"
    photo = hostile.serve_bomb("/photo.png", "br", "image/png")
    feed = hostile.serve("/pictured.xml", rss_with_photo("Pictured", photo, hostile.url("")))
    result = run_measured(data, "feeds", "add", feed)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert result.peak_mb < MEMORY_BOUND_MB / 2, result.peak_mb
    listed = json.loads(run_measured(data, "list", "--json").stdout)
    assert any(row["title"] == "Pictured story" for row in listed)
