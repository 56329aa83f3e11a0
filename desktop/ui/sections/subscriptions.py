"""Sections and subscriptions: the section list filled from the store, its counts, the Add
Subscription prompt and a person's edits to a source."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from desktop.domain import Source
from desktop.operations.reading import counts, source_list
from desktop.tasks import Runner
from desktop.ui.sections.section_list import SectionList
from desktop.ui.sections.source_editing import SourceEditor

if TYPE_CHECKING:
    from desktop.ui.dialogs.subscribe_dialog import SubscribeDialog

log = logging.getLogger(__name__)


class Subscriptions(QObject):
    """Keeps the section list as the store has it, and subscribes and edits sources.

    Signals:
        said(str): a sentence for the status bar.
        warned(str): a change the store refused, for a person to acknowledge.
        subscribed(int): the person subscribed to a new source (its id).
        refresh_asked(object): the person asked to refresh these source ids (a tuple).
        articles_changed(): an edit changed what the article list shows (a name, articles gone).
    """

    said = Signal(str)
    warned = Signal(str)
    subscribed = Signal(int)
    refresh_asked = Signal(object)
    articles_changed = Signal()

    def __init__(self, runner: Runner, store: Path, sections: SectionList, window: QWidget) -> None:
        super().__init__(window)
        self._runner, self._sections, self._window = runner, sections, window
        self._dialog: SubscribeDialog | None = None
        self._editor = SourceEditor(runner, store, window)
        self._editor.edited.connect(self._on_edited)
        self._editor.failed.connect(self.warned)
        editor = self._editor
        sections.rename_requested.connect(editor.rename)
        sections.move_requested.connect(lambda source: editor.move(source, sections.folders()))
        sections.full_articles_toggled.connect(editor.set_full_articles)
        sections.refresh_requested.connect(lambda source: self.refresh_asked.emit((source.id,)))
        sections.remove_requested.connect(editor.remove)

    def reload(self) -> None:
        """Read the sources again (off the window's thread) and show them, then their counts."""
        self._runner.read(source_list, self._on_sources_read, _log_failure)

    def recount(self) -> None:
        """Read the unread and bookmark counts again and show them."""
        self._runner.read(counts, self._sections.set_counts, _log_failure)

    def open_prompt(self, address: str = "") -> None:
        """Open the Add Subscription dialog, with ``address`` filled in when a feed link came
        from outside; nothing is subscribed until the person confirms."""
        if self._dialog is None:
            from desktop.ui.dialogs.subscribe_dialog import SubscribeDialog

            self._dialog = SubscribeDialog(self._runner, self._window)
            self._dialog.subscribed.connect(self._on_subscribed)
        dialog = self._dialog
        if not dialog.isVisible() or (address and not dialog.working):
            dialog.prepare(self._sections.folders(), address)
        dialog.open()

    def close(self) -> None:
        """Close the prompt, if it is open (the window is closing)."""
        if self._dialog is not None:
            self._dialog.reject()

    def _on_sources_read(self, sources: list[Source]) -> None:
        self._sections.set_sources(sources)
        self.recount()

    def _on_subscribed(self, source_id: int, title: str) -> None:
        self.said.emit(f"Subscribed to {title}.")
        self.reload()
        self.subscribed.emit(source_id)

    def _on_edited(self, sentence: str, articles_changed: bool) -> None:
        if sentence:
            self.said.emit(sentence)
        self.reload()
        if articles_changed:
            self.articles_changed.emit()  # the list's rows name their source; a removed one's go


def _log_failure(error: BaseException) -> None:
    log.error("Could not read the sources", exc_info=error)
