"""The command line: headless commands over the same store as the window; never imports Qt.

``broadsheet`` with no command opens the window (see ``desktop.__main__``). Every failure a person
can cause (a missing id, a bad argument, an unusable store) is one line on stderr and exit code 1;
the details of anything unexpected go to the log file.
"""

from __future__ import annotations

import argparse
import logging
import os
import sqlite3
import sys
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from decimal import ROUND_HALF_EVEN, Context, Decimal
from pathlib import Path
from typing import Any, NoReturn

from desktop import logfile, version
from desktop.cli_common import UsageError, print_json
from desktop.cli_terminal import guard_terminals
from desktop.domain import ALL, BOOKMARKS, UNREAD, Article, ArticleRow, Section
from desktop.paths import AppPaths, resolve, window_open_on
from desktop.store import articles
from desktop.store.database import connect
from desktop.store.errors import StoreError, StoreLockedError, classify, is_disk_full
from desktop.wording import count, long_date, size

log = logging.getLogger(__name__)

SECTIONS = {"all": ALL, "unread": UNREAD, "bookmarks": BOOKMARKS}
# A rate printed beside a conversion: six significant digits, as in the Markets panel.
_RATE_DIGITS = Context(prec=6, rounding=ROUND_HALF_EVEN)
TARGET_HELP = "a feed, OPML file or saved page to import, or a feed: link to subscribe to"


class _Parser(argparse.ArgumentParser):
    """An argument parser that reports a mistake in one line and exits with 1."""

    def error(self, message: str) -> NoReturn:
        self.exit(1, f"{self.prog}: {message} (see '{self.prog} --help')\n")


def build_parser(with_commands: bool = True) -> argparse.ArgumentParser:
    """The parser for every command; no command means: open the window."""
    parser = _Parser(prog="broadsheet", description="Read the news, offline.")
    parser.add_argument("--version", action="version", version=f"Broadsheet {version()}")
    parser.add_argument("--data-dir", type=Path, help="keep the store and settings in DIR")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check that this install works (in a temporary folder, off screen) and exit",
    )
    if not with_commands:
        parser.set_defaults(command=None)
        parser.add_argument("targets", nargs="*", metavar="TARGET", help=TARGET_HELP)
        return parser
    parser.set_defaults(targets=[])
    parser.epilog = f"Without a command the window opens; each TARGET is {TARGET_HELP}."
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    listing = commands.add_parser("list", help="list articles, newest first")
    listing.add_argument("--section", choices=sorted(SECTIONS), default="all")
    listing.add_argument("--search", default="", metavar="Q", help="only articles matching Q")
    listing.add_argument("--limit", type=positive_number, default=50, metavar="N")
    listing.add_argument("--json", action="store_true", help="print JSON")

    show = commands.add_parser("show", help="show one article")
    show.add_argument("id", type=positive_number)
    show.add_argument("--json", action="store_true", help="print JSON")

    bookmark = commands.add_parser("bookmark", help="bookmark an article")
    bookmark.add_argument("id", type=positive_number)
    bookmark.add_argument("--off", action="store_true", help="remove the bookmark instead")

    bookmarks = commands.add_parser("bookmarks", help="work with bookmarks")
    actions = bookmarks.add_subparsers(dest="action", metavar="ACTION", parser_class=_Parser)
    actions.required = True
    export = actions.add_parser("export", help="write bookmarks to FILE (.html or .md)")
    export.add_argument("file", type=Path)

    stats = commands.add_parser("stats", help="count articles, bookmarks and sources")
    stats.add_argument("--json", action="store_true", help="print JSON")

    market = commands.add_parser("market", help="show currency rates and stock quotes")
    market.add_argument("--base", default=None, metavar="CODE", help="express rates in CODE")
    market.add_argument("--json", action="store_true", help="print JSON")
    market_actions = market.add_subparsers(dest="action", metavar="ACTION", parser_class=_Parser)
    market_refresh = market_actions.add_parser("refresh", help="fetch the latest figures")
    market_refresh.add_argument("--json", action="store_true", help="print JSON")

    convert = commands.add_parser("convert", help="convert an amount between two currencies")
    convert.add_argument("amount", type=amount, metavar="AMOUNT")
    convert.add_argument("source", type=currency_code, metavar="FROM")
    convert.add_argument("target", type=currency_code, metavar="TO")
    convert.add_argument("--json", action="store_true", help="print JSON")
    _add_news_commands(commands)
    return parser


