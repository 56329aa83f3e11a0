"""Market speed: refreshing every provider from a loopback server, and rebasing what it stored.

A refresh runs in process, as the window's task and the CLI run it: ``plan_market``, then
``refresh_market`` iterated to its end on a direct writer, every provider's figures stored as
they come, into a fresh copy of a sample-edition profile (the first refresh, which stores the
most), then again on the same store (every figure already there). Its floor, timed in turn with
it: the same requests, with the same headers and at most as many connections at once, on one
plain ``httpx.AsyncClient`` that only reads the bodies. The server is ``market_server``.

Then, on what the refresh left in the store, as ``load_market`` hands it to the panel: the
freshest rate of each currency rebased to EUR, JPY and GBP, and the 90-day history turned into
the sparklines' series against each; each next to a floor of one exact division per rate.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from functools import partial
from pathlib import Path
from typing import Any

from desktop.domain import Rate
from desktop.market.history import rate_series
from desktop.market.rates import rebase
from desktop.operations import direct_writer
from desktop.operations.market import (
    MARKET_LIMITS,
    MarketPlan,
    MarketReport,
    plan_market,
    quote_symbols,
    refresh_market,
)
from desktop.operations.market_view import load_market
from desktop.paths import resolve
from desktop.profile import close_profile, open_profile
from desktop.store.database import connect
from desktop.store.market_data import freshest_quotes
from tests.benchmarks import market_server
from tests.benchmarks.children import measured_in_child
from tests.benchmarks.market_server import MarketBenchError

ROOT = Path(__file__).resolve().parents[2]
RUNS = 7
PANEL_TIMEOUT_S = 300
REPEATS = 25
BASES = ("EUR", "JPY", "GBP")
# The panel is looked at the morning after the fixtures' day, so the whole history is in view.
SHOWN_AT = datetime(2024, 10, 26, 9, tzinfo=UTC)
STORED = "SELECT (SELECT count(*) FROM rates) + (SELECT count(*) FROM quotes)"


@dataclass(frozen=True)
class Refreshes:
    """Seconds of each round's floor, first refresh and repeat, with what they fetched and
    stored."""

    providers: int
    documents: int
    stored: int
    floor: list[float]
    first: list[float]
    again: list[float]


@dataclass(frozen=True)
class Computation:
    """Milliseconds of one computation and its floor, the median of ``REPEATS`` calls, by base."""

    inputs: int
    ours: dict[str, float]
    floor: dict[str, float]


@dataclass(frozen=True)
class PanelPicks:
    """Milliseconds of each base picked in the panel with its repaint, and of the repaint alone
    (the floor), from ``panel_bench``."""

    rates: int
    history: int
    picks: list[float]
    repaints: list[float]


@dataclass(frozen=True)
class MarketFigures:
    """Everything the market benchmark measures."""

    refreshes: Refreshes
    rebasing: Computation
    series: Computation
    panel: PanelPicks


def measure_refreshes(runs: int = RUNS) -> MarketFigures:
    """The refresh series against the loopback server, then rebasing, the series and the panel's
    base change on what the last refresh stored."""
    with tempfile.TemporaryDirectory(prefix="broadsheet-market-") as name:
        scratch = Path(name)
        template = sample_profile(scratch / "template")
        symbols = watched_symbols(template)
        with market_server.running(symbols) as environ:
            refreshes, store = refresh_rounds(template, scratch, symbols, environ, runs)
        rebasing, series = computations(store)
        return MarketFigures(refreshes, rebasing, series, panel_picks(store))


def panel_picks(folder: Path) -> PanelPicks:
    """Run ``panel_bench`` on the store in a child process (Qt offscreen, so its application and
    window never stay in this process) and read what it measured."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    measured: dict[str, Any] = measured_in_child(
        "tests.benchmarks.panel_bench", [str(folder)], env, PANEL_TIMEOUT_S, MarketBenchError,
        name="the panel benchmark",
    )  # fmt: skip
    return PanelPicks(
        measured["rates"], measured["history"], measured["pick_ms"], measured["repaint_ms"]
    )


