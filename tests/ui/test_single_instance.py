"""One window per profile: a later start hands its feed links and files to the open window,
which comes forward and opens them as a person would (real local sockets, one data folder each)."""

from __future__ import annotations

import argparse
import json
import logging
import os
import socket
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QDir, QUrl
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from desktop import app as composition
from desktop.app import create_window
from desktop.paths import AppPaths, instance_name
from desktop.ui.dialogs.subscribe_dialog import SubscribeDialog
from desktop.ui.shell import single_instance
from desktop.ui.shell.main_window import MainWindow
from desktop.ui.shell.single_instance import (
    Delivery,
    OpenRequests,
    hand_over,
    read_targets,
)
from tests.commands import broadsheet
from tests.newsroom import Newsroom
from tests.ui.conftest import COURIER_FEED
from tests.ui.parts import article_titles, section_texts, stored

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
LOADS = 20_000  # the first import loads the parsing libraries: slow on a busy machine


@pytest.fixture
def requests(window: MainWindow, data_dir: Path) -> Iterator[OpenRequests]:
    """The open window listening for later starts, wired as the application wires it."""
    listener = OpenRequests(data_dir)
    assert listener.listen()
    listener.activation_requested.connect(window.bring_forward)
    listener.targets_received.connect(window.open_targets)
    yield listener
    listener.close()


@pytest.fixture
def message_boxes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record message boxes instead of showing them."""
    shown: list[str] = []
    for kind in ("information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, kind, lambda *args, **_: shown.append(str(args[2])))
    return shown


@pytest.fixture
def log_handlers() -> Iterator[None]:
    """Put the root logger's handlers back after a test that runs ``app.main`` (it adds one)."""
    root = logging.getLogger()
    before, level = list(root.handlers), root.level
    yield
    for handler in [h for h in root.handlers if h not in before]:
        root.removeHandler(handler)
        handler.close()
    root.setLevel(level)


def _prompt(window: MainWindow, qtbot: QtBot) -> SubscribeDialog:
    """The subscribe prompt, once it shows."""

    def shown() -> bool:
        """Whether the prompt is on screen."""
        dialog = _dialog(window)
        return dialog is not None and dialog.isVisible()

    qtbot.waitUntil(shown)
    dialog = _dialog(window)
    assert dialog is not None
    return dialog


def _dialog(window: MainWindow) -> SubscribeDialog | None:
    """The subscribe prompt, if it was ever opened."""
    return window.findChild(SubscribeDialog, "subscribeDialog")


def _address(dialog: SubscribeDialog) -> str:
    """The address the prompt shows."""
    field = dialog.findChild(QLineEdit, "subscribeAddress")
    assert isinstance(field, QLineEdit)
    return field.text()


def _windows() -> list[MainWindow]:
    """Every Broadsheet window of this process."""
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]


def test_a_second_start_hands_its_link_over_and_exits_without_a_window(
    window: MainWindow,
    requests: OpenRequests,
    data_dir: Path,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    message_boxes: list[str],
    log_handlers: None,
) -> None:
    def must_not_open(*_: object) -> None:
        raise AssertionError("the second start opened the store")

    monkeypatch.setattr(composition, "open_profile", must_not_open)
    second = argparse.Namespace(data_dir=data_dir, targets=["feed:https://127.0.0.1:9/feed.xml"])
    assert composition.main(second) == 0
    assert _windows() == [window]
    assert _address(_prompt(window, qtbot)) == "https://127.0.0.1:9/feed.xml"
    assert not message_boxes


def test_a_feed_link_opens_the_prompt_filled_in_and_subscribes_only_once_confirmed(
    window: MainWindow,
    requests: OpenRequests,
    data_dir: Path,
    paths: AppPaths,
    qtbot: QtBot,
    courier: Newsroom,
) -> None:
    url = courier.url(COURIER_FEED)
    assert hand_over(data_dir, ["feed:" + url]) is Delivery.DELIVERED
    dialog = _prompt(window, qtbot)
    assert _address(dialog) == url
    assert not dialog.working  # no look-up in flight: nothing is fetched until confirmed
    assert courier.requests == []
    assert stored(paths, "SELECT count(*) FROM sources WHERE url = ?", url) == 0
    button = dialog.findChild(QPushButton, "subscribeButton")
    assert isinstance(button, QPushButton)
    button.click()
    qtbot.waitUntil(lambda: "The Test Courier" in section_texts(window), timeout=10_000)
    assert stored(paths, "SELECT count(*) FROM sources WHERE url = ?", url) == 1


