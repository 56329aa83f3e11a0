"""Alembic environment: runs migrations on the connection the store hands over, in batch mode."""

from __future__ import annotations

from alembic import context

from desktop.store.models import Base, include_object


def run_migrations() -> None:
    """Migrate through the connection given in the config's attributes."""
    connection = context.config.attributes["connection"]
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,
        include_object=include_object,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations()
