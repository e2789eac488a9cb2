"""What a catalog change does, before it takes effect.

Compares two catalogs (two folders, or two git revisions of catalog/): matters added, removed,
renamed, with a changed legal basis or owner; for every matter and township/street, who holds
the matter on which dates before and after (so delegations gained and lost are exact, with their
windows); the notices the mechanism requires between departments and townships; and, replaying
the fixture cases and any past cases, every case whose jurisdiction, action or deadline changes.
"""
from __future__ import annotations

import json
import re
import subprocess
import tempfile
from dataclasses import field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, Iterable

from router.catalog.load import Batch, Catalog, Matter, load_catalog
from router.decide.jurisdiction import Jurisdiction, jurisdiction_of
from router.decide.route import Router
from router.engine.driver import Engine
from router.engine.rules import Rule, load_rules
from router.model.clock import parse_as_of, today
from router.model.errors import CatalogError, InputError, ZhifaError
from router.model.lazydc import dataclass
from router.policy.fixtures import FIXTURE_NOW, load_fixtures

SEED = "华龙法政办〔2021〕13号"
MATTER_LABELS = {
    "name": "名称", "field": "领域", "department": "原实施部门", "kind": "事项类型",
    "legal_basis": "实施依据", "listed": "列入情况", "basis_checked": "依据已核对",
    "sources": "出处", "note": "备注", "statutory": "法定职权", "statutory_holder": "法定主体",
    "department_assumption": "部门推定",
}
BATCH_LABELS = {
    "title": "标题", "document": "下放文件", "legal_basis": "文件依据", "effective": "实施时间",
    "ends": "收回时间", "bodies": "承接主体", "matters": "事项", "assumptions": "推定",
    "status": "状态说明", "source": "来源",
}
BASIS_LABELS = {"delegated": "下放", "statutory": "法定", "department": "部门", None: "—"}


# ---------------------------------------------------------------------------------------------
# Results


@dataclass(frozen=True)
class Window:
    """Days [start, end): date.min / date.max for “since always” / “no end”."""

    start: date
    end: date

    def label(self) -> str:
        if self.start == date.min and self.end == date.max:
            return "所有日期"
        if self.start == date.min:
            return f"{self.end} 之前"
        if self.end == date.max:
            return f"{self.start} 起"
        return f"{self.start} 起至 {self.end} 前"

    def to_json(self) -> list:
        return [None if self.start == date.min else self.start.isoformat(),
                None if self.end == date.max else self.end.isoformat()]


@dataclass(frozen=True)
class FieldChange:
    matter: str
    key: str
    old: Any
    new: Any

    @property
    def label(self) -> str:
        return MATTER_LABELS.get(self.key, self.key)


@dataclass(frozen=True)
class BatchChange:
    batch: str
    kind: str  # added | removed | changed
    details: tuple[str, ...] = ()


@dataclass(frozen=True)
class HolderChange:
    matter: str
    township: str
    window: Window
    old_body: str | None
    old_basis: str | None
    old_batch: str | None
    new_body: str | None
    new_basis: str | None
    new_batch: str | None


@dataclass(frozen=True)
class BodyChange:
    """One body gains or loses one matter at some townships for one window."""

    body: str
    kind: str  # gained | lost
    matter: str
    townships: tuple[str, ...]
    window: Window
    counterpart: str | None  # who held it before (gained) or holds it after (lost)
    batch: str | None  # the batch behind the body's holding, if delegated


@dataclass(frozen=True)
class Notification:
    senders: tuple[str, ...]
    recipients: tuple[str, ...]
    matter: str
    text: str
    by: date | None
    clause: str


@dataclass(frozen=True)
class CaseChange:
    source: str
    name: str
    matter: str
    changes: tuple[tuple[str, str, str], ...]  # (what, before, after)


@dataclass
class Impact:
    replayed: int = 0
    changed: list[CaseChange] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (source, reason)

    @property
    def cases_changed(self) -> int:
        return len({(c.source, c.name) for c in self.changed})


