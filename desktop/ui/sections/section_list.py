"""The section list: All, Unread, Bookmarks, then the sources under their folders, with unread
counts, a mark on a source whose last refresh failed, and a context menu to mark a section or a
folder read and to edit a source. A long name is shortened in its middle, where names that
share a beginning ("The Daily Courier — Sport", "— Politics") still differ."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import groupby

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QContextMenuEvent, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QListWidget,
    QListWidgetItem,
    QMenu,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from desktop.domain import ALL, BOOKMARKS, UNREAD, Section, SectionKind, Source
from desktop.operations.reading import Counts
from desktop.ui.focus_marks import paint_item_ring

SECTION_ROLE = Qt.ItemDataRole.UserRole + 1
COUNT_ROLE = Qt.ItemDataRole.UserRole + 2
HEADING_ROLE = Qt.ItemDataRole.UserRole + 3
SOURCE_ROLE = Qt.ItemDataRole.UserRole + 4
STATE_ROLE = Qt.ItemDataRole.UserRole + 5  # "failing", "gone" or None
FOLDER_ROLE = Qt.ItemDataRole.UserRole + 6  # a folder heading's folder
Index = QModelIndex | QPersistentModelIndex
UNFILED = "Sources"
GONE_SENTENCE = "This feed is gone (the site said so); it is no longer refreshed."
WARNING_MARK = "⚠"


class SectionList(QListWidget):
    """Lists the sections; choosing one shows its articles; a source's context menu edits it.

    Signals:
        section_chosen(object): the person chose a ``Section``.
        rename_requested(object): the person asked to rename a ``Source``.
        move_requested(object): the person asked to move a ``Source`` to another folder.
        full_articles_toggled(object, bool): the person switched full articles of a ``Source``.
        refresh_requested(object): the person asked to refresh one ``Source`` now.
        remove_requested(object): the person asked to remove a ``Source``.
        mark_read_requested(object, str, int): the person asked to mark a ``Section`` (named
            by the str) read, its articles older than the int in days (0: all of them).
    """

    section_chosen = Signal(object)
    rename_requested = Signal(object)
    move_requested = Signal(object)
    full_articles_toggled = Signal(object, bool)
    refresh_requested = Signal(object)
    remove_requested = Signal(object)
    mark_read_requested = Signal(object, str, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sectionList")
        self.setAccessibleName("Sections")
        self.setFrameShape(QListWidget.Shape.NoFrame)
        self.setItemDelegate(_SectionDelegate(self))
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setUniformItemSizes(True)  # hundreds of sources: one size, not one query each
        self._sources: list[Source] = []
        self._counts: Counts | None = None
        self._refreshing = False
        self.currentItemChanged.connect(self._on_current_item_changed)

    def set_sources(self, sources: Sequence[Source]) -> None:
        """Fill the list: the three fixed sections, then the sources under their folders (those
        in no folder first, under "Sources"); the chosen section stays chosen if it still exists."""
        current = self.current_section() or ALL
        self._sources = list(sources)
        self.blockSignals(True)
        self.clear()
        self._add("All articles", ALL)
        self._add("Unread", UNREAD)
        self._add("Bookmarks", BOOKMARKS)
        for folder, members in groupby(self._sources, key=lambda source: source.folder):
            self._add_heading(folder)
            for source in members:
                self._add_source(source)
        row = self._row_of(current)
        self.setCurrentRow(0 if row is None else row)
        self.blockSignals(False)
        if self._counts is not None:
            self.set_counts(self._counts)
        if row is None:
            self.section_chosen.emit(ALL)

    def sources(self) -> list[Source]:
        """The sources shown, in their order."""
        return list(self._sources)

    def folders(self) -> list[str]:
        """The names of the folders the sources are in, sorted."""
        return sorted({s.folder for s in self._sources if s.folder}, key=str.casefold)

    def set_refreshing(self, refreshing: bool) -> None:
        """Whether a refresh runs (a source's menu then offers no refresh of its own)."""
        self._refreshing = refreshing

    def set_counts(self, counts: Counts) -> None:
        """Show unread counts beside the sections and sources, and the number of bookmarks."""
        self._counts = counts
        for row in range(self.count()):
            item = self.item(row)
            section = item.data(SECTION_ROLE)
            if not isinstance(section, Section):
                continue
            if section.kind is SectionKind.UNREAD:
                _show_count(item, counts.unread, "articles")
            elif section.kind is SectionKind.BOOKMARKS:
                _show_count(item, counts.bookmarks, "articles")
            elif section.kind is SectionKind.SOURCE and section.source_id is not None:
                _show_count(item, counts.unread_by_source.get(section.source_id, 0), "unread")

    def current_section(self) -> Section | None:
        """The chosen section, if any."""
        item = self.currentItem()
        section = item.data(SECTION_ROLE) if item else None
        return section if isinstance(section, Section) else None

    def select(self, section: Section) -> None:
        """Choose a section (ALL when it no longer exists)."""
        row = self._row_of(section)
        self.setCurrentRow(0 if row is None else row)

    def next_with_unread(self, section: Section) -> Section | None:
        """The first source below ``section`` in the list that has unread articles, by the
        counts shown; None when there is none."""
        start = self._row_of(section)
        for row in range(0 if start is None else start + 1, self.count()):
            item = self.item(row)
            found = item.data(SECTION_ROLE)
            unread = bool(item.data(COUNT_ROLE))
            if unread and isinstance(found, Section) and found.kind is SectionKind.SOURCE:
                return found
        return None

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        item = self.itemAt(event.pos())
        menu = self.menu_for(item) if item else None
        if menu is None:
            return
        menu.exec(event.globalPos())
        menu.deleteLater()

    def menu_for(self, item: QListWidgetItem) -> QMenu | None:
        """The context menu of a line: marking its articles read, and for a source, editing it;
        None for a line that has none (the heading of the sources in no folder)."""
        section = item.data(SECTION_ROLE)
        folder = item.data(FOLDER_ROLE)
        if not isinstance(section, Section) and not folder:
            return None
        menu = QMenu(self)
        menu.setObjectName("sectionMenu")
        target = section if isinstance(section, Section) else Section.of_folder(str(folder))
        self._add_marking(menu, target, item.text())
        source = item.data(SOURCE_ROLE)
        if isinstance(source, Source):
            menu.addSeparator()
            self._add_source_actions(menu, source)
        return menu

    def _add_marking(self, menu: QMenu, section: Section, title: str) -> None:
        """Mark all read, and only the articles older than a day or a week."""
        for name, label, days in (
            ("actionMarkSectionRead", "Mark &All as Read", 0),
            ("actionMarkSectionDayOld", "Mark Older Than a &Day as Read", 1),
            ("actionMarkSectionWeekOld", "Mark Older Than a &Week as Read", 7),
        ):
            action = menu.addAction(label)
            action.setObjectName(name)
            action.triggered.connect(
                lambda _=False, d=days: self.mark_read_requested.emit(section, title, d)
            )

    def _add_source_actions(self, menu: QMenu, source: Source) -> None:
        """What can be done to one source."""
        is_feed = source.kind == "feed"
        rename = menu.addAction("&Rename…")
        rename.setObjectName("actionRenameSource")
        rename.triggered.connect(lambda: self.rename_requested.emit(source))
        move = menu.addAction("&Move to Folder…")
        move.setObjectName("actionMoveSource")
        move.triggered.connect(lambda: self.move_requested.emit(source))
        full = menu.addAction("&Fetch Full Articles")
        full.setObjectName("actionFullArticles")
        full.setCheckable(True)
        full.setChecked(source.full_articles)
        full.setEnabled(is_feed)
        full.toggled.connect(lambda on: self.full_articles_toggled.emit(source, on))
        refresh = menu.addAction("Refresh This &Source")
        refresh.setObjectName("actionRefreshSource")
        refresh.setEnabled(is_feed and not source.disabled and not self._refreshing)
        refresh.triggered.connect(lambda: self.refresh_requested.emit(source))
        menu.addSeparator()
        remove = menu.addAction("R&emove…")
        remove.setObjectName("actionRemoveSource")
        remove.triggered.connect(lambda: self.remove_requested.emit(source))

    def _row_of(self, section: Section) -> int | None:
        for row in range(self.count()):
            if self.item(row).data(SECTION_ROLE) == section:
                return row
        return None

    def _add(self, label: str, section: Section) -> QListWidgetItem:
        item = QListWidgetItem(label)
        item.setData(SECTION_ROLE, section)
        item.setData(Qt.ItemDataRole.AccessibleTextRole, label)
        self.addItem(item)
        return item

    def _add_heading(self, folder: str | None) -> None:
        label = folder or UNFILED
        heading = QListWidgetItem(label)
        heading.setFlags(Qt.ItemFlag.NoItemFlags)
        heading.setData(HEADING_ROLE, True)
        heading.setData(FOLDER_ROLE, folder)
        heading.setData(Qt.ItemDataRole.AccessibleTextRole, f"Folder {label}")
        self.addItem(heading)

    def _add_source(self, source: Source) -> None:
        item = self._add(source.title, Section.of_source(source.id))
        item.setData(SOURCE_ROLE, source)
        problem = GONE_SENTENCE if source.disabled else source.last_error
        if problem:
            item.setData(STATE_ROLE, "gone" if source.disabled else "failing")
            item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, problem)
        item.setToolTip("\n".join(line for line in (source.title, problem or source.url) if line))

    def _on_current_item_changed(self, current: QListWidgetItem | None, _: object) -> None:
        section = current.data(SECTION_ROLE) if current else None
        if isinstance(section, Section):
            self.section_chosen.emit(section)


