"""Work a refresh left to do (full texts, pictures), kept so that later refreshes try again.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this revision."""
    op.create_table(
        "pending",
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("lead", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("caption", sa.Text(), nullable=True),
        sa.Column("credit", sa.Text(), nullable=True),
        sa.Column("aliases", sa.Text(), nullable=True),
        sa.Column("photo", sa.Text(), nullable=True),
        sa.Column("attempts", sa.Integer(), server_default="0", nullable=False),
        sa.Column("next_try", sa.Integer(), server_default="0", nullable=False),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_pending_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("article_id", "kind", "url", name=op.f("pk_pending")),
    )
    with op.batch_alter_table("pending", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_pending_next_try"), ["next_try"], unique=False)


def downgrade() -> None:
    """Revert this revision."""
    with op.batch_alter_table("pending", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_pending_next_try"))
    op.drop_table("pending")
