"""Who may do what, in one module: the permission names, the roles, the visibility rule.

- A clerk sees and acts on the cases of their own body: found (registered) by it, referred to it,
  held by it, or naming it in a duty or escalation (table case_parties, read from each case's
  stored decision). A case outside that scope answers 404, never 403, so its existence is not
  confirmed.
- A supervisor (华龙区司法局, 华龙区人民政府) sees every case and the statistics; policy staff see
  the catalog views. An API token acts for one body, like a clerk of that body.

Routes load cases only through `find_case` and list them only through `visible_ids`.
"""
from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.dialects import postgresql, sqlite

from router.model.lazydc import dataclass
from router.register.models import Case, Meta

from .models import CaseParty

PERMISSIONS = {
    "route.use": "路由案件（不登记）",
    "case.register": "登记案件",
    "case.view": "查看案件",
    "case.act": "办理案件（记录接收、拒收、立案、反馈、办结等）",
    "case.supervise": "记录监督单位对案件的决定（如区政府决定管辖争议，四（五））",
    "stats.view": "查看协作配合统计（五.4）",
    "catalog.view": "查看事项目录",
}
ROLES = {
    "clerk": "办事员",
    "supervisor": "监督人员",
    "policy": "政策人员",
}
ROLE_PERMISSIONS: dict[str, frozenset[str]] = {
    "clerk": frozenset({"route.use", "case.register", "case.view", "case.act"}),
    "supervisor": frozenset({"route.use", "case.view", "case.supervise", "stats.view", "catalog.view"}),
    "policy": frozenset({"route.use", "catalog.view"}),
}
TOKEN_PERMISSIONS = frozenset({"route.use", "case.register", "case.view", "case.act"})
SEES_ALL = frozenset({"supervisor"})
SUPERVISOR_BODIES = ("华龙区司法局", "华龙区人民政府")

# The navigation menu and the page guards read this one table: (path, label, permission).
NAV = (
    ("/", "待办", "case.view"),
    ("/route", "路由案件", "route.use"),
    ("/cases", "案件", "case.view"),
    ("/stats", "协作统计", "stats.view"),
    ("/catalog", "事项目录", "catalog.view"),
)


@dataclass(frozen=True)
class Actor:
    """The person or program behind a request."""

    kind: str          # "user" | "token"
    login: str         # user login, or token name
    name: str
    body: str
    role: str          # clerk / supervisor / policy; "api" for a token
    user_id: int | None = None

    @property
    def permissions(self) -> frozenset[str]:
        return TOKEN_PERMISSIONS if self.kind == "token" else ROLE_PERMISSIONS.get(self.role, frozenset())

    def can(self, permission: str) -> bool:
        if permission not in PERMISSIONS:
            raise KeyError(f"unknown permission {permission}")
        return permission in self.permissions

    @property
    def sees_all(self) -> bool:
        return self.kind == "user" and self.role in SEES_ALL

    @property
    def label(self) -> str:
        """What the register's event log records as the user."""
        if self.kind == "token":
            return f"API:{self.login}"
        return f"{self.name}（{self.login}）" if self.name and self.name != self.login else self.login

    @property
    def role_label(self) -> str:
        return "接口" if self.kind == "token" else ROLES.get(self.role, self.role)

    def nav(self) -> list[tuple[str, str]]:
        return [(path, label) for path, label, perm in NAV if self.can(perm)]


class NotVisible(LookupError):
    """The case does not exist or is outside the actor's scope (answered as 404)."""


# ---- parties ------------------------------------------------------------------------------------
def parties_of(case_body: str, decision: dict[str, Any]) -> set[tuple[str, str]]:
    out = {(case_body, "finder")}
    for d in decision.get("decisions") or ():
        holder = (d.get("jurisdiction") or {}).get("body")
        if holder:
            out.add((holder, "holder"))
        ref = d.get("referral") or {}
        if ref.get("to"):
            out.add((ref["to"], "receiver"))
        if ref.get("from"):
            out.add((ref["from"], "finder"))
        for item in d.get("duties") or ():
            for key in ("by", "to"):
                if item.get(key):
                    out.add((item[key], "copied"))
        for e in d.get("escalations") or ():
            for name in [e.get("to"), *(e.get("cc") or ())]:
                if name:
                    out.add((name, "copied"))
    return out


SYNC_KEY = "web_parties_upto"
SYNC_CHUNK = 2000


def sync_parties(db, *, full: bool = False) -> int:
    """Index the parties of every case registered since the last call (by the web service, the
    CLI or a batch alike). Cheap when nothing is new: two indexed reads.

    The quick pass follows the highest case id indexed so far. On PostgreSQL a long transaction
    (a batch import) can commit ids below one already indexed; `full=True` (the app runs it once
    a minute) finds every case without parties by an anti-join on case_parties' primary key."""
    with db.read() as s:
        last = int(s.scalar(select(Meta.value).where(Meta.key == SYNC_KEY)) or 0)
        top = s.scalar(select(func.max(Case.id))) or 0
    added = 0
    if full:
        missing = ~select(CaseParty.case_id).where(CaseParty.case_id == Case.id).exists()
        while True:
            with db.write() as s:
                rows = s.execute(select(Case.id, Case.body, Case.decision).where(missing)
                                 .order_by(Case.id).limit(SYNC_CHUNK)).all()
                _index(s, rows)
            added += len(rows)
            if len(rows) < SYNC_CHUNK:
                break
    while last < top:
        with db.write() as s:
            rows = s.execute(select(Case.id, Case.body, Case.decision).where(Case.id > last)
                             .order_by(Case.id).limit(SYNC_CHUNK)).all()
            if not rows:
                break
            _index(s, rows)
            last = rows[-1][0]
            _upsert(s, Meta.__table__, {"key": SYNC_KEY, "value": str(last)}, ["key"], {"value": str(last)})
            added += len(rows)
    return added


def _index(s, rows) -> None:
    values = [{"case_id": cid, "body": b, "kind": k}
              for cid, body, decision in rows for b, k in sorted(parties_of(body, decision))]
    if values:
        _upsert(s, CaseParty.__table__, values, None, None)


def _upsert(s, table, values, keys, update) -> None:
    """INSERT … ON CONFLICT DO NOTHING / DO UPDATE on both databases."""
    dialect = s.get_bind().dialect.name
    stmt = (postgresql.insert(table) if dialect == "postgresql" else sqlite.insert(table))
    stmt = stmt.on_conflict_do_nothing() if update is None else stmt.on_conflict_do_update(index_elements=keys, set_=update)
    s.execute(stmt, values if isinstance(values, list) else [values])


# ---- visibility ---------------------------------------------------------------------------------
def visible_ids(actor: Actor):
    """SELECT of the case ids the actor may see (None: all cases)."""
    if actor.sees_all:
        return None
    return select(CaseParty.case_id).where(CaseParty.body == actor.body)


def is_visible(s, actor: Actor, case_id: int) -> bool:
    if actor.sees_all:
        return True
    return s.scalar(select(func.count()).select_from(CaseParty)
                    .where(CaseParty.body == actor.body, CaseParty.case_id == case_id)) > 0


def find_case(s, actor: Actor, number: str) -> Case:
    """The case numbered `number` if the actor may see it; NotVisible otherwise."""
    if not actor.can("case.view"):
        raise NotVisible(number)
    case = s.execute(select(Case).where(Case.number == number)).scalar_one_or_none()
    if case is None or not is_visible(s, actor, case.id):
        raise NotVisible(number)
    return case
