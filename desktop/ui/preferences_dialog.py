"""The Preferences dialog: how often to refresh, how long to keep articles, and the appearance."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.settings import APPEARANCES, MAX_KEEP_DAYS, MAX_REFRESH_MINUTES, Settings

APPEARANCE_LABELS = {"system": "Follow System", "light": "Light", "dark": "Dark"}


class PreferencesDialog(QDialog):
    """Edits the preferences that have no menu of their own; ``chosen`` reads the result."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
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
        self._build()

    def chosen(self) -> Settings:
        """The settings with what the dialog shows."""
        return replace(
            self._settings,
            refresh_minutes=self._refresh.value(),
            keep_days=self._keep.value(),
            appearance=APPEARANCES[self._appearance.currentIndex()],
        )

    def _build(self) -> None:
        form = QFormLayout()
        form.addRow(_buddy("&Refresh every:", self._refresh), self._refresh)
        form.addRow(_buddy("&Keep articles for:", self._keep), self._keep)
        note = QLabel("Bookmarked articles are always kept.")
        note.setObjectName("keepNote")
        note.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        form.addRow("", note)
        form.addRow(_buddy("&Appearance:", self._appearance), self._appearance)
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
        self.setMinimumWidth(440)


def _spin_box(name: str, accessible: str, largest: int, suffix: str) -> QSpinBox:
    """A spin box from 0 (its special value) to ``largest``."""
    box = QSpinBox()
    box.setObjectName(name)
    box.setAccessibleName(accessible)
    box.setRange(0, largest)
    box.setSuffix(suffix)
    box.setMinimumWidth(box.fontMetrics().horizontalAdvance("Keep everything") + 48)
    return box


def _buddy(text: str, widget: QWidget) -> QLabel:
    """A label whose mnemonic focuses ``widget``."""
    label = QLabel(text)
    label.setBuddy(widget)
    return label
