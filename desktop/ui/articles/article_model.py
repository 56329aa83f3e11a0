"""The article list's model: a section or search of the store, handed to the view page by page.

Only the rows the view has asked for are loaded (``canFetchMore``/``fetchMore``, 200 at a time),
so a section of 100,000 articles shows as fast as one of ten.

The model counts its rows in C++ (a ``QStringListModel`` holding the titles): whenever the list
lays its rows out, which it does after every page fetched, Qt checks each row's index against
the row count, and a count answered in Python would cost a call into Python per row shown so far,
growing with every page.
"""

from __future__ import annotations

import enum
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QByteArray, QModelIndex, QPersistentModelIndex, QStringListModel, Qt

from desktop.domain import ALL, ArticleRow, Section
from desktop.operations.reading import ListQuery, ListRead, Page, Position, WindowReads
from desktop.ui.dates import when_label

Index = QModelIndex | QPersistentModelIndex
Shown = tuple[Section, str]  # what the list shows: a section, and the search narrowing it


class Role(enum.IntEnum):
    """The data the delegate and the window ask for, beyond the title."""

    ID = Qt.ItemDataRole.UserRole + 1
    SOURCE = enum.auto()
    WHEN = enum.auto()
    READ = enum.auto()
    BOOKMARKED = enum.auto()
    THUMBNAIL = enum.auto()
    URL = enum.auto()


class ArticleListModel(QStringListModel):
    """Articles of one section (and search), newest first, loaded lazily from the store; read
    only. The titles in the string list keep the row count; the rows themselves are here."""

    ITEM_FLAGS = (
        Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
    )

    def __init__(self, reads: WindowReads) -> None:
        super().__init__()
        self._reads = reads
        self._section: Section = ALL
        self._search = ""
        self._rows: list[ArticleRow] = []
        self._positions: dict[int, int] = {}
        self._next: Position | None = None
        self._ceiling = 0

    @property
    def section(self) -> Section:
        """The section shown."""
        return self._section

    @property
    def search(self) -> str:
        """The search text applied, or an empty string."""
        return self._search

    @property
    def ceiling(self) -> int:
        """The newest article id stored when the list was last read: what it could show."""
        return self._ceiling

    @property
    def query(self) -> ListQuery:
        """What the model shows, as the read path asks for it."""
        return ListQuery(self._section, self._search, self._reads.images)

    def show(self, section: Section, search: str = "") -> None:
        """Show a section, optionally narrowed by a search, from its newest article."""
        self._section, self._search = section, search.strip()
        self.show_read(self.query, self._reads.first_read(self.query))

    def show_read(self, query: ListQuery, read: ListRead) -> bool:
        """Show a list read again (``list_again``), unless the model has been given another
        section or search since (then nothing changes, and False)."""
        if (query.section, query.search) != (self._section, self._search):
            return False
        self._rows, self._positions, self._next = [], {}, None
        self._ceiling = read.ceiling
        for page in read.pages:
            self._append(page)
        self.setStringList([row.title for row in self._rows])  # resets the model
        return True

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._next is not None

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        page = self._reads.page(self.query, self._next)
        if page.rows:
            first = len(self._rows)
            self._append(page)  # before the rows are announced: the view reads them at once
            self.insertRows(first, len(page.rows))
        else:
            self._next = None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row.title
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return _spoken(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.title
        return _ROLE_VALUES.get(role, _none)(row)

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Rows can be selected, never edited, dragged or dropped (as the string list allows)."""
        return self.ITEM_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def roleNames(self) -> dict[int, QByteArray]:
        names = super().roleNames()
        names.update({role.value: QByteArray(role.name.lower().encode()) for role in Role})
        return names

    def article_at(self, row: int) -> ArticleRow | None:
        """The list row at ``row``, if there is one."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def has_unread(self) -> bool:
        """Whether a row loaded so far is unread."""
        return any(not row.read for row in self._rows)

    def row_of(self, article_id: int) -> int | None:
        """The row showing an article, if it is loaded."""
        return self._positions.get(article_id)

    def mark(
        self, article_id: int, *, read: bool | None = None, bookmarked: bool | None = None
    ) -> None:
        """Show a changed read flag or bookmark on the article's row, if it is loaded."""
        position = self._positions.get(article_id)
        if position is None:
            return
        row = self._rows[position]
        self._rows[position] = replace(
            row,
            read=row.read if read is None else read,
            bookmarked=row.bookmarked if bookmarked is None else bookmarked,
        )
        index = self.index(position)
        self.dataChanged.emit(index, index)

    def _append(self, page: Page) -> None:
        start = len(self._rows)
        self._rows.extend(page.rows)
        for offset, row in enumerate(page.rows):
            self._positions[row.id] = start + offset
        self._next = page.next_position


def _none(_: ArticleRow) -> None:
    return None


def _when(row: ArticleRow) -> str:
    """When the article appeared; for an undated one, when it was stored."""
    if row.published:
        return when_label(row.published)
    return f"added {when_label(row.filed)}" if row.filed else ""


def _thumbnail(row: ArticleRow) -> str | None:
    return str(row.thumbnail) if row.thumbnail else None


_ROLE_VALUES: dict[int, Any] = {
    Role.ID: lambda row: row.id,
    Role.SOURCE: lambda row: row.source,
    Role.WHEN: _when,
    Role.READ: lambda row: row.read,
    Role.BOOKMARKED: lambda row: row.bookmarked,
    Role.THUMBNAIL: _thumbnail,
    Role.URL: lambda row: row.url,
}


def _spoken(row: ArticleRow) -> str:
    """What a screen reader says for a row: what it shows (headline, source and date), and its
    states."""
    parts = [row.title, row.source]
    when = _when(row)
    if when:
        parts.append(when)
    if not row.read:
        parts.append("unread")
    if row.bookmarked:
        parts.append("bookmarked")
    return ", ".join(parts)