@dataclass
class CatalogDiff:
    old_label: str
    new_label: str
    added: list[Matter] = field(default_factory=list)
    removed: list[Matter] = field(default_factory=list)
    matter_changes: list[FieldChange] = field(default_factory=list)
    batch_changes: list[BatchChange] = field(default_factory=list)
    assumption_changes: list[tuple[str, str, str | None, str | None]] = field(default_factory=list)
    holder_changes: list[HolderChange] = field(default_factory=list)
    calendar_changes: list[tuple[int, str, tuple[str, ...]]] = field(default_factory=list)  # year, kind, days
    bodies: list[BodyChange] = field(default_factory=list)
    notifications: list[Notification] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    impact: Impact | None = None
    as_of: date | None = None
    names: dict[str, str] = field(default_factory=dict)  # matter id -> name (new, else old)
    groups: dict[str, tuple[str, ...]] = field(default_factory=dict)  # “各乡镇人民政府” -> bodies

    def bodies_text(self, bodies: Iterable[str]) -> str:
        """A list of bodies, with whole groups named as the documents name them."""
        return compact(bodies, self.groups)

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.matter_changes or self.batch_changes
                    or self.assumption_changes or self.holder_changes or self.calendar_changes)

    def renamed(self) -> list[FieldChange]:
        return [c for c in self.matter_changes if c.key == "name"]

    def to_json(self) -> dict:
        def d(x):
            return x.isoformat() if isinstance(x, date) else x
        out = {
            "old": self.old_label, "new": self.new_label,
            "as_of": d(self.as_of),
            "matters_added": [{"id": m.id, "name": m.name, "department": m.department} for m in self.added],
            "matters_removed": [{"id": m.id, "name": m.name} for m in self.removed],
            "matter_changes": [{"matter": c.matter, "key": c.key, "old": _jsonable(c.old),
                                "new": _jsonable(c.new)} for c in self.matter_changes],
            "batch_changes": [{"batch": c.batch, "kind": c.kind, "details": list(c.details)}
                              for c in self.batch_changes],
            "assumption_changes": [{"id": a, "kind": k, "old": o, "new": n}
                                   for a, k, o, n in self.assumption_changes],
            "holder_changes": [{"matter": h.matter, "township": h.township, "window": h.window.to_json(),
                                "old": {"body": h.old_body, "basis": h.old_basis, "batch": h.old_batch},
                                "new": {"body": h.new_body, "basis": h.new_basis, "batch": h.new_batch}}
                               for h in self.holder_changes],
            "bodies": [{"body": b.body, "kind": b.kind, "matter": b.matter, "townships": list(b.townships),
                        "window": b.window.to_json(), "counterpart": b.counterpart, "batch": b.batch}
                       for b in self.bodies],
            "notifications": [{"from": list(n.senders), "to": list(n.recipients), "matter": n.matter,
                               "text": n.text, "by": d(n.by), "clause": n.clause}
                              for n in self.notifications],
            "calendar_changes": [{"year": y, "kind": k, "days": list(days)} for y, k, days in self.calendar_changes],
            "notes": list(self.notes),
        }
        if self.impact is not None:
            out["impact"] = {
                "replayed": self.impact.replayed, "cases_changed": self.impact.cases_changed,
                "changes": [{"source": c.source, "name": c.name, "matter": c.matter,
                             "changes": [{"what": w, "old": o, "new": n} for w, o, n in c.changes]}
                            for c in self.impact.changed],
                "skipped": [{"source": s, "reason": r} for s, r in self.impact.skipped],
            }
        return out


def _jsonable(v: Any) -> Any:
    if isinstance(v, tuple):
        return list(v)
    if isinstance(v, date):
        return v.isoformat()
    return v


# ---------------------------------------------------------------------------------------------
# Comparing two loaded catalogs