def test_a_feed_link_with_slashes_names_the_https_address(
    window: MainWindow, requests: OpenRequests, data_dir: Path, qtbot: QtBot
) -> None:
    assert hand_over(data_dir, ["feed://127.0.0.1:9/news/rss.xml"]) is Delivery.DELIVERED
    assert _address(_prompt(window, qtbot)) == "https://127.0.0.1:9/news/rss.xml"


def test_of_several_links_the_first_is_prompted_for_and_the_rest_are_mentioned(
    window: MainWindow, requests: OpenRequests, data_dir: Path, qtbot: QtBot
) -> None:
    links = ["feed:https://127.0.0.1:9/one.xml", "https://127.0.0.1:9/two.xml"]
    assert hand_over(data_dir, links) is Delivery.DELIVERED
    assert _address(_prompt(window, qtbot)) == "https://127.0.0.1:9/one.xml"
    message = "Only the first of 2 feed links is shown; add the others."
    assert window.statusBar().currentMessage() == message


def test_a_feed_file_is_imported_read_against_the_folder_of_the_later_start(
    window: MainWindow, requests: OpenRequests, data_dir: Path, qtbot: QtBot
) -> None:
    delivery = hand_over(data_dir, ["feeds/rss20.xml"], cwd=FIXTURES)
    assert delivery is Delivery.DELIVERED
    qtbot.waitUntil(
        lambda: window.statusBar().currentMessage().startswith("Imported"), timeout=LOADS
    )
    qtbot.waitUntil(lambda: any("Millbrook" in text for text in section_texts(window)))
    assert _dialog(window) is None  # a file is imported, not subscribed to


def test_a_file_uri_is_imported_too(
    window: MainWindow, requests: OpenRequests, data_dir: Path, qtbot: QtBot
) -> None:
    page = FIXTURES / "pages" / "saved-page.txt"
    assert hand_over(data_dir, [page.as_uri()]) is Delivery.DELIVERED
    headline = page.read_text(encoding="utf-8").splitlines()[0].split(" - ", 1)[1]
    qtbot.waitUntil(
        lambda: window.statusBar().currentMessage().startswith("Imported"), timeout=LOADS
    )
    qtbot.waitUntil(lambda: headline in article_titles(window))


@pytest.mark.parametrize(
    ("target", "sentence"),
    [
        ("/no/such/news.xml", "Could not open /no/such/news.xml: there is no such file."),
        ("feed:https://", "Could not open feed:https://: it is not a complete web address."),
    ],
)
def test_a_target_that_cannot_be_opened_is_one_sentence(
    window: MainWindow,
    requests: OpenRequests,
    data_dir: Path,
    qtbot: QtBot,
    message_boxes: list[str],
    target: str,
    sentence: str,
) -> None:
    assert hand_over(data_dir, [target]) is Delivery.DELIVERED
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == sentence)
    assert _dialog(window) is None and not message_boxes


def test_the_window_comes_forward_when_started_again(
    window: MainWindow, requests: OpenRequests, data_dir: Path, qtbot: QtBot
) -> None:
    window.showMinimized()
    qtbot.waitUntil(window.isMinimized)
    assert hand_over(data_dir, []) is Delivery.DELIVERED
    qtbot.waitUntil(lambda: not window.isMinimized() and window.isVisible())
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert _dialog(window) is None


def test_targets_given_at_start_wait_for_the_first_paint(
    qtbot: QtBot, data_dir: Path, tmp_path: Path
) -> None:
    window = create_window(data_dir, complete=False)
    qtbot.addWidget(window)
    window.open_targets(read_targets(["feed:https://127.0.0.1:9/a.xml", "gone.xml"], tmp_path))
    assert _dialog(window) is None  # nothing before the window has painted
    window.show()
    assert _address(_prompt(window, qtbot)) == "https://127.0.0.1:9/a.xml"
    sentence = f"Could not open {tmp_path / 'gone.xml'}: there is no such file."
    assert window.statusBar().currentMessage() == sentence


def test_with_no_instance_nothing_is_delivered(data_dir: Path) -> None:
    assert hand_over(data_dir, ["feed:https://127.0.0.1:9/a.xml"]) is Delivery.NOT_RUNNING


