"""Handing an address to the system's web browser, and saying so when none takes it."""

from __future__ import annotations

import logging

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication

log = logging.getLogger(__name__)

NO_BROWSER = (
    "No web browser could be started for {url}; the address is on the clipboard, to paste into one."
)


def open_in_browser(url: str) -> str | None:
    """Open ``url`` in the system's browser; when none takes it, put the address on the
    clipboard and return the sentence that says so (None when it opened)."""
    if QDesktopServices.openUrl(QUrl(url)):
        return None
    log.info("No browser took %s", url)
    QGuiApplication.clipboard().setText(url)
    return NO_BROWSER.format(url=url)
