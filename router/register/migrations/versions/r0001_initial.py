"""Initial register: cases, events (append-only), counters.

Revision ID: r0001
Revises:
Create Date: 2026-05-01
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from router.register.models import UTCDateTime

revision = "r0001"
down_revision = None
branch_labels = None
depends_on = None

BigId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
NO_CHANGE = "事件一经登记不得修改或删除（更正请登记新事件）"


def upgrade() -> None:
    op.create_table(
        "cases",
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        sa.Column("number", sa.String(120), nullable=False),
        sa.Column("body", sa.String(120), nullable=False),
        sa.Column("year", sa.Integer, nullable=False),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("source", sa.String(120), nullable=False),
        sa.Column("external_id", sa.String(200), nullable=True),
        sa.Column("found_at", UTCDateTime(), nullable=False),
        sa.Column("input", sa.JSON, nullable=False),
        sa.Column("decision", sa.JSON, nullable=False),
        sa.Column("version", sa.String(64), nullable=False),
        sa.Column("registered_at", UTCDateTime(), nullable=False),
        sa.Column("registered_by", sa.String(120), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_cases"),
        sa.UniqueConstraint("number", name="uq_cases_number"),
        sa.UniqueConstraint("body", "year", "seq", name="uq_cases_body_year_seq"),
        sa.UniqueConstraint("source", "external_id", name="uq_cases_source_external_id"),
    )
    op.create_table(
        "events",
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        sa.Column("case_id", BigId, nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.Column("recorded_at", UTCDateTime(), nullable=False),
        sa.Column("body", sa.String(120), nullable=False),
        sa.Column("user", sa.String(120), nullable=False),
        sa.Column("note", sa.Text, nullable=True),
        sa.Column("reason", sa.Text, nullable=True),
        sa.Column("supersedes", BigId, nullable=True),
        sa.Column("payload", sa.JSON, nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_events"),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name="fk_events_case_id_cases"),
        sa.ForeignKeyConstraint(["supersedes"], ["events.id"], name="fk_events_supersedes_events"),
    )
    op.create_index("ix_events_case_id", "events", ["case_id"])
    op.create_table(
        "counters",
        sa.Column("body", sa.String(120), nullable=False),
        sa.Column("year", sa.Integer, nullable=False),
        sa.Column("last", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("body", "year", name="pk_counters"),
    )
    _append_only_triggers()


def _append_only_triggers() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"""
            CREATE FUNCTION zhifa_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION '{NO_CHANGE}'; END $$""")
        op.execute("""CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events
                      FOR EACH ROW EXECUTE FUNCTION zhifa_events_append_only()""")
    else:
        for action in ("UPDATE", "DELETE"):
            op.execute(f"""CREATE TRIGGER events_no_{action.lower()} BEFORE {action} ON events
                           BEGIN SELECT RAISE(ABORT, '{NO_CHANGE}'); END""")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER events_append_only ON events")
        op.execute("DROP FUNCTION zhifa_events_append_only()")
    op.drop_table("counters")
    op.drop_table("events")
    op.drop_table("cases")
