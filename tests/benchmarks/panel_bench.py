"""The Markets panel's base change: rebasing every rate and repainting the panel, in a child.

Run by ``market_bench`` on the store its last refresh left (``python -m
tests.benchmarks.panel_bench STORE_FOLDER``): it reads the figures as the window does
(``load_market``), shows them in a ``MarketDock`` docked in a 1400x900 main window, then picks
bases in the base box as a person does. Each pick is timed from ``setCurrentIndex`` (the panel
rebases 170 rates, works out that base's sparkline series from the 90-day history the first time
it is shown, and updates the rows in place) until Qt has painted what the pick made dirty (the
table's rows, its heading, the base box, the status line): the pending update requests are sent
at once, as the next frame would send them. Its floor, timed right after: the currency table's
viewport marked dirty whole and painted the same way, with nothing changed.

Every round starts from ``show_market``, so each base's series is worked out afresh (its first
pick, the slow case); medians over all rounds. It prints one JSON object on stdout.
"""

from __future__ import annotations

import gc
import json
import os
import statistics
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

from desktop.operations.market_view import MarketView, load_market
from desktop.paths import resolve
from desktop.store.database import connect

BASES = ("EUR", "JPY", "GBP", "CHF", "USD")
ROUNDS = 15
SCREEN = (1400, 900)
# As in market_bench: the morning after the fixtures' day, so the whole history is in view.
SHOWN_AT = datetime(2024, 10, 26, 9, tzinfo=UTC)


def read_view(folder: Path) -> MarketView:
    """The figures as the window loads them."""
    connection = connect(resolve(folder).store)
    try:
        return load_market(connection, SHOWN_AT)
    finally:
        connection.close()


def measure(folder: Path, rounds: int = ROUNDS) -> dict[str, object]:
    """Milliseconds of each base pick with its repaint, and of the repaint alone."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtWidgets import QApplication, QComboBox, QMainWindow, QTableView, QTextBrowser

    from desktop.ui.market.market_dock import MarketDock

    view = read_view(folder)
    app = QApplication.instance() or QApplication([])
    window = QMainWindow()
    window.setCentralWidget(QTextBrowser())
    dock = MarketDock(window)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)

    def show() -> None:
        dock.show_market(
            view.rates,
            view.quotes,
            "USD",
            SHOWN_AT,
            rate_history=view.rate_history,
            quote_history=view.quote_history,
            statuses=view.statuses,
        )

    show()
    window.resize(*SCREEN)
    window.show()
    app.processEvents()
    panel = dock.panel
    box = panel.findChild(QComboBox, "baseCurrency") if panel is not None else None
    table = panel.findChild(QTableView, "currencyTable") if panel is not None else None
    if panel is None or box is None or table is None:
        raise SystemExit("the market panel was not built")

    def paint_dirty() -> None:
        app.sendPostedEvents(None, QEvent.Type.UpdateRequest.value)

    def pick_base(index: int) -> None:
        box.setCurrentIndex(index)
        paint_dirty()

    def repaint() -> None:
        table.viewport().update()
        paint_dirty()

    picks: list[float] = []
    repaints: list[float] = []
    gc.collect()
    for number in range(rounds + 1):  # round 0 warms up and is not counted
        show()
        app.processEvents()
        for base in BASES:
            index = box.findData(base)
            if index < 0:
                raise SystemExit(f"{base} is not offered as a base")
            pick = timed(partial(pick_base, index))
            again = timed(repaint)
            app.processEvents()
            if number:
                picks.append(pick)
                repaints.append(again)
    return {
        "rates": len(view.rates),
        "history": len(view.rate_history),
        "rounds": rounds,
        "bases": list(BASES),
        "pick_ms": picks,
        "repaint_ms": repaints,
    }


def timed(call: Callable[[], object]) -> float:
    """Milliseconds of one call."""
    started = time.perf_counter()
    call()
    return (time.perf_counter() - started) * 1000


def main(argv: list[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else argv
    if len(arguments) != 1:
        print("usage: python -m tests.benchmarks.panel_bench STORE_FOLDER", file=sys.stderr)
        return 2
    measured = measure(Path(arguments[0]))
    print(json.dumps(measured))
    picks, repaints = measured["pick_ms"], measured["repaint_ms"]
    assert isinstance(picks, list) and isinstance(repaints, list)
    print(
        f"base pick + repaint {statistics.median(picks):.2f} ms, "
        f"repaint alone {statistics.median(repaints):.2f} ms",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
