"""Registering cases and events; rewriting a case's derived duties in the same transaction.

Every function takes a Register (database, router, calendar, settings) and returns plain data;
errors a clerk can fix are InputErrors in Chinese naming the value and what is accepted.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta, timezone
from typing import TYPE_CHECKING, Any, Iterable

import orjson
from sqlalchemy import JSON, delete, insert, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from router.catalog.load import clean_name
from router.decide.case import parse_at
from router.model.clock import CST
from router.model.errors import InputError, ZhifaError
from router.model.lazydc import dataclass

from .counts import count_duties, count_events
from .duties import CaseFacts, Duty, EventFact, derive
from .kinds import EVENT_KINDS, GOVERNMENT_KINDS, NEEDS_REASON, kinds_text
from .models import Case, Event, Meta, UTCDateTime
from .models import Duty as DutyRow
from .numbering import allocate, short_name

if TYPE_CHECKING:
    from .register import Register

FUTURE_SLACK = timedelta(minutes=10)
REFRESH_CHUNK = 2000


@dataclass
class Outcome:
    """One case of a registration: its number, or why it was not registered."""

    row: int
    number: str | None = None
    result: dict | None = None
    existing: bool = False  # registered by an earlier run (same source and id)
    error: str | None = None
    key: str | None = None  # the external id

    def brief(self) -> dict[str, Any]:
        """One line of a batch: row, id and the case number (or the error)."""
        if self.error is not None and not self.existing:
            return {"row": self.row, "id": self.key, "error": self.error}
        return {"row": self.row, "id": self.key, "case": self.number, "existing": self.existing}

    def to_json(self) -> dict[str, Any]:
        """`{"case": number, …the route JSON…}` (what `zhifa case new --json` prints)."""
        return {"case": self.number, "existing": self.existing} | (self.result or {})


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def stored_decision(result: dict) -> dict:
    """The route JSON as stored: without the matcher's candidate list and the day-by-day count
    (both recomputable from the input and the catalog version; they would triple the size)."""
    out = {k: v for k, v in result.items() if k not in ("match", "trace")}
    out["decisions"] = [d | {"referral": {k: v for k, v in d["referral"].items() if k != "count"}}
                        if d.get("referral") else d for d in result["decisions"]]
    return out


# ---- registering cases ------------------------------------------------------------------------
def register_case(reg: "Register", raw: dict, *, source: str = "", external_id: str | None = None,
                  now: datetime | None = None) -> Outcome:
    """Route and register one case (raises InputError on bad input)."""
    out = register_items(reg, [(1, raw)], source=source, ids=[external_id], now=now)[0]
    if out.error is not None:
        raise InputError(out.error)
    return out


def register_items(reg: "Register", items: list[tuple[int, Any]], *, source: str = "",
                   ids: list[str | None] | None = None, now: datetime | None = None,
                   events_of: dict[int, list[dict]] | None = None,
                   prepared: list[Prepared | str | None] | None = None) -> list[Outcome]:
    """Route and register many cases in one transaction. `ids` are the external ids (the key
    that makes a re-run register nothing twice); `events_of` maps a row to events to append
    (ledger import); `prepared`, when given, holds each item's prepared case (or its error
    message) computed elsewhere (batch workers), None for an item not routed there (its id was
    already registered). Bad rows come back as Outcomes with an error; the others are written.

    Rows are routed before the write transaction starts (rows whose id is already registered
    are not routed), so the database is locked only while the rows are inserted."""
    ids = ids or [None] * len(items)
    if prepared is None:
        with reg.db.read() as s:
            known = existing_numbers(s, source, [i for i in ids if i is not None])
        prepared = [None if ext is not None and ext in known else prepare_item(reg.router, reg.deadline, raw, now)
                    for (_, raw), ext in zip(items, ids)]
    for attempt in range(3):
        try:
            return _register_once(reg, items, source, ids, now, events_of or {}, prepared)
        except IntegrityError:
            if attempt == 2:  # another process registered the same ids meanwhile: look again
                raise
    raise AssertionError("unreachable")


def prepare_item(router, deadline, raw: Any, now: datetime | None = None) -> Prepared | str:
    """Route one input row and prepare it for insertion; a bad row gives its error message."""
    if isinstance(raw, ZhifaError):
        return str(raw)
    try:
        return prepare(raw, router.route(raw, now=now), deadline)
    except ZhifaError as exc:
        return str(exc)


def _register_once(reg, items, source, ids, now, events_of, prepared) -> list[Outcome]:
    outcomes: list[Outcome] = []
    todo: list[tuple[Outcome, Prepared, str | None]] = []
    with reg.db.write() as s:
        known = existing_numbers(s, source, [i for i in ids if i is not None])
        seen: dict[str, Outcome] = {}
        repeats: list[tuple[Outcome, Outcome]] = []
        for i, ((row, raw), ext) in enumerate(zip(items, ids)):
            out = Outcome(row)
            outcomes.append(out)
            if ext is not None and ext in known:
                out.number, out.existing = known[ext], True
                continue
            if ext is not None and ext in seen:  # the same id twice in one file: registered once
                out.existing = True
                repeats.append((out, seen[ext]))
                continue
            case = prepared[i]
            if case is None:  # registered when it was routed, gone now: cannot be (never deleted)
                case = prepared[i] = prepare_item(reg.router, reg.deadline, raw, now)
            if isinstance(case, str):
                out.error = case
                continue
            out.result = case.result
            todo.append((out, case, ext))
            if ext is not None:
                seen[ext] = out
        _insert_cases(reg, s, todo, source, events_of)
    for out, first in repeats:
        out.number, out.error = first.number, first.error
    return outcomes


def existing_numbers(s: Session, source: str, ids: list[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for i in range(0, len(ids), 500):
        part = ids[i:i + 500]
        rows = s.execute(select(Case.external_id, Case.number)
                         .where(Case.source == source, Case.external_id.in_(part)))
        found.update({e: n for e, n in rows})
    return found


class JsonText(str):
    """A JSON column's value already serialised (as the engine's serializer, orjson, writes it)."""


FOUND = -1  # the id of a prepared case's `found` event until the real one is reserved


@dataclass
class Prepared:
    """A routed case ready to insert: its input and stored decision serialised once, and its
    duties derived from the decision and its `found` event (the event's id FOUND until known).
    Built where the case was routed (a batch worker, or the registering process)."""

    body: str  # the registering body (legal name)
    year: int
    found_at: datetime
    input: JsonText
    decision: JsonText
    duties: list[Duty]
    result: dict | None = None  # the route JSON (not sent back from batch workers)
    raw: dict | None = None  # the input (kept for cases with further events, ledger import)


def prepare(raw: dict, result: dict, deadline, *, keep: bool = True) -> Prepared:
    """`result` (the route JSON of `raw`) ready to insert. With keep=False the route JSON and
    the input dict are not kept (a batch worker sends back only what is inserted)."""
    decision = stored_decision(result)
    at = datetime.fromisoformat(result["at"])
    body = result["reported_by"]["name"]
    duties = derive(CaseFacts.of(raw, decision, at), [EventFact(FOUND, "found", at, body)], deadline)
    return Prepared(body, at.astimezone(CST).year, at, JsonText(orjson.dumps(raw).decode()),
                    JsonText(orjson.dumps(decision).decode()), duties,
                    result if keep else None, raw if keep else None)


def _insert_cases(reg, s: Session, todo, source: str, events_of: dict[int, list[dict]]) -> None:
    """Insert the prepared cases, their `found` (and any further) events and their duties:
    numbers allocated once per body and year, ids reserved once per table, one multi-row
    insert (COPY on PostgreSQL) per table, the daily counts updated once."""
    if not todo:
        return
    recorded = utcnow()
    groups: dict[tuple[str, int], list] = {}
    for item in todo:
        groups.setdefault((item[1].body, item[1].year), []).append(item)
    ordered = [item for members in groups.values() for item in members]
    conn = s.connection()
    case_ids = reserve_ids(conn, "cases", len(ordered))
    cases, events, duty_rows, seqs = [], [], [], []
    for (body, year), members in groups.items():
        first = allocate(s, body, year, len(members))
        short = short_name(body, reg.township_of)
        for n, (out, case, _) in enumerate(members):
            out.number = reg.number_format.format(short=short, body=body, year=year, seq=first + n)
            seqs.append(first + n)
    for cid, seq, (out, case, ext) in zip(case_ids, seqs, ordered):
        cases.append({"id": cid, "number": out.number, "body": case.body, "year": case.year,
                      "seq": seq, "source": source, "external_id": ext,
                      "found_at": case.found_at, "input": case.input, "decision": case.decision,
                      "version": reg.version, "registered_at": recorded, "registered_by": reg.user})
        events.append(event_row(cid, "found", case.found_at, case.body, reg.user, recorded))
    for cid, (out, _, _) in zip(case_ids, ordered):
        for extra in events_of.get(out.row, ()):
            events.append(event_row(cid, recorded_at=recorded, user=reg.user, **extra))
    event_ids = reserve_ids(conn, "events", len(events))
    for e, eid in zip(events, event_ids):
        e["id"] = eid
    of_case: dict[int, list[dict]] = {}
    for e in events:
        of_case.setdefault(e["case_id"], []).append(e)
    for cid, (out, case, _) in zip(case_ids, ordered):
        evs = of_case[cid]
        found_id = evs[0]["id"]
        if len(evs) == 1:  # the prepared duties hold: only the `found` event
            duties = [replace(d, done_event=found_id) if d.done_event == FOUND else d for d in case.duties]
        else:
            raw = case.raw if case.raw is not None else orjson.loads(case.input)
            decision = stored_decision(case.result) if case.result is not None else orjson.loads(case.decision)
            duties = derive(CaseFacts.of(raw, decision, case.found_at),
                            [EventFact(e["id"], e["kind"], e["at"], e["body"], e["supersedes"]) for e in evs],
                            reg.deadline)
        duty_rows += _duty_rows(cid, duties)
    insert_rows(conn, Case.__table__, cases)
    insert_rows(conn, Event.__table__, events)
    insert_rows(conn, DutyRow.__table__, duty_rows)
    count_duties(conn, added=duty_rows)
    count_events(conn, events)


COPY_MIN = 50  # fewer rows than this: an executemany is as quick as a COPY


def bulk_insert(conn, table, rows: list[dict]) -> None:
    """Insert many rows of `table` in the current transaction (see insert_rows)."""
    insert_rows(conn, table, rows)


def insert_rows(conn, table, rows: list[dict]) -> None:
    """Insert rows of `table` in the current transaction, straight through the driver: the
    values converted as the engine's column types would store them (times as UTC, naive text on
    SQLite; JSON as orjson text, None as JSON null), without SQLAlchemy's per-row processing.
    COPY on PostgreSQL (from COPY_MIN rows), executemany otherwise (SQLite, the other database
    a register can be). Every row has the keys of the first."""
    if not rows:
        return
    dialect = conn.dialect.name
    columns = [c for c in table.columns if c.name in rows[0]]
    names = [c.name for c in columns]
    convert = [_converter(c, dialect) for c in columns]
    values = [tuple(f(row[n]) if f else row[n] for f, n in zip(convert, names)) for row in rows]
    quoted = ", ".join(f'"{n}"' for n in names)
    if dialect == "postgresql":
        raw = conn.connection.driver_connection
        try:
            with raw.cursor() as cur:
                if len(rows) >= COPY_MIN:
                    with cur.copy(f"COPY {table.name} ({quoted}) FROM STDIN") as copy:
                        for v in values:
                            copy.write_row(v)
                else:
                    marks = ", ".join("%s::json" if isinstance(c.type, JSON) else "%s" for c in columns)
                    cur.executemany(f"INSERT INTO {table.name} ({quoted}) VALUES ({marks})", values)
        except conn.dialect.loaded_dbapi.IntegrityError as exc:  # as the engine raises it: callers retry on it
            raise IntegrityError(f"INSERT INTO {table.name}", None, exc) from exc
        return
    conn.exec_driver_sql(f"INSERT INTO {table.name} ({quoted}) VALUES ({', '.join('?' * len(names))})", values)


def _converter(column, dialect: str):
    if isinstance(column.type, JSON):
        return _json_text
    if isinstance(column.type, UTCDateTime):
        return _sqlite_time if dialect == "sqlite" else _aware
    return None


def _json_text(value) -> str:
    if isinstance(value, JsonText):
        return value
    return orjson.dumps(value).decode()  # None: JSON null, as the engine stores it


def _aware(value: datetime | None) -> datetime | None:
    if value is not None and (value.tzinfo is None or value.utcoffset() is None):
        raise ValueError("register times must be aware datetimes")
    return value


def _sqlite_time(value: datetime | None) -> str | None:
    """As UTCDateTime and SQLAlchemy's SQLite DATETIME store it: naive UTC, microseconds."""
    if value is None:
        return None
    return _aware(value).astimezone(timezone.utc).replace(tzinfo=None).isoformat(" ", "microseconds")


