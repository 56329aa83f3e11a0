"""``broadsheet --self-test``: every check passes on a working install, and a broken one is
reported as one FAIL line per check (no traceback) with exit code 1."""

from __future__ import annotations

import argparse
import logging
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from desktop import logfile, paths, selftest
from desktop.ingest.edition import read_edition
from desktop.paths import resolve, resource
from desktop.ui.reading import reader_pictures
from tests.commands import broadsheet

ROOT = Path(__file__).resolve().parents[2]
CHECKS = (
    "resources",
    "names",
    "licences",
    "patches",
    "migrations",
    "store",
    "window",
    "photo",
    "render",
    "close",
)


def _sample_articles() -> int:
    """How many articles the shipped sample edition has."""
    return sum(len(source.articles) for source in read_edition(resource("sample")).sources)


def _statuses(output: str) -> dict[str, str]:
    """The status each check's line reports, by check name."""
    found = {}
    for line in output.splitlines():
        status, _, rest = line.partition("  ")
        name, colon, _ = rest.partition(":")
        if colon and name in CHECKS:
            found[name] = status
    return found


@pytest.fixture
def log_file_handler() -> Iterator[None]:
    """Take the log file handler the self-test adds off the root logger after the test."""
    yield
    root = logging.getLogger()
    for handler in [h for h in root.handlers if h.get_name() == logfile.HANDLER_NAME]:
        root.removeHandler(handler)
        handler.close()


def test_the_self_test_passes_off_screen_and_leaves_nothing_behind(tmp_path: Path) -> None:
    data, scratch = tmp_path / "profile", tmp_path / "tmp"
    scratch.mkdir()
    environment = {key: value for key, value in os.environ.items() if key != "QT_QPA_PLATFORM"}
    environment |= {"TMPDIR": str(scratch), "DISPLAY": "", "WAYLAND_DISPLAY": ""}
    result = broadsheet(data, "--self-test", env=environment)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stderr == ""
    assert "Traceback" not in result.stdout
    assert _statuses(result.stdout) == dict.fromkeys(CHECKS, "ok")
    assert f"ok  store: {_sample_articles()} sample articles" in result.stdout
    assert "with its photo at" in result.stdout
    assert list(scratch.iterdir()) == []  # the temporary profile is gone
    assert not resolve(data).store.exists()  # the person's own profile is never opened
    assert "self-test passed" in resolve(data).log_file.read_text(encoding="utf-8")


@pytest.mark.allow_warnings
@pytest.mark.usefixtures("log_file_handler")
def test_missing_resources_fail_in_one_line_each(
    qapp: QApplication,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    empty = tmp_path / "no-resources"
    empty.mkdir()
    monkeypatch.setattr(paths, "RESOURCES", empty)
    data = tmp_path / "profile"
    code = selftest.main(argparse.Namespace(data_dir=data))
    out, err = capsys.readouterr()
    assert code == 1
    statuses = _statuses(out)
    assert statuses["resources"] == "FAIL"
    assert statuses["store"] == "FAIL"  # no sample edition to load
    assert statuses["migrations"] == statuses["licences"] == "ok"
    assert {statuses[name] for name in ("window", "photo", "render", "close")} == {"skip"}
    assert "Traceback" not in out + err
    assert err.startswith("broadsheet: the self-test failed (resources, store")
    assert len(err.splitlines()) == 1
    assert "Traceback" in resolve(data).log_file.read_text(encoding="utf-8")


@pytest.mark.allow_warnings
@pytest.mark.usefixtures("log_file_handler")
def test_a_photo_that_cannot_be_decoded_fails_the_photo_check(
    qapp: QApplication,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr(reader_pictures, "scaled_photo", lambda *_: None)
    code = selftest.main(argparse.Namespace(data_dir=tmp_path / "profile"))
    out, _ = capsys.readouterr()
    assert code == 1
    statuses = _statuses(out)
    assert statuses == {**dict.fromkeys(CHECKS, "ok"), "photo": "FAIL", "render": "skip"}
    (line,) = [line for line in out.splitlines() if line.startswith("FAIL  photo:")]
    assert line.endswith(".jpg could not be loaded")