@pytest.mark.skipif(os.name != "posix", reason="only Unix sockets leave a file behind")
def test_a_socket_left_by_a_crash_is_replaced(data_dir: Path, qtbot: QtBot) -> None:
    leftover = Path(QDir.tempPath()) / instance_name(data_dir)
    crashed = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    crashed.bind(str(leftover))  # bound, never listening, closed: what a killed instance leaves
    crashed.close()
    try:
        assert hand_over(data_dir, []) is Delivery.NOT_RUNNING
        listener = OpenRequests(data_dir)
        assert listener.listen()
        with qtbot.waitSignal(listener.activation_requested):
            assert hand_over(data_dir, []) is Delivery.DELIVERED
        listener.close()
    finally:
        leftover.unlink(missing_ok=True)


def test_profiles_and_users_get_their_own_short_socket(tmp_path: Path) -> None:
    first, second = instance_name(tmp_path / "a"), instance_name(tmp_path / "b")
    assert first != second
    assert first == instance_name(tmp_path / "x" / ".." / "a")  # the same folder, however written
    assert len(first) <= 40


def test_an_instance_that_does_not_answer_is_said_to(data_dir: Path) -> None:
    silent = QLocalServer()
    assert silent.listen(instance_name(data_dir))
    try:
        assert hand_over(data_dir, [], timeout_ms=300) is Delivery.UNANSWERED
    finally:
        silent.close()


def test_a_second_start_says_so_when_the_open_window_does_not_answer(
    data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    message_boxes: list[str],
    log_handlers: None,
) -> None:
    monkeypatch.setattr(single_instance, "ANSWER_MS", 300)
    silent = QLocalServer()
    assert silent.listen(instance_name(data_dir))
    try:
        second = argparse.Namespace(data_dir=data_dir, targets=[])
        assert composition.main(second) == 1
    finally:
        silent.close()
    assert _windows() == []
    assert message_boxes == [
        f"Broadsheet is already open on the data folder {data_dir} but does not answer; "
        "close it, then start Broadsheet again."
    ]


@pytest.mark.allow_warnings
def test_a_request_this_version_does_not_understand_is_refused(
    data_dir: Path, qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    listener = OpenRequests(data_dir)
    assert listener.listen()
    received: list[object] = []
    listener.targets_received.connect(received.append)
    listener.activation_requested.connect(lambda: received.append("forward"))
    try:
        for line in (
            {"version": 2, "cwd": "/", "targets": ["x"], "raise": True},
            {"version": 1, "cwd": "/", "targets": [3], "raise": True},
        ):
            assert _answer(qtbot, listener.name, json.dumps(line).encode() + b"\n") == {
                "version": 1,
                "accepted": False,
            }
        assert _answer(qtbot, listener.name, b"\xff not json\n")["accepted"] is False
    finally:
        listener.close()
    assert received == []
    assert [r.levelname for r in caplog.records if r.levelno >= logging.WARNING] == ["WARNING"] * 3


def _answer(qtbot: QtBot, name: str, request: bytes) -> dict[str, object]:
    """Send raw bytes to the listener, as another program might, and read its answer."""
    client = QLocalSocket()
    client.connectToServer(name)
    assert client.waitForConnected(2000)
    client.write(request)
    client.flush()
    qtbot.waitUntil(lambda: client.canReadLine())
    answer: dict[str, object] = json.loads(bytes(client.readLine().data()))
    client.abort()
    return answer


def test_files_and_links_from_the_system_open_too(
    window: MainWindow, data_dir: Path, qtbot: QtBot
) -> None:
    listener = OpenRequests(data_dir)
    listener.targets_received.connect(window.open_targets)
    app = QApplication.instance()
    assert app is not None
    listener.watch_file_open_events(app)
    try:
        QApplication.sendEvent(app, QFileOpenEvent(QUrl("feed://127.0.0.1:9/mac.xml")))
    finally:
        app.removeEventFilter(listener)
    assert _address(_prompt(window, qtbot)) == "https://127.0.0.1:9/mac.xml"


def test_a_command_blocked_by_the_open_window_says_that_window_is_writing(
    data_dir: Path, qapp: object
) -> None:
    window = QLocalServer()
    assert window.listen(instance_name(data_dir))  # where the open window listens
    store = data_dir / "broadsheet.sqlite3"
    writer = sqlite3.connect(store, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # the window in the middle of a long write
    try:
        result = broadsheet(data_dir, "bookmark", "1")
    finally:
        writer.execute("ROLLBACK")
        writer.close()
        window.close()
    assert result.returncode == 1
    assert result.stderr.strip() == (
        f"broadsheet: The store at {store} is being written by the Broadsheet window open on "
        "this data folder; try again when it has finished."
    )
    writer = sqlite3.connect(store, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # no window: another program, or another command
    try:
        alone = broadsheet(data_dir, "bookmark", "1")
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert "another Broadsheet window or command, or another program" in alone.stderr
