"""Broadsheet: a desktop newspaper reader over a local SQLite store."""

__version__ = "0.2.0"
APP_NAME = "Broadsheet"
APP_ID = "io.broadsheet.Broadsheet"


def version() -> str:
    """The version of this Broadsheet (pyproject.toml reads it from here)."""
    return __version__
