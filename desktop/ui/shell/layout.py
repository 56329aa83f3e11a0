"""Stacking widgets in a column or a row, with the window's spacing."""

from __future__ import annotations

from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QVBoxLayout, QWidget

SPACING = 6


def column(*widgets: QWidget, margins: tuple[int, int, int, int]) -> QWidget:
    """Stack widgets with a little spacing between them."""
    container = QWidget()
    _fill(QVBoxLayout(container), widgets, margins)
    return container


def row(*widgets: QWidget) -> QWidget:
    """Put widgets side by side, with a little spacing between them."""
    container = QWidget()
    _fill(QHBoxLayout(container), widgets, (0, 0, 0, 0))
    return container


def _fill(
    layout: QBoxLayout, widgets: tuple[QWidget, ...], margins: tuple[int, int, int, int]
) -> None:
    layout.setContentsMargins(*margins)
    layout.setSpacing(SPACING)
    for widget in widgets:
        layout.addWidget(widget)