def compare(old: Catalog, new: Catalog, *, as_of: date | None = None,
            old_label: str = "旧目录", new_label: str = "新目录", rules: Any = None) -> CatalogDiff:
    """What changes from `old` to `new`; who holds what comes from the jurisdiction rules
    (`rules`: a rules folder, a rule list or a Jurisdiction; default the usual rules folder)."""
    as_of = as_of or today()
    out = CatalogDiff(old_label, new_label, as_of=as_of)
    out.names = {**{m.id: m.name for m in old.matters.values()},
                 **{m.id: m.name for m in new.matters.values()}}
    out.groups = body_groups(new)
    out.added = [m for mid, m in new.matters.items() if mid not in old.matters]
    out.removed = [m for mid, m in old.matters.items() if mid not in new.matters]
    for mid, m in new.matters.items():
        o = old.matters.get(mid)
        if o is None:
            continue
        for key in MATTER_LABELS:
            if getattr(o, key) != getattr(m, key):
                out.matter_changes.append(FieldChange(mid, key, getattr(o, key), getattr(m, key)))
    out.batch_changes = _batch_changes(old, new)
    for aid in dict.fromkeys([*old.assumptions, *new.assumptions]):
        a, b = old.assumptions.get(aid), new.assumptions.get(aid)
        if a is None:
            out.assumption_changes.append((aid, "added", None, b.text))
        elif b is None:
            out.assumption_changes.append((aid, "removed", a.text, None))
        elif a.text != b.text:
            out.assumption_changes.append((aid, "changed", a.text, b.text))
    out.holder_changes = _holder_changes(old, new, jurisdiction_of(rules))
    out.calendar_changes = _calendar_changes(old, new)
    out.bodies = _body_changes(out.holder_changes, old, new)
    out.notifications, past = _notifications(old, new, out, as_of)
    if past:
        out.notes.append(f"有 {past} 处管辖变化只涉及 {as_of} 之前的日期（历史数据更正），无需通报")
    return out


def body_groups(cat: Catalog) -> dict[str, tuple[str, ...]]:
    """The groups documents name (各乡镇、各街道), by legal body and by place name."""
    towns = [t for t in cat.townships.values() if t.type in ("乡", "镇")]
    streets = [t for t in cat.townships.values() if t.type == "街道"]
    return {
        f"各乡镇人民政府、街道办事处（{len(towns) + len(streets)}个）": tuple(t.body for t in streets + towns),
        f"各乡镇人民政府（{len(towns)}个）": tuple(t.body for t in towns),
        f"各街道办事处（{len(streets)}个）": tuple(t.body for t in streets),
        f"各乡镇、街道（{len(towns) + len(streets)}个）": tuple(t.name for t in streets + towns),
        f"各乡镇（{len(towns)}个）": tuple(t.name for t in towns),
        f"各街道（{len(streets)}个）": tuple(t.name for t in streets),
    }


def compact(bodies: Iterable[str], groups: dict[str, tuple[str, ...]]) -> str:
    rest = list(dict.fromkeys(bodies))
    labels = []
    for label, members in groups.items():  # largest groups first
        if members and set(members) <= set(rest):
            labels.append(label)
            rest = [b for b in rest if b not in members]
    return "、".join(labels + rest)


def _batch_changes(old: Catalog, new: Catalog) -> list[BatchChange]:
    ob = {b.id: b for b in old.batches}
    nb = {b.id: b for b in new.batches}
    out = []
    for bid in dict.fromkeys([*ob, *nb]):
        a, b = ob.get(bid), nb.get(bid)
        if a is None:
            out.append(BatchChange(bid, "added", (f"{_batch_window(b)}，{len(b.matters)} 项，"
                                                  f"承接主体：{'、'.join(b.bodies)}；{b.document}",)))
        elif b is None:
            out.append(BatchChange(bid, "removed", (f"{_batch_window(a)}，{len(a.matters)} 项",)))
        else:
            details = []
            for key, label in BATCH_LABELS.items():
                x, y = getattr(a, key), getattr(b, key)
                if x == y:
                    continue
                if key in ("bodies", "matters", "assumptions", "legal_basis"):
                    gained = [v for v in y if v not in x]
                    lost = [v for v in x if v not in y]
                    parts = []
                    if gained:
                        parts.append("增加 " + "、".join(gained))
                    if lost:
                        parts.append("删除 " + "、".join(lost))
                    if not parts:
                        parts.append("顺序调整")
                    details.append(f"{label}：{'；'.join(parts)}")
                else:
                    details.append(f"{label}：{_show(x)} → {_show(y)}")
            if details:
                out.append(BatchChange(bid, "changed", tuple(details)))
    return out


