"""Typed user preferences, kept as versioned JSON in the config folder; no Qt here.

Window geometry and dock layout are not preferences: the window keeps them in its own QSettings
file. A damaged or foreign settings file never stops the app: unreadable values fall back to their
defaults and the problem is logged.

Each setting is one line of ``Settings``: its name, type, default and the validator its saved
value must pass (``_setting``). A validator returns the value as kept (clamped, upper-cased) or
None when the value is no such setting; a name the file holds that is no setting (one a later
version added) is left alone.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any, Literal, TypeVar

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
MAX_SYMBOL_CHARACTERS = 20
T = TypeVar("T")
Validator = Callable[[object], object | None]
_VALIDATOR = "validator"


def _setting(default: T, validator: Validator) -> T:
    """A setting's default, with the validator a saved value must pass."""
    return field(default=default, metadata={_VALIDATOR: validator})


def _whole(value: object) -> int | None:
    """A whole number (JSON's true and false are none)."""
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _text_size(value: object) -> int | None:
    """A text size in percent, clamped to the supported steps."""
    number = _whole(value)
    return None if number is None else clamp_text_size(number)


def _count(largest: int) -> Validator:
    """A whole number from 0 up, capped at ``largest``."""

    def valid(value: object) -> int | None:
        number = _whole(value)
        return None if number is None or number < 0 else min(number, largest)

    return valid


def _currency(value: object) -> str | None:
    """A three-letter currency code, in upper case."""
    return value.upper() if isinstance(value, str) and _is_currency(value) else None


def _one_of(choices: tuple[str, ...]) -> Validator:
    """One of ``choices``, exactly."""
    return lambda value: value if value in choices else None


def _flag(value: object) -> bool | None:
    """True or false."""
    return value if isinstance(value, bool) else None


def _codes(valid: Callable[[str], bool]) -> Validator:
    """A list of distinct upper-case codes, each passing ``valid``, at most ``MAX_WATCHED``;
    the invalid entries of a list are dropped, anything but a list is refused."""

    def kept(value: object) -> tuple[str, ...] | None:
        if not isinstance(value, list):
            return None
        codes = (item.strip().upper() for item in value if isinstance(item, str))
        return tuple(dict.fromkeys(code for code in codes if valid(code)))[:MAX_WATCHED]

    return kept


def _is_currency(code: str) -> bool:
    return len(code) == 3 and code.isalpha()


def _is_symbol(symbol: str) -> bool:
    return 0 < len(symbol) <= MAX_SYMBOL_CHARACTERS and symbol.isprintable()


@dataclass(frozen=True)
class Settings:
    """What a person chose: text size in percent, base currency, light or dark appearance, how
    often to refresh (minutes, 0 = only by hand), how long to keep articles (days, 0 = ever), and
    the currencies and stock symbols pinned to the top of the Markets panel, in the order pinned,
    the currencies the converter converts from and to, and whether the reader is browsed with a
    caret (F7)."""

    text_size: int = _setting(DEFAULT_TEXT_SIZE, _text_size)
    base_currency: str = _setting("USD", _currency)
    appearance: Appearance = _setting("system", _one_of(APPEARANCES))
    refresh_minutes: int = _setting(DEFAULT_REFRESH_MINUTES, _count(MAX_REFRESH_MINUTES))
    keep_days: int = _setting(0, _count(MAX_KEEP_DAYS))
    watched_currencies: tuple[str, ...] = _setting((), _codes(_is_currency))
    watched_symbols: tuple[str, ...] = _setting((), _codes(_is_symbol))
    convert_from: str = _setting("USD", _currency)
    convert_to: str = _setting("EUR", _currency)
    caret_browsing: bool = _setting(False, _flag)

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
    values: dict[str, Any] = {}
    for setting in fields(Settings):
        if setting.name not in raw:
            continue
        value = setting.metadata[_VALIDATOR](raw[setting.name])
        if value is None:
            log.warning("Ignoring invalid setting %s=%r", setting.name, raw[setting.name])
        else:
            values[setting.name] = value
    return Settings(**values)
