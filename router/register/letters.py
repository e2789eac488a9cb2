"""`zhifa case letter`: the letters of the mechanism drafted from a registered case.

Which letters a case calls for follows from its decision and its derived duties:

  referral          a decision to refer (四（一）1–3): from the finder to the body with jurisdiction
  notice            the violation was ongoing (四（一）1): written notice to that body
  complaint_notice  a department received a complaint for a township (四（二）2)
  correction        a department found a township's enforcement error (三（二）)
  report            a duty to report a refusal to 华龙区人民政府 (四（四）)
  dispute           a jurisdiction dispute to put to 华龙区人民政府 (四（五）)
  police            a suspected crime (四（六）, 国务院令第310号)

Sender and receivers are the legal names the decision carries (governments, street offices,
departments; never an internal unit, 四（一）3). The 发文字号 comes from the sender's pattern in
catalog/bodies.yaml (`letter_number`) and a gapless counter per sender and year, allocated in
the transaction that records the `document` event; without a pattern the 机关代字 is left blank
for the clerk. What the register does not know (the party, the complainant, the crime…) stays
a visible blank. Drafting the same letter again reuses its number.
"""
from __future__ import annotations

import os
import tempfile
from dataclasses import field
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import insert, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from router.files.yamlio import load_file
from router.letters import (
    LetterData,
    document_number,
    draft_letter,
    internal_unit_suffixes,
    letter_kinds,
)
from router.letters.templates import KINDS
from router.model.clock import CST
from router.model.errors import InputError
from router.model.lazydc import dataclass

from .counts import count_events
from .duties import EventFact, effective, event_names
from .models import Case, Event, LetterCounter
from .services import (
    case_duties,
    case_events,
    event_row,
    lock_case,
    not_found,
    resolve_body,
    utcnow,
)

if TYPE_CHECKING:
    from .register import Register

BLANK_CODE = "________"
DEFAULT_PATTERN = BLANK_CODE + "〔{year}〕{seq}号"
COMPLAINT_DUTIES = ("notify_township_in_writing", "inform_transfer", "tell_where_to_complain")
WRITTEN_MATERIALS = "投诉人、举报人提交的书面材料"


@dataclass(frozen=True)
class Plan:
    """One letter a case calls for: who sends it to whom, about which decision."""

    kind: str
    sender: str
    receivers: tuple[str, ...]
    decision: dict
    materials: tuple[str, ...] = ()
    cc: tuple[str, ...] = ()
    details: dict[str, str | date] = field(default_factory=dict)

    @property
    def matter(self) -> str | None:
        return self.decision.get("matter")


@dataclass(frozen=True)
class LetterResult:
    case: str
    kind: str
    title: str
    number: str
    sender: str
    receivers: tuple[str, ...]
    path: str
    event: int
    reissue_of: int | None = None

    def to_json(self) -> dict[str, Any]:
        return {"case": self.case, "kind": self.kind, "title": self.title, "number": self.number,
                "sender": self.sender, "receivers": list(self.receivers), "file": self.path,
                "event": self.event, "reissue_of": self.reissue_of}


