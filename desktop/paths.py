"""Where Broadsheet keeps its files; the only module that asks platformdirs.

A data folder given with ``--data-dir`` or ``BROADSHEET_DATA_DIR`` holds everything (store, images,
settings, window state and logs), so a test or a portable install touches nothing else.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from desktop import APP_NAME

DATA_DIR_ENV = "BROADSHEET_DATA_DIR"
RESOURCES = Path(__file__).resolve().parent / "resources"  # package data, in a wheel too


@dataclass(frozen=True)
class AppPaths:
    """The folders of one Broadsheet profile and the files inside them."""

    data: Path
    config: Path
    logs: Path
    cache: Path

    @property
    def store(self) -> Path:
        """The SQLite store."""
        return self.data / "broadsheet.sqlite3"

    @property
    def store_seal(self) -> Path:
        """Size and time of the store at its last clean close (see ``store.seal``)."""
        return self.data / "broadsheet.sqlite3.seal"

    @property
    def images(self) -> Path:
        """Cached photos and their thumbnails."""
        return self.data / "images"

    @property
    def settings(self) -> Path:
        """The typed user preferences."""
        return self.config / "settings.json"

    @property
    def window_state(self) -> Path:
        """Window geometry, splitter and dock layout (a QSettings INI file)."""
        return self.config / "window-state.ini"

    @property
    def currency_names(self) -> Path:
        """Currency names once looked up in babel's locale data, kept to start faster."""
        return self.cache / "currency-names.json"

    @property
    def log_file(self) -> Path:
        """The log of the current and past sessions."""
        return self.logs / "broadsheet.log"

    def create(self) -> None:
        """Create every folder that is missing."""
        for folder in (self.data, self.images, self.config, self.logs, self.cache):
            folder.mkdir(parents=True, exist_ok=True)


def resolve(data_dir: Path | None = None, environ: dict[str, str] | None = None) -> AppPaths:
    """Return the profile folders: an explicit data folder, else the platform's usual places."""
    env = os.environ if environ is None else environ
    chosen = data_dir or (Path(env[DATA_DIR_ENV]) if env.get(DATA_DIR_ENV) else None)
    if chosen is not None:
        root = chosen.expanduser().resolve()
        return AppPaths(data=root, config=root / "config", logs=root / "logs", cache=root / "cache")
    import platformdirs

    return AppPaths(
        data=Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
        config=Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
        logs=Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)),
        cache=Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)),
    )


def resource(*parts: str) -> Path:
    """Return a file shipped under ``desktop/resources/``: the same place in a checkout, a wheel and
    the bundle."""
    return RESOURCES.joinpath(*parts)


def instance_name(data: Path) -> str:
    """The local socket's name that an open window listens on for its data folder: different
    for each user and folder, and short, because a Unix socket's whole path must fit in about
    100 bytes."""
    import hashlib
    import sys

    user = os.environ.get("USERNAME", "") if sys.platform == "win32" else str(os.getuid())
    folder = os.path.normcase(str(data.expanduser().resolve()))
    key = os.fsencode(user) + b"\0" + os.fsencode(folder)
    return f"broadsheet-{hashlib.sha256(key).hexdigest()[:24]}"


def window_open_on(data: Path) -> bool:
    """Whether a Broadsheet window listens on this data folder's socket (where Qt's local
    server puts it: the temporary folder on Unix, a named pipe on Windows)."""
    import socket
    import sys

    name = instance_name(data)
    if sys.platform == "win32":
        return Path(rf"\\.\pipe\{name}").exists()
    place = Path(os.environ.get("TMPDIR") or "/tmp") / name
    probe = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        probe.settimeout(1.0)
        probe.connect(str(place))
    except OSError:  # no socket, or one a crash left behind
        return False
    finally:
        probe.close()
    return True
