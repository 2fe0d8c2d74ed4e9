"""Alembic environment for the lagebild store.

Run programmatically by :func:`lagebild.store.migrate.upgrade`, which hands over an open
connection (already inside a transaction) in ``config.attributes["connection"]``.
"""

from __future__ import annotations

from alembic import context

from lagebild.store.schema import is_search_object, metadata

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only reached when misused from the alembic CLI
    raise RuntimeError("run migrations through lagebild.store.migrate, not the alembic CLI")

context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
    include_name=lambda name, _kind, _parent: not is_search_object(name),
)
with context.begin_transaction():
    context.run_migrations()
