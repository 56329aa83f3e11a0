"""Broadsheet's benchmarks (``make bench``): each figure measured next to its floor, in one run.

- Start-up: spawn to the first article painted, on a copy of a large synthetic store, against a
  bare PySide6 window (``floor_window.py``); both under one Xvfb, launched in turn so noise hits
  both alike; with their peak memory (VmHWM).
- First run: the same on an empty data folder (schema created, sample edition loaded).
- ``broadsheet list --json`` from spawn to exit, against ``python -c pass``.
- Search: ``articles.page`` for typed queries, in process, against the bare FTS5 query.
- Responsiveness, in the real window on a copy of the store, under the same Xvfb
  (``ui_bench.py``): an article opened from the list until painted with its photo, and a
  text-size step on the longest article until painted, each against repainting the reader
  unchanged; wheel notches down the article list (fetching its pages as it goes), p95, against
  repainting the list unchanged; and the longest the UI thread could not answer while the window
  refreshes 100 loopback feeds of 50 items (``feed_server.py``), against the same probe with the
  window idle.
- A feed of 40,000 entries with a permalink guid and no link, read (parsed and prepared), against
  half as many: linear reading takes twice the time (it was quadratic).
- Markets: a refresh of every market provider from a loopback server, in process, against the
  same fetches on a plain httpx client (``market_bench.py``); rebasing the stored rates and
  building the 90-day series, against one division per rate; another base picked in the Markets
  panel until painted, against repainting its rates alone (``panel_bench.py``).

It prints one table (``--json``: the same as JSON) and exits 0 even when a goal is missed; it is a
measurement, not a test. It exits 1 only when something failed to run. Everything is local.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import os
import platform
import select
import shutil
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime
from functools import partial
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # run as a script: make ``tests.benchmarks`` importable
    sys.path.insert(0, str(ROOT))

from desktop.cli import positive_number  # noqa: E402
from desktop.domain import ALL  # noqa: E402
from desktop.paths import resolve  # noqa: E402
from desktop.store import articles  # noqa: E402
from desktop.store.database import connect_reader  # noqa: E402
from tests.benchmarks import market_bench, market_server, news_figures, synthetic  # noqa: E402
from tests.benchmarks.children import measured_in_child  # noqa: E402

PYTHON = sys.executable
FLOOR_WINDOW = Path(__file__).with_name("floor_window.py")
MARK_ENV = "BROADSHEET_STARTUP_MARK"
SCREEN = "1400x900x24"
DEFAULT_RUNS = 7
QUICK_RUNS = 3
CLI_RUNS = 15
SEARCH_QUERIES = 50
SEARCH_REPEATS = 3
MARK_TIMEOUT = 60.0
SETTLE = 0.5
EXIT_TIMEOUT = 10.0
PAUSE = 0.2
MB = 1_000_000
START_RATIO_GOAL = 1.5
MEMORY_GOAL_MB = 100.0
FIRST_RUN_RATIO_GOAL = 2.0
CLI_EXTRA_GOAL = 0.15
SEARCH_P95_GOAL_MS = 10.0
MARKET_REFRESH_GOAL_S = 1.0
LARGE_FEED_ENTRIES = 40_000
LARGE_FEED_RATIO_GOAL = 2.3
PANEL_PICK_GOAL_MS = 16.0
OPEN_GOAL_MS = 30.0
TEXT_STEP_GOAL_MS = 16.0
SCROLL_P95_GOAL_MS = 16.0
STALL_GOAL_MS = 50.0
UI_TIMEOUT_S = 1200
UI_SAMPLES = (40, 15)  # articles opened: full run, quick run
UI_SCROLL_STEPS = (1500, 500)  # wheel notches
UI_REFRESH_ROUNDS = (5, 3)  # refreshes of the 100 feeds
FTS_FLOOR = (
    "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT 200"
)


class BenchmarkError(RuntimeError):
    """Something the benchmark runs failed to start, finish or answer."""


@dataclass(frozen=True, slots=True)
class Launch:
    """One window launch: seconds from spawn to the first-paint mark, and peak memory in MB."""

    seconds: float
    peak_mb: float


@dataclass(frozen=True)
class Figure:
    """One row of the table, with the raw numbers behind it for ``--json``."""

    figure: str
    floor: str
    broadsheet: str
    ratio: str
    goal: str
    met: bool | None
    numbers: dict[str, object] = field(default_factory=dict)


@dataclass
class Report:
    """Everything one run measured: the machine, the store, the figures and what failed."""

    machine: dict[str, str]
    store: dict[str, object]
    figures: list[Figure] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


@dataclass
class Windows:
    """The launches of one start-up round series, by what was launched."""

    floor: list[Launch] = field(default_factory=list)
    app: list[Launch] = field(default_factory=list)
    fresh: list[Launch] = field(default_factory=list)


# Arguments and entry point ---------------------------------------------------------------------


def parse_arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    """The command line: store size, number of runs, quick mode and JSON output."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument(
        "--articles", type=positive_number, default=synthetic.DEFAULT_ARTICLES, metavar="N",
        help=f"articles in the synthetic store (default {synthetic.DEFAULT_ARTICLES:,})",
    )  # fmt: skip
    parser.add_argument(
        "--runs", type=positive_number, default=None, metavar="N",
        help=f"launches of each window (default {DEFAULT_RUNS}; CLI: at least {CLI_RUNS})",
    )  # fmt: skip
    parser.add_argument("--quick", action="store_true", help=f"{QUICK_RUNS} runs of everything")
    parser.add_argument("--json", action="store_true", help="print JSON instead of the table")
    parser.add_argument("--no-news", action="store_true", help="skip refresh and extraction")
    parser.add_argument("--no-market", action="store_true", help="skip the market figures")
    parser.add_argument(
        "--no-ui", action="store_true",
        help="skip the responsiveness figures (open, text size, scrolling, refresh stalls)",
    )  # fmt: skip
    return parser.parse_args(argv)


