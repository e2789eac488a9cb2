"""Spreadsheets of delegated matters (.xlsx, .csv): read the way such tables are made, and the
catalog written back as one.

The tables Henan cities publish have a title row, a header row with Chinese headers that vary
from city to city (序号, 领域/类别, 事项名称, 实施依据 or 法律依据, 原实施部门, 承接主体 or
实施范围, 实施时间, 备注), cells merged down a column (one 领域 or one date for many rows),
multi-line cells, section rows ("一、城市管理类（25项）") and notes under the table. This module
turns such a file into rows of values keyed by what they mean, each remembering its sheet, row
and column so every problem can be reported where the officer will look for it.
"""
from __future__ import annotations

import csv
import io
import posixpath
import re
import unicodedata
import zipfile
from dataclasses import field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Iterable

from defusedxml.ElementTree import iterparse

from router.catalog.load import load_catalog
from router.files.atomic import write_bytes
from router.model.errors import InputError, Problem
from router.model.lazydc import dataclass

MAX_ROWS = 20000
MAX_COLUMNS = 60
MAX_BYTES = 20 * 1024 * 1024


# Text a spreadsheet runs as a formula when it starts a cell (= + - @, or a tab or line break
# before one; the full-width forms are converted by some spreadsheets).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")


def looks_like_formula(text: str) -> bool:
    return text.startswith(FORMULA_START)


@dataclass(frozen=True)
class XlsxLimits:
    """What an .xlsx may unpack to before anything is loaded (a zip bomb is refused unread)."""

    unpacked: int  # bytes of all members together, uncompressed
    member: int  # bytes of one member, uncompressed
    ratio: int  # uncompressed : compressed, per member larger than 1 MB
    members: int = 10_000
    merged_cells: int = 200_000  # cells covered by merged ranges, all sheets together


# A table of delegated matters: 20 MB at most on disk, a few MB of XML in real tables.
IMPORT_LIMITS = XlsxLimits(unpacked=400 * 1024 * 1024, member=200 * 1024 * 1024, ratio=100)
_MAIN_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG_REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def check_zip(p: Path, limits: XlsxLimits) -> zipfile.ZipFile:
    """Open `p` as a zip whose declared sizes are within `limits` (sizes are checked again as
    members are read: zipfile stops at the declared size). InputError (Chinese) otherwise."""
    try:
        zf = zipfile.ZipFile(p)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise InputError(f"无法打开“{p.name}”：不是有效的 .xlsx 文件（{type(exc).__name__}）") from None
    infos = zf.infolist()
    total = sum(i.file_size for i in infos)
    problem = None
    if len(infos) > limits.members:
        problem = f"含 {len(infos)} 个部件（上限 {limits.members} 个）"
    elif total > limits.unpacked:
        problem = f"解压后共 {total // 1024 // 1024} MB（上限 {limits.unpacked // 1024 // 1024} MB）"
    else:
        for i in infos:
            if i.file_size > limits.member:
                problem = (f"部件“{i.filename[:100]}”解压后 {i.file_size // 1024 // 1024} MB"
                           f"（上限 {limits.member // 1024 // 1024} MB）")
                break
            if i.file_size > 1024 * 1024 and i.file_size > limits.ratio * max(i.compress_size, 1):
                problem = (f"部件“{i.filename[:100]}”的压缩比为 {i.file_size // max(i.compress_size, 1)}:1"
                           f"（上限 {limits.ratio}:1），像是“压缩炸弹”")
                break
    if problem is None:
        problem = _dtd_in(zf, infos)
    if problem:
        zf.close()
        raise InputError(f"“{p.name}”{problem}：拒绝读取。请确认文件来源，或在 Excel/WPS 中另存为后再试")
    return zf


def _dtd_in(zf: zipfile.ZipFile, infos: list[zipfile.ZipInfo]) -> str | None:
    """A DTD (and with it entity definitions: the "billion laughs") never belongs in a
    spreadsheet's XML; it would come before the first element, so the start of each part tells."""
    for i in infos:
        if not i.filename.endswith((".xml", ".rels", ".vml")):
            continue
        try:
            with zf.open(i) as fh:
                head = fh.read(4096)
        except Exception:  # noqa: BLE001 - a broken member is reported when it is read
            continue
        if b"<!DOCTYPE" in head.upper() or b"<!ENTITY" in head.upper():
            return f"的部件“{i.filename[:100]}”含有 DTD 或实体定义（可用于“实体炸弹”）"
    return None


