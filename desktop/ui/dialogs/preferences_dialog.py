"""The Preferences dialog: how often to refresh, how long to keep articles, the appearance, and
the key of the stock quote provider (kept in the system keyring, never in the settings file)."""

from __future__ import annotations

import html
from dataclasses import replace

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.settings import APPEARANCES, MAX_KEEP_DAYS, MAX_REFRESH_MINUTES, Settings
from desktop.ui.link_label import LinkLabel

APPEARANCE_LABELS = {"system": "Follow System", "light": "Light", "dark": "Dark"}
WRAP_AFTER = 70
MARKET_NOTE = "Market figures then follow each provider's own timetable."
KEY_NOTE = (
    'Live stock quotes come from Finnhub: <a href="https://finnhub.io/register">get a free '
    "key</a> and paste it here. Broadsheet keeps it in your system keyring (or, where there is "
    "none, in a file only you can read)."
)


class PreferencesDialog(QDialog):
    """Edits the preferences that have no menu of their own; ``chosen`` reads the result."""

    def __init__(
        self, settings: Settings, has_quotes_key: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.setWindowTitle("Preferences")
        self.setAccessibleName("Preferences")
        self._settings = settings
        self._refresh = _spin_box(
            "refreshMinutes", "Refresh interval in minutes", MAX_REFRESH_MINUTES, " minutes"
        )
        self._refresh.setSpecialValueText("Only when I ask")
        self._refresh.setValue(settings.refresh_minutes)
        self._keep = _spin_box("keepDays", "Days to keep articles", MAX_KEEP_DAYS, " days")
        self._keep.setSpecialValueText("Keep everything")
        self._keep.setValue(settings.keep_days)
        self._appearance = QComboBox()
        self._appearance.setObjectName("appearanceChoice")
        self._appearance.setAccessibleName("Appearance")
        for choice in APPEARANCES:
            self._appearance.addItem(APPEARANCE_LABELS[choice], choice)
        self._appearance.setCurrentIndex(APPEARANCES.index(settings.appearance))
        self._has_key = has_quotes_key
        self._remove_key = False
        self._key = QLineEdit()
        self._key.setObjectName("quotesKey")
        self._key.setAccessibleName("Finnhub API key")
        self._key.setEchoMode(QLineEdit.EchoMode.Password)
        self._key.setPlaceholderText(
            "Saved; type a new key to replace it" if has_quotes_key else "Not set"
        )
        self._forget = QPushButton("Remo&ve Key")
        self._forget.setObjectName("removeQuotesKey")
        self._forget.setAccessibleName("Remove the saved key")
        self._forget.setEnabled(has_quotes_key)
        self._forget.clicked.connect(self._on_remove_key)
        self._build()

    def chosen(self) -> Settings:
        """The settings with what the dialog shows."""
        return replace(
            self._settings,
            refresh_minutes=self._refresh.value(),
            keep_days=self._keep.value(),
            appearance=APPEARANCES[self._appearance.currentIndex()],
        )

    def key_change(self) -> str | None:
        """The quote provider key to save: a new one, "" to remove the saved one, or None to
        leave it as it is."""
        typed = self._key.text().strip()
        if typed:
            return typed
        return "" if self._remove_key else None

    def _on_remove_key(self) -> None:
        self._remove_key = True
        self._key.clear()
        self._key.setPlaceholderText("Not set (removed when you press OK)")
        self._forget.setEnabled(False)

    def _build(self) -> None:
        form = QFormLayout()
        form.addRow(_buddy("&Refresh every:", self._refresh), self._refresh)
        form.addRow("", _note(MARKET_NOTE, "marketRefreshNote"))
        form.addRow(_buddy("&Keep articles for:", self._keep), self._keep)
        form.addRow("", _note("Bookmarked articles are always kept.", "keepNote"))
        form.addRow(_buddy("&Appearance:", self._appearance), self._appearance)
        key_row = QHBoxLayout()
        key_row.addWidget(self._key, 1)
        key_row.addWidget(self._forget)
        key_note = LinkLabel(KEY_NOTE)
        key_note.setObjectName("quotesKeyNote")
        key_note.setWordWrap(True)
        key_note.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        key_note.link_failed.connect(
            lambda sentence: key_note.setText(f"{KEY_NOTE}<br>{html.escape(sentence)}")
        )
        key_field = QVBoxLayout()
        key_field.setSpacing(4)
        key_field.addLayout(key_row)
        key_field.addWidget(key_note)
        form.addRow(_buddy("Stock &quote key:", self._key), key_field)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.setObjectName("preferencesButtons")
        for button in buttons.buttons():
            button.setAccessibleName(button.text().replace("&", ""))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addSpacing(12)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)


def _spin_box(name: str, accessible: str, largest: int, suffix: str) -> QSpinBox:
    """A spin box from 0 (its special value) to ``largest``."""
    box = QSpinBox()
    box.setObjectName(name)
    box.setAccessibleName(accessible)
    box.setRange(0, largest)
    box.setSuffix(suffix)
    box.setMinimumWidth(box.fontMetrics().horizontalAdvance("Keep everything") + 48)
    return box


def _note(text: str, name: str) -> QLabel:
    """A small explanation under a field, in the placeholder colour."""
    note = QLabel(text)
    note.setObjectName(name)
    note.setWordWrap(len(text) > WRAP_AFTER)  # a wrapped label in a form gets spare height
    note.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return note


def _buddy(text: str, widget: QWidget) -> QLabel:
    """A label whose mnemonic focuses ``widget``."""
    label = QLabel(text)
    label.setBuddy(widget)
    return label
