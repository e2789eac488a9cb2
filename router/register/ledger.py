"""`zhifa register import FILE.xlsx`: an existing paper/spreadsheet ledger (移送台账).

Columns are recognised by their usual Chinese headers. Every row is checked first (case fields,
bodies, times, event order); problems are reported by sheet, row and column. Nothing is written
unless every row passes, or `skip_bad` is given (then the good rows are written). Each row is
registered once: the key is (台账:<file name>, 编号), so importing the same ledger again adds
nothing.
"""
from __future__ import annotations

from dataclasses import field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from router.decide.case import parse_at
from router.model.clock import CST
from router.model.errors import InputError, ZhifaError
from router.model.lazydc import dataclass

from .services import register_items, resolve_body

if TYPE_CHECKING:
    from .register import Register

HEADERS = {
    "id": ["编号", "序号", "台账编号", "案件编号", "工单号"],
    "at": ["发现时间", "受理时间", "发现日期"],
    "reported_by": ["发现单位", "移送单位", "上报单位", "受理单位"],
    "place": ["发生地", "所属乡镇", "乡镇街道", "属地", "地点"],
    "text": ["违法行为", "案由", "违法事实", "问题描述", "诉求内容", "内容"],
    "matter": ["事项编号", "事项"],
    "channel": ["来源", "案件来源"],
    "receiver": ["接收单位", "承办单位"],
    "sent": ["移送时间", "移送日期"],
    "received": ["接收时间", "签收时间"],
    "opened": ["立案时间"],
    "closed": ["办结时间", "结案时间"],
    "fed_back": ["反馈时间"],
    "answered": ["答复时间", "告知时间"],
    "note": ["备注"],
}
_FIELD_OF = {h: f for f, hs in HEADERS.items() for h in hs}
CASE_FIELDS = ("at", "reported_by", "place", "text", "matter", "channel")
EVENT_ORDER = ("sent", "received", "opened", "closed", "fed_back", "answered")
_CHANNELS = {"投诉": "complaint", "举报": "complaint", "投诉举报": "complaint", "12345": "complaint",
             "巡查": "inspection", "检查": "inspection", "日常监管": "inspection"}


@dataclass
class LedgerProblem:
    sheet: str
    row: int
    column: str | None
    message: str

    def __str__(self) -> str:
        where = f"工作表“{self.sheet}”第 {self.row} 行" + (f" {self.column} 列" if self.column else "")
        return f"{where}：{self.message}"


@dataclass
class LedgerRow:
    sheet: str
    row: int
    key: str
    case: dict[str, Any]
    events: list[dict[str, Any]]


@dataclass
class ImportResult:
    rows: int = 0
    written: int = 0
    existing: int = 0
    problems: list[LedgerProblem] = field(default_factory=list)
    numbers: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"rows": self.rows, "written": self.written, "existing": self.existing, "numbers": self.numbers,
                "problems": [{"sheet": p.sheet, "row": p.row, "column": p.column, "message": p.message}
                             for p in self.problems]}


def import_ledger(reg: "Register", path: str, *, skip_bad: bool = False, source: str | None = None) -> ImportResult:
    if not Path(path).is_file():
        raise InputError(f"找不到台账文件“{path}”", field="file", value=path)
    if Path(path).suffix.lower() != ".xlsx":
        raise InputError(f"台账应为 .xlsx 表格，实际为“{path}”", field="file", value=path)
    result = ImportResult()
    good: list[LedgerRow] = []
    book = load_workbook(path, read_only=True, data_only=True)
    try:
        for sheet in book.worksheets:
            good += _read_sheet(reg, sheet, result)
    finally:
        book.close()
    if result.problems and not skip_bad:
        return result
    items = [(i, r.case) for i, r in enumerate(good)]
    outs = register_items(reg, items, source=source or f"台账:{Path(path).name}", ids=[r.key for r in good],
                          events_of={i: r.events for i, r in enumerate(good)})
    for out in outs:
        result.existing += out.existing
        result.written += not out.existing and out.error is None
        if out.number and not out.existing:
            result.numbers.append(out.number)
    return result


