"""Feeds: refresh state and settings per source, deduplication keys and extraction per article.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this revision."""
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.add_column(sa.Column("content_hash", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("extraction", sa.Text(), nullable=True))
        batch_op.create_index(batch_op.f("ix_articles_fetched"), ["fetched"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_articles_source_id_content_hash"),
            ["source_id", "content_hash"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_articles_source_id_url"), ["source_id", "url"], unique=False
        )

    with op.batch_alter_table("sources", schema=None) as batch_op:
        batch_op.add_column(sa.Column("custom_title", sa.String(length=500), nullable=True))
        batch_op.add_column(
            sa.Column("full_articles", sa.Boolean(), server_default="1", nullable=False)
        )
        batch_op.add_column(sa.Column("etag", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("last_modified", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("last_fetched", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("last_error", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("failing_since", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("retry_after", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("disabled", sa.Boolean(), server_default="0", nullable=False))
        batch_op.add_column(sa.Column("removed", sa.Integer(), nullable=True))


# Dropping columns makes batch mode rebuild ``articles``, which drops its triggers: the downgrade
# puts back the full-text triggers of revision 0001 (a migration is a snapshot; it repeats them).
FTS_TRIGGERS = (
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


def downgrade() -> None:
    """Revert this revision."""
    with op.batch_alter_table("sources", schema=None) as batch_op:
        batch_op.drop_column("removed")
        batch_op.drop_column("disabled")
        batch_op.drop_column("retry_after")
        batch_op.drop_column("failing_since")
        batch_op.drop_column("last_error")
        batch_op.drop_column("last_fetched")
        batch_op.drop_column("last_modified")
        batch_op.drop_column("etag")
        batch_op.drop_column("full_articles")
        batch_op.drop_column("custom_title")

    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_articles_source_id_url"))
        batch_op.drop_index(batch_op.f("ix_articles_source_id_content_hash"))
        batch_op.drop_index(batch_op.f("ix_articles_fetched"))
        batch_op.drop_column("extraction")
        batch_op.drop_column("content_hash")
    for statement in FTS_TRIGGERS:
        op.execute(statement)
