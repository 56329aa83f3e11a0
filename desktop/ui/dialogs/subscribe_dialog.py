"""The Add Subscription dialog: an address (a feed, a site, or a ``feed:`` link), an optional
folder, and the built-in catalogue to pick from; the feed is looked for and subscribed to by a
long operation off the UI thread, which closing the dialog cancels."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator, Sequence
from functools import cache

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain import Progress
from desktop.ingest.catalogue import CatalogueEntry, CatalogueError, load_catalogue
from desktop.operations import StoreWriter
from desktop.operations.reading import is_store_failure
from desktop.operations.subscribe import Subscription, look_up_and_subscribe
from desktop.paths import resource
from desktop.tasks import Operation, OperationFactory, Runner
from desktop.ui.focus_marks import show_focus

log = logging.getLogger(__name__)

ROW_HEIGHT = 24
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
WORDS_ROLE = Qt.ItemDataRole.UserRole + 2  # what a search of the catalogue looks through
NO_FOLDER = "No folder"


class SubscribeDialog(QDialog):
    """Finds the feed behind an address and subscribes to it; says why when it cannot.

    Signals:
        subscribed(int, str): a source was added (or brought back); carries its id and title.
    """

    subscribed = Signal(int, str)

    def __init__(self, runner: Runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("subscribeDialog")
        self.setWindowTitle("Add Subscription")
        self.setAccessibleName("Add Subscription")
        self._runner = runner
        self._attempt = 0
        self._working = False
        self._operation: Operation | None = None
        self._build()
        self._fill_catalogue()
        self.resize(560, 520)

    def prepare(self, folders: Sequence[str], address: str = "") -> None:
        """Start afresh: the address given (a feed link opened from outside) or none, these
        folders to choose from, the whole catalogue."""
        self._attempt += 1
        self._address.setText(address)
        self._folder.clear()
        self._folder.addItems([NO_FOLDER, *folders])
        self._search.clear()
        self._catalogue.clearSelection()
        self._show_idle()
        self._address.setFocus()

    @property
    def working(self) -> bool:
        """Whether a feed is being looked for."""
        return self._working

    def reject(self) -> None:
        """Close; a look-up still under way is cancelled (nothing is subscribed)."""
        self._attempt += 1
        if self._operation is not None:
            self._operation.cancel()
            self._operation = None
        self._show_idle()
        super().reject()

    # Building -------------------------------------------------------------------------------

    def _build(self) -> None:
        self._address = QLineEdit()
        self._address.setObjectName("subscribeAddress")
        self._address.setAccessibleName("Feed or site address")
        self._address.setPlaceholderText("https://paper.example/news or a feed address")
        self._address.setClearButtonEnabled(True)
        self._address.textChanged.connect(self._on_address_text_changed)
        self._folder = QComboBox()
        self._folder.setObjectName("subscribeFolder")
        self._folder.setAccessibleName("Folder")
        self._folder.setEditable(True)
        self._folder.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        editor = self._folder.lineEdit()
        if editor is not None:  # the field a person types a new folder's name in
            editor.setAccessibleName("Folder")
            editor.setPlaceholderText(NO_FOLDER)
        self._search = QLineEdit()
        self._search.setObjectName("catalogueSearch")
        self._search.setAccessibleName("Search the catalogue")
        self._search.setPlaceholderText("Search by name, language, region or topic")
        self._search.setClearButtonEnabled(True)
        self._search.textChanged.connect(self._on_search_text_changed)
        self._catalogue = _catalogue_list()
        # Picked when selected, not when current: tabbing into the list makes its first row
        # current without choosing it, and must leave the address alone.
        self._catalogue.itemSelectionChanged.connect(self._on_item_selection_changed)
        self._catalogue.itemActivated.connect(self._on_item_activated)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(_buddy("&Address:", self._address), self._address)
        form.addRow(_buddy("&Folder:", self._folder), self._folder)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addSpacing(6)
        layout.addWidget(_buddy("Or pick a paper from the &catalogue:", self._search))
        layout.addWidget(self._search)
        layout.addWidget(self._catalogue, 1)
        layout.addLayout(self._build_status())
        layout.addWidget(self._build_buttons())

    def _build_status(self) -> QHBoxLayout:
        self._busy = QProgressBar()
        self._busy.setObjectName("subscribeBusy")
        self._busy.setAccessibleName("Looking for the feed")
        self._busy.setRange(0, 0)
        self._busy.setTextVisible(False)
        self._busy.setFixedSize(80, 10)
        self._status = QLabel()
        self._status.setObjectName("subscribeStatus")
        self._status.setWordWrap(True)
        self._status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = QHBoxLayout()
        row.addWidget(self._busy, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(self._status, 1)
        return row

    def _build_buttons(self) -> QDialogButtonBox:
        standard = QDialogButtonBox.StandardButton
        buttons = QDialogButtonBox(standard.Ok | standard.Cancel)
        self._subscribe = buttons.button(standard.Ok)
        self._subscribe.setText("Subscribe")
        self._subscribe.setObjectName("subscribeButton")
        self._subscribe.setAccessibleName("Subscribe")
        cancel = buttons.button(standard.Cancel)
        cancel.setObjectName("subscribeCancel")
        cancel.setAccessibleName("Cancel")
        buttons.accepted.connect(self._on_subscribe_clicked)  # closes only once subscribed
        buttons.rejected.connect(self.reject)
        return buttons

    def _fill_catalogue(self) -> None:
        try:
            entries = load_catalogue(resource("catalogue.json"))
        except CatalogueError as error:
            log.error("The catalogue could not be read", exc_info=error)
            self._search.setEnabled(False)
            self._search.setPlaceholderText("The catalogue could not be read.")
            return
        for entry in sorted(entries, key=lambda e: e.name.casefold()):
            item = QTreeWidgetItem([entry.name, _language(entry.language), _region(entry.region)])
            item.setData(0, ENTRY_ROLE, entry)
            words = [item.text(1), item.text(2), *entry.topics, entry.language, entry.region]
            item.setData(0, WORDS_ROLE, " ".join([entry.name, *words]).casefold())
            item.setToolTip(0, entry.site_url)
            item.setSizeHint(0, QSize(0, ROW_HEIGHT))
            self._catalogue.addTopLevelItem(item)

    # Slots -----------------------------------------------------------------------------------

    def _on_address_text_changed(self, text: str) -> None:
        self._subscribe.setEnabled(bool(text.strip()) and not self.working)

    def _on_search_text_changed(self, text: str) -> None:
        words = text.casefold().split()
        for row in range(self._catalogue.topLevelItemCount()):
            item = self._catalogue.topLevelItem(row)
            if item is None:
                continue
            haystack = str(item.data(0, WORDS_ROLE))
            item.setHidden(not all(word in haystack for word in words))

    def _on_item_selection_changed(self) -> None:
        for item in self._catalogue.selectedItems():
            self._take_address(item)

    def _on_item_activated(self, item: QTreeWidgetItem, _: int) -> None:
        self._take_address(item)
        self._on_subscribe_clicked()

    def _take_address(self, item: QTreeWidgetItem) -> None:
        """Fill the address with a catalogue entry's feed."""
        entry = item.data(0, ENTRY_ROLE)
        if isinstance(entry, CatalogueEntry):
            self._address.setText(entry.feed_url)

    def _on_subscribe_clicked(self) -> None:
        address = self._address.text().strip()
        if not address or self.working:
            return
        self._attempt += 1
        attempt = self._attempt
        typed = self._folder.currentText().strip()
        folder = None if typed in ("", NO_FOLDER) else typed
        self._show_busy(f"Looking for the feed at {address}…")
        outcome = Subscription()
        operation = self._runner.start(_look_up(address, folder, outcome))
        operation.progressed.connect(lambda step: self._on_progressed(attempt, step))
        operation.finished.connect(lambda: self._on_finished(attempt, outcome))
        operation.failed.connect(lambda error: self._on_failed(attempt, address, error))
        self._operation = operation

    def _on_progressed(self, attempt: int, step: Progress) -> None:
        if attempt == self._attempt:
            self._show_busy(step.message)

    def _on_finished(self, attempt: int, outcome: Subscription) -> None:
        if outcome.source_id is not None:  # the source exists, even if the dialog closed
            self.subscribed.emit(outcome.source_id, outcome.title)
        if attempt != self._attempt:
            return
        self._operation = None
        if outcome.source_id is None:
            self._show_idle(outcome.problem)
            return
        self._show_idle()
        self.accept()

    def _on_failed(self, attempt: int, address: str, error: BaseException) -> None:
        if attempt != self._attempt:
            return
        self._operation = None  # the runner has logged the error
        what = "the store refused the change" if is_store_failure(error) else error
        self._show_idle(f"Could not subscribe to {address} ({what}); the details are in the log.")

    # Helpers ---------------------------------------------------------------------------------

    def _show_busy(self, line: str) -> None:
        self._working = True
        self._busy.show()
        self._show_line(line, problem=False)
        self._subscribe.setEnabled(False)

    def _show_idle(self, problem: str = "") -> None:
        self._working = False
        self._busy.hide()
        self._show_line(problem, problem=True)
        self._subscribe.setEnabled(bool(self._address.text().strip()))

    def _show_line(self, text: str, *, problem: bool) -> None:
        palette = self.palette()
        if problem:
            colour = palette.color(QPalette.ColorRole.Accent)
            palette.setColor(QPalette.ColorRole.WindowText, colour)
        self._status.setPalette(palette)
        self._status.setText(text)


