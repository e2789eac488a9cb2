"""Letter numbers: the last 发文字号 sequence per sending body and year, for the letters drafted
from the register (`zhifa case letter`); gapless like the case numbers. Daily counts behind
`zhifa stats` (router/register/counts.py), filled from the existing duties and events; a partial
index on the duties missed (open, or done after their deadline) for the overdue figures.

Revision ID: r0004
Revises: r0003
Create Date: 2026-12-03
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from router.register.counts import rebuild

revision = "r0004"
down_revision = "r0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "done_counts",
        sa.Column("day", sa.Integer, nullable=False),
        sa.Column("body", sa.String(120), nullable=False),
        sa.Column("duty", sa.String(40), nullable=False),
        sa.Column("on_time", sa.Integer, nullable=False),
        sa.Column("hours", sa.Integer, nullable=False),
        sa.Column("n", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("day", "body", "duty", "on_time", "hours", name="pk_done_counts"),
    )
    op.create_table(
        "event_counts",
        sa.Column("day", sa.Integer, nullable=False),
        sa.Column("body", sa.String(120), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("n", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("day", "body", "kind", name="pk_event_counts"),
    )
    missed = sa.text("done_at IS NULL OR done_at > deadline")
    op.create_index("ix_duties_missed", "duties", ["deadline", "body"], sqlite_where=missed, postgresql_where=missed)
    rebuild(op.get_bind())
    op.create_table(
        "letter_counters",
        sa.Column("body", sa.String(120), nullable=False),
        sa.Column("year", sa.Integer, nullable=False),
        sa.Column("last", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("body", "year", name="pk_letter_counters"),
    )


def downgrade() -> None:
    op.drop_table("letter_counters")
    op.drop_index("ix_duties_missed", "duties")
    op.drop_table("event_counts")
    op.drop_table("done_counts")