def wants_command(words: Sequence[str]) -> bool:
    """Whether ``words`` run a command (or ask for help) rather than open the window.

    Only the first word that is not an option can name a command, so a file or link given to the
    window is never taken for one; a bare word that names no file is a command, perhaps mistyped.
    """
    if any(word in ("-h", "--help") for word in words):
        return True
    opening, _ = build_parser(with_commands=False).parse_known_args(words)
    if not opening.targets:
        return False
    first: str = opening.targets[0]
    return first in COMMANDS or not _names_a_target(first)


def _names_a_target(word: str) -> bool:
    """Whether a word can only be a target: a link, a path, a file name or an existing file."""
    from desktop.ingest.targets import scheme_of

    return bool(scheme_of(word)) or any(mark in word for mark in "/\\.") or Path(word).exists()


def _add_news_commands(commands: Any) -> None:
    """The commands that bring news in: subscriptions, OPML, refresh, import, extract."""
    feeds = commands.add_parser("feeds", help="work with subscriptions")
    feed_actions = feeds.add_subparsers(dest="action", metavar="ACTION", parser_class=_Parser)
    feed_actions.required = True
    add = feed_actions.add_parser("add", help="subscribe to a feed, or to the feed of a site")
    add.add_argument("url")
    add.add_argument("--folder", default=None, help="put the subscription in FOLDER")
    add.add_argument("--json", action="store_true", help="print JSON")
    listing = feed_actions.add_parser("list", help="list subscriptions")
    listing.add_argument("--json", action="store_true", help="print JSON")
    remove = feed_actions.add_parser("remove", help="unsubscribe (bookmarked articles stay)")
    remove.add_argument("id", type=positive_number)

    opml = commands.add_parser("opml", help="import or export subscriptions as OPML")
    opml_actions = opml.add_subparsers(dest="action", metavar="ACTION", parser_class=_Parser)
    opml_actions.required = True
    opml_import = opml_actions.add_parser("import", help="subscribe to every feed of FILE")
    opml_import.add_argument("file", type=Path)
    opml_import.add_argument("--refresh", action="store_true", help="then fetch the new ones")
    opml_actions.add_parser("export", help="write every subscription to FILE").add_argument(
        "file", type=Path
    )

    refresh = commands.add_parser("refresh", help="fetch what is new from every subscription")
    refresh.add_argument("--json", action="store_true", help="print JSON")
    refresh.add_argument("--no-images", action="store_true", help="do not download photos")
    refresh.add_argument(
        "--source", type=positive_number, action="append", metavar="ID", help="only source ID"
    )

    imports = commands.add_parser("import", help="store a feed, OPML file or saved page")
    imports.add_argument("file")  # not a Path yet: "htp://x" would lose a slash
    imports.add_argument("--json", action="store_true", help="print JSON")

    extract = commands.add_parser("extract", help="show the article a page holds, storing nothing")
    extract.add_argument("location", metavar="PATH_OR_URL")
    extract.add_argument("--json", action="store_true", help="print JSON")


