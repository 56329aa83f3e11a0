"""The parts a controller works with, built on their own over this test's store (a copy of the
sample profile) with a real task runner: no window around them."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot

from desktop.domain import ALL
from desktop.operations.reading import WindowReads
from desktop.paths import AppPaths
from desktop.store.database import connect_reader
from desktop.tasks import TaskRunner
from desktop.ui.articles.article_list import ArticleListView
from desktop.ui.articles.article_model import ArticleListModel
from desktop.ui.reading.reader import ArticleBrowser
from desktop.ui.shell.actions import Actions, create_actions


@dataclass
class Parts:
    """A list over the store, a reader beside it, the commands, and the runner they ask."""

    host: QMainWindow
    runner: TaskRunner
    reads: WindowReads
    model: ArticleListModel
    view: ArticleListView
    reader: ArticleBrowser
    commands: Actions


@contextmanager
def controller_parts(qtbot: QtBot, paths: AppPaths) -> Iterator[Parts]:
    """The list showing every article, a reader, and a real runner; all closed afterwards."""
    connection = connect_reader(paths.store)
    runner = TaskRunner(paths.store)
    host = QMainWindow()
    qtbot.addWidget(host)
    reads = WindowReads(connection, paths.store, paths.images)
    model = ArticleListModel(reads)
    view = ArticleListView(model)
    reader = ArticleBrowser(paths.images)
    host.setCentralWidget(view)
    model.show(ALL)
    try:
        yield Parts(host, runner, reads, model, view, reader, create_actions(host))
    finally:
        runner.shutdown()
        connection.close()
