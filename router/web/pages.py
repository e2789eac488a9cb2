"""One function per page builds that page's data; the HTML route renders it and the API route
serialises the same object, so the inbox page and GET /api/due cannot disagree.

All functions take the register (or router) and the Actor; cases are read only through the
visibility rule of access.py.
"""
from __future__ import annotations

import re
from dataclasses import asdict, field
from datetime import date, datetime, timedelta, timezone
from typing import Any

from sqlalchemy import and_, case as sql_case, func, select

from router.model.clock import CST
from router.model.lazydc import dataclass
from router.register.kinds import DUTIES, EVENT_KINDS
from router.register.models import Case, Duty, Event
from router.register.services import show_case
from router.register.stats import COLUMNS, stats

from .access import Actor, find_case, visible_ids

FEEDBACK_DUTIES = ("feedback", "feedback_share", "answer_result", "answer_reply", "answer_where",
                   "answer_transfer", "notify_township")
# duty → the events that discharge it, offered as the case page's buttons (label, kind, needs reason)
NEXT_ACTIONS: dict[str, tuple[tuple[str, str], ...]] = {
    "refer": (("已移送（附移送函和材料）", "sent"),),
    "written_notice": (("已书面告知", "notified"), ("已移送", "sent")),
    "dissuade": (("已当场劝阻", "dissuaded"),),
    "receive": (("接收移送", "received"), ("拒绝接收（须写明理由）", "refused"), ("退回（须写明理由）", "returned")),
    "handle": (("立案", "opened"), ("办结", "closed")),
    "feedback": (("已向移送部门反馈结果", "fed_back"),),
    "feedback_share": (("已向移送单位通报结果", "fed_back"),),
    "answer_result": (("已告知投诉人结果", "answered"),),
    "answer_reply": (("已答复投诉人", "answered"),),
    "answer_where": (("已告知投诉人向何处投诉", "answered"),),
    "answer_transfer": (("已告知投诉人材料移交情况", "answered"),),
    "notify_township": (("已书面告知乡镇街道", "notified"),),
    "notify_hazard": (("已通知有管辖权的部门", "notified"),),
    "report": (("已报告区政府", "reported"),),
    "dispute": (("已提请区政府决定", "disputed"),),
    "correction": (("已提出纠正意见", "corrected"),),
    "police": (("已移送公安机关", "police"),),
}
NEEDS_REASON = ("refused", "returned")
MANUAL_KINDS = tuple(k for k in EVENT_KINDS if k not in ("found", "document"))


def now_utc() -> datetime:
    return datetime.now(timezone.utc)


def local(value: str | datetime | None) -> str:
    """'2026-10-10 23:59' (Beijing time) for a stored ISO time or datetime."""
    if value is None:
        return "—"
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value.astimezone(CST).strftime("%Y-%m-%d %H:%M")


def plain(value: Any) -> str:
    """A catalog value as text (as `zhifa catalog diff` prints it)."""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, (list, tuple)):
        return "、".join(map(str, value))
    return "（无）" if value is None else str(value)


def countdown(deadline: str | datetime | None, at: datetime) -> tuple[str, str]:
    """('还剩 2 天 5 小时', 'ok' | 'soon' | 'late') for a deadline."""
    if deadline is None:
        return ("未规定期限", "none")
    if isinstance(deadline, str):
        deadline = datetime.fromisoformat(deadline)
    delta = deadline - at
    late = delta.total_seconds() < 0
    secs = abs(int(delta.total_seconds()))
    days, hours, minutes = secs // 86400, secs % 86400 // 3600, secs % 3600 // 60
    text = (f"{days} 天 {hours} 小时" if days else f"{hours} 小时 {minutes} 分" if hours else f"{minutes} 分钟")
    if late:
        return (f"已逾期 {text}", "late")
    return (f"还剩 {text}", "soon" if delta <= timedelta(days=1) else "ok")


# ---- route page -------------------------------------------------------------------------------------
def highlight(text: str, spans: list[dict]) -> list[tuple[str, bool]]:
    """The description cut into (piece, matched) for the template to mark matched words."""
    marks = [False] * len(text)
    for sp in spans:
        for i in range(max(0, sp["start"]), min(len(text), sp["end"])):
            marks[i] = True
    out: list[tuple[str, bool]] = []
    for ch, m in zip(text, marks):
        if out and out[-1][1] == m:
            out[-1] = (out[-1][0] + ch, m)
        else:
            out.append((ch, m))
    return out


def cites_text(cites: list[str]) -> list[str]:
    seed = "华龙法政办〔2021〕13号"
    clauses = [c[len(seed):].strip() for c in cites if c.startswith(seed)]
    others = [c for c in cites if not c.startswith(seed)]
    return ([f"{seed} " + "；".join(dict.fromkeys(clauses))] if clauses else []) + others


