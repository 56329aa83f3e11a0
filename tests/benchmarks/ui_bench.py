"""How the real window answers: opening an article, a text-size step, scrolling, refreshing.

Run by ``run.py`` in a child process under its Xvfb (real xcb windows, so every frame is painted
into the window's backing store and put to the X server), on a copy of the synthetic store. It
builds the window as the app does (``create_window`` on the profile, shown at 1400x900) and
prints one JSON object on stdout. Two modes, each in its own process::

    python -m tests.benchmarks.ui_bench reading STORE_FOLDER [--samples N] [--scroll-steps N]
    python -m tests.benchmarks.ui_bench refresh STORE_FOLDER [--rounds N]

A *frame* here is what Qt's next frame would do: the pending update requests are sent at once
(``sendPostedEvents(UpdateRequest)``), which paints every dirty widget and flushes the window.
A sample ends when the widget measured has received its Paint event (an event filter counts
them); no paint within ``PAINT_TIMEOUT`` fails the run.

- ``reading``: (1) *open an article*: another row of the list made current, as a click does, on
  a row in view, each time an article not opened before whose photo was not shown before, until
  the reader has painted it; the sample counts only if that photo was decoded while it was timed
  and the paint covered the reader. (2) *text-size step*: the longest article in the store,
  scrolled to its middle, one step of the app's own Larger/Smaller Text action (Ctrl++ and
  Ctrl+-), in turn, until the reader has painted. (3) *scrolling*: one wheel notch on the article
  list after another from its top, the list fetching its next page of rows when it reaches its
  end, each notch until the list has painted. The floor of each: the widget measured marked dirty
  whole and painted the same way, nothing changed, right after each sample.
- ``refresh``: the store's first 100 feed subscriptions point at ``feed_server`` (the refresh
  benchmark's 100 feeds x 50 items, a new edition each round, so every round stores 5,000
  articles), the others are paused. Each round presses Refresh (F5) and, until the refresh has
  ended and the window has shown what it brought, a 2 ms precise timer notes when it fires: a gap
  between two ticks is time the UI thread could not answer. The floor: the same probe for as long
  again, the window idle.

Every automatic refresh is turned off in the profile's settings first (a person's choice in
Preferences), so nothing runs that the benchmark did not start.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path

SCREEN = (1400, 900)
OPEN_SAMPLES = 40
TEXT_SAMPLES = 30
SCROLL_STEPS = 1500
WARM_UP = 4
REFRESH_ROUNDS = 3
PAINT_TIMEOUT = 5.0
SETTLE_S = 0.2
STARTUP_SETTLE_S = 1.5
REFRESH_TIMEOUT_S = 180.0
REFRESH_TAIL_S = 0.5
PROBE_MS = 2
WHEEL_NOTCH = 120
LONGEST_GAPS = 20


def parse_arguments(argv: list[str] | None) -> argparse.Namespace:
    """The mode, the store folder and the sample counts."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("mode", choices=("reading", "refresh"))
    parser.add_argument("folder", type=Path, help="a copy of a store's profile folder")
    parser.add_argument("--samples", type=int, default=OPEN_SAMPLES, help="articles opened")
    parser.add_argument("--scroll-steps", type=int, default=SCROLL_STEPS, help="wheel notches")
    parser.add_argument("--rounds", type=int, default=REFRESH_ROUNDS, help="refreshes")
    parser.add_argument(
        "--pictures", action="store_true", help="refresh feeds with a picture in every item"
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Measure one mode and print its JSON on stdout (a line of medians on stderr); 1 when
    something it waited for did not happen."""
    arguments = parse_arguments(argv)
    from desktop.ui import binding

    binding.apply()  # as python -m desktop does, before the window's modules are imported
    from tests.benchmarks import ui_measure

    try:
        measured = (
            ui_measure.measure_reading(arguments.folder, arguments.samples, arguments.scroll_steps)
            if arguments.mode == "reading"
            else ui_measure.measure_refreshes(
                arguments.folder, arguments.rounds, arguments.pictures
            )
        )
    except ui_measure.FAILURES as error:
        print(f"ui_bench: {error}", file=sys.stderr)
        return 1
    print(json.dumps(measured))
    print(summary(measured), file=sys.stderr)
    return 0


def summary(measured: dict[str, object]) -> str:
    """One line of medians, for whoever runs it by hand."""
    rounds = measured.get("rounds")
    if isinstance(rounds, list):
        return "longest gaps " + ", ".join(f"{r['longest_ms']:.1f} ms" for r in rounds)
    parts = []
    for name, key in (("open", "open_ms"), ("text", "text_step_ms"), ("scroll", "scroll_ms")):
        values = measured[key]
        assert isinstance(values, list)
        parts.append(f"{name} {statistics.median(values):.2f} ms")
    return ", ".join(parts)


if __name__ == "__main__":
    sys.exit(main())
