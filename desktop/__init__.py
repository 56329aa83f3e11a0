"""Broadsheet: a desktop newspaper reader over a local SQLite store."""

APP_NAME = "Broadsheet"
APP_ID = "io.broadsheet.Broadsheet"


def version() -> str:
    """Return the installed distribution's version, or the checkout's fallback."""
    from importlib import metadata

    try:
        return metadata.version("broadsheet")
    except metadata.PackageNotFoundError:
        return "0.1.0+checkout"