@dataclass
class DecisionView:
    result: dict[str, Any]
    pieces: list[tuple[str, bool]]
    deadlines: dict[str, tuple[str, str]]   # matter → countdown
    cites: dict[str, list[str]]
    # with no matter decided: what the clerk may pick, (question or heading, [matter ids]) each
    options: list[tuple[str, list[str]]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)   # the result's, worded for this page


def _options(result: dict[str, Any]) -> list[tuple[str, list[str]]]:
    """The matters a clerk may pick when none was decided: each family's question with its
    members, then the closest candidates of a description judged outside the catalog."""
    if result.get("decisions"):
        return []
    out = [(c.get("question") or "描述不足以区分，请选择其一", list(c["matters"]))
           for c in result.get("choices") or ()]
    offered = {m for _, ms in out for m in ms}
    close = [c["matter"] for c in (result.get("match") or {}).get("candidates") or ()
             if c["matter"] not in offered][:4]
    if close:
        out.append(("最接近的事项（若确属目录内，请核实后选择）", close))
    return out


def decision_view(result: dict[str, Any], at: datetime | None = None) -> DecisionView:
    at = at or now_utc()
    match = result.get("match") or {}
    spans = [sp for c in match.get("candidates") or () if c.get("selected") for sp in c["spans"]]
    text = match.get("text") or ""
    deadlines = {d["matter"]: countdown(d["referral"]["deadline"], at)
                 for d in result["decisions"] if d.get("referral") and d["referral"].get("deadline")}
    # the notes name the command line's option; on this page the clerk picks below
    shown = {a["note"] for a in result.get("asked_about") or ()}   # (the answer's headline, not a note)
    warnings = [re.sub(r"\s*--matter\s*", "下方的“指定事项”", w.replace("用 --matter 指定事项编号", "在下方指定事项"))
                for w in result.get("warnings") or () if w not in shown]
    return DecisionView(result, highlight(text, spans), deadlines,
                        {d["matter"]: cites_text(d["cites"]) for d in result["decisions"]},
                        _options(result), warnings)


# ---- inbox ------------------------------------------------------------------------------------------
@dataclass
class DutyItem:
    case: str
    duty: str
    label: str
    body: str
    deadline: str | None
    overdue: bool
    countdown: str
    state: str
    summary: str
    place: str
    finder: str

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Section:
    key: str
    title: str
    hint: str
    total: int
    items: list[DutyItem] = field(default_factory=list)


@dataclass
class CaseItem:
    case: str
    found_at: str
    summary: str
    place: str
    finder: str
    last_event: str
    last_at: str


@dataclass
class Inbox:
    body: str
    as_of: datetime
    sections: list[Section]
    mine: list[CaseItem]

    @property
    def total(self) -> int:
        return sum(s.total for s in self.sections)

    def to_json(self) -> dict[str, Any]:
        return {"body": self.body, "as_of": self.as_of.astimezone(CST).isoformat(timespec="seconds"),
                "sections": [{"key": s.key, "title": s.title, "total": s.total,
                              "items": [i.to_json() for i in s.items]} for s in self.sections]}


SECTIONS = (
    ("overdue", "已逾期", "已过截止时间仍未办理：请立即办理，逾期情况计入协作配合考核（五.4）"),
    ("referred", "移送给我，待接收", "其他单位移送来的案件：请接收，或写明理由拒绝、退回"),
    ("due_soon", "即将到期", "截止时间在 {days} 天内"),
    ("feedback", "待我反馈、告知", "办结后须向移送单位反馈、告知投诉人"),
    ("open", "在办", "已接收或自办的案件：立案、办结"),
)


def case_summary(inp: dict, decision: dict) -> tuple[str, str]:
    text = (inp or {}).get("text") or "；".join(d.get("name", "") for d in decision.get("decisions") or ())
    place = ((decision or {}).get("place") or {}).get("name") or ""
    return text, place


