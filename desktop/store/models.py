"""The store's schema as typed SQLAlchemy models, checked against the Alembic revisions' head.

Times are Unix seconds (UTC) in integer columns: compact, indexable and read without parsing.
Exchange rates and prices are decimal strings, so a figure comes back exactly as it was given.
The full-text index (``articles_fts``) is an FTS5 table kept in sync by triggers; SQLAlchemy cannot
describe virtual tables, so the migration creates it and ``FTS_TABLES`` names what it adds.

The Alembic revisions are the truth about a store's schema: they are what every store runs. These
models describe their head for Alembic's comparisons, and a test fails on any difference in tables,
columns, types, nullability, defaults, keys or indexes (``tests/unit/test_migrations.py``). A
default is the schema's (``server_default``), never Python's: the query modules write with plain
SQL, which no Python-side default reaches.
"""

from __future__ import annotations

from sqlalchemy import Boolean, ForeignKey, Index, Integer, MetaData, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
FTS_TABLES = frozenset(
    {"articles_fts", "articles_fts_data", "articles_fts_idx", "articles_fts_docsize",
     "articles_fts_config", "articles_fts_content"}
)  # fmt: skip


def include_object(
    obj: object, name: str | None, type_: str, reflected: bool, compare_to: object
) -> bool:
    """For Alembic: leave the FTS5 tables, which SQLAlchemy cannot describe, out of comparisons."""
    return not (type_ == "table" and name in FTS_TABLES)


class Base(DeclarativeBase):
    """Declarative base with stable constraint names, which batch migrations need."""

    metadata = MetaData(naming_convention=NAMING)


class SourceRecord(Base):
    """A newspaper, feed or imported file that articles come from."""

    __tablename__ = "sources"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(500))
    kind: Mapped[str] = mapped_column(String(20))
    url: Mapped[str | None] = mapped_column(Text, unique=True)
    site_url: Mapped[str | None] = mapped_column(Text)
    folder: Mapped[str | None] = mapped_column(String(200))
    created: Mapped[int] = mapped_column(Integer)
    # The name the person gave the source, which a refresh never overwrites.
    custom_title: Mapped[str | None] = mapped_column(String(500))
    # Fetch the article page when an entry carries only a summary.
    full_articles: Mapped[bool] = mapped_column(Boolean, server_default="1")
    # Conditional GET validators from the last answer.
    etag: Mapped[str | None] = mapped_column(Text)
    last_modified: Mapped[str | None] = mapped_column(Text)
    last_fetched: Mapped[int | None] = mapped_column(Integer)
    # The last refresh's failure as a plain sentence (None after a success), and since when.
    last_error: Mapped[str | None] = mapped_column(Text)
    failing_since: Mapped[int | None] = mapped_column(Integer)
    # Not to be asked again before this time (Retry-After).
    retry_after: Mapped[int | None] = mapped_column(Integer)
    # Set when the server says the feed is gone (HTTP 410); a disabled source is not refreshed.
    disabled: Mapped[bool] = mapped_column(Boolean, server_default="0")
    # Set when the person removed the source; its bookmarked articles stay, the rest go.
    removed: Mapped[int | None] = mapped_column(Integer)


class ImageRecord(Base):
    """A photo downloaded once and kept in the images folder, with its thumbnail."""

    __tablename__ = "images"
    __table_args__ = (Index(None, "file"),)  # a photo is found by its file, to store it once

    id: Mapped[int] = mapped_column(primary_key=True)
    url: Mapped[str | None] = mapped_column(Text, unique=True)
    file: Mapped[str] = mapped_column(Text)
    thumbnail: Mapped[str | None] = mapped_column(Text)
    content_type: Mapped[str] = mapped_column(String(100))
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    bytes: Mapped[int] = mapped_column(Integer)
    fetched: Mapped[int] = mapped_column(Integer)


