"""Shared fixtures: a sample-edition profile built once per session, copied for every test.

Qt runs offscreen, and a WARNING log record that a test did not expect fails it (as in
qutebrowser's logfail plugin): a test that expects one is marked ``allow_warnings``.
"""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# No test, nor any process a test starts, reaches a host but this machine (tests/offline; the
# guard is imported below for this process too).
os.environ["PYTHONPATH"] = os.pathsep.join(
    filter(None, [str(Path(__file__).resolve().parent / "offline"), os.environ.get("PYTHONPATH")])
)
# No test, nor any command a test runs, reads or writes the keyring of the machine it runs on.
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
# Nor does any test reach a real market provider: unless a test points them at its own server,
# they are a closed local port, which fails at once.
os.environ["BROADSHEET_ECB_DAILY_URL"] = "http://127.0.0.1:9/closed"
os.environ["BROADSHEET_ECB_HISTORY_URL"] = "http://127.0.0.1:9/closed"
os.environ["BROADSHEET_ERAPI_URL"] = "http://127.0.0.1:9/closed"
os.environ["BROADSHEET_FRED_URL"] = "http://127.0.0.1:9/closed"
os.environ["BROADSHEET_QUOTES_URL"] = "http://127.0.0.1:9/closed"
os.environ["BROADSHEET_QUOTES_KEY"] = ""

import tests.offline.sitecustomize  # noqa: F401
from desktop.paths import AppPaths, resolve
from desktop.profile import close_profile, open_profile
from tests.patience import make_waits_patient

make_waits_patient()  # a busy machine is slow, never wrong


@pytest.fixture(scope="session")
def template_profile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A profile with the sample edition, migrated and loaded once for the whole session."""
    folder = tmp_path_factory.mktemp("template") / "profile"
    paths = resolve(folder)
    open_profile(paths)
    close_profile(paths)
    return folder


@pytest.fixture
def data_dir(template_profile: Path, tmp_path: Path) -> Path:
    """This test's own data folder: a copy of the template (times kept, so the seal holds)."""
    target = tmp_path / "profile"
    shutil.copytree(template_profile, target)
    return target


@pytest.fixture
def paths(data_dir: Path) -> AppPaths:
    """The folders of this test's profile."""
    return resolve(data_dir)


@pytest.fixture
def connection(paths: AppPaths) -> Iterator[sqlite3.Connection]:
    """The store of this test's profile, opened as the app opens it."""
    from desktop.store.database import connect

    opened = connect(paths.store)
    yield opened
    opened.close()


@pytest.fixture
def empty_data_dir(tmp_path: Path) -> Path:
    """A data folder that does not exist yet, as on a first start."""
    return tmp_path / "fresh"


@pytest.fixture(autouse=True)
def _fail_on_unexpected_warnings(
    request: pytest.FixtureRequest, caplog: pytest.LogCaptureFixture
) -> Iterator[None]:
    """Fail a test that logged a WARNING or worse unless it is marked ``allow_warnings``."""
    caplog.set_level(logging.INFO)
    yield
    if request.node.get_closest_marker("allow_warnings"):
        return
    loud = [
        record
        for phase in ("setup", "call")
        for record in caplog.get_records(phase)
        if record.levelno >= logging.WARNING
    ]
    if loud:
        lines = "\n".join(f"{r.levelname} {r.name}: {r.getMessage()}" for r in loud)
        pytest.fail(f"Unexpected log records:\n{lines}")
