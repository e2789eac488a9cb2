"""Importing the official list of delegated matters from a spreadsheet into the catalog.

A row is a matter, the bodies that take it over (承接主体 / 实施范围: “各乡镇”, “各乡镇（街道）”,
or names) and the day they do (实施时间). Rows become matters (existing ids kept for matters
recognised by id or name, new ids proposed for new ones) and batches (one per document, date and
set of bodies; an existing batch with the same date and bodies keeps its id). Honesty flags of
existing matters are kept; new ones are marked for what they are (basis not checked, sources
naming the file, sheet and row). Nothing is written unless the resulting catalog passes
`zhifa catalog check`, and then atomically (router/atomic.py).
"""
from __future__ import annotations

import difflib
import re
import unicodedata
from collections import Counter
from contextlib import nullcontext
from dataclasses import field, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

from router.catalog.load import Assumption, Batch, Catalog, Matter, load_catalog
from router.files.atomic import Stage, catalog_lock, folder_state
from router.files.locations import catalog_root
from router.files.sheets import (
    COLUMNS,
    Row,
    Table,
    lines_of,
    looks_like_formula,
    norm,
    one_line,
    parse_overrides,
    read_table,
)
from router.files.writer import (
    batch_record,
    batches_text,
    comment_text,
    flow_item,
    matter_record,
    matters_text,
    scalar,
)
from router.model.clock import parse_day
from router.model.errors import CatalogError, HasProblems, InputError, Problem, shown
from router.model.lazydc import dataclass
from router.policy.diff import compare
from router.policy.lint import check_catalog

ID_RX = re.compile(r"^[A-Z]{2}-\d{2,4}$")
# Prefixes of new matter ids by field, where the catalog has no matter of the field yet.
FIELD_PREFIXES = {
    "交通运输": "JT", "水利": "SL", "农业农村": "NY", "消防救援": "XF", "消防": "XF",
    "规划建设": "GH", "城乡规划": "GH", "城市管理": "SR", "市容环卫": "SR", "住房和城乡建设": "ZJ",
    "住房城乡建设": "ZJ", "生态环境": "HB", "自然资源": "ZR", "公安": "GA", "市场监管": "SC",
    "市场监督管理": "SC", "文化旅游": "WL", "文化和旅游": "WL", "应急管理": "YJ", "卫生健康": "WS",
    "林业": "LY", "教育": "JY", "民政": "MZ", "人力资源和社会保障": "RS", "人力资源社会保障": "RS",
    "商务": "SW", "体育": "TY", "气象": "QX", "人民防空": "RF", "退役军人事务": "TJ",
    "医疗保障": "YB", "统计": "TJ", "财政": "CZ", "审计": "SJ", "粮食和物资储备": "LS",
}
LISTED_VALUES = {"已确认": "confirmed", "确认": "confirmed", "confirmed": "confirmed",
                 "推断": "inferred", "inferred": "inferred", "未确认": "inferred"}
YES = {"是", "已核对", "true", "True", "TRUE", "yes", "Y", "y", "√", "✓"}
NO = {"否", "未核对", "false", "False", "FALSE", "no", "N", "n", "×"}
SCOPE_ALL = re.compile(r"^(?:各|全区|全部|所有|区内各)?乡镇(?:\(街道\)|\(街道办事处\)|、?街道(?:办事处)?|和街道|及街道|"
                       r"(?:人民)?政府、?街道办事处)$")
SCOPE_TOWNS = re.compile(r"^(?:各|全区|全部|所有|区内各)?乡镇(?:人民政府|政府)?$")
SCOPE_STREETS = re.compile(r"^(?:各|全区|全部|所有|区内各)?街道(?:办事处)?$")
_DOC_NO = re.compile(r"[\u4e00-\u9fa5]{1,8}〔\d{4}〕\d+号")


@dataclass
class ImportOptions:
    sheet: str | None = None
    columns: tuple[str, ...] = ()  # --column 表头=含义
    aliases: tuple[str, ...] = ()  # --alias 表中名称=目录中的名称
    bodies: str | None = None  # 承接主体 for rows (or tables) without one
    effective: str | None = None  # 实施时间 for rows (or tables) without one
    document: str | None = None  # the document the table belongs to
    source: str | None = None  # where the table was published (URL or document number)
    listed: str = "confirmed"  # for new matters: is the table the district's official list?
    upgrade_listed: bool = False  # existing matters marked inferred and found in the table
    supersede: bool = False  # new batches end older open batches of the same bodies
    keep_missing: bool = False  # matters missing from a matched batch stay in it
    fill_down: bool = False  # blank merged-type cells repeat the cell above (CSV of a merged table)
    matching_stubs: bool = False  # add placeholder matching entries for new matters


@dataclass
class _Item:
    row: Row
    name: str
    id: str | None
    values: dict[str, Any]  # matter-level values given in this row
    bodies: tuple[str, ...] | None
    effective: date | None
    ends: date | None
    document: str
    batch: str | None
    resolved: str | None = None  # the matter id after recognition


@dataclass
class _Group:
    key: tuple
    items: list[_Item] = field(default_factory=list)


@dataclass
class Plan(HasProblems):
    matters: list[Matter]
    batches: list[Batch]
    assumptions: list[Assumption]
    problems: list[Problem]
    new_matters: list[tuple[str, str, str]]  # id, name, where
    recognised: list[tuple[str, str, str]]  # id, how, where (renamed or by a close name)
    batch_plan: list[tuple[str, str, int]]  # id, 新建/沿用/删除, number of matters
    superseded: list[tuple[str, date]]
    rows: int


@dataclass
class ImportResult(HasProblems):
    file: str
    root: str
    problems: list[Problem]
    check: list[Problem] = field(default_factory=list)
    new_matters: list[tuple[str, str, str]] = field(default_factory=list)
    recognised: list[tuple[str, str, str]] = field(default_factory=list)
    batches: list[tuple[str, str, int]] = field(default_factory=list)
    superseded: list[tuple[str, date]] = field(default_factory=list)
    stubs: list[str] = field(default_factory=list)
    diff: Any = None
    rows: int = 0
    unchanged: bool = False
    written: bool = False
    dry_run: bool = False


