"""The local SQLite store: schema, opening and checking, migrations, and small query functions.

The schema is made by the Alembic revisions (``migrations/``), its truth, and described by typed
SQLAlchemy models (``models``) that a test checks against them. Everyday reads and writes go
through the standard library's ``sqlite3``, reading rows by column name (``database.named``), in the
query modules (``articles``, ``sources``, ``market_data``, ``loading``): importing SQLAlchemy's
ORM costs more than the whole start-up budget of the window and of ``broadsheet list``
(docs/performance.md), so SQLAlchemy and Alembic are imported only when a store is migrated, or
created where the ready-made store (``template``) cannot be used. Every query function takes a
connection and returns domain values, never rows.
"""
