"""The benchmark's news rows: refresh against newsboat, re-refresh (all 304), extraction rate."""

from __future__ import annotations

import contextlib
import statistics
import tempfile
import time
from pathlib import Path

from tests.benchmarks import refresh_bench

EXTRACTION_PAGES = 200
EXTRACTION_GOAL_PAGES = 20.0
EXTRACTION_RATIO_GOAL = 0.3
PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "pages"


def refresh_series(runs: int) -> dict[str, list[float]]:
    """Seconds for each tool's first refresh and re-refresh, interleaved over ``runs`` rounds."""
    documents = refresh_bench.feed_documents()
    paths = sorted(documents)
    series: dict[str, list[float]] = {}
    with refresh_bench.serving(documents) as base:
        for _ in range(runs):
            with tempfile.TemporaryDirectory() as folder:
                first, again = refresh_bench.broadsheet_times(base, paths, Path(folder))
                series.setdefault("broadsheet", []).append(first)
                series.setdefault("broadsheet_304", []).append(again)
            with tempfile.TemporaryDirectory() as folder:
                found = refresh_bench.newsboat_times(base, paths, Path(folder))
                if found is not None:
                    series.setdefault("newsboat", []).append(found[0])
                    series.setdefault("newsboat_304", []).append(found[1])
    return series


def picture_series(runs: int) -> dict[str, list[float]]:
    """Seconds for Broadsheet's first refresh of the feeds with a figure in every item, with
    its pictures and without, interleaved over ``runs`` rounds."""
    documents: dict[str, bytes] = {}
    series: dict[str, list[float]] = {}
    with refresh_bench.serving(documents) as base:
        documents.update(refresh_bench.feed_documents(pictures=base))
        paths = sorted(documents)
        for _ in range(runs):
            for pictures, name in ((False, "without"), (True, "with")):
                with tempfile.TemporaryDirectory() as folder:
                    seconds = refresh_bench.picture_time(base, paths, Path(folder), pictures)
                series.setdefault(name, []).append(seconds)
    return series


def extraction_rates(runs: int) -> tuple[float, float]:
    """Pages per second through ``extract_article`` and through trafilatura alone (best run)."""
    import trafilatura

    from desktop.ingest.extract import ExtractionError, extract_article

    pages = [p.read_bytes() for p in sorted(PAGES.glob("*.html")) if p.name != "homepage.html"]
    batch = (pages * (EXTRACTION_PAGES // len(pages) + 1))[:EXTRACTION_PAGES]

    def ours() -> None:
        for page in batch:
            with contextlib.suppress(ExtractionError):
                extract_article(page, "https://paper.example/news/story")

    def alone() -> None:
        for page in batch:
            trafilatura.extract(page, url="https://paper.example/news/story")

    return _rate(ours, runs), _rate(alone, runs)


def _rate(work: object, runs: int) -> float:
    """The best pages-per-second of ``runs`` runs of ``work`` over the batch."""
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        work()  # type: ignore[operator]
        best = min(best, time.perf_counter() - start)
    return EXTRACTION_PAGES / best


def guid_feed_seconds(entries: int) -> float:
    """CPU seconds to read (parse and prepare) an RSS feed of ``entries`` items that have a
    permalink guid and no link, the shape that once made reading a feed quadratic."""
    from desktop.operations.entries import read_feed
    from tests.hostile import guid_only_rss

    document = guid_only_rss(entries)
    start = time.process_time()
    read_feed(document, "https://example.test/feed.xml", "application/rss+xml")
    return time.process_time() - start


def median(values: list[float]) -> float:
    """The median of a series."""
    return statistics.median(values)
