"""The window under measurement for ``ui_bench``: frames, paint counters, the event-loop probe,
and each measurement. Imported only by ``ui_bench.main``, so that the benchmark's main module
stays as light as the app's (a refresh's parser processes import the main module).
"""

from __future__ import annotations

import math
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, QRect, Qt, QTimer
from PySide6.QtGui import QImage, QWheelEvent
from PySide6.QtWidgets import QApplication, QListView, QWidget

from desktop import APP_NAME, settings
from desktop.paths import resolve
from desktop.profile import close_profile
from desktop.store.database import connect, connect_reader, transaction
from desktop.ui import appearance
from tests.benchmarks import feed_server, refresh_bench
from tests.benchmarks.ui_bench import (
    LONGEST_GAPS,
    PAINT_TIMEOUT,
    PROBE_MS,
    REFRESH_TAIL_S,
    REFRESH_TIMEOUT_S,
    SCREEN,
    SETTLE_S,
    STARTUP_SETTLE_S,
    WARM_UP,
    WHEEL_NOTCH,
)

if TYPE_CHECKING:
    from desktop.ui.articles.article_model import ArticleListModel
    from desktop.ui.reading.reader import ArticleBrowser
    from desktop.ui.shell.main_window import MainWindow


class UiBenchError(RuntimeError):
    """Something the benchmark waited for did not happen (no paint, no refresh, no photo)."""


# The window ------------------------------------------------------------------------------------


class PaintCounter(QObject):
    """Counts the Paint events a widget receives, and keeps the last one's rectangle."""

    def __init__(self, widget: QWidget) -> None:
        """Start counting the paints of ``widget``."""
        super().__init__(widget)
        self.count = 0
        self.last_rect = QRect()
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Note a paint; never stop the event."""
        if event.type() == QEvent.Type.Paint:
            self.count += 1
            self.last_rect = event.rect()  # type: ignore[attr-defined]
        return False


@dataclass
class Scene:
    """The window under measurement and what the benchmark watches in it."""

    app: QApplication
    window: MainWindow
    articles: QListView
    reader: ArticleBrowser
    reader_paints: PaintCounter
    list_paints: PaintCounter
    decoded: list[tuple[str, bool]] = field(default_factory=list)

    @property
    def model(self) -> ArticleListModel:
        """The article list's model."""
        from desktop.ui.articles.article_model import ArticleListModel

        model = self.articles.model()
        assert isinstance(model, ArticleListModel)
        return model


def quiet_profile(folder: Path) -> None:
    """Turn automatic refreshing off in the profile's settings (Preferences: refresh by hand)."""
    paths = resolve(folder)
    chosen = settings.load(paths.settings)
    settings.save(replace(chosen, refresh_minutes=0), paths.settings)


def open_scene(folder: Path) -> Scene:
    """The application and the window over ``folder``, as the app builds them, shown at
    1400x900 and settled (first article open, market panel filled, counts shown)."""
    from desktop.app import create_window
    from desktop.ui.articles.article_list import ArticleListView

    quiet_profile(folder)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([APP_NAME])
    appearance.apply(app, settings.load(resolve(folder).settings).appearance)
    window = create_window(folder, complete=True)
    window.resize(*SCREEN)
    window.show()
    articles = window.findChild(ArticleListView, "articleList")
    if articles is None:
        raise UiBenchError("the window has no article list")
    scene = Scene(
        app, window, articles, window.reader,
        PaintCounter(window.reader.viewport()), PaintCounter(articles.viewport()),
    )  # fmt: skip
    watch_photo_decoding(scene)
    wait_for(scene.app, lambda: scene.reader_paints.count > 0, "the window's first paint")
    settle(scene.app, STARTUP_SETTLE_S)
    return scene


def watch_photo_decoding(scene: Scene) -> None:
    """Note every photo the reader decodes (file, whether it decoded), to check a sample."""
    from desktop.ui.reading import reader_pictures

    decode = reader_pictures.scaled_photo

    def noted(file: Path, width: int | None, ratio: float) -> QImage | None:
        """Decode as the reader does, and note the file and whether it decoded."""
        image = decode(file, width, ratio)
        scene.decoded.append((str(file), image is not None and not image.isNull()))
        return image

    reader_pictures.scaled_photo = noted


