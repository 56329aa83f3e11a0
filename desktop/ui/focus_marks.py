"""Showing where the keyboard is: a ring around the current row of a focused list, and a frame
around a focused reader or table, in the palette's colours so that they hold in either
appearance (a focus mark needs 3:1 against what it is drawn on, as WCAG asks)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen, QRegion
from PySide6.QtWidgets import (
    QAbstractItemView,
    QProxyStyle,
    QStyle,
    QStyleOption,
    QStyleOptionFocusRect,
    QStyleOptionViewItem,
    QWidget,
)

RING_WIDTH = 2
RING_RADIUS = 4.0
LEAST_CONTRAST = 3.0
Role = QPalette.ColorRole


def ring_colour(palette: QPalette, on_selection: bool = False) -> QColor:
    """The colour of a focus mark: the highlighted text's on a selected row, else the
    highlight's, or the link colour where the highlight is too dark to tell on the base."""
    if on_selection:
        return palette.color(Role.HighlightedText)
    base, highlight = palette.color(Role.Base), palette.color(Role.Highlight)
    if contrast(highlight, base) >= LEAST_CONTRAST:
        return highlight
    return palette.color(Role.Link)


def contrast(one: QColor, other: QColor) -> float:
    """The WCAG contrast ratio of two colours, from 1 to 21."""
    lighter, darker = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def paint_item_ring(painter: QPainter, option: QStyleOptionViewItem) -> None:
    """A rounded ring inside the row of a view that has the keyboard's focus on that row."""
    if not option.state & QStyle.StateFlag.State_HasFocus:
        return
    selected = bool(option.state & QStyle.StateFlag.State_Selected)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(ring_colour(option.palette, selected), RING_WIDTH))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    inset = RING_WIDTH / 2 + 1
    painter.drawRoundedRect(
        QRectF(option.rect).adjusted(inset, inset, -inset, -inset), RING_RADIUS, RING_RADIUS
    )
    painter.restore()


def paint_frame(painter: QPainter, rect: QRect, palette: QPalette) -> None:
    """A focus frame along the inside of ``rect``."""
    half = RING_WIDTH / 2
    painter.save()
    painter.setPen(QPen(ring_colour(palette), RING_WIDTH))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(QRectF(rect).adjusted(half, half, -half, -half))
    painter.restore()


class FocusFrame(QWidget):
    """A frame drawn over the edge of another widget while it (or its viewport) has focus; it
    takes no clicks and no focus, and covers nothing but its edge."""

    def __init__(self, target: QWidget) -> None:
        super().__init__(target)
        self.setObjectName("focusFrame")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self._target = target
        target.installEventFilter(self)
        if isinstance(target, QAbstractItemView):
            target.viewport().installEventFilter(self)
        self._fit()
        self.setVisible(target.hasFocus())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.FocusIn, QEvent.Type.FocusOut):
            self.setVisible(_has_focus(self._target))
            self.raise_()
        elif kind == QEvent.Type.Resize and watched is self._target:
            self._fit()
        return False

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        paint_frame(painter, self.rect(), self._target.palette())
        painter.end()

    def _fit(self) -> None:
        """Cover the target, showing (and taking mouse hits on) only a frame along its edge."""
        rect = QRect(0, 0, self._target.width(), self._target.height())
        self.setGeometry(rect)
        inner = rect.adjusted(RING_WIDTH, RING_WIDTH, -RING_WIDTH, -RING_WIDTH)
        self.setMask(QRegion(rect).subtracted(QRegion(inner)))


class FocusStyle(QProxyStyle):
    """Fusion with a focus ring that shows: Fusion's is a faint tint, and on a push button it
    draws none (a focused button looks like the dialog's default one). Like Fusion's, the ring
    is drawn once the keyboard has moved the focus, not after a click."""

    def __init__(self) -> None:
        super().__init__("Fusion")

    def drawControl(  # noqa: N802 (Qt override)
        self,
        element: QStyle.ControlElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawControl(element, option, painter, widget)
        focused = QStyle.StateFlag.State_HasFocus | QStyle.StateFlag.State_KeyboardFocusChange
        if element == QStyle.ControlElement.CE_PushButton and option.state & focused == focused:
            inside = QStyle.SubElement.SE_PushButtonFocusRect
            rect = self.subElementRect(inside, option, widget) if widget else option.rect
            _paint_ring(painter, rect, option.palette)

    def drawPrimitive(  # noqa: N802 (Qt override)
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if element != QStyle.PrimitiveElement.PE_FrameFocusRect:
            super().drawPrimitive(element, option, painter, widget)
        elif option.state & QStyle.StateFlag.State_KeyboardFocusChange:
            behind = option.backgroundColor if isinstance(option, QStyleOptionFocusRect) else None
            _paint_ring(painter, option.rect, option.palette, behind)


def _paint_ring(
    painter: QPainter, rect: QRect, palette: QPalette, behind: QColor | None = None
) -> None:
    """A ring along the inside of ``rect``, in the focus colour that stands out more from what
    it is drawn on (a selected cell's highlight, or the page)."""
    colour = ring_colour(palette)
    if behind is not None and behind.isValid():
        other = ring_colour(palette, on_selection=True)
        colour = max((colour, other), key=lambda candidate: contrast(candidate, behind))
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(colour, RING_WIDTH))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    inset = RING_WIDTH / 2
    painter.drawRoundedRect(QRectF(rect).adjusted(inset, inset, -inset, -inset), 2.0, 2.0)
    painter.restore()


def show_focus(widget: QWidget) -> FocusFrame:
    """Frame ``widget`` while it has focus (a reader, a table: views whose rows draw none)."""
    return FocusFrame(widget)


def _has_focus(widget: QWidget) -> bool:
    if widget.hasFocus():
        return True
    return isinstance(widget, QAbstractItemView) and widget.viewport().hasFocus()


def _luminance(colour: QColor) -> float:
    """A colour's relative luminance (sRGB)."""

    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(c) for c in (colour.redF(), colour.greenF(), colour.blueF()))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue
