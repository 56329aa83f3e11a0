"""The app bundle's Info.plist declares Broadsheet and its feeds; make-dmg stages the disk image."""

from __future__ import annotations

import importlib.util
import os
import plistlib
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from desktop import APP_ID, version

ROOT = Path(__file__).resolve().parents[2]
MACOS = ROOT / "packaging" / "macos"
MAKE_DMG = MACOS / "make-dmg"


def _module_function(name: str) -> Callable[..., Any]:
    """A function of packaging/macos/info_plist.py, loaded from its path as the spec does."""
    spec = importlib.util.spec_from_file_location("info_plist", MACOS / "info_plist.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    function: Callable[..., Any] = getattr(module, name)
    return function


def _plist() -> dict[str, Any]:
    """This version's Info.plist, as it reads back from the XML that BUNDLE writes."""
    plist: dict[str, Any] = plistlib.loads(
        plistlib.dumps(_module_function("info_plist")(version()))
    )
    return plist


def test_the_plist_round_trips_unchanged() -> None:
    info = _module_function("info_plist")(version())
    assert plistlib.loads(plistlib.dumps(info)) == info
    assert plistlib.loads(plistlib.dumps(info, fmt=plistlib.FMT_BINARY)) == info


def test_it_names_this_app_and_release() -> None:
    info = _plist()
    assert info["CFBundleIdentifier"] == APP_ID
    assert info["CFBundleName"] == info["CFBundleDisplayName"] == "Broadsheet"
    assert info["CFBundleShortVersionString"] == version()
    # macOS compares CFBundleVersion as dot-separated integers.
    assert re.fullmatch(r"\d+(\.\d+)*", info["CFBundleVersion"])
    assert version().startswith(info["CFBundleVersion"])
    assert info["NSPrincipalClass"] == "NSApplication" and info["NSHighResolutionCapable"] is True


def test_the_bundle_version_keeps_only_the_release_numbers() -> None:
    bundle_version = _module_function("bundle_version")
    assert bundle_version("1.2.0rc1") == "1.2.0"
    assert bundle_version("0.3.1.dev4+g1234") == "0.3.1"


def test_its_icon_is_the_generated_one() -> None:
    assert (MACOS / _plist()["CFBundleIconFile"]).is_file()


def test_it_opens_rss_and_atom_files() -> None:
    info = _plist()
    declared = {t["UTTypeIdentifier"]: t for t in info["UTImportedTypeDeclarations"]}
    opened = [uti for kind in info["CFBundleDocumentTypes"] for uti in kind["LSItemContentTypes"]]
    assert sorted(opened) == sorted(declared)
    tags = [declared[uti]["UTTypeTagSpecification"] for uti in opened]
    assert sorted((t["public.filename-extension"][0], t["public.mime-type"][0]) for t in tags) == [
        ("atom", "application/atom+xml"),
        ("rss", "application/rss+xml"),
    ]
    assert all("public.xml" in declared[uti]["UTTypeConformsTo"] for uti in opened)
    assert {kind["CFBundleTypeRole"] for kind in info["CFBundleDocumentTypes"]} == {"Viewer"}


def test_it_opens_feed_links() -> None:
    schemes = [s for kind in _plist()["CFBundleURLTypes"] for s in kind["CFBundleURLSchemes"]]
    assert schemes == ["feed"]


def _stub(folder: Path, name: str, body: str) -> None:
    path = folder / name
    path.write_text("#!/bin/sh\n" + body)
    path.chmod(0o755)


@pytest.mark.skipif(sys.platform == "darwin", reason="stands in for macOS's own tools")
def test_make_dmg_puts_the_app_beside_an_applications_link(tmp_path: Path) -> None:
    bin_, dist, log = tmp_path / "bin", tmp_path / "dist", tmp_path / "hdiutil.log"
    bin_.mkdir()
    (dist / "Broadsheet.app" / "Contents").mkdir(parents=True)
    plist_path = dist / "Broadsheet.app" / "Contents" / "Info.plist"
    plist_path.write_bytes(plistlib.dumps(_plist()))
    _stub(bin_, "uname", "echo Darwin\n")
    _stub(bin_, "ditto", 'cp -R "$1" "$2"\n')
    read = "import plistlib, sys; print(plistlib.load(open(sys.argv[2], 'rb'))[sys.argv[1]])"
    _stub(bin_, "plutil", f'exec "{sys.executable}" -c "{read}" "$2" "$4"\n')
    _stub(
        bin_,
        "hdiutil",
        '[ "$1" = verify ] && { echo "verified $2" >>"$LOG"; exit 0; }\n'
        'echo "$*" >>"$LOG"\n'
        "while [ $# -gt 1 ]; do\n"
        '  [ "$1" = -srcfolder ] && ls -A "$2" >>"$LOG" && readlink "$2/Applications" >>"$LOG"\n'
        '  [ "$1" = -srcfolder ] && [ -f "$2/Broadsheet.app/Contents/Info.plist" ] &&'
        ' echo "app copied" >>"$LOG"\n'
        "  shift\n"
        "done\n"
        ': >"$1"\n',
    )
    env = {**os.environ, "PATH": f"{bin_}:{os.environ['PATH']}", "DISTPATH": str(dist)}
    result = subprocess.run(
        [str(MAKE_DMG), "--no-build"], capture_output=True, text=True, env={**env, "LOG": str(log)}
    )
    assert result.returncode == 0, result.stderr
    image = dist / f"Broadsheet-{version()}.dmg"
    assert result.stdout.splitlines()[-1] == str(image) and image.is_file()
    create, *staged, verify = log.read_text().splitlines()
    assert create.startswith("create -volname Broadsheet -srcfolder ")
    assert create.endswith(f" -ov -format UDZO {image}")
    assert staged == ["Applications", "Broadsheet.app", "/Applications", "app copied"]
    assert verify == f"verified {image}"


@pytest.mark.skipif(sys.platform == "darwin", reason="checks the refusal elsewhere")
def test_make_dmg_says_it_needs_a_mac() -> None:
    result = subprocess.run([str(MAKE_DMG), "--no-build"], capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stderr.strip() == "make-dmg needs macOS: hdiutil makes the disk image."