def run_counts(arguments: argparse.Namespace) -> tuple[int, int]:
    """How many window launches and CLI runs each series gets."""
    if arguments.quick:
        return QUICK_RUNS, QUICK_RUNS
    windows = arguments.runs or DEFAULT_RUNS
    return windows, max(CLI_RUNS, windows)


def main(argv: Sequence[str] | None = None) -> int:
    """Measure every figure, print the table or JSON; 1 if something failed to run."""
    arguments = parse_arguments(argv)
    window_runs, cli_runs = run_counts(arguments)
    built = prepare_store(arguments.articles)
    report = Report(machine_facts(), store_facts(built, window_runs, cli_runs))
    with (
        tempfile.TemporaryDirectory(prefix="broadsheet-bench-") as name,
        contextlib.ExitStack() as stack,
    ):
        scratch, display = Path(name), SharedDisplay(stack)
        guarded(
            report,
            "start-up",
            lambda: measure_windows(report, built.folder, scratch, window_runs, display),
        )
        guarded(
            report, "command line", lambda: measure_cli(report, built.folder, scratch, cli_runs)
        )
        guarded(report, "search", lambda: measure_search(report, built.folder, scratch))
        if not arguments.no_ui:
            guarded(
                report,
                "responsiveness",
                lambda: measure_responsiveness(
                    report, built.folder, scratch, display, quick=arguments.quick
                ),
            )
        if not arguments.no_news:
            guarded(report, "refresh", lambda: measure_refresh(report, min(3, window_runs)))
            guarded(report, "extraction", lambda: measure_extraction(report))
            guarded(report, "large feed", lambda: measure_large_feed(report))
        if not arguments.no_market:
            guarded(report, "markets", lambda: measure_market(report, window_runs))
    print(
        json.dumps(report_json(report), indent=2, ensure_ascii=False)
        if arguments.json
        else render(report)
    )
    return 1 if report.errors else 0


def guarded(report: Report, what: str, measure: Callable[[], None]) -> None:
    """Run one group of measurements; a failure is recorded, and the next group still runs."""
    try:
        measure()
    except (BenchmarkError, OSError, sqlite3.Error, subprocess.SubprocessError) as error:
        report.errors.append(f"{what}: {error}")
        progress(f"{what} failed: {error}")


def progress(message: str) -> None:
    """Say what is going on, on stderr (stdout carries only the result)."""
    print(message, file=sys.stderr, flush=True)


# The store and the machine ---------------------------------------------------------------------


def prepare_store(count: int) -> synthetic.BuiltStore:
    """The cached synthetic store, generated first when needed (which is timed)."""
    progress(f"Preparing a synthetic store of {count:,} articles …")
    built = synthetic.cached_store(count)
    took = "?" if built.seconds is None else f"{built.seconds:.1f} s"
    verb = "Reused the store generated in" if built.reused else "Generated the store in"
    progress(f"{verb} {took}: {built.folder} ({built.bytes / MB:,.0f} MB)")
    return built


def store_facts(built: synthetic.BuiltStore, window_runs: int, cli_runs: int) -> dict[str, object]:
    """What the report says about the store and the run counts."""
    return {
        "articles": built.articles,
        "megabytes": round(built.bytes / MB),
        "generation_seconds": built.seconds,
        "reused": built.reused,
        "window_runs": window_runs,
        "cli_runs": cli_runs,
    }


def machine_facts() -> dict[str, str]:
    """CPU, cores, OS and the versions that matter, with the date."""
    return {
        "cpu": cpu_model(),
        "cores": str(os.cpu_count() or "?"),
        "os": platform.platform(terse=True),
        "python": platform.python_version(),
        "pyside6": distribution_version("PySide6-Essentials", "PySide6"),
        "sqlite": sqlite3.sqlite_version,
        "date": datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
    }


def cpu_model() -> str:
    """The CPU's model name from /proc/cpuinfo, else what platform knows."""
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown CPU"


def distribution_version(*names: str) -> str:
    """The installed version of the first of these distributions found (without importing it)."""
    for name in names:
        with contextlib.suppress(metadata.PackageNotFoundError):
            return metadata.version(name)
    return "not installed"


# Windows: start-up and first run ---------------------------------------------------------------