# ---------------------------------------------------------------------------------------------
# Names in the table -> the catalog's bodies


def _key(text: str) -> str:
    return norm(text).replace("(", "").replace(")", "")


class _Names:
    def __init__(self, cat: Catalog, aliases: tuple[str, ...]):
        self.cat = cat
        self.townships: dict[str, str] = {}
        for t in cat.townships.values():
            for n in (t.name, t.body, *t.aliases):
                self.townships[_key(n)] = t.name
        self.departments: dict[str, str] = {}
        for d in cat.departments.values():
            for n in (d.name, *d.aliases):
                self.departments[_key(n)] = d.name
        for pair in aliases:
            if "=" not in pair:
                raise InputError(f"--alias 应写成 表中名称=目录中的名称，如 “区城管执法局=华龙区城市管理局”，实际为“{pair}”")
            left, right = (x.strip() for x in pair.split("=", 1))
            k = _key(right)
            if k in self.townships:
                self.townships[_key(left)] = self.townships[k]
            elif k in self.departments:
                self.departments[_key(left)] = self.departments[k]
            else:
                raise InputError(f"--alias “{pair}”：“{right}”不是目录中的乡镇街道或区直部门")

    def department(self, text: str) -> tuple[str | None, str | None]:
        """(catalog name, note) or (None, error message)."""
        names = lines_of(text)
        if len(names) > 1 or re.search(r"[、；;]", text):
            parts = names if len(names) > 1 else re.split(r"[、；;]", text)
            return None, (f"一个事项只能有一个原实施部门，表中写有 {len(parts)} 个（{'、'.join(p.strip() for p in parts)}）："
                          "请拆成多行或只保留主管部门")
        k = _key(text)
        if k in self.departments:
            return self.departments[k], None
        for prefix in ("濮阳市华龙区", "华龙区", "濮阳市", "区", "县级", "县区", "县市区", "县(市、区)"):
            if k.startswith(_key(prefix)) and k[len(_key(prefix)):] in self.departments:
                return self.departments[k[len(_key(prefix)):]], None
            if _key(prefix + text) in self.departments:
                return self.departments[_key(prefix + text)], None
        # “县级城市管理部门”: a department by its field, when exactly one has it.
        core = re.sub(r"^(?:县级|县\(市、区\)|县区|县市区|区级|区|县)", "", k)
        core = re.sub(r"(?:行政主管部门|主管部门|管理部门|部门|局)$", "", core)
        by_field = [d.name for d in self.cat.departments.values() if core and (core == _key(d.field)
                                                                            or core in _key(d.name))]
        if len(by_field) == 1:
            return by_field[0], f"“{text}”按领域认定为{by_field[0]}"
        suggestion = difflib.get_close_matches(k, list(self.departments), n=1, cutoff=0.4)
        hint = f"（是否为“{self.departments[suggestion[0]]}”？）" if suggestion else ""
        return None, (f"未知的部门“{text}”{hint}：须为 bodies.yaml 中的区直部门或其简称；"
                      "如是同一部门的其他写法，可用 --alias 表中名称=目录中的名称")

    def bodies(self, text: str) -> tuple[tuple[str, ...] | None, str | None]:
        """Township names (in bodies.yaml order) for a 承接主体 cell, or (None, error)."""
        k = _key(unicodedata.normalize("NFKC", text).replace("\n", ""))
        order = list(self.cat.townships)
        if SCOPE_ALL.match(k):
            return tuple(order), None
        if SCOPE_TOWNS.match(k):
            return tuple(n for n in order if self.cat.townships[n].type in ("乡", "镇")), None
        if SCOPE_STREETS.match(k):
            return tuple(n for n in order if self.cat.townships[n].type == "街道"), None
        parts = [p for p in re.split(r"[、，,；;\s/]+", unicodedata.normalize("NFKC", text)) if p.strip()]
        found, bad = [], []
        for p in parts:
            pk = _key(p)
            if pk in self.townships:
                found.append(self.townships[pk])
                continue
            outside = self.cat.outside.get(p.strip())
            if outside is not None:
                bad.append(f"“{p}”不属于华龙区（{outside.belongs_to or '区外'}，{outside.managed_by or ''}代管）")
                continue
            if pk in self.departments:
                bad.append(f"“{p}”是区直部门，不是承接下放事项的乡镇街道")
                continue
            s = difflib.get_close_matches(pk, list(self.townships), n=1, cutoff=0.5)
            bad.append(f"未知的乡镇街道“{p}”" + (f"（是否为“{self.townships[s[0]]}”？）" if s else ""))
        if bad:
            return None, "；".join(bad) + "。可写“各乡镇”“各街道”“各乡镇（街道）”或用“、”分隔的乡镇街道名称"
        dup = sorted({n for n in found if found.count(n) > 1})
        if dup:
            return None, f"重复列出：{'、'.join(dup)}"
        return tuple(n for n in order if n in found), None


# ---------------------------------------------------------------------------------------------
# Rows -> items


class _RowProblems:
    """The problems found in one row; `ok` stays true until the first error."""

    def __init__(self, row: Row, problems: list[Problem]):
        self.row = row
        self.problems = problems
        self.ok = True

    def error(self, key: str | None, message: str) -> None:
        self.problems.append(self.row.problem(key, message))
        self.ok = False

    def notice(self, key: str | None, message: str) -> None:
        self.problems.append(self.row.problem(key, message, "notice"))


def _interpret(row: Row, names: _Names, opts: ImportOptions, defaults: dict[str, Any],
               table: Table, problems: list[Problem]) -> _Item | None:
    """One row of the table as an item, or None (with its errors in `problems`)."""
    found = _RowProblems(row, problems)
    name = one_line(row.values.get("name"))
    if not name:
        found.error("name", "缺少事项名称")
        return None
    mid = _row_id(row, found)
    if looks_like_formula(name):
        found.error("name", f"事项名称“{shown(name)}”以“{name[0].strip() or '空白'}”开头，像是表格公式（会写入办事员的表格）："
                            "请删去开头的符号后再导入")
        return None
    values = _matter_values(row, name, names, found)
    bodies = _row_bodies(row, names, defaults, found)
    effective, ends, date_unreadable = _row_dates(row, defaults, found)
    document = (one_line(row.values.get("document"), " ") or opts.document or table.titles.get(row.sheet)
                or Path(table.file).stem)
    batch = str(row.values["batch"]).strip() if row.values.get("batch") is not None else None
    if bodies and effective is None and batch is None and not date_unreadable:
        found.error("effective", "缺少实施时间：已写明承接主体的行须写明实施时间（或用 --effective 统一指定）")
    if not found.ok:
        return None
    return _Item(row, name, mid, values, bodies or None, effective, ends, document, batch)


