"""Readable views of the catalog on a date: what each body holds, and one matter in full.

Every row says why: the batch and the document behind a delegation, the statute behind a
statutory power, or that the matter stays with its department. Who holds what comes from the
jurisdiction rules (router/decide/jurisdiction.py), as in routing: `rules` names the rules folder
(default: ZHIFA_RULES, else the shipped rules).
"""
from __future__ import annotations

from dataclasses import asdict, field
from datetime import date
from typing import Any

from router.catalog.load import Batch, Catalog, Matter, clean_name, load_catalog
from router.decide.jurisdiction import Holder, jurisdiction_of
from router.model.clock import parse_as_of
from router.model.errors import InputError
from router.model.lazydc import dataclass
from router.policy.diff import body_groups, compact


@dataclass
class Holding:
    matter: str
    name: str
    field: str
    basis: str  # delegated | statutory | department
    batch: str | None = None
    document: str | None = None
    where: tuple[str, ...] = ()  # townships concerned (for a department: where it keeps the matter)
    except_: tuple[str, ...] = ()  # for a department: where the matter is delegated away

    def to_json(self) -> dict:
        return {"matter": self.matter, "name": self.name, "field": self.field, "basis": self.basis,
                "batch": self.batch, "document": self.document, "where": list(self.where),
                "delegated_away": list(self.except_)}


@dataclass
class MatterRow:
    matter: Matter
    delegated: list[tuple[Batch, tuple[str, ...]]]  # batch, townships it covers
    elsewhere: str  # who holds it where it is not delegated

    def to_json(self) -> dict:
        return {"matter": self.matter.id, "name": self.matter.name, "field": self.matter.field,
                "department": self.matter.department,
                "delegated": [{"batch": b.id, "document": b.number, "townships": list(t),
                               "window": [b.effective.isoformat(), b.ends.isoformat() if b.ends else None]}
                              for b, t in self.delegated],
                "elsewhere": self.elsewhere}


@dataclass
class Listing:
    as_of: date
    body: str | None = None
    body_kind: str | None = None
    only_field: str | None = None
    holdings: list[Holding] = field(default_factory=list)  # with a body
    rows: list[MatterRow] = field(default_factory=list)  # without a body
    groups: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def places_text(self, names) -> str:
        """Township names, whole groups named as documents name them (各乡镇（4个）)."""
        return compact(names, self.groups)

    def to_json(self) -> dict:
        return {"as_of": self.as_of.isoformat(), "body": self.body, "body_kind": self.body_kind,
                "field": self.only_field, "holdings": [h.to_json() for h in self.holdings],
                "matters": [r.to_json() for r in self.rows]}


def _resolve_body(cat: Catalog, text: str) -> tuple[str, str, Any]:
    value = clean_name(text)
    hit = cat._names().get(value)
    if hit is None:
        for d in cat.departments.values():  # 城管局 → 华龙区城市管理局 also by a part of the name
            if value and value in d.name:
                hit = ("department", d)
                break
    if hit is None or hit[0] not in ("township", "department"):
        suggestion = cat._suggest(value, [n for n, (k, _) in cat._names().items() if k in ("township", "department")])
        raise InputError(f"未知的主体“{text}”：可填本区乡镇街道或区直部门的名称或简称", field="body",
                         value=text, suggestion=suggestion)
    kind, obj = hit
    return kind, (obj.body if kind == "township" else obj.name), obj


def _field_ok(m: Matter, field_: str | None) -> bool:
    return field_ is None or field_ in m.field


def _catalog(source: Any) -> Catalog:
    return source if isinstance(source, Catalog) else load_catalog(source)


