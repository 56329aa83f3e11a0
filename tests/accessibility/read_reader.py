"""Reads the article view of a running Broadsheet through AT-SPI, as a screen reader does, and
prints JSON; with ``--caret N`` it first moves the caret there, as Orca does, and with ``--keys``
it presses keys (X key symbols) through AT-SPI's keyboard before reading again, and tells what
the app announced meanwhile ("heard").

Runs under the system's Python (``/usr/bin/python3``, where Debian's python3-pyatspi lives) on the
session bus of the app under test; it never imports the project.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from typing import Any

import pyatspi
from gi.repository import GLib
from walk_atspi import application  # type: ignore[import-not-found]  # beside this script

OBJECT = "\ufffc"
SETTLE_SECONDS = 5.0  # a bound on waiting for the app to act on a key, not a speed limit
PASSED_OVER = {"list", "table", "tree table", "menu bar", "tool bar", "combo box"}
KEYSYMS = {"Down": 0xFF54, "Up": 0xFF52, "Right": 0xFF53, "Left": 0xFF51, "F7": 0xFFC4}
ARROWS = {"Down", "Up", "Right", "Left"}
ANNOUNCED = {"F7"}  # keys the app answers with an announcement


def reader(app: Any) -> Any:
    """The article view: the multi-line text named Article (lists, tables and menus, where it
    is not, are not read through)."""
    stack = [app]
    while stack:
        accessible = stack.pop()
        try:
            role = accessible.getRoleName()
            named = role == "text" and (accessible.name or "") == "Article"
            if named and accessible.getState().contains(pyatspi.STATE_MULTI_LINE):
                return accessible
            if role not in PASSED_OVER:
                stack.extend(accessible.getChildAtIndex(i) for i in range(accessible.childCount))
        except GLib.GError:
            continue  # an object gone as it was read (a tooltip, a menu closing)
    raise SystemExit("no multi-line text named 'Article'")


def at(text: Any, offset: int, boundary: int) -> str:
    """The line or word of the text at an offset, as the Text interface gives it."""
    return str(text.getTextAtOffset(offset, boundary)[0])


def reading(view: Any) -> dict[str, Any]:
    """What a screen reader gets from the view: role, states, interfaces, text and caret, the line
    and the word at the caret, and what follows each picture up to the end of its line."""
    text = view.queryText()
    whole = str(text.getText(0, -1))
    caret = int(text.caretOffset)
    pictures = [index for index, character in enumerate(whole) if character == OBJECT]
    return {
        "role": view.getRoleName(),
        "states": sorted(pyatspi.stateToString(s) for s in view.getState().getStates()),
        "interfaces": sorted(pyatspi.listInterfaces(view)),
        "characters": int(text.characterCount),
        "caret": caret,
        "text": whole,
        "line": at(text, caret, pyatspi.TEXT_BOUNDARY_LINE_START),
        "word": at(text, caret, pyatspi.TEXT_BOUNDARY_WORD_START),
        "after_pictures": [said_after(text, whole, index) for index in pictures],
    }


def said_after(text: Any, whole: str, picture: int) -> str:
    """The line a screen reader reads after a picture: the rest of the picture's line, or the
    next line when the picture stands alone on its own."""
    offset = picture + 1
    if whole[offset : offset + 1] == "\n":
        offset += 1
    line = at(text, offset, pyatspi.TEXT_BOUNDARY_LINE_START)
    return line.replace(OBJECT, "").strip()


def press(view: Any, keys: list[str]) -> list[str]:
    """Give the view the focus and press each key (an X key symbol name) once; return what the
    app announced meanwhile."""
    heard: list[str] = []
    pyatspi.Registry.registerEventListener(
        lambda event: heard.append(str(event.any_data)), "object:announcement"
    )
    view.queryComponent().grabFocus()
    wait_for(lambda: view.getState().contains(pyatspi.STATE_FOCUSED))
    for key in keys:
        caret = view.queryText().caretOffset
        pyatspi.Registry.generateKeyboardEvent(KEYSYMS[key], None, pyatspi.KEY_SYM)
        if key in ARROWS:  # the app handles keys in order: F7 before the arrow after it
            wait_for(lambda caret=caret: view.queryText().caretOffset != caret)
    if any(key in ANNOUNCED for key in keys):
        listen(heard)
    return heard


def listen(heard: list[str]) -> None:
    """Let the announcements the app made reach ``heard``: run the event loop until one has,
    or for a few seconds."""

    def stop() -> bool:
        pyatspi.Registry.stop()
        return False

    def check() -> bool:
        if heard:
            pyatspi.Registry.stop()
            return False
        return True

    GLib.timeout_add(int(SETTLE_SECONDS * 1000), stop)
    GLib.timeout_add(50, check)
    pyatspi.Registry.start()


def wait_for(check: Any) -> None:
    deadline = time.monotonic() + SETTLE_SECONDS
    while not check():
        if time.monotonic() > deadline:
            return
        time.sleep(0.05)  # another process acts on the key; no event reaches this one


def main() -> int:
    """Read the command line and do what it asks."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("app")
    parser.add_argument("--caret", type=int)
    parser.add_argument("--keys", nargs="*", default=[])
    arguments = parser.parse_args()
    view = reader(application(arguments.app))
    if arguments.caret is not None:
        view.queryText().setCaretOffset(arguments.caret)
    heard = press(view, arguments.keys) if arguments.keys else []
    json.dump({**reading(view), "heard": heard}, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