# ---- which letters a case calls for --------------------------------------------------------
def plans(reg: "Register", case: Case, events: list[Event]) -> dict[str, list[Plan]]:
    """kind -> the letters of that kind the case's decision and duties call for."""
    facts = [EventFact(e.id, e.kind, e.at, e.body, e.supersedes) for e in events]
    live = effective(facts)
    notes = {e.id: e for e in events}
    finder = case.decision["reported_by"]["name"]
    decisions = [d for d in case.decision.get("decisions") or () if isinstance(d, dict)]
    inputs = event_names(case.input.get("events"))
    out: dict[str, list[Plan]] = {k: [] for k in KINDS}

    def first(kind: str) -> EventFact | None:
        return next((e for e in live if e.kind == kind), None)

    for d in decisions:
        ref = d.get("referral") or {}
        if d.get("action") == "refer" and ref.get("to"):
            out["referral"].append(Plan("referral", ref["from"], (ref["to"],), d, tuple(ref.get("materials") or ())))
            if (ref.get("rule") == "immediately" or case.input.get("ongoing")
                    or any(i.get("kind") == "written_notice" for i in d.get("duties") or ())):
                dissuaded = first("dissuaded")
                details = {}
                if dissuaded is not None:
                    note = notes[dissuaded.id].note
                    details["dissuasion"] = (f"{_moment(dissuaded.at)}当场劝阻" + (f"，{note}" if note else ""))
                out["notice"].append(Plan("notice", ref["from"], (ref["to"],), d, (), (), details))
        for item in d.get("duties") or ():
            if item.get("kind") in COMPLAINT_DUTIES and item.get("by") and item["by"] != (d.get("jurisdiction") or {}).get("body"):
                to = (d.get("jurisdiction") or {}).get("body") or item.get("to")
                if not any(p.decision is d for p in out["complaint_notice"]):
                    materials = (WRITTEN_MATERIALS,) if "written_materials" in inputs else ()
                    out["complaint_notice"].append(Plan("complaint_notice", item["by"], (to,), d, materials, (),
                                                        {"received_at": _local(case.found_at)}))
        for esc in d.get("escalations") or ():
            if esc.get("kind") == "correction_opinion" and esc.get("to"):
                out["correction"].append(Plan("correction", finder, (esc["to"],), d, (), tuple(esc.get("cc") or ())))
            elif esc.get("kind") == "police_transfer" and esc.get("to"):
                approved = first("police_approved")
                details = {"approved_at": _local(approved.at).date()} if approved else {}
                out["police"].append(Plan("police", finder, (esc["to"],), d, tuple(esc.get("materials") or ()),
                                          tuple(esc.get("cc") or ()), details))
    duties = {d.duty for d in case_duties(reg, case, events)}
    government = reg.router.catalog.district.get("government") or "华龙区人民政府"
    main = decisions[0] if decisions else {}
    other = _other_party(main, finder)
    if "report" in duties:
        refused = first("refused")
        notified = first("notified")
        details = {}
        if refused is not None or other:
            details["refused_body"] = refused.body if refused is not None else other
        if notified is not None:
            details["notified_at"] = _moment(notified.at)
        out["report"].append(Plan("report", finder, (government,), main, (), (), details))
    if "dispute" in duties:
        back = next((e for e in live if e.kind in ("returned", "refused")), None)
        details = {}
        if back is not None:
            details["other_party"] = back.body
            reason = notes[back.id].reason
            verb = "退回移送" if back.kind == "returned" else "拒绝接收"
            details["dispute"] = f"{back.body}于{_moment(back.at)}{verb}" + (f"，理由：{reason}" if reason else "")
        elif other:
            details["other_party"] = other
        out["dispute"].append(Plan("dispute", finder, (government,), main, (), (), details))
    return out


def _other_party(decision: dict, finder: str) -> str | None:
    ref = decision.get("referral") or {}
    for name in (ref.get("to"), (decision.get("jurisdiction") or {}).get("body")):
        if name and name != finder:
            return name
    return None


def _local(at: datetime) -> datetime:
    return at.astimezone(CST)


def _moment(at: datetime) -> str:
    t = _local(at)
    return f"{t.year}年{t.month}月{t.day}日{t.hour}时" + (f"{t.minute}分" if t.minute else "")


def applicable(reg: "Register", number: str) -> dict[str, list[Plan]]:
    """The letters a registered case calls for (kinds with no letter are left out)."""
    with reg.db.read() as s:
        case = s.execute(select(Case).where(Case.number == number)).scalar_one_or_none()
        if case is None:
            raise not_found(number)
        events = case_events(s, case.id)
    return {k: v for k, v in plans(reg, case, events).items() if v}


def _choose(reg: "Register", case: Case, kind: str, found: dict[str, list[Plan]], matter: str | None) -> Plan:
    names = _names(reg)
    if kind not in KINDS:
        raise InputError(f"未知的文书种类“{kind}”；可用：" + "、".join(f"{k}（{names[k]}）" for k in KINDS),
                         field="kind", value=kind)
    candidates = found[kind]
    if matter is not None:
        candidates = [p for p in candidates if p.matter == matter]
    if not candidates:
        apply = [k for k in KINDS if found[k]]
        which = "、".join(f"{k}（{names[k]}）" for k in apply) if apply else "无（本案的决定不要求机制规定的任何文书）"
        why = f"（事项 {matter}）" if matter is not None else ""
        raise InputError(f"案件“{case.number}”{why}的决定不要求{names[kind]}（{kind}）：{_why_not(kind)}。"
                         f"本案适用的文书：{which}", field="kind", value=kind)
    distinct = {(p.sender, p.receivers, p.matter) for p in candidates}
    if len(distinct) > 1:
        listed = "；".join(f"事项 {p.matter}：{p.sender} → {'、'.join(p.receivers)}" for p in candidates)
        raise InputError(f"案件“{case.number}”有 {len(candidates)} 份{names[kind]}（{listed}）：请用 --matter 指定事项",
                         field="matter")
    return candidates[0]


