"""The catalog: matters, bodies, dated delegation batches, assumptions (YAML in catalog/).

The loader is strict (after openfisca): unknown or missing keys, wrong types, bad dates, unknown
references, overlapping windows are all collected and raised together as one CatalogError whose
problems name the file, the entry and the key.
"""
from __future__ import annotations

import re
from dataclasses import field
from datetime import date
from pathlib import Path
from typing import Any, Iterable

from router.catalog.workdays import load_calendar
from router.files.locations import catalog_root
from router.files.yamlio import load_file
from router.matching.matcher import Matcher
from router.model.errors import CatalogError, InputError, Problem
from router.model.lazydc import dataclass
from router.model.pickling import quick_setstate
from router.model.lazyre import LazyPattern

_DATE_RX = LazyPattern(r"^\d{4}-\d{2}-\d{2}$")
_DOC_NO = LazyPattern(r"[\u4e00-\u9fa5]{1,8}〔\d{4}〕\d+号")
_ID_RX = LazyPattern(r"^[A-Z]{2}-\d{2,4}$")

# ---------------------------------------------------------------------------------------------
# Declared schema, in one place: section -> {key: (types, required)}.
_STR = (str,)
_LIST = (list,)
_BOOL = (bool,)
SCHEMA: dict[str, dict[str, tuple[tuple[type, ...], bool]]] = {
    "matter": {
        "id": (_STR, True), "name": (_STR, True), "field": (_STR, True),
        "department": (_STR, True), "kind": (_STR, True), "legal_basis": (_STR, True),
        "listed": (_STR, True), "basis_checked": (_BOOL, True), "sources": (_LIST, True),
        "note": (_STR, False), "statutory": (_STR, False), "statutory_holder": (_STR, False),
        "department_assumption": (_STR, False),
    },
    "township": {
        "code": (_STR, True), "name": (_STR, True), "body": (_STR, True), "type": (_STR, True),
        "aliases": (_LIST, False), "managed_by": (_STR, False), "note": (_STR, False),
        "units": (_LIST, False), "letter_number": (_STR, False),
    },
    "department": {
        "name": (_STR, True), "field": (_STR, True), "verified": (_BOOL, True),
        "aliases": (_LIST, False), "note": (_STR, False), "units": (_LIST, False),
        "letter_number": (_STR, False),
    },
    "other": {"name": (_STR, True), "role": (_STR, False), "aliases": (_LIST, False),
              "letter_number": (_STR, False)},
    "outside": {
        "name": (_STR, True), "belongs_to": (_STR, False), "managed_by": (_STR, False),
        "note": (_STR, False),
    },
    "district": {
        "name": (_STR, True), "code": (_STR, True), "government": (_STR, True),
        "city": (_STR, True),
    },
    "assumption": {"id": (_STR, True), "text": (_STR, True)},
    "batch": {
        "id": (_STR, True), "title": (_STR, True), "document": (_STR, True),
        "legal_basis": (_LIST, True), "effective": (_STR, True), "ends": (_STR, False),
        "bodies": (_LIST, True), "matters": (_LIST, True), "assumptions": (_LIST, False),
        "status": (_STR, True), "source": (_STR, False), "open_cases": ((dict,), False),
    },
    "open_cases": {"finished_by": (_STR, True), "source": (_STR, False), "assumption": (_STR, False)},
}
# batch.open_cases: who finishes a case already opened (立案) when the batch takes effect or ends.
OPEN_CASE_POINTS = ("effective", "ends")
FINISHERS = {"department": "原实施部门", "township": "承接的乡镇街道"}
FILE_KEYS = {
    "matters.yaml": {"matters"},
    "bodies.yaml": {"district", "townships", "departments", "others", "outside",
                    "internal_unit_suffixes"},
    "batches.yaml": {"assumptions", "batches"},
}
TOWNSHIP_TYPES = {"乡", "镇", "街道"}
_LETTER_NUMBER_RX = LazyPattern(r"[^\s{}]+〔\{year\}〕\{seq\}号")  # 发文字号, GB/T 9704-2012 7.2.4
LISTED = {"confirmed", "inferred"}


