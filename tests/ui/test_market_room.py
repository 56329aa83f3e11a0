"""The reader before the Markets panel, at 800 x 600, 1280 x 800 and 1600 x 1000: the reading
column keeps 45 characters a line; the panel narrows, gives way with its toggle lit, comes back
when there is room, and is remembered across restarts."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from desktop.ui.market.market_room import READER_CHARACTERS
from tests.ui.conftest import WindowFactory
from tests.ui.market_window import (
    SIZES,
    market_dock,
    market_room,
    opened,
    reader_characters,
    settle,
    toggle,
)

pytestmark = [
    pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints"),
    pytest.mark.usefixtures("british_utc"),
]


@pytest.mark.usefixtures("live")
@pytest.mark.parametrize("size", SIZES, ids=lambda size: "x".join(map(str, size)))
def test_the_reading_column_keeps_45_characters_a_line(
    qtbot: QtBot, open_window: WindowFactory, size: tuple[int, int]
) -> None:
    window = opened(qtbot, open_window, size)
    dock, room = market_dock(window), market_room(window)
    assert toggle(window).isChecked()
    if size == (800, 600):
        # No room beside the list for both: the panel gives way, its toggle still lit.
        assert not dock.isVisible() and room.gave_way
        assert "makes room for the article" in window.statusBar().currentMessage()
    else:
        assert dock.isVisible() and not room.gave_way
        assert reader_characters(window) >= READER_CHARACTERS
        assert dock.width() >= dock.minimumSizeHint().width()


@pytest.mark.usefixtures("live")
def test_the_panel_narrows_gives_way_and_comes_back_as_the_window_changes(
    qtbot: QtBot, open_window: WindowFactory
) -> None:
    window = opened(qtbot, open_window, (1600, 1000))
    dock, room = market_dock(window), market_room(window)
    wide = dock.width()
    settle(qtbot, window, (1280, 800))
    assert dock.isVisible() and dock.width() <= wide
    assert reader_characters(window) >= READER_CHARACTERS
    settle(qtbot, window, (1100, 800))
    assert not dock.isVisible() and room.gave_way and toggle(window).isChecked()
    settle(qtbot, window, (800, 600))
    assert not dock.isVisible() and toggle(window).isChecked()
    settle(qtbot, window, (1600, 1000))
    qtbot.waitUntil(dock.isVisible)
    qtbot.waitUntil(lambda: dock.width() == wide)  # the width it had, not its least
    assert "makes room" not in window.statusBar().currentMessage()  # no longer true
    assert not market_room(window).gave_way
    assert reader_characters(window) >= READER_CHARACTERS


@pytest.mark.usefixtures("live")
@pytest.mark.parametrize("size", SIZES, ids=lambda size: "x".join(map(str, size)))
def test_the_toggle_shows_and_hides_the_panel_at_every_size(
    qtbot: QtBot, open_window: WindowFactory, size: tuple[int, int]
) -> None:
    window = opened(qtbot, open_window, size)
    dock, action = market_dock(window), toggle(window)
    if size == (800, 600):
        reading = window.reader.width()
        action.trigger()  # it gave way: asked for, it floats over the article
        qtbot.waitUntil(dock.isVisible)
        assert dock.isFloating() and action.isChecked()
        assert window.reader.width() == reading  # floating, it takes nothing from the reader
    action.trigger()
    qtbot.waitUntil(lambda: not dock.isVisible())
    assert not action.isChecked()
    action.trigger()
    qtbot.waitUntil(lambda: dock.isVisible() or market_room(window).gave_way)
    assert action.isChecked()


@pytest.mark.usefixtures("live")
def test_a_floated_panel_docks_again_when_the_window_has_room(
    qtbot: QtBot, open_window: WindowFactory
) -> None:
    window = opened(qtbot, open_window, (800, 600))
    dock = market_dock(window)
    toggle(window).trigger()
    qtbot.waitUntil(lambda: dock.isVisible() and dock.isFloating())
    settle(qtbot, window, (1600, 1000))
    qtbot.waitUntil(lambda: dock.isVisible() and not dock.isFloating())
    assert reader_characters(window) >= READER_CHARACTERS


@pytest.mark.usefixtures("live")
def test_a_panel_that_gave_way_comes_back_after_a_restart_in_a_wider_window(
    qtbot: QtBot, open_window: WindowFactory
) -> None:
    first = opened(qtbot, open_window, (800, 600))
    assert market_room(first).gave_way
    first.close()
    second = opened(qtbot, open_window, (1600, 1000))
    qtbot.waitUntil(market_dock(second).isVisible)
    assert toggle(second).isChecked()


@pytest.mark.usefixtures("live")
def test_a_panel_that_gave_way_is_still_lit_after_a_restart_in_a_small_window(
    qtbot: QtBot, open_window: WindowFactory
) -> None:
    first = opened(qtbot, open_window, (800, 600))
    first.close()
    second = opened(qtbot, open_window, (800, 600))
    dock = market_dock(second)
    assert not dock.isVisible() and toggle(second).isChecked()
    toggle(second).trigger()
    qtbot.waitUntil(lambda: dock.isVisible() and dock.isFloating())
    assert toggle(second).isChecked()


@pytest.mark.usefixtures("live")
def test_turned_on_in_a_narrow_window_the_panel_waits_lit_and_floats_when_asked_again(
    qtbot: QtBot, open_window: WindowFactory
) -> None:
    window = opened(qtbot, open_window, (1600, 1000))
    dock, action = market_dock(window), toggle(window)
    action.trigger()
    qtbot.waitUntil(lambda: not dock.isVisible())
    settle(qtbot, window, (800, 600))
    action.trigger()
    qtbot.waitUntil(lambda: market_room(window).gave_way)
    assert action.isChecked() and not dock.isVisible()
    action.trigger()
    qtbot.waitUntil(lambda: dock.isVisible() and dock.isFloating())
    assert action.isChecked()


@pytest.mark.usefixtures("live")
def test_a_panel_the_reader_closed_stays_closed_after_a_restart(
    qtbot: QtBot, open_window: WindowFactory
) -> None:
    first = opened(qtbot, open_window, (1600, 1000))
    market_dock(first).close()  # its title bar's close button
    qtbot.waitUntil(lambda: not toggle(first).isChecked())
    first.close()
    second = opened(qtbot, open_window, (1600, 1000))
    assert not market_dock(second).isVisible() and not toggle(second).isChecked()
    toggle(second).trigger()
    qtbot.waitUntil(market_dock(second).isVisible)


@pytest.mark.usefixtures("live")
def test_a_larger_text_size_takes_room_from_the_panel_not_from_the_line(
    qtbot: QtBot, open_window: WindowFactory
) -> None:
    window = opened(qtbot, open_window, (1600, 1000))
    dock = market_dock(window)
    wide = dock.width()
    window.set_text_size(200)
    settle(qtbot, window, (1600, 1000))
    assert dock.isVisible() and dock.width() < wide  # narrower, the line kept whole
    assert reader_characters(window) >= READER_CHARACTERS
    settle(qtbot, window, (1280, 800))
    assert not dock.isVisible() and market_room(window).gave_way
    window.set_text_size(100)
    qtbot.waitUntil(dock.isVisible)
    settle(qtbot, window, (1280, 800))
    assert reader_characters(window) >= READER_CHARACTERS
