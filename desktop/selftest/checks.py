"""The self-test's checks, in order: each proves one thing a working install needs and returns
what it found, or raises ``CheckFailedError`` saying in a few words what is wrong."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt, QUrl
from PySide6.QtGui import QIcon, QImage, QTextDocument, QTextImageFormat
from PySide6.QtWidgets import QApplication

from desktop import licences, settings
from desktop.app import create_window
from desktop.domain import ALL, Article
from desktop.ingest import feedparsing
from desktop.ingest.edition import read_edition
from desktop.market.local_numbers import NumberLocale, written
from desktop.market.names import currency_name, minor_places
from desktop.paths import AppPaths, resource
from desktop.profile import close_profile, open_profile
from desktop.selftest import pixels
from desktop.store import articles, schema
from desktop.store.database import connect
from desktop.ui import binding
from desktop.ui.shell.main_window import MainWindow

WINDOW_SIZE = (1200, 800)
ICON_SIZE = 64
# A rendered article has text, rules and a photo: far more colours than an empty page's one or
# two. And the photo as painted must look like the photo: its average colour within this much.
MIN_RENDERED_COLOURS = 200
COLOUR_TOLERANCE = 12
TITLE_CHARACTERS = 40
# A photo's caption, which feedparser as shipped would make the article's summary.
MEDIA_FEED = (
    b'<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>C</title>'
    b'<item><title>T</title><media:content url="https://paper.example/p.jpg">'
    b"<media:description>The caption</media:description></media:content></item></channel></rss>"
)


class CheckFailedError(Exception):
    """A check found something wrong; the message says what, in a few words."""


@dataclass
class State:
    """The self-test's profile, and what each check hands on to the later ones."""

    paths: AppPaths
    edition_articles: int = 0
    window: MainWindow | None = None
    photo: QImage | None = None
    passed: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class Check:
    """One named check, the checks it needs, and what it does (returning what it found)."""

    name: str
    run: Callable[[State], str]
    needs: tuple[str, ...] = ()


def check_resources(state: State) -> str:
    """The sample edition, its photos and the icon are shipped, and the icon can be drawn."""
    edition = read_edition(resource("sample"))
    shipped = [item for source in edition.sources for item in source.articles]
    photos = sum(item.photo is not None for item in shipped)
    if not photos:
        raise CheckFailedError("the sample edition has no articles with photos")
    icon = resource("icons", "broadsheet.svg")
    if not icon.is_file():
        raise CheckFailedError(f"the icon {icon} is missing")
    if QIcon(str(icon)).pixmap(ICON_SIZE, ICON_SIZE).isNull():
        raise CheckFailedError("the icon cannot be drawn (is Qt's SVG image plugin shipped?)")
    state.edition_articles = len(shipped)
    return f"sample edition ({len(shipped)} articles, {photos} photos) and icon found"


# Currency names in other languages and minor units, from babel's locale and global data (the
# bundle ships the locale data trimmed to what the app asks: packaging/babel_data.py).
NAMED_CURRENCIES = (
    ("USD", "de", "US-Dollar"),
    ("GBP", "fr", "livre sterling"),
    ("JPY", "ja", "日本円"),
)


# Numbers as the Markets panel writes them in a few locales, from the same locale data.
WRITTEN_NUMBERS = (
    (NumberLocale("en_IN"), "-12,34,567.50"),
    (NumberLocale("de_CH"), "-1'234'567.50"),
    (
        NumberLocale("ar_EG", "\u0660"),
        "\u061c-\u0661\u066c\u0662\u0663\u0664\u066c\u0665\u0666\u0667\u066b\u0665\u0660",
    ),
)


def check_names(_: State) -> str:
    """Currency names come in the person's language, minor units are known, and numbers are
    written as each locale writes them."""
    for code, language, expected in NAMED_CURRENCIES:
        found = currency_name(code, language)
        if found != expected:
            raise CheckFailedError(f"{code} in {language} is named {found!r}, not {expected!r}")
    if minor_places("JPY") != 0 or minor_places("EUR") != 2:
        raise CheckFailedError("the currencies' minor units are not known")
    for style, expected in WRITTEN_NUMBERS:
        found = written(Decimal("-1234567.50"), style)
        if found != expected:
            raise CheckFailedError(f"{style.name} writes {found!r}, not {expected!r}")
    return (
        f"currency names in {len(NAMED_CURRENCIES)} languages, minor units and numbers in "
        f"{len(WRITTEN_NUMBERS)} locales found"
    )