class ArticleRecord(Base):
    """One article: its text, lead photo with caption and credit, read flag and bookmark."""

    __tablename__ = "articles"
    __table_args__ = (
        UniqueConstraint("source_id", "guid"),
        Index(None, "dated", "id"),
        Index(None, "source_id", "dated", "id"),
        Index(None, "read", "dated", "id"),
        Index(None, "read", "source_id"),  # covers the unread counts per source
        Index(None, "bookmarked", "id"),
        Index(None, "source_id", "url"),
        Index(None, "source_id", "content_hash"),
        Index(None, "fetched"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id"))
    guid: Mapped[str] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str] = mapped_column(Text)
    byline: Mapped[str | None] = mapped_column(Text)
    published: Mapped[int | None] = mapped_column(Integer)
    fetched: Mapped[int] = mapped_column(Integer)
    # The time the list files the article under: published, else fetched.
    dated: Mapped[int] = mapped_column(Integer)
    summary: Mapped[str | None] = mapped_column(Text)
    body_html: Mapped[str] = mapped_column(Text)
    body_text: Mapped[str] = mapped_column(Text)
    image_id: Mapped[int | None] = mapped_column(ForeignKey("images.id", ondelete="SET NULL"))
    caption: Mapped[str | None] = mapped_column(Text)
    credit: Mapped[str | None] = mapped_column(Text)
    read: Mapped[bool] = mapped_column(Boolean)
    bookmarked: Mapped[int | None] = mapped_column(Integer)
    # Normalised title and text, hashed: finds the same article under a new id or link.
    content_hash: Mapped[str | None] = mapped_column(String(64))
    # The full-article extraction: None when not tried, "done", or why it failed.
    extraction: Mapped[str | None] = mapped_column(Text)


class ArticleImageRecord(Base):
    """A picture of an article's body, downloaded and kept: the address the body names it by and
    the cached image the reader shows in its place (one image may serve many articles)."""

    __tablename__ = "article_images"
    __table_args__ = (Index(None, "image_id"),)

    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    url: Mapped[str] = mapped_column(Text, primary_key=True)
    image_id: Mapped[int] = mapped_column(ForeignKey("images.id", ondelete="CASCADE"))
    # The caption and credit of the picture's figure, which the lead photo takes when it is the
    # same picture and has none of its own.
    caption: Mapped[str | None] = mapped_column(Text)
    credit: Mapped[str | None] = mapped_column(Text)


class PendingRecord(Base):
    """Work a refresh left to do for a stored article: its page to fetch for the full text
    (``kind`` "page", ``url`` the page, ``photo`` the feed's own photo to fall back on), or a
    picture to download (``kind`` "picture", ``lead`` for its lead photo); tried again by later
    refreshes, each failure pushing the next try further off."""

    __tablename__ = "pending"
    __table_args__ = (Index(None, "next_try"),)

    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    kind: Mapped[str] = mapped_column(String(10), primary_key=True)
    url: Mapped[str] = mapped_column(Text, primary_key=True)
    lead: Mapped[bool] = mapped_column(Boolean, server_default="0")
    caption: Mapped[str | None] = mapped_column(Text)
    credit: Mapped[str | None] = mapped_column(Text)
    # The body's other addresses for a lead photo, one a line; a page's fallback photo.
    aliases: Mapped[str | None] = mapped_column(Text)
    photo: Mapped[str | None] = mapped_column(Text)
    attempts: Mapped[int] = mapped_column(Integer, server_default="0")
    next_try: Mapped[int] = mapped_column(Integer, server_default="0")
    # Why the last try failed, in a sentence.
    last_error: Mapped[str | None] = mapped_column(Text)


class RateRecord(Base):
    """A currency rate from one provider at one time; older rows are the history."""

    __tablename__ = "rates"
    __table_args__ = (UniqueConstraint("provider", "code", "as_of"), Index(None, "code", "as_of"))

    id: Mapped[int] = mapped_column(primary_key=True)
    provider: Mapped[str] = mapped_column(String(100))
    code: Mapped[str] = mapped_column(String(3))
    base: Mapped[str] = mapped_column(String(3))
    rate: Mapped[str] = mapped_column(String(40))
    as_of: Mapped[int] = mapped_column(Integer)
    fetched: Mapped[int] = mapped_column(Integer)
    snapshot: Mapped[bool] = mapped_column(Boolean)
    # The source gave no time (a saved page that states none): as_of is when it was saved, and
    # any dated figure of the same currency or symbol ranks above it.
    undated: Mapped[bool] = mapped_column(Boolean, server_default="0")


class QuoteRecord(Base):
    """A stock quote from one provider at one time; older rows are the history."""

    __tablename__ = "quotes"
    __table_args__ = (
        UniqueConstraint("provider", "symbol", "as_of"),
        Index(None, "symbol", "as_of"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    provider: Mapped[str] = mapped_column(String(100))
    symbol: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(200))
    price: Mapped[str] = mapped_column(String(40))
    change: Mapped[str] = mapped_column(String(40))
    percent: Mapped[str] = mapped_column(String(40))
    currency: Mapped[str] = mapped_column(String(3))
    as_of: Mapped[int] = mapped_column(Integer)
    fetched: Mapped[int] = mapped_column(Integer)
    snapshot: Mapped[bool] = mapped_column(Boolean)
    # The source gave no time (a saved page that states none): as_of is when it was saved, and
    # any dated figure of the same currency or symbol ranks above it.
    undated: Mapped[bool] = mapped_column(Boolean, server_default="0")


class MarketProviderRecord(Base):
    """How the last refresh from one market provider went; its figures stay in rates and quotes."""

    __tablename__ = "market_providers"

    # The provider's key ("ecb", "erapi" ...), which stays when its name for people changes.
    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    last_attempt: Mapped[int | None] = mapped_column(Integer)
    last_success: Mapped[int | None] = mapped_column(Integer)
    # Why the last attempt failed, in a sentence; None once it succeeds again.
    last_error: Mapped[str | None] = mapped_column(Text)
    # How many figures the last successful refresh stored.
    figures: Mapped[int] = mapped_column(Integer, server_default="0")
    # The as-of time of the newest figure it has given, to know when a newer one is due.
    newest: Mapped[int | None] = mapped_column(Integer)