def measure_windows(
    report: Report, store: Path, scratch: Path, runs: int, display: SharedDisplay
) -> None:
    """Launch floor, app on the large store, floor, app on an empty folder, ``runs`` times."""
    windows = Windows()
    env = window_environment(display.name(), scratch)
    progress(f"Xvfb on {display.name()}; warming up …")
    launch_floor(env, scratch)
    launch_app(env, copied_store(store, scratch / "warm-up"))
    shutil.rmtree(scratch / "warm-up")
    for number in range(1, runs + 1):
        one_round(report, windows, env, store, scratch / f"round-{number}")
        progress(f"Round {number}/{runs}: {round_summary(windows)}")
    report.figures.extend(window_figures(windows, report.store))


def one_round(
    report: Report, windows: Windows, env: dict[str, str], store: Path, folder: Path
) -> None:
    """One launch of each, in turn; a failed launch is recorded and the round goes on."""
    folder.mkdir()
    steps: list[tuple[str, list[Launch], Callable[[], Launch]]] = [
        ("floor", windows.floor, lambda: launch_floor(env, folder)),
        ("app", windows.app, lambda: launch_app(env, copied_store(store, folder / "store"))),
        ("floor", windows.floor, lambda: launch_floor(env, folder)),
        ("first run", windows.fresh, lambda: launch_app(env, empty_folder(folder / "fresh"))),
    ]
    for name, samples, launch in steps:
        try:
            samples.append(launch())
        except BenchmarkError as error:
            report.errors.append(f"{name} launch: {error}")
            progress(f"{name} launch failed: {error}")
    shutil.rmtree(folder, ignore_errors=True)


def round_summary(windows: Windows) -> str:
    """The latest launch of each series, for the progress line."""
    parts = [
        f"{name} {samples[-1].seconds:.3f} s"
        for name, samples in (
            ("floor", windows.floor),
            ("app", windows.app),
            ("first run", windows.fresh),
        )
        if samples
    ]
    return ", ".join(parts)


def copied_store(store: Path, target: Path) -> Path:
    """A fresh copy of the cached store (the app marks an article read), flushed to disk first
    so its write-back does not land in the middle of the launch."""
    synthetic.copy_store(store, target)
    if not synthetic.is_sealed(target):
        raise BenchmarkError(f"the copy at {target} is not sealed; the app would check it first")
    os.sync()
    return target


def empty_folder(target: Path) -> Path:
    """A new, empty data folder, as on a first start."""
    target.mkdir()
    return target


def launch_floor(env: dict[str, str], folder: Path) -> Launch:
    """Launch the bare window."""
    return launch_window("floor", [PYTHON, str(FLOOR_WINDOW)], env, folder)


def launch_app(env: dict[str, str], data_dir: Path) -> Launch:
    """Launch Broadsheet on a data folder."""
    command = [PYTHON, "-m", "desktop", "--data-dir", str(data_dir)]
    return launch_window("Broadsheet", command, env, data_dir.parent)


def window_environment(display: str, scratch: Path) -> dict[str, str]:
    """The environment of every window: our display, X11, a private runtime folder."""
    runtime = scratch / "runtime"
    runtime.mkdir(mode=0o700, exist_ok=True)
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"WAYLAND_DISPLAY", "BROADSHEET_DATA_DIR", "QT_QPA_PLATFORM", MARK_ENV}
    }
    env.update(DISPLAY=display, QT_QPA_PLATFORM="xcb", XDG_RUNTIME_DIR=str(runtime))
    return env


def launch_window(name: str, command: list[str], env: dict[str, str], folder: Path) -> Launch:
    """Spawn a window, wait for its first-paint mark, read its peak memory, then SIGTERM it."""
    mark, log = folder / f"{name}.mark", folder / f"{name}.log"
    mark.unlink(missing_ok=True)
    time.sleep(PAUSE)
    with log.open("wb") as output:
        started = time.monotonic()
        process = subprocess.Popen(
            command, env={**env, MARK_ENV: str(mark)}, cwd=ROOT,
            stdin=subprocess.DEVNULL, stdout=output, stderr=subprocess.STDOUT,
        )  # fmt: skip
        try:
            shown = wait_for_mark(process, mark, log, name)
            time.sleep(SETTLE)
            peak = peak_memory_mb(process.pid)
        except BaseException:
            kill(process)
            raise
    stop(process, name, log)
    return Launch(shown - started, peak)


def wait_for_mark(process: subprocess.Popen[bytes], mark: Path, log: Path, name: str) -> float:
    """The monotonic time the process wrote once it painted; fails if it exits or takes too long."""
    deadline = time.monotonic() + MARK_TIMEOUT
    while time.monotonic() < deadline:
        with contextlib.suppress(FileNotFoundError):
            text = mark.read_text()
            if text.endswith("\n"):
                return float(text)
        if process.poll() is not None:
            raise BenchmarkError(f"{name} exited ({process.returncode}) before painting{tail(log)}")
        time.sleep(0.005)
    raise BenchmarkError(f"{name} did not paint within {MARK_TIMEOUT:.0f} s{tail(log)}")


