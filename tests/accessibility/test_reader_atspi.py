"""The article as a screen reader reads it through AT-SPI (as Orca does): a text with a caret,
read by line and by word, its photos described, and its caret moved by the arrow keys once caret
browsing is on."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from desktop import APP_NAME
from tests.accessibility.reading_session import SYSTEM_PYTHON, ReadingSession

READER = Path(__file__).with_name("read_reader.py")


def _read(session: ReadingSession, *arguments: str) -> dict[str, Any]:
    """The article view as ``read_reader.py`` reads it on the session's bus."""
    result = subprocess.run(
        [str(SYSTEM_PYTHON), str(READER), APP_NAME, *arguments],
        env=session._environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_the_article_is_a_text_read_by_line_and_by_word_from_its_caret(
    session: ReadingSession,
) -> None:
    seen = _read(session)
    assert seen["role"] == "text"  # a label before: no caret, nothing to read by line
    assert {"multi line", "read only", "focusable"} <= set(seen["states"])
    assert "Text" in seen["interfaces"]
    lines = [line for line in seen["text"].split("\n") if line.strip()]
    headline = lines[1]
    offset = seen["text"].index(headline) + len(headline.split()[0]) + 2  # the second word
    moved = _read(session, "--caret", str(offset))
    assert moved["caret"] == offset
    line = moved["line"].strip()  # the headline's first line on screen (it wraps)
    assert headline.startswith(line) and len(line.split()) > 2
    assert moved["word"].strip() == headline.split()[1]


def test_every_photo_is_described_by_its_caption(session: ReadingSession) -> None:
    seen = _read(session)
    assert seen["after_pictures"], "the sample's article opens with its lead photo"
    for said in seen["after_pictures"]:
        assert said.startswith("Photo"), said
    caption = seen["after_pictures"][0]
    assert caption.startswith("Photo: ") and len(caption) > len("Photo: ") + 20


def test_with_caret_browsing_on_the_arrows_move_the_caret_line_by_line(
    session: ReadingSession,
) -> None:
    if shutil.which("xdotool") is None:
        pytest.skip("xdotool is not installed (Debian: xdotool); it gives the window X's focus")
    # No window manager gives the window the keyboard: X's focus is set as one would.
    subprocess.run(
        ["xdotool", "search", "--onlyvisible", "--name", APP_NAME, "windowfocus", "--sync"],
        env=session._environment,
        check=True,
        timeout=60,
    )
    start = _read(session, "--caret", "0")
    assert start["caret"] == 0
    moved = _read(session, "--keys", "F7", "Down", "Down")  # through AT-SPI's keyboard
    assert moved["heard"] == ["Caret browsing on"]
    assert moved["caret"] > start["caret"]
    assert moved["line"] != start["line"]
    back = _read(session, "--keys", "F7")
    assert back["heard"] == ["Caret browsing off"]
