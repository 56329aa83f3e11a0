"""One window per profile: a later start hands what it was asked to open to the running one.

The running window listens on a local socket (``QLocalServer``) named after the user and the data
folder. A later start on the same folder connects, sends its targets and a request to come
forward, waits briefly for the answer and exits, never touching the store. On macOS the system
sends files and links to the running app as ``QFileOpenEvent``s instead; they arrive the same way.

The request is one line of JSON, ``{"version": 1, "cwd": ..., "targets": [...], "raise": true}``
(``cwd`` reads relative paths as the later start meant them); the answer is
``{"version": 1, "accepted": true}`` (false for a request this version does not understand).
"""

from __future__ import annotations

import enum
import json
import logging
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer, Signal
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from desktop.paths import instance_name

if TYPE_CHECKING:
    from desktop.ingest.targets import Target

log = logging.getLogger(__name__)

PROTOCOL = 1
ANSWER_MS = 5000  # how long a later start waits for the running one to answer
MAX_REQUEST = 256 * 1024  # a request longer than this is not from Broadsheet
_NOBODY_LISTENS = {
    QLocalSocket.LocalSocketError.ServerNotFoundError,
    QLocalSocket.LocalSocketError.ConnectionRefusedError,  # a socket file left by a crash
    # Someone else's file in the way: this start opens its own window rather than none.
    QLocalSocket.LocalSocketError.SocketAccessError,
}


class Delivery(enum.Enum):
    """How handing targets to an instance already running on the profile went."""

    NOT_RUNNING = "no instance listens on this profile"
    DELIVERED = "the running instance took the targets"
    UNANSWERED = "an instance listens but did not take the targets"


@dataclass(frozen=True)
class _Request:
    """A later start's request: what to open, and whether to come forward."""

    targets: list[Target]
    bring_forward: bool


def read_targets(texts: Sequence[str], cwd: Path | None = None) -> list[Target]:
    """What a command line asked to open, relative paths read against its working folder."""
    if not texts:
        return []  # as on most starts, which then need not import the reading
    from desktop.ingest.targets import read_target

    folder = Path.cwd() if cwd is None else cwd
    return [read_target(text, folder) for text in texts]


def hand_over(
    data: Path, texts: Sequence[str], cwd: Path | None = None, timeout_ms: int | None = None
) -> Delivery:
    """Give the targets, and a request to come forward, to the instance running on the profile
    in ``data``; wait at most ``timeout_ms`` (``ANSWER_MS``) for its answer, the event loop
    running meanwhile."""
    request = {
        "version": PROTOCOL,
        "cwd": str(Path.cwd() if cwd is None else cwd),
        "targets": list(texts),
        "raise": True,
    }
    _allow_other_windows_forward()
    line = json.dumps(request).encode("ascii") + b"\n"
    return _deliver(instance_name(data), line, ANSWER_MS if timeout_ms is None else timeout_ms)


def _deliver(name: str, request: bytes, timeout_ms: int) -> Delivery:
    """Send one request to the server ``name`` and wait for its one-line answer."""
    socket = QLocalSocket()
    loop = QEventLoop()
    answer = bytearray()
    outcome: list[Delivery] = []

    def finish(result: Delivery) -> None:
        """Keep the first outcome and stop waiting."""
        if not outcome:
            outcome.append(result)
            loop.quit()

    def on_connected() -> None:
        """Send the request as soon as the running instance is reached."""
        socket.write(request)
        socket.flush()

    def on_ready_read() -> None:
        """Gather the answer until its line is whole."""
        answer.extend(socket.readAll().data())
        if b"\n" in answer:
            finish(Delivery.DELIVERED if _accepted(bytes(answer)) else Delivery.UNANSWERED)

    def on_error(error: QLocalSocket.LocalSocketError) -> None:
        """Nobody listens (no socket, or one a crash left), or the instance went away."""
        if outcome:
            return  # it hung up after answering, as it should
        connected = socket.state() == QLocalSocket.LocalSocketState.ConnectedState
        nobody = error in _NOBODY_LISTENS and not connected and not answer
        log.info("%s on %s (%s)", "Nobody listens" if nobody else "No answer", name, error.name)
        finish(Delivery.NOT_RUNNING if nobody else Delivery.UNANSWERED)

    socket.connected.connect(on_connected)
    socket.readyRead.connect(on_ready_read)
    socket.errorOccurred.connect(on_error)
    QTimer.singleShot(timeout_ms, loop, lambda: finish(Delivery.UNANSWERED))
    socket.connectToServer(name)
    if not outcome:  # a missing server is said at once, before the loop would start
        loop.exec()
    socket.abort()
    return outcome[0]


