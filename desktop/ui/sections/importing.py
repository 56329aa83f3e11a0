"""Importing documents from the window: ``File > Import…`` and files dropped on it.

Each file is recognised and stored off the UI thread (``desktop.operations.importing``); a file
that cannot be read is one sentence in the status bar, and the others are still imported.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QMimeData, QObject, Signal
from PySide6.QtWidgets import QWidget

from desktop.domain import Progress
from desktop.operations import StoreWriter
from desktop.tasks import OperationFactory, Runner
from desktop.wording import count

FILE_FILTER = (
    "Feeds, OPML files and saved pages (*.xml *.rss *.atom *.rdf *.json *.opml *.html *.htm "
    "*.xhtml *.txt);;All files (*)"
)


@dataclass
class ImportReport:
    """What an import of several files did."""

    messages: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    new_sources: list[int] = field(default_factory=list)  # subscribed to, not fetched yet

    def sentence(self) -> str:
        """One sentence for the status bar."""
        if len(self.messages) == 1 and not self.failures:
            return self.messages[0]
        if not self.messages and len(self.failures) == 1:
            return self.failures[0]
        files = count(len(self.messages) + len(self.failures), "file")
        text = f"Imported {len(self.messages)} of {files}"
        if self.failures:
            text += f"; {self.failures[0]}"
        return text if text.endswith(".") else text + "."


def local_files(mime: QMimeData) -> list[Path]:
    """The local files a drag carries (not web addresses or text)."""
    if not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


class Importer(QObject):
    """Imports files on the runner, one batch at a time.

    Signals:
        sources_added(object): a batch subscribed to new sources (an OPML file's), not fetched
            yet; carries their ids as a tuple, for a refresh of those alone. Sent before
            ``finished``.
        finished(str, bool): a batch ended; carries its sentence and whether anything was stored.
    """

    sources_added = Signal(object)
    finished = Signal(str, bool)

    def __init__(self, runner: Runner, images: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._images = images
        self._running = False

    def choose(self, parent: QWidget) -> None:
        """Ask for files to import, then import them."""
        from PySide6.QtWidgets import QFileDialog

        files, _ = QFileDialog.getOpenFileNames(parent, "Import", str(Path.home()), FILE_FILTER)
        self.import_files([Path(file) for file in files])

    def import_files(self, files: Sequence[Path]) -> bool:
        """Import these files off the UI thread; return whether an import began."""
        if not files or self._running:
            return False
        self._running = True
        report = ImportReport()
        operation = self._runner.start(self._job(list(files), report))
        operation.finished.connect(lambda: self._on_done(report))
        operation.failed.connect(lambda error: self._on_failed(report, error))
        return True

    def _job(self, files: list[Path], report: ImportReport) -> OperationFactory:
        """Import the files one by one; a file that cannot be read does not stop the others."""
        images = self._images

        def run(write: StoreWriter, cancel: threading.Event) -> Iterator[Progress]:
            from desktop.operations.importing import DocumentError, import_file

            for number, file in enumerate(files, start=1):
                if cancel.is_set():
                    return
                try:
                    imported = import_file(write, images, file, cancel)
                except DocumentError as error:
                    report.failures.append(str(error))
                else:
                    report.messages.append(imported.message)
                    report.new_sources.extend(imported.new_sources)
                yield Progress(number, len(files), file.name)

        return run

    def _on_done(self, report: ImportReport) -> None:
        self._running = False
        self._tell(report)

    def _on_failed(self, report: ImportReport, error: object) -> None:
        self._running = False
        report.failures.append(f"The import stopped on an unexpected error ({error}).")
        self._tell(report)

    def _tell(self, report: ImportReport) -> None:
        """Say what a batch subscribed to, then how it went."""
        if report.new_sources:
            self.sources_added.emit(tuple(report.new_sources))
        self.finished.emit(report.sentence(), bool(report.messages))