def run(arguments: argparse.Namespace) -> int:
    """Run a parsed command; return the exit code."""
    from desktop.profile import close_profile, open_profile

    guard_terminals()
    paths = resolve(arguments.data_dir)
    logfile.configure(paths.log_file)
    try:
        report = open_profile(paths)
        if report.notice() and not report.read_only:  # a write says why it cannot
            print(report.notice(), file=sys.stderr)
        connection = connect(paths.store)
        try:
            return COMMANDS[arguments.command](arguments, connection, paths)
        finally:
            connection.close()
            close_profile(paths)
    except StoreLockedError as error:
        return _fail(_locked(error, paths))
    except (UsageError, StoreError, articles.ArticleNotFoundError) as error:
        return _fail(str(error))
    except BrokenPipeError:
        # The reader of our output went away (``broadsheet list | head``): nothing to say.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except sqlite3.Error as error:
        log.exception("Store error")
        return _fail(_with_details(str(classify(error, paths.store)), paths))
    except OSError as error:
        log.exception("File error")
        return _fail(_file_sentence(error))
    except Exception as error:
        log.exception("Unexpected failure")
        return _fail(_unexpected(error, paths.log_file))


def _with_details(sentence: str, paths: AppPaths) -> str:
    """A sentence ending with where the log's details are, when the log could be written."""
    return f"{sentence.removesuffix('.')}{logfile.details(paths.log_file)}."


def _file_sentence(error: OSError) -> str:
    """One sentence about a file that could not be read or written."""
    where = error.filename or "a file"
    if is_disk_full(error):
        return f"Could not write {where}: the disk is full; make room and try again."
    return f"Could not use {where}: {error.strerror or error}."


def _list(arguments: argparse.Namespace, connection: sqlite3.Connection, paths: AppPaths) -> int:
    """``list``: articles of a section, or search results, newest first."""
    section: Section = SECTIONS[arguments.section]
    rows = articles.page(
        connection, section, search=arguments.search, limit=arguments.limit, images=paths.images
    ).rows
    if arguments.json:
        return print_json([_row_json(row) for row in rows])
    for row in rows:
        marks = ("★" if row.bookmarked else " ") + (" " if row.read else "•")
        print(f"{row.id:>7} {marks} {_short_date(row.published)}  {row.source}: {row.title}")
    if not rows:
        print("No articles match." if arguments.search else "No articles here yet.")
    return 0


def _show(arguments: argparse.Namespace, connection: sqlite3.Connection, paths: AppPaths) -> int:
    """``show``: one whole article."""
    article = articles.get(connection, arguments.id, paths.images)
    if arguments.json:
        return print_json(_article_json(article))
    from desktop.ingest.text import html_to_text

    print(article.title)
    published = long_date(article.published) if article.published else None
    print(" · ".join(p for p in (article.byline, article.source, published) if p))
    if article.caption or article.credit:
        print(f"[Photo] {' / '.join(p for p in (article.caption, article.credit) if p)}")
    print()
    print(html_to_text(article.body_html).replace("\n", "\n\n"))
    return 0


def _bookmark(arguments: argparse.Namespace, connection: sqlite3.Connection, _: AppPaths) -> int:
    """``bookmark``: bookmark an article, or remove its bookmark with ``--off``."""
    from desktop.store.database import transaction

    with transaction(connection):
        when = articles.set_bookmarked(connection, arguments.id, not arguments.off)
    print(f"Bookmarked article {arguments.id}." if when else "Removed the bookmark.")
    return 0


def _bookmarks(
    arguments: argparse.Namespace, connection: sqlite3.Connection, paths: AppPaths
) -> int:
    """``bookmarks export FILE``: write every bookmark to an HTML or Markdown file."""
    from desktop.export import ExportFormatError, export_format, write_bookmarks

    try:
        export_format(arguments.file)
    except ExportFormatError as error:
        raise UsageError(str(error)) from None
    saved = articles.bookmarked(connection, paths.images)
    write_bookmarks(saved.articles, arguments.file, datetime.now(UTC))
    exported = f"Exported {count(len(saved.articles), 'bookmark')} to {arguments.file}"
    if saved.unreadable:
        print(f"{exported}{saved.unreadable_sentence()}.", file=sys.stderr)
        return 2
    print(f"{exported}.")
    return 0


