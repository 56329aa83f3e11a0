"""The Debian packages tt-rss needs, installed when missing (root, or sudo with no password)."""

from __future__ import annotations

import os
import shutil
import subprocess

from tests.servers.ttrss.system import HarnessError, is_root, run

# tt-rss with PHP's command line and the extensions it uses; PostgreSQL is only recommended by
# tt-rss, so it is named too. dbconfig-no-thanks keeps the package from configuring a database.
PACKAGES = (
    "tt-rss",
    "dbconfig-no-thanks",
    "php-cli",
    "php-pgsql",
    "php-curl",
    "php-intl",
    "php-mbstring",
    "php-xml",
    "postgresql",
)
# Without it, installing tt-rss asks to set up a database and pulls MySQL's alternatives in.
PRESEED = "tt-rss tt-rss/dbconfig-install boolean false\n"


def missing(wanted: tuple[str, ...] = PACKAGES) -> list[str]:
    """The wanted packages that are not installed (naming an installed one again upgrades it)."""
    if shutil.which("dpkg-query") is None:
        return list(wanted)
    return [name for name in wanted if not _installed(name)]


def _installed(name: str) -> bool:
    """Whether dpkg says the package is installed."""
    done = subprocess.run(
        ["dpkg-query", "-W", "-f=${Status}", name], capture_output=True, text=True, check=False
    )
    return done.stdout.endswith("ok installed")


def install(wanted: tuple[str, ...] = PACKAGES) -> list[str]:
    """Install what is missing of ``wanted`` and return what was installed; idempotent."""
    needed = missing(wanted)
    if not needed:
        return []
    if shutil.which("apt-get") is None:
        raise HarnessError(f"cannot install {', '.join(needed)}: this machine has no apt-get")
    sudo = _privilege(needed)
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    run([*sudo, "debconf-set-selections"], "preseeding tt-rss", input=PRESEED, env=env)
    run([*sudo, "apt-get", "update", "-qq"], "apt-get update", env=env)
    apt = [*sudo, "apt-get", "install", "-y", "-qq", "--no-install-recommends"]
    run([*apt, "-o", "DPkg::Lock::Timeout=300", *needed], f"installing {' '.join(needed)}", env=env)
    return needed


def _privilege(needed: list[str]) -> list[str]:
    """Nothing when root, else sudo that asks no password; otherwise say that we cannot install."""
    if is_root():
        return []
    if shutil.which("sudo") is not None:
        probe = subprocess.run(["sudo", "-n", "true"], capture_output=True, check=False)
        if probe.returncode == 0:
            return ["sudo", "-n"]
    raise HarnessError(
        "installing Debian packages needs root or sudo without a password: "
        f"install them yourself (tests/servers/ttrss/README.md): {' '.join(needed)}"
    )
