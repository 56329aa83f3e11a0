"""The reading tools built just after the first paint: next unread (``Navigator``), mark all as
read with its Undo (``ReadMarker``), and the sample edition's offer (``SampleEdition``)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QStatusBar, QVBoxLayout

from desktop.domain import Section
from desktop.tasks import Runner
from desktop.ui.articles.article_list import ArticleListView
from desktop.ui.articles.article_model import ArticleListModel
from desktop.ui.articles.marking import ReadMarker, UndoButton, request_for
from desktop.ui.articles.navigation import Navigator
from desktop.ui.reading.reader import ArticleBrowser
from desktop.ui.reading.reading_place import PlaceMemory
from desktop.ui.sections.sample_edition import SampleEdition, SampleNotice
from desktop.ui.sections.section_list import SectionList
from desktop.ui.shell.actions import Actions


class ReadingTools(QObject):
    """Next unread, marking sections read and undoing it, and the sample edition.

    Signals:
        said(str): a sentence for the status bar.
        warned(str): a change the store refused, for a person to acknowledge.
        read_states_changed(object): articles were marked read or unread together; carries
            their ids (a list) and whether they are now read, as a tuple.
        sample_changed(str): the sample edition was removed or brought back; carries the
            sentence saying so.
    """

    said = Signal(str)
    warned = Signal(str)
    read_states_changed = Signal(object)
    sample_changed = Signal(str)

    def __init__(
        self,
        runner: Runner,
        images: Path,
        commands: Actions,
        view: ArticleListView,
        reader: ArticleBrowser,
        open_article: Callable[[int], object],
    ) -> None:
        super().__init__(view)
        self._commands, self._view = commands, view
        self.navigator = Navigator(runner, view, reader, open_article, self._title)
        self.marker = ReadMarker(runner, self)
        self.notice = SampleNotice()
        self._runner, self._images = runner, images
        self._sections: SectionList | None = None
        self._section_title: Callable[[], str] = lambda: ""
        self.sample: SampleEdition | None = None

    def place(
        self,
        column: QVBoxLayout,
        status_bar: QStatusBar,
        sections: SectionList,
        section_title: Callable[[], str],
        places: PlaceMemory,
    ) -> SampleEdition:
        """Put the sample notice atop the list's column and the Undo button in the status bar,
        and wire the tools to the section list and the commands; return the sample edition."""
        a, marker, navigator = self._commands, self.marker, self.navigator
        self._sections, self._section_title = sections, section_title
        self._undo_button = UndoButton(a.undo, status_bar)
        column.insertWidget(0, self.notice)
        sample = SampleEdition(self._runner, self._images, a, self.notice, places)
        self.sample = sample
        a.next_unread.triggered.connect(navigator.next_unread)
        a.mark_all_read.triggered.connect(lambda: self.mark_read(self._shown(), "", 0))
        a.mark_day_old_read.triggered.connect(lambda: self.mark_read(self._shown(), "", 1))
        a.mark_week_old_read.triggered.connect(lambda: self.mark_read(self._shown(), "", 7))
        a.undo.triggered.connect(marker.undo)
        marker.changed.connect(self.read_states_changed)
        marker.message.connect(self.said)
        marker.undoable.connect(self._on_undoable)
        marker.undo_changed.connect(a.undo.setEnabled)
        navigator.message.connect(self.said)
        navigator.section_wanted.connect(sections.select)
        navigator.set_next_section(sections.next_with_unread)
        sections.mark_read_requested.connect(self.mark_read)
        sample.changed.connect(self.sample_changed)
        sample.failed.connect(self.warned)
        sample.answered.connect(lambda: self._view.setFocus(Qt.FocusReason.OtherFocusReason))
        return sample

    def mark_read(self, section: Section, title: str, days: int) -> None:
        """Mark a section read (the one shown, when ``title`` is empty): its articles older
        than ``days``, or all of them."""
        self.marker.mark(request_for(self._model(), section, title or self._title(), days))

    def _shown(self) -> Section:
        return self._model().section

    def _model(self) -> ArticleListModel:
        model = self._view.model()
        assert isinstance(model, ArticleListModel)
        return model

    def _title(self) -> str:
        return self._section_title()

    def _on_undoable(self, sentence: str) -> None:
        self.said.emit(sentence)
        self._undo_button.offer(sentence)