def _stats(arguments: argparse.Namespace, connection: sqlite3.Connection, paths: AppPaths) -> int:
    """``stats``: counts and the store's size (in bytes in JSON, in KB, MB or GB in text)."""
    counts = articles.stats(connection, paths.store)
    if arguments.json:
        return print_json(
            {
                "articles": counts.articles,
                "unread": counts.unread,
                "bookmarks": counts.bookmarks,
                "sources": counts.sources,
                "db_bytes": counts.db_bytes,
            }
        )
    shown = {
        "Articles": f"{counts.articles:,}",
        "Unread": f"{counts.unread:,}",
        "Bookmarks": f"{counts.bookmarks:,}",
        "Sources": f"{counts.sources:,}",
        "Store size": size(counts.db_bytes),
    }
    for label, value in shown.items():
        print(f"{label:>10}: {value}")
    return 0


def _market(arguments: argparse.Namespace, connection: sqlite3.Connection, paths: AppPaths) -> int:
    """``market``: rates against a base currency, and quotes, each with its age and provider;
    ``market refresh``: the latest figures from every provider."""
    if arguments.action == "refresh":
        return _news("market_refresh")(arguments, connection, paths)
    from desktop.market import names
    from desktop.market.rates import UnknownCurrencyError
    from desktop.market.report import market_report, print_market
    from desktop.settings import load
    from desktop.store.market_data import freshest_quotes, freshest_rates

    base = (arguments.base or load(paths.settings).base_currency).upper()
    names.remember_names_in(paths.currency_names)
    try:
        report = market_report(freshest_rates(connection), freshest_quotes(connection), base)
    except UnknownCurrencyError as error:
        raise UsageError(str(error)) from None
    names.save_remembered_names()
    if arguments.json:
        return print_json(report)
    print_market(report)
    return 0


def _convert(arguments: argparse.Namespace, connection: sqlite3.Connection, paths: AppPaths) -> int:
    """``convert AMOUNT FROM TO``: exactly, rounded to the target's minor units."""
    from desktop.market.rates import UnknownCurrencyError, convert, rate_is_stale, retired
    from desktop.market.report import when_text
    from desktop.store.market_data import freshest_rates

    rates = freshest_rates(connection)
    try:
        done = convert(arguments.amount, arguments.source, arguments.target, rates)
    except UnknownCurrencyError as error:
        successor = retired(error.code)
        if successor is not None:
            raise UsageError(
                f"{error.code} is a retired currency: {successor[1]} Use {successor[0]}."
            ) from None
        raise UsageError(str(error)) from None
    stale = any(
        rate_is_stale(rate, datetime.now(UTC))
        for rate in rates
        if rate.code in {done.from_code, done.to_code} and rate.provider in done.providers
    )
    if arguments.json:
        return print_json(
            {
                "amount": str(done.amount),
                "from": done.from_code,
                "to": done.to_code,
                "result": str(done.result),
                "rate": str(done.rate),
                "as_of": None if done.undated else iso(done.as_of),
                "undated": done.undated,
                "saved": iso(done.as_of) if done.undated else None,
                "providers": list(done.providers),
                "stale": stale,
            }
        )
    print(f"{done.amount:,f} {done.from_code} = {done.result:,f} {done.to_code}")
    note = ", not current" if stale else ""
    shown_rate = _shown_rate(done.rate)
    print(
        f"1 {done.from_code} = {shown_rate:f} {done.to_code}, {when_text(done.as_of, done.undated)}"
        f" ({', '.join(done.providers)}{note})"
    )
    for code in dict.fromkeys((done.from_code, done.to_code)):
        if (successor := retired(code)) is not None:
            print(f"{code} is retired: {successor[1]} Its successor is {successor[0]}.")
    return 0


def _shown_rate(rate: Decimal) -> Decimal:
    """A rate to six significant digits, as the panel shows it; whole digits are never rounded
    away (3,622,552.5 bolívares per dollar is 3622553, not 3622550)."""
    if rate.adjusted() >= _RATE_DIGITS.prec:
        return rate.quantize(Decimal(1), ROUND_HALF_EVEN)
    return _RATE_DIGITS.plus(rate).normalize()


