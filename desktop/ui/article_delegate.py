"""Painting one row of the article list: thumbnail, headline, source and time, bookmark star."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPalette,
    QPixmap,
    QPixmapCache,
    QTextLayout,
)
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from desktop.ui.article_model import Role

Index = QModelIndex | QPersistentModelIndex
PADDING = 10
THUMB = QSize(88, 50)
STAR_SIZE = 22
STAR_ON = "★"
STAR_OFF = "☆"
BOOKMARK_GOLD = QColor("#d4a017")


class ArticleDelegate(QStyledItemDelegate):
    """Paints article rows and turns a click on the star into a bookmark request.

    Signals:
        star_clicked(QModelIndex): the star of a row was clicked.
    """

    star_clicked = Signal(QModelIndex)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        title = self._title_font(option.font, read=False)
        height = 2 * QFontMetrics(title).lineSpacing() + QFontMetrics(option.font).lineSpacing()
        return QSize(320, max(THUMB.height(), height + 4) + 2 * PADDING)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette: QPalette = option.palette
        self._paint_background(painter, option, selected)
        rect = option.rect.adjusted(PADDING, PADDING, -PADDING, -PADDING)
        self._paint_thumbnail(painter, rect, index, palette)
        text_rect = rect.adjusted(THUMB.width() + PADDING, 0, 0, 0)
        self._paint_text(painter, option, text_rect, index, selected)
        painter.restore()

    def editorEvent(
        self, event: QEvent, model: object, option: QStyleOptionViewItem, index: Index
    ) -> bool:
        if (
            event.type() == QEvent.Type.MouseButtonRelease
            and isinstance(event, QMouseEvent)
            and star_rect(option.rect).contains(event.position().toPoint())
        ):
            self.star_clicked.emit(index.model().index(index.row(), index.column()))
            return True
        return False

    def _paint_background(
        self, painter: QPainter, option: QStyleOptionViewItem, selected: bool
    ) -> None:
        palette: QPalette = option.palette
        if selected:
            painter.fillRect(option.rect, palette.color(QPalette.ColorRole.Highlight))
        elif option.state & QStyle.StateFlag.State_MouseOver:
            painter.fillRect(option.rect, palette.color(QPalette.ColorRole.AlternateBase))
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        bottom = option.rect.bottom()
        painter.drawLine(option.rect.left() + PADDING, bottom, option.rect.right(), bottom)

    def _paint_thumbnail(
        self, painter: QPainter, rect: QRect, index: Index, palette: QPalette
    ) -> None:
        box = QRect(rect.topLeft(), THUMB)
        clip = QPainterPath()
        clip.addRoundedRect(QRectF(box), 4, 4)
        painter.save()
        painter.setClipPath(clip)
        pixmap = _thumbnail(index.data(Role.THUMBNAIL))
        if pixmap is not None:
            painter.drawPixmap(box, pixmap)
        else:
            painter.fillRect(box, palette.color(QPalette.ColorRole.AlternateBase))
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            initial = (str(index.data(Role.SOURCE) or "?").removeprefix("The ") or "?")[0]
            font = QFont(painter.font())
            font.setPointSizeF(font.pointSizeF() * 1.6)
            font.setBold(True)
            painter.setFont(font)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, initial.upper())
        painter.restore()

    def _paint_text(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        rect: QRect,
        index: Index,
        selected: bool,
    ) -> None:
        palette: QPalette = option.palette
        read = bool(index.data(Role.READ))
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        title_font = self._title_font(option.font, read)
        painter.setFont(title_font)
        painter.setPen(palette.color(text_role))
        metrics = QFontMetrics(title_font)
        title_width = rect.width()
        y = rect.top()
        for line in _two_lines(
            str(index.data(Qt.ItemDataRole.DisplayRole) or ""), title_font, title_width
        ):
            painter.drawText(rect.left(), y + metrics.ascent(), line)
            y += metrics.lineSpacing()
        self._paint_meta(painter, option, rect, index, selected, read)

    def _paint_meta(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        rect: QRect,
        index: Index,
        selected: bool,
        read: bool,
    ) -> None:
        palette: QPalette = option.palette
        font = QFont(option.font)
        font.setPointSizeF(font.pointSizeF() * 0.9)
        painter.setFont(font)
        metrics = QFontMetrics(font)
        baseline = rect.bottom() - metrics.descent()
        x = rect.left()
        if not read:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(palette.color(QPalette.ColorRole.Accent))
            radius = 3.5
            painter.drawEllipse(
                QRectF(x, baseline - metrics.xHeight() / 2 - radius, 2 * radius, 2 * radius)
            )
            x += 12
        muted = (
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.PlaceholderText
        )
        painter.setPen(palette.color(muted))
        meta = " · ".join(p for p in (index.data(Role.SOURCE), index.data(Role.WHEN)) if p)
        star = star_rect(option.rect)
        painter.drawText(
            x, baseline, metrics.elidedText(meta, Qt.TextElideMode.ElideRight, star.left() - x - 4)
        )
        self._paint_star(painter, star, bool(index.data(Role.BOOKMARKED)), palette, selected)

    def _paint_star(
        self, painter: QPainter, rect: QRect, on: bool, palette: QPalette, selected: bool
    ) -> None:
        font = QFont(painter.font())
        font.setPointSizeF(font.pointSizeF() * 1.35)
        painter.setFont(font)
        if on:
            painter.setPen(BOOKMARK_GOLD)
        else:
            role = (
                QPalette.ColorRole.HighlightedText
                if selected
                else QPalette.ColorRole.PlaceholderText
            )
            painter.setPen(palette.color(role))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, STAR_ON if on else STAR_OFF)

    @staticmethod
    def _title_font(base: QFont, read: bool) -> QFont:
        font = QFont(base)
        font.setPointSizeF(base.pointSizeF() * 1.08)
        font.setWeight(QFont.Weight.Normal if read else QFont.Weight.DemiBold)
        return font


def star_rect(row: QRect) -> QRect:
    """Where a row's bookmark star sits: the bottom right corner."""
    return QRect(
        row.right() - PADDING - STAR_SIZE,
        row.bottom() - PADDING - STAR_SIZE + 4,
        STAR_SIZE,
        STAR_SIZE,
    )


def _two_lines(text: str, font: QFont, width: int) -> list[str]:
    """Break a headline into at most two lines, the second elided."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    first = layout.createLine()
    if not first.isValid():
        layout.endLayout()
        return []
    first.setLineWidth(width)
    layout.endLayout()
    head = text[: first.textLength()].rstrip()
    rest = text[first.textLength() :].strip()
    if not rest:
        return [head]
    return [head, QFontMetrics(font).elidedText(rest, Qt.TextElideMode.ElideRight, width)]


def _thumbnail(file: str | None) -> QPixmap | None:
    """A thumbnail from the cache folder, scaled once and kept in Qt's pixmap cache."""
    if not file:
        return None
    key = f"thumb:{file}"
    pixmap = QPixmap()
    if QPixmapCache.find(key, pixmap):
        return pixmap
    loaded = QPixmap(file)
    if loaded.isNull() or not Path(file).is_file():
        return None
    scaled = loaded.scaled(
        THUMB,
        Qt.AspectRatioMode.KeepAspectRatioByExpanding,
        Qt.TransformationMode.SmoothTransformation,
    )
    QPixmapCache.insert(key, scaled)
    return scaled
