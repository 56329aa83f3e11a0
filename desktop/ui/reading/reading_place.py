"""Where the person was reading, kept across starts: the section, the article and how far into
it, in the window-state INI file beside the window's geometry (not a preference)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSettings

from desktop.domain import ALL, Section, SectionKind
from desktop.ui.reading.reader import Place

GROUP = "reading"


@dataclass(frozen=True, slots=True)
class ReadingPlace:
    """A section, the article open in it (if any) and the reader's place in that article."""

    section: Section = ALL
    article_id: int | None = None
    place: Place = (0, 0.0)


class PlaceMemory:
    """Reads and writes the reading place; what cannot be read back is left out."""

    def __init__(self, file: Path) -> None:
        self._settings = QSettings(str(file), QSettings.Format.IniFormat)

    def load(self) -> ReadingPlace | None:
        """The place saved at the last close, or None."""
        values = self._settings
        section = _section(str(values.value(f"{GROUP}/section", "")))
        if section is None:
            return None
        article = _number(values.value(f"{GROUP}/article"))
        block = _number(values.value(f"{GROUP}/block")) or 0
        fraction = _fraction(values.value(f"{GROUP}/fraction"))
        return ReadingPlace(section, article, (block, fraction))

    def save(self, where: ReadingPlace) -> None:
        """Keep the place for the next start."""
        values = self._settings
        values.setValue(f"{GROUP}/section", _section_text(where.section))
        values.setValue(f"{GROUP}/article", where.article_id or 0)
        values.setValue(f"{GROUP}/block", where.place[0])
        values.setValue(f"{GROUP}/fraction", round(where.place[1], 4))
        values.sync()

    def flag(self, name: str) -> bool:
        """A yes-or-no the window keeps beside the place (a notice answered, say)."""
        return str(self._settings.value(f"{GROUP}/{name}", "false")).lower() == "true"

    def set_flag(self, name: str, on: bool) -> None:
        """Keep a yes-or-no for the next start."""
        self._settings.setValue(f"{GROUP}/{name}", on)
        self._settings.sync()


def _section_text(section: Section) -> str:
    """A section as one word: "all", "unread", "bookmarks", "source:12", "folder:World"."""
    if section.kind is SectionKind.SOURCE:
        return f"source:{section.source_id}"
    if section.kind is SectionKind.FOLDER:
        return f"folder:{section.folder}"
    return str(section.kind.value)


def _section(text: str) -> Section | None:
    """The section a word names, or None."""
    kind, _, rest = text.partition(":")
    if kind == SectionKind.SOURCE.value and rest.isdigit():
        return Section.of_source(int(rest))
    if kind == SectionKind.FOLDER.value and rest:
        return Section.of_folder(rest)
    try:
        found = SectionKind(kind)
    except ValueError:
        return None
    return None if found in (SectionKind.SOURCE, SectionKind.FOLDER) else Section(found)


def _number(value: object) -> int | None:
    """A positive whole number read back from the file, or None."""
    text = str(value) if value is not None else ""
    return int(text) if text.isdigit() and int(text) > 0 else None


def _fraction(value: object) -> float:
    """A fraction between 0 and 1 read back from the file (0 when unreadable)."""
    try:
        return max(0.0, min(1.0, float(str(value))))
    except ValueError:
        return 0.0
