"""After an OPML import the new feeds are fetched at once; the sample edition steps aside once
the person has subscriptions of their own; an undated page sorts by when it was imported."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QFrame, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from desktop.domain import NewArticle
from desktop.paths import AppPaths
from desktop.store.database import connect, transaction
from desktop.store.loading import add_article
from desktop.ui.articles.article_model import Role
from desktop.ui.shell.main_window import MainWindow
from tests.newsroom import Newsroom
from tests.ui.conftest import COURIER_FEED, COURIER_ITEMS, WindowFactory
from tests.ui.parts import (
    add_source,
    article_list,
    article_model,
    article_titles,
    section_texts,
)

LOADS = 20_000  # the first import loads the parsing libraries: slow on a busy machine
SAMPLE_PAPERS = {"The Harbour Gazette", "The Valley Courier", "The Carrowmere Herald"}


def _import(window: MainWindow, monkeypatch: pytest.MonkeyPatch, file: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(file)], ""))
    window.commands.import_files.trigger()


def _notice(window: MainWindow) -> QFrame:
    found = window.findChild(QFrame, "sampleNotice")
    assert found is not None
    return found


def _button(window: MainWindow, name: str) -> QPushButton:
    found = window.findChild(QPushButton, name)
    assert found is not None
    return found


def _opml(folder: Path, url: str) -> Path:
    file = folder / "mine.opml"
    file.write_text(
        '<opml version="2.0"><head/><body>'
        f'<outline type="rss" text="The Test Courier" xmlUrl="{url}"/></body></opml>',
        encoding="utf-8",
    )
    return file


def test_an_opml_import_fetches_its_feeds_at_once_and_the_sample_can_be_removed(
    window: MainWindow,
    qtbot: QtBot,
    courier: Newsroom,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    progress = window.findChild(QWidget, "refreshStatus")
    assert progress is not None
    shown: list[bool] = []  # whether the progress shows as File > Refresh greys and comes back
    window.commands.refresh.enabledChanged.connect(lambda _: shown.append(progress.isVisible()))
    _import(window, monkeypatch, _opml(tmp_path, courier.url(COURIER_FEED)))
    titles = [item.title for item in COURIER_ITEMS]
    qtbot.waitUntil(lambda: set(titles) <= set(article_titles(window)), timeout=LOADS)
    qtbot.waitUntil(lambda: "new article" in window.statusBar().currentMessage())
    assert shown == [False, True]  # a refresh ran at once, with its progress, unasked
    assert _notice(window).isVisible()
    _button(window, "sampleRemove").click()
    qtbot.waitUntil(lambda: not SAMPLE_PAPERS & set(section_texts(window)))
    assert set(article_titles(window)) == set(titles)
    assert window.reader.article is not None and window.reader.article.title in titles
    assert not window.commands.remove_sample.isEnabled()
    window.commands.restore_sample.trigger()  # Help > Sample Edition > Bring Back
    qtbot.waitUntil(lambda: len(article_titles(window)) == len(titles) + 8)
    qtbot.waitUntil(lambda: set(section_texts(window)) >= SAMPLE_PAPERS)
    assert not _notice(window).isVisible()


def test_the_offer_comes_at_the_start_once_and_not_again_after_keep_it(
    open_window: WindowFactory, paths: AppPaths, qtbot: QtBot
) -> None:
    add_source(paths, "https://paper.example/feed.xml", "My Own Paper")
    first = open_window()
    qtbot.waitUntil(_notice(first).isVisible)  # the store is looked at off the window's thread
    _button(first, "sampleKeep").click()
    assert not _notice(first).isVisible()
    assert first.focusWidget() is article_list(first)  # the keys go back to the list
    first.close()
    second = open_window()
    qtbot.waitUntil(second.commands.remove_sample.isEnabled)  # it has looked: the sample is there
    assert not _notice(second).isVisible()
    assert set(section_texts(second)) >= SAMPLE_PAPERS  # kept, as asked


def test_no_offer_without_subscriptions_of_ones_own(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.waitUntil(window.commands.remove_sample.isEnabled)  # it has looked: the sample is there
    assert not _notice(window).isVisible()
    assert not window.commands.restore_sample.isEnabled()


UNDATED = """<html><head><title>Harbour notes without a date</title></head><body><article>
<h1>Harbour notes without a date</h1>
<p>The harbour master wrote these notes about the tides and the boats that came in during the
week, without saying when; they are kept as they were found on the notice board.</p>
<p>Two trawlers came in on the morning tide, one of them with a damaged winch, and the pilot
boat went out twice to meet a cargo ship waiting for the channel to clear.</p>
<p>The ferry ran to time all week, except on Thursday, when the wind turned north-easterly and
the afternoon crossing was cancelled.</p></article></body></html>"""


def _story(guid: str, published: datetime) -> NewArticle:
    return NewArticle(guid, guid, None, None, published, None, "<p>Text.</p>", "Text.")


def test_an_undated_page_sorts_by_when_it_was_imported(
    open_window: WindowFactory,
    qtbot: QtBot,
    paths: AppPaths,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = tmp_path / "notes.html"
    page.write_text(UNDATED, encoding="utf-8")
    window = open_window()
    _import(window, monkeypatch, page)
    qtbot.waitUntil(lambda: "Harbour notes without a date" in article_titles(window), timeout=LOADS)
    window.close()
    source = add_source(paths, "https://later.example/feed.xml", "Later Post")
    connection = connect(paths.store)
    now = datetime.now(UTC)
    with transaction(connection):
        add_article(
            connection, source, _story("Published before", now - timedelta(days=2)), paths.images
        )
        add_article(
            connection, source, _story("Published after", now + timedelta(days=1)), paths.images
        )
    connection.close()
    second = open_window()
    titles = article_titles(second)
    row = titles.index("Harbour notes without a date")
    assert titles.index("Published after") < row < titles.index("Published before")
    label = article_model(second).index(row).data(Role.WHEN)
    assert isinstance(label, str) and label.startswith("added ")  # no date, so when it came