def _calendar_changes(old: Catalog, new: Catalog) -> list[tuple[int, str, tuple[str, ...]]]:
    """Years whose working days differ: a year entered (or removed, or corrected) changes the
    referral deadlines that run through it."""
    years = set()
    for cat in (old, new):
        folder = cat.root / "calendar"
        if folder.is_dir():
            years.update(int(m.group(1)) for p in folder.iterdir() if (m := re.match(r"^(\d{4})\.ya?ml$", p.name)))
    out = []
    try:
        a, b = old.calendar, new.calendar
    except CatalogError:
        return out
    for year in sorted(years):
        days = []
        d = date(year, 1, 1)
        while d.year == year:
            x, y = a.day_info(d), b.day_info(d)
            if x.is_working_day != y.is_working_day:
                days.append(f"{d}：{x.label} → {y.label}")
            d += timedelta(days=1)
        if not days and a.source(year) == b.source(year):
            continue
        if a.source(year) != b.source(year) and (a.source(year) is None or a.source(year) == "chinesecalendar"):
            kind = "added"
        elif b.source(year) is None or b.source(year) == "chinesecalendar":
            kind = "removed"
        else:
            kind = "changed"
        if days or kind != "changed":
            out.append((year, kind, tuple(days)))
    return out


def _batch_window(b: Batch) -> str:
    return f"{b.effective} 起" + (f"至 {b.ends} 前" if b.ends else "")


def _show(v: Any) -> str:
    if v is None:
        return "（无）"
    if isinstance(v, bool):
        return "是" if v else "否"
    if isinstance(v, (list, tuple)):
        return "、".join(map(str, v)) or "（无）"
    return str(v)


def _holder(juris: Jurisdiction, cat: Catalog, mid: str, township: str,
            day: date) -> tuple[str | None, str | None, str | None]:
    if mid not in cat.matters or township not in cat.townships:
        return None, None, None
    h = juris.holder_on(cat, mid, cat.townships[township], day)
    return h.body, h.basis, h.batch.id if h.batch else None


def _holder_changes(old: Catalog, new: Catalog, juris: Jurisdiction) -> list[HolderChange]:
    points = sorted({d for cat in (old, new) for b in cat.batches
                     for d in (b.effective, b.ends) if d is not None})
    starts = [date.min, *points]
    ends = [*points, date.max]
    townships = list(dict.fromkeys([*new.townships, *old.townships]))
    out: list[HolderChange] = []
    for mid in dict.fromkeys([*new.matters, *old.matters]):
        for t in townships:
            run: HolderChange | None = None
            for s, e in zip(starts, ends):
                a = _holder(juris, old, mid, t, s)
                b = _holder(juris, new, mid, t, s)
                if a[:2] == b[:2]:
                    if run:
                        out.append(run)
                        run = None
                    continue
                if run and (run.old_body, run.old_basis, run.old_batch,
                            run.new_body, run.new_basis, run.new_batch) == (*a, *b) and run.window.end == s:
                    run = HolderChange(mid, t, Window(run.window.start, e), *a, *b)
                else:
                    if run:
                        out.append(run)
                    run = HolderChange(mid, t, Window(s, e), *a, *b)
            if run:
                out.append(run)
    return out


LOCAL = "当地乡镇街道"


def _body_changes(changes: list[HolderChange], old: Catalog, new: Catalog) -> list[BodyChange]:
    own = {t.body: name for cat in (old, new) for name, t in cat.townships.items()}
    groups: dict[tuple, list[str]] = {}

    def other(body: str | None, township: str) -> str | None:
        # A department's counterpart is each township's own body: one line for all of them.
        return LOCAL if body is not None and own.get(body) == township else body

    for h in changes:
        if h.new_body and h.new_body != h.old_body:
            key = (h.new_body, "gained", h.matter, h.window, other(h.old_body, h.township), h.new_batch)
            groups.setdefault(key, []).append(h.township)
        if h.old_body and h.old_body != h.new_body:
            key = (h.old_body, "lost", h.matter, h.window, other(h.new_body, h.township), h.old_batch)
            groups.setdefault(key, []).append(h.township)
    out = [BodyChange(body, kind, mid, tuple(ts), window, other, batch)
           for (body, kind, mid, window, other, batch), ts in groups.items()]
    order = _body_order(old, new)
    out.sort(key=lambda b: (order.get(b.body, 999), b.body, b.kind != "gained", b.matter, b.window.start))
    return out


