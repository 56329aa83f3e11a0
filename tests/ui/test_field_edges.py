"""Text fields have edges a reader can see, in the light and the dark appearance: the article
search, the market filter and the converter's amount stand out from the window by 3:1."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from desktop.settings import Appearance
from desktop.ui import appearance
from tests.ui.conftest import WindowFactory
from tests.ui.market_window import settle, show_panel

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints")


def luminance(colour: QColor) -> float:
    """WCAG's relative luminance."""

    def channel(value: int) -> float:
        share = value / 255
        return share / 12.92 if share <= 0.03928 else ((share + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(c) for c in (colour.red(), colour.green(), colour.blue()))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(one: QColor, other: QColor) -> float:
    """WCAG's contrast ratio of two colours."""
    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize("look", ["light", "dark"])
def test_text_fields_have_visible_edges(
    qtbot: QtBot, open_window: WindowFactory, look: Appearance
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    appearance.apply(app, look)
    window = open_window()
    settle(qtbot, window, (1280, 800))
    show_panel(qtbot, window)
    window.reader.setFocus()  # no field has the focus, whose ring would hide its plain edge
    for name in ("searchBox", "marketFilter", "convertAmount"):
        field = window.findChild(QLineEdit, name)
        assert field is not None
        image = field.grab().toImage()
        edge = image.pixelColor(0, image.height() // 2)
        inside = field.palette().base().color()
        assert contrast(edge, inside) >= 3, (name, edge.name(), inside.name())