# ---------------------------------------------------------------------------------------------
@quick_setstate
@dataclass(frozen=True, slots=True)
class Matter:
    """One matter of the catalog (事项): its name, field, department and legal basis."""

    id: str
    name: str
    field: str
    department: str
    kind: str
    legal_basis: str
    listed: str
    basis_checked: bool
    sources: tuple[str, ...]
    note: str | None = None
    statutory: str | None = None
    statutory_holder: str | None = None
    department_assumption: str | None = None


@dataclass(frozen=True, slots=True)
class Township:
    """A township or street (乡镇街道) and its government body."""

    code: str
    name: str
    body: str
    type: str
    aliases: tuple[str, ...] = ()
    managed_by: str | None = None
    note: str | None = None
    units: tuple[str, ...] = ()  # subordinate units (派出机构…) that report in this body's name


@dataclass(frozen=True, slots=True)
class Department:
    """A district department (区直执法部门)."""

    name: str
    field: str
    verified: bool
    aliases: tuple[str, ...] = ()
    note: str | None = None
    # Subordinate units (内设机构、直属机构、派出机构: 派出所, 消防救援站…): a reporter named so, or
    # ending so (中原路派出所), is this department, and the answer says it was mapped.
    units: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class OtherBody:
    """A body that is neither a township nor a department (区政府, 公安机关…)."""

    name: str
    role: str | None = None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class OutsideUnit:
    """A unit outside the district's jurisdiction."""

    name: str
    belongs_to: str | None = None
    managed_by: str | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Assumption:
    """An assumption (推定) the catalog rests on, shown wherever it is used."""

    id: str
    text: str


@dataclass(frozen=True, slots=True)
class OpenCases:
    """Who finishes the cases already opened (立案) before a batch takes effect or ends:
    "department" (the matter's department) or "township" (the batch's township), and why: a
    document (`source`) or an assumption id (`assumption`)."""

    finished_by: str
    source: str | None = None
    assumption: str | None = None


@quick_setstate
@dataclass(frozen=True, slots=True)
class Batch:
    """A dated batch of delegations (下放批次) and the document behind it."""

    id: str
    title: str
    document: str
    legal_basis: tuple[str, ...]
    effective: date
    ends: date | None
    bodies: tuple[str, ...]
    matters: tuple[str, ...]
    assumptions: tuple[str, ...]
    status: str
    source: str | None = None
    open_cases: tuple[tuple[str, OpenCases], ...] = ()  # ("effective" | "ends", who finishes)

    def open_cases_at(self, point: str) -> OpenCases | None:
        """Who finishes cases already opened when the batch takes effect ("effective") or ends."""
        return dict(self.open_cases).get(point)

    def in_force(self, day: date) -> bool:
        return self.effective <= day and (self.ends is None or day < self.ends)

    @property
    def number(self) -> str:
        """The document number behind the batch (豫政〔2025〕15号), or its document when it has none."""
        found = _DOC_NO.findall(self.document)
        return "、".join(dict.fromkeys(found)) if found else self.document


@dataclass(frozen=True, slots=True)
class Place:
    """Where the violation happened: a township/street of the district, or a unit outside it."""

    kind: str  # "township" | "outside"
    name: str
    township: Township | None = None
    outside: OutsideUnit | None = None


@dataclass(frozen=True, slots=True)
class Reporter:
    """The body that found the case, always in the name it may act in (四（一）3)."""

    kind: str  # "township" | "department"
    name: str  # legal name: 乡镇人民政府 / 街道办事处 / 区直部门
    township: Township | None = None
    department: Department | None = None
    internal_unit: str | None = None  # what the clerk typed, when it was an internal unit
    # How the typed name was mapped to this body: "suffix" (an internal-unit suffix after the
    # body's name, 城管局执法中队) or "unit" (one of the body's `units`, 派出所); None if not.
    mapped_by: str | None = None