def _body_order(old: Catalog, new: Catalog) -> dict[str, int]:
    names = [t.body for t in new.townships.values()] + list(new.departments)
    names += [t.body for t in old.townships.values()] + list(old.departments)
    return {n: i for i, n in enumerate(dict.fromkeys(names))}


def _notifications(old: Catalog, new: Catalog, diff: CatalogDiff, as_of: date) -> tuple[list[Notification], int]:
    """三（二）: departments give townships the basis, standards, procedure and forms of every
    delegated matter, and tell each other when the basis changes; 四（三）: they share case
    information (a township gives back open cases when a matter returns to the department).
    One notification per message: its senders and recipients together."""
    out: dict[tuple, tuple[list[str], list[str]]] = {}
    past = 0

    def add(sender, recipient, mid, text, by, clause, many_senders=False):
        # Group one sender to many recipients, or (many_senders) many senders to one recipient.
        key = (mid, text, by, clause, recipient if many_senders else sender, many_senders)
        senders, recipients = out.setdefault(key, ([], []))
        for lst, x in ((senders, sender), (recipients, recipient)):
            if x not in lst:
                lst.append(x)

    for h in diff.holder_changes:
        if h.window.end <= as_of:
            past += 1
            continue
        start = None if h.window.start == date.min else h.window.start
        when = f"自 {start} 起" if start else "现在起"
        if h.new_basis == "delegated" and h.old_body != h.new_body:
            dept = new.matters[h.matter].department
            add(dept, h.new_body, h.matter,
                f"{when}由乡镇街道行使：区直部门应将执法依据、执法标准、执法程序、执法文书等准确提供给承接的乡镇街道，"
                "并建立联络员制度", start, "三（二）")
        if h.old_basis == "delegated" and h.new_body != h.old_body and h.new_body is not None:
            add(h.old_body, h.new_body, h.matter,
                f"{when}不再由乡镇街道行使（改由{h.new_body}）：乡镇街道应通报在办案件和相关执法信息，"
                "双方确认已立案案件由谁继续办结", start, "四（三）", many_senders=True)
    holders_after: dict[str, set[str]] = {}
    for mid in new.matters:
        for b in new.batches:
            if mid in b.matters and (b.ends is None or b.ends > as_of):
                holders_after.setdefault(mid, set()).update(new.townships[t].body for t in b.bodies)
    order = _body_order(old, new)
    for c in diff.matter_changes:
        recipients = sorted(holders_after.get(c.matter, ()), key=lambda x: order.get(x, 999))
        if not recipients:
            continue
        if c.key == "legal_basis":
            dept = new.matters[c.matter].department
            for r in recipients:
                add(dept, r, c.matter,
                    f"执法依据调整：原为“{c.old}”，现为“{c.new}”；执法依据调整时应及时相互通报", None, "三（二）")
        elif c.key == "department":
            for r in recipients:
                add(c.new, r, c.matter,
                    f"区直对口部门由{c.old}改为{c.new}：应将执法依据、执法标准、执法程序、执法文书等准确提供给乡镇街道",
                    None, "三（二）")
            add(c.old, c.new, c.matter,
                f"原实施部门改为{c.new}：应移交执法依据、在办案件和相关执法信息", None, "四（三）")
    notes = [Notification(tuple(sorted(s, key=lambda x: order.get(x, 999))),
                          tuple(sorted(r, key=lambda x: order.get(x, 999))), mid, text, by, clause)
             for (mid, text, by, clause, _, _), (s, r) in out.items()]
    notes.sort(key=lambda n: (n.by or date.min, n.matter, order.get(n.senders[0], 999)))
    return notes, past


# ---------------------------------------------------------------------------------------------
# Replaying cases


