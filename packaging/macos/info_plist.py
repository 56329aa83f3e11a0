"""The Info.plist of Broadsheet.app: identity, version, icon, and the feeds it opens.

The PyInstaller spec imports `info_plist` from here (with packaging/macos on sys.path) and hands
the dictionary to BUNDLE, which adds CFBundleExecutable and merges this over its own defaults.
"""

from __future__ import annotations

from typing import Any

from packaging.version import Version

BUNDLE_ID = "io.broadsheet.Broadsheet"
ICON_FILE = "broadsheet.icns"  # BUNDLE copies the icon into Contents/Resources under its own name
# Qt 6.11, the newest PySide6 the project allows a build to pick, runs on macOS 13 or later.
MINIMUM_MACOS = "13.0"
FEEDS = (
    # (UTI, description, extension, MIME type); macOS declares no type for either format.
    ("io.broadsheet.rss", "RSS feed", "rss", "application/rss+xml"),
    ("io.broadsheet.atom", "Atom feed", "atom", "application/atom+xml"),
)


def bundle_version(version: str) -> str:
    """CFBundleVersion: the release numbers alone, as macOS compares them (0.2.0rc1 -> 0.2.0)."""
    return ".".join(str(part) for part in Version(version).release)


def document_type(uti: str, description: str) -> dict[str, Any]:
    """A CFBundleDocumentTypes entry: Broadsheet can view this feed type, without claiming it."""
    return {
        "CFBundleTypeName": description,
        "CFBundleTypeRole": "Viewer",
        "LSHandlerRank": "Alternate",
        "LSItemContentTypes": [uti],
    }


def imported_type(uti: str, description: str, extension: str, mime: str) -> dict[str, Any]:
    """A UTImportedTypeDeclarations entry: how macOS recognises the feed files by name and type."""
    return {
        "UTTypeIdentifier": uti,
        "UTTypeDescription": description,
        "UTTypeConformsTo": ["public.xml", "public.data"],
        "UTTypeTagSpecification": {
            "public.filename-extension": [extension],
            "public.mime-type": [mime],
        },
    }


def info_plist(version: str) -> dict[str, Any]:
    """The Info.plist dictionary for this version of Broadsheet."""
    return {
        "CFBundleIdentifier": BUNDLE_ID,
        "CFBundleName": "Broadsheet",
        "CFBundleDisplayName": "Broadsheet",
        "CFBundlePackageType": "APPL",
        "CFBundleInfoDictionaryVersion": "6.0",
        "CFBundleDevelopmentRegion": "en",
        "CFBundleShortVersionString": version,
        "CFBundleVersion": bundle_version(version),
        "CFBundleIconFile": ICON_FILE,
        "LSApplicationCategoryType": "public.app-category.news",
        "LSMinimumSystemVersion": MINIMUM_MACOS,
        "NSHighResolutionCapable": True,
        "NSPrincipalClass": "NSApplication",
        "NSHumanReadableCopyright": (
            "Copyright © the Broadsheet developers. Free software under the GNU GPL, "
            "version 3 or later."
        ),
        "CFBundleDocumentTypes": [document_type(uti, name) for uti, name, _, _ in FEEDS],
        "UTImportedTypeDeclarations": [imported_type(*feed) for feed in FEEDS],
        "CFBundleURLTypes": [
            {
                "CFBundleURLName": f"{BUNDLE_ID}.feed",
                "CFBundleURLSchemes": ["feed"],
                "CFBundleTypeRole": "Viewer",
            }
        ],
    }