@dataclass
class Catalog:
    """The whole catalog: matters, bodies, batches, and by date who exercises what."""

    root: Path
    district: dict[str, str]
    matters: dict[str, Matter]
    townships: dict[str, Township]  # by name (地名)
    departments: dict[str, Department]
    others: dict[str, OtherBody]
    outside: dict[str, OutsideUnit]
    internal_unit_suffixes: tuple[str, ...]
    assumptions: dict[str, Assumption]
    batches: list[Batch]
    # (unit name, "township" | "department", body), longest name first: bodies.yaml `units`.
    units: tuple[tuple[str, str, Any], ...] = ()
    _delegations: dict[tuple[str, str], list[Batch]] | None = field(default=None, repr=False,
                                                                       compare=False)
    _found: dict[tuple[str, str], list[Batch]] = field(default_factory=dict, repr=False,
                                                        compare=False)   # pairs asked since
    _calendar: Any = field(default=None, repr=False)
    _matcher: Any = field(default=None, repr=False)

    # ---- dated delegation ----------------------------------------------------------------
    def __getstate__(self) -> dict:
        # The (matter, township) -> batches index is not kept in the start-up cache (a
        # 5,000-matter catalog: 52,000 keys, 1.5 MB and ~20 ms of the cache's load): a route
        # asks about one or two matters, whose batches a scan finds in ~0.1 ms each.
        state = dict(self.__dict__)
        state["_delegations"] = None
        state["_found"] = {}
        return state

    @property
    def delegations(self) -> dict[tuple[str, str], list[Batch]]:
        """(matter id, township name) -> the batches that delegate it there, in batch order."""
        if self._delegations is None:
            self._delegations = _delegation_index(self.batches)
        return self._delegations

    def delegations_of(self, matter_id: str, township: str) -> list[Batch]:
        """The batches that delegate `matter_id` to `township`, in batch order."""
        if self._delegations is not None:
            return list(self._delegations.get((matter_id, township), ()))
        found = self._found.get((matter_id, township))
        if found is None:     # (a batch of many cases asks the same pairs again and again)
            found = self._found[(matter_id, township)] = [
                b for b in self.batches if matter_id in b.matters and township in b.bodies]
        return list(found)

    def delegation_on(self, matter_id: str, township: str, day: date) -> Batch | None:
        """The batch that gives `matter_id` to `township` on `day`, if any."""
        for batch in self.delegations_of(matter_id, township):
            if batch.in_force(day):
                return batch
        return None

    # ---- lookups by what clerks type --------------------------------------------------------
    def _names(self) -> dict[str, tuple[str, Any]]:
        names: dict[str, tuple[str, Any]] = {}
        for t in self.townships.values():
            for n in (t.name, t.body, *t.aliases):
                names[n] = ("township", t)
        for d in self.departments.values():
            for n in (d.name, *d.aliases):
                names[n] = ("department", d)
        for o in self.others.values():
            for n in (o.name, *o.aliases):
                names[n] = ("other", o)
        for u in self.outside.values():
            names[u.name] = ("outside", u)
        return names

    def place_names(self) -> list[tuple[str, str]]:
        """(what a description may call it, the place's name) for every township and street of
        the district and every unit outside it: the names resolve_place accepts (_names), but never
        the bare stem of a name (岳村 of 岳村镇 is also a village, 濮东 of 濮东街道 a part of the city).
        Longest first."""
        out = [(n, unit.name) for n, (kind, unit) in self._names().items()
               if kind == "outside" or (kind == "township" and n + unit.type != unit.name)]
        return sorted(out, key=lambda p: -len(p[0]))

    def _suggest(self, text: str, candidates: Iterable[str]) -> str | None:
        import difflib   # (only for the hint after a name not found)
        close = difflib.get_close_matches(text, list(candidates), n=1, cutoff=0.5)
        return close[0] if close else None

    def resolve_place(self, text: str) -> Place:
        value = clean_name(text)
        if not value:
            raise InputError("缺少发生地（place）：请填写乡镇街道名称，如“岳村镇”“中原路街道”",
                             field="place", value=text)
        hit = self._names().get(value)
        if hit and hit[0] == "township":
            return Place("township", hit[1].name, township=hit[1])
        if hit and hit[0] == "outside":
            return Place("outside", hit[1].name, outside=hit[1])
        accepted = "、".join(t.name for t in self.townships.values())
        suggestion = self._suggest(value, [n for n, (k, _) in self._names().items()
                                           if k in ("township", "outside")])
        raise InputError(f"未知的发生地“{value}”。可接受本区乡镇街道的名称或简称：{accepted}；"
                         f"或区外单位：{'、'.join(self.outside)}", field="place", value=text,
                         suggestion=suggestion)

    def resolve_reporter(self, text: str) -> Reporter:
        value = clean_name(text)
        if not value:
            raise InputError("缺少上报单位（reported_by / --by）：请填写发现或受理案件的乡镇街道或区直部门",
                             field="reported_by", value=text)
        names = self._names()
        internal = None
        hit = names.get(value)
        mapped = None
        if hit is None:
            # An internal unit (执法大队, 执法中队…) acts only in its parent's name (四（一）3).
            for suffix in self.internal_unit_suffixes:
                if value.endswith(suffix) and len(value) > len(suffix):
                    parent = value[: -len(suffix)].rstrip("的")
                    hit = names.get(parent)
                    if hit is not None:
                        internal, mapped = value, "suffix"
                    break
        if hit is None:
            # A subordinate unit a body lists (派出所 → 公安分局), by name or name ending.
            for unit, kind, body in self.units:
                if value.endswith(unit):
                    hit, internal, mapped = (kind, body), value, "unit"
                    break
        if hit and hit[0] == "township":
            return Reporter("township", hit[1].body, township=hit[1], internal_unit=internal,
                            mapped_by=mapped)
        if hit and hit[0] == "department":
            return Reporter("department", hit[1].name, department=hit[1], internal_unit=internal,
                            mapped_by=mapped)
        if hit and hit[0] in ("other", "outside"):
            raise InputError(f"“{value}”不是可上报案件的执法主体：上报单位须为本区乡镇街道或区直执法部门",
                             field="reported_by", value=text)
        suggestion = self._suggest(value, [n for n, (k, _) in names.items()
                                           if k in ("township", "department")])
        raise InputError(f"未知的上报单位“{value}”。可接受本区乡镇街道（如“岳村镇”“中原路街道办事处”）"
                         f"或区直部门（如“华龙区城市管理局”“城管局”），以及其执法大队、中队和所属单位（如派出所）",
                         field="reported_by", value=text, suggestion=suggestion)

    def matter(self, matter_id: str) -> Matter:
        value = clean_name(str(matter_id)).upper()
        if value in self.matters:
            return self.matters[value]
        suggestion = self._suggest(value, self.matters)
        raise InputError(f"未知的事项编号“{matter_id}”。事项编号形如 JT-01、XF-03，共 {len(self.matters)} 项，"
                         "可用 `zhifa catalog list` 查看", field="matter", value=matter_id,
                         suggestion=suggestion)

    def body_kind(self, name: str) -> str | None:
        for t in self.townships.values():
            if name == t.body:
                return "township"
        if name in self.departments:
            return "department"
        if name in self.others:
            return "other"
        return None

    # ---- lazily loaded parts -----------------------------------------------------------------
    @property
    def calendar(self):
        if self._calendar is None:
            self._calendar = load_calendar(self.root / "calendar")
        return self._calendar

    @property
    def matcher(self):
        if self._matcher is None:
            self._matcher = Matcher.load(self.root / "matching.yaml",
                                         {m.id: m.name for m in self.matters.values()},
                                         {m.id: m.legal_basis for m in self.matters.values()})
        return self._matcher