def peak_memory_mb(pid: int) -> float:
    """The process's peak resident memory (VmHWM) in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024 / MB
    raise BenchmarkError(f"no VmHWM in /proc/{pid}/status")


def stop(process: subprocess.Popen[bytes], name: str, log: Path) -> None:
    """SIGTERM the process and wait for a clean exit; a hang or a failure is an error."""
    process.send_signal(signal.SIGTERM)
    try:
        code = process.wait(EXIT_TIMEOUT)
    except subprocess.TimeoutExpired:
        kill(process)
        raise BenchmarkError(
            f"{name} did not exit within {EXIT_TIMEOUT:.0f} s of SIGTERM"
        ) from None
    if code != 0:
        raise BenchmarkError(f"{name} exited with {code} after SIGTERM{tail(log)}")


def kill(process: subprocess.Popen[bytes]) -> None:
    """Kill a process that is still running and reap it."""
    if process.poll() is None:
        process.kill()
        process.wait()


def tail(log: Path, lines: int = 5) -> str:
    """The last lines of a process's output, to explain a failure."""
    with contextlib.suppress(OSError):
        text = log.read_text(errors="replace").strip().splitlines()[-lines:]
        if text:
            return ":\n    " + "\n    ".join(text)
    return ""


class SharedDisplay:
    """One Xvfb for every group of the run that opens windows, started when the first asks."""

    def __init__(self, stack: contextlib.ExitStack) -> None:
        """No display yet; the one started later is stopped when ``stack`` closes."""
        self._stack = stack
        self._name: str | None = None

    def name(self) -> str:
        """The display's name (``:N``), starting Xvfb on the first call."""
        if self._name is None:
            self._name = self._stack.enter_context(virtual_display())
        return self._name


