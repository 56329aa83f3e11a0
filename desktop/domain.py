"""Plain, frozen values that cross layers: what the store returns and the window shows."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path


class SectionKind(enum.Enum):
    """Which articles a section of the list holds."""

    ALL = "all"
    UNREAD = "unread"
    BOOKMARKS = "bookmarks"
    SOURCE = "source"
    FOLDER = "folder"


@dataclass(frozen=True, slots=True)
class Section:
    """A view of the article list: all, unread, bookmarks, one source's articles, or the
    articles of the sources in one folder."""

    kind: SectionKind
    source_id: int | None = None
    folder: str | None = None

    @classmethod
    def of_source(cls, source_id: int) -> Section:
        """The section holding one source's articles."""
        return cls(SectionKind.SOURCE, source_id)

    @classmethod
    def of_folder(cls, folder: str) -> Section:
        """The section holding the articles of the sources in one folder."""
        return cls(SectionKind.FOLDER, folder=folder)


ALL = Section(SectionKind.ALL)
UNREAD = Section(SectionKind.UNREAD)
BOOKMARKS = Section(SectionKind.BOOKMARKS)


@dataclass(frozen=True, slots=True)
class Source:
    """A newspaper or feed that articles come from, with what its last refresh said."""

    id: int
    title: str
    url: str | None
    kind: str
    site_url: str | None = None
    folder: str | None = None
    last_error: str | None = None
    disabled: bool = False
    full_articles: bool = True


@dataclass(frozen=True, slots=True)
class Photo:
    """A photo cached on disk: the only kind of image the reader shows."""

    file: Path
    width: int
    height: int
    thumbnail: Path | None = None
    url: str | None = None  # where it was downloaded from


@dataclass(frozen=True, slots=True)
class ArticleRow:
    """What one line of the article list shows."""

    id: int
    title: str
    source: str
    url: str | None
    published: datetime | None
    read: bool
    bookmarked: bool
    thumbnail: Path | None = None
    # When the list files it: its publication time, else when it was stored (an undated page
    # sorts by when it was imported, never on top for ever).
    filed: datetime | None = None


@dataclass(frozen=True, slots=True)
class Article:
    """A whole article as the reader shows it; the body is sanitized HTML."""

    id: int
    title: str
    source: str
    url: str | None
    byline: str | None
    published: datetime | None
    summary: str | None
    body_html: str
    photo: Photo | None
    caption: str | None
    credit: str | None
    read: bool
    bookmarked_at: datetime | None
    # The pictures of the body that are cached, each by the address the body names it by.
    images: tuple[Photo, ...] = ()

    @property
    def bookmarked(self) -> bool:
        """Whether the article is bookmarked."""
        return self.bookmarked_at is not None


# How the figures of a page saved as text name their provider: "Saved page press-page.txt".
SAVED_PAGE_PROVIDER = "Saved page"


@dataclass(frozen=True, slots=True)
class Rate:
    """A currency's rate: how many units of ``code`` one unit of ``base`` buys.

    A snapshot is a figure kept from a page or an edition, not a live one; an undated figure
    is one whose source gave no time, and its ``as_of`` is when it was saved.
    """

    code: str
    base: str
    rate: Decimal
    as_of: datetime
    provider: str
    snapshot: bool = False
    undated: bool = False

    @property
    def freshness(self) -> tuple[bool, datetime]:
        """What ranks figures of one currency: any dated one above every undated one, then the
        later above the earlier."""
        return not self.undated, self.as_of


@dataclass(frozen=True, slots=True)
class Quote:
    """A stock quote with its change since the previous close."""

    symbol: str
    name: str
    price: Decimal
    change: Decimal
    percent: Decimal
    currency: str
    as_of: datetime
    provider: str
    snapshot: bool = False
    undated: bool = False  # as for a Rate: no time given, ``as_of`` is when it was saved

    @property
    def freshness(self) -> tuple[bool, datetime]:
        """What ranks quotes of one symbol: any dated one above every undated one, then the
        later above the earlier."""
        return not self.undated, self.as_of


@dataclass(frozen=True, slots=True)
class StoreStats:
    """Counts a person or a script may ask for."""

    articles: int
    unread: int
    bookmarks: int
    sources: int
    db_bytes: int


@dataclass(frozen=True, slots=True)
class Progress:
    """How far a long operation has come; yielded by generators that can be cancelled."""

    done: int
    total: int
    message: str


def from_timestamp(seconds: int | None) -> datetime | None:
    """Turn stored Unix seconds into an aware UTC datetime."""
    return None if seconds is None else datetime.fromtimestamp(seconds, UTC)


def to_timestamp(moment: datetime) -> int:
    """Turn an aware datetime into Unix seconds for the store."""
    if moment.tzinfo is None:
        raise ValueError("naive datetimes are ambiguous; give a time zone")
    return int(moment.timestamp())


@dataclass(frozen=True, slots=True)
class NewPhoto:
    """A photo to add to the cache: its bytes (and a thumbnail's), format, size and origin."""

    data: bytes
    content_type: str
    width: int
    height: int
    thumbnail: bytes | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class NewArticle:
    """An article on its way into the store; ``body_html`` is already sanitized."""

    guid: str
    title: str
    url: str | None
    byline: str | None
    published: datetime | None
    summary: str | None
    body_html: str
    body_text: str
    photo: NewPhoto | None = None
    caption: str | None = None
    credit: str | None = None
    content_hash: str | None = None
    extraction: str | None = None


@dataclass(frozen=True, slots=True)
class NewSource:
    """A source on its way into the store, with its articles."""

    title: str
    kind: str
    url: str | None
    site_url: str | None
    articles: tuple[NewArticle, ...] = ()


@dataclass(frozen=True, slots=True)
class MarketSnapshot:
    """Rates and quotes from one provider at one time (when ``undated``, the time it was saved:
    the source gave none)."""

    provider: str
    as_of: datetime
    rates: tuple[Rate, ...]
    quotes: tuple[Quote, ...]
    undated: bool = False


@dataclass(frozen=True, slots=True)
class ProviderStatus:
    """How the last refresh from one market provider (by its key) went, and the as-of time of
    the newest figure it has given."""

    key: str
    last_attempt: datetime | None
    last_success: datetime | None
    last_error: str | None
    figures: int
    newest: datetime | None = None


@dataclass(frozen=True, slots=True)
class Edition:
    """A bundle of sources and a market snapshot, such as the sample edition."""

    sources: tuple[NewSource, ...]
    market: MarketSnapshot | None = None