def reserve_ids(conn, table: str, count: int) -> list[int]:
    """`count` new ids for `table`, so rows can be inserted with one executemany. PostgreSQL:
    from the column's sequence (safe with concurrent writers); SQLite: after the largest id,
    safe because every write transaction holds the database's write lock (BEGIN IMMEDIATE)."""
    if count == 0:
        return []
    if conn.dialect.name == "postgresql":
        return list(conn.execute(text(f"SELECT nextval(pg_get_serial_sequence('{table}', 'id')) "
                                      "FROM generate_series(1, :n)"), {"n": count}).scalars())
    last = conn.execute(text(f"SELECT coalesce(max(id), 0) FROM {table}")).scalar_one()
    return list(range(last + 1, last + 1 + count))


def event_row(case_id: int, kind: str, at: datetime, body: str, user: str, recorded_at: datetime,
               note: str | None = None, reason: str | None = None, supersedes: int | None = None,
               payload: dict | None = None) -> dict:
    return {"case_id": case_id, "kind": kind, "at": at, "recorded_at": recorded_at, "body": body,
            "user": user, "note": note, "reason": reason, "supersedes": supersedes, "payload": payload}


def _duty_rows(case_id: int, duties: Iterable[Duty]) -> list[dict]:
    return [{"case_id": case_id, "duty": d.duty, "body": d.body, "start": d.start, "deadline": d.deadline,
             "done_at": d.done_at, "done_event": d.done_event,
             "elapsed_s": int((d.done_at - d.start).total_seconds()) if d.done_at else None}
            for d in duties]


