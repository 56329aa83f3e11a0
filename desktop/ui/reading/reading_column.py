"""The reading column's width: a comfortable line of 60 to 75 characters in the font in use.

A font's average character width (``QFontMetricsF.averageCharWidth``) is an average over its
glyph table, capitals and wide signs included, not over prose: for the serifs the reader uses it
is 25-40 % wider than a character of running text, and a column of 68 of them held 92 to 98
characters a line. So the column is measured on real text set in the reader's own font.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontMetricsF

BASE_POINT_SIZE = 12.0  # the reader's text at 100 %
SERIF_FAMILIES = ["Charter", "Georgia", "Source Serif 4", "Noto Serif", "C059", "DejaVu Serif"]
# The characters a full line holds. Lines break between words, so a column of 70 characters
# sets lines of 63 to 70 (a word that does not fit goes to the next line).
LINE_CHARACTERS = 70
# Ordinary newspaper prose (written for this purpose), with capitals, figures and punctuation
# in the proportions running text has.
SAMPLE_TEXT = (
    "The harbour board met on Tuesday evening and agreed, after a long and sometimes heated "
    "debate, to keep the pilot station open through the winter. Its chair, Ruth Calloway, said "
    "the decision would cost about 140,000 a year but that the port could not risk a ship "
    "waiting offshore in a gale. Fishermen who had campaigned for the station since March "
    'welcomed the news; one of them, who asked not to be named, called it "the first sensible '
    'thing the board has done in years". The station will be staffed by two pilots at a time.'
)


def reader_font(percent: int) -> QFont:
    """The reader's serif at ``percent`` of its size (a system serif when none of ours is)."""
    font = QFont()
    font.setFamilies([*SERIF_FAMILIES, "serif"])
    font.setStyleHint(QFont.StyleHint.Serif)
    font.setPointSizeF(BASE_POINT_SIZE * percent / 100)
    return font


def character_width(font: QFont) -> float:
    """The average advance of one character of running text set in ``font``, in pixels."""
    return QFontMetricsF(font).horizontalAdvance(SAMPLE_TEXT) / len(SAMPLE_TEXT)


def line_width(font: QFont) -> int:
    """The width, in pixels, of a line holding ``LINE_CHARACTERS`` characters of prose."""
    return round(character_width(font) * LINE_CHARACTERS)