def sheet_paths(zf: zipfile.ZipFile, name: str) -> dict[str, str]:
    """Sheet title -> the worksheet's XML member, from workbook.xml and its relationships."""
    try:
        rels = {}
        with zf.open("xl/_rels/workbook.xml.rels") as fh:
            for _, el in iterparse(fh, forbid_dtd=True):
                if el.tag == f"{_PKG_REL_NS}Relationship":
                    target = el.get("Target", "")
                    rels[el.get("Id")] = target.lstrip("/") if target.startswith("/") else \
                        posixpath.normpath(posixpath.join("xl", target))
        out = {}
        with zf.open("xl/workbook.xml") as fh:
            for _, el in iterparse(fh, forbid_dtd=True):
                if el.tag == f"{_MAIN_NS}sheet":
                    out[el.get("name")] = rels.get(el.get(f"{_REL_NS}id"), "")
        return out
    except Exception as exc:  # noqa: BLE001 - any broken part of the package is the file's fault
        raise InputError(f"无法读取“{name}”的工作表目录：文件已损坏或不是 Excel 文件（{type(exc).__name__}）") from None


def merged_ranges(zf: zipfile.ZipFile, member: str, name: str, sheet: str,
                  max_rows: int, max_columns: int) -> tuple[list[tuple[int, int, int, int]], int, int]:
    """A worksheet's merged ranges (min_col, min_row, max_col, max_row), its number of rows and
    its widest column, read by streaming its XML (no DTD, no entities). A merged range reaching
    beyond `max_rows` × `max_columns` is refused: such a range is a bomb, not a table."""
    from openpyxl.utils import range_boundaries  # openpyxl is imported only for a workbook (0.2 s)
    ranges: list[tuple[int, int, int, int]] = []
    rows = width = 0
    where = f"“{name}”的工作表“{sheet}”"
    try:
        with zf.open(member) as fh:
            for _, el in iterparse(fh, forbid_dtd=True):
                tag = el.tag
                if tag == f"{_MAIN_NS}row":
                    rows = max(rows, int(el.get("r") or rows + 1))
                    if rows > max_rows:
                        raise InputError(f"{where}行数过多（超过 {max_rows} 行）")
                    for c in el:
                        ref = c.get("r")
                        if ref:
                            width = max(width, range_boundaries(ref)[0])
                    el.clear()
                elif tag == f"{_MAIN_NS}mergeCell":
                    ref = el.get("ref") or ""
                    try:
                        bounds = range_boundaries(ref)
                    except (ValueError, TypeError):
                        raise InputError(f"{where}有无效的合并区域“{ref[:50]}”") from None
                    if None in bounds or bounds[3] > max_rows or bounds[2] > max(max_columns, 702):
                        raise InputError(f"{where}的合并区域“{ref[:50]}”过大（可接受 {max_rows} 行、"
                                         f"{max(max_columns, 702)} 列以内）：请取消该合并后再导入")
                    ranges.append(bounds)
                    el.clear()
    except InputError:
        raise
    except Exception as exc:  # noqa: BLE001 - broken XML, a DTD or entities: the file's fault
        raise InputError(f"{where}无法读取：XML 已损坏或含有不允许的内容（{type(exc).__name__}）") from None
    return ranges, rows, width

