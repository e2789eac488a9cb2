"""Derived duties table (for `zhifa due` / `zhifa stats` without full scans), register meta,
and indexes on events for statistics and corrections.

Existing cases get their duties on the next open: the register notices that the stored duties
were computed on another basis (meta `duties_basis`) and recomputes them.

Revision ID: r0002
Revises: r0001
Create Date: 2026-05-01
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from router.register.models import UTCDateTime

revision = "r0002"
down_revision = "r0001"
branch_labels = None
depends_on = None

BigId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "duties",
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        sa.Column("case_id", BigId, nullable=False),
        sa.Column("duty", sa.String(40), nullable=False),
        sa.Column("body", sa.String(120), nullable=False),
        sa.Column("start", UTCDateTime(), nullable=False),
        sa.Column("deadline", UTCDateTime(), nullable=True),
        sa.Column("done_at", UTCDateTime(), nullable=True),
        sa.Column("done_event", BigId, nullable=True),
        sa.Column("elapsed_s", sa.Integer, nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_duties"),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name="fk_duties_case_id_cases"),
    )
    op.create_index("ix_duties_case_id", "duties", ["case_id"])
    open_only = sa.text("done_at IS NULL")
    op.create_index("ix_duties_open", "duties", ["deadline"], sqlite_where=open_only,
                    postgresql_where=open_only)
    op.create_index("ix_duties_body_open", "duties", ["body", "deadline"], sqlite_where=open_only,
                    postgresql_where=open_only)
    # covering indexes: `zhifa stats` reads only these, never the table rows
    op.create_index("ix_duties_done", "duties", ["done_at", "duty", "body", "deadline", "elapsed_s"])
    op.create_index("ix_duties_deadline", "duties", ["deadline", "done_at", "body"])
    op.create_table(
        "meta",
        sa.Column("key", sa.String(60), nullable=False),
        sa.Column("value", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("key", name="pk_meta"),
    )
    op.create_index("ix_events_kind_at", "events", ["kind", "at", "body"])
    with_supersedes = sa.text("supersedes IS NOT NULL")
    op.create_index("ix_events_supersedes", "events", ["supersedes"], sqlite_where=with_supersedes,
                    postgresql_where=with_supersedes)


def downgrade() -> None:
    op.drop_index("ix_events_supersedes", "events")
    op.drop_index("ix_events_kind_at", "events")
    op.drop_table("meta")
    op.drop_table("duties")
