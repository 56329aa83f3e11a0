"""The news commands as a person runs them: subscribe, refresh, OPML, import and extract, against a
local news site; every failure is one line and an exit code, never a traceback."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from tests.commands import broadsheet, broadsheet_in_a_terminal
from tests.integration.test_refresh import PARAGRAPHS
from tests.newsroom import Item, Newsroom

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"


def one_line_failure(result: subprocess.CompletedProcess[str], code: int = 1) -> str:
    """The single stderr line of a failed command."""
    assert result.returncode == code, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    (line,) = result.stderr.strip().splitlines()
    return line


@pytest.fixture
def site(httpserver: HTTPServer) -> Newsroom:
    """A paper whose home page declares its feed, with one summary-only entry."""
    room = Newsroom(httpserver)
    room.publish_photo("/photos/lamp.jpg")
    room.publish_page(
        "/news/pilot-station",
        "Pilot station stays open through the winter",
        PARAGRAPHS,
        photo="/photos/lamp.jpg",
        caption="The lamp room at dusk",
        credit="Photo: © Courier Pictures",
    )
    feed = room.publish_feed(
        "/feed.xml",
        "The Test Courier",
        [
            Item("pilot-station", "Pilot station stays open through the winter", "It stays."),
            Item("ferry", "Ferry timetable", "Four a day.", content="<p>Four sailings a day.</p>"),
        ],
    )
    home = (
        "<html><head><title>The Test Courier</title>"
        f'<link rel="alternate" type="application/rss+xml" href="{feed}"></head>'
        "<body><h1>The Test Courier</h1></body></html>"
    )
    room.publish_bytes("/", home.encode(), "text/html")
    return room


def test_subscribing_by_the_sites_address_finds_its_feed_and_fetches_it(
    site: Newsroom, tmp_path: Path
) -> None:
    data = tmp_path / "profile"
    added = broadsheet(data, "feeds", "add", site.url("/"), "--folder", "Local", "--json")
    assert added.returncode == 0, added.stderr
    document = json.loads(added.stdout)
    assert document["url"] == site.url("/feed.xml") and document["new"] == 2
    listed = json.loads(broadsheet(data, "feeds", "list", "--json").stdout)
    mine = next(source for source in listed if source["url"] == site.url("/feed.xml"))
    assert (mine["title"], mine["folder"], mine["error"]) == ("The Test Courier", "Local", None)
    article = json.loads(broadsheet(data, "list", "--search", "pilot", "--json").stdout)[0]
    shown = json.loads(broadsheet(data, "show", str(article["id"]), "--json").stdout)
    assert "granite building" in shown["body_html"]  # the full article, not the summary
    assert shown["caption"] == "The lamp room at dusk"
    assert shown["credit"] == "Photo: © Courier Pictures"
    assert shown["image"] and Path(shown["image"]).is_file()


def test_subscribing_twice_or_to_a_page_without_a_feed_says_why(
    site: Newsroom, tmp_path: Path
) -> None:
    data = tmp_path / "profile"
    assert broadsheet(data, "feeds", "add", site.url("/feed.xml")).returncode == 0
    again = one_line_failure(broadsheet(data, "feeds", "add", site.url("/feed.xml")))
    assert "already subscribe" in again
    bare = HTTPServer(host="127.0.0.1", port=0)  # a site with no feed anywhere
    bare.start()
    try:
        page = Newsroom(bare).publish_page("/news/plain", "A plain page", PARAGRAPHS)
        bare.expect_request("/").respond_with_data("not here", status=404)
        nothing = one_line_failure(broadsheet(data, "feeds", "add", page))
    finally:
        bare.stop()
    assert "No feed was found" in nothing


def test_refresh_reports_each_source_and_exits_2_when_one_failed(
    site: Newsroom, tmp_path: Path
) -> None:
    data = tmp_path / "profile"
    broadsheet(data, "feeds", "add", site.url("/feed.xml"))
    gone = site.publish_status("/gone.xml", 410)
    (data / "gone.opml").write_text(
        f'<opml version="2.0"><body><outline text="Gone" type="rss" xmlUrl="{gone}"/></body></opml>'
    )
    assert broadsheet(data, "opml", "import", str(data / "gone.opml")).returncode == 0
    result = broadsheet(data, "refresh", "--json", "--no-images")
    assert result.returncode == 2
    outcomes = {o["url"]: o for o in json.loads(result.stdout)}
    assert outcomes[site.url("/feed.xml")]["status"] == "unchanged"
    assert outcomes[gone]["status"] == "gone" and "410" in outcomes[gone]["error"]
    assert set(outcomes[gone]) == {"id", "url", "status", "new", "error"}
    quiet = broadsheet(data, "refresh", "--json")
    assert quiet.returncode == 0  # the gone feed is no longer asked


@pytest.fixture
def papers(httpserver: HTTPServer, tmp_path: Path) -> tuple[list[str], Path]:
    """Two papers of six stories, each story with its own photo; their feeds' addresses and an
    OPML file that lists them."""
    room = Newsroom(httpserver)
    urls = []
    for paper in range(2):
        items = []
        for number in range(6):
            photo = room.publish_photo(
                f"/photos/{paper}-{number}.jpg", (paper * 90, number * 40, 90)
            )
            items.append(
                Item(
                    f"paper-{paper}-story-{number}",
                    f"Story {number} of paper {paper}",
                    "A summary.",
                    content="<p>The whole story.</p>",
                    photo=photo.removeprefix(room.url("")),
                    caption="The quay at dawn",
                    credit="Photo: Ida Marsh",
                )
            )
        urls.append(room.publish_feed(f"/feeds/{paper}.xml", f"Paper {paper}", items))
    opml = tmp_path / "papers.opml"
    outlines = "".join(f'<outline text="Paper" type="rss" xmlUrl="{url}"/>' for url in urls)
    opml.write_text(f'<opml version="2.0"><body>{outlines}</body></opml>')
    return urls, opml


def test_an_unknown_source_to_refresh_is_one_line(site: Newsroom, tmp_path: Path) -> None:
    data = tmp_path / "profile"
    added = json.loads(broadsheet(data, "feeds", "add", site.url("/feed.xml"), "--json").stdout)
    result = broadsheet(data, "refresh", "--source", str(added["id"]), "--source", "999")
    assert one_line_failure(result) == "broadsheet: No source has the id 999."
    assert result.stdout == ""  # nothing was checked, not even the source that exists
    sample = one_line_failure(broadsheet(data, "refresh", "--source", "1"))
    assert "The Harbour Gazette" in sample and "no feed to refresh" in sample


def test_a_piped_refresh_prints_a_line_per_source_and_a_summary(
    papers: tuple[list[str], Path], tmp_path: Path
) -> None:
    urls, opml = papers
    data = tmp_path / "profile"
    assert broadsheet(data, "opml", "import", str(opml)).returncode == 0
    result = broadsheet(data, "refresh")
    assert result.returncode == 0, result.stderr
    *sources, summary = result.stdout.splitlines()
    assert sorted(sources) == [f"{url}: 6 new" for url in sorted(urls)]
    assert summary == "12 new articles from 2 sources."
    assert result.stderr == ""  # no line per photo, nor anything else
    again = broadsheet(data, "refresh")
    assert sorted(again.stdout.splitlines()) == sorted(
        [*(f"{url}: unchanged" for url in urls), "0 new articles from 2 sources."]
    )


def test_a_refresh_on_a_terminal_updates_its_progress_in_place(
    papers: tuple[list[str], Path], tmp_path: Path
) -> None:
    urls, opml = papers
    data = tmp_path / "profile"
    assert broadsheet(data, "opml", "import", str(opml)).returncode == 0
    code, shown = broadsheet_in_a_terminal(data, "refresh")
    assert code == 0, shown
    assert "\rFetched 10 of 12 photos\x1b[K\rFetched 11 of 12 photos" in shown  # in place
    # What stays on the screen: each line as its last rewrite left it.
    lines = [line.rsplit("\r", 1)[-1].replace("\x1b[K", "") for line in shown.split("\n")]
    *sources, summary = [line for line in lines if line]
    assert sorted(sources) == [f"{url}: 6 new" for url in sorted(urls)]
    assert summary == "12 new articles from 2 sources."


def test_an_opml_import_says_what_it_added_and_fetches_only_those_with_refresh(
    papers: tuple[list[str], Path], tmp_path: Path
) -> None:
    urls, opml = papers
    data = tmp_path / "profile"
    assert broadsheet(data, "feeds", "add", urls[0]).returncode == 0  # one of the two
    result = broadsheet(data, "opml", "import", str(opml), "--refresh")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "Added 1 of the 2 subscriptions in papers.opml (the other one you already had).",
        f"{urls[1]}: 6 new",  # the new one alone is fetched
        "6 new articles from 1 source.",
    ]
    again = broadsheet(data, "opml", "import", str(opml), "--refresh")
    assert again.returncode == 0, again.stderr
    assert again.stdout == "You already had the 2 subscriptions in papers.opml.\n"


def test_an_opml_import_without_refresh_says_how_to_fetch(
    papers: tuple[list[str], Path], tmp_path: Path
) -> None:
    _, opml = papers
    data = tmp_path / "profile"
    result = broadsheet(data, "opml", "import", str(opml))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "Added 2 subscriptions from papers.opml.",
        "Run 'broadsheet refresh' to fetch their articles.",
    ]
    feeds_ = json.loads(broadsheet(data, "feeds", "list", "--json").stdout)
    assert json.loads(broadsheet(data, "stats", "--json").stdout)["articles"] == 8  # the sample's
    assert len(feeds_) == 5
    single = tmp_path / "one.opml"
    single = tmp_path / "one.opml"
    single.write_text(
        '<opml version="2.0"><body>'
        '<outline text="One" type="rss" xmlUrl="https://one.example/feed"/></body></opml>'
    )
    assert broadsheet(data, "opml", "import", str(single)).stdout.splitlines()[0] == (
        "Added 1 subscription from one.opml."
    )
    assert broadsheet(data, "opml", "import", str(single)).stdout == (
        "You already had the subscription in one.opml.\n"
    )


def test_one_of_anything_is_said_in_the_singular(httpserver: HTTPServer, tmp_path: Path) -> None:
    one = [Item("only", "The only story", "Just one.", content="<p>Just the one.</p>")]
    url = Newsroom(httpserver).publish_feed("/one.xml", "The Single Sheet", one)
    data = tmp_path / "profile"
    added = broadsheet(data, "feeds", "add", url, "--json")
    assert broadsheet(data, "feeds", "remove", str(json.loads(added.stdout)["id"])).stdout == (
        f"Removed source {json.loads(added.stdout)['id']} and 1 article; bookmarks stay.\n"
    )
    assert broadsheet(data, "feeds", "add", url).stdout == (
        f"Subscribed to “The Single Sheet” ({url}): 1 article.\n"
    )
    feed = tmp_path / "single.xml"
    feed.write_text(
        '<rss version="2.0"><channel><title>Parish Notes</title><item><title>Fete</title>'
        "<guid>fete</guid><description>On Saturday.</description></item></channel></rss>"
    )
    assert broadsheet(data, "import", str(feed)).stdout == (
        "Imported 1 new article from the feed “Parish Notes”.\n"
    )


@pytest.mark.parametrize("command", [("feeds", "add"), ("extract",), ("import",)])
def test_a_mistyped_scheme_is_named_with_what_to_use(
    command: tuple[str, ...], tmp_path: Path
) -> None:
    line = one_line_failure(broadsheet(tmp_path / "profile", *command, "htp://paper.example/feed"))
    assert line == (
        "broadsheet: htp://paper.example/feed is not a web address Broadsheet can read "
        "(use http or https, not htp)."
    )


def test_import_given_a_web_address_says_which_command_reads_one(tmp_path: Path) -> None:
    line = one_line_failure(broadsheet(tmp_path / "profile", "import", "https://paper.example/"))
    assert "https://paper.example/ is a web address" in line
    assert "'broadsheet feeds add'" in line and "'broadsheet extract'" in line


def test_removing_a_source_keeps_its_bookmarks(site: Newsroom, tmp_path: Path) -> None:
    data = tmp_path / "profile"
    source = json.loads(broadsheet(data, "feeds", "add", site.url("/feed.xml"), "--json").stdout)
    ferry = json.loads(broadsheet(data, "list", "--search", "ferry", "--json").stdout)[0]
    broadsheet(data, "bookmark", str(ferry["id"]))
    removed = broadsheet(data, "feeds", "remove", str(source["id"]))
    assert removed.returncode == 0 and "bookmarks stay" in removed.stdout
    kept = json.loads(broadsheet(data, "list", "--section", "bookmarks", "--json").stdout)
    assert [row["title"] for row in kept] == [ferry["title"]]
    assert kept[0]["source"] == "The Test Courier"
    listed = json.loads(broadsheet(data, "feeds", "list", "--json").stdout)
    assert source["id"] not in {row["id"] for row in listed}
    missing = one_line_failure(broadsheet(data, "feeds", "remove", str(source["id"])))
    assert "No source has the id" in missing


def test_subscribing_again_to_a_removed_feed_fetches_its_articles_afresh(
    site: Newsroom, tmp_path: Path
) -> None:
    data = tmp_path / "profile"
    first = json.loads(broadsheet(data, "feeds", "add", site.url("/feed.xml"), "--json").stdout)
    assert first["new"] == 2
    assert broadsheet(data, "feeds", "remove", str(first["id"])).returncode == 0
    again = broadsheet(data, "feeds", "add", site.url("/feed.xml"), "--json")
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout)["new"] == 2  # not a 304 answered to the old ETag
    titles = {row["title"] for row in json.loads(broadsheet(data, "list", "--json").stdout)}
    assert {"Pilot station stays open through the winter", "Ferry timetable"} <= titles


def test_opml_export_and_import_keep_folders(tmp_path: Path) -> None:
    data, other = tmp_path / "one", tmp_path / "two"
    assert (
        broadsheet(data, "opml", "import", str(FIXTURES / "opml" / "folders.opml")).returncode == 0
    )
    exported = tmp_path / "mine.opml"
    assert broadsheet(data, "opml", "export", str(exported)).returncode == 0
    assert broadsheet(other, "opml", "import", str(exported)).returncode == 0
    first = json.loads(broadsheet(data, "feeds", "list", "--json").stdout)
    second = json.loads(broadsheet(other, "feeds", "list", "--json").stdout)
    assert {(s["url"], s["folder"]) for s in first} == {(s["url"], s["folder"]) for s in second}
    bad = one_line_failure(broadsheet(data, "opml", "import", str(FIXTURES / "opml" / "bomb.opml")))
    assert bad


def test_import_recognises_each_kind_of_document(tmp_path: Path) -> None:
    data = tmp_path / "profile"
    feed = json.loads(
        broadsheet(data, "import", str(FIXTURES / "feeds" / "rss20.xml"), "--json").stdout
    )
    assert set(feed) == {"title", "link", "entries"}
    assert set(feed["entries"][0]) == {
        "id", "title", "link", "author", "published", "summary", "content"
    }  # fmt: skip
    outlines = json.loads(
        broadsheet(data, "import", str(FIXTURES / "opml" / "folders.opml"), "--json").stdout
    )
    assert outlines and {"title", "url", "folder"} <= set(outlines[0])
    page = json.loads(
        broadsheet(data, "import", str(FIXTURES / "pages" / "semantic.html"), "--json").stdout
    )
    assert page["title"] and page["caption"] and page["credit"] and page["text"]
    saved = json.loads(
        broadsheet(data, "import", str(FIXTURES / "pages" / "saved-page.txt"), "--json").stdout
    )
    assert saved["market"]["base"] == "USD" and saved["market"]["rates"]["EUR"] > 0
    assert "Text size" not in saved["text"]
    junk = tmp_path / "junk.bin"
    junk.write_bytes(bytes(range(256)) * 8)
    assert "not a feed" in one_line_failure(broadsheet(data, "import", str(junk)))
    assert "There is no file" in one_line_failure(broadsheet(data, "import", "/no/such.xml"))


def test_an_imported_text_page_without_a_date_brings_undated_figures(tmp_path: Path) -> None:
    data = tmp_path / "profile"
    before = datetime.now(UTC).replace(microsecond=0)
    result = broadsheet(data, "import", str(FIXTURES / "pages" / "saved-page.txt"))
    after = datetime.now(UTC)
    assert result.returncode == 0 and result.stdout.startswith("Imported")
    market = json.loads(broadsheet(data, "market", "--json").stdout)
    # Every currency of the page is also in the sample edition, whose figures are dated.
    assert {rate["provider"] for rate in market["rates"]} == {"Sample edition snapshot"}
    quotes = {quote["symbol"]: quote for quote in market["quotes"]}
    hrbr = quotes["HRBR"]  # the page's own symbols have no dated figure
    assert (hrbr["provider"], hrbr["as_of"], hrbr["undated"]) == (
        "Saved page saved-page.txt",
        None,
        True,
    )
    saved = datetime.fromisoformat(hrbr["saved"])
    assert before <= saved <= after  # saved when imported, not when the file was written
    assert quotes["BTI"]["undated"] is False
    text = broadsheet(data, "market").stdout
    (line,) = [line for line in text.splitlines() if line.split()[:1] == ["HRBR"]]
    day = saved.astimezone().date().isoformat()
    assert f"undated (saved {day}), Saved page saved-page.txt, stale" in line
    (bti,) = [line for line in text.splitlines() if line.split()[:1] == ["BTI"]]
    assert "as of 2024-10-25 16:00 UTC, Sample edition snapshot" in bti


def test_an_imported_text_page_that_states_its_time_dates_its_figures(tmp_path: Path) -> None:
    data = tmp_path / "profile"
    broadsheet(data, "import", str(FIXTURES / "pages" / "saved-page.txt"))  # undated HRBR
    result = broadsheet(data, "import", str(FIXTURES / "pages" / "saved-page-dated.txt"), "--json")
    assert result.returncode == 0, result.stderr
    page = json.loads(result.stdout)
    assert page["market"]["as_of"] == "2025-03-14T09:00:00+00:00"  # "USD - 09:00 GMT"
    assert page["published"].startswith("2025-03-1")  # "Published: 13 March 2025", local
    market = json.loads(broadsheet(data, "market", "--json").stdout)
    rates = {rate["code"]: rate for rate in market["rates"]}
    assert rates["NZD"]["provider"] == "Saved page saved-page-dated.txt"  # newer than 2024's
    assert rates["NZD"]["as_of"] == "2025-03-14T09:00:00+00:00"
    assert rates["ZAR"]["provider"] == "Sample edition snapshot"  # not on this page
    quotes = {quote["symbol"]: quote for quote in market["quotes"]}
    # A dated figure wins over the undated one saved a moment before.
    assert (quotes["HRBR"]["price"], quotes["HRBR"]["undated"]) == (43.55, False)
    assert quotes["ORCA"]["undated"] is True
    listed = json.loads(broadsheet(data, "list", "--json").stdout)
    (ferry,) = [row for row in listed if row["title"].startswith("Ferry fares")]
    assert ferry["published"] is not None


@pytest.mark.parametrize("codec", ["utf-16", "utf-32-le", "utf-32-be"])
def test_a_text_page_in_a_wide_encoding_is_read(tmp_path: Path, codec: str) -> None:
    data = tmp_path / "profile"
    page = tmp_path / "saved-page.txt"
    text = (FIXTURES / "pages" / "saved-page.txt").read_text(encoding="utf-8")
    page.write_bytes(text.encode(codec))
    result = broadsheet(data, "import", str(page), "--json")
    assert result.returncode == 0, result.stderr
    imported = json.loads(result.stdout)
    assert imported["title"] == "Volunteers bring a silent tide mill back to work"
    assert imported["credit"] == "Photo: © AFP"
    assert len(imported["market"]["rates"]) == 21


def test_converting_through_an_undated_rate_says_so(tmp_path: Path) -> None:
    data = tmp_path / "profile"
    page = tmp_path / "dobra.txt"
    page.write_text(
        "The Ledger - Islands hold their dobra steady\n\nUSD -\nSTN 22.9\n\n"
        "Islands hold their dobra steady / Photo: © AFP\n\nText size:\n\n"
        "The islands' bank left its rate unchanged.\n",
        encoding="utf-8",
    )
    assert broadsheet(data, "import", str(page)).returncode == 0
    done = json.loads(broadsheet(data, "convert", "100", "USD", "STN", "--json").stdout)
    assert (done["result"], done["as_of"], done["undated"]) == ("2290.00", None, True)
    text = broadsheet(data, "convert", "100", "USD", "STN").stdout
    day = datetime.fromisoformat(done["saved"]).astimezone().date().isoformat()
    assert f"1 USD = 22.9 STN, undated (saved {day}) (" in text
    assert "Saved page dobra.txt, not current)" in text
    dated = broadsheet(data, "convert", "100", "USD", "EUR").stdout
    assert "as of 2024-10-25 16:00 UTC" in dated


def test_extract_shows_a_page_without_storing_it(site: Newsroom, tmp_path: Path) -> None:
    data = tmp_path / "profile"
    before = json.loads(broadsheet(data, "stats", "--json").stdout)["articles"]
    result = broadsheet(data, "extract", site.url("/news/pilot-station"), "--json")
    assert result.returncode == 0, result.stderr
    page = json.loads(result.stdout)
    assert set(page) == {
        "title", "byline", "published", "url", "image", "caption", "credit", "text", "html",
        "market",
    }  # fmt: skip
    assert page["text"].startswith("The harbour board voted")  # from the lede, no headline
    assert page["image"] == site.url("/photos/lamp.jpg") and page["market"] is None
    assert json.loads(broadsheet(data, "stats", "--json").stdout)["articles"] == before
    gone = site.publish_status("/news/nothing-here", 404)
    missing = one_line_failure(broadsheet(data, "extract", gone))
    assert "404" in missing


def test_killing_a_refresh_at_random_moments_never_harms_the_store(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    room = Newsroom(httpserver)
    items = [
        Item(
            f"story-{n}", f"Story number {n}", "A summary.", content="<p>" + "Text. " * 400 + "</p>"
        )
        for n in range(40)
    ]
    opml = ['<opml version="2.0"><body>']
    for number in range(12):
        url = room.publish_feed(f"/feeds/{number}.xml", f"Paper {number}", items, etag=f"e{number}")
        opml.append(f'<outline text="Paper {number}" type="rss" xmlUrl="{url}"/>')
    (tmp_path / "papers.opml").write_text("".join(opml) + "</body></opml>")
    data = tmp_path / "profile"
    broadsheet(data, "opml", "import", str(tmp_path / "papers.opml"))
    broadsheet(data, "bookmark", "1")
    moments = random.Random(20261126)
    for _ in range(20):
        process = subprocess.Popen(
            [sys.executable, "-m", "desktop", "--data-dir", str(data), "refresh", "--no-images"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env={**os.environ},
        )
        time.sleep(moments.uniform(0.05, 0.6))
        parsers = _children(process.pid)
        process.send_signal(signal.SIGKILL)
        process.wait(30)
        _wait_until_gone(parsers)  # its parsing processes end with it
        store = sqlite3.connect(data / "broadsheet.sqlite3")
        try:
            assert store.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            assert store.execute(
                "SELECT count(*) FROM articles WHERE bookmarked IS NOT NULL"
            ).fetchone() == (1,)
        finally:
            store.close()
    final = broadsheet(data, "refresh", "--no-images", "--json")
    assert final.returncode == 0
    assert json.loads(broadsheet(data, "stats", "--json").stdout)["bookmarks"] == 1


def _children(pid: int) -> list[int]:
    """The processes a process started, found through /proc."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def _wait_until_gone(pids: list[int]) -> None:
    """Wait (a few seconds at most) until none of the processes runs any more."""
    deadline = time.monotonic() + 5
    while any(_running(pid) for pid in pids):
        assert time.monotonic() < deadline, f"left running: {[p for p in pids if _running(p)]}"
        time.sleep(0.05)


def _running(pid: int) -> bool:
    """Whether a process exists and is not a zombie waiting to be reaped."""
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"