def _look_up(address: str, folder: str | None, outcome: Subscription) -> OperationFactory:
    """The operation that finds the feed behind ``address`` and subscribes to it."""

    def run(write: StoreWriter, cancel: threading.Event) -> Iterator[Progress]:
        return look_up_and_subscribe(write, cancel, address, folder, outcome)

    return run


def _catalogue_list() -> QTreeWidget:
    """The catalogue's table: name, language, region."""
    view = QTreeWidget()
    view.setObjectName("catalogueList")
    view.setAccessibleName("Catalogue of news feeds")
    view.setColumnCount(3)
    view.setHeaderLabels(["Name", "Language", "Region"])
    view.setRootIsDecorated(False)
    view.setUniformRowHeights(True)
    view.setAlternatingRowColors(True)
    header = view.header()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(False)
    show_focus(view)
    return view


def _buddy(text: str, widget: QWidget) -> QLabel:
    """A label whose mnemonic focuses ``widget``."""
    label = QLabel(text)
    label.setBuddy(widget)
    return label


@cache
def _language(tag: str) -> str:
    """A language tag's name in English ("en-GB" -> "English"), or the tag."""
    from babel import Locale, UnknownLocaleError

    try:
        return str(Locale.parse(tag, sep="-").get_language_name("en"))
    except (ValueError, UnknownLocaleError):
        return tag


@cache
def _region(code: str) -> str:
    """A region code's name in English ("GB" -> "United Kingdom"), or the code."""
    from babel import Locale

    return str(Locale("en").territories.get(code, code))