def clean_name(text: str) -> str:
    return re.sub(r"\s+", "", str(text or "")).strip()


# ---------------------------------------------------------------------------------------------
class _Collector:
    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, file: str, entry: str | None, key: str | None, message: str) -> None:
        self.problems.append(Problem(file, entry, key, message))

    def record(self, section: str, raw: Any, file: str, entry: str) -> dict[str, Any] | None:
        """Check one mapping against SCHEMA[section]; returns it when it is usable."""
        if not isinstance(raw, dict):
            self.add(file, entry, None, f"应为映射（键: 值），实际为 {_type_name(raw)}")
            return None
        schema = SCHEMA[section]
        ok = True
        for key in raw:
            if key not in schema:
                self.add(file, entry, str(key),
                         f"未知的键；可用的键：{', '.join(schema)}")
                ok = False
        for key, (types, required) in schema.items():
            if key not in raw:
                if required:
                    self.add(file, entry, key, "缺少必填的键")
                    ok = False
                continue
            value = raw[key]
            if not isinstance(value, types) or (types == _STR and not value.strip()):
                want = {str: "非空文本", list: "列表", bool: "true/false", dict: "映射"}[types[0]]
                self.add(file, entry, key, f"应为{want}，实际为 {_type_name(value)}“{value}”")
                ok = False
            elif types == _LIST and not all(isinstance(v, str) and v.strip() for v in value):
                self.add(file, entry, key, "列表中的每一项都应为非空文本")
                ok = False
        pattern = raw.get("letter_number")
        if isinstance(pattern, str) and not _LETTER_NUMBER_RX.fullmatch(pattern):
            self.add(file, entry, "letter_number", f"发文字号格式“{pattern}”应为 机关代字〔{{year}}〕{{seq}}号"
                     "（含一个 {year} 和一个 {seq}，如 岳政移〔{year}〕{seq}号）")
            ok = False
        return raw if ok else None

    def day(self, value: Any, file: str, entry: str, key: str) -> date | None:
        text = str(value)
        if not _DATE_RX.match(text):
            self.add(file, entry, key, f"日期“{text}”格式错误，应为 YYYY-MM-DD（如 2026-01-01），请加引号")
            return None
        try:
            return date.fromisoformat(text)
        except ValueError:
            self.add(file, entry, key, f"日期“{text}”不存在")
            return None