_WHY_NOT = {
    "referral": "只有决定移送有管辖权的一方时才出具移送函（四（一）1、2）",
    "notice": "只有违法行为正在进行、需要书面告知有管辖权的执法单位时才出具书面告知书（四（一）1）",
    "complaint_notice": "只有区直执法部门接到应由乡镇街道处理的投诉举报时才出具（四（二）2）",
    "correction": "只有区直执法部门发现乡镇街道执法错误时才提出纠正意见（三（二））",
    "report": "只有接到通知的部门不能说明理由又拒不处理时才向区政府报告（四（四））",
    "dispute": "只有发生执法管辖争议（退回、拒收或协商不成）时才提请区政府决定（四（五））",
    "police": "只有涉嫌犯罪时才移送公安机关（四（六））",
}


def _why_not(kind: str) -> str:
    return _WHY_NOT[kind]


def _names(reg: "Register") -> dict[str, str]:
    return letter_kinds(templates_dir(reg))


def templates_dir(reg: "Register") -> Path | None:
    folder = Path(reg.catalog_dir) / "letters"
    return folder if folder.is_dir() else None


# ---- numbers ---------------------------------------------------------------------------------
@lru_cache(maxsize=8)
def _patterns(bodies_file: str, _mtime: float) -> dict[str, str]:
    doc = load_file(Path(bodies_file))
    out: dict[str, str] = {}
    if not isinstance(doc, dict):
        return out
    for section, key in (("townships", "body"), ("departments", "name"), ("others", "name")):
        for rec in doc.get(section) or ():
            if isinstance(rec, dict) and rec.get("letter_number") and rec.get(key):
                out[rec[key]] = rec["letter_number"]
    return out


def number_pattern(reg: "Register", body: str) -> str:
    """The sender's 发文字号 pattern from catalog/bodies.yaml (`letter_number`), or one with a
    blank 机关代字 for the clerk."""
    path = Path(reg.catalog_dir) / "bodies.yaml"
    return _patterns(str(path), path.stat().st_mtime).get(body, DEFAULT_PATTERN)


def allocate_letter(session: Session, body: str, year: int) -> int:
    """The next 发文字号 sequence number of `body` in `year` (gapless; rolled back with the
    transaction that would have used it)."""
    dialect = session.get_bind().dialect.name
    ins = postgresql.insert if dialect == "postgresql" else sqlite.insert
    stmt = ins(LetterCounter).values(body=body, year=year, last=1)
    stmt = stmt.on_conflict_do_update(index_elements=[LetterCounter.body, LetterCounter.year],
                                      set_={"last": LetterCounter.last + 1}).returning(LetterCounter.last)
    return session.execute(stmt).scalar_one()


# ---- drafting --------------------------------------------------------------------------------
def check_output(out: str | Path, *, force: bool = False, protect: tuple[Path, ...] = ()) -> Path:
    """The output path, or an InputError: only .docx, never over an existing file unless
    `force`, never over an input (the register's database file, the catalog)."""
    path = Path(out).expanduser()
    if path.suffix.lower() != ".docx":
        raise InputError(f"输出文件“{out}”应以 .docx 结尾", field="output", value=str(out))
    resolved = path.resolve()
    for p in protect:
        p = p.resolve()
        if resolved == p or p in resolved.parents:
            raise InputError(f"输出文件“{out}”会覆盖输入（{p}）：请另选文件名", field="output", value=str(out))
    if resolved.is_dir():
        raise InputError(f"输出“{out}”是文件夹：请给出 .docx 文件名", field="output", value=str(out))
    if resolved.exists() and not force:
        raise InputError(f"文件“{out}”已存在：另选文件名，或加 --force 覆盖", field="output", value=str(out))
    if not resolved.parent.is_dir():
        raise InputError(f"文件夹“{resolved.parent}”不存在", field="output", value=str(out))
    return resolved


def default_filename(case_number: str, title: str) -> str:
    return f"{case_number}-{title}.docx"


def inputs_of(reg: "Register") -> tuple[Path, ...]:
    """Files a letter must never overwrite: the catalog folder and the SQLite register file."""
    protect = [Path(reg.catalog_dir)]
    url = reg.db.engine.url
    if url.get_backend_name() == "sqlite" and url.database:
        protect.append(Path(url.database))
    return tuple(protect)


