"""Tables of the case register (SQLAlchemy 2 typed declarative).

- `cases`: one registered case: its input, its decision (the route JSON) with the catalog and
  rules version it was made with, and its number per body and year.
- `events`: what happened to a case. Append-only: never updated or deleted (enforced by
  `guard_events` here and by database triggers created in the migrations). A correction is a
  new event whose `supersedes` names the event it replaces; both are kept.
- `counters`: the last number given per body and year (gapless numbering, allocated in the
  transaction that registers the case).
- `letter_counters`: the last 发文字号 sequence per sending body and year (letters drafted from
  the register, `zhifa case letter`).
- `duties`: derived from a case's decision and events (never entered by hand), rewritten in
  the transaction of each event so `zhifa due` and `zhifa stats` need no full scan;
  `zhifa register check` recomputes them and compares.
- `meta`: key/value facts about the register (the basis the stored duties were computed on).
"""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    event,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column
from sqlalchemy.types import TypeDecorator

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
# BIGINT on PostgreSQL; INTEGER on SQLite, where only INTEGER PRIMARY KEY is the rowid alias.
BigId = BigInteger().with_variant(Integer(), "sqlite")


class UTCDateTime(TypeDecorator):
    """Aware datetimes in, aware UTC datetimes out, on both databases (SQLite keeps no zone:
    values are stored as naive UTC there; PostgreSQL uses timestamptz)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError("register times must be aware datetimes")
        value = value.astimezone(timezone.utc)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=timezone.utc)
        return value.astimezone(timezone.utc)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {datetime: UTCDateTime(), dict[str, Any]: JSON(), int: Integer()}


class Case(Base):
    __tablename__ = "cases"
    __table_args__ = (
        UniqueConstraint("body", "year", "seq", name="uq_cases_body_year_seq"),
        UniqueConstraint("source", "external_id", name="uq_cases_source_external_id"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    number: Mapped[str] = mapped_column(String(120), unique=True)
    body: Mapped[str] = mapped_column(String(120))  # the registering body (legal name)
    year: Mapped[int]
    seq: Mapped[int]
    source: Mapped[str] = mapped_column(String(120), default="")
    external_id: Mapped[str | None] = mapped_column(String(200))
    found_at: Mapped[datetime]
    input: Mapped[dict[str, Any]]
    decision: Mapped[dict[str, Any]]
    version: Mapped[str] = mapped_column(String(64))  # catalog + rules content hash
    registered_at: Mapped[datetime]
    registered_by: Mapped[str] = mapped_column(String(120))  # the user


class Event(Base):
    __tablename__ = "events"
    __table_args__ = (Index("ix_events_kind_at", "kind", "at", "body"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    at: Mapped[datetime]  # when it happened
    recorded_at: Mapped[datetime]  # when it was entered
    body: Mapped[str] = mapped_column(String(120))
    user: Mapped[str] = mapped_column(String(120))
    note: Mapped[str | None] = mapped_column(Text)
    reason: Mapped[str | None] = mapped_column(Text)
    supersedes: Mapped[int | None] = mapped_column(ForeignKey("events.id"))
    payload: Mapped[dict[str, Any] | None] = mapped_column(JSON)


Index("ix_events_supersedes", Event.supersedes, sqlite_where=Event.supersedes.isnot(None),
      postgresql_where=Event.supersedes.isnot(None))


class Counter(Base):
    __tablename__ = "counters"

    body: Mapped[str] = mapped_column(String(120), primary_key=True)
    year: Mapped[int] = mapped_column(primary_key=True)
    last: Mapped[int]


class LetterCounter(Base):
    """The last 发文字号 sequence number given per sending body and year (gapless: allocated in
    the transaction that records the `document` event)."""

    __tablename__ = "letter_counters"

    body: Mapped[str] = mapped_column(String(120), primary_key=True)
    year: Mapped[int] = mapped_column(primary_key=True)
    last: Mapped[int]


class Duty(Base):
    __tablename__ = "duties"

    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"), index=True)
    duty: Mapped[str] = mapped_column(String(40))
    body: Mapped[str] = mapped_column(String(120))
    start: Mapped[datetime]  # when the duty arose
    deadline: Mapped[datetime | None]
    done_at: Mapped[datetime | None]
    done_event: Mapped[int | None] = mapped_column(BigId)
    elapsed_s: Mapped[int | None]  # done_at - start, seconds (for medians without dialect SQL)


Index("ix_duties_open", Duty.deadline, sqlite_where=Duty.done_at.is_(None),
      postgresql_where=Duty.done_at.is_(None))
Index("ix_duties_body_open", Duty.body, Duty.deadline, sqlite_where=Duty.done_at.is_(None),
      postgresql_where=Duty.done_at.is_(None))
Index("ix_duties_done", Duty.done_at, Duty.duty, Duty.body, Duty.deadline, Duty.elapsed_s)
Index("ix_duties_deadline", Duty.deadline, Duty.done_at, Duty.body)
# duties missed (open, or done late): the overdue figures of `zhifa stats` read only these
Index("ix_duties_missed", Duty.deadline, Duty.body,
      sqlite_where=Duty.done_at.is_(None) | (Duty.done_at > Duty.deadline),
      postgresql_where=Duty.done_at.is_(None) | (Duty.done_at > Duty.deadline))


class Meta(Base):
    __tablename__ = "meta"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class AppendOnlyError(RuntimeError):
    """An attempt to change or delete a recorded event."""


@event.listens_for(Session, "before_flush")
def guard_events(session: Session, _context, _instances) -> None:
    """Events are never edited or deleted through the ORM (the triggers cover raw SQL)."""
    for obj in list(session.dirty) + list(session.deleted):
        if isinstance(obj, Event) and (obj in session.deleted or session.is_modified(obj)):
            raise AppendOnlyError("事件一经登记不得修改或删除：更正请登记一条新事件并注明所更正的事件（supersedes）")


__all__ = ["Base", "Case", "Event", "Counter", "LetterCounter", "Duty", "Meta", "AppendOnlyError"]
