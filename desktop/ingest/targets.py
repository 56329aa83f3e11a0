"""What Broadsheet is asked to open from outside: a ``feed:`` link, a web address or a file.

Targets come on the command line (the Linux desktop entry passes ``%U``, the Windows installer
``"%1"``), from a later start handing them to the running window, or from macOS's file-open
events. Reading one touches no network and no store; a target that cannot be opened carries the
sentence a person reads.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

WEB_SCHEMES = frozenset({"http", "https"})
# A scheme has two characters or more, so a Windows drive ("C:\\news.xml") is read as a path.
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]+):")
_WINDOWS_DRIVE_PATH = re.compile(r"^/[A-Za-z]:")


@dataclass(frozen=True, slots=True)
class FeedLink:
    """A web address to subscribe to, once the person confirms it."""

    url: str


@dataclass(frozen=True, slots=True)
class LocalFile:
    """A file on this computer to import as a dropped file is: a feed, OPML file or saved page."""

    path: Path


@dataclass(frozen=True, slots=True)
class Unopenable:
    """A target that is neither a link nor a file; ``sentence`` says so to a person."""

    text: str
    sentence: str


Target = FeedLink | LocalFile | Unopenable


def read_target(text: str, cwd: Path) -> Target:
    """What ``text`` asks to open; a relative path is read against ``cwd``, the working folder
    of the start that was given it."""
    text = text.strip()
    scheme = scheme_of(text)
    if scheme == "feed":
        return _feed_link(text)
    if scheme in WEB_SCHEMES:
        return _web_address(text, text)
    if scheme == "file":
        return _file_uri(text)
    if not text:
        return Unopenable(text, "Could not open an empty name: give a file or a feed link.")
    path = cwd / Path(text).expanduser()
    if scheme and not _exists(path):
        return Unopenable(
            text, f"Could not open {text}: it is neither a feed link, a web address nor a file."
        )
    return _local_file(text, path)


def scheme_of(text: str) -> str:
    """The scheme ``text`` starts with, in lower case ("feed", "https", "file"), or ""."""
    match = _SCHEME.match(text)
    return match.group(1).lower() if match else ""


def _feed_link(text: str) -> Target:
    """``feed:https://host/path`` is the address after the prefix; ``feed://host/path`` (and
    ``feed:host/path``) name the feed at https://host/path, as the subscribe dialog reads them."""
    rest = text[len("feed:") :].removeprefix("//")
    if "://" not in rest:
        rest = "https://" + rest
    return _web_address(text, rest)


def _web_address(text: str, url: str) -> Target:
    """The link, when ``url`` is a whole http(s) address with a host; else why not."""
    problem = Unopenable(text, f"Could not open {text}: it is not a complete web address.")
    if any(character.isspace() for character in url):
        return problem
    try:
        parts = urlsplit(url)
        has_host = bool(parts.hostname) and (parts.port is None or parts.port > 0)
    except ValueError:  # a broken IPv6 host or a port that is not a number
        return problem
    return FeedLink(url) if parts.scheme.lower() in WEB_SCHEMES and has_host else problem


def _file_uri(text: str) -> Target:
    """A ``file://`` URI as the file it names; one naming another computer cannot be opened."""
    parts = urlsplit(text)
    if parts.netloc not in ("", "localhost"):
        return Unopenable(text, f"Could not open {text}: it is a file on another computer.")
    name = unquote(parts.path)
    if os.name == "nt" and _WINDOWS_DRIVE_PATH.match(name):
        name = name[1:]  # file:///C:/news.xml
    if not name:
        return Unopenable(text, f"Could not open {text}: it names no file.")
    return _local_file(text, Path(name))


def _local_file(text: str, path: Path) -> Target:
    """The file at ``path`` when there is one (not a folder); else the sentence that says so."""
    if not _exists(path):
        return Unopenable(text, f"Could not open {path}: there is no such file.")
    if path.is_dir():
        return Unopenable(
            text, f"Could not open {path}: it is a folder, not a feed, OPML file or saved page."
        )
    return LocalFile(path)


def _exists(path: Path) -> bool:
    """Whether something is at ``path``; a name the system cannot even look up is not."""
    try:
        path.stat()
    except (OSError, ValueError):
        return False
    return True