def inbox(reg, actor: Actor, *, at: datetime | None = None, soon_days: int = 3, rows: int = 50) -> Inbox:
    """The open duties owed by the actor's body, in five exclusive sections, and its latest cases."""
    at = at or now_utc()
    horizon = at + timedelta(days=soon_days)
    mine = and_(Duty.body == actor.body, Duty.done_at.is_(None), Duty.start <= at)
    conds = {
        "overdue": and_(Duty.deadline.isnot(None), Duty.deadline < at),
        "referred": Duty.duty == "receive",
        "due_soon": and_(Duty.deadline.isnot(None), Duty.deadline >= at, Duty.deadline <= horizon),
        "feedback": Duty.duty.in_(FEEDBACK_DUTIES),
    }
    section_of = sql_case(*[(c, k) for k, c in conds.items()], else_="open")
    # Each section's first `rows` duties are chosen on the duties alone, in the order of the
    # index on (body, deadline) of open duties (deadline ascending, NULLS LAST: the index's own
    # order, so the scan stops after `rows` matches), and only then joined to their cases. Sorting
    # first by `deadline IS NULL` made PostgreSQL sort all 6,666 open duties of a body with 10,000
    # cases, and joining first read (and detoasted) each one's case: 180 ms against a few. Only
    # the two JSON values shown are read, not the whole stored decision (JSON paths work on both
    # databases).
    order = (Duty.deadline.asc().nulls_last(), Duty.start, Duty.id)
    sections: list[Section] = []
    with reg.db.read() as s:
        totals = dict(s.execute(select(section_of, func.count()).where(mine).group_by(section_of)).all())
        for key, title, hint in SECTIONS:
            sec = Section(key, title, hint.format(days=soon_days), totals.get(key, 0))
            sections.append(sec)
            if not sec.total:
                continue
            top = (select(Duty.id, Duty.case_id, Duty.duty, Duty.body, Duty.deadline, Duty.start)
                   .where(mine, conds.get(key, True) if key == "overdue" else section_of == key)
                   .order_by(*order).limit(rows).subquery())
            q = (select(Case.number, Case.input["text"].as_string(), Case.decision["place"]["name"].as_string(),
                        Case.body, top.c.duty, top.c.body, top.c.deadline)
                 .join(Case, Case.id == top.c.case_id)
                 .order_by(top.c.deadline.asc().nulls_last(), top.c.start, top.c.id))
            for number, text, place, finder, duty, owner, deadline in s.execute(q):
                text, place = text or "（按事项编号登记）", place or ""
                cd, state = countdown(deadline, at)
                sec.items.append(DutyItem(number, duty, DUTIES[duty][0], owner,
                                          deadline.astimezone(CST).isoformat(timespec="seconds") if deadline else None,
                                          bool(deadline and deadline < at), cd, state, text, place, finder))
        mine_cases = recent_cases(s, actor, rows=10, finder_only=True)
    return Inbox(actor.body, at, sections, mine_cases)


def recent_cases(s, actor: Actor, *, rows: int = 50, finder_only: bool = False, query: str = "",
                 offset: int = 0) -> list[CaseItem]:
    q = select(Case.id, Case.number, Case.found_at, Case.input, Case.decision, Case.body)
    if finder_only:
        q = q.where(Case.body == actor.body)
    else:
        ids = visible_ids(actor)
        if ids is not None:
            q = q.where(Case.id.in_(ids))
    if query:
        q = q.where(Case.number.contains(query.strip()))
    found = s.execute(q.order_by(Case.id.desc()).offset(offset).limit(rows)).all()
    if not found:
        return []
    last_id = (select(Event.case_id, func.max(Event.id).label("eid"))
               .where(Event.case_id.in_([r[0] for r in found])).group_by(Event.case_id).subquery())
    last = {cid: (kind, at_) for cid, kind, at_ in s.execute(
        select(Event.case_id, Event.kind, Event.at).join(last_id, Event.id == last_id.c.eid))}
    out = []
    for cid, number, found_at, inp, decision, body in found:
        text, place = case_summary(inp, decision)
        kind, at_ = last.get(cid, ("found", found_at))
        out.append(CaseItem(number, local(found_at), text, place, body, EVENT_KINDS.get(kind, kind), local(at_)))
    return out


# ---- case page ----------------------------------------------------------------------------------------
@dataclass
class Action:
    kind: str
    label: str
    needs_reason: bool
    duty: str


@dataclass
class CaseView:
    view: dict[str, Any]          # show_case()
    decision: DecisionView
    actions: list[Action]         # the next steps of the actor's body
    other_kinds: list[tuple[str, str]]
    can_act: bool
    letters: list[tuple[str, str]]
    countdowns: list[tuple[str, str]]
    state: str


def case_state(view: dict) -> str:
    kinds = [e["kind"] for e in view["events"] if not e["superseded_by"]]
    for kind, label in (("closed", "已办结"), ("opened", "已立案"), ("received", "已接收"),
                        ("disputed", "已提请区政府决定管辖争议"), ("refused", "被拒收"),
                        ("returned", "被退回"), ("sent", "已移送，待接收"), ("notified", "已书面告知")):
        if kind in kinds:
            return label
    return "已登记"