def _read_sheet(reg, sheet, result: ImportResult) -> list[LedgerRow]:
    rows = sheet.iter_rows(values_only=True)
    columns: dict[str, int] | None = None
    out: list[LedgerRow] = []
    for n, cells in enumerate(rows, 1):
        if columns is None:
            columns = _header(cells)
            continue
        if all(c is None or str(c).strip() == "" for c in cells):
            continue
        result.rows += 1
        row = _parse_row(reg, sheet.title, n, cells, columns, result.problems)
        if row is not None:
            out.append(row)
    return out


def _header(cells) -> dict[str, int] | None:
    found = {}
    for i, c in enumerate(cells):
        f = _FIELD_OF.get(str(c).strip()) if c is not None else None
        if f and f not in found:
            found[f] = i
    return found if {"id", "reported_by", "place"} <= found.keys() else None


def _cell(cells, columns, name) -> Any:
    i = columns.get(name)
    if i is None or i >= len(cells):
        return None
    v = cells[i]
    return v.strip() or None if isinstance(v, str) else v


def _time(value: Any) -> str | None:
    if isinstance(value, datetime):
        return (value if value.tzinfo else value.replace(tzinfo=CST)).isoformat()
    return None if value is None else str(value)


def _parse_row(reg, sheet: str, n: int, cells, columns, problems) -> LedgerRow | None:
    def bad(name: str | None, message: str) -> None:
        col = f"{get_column_letter(columns[name] + 1)}（{name and HEADERS[name][0]}）" if name in columns else None
        problems.append(LedgerProblem(sheet, n, col, message))

    key = _cell(cells, columns, "id")
    if key is None:
        bad("id", "缺少编号：编号是只导入一次的依据")
        return None
    case = {"id": str(key), "at": _time(_cell(cells, columns, "at")), "reported_by": _cell(cells, columns, "reported_by"),
            "place": _cell(cells, columns, "place"), "text": _cell(cells, columns, "text"),
            "matter": _cell(cells, columns, "matter")}
    channel = _cell(cells, columns, "channel")
    if channel is not None:
        case["channel"] = _CHANNELS.get(str(channel), str(channel))
    case = {k: (str(v) if not isinstance(v, str) and v is not None and k != "at" else v) for k, v in case.items()
            if v is not None}
    try:
        result = reg.router.route(case)
    except InputError as exc:
        bad(exc.field if exc.field in columns else None, str(exc))
        return None
    except ZhifaError as exc:
        bad(None, str(exc))
        return None
    events = _row_events(reg, cells, columns, result, bad)
    return None if events is None else LedgerRow(sheet, n, str(key), case, events)


def _row_events(reg, cells, columns, result: dict, bad) -> list[dict] | None:
    finder = result["reported_by"]["name"]
    found = datetime.fromisoformat(result["at"])
    receiver = _receiver(reg, cells, columns, result, bad)
    if receiver is False:
        return None
    events, last, ok = [], found, True
    for kind in EVENT_ORDER:
        value = _cell(cells, columns, kind)
        if value is None:
            continue
        try:
            at, _ = parse_at(_time(value))
        except InputError as exc:
            bad(kind, str(exc))
            ok = False
            continue
        if at < last:
            bad(kind, f"时间 {at.isoformat(timespec='minutes')} 早于前一步骤（{last.isoformat(timespec='minutes')}）")
            ok = False
        last = max(last, at)
        events.append({"kind": kind, "at": at, "body": finder if kind == "sent" else receiver,
                       "note": _cell(cells, columns, "note") if kind == "sent" else None})
    return events if ok else None


def _receiver(reg, cells, columns, result: dict, bad) -> str | bool:
    typed = _cell(cells, columns, "receiver")
    if typed is not None:
        try:
            return resolve_body(reg, str(typed), "receiver")
        except InputError as exc:
            bad("receiver", str(exc))
            return False
    for d in result["decisions"]:
        if d.get("referral"):
            return d["referral"]["to"]
        if d["jurisdiction"].get("body"):
            return d["jurisdiction"]["body"]
    return result["reported_by"]["name"]
