"""Typed user preferences, kept as versioned JSON in the config folder; no Qt here.

Window geometry and dock layout are not preferences: the window keeps them in its own QSettings
file. A damaged or foreign settings file never stops the app: unreadable values fall back to their
defaults and the problem is logged.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any, Literal

log = logging.getLogger(__name__)

SCHEMA_VERSION = 3  # 2: refresh and retention, 3: watchlists and converter; old files read
TEXT_SIZES: tuple[int, ...] = (50, 67, 75, 80, 90, 100, 110, 125, 150, 175, 200, 250, 300)
DEFAULT_TEXT_SIZE = 100
Appearance = Literal["system", "light", "dark"]
APPEARANCES: tuple[Appearance, ...] = ("system", "light", "dark")
DEFAULT_REFRESH_MINUTES = 30
MAX_REFRESH_MINUTES = 24 * 60
MAX_KEEP_DAYS = 10 * 365
MAX_WATCHED = 200


@dataclass(frozen=True)
class Settings:
    """What a person chose: text size in percent, base currency, light or dark appearance, how
    often to refresh (minutes, 0 = only by hand), how long to keep articles (days, 0 = ever), and
    the currencies and stock symbols pinned to the top of the Markets panel, in the order pinned,
    the currencies the converter converts from and to, and whether the reader is browsed with a
    caret (F7)."""

    text_size: int = DEFAULT_TEXT_SIZE
    base_currency: str = "USD"
    appearance: Appearance = "system"
    refresh_minutes: int = DEFAULT_REFRESH_MINUTES
    keep_days: int = 0
    watched_currencies: tuple[str, ...] = ()
    watched_symbols: tuple[str, ...] = ()
    convert_from: str = "USD"
    convert_to: str = "EUR"
    caret_browsing: bool = False

    def with_text_size(self, percent: int) -> Settings:
        """Return a copy with the text size clamped to the supported range."""
        return replace(self, text_size=clamp_text_size(percent))


def clamp_text_size(percent: int) -> int:
    """Keep a text size between the smallest and largest step."""
    return max(TEXT_SIZES[0], min(TEXT_SIZES[-1], percent))


def larger_text_size(percent: int) -> int:
    """Return the next step up, or the largest."""
    return next((step for step in TEXT_SIZES if step > percent), TEXT_SIZES[-1])


def smaller_text_size(percent: int) -> int:
    """Return the next step down, or the smallest."""
    return next((step for step in reversed(TEXT_SIZES) if step < percent), TEXT_SIZES[0])


def load(path: Path) -> Settings:
    """Read the settings file; missing or damaged values come back as defaults."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Settings()
    except (OSError, ValueError) as error:
        log.warning("Settings file %s is unreadable (%s); using defaults", path, error)
        return Settings()
    if not isinstance(raw, dict):
        log.warning("Settings file %s holds no object; using defaults", path)
        return Settings()
    return _from_mapping(raw)


def save(settings: Settings, path: Path) -> None:
    """Write the settings atomically: a crash leaves the old file or the new one, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    document = {"version": SCHEMA_VERSION, **asdict(settings)}
    text = json.dumps(document, indent=2, sort_keys=True) + "\n"
    import tempfile

    handle, temporary = tempfile.mkstemp(prefix=".settings-", suffix=".json", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _from_mapping(raw: dict[str, Any]) -> Settings:
    """Build settings from a parsed file, keeping each valid value and dropping the rest."""
    defaults = Settings()
    values: dict[str, Any] = {}
    for field in fields(Settings):
        if field.name not in raw:
            continue
        value = _validated(field.name, raw[field.name])
        if value is None:
            log.warning("Ignoring invalid setting %s=%r", field.name, raw[field.name])
        else:
            values[field.name] = value
    return replace(defaults, **values)


def _validated(name: str, value: object) -> object | None:
    """Return the value if it is valid for the named setting, else None."""
    if name == "text_size":
        if isinstance(value, int) and not isinstance(value, bool):
            return clamp_text_size(value)
        return None
    if name in {"base_currency", "convert_from", "convert_to"}:
        if isinstance(value, str) and len(value) == 3 and value.isalpha():
            return value.upper()
        return None
    if name == "appearance":
        return value if value in APPEARANCES else None
    if name == "caret_browsing":
        return value if isinstance(value, bool) else None
    if name == "refresh_minutes":
        return _count(value, MAX_REFRESH_MINUTES)
    if name == "keep_days":
        return _count(value, MAX_KEEP_DAYS)
    if name == "watched_currencies":
        return _codes(value, lambda code: len(code) == 3 and code.isalpha())
    if name == "watched_symbols":
        return _codes(value, lambda symbol: 0 < len(symbol) <= 20 and symbol.isprintable())
    return None


def _codes(value: object, valid: Callable[[str], bool]) -> tuple[str, ...] | None:
    """A list of distinct upper-case codes, each passing ``valid``; None if it is not a list."""
    if not isinstance(value, list):
        return None
    codes = (item.strip().upper() for item in value if isinstance(item, str))
    return tuple(dict.fromkeys(code for code in codes if valid(code)))[:MAX_WATCHED]


def _count(value: object, largest: int) -> int | None:
    """A whole number from 0 up, capped at ``largest``; None for anything else."""
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return min(value, largest)
    return None