# ---- events ---------------------------------------------------------------------------------
def check_kind(kind: str) -> str:
    if kind not in EVENT_KINDS:
        raise InputError(f"未知的事件类型“{kind}”。可用：{kinds_text()}", field="kind", value=kind)
    return kind


def resolve_body(reg: "Register", text: str, field: str = "by") -> str:
    """A township's or department's legal name from what the clerk typed (names and aliases)."""
    if not text or not text.strip():
        raise InputError(f"缺少单位（--{field}）：请填写乡镇街道或区直部门，如“岳村镇”“华龙区城市管理局”",
                         field=field, value=text)
    return reg.router.catalog.resolve_reporter(text).name


def add_event(reg: "Register", number: str, kind: str, *, by: str, at: str | None = None,
              note: str | None = None, reason: str | None = None, supersedes: int | None = None,
              payload: dict | None = None, now: datetime | None = None) -> dict:
    """Append one event to a case and rewrite its derived duties, in one transaction."""
    check_kind(kind)
    if kind in NEEDS_REASON and not (reason and reason.strip()):
        raise InputError(f"登记“{EVENT_KINDS[kind]}”（{kind}）须用 --reason 写明理由（对方是否说明了理由也请写明）",
                         field="reason")
    if kind in GOVERNMENT_KINDS and not (note and note.strip()):
        raise InputError(f"登记“{EVENT_KINDS[kind]}”（{kind}）须用 --note 写明决定内容（由哪一方管辖、决定文号）",
                         field="note")
    body = _government(reg, kind, by) if kind in GOVERNMENT_KINDS else resolve_body(reg, by)
    now = now or utcnow()
    when, _ = parse_at(at, now)
    if when > now + FUTURE_SLACK:
        raise InputError(f"事件时间 {when.isoformat(timespec='minutes')} 晚于现在：请填写事件实际发生的时间",
                         field="at", value=at)
    with reg.db.write() as s:
        case = lock_case(s, number)
        if kind != "found" and when < case.found_at:
            raise InputError(f"事件时间 {when.isoformat(timespec='minutes')} 早于案件发现时间 "
                             f"{case.found_at.astimezone(CST).isoformat(timespec='minutes')}", field="at", value=at)
        if supersedes is not None:
            _check_supersedes(s, case, supersedes)
        if kind in GOVERNMENT_KINDS:
            _check_put_to_government(s, case, kind, when)
        row = event_row(case.id, kind, when, body, reg.user, utcnow(), note, reason, supersedes, payload)
        event_id = s.execute(insert(Event).returning(Event.id), [row]).scalar_one()
        count_events(s.connection(), [row])
        duties = rewrite_duties(reg, s, case)
    return {"case": number, "event": event_json(Event(id=event_id, **row)),
            "duties": [duty_json(d, now) for d in duties if d.done_at is None]}


