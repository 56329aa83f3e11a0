"""Secrets a person gives us, such as a quote provider's API key: in the system keyring when there
is one, else in a file in the config folder that only its owner may read.

The keyring package is imported only when a secret is read or written (it looks for backends,
which costs more than the rest of the start), never at start-up: whether a secret is kept at all is
told by ``is_kept`` from the names written beside the fallback file (``keyring-names.json``, names
only), so the window can say "no key yet" without asking the keyring. No Qt here.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING

from desktop import APP_NAME

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

log = logging.getLogger(__name__)

QUOTES_API_KEY = "quotes-api-key"
FALLBACK_NAME = "secrets.json"
KEPT_NAMES = "keyring-names.json"


def is_kept(name: str, config: Path) -> bool:
    """Whether a secret was saved under ``name`` (in the keyring or the file), without reading
    it or importing the keyring."""
    return name in _read_file(config) or name in _kept_names(config)


def read_secret(name: str, config: Path) -> str | None:
    """The secret saved under ``name``, from the keyring or the fallback file, or None."""
    from keyring.errors import KeyringError

    try:
        value = _keyring().get_password(APP_NAME, name)
    except KeyringError as error:
        log.debug("No keyring to read %s from (%s)", name, error)
        value = None
    if value:
        _mark_kept(name, config, kept=True)
        return value
    _mark_kept(name, config, kept=False)
    return _read_file(config).get(name)


def save_secret(name: str, value: str, config: Path) -> str:
    """Keep ``value`` under ``name`` and say where, as a phrase: "in the system keyring"."""
    from keyring.errors import KeyringError

    value = value.strip()
    if not value:
        forget_secret(name, config)
        return "nowhere: it was empty"
    try:
        _keyring().set_password(APP_NAME, name, value)
    except KeyringError as error:
        log.info("No keyring to keep %s in (%s); using a private file", name, error)
        _write_file(config, {**_read_file(config), name: value})
        return f"in {config / FALLBACK_NAME}, readable only by you"
    _drop_from_file(name, config)
    _mark_kept(name, config, kept=True)
    return "in the system keyring"


def forget_secret(name: str, config: Path) -> None:
    """Remove the secret from the keyring and the fallback file, wherever it was."""
    from keyring.errors import KeyringError, PasswordDeleteError

    try:
        _keyring().delete_password(APP_NAME, name)
    except PasswordDeleteError:
        pass  # it was not there
    except KeyringError as error:
        log.debug("No keyring to forget %s in (%s)", name, error)
    _drop_from_file(name, config)
    _mark_kept(name, config, kept=False)


def _keyring() -> KeyringBackend:
    """The keyring backend this system offers (one that refuses everything when there is none)."""
    import keyring

    return keyring.get_keyring()


def _read_file(config: Path) -> dict[str, str]:
    """The fallback file's secrets; an unreadable or damaged file counts as empty."""
    try:
        raw = json.loads((config / FALLBACK_NAME).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as error:
        log.warning("The secrets file in %s is unreadable (%s)", config, error)
        return {}
    if not isinstance(raw, dict):
        return {}
    return {key: value for key, value in raw.items() if isinstance(value, str)}


def _write_file(config: Path, secrets: dict[str, str]) -> None:
    """Write the fallback file, created readable and writable by its owner only."""
    config.mkdir(parents=True, exist_ok=True)
    path = config / FALLBACK_NAME
    temporary = path.with_name(f".{FALLBACK_NAME}.new")
    temporary.unlink(missing_ok=True)
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as stream:
        json.dump(secrets, stream, indent=2, sort_keys=True)
        stream.flush()
        os.fsync(stream.fileno())
    temporary.replace(path)


def _drop_from_file(name: str, config: Path) -> None:
    """Remove one secret from the fallback file, and the file once it holds none."""
    secrets = _read_file(config)
    if name not in secrets:
        return
    del secrets[name]
    if secrets:
        _write_file(config, secrets)
    else:
        (config / FALLBACK_NAME).unlink(missing_ok=True)


def _kept_names(config: Path) -> list[str]:
    """The names of the secrets kept in the keyring, as last seen; a damaged list is empty."""
    try:
        raw = json.loads((config / KEPT_NAMES).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return [name for name in raw if isinstance(name, str)] if isinstance(raw, list) else []


def _mark_kept(name: str, config: Path, kept: bool) -> None:
    """Note that the keyring holds ``name``, or no longer does (a failure to note it only
    means the window asks again later)."""
    names = _kept_names(config)
    if (name in names) == kept:
        return
    names = [*names, name] if kept else [other for other in names if other != name]
    try:
        config.mkdir(parents=True, exist_ok=True)
        if names:
            (config / KEPT_NAMES).write_text(json.dumps(names), encoding="utf-8")
        else:
            (config / KEPT_NAMES).unlink(missing_ok=True)
    except OSError as error:
        log.warning("Could not note which secrets the keyring keeps (%s)", error)
