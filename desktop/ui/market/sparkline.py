"""Sparklines: a figure's recent history drawn as a small line in its table row.

The model gives the series (``SERIES_ROLE``: a tuple of floats, oldest first) and whether the row
is stale; the delegate scales the line to the cell, colours it by its direction over the period
(green up, red down, grey when stale or flat) and marks the last point.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from desktop.ui.market.market_roles import SERIES_ROLE, STALE_ROLE, muted_colour, trend_colour

Index = QModelIndex | QPersistentModelIndex
WIDTH = 52
MARGIN = 3
DOT = 2.0


class SparklineDelegate(QStyledItemDelegate):
    """Paints a cell's series as a line, over the usual selection and hover background."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        """The background as any cell, then the line (nothing when fewer than two points)."""
        self.initStyleOption(option, index)
        option.text = ""
        widget = option.widget
        style = widget.style() if isinstance(widget, QWidget) else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)
        series = index.data(SERIES_ROLE)
        if not isinstance(series, tuple) or len(series) < 2:
            return
        rect = QRectF(option.rect).adjusted(MARGIN, MARGIN + 1, -MARGIN - DOT, -MARGIN - 1)
        colour = _colour(series, bool(index.data(STALE_ROLE)), option)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(colour, 1.25))
        path, last = _path(series, rect)
        painter.drawPath(path)
        painter.setBrush(colour)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawEllipse(last, DOT, DOT)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        """A fixed width; the row's height is the table's."""
        return QSize(WIDTH, super().sizeHint(option, index).height())


def _colour(series: Sequence[float], stale: bool, option: QStyleOptionViewItem) -> QColor:
    """Green when the period ended higher, red when lower, grey when flat or stale."""
    palette = option.palette
    if stale:
        return muted_colour(palette)
    trend = (series[-1] > series[0]) - (series[-1] < series[0])
    return trend_colour(trend, palette)


def _path(series: Sequence[float], rect: QRectF) -> tuple[QPainterPath, QPointF]:
    """The series scaled into ``rect`` (a flat series runs along the middle), and its last
    point."""
    low, high = min(series), max(series)
    span = high - low
    step = rect.width() / (len(series) - 1)
    path = QPainterPath()
    point = QPointF()
    for position, value in enumerate(series):
        share = 0.5 if span == 0 else (value - low) / span
        point = QPointF(rect.left() + position * step, rect.bottom() - share * rect.height())
        if position == 0:
            path.moveTo(point)
        else:
            path.lineTo(point)
    return path, point
