"""Markets: how the last refresh from each provider went.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this revision."""
    op.create_table(
        "market_providers",
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("last_attempt", sa.Integer(), nullable=True),
        sa.Column("last_success", sa.Integer(), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("figures", sa.Integer(), server_default="0", nullable=False),
        sa.Column("newest", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("key"),
    )


def downgrade() -> None:
    """Revert this revision."""
    op.drop_table("market_providers")