def _row_id(row: Row, found: _RowProblems) -> str | None:
    """The matter id written in the row, if it is one of ours (形如 JT-01)."""
    given = row.values.get("id")
    if given is None:
        return None
    raw = str(given).strip().upper()
    if ID_RX.match(raw):
        return raw
    found.notice("id", f"“{given}”不是本系统的事项编号（形如 JT-01），按事项名称识别")
    return None


def _matter_values(row: Row, name: str, names: _Names, found: _RowProblems) -> dict[str, Any]:
    """The matter-level values the row gives (only those it gives)."""
    v = row.values
    values: dict[str, Any] = {"name": name}
    fld = one_line(v.get("field")) or row.section
    if fld:
        values["field"] = fld
    if "legal_basis" in row.columns:
        basis = one_line(v.get("legal_basis"), "；")
        if not basis:
            found.error("legal_basis", "实施依据为空：每个事项都须写明法律依据")
        else:
            values["legal_basis"] = basis
    if v.get("department") is not None:
        dept, note = names.department(str(v["department"]))
        if dept is None:
            found.error("department", note)
        else:
            values["department"] = dept
            if note:
                found.notice("department", note)
    for key in ("kind", "note"):
        if v.get(key) is not None:
            values[key] = one_line(v[key], "；")
    _honesty_flags(v, values, found)
    if v.get("sources") is not None:
        values["sources"] = tuple(lines_of(v["sources"]))
    for key in ("statutory_holder", "department_assumption"):
        if v.get(key) is not None:
            values[key] = str(v[key]).strip()
    return values


def _honesty_flags(v: dict[str, Any], values: dict[str, Any], found: _RowProblems) -> None:
    """列入情况 (listed) and 依据已核对 (basis_checked), when the row gives them."""
    if v.get("listed") is not None:
        listed = LISTED_VALUES.get(str(v["listed"]).strip())
        if listed is None:
            found.error("listed", f"“{v['listed']}”无效：应为 已确认 或 推断")
        else:
            values["listed"] = listed
    if v.get("basis_checked") is not None:
        text = str(v["basis_checked"]).strip()
        if text in YES or text in NO:
            values["basis_checked"] = text in YES
        else:
            found.error("basis_checked", f"“{text}”无效：应为 是 或 否")


def _row_bodies(row: Row, names: _Names, defaults: dict[str, Any],
                found: _RowProblems) -> tuple[str, ...] | None:
    """The townships taking the matter over: the row's 承接主体, else --bodies."""
    if row.values.get("bodies") is not None:
        bodies, message = names.bodies(str(row.values["bodies"]))
        if bodies is None:
            found.error("bodies", message)
        return bodies
    return defaults.get("bodies")


def _row_dates(row: Row, defaults: dict[str, Any],
               found: _RowProblems) -> tuple[date | None, date | None, bool]:
    """(实施时间, 收回时间 as the first day no longer delegated, whether 实施时间 was unreadable)."""
    v = row.values
    effective = ends = None
    unreadable = False
    if v.get("effective") is not None:
        try:
            effective = parse_day(v["effective"])
        except ValueError as exc:
            found.error("effective", str(exc))
            unreadable = True
    elif defaults.get("effective") is not None:
        effective = defaults["effective"]
    if v.get("ends") is not None:
        try:
            ends = parse_day(v["ends"])
        except ValueError as exc:
            found.error("ends", str(exc))
    if v.get("until") is not None:
        try:
            last = parse_day(v["until"])
            ends = last + timedelta(days=1)
            found.notice("until", f"截止时间 {last} 按“含当日”理解：自 {ends} 起不再下放")
        except ValueError as exc:
            found.error("until", str(exc))
    if effective and ends and ends <= effective:
        found.error("ends" if "ends" in row.columns else "until", f"收回时间 {ends} 应晚于实施时间 {effective}")
    return effective, ends, unreadable


# ---------------------------------------------------------------------------------------------
# Recognising matters


def _name_key(name: str) -> str:
    t = unicodedata.normalize("NFKC", name)
    return re.sub(r"[\s,，、;；。.:：()（）\"“”'‘’《》<>]+", "", t)


def _recognise(cat: Catalog, items: list[_Item], problems: list[Problem],
               recognised: list[tuple[str, str, str]]) -> None:
    by_name = {_name_key(m.name): m.id for m in cat.matters.values()}
    claimed: dict[str, str] = {}  # existing id -> name key of the row that claimed it
    for it in items:
        if it.id is not None:
            it.resolved = it.id
            claimed.setdefault(it.id, _name_key(it.name))
            if it.id in cat.matters and _name_key(cat.matters[it.id].name) != _name_key(it.name):
                recognised.append((it.id, f"按编号识别；名称改为“{it.name}”", it.row.entry))
    for it in items:
        if it.resolved is None and _name_key(it.name) in by_name:
            mid = by_name[_name_key(it.name)]
            if claimed.get(mid, _name_key(it.name)) == _name_key(it.name):
                it.resolved = mid
                claimed[mid] = _name_key(it.name)
    keys = list(by_name)
    for it in items:
        if it.resolved is not None:
            continue
        k = _name_key(it.name)
        same = [x for x in items if x.resolved and _name_key(x.name) == k]
        if same:
            it.resolved = same[0].resolved
            continue
        close = difflib.get_close_matches(k, keys, n=1, cutoff=0.85)
        if close and by_name[close[0]] not in claimed:
            mid = by_name[close[0]]
            ratio = difflib.SequenceMatcher(None, k, close[0]).ratio()
            it.resolved = mid
            claimed[mid] = k
            recognised.append((mid, f"名称与“{cat.matters[mid].name}”相近（相似度 {ratio:.2f}），沿用其编号，名称改为表中写法",
                               it.row.entry))
            problems.append(it.row.problem("name", f"按相近名称认定为已有事项 {mid}（相似度 {ratio:.2f}）；"
                                           "如不是同一事项，请在表中加“事项编号”列写明", "notice"))


