"""What the self-test measures in rendered images: where the photo sits, colours, averages."""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QImage, QTextBlock

from desktop.ui.reading.reader import ArticleBrowser

ROW_STEP = 4  # colours are counted on every fourth row: plenty to tell a page from a blank


def photo_area(reader: ArticleBrowser, shown: QSize) -> QRect | None:
    """Where the reader paints its first image (``shown`` big), in its viewport's coordinates."""
    document = reader.document()
    block = document.begin()
    while block.isValid():
        found = _image_offset(block)
        if found is not None:
            layout = block.layout()
            line = layout.lineForTextPosition(found)
            x, _ = cast(tuple[float, int], line.cursorToX(found))  # PySide6 gives (x, position)
            left = layout.position().x() + x
            top = layout.position().y() + line.y() + line.ascent() - shown.height()
            top -= reader.verticalScrollBar().value()
            return QRect(round(left), round(top), shown.width(), shown.height())
        block = block.next()
    return None


def _image_offset(block: QTextBlock) -> int | None:
    """The position of the block's first image within the block, if it has one."""
    fragments = block.begin()
    while not fragments.atEnd():
        fragment = fragments.fragment()
        if fragment.charFormat().isImageFormat():
            return fragment.position() - block.position()
        fragments += 1
    return None


def colour_count(image: QImage) -> int:
    """How many different colours an image has (counted on every ``ROW_STEP``-th row)."""
    rgb = image.convertToFormat(QImage.Format.Format_RGB32)
    pixels = memoryview(rgb.constBits()).cast("I")
    stride = rgb.bytesPerLine() // 4
    rows = range(0, rgb.height(), ROW_STEP)
    return len({colour for row in rows for colour in pixels[row * stride : (row + 1) * stride]})


def average(image: QImage) -> QColor:
    """An image's average colour (Qt's smooth scaling averages the pixels it merges)."""
    small = image.scaled(
        1, 1, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation
    )
    return small.pixelColor(0, 0)


def colour_distance(first: QColor, second: QColor) -> int:
    """The largest difference between two colours in any of red, green and blue."""
    return max(
        abs(first.red() - second.red()),
        abs(first.green() - second.green()),
        abs(first.blue() - second.blue()),
    )
