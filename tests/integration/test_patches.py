"""The patches to feedparser and PySide6 happen when a process's start applies them, never as a
side effect of importing Broadsheet's modules; a refresh's parser processes apply feedparser's."""

from __future__ import annotations

import json
import multiprocessing
import re
import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from desktop.operations.entries import read_feed, start_parser_process
from desktop.patching import PatchVersionError

ROOT = Path(__file__).resolve().parents[2]
# Processes that start from a fresh interpreter: a forked one would inherit this one's feedparser.
FRESH = multiprocessing.get_context("spawn")
# Whether each patch is in place, read from the libraries themselves (nothing here applies one).
STATE = """
def patched():
    import sys
    from feedparser.mixin import _FeedParserMixin
    from feedparser.util import FeedParserDict
    check = getattr(sys.modules.get("shibokensupport.feature"), "_mod_uses_pyside", None)
    ours = lambda function: function.__module__.startswith("desktop.")
    return {
        "get": ours(FeedParserDict.get),
        "deepcopy": ours(getattr(FeedParserDict, "__deepcopy__", len)),
        "media": ours(_FeedParserMixin._start_media_content),
        "imports": getattr(check, "lightened", False),
    }
"""
IMPORT_ALL = """
import importlib, json, pkgutil
import desktop
for module in pkgutil.walk_packages(desktop.__path__, "desktop."):
    if ".migrations" not in module.name and module.name != "desktop.__main__":
        importlib.import_module(module.name)
import feedparser, PySide6.QtCore
before = patched()
from desktop.ingest import feedparsing
from desktop.ui import binding
feedparsing.apply()
binding.apply()
print(json.dumps({"before": before, "after": patched()}))
"""


def _run(script: str) -> dict[str, dict[str, bool]]:
    """What a fresh Python process prints as JSON after running ``script``."""
    done = subprocess.run(
        [sys.executable, "-c", STATE + script],
        capture_output=True, text=True, cwd=ROOT, check=True, timeout=120,
    )  # fmt: skip
    result: dict[str, dict[str, bool]] = json.loads(done.stdout.splitlines()[-1])
    return result


def test_importing_every_module_patches_nothing_and_applying_patches_everything() -> None:
    found = _run(IMPORT_ALL)
    assert found["before"] == dict.fromkeys(("get", "deepcopy", "media", "imports"), False)
    assert found["after"] == dict.fromkeys(("get", "deepcopy", "media", "imports"), True)


def feedparser_state() -> dict[str, bool]:
    """In a parser process: whether feedparser is corrected before any feed was read."""
    namespace: dict[str, object] = {}
    exec(STATE, namespace)
    state = namespace["patched"]()  # type: ignore[operator]
    assert isinstance(state, dict)
    return state


def test_a_parser_process_corrects_feedparser_as_it_starts() -> None:
    with ProcessPoolExecutor(1, mp_context=FRESH, initializer=start_parser_process) as pool:
        state = pool.submit(feedparser_state).result()
    assert (state["get"], state["deepcopy"], state["media"]) == (True, True, True)


def start_with_a_later_feedparser() -> None:
    """A parser process's start where feedparser is a release the correction was not checked
    with."""
    import feedparser

    feedparser.__version__ = "6.1.0"
    start_parser_process()


REFUSED = re.escape("feedparser >=6.0.11,<6.1, and 6.1.0 is installed")


def test_a_parser_process_with_another_feedparser_says_why_for_each_feed() -> None:
    feed = (ROOT / "tests" / "fixtures" / "feeds" / "rss20.xml").read_bytes()
    with ProcessPoolExecutor(
        1, mp_context=FRESH, initializer=start_with_a_later_feedparser
    ) as pool:
        for _ in range(2):  # the pool still answers: the next feed is refused the same way
            with pytest.raises(PatchVersionError, match=REFUSED):
                pool.submit(read_feed, feed, "https://paper.example/feed", None).result()