def _propose_ids(cat: Catalog, items: list[_Item], new_matters: list[tuple[str, str, str]],
                 problems: list[Problem]) -> None:
    prefix_of: dict[str, Counter] = {}
    used: dict[str, int] = {}
    for m in cat.matters.values():
        p, n = m.id.split("-")
        prefix_of.setdefault(m.field, Counter())[p] += 1
        used[p] = max(used.get(p, 0), int(n))
    for it in items:
        if it.resolved and ID_RX.match(it.resolved):
            p, n = it.resolved.split("-")
            used[p] = max(used.get(p, 0), int(n))
    names: dict[str, str] = {}
    for it in items:
        if it.resolved is not None:
            continue
        k = _name_key(it.name)
        if k in names:
            it.resolved = names[k]
            continue
        fld = it.values.get("field", "")
        prefix = (prefix_of[fld].most_common(1)[0][0] if fld in prefix_of
                  else FIELD_PREFIXES.get(fld) or next((v for f, v in FIELD_PREFIXES.items() if f in fld), "QT"))
        used[prefix] = used.get(prefix, 0) + 1
        it.resolved = f"{prefix}-{used[prefix]:02d}"
        names[k] = it.resolved
        new_matters.append((it.resolved, it.name, it.row.entry))
    for it in items:
        if it.id is not None and it.id not in cat.matters and not any(n[0] == it.id for n in new_matters):
            new_matters.append((it.id, it.name, it.row.entry))


# ---------------------------------------------------------------------------------------------
# Matters


def _build_matter(old: Matter | None, values: dict[str, Any], columns: set[str], mid: str,
                  item: _Item, opts: ImportOptions, system: bool, problems: list[Problem]) -> Matter | None:
    row = item.row

    def need(key: str, label: str) -> Any:
        if key in values:
            return values[key]
        if old is not None:
            return getattr(old, key)
        problems.append(row.problem(key if key in row.columns else None,
                                    f"新事项缺少{label}" + ("" if key in row.columns else f"（表中没有“{label}”列）")))
        return None

    fld = need("field", "领域")
    dept = need("department", "原实施部门")
    basis = need("legal_basis", "实施依据")
    if fld is None or dept is None or basis is None:
        return None
    kind = values.get("kind") or (old.kind if old else "行政处罚")
    if "basis_checked" in values:
        checked = values["basis_checked"]
    elif old is not None:
        checked = old.basis_checked and basis == old.legal_basis
        if old.basis_checked and basis != old.legal_basis:
            problems.append(row.problem("legal_basis", f"{mid} 的实施依据与目录不同，导入后标为“未核对”"
                                        f"（basis_checked: false），请对照法条原文核对", "notice"))
    else:
        checked = False
    if "listed" in values:
        listed = values["listed"]
    elif old is not None:
        listed = old.listed
        if listed == "inferred" and opts.upgrade_listed and opts.listed == "confirmed":
            listed = "confirmed"
            problems.append(row.problem(None, f"{mid} 原为“推断”，见于本表，改为“已确认”（--upgrade-listed）", "notice"))
        elif listed == "inferred" and opts.listed == "confirmed":
            problems.append(row.problem(None, f"{mid} 在目录中标为“推断”（listed: inferred）而见于本表；"
                                        "如本表是本区正式清单，可加 --upgrade-listed 改为“已确认”", "notice"))
    else:
        listed = opts.listed
    if "sources" in values:
        sources = values["sources"]
    elif old is not None:
        sources = old.sources
    else:
        where = f"{Path(row.file).name}" + ("" if row.csv else f"，工作表“{row.sheet}”") + f"第{row.number}行"
        sources = ((f"{opts.source}（导入自 {where}）",) if opts.source else (f"导入自 {where}",))
    if "note" in values:
        note = values["note"]
    elif system and "note" in columns:
        note = None
    else:
        note = old.note if old else None
    statutory, holder = (old.statutory, old.statutory_holder) if old else (None, None)
    if "statutory_holder" in values:
        h = values["statutory_holder"]
        statutory, holder = "township", (None if h in ("是", "法定") else h)
    elif system and "statutory_holder" in columns:
        statutory, holder = None, None
    assumption = old.department_assumption if old else None
    if "department_assumption" in values:
        assumption = values["department_assumption"]
    elif system and "department_assumption" in columns:
        assumption = None
    return Matter(id=mid, name=values["name"], field=fld, department=dept, kind=kind,
                  legal_basis=basis, listed=listed, basis_checked=checked, sources=tuple(sources),
                  note=note, statutory=statutory, statutory_holder=holder,
                  department_assumption=assumption)


_COMPARED = ("name", "field", "department", "legal_basis", "kind", "note", "listed",
             "basis_checked", "sources", "statutory_holder", "department_assumption")


def _consistent(first: _Item, other: _Item, problems: list[Problem]) -> bool:
    ok = True
    for key in _COMPARED:
        a, b = first.values.get(key), other.values.get(key)
        if a is not None and b is not None and a != b:
            label = COLUMNS[key][0] if key in COLUMNS else key
            problems.append(other.row.problem(key, f"同一事项（{first.resolved}）在{first.row.entry}的{label}为"
                                              f"“{_short(a)}”，本行为“{_short(b)}”：请统一"))
            ok = False
    return ok


def _short(v: Any) -> str:
    s = "、".join(v) if isinstance(v, tuple) else str(v)
    return s if len(s) <= 40 else s[:40] + "…"


# ---------------------------------------------------------------------------------------------
# Batches