def replay(old: Catalog, new: Catalog, cases: list[tuple[str, str, Any, datetime | None]],
           rules: list[Rule] | None = None) -> Impact:
    """Route every case against both catalogs (same matters on both sides: found once by the
    matching knowledge) and list what changes per matter: jurisdiction, action, deadline."""
    engine = Engine(rules)
    r_old, r_new = Router(catalog=old, engine=engine), Router(catalog=new, engine=engine)
    impact = Impact()
    matcher = None
    matcher_error = None
    for cat in (new, old):
        try:
            matcher = cat.matcher
            break
        except ZhifaError as exc:
            matcher_error = exc
    for source, name, raw, now in cases:
        if isinstance(raw, ZhifaError):
            impact.skipped.append((source, str(raw)))
            continue
        if not isinstance(raw, dict):
            impact.skipped.append((source, "不是案件（应为键值表）"))
            continue
        item = dict(raw)
        if not item.get("matter"):
            if matcher is None:
                impact.skipped.append((source, f"只有文字描述，且匹配知识无法读取：{str(matcher_error)[:80]}"))
                continue
            try:
                result = matcher.match(str(item.get("text") or ""))
            except ZhifaError as exc:
                impact.skipped.append((source, str(exc)))
                continue
            if not result.selected:
                impact.skipped.append((source, "描述未匹配到事项"))
                continue
            item["matter"] = list(result.selected)
        impact.replayed += 1
        a = _route(r_old, item, now)
        b = _route(r_new, item, now)
        for mid in dict.fromkeys([*a, *b]):
            changes = _decision_changes(a.get(mid), b.get(mid))
            if changes:
                impact.changed.append(CaseChange(source, name, mid, tuple(changes)))
    return impact


def _route(router, item: dict, now: datetime | None) -> dict[str, Any]:
    """matter id -> decision, or {"*": error text} when the case does not route."""
    try:
        result = router.route(item, now=now)
    except ZhifaError as exc:
        return {"*": str(exc)}
    except Exception as exc:  # noqa: BLE001 - a matter missing from one catalog, say
        return {"*": f"{type(exc).__name__}: {exc}"}
    return {d["matter"]: d for d in result["decisions"]}


def _decision_changes(a: Any, b: Any) -> list[tuple[str, str, str]]:
    if isinstance(a, str) and isinstance(b, str):
        return []  # rejected by both (the wording may differ, e.g. the number of matters)
    if isinstance(a, str) or isinstance(b, str) or a is None or b is None:
        sa, sb = _summary(a), _summary(b)
        return [("结果", sa, sb)] if sa != sb else []
    out = []
    ja, jb = a["jurisdiction"], b["jurisdiction"]
    la = f"{ja['body'] or '不属本区'}（{ja['basis_label']}" + (f"，批次 {ja['batch']}" if ja.get("batch") else "") + "）"
    lb = f"{jb['body'] or '不属本区'}（{jb['basis_label']}" + (f"，批次 {jb['batch']}" if jb.get("batch") else "") + "）"
    if la != lb:
        out.append(("管辖", la, lb))
    if a["action"] != b["action"]:
        out.append(("处理", a["action_label"], b["action_label"]))
    ra, rb = a.get("referral"), b.get("referral")
    da = f"{ra['to']}，{ra['deadline'][:19].replace('T', ' ')}" if ra else "不移送"
    db = f"{rb['to']}，{rb['deadline'][:19].replace('T', ' ')}" if rb else "不移送"
    if da != db:
        out.append(("移送与期限", da, db))
    return out


def _summary(d: Any) -> str:
    if d is None:
        return "无此事项的决定"
    if isinstance(d, str):
        return f"出错：{d}"
    j = d["jurisdiction"]
    return f"{j['body'] or '不属本区'}，{d['action_label']}"


