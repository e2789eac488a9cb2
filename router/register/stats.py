"""`zhifa stats`: figures per body for the 法治政府 assessment (华龙法政办〔2021〕13号 五.4).

Counts of done duties and of events come from the daily counts kept with every write
(counts.py), so a year costs a few thousand rows whatever the size of the register; overdue
figures read the partial index of missed duties; medians come from an hour histogram, so no
database-specific SQL. Events replaced by a correction are not counted (the corrected event is).
"""
from __future__ import annotations

from dataclasses import field
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import aliased

from router.model.clock import CST
from router.model.errors import InputError
from router.model.lazydc import dataclass

from .counts import day_number, done_counts, event_counts
from .kinds import DUTIES, SEED
from .kinds import STATS_COLUMNS as COLUMNS
from .models import Case, Duty, Event
from .services import iso, resolve_body, utcnow

if TYPE_CHECKING:
    from .register import Register

REFER = ("refer",)  # every referral has one (an ongoing case's written notice is not a referral)
FEEDBACK = ("feedback", "feedback_share")
COUNTED = {"received": "received", "refused": "refusals", "returned": "returns", "disputed": "disputes",
           "police": "police", "corrected": "corrections", "reported": "reports"}
OVERDUE_LIST = 10000


@dataclass
class Stats:
    start: date
    end: date
    as_of: datetime
    bodies: list[dict[str, Any]] = field(default_factory=list)
    overdue: list[dict[str, Any]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"from": self.start.isoformat(), "to": self.end.isoformat(), "as_of": iso(self.as_of),
                "basis": f"{SEED} 五.4", "bodies": self.bodies, "overdue": self.overdue}


def parse_day(value: str, option: str) -> date:
    try:
        return date.fromisoformat(value.strip())
    except (ValueError, AttributeError):
        raise InputError(f"{option} 的日期“{value}”无效：请写成 2026-01-01", field=option, value=value) from None


def stats(reg: "Register", start: date, end: date, *, body: str | None = None,
          as_of: datetime | None = None) -> Stats:
    if end < start:
        raise InputError(f"--to（{end}）早于 --from（{start}）", field="to", value=str(end))
    lo = datetime.combine(start, time(0), CST)
    hi = datetime.combine(end + timedelta(days=1), time(0), CST)
    as_of = min(as_of or utcnow(), hi)
    name = resolve_body(reg, body, "body") if body is not None else None
    rows: dict[str, dict[str, Any]] = {}

    def row(b: str) -> dict[str, Any]:
        return rows.setdefault(b, {k: 0 for k in COLUMNS} | {"body": b, "share_on_time": None,
                                                            "median_days_to_refer": None})

    with reg.db.read() as s:
        _done_duties(s, lo, hi, row)
        _overdue_counts(s, lo, hi, as_of, row)
        _events(s, lo, hi, row)
        overdue = _overdue_list(s, lo, hi, as_of, name)
    bodies = sorted(rows.values(), key=lambda r: r["body"])
    if name is not None:
        bodies = [r for r in bodies if r["body"] == name] or [row(name)]
    return Stats(start, end, as_of, bodies, overdue)


def _done_duties(s, lo, hi, row) -> None:
    """Referrals and feedback done in the period, from the daily counts (counts.py): per body
    and duty, whether on time, and for referrals the hours it took."""
    c = done_counts.c
    q = (select(c.body, c.duty, c.on_time, c.hours, func.sum(c.n))
         .where(c.day >= day_number(lo), c.day < day_number(hi), c.duty.in_(REFER + FEEDBACK))
         .group_by(c.body, c.duty, c.on_time, c.hours))
    hist: dict[str, list[tuple[int, int]]] = {}
    for b, duty, ok, h, n in s.execute(q):
        n = int(n)
        if not n:
            continue
        r = row(b)
        if duty in REFER:
            r["referrals_sent"] += n
            r["referrals_on_time"] += n if ok else 0
            hist.setdefault(b, []).append((int(h), n))
        else:
            r["feedback_given"] += n
            r["feedback_on_time"] += n if ok else 0
    for b, buckets in hist.items():
        r = row(b)
        r["share_on_time"] = round(r["referrals_on_time"] / r["referrals_sent"], 4)
        r["median_days_to_refer"] = _median_days(_merged(buckets))