def check_licences(_: State) -> str:
    """The metadata of every package we ship is there, so Help > About names their licences."""
    components = licences.shipped()
    missing = licences.unlisted(components)
    if missing:
        raise CheckFailedError(f"no licence information for {', '.join(missing)}")
    unstated = sum(item.licence == licences.UNKNOWN for item in components)
    return f"{len(components)} packages listed, {unstated} without a stated licence"


def check_patches(_: State) -> str:
    """The patches to feedparser's and PySide6's private code apply to the versions shipped,
    which they were checked with, and take effect."""
    import PySide6

    binding.apply()
    parser = feedparsing.apply()
    if not binding.applied():
        raise CheckFailedError("PySide6's check of each import was not patched")
    (entry,) = parser.parse(MEDIA_FEED).entries
    photo = entry.get("media_content", [{}])[0]
    if photo.get("broadsheet_media_description") != "The caption" or "summary" in entry:
        raise CheckFailedError("feedparser does not keep a photo's caption on the photo")
    return f"feedparser {parser.__version__} and PySide6 {PySide6.__version__}, as checked"


def check_migrations(_: State) -> str:
    """Alembic finds the migration scripts, and their head is the schema this code expects."""
    from alembic.script import ScriptDirectory

    if not (schema.MIGRATIONS / "env.py").is_file():
        raise CheckFailedError(f"there are no migration scripts in {schema.MIGRATIONS}")
    scripts = ScriptDirectory(str(schema.MIGRATIONS))
    head = scripts.get_current_head()
    if head != schema.HEAD_REVISION:
        raise CheckFailedError(f"the scripts end at {head}, not at {schema.HEAD_REVISION}")
    count = sum(1 for _ in scripts.walk_revisions())
    return f"{count} migration scripts found, head {head}"


def check_store(state: State) -> str:
    """A new store is copied from the shipped ready-made store (the migrations make one only
    when that cannot be used: a first start would take a second longer), is at the current
    schema and holds the whole sample edition."""
    report = open_profile(state.paths)
    connection = connect(state.paths.store)
    try:
        revision = schema.current_revision(connection)
        stored = articles.stats(connection, state.paths.store).articles
    finally:
        connection.close()
        close_profile(state.paths)
    if revision != schema.HEAD_REVISION:
        raise CheckFailedError(f"the new store is at schema {revision}, not {schema.HEAD_REVISION}")
    if not stored or (state.edition_articles and stored != state.edition_articles):
        raise CheckFailedError(f"{stored} articles stored of the {state.edition_articles} shipped")
    if not report.from_template:
        raise CheckFailedError("the shipped ready-made store could not be used")
    return f"{stored} sample articles, schema {revision}, copied from the ready-made store"


def check_window(state: State) -> str:
    """The window builds over the new store with every part ready, and shows (off screen)."""
    settings.save(settings.Settings(refresh_minutes=0), state.paths.settings)  # stay offline
    started = time.perf_counter()
    window = create_window(state.paths.data, complete=True)
    state.window = window
    window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)  # never on a person's screen
    window.resize(*WINDOW_SIZE)
    window.show()
    QApplication.processEvents()
    elapsed = (time.perf_counter() - started) * 1000
    if not window.isVisible():
        raise CheckFailedError("the window did not show")
    return f"built and shown in {elapsed:.0f} ms"


