"""Markets: rates and quotes whose source gave no time (undated), ranked below dated ones.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


# Until now, the figures of a page saved as text were dated by the file's modification time:
# no such page was read for a date of its own, so they are undated, saved when they were stored.
# (A figure stored twice in the same second by two imports of a page is kept once.)
SAVED_PAGES_UNDATED = (
    "UPDATE OR REPLACE {table} SET undated = 1, as_of = fetched "
    "WHERE snapshot AND provider LIKE 'Saved page %'"
)


def upgrade() -> None:
    """Apply this revision."""
    for table in ("quotes", "rates"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(
                sa.Column("undated", sa.Boolean(), server_default="0", nullable=False)
            )
        op.execute(SAVED_PAGES_UNDATED.format(table=table))


def downgrade() -> None:
    """Revert this revision."""
    for table in ("rates", "quotes"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("undated")
