"""The section list: All, Unread, Bookmarks, then one entry per source, with unread counts."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QFont, QPainter, QPalette
from PySide6.QtWidgets import (
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from desktop.domain import ALL, BOOKMARKS, UNREAD, Section, SectionKind, Source
from desktop.store.sources import Counts

SECTION_ROLE = Qt.ItemDataRole.UserRole + 1
COUNT_ROLE = Qt.ItemDataRole.UserRole + 2
HEADING_ROLE = Qt.ItemDataRole.UserRole + 3
Index = QModelIndex | QPersistentModelIndex


class SectionList(QListWidget):
    """Lists the sections; choosing one shows its articles.

    Signals:
        section_chosen(object): the person chose a ``Section``.
    """

    section_chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sectionList")
        self.setAccessibleName("Sections")
        self.setFrameShape(QListWidget.Shape.NoFrame)
        self.setItemDelegate(_SectionDelegate(self))
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setUniformItemSizes(True)  # hundreds of sources: one size, not one query each
        self.currentItemChanged.connect(self._on_current_item_changed)

    def set_sources(self, sources: Sequence[Source]) -> None:
        """Fill the list: the three fixed sections, a heading, then the sources."""
        current = self.current_section()
        self.blockSignals(True)
        self.clear()
        self._add("All articles", ALL)
        self._add("Unread", UNREAD)
        self._add("Bookmarks", BOOKMARKS)
        if sources:
            heading = QListWidgetItem("SOURCES")
            heading.setFlags(Qt.ItemFlag.NoItemFlags)
            heading.setData(HEADING_ROLE, True)
            self.addItem(heading)
        for source in sources:
            self._add(source.title, Section.of_source(source.id))
        self.blockSignals(False)
        self.select(current or ALL)

    def set_counts(self, counts: Counts) -> None:
        """Show unread counts beside the sections and sources, and the number of bookmarks."""
        for row in range(self.count()):
            item = self.item(row)
            section = item.data(SECTION_ROLE)
            if not isinstance(section, Section):
                continue
            if section.kind is SectionKind.UNREAD:
                item.setData(COUNT_ROLE, counts.unread)
            elif section.kind is SectionKind.BOOKMARKS:
                item.setData(COUNT_ROLE, counts.bookmarks)
            elif section.kind is SectionKind.SOURCE and section.source_id is not None:
                item.setData(COUNT_ROLE, counts.unread_by_source.get(section.source_id, 0))

    def current_section(self) -> Section | None:
        """The chosen section, if any."""
        item = self.currentItem()
        section = item.data(SECTION_ROLE) if item else None
        return section if isinstance(section, Section) else None

    def select(self, section: Section) -> None:
        """Choose a section (ALL when it no longer exists)."""
        for row in range(self.count()):
            if self.item(row).data(SECTION_ROLE) == section:
                self.setCurrentRow(row)
                return
        self.setCurrentRow(0)

    def _add(self, label: str, section: Section) -> None:
        item = QListWidgetItem(label)
        item.setData(SECTION_ROLE, section)
        item.setData(Qt.ItemDataRole.AccessibleTextRole, label)
        self.addItem(item)

    def _on_current_item_changed(self, current: QListWidgetItem | None, _: object) -> None:
        section = current.data(SECTION_ROLE) if current else None
        if isinstance(section, Section):
            self.section_chosen.emit(section)


class _SectionDelegate(QStyledItemDelegate):
    """Paints section names with their counts right-aligned, and the sources heading small."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), size.height() + 10)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        if index.data(HEADING_ROLE):
            self._paint_heading(painter, option, index)
            return
        count = index.data(COUNT_ROLE)
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        rect = option.rect.adjusted(12, 0, -10, 0)
        painter.save()
        painter.setPen(option.palette.color(text_role))
        count_text = str(count) if count else ""
        count_width = option.fontMetrics.horizontalAdvance(count_text) + 8 if count_text else 0
        label = option.fontMetrics.elidedText(
            str(index.data()), Qt.TextElideMode.ElideRight, rect.width() - count_width
        )
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignVCenter), label)
        if count_text:
            muted = (
                QPalette.ColorRole.HighlightedText
                if selected
                else QPalette.ColorRole.PlaceholderText
            )
            painter.setPen(option.palette.color(muted))
            painter.drawText(
                rect, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight), count_text
            )
        painter.restore()

    def _paint_heading(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        painter.save()
        font = QFont(option.font)
        font.setPointSizeF(font.pointSizeF() * 0.8)
        font.setBold(True)
        font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 110)
        painter.setFont(font)
        painter.setPen(option.palette.color(QPalette.ColorRole.PlaceholderText))
        rect = QRect(option.rect.adjusted(12, 0, -10, -4))
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignBottom), str(index.data()))
        painter.restore()