def _type_name(v: Any) -> str:
    return {str: "文本", int: "整数", float: "小数", bool: "布尔值", list: "列表", dict: "映射",
            type(None): "空值"}.get(type(v), type(v).__name__)


def _section(doc: dict, key: str, file: str, c: _Collector) -> list:
    value = doc.get(key)
    if value is None:
        c.add(file, None, key, "缺少该部分")
        return []
    if not isinstance(value, list):
        c.add(file, None, key, f"应为列表，实际为 {_type_name(value)}")
        return []
    return value


def _read(root: Path, name: str, c: _Collector) -> dict:
    path = root / name
    file = str(path)
    if not path.exists():
        c.add(file, None, None, "文件不存在")
        return {}
    try:
        doc = load_file(path)
    except CatalogError as exc:
        c.problems.extend(exc.problems)
        return {}
    if not isinstance(doc, dict):
        c.add(file, None, None, f"文件顶层应为映射，实际为 {_type_name(doc)}")
        return {}
    for key in doc:
        if key not in FILE_KEYS[name]:
            c.add(file, None, str(key), f"未知的部分；可用：{', '.join(sorted(FILE_KEYS[name]))}")
    return doc


def load_catalog(root: str | Path | None = None, *, check_extras: bool = False) -> Catalog:
    """Load and check the catalog folder. Raises CatalogError with every problem found.

    With check_extras, the calendar and the matching knowledge are loaded (and checked) now
    instead of on first use.
    """
    root = catalog_root(root)
    c = _Collector()
    if not root.is_dir():
        raise CatalogError([Problem(str(root), None, None, "目录（catalog）文件夹不存在")])
    bodies = _load_bodies(root, c)
    tfile, tdoc = str(root / "batches.yaml"), _read(root, "batches.yaml", c)
    assumptions = _load_assumptions(tdoc, tfile, c)  # before matters and batches, which cite them
    matters, broken = _load_matters(root, c, bodies.departments, assumptions)
    batches, delegations = _load_batches(tdoc, tfile, c, bodies.townships, matters, broken, assumptions)
    if c.problems:
        raise CatalogError(c.problems)
    cat = Catalog(root=root, district=bodies.district, matters=matters, townships=bodies.townships,
                  departments=bodies.departments, others=bodies.others, outside=bodies.outside,
                  internal_unit_suffixes=bodies.suffixes, assumptions=assumptions,
                  batches=batches, units=bodies.units, _delegations=delegations)
    if check_extras:
        _check_extras(cat)
    return cat


def _entries(doc: dict | None, section: str, kind: str, key: str, file: str, c: _Collector):
    """(entry label, checked record) for each valid entry of a section; invalid ones are reported."""
    for i, raw in enumerate(_section(doc, section, file, c)) if doc else ():
        entry = f"{section}[{i}]" + (f"（{raw.get(key)}）" if isinstance(raw, dict) else "")
        yield entry, raw, c.record(kind, raw, file, entry)


@dataclass(frozen=True, slots=True)
class _Bodies:
    """The bodies read from bodies.yaml."""

    district: dict
    townships: dict[str, Township]
    departments: dict[str, Department]
    others: dict[str, OtherBody]
    outside: dict[str, OutsideUnit]
    suffixes: tuple[str, ...]
    units: tuple[tuple[str, str, Any], ...] = ()


