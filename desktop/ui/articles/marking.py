"""Mark all as read: a section, folder or source (or a search in one) marked read in one go on
the writer thread, optionally only its articles older than a day or a week, and undone with
Edit > Undo or the status bar's Undo button."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QStatusBar, QToolButton

from desktop.domain import Section
from desktop.operations import changes
from desktop.tasks import Runner
from desktop.ui.articles.article_model import ArticleListModel
from desktop.wording import count

UNDO_DEPTH = 20  # batches kept for Undo
AGES = {1: "older than a day", 7: "older than a week"}


@dataclass(frozen=True, slots=True)
class Batch:
    """Articles marked read together, and what to call the marking in a sentence."""

    article_ids: list[int]
    where: str


@dataclass(frozen=True, slots=True)
class MarkRequest:
    """Which articles to mark read: a section and the search narrowing it, named for people,
    up to the newest article shown (``ceiling``; None: the newest stored when it is marked), and
    when ``days`` is given only those dated more than that many days ago."""

    section: Section
    title: str
    ceiling: int | None
    search: str = ""
    days: int = 0


def request_for(
    shown: ArticleListModel, section: Section, title: str, days: int = 0
) -> MarkRequest:
    """What marking a section read marks: the section the list shows as far as it was read
    (and only what its search found), any other as far as it is stored when it is marked."""
    if section == shown.section:
        return MarkRequest(section, title, shown.ceiling, shown.search, days)
    return MarkRequest(section, title, None, "", days)


class ReadMarker(QObject):
    """Marks the unread articles of a section read, and undoes the markings, newest first.

    Signals:
        changed(object): read flags changed in the store; carries the article ids (a list) and
            whether they are now read, as a tuple.
        message(str): a sentence for the status bar.
        undoable(str): the sentence saying what was just marked, which Undo takes back.
        undo_changed(bool): whether there is a marking to undo now.
    """

    changed = Signal(object)
    message = Signal(str)
    undoable = Signal(str)
    undo_changed = Signal(bool)

    def __init__(self, runner: Runner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._batches: list[Batch] = []

    @property
    def can_undo(self) -> bool:
        """Whether there is a marking to undo."""
        return bool(self._batches)

    def mark(self, request: MarkRequest) -> None:
        """Mark the request's unread articles read, off the UI thread."""
        self._runner.write(
            lambda connection: changes.mark_section_read(
                connection, request.section, request.ceiling, request.search, request.days
            ),
            lambda ids: self._on_marked(ids, request),
            self._on_failed,
        )

    def undo(self) -> None:
        """Mark the articles of the latest marking unread again."""
        if not self._batches:
            return
        batch = self._batches.pop()
        self.undo_changed.emit(self.can_undo)
        self._runner.write(
            lambda connection: changes.mark_unread(connection, batch.article_ids),
            lambda changed: self._on_undone(batch, changed),
            self._on_failed,
        )

    def _on_marked(self, ids: list[int], request: MarkRequest) -> None:
        age = _age(request.days)
        if not ids:
            self.message.emit(f"No unread articles{age} in {request.title}.")
            return
        where = f"{count(len(ids), 'article')}{age} in {request.title}"
        self._batches = [*self._batches[-(UNDO_DEPTH - 1) :], Batch(ids, where)]
        self.changed.emit((ids, True))
        self.undo_changed.emit(True)
        self.undoable.emit(f"Marked {where} as read.")

    def _on_undone(self, batch: Batch, changed: int) -> None:
        self.changed.emit((batch.article_ids, False))
        self.message.emit(f"Marked {count(changed, 'article')} unread again.")

    def _on_failed(self, error: BaseException) -> None:
        self.message.emit(f"Could not change the read state: {error}.")


def _age(days: int) -> str:
    """The words for an age in days ("older than a week"); nothing for 0 (all articles)."""
    if not days:
        return ""
    return " " + AGES.get(days, f"older than {days} days")


class UndoButton(QToolButton):
    """The status bar's Undo, shown beside the sentence that says what was marked, for as long
    as that sentence shows."""

    def __init__(self, undo: QAction, status_bar: QStatusBar) -> None:
        super().__init__(status_bar)
        self.setObjectName("statusUndo")
        self.setText("Undo")
        self.setAccessibleName("Undo marking as read")
        self.clicked.connect(undo.trigger)
        self._sentence = ""
        status_bar.addPermanentWidget(self)
        status_bar.messageChanged.connect(self._on_message_changed)
        self.hide()

    def offer(self, sentence: str) -> None:
        """Show the button for as long as the status bar shows ``sentence``."""
        self._sentence = sentence
        self.show()

    def _on_message_changed(self, text: str) -> None:
        if text != self._sentence:
            self.hide()
