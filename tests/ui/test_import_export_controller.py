"""The import-and-export controller on its own: an OPML file subscribes to its feeds and says
so; bookmarks are exported where the person chose, in the format the name asks for."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from desktop.paths import AppPaths
from desktop.ui.sections.import_export import ImportExport
from tests.ui.controller_parts import Parts
from tests.ui.parts import stored

LOADS = 20_000  # the first import loads the parsing libraries: slow on a busy machine


def test_an_opml_file_subscribes_to_its_feeds_and_says_it_is_importing(
    parts: Parts, qtbot: QtBot, paths: AppPaths, tmp_path: Path
) -> None:
    opml = tmp_path / "mine.opml"
    opml.write_text(
        '<opml version="2.0"><head/><body><outline type="rss" text="The Local Paper" '
        'xmlUrl="https://local-paper.example/feed.xml"/></body></opml>',
        encoding="utf-8",
    )
    control = ImportExport(parts.runner, paths.images, paths.store, parts.host)
    said: list[str] = []
    control.said.connect(lambda sentence, _: said.append(sentence))
    added: list[object] = []
    control.sources_added.connect(added.append)
    with qtbot.waitSignal(control.stored, timeout=LOADS):
        assert control.import_files([opml])
        assert said == ["Importing 1 file…"]
        assert not control.import_files([opml])  # one import at a time
    source = stored(
        paths, "SELECT id FROM sources WHERE url = ?", "https://local-paper.example/feed.xml"
    )
    assert added == [(source,)]


@pytest.mark.parametrize(("chosen", "name", "start"), [
    ("Markdown (*.md)", "kept", "# "),
    ("Web page (*.html)", "kept", "<!DOCTYPE html>"),
    ("Web page (*.html)", "kept.md", "# "),  # the name typed decides over the filter
])  # fmt: skip
def test_bookmarks_are_exported_in_the_format_asked_for(
    parts: Parts,
    qtbot: QtBot,
    paths: AppPaths,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    chosen: str,
    name: str,
    start: str,
) -> None:
    row = parts.model.article_at(0)
    assert row is not None
    with closing(sqlite3.connect(paths.store)) as connection, connection:
        connection.execute("UPDATE articles SET bookmarked = 1700000000 WHERE id = ?", (row.id,))
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / name), chosen)
    )
    control = ImportExport(parts.runner, paths.images, paths.store, parts.host)
    with qtbot.waitSignal(control.said) as said:
        control.export_bookmarks()
    written = next(tmp_path.glob("kept*"))
    assert said.args == [f"Exported 1 bookmarks to {written}.", 6000]
    text = written.read_text(encoding="utf-8")
    assert text.startswith(start) and row.title in text


def test_an_export_that_cannot_be_written_is_said_in_a_sentence(
    parts: Parts, qtbot: QtBot, paths: AppPaths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "no such folder" / "kept.html"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    control = ImportExport(parts.runner, paths.images, paths.store, parts.host)
    with qtbot.waitSignal(control.warned) as warned:
        control.export_bookmarks()
    assert warned.args[0].startswith("Could not export the bookmarks: ")
    assert "Traceback" not in warned.args[0]
