"""The platform icons are rendered from the one SVG, are current, and hold every size they need."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import IcnsImagePlugin, IcoImagePlugin, Image

from desktop import APP_ID

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
SOURCE = ROOT / "desktop" / "resources" / "icons" / "broadsheet.svg"
HICOLOR = PACKAGING / "icons" / "hicolor"
ICO = PACKAGING / "windows" / "broadsheet.ico"
ICNS = PACKAGING / "macos" / "broadsheet.icns"
# (points, scale) as icns names its images: 16 and 32 pt at 2x, 128 to 512 pt at 1x and 2x.
ICNS_SIZES = {(16, 2), (32, 2), (128, 1), (128, 2), (256, 1), (256, 2), (512, 1), (512, 2)}


def _make_icons(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "tools" / "make_icons.py"), *args],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=120,
    )


def _rgba(image: Image.Image, x: int, y: int) -> tuple[int, ...]:
    pixel = image.convert("RGBA").getpixel((x, y))
    assert isinstance(pixel, tuple)
    return pixel


def _looks_like_the_icon(image: Image.Image) -> None:
    """Transparent in the corners (the tile is rounded), opaque paper in the page's margin."""
    width, height = image.size
    assert _rgba(image, 0, 0)[3] == 0 and _rgba(image, width - 1, height - 1)[3] == 0
    red, green, blue, alpha = _rgba(image, width * 5 // 32, height // 2)
    assert alpha == 255 and min(red, green, blue) > 150, "no paper where the page should be"


def test_the_committed_icons_are_rendered_from_the_current_svg() -> None:
    result = _make_icons("--check")
    assert result.returncode == 0, result.stderr


def test_the_check_names_an_icon_that_no_longer_matches(tmp_path: Path) -> None:
    assert _make_icons("--out", str(tmp_path)).returncode == 0
    assert _make_icons("--check", "--out", str(tmp_path)).returncode == 0
    shutil.copyfile(HICOLOR / "16x16" / "apps" / f"{APP_ID}.png", tmp_path / "windows" / ICO.name)
    result = _make_icons("--check", "--out", str(tmp_path))
    assert result.returncode == 1
    assert f"{tmp_path / 'windows' / ICO.name} is stale" in result.stderr
    assert "hicolor" not in result.stderr


def test_the_check_notices_a_changed_drawing(tmp_path: Path) -> None:
    changed = tmp_path / "changed.svg"
    changed.write_text(SOURCE.read_text().replace("#1b3163", "#b31b1b"))
    result = _make_icons("--check", "--source", str(changed))
    assert result.returncode == 1
    assert result.stderr.count(" is stale") == 11, result.stderr


@pytest.mark.parametrize("size", [16, 24, 32, 48, 64, 128, 256, 512])
def test_each_theme_icon_has_its_size(size: int) -> None:
    with Image.open(HICOLOR / f"{size}x{size}" / "apps" / f"{APP_ID}.png") as image:
        assert (image.format, image.size, image.mode) == ("PNG", (size, size), "RGBA")
        _looks_like_the_icon(image)


def test_the_scalable_theme_icon_is_the_source() -> None:
    assert (HICOLOR / "scalable" / "apps" / f"{APP_ID}.svg").read_bytes() == SOURCE.read_bytes()


def test_the_windows_icon_holds_every_size() -> None:
    expected = {(size, size) for size in (16, 24, 32, 48, 64, 128, 256)}
    with ICO.open("rb") as file:
        ico = IcoImagePlugin.IcoFile(file)
        assert ico.sizes() == expected
        for size in expected:
            image = ico.getimage(size)
            assert image.size == size
            _looks_like_the_icon(image)


def test_the_mac_icon_holds_every_size() -> None:
    with ICNS.open("rb") as file:
        icns = IcnsImagePlugin.IcnsFile(file)
        assert {(points, scale) for points, _, scale in icns.itersizes()} == ICNS_SIZES
        for points, scale in ICNS_SIZES:
            image = icns.getimage((points, points, scale))
            assert image.size == (points * scale, points * scale)
            _looks_like_the_icon(image)
