"""Alembic environment: runs on the connection router.register.db hands over (no alembic.ini)."""
from __future__ import annotations

from alembic import context

from router.register.models import Base

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True,
                  compare_type=True)
with context.begin_transaction():
    context.run_migrations()