def _load_bodies(root: Path, c: _Collector) -> _Bodies:
    """bodies.yaml: the district, townships/streets, departments, other bodies, units outside the
    district and internal-unit suffixes. Every name and alias names one body only."""
    bfile = str(root / "bodies.yaml")
    bdoc = _read(root, "bodies.yaml", c)
    district = c.record("district", bdoc.get("district", {}), bfile, "district") or {}
    seen_names: dict[str, str] = {}

    def claim(names, entry: str, key: str) -> None:
        for name in names:
            if name in seen_names:
                c.add(bfile, entry, key, f"名称“{name}”重复（已用于 {seen_names[name]}）")
            else:
                seen_names[name] = entry

    townships: dict[str, Township] = {}
    for entry, _, rec in _entries(bdoc, "townships", "township", "name", bfile, c):
        if rec is None:
            continue
        if rec["type"] not in TOWNSHIP_TYPES:
            c.add(bfile, entry, "type", f"“{rec['type']}”不是有效类型；可用：乡、镇、街道")
            continue
        if not re.fullmatch(r"\d{9}", rec["code"]):
            c.add(bfile, entry, "code", f"区划代码“{rec['code']}”应为9位数字")
        t = Township(rec["code"], rec["name"], rec["body"], rec["type"], tuple(rec.get("aliases", ())),
                     rec.get("managed_by"), rec.get("note"), tuple(rec.get("units", ())))
        claim((t.name, t.body, *t.aliases), entry, "name/aliases")
        claim(t.units, entry, "units")
        townships[t.name] = t
    departments: dict[str, Department] = {}
    for entry, _, rec in _entries(bdoc, "departments", "department", "name", bfile, c):
        if rec is not None:
            d = Department(rec["name"], rec["field"], rec["verified"], tuple(rec.get("aliases", ())),
                           rec.get("note"), tuple(rec.get("units", ())))
            claim((d.name, *d.aliases), entry, "name/aliases")
            claim(d.units, entry, "units")
            departments[d.name] = d
    others: dict[str, OtherBody] = {}
    for entry, _, rec in _entries(bdoc, "others", "other", "name", bfile, c):
        if rec is not None:
            o = OtherBody(rec["name"], rec.get("role"), tuple(rec.get("aliases", ())))
            claim((o.name, *o.aliases), entry, "name/aliases")
            others[o.name] = o
    outside: dict[str, OutsideUnit] = {}
    for entry, _, rec in _entries(bdoc, "outside", "outside", "name", bfile, c):
        if rec is not None:
            u = OutsideUnit(rec["name"], rec.get("belongs_to"), rec.get("managed_by"), rec.get("note"))
            claim((u.name,), entry, "name")
            outside[u.name] = u
    suffixes = bdoc.get("internal_unit_suffixes", []) if bdoc else []
    if not isinstance(suffixes, list) or not all(isinstance(s, str) and s for s in suffixes):
        c.add(bfile, None, "internal_unit_suffixes", "应为非空文本的列表")
        suffixes = []
    if district and district.get("government") not in others:
        c.add(bfile, "district", "government",
              f"区政府“{district.get('government')}”须同时列在 others 中（争议决定、拒不处理报告的接收单位）")
    units = [(u, "township", t) for t in townships.values() for u in t.units]
    units += [(u, "department", d) for d in departments.values() for u in d.units]
    for u, _, body in units:
        if u in suffixes:
            c.add(bfile, getattr(body, "name", None), "units",
                  f"所属单位“{u}”与内设机构名称后缀（internal_unit_suffixes）重复：同一名称只能有一种归属")
    # Longest suffix (and unit) first, so 综合行政执法大队 wins over 执法大队.
    return _Bodies(district, townships, departments, others, outside,
                   tuple(sorted(suffixes, key=len, reverse=True)),
                   tuple(sorted(units, key=lambda x: len(x[0]), reverse=True)))


def _load_assumptions(tdoc: dict | None, tfile: str, c: _Collector) -> dict[str, Assumption]:
    assumptions: dict[str, Assumption] = {}
    for entry, _, rec in _entries(tdoc, "assumptions", "assumption", "id", tfile, c):
        if rec is None:
            continue
        if rec["id"] in assumptions:
            c.add(tfile, entry, "id", f"推定编号“{rec['id']}”重复")
            continue
        assumptions[rec["id"]] = Assumption(rec["id"], rec["text"])
    return assumptions