def _accepted(answer: bytes) -> bool:
    """Whether the running instance's answer says it took the request."""
    try:
        document = json.loads(answer.partition(b"\n")[0])
    except ValueError:
        return False
    return isinstance(document, dict) and document.get("accepted") is True


def _allow_other_windows_forward() -> None:
    """Windows lets only the process in front bring a window forward: let the running one."""
    if sys.platform == "win32":
        import ctypes

        ctypes.windll.user32.AllowSetForegroundWindow(-1)  # ASFW_ANY


class OpenRequests(QObject):
    """Requests from outside to open things in the running window: later starts on the same
    profile (over the local socket) and, on macOS, the system's file-open events.

    Signals:
        activation_requested(): a later start asked the window to come forward.
        targets_received(list): things to open arrived (``desktop.ingest.targets.Target``s).
    """

    activation_requested = Signal()
    targets_received = Signal(list)

    def __init__(self, data: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._name = instance_name(data)
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._on_new_connection)

    @property
    def name(self) -> str:
        """The local socket's name."""
        return self._name

    def listen(self) -> bool:
        """Answer later starts on this profile; return whether it listens. Call it once nothing
        answered there (``hand_over``): a socket file still there was left by a crash."""
        QLocalServer.removeServer(self._name)
        if self._server.listen(self._name):
            return True
        log.error("Later starts cannot reach this one: %s", self._server.errorString())
        return False

    def close(self) -> None:
        """Stop listening (the window is closing); a later start then opens its own window."""
        self._server.close()

    def watch_file_open_events(self, app: QObject) -> None:
        """Take the files and links the system hands over as ``QFileOpenEvent``s (macOS). The
        filter sees every event of the application, so install it only where they come."""
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Pass every event on but a file-open event, whose file or link is opened."""
        if event.type() != QEvent.Type.FileOpen or not isinstance(event, QFileOpenEvent):
            return False
        url = event.url()
        text = url.toLocalFile() if url.isLocalFile() else url.toString()
        log.info("The system asked to open %s", text)
        self.targets_received.emit(read_targets([text]))
        return True

    def _on_new_connection(self) -> None:
        """Read each later start's request as it comes; let go of one that says nothing."""
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            received = bytearray()
            socket.readyRead.connect(lambda s=socket, r=received: self._on_ready_read(s, r))
            socket.disconnected.connect(socket.deleteLater)
            QTimer.singleShot(ANSWER_MS, socket, socket.abort)  # one that never finishes
            if socket.bytesAvailable():  # what came before the slot was connected
                self._on_ready_read(socket, received)

    def _on_ready_read(self, socket: QLocalSocket, received: bytearray) -> None:
        """Once a request's line is whole, answer it, hang up, and pass on what it asks."""
        if socket.state() != QLocalSocket.LocalSocketState.ConnectedState:
            return  # answered already
        received.extend(socket.readAll().data())
        line, newline, _ = received.partition(b"\n")
        if not newline and len(received) <= MAX_REQUEST:
            return
        request = _read_request(bytes(line)) if newline else None
        socket.write(
            json.dumps({"version": PROTOCOL, "accepted": request is not None}).encode() + b"\n"
        )
        socket.disconnectFromServer()  # once the answer is written
        if request is None:
            log.warning("Ignored a request on %s that is not a Broadsheet request", self._name)
            return
        log.info("A later start asked to open %d target(s)", len(request.targets))
        if request.bring_forward:
            self.activation_requested.emit()
        if request.targets:
            self.targets_received.emit(request.targets)


def _read_request(line: bytes) -> _Request | None:
    """A later start's request, or None when the line is not one this version understands."""
    try:
        message = json.loads(line)
    except (ValueError, RecursionError):
        return None
    if not isinstance(message, dict) or message.get("version") != PROTOCOL:
        return None
    cwd, texts, bring_forward = message.get("cwd"), message.get("targets"), message.get("raise")
    if not isinstance(cwd, str) or not isinstance(bring_forward, bool):
        return None
    if not isinstance(texts, list) or not all(isinstance(text, str) for text in texts):
        return None
    return _Request(read_targets(texts, Path(cwd)), bring_forward)
