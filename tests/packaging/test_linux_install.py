"""`make install-desktop` and `make uninstall-desktop`: the menu entry, icons and metainfo for
the current user, pointing at the installed bundle, and every file of them gone afterwards."""

from __future__ import annotations

import configparser
import os
import subprocess
from pathlib import Path

import pytest

from desktop import APP_ID

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "packaging" / "linux" / "install-desktop"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


@pytest.fixture
def bundle(tmp_path: Path) -> Path:
    """A stand-in for dist/broadsheet: an executable and a library folder."""
    folder = tmp_path / "dist" / "broadsheet"
    (folder / "_internal").mkdir(parents=True)
    (folder / "_internal" / "library.so").write_bytes(b"\x7fELF")
    executable = folder / "broadsheet"
    executable.write_text("#!/bin/sh\necho Broadsheet\n")
    executable.chmod(0o755)
    return folder


@pytest.fixture
def data_home(tmp_path: Path) -> Path:
    """A user's data folder that already holds another app's entry and Broadsheet's own data."""
    home = tmp_path / "share"
    (home / "applications").mkdir(parents=True)
    (home / "applications" / "other.desktop").write_text("[Desktop Entry]\nName=Other\n")
    (home / "Broadsheet").mkdir()
    (home / "Broadsheet" / "broadsheet.sqlite3").write_bytes(b"the person's articles")
    return home


def run(data_home: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    """Run the install script for this data folder."""
    env = {**os.environ, "XDG_DATA_HOME": str(data_home), "HOME": str(data_home.parent)}
    return subprocess.run(
        [str(SCRIPT), *arguments], env=env, capture_output=True, text=True, check=False
    )


def files(folder: Path) -> set[str]:
    """Every file and folder under ``folder``, relative to it."""
    return {str(path.relative_to(folder)) for path in folder.rglob("*")}


def test_installing_puts_the_app_in_the_menu(bundle: Path, data_home: Path) -> None:
    done = run(data_home, "install", str(bundle))
    assert done.returncode == 0, done.stderr
    installed = data_home / APP_ID
    assert (installed / "broadsheet").stat().st_mode & 0o111
    assert (installed / "_internal" / "library.so").exists()
    entry = configparser.ConfigParser(interpolation=None)
    entry.read(data_home / "applications" / f"{APP_ID}.desktop", encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Exec"] == f'"{installed}/broadsheet" %U'
    assert section["TryExec"] == f"{installed}/broadsheet"
    assert "x-scheme-handler/feed" in section["MimeType"]
    for size in SIZES:
        icon = data_home / f"icons/hicolor/{size}x{size}/apps/{APP_ID}.png"
        assert (
            icon.read_bytes()
            == (ROOT / f"packaging/icons/hicolor/{size}x{size}/apps/{icon.name}").read_bytes()
        )
    assert (data_home / f"icons/hicolor/scalable/apps/{APP_ID}.svg").exists()
    assert (data_home / f"metainfo/{APP_ID}.metainfo.xml").exists()


def test_uninstalling_leaves_only_what_was_there(bundle: Path, data_home: Path) -> None:
    before = files(data_home)
    assert run(data_home, "install", str(bundle)).returncode == 0
    assert run(data_home, "install", str(bundle)).returncode == 0  # again, over itself
    done = run(data_home, "uninstall")
    assert done.returncode == 0, done.stderr
    assert "your articles stay" in done.stdout
    left = files(data_home) - {"applications/mimeinfo.cache"}
    assert left == before
    assert (
        data_home / "Broadsheet" / "broadsheet.sqlite3"
    ).read_bytes() == b"the person's articles"


def test_uninstalling_what_is_not_installed_says_so(data_home: Path) -> None:
    done = run(data_home, "uninstall")
    assert done.returncode == 0
    assert "not installed" in done.stdout


def test_installing_without_a_bundle_says_how_to_build_one(tmp_path: Path, data_home: Path) -> None:
    done = run(data_home, "install", str(tmp_path / "nowhere"))
    assert done.returncode == 1
    assert done.stderr.strip().endswith("run 'make dist' first.")
    assert not (data_home / APP_ID).exists()
