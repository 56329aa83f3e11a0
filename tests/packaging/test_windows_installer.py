"""The Inno Setup script installs the spec's bundle per user and removes all it registers."""

from __future__ import annotations

import ast
import re
import tomllib
import uuid
from pathlib import Path, PureWindowsPath

from desktop import version

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "packaging" / "windows" / "broadsheet.iss"
SPEC = ROOT / "packaging" / "broadsheet.spec"
# One `Name: value;` parameter of an entry line; a quoted value doubles its quotes.
PARAMETER = re.compile(r'\s*(\w+):\s*("(?:[^"]|"")*"|[^;"]*?)\s*(?:;|$)')

Entry = dict[str, str]


def _sections() -> dict[str, list[str]]:
    """The script's lines by section, without blank lines, comments and preprocessor lines."""
    sections: dict[str, list[str]] = {}
    current = sections.setdefault("", [])
    for raw in SCRIPT.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith((";", "#")):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], [])
        else:
            current.append(line)
    return sections


def _setup() -> dict[str, str]:
    return dict(line.split("=", 1) for line in _sections()["Setup"])


def _entries(section: str) -> list[Entry]:
    entries = []
    for line in _sections()[section]:
        assert re.fullmatch(f"(?:{PARAMETER.pattern})+", line), f"cannot read {line!r}"
        entries.append({key: _unquote(value) for key, value in PARAMETER.findall(line)})
    return entries


def _unquote(value: str) -> str:
    if value.startswith('"') and value.endswith('"'):
        return value[1:-1].replace('""', '"')
    return value


def _flags(entry: Entry) -> set[str]:
    return set(entry.get("Flags", "").split())


def _source_dir() -> Path:
    return SCRIPT.parent / PureWindowsPath(_setup().get("SourceDir", ".")).as_posix()


def _spec_bundle_name() -> str:
    """The folder the spec's COLLECT builds: a literal, or the project name the spec reads."""
    module = ast.parse(SPEC.read_text(encoding="utf-8"))
    literals = {
        node.targets[0].id: node.value.value
        for node in module.body
        if isinstance(node, ast.Assign)
        and isinstance(node.targets[0], ast.Name)
        and isinstance(node.value, ast.Constant)
    }
    names = [
        keyword.value
        for node in ast.walk(module)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
        if node.func.id == "COLLECT"
        for keyword in node.keywords
        if keyword.arg == "name"
    ]
    assert len(names) == 1, "the spec should build one folder with COLLECT(name=...)"
    if isinstance(names[0], ast.Constant):
        return str(names[0].value)
    assert isinstance(names[0], ast.Name)
    if names[0].id in literals:
        return str(literals[names[0].id])
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return str(project["project"]["name"])


def test_it_installs_for_the_user_alone() -> None:
    setup = _setup()
    assert setup["PrivilegesRequired"] == "lowest"
    assert setup["DefaultDirName"] in (
        r"{autopf}\Broadsheet",
        r"{localappdata}\Programs\Broadsheet",
    )
    assert uuid.UUID(setup["AppId"].lstrip("{").rstrip("}"))


def test_its_default_version_is_the_apps() -> None:
    match = re.search(r'#define AppVersion "([^"]+)"', SCRIPT.read_text(encoding="utf-8"))
    assert match is not None and match[1] == version()
    assert _setup()["AppVersion"] == "{#AppVersion}"


def test_the_files_it_names_exist() -> None:
    setup = _setup()
    for key in ("LicenseFile", "SetupIconFile"):
        assert (_source_dir() / PureWindowsPath(setup[key]).as_posix()).is_file(), key
    bundled = [entry["Source"] for entry in _entries("Files")]
    built = [source for source in bundled if source.startswith("dist\\")]
    assert len(built) == 1
    for source in set(bundled) - set(built):
        assert (_source_dir() / PureWindowsPath(source).as_posix()).is_file(), source


def test_it_installs_the_bundle_the_spec_builds() -> None:
    name = _spec_bundle_name()
    assert [entry["Source"] for entry in _entries("Files")] == [f"dist\\{name}\\*"]
    assert {"recursesubdirs", "createallsubdirs"} <= _flags(_entries("Files")[0])
    started = [entry["Filename"] for entry in _entries("Icons") + _entries("Run")]
    assert started and set(started) == {f"{{app}}\\{name}.exe"}
    assert _setup()["UninstallDisplayIcon"] == f"{{app}}\\{name}.exe"


def test_the_desktop_shortcut_is_offered_unticked() -> None:
    (task,) = [entry for entry in _entries("Tasks") if entry["Name"] == "desktopicon"]
    assert "unchecked" in _flags(task)
    shortcuts = {entry["Name"].split("\\")[0]: entry.get("Tasks") for entry in _entries("Icons")}
    assert shortcuts == {"{autoprograms}": None, "{autodesktop}": "desktopicon"}


def _opens_with_broadsheet(registry: list[Entry], key: str) -> bool:
    return any(
        entry["Subkey"] == key + r"\shell\open\command"
        and entry["ValueData"] == r'"{app}\broadsheet.exe" "%1"'
        for entry in registry
    )


def test_feed_files_and_links_are_registered_for_the_user() -> None:
    registry = _entries("Registry")
    assert {entry["Root"] for entry in registry} == {"HKCU"}
    assert all(entry["Subkey"].startswith("Software\\Classes\\") for entry in registry)
    for extension in (".rss", ".atom"):
        (offer,) = [
            e for e in registry if e["Subkey"] == rf"Software\Classes\{extension}\OpenWithProgids"
        ]
        assert _opens_with_broadsheet(registry, rf"Software\Classes\{offer['ValueName']}")
    feed = [entry for entry in registry if entry["Subkey"] == r"Software\Classes\feed"]
    assert {(e["ValueName"], e["ValueData"]) for e in feed} >= {("URL Protocol", "")}
    assert _opens_with_broadsheet(registry, r"Software\Classes\feed")


def test_uninstalling_removes_every_registry_entry() -> None:
    registry = _entries("Registry")
    deleted_keys = [e["Subkey"] for e in registry if "uninsdeletekey" in _flags(e)]
    for entry in registry:
        removed = (
            "uninsdeletevalue" in _flags(entry)
            or (entry["ValueType"] == "none" and "uninsdeletekeyifempty" in _flags(entry))
            or any(
                entry["Subkey"] == key or entry["Subkey"].startswith(key + "\\")
                for key in deleted_keys
            )
        )
        assert removed, f"uninstalling leaves {entry['Subkey']} {entry.get('ValueName', '')}"