def _show_count(item: QListWidgetItem, count: int, what: str) -> None:
    """Paint ``count`` beside the item's name, and have screen readers say it ("Unread, 7
    articles", "The Valley Courier, 3 unread"); a zero is neither painted nor said."""
    item.setData(COUNT_ROLE, count)
    if count == 1 and what == "articles":
        what = "article"
    spoken = f"{item.text()}, {count} {what}" if count else item.text()
    item.setData(Qt.ItemDataRole.AccessibleTextRole, spoken)


class _SectionDelegate(QStyledItemDelegate):
    """Paints section names with their counts right-aligned, a mark beside a failing source, a
    gone source greyed, and folder headings small."""

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
        opt.state &= ~QStyle.StateFlag.State_HasFocus  # the ring below marks it, in both looks
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        state = index.data(STATE_ROLE)
        roles = QPalette.ColorRole
        text_role = roles.HighlightedText if selected else roles.Text
        muted = roles.HighlightedText if selected else roles.PlaceholderText
        rect = option.rect.adjusted(12, 0, -10, 0)
        metrics = option.fontMetrics
        painter.save()
        count_text = str(count) if count else ""
        right = rect.right()
        if count_text:
            painter.setPen(option.palette.color(muted))
            painter.drawText(rect, int(_RIGHT | _MIDDLE), count_text)
            right -= metrics.horizontalAdvance(count_text) + 6
        if state == "failing":
            painter.setPen(
                option.palette.color(roles.HighlightedText if selected else roles.Accent)
            )
            mark = QRect(rect.left(), rect.top(), right - rect.left() + 1, rect.height())
            painter.drawText(mark, int(_RIGHT | _MIDDLE), WARNING_MARK)
            right -= metrics.horizontalAdvance(WARNING_MARK) + 6
        painter.setPen(option.palette.color(muted if state == "gone" else text_role))
        painter.drawText(rect, int(_MIDDLE), self.shown_name(option, index))
        painter.restore()
        paint_item_ring(painter, option)

    def shown_name(self, option: QStyleOptionViewItem, index: Index) -> str:
        """A line's name as painted: shortened in its middle to the room its count and mark
        leave, so names that share a beginning stay tellable apart."""
        rect = option.rect.adjusted(12, 0, -10, 0)
        metrics = option.fontMetrics
        right = rect.right()
        count = index.data(COUNT_ROLE)
        if count:
            right -= metrics.horizontalAdvance(str(count)) + 6
        failing = index.data(STATE_ROLE) == "failing"
        if failing:
            right -= metrics.horizontalAdvance(WARNING_MARK) + 6
        if count or failing:
            right -= 2
        return metrics.elidedText(
            str(index.data()), Qt.TextElideMode.ElideMiddle, right - rect.left()
        )

    def _paint_heading(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        painter.save()
        font = QFont(option.font)
        font.setPointSizeF(font.pointSizeF() * 0.8)
        font.setBold(True)
        font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 110)
        painter.setFont(font)
        painter.setPen(option.palette.color(QPalette.ColorRole.PlaceholderText))
        rect = QRect(option.rect.adjusted(12, 0, -10, -4))
        label = QFontMetrics(font).elidedText(
            str(index.data()).upper(), Qt.TextElideMode.ElideRight, rect.width()
        )
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignBottom), label)
        painter.restore()


_RIGHT = Qt.AlignmentFlag.AlignRight
_MIDDLE = Qt.AlignmentFlag.AlignVCenter
