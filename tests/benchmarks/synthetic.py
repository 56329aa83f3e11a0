"""A synthetic Broadsheet store of N articles for the benchmarks, built once and cached.

The store is made as the app makes one (``open_profile`` copies the ready-made store with the
sample edition; the currency names that the window's market panel keeps are kept too), then filled
with seeded-random articles over 200 sources, newest last so ids follow publication order as they
do in a real store. Each article has an image row pointing at one photo of a pool of generated
JPEGs (with thumbnails) in the images folder, and its text goes through the FTS5 triggers, so the
full-text index is the real one. The store is then sealed as after a clean exit.

Built stores are cached under ``.bench-cache/store-<N>-v<GENERATOR_VERSION>-schema<REVISION>/``
(a new schema revision builds anew: an older store would be migrated at every launch, and the
launch would time Alembic); runs work on copies (``copy_store``) so they never change the cached
one. Run as a script to build one ahead of time.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import shutil
import sqlite3
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageOps

from desktop.market import names
from desktop.paths import AppPaths, resolve
from desktop.profile import close_profile, open_profile
from desktop.store.database import connect, transaction
from desktop.store.images import cache_bytes
from desktop.store.market_data import freshest_rates
from desktop.store.schema import HEAD_REVISION

# Bump whenever the generated content changes, so a stale cached store is not reused.
# 2: profiles keep currency names; 3: the (read, source_id) index; 4: and currency minor units
GENERATOR_VERSION = 4
DEFAULT_ARTICLES = 100_000
SOURCE_COUNT = 200
PHOTO_COUNT = 300
BATCH_ROWS = 5_000
SEED = 20_261_126
SPAN_SECONDS = 730 * 86_400
VOCABULARY_SIZE = 40_000
NAME_SPACE = 300_000
READ_SHARE = 0.30
BOOKMARK_SHARE = 0.01
PHOTO_SIZE = (1200, 675)
THUMB_SIZE = (160, 90)
ROOT = Path(__file__).resolve().parents[2]
CACHE = ROOT / ".bench-cache"


def _words(text: str) -> list[str]:
    """The words of a block of text, in order."""
    return text.split()


COMMON_WORDS = _words(
    """
the of and to in a that is for on was with as by at from it said his her they be are has have
will not but an which their this who been were after more over year years new two also its about
up than other into last first when would out could there all some one while he she we our three
week month day since before through against under between city council government people local
time told work plan market police public water school state minister report service town police
"""
)
NEWS_WORDS = _words(
    """
harbour ferry quay island sound coast river bridge station railway train tram bus road street
square park garden library museum theatre orchestra choir festival concert exhibition gallery
hospital clinic doctor nurse patient school teacher pupil student college university research
science scientist study survey data budget tax rent housing tenant landlord mayor councillor
election vote voter party campaign candidate parliament court judge jury trial case police officer
fire crew storm wind rain flood drought snow frost weather forecast season summer winter spring
autumn farm farmer harvest crop grain orchard vineyard fishing boat fleet catch marsh wetland
forest tree bird species wildlife meadow hill valley mountain lake shore beach tide lighthouse
factory plant worker union strike wage job company business shop trader bakery brewery cafe
restaurant kitchen chef menu price cost inflation interest bank loan pension energy power grid
solar turbine heat pump insulation repair restoration volunteer charity community neighbour
resident family child parent elder visitor tourist passenger driver cyclist walker runner team
club match league cup final goal player coach stadium race record champion medal history archive
century decade anniversary memorial tower church hall roof window door stone iron glass timber
brick engine motor vessel hull deck crane dock warehouse depot route timetable delay closure
opening reopening project scheme proposal consultation meeting hearing decision ruling appeal
review inquiry audit contract license permit planning development site land building estate
market hall stall produce cheese bread fish meat vegetable fruit seed library book reader author
poet painter musician singer dancer actor director film radio newspaper editor reporter column
letter night star meteor comet telescope observatory sky moon planet astronomer satellite
"""
)
FIRST_NAMES = _words(
    """
Maren Tomas Ines Aled Priya Jonas Saoirse Kwame Lotte Ruairi Amara Felix Noor Declan Ilse Mateo
Yara Bram Sunniva Odhran Leila Casimir Hanne Rafael Orla Emeka Freya Anton Mirela Callum Signe Ravi
"""
)
LAST_NAMES = _words(
    """
