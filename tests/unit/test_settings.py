"""Settings: typed defaults, a versioned file written atomically, bad values dropped: per kind
of setting, a value of the wrong type and one out of range; a setting this version does not know
is left alone."""

from __future__ import annotations

import json
import logging
from dataclasses import fields, replace
from pathlib import Path
from typing import Any

import pytest

from desktop import settings
from desktop.settings import Settings


def test_missing_file_gives_defaults(tmp_path: Path) -> None:
    assert settings.load(tmp_path / "settings.json") == Settings()
    assert Settings().text_size == 100 and Settings().base_currency == "USD"


def test_settings_round_trip_with_a_version(tmp_path: Path) -> None:
    file = tmp_path / "config" / "settings.json"
    chosen = Settings(text_size=150, base_currency="EUR", appearance="dark")
    settings.save(chosen, file)
    assert settings.load(file) == chosen
    assert json.loads(file.read_text())["version"] == settings.SCHEMA_VERSION
    assert [p.name for p in file.parent.iterdir()] == ["settings.json"]  # no temporary left


@pytest.mark.allow_warnings
def test_invalid_values_fall_back_to_defaults(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    file = tmp_path / "settings.json"
    file.write_text(
        json.dumps({"text_size": "huge", "base_currency": "euro", "appearance": "dark"})
    )
    loaded = settings.load(file)
    assert loaded == Settings(appearance="dark")
    assert sum(r.levelno == logging.WARNING for r in caplog.records) == 2


@pytest.mark.allow_warnings
def test_a_damaged_file_gives_defaults(tmp_path: Path) -> None:
    file = tmp_path / "settings.json"
    file.write_text("{not json")
    assert settings.load(file) == Settings()
    file.write_text("[1, 2]")
    assert settings.load(file) == Settings()


def test_text_sizes_are_clamped_and_stepped() -> None:
    assert Settings().with_text_size(1000).text_size == 300
    assert Settings().with_text_size(10).text_size == 50
    assert settings.larger_text_size(100) == 110 and settings.smaller_text_size(100) == 90
    assert settings.larger_text_size(300) == 300 and settings.smaller_text_size(50) == 50
    assert settings.larger_text_size(105) == 110  # an odd size snaps to the next step


def test_a_saved_size_outside_the_range_is_clamped(tmp_path: Path) -> None:
    file = tmp_path / "settings.json"
    file.write_text(json.dumps({"version": 1, "text_size": 900}))
    assert settings.load(file).text_size == 300


def test_refresh_and_retention_default_to_every_30_minutes_and_keep_everything() -> None:
    assert Settings().refresh_minutes == 30
    assert Settings().keep_days == 0


def test_refresh_and_retention_round_trip(tmp_path: Path) -> None:
    file = tmp_path / "settings.json"
    chosen = Settings(refresh_minutes=0, keep_days=14)
    settings.save(chosen, file)
    assert settings.load(file) == chosen


def test_a_version_1_file_gets_the_new_defaults(tmp_path: Path) -> None:
    file = tmp_path / "settings.json"
    file.write_text(json.dumps({"version": 1, "text_size": 125, "appearance": "dark"}))
    assert settings.load(file) == Settings(text_size=125, appearance="dark")


@pytest.mark.allow_warnings
@pytest.mark.parametrize("bad", [-5, "30", 2.5, True, None])
def test_invalid_refresh_and_retention_values_fall_back_to_defaults(
    tmp_path: Path, bad: object, caplog: pytest.LogCaptureFixture
) -> None:
    file = tmp_path / "settings.json"
    file.write_text(json.dumps({"refresh_minutes": bad, "keep_days": bad}))
    assert settings.load(file) == Settings()
    assert sum(r.levelno == logging.WARNING for r in caplog.records) == 2


def test_very_long_intervals_are_capped(tmp_path: Path) -> None:
    file = tmp_path / "settings.json"
    file.write_text(json.dumps({"refresh_minutes": 10**9, "keep_days": 10**9}))
    loaded = settings.load(file)
    assert loaded.refresh_minutes == settings.MAX_REFRESH_MINUTES
    assert loaded.keep_days == settings.MAX_KEEP_DAYS


def test_watchlists_round_trip_in_the_order_pinned(tmp_path: Path) -> None:
    file = tmp_path / "settings.json"
    chosen = Settings(watched_currencies=("JPY", "EUR"), watched_symbols=("MSFT", "BRK.B"))
    settings.save(chosen, file)
    assert settings.load(file) == chosen
    assert json.loads(file.read_text())["watched_currencies"] == ["JPY", "EUR"]


@pytest.mark.allow_warnings
def test_watchlists_keep_their_valid_entries_only(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    file = tmp_path / "settings.json"
    file.write_text(
        json.dumps(
            {
                "watched_currencies": ["eur", "EUR", "euro", 7, "JPY"],
                "watched_symbols": "AAPL",
            }
        )
    )
    loaded = settings.load(file)
    assert loaded.watched_currencies == ("EUR", "JPY")
    assert loaded.watched_symbols == ()
    assert sum(r.levelno == logging.WARNING for r in caplog.records) == 1


@pytest.mark.allow_warnings
def test_caret_browsing_is_off_until_chosen_and_kept_when_chosen(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    file = tmp_path / "settings.json"
    assert settings.load(file).caret_browsing is False
    settings.save(Settings(caret_browsing=True), file)
    assert settings.load(file).caret_browsing is True
    file.write_text(json.dumps({"caret_browsing": "yes", "text_size": 150}))
    assert settings.load(file) == Settings(text_size=150)
    assert sum(r.levelno == logging.WARNING for r in caplog.records) == 1


# Per kind of setting: a value of the wrong type, and one out of range, with what is kept instead.
WRONG_TYPES = {
    "text_size": "150",
    "base_currency": 840,
    "appearance": 1,
    "refresh_minutes": 2.5,
    "keep_days": "14",
    "watched_currencies": "EUR",
    "watched_symbols": {"AAPL": 1},
    "convert_from": ["EUR"],
    "convert_to": None,
    "caret_browsing": 1,
}
OUT_OF_RANGE = [
    ("text_size", 5, 50),  # clamped to the smallest step
    ("text_size", 10**6, 300),
    ("base_currency", "EURO", None),  # refused: the default stays
    ("convert_to", "eu", None),
    ("appearance", "purple", None),
    ("refresh_minutes", -1, None),
    ("refresh_minutes", 10**9, settings.MAX_REFRESH_MINUTES),
    ("keep_days", -30, None),
    ("watched_currencies", ["EUR", "EURO", "E1R", "jpy"], ("EUR", "JPY")),  # bad codes dropped
    ("watched_symbols", ["", "X" * 21, "OK"], ("OK",)),
]


def test_every_setting_has_a_validator_its_default_passes() -> None:
    defaults = Settings()
    for field in fields(Settings):
        default = getattr(defaults, field.name)
        saved = json.loads(json.dumps(default))  # as the file gives it back
        assert field.metadata["validator"](saved) == default, field.name


def test_the_table_covers_every_kind_of_setting() -> None:
    assert set(WRONG_TYPES) == {field.name for field in fields(Settings)}


@pytest.mark.allow_warnings
@pytest.mark.parametrize("name", sorted(WRONG_TYPES))
def test_a_value_of_the_wrong_type_gives_the_default_and_a_warning(
    tmp_path: Path, name: str, caplog: pytest.LogCaptureFixture
) -> None:
    file = tmp_path / "settings.json"
    others: dict[str, Any] = {"text_size": 125, "keep_days": 7}
    file.write_text(json.dumps({**others, name: WRONG_TYPES[name]}))
    others.pop(name, None)
    assert settings.load(file) == replace(Settings(), **others)
    assert [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING] == [
        f"Ignoring invalid setting {name}={WRONG_TYPES[name]!r}"
    ]


@pytest.mark.allow_warnings
@pytest.mark.parametrize(("name", "value", "kept"), OUT_OF_RANGE)
def test_a_value_out_of_range_is_brought_into_range_or_refused(
    tmp_path: Path, name: str, value: object, kept: object, caplog: pytest.LogCaptureFixture
) -> None:
    file = tmp_path / "settings.json"
    file.write_text(json.dumps({name: value}))
    loaded = getattr(settings.load(file), name)
    if kept is None:
        assert loaded == getattr(Settings(), name)
        assert any(r.levelno == logging.WARNING for r in caplog.records)
    else:
        assert loaded == kept


def test_a_long_watchlist_keeps_its_first_entries(tmp_path: Path) -> None:
    codes = [f"{a}{b}Z" for a in "ABCDEFGHIJKLMNOP" for b in "ABCDEFGHIJKLMNOP"]
    file = tmp_path / "settings.json"
    file.write_text(json.dumps({"watched_currencies": codes}))
    assert settings.load(file).watched_currencies == tuple(codes[: settings.MAX_WATCHED])


def test_an_unknown_setting_is_left_alone_and_the_rest_is_read(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    file = tmp_path / "settings.json"
    file.write_text(json.dumps({"version": 9, "reader_font": "Serif", "keep_days": 14}))
    assert settings.load(file) == Settings(keep_days=14)
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]