def sample_profile(folder: Path) -> Path:
    """A new profile with the sample edition, closed cleanly (copied for every refresh)."""
    paths = resolve(folder)
    open_profile(paths)
    close_profile(paths)
    return folder


def watched_symbols(folder: Path) -> list[str]:
    """The symbols a refresh of this profile asks quotes for, as the window and the CLI pick them:
    the sample edition's 16."""
    connection = connect(resolve(folder).store)
    try:
        return quote_symbols(freshest_quotes(connection), ())
    finally:
        connection.close()


def refresh_rounds(
    template: Path, scratch: Path, symbols: list[str], environ: dict[str, str], runs: int
) -> tuple[Refreshes, Path]:
    """An untimed round to warm up (imports, page cache), then ``runs`` rounds of the floor, a
    first refresh on a fresh copy and a repeat on it; the last round's store is kept."""
    plan = plan_market(resolve(template).config, symbols, environ)
    fetch_floor(plan)
    first_refresh(copied(template, scratch / "warm-up"), symbols, environ)
    floor, first, again = [], [], []
    store = scratch / "warm-up"
    for number in range(1, runs + 1):
        shutil.rmtree(store)
        store = copied(template, scratch / f"round-{number}")
        floor.append(fetch_floor(plan))
        seconds, stored = first_refresh(store, symbols, environ)
        first.append(seconds)
        again.append(repeat_refresh(store, symbols, environ))
        print(
            f"Market {number}/{runs}: fetches alone {floor[-1]:.3f} s, refresh {first[-1]:.3f} s, "
            f"again {again[-1]:.3f} s",
            file=sys.stderr,
            flush=True,
        )
    documents = sum(len(provider.requests()) for provider in plan.providers)
    return Refreshes(len(plan.providers), documents, stored, floor, first, again), store


def copied(template: Path, target: Path) -> Path:
    """A fresh copy of the profile, flushed so its write-back does not land in a timing."""
    shutil.copytree(template, target)
    os.sync()
    return target


def first_refresh(
    folder: Path, symbols: Sequence[str], environ: Mapping[str, str]
) -> tuple[float, int]:
    """Seconds of a refresh into a store that has none of its figures, and how many it stored."""
    connection = connect(resolve(folder).store)
    try:
        before = connection.execute(STORED).fetchone()[0]
        seconds = timed_refresh(connection, folder, symbols, environ)
        stored = int(connection.execute(STORED).fetchone()[0] - before)
    finally:
        connection.close()
    if stored == 0:
        raise MarketBenchError("the first market refresh stored no figures")
    return seconds, stored


def repeat_refresh(folder: Path, symbols: Sequence[str], environ: Mapping[str, str]) -> float:
    """Seconds of a refresh into a store that already has every figure it fetches."""
    connection = connect(resolve(folder).store)
    try:
        return timed_refresh(connection, folder, symbols, environ)
    finally:
        connection.close()


def timed_refresh(
    connection: sqlite3.Connection,
    folder: Path,
    symbols: Sequence[str],
    environ: Mapping[str, str],
) -> float:
    """Seconds from planning to the refresh's end, every figure stored; fails unless every
    provider was updated, so that a fast failure is never measured."""
    started = time.perf_counter()
    plan = plan_market(resolve(folder).config, symbols, environ)
    report = MarketReport()
    for _ in refresh_market(direct_writer(connection), plan, report):
        pass
    seconds = time.perf_counter() - started
    failed = [f"{o.name}: {o.error}" for o in report.outcomes if o.status != "updated"]
    if failed or len(report.outcomes) != len(plan.providers):
        raise MarketBenchError(f"the market refresh did not update every provider: {failed}")
    return seconds


