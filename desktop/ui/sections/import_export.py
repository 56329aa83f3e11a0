"""Import and export: files chosen, dropped or handed over from outside are imported; bookmarks
are exported to a web page or Markdown."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from desktop.operations.reading import Bookmarks, as_store_error, bookmarks
from desktop.store.errors import StoreError, StoreUnwritableError
from desktop.tasks import Runner
from desktop.ui.reading.reading import SAY_MS
from desktop.ui.sections.importing import Importer
from desktop.wording import count

EXPORT_MS = 6000  # how long the status bar says where the bookmarks went
SUFFIXES = {".html", ".htm", ".md", ".markdown"}


class ImportExport(QObject):
    """Runs imports and exports and says how they went.

    Signals:
        said(str, int): a sentence for the status bar, and for how many milliseconds (0: until
            the next one).
        warned(str): an export failed in a way a person must acknowledge.
        stored(): an import stored something (articles, sources, market figures).
        sources_added(object): an import subscribed to these source ids (a tuple).
    """

    said = Signal(str, int)
    warned = Signal(str)
    stored = Signal()
    sources_added = Signal(object)

    def __init__(self, runner: Runner, images: Path, store: Path, window: QWidget) -> None:
        super().__init__(window)
        self._runner, self._images, self._store, self._window = runner, images, store, window
        self._importer = Importer(runner, images, self)
        self._importer.finished.connect(self._on_imported)
        self._importer.sources_added.connect(self.sources_added)

    def choose(self) -> None:
        """Ask for files to import, and import them."""
        self._importer.choose(self._window)

    def import_files(self, files: Sequence[Path]) -> bool:
        """Import files (dropped or handed over); False when another import still runs."""
        if not self._importer.import_files(files):
            return False
        self.said.emit(f"Importing {count(len(files), 'file')}…", 0)
        return True

    def export_bookmarks(self) -> None:
        """Ask where, then write every bookmarked article there (off the window's thread)."""
        from PySide6.QtWidgets import QFileDialog

        file, chosen_filter = QFileDialog.getSaveFileName(
            self._window,
            "Export Bookmarks",
            str(Path.home() / "Broadsheet bookmarks.html"),
            "Web page (*.html);;Markdown (*.md)",
        )
        if not file:
            return
        target = Path(file)
        if target.suffix.lower() not in SUFFIXES:
            target = target.with_suffix(".md" if "Markdown" in chosen_filter else ".html")
        images = self._images
        self._runner.read(
            lambda connection: _export(bookmarks(connection, images), target),
            lambda sentence: self.said.emit(sentence, EXPORT_MS),
            self._on_export_failed,
        )

    def _on_imported(self, sentence: str, stored: bool) -> None:
        self.said.emit(sentence, SAY_MS)
        if stored:
            self.stored.emit()

    def _on_export_failed(self, error: BaseException) -> None:
        error = as_store_error(error, self._store)
        if isinstance(error, StoreUnwritableError):
            self.said.emit(str(error), SAY_MS)
        elif isinstance(error, StoreError):
            self.warned.emit(str(error))
        else:
            self.warned.emit(f"Could not export the bookmarks: {error}.")


def _export(saved: Bookmarks, target: Path) -> str:
    """Write the bookmarks to ``target``; return the sentence saying so."""
    from desktop.export import write_bookmarks

    write_bookmarks(saved.articles, target, datetime.now(UTC))
    exported = f"Exported {len(saved.articles)} bookmarks to {target}"
    return f"{exported}{saved.unreadable_sentence()}."
