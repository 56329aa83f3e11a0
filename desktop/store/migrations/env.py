"""Alembic environment: runs migrations on the connection the store hands over, in batch mode.

For ``tools/new_revision.py`` it also compares a migrated store with the models (types and
defaults too) and writes no revision when they agree.
"""

from __future__ import annotations

from collections.abc import Iterable

from alembic import context
from alembic.migration import MigrationContext
from alembic.operations import ops

from desktop.store.models import Base, include_object


def _skip_when_nothing_differs(
    migration: MigrationContext, revision: object, directives: list[ops.MigrationScript]
) -> None:
    """For autogenerate: leave out a revision that would change nothing."""
    upgrades: Iterable[ops.UpgradeOps] = directives[0].upgrade_ops_list if directives else []
    if all(upgrade.is_empty() for upgrade in upgrades):
        directives[:] = []


def run_migrations() -> None:
    """Migrate through the connection given in the config's attributes."""
    attributes = context.config.attributes
    context.configure(
        connection=attributes["connection"],
        target_metadata=attributes.get("target_metadata", Base.metadata),
        render_as_batch=True,
        include_object=include_object,
        compare_type=True,
        compare_server_default=True,
        process_revision_directives=_skip_when_nothing_differs,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations()
