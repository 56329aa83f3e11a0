"""A child process for the closing test: the window opens, Add Subscription looks for a feed on a
local server that never answers (with limits that would let it wait an hour), and once the server
holds the request the window is closed as a person closes it. The process then ends as the app
does; it prints what the server saw.

Run as ``python -m tests.integration.closing_during_look_up DATA_DIR`` from the repository.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton

from desktop.app import create_window
from desktop.net.fetch import Limits
from desktop.operations import subscribe
from desktop.ui.dialogs.subscribe_dialog import SubscribeDialog
from tests.silent_server import SilentServer

POLL_MS = 20


def main(data_dir: Path) -> int:
    """Open, look up, close; return the exit code the app would."""
    app = QApplication(sys.argv[:1])
    subscribe.LOOKUP_LIMITS = Limits(connect_timeout=3600, total_timeout=3600)
    with SilentServer() as server:
        window = create_window(data_dir)
        window.show()
        window.commands.add_subscription.trigger()
        dialog = window.findChild(SubscribeDialog, "subscribeDialog")
        address = dialog.findChild(QLineEdit, "subscribeAddress") if dialog else None
        button = dialog.findChild(QPushButton, "subscribeButton") if dialog else None
        if address is None or button is None:
            print("no Add Subscription dialog", file=sys.stderr)
            return 2
        address.setText(server.url("/feed.xml"))
        button.click()
        watch = QTimer(interval=POLL_MS)

        def close_once_asked() -> None:
            if server.requests:
                watch.stop()
                window.close()

        watch.timeout.connect(close_once_asked)
        watch.start()
        code = app.exec()
        print(f"asked {server.requests}; let go of {server.hung_up}", flush=True)
    return code


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
