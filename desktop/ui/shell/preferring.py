"""The person's preferences as the window applies them: the text size, caret browsing, the
appearance, the Preferences dialog; each change is kept in the settings file at once."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QWidget

from desktop.settings import (
    DEFAULT_TEXT_SIZE,
    Appearance,
    Settings,
    larger_text_size,
    smaller_text_size,
)
from desktop.ui import appearance
from desktop.ui.market.markets import Markets
from desktop.ui.reading.caret_browsing import caret_announcement, caret_sentence
from desktop.ui.reading.reader import ArticleBrowser
from desktop.ui.reading.reading import SAY_MS
from desktop.ui.reading.text_size import TextSizeControl
from desktop.ui.shell.actions import Actions
from desktop.ui.speech import announce

log = logging.getLogger(__name__)
UNSAVED_MS = 6000  # how long the status bar says the preferences could not be saved


class Preferences(QObject):
    """Applies and keeps the person's preferences.

    Signals:
        said(str, int): a sentence for the status bar, and for how many milliseconds.
        applied(object): the Preferences dialog's ``Settings`` were kept (refresh interval,
            retention and the rest, for the parts that follow them).
    """

    said = Signal(str, int)
    applied = Signal(object)

    def __init__(
        self,
        settings: Settings,
        save: Callable[[Settings], None],
        reader: ArticleBrowser,
        size_control: TextSizeControl,
        commands: Actions,
        window: QWidget,
    ) -> None:
        super().__init__(window)
        self._settings, self._save = settings, save
        self._reader, self._size_control, self._commands = reader, size_control, commands
        self._window = window
        self.appearance_actions: dict[str, QAction] = {}
        a = commands
        a.zoom_in.triggered.connect(lambda: self.set_text_size(larger_text_size(self.text_size)))
        a.zoom_out.triggered.connect(lambda: self.set_text_size(smaller_text_size(self.text_size)))
        a.zoom_reset.triggered.connect(lambda: self.set_text_size(DEFAULT_TEXT_SIZE))
        size_control.size_chosen.connect(self.set_text_size)
        reader.zoom_requested.connect(
            lambda step: a.zoom_in.trigger() if step > 0 else a.zoom_out.trigger()
        )

    def start(self) -> None:
        """Show the reader at the text size and with the caret the person left."""
        self._reader.set_text_size(self._settings.text_size)
        self._reader.set_caret_browsing(self._settings.caret_browsing)
        self._show_text_size(self._settings.text_size)

    @property
    def settings(self) -> Settings:
        """The preferences in force."""
        return self._settings

    @property
    def text_size(self) -> int:
        """The reader's text size in percent."""
        return self._reader.text_size

    def set_text_size(self, percent: int) -> None:
        """Change the reader's text size and remember it."""
        self._reader.set_text_size(percent)
        self._show_text_size(self._reader.text_size)
        self.keep(self._settings.with_text_size(self._reader.text_size))

    def set_caret_browsing(self, on: bool) -> None:
        """Read with a caret (or not), and say so."""
        self._reader.set_caret_browsing(on)
        self.keep(replace(self._settings, caret_browsing=on))
        self.said.emit(caret_sentence(on), SAY_MS)
        announce(self._window, caret_announcement(on))

    def choose_appearance(self, choice: Appearance) -> None:
        """Follow the system's appearance, or show Broadsheet light or dark."""
        self.keep(replace(self._settings, appearance=choice))
        app = QApplication.instance()
        if isinstance(app, QApplication):
            appearance.apply(app, choice)

    def open_dialog(self, markets: Markets) -> None:
        """Open the Preferences dialog; what is accepted is applied and kept."""
        from desktop.ui.dialogs.preferences_dialog import PreferencesDialog

        dialog = PreferencesDialog(self._settings, markets.has_quotes_key, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._apply(dialog.chosen()))
        dialog.accepted.connect(lambda: markets.save_key(dialog.key_change()))
        dialog.open()

    def keep(self, settings: Settings) -> None:
        """Put these preferences in force and save them."""
        if settings == self._settings:
            return
        self._settings = settings
        try:
            self._save(settings)
        except OSError as error:
            log.error("Could not save settings", exc_info=error)
            self.said.emit("Could not save your preferences; see the log.", UNSAVED_MS)

    def _apply(self, chosen: Settings) -> None:
        if chosen.appearance != self._settings.appearance:
            self.appearance_actions[chosen.appearance].setChecked(True)
            self.choose_appearance(chosen.appearance)
        self.keep(chosen)
        self.applied.emit(chosen)

    def _show_text_size(self, percent: int) -> None:
        self._size_control.show_size(percent)
        self._commands.zoom_in.setEnabled(larger_text_size(percent) != percent)
        self._commands.zoom_out.setEnabled(smaller_text_size(percent) != percent)
