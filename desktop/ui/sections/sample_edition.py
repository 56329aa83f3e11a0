"""The sample edition steps aside: once the person subscribes to papers of their own, a notice
above the list offers to remove it (once); Help > Sample Edition removes it or brings it back."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.operations import changes
from desktop.operations.reading import SampleState, sample_state
from desktop.tasks import Runner
from desktop.ui.reading.reading_place import PlaceMemory
from desktop.ui.shell.actions import Actions

log = logging.getLogger(__name__)

ANSWERED = "sample_offered"  # the person answered the offer: it is not made again
OFFER = (
    "You have subscriptions of your own now. Remove the sample edition? "
    "Help > Sample Edition brings it back."
)


class SampleNotice(QFrame):
    """The offer to remove the sample edition, above the article list.

    Signals:
        answered(bool): the person answered; True to remove the edition.
    """

    answered = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sampleNotice")
        self.setAccessibleName("Sample edition notice")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        text = QLabel(OFFER)
        text.setWordWrap(True)
        remove = QPushButton("&Remove Sample Edition")
        remove.setObjectName("sampleRemove")
        keep = QPushButton("&Keep It")
        keep.setObjectName("sampleKeep")
        remove.clicked.connect(lambda: self.answered.emit(True))
        keep.clicked.connect(lambda: self.answered.emit(False))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(keep)
        buttons.addWidget(remove)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(text)
        layout.addLayout(buttons)
        self.hide()


class SampleEdition(QObject):
    """Knows whether the sample edition is in the store, offers once to remove it when the
    person has subscriptions of their own, and removes it or brings it back on the writer thread.

    Signals:
        changed(str): the edition was removed or brought back; carries a sentence about it.
        failed(str): removing or bringing it back failed; carries a sentence about it.
        answered(): the person answered the offer (it is not made again).
    """

    changed = Signal(str)
    failed = Signal(str)
    answered = Signal()

    def __init__(
        self,
        runner: Runner,
        images: Path,
        commands: Actions,
        notice: SampleNotice,
        memory: PlaceMemory,
    ) -> None:
        super().__init__(notice)
        self._runner, self._images = runner, images
        self._commands, self._notice = commands, notice
        self._memory = memory
        self._present = False
        commands.remove_sample.triggered.connect(self.remove)
        commands.restore_sample.triggered.connect(self.bring_back)
        notice.answered.connect(self._on_answered)

    @property
    def present(self) -> bool:
        """Whether the sample edition is in the store."""
        return self._present

    def look(self) -> None:
        """Read (off the window's thread) whether the edition is there and whether the person
        has subscriptions of their own; if so, offer to remove it (unless answered before)."""
        self._runner.read(
            sample_state,
            self._on_looked,
            lambda error: log.error("Could not tell whether the sample is there", exc_info=error),
        )

    def _on_looked(self, state: SampleState) -> None:
        self._set_present(state.present)
        if state.own_subscriptions:
            self.offer()

    def offer(self) -> None:
        """Show the offer to remove the edition, if it is there and was never answered."""
        if self._present and not self._memory.flag(ANSWERED):
            self._notice.show()

    def remove(self) -> None:
        """Take the sample edition out of the store."""
        self._notice.hide()
        self._runner.write(
            changes.remove_sample_edition, lambda _: self._on_done(False), self._on_failed
        )

    def bring_back(self) -> None:
        """Store the sample edition again."""
        images = self._images
        self._runner.write(
            lambda connection: changes.restore_sample_edition(connection, images),
            lambda _: self._on_done(True),
            self._on_failed,
        )

    def _on_answered(self, remove: bool) -> None:
        self._notice.hide()
        self._memory.set_flag(ANSWERED, True)
        self.answered.emit()
        if remove:
            self.remove()

    def _on_done(self, present: bool) -> None:
        self._set_present(present)
        self.changed.emit(
            "The sample edition is back." if present else "Removed the sample edition."
        )

    def _on_failed(self, error: BaseException) -> None:
        log.error("Could not change the sample edition", exc_info=error)
        self.failed.emit(f"Could not change the sample edition: {error}.")

    def _set_present(self, present: bool) -> None:
        self._present = present
        self._commands.remove_sample.setEnabled(present)
        self._commands.restore_sample.setEnabled(not present)
        if not present:
            self._notice.hide()
