"""Secrets: kept in the system keyring when there is one, else in a file only its owner reads."""

from __future__ import annotations

import json
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail
from keyring.errors import PasswordDeleteError

from desktop.credentials import (
    FALLBACK_NAME,
    KEPT_NAMES,
    forget_secret,
    is_kept,
    read_secret,
    save_secret,
)

ROOT = Path(__file__).resolve().parents[2]


class MemoryKeyring(KeyringBackend):
    """A keyring that keeps passwords in a dictionary, standing in for the system's."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.passwords.pop((service, username), None) is None:
            raise PasswordDeleteError("not there")


@pytest.fixture
def system_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def no_keyring() -> Iterator[None]:
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(previous)


def test_a_key_goes_to_the_system_keyring_when_there_is_one(
    system_keyring: MemoryKeyring, tmp_path: Path
) -> None:
    where = save_secret("quotes-api-key", "  abc123 \n", tmp_path)
    assert where == "in the system keyring"
    assert system_keyring.passwords == {("Broadsheet", "quotes-api-key"): "abc123"}
    assert read_secret("quotes-api-key", tmp_path) == "abc123"
    assert not (tmp_path / FALLBACK_NAME).exists()
    forget_secret("quotes-api-key", tmp_path)
    assert read_secret("quotes-api-key", tmp_path) is None
    forget_secret("quotes-api-key", tmp_path)  # forgetting twice is fine


def test_without_a_keyring_the_key_goes_to_a_private_file(no_keyring: None, tmp_path: Path) -> None:
    config = tmp_path / "config"
    where = save_secret("quotes-api-key", "abc123", config)
    assert str(config / FALLBACK_NAME) in where
    assert read_secret("quotes-api-key", config) == "abc123"
    assert json.loads((config / FALLBACK_NAME).read_text()) == {"quotes-api-key": "abc123"}
    if sys.platform != "win32":
        assert stat.S_IMODE((config / FALLBACK_NAME).stat().st_mode) == 0o600
    save_secret("other", "x", config)
    forget_secret("quotes-api-key", config)
    assert read_secret("quotes-api-key", config) is None
    assert read_secret("other", config) == "x"
    forget_secret("other", config)
    assert list(config.iterdir()) == []


def test_a_keyring_appearing_later_takes_the_key_out_of_the_file(
    tmp_path: Path, no_keyring: None
) -> None:
    save_secret("quotes-api-key", "old", tmp_path)
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    assert read_secret("quotes-api-key", tmp_path) == "old"  # still found in the file
    save_secret("quotes-api-key", "new", tmp_path)
    assert read_secret("quotes-api-key", tmp_path) == "new"
    assert not (tmp_path / FALLBACK_NAME).exists()


def test_saving_an_empty_key_forgets_it(system_keyring: MemoryKeyring, tmp_path: Path) -> None:
    save_secret("quotes-api-key", "abc", tmp_path)
    assert save_secret("quotes-api-key", "   ", tmp_path).startswith("nowhere")
    assert read_secret("quotes-api-key", tmp_path) is None


@pytest.mark.allow_warnings
def test_a_damaged_secrets_file_reads_as_empty(no_keyring: None, tmp_path: Path) -> None:
    (tmp_path / FALLBACK_NAME).write_text("{not json")
    assert read_secret("quotes-api-key", tmp_path) is None
    save_secret("quotes-api-key", "abc", tmp_path)
    assert read_secret("quotes-api-key", tmp_path) == "abc"


def test_whether_a_key_is_kept_is_known_without_the_keyring(
    system_keyring: MemoryKeyring, tmp_path: Path
) -> None:
    assert not is_kept("quotes-api-key", tmp_path)
    save_secret("quotes-api-key", "abc", tmp_path)
    assert is_kept("quotes-api-key", tmp_path)
    assert "abc" not in (tmp_path / KEPT_NAMES).read_text()  # names only, never the secret
    forget_secret("quotes-api-key", tmp_path)
    assert not is_kept("quotes-api-key", tmp_path)
    assert not (tmp_path / KEPT_NAMES).exists()


def test_reading_a_key_notes_whether_the_keyring_still_holds_it(
    system_keyring: MemoryKeyring, tmp_path: Path
) -> None:
    system_keyring.set_password("Broadsheet", "quotes-api-key", "from-before")
    assert not is_kept("quotes-api-key", tmp_path)  # kept by an older version, not yet noted
    assert read_secret("quotes-api-key", tmp_path) == "from-before"
    assert is_kept("quotes-api-key", tmp_path)
    system_keyring.passwords.clear()  # removed with the system's own keyring manager
    assert read_secret("quotes-api-key", tmp_path) is None
    assert not is_kept("quotes-api-key", tmp_path)


def test_a_key_in_the_private_file_is_kept(no_keyring: None, tmp_path: Path) -> None:
    save_secret("quotes-api-key", "abc", tmp_path)
    assert is_kept("quotes-api-key", tmp_path)
    assert not (tmp_path / KEPT_NAMES).exists()


def test_the_panel_learns_of_a_key_without_importing_the_keyring(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from desktop.operations.market_view import has_quotes_key\n"
        f"Path({str(tmp_path)!r}, 'keyring-names.json').write_text('[\"quotes-api-key\"]')\n"
        f"print(has_quotes_key(Path({str(tmp_path)!r}), {{}}))\n"
        "heavy = {'keyring', 'asyncio', 'httpx', 'ssl', 'desktop.market.providers'}\n"
        "print(sorted(heavy & set(sys.modules)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert done.stdout.split("\n")[:2] == ["True", "[]"]
