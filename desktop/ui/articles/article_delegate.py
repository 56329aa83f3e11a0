"""Painting one row of the article list: thumbnail, headline, source and time, bookmark star."""

from __future__ import annotations

from dataclasses import dataclass

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

from desktop.ui.articles.article_model import Role
from desktop.ui.focus_marks import paint_item_ring
from desktop.ui.reading.reading_column import character_width

Index = QModelIndex | QPersistentModelIndex
PADDING = 10
THUMB = QSize(88, 50)
STAR_SIZE = 22
STAR_ON = "★"
STAR_OFF = "☆"
# The lit star: a deep gold on light rows, a bright one on dark rows and on the selection, each
# over 4.5:1 on what it is drawn on (tests/ui/test_contrast.py).
BOOKMARK_GOLDS = {False: QColor("#7a5a00"), True: QColor("#ffd166")}
UNREAD_DOT = 7.0
LEAST_TITLE_CHARACTERS = 16  # a headline's line at the list's least width


@dataclass(frozen=True, slots=True)
class _Row:
    """What painting one row needs: where, with what, and whether it is selected."""

    painter: QPainter
    option: QStyleOptionViewItem
    index: Index
    selected: bool

    @property
    def read(self) -> bool:
        return bool(self.index.data(Role.READ))

    def colour(self, role: QPalette.ColorRole) -> QColor:
        return self.option.palette.color(role)

    def background(self) -> QColor:
        """What the row is painted on: the selection's highlight, or the base."""
        role = QPalette.ColorRole.Highlight if self.selected else QPalette.ColorRole.Base
        return self.colour(role)

    def text_colour(self, role: QPalette.ColorRole) -> QColor:
        """A text colour that stays readable on the selection's highlight."""
        return self.colour(QPalette.ColorRole.HighlightedText if self.selected else role)


def bookmark_gold(background: QColor) -> QColor:
    """The lit star's gold for a row painted on ``background``."""
    return BOOKMARK_GOLDS[background.lightness() < 128]


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
        row = _Row(painter, option, index, bool(option.state & QStyle.StateFlag.State_Selected))
        self._paint_background(row)
        rect = option.rect.adjusted(PADDING, PADDING, -PADDING, -PADDING)
        self._paint_thumbnail(row, QRect(rect.topLeft(), THUMB))
        text = rect.adjusted(THUMB.width() + PADDING, 0, 0, 0)
        self._paint_title(row, text)
        self._paint_meta(row, text)
        painter.restore()
        paint_item_ring(painter, option)

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

    def _paint_background(self, row: _Row) -> None:
        rect = row.option.rect
        if row.selected:
            row.painter.fillRect(rect, row.colour(QPalette.ColorRole.Highlight))
        elif row.option.state & QStyle.StateFlag.State_MouseOver:
            row.painter.fillRect(rect, row.colour(QPalette.ColorRole.AlternateBase))
        row.painter.setPen(row.colour(QPalette.ColorRole.Mid))
        row.painter.drawLine(rect.left() + PADDING, rect.bottom(), rect.right(), rect.bottom())

    def _paint_thumbnail(self, row: _Row, box: QRect) -> None:
        """The article's thumbnail, or its source's initial where it has none."""
        painter = row.painter
        clip = QPainterPath()
        clip.addRoundedRect(QRectF(box), 4, 4)
        painter.save()
        painter.setClipPath(clip)
        pixmap = _thumbnail(row.index.data(Role.THUMBNAIL), painter.device().devicePixelRatioF())
        if pixmap is not None:
            painter.drawPixmap(box, pixmap)
        else:
            painter.fillRect(box, row.colour(QPalette.ColorRole.AlternateBase))
            painter.setPen(row.colour(QPalette.ColorRole.PlaceholderText))
            painter.setFont(_scaled(painter.font(), 1.6, bold=True))
            source = str(row.index.data(Role.SOURCE) or "?").removeprefix("The ")
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, (source or "?")[0].upper())
        painter.restore()

    def _paint_title(self, row: _Row, rect: QRect) -> None:
        """The headline on up to two lines, bold while unread."""
        font = self._title_font(row.option.font, row.read)
        row.painter.setFont(font)
        row.painter.setPen(row.text_colour(QPalette.ColorRole.Text))
        metrics = QFontMetrics(font)
        y = rect.top()
        for line in _two_lines(str(row.index.data() or ""), font, rect.width()):
            row.painter.drawText(rect.left(), y + metrics.ascent(), line)
            y += metrics.lineSpacing()

    def _paint_meta(self, row: _Row, rect: QRect) -> None:
        """The unread dot, source and time on the bottom line, then the star."""
        painter = row.painter
        font = _scaled(row.option.font, 0.9)
        painter.setFont(font)
        metrics = QFontMetrics(font)
        baseline = rect.bottom() - metrics.descent()
        x = rect.left()
        if not row.read:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(row.colour(QPalette.ColorRole.Accent))
            top = baseline - metrics.xHeight() / 2 - UNREAD_DOT / 2
            painter.drawEllipse(QRectF(x, top, UNREAD_DOT, UNREAD_DOT))
            x += 12
        painter.setPen(row.text_colour(QPalette.ColorRole.PlaceholderText))
        meta = " · ".join(p for p in (row.index.data(Role.SOURCE), row.index.data(Role.WHEN)) if p)
        star = star_rect(row.option.rect)
        elided = metrics.elidedText(meta, Qt.TextElideMode.ElideRight, star.left() - x - 4)
        painter.drawText(x, baseline, elided)
        self._paint_star(row, star)

    def _paint_star(self, row: _Row, rect: QRect) -> None:
        """A gold star when bookmarked, an outline otherwise."""
        on = bool(row.index.data(Role.BOOKMARKED))
        row.painter.setFont(_scaled(row.painter.font(), 1.35))
        row.painter.setPen(
            bookmark_gold(row.background())
            if on
            else row.text_colour(QPalette.ColorRole.PlaceholderText)
        )
        row.painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, STAR_ON if on else STAR_OFF)

    @staticmethod
    def _title_font(base: QFont, read: bool) -> QFont:
        font = QFont(base)
        font.setPointSizeF(base.pointSizeF() * 1.08)
        font.setWeight(QFont.Weight.Normal if read else QFont.Weight.DemiBold)
        return font


def least_row_width(font: QFont) -> int:
    """The narrowest row that keeps its thumbnail and two lines of a headline of about 16
    characters each."""
    title = ArticleDelegate._title_font(font, read=False)
    return 3 * PADDING + THUMB.width() + round(character_width(title) * LEAST_TITLE_CHARACTERS)


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


def _thumbnail(file: str | None, ratio: float) -> QPixmap | None:
    """A thumbnail from the cache folder, scaled once for the screen and kept in Qt's cache."""
    if not file:
        return None
    key = f"thumb:{ratio}:{file}"
    pixmap = QPixmap()
    if QPixmapCache.find(key, pixmap):
        return pixmap
    loaded = QPixmap(file)
    if loaded.isNull():
        return None
    scaled = loaded.scaled(
        THUMB * ratio,
        Qt.AspectRatioMode.KeepAspectRatioByExpanding,
        Qt.TransformationMode.SmoothTransformation,
    )
    scaled.setDevicePixelRatio(ratio)
    QPixmapCache.insert(key, scaled)
    return scaled


def _scaled(base: QFont, factor: float, bold: bool = False) -> QFont:
    """A copy of a font at ``factor`` times its size."""
    font = QFont(base)
    font.setPointSizeF(base.pointSizeF() * factor)
    if bold:
        font.setBold(True)
    return font