def close_scene(scene: Scene) -> None:
    """Close the window as a person does: queued writes finish and the store is sealed."""
    scene.window.close()
    scene.app.processEvents()


def frame(app: QApplication) -> None:
    """Do what the next frame does: paint every widget an update asked for, and flush."""
    app.sendPostedEvents(None, QEvent.Type.UpdateRequest.value)


def until_painted(app: QApplication, paints: PaintCounter, before: int, what: str) -> None:
    """Run frames (and, between them, the other pending events) until the widget painted."""
    deadline = time.perf_counter() + PAINT_TIMEOUT
    frame(app)
    while paints.count == before:
        if time.perf_counter() > deadline:
            raise UiBenchError(f"no paint of {what} arrived within {PAINT_TIMEOUT:g} s")
        app.processEvents()
        frame(app)


def timed_paint(app: QApplication, paints: PaintCounter, change: Callable[[], object]) -> float:
    """Milliseconds from ``change`` until the widget behind ``paints`` has painted."""
    before = paints.count
    started = time.perf_counter()
    change()
    until_painted(app, paints, before, "the widget measured")
    return (time.perf_counter() - started) * 1000


def repaint_floor(app: QApplication, widget: QWidget, paints: PaintCounter) -> float:
    """The floor: the widget marked dirty whole and painted, nothing changed."""
    return timed_paint(app, paints, widget.update)


def settle(app: QApplication, seconds: float) -> None:
    """Let the event loop run for a while (writes land, counts arrive, layout finishes)."""
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        app.processEvents()
        time.sleep(0.002)


def wait_for(app: QApplication, condition: Callable[[], bool], what: str) -> None:
    """Run the event loop until ``condition`` holds; fail after ``PAINT_TIMEOUT``."""
    deadline = time.perf_counter() + PAINT_TIMEOUT
    while not condition():
        if time.perf_counter() > deadline:
            raise UiBenchError(f"{what} did not happen within {PAINT_TIMEOUT:g} s")
        app.processEvents()
        frame(app)
        time.sleep(0.001)


# Reading: opening articles ---------------------------------------------------------------------


def measure_opens(scene: Scene, samples: int) -> dict[str, object]:
    """Open ``samples`` articles (after ``WARM_UP`` more) from the list, each until painted."""
    opened, floors, ids = [], [], []
    for number, row in enumerate(open_targets(scene, samples + WARM_UP)):
        bring_into_view(scene, row)
        took, article_id = open_row(scene, row)
        floor = repaint_floor(scene.app, scene.reader.viewport(), scene.reader_paints)
        settle(scene.app, SETTLE_S)
        if number >= WARM_UP:
            opened.append(took)
            floors.append(floor)
            ids.append(article_id)
    return {"open_ms": opened, "open_floor_ms": floors, "open_article_ids": ids}


def open_targets(scene: Scene, count: int) -> list[int]:
    """Rows of articles with photos, each photo a different one, none the article shown; the
    list fetches more pages while it needs more."""
    model, shown = scene.model, scene.reader.article
    rows: list[int] = []
    seen: set[str] = set()
    row = 0
    while len(rows) < count:
        if row >= model.rowCount():
            if not model.canFetchMore():
                raise UiBenchError(f"only {len(rows)} articles with distinct photos in the list")
            model.fetchMore()
            continue
        found = model.article_at(row)
        fresh = found is not None and (shown is None or found.id != shown.id)
        if found is not None and fresh and found.thumbnail and str(found.thumbnail) not in seen:
            seen.add(str(found.thumbnail))
            rows.append(row)
        row += 1
    return rows


def bring_into_view(scene: Scene, row: int) -> None:
    """Scroll the list so the row is in view, as it is when a person clicks it (untimed)."""
    scene.articles.scrollTo(scene.model.index(row))
    frame(scene.app)
    settle(scene.app, SETTLE_S / 2)