# ---------------------------------------------------------------------------------------------
# Columns: key -> (the header the export writes, the headers seen in published tables).
# Matching ignores spaces, line breaks, full/half width and a trailing remark in brackets.
COLUMNS: dict[str, tuple[str, tuple[str, ...]]] = {
    "serial": ("序号", ("序号", "顺序号", "序列号", "No", "No.")),
    "id": ("事项编号", ("事项编号", "本系统编号", "目录编号")),
    "field": ("领域", ("领域", "类别", "领域类别", "所属领域", "执法领域", "行业领域", "事项类别",
                       "行政执法领域", "执法类别", "所属类别", "分类", "职能领域")),
    "name": ("事项名称", ("事项名称", "行政处罚事项名称", "处罚事项名称", "职权名称", "权力事项名称",
                          "权力名称", "执法事项名称", "行政职权名称", "行政处罚事项", "处罚事项",
                          "赋权事项", "下放事项", "执法事项", "职权事项", "事项", "名称", "项目名称",
                          "行政处罚权事项", "赋予乡镇(街道)行政处罚权事项")),
    "kind": ("事项类型", ("事项类型", "职权类型", "权力类型", "职权类别", "权力类别", "事项性质",
                          "职权性质")),
    "legal_basis": ("实施依据", ("实施依据", "法律依据", "设定依据", "法定依据", "执法依据", "处罚依据",
                                 "依据", "法律法规依据", "设定和实施依据", "实施依据及条款",
                                 "法律法规规章依据", "设定依据及条款")),
    "department": ("原实施部门", ("原实施部门", "原实施主体", "原执法部门", "原行使部门", "原实施单位",
                                  "实施部门", "主管部门", "行业主管部门", "业务主管部门", "原职权部门",
                                  "县级主管部门", "原主管部门", "指导部门", "业务指导部门",
                                  "原行使主体", "县级实施部门", "区直部门")),
    "bodies": ("承接主体", ("承接主体", "实施范围", "承接单位", "承接范围", "赋权范围", "下放范围",
                            "适用范围", "赋予范围", "承接乡镇", "承接乡镇街道", "实施主体",
                            "下放对象", "赋权对象", "承接对象")),
    "effective": ("实施时间", ("实施时间", "生效时间", "生效日期", "实施日期", "起始时间", "承接时间",
                               "下放时间", "赋权时间", "开始时间", "执行时间", "开始实施时间",
                               "施行时间", "起始日期")),
    "ends": ("收回时间", ("收回时间", "收回日期", "停止下放时间", "停止实施日期")),
    "until": ("截止时间", ("截止时间", "截止日期", "有效期至", "终止时间", "终止日期", "失效时间",
                           "失效日期")),
    "document": ("下放文件", ("下放文件", "文件", "依据文件", "文件名称", "文号", "批次文件", "发文",
                              "下放依据", "赋权文件")),
    "batch": ("批次编号", ("批次编号", "批次")),
    "statutory_holder": ("法定主体", ("法定主体",)),
    "department_assumption": ("部门推定", ("部门推定",)),
    "listed": ("列入情况", ("列入情况", "是否确认")),
    "basis_checked": ("依据已核对", ("依据已核对", "依据核对", "依据是否核对")),
    "sources": ("出处", ("出处", "来源", "资料来源")),
    "note": ("备注", ("备注", "说明", "备注说明", "附注")),
}
BATCH_COLUMNS: dict[str, tuple[str, tuple[str, ...]]] = {
    "batch": ("批次编号", ("批次编号",)),
    "title": ("标题", ("标题", "批次名称")),
    "document": ("下放文件", ("下放文件", "文件")),
    "legal_basis": ("文件依据", ("文件依据", "依据文号")),
    "effective": ("实施时间", ("实施时间",)),
    "ends": ("收回时间", ("收回时间",)),
    "bodies": ("承接主体", ("承接主体",)),
    "matters": ("事项", ("事项", "事项编号")),
    "assumptions": ("推定", ("推定",)),
    "status": ("状态说明", ("状态说明", "状态")),
    "source": ("来源", ("来源", "出处")),
}
ASSUMPTION_COLUMNS: dict[str, tuple[str, tuple[str, ...]]] = {
    "id": ("编号", ("编号", "推定编号")),
    "text": ("内容", ("内容", "推定内容")),
}
SHEET_MATTERS = "执法事项清单"
SHEET_BATCHES = "下放批次"
SHEET_ASSUMPTIONS = "推定"
SHEET_README = "说明"
# Columns a merged cell usually covers; --fill-down repeats them into blank cells below (a
# merged table saved as CSV loses its merges and leaves these blank).
FILL_DOWN = ("field", "department", "bodies", "effective", "ends", "until", "document", "kind")
EMPTY_MARKS = {"无", "/", "／", "—", "-", "——", "－", "空", "暂无", "N/A", "n/a"}
SAME_AS_ABOVE = {"同上", "〃", "\"", "”"}

_FOOTNOTE = re.compile(r"^(注|说明|备注|附注|填表说明|附件)\s*[:：\d一二三四五六七八九十]")
_HEADING = re.compile(r"^(?:[一二三四五六七八九十百]+[、.．]|[（(][一二三四五六七八九十]+[）)]|第[一二三四五六七八九十]+[部类章])"
                      r"|[（(]\s*(?:共)?\s*\d+\s*项\s*[）)]\s*$|(?:类|领域|方面)\s*$")


def column_label(key: str) -> str:
    return COLUMNS[key][0]


def norm(text: Any) -> str:
    """Header/name form for comparisons only (values are stored as typed)."""
    t = unicodedata.normalize("NFKC", str(text))
    return re.sub(r"[\s*＊]+", "", t)


def letter(col: int) -> str:
    """0 -> A, 26 -> AA."""
    out = ""
    col += 1
    while col:
        col, rem = divmod(col - 1, 26)
        out = chr(65 + rem) + out
    return out


# ---------------------------------------------------------------------------------------------
# Raw sheets


@dataclass
class RawSheet:
    name: str
    rows: list[list[Any]]
    merged_from: dict[tuple[int, int], tuple[int, int]] = field(default_factory=dict)  # cell -> top-left
    wide: set[tuple[int, int]] = field(default_factory=set)  # cells of ranges spanning 2+ columns
    is_csv: bool = False


