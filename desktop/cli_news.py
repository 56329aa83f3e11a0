"""The command line's commands that reach the network: subscriptions, OPML, refresh, import,
extract and the market refresh.

Imported only when one of them runs, so the other commands never load the network libraries.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from pathlib import Path
from typing import Any

from desktop.cli_common import UsageError, print_json
from desktop.cli_progress import RefreshPrinter
from desktop.cli_terminal import raw
from desktop.domain import Progress, Source
from desktop.ingest.opml import OpmlError, OutlineFeed, read_opml, write_opml
from desktop.ingest.targets import WEB_SCHEMES, scheme_of
from desktop.net.fetch import not_web_address
from desktop.operations import direct_writer
from desktop.operations.entries import start_parser_process
from desktop.operations.importing import (
    DocumentError,
    import_file,
    page_json,
    read_page,
    subscribe_outlines,
    subscriptions_added,
)
from desktop.operations.refresh import RefreshOptions, RefreshReport, SourceOutcome
from desktop.operations.refresh import refresh as run_refresh
from desktop.operations.subscribe import SubscribeError, find_feed, subscribe
from desktop.paths import AppPaths
from desktop.store import sources
from desktop.store.feeds import FEED, FeedExistsError
from desktop.store.sources import SourceNotFoundError
from desktop.wording import count

EXIT_SOME_FAILED = 2
PARSERS = max(1, min(4, os.cpu_count() or 1))


def feeds(arguments: argparse.Namespace, connection: sqlite3.Connection, paths: AppPaths) -> int:
    """``feeds add|list|remove``."""
    if arguments.action == "add":
        return _add(arguments, connection, paths)
    if arguments.action == "remove":
        return _remove(arguments.id, connection)
    return _list(arguments, connection)


def opml(arguments: argparse.Namespace, connection: sqlite3.Connection, paths: AppPaths) -> int:
    """``opml import|export FILE``."""
    if arguments.action == "export":
        feeds_ = [_outline(source) for source in sources.sources(connection) if source.url]
        arguments.file.write_bytes(write_opml(feeds_))
        print(f"Exported {count(len(feeds_), 'subscription')} to {arguments.file}.")
        return 0
    try:
        outlines = read_opml(arguments.file.read_bytes())
    except (OpmlError, OSError) as error:
        raise UsageError(_sentence(error, arguments.file)) from None
    added = subscribe_outlines(direct_writer(connection), outlines)
    print(subscriptions_added(len(added), len(outlines), arguments.file.name))
    if not added:
        return 0
    if not arguments.refresh:
        print("Run 'broadsheet refresh' to fetch their articles.")
        return 0
    report = _run_refresh(connection, paths, RefreshOptions(only=added), printed=True)
    return EXIT_SOME_FAILED if report.failed else 0


def refresh(arguments: argparse.Namespace, connection: sqlite3.Connection, paths: AppPaths) -> int:
    """``refresh``: every due subscription (or the ones named); exit 2 if any failed."""
    only = tuple(_refreshable(connection, source_id) for source_id in arguments.source or ())
    options = RefreshOptions(only=only or None, photos=not arguments.no_images)
    report = _run_refresh(connection, paths, options, printed=not arguments.json)
    if arguments.json:
        print_json([_outcome_json(outcome) for outcome in report.outcomes])
    return EXIT_SOME_FAILED if report.failed else 0


def market_refresh(
    arguments: argparse.Namespace, connection: sqlite3.Connection, paths: AppPaths
) -> int:
    """``market refresh``: every market provider at once; exit 2 if any failed."""
    from desktop.operations.market import MarketReport, plan_market, quote_symbols, refresh_market
    from desktop.settings import load
    from desktop.store.market_data import freshest_quotes

    watched = load(paths.settings).watched_symbols
    plan = plan_market(paths.config, quote_symbols(freshest_quotes(connection), watched))
    report = MarketReport()
    cancel = threading.Event()
    _drive(refresh_market(direct_writer(connection), plan, report, cancel), cancel)
    if arguments.json:
        print_json(report.as_json())
    else:
        for outcome in report.outcomes:
            updated = outcome.status == "updated"
            said = count(outcome.count, "figure") if updated else outcome.error
            print(f"{outcome.name}: {outcome.status}, {said}")
    return EXIT_SOME_FAILED if report.failed else 0


def import_document(
    arguments: argparse.Namespace, connection: sqlite3.Connection, paths: AppPaths
) -> int:
    """``import FILE``: a feed document, an OPML file, a saved web page or a page saved as text."""
    try:
        imported = import_file(direct_writer(connection), paths.images, _file(arguments.file))
    except DocumentError as error:
        raise UsageError(str(error)) from None
    if arguments.json:
        return print_json(imported.document)
    print(imported.message)
    return 0


def extract(arguments: argparse.Namespace, connection: sqlite3.Connection, paths: AppPaths) -> int:
    """``extract PATH_OR_URL``: what a page would give, stored nowhere."""
    try:
        page = read_page(arguments.location)
    except DocumentError as error:
        raise UsageError(str(error)) from None
    document = page_json(page)
    if arguments.json:
        return print_json(document)
    print(document["title"] or "(no title)")
    print(" · ".join(part for part in (document["byline"], document["published"]) if part))
    if document["caption"] or document["credit"]:
        print(f"[Photo] {' / '.join(p for p in (document['caption'], document['credit']) if p)}")
    print()
    print(document["text"])
    return 0


def _file(text: str) -> Path:
    """The file ``import`` is given; an address in its place says which command reads it."""
    file = Path(text)
    if "://" not in text or file.exists():
        return file
    if scheme_of(text) in WEB_SCHEMES:
        raise UsageError(
            f"{text} is a web address: 'broadsheet feeds add' subscribes to its feed, "
            "'broadsheet extract' shows its article."
        )
    raise UsageError(not_web_address(text))


def _add(arguments: argparse.Namespace, connection: sqlite3.Connection, paths: AppPaths) -> int:
    """Subscribe to a feed (found behind a site's address if need be), then fetch it."""
    try:
        found = find_feed(arguments.url)
        source_id = subscribe(direct_writer(connection), found, arguments.folder)
    except (SubscribeError, FeedExistsError) as error:
        raise UsageError(str(error)) from None
    report = _run_refresh(connection, paths, RefreshOptions(only=(source_id,)), printed=False)
    new = report.new_articles
    if arguments.json:
        return print_json({"id": source_id, "url": found.url, "title": found.title, "new": new})
    print(f"Subscribed to “{found.title}” ({found.url}): {count(new, 'article')}.")
    return 0


def _remove(source_id: int, connection: sqlite3.Connection) -> int:
    """Unsubscribe; bookmarked articles stay."""
    try:
        deleted = direct_writer(connection)(
            lambda c: sources.remove(c, source_id, int(time.time()))
        )
    except SourceNotFoundError as error:
        raise UsageError(str(error)) from None
    print(f"Removed source {source_id} and {count(deleted, 'article')}; bookmarks stay.")
    return 0


def _list(arguments: argparse.Namespace, connection: sqlite3.Connection) -> int:
    """Every subscription with its folder and its last error."""
    items = [_source_json(source) for source in sources.sources(connection)]
    if arguments.json:
        return print_json(items)
    for item in items:
        folder = f"[{item['folder']}] " if item["folder"] else ""
        problem = f"  ! {item['error']}" if item["error"] else ""
        print(f"{item['id']:>5}  {folder}{item['title']}  {item['url'] or ''}{problem}")
    if not items:
        print("No subscriptions yet: add one with 'broadsheet feeds add URL'.")
    return 0


def _refreshable(connection: sqlite3.Connection, source_id: int) -> int:
    """A source id given to ``refresh --source``, once it is known to name a feed."""
    try:
        source = sources.source(connection, source_id)
    except SourceNotFoundError as error:
        raise UsageError(str(error)) from None
    if source.kind != FEED:
        raise UsageError(f"“{source.title}” (source {source_id}) has no feed to refresh.")
    return source_id


def _run_refresh(
    connection: sqlite3.Connection, paths: AppPaths, options: RefreshOptions, *, printed: bool
) -> RefreshReport:
    """Run a refresh here, its feeds parsed by a pool of processes (one per core), printing a
    line per source and a summary when ``printed``; Ctrl+C stops it cleanly."""
    report = RefreshReport()
    cancel = threading.Event()
    printer = RefreshPrinter(report, sys.stdout, raw(sys.stderr)) if printed else None
    with ProcessPoolExecutor(PARSERS, initializer=start_parser_process) as parser:
        options = replace(options, parser=parser)
        steps = run_refresh(direct_writer(connection), paths.images, options, cancel, report)
        _drive(steps, cancel, printer.show if printer else None)
    if printer is not None:
        printer.finish()
    return report


def _drive(
    steps: Iterator[Progress],
    cancel: threading.Event,
    show: Callable[[Progress], None] | None = None,
) -> None:
    """Run an operation to its end, showing its steps; Ctrl+C asks it to stop and lets it finish
    cleanly (what it has stored stays)."""
    try:
        for step in steps:
            if show is not None:
                show(step)
    except KeyboardInterrupt:
        cancel.set()
        for _ in steps:
            pass


def _outline(source: Source) -> OutlineFeed:
    """A subscription as an OPML outline."""
    assert source.url is not None
    return OutlineFeed(source.title, source.url, source.site_url, source.folder)


def _source_json(source: Source) -> dict[str, Any]:
    """A subscription as JSON."""
    return {
        "id": source.id,
        "title": source.title,
        "url": source.url,
        "site_url": source.site_url,
        "folder": source.folder,
        "kind": source.kind,
        "error": source.last_error,
        "disabled": source.disabled,
        "full_articles": source.full_articles,
    }


def _outcome_json(outcome: SourceOutcome) -> dict[str, Any]:
    """One source's refresh as JSON."""
    return {
        "id": outcome.source_id,
        "url": outcome.url,
        "status": outcome.status,
        "new": outcome.new,
        "error": outcome.error,
    }


def _sentence(error: Exception, file: Any) -> str:
    """A reading problem as one sentence."""
    if isinstance(error, OSError):
        return f"{file} cannot be read ({error.strerror})."
    return str(error)