def _government(reg: "Register", kind: str, by: str) -> str:
    """The district government, the only body that records `kind` (四（五）), with its decision
    written in the note."""
    catalog = reg.router.catalog
    gov = catalog.district["government"]
    other = catalog.others.get(gov)
    if clean_name(by or "") not in {gov, *(other.aliases if other else ())}:
        raise InputError(f"“{EVENT_KINDS[kind]}”（{kind}）只能由{gov}登记（机制 四（五）），不能由“{by}”登记",
                         field="by", value=by)
    return gov


def _check_put_to_government(s: Session, case: Case, kind: str, when: datetime) -> None:
    need = GOVERNMENT_KINDS[kind]
    superseded = select(Event.supersedes).where(Event.case_id == case.id, Event.supersedes.isnot(None))
    put = s.execute(select(Event.at).where(Event.case_id == case.id, Event.kind == need,
                                           Event.id.not_in(superseded)).order_by(Event.at)).scalars().first()
    if put is None:
        raise InputError(f"案件“{case.number}”尚未登记“{EVENT_KINDS[need]}”（{need}）：区政府只对提请的争议作出决定",
                         field="kind", value=kind)
    if when < put:
        raise InputError(f"决定时间 {when.isoformat(timespec='minutes')} 早于提请时间", field="at")