def read_raw(path: str | Path) -> list[RawSheet]:
    """Every sheet of an .xlsx (merged ranges filled from their top-left cell), or the one table
    of a .csv (UTF-8, UTF-8 with BOM, or GB18030 as Chinese Excel saves it)."""
    p = Path(path)
    if not p.is_file():
        raise InputError(f"文件“{p}”不存在或不是文件")
    if p.stat().st_size > MAX_BYTES:
        raise InputError(f"文件“{p.name}”过大（上限 {MAX_BYTES // 1024 // 1024} MB）")
    suffix = p.suffix.lower()
    if suffix in (".csv", ".tsv", ".txt"):
        return [_read_csv(p)]
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(p)
    if suffix == ".xls":
        raise InputError(f"“{p.name}”是旧版 Excel（.xls）格式：请在 Excel/WPS 中“另存为” .xlsx 后再导入")
    raise InputError(f"无法识别的文件类型“{p.suffix}”：可导入 .xlsx 或 .csv")


def decode_csv(raw: bytes, name: str) -> str:
    """CSV text from UTF-8 (with or without BOM) or GBK: Excel in China saves CSV as GBK more
    often than not. Shared by the catalog import and batch routing."""
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InputError(f"“{name}”不是 UTF-8 或 GBK 编码的文本")  # pragma: no cover - gb18030 decodes any bytes