def list_catalog(source: Any = None, *, as_of: str | date | None = None, body: str | None = None,
                 field_: str | None = None, rules: Any = None) -> Listing:
    """What each matter's holders are on a day (or, with `body`, what that body holds)."""
    cat = _catalog(source)
    juris = jurisdiction_of(rules)
    as_of = parse_as_of(as_of)
    if field_ is not None and not any(field_ in m.field for m in cat.matters.values()):
        fields = "、".join(dict.fromkeys(m.field for m in cat.matters.values()))
        raise InputError(f"没有领域为“{field_}”的事项；目录中的领域：{fields}", field="field", value=field_)
    out = Listing(as_of, only_field=field_, groups=body_groups(cat))
    if body is None:
        for m in cat.matters.values():
            if not _field_ok(m, field_):
                continue
            groups: dict[str, tuple[Batch, list[str]]] = {}
            rest: dict[tuple[str, str], list[str]] = {}  # (basis, body or LOCAL) -> townships
            for t in cat.townships.values():
                h = juris.holder_on(cat, m.id, t, as_of)
                if h.basis == "delegated" and h.batch is not None:
                    groups.setdefault(h.batch.id, (h.batch, []))[1].append(t.name)
                else:
                    rest.setdefault((h.basis, LOCAL if h.body == t.body else h.body), []).append(t.name)
            out.rows.append(MatterRow(m, [(b, tuple(ts)) for b, ts in groups.values()],
                                      _elsewhere(m, rest, out)))
        return out
    kind, name, obj = _resolve_body(cat, body)
    out.body, out.body_kind = name, kind
    for m in cat.matters.values():
        if not _field_ok(m, field_):
            continue
        if kind == "township":
            h = juris.holder_on(cat, m.id, obj, as_of)
            if h.body != name:
                continue
            batch = h.batch
            out.holdings.append(Holding(m.id, m.name, m.field, h.basis, batch.id if batch else None,
                                        batch.number if batch else None, (obj.name,)))
        else:
            if m.department != name:
                continue
            keep, away = [], []
            for t in cat.townships.values():
                (keep if juris.holder_on(cat, m.id, t, as_of).body == name else away).append(t.name)
            out.holdings.append(Holding(m.id, m.name, m.field, "department", where=tuple(keep),
                                        except_=tuple(away)))
    return out


LOCAL = "当地乡镇街道"


def _elsewhere(m: Matter, rest: dict[tuple[str, str], list[str]], listing: Listing) -> str:
    """Who holds the matter where it is not delegated: one body, or each group of places."""
    if not rest:
        return "—"
    if len(rest) == 1:
        (basis, body), = rest
        if body != LOCAL:
            return body
    parts = []
    for (basis, body), towns in rest.items():
        if body == LOCAL:
            body = (m.statutory_holder or "乡、镇人民政府（法定）") if basis == "statutory" else body
        parts.append(f"{listing.places_text(towns)}：{body}")
    return "；".join(parts)


@dataclass
class MatterView:
    matter: Matter
    as_of: date
    batches: list[Batch]
    holders: list[tuple[str, str, str, str | None]]  # township, body, basis, batch
    assumptions: list[tuple[str, str]]

    def to_json(self) -> dict:
        m = self.matter
        return {
            "matter": {k: (list(v) if isinstance(v, tuple) else v) for k, v in asdict(m).items()},
            "as_of": self.as_of.isoformat(),
            "batches": [{"id": b.id, "document": b.document, "number": b.number,
                         "window": [b.effective.isoformat(), b.ends.isoformat() if b.ends else None],
                         "bodies": list(b.bodies), "assumptions": list(b.assumptions), "status": b.status}
                        for b in self.batches],
            "holders": [{"township": t, "body": b, "basis": basis, "batch": batch}
                        for t, b, basis, batch in self.holders],
            "assumptions": [{"id": a, "text": t} for a, t in self.assumptions],
        }


def show_matter(matter_id: str, source: Any = None, *, as_of: str | date | None = None,
                rules: Any = None) -> MatterView:
    cat = _catalog(source)
    juris = jurisdiction_of(rules)
    as_of = parse_as_of(as_of)
    m = cat.matter(matter_id)
    batches = [b for b in cat.batches if m.id in b.matters]
    holders = []
    for t in cat.townships.values():
        h: Holder = juris.holder_on(cat, m.id, t, as_of)
        holders.append((t.name, h.body, h.basis, h.batch.id if h.batch else None))
    ids = list(dict.fromkeys([a for b in batches for a in b.assumptions]
                             + [o.assumption for b in batches for _, o in b.open_cases if o.assumption]
                             + ([m.department_assumption] if m.department_assumption else [])))
    return MatterView(m, as_of, batches, holders, [(a, cat.assumptions[a].text) for a in ids])
