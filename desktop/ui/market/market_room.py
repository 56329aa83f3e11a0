"""The reader before the Markets panel: the reading column keeps at least 45 characters a line.

As the window narrows, the docked panel first narrows (towards its least width) so that the reader
keeps a comfortable 60 characters, then, below 45, gives way: it is
hidden while its toggle (View > Markets Panel) stays lit, and it comes back, at the width the
person gave it, once the window has room again. Asked for while it has given way, it opens as a
floating window over the article instead. Whether the person wants the panel and how wide are
kept with the window's layout.

The panel gives way before the sections and the article list give up any width (``PaneRoom``), and
comes back only once they are back at the widths the person gave them: the reader's width it
reckons with is what the reader would keep with the panes at those widths.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QFontMetricsF, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow, QTextEdit

from desktop.ui.reading.reader import MIN_GUTTER
from desktop.ui.shell.window_state import WindowState
from desktop.ui.timers import single_shot

READER_CHARACTERS = 45  # below this the panel gives way
COMFORTABLE_CHARACTERS = 60  # down to this the panel narrows to leave the reader its line
# A line breaks between words, so it holds on average about half a word less than would fit.
HALF_A_WORD = 3
# A line of ordinary prose, to measure what 45 characters of the article's text take.
PROSE = "The harbour board reversed its spring decision, and the pilots stay open. "
SLACK = 24  # pixels the reader must have beyond its 45 characters for the panel to come back
PREFERRED_WIDTH = 400
GAVE_WAY = (
    "The Markets panel makes room for the article; it comes back when the window is wider "
    "(Ctrl+Shift+M shows it floating)."
)
MESSAGE_MS = 8000
SHOWN_KEY = "markets/shown"
WIDTH_KEY = "markets/width"
_SIDES = (Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea)


class MarketRoom(QObject):
    """Shows, narrows, hides and brings back the Markets dock so the reader keeps its line, and
    says so in the window's status bar when the panel gives way.

    Signals:
        fitted(): the panel was fitted to the window (the panes fit after it).
    """

    fitted = Signal()

    def __init__(self, window: QMainWindow, dock: QDockWidget, reader: QTextEdit) -> None:
        super().__init__(window)
        self._window, self._dock, self._reader = window, dock, reader
        self._wanted = True
        self._gave_way = False
        self._floated = False  # floated by us for want of room, docked again when there is
        self._preferred = PREFERRED_WIDTH
        self._dragged_from: int | None = None  # the dock's width when the person took a separator
        self._state: WindowState | None = None
        self._lent: Callable[[], int] = lambda: 0
        self._timer = single_shot(self, 0, self.fit)
        self.action = self._toggle()
        for watched in (window, dock, reader):
            watched.installEventFilter(self)
        # A larger text size needs more room for the same 45 characters.
        reader.document().documentLayout().documentSizeChanged.connect(self._timer.start)
        dock.topLevelChanged.connect(self._on_top_level_changed)
        dock.dockLocationChanged.connect(self._timer.start)

    @property
    def wanted(self) -> bool:
        """Whether the person wants the panel (its toggle is lit), whether or not it has room."""
        return self._wanted

    @property
    def gave_way(self) -> bool:
        """Whether the panel is hidden for want of room."""
        return self._gave_way

    @property
    def holds_room(self) -> bool:
        """Whether the panel is docked beside the reader, taking its width."""
        dock = self._dock
        docked = not dock.isFloating() and self._window.dockWidgetArea(dock) in _SIDES
        return docked and dock.isVisible()

    @property
    def fitting(self) -> bool:
        """Whether the panel is yet to be fitted to a change (for tests to wait on)."""
        return self._timer.isActive()

    def start(self, state: WindowState) -> None:
        """Take up what the person chose last time (shown or not, how wide), and keep it there
        when the window closes."""
        self._state = state
        self._wanted = state.number(SHOWN_KEY, int(self._dock.isVisibleTo(self._window))) != 0
        self._preferred = state.number(WIDTH_KEY, PREFERRED_WIDTH)
        self.action.setChecked(self._wanted)
        self._dock.setVisible(self._wanted)

    def count_lent(self, lent: Callable[[], int]) -> None:
        """Reckon with the pixels the panes beside the reader have lent it (``PaneRoom.lent``):
        they take them back before the panel comes back."""
        self._lent = lent

    def reader_room(self, characters: int = READER_CHARACTERS) -> int:
        """The reader's width in pixels for this many characters of the article's text a line
        (45 unless told)."""
        metrics = QFontMetricsF(self._reader.document().defaultFont())
        prose = (PROSE * 4)[: characters + HALF_A_WORD]
        margins = 2 * (MIN_GUTTER + self._reader.document().documentMargin())
        scroll = self._reader.verticalScrollBar().sizeHint().width()
        return math.ceil(metrics.horizontalAdvance(prose) + margins + scroll)

    def fit(self) -> None:
        """Narrow, hide, bring back or widen the docked panel for the reader's 45 characters."""
        if not self._window.isVisible() or self._window.isMinimized():
            return
        self._fit()
        self.fitted.emit()

    def _fit(self) -> None:
        if not self._wanted:
            self._dock.hide()
            return
        if not self._beside_reader():
            self._dock.show()
            return
        reader = self._reader_width()
        if self._dock.isVisible():
            self._make_room(
                reader - self.reader_room(COMFORTABLE_CHARACTERS), reader - self.reader_room()
            )
        else:
            self._come_back(reader - self.reader_room())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Fit again when the reader, the window or the panel change size; note the person's own
        width for the panel and their closing it; before the window closes, keep their choice."""
        kind = event.type()
        if kind in (QEvent.Type.Resize, QEvent.Type.Show):
            self._timer.start()
            if kind == QEvent.Type.Show and watched is self._window:
                self.fit()  # before the first paint, so the article opens at its final width
        elif watched is self._window and kind == QEvent.Type.MouseButtonPress:
            self._dragged_from = self._dock.width()
        elif watched is self._window and kind == QEvent.Type.MouseButtonRelease:
            self._on_separator_released()
        elif watched is self._dock and kind == QEvent.Type.Close and self._window.isVisible():
            self._set_wanted(False)
        elif watched is self._window and kind == QEvent.Type.Close:
            self._keep()
        return False

    def _toggle(self) -> QAction:
        """View > Markets Panel: lit while the person wants the panel."""
        action = QAction("Mar&kets Panel", self)
        action.setObjectName("actionShowMarkets")
        action.setCheckable(True)
        action.setChecked(True)
        action.setShortcut(QKeySequence("Ctrl+Shift+M"))
        action.setStatusTip("Show or hide the Markets panel")
        action.triggered.connect(self._on_triggered)
        return action

    def _on_triggered(self, checked: bool) -> None:
        """Show or hide the panel; while it has given way, show it floating over the article."""
        if not checked and self._gave_way:
            self.action.setChecked(True)
            self._float()
            return
        self._set_wanted(checked)

    def _set_wanted(self, wanted: bool) -> None:
        self._wanted = wanted
        self.action.setChecked(wanted)
        if not wanted:
            self._gave_way = False
        self.fit()

    def _beside_reader(self) -> bool:
        """Whether the panel, shown, takes the reader's width (docked left or right); one floated
        for want of room is docked again first, if there is room now beside the reader for it
        (else, docked, it would give way at once: asked for, it would vanish)."""
        if self._dock.isFloating():
            spare = self._reader_width() - self.reader_room()
            if not self._floated or spare < self._least_width() + self._separator() + SLACK:
                return False
            self._dock.setFloating(False)
            self._floated = False
        return self._window.dockWidgetArea(self._dock) in _SIDES

    def _reader_width(self) -> int:
        """The reader's width with the panes beside it at the person's widths."""
        return self._reader.width() - self._lent()

    def _make_room(self, comfortable: int, spare: int) -> None:
        """Narrow the panel, down to its least width, until the reader has a comfortable line (or
        widen it back towards the person's width when there is more); give way when even its
        least width leaves the reader under 45 characters. ``comfortable`` and ``spare``: the
        reader's pixels beyond 60 and 45 characters."""
        width, least = self._dock.width(), self._least_width()
        if comfortable >= 0:
            wider = min(self._preferred, width + comfortable)
            if wider > width:
                self._resize(wider)
            return
        if width + spare < least:
            self._give_way()
            return
        narrower = max(least, width + comfortable)
        if narrower < width:
            self._resize(narrower)

    def _come_back(self, spare: int) -> None:
        """Show the panel again when the reader keeps its room beside it."""
        least = self._least_width() + self._separator()
        if spare < least + SLACK:
            self._gave_way = True  # still no room: lit, waiting (turned on in a narrow window)
            return
        self._gave_way = False
        bar = self._window.statusBar()
        if bar.currentMessage() == GAVE_WAY:
            bar.clearMessage()
        self._dock.show()
        self._resize(min(self._preferred, spare - self._separator()))

    def _give_way(self) -> None:
        """Hide the panel for want of room, its toggle still lit, and say so once."""
        self._dock.hide()
        if not self._gave_way:
            self._gave_way = True
            self._window.statusBar().showMessage(GAVE_WAY, MESSAGE_MS)

    def _float(self) -> None:
        """Show the panel as a window of its own over the right of the article."""
        self._gave_way = False
        self._floated = True
        dock, frame = self._dock, self._window.geometry()
        dock.setFloating(True)
        width = max(self._least_width(), min(self._preferred, frame.width() // 2))
        dock.resize(width, frame.height() * 4 // 5)
        # Within the window's right edge at its least width too (wider with larger type).
        left = max(frame.left(), frame.right() - dock.frameGeometry().width() - 16)
        dock.move(QPoint(left, frame.top() + frame.height() // 10))
        dock.show()

    def _on_top_level_changed(self, floating: bool) -> None:
        if not floating:
            self._floated = False
        self._timer.start()

    def _on_separator_released(self) -> None:
        """Take the panel's width as the person's own when they dragged its edge."""
        before, self._dragged_from = self._dragged_from, None
        if before is not None and self._dock.isVisible() and self._dock.width() != before:
            self._preferred = self._dock.width()

    def _resize(self, width: int) -> None:
        self._window.resizeDocks([self._dock], [width], Qt.Orientation.Horizontal)

    def _least_width(self) -> int:
        return self._dock.minimumSizeHint().width()

    def _separator(self) -> int:
        return self._window.style().pixelMetric(
            self._window.style().PixelMetric.PM_DockWidgetSeparatorExtent, None, self._window
        )

    def _keep(self) -> None:
        """Record the person's choice and width, the panel docked (not floated for room)."""
        if self._floated:
            self._dock.hide()
            self._dock.setFloating(False)
        if self._state is not None:
            self._state.set_number(SHOWN_KEY, int(self._wanted))
            self._state.set_number(WIDTH_KEY, self._preferred)