def _news(name: str) -> Command:
    """A command of ``desktop.cli_news``, imported only when it runs (it needs the network
    libraries, which ``list`` and the others never load)."""

    def command(
        arguments: argparse.Namespace, connection: sqlite3.Connection, paths: AppPaths
    ) -> int:
        from desktop import cli_news

        result: int = getattr(cli_news, name)(arguments, connection, paths)
        return result

    return command


Command = Callable[[argparse.Namespace, sqlite3.Connection, AppPaths], int]
COMMANDS: dict[str, Command] = {
    "list": _list,
    "show": _show,
    "bookmark": _bookmark,
    "bookmarks": _bookmarks,
    "stats": _stats,
    "market": _market,
    "convert": _convert,
    "feeds": _news("feeds"),
    "opml": _news("opml"),
    "refresh": _news("refresh"),
    "import": _news("import_document"),
    "extract": _news("extract"),
}


def _row_json(row: ArticleRow) -> dict[str, Any]:
    """A list row as JSON."""
    return {
        "id": row.id,
        "title": row.title,
        "source": row.source,
        "published": iso(row.published),
        "url": row.url,
        "read": row.read,
        "bookmarked": row.bookmarked,
    }


def _article_json(article: Article) -> dict[str, Any]:
    """A whole article as JSON."""
    return {
        "id": article.id,
        "title": article.title,
        "source": article.source,
        "url": article.url,
        "byline": article.byline,
        "published": iso(article.published),
        "summary": article.summary,
        "body_html": article.body_html,
        "image": str(article.photo.file) if article.photo else None,
        "caption": article.caption,
        "credit": article.credit,
        # The pictures of the body kept for reading offline, by the address the body names.
        "images": [{"url": photo.url, "file": str(photo.file)} for photo in article.images],
        "read": article.read,
        "bookmarked": article.bookmarked,
        "bookmarked_at": iso(article.bookmarked_at),
    }


def iso(moment: datetime | None) -> str | None:
    """A time as ISO 8601 in UTC."""
    return moment.astimezone(UTC).isoformat() if moment else None


def _short_date(moment: datetime | None) -> str:
    """A compact local date and time for the text listing."""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M") if moment else " " * 16


def positive_number(text: str) -> int:
    """An argument that must be a whole number above zero."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value} is not above zero")
    return value


def amount(text: str) -> Decimal:
    """An argument that must be an amount: "100", "1,250.50", "$0.5", "1 234,5", "2e3"."""
    from desktop.market.amounts import AmountError, read_amount

    try:
        return read_amount(text)
    except AmountError as error:  # the parser adds where to find help after the sentence
        raise argparse.ArgumentTypeError(str(error).removesuffix(".")) from None


def currency_code(text: str) -> str:
    """An argument that must be a three-letter currency code, in either case."""
    code = text.strip().upper()
    if len(code) != 3 or not code.isascii() or not code.isalpha():
        raise argparse.ArgumentTypeError(f"{text!r} is not a three-letter currency code")
    return code


def _locked(error: StoreLockedError, paths: AppPaths) -> str:
    """Why the store is busy: the window open on this data folder, when it is the one."""
    if not window_open_on(paths.data):
        return str(error)
    return (
        f"The store at {paths.store} is being written by the Broadsheet window open on this "
        "data folder; try again when it has finished."
    )


def _unexpected(error: Exception, log_file: Path) -> str:
    """One sentence of plain words for an error nobody foresaw (its class name stays in the log)."""
    lines = str(error).strip().splitlines()
    what = lines[0].strip().rstrip(".") if lines else ""
    said = (
        f"Something went wrong that Broadsheet does not handle ({what})"
        if what
        else ("Something went wrong that Broadsheet does not handle")
    )
    return f"{said}{logfile.details(log_file)}."


def _fail(message: str) -> int:
    """Print one line on stderr and return the failure exit code."""
    print(f"broadsheet: {message}", file=sys.stderr)
    return 1
