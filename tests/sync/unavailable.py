"""What the sync tests do when this machine cannot run a server: fail, or skip when told to."""

from __future__ import annotations

import os
from typing import NoReturn

import pytest

SKIP_VARIABLE = "BROADSHEET_SKIP_TTRSS"


def cannot_run(reason: str) -> NoReturn:
    """Fail with the reason, or skip when the person said this machine cannot run tt-rss."""
    if os.environ.get(SKIP_VARIABLE) == "1":
        pytest.skip(f"{reason} ({SKIP_VARIABLE}=1)")
    pytest.fail(f"{reason} (set {SKIP_VARIABLE}=1 to skip these tests here)", pytrace=False)