def _load_matters(root: Path, c: _Collector, departments: dict[str, Department],
                  assumptions: dict[str, Assumption]) -> tuple[dict[str, Matter], set[str]]:
    """matters.yaml: the matters, and the ids of those present but invalid (a batch citing one
    is not reported a second time)."""
    mfile = str(root / "matters.yaml")
    mdoc = _read(root, "matters.yaml", c)
    matters: dict[str, Matter] = {}
    broken: set[str] = set()
    for entry, raw, rec in _entries(mdoc, "matters", "matter", "id", mfile, c):
        if rec is None:
            if isinstance(raw, dict) and isinstance(raw.get("id"), str):
                broken.add(raw["id"])
            continue
        mid = rec["id"]
        problems = []
        if not _ID_RX.match(mid):
            problems.append(("id", f"事项编号“{mid}”格式错误，应形如 JT-01"))
        if mid in matters:
            problems.append(("id", f"事项编号“{mid}”重复"))
        if rec["department"] not in departments:
            problems.append(("department", f"“{rec['department']}”不在 bodies.yaml 的 departments 中"))
        if rec["listed"] not in LISTED:
            problems.append(("listed", f"“{rec['listed']}”无效；可用：confirmed、inferred"))
        if rec.get("statutory") not in (None, "township"):
            problems.append(("statutory", f"“{rec['statutory']}”无效；可用：township"))
        if rec.get("department_assumption") and rec["department_assumption"] not in assumptions:
            problems.append(("department_assumption",
                             f"推定“{rec['department_assumption']}”不在 batches.yaml 的 assumptions 中"))
        for key, message in problems:
            c.add(mfile, entry, key, message)
        if problems:
            broken.add(mid)
            continue
        matters[mid] = Matter(
            id=mid, name=rec["name"], field=rec["field"], department=rec["department"],
            kind=rec["kind"], legal_basis=rec["legal_basis"], listed=rec["listed"],
            basis_checked=rec["basis_checked"], sources=tuple(rec["sources"]), note=rec.get("note"),
            statutory=rec.get("statutory"), statutory_holder=rec.get("statutory_holder"),
            department_assumption=rec.get("department_assumption"))
    return matters, broken


def _load_batches(tdoc: dict | None, tfile: str, c: _Collector, townships: dict[str, Township],
                  matters: dict[str, Matter], broken: set[str], assumptions: dict[str, Assumption]
                  ) -> tuple[list[Batch], dict[tuple[str, str], list[Batch]]]:
    """batches.yaml: the dated delegation batches, and (matter, township) -> its batches."""
    batches: list[Batch] = []
    delegations: dict[tuple[str, str], list[Batch]] = {}
    batch_ids: set[str] = set()
    for entry, _, rec in _entries(tdoc, "batches", "batch", "id", tfile, c):
        if rec is None:
            continue
        batch = _batch(rec, entry, tfile, c, batch_ids, townships, matters, broken, assumptions)
        batch_ids.add(rec["id"])
        if batch is None:
            continue
        # A matter delegated twice to the same body for overlapping dates is an error.
        for m in batch.matters:
            for b in batch.bodies:
                for other in delegations.get((m, b), ()):
                    if _overlap(other, batch):
                        c.add(tfile, entry, "effective",
                              f"事项 {m} 已由批次 {other.id}（{_window(other)}）下放给{b}，"
                              f"与本批次（{_window(batch)}）日期重叠")
                delegations.setdefault((m, b), []).append(batch)
        batches.append(batch)
    return batches, delegations


def _delegation_index(batches: Iterable[Batch]) -> dict[tuple[str, str], list[Batch]]:
    """(matter id, township name) -> the batches that delegate it there, in batch order (as
    _load_batches builds it)."""
    index: dict[tuple[str, str], list[Batch]] = {}
    for batch in batches:
        for m in batch.matters:
            for b in batch.bodies:
                index.setdefault((m, b), []).append(batch)
    return index


