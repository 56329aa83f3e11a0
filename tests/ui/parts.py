"""Finding the window's parts the way a test (or an accessibility tool) would: by object name."""

from __future__ import annotations

import sqlite3

from PySide6.QtWidgets import QAbstractItemView

from desktop.paths import AppPaths
from desktop.ui.article_model import ArticleListModel
from desktop.ui.main_window import MainWindow


def article_list(window: MainWindow) -> QAbstractItemView:
    """The article list view."""
    found = window.findChild(QAbstractItemView, "articleList")
    assert found is not None
    return found


def article_model(window: MainWindow) -> ArticleListModel:
    """The article list's model."""
    model = article_list(window).model()
    assert isinstance(model, ArticleListModel)
    return model


def stored(paths: AppPaths, sql: str, *params: object) -> object:
    """One value read from the store by a connection of its own, as another process would."""
    connection = sqlite3.connect(paths.store)
    try:
        return connection.execute(sql, params).fetchone()[0]
    finally:
        connection.close()