def check_photo(state: State) -> str:
    """An article with a photo opens: its headline, and its photo decoded at the shown size."""
    window = _window(state)
    article = _article_with_photo(state.paths)
    window.open_article(article.id)
    QApplication.processEvents()
    reader = window.reader
    if reader.article is None or reader.article.id != article.id:
        raise CheckFailedError(f"the reader did not open article {article.id}")
    document = reader.document()
    if article.title not in document.toPlainText():
        raise CheckFailedError("the reader does not show the headline")
    shown = _image_format(document)
    image = document.resource(QTextDocument.ResourceType.ImageResource.value, QUrl(shown.name()))
    if not isinstance(image, QImage) or image.isNull():
        raise CheckFailedError(f"the photo {QUrl(shown.name()).path()} could not be loaded")
    _check_photo_size(article, shown, image, reader.devicePixelRatioF())
    state.photo = image
    return f"“{_short(article.title)}” with its photo at {image.width()}×{image.height()}"


def check_render(state: State) -> str:
    """The reader renders to an image that is not blank, with the photo painted where it sits."""
    reader = _window(state).reader
    rendered = reader.grab().toImage()
    if rendered.isNull() or rendered.width() < reader.width():
        raise CheckFailedError("the reader could not be rendered")
    colours = pixels.colour_count(rendered)
    if colours < MIN_RENDERED_COLOURS:
        raise CheckFailedError(f"the rendered reader is blank ({colours} colours)")
    photo = state.photo
    assert photo is not None  # the photo check passed
    ratio = photo.devicePixelRatio()
    area = pixels.photo_area(
        reader, QSize(round(photo.width() / ratio), round(photo.height() / ratio))
    )
    if area is None or not reader.viewport().rect().contains(area.topLeft()):
        raise CheckFailedError("the photo is not in view")
    painted = reader.viewport().grab(area).toImage()
    difference = pixels.colour_distance(pixels.average(painted), pixels.average(photo))
    if difference > COLOUR_TOLERANCE:
        raise CheckFailedError(f"the painted photo is not the photo (colours {difference} apart)")
    return f"{rendered.width()}×{rendered.height()} pixels, {colours} colours, photo painted"


def check_close(state: State) -> str:
    """Closing the window finishes its work and closes the store cleanly (it is sealed)."""
    window = _window(state)
    if not window.close():
        raise CheckFailedError("the window refused to close")
    state.window = None
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    if not state.paths.store_seal.is_file():
        raise CheckFailedError("the store was not closed cleanly")
    return "window closed, store sealed"


CHECKS = (
    Check("resources", check_resources),
    Check("names", check_names),
    Check("licences", check_licences),
    Check("patches", check_patches),
    Check("migrations", check_migrations),
    Check("store", check_store),
    Check("window", check_window, ("store",)),
    Check("photo", check_photo, ("window",)),
    Check("render", check_render, ("photo",)),
    Check("close", check_close, ("window",)),
)


def _window(state: State) -> MainWindow:
    """The window the window check built."""
    if state.window is None:
        raise CheckFailedError("there is no window")
    return state.window


def _article_with_photo(paths: AppPaths) -> Article:
    """The newest article in the store that has a photo."""
    connection = connect(paths.store)
    try:
        for row in articles.page(connection, ALL, images=paths.images).rows:
            article = articles.get(connection, row.id, paths.images)
            if article.photo is not None:
                return article
    finally:
        connection.close()
    raise CheckFailedError("no article in the store has a photo")


def _image_format(document: QTextDocument) -> QTextImageFormat:
    """The format of the first image in a document."""
    block = document.begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            char_format = fragments.fragment().charFormat()
            if char_format.isImageFormat():
                return char_format.toImageFormat()
            fragments += 1
        block = block.next()
    raise CheckFailedError("the article shows no photo")


def _check_photo_size(
    article: Article, shown: QTextImageFormat, image: QImage, ratio: float
) -> None:
    """The photo was decoded at the width it is shown at, keeping its proportions."""
    assert article.photo is not None  # the article was chosen for its photo
    original = article.photo
    width = min(int(shown.width() * ratio), original.width)
    height = round(original.height * width / original.width)
    if image.width() != width or abs(image.height() - height) > 1:
        raise CheckFailedError(
            f"the photo is {image.width()}×{image.height()}, expected {width}×{height}"
        )


def _short(title: str) -> str:
    """A title cut short enough for a one-line report."""
    if len(title) <= TITLE_CHARACTERS:
        return title
    return title[: TITLE_CHARACTERS - 1].rstrip() + "…"