Osei Lindqvist Moran Achterberg Kowalski Ferreira Nakamura Byrne Haugen Delacroix Mensah Quinlan
Varga Holloway Brennan Sato Okafor Lindgren Marsh Carvalho Dunmore Eriksen Fitzgerald Haddad
Ivanova Jensen Kearney Larsen Mbeki Novak Oyelaran Pereira
"""
)
PAPER_WORDS = _words(
    """
Gazette Herald Courier Chronicle Post Times Observer Echo Mercury Tribune Sentinel Record Argus
Advertiser Standard Journal Star Express Mail Messenger
"""
)
ONSETS = _words("b br c ch d dr f g gr h j k l m n p pr qu r s sh st t tr v w z")
VOWELS = _words("a e i o u ai ea ie oa ou")
CODAS = ["", "", "n", "r", "l", "s", "th", "nd", "rk", "st", "m", "x"]


@dataclass(frozen=True, slots=True)
class Photo:
    """One photo of the pool, as stored in the images folder."""

    file: str
    thumbnail: str
    width: int
    height: int
    size: int


@dataclass(frozen=True, slots=True)
class StoredSource:
    """A generated source: its id, the host its URLs use and its share of the articles."""

    id: int
    host: str


@dataclass(frozen=True, slots=True)
class Start:
    """Where the generated rows begin: the next free ids and the newest publication time."""

    source_id: int
    image_id: int
    article_id: int
    newest: int


@dataclass(frozen=True, slots=True)
class Batch:
    """Rows for one transaction: image rows and the articles that point at them."""

    images: list[tuple[object, ...]]
    articles: list[tuple[object, ...]]


@dataclass(frozen=True, slots=True)
class BuiltStore:
    """A cached store: its profile folder, article count, size, how long building it took, and
    whether this call found it already built."""

    folder: Path
    articles: int
    bytes: int
    seconds: float | None
    reused: bool


class Writer:
    """Seeded random text in a Zipf-like word distribution with a long tail of names."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.words = vocabulary()
        self.cumulative = list(
            itertools.accumulate(1.0 / (rank + 3) for rank in range(len(self.words)))
        )

    def words_of(self, count: int) -> list[str]:
        """``count`` words drawn from the distribution."""
        return self.rng.choices(self.words, cum_weights=self.cumulative, k=count)

    def sentence(self) -> str:
        """A sentence of 8 to 22 words, sometimes naming a person or place."""
        words = self.words_of(self.rng.randint(8, 22))
        if self.rng.random() < 0.35:
            words[self.rng.randrange(1, len(words))] = name_word(self.rng.randrange(NAME_SPACE))
        return " ".join(words).capitalize() + "."

    def title(self) -> str:
        """A headline of 40 to 110 characters."""
        target = self.rng.randint(40, 110)
        text = self.sentence()[:-1]
        while len(text) < target:
            text += " " + " ".join(self.words_of(4))
        return text[:target].rstrip()

    def byline(self) -> str:
        """A reporter's byline."""
        return f"By {self.rng.choice(FIRST_NAMES)} {self.rng.choice(LAST_NAMES)}"

    def summary(self) -> str:
        """A standfirst of about 200 characters."""
        text = self.sentence()
        while len(text) < 180:
            text += " " + self.sentence()
        return text[:220].rsplit(" ", 1)[0] + "."

    def body(self, url: str) -> tuple[str, str]:
        """An article body of 2 to 8 KB of HTML with subheadings, and its plain text."""
        target = self.rng.randint(2_000, 8_000)
        html: list[str] = []
        text: list[str] = []
        size = 0
        while size < target:
            if html and self.rng.random() < 0.2:
                heading = self.title()[: self.rng.randint(20, 45)].rstrip()
                html.append(f"<h2>{heading}</h2>")
                text.append(heading)
            plain, marked = self._paragraph(url)
            html.append(f"<p>{marked}</p>")
            text.append(plain)
            size += len(html[-1]) + 1
        return "\n".join(html), "\n".join(text)

    def _paragraph(self, url: str) -> tuple[str, str]:
        """2 to 5 sentences, as plain text and as HTML with a word in emphasis or a link."""
        plain = " ".join(self.sentence() for _ in range(self.rng.randint(2, 5)))
        words = plain.split(" ")
        marked = list(words)
        chance = self.rng.random()
        if chance < 0.15:
            at = self.rng.randrange(len(words))
            marked[at] = f"<em>{words[at]}</em>"
        elif chance < 0.22:
            at = self.rng.randrange(len(words))
            marked[at] = f'<a href="{url}#more">{words[at]}</a>'
        return plain, " ".join(marked)