def draft_case_letter(reg: "Register", number: str, kind: str, out: str | Path, *, by: str | None = None,
                      matter: str | None = None, force: bool = False, now: datetime | None = None) -> LetterResult:
    """Draft one letter of a registered case into `out` (.docx) and record a `document` event
    (what, when, by whom, the number), in one transaction: the number is given back when the
    file cannot be written, and the file is removed when the event cannot be recorded."""
    path = check_output(out, force=force, protect=inputs_of(reg))
    now = now or utcnow()
    names = _names(reg)
    suffixes = internal_unit_suffixes(reg.catalog_dir)
    placed = existed = False
    try:
        with reg.db.write() as s:
            case = lock_case(s, number)
            events = case_events(s, case.id)
            plan = _choose(reg, case, kind, plans(reg, case, events), matter)
            if by is not None:
                body = resolve_body(reg, by)
                if body != plan.sender:
                    raise InputError(f"{names[kind]}以“{plan.sender}”的名义发出（机制 四（一）3），--by 应为该单位，"
                                     f"而不是“{body}”", field="by", value=by)
            earlier = _earlier(events, plan)
            day = now.astimezone(CST).date()
            if earlier is not None:
                letter_number = earlier.payload["number"]
                year, seq = earlier.payload.get("year"), earlier.payload.get("seq")
            else:
                year, seq = day.year, allocate_letter(s, plan.sender, day.year)
                letter_number = document_number(number_pattern(reg, plan.sender), year, seq)
            data = _letter_data(reg, case, events, plan, letter_number, day)
            content = draft_letter(kind, data, templates_dir=templates_dir(reg), internal_suffixes=suffixes)
            payload = {"letter": kind, "title": names[kind], "number": letter_number, "year": year, "seq": seq,
                       "sender": plan.sender,
                       "receivers": list(plan.receivers), "matter": plan.matter, "file": str(path),
                       "reissue_of": earlier.id if earlier is not None else None}
            row = event_row(case.id, "document", now, plan.sender, reg.user, utcnow(),
                             note=f"{names[kind]} {letter_number}" + ("（重新生成）" if earlier is not None else ""),
                             payload=payload)
            tmp = _write_temp(path, content)
            try:
                event_id = s.execute(insert(Event).returning(Event.id), [row]).scalar_one()
                count_events(s.connection(), [row])
                s.flush()
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
            existed = path.exists()
            os.replace(tmp, path)
            placed = True
    except BaseException:
        if placed and not existed:  # the event was not recorded: no letter without its record
            path.unlink(missing_ok=True)
        raise
    return LetterResult(case.number, kind, names[kind], letter_number, plan.sender, plan.receivers, str(path),
                        event_id, earlier.id if earlier is not None else None)


def _write_temp(path: Path, content: bytes) -> str:
    fd, tmp = tempfile.mkstemp(prefix=".zhifa-", suffix=".docx", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(content)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return tmp


def _earlier(events: list[Event], plan: Plan) -> Event | None:
    """The first letter of the same kind, sender, receivers and matter drafted before: drafting
    it again keeps its number."""
    for e in events:
        p = e.payload or {}
        if (e.kind == "document" and p.get("letter") == plan.kind and p.get("sender") == plan.sender
                and tuple(p.get("receivers") or ()) == plan.receivers and p.get("matter") == plan.matter
                and p.get("number") and p.get("reissue_of") is None):
            return e
    return None


def _letter_data(reg: "Register", case: Case, events: list[Event], plan: Plan, number: str, day: date) -> LetterData:
    d = plan.decision
    found = next((e for e in effective(EventFact(e.id, e.kind, e.at, e.body, e.supersedes) for e in events)
                  if e.kind == "found"), None)
    text = case.input.get("text")
    place = (case.decision.get("place") or {}).get("name") or case.input.get("place")
    return LetterData(
        kind=plan.kind, sender=plan.sender, receivers=plan.receivers, cc=plan.cc, number=number,
        case_number=case.number, facts=text if isinstance(text, str) and text.strip() else None,
        place=place, found_at=_local(found.at if found else case.found_at).replace(tzinfo=None),
        matter=d.get("name"), legal_basis=d.get("legal_basis"), deadline=None,
        materials=plan.materials, letter_date=day, details=plan.details)