def open_row(scene: Scene, row: int) -> tuple[float, int]:
    """Make the row current (what a click does) and time it until the reader has painted the
    article; check the article and its photo are what was painted."""
    found = scene.model.article_at(row)
    assert found is not None
    scene.decoded.clear()
    took = timed_paint(
        scene.app,
        scene.reader_paints,
        lambda: scene.articles.setCurrentIndex(scene.model.index(row)),
    )
    article = scene.reader.article
    if article is None or article.id != found.id:
        raise UiBenchError(f"the reader did not open article {found.id}")
    if article.photo is None:
        raise UiBenchError(f"article {found.id} has no photo")
    if (str(article.photo.file.resolve()), True) not in scene.decoded:
        raise UiBenchError(f"the photo of article {found.id} was not decoded while timed")
    check_covered(scene.reader_paints, scene.reader.viewport(), "the reader")
    return took, found.id


def check_covered(paints: PaintCounter, widget: QWidget, what: str) -> None:
    """The last paint covered the whole widget (not a sliver that happened to be dirty)."""
    if not paints.last_rect.contains(widget.rect()):
        raise UiBenchError(f"the paint of {what} covered only {paints.last_rect}")


# Reading: text size ------------------------------------------------------------------------------


def longest_article(folder: Path) -> tuple[int, int]:
    """The id and length (characters of HTML) of the store's longest article."""
    connection = connect_reader(resolve(folder).store)
    try:
        row = connection.execute(
            "SELECT id, length(body_html) FROM articles ORDER BY length(body_html) DESC LIMIT 1"
        ).fetchone()
    finally:
        connection.close()
    if row is None:
        raise UiBenchError("the store has no articles")
    return int(row[0]), int(row[1])


def measure_text_steps(scene: Scene, folder: Path, samples: int) -> dict[str, object]:
    """Text-size steps up and down in turn on the longest article, read from its middle."""
    article_id, characters = longest_article(folder)
    scene.window.open_article(article_id)
    settle(scene.app, SETTLE_S * 2)  # the rest of its layout is done in the background
    bar = scene.reader.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    settle(scene.app, SETTLE_S)
    steps, floors = [], []
    commands = scene.window.commands
    for number in range(samples + WARM_UP):
        action = commands.zoom_in if number % 2 == 0 else commands.zoom_out
        before = scene.reader.text_size
        took = timed_paint(scene.app, scene.reader_paints, action.trigger)
        if scene.reader.text_size == before:
            raise UiBenchError(f"the text size stayed at {before} %")
        check_covered(scene.reader_paints, scene.reader.viewport(), "the reader")
        floor = repaint_floor(scene.app, scene.reader.viewport(), scene.reader_paints)
        settle(scene.app, SETTLE_S)
        if number >= WARM_UP:
            steps.append(took)
            floors.append(floor)
    return {
        "text_step_ms": steps,
        "text_floor_ms": floors,
        "text_article": {"id": article_id, "html_characters": characters},
    }


# Reading: scrolling ------------------------------------------------------------------------------


def wheel_notch(view: QListView) -> None:
    """One notch of a mouse wheel, down, over the middle of the list."""
    centre = QPointF(view.viewport().rect().center())
    event = QWheelEvent(
        centre, QPointF(view.viewport().mapToGlobal(centre)), QPoint(), QPoint(0, -WHEEL_NOTCH),
        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase,
        False,
    )  # fmt: skip
    QApplication.sendEvent(view.viewport(), event)


