"""Reads a running application through AT-SPI, as a screen reader does, and prints JSON.

Runs under the system's Python (``/usr/bin/python3``, where Debian's python3-pyatspi lives) on
the session bus of the app under test; it never imports the project.

    walk_atspi.py tree APP             the whole tree of the application named APP
    walk_atspi.py act APP ROLE NAME ACTION [--listen]
                                       do ACTION (e.g. "Press") on the first ROLE named NAME;
                                       print the announcement that followed (a JSON list)
    walk_atspi.py choose APP ROLE NAME ITEM
                                       press it, then ITEM in the menu it opens; print the
                                       announcement that followed

A node is {"role", "name", "description", "states", "actions", "labelled_by", "text",
"image_description", "child_count", "children"}; "labelled_by" (the names of its labels), "text"
and "image_description" only where the object has them.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

import pyatspi
from gi.repository import GLib

MOST_CHILDREN = 80  # of one node: long lists and tables are sampled, not read whole
ANNOUNCEMENT_WAIT_MS = 10_000  # how long an action's announcement is waited for at most


def node(accessible: Any) -> dict[str, Any]:
    """The accessible and what is below it, as plain data."""
    result: dict[str, Any] = {
        "role": accessible.getRoleName(),
        "name": accessible.name or "",
        "description": accessible.description or "",
        "states": sorted(
            pyatspi.stateToString(state) for state in accessible.getState().getStates()
        ),
        "actions": _actions(accessible),
        "child_count": accessible.childCount,
    }
    labels = _labelled_by(accessible)
    if labels:
        result["labelled_by"] = labels
    text = _text(accessible)
    if text is not None:
        result["text"] = text
    image = _image_description(accessible)
    if image is not None:
        result["image_description"] = image
    children = []
    for index in range(min(accessible.childCount, MOST_CHILDREN)):
        try:
            child = accessible.getChildAtIndex(index)
            if child is not None:
                children.append(node(child))
        except GLib.GError:
            continue  # gone while it was read: the window changes as it is walked
    result["children"] = children
    return result


def _actions(accessible: Any) -> list[str]:
    try:
        action = accessible.queryAction()
    except NotImplementedError:
        return []
    return [action.getName(index) for index in range(action.nActions)]


def _labelled_by(accessible: Any) -> list[str]:
    names = []
    for relation in accessible.getRelationSet():
        if relation.getRelationType() == pyatspi.RELATION_LABELLED_BY:
            for index in range(relation.getNTargets()):
                names.append(relation.getTarget(index).name or "")
    return names


def _text(accessible: Any) -> str | None:
    try:
        text = accessible.queryText()
    except NotImplementedError:
        return None
    return str(text.getText(0, -1))


def _image_description(accessible: Any) -> str | None:
    try:
        image = accessible.queryImage()
    except NotImplementedError:
        return None
    return str(image.imageDescription or "")


def application(name: str) -> Any:
    """The application of that name on the accessibility bus (case ignored)."""
    desktop = pyatspi.Registry.getDesktop(0)
    for index in range(desktop.childCount):
        app = desktop.getChildAtIndex(index)
        if app is not None and (app.name or "").lower() == name.lower():
            return app
    raise SystemExit(f"no application named {name!r} on the accessibility bus")


def find(accessible: Any, role: str, name: str) -> Any:
    """The first object, depth first, with that role and name."""
    if accessible.getRoleName() == role and (accessible.name or "") == name:
        return accessible
    for index in range(accessible.childCount):
        child = accessible.getChildAtIndex(index)
        found = find(child, role, name) if child is not None else None
        if found is not None:
            return found
    return None


def act(app: Any, role: str, name: str, action_name: str, listen: bool) -> list[str]:
    """Do the named action of the first ROLE named NAME (exit 1 when there is none); with
    ``listen``, return the first thing the app announced after it (as a screen reader hears it)
    within a few seconds."""
    target = find(app, role, name)
    if target is None:
        raise SystemExit(f"no {role} named {name!r}")
    action = target.queryAction()
    names = [action.getName(index) for index in range(action.nActions)]
    if action_name not in names:
        raise SystemExit(f"the {role} {name!r} has no action {action_name!r}, only {names}")
    heard: list[str] = []

    _hear(heard)
    if not action.doAction(names.index(action_name)):
        raise SystemExit(f"the {role} {name!r} refused {action_name!r}")
    if listen:
        _wait(heard)
    return heard


def choose(app: Any, role: str, name: str, item: str) -> list[str]:
    """Press the first ROLE named NAME, and in the popup menu it opens (found as a screen
    reader finds it, by the menu's coming into view) press the item named ITEM; return what
    the app announced after."""
    target = find(app, role, name)
    if target is None:
        raise SystemExit(f"no {role} named {name!r}")
    heard: list[str] = []
    chosen: list[str] = []

    def on_showing(event: Any) -> None:
        menu = event.source
        if chosen or not event.detail1 or menu.getRoleName() not in ("popup menu", "menu"):
            return
        entry = find(menu, "menu item", item)
        if entry is not None:
            chosen.append(item)
            entry.queryAction().doAction(0)

    pyatspi.Registry.registerEventListener(on_showing, "object:state-changed:showing")
    _hear(heard)
    action = target.queryAction()
    names = [action.getName(index) for index in range(action.nActions)]
    if "Press" not in names:
        raise SystemExit(f"the {role} {name!r} cannot be pressed, only {names}")
    action.doAction(names.index("Press"))
    _wait(heard)
    if not chosen:
        raise SystemExit(f"pressing the {role} {name!r} opened no menu with {item!r}")
    return heard


def _hear(heard: list[str]) -> None:
    """Collect the app's announcements in ``heard``; the first ends the wait for one."""

    def on_announcement(event: Any) -> None:
        heard.append(str(event.any_data))
        if _running:
            pyatspi.Registry.stop()

    pyatspi.Registry.registerEventListener(on_announcement, "object:announcement")


_running: list[bool] = []  # whether the event loop runs (events may come before it does)


def _wait(heard: list[str]) -> None:
    """Run the event loop until something is heard, or for a few seconds."""
    if heard:
        return
    _running.append(True)
    GLib.timeout_add(ANNOUNCEMENT_WAIT_MS, _stop)
    pyatspi.Registry.start()
    _running.clear()


def _stop() -> bool:
    if _running:
        pyatspi.Registry.stop()
    return False


def main() -> int:
    """Read the command line and do what it asks."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    tree = commands.add_parser("tree")
    tree.add_argument("app")
    doing = commands.add_parser("act")
    for argument in ("app", "role", "name", "action"):
        doing.add_argument(argument)
    doing.add_argument("--listen", action="store_true", help="wait for an announcement")
    choosing = commands.add_parser("choose")
    for argument in ("app", "role", "name", "item"):
        choosing.add_argument(argument)
    arguments = parser.parse_args()
    app = application(arguments.app)
    if arguments.command == "tree":
        json.dump(node(app), sys.stdout)
    elif arguments.command == "choose":
        json.dump(choose(app, arguments.role, arguments.name, arguments.item), sys.stdout)
    else:
        json.dump(
            act(app, arguments.role, arguments.name, arguments.action, arguments.listen), sys.stdout
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