def case_view(reg, s, actor: Actor, number: str, *, at: datetime | None = None,
              letter_names: dict[str, str] | None = None) -> CaseView:
    find_case(s, actor, number)  # NotVisible unless the actor may see it
    at = at or now_utc()
    view = show_case(reg, number, at=at)
    can_act = actor.can("case.act")
    actions: list[Action] = []
    if can_act:
        seen = set()
        for d in view["duties"]:
            if d["body"] != actor.body:
                continue
            for label, kind in NEXT_ACTIONS.get(d["duty"], ()):
                if kind not in seen:
                    seen.add(kind)
                    actions.append(Action(kind, label, kind in NEEDS_REASON, d["duty"]))
        live = [e for e in view["events"] if not e["superseded_by"] and e["body"] == actor.body]
        if any(e["kind"] == "opened" for e in live) and not any(e["kind"] == "closed" for e in live) \
                and "closed" not in seen:
            actions.append(Action("closed", "办结", False, "handle"))  # after 立案 the case still has to be closed
    dv = decision_view({**view["decision"], "match": None}, at)
    return CaseView(view, dv, actions, [(k, EVENT_KINDS[k]) for k in MANUAL_KINDS], can_act,
                    list((letter_names or {}).items()), [countdown(d["deadline"], at) for d in view["duties"]],
                    case_state(view))


# ---- statistics -------------------------------------------------------------------------------------
@dataclass
class StatsView:
    year: int
    body: str | None
    bodies: list[dict[str, Any]]
    months: list[dict[str, Any]]    # {"month": 1, "sent": n, "on_time": n, "overdue": n, "feedback": n}
    columns: dict[str, str]
    overdue: list[dict[str, Any]]


def month_range(year: int, month: int) -> tuple[date, date]:
    first = date(year, month, 1)
    nxt = date(year + (month == 12), month % 12 + 1, 1)
    return first, nxt - timedelta(days=1)


def stats_view(reg, year: int, body: str | None = None, *, at: datetime | None = None) -> StatsView:
    at = at or now_utc()
    whole = stats(reg, date(year, 1, 1), date(year, 12, 31), body=body, as_of=at)
    months = []
    last_month = 12 if year < at.astimezone(CST).year else at.astimezone(CST).month
    for m in range(1, 13):
        if m > last_month:
            months.append({"month": m, "sent": 0, "on_time": 0, "overdue": 0, "feedback": 0, "future": True})
            continue
        lo, hi = month_range(year, m)
        part = stats(reg, lo, hi, body=body, as_of=at)
        tot = lambda k: sum(r[k] or 0 for r in part.bodies)  # noqa: E731
        months.append({"month": m, "sent": tot("referrals_sent"), "on_time": tot("referrals_on_time"),
                       "overdue": tot("overdue"), "feedback": tot("feedback_given"), "future": False})
    return StatsView(year, whole.bodies[0]["body"] if body and whole.bodies else body, whole.bodies, months,
                     COLUMNS, whole.overdue[:200])


def bar_chart(months: list[dict[str, Any]], series: tuple[tuple[str, str, str], ...], *, width: int = 760,
              height: int = 240) -> str:
    """A grouped bar chart as inline SVG (server-side; no script, prints well)."""
    from html import escape
    top = max([1] + [m[k] for m in months for k, _, _ in series])
    left, bottom, pad = 40, 28, 10
    plot_w, plot_h = width - left - pad, height - bottom - pad - 24
    group = plot_w / len(months)
    bar = max(4.0, (group - 8) / len(series))
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
             f'aria-label="按月统计图" class="chart">']
    step = max(1, round(top / 4))
    for v in range(0, top + 1, step):
        y = pad + 24 + plot_h - v / top * plot_h
        parts.append(f'<line x1="{left}" x2="{width - pad}" y1="{y:.1f}" y2="{y:.1f}" class="grid"/>'
                     f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" class="tick">{v}</text>')
    for i, m in enumerate(months):
        x0 = left + i * group + 4
        for j, (key, _, color) in enumerate(series):
            h = m[key] / top * plot_h
            y = pad + 24 + plot_h - h
            parts.append(f'<rect x="{x0 + j * bar:.1f}" y="{y:.1f}" width="{bar - 1:.1f}" height="{h:.1f}" '
                         f'fill="{color}"><title>{m["month"]}月 {escape(series[j][1])}：{m[key]}</title></rect>')
        parts.append(f'<text x="{x0 + group / 2 - 4:.1f}" y="{height - 8}" text-anchor="middle" class="tick">'
                     f'{m["month"]}月</text>')
    lx = left
    for key, label, color in series:
        parts.append(f'<rect x="{lx}" y="4" width="12" height="12" fill="{color}"/>'
                     f'<text x="{lx + 16}" y="15" class="legend">{escape(label)}</text>')
        lx += 30 + 14 * len(label)
    parts.append("</svg>")
    return "".join(parts)