def _batch_sheet(table: Table, names: _Names, problems: list[Problem]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for row in table.batch_rows:
        v = row.values
        bid = str(v.get("batch") or "").strip()
        if not bid:
            continue
        if bid in out:
            problems.append(row.problem("batch", f"批次编号“{bid}”重复"))
            continue
        rec: dict[str, Any] = {"row": row}
        for key in ("title", "document", "status", "source"):
            if v.get(key) is not None:
                rec[key] = one_line(v[key], " ")
        rec["legal_basis"] = tuple(lines_of(v.get("legal_basis")))
        rec["assumptions"] = tuple(x for x in re.split(r"[、,，\s]+", str(v.get("assumptions") or "")) if x)
        rec["matters"] = tuple(x.strip().upper() for x in re.split(r"[、,，\s]+", str(v.get("matters") or "")) if x)
        for key in ("effective", "ends"):
            if v.get(key) is not None:
                try:
                    rec[key] = parse_day(v[key])
                except ValueError as exc:
                    problems.append(row.problem(key, str(exc)))
        if v.get("bodies") is not None:
            bodies, message = names.bodies(str(v["bodies"]))
            if bodies is None:
                problems.append(row.problem("bodies", message))
            else:
                rec["bodies"] = bodies
        out[bid] = rec
    return out


def _scope(cat: Catalog, bodies: tuple[str, ...]) -> str:
    towns = {n for n, t in cat.townships.items() if t.type in ("乡", "镇")}
    streets = {n for n, t in cat.townships.items() if t.type == "街道"}
    s = set(bodies)
    if s == towns | streets:
        return "ALL"
    if s == towns:
        return "TOWNSHIPS"
    if s == streets:
        return "STREETS"
    return "BODIES"


def _new_batch_id(cat: Catalog, bodies: tuple[str, ...], effective: date, taken: set[str]) -> str:
    base = f"IMP-{effective:%Y%m%d}-{_scope(cat, bodies)}"
    bid, n = base, 2
    while bid in taken:
        bid, n = f"{base}-{n}", n + 1
    taken.add(bid)
    return bid


def _ordered(members: list[str], order: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    first = [m for m in order if m in members]
    return tuple(dict.fromkeys(first + members))


# ---------------------------------------------------------------------------------------------
# Plan


def plan_import(cat: Catalog, table: Table, opts: ImportOptions) -> Plan:
    """What importing `table` into `cat` would make of the catalog, with every problem found."""
    problems = list(table.problems)
    names = _Names(cat, opts.aliases)
    defaults = _option_defaults(names, opts)
    system = any("id" in h and "batch" in h for h in table.headers.values())  # a sheet `catalog export` wrote
    columns = {k for h in table.headers.values() for k in h}
    _notice_missing_columns(table, defaults, problems)

    items = [it for it in (_interpret(r, names, opts, defaults, table, problems) for r in table.rows) if it]
    recognised: list[tuple[str, str, str]] = []
    new_matters: list[tuple[str, str, str]] = []
    _recognise(cat, items, problems, recognised)
    _propose_ids(cat, items, new_matters, problems)
    matters = _plan_matters(cat, items, columns, opts, system, problems)

    sheet_batches = _batch_sheet(table, names, problems)
    groups = _group_rows(items, system, problems)
    planned, batch_plan = _plan_batches(cat, table, opts, groups, sheet_batches, system, problems)
    dropped = _unused_sheet_batches(cat, table, sheet_batches, planned, batch_plan, problems)
    superseded = _supersede(cat, table, opts, planned, dropped, problems)
    batches = _batch_order(cat, planned, dropped, sheet_batches)
    assumptions = _plan_assumptions(cat, table, problems)
    return Plan(matters, batches, assumptions, problems, new_matters, recognised, batch_plan,
                superseded, len(table.rows))


def _option_defaults(names: _Names, opts: ImportOptions) -> dict[str, Any]:
    """--bodies and --effective for rows without them; InputError for a bad option."""
    defaults: dict[str, Any] = {}
    if opts.bodies:
        bodies, message = names.bodies(opts.bodies)
        if bodies is None:
            raise InputError(f"--bodies “{opts.bodies}”：{message}")
        defaults["bodies"] = bodies
    if opts.effective:
        try:
            defaults["effective"] = parse_day(opts.effective)
        except ValueError as exc:
            raise InputError(f"--effective：{exc}") from None
    if opts.listed not in ("confirmed", "inferred"):
        raise InputError(f"--listed 应为 confirmed 或 inferred，实际为“{opts.listed}”")
    return defaults


def _notice_missing_columns(table: Table, defaults: dict[str, Any], problems: list[Problem]) -> None:
    """A sheet without 承接主体 or 实施时间 (and no option standing in for it) delegates nothing."""
    for sheet, h in table.headers.items():
        if "bodies" not in h and "bodies" not in defaults:
            problems.append(Problem(table.file, f"工作表“{sheet}”", None,
                                    "表中没有“承接主体/实施范围”列：所有行只录入事项本身，不产生下放；"
                                    "如整张表下放给同一范围，请用 --bodies 指定（如 各乡镇）", "notice"))
        if "effective" not in h and "effective" not in defaults and "batch" not in h:
            problems.append(Problem(table.file, f"工作表“{sheet}”", None,
                                    "表中没有“实施时间”列：如需下放，请用 --effective 指定（如 2027-01-01）", "notice"))


# ---------------------------------------------------------------------------------------------
# Plan: matters


def _plan_matters(cat: Catalog, items: list[_Item], columns: set[str], opts: ImportOptions, system: bool,
                  problems: list[Problem]) -> list[Matter]:
    """The catalog's matters after the import: rows of one matter merged, in catalog order."""
    first, merged_values = _merge_rows(items, problems)
    built: dict[str, Matter] = {}
    for mid, it in first.items():
        m = _build_matter(cat.matters.get(mid), merged_values[mid], columns, mid, it, opts, system, problems)
        if m is not None:
            built[mid] = m
    order = _matter_order(cat, list(first), system)
    return [built.get(mid) or cat.matters[mid] for mid in order if mid in built or mid in cat.matters]


def _merge_rows(items: list[_Item], problems: list[Problem]) -> tuple[dict[str, _Item], dict[str, dict[str, Any]]]:
    """The first row of each matter, and the values of all its rows (rows that contradict the
    first are reported and left out)."""
    first: dict[str, _Item] = {}
    merged_values: dict[str, dict[str, Any]] = {}
    for it in items:
        mid = it.resolved
        if mid not in first:
            first[mid] = it
            merged_values[mid] = dict(it.values)
        elif _consistent(first[mid], it, problems):
            for k, val in it.values.items():
                merged_values[mid].setdefault(k, val)
    return first, merged_values


def _matter_order(cat: Catalog, table_order: list[str], system: bool) -> list[str]:
    """The table's order for an exported sheet holding every matter; otherwise the catalog's,
    each new matter after the last one with its id prefix."""
    if system and set(cat.matters) <= set(table_order):
        return table_order
    order = list(cat.matters)
    for mid in table_order:
        if mid in order:
            continue
        prefix = mid.split("-")[0]
        same = [i for i, x in enumerate(order) if x.split("-")[0] == prefix]
        order.insert(same[-1] + 1 if same else len(order), mid)
    return order


# ---------------------------------------------------------------------------------------------
# Plan: batches


def _group_rows(items: list[_Item], system: bool, problems: list[Problem]) -> dict[tuple, _Group]:
    """Delegating rows grouped into batches: by 批次编号, else by document, dates and bodies."""
    groups: dict[tuple, _Group] = {}
    seen: dict[tuple, _Item] = {}
    for it in items:
        if not it.bodies:
            if it.batch:
                problems.append(it.row.problem("bodies", f"写有批次编号“{it.batch}”但承接主体为空"))
            elif "bodies" in it.row.columns and not system:
                problems.append(it.row.problem("bodies", "承接主体为空：只录入事项本身，不产生下放", "notice"))
            continue
        dup_key = (it.resolved, it.bodies, it.effective, it.ends, it.batch)
        if dup_key in seen:
            problems.append(it.row.problem("name", f"与{seen[dup_key].row.entry}重复（同一事项、承接主体和实施时间）"))
            continue
        seen[dup_key] = it
        key = ("id", it.batch) if it.batch else ("auto", _key(it.document), it.effective, it.ends,
                                                  tuple(sorted(it.bodies)))
        groups.setdefault(key, _Group(key)).items.append(it)
    return groups


def _plan_batches(cat: Catalog, table: Table, opts: ImportOptions, groups: dict[tuple, _Group],
                  sheet_batches: dict[str, dict[str, Any]], system: bool,
                  problems: list[Problem]) -> tuple[dict[str, Batch], list[tuple[str, str, int]]]:
    """A batch per group (new, or an existing one kept), and what became of each."""
    existing = {b.id: b for b in cat.batches}
    taken = set(existing) | set(sheet_batches)
    claimed: set[str] = set()
    planned: dict[str, Batch] = {}
    batch_plan: list[tuple[str, str, int]] = []
    for key, g in groups.items():
        members = list(dict.fromkeys(it.resolved for it in g.items))
        if key[0] == "id":
            found = _named_batch(key[1], g, members, sheet_batches.get(key[1], {}), existing.get(key[1]),
                                 table, opts, system, problems)
            if found is None:
                continue
        else:
            found = _unnamed_batch(cat, key, g, members, claimed, taken, table, opts)
        batch, status = found
        claimed.add(batch.id)
        planned[batch.id] = batch
        batch_plan.append((batch.id, status, len(batch.matters)))
    return planned, batch_plan


def _named_batch(bid: str, g: _Group, members: list[str], meta: dict[str, Any], old: Batch | None,
                 table: Table, opts: ImportOptions, system: bool,
                 problems: list[Problem]) -> tuple[Batch, str] | None:
    """The batch rows name by 批次编号 (as an exported sheet does), checked against its other
    rows and its line in the 下放批次 sheet; None when they disagree."""
    it0 = g.items[0]
    eff = it0.effective or meta.get("effective") or (old.effective if old else None)
    bodies = it0.bodies
    ends = it0.ends if any(it.ends for it in g.items) or system else (old.ends if old else None)
    if not _named_batch_consistent(bid, g, meta, eff, ends, problems):
        return None
    body_order = meta.get("bodies") or (old.bodies if old and set(old.bodies) == set(bodies) else bodies)
    doc = meta.get("document") or (old.document if old else it0.document)
    base = old or Batch(bid, meta.get("title") or table.titles.get(it0.row.sheet) or doc, doc,
                        _doc_numbers(doc) or (doc,), eff, ends, bodies, (), (),
                        _status(it0), opts.source or table.file)
    order = meta.get("matters") or (old.matters if old else ())
    if meta.get("matters"):
        missing = [m for m in meta["matters"] if m not in members]
        if missing:
            problems.append(Problem(table.file, f"工作表“下放批次” {bid}", "事项",
                                    f"列出的 {'、'.join(missing)} 在清单中没有对应的行，按清单处理（不下放）",
                                    "notice"))
    if opts.keep_missing and old:
        members = members + [m for m in old.matters if m not in members]
    batch = replace(base, effective=eff, ends=ends, bodies=tuple(body_order),
                    matters=_ordered(members, order),
                    **{k: meta[k] for k in ("title", "document", "status", "source") if k in meta},
                    **({"legal_basis": meta["legal_basis"]} if meta.get("legal_basis") else {}),
                    **({"assumptions": meta["assumptions"]} if "row" in meta else {}))
    return batch, ("沿用" if old else "新建")


def _named_batch_consistent(bid: str, g: _Group, meta: dict[str, Any], eff: date | None, ends: date | None,
                            problems: list[Problem]) -> bool:
    """Whether a named batch's rows agree on dates and bodies, with each other and with the
    下放批次 sheet, and it has a 实施时间 (each disagreement reported)."""
    it0 = g.items[0]
    bodies = it0.bodies
    ok = True
    for it in g.items:
        if (it.effective or eff) != eff or set(it.bodies) != set(bodies) or it.ends != it0.ends:
            problems.append(it.row.problem("batch", f"同一批次 {bid} 的实施时间、收回时间和承接主体须一致（见{it0.row.entry}）"))
            ok = False
    for key, label, val in (("effective", "实施时间", eff), ("ends", "收回时间", ends)):
        if key in meta and meta[key] != val:
            problems.append(it0.row.problem(key, f"与“下放批次”表中批次 {bid} 的{label}（{meta[key]}）不一致"))
            ok = False
    if "bodies" in meta and set(meta["bodies"]) != set(bodies):
        problems.append(it0.row.problem("bodies", f"与“下放批次”表中批次 {bid} 的承接主体不一致"))
        ok = False
    if eff is None:
        problems.append(it0.row.problem("effective", f"批次 {bid} 缺少实施时间"))
        ok = False
    return ok


def _unnamed_batch(cat: Catalog, key: tuple, g: _Group, members: list[str], claimed: set[str], taken: set[str],
                   table: Table, opts: ImportOptions) -> tuple[Batch, str]:
    """The batch of rows without 批次编号: an unclaimed existing batch with the same dates and
    bodies (preferring the same document), else a new one with a new id."""
    _, _, eff, ends, _ = key
    it0 = g.items[0]
    bodies = it0.bodies
    candidates = [b for b in cat.batches if b.id not in claimed and b.effective == eff
                  and set(b.bodies) == set(bodies) and (ends is None or b.ends == ends)]
    candidates.sort(key=lambda b: _key(b.document) != _key(it0.document)
                    and not set(_doc_numbers(b.document)) & set(_doc_numbers(it0.document)))
    if candidates:
        old = candidates[0]
        members_all = members + ([m for m in old.matters if m not in members] if opts.keep_missing else [])
        return replace(old, ends=ends if ends is not None else old.ends,
                       matters=_ordered(members_all, old.matters)), "沿用"
    bid = _new_batch_id(cat, bodies, eff, taken)
    return Batch(bid, table.titles.get(it0.row.sheet) or it0.document, it0.document,
                 _doc_numbers(it0.document) or (it0.document,), eff, ends, bodies,
                 tuple(members), (), _status(it0), opts.source or table.file), "新建"


def _unused_sheet_batches(cat: Catalog, table: Table, sheet_batches: dict[str, dict[str, Any]],
                          planned: dict[str, Batch], batch_plan: list[tuple[str, str, int]],
                          problems: list[Problem]) -> list[str]:
    """Batches of the 下放批次 sheet that no row delegates: existing ones are dropped (the officer
    deleted their rows; returned), new ones ignored."""
    existing = {b.id for b in cat.batches}
    dropped = [bid for bid in sheet_batches if bid not in planned and bid in existing]
    for bid in dropped:
        problems.append(Problem(table.file, "工作表“下放批次”", bid,
                                f"批次 {bid} 在清单中已没有任何事项行，导入后删除该批次", "notice"))
        batch_plan.append((bid, "删除", 0))
    for bid, meta in sheet_batches.items():
        if bid not in planned and bid not in existing:
            problems.append(meta["row"].problem("batch", f"批次 {bid} 在清单中没有任何事项行，已忽略", "notice"))
    return dropped


def _supersede(cat: Catalog, table: Table, opts: ImportOptions, planned: dict[str, Batch], dropped: list[str],
               problems: list[Problem]) -> list[tuple[str, date]]:
    """With --supersede, older open batches that overlap a new one end the day it begins (added
    to `planned`); without it, the overlap is a notice."""
    existing = {b.id for b in cat.batches}
    superseded: list[tuple[str, date]] = []
    new_batches = [b for b in planned.values() if b.id not in existing]
    for old in cat.batches:
        if old.id in planned or old.id in dropped:
            continue
        for nb in new_batches:
            overlap = set(old.bodies) & set(nb.bodies)
            if not overlap or not (old.effective < nb.effective and (old.ends is None or old.ends > nb.effective)):
                continue
            covered = set().union(*(b.bodies for b in new_batches if b.effective == nb.effective))
            if not opts.supersede:
                shared = set(old.matters) & set(nb.matters)
                if shared:
                    problems.append(Problem(table.file, None, None,
                                            f"新批次 {nb.id}（{nb.effective} 起）与批次 {old.id} 对 {len(shared)} 个事项"
                                            f"（{'、'.join(sorted(shared)[:5])}…）日期重叠：如本表自 {nb.effective} 起取代"
                                            f"{old.id}，请加 --supersede（{old.id} 将于 {nb.effective} 收回）", "notice"))
                break
            if set(old.bodies) <= covered:
                planned[old.id] = replace(old, ends=nb.effective)
                superseded.append((old.id, nb.effective))
            else:
                problems.append(Problem(table.file, None, None,
                                        f"批次 {old.id} 的承接主体只有一部分在新表中（{'、'.join(sorted(overlap))}），"
                                        "未自动收回；请手工处理重叠日期", "notice"))
            break
    return superseded


def _batch_order(cat: Catalog, planned: dict[str, Batch], dropped: list[str],
                 sheet_batches: dict[str, dict[str, Any]]) -> list[Batch]:
    """The catalog's batches after the import: existing ones in place (changed or not), new ones
    after them; in the 下放批次 sheet's order when the table has one."""
    existing = {b.id for b in cat.batches}
    batches = [planned.get(b.id, b) for b in cat.batches if b.id not in dropped]
    batches += [b for b in planned.values() if b.id not in existing]
    sheet_order = list(sheet_batches)
    if sheet_order:
        batches.sort(key=lambda b: sheet_order.index(b.id) if b.id in sheet_order else len(sheet_order))
    return batches


def _plan_assumptions(cat: Catalog, table: Table, problems: list[Problem]) -> list[Assumption]:
    """The 推定 sheet's assumptions when the table has one, else the catalog's."""
    if not table.assumption_rows:
        return list(cat.assumptions.values())
    assumptions = []
    for row in table.assumption_rows:
        aid, text = str(row.values.get("id") or "").strip(), one_line(row.values.get("text"), "")
        if not aid:
            continue
        if not text:
            problems.append(row.problem("text", f"推定 {aid} 没有内容"))
            continue
        assumptions.append(Assumption(aid, text))
    return assumptions


def _doc_numbers(text: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(_DOC_NO.findall(text or "")))


def _status(it: _Item) -> str:
    where = Path(it.row.file).name + ("" if it.row.csv else f"（工作表“{it.row.sheet}”）")
    return f"自 {where} 导入：事项、承接主体和实施时间取自表格，导入时未与原文件逐条核对。"


# ---------------------------------------------------------------------------------------------
# Writing


def _records(matters, batches, assumptions):
    return ([matter_record(m) for m in matters], [batch_record(b) for b in batches],
            [(a.id, a.text) for a in assumptions])


def _core_phrase(name: str) -> str:
    core = re.sub(r"^对", "", name)
    core = re.sub(r"(?:等)?(?:行为)?的(?:行政处罚|行政强制|处罚|处理)$", "", core)
    return core or name


def add_matching_stubs(folder: Path, matters: list[Matter]) -> tuple[list[str], list[Problem]]:
    """Append a placeholder entry per matter missing from matching.yaml (text append: the file's
    comments stay), then verify that the file still reads the same plus the new entries."""

    path = folder / "matching.yaml"
    if not path.exists():
        return [], []
    # The fast C loader is enough to compare before and after; the strict loader reads the
    # result when the catalog is checked.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    def load_text(text: str, _name: str) -> Any:
        try:
            return yaml.load(text, Loader=loader)  # noqa: S506 - a safe loader
        except yaml.YAMLError:
            raise CatalogError([Problem(str(path), None, None, "YAML 格式错误")]) from None

    text = path.read_text(encoding="utf-8")
    try:
        data = load_text(text, str(path))
        known = data["matters"]
        assert isinstance(known, dict)
    except (CatalogError, KeyError, TypeError, AssertionError):
        return [], [Problem(str(path), None, None, "matching.yaml 无法读取，未添加占位条目")]
    missing = [m for m in matters if m.id not in known]
    if not missing:
        return [], []
    lines = ["", "  # —— 以下为 zhifa catalog import 添加的占位条目：只含事项名称的核心词，请补充线索 ——"]
    for m in missing:
        lines.append(f"  {m.id}:  # {comment_text(m.name)}")
        lines.append(f"    keywords: [{flow_item(_core_phrase(m.name))}]")
        lines.append("    note: " + scalar("占位条目（zhifa catalog import 自动添加）：只含事项名称，"
                                            "文字描述很难匹配到本事项，请补充 keywords、colloquial 等线索"))
    new_text = text.rstrip("\n") + "\n" + "\n".join(lines) + "\n"
    try:
        parsed = load_text(new_text, str(path))
        ok = (isinstance(parsed, dict) and all(m.id in parsed.get("matters", {}) for m in missing)
              and {k: v for k, v in parsed.items() if k != "matters"} == {k: v for k, v in data.items() if k != "matters"}
              and {k: v for k, v in parsed["matters"].items() if k in known} == known)
    except CatalogError:
        ok = False
    if not ok:
        return [], [Problem(str(path), None, None,
                            "无法自动添加占位条目（matters 不是文件的最后一部分，或缩进不同）：请手工为新事项添加条目")]
    path.write_text(new_text, encoding="utf-8")
    return [m.id for m in missing], []


def import_catalog(path: str | Path, root: str | Path | None = None, *,
                   options: ImportOptions | None = None, dry_run: bool = False) -> ImportResult:
    """`zhifa catalog import`: read the table, plan the catalog it gives, check it, write it."""
    opts = options or ImportOptions()
    root = catalog_root(root).resolve()
    table = read_table(path, sheet=opts.sheet, overrides=parse_overrides(opts.columns), fill_down=opts.fill_down)
    # One writer of the catalog at a time (calendar add takes the same lock); what is read under
    # the lock is checked again before the copy replaces the catalog (hand edits meanwhile).
    with nullcontext() if dry_run else catalog_lock(root):
        baseline = folder_state(root)
        cat = load_catalog(root)
        return _import(cat, table, root, baseline, opts, dry_run)


def _import(cat: Catalog, table: Table, root: Path, baseline: dict, opts: ImportOptions,
            dry_run: bool) -> ImportResult:
    plan = plan_import(cat, table, opts)
    result = ImportResult(table.file, str(root), plan.problems, new_matters=plan.new_matters,
                          recognised=plan.recognised, batches=plan.batch_plan, superseded=plan.superseded,
                          rows=plan.rows, dry_run=dry_run)
    if plan.errors:
        return result
    if _records(plan.matters, plan.batches, plan.assumptions) == _records(
            cat.matters.values(), cat.batches, cat.assumptions.values()):
        result.unchanged = True
        return result
    with Stage(root, baseline=baseline) as stage:
        mfile, bfile = root / "matters.yaml", root / "batches.yaml"
        stage.write("matters.yaml", matters_text(plan.matters, mfile.read_text(encoding="utf-8")))
        stage.write("batches.yaml", batches_text(plan.assumptions, plan.batches, bfile.read_text(encoding="utf-8")))
        if opts.matching_stubs:
            new_ids = {n[0] for n in plan.new_matters}
            stubs, problems = add_matching_stubs(stage.path, [m for m in plan.matters if m.id in new_ids])
            result.stubs = stubs
            result.problems.extend(problems)
            if stubs:
                stage.written.append("matching.yaml")
        report = check_catalog(stage.path, notices=False)
        result.check = [_unstage(p, stage.path, root) for p in report.errors]
        if result.check:
            if any("matching.yaml" in p.file and "没有条目" in p.message for p in result.check):
                result.problems.append(Problem(table.file, None, None,
                                               "新事项在 catalog/matching.yaml 中还没有匹配条目：可加 --matching-stubs "
                                               "为它们添加占位条目（之后请补充线索），或先手工添加", "notice"))
            return result
        result.diff = compare(cat, load_catalog(stage.path), old_label="当前目录", new_label="导入后")
        if not dry_run:
            stage.commit()
            result.written = True
    return result


def _unstage(p: Problem, stage: Path, root: Path) -> Problem:
    file = p.file.replace(str(stage), str(root)).replace(stage.name, root.name)
    return Problem(file, p.entry, p.key, p.message, p.severity)
