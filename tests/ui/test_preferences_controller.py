"""The preferences controller on its own: the text size and caret browsing applied to the
reader and kept in the settings file; a file that cannot be written is said, not raised."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.paths import AppPaths
from desktop.settings import TEXT_SIZES, Settings, load, save
from desktop.ui.reading.text_size import TextSizeControl
from desktop.ui.shell.preferring import Preferences
from tests.ui.controller_parts import Parts


def _preferences(parts: Parts, settings: Settings, file: Path) -> Preferences:
    a = parts.commands
    control = TextSizeControl(a.zoom_out, a.zoom_in, parts.host)
    preferences = Preferences(
        settings, lambda chosen: save(chosen, file), parts.reader, control, a, parts.host
    )
    preferences.start()
    return preferences


def test_a_text_size_is_applied_kept_and_bounded(parts: Parts, paths: AppPaths) -> None:
    preferences = _preferences(parts, Settings(text_size=125), paths.settings)
    assert parts.reader.text_size == 125
    parts.commands.zoom_in.trigger()
    assert parts.reader.text_size > 125 and load(paths.settings).text_size == parts.reader.text_size
    preferences.set_text_size(TEXT_SIZES[-1])
    assert not parts.commands.zoom_in.isEnabled() and parts.commands.zoom_out.isEnabled()
    parts.commands.zoom_reset.trigger()
    assert load(paths.settings).text_size == 100 and parts.commands.zoom_in.isEnabled()


def test_caret_browsing_is_said_and_kept(parts: Parts, qtbot: QtBot, paths: AppPaths) -> None:
    preferences = _preferences(parts, Settings(), paths.settings)
    with qtbot.waitSignal(preferences.said) as said:
        preferences.set_caret_browsing(True)
    assert "caret" in said.args[0].lower()
    assert parts.reader.caret_browsing and load(paths.settings).caret_browsing


@pytest.mark.allow_warnings  # the failure is logged, with its details
def test_preferences_that_cannot_be_saved_are_said_and_still_applied(
    parts: Parts, qtbot: QtBot, tmp_path: Path
) -> None:
    blocked = tmp_path / "a file" / "settings.json"
    blocked.parent.write_text("not a folder", encoding="utf-8")
    preferences = _preferences(parts, Settings(), blocked)
    with qtbot.waitSignal(preferences.said) as said:
        preferences.set_text_size(150)
    assert said.args == ["Could not save your preferences; see the log.", 6000]
    assert parts.reader.text_size == 150 and preferences.settings.text_size == 150