def vocabulary() -> list[str]:
    """Every ordinary word the generator writes, most frequent first (the same every time)."""
    rng = random.Random(SEED + 2)
    words = dict.fromkeys(COMMON_WORDS + NEWS_WORDS)
    while len(words) < VOCABULARY_SIZE:
        syllables = rng.randint(2, 3)
        words.setdefault("".join(_syllable(rng.randrange(10_000)) for _ in range(syllables)))
    return list(words)


def name_word(number: int) -> str:
    """The proper name with this number: rare words, each in only a handful of articles."""
    parts = []
    for _ in range(3):
        number, digit = divmod(number, 10_000)
        parts.append(_syllable(digit))
    return "".join(parts).capitalize()


def _syllable(number: int) -> str:
    """One syllable chosen by a number below 10,000."""
    onset = ONSETS[number % len(ONSETS)]
    vowel = VOWELS[(number // len(ONSETS)) % len(VOWELS)]
    coda = CODAS[(number // (len(ONSETS) * len(VOWELS))) % len(CODAS)]
    return onset + vowel + coda


def search_queries(count: int = 50) -> list[str]:
    """What people type into the search box: common and rare words, prefixes, 1-3 words."""
    rng = random.Random(SEED + 3)
    words = vocabulary()
    common, middle, rare = words[:300], words[300:5_000], words[20_000:]
    makers = [
        lambda: rng.choice(common),
        lambda: rng.choice(rare),
        lambda: name_word(rng.randrange(NAME_SPACE)).lower(),
        lambda: rng.choice(common)[: rng.randint(2, 4)],
        lambda: f"{rng.choice(common)} {rng.choice(common)}",
        lambda: f"{rng.choice(common)} {rng.choice(middle)[:3]}",
        lambda: f"{rng.choice(middle)} {rng.choice(rare)}",
        lambda: f"{rng.choice(common)} {rng.choice(common)} {rng.choice(common)[:3]}",
        lambda: f"{rng.choice(middle)} {rng.choice(middle)}",
        lambda: f"{rng.choice(common)} {rng.choice(middle)} {rng.choice(common)}",
    ]
    return [makers[number % len(makers)]() for number in range(count)]


def cached_store(articles: int = DEFAULT_ARTICLES, cache: Path = CACHE) -> BuiltStore:
    """The cached store of ``articles`` articles, built first if it is not there yet."""
    folder = cache / f"store-{articles}-v{GENERATOR_VERSION}-schema{HEAD_REVISION}"
    record = folder.with_name(f"{folder.name}.json")
    reused = is_sealed(folder)
    if not reused:
        seconds = _build_into(folder, articles)
        record.write_text(json.dumps({"articles": articles, "seconds": round(seconds, 1)}))
    return BuiltStore(folder, articles, _folder_bytes(folder), _recorded_seconds(record), reused)


def _recorded_seconds(record: Path) -> float | None:
    """How long building the cached store took, as recorded beside it."""
    try:
        return float(json.loads(record.read_text())["seconds"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def copy_store(store: Path, target: Path) -> Path:
    """Copy a store's profile folder, keeping file times so its seal stays valid."""
    shutil.copytree(store, target)
    return target


def is_sealed(folder: Path) -> bool:
    """Whether the profile's store is as its last clean close left it (so no check at start)."""
    paths = resolve(folder)
    try:
        recorded = json.loads(paths.store_seal.read_text())
        status = paths.store.stat()
    except (OSError, ValueError):
        return False
    return bool(recorded == {"size": status.st_size, "mtime_ns": status.st_mtime_ns})


def _build_into(folder: Path, articles: int) -> float:
    """Build a store in a scratch folder beside ``folder`` and move it into place; the seconds."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    scratch = folder.with_name(f"{folder.name}.partial-{os.getpid()}")
    shutil.rmtree(scratch, ignore_errors=True)
    started = time.monotonic()
    build(scratch, articles)
    seconds = time.monotonic() - started
    shutil.rmtree(folder, ignore_errors=True)
    scratch.rename(folder)
    return seconds


def build(folder: Path, articles: int) -> None:
    """Create a profile in ``folder`` as the app would and fill it with ``articles`` articles."""
    paths = resolve(folder)
    open_profile(paths)
    connection = connect(paths.store)
    try:
        keep_currency_names(connection, paths)
        rng = random.Random(SEED)
        start = _start(connection)
        photos = make_photos(paths.images, random.Random(SEED + 1))
        sources = _insert_sources(connection, rng, start)
        for batch in _batches(Writer(rng), sources, photos, start, articles):
            with transaction(connection):
                connection.executemany(IMAGE_INSERT, batch.images)
                connection.executemany(ARTICLE_INSERT, batch.articles)
        connection.execute("PRAGMA optimize")
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()
    close_profile(paths)


def keep_currency_names(connection: sqlite3.Connection, paths: AppPaths) -> None:
    """Keep the names and minor units of the stored currencies in the profile, as the window's
    market panel does once it is first filled, so a launch on the store does not look them up in
    babel again."""
    names.remember_names_in(paths.currency_names)
    for rate in freshest_rates(connection):
        for code in (rate.code, rate.base):
            names.currency_name(code)
            names.minor_places(code)
    names.save_remembered_names()


def _start(connection: sqlite3.Connection) -> Start:
    """The next free ids after the sample edition, and a newest time an hour after its newest."""
    source, image, article, newest = connection.execute(
        "SELECT (SELECT coalesce(max(id), 0) FROM sources), (SELECT coalesce(max(id), 0) "
        "FROM images), (SELECT coalesce(max(id), 0) FROM articles), "
        "(SELECT coalesce(max(dated), 0) FROM articles)"
    ).fetchone()
    return Start(source + 1, image + 1, article + 1, max(newest, 1_700_000_000) + 3_600)


def make_photos(images: Path, rng: random.Random) -> list[Photo]:
    """Generate the pool of photos and thumbnails and put them in the profile's photo cache."""
    with tempfile.TemporaryDirectory(prefix="broadsheet-photos-") as scratch:
        return [_cached_photo(images, Path(scratch), rng, number) for number in range(PHOTO_COUNT)]


def _cached_photo(images: Path, scratch: Path, rng: random.Random, number: int) -> Photo:
    """Draw one photo, save it and its thumbnail as JPEG, and cache both like the app does."""
    picture = _draw_photo(rng)
    photo_file, thumb_file = scratch / f"photo-{number}.jpg", scratch / f"thumb-{number}.jpg"
    picture.save(photo_file, "JPEG", quality=82)
    ImageOps.fit(picture, THUMB_SIZE).save(thumb_file, "JPEG", quality=80)
    return Photo(
        file=cache_bytes(images, photo_file.read_bytes(), ".jpg"),
        thumbnail=cache_bytes(images, thumb_file.read_bytes(), ".jpg"),
        width=picture.width,
        height=picture.height,
        size=photo_file.stat().st_size,
    )


def _draw_photo(rng: random.Random) -> Image.Image:
    """A photo-like picture: a sky-to-ground gradient, soft shapes and some grain."""
    sky, ground = _colour(rng), _colour(rng)
    gradient = Image.linear_gradient("L").resize(PHOTO_SIZE)
    picture = ImageOps.colorize(gradient, sky, ground)
    draw = ImageDraw.Draw(picture)
    width, height = PHOTO_SIZE
    for _ in range(rng.randint(8, 16)):
        left, top = rng.randrange(width), rng.randrange(height // 3, height)
        box = (left, top, left + rng.randint(40, 400), top + rng.randint(30, 300))
        shape = draw.ellipse if rng.random() < 0.5 else draw.rectangle
        shape(box, fill=_colour(rng))
    picture = picture.filter(ImageFilter.GaussianBlur(3))
    grain = Image.frombytes("L", PHOTO_SIZE, rng.randbytes(width * height)).convert("RGB")
    return Image.blend(picture, grain, 0.08)


def _colour(rng: random.Random) -> tuple[int, int, int]:
    """A random RGB colour."""
    return (rng.randrange(256), rng.randrange(256), rng.randrange(256))


def _insert_sources(
    connection: sqlite3.Connection, rng: random.Random, start: Start
) -> list[StoredSource]:
    """Insert the generated sources; return them in id order."""
    created = start.newest - SPAN_SECONDS - 86_400
    sources, rows = [], []
    for offset in range(SOURCE_COUNT):
        town = name_word(rng.randrange(NAME_SPACE))
        host = f"{town.lower()}-{offset}.example"
        title = f"The {town} {rng.choice(PAPER_WORDS)}"
        sources.append(StoredSource(start.source_id + offset, host))
        rows.append(
            (sources[-1].id, title, f"https://{host}/feed.xml", f"https://{host}/", created)
        )
    with transaction(connection):
        connection.executemany(
            "INSERT INTO sources (id, title, kind, url, site_url, created) "
            "VALUES (?, ?, 'feed', ?, ?, ?)",
            rows,
        )
    return sources


IMAGE_INSERT = (
    "INSERT INTO images (id, url, file, thumbnail, content_type, width, height, bytes, fetched) "
    "VALUES (?, ?, ?, ?, 'image/jpeg', ?, ?, ?, ?)"
)
ARTICLE_INSERT = (
    "INSERT INTO articles (id, source_id, guid, url, title, byline, published, fetched, dated, "
    "summary, body_html, body_text, image_id, caption, credit, read, bookmarked) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def _batches(
    writer: Writer,
    sources: Sequence[StoredSource],
    photos: Sequence[Photo],
    start: Start,
    count: int,
) -> Iterator[Batch]:
    """Rows for ``count`` articles, oldest first, ``BATCH_ROWS`` at a time."""
    times = _publication_times(writer.rng, start.newest, count)
    weights = list(itertools.accumulate(1.0 / (rank + 5) for rank in range(len(sources))))
    for first in range(0, count, BATCH_ROWS):
        batch = Batch([], [])
        for offset in range(first, min(first + BATCH_ROWS, count)):
            source = writer.rng.choices(sources, cum_weights=weights)[0]
            photo = photos[writer.rng.randrange(len(photos))]
            _add_article(batch, writer, source, photo, start, offset, times[offset])
        yield batch


def _publication_times(rng: random.Random, newest: int, count: int) -> list[int]:
    """``count`` times over the two years up to ``newest``, oldest first, the last ``newest``."""
    earlier = sorted(rng.randrange(newest - SPAN_SECONDS, newest) for _ in range(count - 1))
    return [*earlier, newest]


def _add_article(
    batch: Batch,
    writer: Writer,
    source: StoredSource,
    photo: Photo,
    start: Start,
    offset: int,
    published: int,
) -> None:
    """Append one article and its image row to the batch."""
    rng = writer.rng
    article_id, image_id = start.article_id + offset, start.image_id + offset
    fetched = published + rng.randint(60, 1_800)
    title = writer.title()
    year = time.gmtime(published).tm_year
    url = f"https://{source.host}/{year}/{'-'.join(title.lower().split()[:5])}-{article_id}"
    html, text = writer.body(url)
    read = rng.random() < READ_SHARE
    bookmarked = (
        min(start.newest, fetched + rng.randint(60, 30 * 86_400))
        if rng.random() < BOOKMARK_SHARE
        else None
    )
    batch.images.append(
        (image_id, f"https://{source.host}/images/{article_id}.jpg", photo.file,
         photo.thumbnail, photo.width, photo.height, photo.size, fetched)
    )  # fmt: skip
    batch.articles.append(
        (article_id, source.id, url, url, title, writer.byline(), published, fetched, published,
         writer.summary(), html, text, image_id, writer.title()[:90],
         f"Photo: {rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}", int(read), bookmarked)
    )  # fmt: skip


def _folder_bytes(folder: Path) -> int:
    """The size of every file under ``folder``."""
    return sum(file.stat().st_size for file in folder.rglob("*") if file.is_file())


def main(argv: Sequence[str] | None = None) -> int:
    """Build (or find) the cached store of N articles and say where it is."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--articles", type=int, default=DEFAULT_ARTICLES, metavar="N")
    arguments = parser.parse_args(argv)
    built = cached_store(arguments.articles)
    took = "?" if built.seconds is None else f"{built.seconds:.1f}"
    how = f"{'reused, ' if built.reused else ''}generated in {took} s"
    print(f"{built.folder}: {built.articles:,} articles, {built.bytes / 1e6:,.0f} MB, {how}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
