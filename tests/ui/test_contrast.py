"""Every text reads at 4.5:1 or more (WCAG AA) on what it is drawn on, in the light and the dark
appearance, at start and after switching while the window is open: the palettes' text colours,
the market figures (rises, falls, stale ones, on plain and alternate rows), the panel's lines,
the reader's colours and the list's star."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QBrush, QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from desktop.ui import appearance
from desktop.ui.appearance import DARK, LIGHT, contrast, palette
from desktop.ui.articles.article_delegate import bookmark_gold
from desktop.ui.market.market_tables import FiguresView
from desktop.ui.shell.main_window import MainWindow
from tests.ui.conftest import WindowFactory
from tests.ui.market_window import label, settle, show_panel

AA = 4.5
Role = QPalette.ColorRole
# Each text colour of the palettes, and what it is drawn on.
TEXTS = {
    Role.Text: (Role.Base, Role.AlternateBase),
    Role.WindowText: (Role.Window,),
    Role.ButtonText: (Role.Button,),
    Role.PlaceholderText: (Role.Base, Role.AlternateBase, Role.Window, Role.Button),
    Role.Link: (Role.Base, Role.AlternateBase, Role.Window),
    Role.LinkVisited: (Role.Base, Role.Window),
    Role.Accent: (Role.Base,),  # the reader's kicker
    Role.HighlightedText: (Role.Highlight,),
    Role.ToolTipText: (Role.ToolTipBase,),
}

Pairs = list[tuple[str, QColor, QColor]]


def test_contrast_is_measured_as_wcag_says() -> None:
    assert contrast(QColor("black"), QColor("white")) == pytest.approx(21)
    assert contrast(QColor("#777"), QColor("#777")) == pytest.approx(1)
    assert contrast(QColor("#767676"), QColor("white")) == pytest.approx(4.54, abs=0.01)


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_every_text_colour_of_the_palettes_reads_on_its_backgrounds(dark: bool) -> None:
    colours = palette(dark)
    assert set(TEXTS) <= set(DARK if dark else LIGHT)
    low = [
        (text.name, ground.name, round(contrast(colours.color(text), colours.color(ground)), 2))
        for text, grounds in TEXTS.items()
        for ground in grounds
        if contrast(colours.color(text), colours.color(ground)) < AA
    ]
    assert low == []


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_the_lit_star_reads_on_rows_hovered_rows_and_the_selection(dark: bool) -> None:
    colours = palette(dark)
    for ground in (Role.Base, Role.AlternateBase, Role.Highlight):
        background = colours.color(ground)
        assert contrast(bookmark_gold(background), background) >= AA, ground.name


def test_every_text_reads_at_start_and_after_each_switch_of_appearance(
    qtbot: QtBot, open_window: WindowFactory
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    appearance.apply(app, "light")
    window = open_window()
    settle(qtbot, window, (1600, 1000))
    show_panel(qtbot, window)
    assert _low_contrast(window) == []
    for choice in ("dark", "light", "dark"):
        _choose(window, choice)
        dark = choice == "dark"
        qtbot.waitUntil(lambda: _base_is_dark(window) == dark)  # noqa: B023 (waited for here)
        assert _low_contrast(window) == [], choice
        assert _links_drawn_in(label(window, "quoteKeyNote"), dark)


def _links_drawn_in(note: QLabel, dark: bool) -> bool:
    """Whether the label's link is painted in this appearance's link colour, and none of it in
    the other's (a rich-text label keeps the colour it was laid out with)."""
    image = note.grab().toImage()
    wanted, stale = (QColor((DARK if d else LIGHT)[Role.Link]) for d in (dark, not dark))
    seen = {
        image.pixelColor(x, y).rgb() for x in range(image.width()) for y in range(image.height())
    }
    return _near(seen, wanted) and not _near(seen, stale)


def _near(seen: set[int], colour: QColor) -> bool:
    """Whether a pixel of ``seen`` is (all but) ``colour``: the stems of a link's letters."""
    target = (colour.red(), colour.green(), colour.blue())
    for rgb in seen:
        pixel = ((rgb >> 16) & 255, (rgb >> 8) & 255, rgb & 255)
        if sum(abs(a - b) for a, b in zip(pixel, target, strict=True)) < 24:
            return True
    return False


def _choose(window: MainWindow, choice: str) -> None:
    """View > Appearance > Light or Dark, as a person picks it."""
    for action in window.findChildren(QAction):
        if action.text().replace("&", "") == choice.title() and action.isCheckable():
            action.trigger()
            return
    raise AssertionError(f"no {choice} appearance in the View menu")


def _base_is_dark(window: MainWindow) -> bool:
    return window.palette().color(Role.Base).lightness() < 128


def _low_contrast(window: MainWindow) -> list[tuple[str, str, str, float]]:
    pairs = _label_pairs(window) + _figure_pairs(window) + _reader_pairs(window)
    assert len(pairs) > 100  # the panel's lines and every cell of both tables were measured
    return [
        (what, text.name(), ground.name(), round(contrast(text, ground), 2))
        for what, text, ground in pairs
        if contrast(text, ground) < AA
    ]


def _label_pairs(window: MainWindow) -> Pairs:
    """Each shown label's text (and links) on the window colour it stands on."""
    pairs: Pairs = []
    for shown in window.findChildren(QLabel):
        if not shown.isVisible() or not shown.text():
            continue
        colours = shown.palette()
        ground = colours.color(shown.backgroundRole())
        name = shown.objectName() or shown.text()[:30]
        pairs.append((name, colours.color(shown.foregroundRole()), ground))
        if "<a " in shown.text():
            pairs.append((f"{name} link", colours.color(Role.Link), ground))
    return pairs


def _figure_pairs(window: MainWindow) -> Pairs:
    """Each cell of the market tables in its colour, on plain rows and on alternate ones."""
    pairs: Pairs = []
    for view in window.findChildren(FiguresView):
        model, colours = view.model(), view.palette()
        grounds = [colours.color(Role.Base)]
        if view.alternatingRowColors():
            grounds.append(colours.color(Role.AlternateBase))
        for row in range(model.rowCount()):
            for column in range(model.columnCount()):
                index = model.index(row, column)
                shown = index.data(Qt.ItemDataRole.ForegroundRole)
                text = shown.color() if isinstance(shown, QBrush) else shown
                if not isinstance(text, QColor):
                    text = colours.color(Role.Text)
                pairs += [(f"{view.objectName()} {row},{column}", text, g) for g in grounds]
    return pairs


def _reader_pairs(window: MainWindow) -> Pairs:
    """The reader's text, muted lines, kicker and links on its base."""
    colours = window.reader.palette()
    ground = colours.color(Role.Base)
    roles = (Role.Text, Role.PlaceholderText, Role.Accent, Role.Link)
    return [(f"reader {role.name}", colours.color(role), ground) for role in roles]