def measure_scroll(scene: Scene, steps: int) -> dict[str, object]:
    """Wheel notches down the list from its top, each until the list has painted."""
    view, app = scene.articles, scene.app
    bar = view.verticalScrollBar()
    for _ in range(WARM_UP * 3):
        timed_paint(app, scene.list_paints, lambda: wheel_notch(view))
    bar.setValue(0)
    settle(app, SETTLE_S)
    rows_before, times, floors, fetches = scene.model.rowCount(), [], [], []
    for number in range(steps):
        value, rows = bar.value(), scene.model.rowCount()
        times.append(timed_paint(app, scene.list_paints, lambda: wheel_notch(view)))
        if bar.value() <= value:
            raise UiBenchError(f"the list did not scroll at notch {number} (at {value} px)")
        if scene.model.rowCount() > rows:
            fetches.append(number)
        floors.append(repaint_floor(app, view.viewport(), scene.list_paints))
        app.processEvents()
    return {
        "scroll_ms": times,
        "scroll_floor_ms": floors,
        "scroll_pixels": bar.value(),
        "scroll_rows_shown": scene.model.rowCount(),
        "scroll_rows_at_start": rows_before,
        "scroll_fetch_steps": fetches,
    }


def measure_reading(folder: Path, samples: int, scroll_steps: int) -> dict[str, object]:
    """Open, text-size and scroll figures on one window."""
    scene = open_scene(folder)
    try:
        results: dict[str, object] = {"articles": article_count(folder)}
        results |= measure_opens(scene, samples)
        results |= measure_text_steps(scene, folder, max(2, samples * 3 // 4))
        results |= measure_scroll(scene, scroll_steps)
    finally:
        close_scene(scene)
    return results


def article_count(folder: Path) -> int:
    """How many articles the store holds."""
    connection = connect_reader(resolve(folder).store)
    try:
        return int(connection.execute("SELECT count(*) FROM articles").fetchone()[0])
    finally:
        connection.close()


# Refresh -----------------------------------------------------------------------------------------


class GapProbe(QObject):
    """A precise timer every ``PROBE_MS``: the gaps between its ticks are how long the UI thread
    could not answer."""

    def __init__(self, parent: QObject | None = None) -> None:
        """A probe that has not started yet."""
        super().__init__(parent)
        self.ticks: list[float] = []
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(PROBE_MS)
        self._timer.timeout.connect(self._on_timeout)

    def start(self) -> None:
        """Begin a new series of ticks."""
        self.ticks = [time.perf_counter()]
        self._timer.start()

    def stop(self) -> list[float]:
        """End the series; the gaps between its ticks in milliseconds."""
        self._timer.stop()
        self.ticks.append(time.perf_counter())
        return [(b - a) * 1000 for a, b in zip(self.ticks, self.ticks[1:], strict=False)]

    def _on_timeout(self) -> None:
        """Note the time of a tick."""
        self.ticks.append(time.perf_counter())


def subscribe_to_loopback(folder: Path, urls: list[str]) -> None:
    """Point the store's first feed subscriptions at the loopback feeds and pause the others,
    so a refresh asks only the loopback server; the store is sealed again afterwards."""
    paths = resolve(folder)
    connection = connect(paths.store)
    try:
        with transaction(connection):
            ids = [
                int(row[0])
                for row in connection.execute(
                    "SELECT id FROM sources WHERE kind = 'feed' AND removed IS NULL ORDER BY id"
                )
            ]
            if len(ids) < len(urls):
                raise UiBenchError(f"the store has {len(ids)} feeds, not {len(urls)}")
            connection.execute("UPDATE sources SET disabled = 1 WHERE kind = 'feed'")
            connection.executemany(
                "UPDATE sources SET url = ?, etag = NULL, last_modified = NULL, disabled = 0, "
                "last_error = NULL, failing_since = NULL, retry_after = NULL WHERE id = ?",
                list(zip(urls, ids, strict=False)),
            )
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()
    close_profile(paths)


def next_edition(folder: Path) -> int:
    """The first edition of the feeds this store has not stored yet (a store refreshed by an
    earlier run has some), so that every round's items are new."""
    connection = connect_reader(resolve(folder).store)
    try:
        stored = connection.execute(
            "SELECT count(*) FROM articles WHERE guid LIKE 'http://paper0.example/news/%'"
        ).fetchone()[0]
    finally:
        connection.close()
    return 1 + int(stored) // refresh_bench.ITEMS


@dataclass(frozen=True)
class Round:
    """One refresh and its idle floor: seconds, and the probe's gaps in milliseconds."""

    seconds: float
    gaps: list[float]
    idle_gaps: list[float]
    stored: int

    def summary(self) -> dict[str, object]:
        """The round's figures for the JSON, with its longest gaps."""
        return {
            "seconds": self.seconds,
            "stored": self.stored,
            "longest_ms": max(self.gaps),
            "p99_ms": percentile(self.gaps, 99),
            "ticks": len(self.gaps),
            "idle_longest_ms": max(self.idle_gaps),
            "idle_p99_ms": percentile(self.idle_gaps, 99),
            "longest_gaps_ms": sorted(self.gaps, reverse=True)[:LONGEST_GAPS],
            "idle_longest_gaps_ms": sorted(self.idle_gaps, reverse=True)[:LONGEST_GAPS],
        }


def measure_refreshes(folder: Path, rounds: int, pictures: bool = False) -> dict[str, object]:
    """``rounds`` refreshes of the 100 loopback feeds, each a new edition, in one window (with
    ``pictures``, every item with a figure whose picture the refresh downloads)."""
    with feed_server.running(pictures) as server:
        subscribe_to_loopback(folder, server.feed_urls())
        scene = open_scene(folder)
        try:
            probe = GapProbe(scene.window)
            measured, first = [], next_edition(folder)
            for number in range(first, first + rounds):
                server.publish(number)
                measured.append(refresh_round(scene, folder, probe))
                settle(scene.app, 1.0)
        finally:
            close_scene(scene)
    return {
        "feeds": len(server.feed_urls()),
        "pictures": pictures,
        "rounds": [m.summary() for m in measured],
    }


def refresh_round(scene: Scene, folder: Path, probe: GapProbe) -> Round:
    """Press Refresh and probe the event loop until it ended and the window has shown what it
    brought; then probe the idle window as long."""
    before = article_count(folder)
    action = scene.window.commands.refresh
    ended: list[float] = []

    def on_changed() -> None:
        """Note when the Refresh action is enabled again: the refresh has ended."""
        if action.isEnabled() and not ended:
            ended.append(time.perf_counter())

    probe.start()
    started = time.perf_counter()
    action.trigger()
    if action.isEnabled():
        raise UiBenchError("the refresh did not start")
    action.changed.connect(on_changed)
    try:
        run_loop_until(scene.app, lambda: bool(ended), REFRESH_TIMEOUT_S, "the refresh's end")
        seconds = ended[0] - started
        run_loop_for(scene.app, REFRESH_TAIL_S)
    finally:
        action.changed.disconnect(on_changed)
    gaps = probe.stop()
    stored = article_count(folder) - before
    if stored <= 0:
        raise UiBenchError("the refresh stored no article")
    settle(scene.app, 1.0)
    probe.start()
    run_loop_for(scene.app, seconds + REFRESH_TAIL_S)
    return Round(seconds, gaps, probe.stop(), stored)


def run_loop_until(
    app: QApplication, condition: Callable[[], bool], timeout: float, what: str
) -> None:
    """Run Qt's event loop (``QEventLoop.exec``) until ``condition`` holds, checked every tick."""
    from PySide6.QtCore import QEventLoop

    loop = QEventLoop()
    checker = QTimer()
    checker.setInterval(5)
    checker.timeout.connect(lambda: loop.quit() if condition() else None)
    QTimer.singleShot(int(timeout * 1000), loop.quit)
    checker.start()
    loop.exec()
    checker.stop()
    if not condition():
        raise UiBenchError(f"{what} did not come within {timeout:g} s")


def run_loop_for(app: QApplication, seconds: float) -> None:
    """Run Qt's event loop for ``seconds``."""
    from PySide6.QtCore import QEventLoop

    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()


# Figures -----------------------------------------------------------------------------------------


def percentile(values: list[float], rank: float) -> float:
    """The nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(rank / 100 * len(ordered)) - 1)]


FAILURES = (UiBenchError, feed_server.FeedServerError, sqlite3.Error)