def lock_case(s: Session, number: str) -> Case:
    case = s.execute(select(Case).where(Case.number == number).with_for_update()).scalar_one_or_none()
    if case is None:
        raise not_found(number)
    return case


def not_found(number: str) -> InputError:
    return InputError(f"未找到案件“{number}”：请核对案件编号（如“岳村镇〔2026〕第15号”），"
                      "可用 zhifa due 查看有待办义务的案件", field="number", value=number)


def _check_supersedes(s: Session, case: Case, event_id: int) -> None:
    target = s.get(Event, event_id)
    if target is None or target.case_id != case.id:
        raise InputError(f"要更正的事件 {event_id} 不是案件“{case.number}”的事件：请用 zhifa case show 查看事件序号",
                         field="supersedes", value=event_id)
    later = s.execute(select(Event.id).where(Event.supersedes == event_id)).scalar_one_or_none()
    if later is not None:
        raise InputError(f"事件 {event_id} 已被事件 {later} 更正：请更正事件 {later}", field="supersedes",
                         value=event_id)


def case_events(s: Session, case_id: int) -> list[Event]:
    return list(s.execute(select(Event).where(Event.case_id == case_id).order_by(Event.at, Event.id)).scalars())


def case_duties(reg: "Register", case: Case, events: list[Event]) -> list[Duty]:
    facts = CaseFacts.of(case.input, case.decision, case.found_at)
    return derive(facts, [EventFact(e.id, e.kind, e.at, e.body, e.supersedes) for e in events], reg.deadline)


