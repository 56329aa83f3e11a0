"""The reading view: one article in a centred column, its photo from the cache, sized text.

Built on a read-only ``QTextEdit``, which screen readers are given as a text with a caret they
can read by character, word and line (a ``QTextBrowser`` is given as a label): no web engine, no
scripts, and no remote loads. The only images it shows are photos already cached on disk; links
open in the system browser, by a click or, reached by Tab, by Return. Caret browsing (F7, as in a
web browser) puts a visible caret in the text that the arrow keys move and select with.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QPoint, QSize, Qt, QUrl, Signal
from PySide6.QtGui import (
    QFocusEvent,
    QPalette,
    QResizeEvent,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QAbstractSlider, QTextEdit, QWidget

from desktop.domain import Article

if TYPE_CHECKING:
    from PySide6.QtGui import QKeyEvent, QMouseEvent, QPaintEvent, QWheelEvent
from desktop.ui.appearance import reader_colours
from desktop.ui.browser import open_in_browser
from desktop.ui.reading.article_html import article_html, empty_html, stylesheet
from desktop.ui.reading.reader_pictures import ReaderPictures
from desktop.ui.reading.reader_text import (
    fold_unseen,
    next_link,
    past_unseen,
    select,
    selected_link,
    space_direction,
)
from desktop.ui.reading.reading_column import line_width, reader_font

log = logging.getLogger(__name__)

MIN_GUTTER = 24
Place = tuple[int, float]  # the block at the top of the view, and how far into it the view is
OPENABLE_SCHEMES = frozenset({"http", "https", "mailto"})
CARET_WIDTH = 2
Flag = Qt.TextInteractionFlag
READING = Flag.TextSelectableByMouse | Flag.LinksAccessibleByMouse | Flag.LinksAccessibleByKeyboard
CARET_BROWSING = READING | Flag.TextSelectableByKeyboard
RETURN_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class ArticleBrowser(QTextEdit):
    """Shows an article; Ctrl+wheel asks for a text size change; Space and Shift+Space page
    through it and, past its end or its top, ask for the next or previous article. Tab and
    Shift+Tab go from link to link and, past the last (or the first), on out of the reader.

    Signals:
        anchorClicked(QUrl): a link was clicked, or chosen with Return (Qt's own name for it).
        zoom_requested(int): +1 to enlarge the text, -1 to reduce it (from Ctrl+wheel).
        paged_past_end(): Space was pressed with the article's end in view.
        paged_past_top(): Shift+Space was pressed with the article's top in view.
        link_failed(str): no web browser took a link; carries a sentence saying so.
    """

    anchorClicked = Signal(QUrl)  # the name QTextBrowser gives it
    zoom_requested = Signal(int)
    paged_past_end = Signal()
    paged_past_top = Signal()
    link_failed = Signal(str)

    def __init__(self, images: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pictures = ReaderPictures(images)
        self._percent = 100
        self._article: Article | None = None
        self._pending: Place | None = None  # a place to keep until the view is first painted
        self._painted = False
        self._caret_browsing = False
        self._caret = 0  # where the caret was, to tell which way it moved
        self._pressed_link = ""
        self.setObjectName("readerView")
        self.setAccessibleName("Article")
        self.setReadOnly(True)
        self.setTextInteractionFlags(READING)
        self.setCursorWidth(CARET_WIDTH)
        self.setUndoRedoEnabled(False)
        self.setFrameShape(QTextEdit.Shape.NoFrame)
        self.setBackgroundRole(QPalette.ColorRole.Base)  # the side margins too, not just the column
        self.setAutoFillBackground(True)
        # A scroll bar that never comes and goes keeps the column's width (and the photo's)
        # stable, so an article is laid out once, not again when it turns out to be long.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.anchorClicked.connect(self._on_anchor_clicked)
        self.cursorPositionChanged.connect(self._on_cursor_position_changed)
        self._apply_font()
        self._update_margins()

    @property
    def text_size(self) -> int:
        """The text size in percent."""
        return self._percent

    @property
    def article(self) -> Article | None:
        """The article shown, if any."""
        return self._article

    @property
    def caret_browsing(self) -> bool:
        """Whether the arrow keys move a visible caret through the text (else they scroll)."""
        return self._caret_browsing

    def set_caret_browsing(self, on: bool) -> None:
        """Turn caret browsing on (the caret shows where the view begins) or off."""
        if on == self._caret_browsing:
            return
        self._caret_browsing = on
        self.setTextInteractionFlags(CARET_BROWSING if on else READING)
        if on and not self.viewport().rect().contains(self.cursorRect()):
            self._caret_to_view()
        if on and self.hasFocus():  # Qt shows a read-only text's caret only as focus comes in
            focus = QFocusEvent(QEvent.Type.FocusIn, Qt.FocusReason.OtherFocusReason)
            QTextEdit.focusInEvent(self, focus)

    def show_article(self, article: Article) -> None:
        """Show an article from its top."""
        self._article = article
        self._pending = None
        self._pictures.show(article, self._column_width())
        self._set_html(article_html(article, self._pictures.column))
        self.verticalScrollBar().setValue(0)

    def update_article_state(self, article: Article) -> None:
        """Take note of a changed read flag or bookmark of the shown article (nothing to redraw)."""
        if self._article is not None and self._article.id == article.id:
            self._article = article

    def show_empty(self, title: str, hint: str) -> None:
        """Show a message instead of an article."""
        self._article = None
        self._pictures.show(None, self._pictures.column)
        self._set_html(empty_html(title, hint))

    def set_text_size(self, percent: int) -> None:
        """Scale the text to ``percent``, keeping the paragraph at the top of the view in place."""
        if percent == self._percent:
            return
        anchor = self.place()
        self._percent = percent
        self._apply_font()
        self._update_margins()
        self._pictures.refit(self.document(), self._column_width())
        self.go_to_place(anchor)

    def page(self, direction: int) -> bool:
        """Scroll a page down (+1) or up (-1); False when the view is already at that end."""
        bar = self.verticalScrollBar()
        if bar.value() == (bar.maximum() if direction > 0 else bar.minimum()):
            return False
        step = QAbstractSlider.SliderAction
        bar.triggerAction(step.SliderPageStepAdd if direction > 0 else step.SliderPageStepSub)
        if self._caret_browsing:
            self._caret_to_view()
        return True

    def to_top(self) -> None:
        """Show the article from its top (the caret too, browsing with one)."""
        if self._caret_browsing:
            self.moveCursor(QTextCursor.MoveOperation.Start)
        self.verticalScrollBar().setValue(self.verticalScrollBar().minimum())

    def to_end(self) -> None:
        """Show the article's end (the caret too, browsing with one)."""
        if self._caret_browsing:
            self.moveCursor(QTextCursor.MoveOperation.End)
        self.verticalScrollBar().setValue(self.verticalScrollBar().maximum())

    def place(self) -> Place:
        """Where the reader is in the article: the block at the top of the view and how far
        into it, which holds whatever the width or text size the article is shown at."""
        cursor = self.cursorForPosition(QPoint(0, 0))
        block = cursor.block()
        rect = self.document().documentLayout().blockBoundingRect(block)
        offset = self.verticalScrollBar().value() - rect.top()
        fraction = offset / rect.height() if rect.height() > 0 else 0.0
        return block.blockNumber(), max(0.0, min(1.0, fraction))

    def go_to_place(self, place: Place) -> None:
        """Scroll back to a ``place``; nothing happens when the article has no such block. A
        view not painted yet (its width still to come) is held there until it is."""
        if not self._painted:
            self._pending = place
        self._scroll_to(place)

    def _scroll_to(self, place: Place) -> None:
        number, fraction = place
        block = self.document().findBlockByNumber(number)
        if not block.isValid():
            return
        rect = self.document().documentLayout().blockBoundingRect(block)
        self.verticalScrollBar().setValue(int(rect.top() + fraction * rect.height()))

    def refresh_colours(self) -> None:
        """Render again with the palette's current colours (after a light/dark switch)."""
        if self._article is not None:
            top = self.verticalScrollBar().value()
            self.show_article(self._article)
            self.verticalScrollBar().setValue(top)

    def loadResource(self, type_: int, name: QUrl | str) -> Any:
        """Serve only cached photos, at the width their URL names; everything else, remote or
        local, is refused."""
        if type_ != QTextDocument.ResourceType.ImageResource.value:
            return None
        return self._pictures.load(QUrl(name), self.devicePixelRatioF())

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.refresh_colours()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        direction = space_direction(event)
        if direction and not self.page(direction):
            (self.paged_past_end if direction > 0 else self.paged_past_top).emit()
        if direction:
            event.accept()
            return
        link = selected_link(self.textCursor())
        if link and event.key() in RETURN_KEYS:
            event.accept()
            self.anchorClicked.emit(QUrl(link))
            return
        super().keyPressEvent(event)

    def focusNextPrevChild(self, forward: bool) -> bool:
        """Tab and Shift+Tab: the next (or previous) link, else on out of the reader."""
        if self.hasFocus():
            link = next_link(self.document(), self.textCursor(), forward)
            if link is not None:
                self.setTextCursor(select(self.document(), link))
                self.ensureCursorVisible()
                return True
            self._let_go_of_link()
        return super().focusNextPrevChild(forward)

    def focusInEvent(self, event: QFocusEvent) -> None:
        """Come in by Tab at the top of the view (by Shift+Tab, its end), so that the next
        Tab goes to the first link in sight; browsing with a caret, from the caret."""
        reason = event.reason()
        if reason in (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason):
            self._let_go_of_link()
            if not self._caret_browsing:
                corner = QPoint(0, 0)
                if reason == Qt.FocusReason.BacktabFocusReason:
                    corner = QPoint(self.viewport().width() - 1, self.viewport().height() - 1)
                self._place_caret(self.cursorForPosition(corner).position())
        super().focusInEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._pressed_link = self.anchorAt(event.position().toPoint())
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        link = self.anchorAt(event.position().toPoint())
        clicked = event.button() == Qt.MouseButton.LeftButton and link == self._pressed_link
        dragged = self.textCursor().hasSelection()  # Qt selects a clicked link as it lets go
        self._pressed_link = ""
        super().mouseReleaseEvent(event)
        if link and clicked and not dragged:
            self.anchorClicked.emit(QUrl(link))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        super().mouseMoveEvent(event)
        over_link = bool(self.anchorAt(event.position().toPoint()))
        shape = Qt.CursorShape.PointingHandCursor if over_link else Qt.CursorShape.IBeamCursor
        self.viewport().setCursor(shape)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y()
            if steps:
                self.zoom_requested.emit(1 if steps > 0 else -1)
            event.accept()
            return
        super().wheelEvent(event)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._update_margins()
        self._pictures.refit(self.document(), self._column_width())
        if self._pending is not None:
            self._scroll_to(self._pending)

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._pending is not None:  # laid out at its final width by now
            self._scroll_to(self._pending)
            self._pending = None
        self._painted = True
        super().paintEvent(event)

    def sizeHint(self) -> QSize:
        return QSize(640, 600)

    def _set_html(self, body: str) -> None:
        document = self.document()
        document.setDefaultStyleSheet(stylesheet(reader_colours(self.palette())))
        document.setHtml(body)
        fold_unseen(document)
        self.moveCursor(QTextCursor.MoveOperation.Start)  # setHtml leaves it at the end

    def _apply_font(self) -> None:
        self.document().setDefaultFont(reader_font(self._percent))

    def _measure(self) -> int:
        """The width of a comfortable line of text at the current size, with the document's
        own margins on either side of it."""
        margins = int(self.document().documentMargin() * 2)
        return line_width(self.document().defaultFont()) + margins

    def _update_margins(self) -> None:
        """Centre a column of comfortable width in the available space."""
        available = self.width() - self.verticalScrollBar().sizeHint().width()
        side = max(MIN_GUTTER, (available - self._measure()) // 2)
        if self.viewportMargins().left() != side:
            self.setViewportMargins(side, 0, side, 0)
            # QTextEdit fits the text to its viewport only when the widget itself is resized:
            # without this the text kept the old viewport's width (a sideways scroll bar).
            QTextEdit.resizeEvent(self, QResizeEvent(self.size(), QSize(-1, -1)))

    def _column_width(self) -> int:
        """The width of the text column, which pictures are fitted to."""
        margin = int(self.document().documentMargin() * 2)
        return max(1, self.viewport().width() - margin)  # never wider: no sideways scrolling

    def _caret_to_view(self) -> None:
        """Put the caret at the start of the first line wholly in view."""
        cursor = self.cursorForPosition(QPoint(0, 0))
        if self.cursorRect(cursor).top() < 0:
            cursor.movePosition(QTextCursor.MoveOperation.Down)
        cursor.movePosition(QTextCursor.MoveOperation.StartOfLine)
        self._place_caret(cursor.position())

    def _place_caret(self, position: int) -> None:
        """Move the caret (dropping any selection) without scrolling the view."""
        top = self.verticalScrollBar().value()
        cursor = self.textCursor()
        cursor.setPosition(position)
        self.setTextCursor(cursor)
        self.verticalScrollBar().setValue(top)

    def _let_go_of_link(self) -> None:
        """Drop the selection of a link reached by Tab (the caret stays where it was)."""
        cursor = self.textCursor()
        if selected_link(cursor):
            cursor.clearSelection()
            self.setTextCursor(cursor)

    def _on_cursor_position_changed(self) -> None:
        """Browsing with a caret, step it over text written for screen readers only, which
        has no width: the caret never stands still on screen for a key press."""
        cursor = self.textCursor()
        position = cursor.position()
        if self._caret_browsing and not cursor.hasSelection():
            shown = past_unseen(self.document(), position, self._caret)
            if shown != position:
                self._caret = shown
                cursor.setPosition(shown)
                self.setTextCursor(cursor)
                return
        self._caret = position

    def _on_anchor_clicked(self, url: QUrl) -> None:
        if url.scheme() not in OPENABLE_SCHEMES:
            log.info("Ignored a link with the scheme %r", url.scheme())
            return
        sentence = open_in_browser(url.toString())
        if sentence:
            self.link_failed.emit(sentence)
