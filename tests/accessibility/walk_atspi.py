"""Reads a running application through AT-SPI, as a screen reader does, and prints JSON.

Runs under the system's Python (``/usr/bin/python3``, where Debian's python3-pyatspi lives) on
the session bus of the app under test; it never imports the project.

    walk_atspi.py tree APP             the whole tree of the application named APP
    walk_atspi.py act APP ROLE NAME ACTION
                                       do ACTION (e.g. "Press") on the first ROLE named NAME

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

MOST_CHILDREN = 80  # of one node: long lists and tables are sampled, not read whole


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
        child = accessible.getChildAtIndex(index)
        if child is not None:
            children.append(node(child))
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


def act(app: Any, role: str, name: str, action_name: str) -> None:
    """Do the named action of the first ROLE named NAME; exit 1 when there is none."""
    target = find(app, role, name)
    if target is None:
        raise SystemExit(f"no {role} named {name!r}")
    action = target.queryAction()
    names = [action.getName(index) for index in range(action.nActions)]
    if action_name not in names:
        raise SystemExit(f"the {role} {name!r} has no action {action_name!r}, only {names}")
    if not action.doAction(names.index(action_name)):
        raise SystemExit(f"the {role} {name!r} refused {action_name!r}")


def main() -> int:
    """Read the command line and do what it asks."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    tree = commands.add_parser("tree")
    tree.add_argument("app")
    doing = commands.add_parser("act")
    for argument in ("app", "role", "name", "action"):
        doing.add_argument(argument)
    arguments = parser.parse_args()
    app = application(arguments.app)
    if arguments.command == "tree":
        json.dump(node(app), sys.stdout)
    else:
        act(app, arguments.role, arguments.name, arguments.action)
    return 0


if __name__ == "__main__":
    sys.exit(main())
