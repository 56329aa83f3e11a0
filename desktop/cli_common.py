"""What the command line's modules share, so that neither imports the other: the error for a
mistake in how a command was called, and JSON printed as commands print it."""

from __future__ import annotations

import json

from desktop.wording import escaped_invisibles


class UsageError(Exception):
    """A mistake in how a command was called; the message says what to do instead."""


def print_json(document: object) -> int:
    """Print a JSON document (control characters escaped, as JSON allows) and succeed."""
    print(escaped_invisibles(json.dumps(document, ensure_ascii=False, indent=2)))
    return 0