def _merged(buckets: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: dict[int, int] = {}
    for h, n in buckets:
        out[h] = out.get(h, 0) + n
    return list(out.items())


def _median_days(buckets: list[tuple[int, int]]) -> float:
    """Median of an hour histogram (hour h stands for h + 0.5 hours), in days, one decimal;
    with an even count, the mean of the two middle values."""
    buckets.sort()
    total = sum(n for _, n in buckets)
    middle = [_nth(buckets, (total - 1) // 2), _nth(buckets, total // 2)]
    return round(sum(h + 0.5 for h in middle) / 2 / 24, 1)


def _nth(buckets: list[tuple[int, int]], index: int) -> int:
    seen = 0
    for h, n in buckets:
        seen += n
        if index < seen:
            return h
    return buckets[-1][0]


def _missed(lo, hi, as_of):
    """Duties due in the period that were not done by their deadline (as of `as_of`); the last
    condition is the predicate of the partial index ix_duties_missed, written the same way."""
    return and_(Duty.deadline >= lo, Duty.deadline < hi, Duty.deadline < as_of,
                or_(Duty.done_at.is_(None), Duty.done_at > Duty.deadline))


def _overdue_counts(s, lo, hi, as_of, row) -> None:
    for b, n in s.execute(select(Duty.body, func.count()).where(_missed(lo, hi, as_of)).group_by(Duty.body)):
        row(b)["overdue"] = n


def _events(s, lo, hi, row) -> None:
    c = event_counts.c
    q = (select(c.body, c.kind, func.sum(c.n)).where(c.day >= day_number(lo), c.day < day_number(hi),
                                                    c.kind.in_(COUNTED)).group_by(c.body, c.kind))
    for b, kind, n in s.execute(q):
        if n:
            row(b)[COUNTED[kind]] += int(n)
    # events replaced by a correction: driven from the corrections (partial index on supersedes)
    later = aliased(Event)
    replaced = (select(Event.body, Event.kind, func.count()).select_from(later)
                .join(Event, Event.id == later.supersedes)
                .where(later.supersedes.isnot(None), Event.kind.in_(COUNTED), Event.at >= lo, Event.at < hi)
                .group_by(Event.body, Event.kind))
    for b, kind, n in s.execute(replaced):
        row(b)[COUNTED[kind]] -= n


def _overdue_list(s, lo, hi, as_of, name) -> list[dict[str, Any]]:
    q = (select(Case.number, Duty.duty, Duty.body, Duty.deadline, Duty.done_at).join(Case, Case.id == Duty.case_id)
         .where(_missed(lo, hi, as_of)).order_by(Duty.deadline, Case.number).limit(OVERDUE_LIST))
    if name is not None:
        q = q.where(Duty.body == name)
    return [{"case": n, "duty": d, "label": DUTIES[d][0], "body": b, "deadline": iso(dl), "done_at": iso(done)}
            for n, d, b, dl, done in s.execute(q)]


def write_xlsx(result: Stats, path: str) -> None:
    """A sheet per table (各单位统计, 逾期义务, 说明) and a bar chart of referrals per body."""
    wb = Workbook()
    ws = wb.active
    ws.title = "各单位统计"
    keys = list(COLUMNS)
    ws.append([COLUMNS[k] for k in keys])
    for r in result.bodies:
        ws.append([r[k] for k in keys])
    ws.column_dimensions["A"].width = 28
    n = len(result.bodies)
    if n:
        chart = BarChart()
        chart.title = "移送与接收（件）"
        chart.y_axis.title = "件"
        sent, received = keys.index("referrals_sent") + 1, keys.index("received") + 1
        for col in (sent, received):
            chart.add_data(Reference(ws, min_col=col, min_row=1, max_row=n + 1), titles_from_data=True)
        chart.set_categories(Reference(ws, min_col=1, min_row=2, max_row=n + 1))
        chart.width, chart.height = 24, 12
        ws.add_chart(chart, f"A{n + 4}")
    od = wb.create_sheet("逾期义务")
    od.append(["案件编号", "义务", "单位", "截止时间", "履行时间"])
    for d in result.overdue:
        od.append([d["case"], d["label"], d["body"], d["deadline"], d["done_at"] or "未履行"])
    about = wb.create_sheet("说明")
    for line in (["统计期间", f"{result.start} 至 {result.end}"], ["截至", iso(result.as_of)],
                 ["依据", f"{SEED} 五.4：区乡镇协作配合落实情况纳入法治政府考核"],
                 ["逾期义务", "期内到期、到期时未履行或履行晚于截止时间的义务"],
                 ["移送用时", "自发现至移送，按小时统计后取中位数（天）"]):
        about.append(line)
    wb.save(path)
