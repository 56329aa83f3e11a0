"""Light and dark appearance: follows the system's colour scheme unless the person chose one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from desktop.settings import Appearance
from desktop.ui.focus_marks import FocusStyle
from desktop.ui.reading.article_html import Colours

Role = QPalette.ColorRole
Group = QPalette.ColorGroup

LIGHT = {
    Role.Window: "#f4f1ea", Role.WindowText: "#1f1d1a", Role.Base: "#fffdf8",
    Role.AlternateBase: "#efe9dd", Role.Text: "#1f1d1a", Role.Button: "#ece7dc",
    Role.ButtonText: "#1f1d1a", Role.Highlight: "#23395d", Role.HighlightedText: "#ffffff",
    Role.PlaceholderText: "#6b665e", Role.Link: "#1d4e89", Role.Mid: "#d8d1c3",
    Role.Accent: "#9b2c2c", Role.ToolTipBase: "#fffdf8", Role.ToolTipText: "#1f1d1a",
    Role.Light: "#ffffff", Role.Midlight: "#f0ebe1", Role.Dark: "#a59e90", Role.Shadow: "#5c574f",
    Role.BrightText: "#ffffff", Role.LinkVisited: "#5b3e8a",
}  # fmt: skip
DARK = {
    Role.Window: "#1d1f22", Role.WindowText: "#e6e1d8", Role.Base: "#17181a",
    Role.AlternateBase: "#24262a", Role.Text: "#e6e1d8", Role.Button: "#2a2d31",
    Role.ButtonText: "#e6e1d8", Role.Highlight: "#3d5a80", Role.HighlightedText: "#ffffff",
    Role.PlaceholderText: "#9a958c", Role.Link: "#8ab4f8", Role.Mid: "#3a3d42",
    Role.Accent: "#e07a6a", Role.ToolTipBase: "#2a2d31", Role.ToolTipText: "#e6e1d8",
    Role.Light: "#3a3d42", Role.Midlight: "#303337", Role.Dark: "#101113", Role.Shadow: "#000000",
    Role.BrightText: "#ffffff", Role.LinkVisited: "#c58af9",
}  # fmt: skip
# Fusion draws a text field's edge in the window colour darkened by 40 %, which on the dark
# palette is black on near-black. Text fields get a window colour of their own (which they never
# paint) whose darker shade stands out from the field by 3:1, as WCAG asks of a control's edge.
FIELD_EDGES = {False: "#8f8a81", True: "#767a82"}
FIELDS = ("QLineEdit", "QAbstractSpinBox")


def contrast(one: QColor, other: QColor) -> float:
    """The WCAG 2 contrast ratio of two colours, from 1 (the same) to 21 (black on white)."""
    lighter, darker = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _luminance(colour: QColor) -> float:
    """WCAG's relative luminance of an sRGB colour."""

    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(c) for c in (colour.redF(), colour.greenF(), colour.blueF()))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def is_dark(appearance: Appearance) -> bool:
    """Whether the chosen appearance (or the system's, for "system") is dark."""
    if appearance != "system":
        return appearance == "dark"
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def apply(app: QApplication, appearance: Appearance) -> None:
    """Give the application the Fusion style (with a focus ring that shows) and the light or
    dark newspaper palette."""
    if not isinstance(app.style(), FocusStyle):
        app.setStyle(FocusStyle())
    dark = is_dark(appearance)
    app.setPalette(palette(dark))
    for kind in FIELDS:
        # PySide6's stubs type the class name as bytes, which it refuses at run time.
        app.setPalette(field_palette(dark), kind)  # type: ignore[arg-type]


def palette(dark: bool) -> QPalette:
    """The light or dark palette, with disabled text dimmed."""
    colours = DARK if dark else LIGHT
    result = QPalette()
    for role, colour in colours.items():
        result.setColor(role, QColor(colour))
    dimmed = QColor(colours[Role.PlaceholderText])
    for role in (Role.Text, Role.WindowText, Role.ButtonText):
        result.setColor(Group.Disabled, role, dimmed)
    return result


def field_palette(dark: bool) -> QPalette:
    """The palette of text fields: the window's, with a window colour that gives Fusion's edge
    of the field ``FIELD_EDGES``."""
    result = palette(dark)
    result.setColor(Role.Window, QColor(FIELD_EDGES[dark]).lighter(140))
    return result


def reader_colours(palette: QPalette) -> Colours:
    """Reader colours that follow the window's light or dark palette."""
    role = QPalette.ColorRole
    return Colours(
        text=palette.color(role.Text).name(),
        muted=palette.color(role.PlaceholderText).name(),
        accent=palette.color(role.Accent).name(),
        link=palette.color(role.Link).name(),
        rule=palette.color(role.Mid).name(),
    )