def fetch_floor(plan: MarketPlan) -> float:
    """Seconds to fetch the plan's documents on one plain httpx client and read their bodies."""
    asked = [
        (request.url, {"Accept": request.accept, **dict(request.secret_headers)})
        for provider in plan.providers
        for request in provider.requests()
    ]
    started = time.perf_counter()
    statuses = asyncio.run(_fetch_plainly(asked))
    seconds = time.perf_counter() - started
    if any(status != 200 for status in statuses):
        raise MarketBenchError(f"the market server answered the plain fetches with {statuses}")
    return seconds


async def _fetch_plainly(asked: list[tuple[str, dict[str, str]]]) -> list[int]:
    """Every GET at once, on as many connections as a refresh opens to one host; the statuses."""
    import httpx

    limits = httpx.Limits(max_connections=MARKET_LIMITS.per_host)
    try:
        async with httpx.AsyncClient(limits=limits) as client:
            answers = await asyncio.gather(*(client.get(url, headers=h) for url, h in asked))
    except httpx.HTTPError as error:
        raise MarketBenchError(f"the plain fetches failed: {error!r}") from None
    return [answer.status_code for answer in answers]


def computations(folder: Path) -> tuple[Computation, Computation]:
    """Rebasing the panel's rates and building its series, each against its floor, by base."""
    connection = connect(resolve(folder).store)
    try:
        view = load_market(connection, SHOWN_AT)
    finally:
        connection.close()
    rates, history = view.rates, view.rate_history
    rebasing = Computation(
        len(rates),
        {base: median_ms(partial(rebase, rates, base)) for base in BASES},
        {base: median_ms(divisions(rates, base, rebased=True)) for base in BASES},
    )
    series = Computation(
        len(history),
        {base: median_ms(partial(rate_series, history, base)) for base in BASES},
        {base: median_ms(divisions(history, base, rebased=False)) for base in BASES},
    )
    return rebasing, series


def divisions(rates: Sequence[Rate], base: str, rebased: bool) -> Callable[[], object]:
    """The floor: one exact division per rate by the base's worth, giving a new Rate (rebasing;
    built directly, as ``dataclasses.replace`` costs twice as much) or a float (a series' point)."""
    worth = next((rate.rate for rate in rates if rate.code == base), Decimal(1))
    if rebased:
        return lambda: [
            Rate(r.code, base, r.rate / worth, r.as_of, r.provider, r.snapshot) for r in rates
        ]
    return lambda: [float(rate.rate / worth) for rate in rates]


def median_ms(call: Callable[[], object]) -> float:
    """The median of ``REPEATS`` timed calls after one untimed call, in milliseconds; garbage
    left by what ran before is collected first, so no series pays for another's."""
    gc.collect()
    call()
    times = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    """Measure the market figures alone and print them (``python -m tests.benchmarks.market_bench``
    from the repository's root)."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=RUNS, help=f"rounds (default {RUNS})")
    arguments = parser.parse_args(argv)
    figures = measure_refreshes(arguments.runs)
    refreshes, rebasing, series, panel = (
        figures.refreshes,
        figures.rebasing,
        figures.series,
        figures.panel,
    )
    print(
        f"{refreshes.providers} providers, {refreshes.documents} documents, "
        f"{refreshes.stored:,} figures stored by a first refresh; median of {arguments.runs}"
    )
    for name, values in (
        ("fetches alone", refreshes.floor),
        ("first refresh", refreshes.first),
        ("repeat refresh", refreshes.again),
    ):
        spread = f"({min(values):.3f}–{max(values):.3f})"
        print(f"{name:16} {statistics.median(values):.3f} s {spread}")
    for name, measured in (("rebase", rebasing), ("series", series)):
        for base in BASES:
            ours, floor = measured.ours[base], measured.floor[base]
            print(f"{name} {measured.inputs} → {base}: {ours:.2f} ms (floor {floor:.2f} ms)")
    print(
        f"base picked in the panel, {panel.rates} rates: {statistics.median(panel.picks):.2f} ms "
        f"(repaint alone {statistics.median(panel.repaints):.2f} ms)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
