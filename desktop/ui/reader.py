"""The reading view: one article in a centred column, its photo from the cache, sized text.

Built on ``QTextBrowser``: no web engine, no scripts, and no remote loads. The only images it shows
are photos already cached on disk; links open in the system browser.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QPoint, QSize, Qt, QUrl, QUrlQuery, Signal
from PySide6.QtGui import (
    QFont,
    QImage,
    QImageReader,
    QPalette,
    QResizeEvent,
    QTextCursor,
    QTextDocument,
    QTextImageFormat,
)
from PySide6.QtWidgets import QAbstractSlider, QTextBrowser, QWidget

from desktop.domain import Article

if TYPE_CHECKING:
    from PySide6.QtGui import QKeyEvent, QPaintEvent, QWheelEvent
from desktop.ui.article_body import PHOTO_SCHEME, WIDTH_QUERY, photo_url
from desktop.ui.article_html import Colours, article_html, empty_html, stylesheet
from desktop.ui.browser import open_in_browser
from desktop.ui.reading_column import line_width

log = logging.getLogger(__name__)

BASE_POINT_SIZE = 12.0
MIN_GUTTER = 24
Place = tuple[int, float]  # the block at the top of the view, and how far into it the view is
OPENABLE_SCHEMES = frozenset({"http", "https", "mailto"})
SERIF_FAMILIES = [
    "Charter",
    "Georgia",
    "Source Serif 4",
    "Noto Serif",
    "C059",
    "DejaVu Serif",
    "serif",
]


class ArticleBrowser(QTextBrowser):
    """Shows an article; Ctrl+wheel asks for a text size change; Space and Shift+Space page
    through it and, past its end or its top, ask for the next or previous article.

    Signals:
        zoom_requested(int): +1 to enlarge the text, -1 to reduce it (from Ctrl+wheel).
        paged_past_end(): Space was pressed with the article's end in view.
        paged_past_top(): Shift+Space was pressed with the article's top in view.
        link_failed(str): no web browser took a link; carries a sentence saying so.
    """

    zoom_requested = Signal(int)
    paged_past_end = Signal()
    paged_past_top = Signal()
    link_failed = Signal(str)

    def __init__(self, images: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._images = images.resolve()
        self._percent = 100
        self._article: Article | None = None
        self._column = 0  # the width pictures are fitted to
        self._natural: dict[Path, int] = {}  # the width of each picture shown, by its file
        self._pending: Place | None = None  # a place to keep until the view is first painted
        self._painted = False
        font = QFont()
        font.setFamilies(SERIF_FAMILIES)
        font.setStyleHint(QFont.StyleHint.Serif)
        self._font = font
        self.setObjectName("readerView")
        self.setAccessibleName("Article")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setUndoRedoEnabled(False)
        self.setFrameShape(QTextBrowser.Shape.NoFrame)
        self.setBackgroundRole(QPalette.ColorRole.Base)  # the side margins too, not just the column
        self.setAutoFillBackground(True)
        # A scroll bar that never comes and goes keeps the column's width (and the photo's)
        # stable, so an article is laid out once, not again when it turns out to be long.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.anchorClicked.connect(self._on_anchor_clicked)
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

    def show_article(self, article: Article) -> None:
        """Show an article from its top."""
        self._article = article
        self._pending = None
        photos = [article.photo, *article.images] if article.photo else list(article.images)
        self._natural = {photo.file.resolve(): photo.width for photo in photos}
        self._column = self._column_width()
        self._set_html(article_html(article, self._column))
        self.verticalScrollBar().setValue(0)

    def update_article_state(self, article: Article) -> None:
        """Take note of a changed read flag or bookmark of the shown article (nothing to redraw)."""
        if self._article is not None and self._article.id == article.id:
            self._article = article

    def show_empty(self, title: str, hint: str) -> None:
        """Show a message instead of an article."""
        self._article = None
        self._natural = {}
        self._set_html(empty_html(title, hint))

    def set_text_size(self, percent: int) -> None:
        """Scale the text to ``percent``, keeping the paragraph at the top of the view in place."""
        if percent == self._percent:
            return
        anchor = self.place()
        self._percent = percent
        self._apply_font()
        self._update_margins()
        self._refit_pictures()
        self.go_to_place(anchor)

    def page(self, direction: int) -> bool:
        """Scroll a page down (+1) or up (-1); False when the view is already at that end."""
        bar = self.verticalScrollBar()
        if bar.value() == (bar.maximum() if direction > 0 else bar.minimum()):
            return False
        step = QAbstractSlider.SliderAction
        bar.triggerAction(step.SliderPageStepAdd if direction > 0 else step.SliderPageStepSub)
        return True

    def to_top(self) -> None:
        """Show the article from its top."""
        self.verticalScrollBar().setValue(self.verticalScrollBar().minimum())

    def to_end(self) -> None:
        """Show the article's end."""
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
        url = QUrl(name)
        if type_ != QTextDocument.ResourceType.ImageResource.value or url.scheme() != PHOTO_SCHEME:
            return None
        file = Path(url.path()).resolve()
        if not file.is_relative_to(self._images) or not file.is_file():
            log.info("Refused to load %s", url.toString())
            return None
        asked = QUrlQuery(url).queryItemValue(WIDTH_QUERY)
        return self._scaled_photo(file, int(asked) if asked.isdigit() else self._fitting(file))

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
        super().keyPressEvent(event)

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
        self._refit_pictures()
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
        document.setDefaultStyleSheet(stylesheet(_colours(self.palette())))
        document.setHtml(body)
        self.moveCursor(QTextCursor.MoveOperation.Start)  # setHtml leaves it at the end

    def _apply_font(self) -> None:
        font = QFont(self._font)
        font.setPointSizeF(BASE_POINT_SIZE * self._percent / 100)
        self.document().setDefaultFont(font)

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
            QTextBrowser.resizeEvent(self, QResizeEvent(self.size(), QSize(-1, -1)))

    def _column_width(self) -> int:
        """The width of the text column, which pictures are fitted to."""
        margin = int(self.document().documentMargin() * 2)
        return max(1, self.viewport().width() - margin)  # never wider: no sideways scrolling

    def _fitting(self, file: Path) -> int | None:
        """The width a picture of this article is shown at: the column's, never more than its
        own; None for a picture the article does not show."""
        natural = self._natural.get(file)
        return None if natural is None else min(self._column, natural)

    def _refit_pictures(self) -> None:
        """Fit the pictures to the column again after it changed width: each picture whose width
        changes is asked for again under its new width's URL, decoded anew at that size."""
        column = self._column_width()
        if column == self._column or not self._natural:
            return
        self._column = column
        document = self.document()
        for position, image in list(_pictures(document)):
            file = Path(QUrl(image.name()).path()).resolve()
            width = self._fitting(file)
            if width is None or width == int(image.width()):
                continue
            image.setName(photo_url(file, width))
            image.setWidth(width)
            cursor = QTextCursor(document)
            cursor.setPosition(position)
            cursor.setPosition(position + 1, QTextCursor.MoveMode.KeepAnchor)
            cursor.setCharFormat(image)

    def _scaled_photo(self, file: Path, width: int | None) -> QImage | None:
        """A picture decoded straight at the size it is shown at (JPEG decoders scale while
        decoding, which is faster and keeps no full-size copy in memory)."""
        reader = QImageReader(str(file))
        original = reader.size()
        ratio = self.devicePixelRatioF()
        pixels = int((width or original.width()) * ratio)
        if original.isValid() and 0 < pixels < original.width():
            height = max(1, round(original.height() * pixels / original.width()))
            reader.setScaledSize(QSize(pixels, height))
            reader.setQuality(100)  # smooth scaling, not the fastest nearest-pixel one
        image = reader.read()
        if image.isNull():
            log.info("Could not read the photo %s: %s", file, reader.errorString())
            return None
        image.setDevicePixelRatio(ratio)
        return image

    def _on_anchor_clicked(self, url: QUrl) -> None:
        if url.scheme() not in OPENABLE_SCHEMES:
            log.info("Ignored a link with the scheme %r", url.scheme())
            return
        sentence = open_in_browser(url.toString())
        if sentence:
            self.link_failed.emit(sentence)


def space_direction(event: QKeyEvent) -> int:
    """+1 for Space, -1 for Shift+Space, 0 for any other key (or Space with another modifier)."""
    if event.key() != Qt.Key.Key_Space:
        return 0
    modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    if modifiers == Qt.KeyboardModifier.NoModifier:
        return 1
    return -1 if modifiers == Qt.KeyboardModifier.ShiftModifier else 0


def _pictures(document: QTextDocument) -> Iterator[tuple[int, QTextImageFormat]]:
    """The position and format of every cached picture the document shows."""
    block = document.begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            if fragment.charFormat().isImageFormat():
                image = fragment.charFormat().toImageFormat()
                if QUrl(image.name()).scheme() == PHOTO_SCHEME:
                    yield fragment.position(), image
            fragments += 1
        block = block.next()


def _colours(palette: QPalette) -> Colours:
    """Reader colours that follow the window's light or dark palette."""
    role = QPalette.ColorRole
    return Colours(
        text=palette.color(role.Text).name(),
        muted=palette.color(role.PlaceholderText).name(),
        accent=palette.color(role.Accent).name(),
        link=palette.color(role.Link).name(),
        rule=palette.color(role.Mid).name(),
    )
