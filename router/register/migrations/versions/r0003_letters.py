"""Letter numbers: the last 发文字号 sequence per sending body and year, for the letters drafted
from the register (`zhifa case letter`); gapless like the case numbers.

Revision ID: r0003
Revises: r0002
Create Date: 2026-12-03
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "r0003"
down_revision = "r0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "letter_counters",
        sa.Column("body", sa.String(120), nullable=False),
        sa.Column("year", sa.Integer, nullable=False),
        sa.Column("last", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("body", "year", name="pk_letter_counters"),
    )


def downgrade() -> None:
    op.drop_table("letter_counters")