def rewrite_duties(reg: "Register", s: Session, case: Case) -> list[Duty]:
    duties = case_duties(reg, case, case_events(s, case.id))
    old = s.execute(select(DutyRow.duty, DutyRow.body, DutyRow.deadline, DutyRow.done_at, DutyRow.elapsed_s)
                    .where(DutyRow.case_id == case.id)).mappings().all()
    s.execute(delete(DutyRow).where(DutyRow.case_id == case.id))
    rows = _duty_rows(case.id, duties)
    if rows:
        s.execute(insert(DutyRow), rows)
    count_duties(s.connection(), added=rows, removed=old)
    return duties


def refresh_all_duties(reg: "Register") -> int:
    """Recompute the stored duties of every case (chunked transactions), then record the basis."""
    done, last = 0, 0
    while True:
        with reg.db.write() as s:
            cases = list(s.execute(select(Case).where(Case.id > last).order_by(Case.id).limit(REFRESH_CHUNK)).scalars())
            for case in cases:
                rewrite_duties(reg, s, case)
        if not cases:
            break
        done, last = done + len(cases), cases[-1].id
    with reg.db.write() as s:
        s.merge(Meta(key="duties_basis", value=reg.duties_basis))
    return done


# ---- views ----------------------------------------------------------------------------------
def iso(value: datetime | None) -> str | None:
    return value.astimezone(CST).isoformat(timespec="seconds") if value else None


def event_json(e: Event) -> dict[str, Any]:
    return {"id": e.id, "kind": e.kind, "label": EVENT_KINDS.get(e.kind, e.kind), "at": iso(e.at),
            "recorded_at": iso(e.recorded_at), "body": e.body, "user": e.user, "note": e.note,
            "reason": e.reason, "supersedes": e.supersedes, "payload": e.payload}


def duty_json(d: Duty, at: datetime) -> dict[str, Any]:
    return {"duty": d.duty, "label": d.label, "body": d.body, "start": iso(d.start), "deadline": iso(d.deadline),
            "overdue": d.overdue(at), "cite": d.cite, "done_by_event": d.done_event, "done_at": iso(d.done_at),
            "note": d.note, "escalation": d.escalation(at)}


def show_case(reg: "Register", number: str, at: datetime | None = None) -> dict[str, Any]:
    """The timeline, the open duties (with the escalation a late one calls for) and the done ones."""
    at = at or utcnow()
    with reg.db.read() as s:
        case = s.execute(select(Case).where(Case.number == number)).scalar_one_or_none()
        if case is None:
            raise not_found(number)
        events = case_events(s, case.id)
    duties = case_duties(reg, case, events)
    superseded = {e.supersedes: e.id for e in events if e.supersedes is not None}
    return {
        "case": case.number, "body": case.body, "found_at": iso(case.found_at),
        "registered_at": iso(case.registered_at), "registered_by": case.registered_by,
        "source": case.source, "external_id": case.external_id, "version": case.version,
        "input": case.input, "decision": case.decision,
        "events": [event_json(e) | {"superseded_by": superseded.get(e.id)} for e in events],
        "documents": documents(events),
        "duties": [duty_json(d, at) for d in duties if d.done_at is None],
        "done": [duty_json(d, at) for d in duties if d.done_at is not None],
    }



def documents(events: list[Event]) -> list[dict[str, Any]]:
    """The letters drafted for a case (`zhifa case letter`), from its `document` events."""
    out = []
    for e in events:
        p = e.payload or {}
        if e.kind == "document" and p.get("letter"):
            out.append({"event": e.id, "at": iso(e.at), "by": e.body, "user": e.user, "kind": p["letter"],
                        "title": p.get("title"), "number": p.get("number"), "receivers": p.get("receivers") or [],
                        "file": p.get("file"), "reissue_of": p.get("reissue_of")})
    return out
