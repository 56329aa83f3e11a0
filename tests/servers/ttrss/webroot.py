"""tt-rss's web root copied into the state folder, with a config.php of our own."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from tests.servers.ttrss.system import hand_over

PACKAGED = Path("/usr/share/tt-rss/www")
PACKAGED_CONFIG = Path("/etc/tt-rss/config.php")
WEB_USER = "www-data"
# The folders tt-rss writes to, each given to the user PHP runs as.
WRITABLE = ("cache", "cache/images", "cache/export", "cache/feeds", "cache/upload", "lock", "icons")


def copy_web_root(state: Path) -> Path:
    """Copy the web root, whose links become absolute (PHP resolves __FILE__ through links, so
    the packaged root would read the packaged config); config and icons become ours."""
    target = state / "www"
    shutil.copytree(PACKAGED, target, symlinks=True)
    for link in [path for path in target.rglob("*") if path.is_symlink()]:
        original = PACKAGED / link.relative_to(target)
        resolved = (original.parent / original.readlink()).resolve()
        link.unlink()
        if link.name not in {"config.php", "feed-icons"}:
            link.symlink_to(resolved)
    (target / "feed-icons").symlink_to(state / "icons")
    for name in WRITABLE:
        (state / name).mkdir(parents=True, exist_ok=True)
        hand_over(state / name, WEB_USER)
    return target


def write_config(state: Path, values: dict[str, str | int]) -> None:
    """Write config.php: the packaged one with our database, address and folders filled in."""
    text = PACKAGED_CONFIG.read_text(encoding="utf-8")
    text = re.sub(r"^\s*include_once\('/etc/tt-rss/database.php'\);\n", "", text, flags=re.M)
    settings: dict[str, str | int] = {
        "DB_TYPE": "pgsql",
        "LOCK_DIRECTORY": str(state / "lock"),
        "CACHE_DIR": str(state / "cache"),
        "CHECK_FOR_UPDATES": "false",
        "LOG_DESTINATION": "",
        **values,
    }
    for name, value in settings.items():
        text, count = re.subn(
            rf"define\('{name}',[^;]*\);", f"define('{name}', {_php(value)});", text
        )
        if count != 1:
            raise ValueError(f"the packaged config.php has no single {name}")
    (state / "www" / "config.php").write_text(text, encoding="utf-8")


def _php(value: str | int) -> str:
    """A PHP literal for a config value (true and false stay bare)."""
    if isinstance(value, int) or value in {"true", "false"}:
        return str(value)
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"
