"""Initial schema: sources, articles with their full-text index, images, rates and quotes.

Revision ID: 0001
Revises:
Create Date: 2026-11-26
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# FTS5 over title, byline and body text, reading its content from ``articles`` (no second copy)
# and kept in sync by triggers. unicode61 with diacritics removed finds "cafe" in "Café"; the
# prefix indexes keep search-as-you-type on short prefixes fast.
FTS_CREATE = (
    """
    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, byline, body_text,
        content='articles', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2', prefix='2 3'
    )
    """,
    """
    CREATE TRIGGER articles_fts_after_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, byline, body_text)
        VALUES (new.id, new.title, new.byline, new.body_text);
    END
    """,
    """
    CREATE TRIGGER articles_fts_after_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, byline, body_text)
        VALUES ('delete', old.id, old.title, old.byline, old.body_text);
    END
    """,
    """
    CREATE TRIGGER articles_fts_after_update AFTER UPDATE OF title, byline, body_text
    ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, byline, body_text)
        VALUES ('delete', old.id, old.title, old.byline, old.body_text);
        INSERT INTO articles_fts(rowid, title, byline, body_text)
        VALUES (new.id, new.title, new.byline, new.body_text);
    END
    """,
)
FTS_DROP = (
    "DROP TRIGGER articles_fts_after_update",
    "DROP TRIGGER articles_fts_after_delete",
    "DROP TRIGGER articles_fts_after_insert",
    "DROP TABLE articles_fts",
)

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this revision."""
    op.create_table(
        "images",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("file", sa.Text(), nullable=False),
        sa.Column("thumbnail", sa.Text(), nullable=True),
        sa.Column("content_type", sa.String(length=100), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
        sa.Column("bytes", sa.Integer(), nullable=False),
        sa.Column("fetched", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_images")),
        sa.UniqueConstraint("url", name=op.f("uq_images_url")),
    )
    op.create_table(
        "quotes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("provider", sa.String(length=100), nullable=False),
        sa.Column("symbol", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("price", sa.String(length=40), nullable=False),
        sa.Column("change", sa.String(length=40), nullable=False),
        sa.Column("percent", sa.String(length=40), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("as_of", sa.Integer(), nullable=False),
        sa.Column("fetched", sa.Integer(), nullable=False),
        sa.Column("snapshot", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_quotes")),
        sa.UniqueConstraint(
            "provider", "symbol", "as_of", name=op.f("uq_quotes_provider_symbol_as_of")
        ),
    )
    with op.batch_alter_table("quotes", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_quotes_symbol_as_of"), ["symbol", "as_of"], unique=False
        )

    op.create_table(
        "rates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("provider", sa.String(length=100), nullable=False),
        sa.Column("code", sa.String(length=3), nullable=False),
        sa.Column("base", sa.String(length=3), nullable=False),
        sa.Column("rate", sa.String(length=40), nullable=False),
        sa.Column("as_of", sa.Integer(), nullable=False),
        sa.Column("fetched", sa.Integer(), nullable=False),
        sa.Column("snapshot", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rates")),
        sa.UniqueConstraint("provider", "code", "as_of", name=op.f("uq_rates_provider_code_as_of")),
    )
    with op.batch_alter_table("rates", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_rates_code_as_of"), ["code", "as_of"], unique=False)

    op.create_table(
        "sources",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("site_url", sa.Text(), nullable=True),
        sa.Column("folder", sa.String(length=200), nullable=True),
        sa.Column("created", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sources")),
        sa.UniqueConstraint("url", name=op.f("uq_sources_url")),
    )
    op.create_table(
        "articles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("guid", sa.Text(), nullable=False),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("byline", sa.Text(), nullable=True),
        sa.Column("published", sa.Integer(), nullable=True),
        sa.Column("fetched", sa.Integer(), nullable=False),
        sa.Column("dated", sa.Integer(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=True),
        sa.Column("body_html", sa.Text(), nullable=False),
        sa.Column("body_text", sa.Text(), nullable=False),
        sa.Column("image_id", sa.Integer(), nullable=True),
        sa.Column("caption", sa.Text(), nullable=True),
        sa.Column("credit", sa.Text(), nullable=True),
        sa.Column("read", sa.Boolean(), nullable=False),
        sa.Column("bookmarked", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["image_id"],
            ["images.id"],
            name=op.f("fk_articles_image_id_images"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["source_id"], ["sources.id"], name=op.f("fk_articles_source_id_sources")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_articles")),
        sa.UniqueConstraint("source_id", "guid", name=op.f("uq_articles_source_id_guid")),
    )
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_articles_bookmarked_id"), ["bookmarked", "id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_articles_dated_id"), ["dated", "id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_articles_read_dated_id"), ["read", "dated", "id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_articles_read_source_id"), ["read", "source_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_articles_source_id_dated_id"), ["source_id", "dated", "id"], unique=False
        )

    for statement in FTS_CREATE:
        op.execute(statement)


def downgrade() -> None:
    """Revert this revision."""
    for statement in FTS_DROP:
        op.execute(statement)
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_articles_source_id_dated_id"))
        batch_op.drop_index(batch_op.f("ix_articles_read_source_id"))
        batch_op.drop_index(batch_op.f("ix_articles_read_dated_id"))
        batch_op.drop_index(batch_op.f("ix_articles_dated_id"))
        batch_op.drop_index(batch_op.f("ix_articles_bookmarked_id"))

    op.drop_table("articles")
    op.drop_table("sources")
    with op.batch_alter_table("rates", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_rates_code_as_of"))

    op.drop_table("rates")
    with op.batch_alter_table("quotes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_quotes_symbol_as_of"))

    op.drop_table("quotes")
    op.drop_table("images")