def _batch(rec: dict, entry: str, tfile: str, c: _Collector, batch_ids: set[str],
           townships: dict[str, Township], matters: dict[str, Matter], broken: set[str],
           assumptions: dict[str, Assumption]) -> Batch | None:
    """One checked batch, or None when it has an error (reported)."""
    before = len(c.problems)
    if rec["id"] in batch_ids:
        c.add(tfile, entry, "id", f"批次编号“{rec['id']}”重复")
    effective = c.day(rec["effective"], tfile, entry, "effective")
    ends = c.day(rec["ends"], tfile, entry, "ends") if "ends" in rec else None
    dates_bad = effective is None or ("ends" in rec and ends is None)
    if not dates_bad and ends is not None and ends <= effective:
        c.add(tfile, entry, "ends", f"截止日 {ends} 应晚于生效日 {effective}（时间窗左闭右开）")
    for j, b in enumerate(rec["bodies"]):
        if b not in townships:
            c.add(tfile, entry, f"bodies[{j}]", f"“{b}”不是 bodies.yaml 中的乡镇街道")
    cites_broken = any(m in broken for m in rec["matters"])
    for j, m in enumerate(rec["matters"]):
        if m in broken:
            continue
        if m not in matters:
            c.add(tfile, entry, f"matters[{j}]", f"事项“{m}”不在 matters.yaml 中")
        elif matters[m].statutory == "township":
            c.add(tfile, entry, f"matters[{j}]", f"事项“{m}”是法定乡镇职权，无需下放")
    for j, a in enumerate(rec.get("assumptions", [])):
        if a not in assumptions:
            c.add(tfile, entry, f"assumptions[{j}]", f"推定“{a}”不在 assumptions 中")
    open_cases = _open_cases(rec, assumptions, c, tfile, entry)
    for key in ("bodies", "matters"):
        dup = sorted({v for v in rec[key] if rec[key].count(v) > 1})
        if dup:
            c.add(tfile, entry, key, f"重复列出：{'、'.join(dup)}")
    if dates_bad or cites_broken or open_cases is False or len(c.problems) > before:
        return None
    return Batch(rec["id"], rec["title"], rec["document"], tuple(rec["legal_basis"]), effective,
                 ends, tuple(rec["bodies"]), tuple(rec["matters"]),
                 tuple(rec.get("assumptions", ())), rec["status"], rec.get("source"),
                 tuple((open_cases or {}).items()))


def _check_extras(cat: Catalog) -> None:
    """Load the calendar and the matching knowledge now, reporting their problems together."""
    extra: list[Problem] = []
    for part in ("calendar", "matcher"):
        try:
            getattr(cat, part)
        except CatalogError as exc:
            extra.extend(exc.problems)
    if extra:
        raise CatalogError(extra)


def _open_cases(rec: dict, assumptions: dict, c: _Collector, file: str,
                entry: str) -> dict[str, OpenCases] | None | bool:
    """batch.open_cases, checked; False when it has a problem."""
    raw = rec.get("open_cases")
    if raw is None:
        return None
    out: dict[str, OpenCases] = {}
    ok = True
    for point, item in raw.items():
        key = f"open_cases.{point}"
        if point not in OPEN_CASE_POINTS:
            c.add(file, entry, key, f"未知的时点；可用：{'、'.join(OPEN_CASE_POINTS)}")
            ok = False
            continue
        if point == "ends" and "ends" not in rec:
            c.add(file, entry, key, "本批次没有截止日（ends），不能规定截止时已立案案件的办理")
            ok = False
        r = c.record("open_cases", item, file, f"{entry} {key}")
        if r is None:
            ok = False
            continue
        if r["finished_by"] not in FINISHERS:
            c.add(file, entry, f"{key}.finished_by",
                  f"“{r['finished_by']}”无效；可用：" + "、".join(f"{k}（{v}）" for k, v in FINISHERS.items()))
            ok = False
        if r.get("assumption") and r["assumption"] not in assumptions:
            c.add(file, entry, f"{key}.assumption", f"推定“{r['assumption']}”不在 assumptions 中")
            ok = False
        if not (r.get("source") or r.get("assumption")):
            c.add(file, entry, key, "应注明依据：source（文件）或 assumption（推定编号）")
            ok = False
        out[point] = OpenCases(r["finished_by"], r.get("source"), r.get("assumption"))
    return out if ok else False


def _overlap(a: Batch, b: Batch) -> bool:
    a_end = a.ends or date.max
    b_end = b.ends or date.max
    return a.effective < b_end and b.effective < a_end


def _window(b: Batch) -> str:
    return f"{b.effective} 起" + (f"至 {b.ends} 前" if b.ends else "，未设截止")