@contextlib.contextmanager
def virtual_display() -> Iterator[str]:
    """Run one Xvfb (no TCP) for the whole run on a free display it picks; yield its name."""
    reader, writer = os.pipe()
    command = ["Xvfb", "-displayfd", str(writer), "-screen", "0", SCREEN, "-nolisten", "tcp"]
    try:
        process = subprocess.Popen(
            command, pass_fds=(writer,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
    except FileNotFoundError:
        raise BenchmarkError(
            "Xvfb is not installed (tools/system-deps bench installs it)"
        ) from None
    finally:
        os.close(writer)
    try:
        yield f":{display_number(reader, process)}"
    finally:
        os.close(reader)
        process.terminate()
        try:
            process.wait(EXIT_TIMEOUT)
        except subprocess.TimeoutExpired:
            kill(process)


def display_number(reader: int, process: subprocess.Popen[bytes]) -> str:
    """The display number Xvfb writes once it accepts connections."""
    text = b""
    deadline = time.monotonic() + 15
    while not text.endswith(b"\n"):
        ready, _, _ = select.select([reader], [], [], max(0.0, deadline - time.monotonic()))
        chunk = os.read(reader, 16) if ready else b""
        if not chunk:
            raise BenchmarkError(f"Xvfb did not start (exit code {process.poll()})")
        text += chunk
    return text.decode().strip()


def window_figures(windows: Windows, store: dict[str, object]) -> list[Figure]:
    """The start-up, first-run and memory rows of the series that have launches."""
    size = f"{int(str(store['articles'])) // 1000}k store"
    rows = []
    if windows.floor and windows.app:
        names = (f"Start → first article shown, {size}", f"Peak memory, {size}")
        rows += series_figures(names, windows.floor, windows.app, START_RATIO_GOAL, MEMORY_GOAL_MB)
    if windows.floor and windows.fresh:
        names = ("First run, empty folder (sample edition)", "Peak memory, first run")
        rows += series_figures(names, windows.floor, windows.fresh, FIRST_RUN_RATIO_GOAL, None)
    return rows


def series_figures(
    names: tuple[str, str],
    floor: list[Launch],
    app: list[Launch],
    ratio_goal: float,
    memory_goal: float | None,
) -> list[Figure]:
    """A series' time row and memory row, each against the floor's launches."""
    return [
        ratio_figure(names[0], [x.seconds for x in floor], [x.seconds for x in app], ratio_goal),
        memory_figure(names[1], [x.peak_mb for x in floor], [x.peak_mb for x in app], memory_goal),
    ]


def ratio_figure(name: str, floor: list[float], app: list[float], goal: float) -> Figure:
    """A time figure whose goal is a ratio to the floor's median."""
    ratio = statistics.median(app) / statistics.median(floor)
    return Figure(
        name, seconds_with_spread(floor), seconds_with_spread(app), f"{ratio:.2f}x",
        f"≤ {goal:g}x floor", ratio <= goal,
        {"floor_s": floor, "broadsheet_s": app, "ratio": ratio},
    )  # fmt: skip


def memory_figure(name: str, floor: list[float], app: list[float], goal: float | None) -> Figure:
    """A peak-memory figure (medians), with an absolute goal or none."""
    floor_mb, app_mb = statistics.median(floor), statistics.median(app)
    return Figure(
        name, f"{floor_mb:.0f} MB", f"{app_mb:.0f} MB", f"{app_mb / floor_mb:.2f}x",
        f"≤ {goal:g} MB" if goal else "–", None if goal is None else app_mb <= goal,
        {"floor_mb": floor, "broadsheet_mb": app},
    )  # fmt: skip


def seconds_with_spread(values: list[float]) -> str:
    """The median and the min–max range, in seconds."""
    return f"{statistics.median(values):.3f} s ({min(values):.3f}–{max(values):.3f})"


# Responsiveness ----------------------------------------------------------------------------------


def measure_responsiveness(
    report: Report, store: Path, scratch: Path, display: SharedDisplay, *, quick: bool
) -> None:
    """The real window on a copy of the store, in child processes under the run's Xvfb: opening
    articles, text-size steps and scrolling in one, refreshes of the loopback feeds in another."""
    opened, steps, rounds = UI_SAMPLES[quick], UI_SCROLL_STEPS[quick], UI_REFRESH_ROUNDS[quick]
    env = window_environment(display.name(), scratch)
    copy = copied_store(store, scratch / "ui-store")
    try:
        progress(f"Responsiveness: {opened} articles opened, {steps} wheel notches …")
        reading = run_ui_bench(
            env, ["reading", str(copy), "--samples", str(opened), "--scroll-steps", str(steps)]
        )
        progress(f"Responsiveness: {rounds} refreshes of 100 loopback feeds in the window …")
        refreshing = run_ui_bench(env, ["refresh", str(copy), "--rounds", str(rounds)])
        progress(f"Responsiveness: {rounds} refreshes of feeds with pictures in the window …")
        pictured = run_ui_bench(env, ["refresh", str(copy), "--rounds", str(rounds), "--pictures"])
    finally:
        shutil.rmtree(copy, ignore_errors=True)
    report.figures += reading_figures(reading, report.store)
    report.figures += [stall_figure(refreshing), stall_figure(pictured)]


def run_ui_bench(env: dict[str, str], arguments: list[str]) -> dict[str, object]:
    """Run ``ui_bench`` in a child process and read the JSON it prints."""
    return measured_in_child(
        "tests.benchmarks.ui_bench", arguments, env, UI_TIMEOUT_S, BenchmarkError,
        name=f"ui_bench {arguments[0]}",
    )  # fmt: skip


def samples(measured: dict[str, object], key: str) -> list[float]:
    """A list of numbers the child measured, checked to be there."""
    values = measured.get(key)
    if not isinstance(values, list) or not values:
        raise BenchmarkError(f"ui_bench measured no {key}")
    return [float(value) for value in values]


def reading_figures(measured: dict[str, object], store: dict[str, object]) -> list[Figure]:
    """The open, text-size and scrolling rows."""
    size = f"{int(str(store['articles'])) // 1000}k store"
    article = measured.get("text_article")
    characters = article.get("html_characters") if isinstance(article, dict) else None
    length = f"{characters:,} characters" if isinstance(characters, int) else "length unknown"
    scroll, scroll_floor = samples(measured, "scroll_ms"), samples(measured, "scroll_floor_ms")
    return [
        paint_figure(f"Open an article: click → painted with its photo, {size}",
                     samples(measured, "open_floor_ms"), samples(measured, "open_ms"),
                     OPEN_GOAL_MS, {"article_ids": measured.get("open_article_ids")}),
        paint_figure(f"Text-size step on the longest article ({length} of HTML)",
                     samples(measured, "text_floor_ms"), samples(measured, "text_step_ms"),
                     TEXT_STEP_GOAL_MS, {"article": article}),
        scroll_figure(f"Scroll the article list, one wheel notch, p95 of {len(scroll):,}",
                      scroll_floor, scroll, measured),
    ]  # fmt: skip


def paint_figure(
    name: str, floor: list[float], ours: list[float], goal: float, extra: dict[str, object]
) -> Figure:
    """A change timed until painted, against repainting the same widget unchanged (medians)."""
    median, floor_median = statistics.median(ours), statistics.median(floor)
    return Figure(
        name, f"repaint {ms_with_spread(floor)}", ms_with_spread(ours),
        f"{median / floor_median:.1f}x", f"≤ {goal:g} ms", median <= goal,
        {"floor_ms": floor, "broadsheet_ms": ours, **extra},
    )  # fmt: skip


def scroll_figure(
    name: str, floor: list[float], ours: list[float], measured: dict[str, object]
) -> Figure:
    """Scrolling: the p95 frame (median and worst beside it) against the list's repaint p95."""
    p95, floor_p95 = percentile(ours, 95), percentile(floor, 95)
    fetches = measured.get("scroll_fetch_steps")
    pages = len(fetches) if isinstance(fetches, list) else 0
    return Figure(
        name, f"repaint p95 {floor_p95:.2f} ms (median {statistics.median(floor):.2f})",
        f"{p95:.2f} ms (median {statistics.median(ours):.2f}, worst {max(ours):.2f}; "
        f"{pages} pages fetched)", f"{p95 / floor_p95:.1f}x", f"≤ {SCROLL_P95_GOAL_MS:g} ms",
        p95 <= SCROLL_P95_GOAL_MS,
        {"floor_ms": floor, "broadsheet_ms": ours, "fetch_steps": fetches,
         "pixels": measured.get("scroll_pixels"), "rows_shown": measured.get("scroll_rows_shown")},
    )  # fmt: skip


def stall_figure(measured: dict[str, object]) -> Figure:
    """The longest UI stall of each refresh (median, range; the first refresh after the window
    opened, which loads the refresh machinery, named apart), against the idle window's."""
    rounds = measured.get("rounds")
    if not isinstance(rounds, list) or not rounds:
        raise BenchmarkError("ui_bench measured no refresh")
    longest = [float(r["longest_ms"]) for r in rounds]
    idle = [float(r["idle_longest_ms"]) for r in rounds]
    p99 = statistics.median(float(r["p99_ms"]) for r in rounds)
    seconds = statistics.median(float(r["seconds"]) for r in rounds)
    median = statistics.median(longest)
    pictures = ", a picture each" if measured.get("pictures") else ""
    return Figure(
        f"Longest UI stall while refreshing {measured.get('feeds')} feeds x 50 items{pictures} "
        f"({len(rounds)} refreshes)",
        f"idle {ms_with_spread(idle)}",
        f"{ms_with_spread(longest)}, first {longest[0]:.1f}; p99 {p99:.1f} ms; "
        f"refresh {seconds:.1f} s",
        f"{median / statistics.median(idle):.1f}x", f"≤ {STALL_GOAL_MS:g} ms",
        median <= STALL_GOAL_MS, {"floor_ms": idle, "broadsheet_ms": longest, "rounds": rounds},
    )  # fmt: skip


# Refresh and extraction ------------------------------------------------------------------------


def measure_refresh(report: Report, runs: int) -> None:
    """Refresh 100 feeds x 50 items from loopback, and again (all 304), against newsboat."""
    progress(f"Refresh: {runs} rounds of Broadsheet and newsboat …")
    series = news_figures.refresh_series(runs)
    for name, ours, theirs in (
        ("Refresh 100 feeds x 50 items, loopback", "broadsheet", "newsboat"),
        ("Re-refresh, every feed 304", "broadsheet_304", "newsboat_304"),
    ):
        report.figures.append(newsboat_figure(name, series.get(theirs, []), series[ours]))
    progress(f"Refresh with pictures: {runs} rounds with and without …")
    report.figures.append(picture_figure(news_figures.picture_series(runs)))


def picture_figure(series: dict[str, list[float]]) -> Figure:
    """The refresh of feeds with a figure in every item, with its pictures against without."""
    without, pictures = series["without"], series["with"]
    ratio = news_figures.median(pictures) / news_figures.median(without)
    return Figure(
        "Refresh 100 x 50, a figure in each item: with its 5,000 pictures",
        f"without {seconds_with_spread(without)}", seconds_with_spread(pictures),
        f"{ratio:.2f}x", "measured", None, {"without_s": without, "with_s": pictures},
    )  # fmt: skip


def newsboat_figure(name: str, newsboat: list[float], broadsheet: list[float]) -> Figure:
    """A refresh row: Broadsheet against newsboat in the same run (goal: faster)."""
    if not newsboat:
        return Figure(
            name, "newsboat not installed", seconds_with_spread(broadsheet), "–",
            "faster than newsboat", None, {"broadsheet_s": broadsheet},
        )  # fmt: skip
    ratio = news_figures.median(broadsheet) / news_figures.median(newsboat)
    return Figure(
        name, f"newsboat {seconds_with_spread(newsboat)}", seconds_with_spread(broadsheet),
        f"{ratio:.2f}x", "faster than newsboat", ratio < 1.0,
        {"newsboat_s": newsboat, "broadsheet_s": broadsheet, "ratio": ratio},
    )  # fmt: skip


def measure_large_feed(report: Report) -> None:
    """A feed of guid-only entries read whole: twice the entries should take twice the time."""
    small, large = LARGE_FEED_ENTRIES // 2, LARGE_FEED_ENTRIES
    progress(f"Large feed: {small:,} and {large:,} guid-only entries read …")
    half, whole = news_figures.guid_feed_seconds(small), news_figures.guid_feed_seconds(large)
    ratio = whole / half
    report.figures.append(
        Figure(
            f"A feed of {large:,} guid-only entries read, CPU",
            f"{small:,} entries {half:.1f} s",
            f"{whole:.1f} s",
            f"{ratio:.2f}x",
            f"≤ {LARGE_FEED_RATIO_GOAL}x (linear)",
            ratio <= LARGE_FEED_RATIO_GOAL,
            {"half_s": half, "whole_s": whole, "entries": large},
        )
    )


def measure_extraction(report: Report) -> None:
    """Full-article extraction in process, against trafilatura alone on the same pages."""
    progress("Extraction: fixture pages through extract_article and trafilatura …")
    ours, alone = news_figures.extraction_rates(runs=3)
    ratio = ours / alone
    met = ours >= news_figures.EXTRACTION_GOAL_PAGES and ratio >= news_figures.EXTRACTION_RATIO_GOAL
    report.figures.append(
        Figure(
            "Full-article extraction, pages/s in process",
            f"trafilatura {alone:.0f} pages/s",
            f"{ours:.0f} pages/s",
            f"{ratio:.2f}x",
            "≥ 20 pages/s and ≥ 0.3x",
            met,
            {"pages_per_second": ours, "trafilatura_pages_per_second": alone},
        )
    )


# Markets ---------------------------------------------------------------------------------------


def measure_market(report: Report, runs: int) -> None:
    """A market refresh from loopback, first and again, against the fetches alone; then rebasing
    and the series on what it stored, against one division per rate."""
    progress(f"Markets: {runs} rounds of a market refresh and its fetches alone …")
    try:
        figures = market_bench.measure_refreshes(runs)
    except market_server.MarketBenchError as error:
        raise BenchmarkError(str(error)) from None
    refreshes, rebasing, series = figures.refreshes, figures.rebasing, figures.series
    size = f"{refreshes.providers} providers, {refreshes.documents} documents"
    report.figures += [
        market_refresh_figure(f"Market refresh, {size}, loopback", refreshes, refreshes.first),
        market_refresh_figure("Market re-refresh, every figure already stored", refreshes,
                              refreshes.again),
        computation_figure(f"Rebase {rebasing.inputs} rates → {', '.join(rebasing.ours)}",
                           rebasing),
        computation_figure(f"Rate series, {series.inputs:,} rates of 90 days → same", series),
        panel_figure(figures.panel),
    ]  # fmt: skip


def panel_figure(panel: market_bench.PanelPicks) -> Figure:
    """Another base picked in the Markets panel until painted, against repainting its rates."""
    ours, floor = statistics.median(panel.picks), statistics.median(panel.repaints)
    return Figure(
        f"Base picked in the panel: rebase {panel.rates} rates and repaint",
        f"repaint alone {ms_with_spread(panel.repaints)}", ms_with_spread(panel.picks),
        f"{ours / floor:.1f}x", f"< {PANEL_PICK_GOAL_MS:g} ms", ours < PANEL_PICK_GOAL_MS,
        {"floor_ms": panel.repaints, "broadsheet_ms": panel.picks, "rates": panel.rates,
         "history": panel.history},
    )  # fmt: skip


def market_refresh_figure(
    name: str, refreshes: market_bench.Refreshes, ours: list[float]
) -> Figure:
    """A market refresh row: its goal is absolute; the ratio is to the fetches alone."""
    ratio = statistics.median(ours) / statistics.median(refreshes.floor)
    return Figure(
        name, f"httpx alone {seconds_with_spread(refreshes.floor)}", seconds_with_spread(ours),
        f"{ratio:.2f}x", f"< {MARKET_REFRESH_GOAL_S:g} s",
        statistics.median(ours) < MARKET_REFRESH_GOAL_S,
        {"floor_s": refreshes.floor, "broadsheet_s": ours, "ratio": ratio,
         "first_refresh_stored": refreshes.stored},
    )  # fmt: skip


def computation_figure(name: str, measured: market_bench.Computation) -> Figure:
    """A computation row: the median of the bases' medians, with their range; no goal yet."""
    ours, floor = list(measured.ours.values()), list(measured.floor.values())
    ratio = statistics.median(ours) / statistics.median(floor)
    return Figure(
        name, ms_with_spread(floor), ms_with_spread(ours), f"{ratio:.1f}x", "–", None,
        {"floor_ms": measured.floor, "broadsheet_ms": measured.ours, "inputs": measured.inputs},
    )  # fmt: skip


def ms_with_spread(values: list[float]) -> str:
    """The median and the min–max range, in milliseconds."""
    return f"{statistics.median(values):.2f} ms ({min(values):.2f}–{max(values):.2f})"


# The command line ------------------------------------------------------------------------------


def measure_cli(report: Report, store: Path, scratch: Path, runs: int) -> None:
    """Time ``list --json`` on a copy of the store against ``python -c pass``, in turn."""
    copy = copied_store(store, scratch / "cli-store")
    baseline_command = [PYTHON, "-c", "pass"]
    cli_command = [PYTHON, "-m", "desktop", "--data-dir", str(copy), "list", "--json"]
    check_listing(run_process(cli_command)[1])
    run_process(baseline_command)
    baseline, cli = [], []
    for number in range(1, runs + 1):
        baseline.append(run_process(baseline_command)[0])
        cli.append(run_process(cli_command)[0])
        progress(f"CLI {number}/{runs}: python -c pass {baseline[-1]:.3f} s, list {cli[-1]:.3f} s")
    if not synthetic.is_sealed(copy):
        report.errors.append("broadsheet list left the store unsealed (the next start checks it)")
    report.figures.append(cli_figure(baseline, cli, report.store))


def run_process(command: list[str]) -> tuple[float, bytes]:
    """Run a command to its end; its seconds from spawn to exit and its output."""
    env = {key: value for key, value in os.environ.items() if key != "BROADSHEET_DATA_DIR"}
    started = time.monotonic()
    done = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, stdin=subprocess.DEVNULL)
    seconds = time.monotonic() - started
    if done.returncode != 0:
        message = done.stderr.decode(errors="replace").strip()
        raise BenchmarkError(f"{' '.join(command[1:])} exited with {done.returncode}: {message}")
    return seconds, done.stdout


def check_listing(output: bytes) -> None:
    """Make sure ``list --json`` printed articles, so a fast failure is not measured."""
    try:
        rows = json.loads(output)
    except ValueError as error:
        raise BenchmarkError(f"list --json printed no JSON ({error})") from None
    if not isinstance(rows, list) or not rows:
        raise BenchmarkError("list --json printed no articles")


def cli_figure(baseline: list[float], cli: list[float], store: dict[str, object]) -> Figure:
    """The CLI row: its goal is an absolute margin over the bare interpreter."""
    extra = statistics.median(cli) - statistics.median(baseline)
    size = f"{int(str(store['articles'])) // 1000}k store"
    return Figure(
        f"broadsheet list --json, {size} (vs python -c pass)", seconds_with_spread(baseline),
        seconds_with_spread(cli), f"+{extra:.3f} s", f"< +{CLI_EXTRA_GOAL:g} s",
        extra < CLI_EXTRA_GOAL, {"floor_s": baseline, "broadsheet_s": cli, "extra_s": extra},
    )  # fmt: skip


# Search -----------------------------------------------------------------------------------------


def measure_search(report: Report, store: Path, scratch: Path) -> None:
    """Time ``articles.page`` searches against the bare FTS5 query, per query, in process, on
    the command line's copy of the store (made here if that group failed before copying it)."""
    folder = scratch / "cli-store"
    if not folder.exists():
        copied_store(store, folder)
    paths = resolve(folder)
    connection = connect_reader(paths.store)
    try:
        queries = synthetic.search_queries(SEARCH_QUERIES)
        floor = [time_query(partial(raw_fts, connection, query)) for query in queries]
        app = [
            time_query(partial(app_search, connection, query, paths.images)) for query in queries
        ]
    finally:
        connection.close()
    report.figures.extend(search_figures(queries, floor, app))
    progress(f"Search: {len(queries)} queries, p95 {percentile(app, 95):.2f} ms")


def raw_fts(connection: sqlite3.Connection, query: str) -> int:
    """The floor: the FTS5 index alone, newest 200 rowids."""
    return len(connection.execute(FTS_FLOOR, (articles.fts_query(query),)).fetchall())


def app_search(connection: sqlite3.Connection, query: str, images: Path) -> int:
    """What the list does for a typed query: the first page of rows."""
    return len(articles.page(connection, ALL, search=query, images=images).rows)


def time_query(call: Callable[[], int]) -> float:
    """The median of a few timed calls after one untimed call, in milliseconds."""
    call()
    times = []
    for _ in range(SEARCH_REPEATS):
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def search_figures(queries: list[str], floor: list[float], app: list[float]) -> list[Figure]:
    """The p50 and p95 rows, with the slowest queries kept for ``--json``."""
    slowest = sorted(zip(app, floor, queries, strict=True), reverse=True)[:5]
    numbers: dict[str, object] = {
        "queries": queries, "floor_ms": floor, "broadsheet_ms": app,
        "slowest": [{"query": q, "broadsheet_ms": a, "floor_ms": f} for a, f, q in slowest],
    }  # fmt: skip
    rows = []
    for rank, goal in ((50, None), (95, SEARCH_P95_GOAL_MS)):
        floor_ms, app_ms = percentile(floor, rank), percentile(app, rank)
        rows.append(
            Figure(
                f"Search, typed query → rows, p{rank} ({len(queries)} queries)",
                f"{floor_ms:.2f} ms", f"{app_ms:.2f} ms", f"{app_ms / floor_ms:.1f}x",
                f"≤ {goal:g} ms" if goal else "–", None if goal is None else app_ms <= goal,
                numbers if rank == 95 else {},
            )
        )  # fmt: skip
    return rows


def percentile(values: Sequence[float], rank: int) -> float:
    """The nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(rank / 100 * len(ordered)) - 1)]


# Output ------------------------------------------------------------------------------------------


def render(report: Report) -> str:
    """The machine line, the aligned table, and any failures."""
    header = ("figure", "floor", "Broadsheet", "ratio", "goal", "met?")
    rows = [header, *(table_row(figure) for figure in report.figures)]
    widths = [max(len(row[column]) for row in rows) for column in range(len(header))]
    rule = "|" + "|".join("-" * (width + 2) for width in widths) + "|"
    lines = [machine_line(report), store_line(report), "", table_line(header, widths), rule]
    lines += [table_line(row, widths) for row in rows[1:]]
    lines += [f"FAILED: {error}" for error in report.errors]
    return "\n".join(lines)


def table_line(cells: Sequence[str], widths: Sequence[int]) -> str:
    """One row of the table, each cell padded to its column (Markdown-compatible)."""
    return "| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)) + " |"


def table_row(figure: Figure) -> tuple[str, str, str, str, str, str]:
    """A figure's cells."""
    met = "–" if figure.met is None else ("yes" if figure.met else "NO")
    return (figure.figure, figure.floor, figure.broadsheet, figure.ratio, figure.goal, met)


def machine_line(report: Report) -> str:
    """One line about the machine and versions."""
    m = report.machine
    return (
        f"Machine: {m['cpu']}, {m['cores']} cores, {m['os']} · Python {m['python']} · "
        f"PySide6 {m['pyside6']} · SQLite {m['sqlite']} · {m['date']}"
    )


def store_line(report: Report) -> str:
    """One line about the store and the run counts."""
    s = report.store
    seconds = s["generation_seconds"]
    took = f"{seconds:.1f} s" if isinstance(seconds, float) else "unknown time"
    cached = "cached" if s["reused"] else "new"
    return (
        f"Store: {s['articles']:,} articles, {s['megabytes']:,} MB ({cached}; generated in {took})"
        f" · windows: median of {s['window_runs']} launches · CLI: median of {s['cli_runs']} runs"
    )


def report_json(report: Report) -> dict[str, object]:
    """The report as a JSON document."""
    return {
        "machine": report.machine,
        "store": report.store,
        "figures": [asdict(figure) for figure in report.figures],
        "errors": report.errors,
    }


if __name__ == "__main__":
    sys.exit(main())