def _read_csv(p: Path) -> RawSheet:
    text = decode_csv(p.read_bytes(), p.name)
    sample = text[:4096]
    delimiter = "\t" if p.suffix.lower() == ".tsv" or sample.count("\t") > sample.count(",") else ","
    rows = [list(r) for r in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
    if len(rows) > MAX_ROWS:
        raise InputError(f"“{p.name}”行数过多（{len(rows)} 行，上限 {MAX_ROWS} 行）")
    return RawSheet(p.stem, [r[:MAX_COLUMNS] for r in rows], is_csv=True)


def _read_xlsx(p: Path) -> list[RawSheet]:
    """Sizes, rows and merged ranges are checked from the zip and the streamed XML first; the
    cells are then read in openpyxl's read-only (streaming) mode, never more than MAX_ROWS ×
    MAX_COLUMNS of them, and merged ranges filled in from the first pass."""
    from openpyxl import load_workbook
    with check_zip(p, IMPORT_LIMITS) as zf:
        paths = sheet_paths(zf, p.name)
        shapes = {}
        covered = 0
        for title, member in paths.items():
            if member not in zf.namelist():
                raise InputError(f"“{p.name}”的工作表“{title}”缺少内容（{member[:80]}）：文件已损坏")
            shapes[title] = merged_ranges(zf, member, p.name, title, MAX_ROWS, MAX_COLUMNS)
            covered += sum((c2 - c1 + 1) * (r2 - r1 + 1) for c1, r1, c2, r2 in shapes[title][0])
            if covered > IMPORT_LIMITS.merged_cells:
                raise InputError(f"“{p.name}”的合并单元格共覆盖 {covered} 个单元格以上"
                                 f"（上限 {IMPORT_LIMITS.merged_cells} 个）：拒绝读取")
    try:
        wb = load_workbook(p, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds for a bad file
        raise InputError(f"无法打开“{p.name}”：不是有效的 .xlsx 文件（{type(exc).__name__}）") from None
    sheets = []
    try:
        for ws in wb.worksheets:
            ranges, n_rows, n_cols = shapes.get(ws.title, ([], 0, 0))
            width = min(max(n_cols, max((r[2] for r in ranges), default=0)), MAX_COLUMNS)
            rows = [list(r) for r in ws.iter_rows(max_row=max(n_rows, 1), max_col=max(width, 1), values_only=True)]
            if width == 0:
                rows = [[] for _ in rows]
            sheet = RawSheet(ws.title, rows)
            for min_col, min_row, max_col, max_row in ranges:
                top = (min_row - 1, min_col - 1)
                for r in range(min_row - 1, min(max_row, len(rows))):
                    for c in range(min_col - 1, min(max_col, width)):
                        if (r, c) != top:
                            sheet.merged_from[(r, c)] = top
                        if max_col > min_col:
                            sheet.wide.add((r, c))
            for (r, c), (tr, tc) in sheet.merged_from.items():
                if r < len(rows) and c < len(rows[r]) and tr < len(rows) and tc < len(rows[tr]):
                    rows[r][c] = rows[tr][tc]
            sheets.append(sheet)
    except InputError:
        raise
    except Exception as exc:  # noqa: BLE001 - broken XML, entities, a missing part
        raise InputError(f"无法读取“{p.name}”：文件已损坏或含有不允许的内容（{type(exc).__name__}）") from None
    finally:
        wb.close()
    return sheets


# ---------------------------------------------------------------------------------------------
# Cell values


def clean(value: Any) -> Any:
    """A cell as text (lines stripped, blank lines dropped), a date, or None when empty."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).replace("\r\n", "\n").replace("\r", "\n").replace("\u3000", " ")
    lines = [ln.strip() for ln in text.split("\n")]
    text = "\n".join(ln for ln in lines if ln)
    if not text or text in EMPTY_MARKS:
        return None
    return text


def lines_of(value: Any) -> list[str]:
    if value is None:
        return []
    return [ln for ln in str(value).split("\n") if ln.strip()]


def one_line(value: Any, sep: str = "") -> str | None:
    """A wrapped cell as one line: names join without a separator (the break is only layout);
    legal bases join with “；” unless the line already ends in punctuation."""
    parts = lines_of(value)
    if not parts:
        return None
    if not sep:
        return "".join(parts)
    out = parts[0]
    for part in parts[1:]:
        out += ("" if out[-1] in "；;。，,、：:" else sep) + part
    return out


# ---------------------------------------------------------------------------------------------
# Tables


@dataclass
class Row:
    file: str
    sheet: str
    number: int  # as the spreadsheet shows it, from 1
    values: dict[str, Any]
    columns: dict[str, tuple[str, str]]  # key -> (column letter, header as written)
    merged: frozenset[str] = frozenset()  # keys whose value came from a merged cell or fill-down
    section: str | None = None
    csv: bool = False

    @property
    def entry(self) -> str:
        return f"第{self.number}行" if self.csv else f"工作表“{self.sheet}” 第{self.number}行"

    def key_label(self, key: str) -> str | None:
        if key not in self.columns:
            return None
        col, header = self.columns[key]
        return f"{col}列“{header}”"

    def problem(self, key: str | None, message: str, severity: str = "error") -> Problem:
        return Problem(self.file, self.entry, self.key_label(key) if key else None, message, severity)


@dataclass
class Table:
    file: str
    rows: list[Row] = field(default_factory=list)
    batch_rows: list[Row] = field(default_factory=list)
    assumption_rows: list[Row] = field(default_factory=list)
    titles: dict[str, str] = field(default_factory=dict)
    headers: dict[str, dict[str, str]] = field(default_factory=dict)  # sheet -> key -> header
    problems: list[Problem] = field(default_factory=list)


def _variant_index(columns: dict[str, tuple[str, tuple[str, ...]]]) -> dict[str, str]:
    index: dict[str, str] = {}
    for key, (label, variants) in columns.items():
        for v in (label, *variants):
            index.setdefault(norm(v), key)
    return index


def map_header(text: Any, columns: dict[str, tuple[str, tuple[str, ...]]],
               overrides: dict[str, str] | None = None) -> str | None:
    """The key a header means, or None. Overrides (header -> key) win."""
    if text is None or not str(text).strip():
        return None
    h = norm(text)
    if overrides and h in overrides:
        return overrides[h]
    index = _variant_index(columns)
    if h in index:
        return index[h]
    bare = re.sub(r"[(（【\[][^)）】\]]*[)）】\]]", "", h)
    if bare in index:
        return index[bare]
    for part in re.split(r"[/／、|或及]", bare):
        if part in index:
            return index[part]
    # A longer header that contains a known one (行政处罚事项名称及编码 -> 事项名称).
    best = None
    for variant, key in index.items():
        if len(variant) >= 4 and variant in bare and (best is None or len(variant) > len(best[0])):
            best = (variant, key)
    return best[1] if best else None


def parse_overrides(pairs: Iterable[str]) -> dict[str, str]:
    """--column 表头=含义: the meaning is a key (name, legal_basis…) or its Chinese label."""
    out: dict[str, str] = {}
    labels = {norm(label): key for key, (label, _) in COLUMNS.items()}
    accepted = "、".join(f"{label}（{key}）" for key, (label, _) in COLUMNS.items())
    for pair in pairs:
        if "=" not in pair:
            raise InputError(f"--column 应写成 表头=含义，如 “处罚事项=事项名称”，实际为“{pair}”")
        header, meaning = (x.strip() for x in pair.split("=", 1))
        key = meaning if meaning in COLUMNS else labels.get(norm(meaning))
        if key is None or not header:
            raise InputError(f"--column “{pair}”：无法识别的含义“{meaning}”。可用：{accepted}")
        out[norm(header)] = key
    return out


def read_table(path: str | Path, *, sheet: str | None = None, overrides: dict[str, str] | None = None,
               fill_down: bool = False) -> Table:
    """Read every sheet that has a recognisable header (or just `sheet`) into rows."""
    p = Path(path)
    raw = read_raw(p)
    table = Table(p.name)
    names = [s.name for s in raw]
    if sheet is not None and sheet not in names:
        raise InputError(f"“{p.name}”中没有名为“{sheet}”的工作表；有：{'、'.join(names)}")
    found = False
    for rs in raw:
        if sheet is not None and rs.name != sheet and rs.name not in (SHEET_BATCHES, SHEET_ASSUMPTIONS):
            continue
        if rs.name == SHEET_README:
            continue
        if rs.name == SHEET_BATCHES:
            table.batch_rows.extend(_rows(rs, table, BATCH_COLUMNS, None, False, required="batch"))
            continue
        if rs.name == SHEET_ASSUMPTIONS:
            table.assumption_rows.extend(_rows(rs, table, ASSUMPTION_COLUMNS, None, False, required="id"))
            continue
        rows = _rows(rs, table, COLUMNS, overrides, fill_down, required="name")
        if rs.name in table.headers:
            found = True
            table.rows.extend(rows)
    if not found:
        where = f"工作表“{sheet}”" if sheet else "任何工作表"
        table.problems.append(Problem(p.name, None, None,
                                      f"{where}中都没有找到表头（须有“事项名称”一列，及“实施依据”“原实施部门”等）；"
                                      "如表头写法特殊，请用 --column 表头=含义 指定"))
    return table


def _find_header(rs: RawSheet, columns, overrides, required: str) -> tuple[int, dict[int, str]] | None:
    best: tuple[int, dict[int, str]] | None = None
    for r, values in enumerate(rs.rows[:30]):
        mapping: dict[int, str] = {}
        for c, v in enumerate(values):
            if (r, c) in rs.merged_from and rs.merged_from[(r, c)][1] != c:
                continue  # a header merged across columns counts once
            key = map_header(v, columns, overrides)
            if key is not None:
                mapping[c] = key
        if required in mapping.values() and len(set(mapping.values())) >= 2:
            if best is None or len(set(mapping.values())) > len(set(best[1].values())):
                best = (r, mapping)
    return best


def _rows(rs: RawSheet, table: Table, columns, overrides, fill_down: bool, required: str) -> list[Row]:
    file = table.file
    prefix = "" if rs.is_csv else f"工作表“{rs.name}” "
    found = _find_header(rs, columns, overrides, required)
    if found is None:
        if rs.name not in (SHEET_BATCHES, SHEET_ASSUMPTIONS):
            table.problems.append(Problem(file, f"{prefix}".strip() or None, None,
                                          "未找到表头（须有“事项名称”一列），已跳过该工作表", "notice"))
        return []
    hr, mapping = found
    headers_row = rs.rows[hr]
    # Two columns meaning the same thing: the first one is used.
    by_key: dict[str, int] = {}
    for c in sorted(mapping):
        key = mapping[c]
        if key in by_key:
            table.problems.append(Problem(
                file, f"{prefix}第{hr + 1}行".strip(), f"{letter(c)}列“{headers_row[c]}”",
                f"与 {letter(by_key[key])}列“{headers_row[by_key[key]]}”含义相同（{columns[key][0]}），"
                f"已使用 {letter(by_key[key])}列；如不对，请用 --column 指定", "notice"))
            continue
        by_key[key] = c
    for c, v in enumerate(headers_row):
        if c not in mapping and clean(v) is not None and (hr, c) not in rs.merged_from:
            table.problems.append(Problem(file, f"{prefix}第{hr + 1}行".strip(), f"{letter(c)}列“{clean(v)}”",
                                          "未识别的列，已忽略；如需使用，请用 --column 表头=含义 指定", "notice"))
    cols = {k: (letter(c), str(clean(headers_row[c])).replace("\n", "")) for k, c in by_key.items()}
    if columns is COLUMNS:
        table.headers[rs.name] = {k: header for k, (_, header) in cols.items()}
        # The title: the first line above the header that is not “附件1” or “（共34项）”.
        above = [one_line(clean(v)) or "" for r in rs.rows[:hr] for v in r if clean(v) is not None]
        above = [t for t in dict.fromkeys(above)
                 if not re.fullmatch(r"附件\s*[\d一二三四五六七八九十]*[:：]?|[（(]\s*共?\s*\d+\s*项\s*[）)]", t)]
        if above:
            table.titles[rs.name] = above[0]
    # The header may span two rows (merged vertically): skip rows that repeat it.
    out: list[Row] = []
    section: str | None = None
    previous: dict[str, Any] = {}
    width = max((len(r) for r in rs.rows), default=0)
    for r in range(hr + 1, len(rs.rows)):
        cells = rs.rows[r] + [None] * (width - len(rs.rows[r]))
        own = [clean(cells[c]) for c in range(width) if (r, c) not in rs.merged_from]
        own = [v for v in own if v is not None]
        if not own:
            continue  # blank, or only cells merged from above
        texts = {str(clean(v)) for v in cells if clean(v) is not None}
        if all(norm(t) == norm(headers_row[c]) for c, t in enumerate(map(clean, cells)) if t is not None
               and c < len(headers_row)):
            continue  # the header repeated (second header row, or a header on every page)
        name_col = by_key.get(required)
        if name_col is not None and rs.merged_from.get((r, name_col), (None,))[0] == hr:
            continue  # a second header row under cells merged down from the header
        first = str(own[0])
        if len(texts) == 1:
            only = next(iter(texts))
            name_value = clean(cells[name_col]) if name_col is not None else None
            if _FOOTNOTE.match(only):
                table.problems.append(Problem(file, f"{prefix}第{r + 1}行".strip(), None,
                                              f"表注“{one_line(only)[:30]}…”，已跳过", "notice"))
                continue
            if re.fullmatch(r"[\d.、]+", only):
                continue  # only a serial number
            is_wide = any((r, c) in rs.wide for c in range(width))
            if required == "name" and (name_value is None or is_wide or _HEADING.search(only)):
                section = _section_name(only)
                continue
        elif _FOOTNOTE.match(first) and (name_col is None or clean(cells[name_col]) is None):
            table.problems.append(Problem(file, f"{prefix}第{r + 1}行".strip(), None,
                                          f"表注“{one_line(first)[:30]}…”，已跳过", "notice"))
            continue
        values: dict[str, Any] = {}
        merged: set[str] = set()
        for key, c in by_key.items():
            v = clean(cells[c])
            if isinstance(v, str) and v in SAME_AS_ABOVE:
                if key in previous:
                    v = previous[key]
                    merged.add(key)
                else:
                    table.problems.append(Problem(file, f"{prefix}第{r + 1}行".strip(),
                                                  f"{letter(c)}列“{cols[key][1]}”", "写有“同上”，但上面没有数据行"))
                    v = None
            if v is None and fill_down and key in FILL_DOWN and key in previous:
                v = previous[key]
                merged.add(key)
            if (r, c) in rs.merged_from:
                merged.add(key)
            if v is not None:
                values[key] = v
        previous = {**previous, **values}
        out.append(Row(file, rs.name, r + 1, values, cols, frozenset(merged), section, rs.is_csv))
    return out


def _section_name(text: str) -> str:
    t = one_line(text) or ""
    t = re.sub(r"^(?:[一二三四五六七八九十百]+[、.．]|[（(][一二三四五六七八九十]+[）)]|\d+[、.．])\s*", "", t)
    t = re.sub(r"[（(]\s*(?:共)?\s*\d+\s*项\s*[）)]\s*$", "", t)
    t = re.sub(r"(?:类|领域|方面)(?:事项)?\s*$", "", t)
    return t.strip() or text


# ---------------------------------------------------------------------------------------------
# Export


@dataclass(frozen=True)
class ExportSummary:
    path: str
    matters: int
    rows: int
    batches: int
    assumptions: int


MATTER_SHEET_KEYS = ("serial", "id", "field", "name", "kind", "legal_basis", "department", "bodies",
                     "effective", "ends", "batch", "document", "statutory_holder",
                     "department_assumption", "listed", "basis_checked", "sources", "note")
# Matter-level columns: merged down the rows of one matter (one row per batch that delegates it).
_PER_MATTER = {"serial", "id", "name", "kind", "legal_basis", "department", "statutory_holder",
               "department_assumption", "listed", "basis_checked", "sources", "note"}
LISTED_LABELS = {"confirmed": "已确认", "inferred": "推断"}


def workbook_bytes(catalog) -> tuple[bytes, ExportSummary]:
    """The catalog as a workbook in the shape of a published table, plus the sheets that make
    the round trip exact (下放批次, 推定) and a sheet explaining the columns."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = SHEET_MATTERS
    d = catalog.district
    headers = [COLUMNS[k][0] for k in MATTER_SHEET_KEYS]
    ws.append([f"{d.get('city', '')}{d.get('name', '')}乡镇（街道）综合行政执法事项目录"] + [None] * (len(headers) - 1))
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(headers))
    ws.cell(1, 1).font = Font(bold=True, size=14)
    ws.cell(1, 1).alignment = Alignment(horizontal="center")
    ws.append(headers)
    for c in range(1, len(headers) + 1):
        ws.cell(2, c).font = Font(bold=True)
    batches_of: dict[str, list] = {}
    for b in catalog.batches:
        for m in b.matters:
            batches_of.setdefault(m, []).append(b)
    col = {k: i + 1 for i, k in enumerate(MATTER_SHEET_KEYS)}
    row = 3
    spans: list[tuple[int, int]] = []  # (first row, last row) of each matter
    field_runs: list[list[Any]] = []  # [value, first row, last row]
    for n, m in enumerate(catalog.matters.values(), 1):
        first = row
        for b in batches_of.get(m.id) or [None]:
            values = {
                "serial": n, "id": m.id, "field": m.field, "name": m.name, "kind": m.kind,
                "legal_basis": m.legal_basis, "department": m.department,
                "bodies": "、".join(b.bodies) if b else None,
                "effective": b.effective if b else None,
                "ends": b.ends if b else None, "batch": b.id if b else None,
                "document": b.document if b else None,
                "statutory_holder": m.statutory_holder or ("乡、镇人民政府（法定）" if m.statutory else None),
                "department_assumption": m.department_assumption,
                "listed": LISTED_LABELS[m.listed], "basis_checked": "是" if m.basis_checked else "否",
                "sources": "\n".join(m.sources), "note": m.note,
            }
            for key, value in values.items():
                cell = ws.cell(row, col[key], value)
                if isinstance(value, date):
                    cell.number_format = "yyyy-mm-dd"
                elif isinstance(value, str):
                    cell.data_type = "s"  # never a formula, whatever the text starts with
                    if "\n" in value:
                        cell.alignment = Alignment(wrap_text=True, vertical="top")
            row += 1
        spans.append((first, row - 1))
        if field_runs and field_runs[-1][0] == m.field:
            field_runs[-1][2] = row - 1
        else:
            field_runs.append([m.field, first, row - 1])
    for first, last in spans:
        if last > first:
            for key in _PER_MATTER:
                ws.merge_cells(start_row=first, start_column=col[key], end_row=last, end_column=col[key])
    for _, first, last in field_runs:
        if last > first:
            ws.merge_cells(start_row=first, start_column=col["field"], end_row=last, end_column=col["field"])
    widths = {"serial": 6, "id": 9, "field": 12, "name": 50, "kind": 10, "legal_basis": 50,
              "department": 22, "bodies": 30, "effective": 12, "ends": 12, "batch": 20,
              "document": 40, "statutory_holder": 16, "department_assumption": 8, "listed": 8,
              "basis_checked": 8, "sources": 40, "note": 40}
    for key, w in widths.items():
        ws.column_dimensions[get_column_letter(col[key])].width = w
    ws.freeze_panes = "A3"

    bs = wb.create_sheet(SHEET_BATCHES)
    bkeys = list(BATCH_COLUMNS)
    bs.append([BATCH_COLUMNS[k][0] for k in bkeys])
    for b in catalog.batches:
        values = {"batch": b.id, "title": b.title, "document": b.document,
                  "legal_basis": "\n".join(b.legal_basis), "effective": b.effective, "ends": b.ends,
                  "bodies": "、".join(b.bodies), "matters": "、".join(b.matters),
                  "assumptions": "、".join(b.assumptions) or None, "status": b.status,
                  "source": b.source}
        bs.append([values[k] for k in bkeys])
        r = bs.max_row
        for c, k in enumerate(bkeys, 1):
            cell = bs.cell(r, c)
            if isinstance(values[k], date):
                cell.number_format = "yyyy-mm-dd"
            elif isinstance(values[k], str):
                cell.data_type = "s"
    asheet = wb.create_sheet(SHEET_ASSUMPTIONS)
    asheet.append([ASSUMPTION_COLUMNS["id"][0], ASSUMPTION_COLUMNS["text"][0]])
    for a in catalog.assumptions.values():
        asheet.append([a.id, a.text])
    readme = wb.create_sheet(SHEET_README)
    for line in (
        "本表由 zhifa catalog export 生成，可修改后用 zhifa catalog import 导回（导入前会检查，不通过则不写入）。",
        "“执法事项清单”每行是一个事项在一个下放批次中的下放；未下放的事项只有一行，承接主体为空。",
        "同一事项跨多行时，事项名称、实施依据等单元格是合并的；“领域”按相邻相同的值合并。",
        "实施时间含当日；收回时间为自该日起不再下放（收回原部门），不含当日。",
        "列入情况：已确认 = 公开资料确认已下放；推断 = 依据真实，但是否列入濮阳目录系推断。",
        "依据已核对：是 = 已对照法条原文核对；否 = 未核对，路由结果中显示“未核实”。",
        "“下放批次”“推定”两个工作表保存批次和推定的全部信息，请勿删除。",
    ):
        readme.append([line])
    buf = io.BytesIO()
    wb.save(buf)
    summary = ExportSummary("", len(catalog.matters), row - 3, len(catalog.batches), len(catalog.assumptions))
    return buf.getvalue(), summary


def export_catalog(path: str | Path, root: str | Path | None = None) -> ExportSummary:
    """Write the catalog at `root` to `path` (.xlsx), atomically."""
    p = Path(path)
    if p.suffix.lower() != ".xlsx":
        raise InputError(f"导出文件应以 .xlsx 结尾，实际为“{p.name}”")
    if not p.parent.is_dir():
        raise InputError(f"文件夹“{p.parent}”不存在")
    data, summary = workbook_bytes(load_catalog(root))
    write_bytes(p, data)
    return ExportSummary(str(p), summary.matters, summary.rows, summary.batches, summary.assumptions)
