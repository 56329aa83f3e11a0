"""A person's edits to a source, from the section list's context menu: rename, move to a folder,
full articles on or off, remove. Each asks first where it must, then writes on the writer thread
and says so only once the store has committed it."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

from desktop.domain import Source
from desktop.operations import changes
from desktop.operations.reading import SourceNotFoundError, articles_of, as_store_error
from desktop.store.errors import StoreError
from desktop.tasks import Job, Runner

log = logging.getLogger(__name__)
T = TypeVar("T")


class SourceEditor(QObject):
    """Asks what to change about a source and changes it in the store.

    Signals:
        edited(str, bool): a change was committed; carries a sentence for the status bar (or "")
            and whether the article list shows it (a new name, articles gone).
        failed(str): a change could not be made; carries a sentence saying why.
    """

    edited = Signal(str, bool)
    failed = Signal(str)

    def __init__(self, runner: Runner, store: Path, window: QWidget) -> None:
        super().__init__(window)
        self._runner = runner
        self._store = store
        self._window = window

    def rename(self, source: Source) -> None:
        """Ask for a new name; an empty one goes back to the feed's own."""
        title, ok = QInputDialog.getText(
            self._window,
            "Rename Source",
            f"New name for “{source.title}” (leave empty for the feed's own name):",
            QLineEdit.EchoMode.Normal,
            source.title,
        )
        if ok and title.strip() != source.title:
            self._write(
                lambda connection: changes.rename_source(connection, source.id, title),
                "rename the source",
                lambda _: self.edited.emit("", True),
            )

    def move(self, source: Source, folders: Sequence[str]) -> None:
        """Ask for a folder, one of ``folders`` or a new one; an empty one means none."""
        choices = ["", *folders]
        current = choices.index(source.folder) if source.folder in choices else 0
        folder, ok = QInputDialog.getItem(
            self._window,
            "Move to Folder",
            f"Folder for “{source.title}” (leave empty for none):",
            choices,
            current,
            True,
        )
        if ok and (folder.strip() or None) != source.folder:
            self._write(
                lambda connection: changes.move_source(connection, source.id, folder),
                "move the source",
                lambda _: self.edited.emit("", False),
            )

    def set_full_articles(self, source: Source, on: bool) -> None:
        """Switch whether a refresh fetches the whole article behind a summary."""
        self._write(
            lambda connection: changes.set_full_articles(connection, source.id, on),
            "change the source",
            lambda _: self.edited.emit("", False),
        )

    def remove(self, source: Source) -> None:
        """Say how many articles would go and ask; then remove the source, keeping bookmarks."""
        self._runner.read(
            lambda connection: articles_of(connection, source.id),
            lambda found: self._confirm_removal(source, found[0]),
            lambda error: self._on_write_failed("remove the source", error),
        )

    def _confirm_removal(self, source: Source, deleted: int) -> None:
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(
            self._window,
            "Remove Source",
            f"Remove “{source.title}”? {articles(deleted)} will be deleted; "
            "bookmarked ones stay in Bookmarks.",
            buttons.Yes | buttons.Cancel,
            buttons.Cancel,
        )
        if answer == buttons.Yes:
            self._write(
                lambda connection: changes.remove_source(connection, source.id),
                "remove the source",
                lambda count: self.edited.emit(
                    f"Removed {source.title} and {articles(count)}.", True
                ),
            )

    def _write(self, job: Job[T], what: str, done: Callable[[T], None]) -> None:
        """Run a change on the writer thread, in one transaction; ``done`` runs after."""
        self._runner.write(job, done, lambda error: self._on_write_failed(what, error))

    def _on_write_failed(self, what: str, error: BaseException) -> None:
        if isinstance(error, SourceNotFoundError):
            self.edited.emit("That source is no longer in the store.", True)
            return
        log.error("Could not %s", what, exc_info=error)
        error = as_store_error(error, self._store)
        if isinstance(error, StoreError):
            self.failed.emit(str(error))
        else:
            self.failed.emit(f"Could not {what} ({error}); the details are in the log.")


def articles(count: int) -> str:
    """A number of articles in words (1 article, 3 articles)."""
    return f"{count} article" if count == 1 else f"{count} articles"
