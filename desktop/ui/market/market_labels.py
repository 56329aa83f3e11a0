"""The Markets panel's labels and sections: bold headings over the tables, muted notes, links,
and the splitter between the quotes and the currencies."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QSplitter, QTableView, QVBoxLayout, QWidget

from desktop.ui.link_label import LinkLabel
from desktop.ui.market.market_roles import MUTED


def heading(text: str) -> QLabel:
    """A small bold title over a table."""
    label = QLabel(text)
    font = QFont(label.font())
    font.setBold(True)
    label.setFont(font)
    return label


def section(heading: QLabel, table: QTableView, note: QLabel | None = None) -> QWidget:
    """A heading directly above its table (and a note under the heading), as one piece of the
    splitter."""
    section = QWidget()
    layout = QVBoxLayout(section)
    layout.setContentsMargins(0, 4, 0, 0)
    layout.setSpacing(4)
    heading.setBuddy(table)
    layout.addWidget(heading)
    if note is not None:
        layout.addWidget(note)
    layout.addWidget(table, 1)
    return section


def link_label(text: str, name: str, parent: QWidget | None) -> LinkLabel:
    """A small muted label with a link in it, one Tab stop per link; links to the web open in
    the browser."""
    label = LinkLabel(text, parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setForegroundRole(MUTED)  # as ``muted_label``: it follows a switch of appearance
    return label


def recolour_links(label: QLabel) -> None:
    """Lay a rich-text label out again: its links keep the link colour of the palette they were
    laid out with (dark blue on a dark panel after a switch of appearance) until then."""
    text = label.text()
    label.clear()
    label.setText(text)


def muted_label(text: str, parent: QWidget | None) -> QLabel:
    """A word-wrapped label in the muted text colour."""
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setForegroundRole(MUTED)  # a role, not a colour: it follows a switch of appearance
    return label


def splitter(top: QWidget, bottom: QWidget, parent: QWidget) -> QSplitter:
    """The quotes over the currencies, the currencies given more of the height, neither of
    them folded away entirely."""
    pieces = QSplitter(Qt.Orientation.Vertical, parent)
    pieces.setObjectName("marketSplitter")
    pieces.setChildrenCollapsible(False)
    pieces.addWidget(top)
    pieces.addWidget(bottom)
    pieces.setStretchFactor(0, 2)
    pieces.setStretchFactor(1, 3)
    return pieces
