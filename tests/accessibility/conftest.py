"""One running app for the module's screen-reader tests: starting it under AT-SPI takes a while."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.paths import resolve
from tests.accessibility.reading_session import ReadingSession, missing_tools, reading_session


@pytest.fixture(scope="module")
def session(
    template_profile: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[ReadingSession]:
    """The app on a copy of the sample edition, started and with its market panel filled."""
    reason = missing_tools()
    if reason:
        pytest.skip(f"the screen-reader test cannot run here: {reason}")
    work = tmp_path_factory.mktemp("atspi")
    data_dir = work / "profile"
    shutil.copytree(template_profile, data_dir)
    with reading_session(work, data_dir) as started:
        started.wait_for_file(resolve(data_dir).currency_names)
        yield started