def load_cases(paths: Iterable[str | Path], *, fixtures: Iterable[str | Path] = ()) -> list[tuple[str, str, Any, datetime | None]]:
    """The fixture cases (folders of fixture YAML, e.g. tests/cases) and any case files: JSON Lines
    (as `zhifa route --batch`) or fixture YAML. Each case: (where, name, input, now)."""
    now = datetime.fromisoformat(FIXTURE_NOW)
    out: list[tuple[str, str, Any, datetime | None]] = []
    for folder in fixtures:
        try:
            for fx in load_fixtures([folder]):
                out.append((f"{Path(fx.file).name}[{fx.index}]", fx.name, fx.input, now))
        except (CatalogError, OSError):
            pass
    for path in paths:
        p = Path(path)
        if not p.is_file():
            raise InputError(f"案件文件“{p}”不存在或不是文件")
        if p.suffix.lower() in (".yaml", ".yml"):
            for fx in load_fixtures([p]):
                out.append((f"{p.name}[{fx.index}]", fx.name, fx.input, now))
            continue
        for n, line in enumerate(p.read_bytes().splitlines(), 1):
            where = f"{p.name} 第{n}行"
            try:
                text = line.decode("utf-8").strip().lstrip("\ufeff")
            except UnicodeDecodeError:
                out.append((where, "", InputError("不是有效的 UTF-8 文本"), None))
                continue
            if not text:
                continue
            try:
                raw = json.loads(text)
            except json.JSONDecodeError as exc:
                out.append((where, "", InputError(f"不是有效的 JSON：{exc.msg}"), None))
                continue
            name = str(raw.get("id") or raw.get("text") or "")[:30] if isinstance(raw, dict) else ""
            out.append((where, name, raw, None))
    return out


# ---------------------------------------------------------------------------------------------
# Folders and git revisions


def materialize(spec: str, into: Path, repo: str | Path | None = None) -> tuple[Path, str]:
    """A catalog folder for `spec`: an existing folder as is, or REV / REV:PATH (default path
    catalog) taken out of git with `git show` into `into`."""
    p = Path(spec)
    if p.is_dir():
        return p, spec
    rev, _, sub = spec.partition(":")
    sub = (sub or "catalog").strip("/")
    top = Path(repo) if repo else _git_top()
    if top is None:
        raise InputError(f"“{spec}”不是文件夹，且当前不在 git 仓库中，无法按版本读取")
    if _git(top, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}") is None:
        raise InputError(f"“{spec}”既不是文件夹，也不是 git 版本（如 HEAD、HEAD~1、main、提交号）")
    listing = _git(top, "ls-tree", "-r", "-z", "--name-only", rev, "--", sub)
    files = [f for f in (listing or b"").decode("utf-8").split("\0") if f]
    if not files:
        raise InputError(f"版本 {rev} 中没有 {sub}/ 文件夹")
    target = into / "catalog"
    for f in files:
        data = _git(top, "show", f"{rev}:{f}")
        rel = Path(f).relative_to(sub)
        (target / rel).parent.mkdir(parents=True, exist_ok=True)
        (target / rel).write_bytes(data or b"")
    return target, f"{rev}:{sub}"


def _git(top: Path, *args: str) -> bytes | None:
    try:
        proc = subprocess.run(["git", "-C", str(top), *args], capture_output=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return proc.stdout if proc.returncode == 0 else None


def _git_top() -> Path | None:
    for where in (Path.cwd(), Path(__file__).resolve().parents[2]):
        out = _git(where, "rev-parse", "--show-toplevel")
        if out:
            return Path(out.decode().strip())
    return None


def diff_catalogs(old: str, new: str, *, cases: Iterable[str] = (), fixtures: Iterable[str | Path] = (),
                  impact: bool = True, as_of: str | date | None = None,
                  repo: str | Path | None = None, rules: str | Path | None = None) -> CatalogDiff:
    """`zhifa catalog diff OLD NEW`: compare, then (with impact) replay the cases on both, with
    the rules of the folder `rules` (default: ZHIFA_RULES, else the shipped rules)."""
    rule_list = load_rules(rules)
    as_of = parse_as_of(as_of)
    with tempfile.TemporaryDirectory(prefix="zhifa-diff-") as tmp:
        old_root, old_label = materialize(old, Path(tmp) / "old", repo)
        new_root, new_label = materialize(new, Path(tmp) / "new", repo)
        problems = []
        cats = []
        for root, label in ((old_root, old_label), (new_root, new_label)):
            try:
                cats.append(load_catalog(root))
            except CatalogError as exc:
                problems.extend(exc.problems)
        if problems:
            raise CatalogError(problems)
        result = compare(cats[0], cats[1], as_of=as_of, old_label=old_label, new_label=new_label,
                         rules=rule_list)
        if impact:
            result.impact = replay(cats[0], cats[1], load_cases(cases, fixtures=fixtures), rule_list)
        return result
