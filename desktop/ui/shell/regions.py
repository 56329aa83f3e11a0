"""F6 and Shift+F6: the keyboard jumps between the window's main regions (the sections, the
article list, the reader, the Markets panel), as in many desktop applications, without
tabbing through every control between them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget


@dataclass(frozen=True)
class Region:
    """A part of the window, and the control in it that takes the keyboard (None: the part
    itself if it takes Tab, else its first control that Tab reaches)."""

    area: QWidget
    target: QWidget | None = None

    def holds(self, widget: QWidget) -> bool:
        """Whether ``widget`` is in this region."""
        return widget is self.area or self.area.isAncestorOf(widget)

    def usable(self) -> bool:
        """Whether the region is shown and has a control to take the keyboard."""
        return self.area.isVisible() and self.focus_target() is not None

    def focus_target(self) -> QWidget | None:
        """The control that takes the keyboard when the region is entered."""
        if self.target is not None or _takes_tab(self.area):
            target = self.target or self.area
            return target if _takes_tab(target) else None
        widget: QWidget | None = self.area.nextInFocusChain()
        while widget is not None and widget is not self.area:
            if self.area.isAncestorOf(widget) and _takes_tab(widget):
                return widget
            widget = widget.nextInFocusChain()
        return None


def move_between(regions: Sequence[Region], step: int) -> QWidget | None:
    """Give the keyboard to the next (+1) or previous (-1) usable region after the one that has
    it (the first, if none has); return the control that took it."""
    focused = QApplication.focusWidget()
    here = next(
        (i for i, region in enumerate(regions) if focused and region.holds(focused)),
        -1 if step > 0 else 0,
    )
    for offset in range(1, len(regions) + 1):
        region = regions[(here + step * offset) % len(regions)]
        target = region.focus_target() if region.usable() else None
        if target is not None:
            if not target.isActiveWindow():
                target.activateWindow()  # the Markets panel, floating in a window of its own
            target.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return target
    return None


def _takes_tab(widget: QWidget) -> bool:
    return (
        widget.isVisible()
        and widget.isEnabled()
        and bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
    )
