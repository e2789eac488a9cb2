"""Batch routing: read cases from .jsonl/.csv/.xlsx, route them (in one process or a pool of
worker processes — durable-rules cannot use threads), write one result per input row in input
order.

What a run guarantees:
  - the input is checked (type, readable, header) before anything is written, and an output that
    is the input (the same file, also through a link) is refused;
  - results go line by line to a journal beside the output (OUT.partial.jsonl, one JSON line per
    case); only a finished run turns it into OUT (renamed, or rendered as CSV/XLSX into a
    temporary file that is renamed), so an existing OUT is never emptied or half-written;
  - `--resume` keeps exactly the complete lines of the journal (a case is one line, so a case is
    kept whole or routed again) and routes the rest;
  - CSV and XLSX are for clerks: Chinese headers and labels, text never a live formula.
"""
from __future__ import annotations

import codecs
import csv
import io
import json
import multiprocessing as mp
import os
import re
import shutil
import stat
import sys
import time
import unicodedata
from collections import Counter
from dataclasses import field
from datetime import datetime
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

import orjson

from router.decide.clerk import at_text, clerk_case, flag
from router.decide.route import Router
from router.files.atomic import fsync_dir, temp_path
from router.files.sheets import XlsxLimits, check_zip, looks_like_formula
from router.model.errors import InputError, ZhifaError, shown
from router.model.lazydc import dataclass

INPUT_SUFFIXES = (".jsonl", ".json", ".ndjson", ".csv", ".xlsx")
OUTPUT_SUFFIXES = (".jsonl", ".csv", ".xlsx")
JOURNAL_SUFFIX = ".partial.jsonl"

# Spreadsheet headers clerks and hotline exports use, mapped to case fields.
HEADER_ALIASES = {
    "id": ["id", "编号", "工单号", "工单编号", "案件编号", "序号"],
    "text": ["text", "描述", "内容", "诉求内容", "问题描述", "违法行为", "案情", "反映内容"],
    "matter": ["matter", "事项", "事项编号"],
    "place": ["place", "发生地", "地点", "乡镇街道", "所属乡镇", "乡镇", "街道", "属地"],
    "reported_by": ["reported_by", "上报单位", "受理单位", "发现单位", "承办单位"],
    "channel": ["channel", "来源", "渠道", "案件来源", "工单来源"],
    "at": ["at", "时间", "发现时间", "受理时间", "日期", "受理日期", "发现日期", "来电时间"],
    "urgent": ["urgent", "紧急"],
    "ongoing": ["ongoing", "正在进行"],
    "suspected_crime": ["suspected_crime", "涉嫌犯罪"],
    "events": ["events", "事件"],
}
_HEADER = {alias: field for field, aliases in HEADER_ALIASES.items() for alias in aliases}
# A batch workbook: bounded before it is opened (shared strings are held in memory whole).
BATCH_XLSX_LIMITS = XlsxLimits(unpacked=1024 * 1024 * 1024, member=512 * 1024 * 1024, ratio=100)
MAX_BATCH_COLUMNS = 200
csv.field_size_limit(1024 * 1024)  # a cell over 1 MB fails its row (a case's text is 5,000 characters at most)


@dataclass
class Summary:
    total: int = 0
    failed: int = 0
    skipped: int = 0  # already done in an earlier run (--resume)
    failed_earlier: int = 0  # of the skipped rows, those whose result is an error
    by_action: Counter = field(default_factory=Counter)
    by_body: Counter = field(default_factory=Counter)
    errors: list[tuple[int, str]] = field(default_factory=list)  # (row, message), first 20

    @property
    def any_failed(self) -> bool:
        """Whether the finished output holds an error row, whichever run wrote it."""
        return bool(self.failed or self.failed_earlier)

    def add(self, row: int, result: dict) -> None:
        self.add_item(row, summary_item(result))

    def add_item(self, row: int, item: tuple) -> None:
        """Count one result given as summary_item(result) (what worker processes send back)."""
        self.total += 1
        error, decisions = item
        if error is not None:
            self.failed += 1
            if len(self.errors) < 20:
                self.errors.append((row, shown(error, 1000)))
            return
        for action, body in decisions:
            self.by_action[action] += 1
            self.by_body[body or "（区外）"] += 1
        if not decisions:
            self.by_action["（无事项）"] += 1


def summary_item(result: dict) -> tuple:
    """What the summary needs from one result: (error or None, ((action, body), …))."""
    if "error" in result:
        return result["error"], ()
    return None, tuple((d["action"], d["jurisdiction"]["body"]) for d in result.get("decisions", []))


# ---- reading -------------------------------------------------------------------------------
def _suffix(path: str) -> str:
    return Path(path).suffix.lower()


def read_cases(source: str) -> Iterator[tuple[int, Any]]:
    """(row number, case dict or InputError) for every row; never drops one, except blank lines
    at the end of the file. The file is checked (type, existence, header) at the first step."""
    if source == "-":
        yield from _trailing_blanks_dropped(_jsonl(_stdin_lines()), _blank_row)
        return
    suffix = check_source(source)
    if suffix == ".csv":
        yield from _csv(source)
    elif suffix == ".xlsx":
        yield from _xlsx(source)
    else:
        with _open_source(source) as fh:
            yield from _trailing_blanks_dropped(_jsonl(fh), _blank_row)


def check_source(source: str) -> str:
    """The input's suffix, once it is known to be a readable file of an accepted type."""
    suffix = _suffix(source)
    if suffix not in INPUT_SUFFIXES:
        raise InputError(f"无法识别的批量文件类型“{shown(suffix or source)}”：可接受 .jsonl、.csv、.xlsx", field="batch")
    if not Path(source).is_file():
        raise InputError(f"批量文件“{shown(source)}”不存在或不是文件", field="batch")
    _open_source(source).close()
    return suffix


def _open_source(source: str):
    try:
        return open(source, "rb")
    except OSError as exc:
        raise InputError(f"无法读取批量文件“{shown(source)}”：{exc.strerror}", field="batch") from None


def _stdin_lines():
    return sys.stdin.buffer


def _blank_row(item: Any) -> bool:
    return isinstance(item, InputError) and getattr(item, "field", None) == "blank"


def _trailing_blanks_dropped(rows: Iterable[tuple[int, Any]], is_blank) -> Iterator[tuple[int, Any]]:
    """Blank rows are held back until a row that is not blank follows: at the end of the file
    they are dropped (an editor's trailing empty lines), in the middle each one is reported."""
    held: list[tuple[int, Any]] = []
    for n, item in rows:
        if is_blank(item):
            held.append((n, item))
            continue
        yield from held
        held.clear()
        yield n, item


def _jsonl(stream) -> Iterator[tuple[int, Any]]:
    for n, raw in enumerate(stream, 1):
        yield n, parse_jsonl_line(n, raw)


_LONG_NUMBER = re.compile(r"[0-9]{19}")
# json's messages, in Chinese (the position is given as row and column).
_JSON_MESSAGES = {
    "Expecting value": "此处应为一个值（对象、文本、数字、true/false 或 null）",
    "Expecting property name enclosed in double quotes": "此处应为用双引号括起的字段名",
    "Expecting ':' delimiter": "此处缺少冒号“:”",
    "Expecting ',' delimiter": "此处缺少逗号“,”或右括号",
    "Unterminated string starting at": "文本缺少结尾的双引号",
    "Invalid control character at": "文本中有未转义的控制字符（如换行、制表符）",
    "Extra data": "一个 JSON 对象之后还有多余的内容",
    "Invalid \\escape": "无效的转义（\\ 之后只能是 \" \\ / b f n r t u）",
    "Invalid \\uXXXX escape": "无效的 \\uXXXX 转义",
}


def _json_error(n: int, exc: Exception) -> InputError:
    if isinstance(exc, RecursionError):
        return InputError(f"第 {n} 行不是可接受的 JSON：列表或对象嵌套过深")
    msg = getattr(exc, "msg", str(exc))
    text = _JSON_MESSAGES.get(msg, msg)
    col = getattr(exc, "colno", None)
    where = f"第 {n} 行第 {col} 列" if col else f"第 {n} 行"
    return InputError(f"{where}：JSON 格式错误，{text}。每行应为一个 JSON 对象，"
                      f"如 {{\"text\": \"占道经营\", \"place\": \"岳村镇\", \"reported_by\": \"城管局\", \"at\": \"2026-06-01T09:30\"}}")


def parse_jsonl_line(n: int, raw: bytes) -> Any:
    """One JSON Lines row (bytes) -> the case dict, or the InputError saying what is wrong."""
    try:
        line = raw.decode("utf-8").strip()
    except UnicodeDecodeError as exc:
        return InputError(f"第 {n} 行第 {exc.start + 1} 个字节起不是有效的 UTF-8 文本（请以 UTF-8 编码保存）")
    line = line.lstrip("\ufeff")
    if not line:
        return InputError(f"第 {n} 行为空行（每行应为一个 JSON 对象）", field="blank")
    if not _LONG_NUMBER.search(line):
        try:
            # orjson reads what it accepts as json does (the same objects, the last of repeated
            # keys), ~3x faster; but an integer beyond 64 bits becomes a float, so a line with a
            # 19-digit run goes to json. What orjson refuses (NaN, numbers beyond a double, lone
            # surrogates, deep nesting) json decides, and words the error, as before.
            return orjson.loads(line)
        except orjson.JSONDecodeError:
            pass
    try:
        return json.loads(line)
    except (json.JSONDecodeError, RecursionError) as exc:
        return _json_error(n, exc)
    except ValueError as exc:  # an integer beyond Python's digit limit
        return InputError(f"第 {n} 行不是可接受的 JSON：{shown(str(exc), 120)}")


def _read_raw(source: str) -> Iterator[tuple[int, Any]]:
    """Like read_cases, but JSON Lines rows stay undecoded bytes, for worker processes to parse
    with parse_jsonl_line: the parent process then only moves bytes around."""
    if source != "-" and _suffix(source) not in (".jsonl", ".json", ".ndjson"):
        yield from read_cases(source)
        return
    if source == "-":
        yield from _trailing_blanks_dropped(enumerate(_stdin_lines(), 1), _blank_bytes)
        return
    check_source(source)
    with _open_source(source) as fh:
        yield from _trailing_blanks_dropped(enumerate(fh, 1), _blank_bytes)


def _blank_bytes(item: Any) -> bool:
    return isinstance(item, bytes) and not item.strip().lstrip(b"\xef\xbb\xbf").strip()


def _map_header(cells: list[Any], where: str) -> list[str | None]:
    fields: list[str | None] = []
    for cell in cells:
        name = unicodedata.normalize("NFKC", str(cell or "")).strip()
        fields.append(_HEADER.get(name) or _HEADER.get(name.lower()))
    if "place" not in fields or "reported_by" not in fields or not ({"text", "matter"} & set(fields)):
        accepted = "；".join(f"{f}：{'/'.join(a)}" for f, a in HEADER_ALIASES.items())
        raise InputError(f"{where}的表头缺少必需的列（发生地、上报单位，以及描述或事项）。可识别的表头：{accepted}")
    return fields


def _row_case(fields: list[str | None], cells: list[Any], row: int) -> Any:
    """A spreadsheet row as a case; date cells become ISO text, written dates and channel labels
    stay as written (clerk_case reads them when the row is routed)."""
    case: dict[str, Any] = {}
    try:
        for name, value in zip(fields, cells):
            if name is None or value is None:
                continue
            if name == "at" and not isinstance(value, str):
                case[name] = at_text(value)  # a date cell or an Excel day number
                continue
            text = str(value).strip()
            if text == "":
                continue
            if name in ("urgent", "ongoing", "suspected_crime"):
                case[name] = flag(text, name)
            elif name in ("events", "matter"):
                case[name] = [x for x in text.replace("，", ",").replace("、", ",").split(",") if x.strip()]
            elif name == "id" and isinstance(value, float) and value.is_integer():
                case[name] = int(value)
            elif name == "id" and isinstance(value, int):
                case[name] = value
            else:
                case[name] = text
    except InputError as exc:
        return InputError(f"第 {row} 行：{exc}", field=exc.field)
    return case


def _csv_encoding(source: str) -> str:
    """UTF-8 (with or without BOM) when the whole file decodes as UTF-8, else GB18030 (Chinese
    Excel saves CSV as GBK more often than not); decided by streaming, not by loading the file."""
    for encoding in ("utf-8-sig", "gb18030"):
        decoder = codecs.getincrementaldecoder(encoding)()
        with _open_source(source) as fh:
            try:
                while block := fh.read(1 << 20):
                    decoder.decode(block)
                decoder.decode(b"", final=True)
            except UnicodeDecodeError as exc:
                failed = exc
                continue
        return encoding
    raise InputError(f"CSV 文件“{shown(source)}”不是 UTF-8 或 GBK 编码的文本（{failed.reason}）：请在 Excel/WPS 中"
                     "另存为“CSV UTF-8”后再试")


class _Lines:
    """The physical lines csv.reader takes, remembered from the start of the current record."""

    def __init__(self, fh):
        self._fh = fh
        self.taken = 0

    def __iter__(self):
        return self

    def __next__(self) -> str:
        line = next(self._fh)
        self.taken += 1
        return line


def _csv(source: str) -> Iterator[tuple[int, Any]]:
    with open(source, encoding=_csv_encoding(source), newline="") as fh:
        lines = _Lines(fh)
        rows = csv.reader(lines, strict=True)
        try:
            header = next(rows, None)
        except csv.Error as exc:
            raise InputError(f"CSV 文件“{shown(source)}”的表头无法读取：{exc}") from None
        if header is None:
            return
        fields = _map_header(header, f"CSV 文件“{shown(source)}”")
        yield from _trailing_blanks_dropped(_csv_rows(rows, lines, fields), _blank_row)


def _csv_rows(rows, lines: _Lines, fields) -> Iterator[tuple[int, Any]]:
    n = 1
    while True:
        first = lines.taken + 1
        try:
            cells = next(rows)
        except StopIteration:
            return
        except csv.Error as exc:
            n += 1
            last = lines.taken
            span = f"文件第 {first} 行" if last <= first else f"文件第 {first}–{last} 行"
            why = str(exc)
            if "field larger" in why:
                reason = "有一个单元格超过 1 MB"
            elif "expected after" in why or "unexpected end" in why:
                reason = "引号不成对（单元格中的英文双引号应写成两个 \"\"，或整个单元格用双引号括起）"
            else:
                reason = f"格式错误（{why}）"
            yield n, InputError(f"第 {n} 行（{span}）无法读取：{reason}；该行未处理，其余各行照常")
            continue
        n += 1
        if not any(c.strip() for c in cells):
            yield n, InputError(f"第 {n} 行为空行", field="blank")
            continue
        yield n, _row_case(fields, cells, n)


def _xlsx(source: str) -> Iterator[tuple[int, Any]]:
    check_zip(Path(source), BATCH_XLSX_LIMITS).close()
    name = shown(Path(source).name)
    from openpyxl import load_workbook  # here: openpyxl takes 0.2-0.5 s to import, JSONL needs none of it
    try:
        wb = load_workbook(source, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds for a bad file
        raise InputError(f"无法读取 Excel 文件“{name}”：文件已损坏或不是 .xlsx（{type(exc).__name__}）") from None
    try:
        if not wb.worksheets:
            raise InputError(f"Excel 文件“{name}”中没有工作表")
        ws = wb.worksheets[0]
        try:
            header = next(ws.iter_rows(min_row=1, max_row=1, max_col=MAX_BATCH_COLUMNS, values_only=True), None)
        except Exception as exc:  # noqa: BLE001
            raise InputError(f"无法读取 Excel 文件“{name}”的第一个工作表：{type(exc).__name__}") from None
        if header is None:
            return
        header = list(header)
        while header and (header[-1] is None or not str(header[-1]).strip()):
            header.pop()
        fields = _map_header(header, f"Excel 文件“{name}”第一个工作表")
        rows = ws.iter_rows(min_row=2, max_col=len(fields), values_only=True)
        n = 1
        while True:
            try:
                cells = next(rows)
            except StopIteration:
                break
            except Exception as exc:  # noqa: BLE001 - broken XML or entities after row n
                raise InputError(f"Excel 文件“{name}”第 {n + 1} 行起无法读取：文件已损坏或含有不允许的内容"
                                 f"（{type(exc).__name__}）；已处理的行保留在输出中，修复后可加 --resume 继续") from None
            n += 1
            if not any(c is not None and str(c).strip() for c in cells):
                continue  # formatted-but-empty rows are common in exported sheets
            yield n, _row_case(fields, list(cells), n)
    finally:
        wb.close()


# ---- writing -------------------------------------------------------------------------------
# Clerks' columns (CSV and XLSX): labels, never codes (the codes are in JSON Lines output).
COLUMNS = ["行号", "编号", "错误", "匹配情况", "事项编号", "事项名称", "管辖主体", "管辖依据", "下放文件",
           "处理方式", "移送对象", "移送时限", "移送截止", "材料", "义务", "上报", "注意"]
STATUS_LABELS = {"matched": "已匹配", "given": "按指定事项", "ambiguous": "多个可能事项，请核对",
                 "no_match": "未匹配到目录事项", "unmatched": "未匹配到目录事项", "none": "未匹配到目录事项"}
_WEEKDAYS = "一二三四五六日"


def _deadline_label(value: str | None) -> str:
    if not value:
        return ""
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return value
    return f"{moment:%Y-%m-%d}（周{_WEEKDAYS[moment.weekday()]}）{moment:%H:%M}"


def _texts(items: Iterable[Any], key: str = "text") -> str:
    out = []
    for item in items or ():
        if isinstance(item, dict):
            text = item.get(key) or item.get("label") or ""
            if item.get("to") and item.get("to") not in text:
                text = f"{item['to']}：{text}" if text else item["to"]
            out.append(text)
        else:
            out.append(str(item))
    return "；".join(t for t in dict.fromkeys(out) if t)


def _duty_text(duty: Any) -> str:
    """A duty as a clerk reads it: what, then when (its label and, when known, the moment)."""
    if not isinstance(duty, dict):
        return str(duty)
    when = [x for x in (duty.get("due_label"), _deadline_label(duty.get("due"))) if x]
    return duty.get("text", "") + (f"（{'，'.join(when)}）" if when else "")


def flat_rows(row: int, result: dict) -> list[dict]:
    """One clerk's row per decision (a case with no decision or an error gives one row), keyed
    by COLUMNS."""
    base = {"行号": row, "编号": result.get("id"), "错误": result.get("error", ""),
            "匹配情况": STATUS_LABELS.get(result.get("status", ""), result.get("status", "")),
            "注意": "；".join(result.get("warnings", []))}
    if "error" in result or not result.get("decisions"):
        return [base]
    out = []
    for d in result["decisions"]:
        r = d.get("referral") or {}
        j = d.get("jurisdiction") or {}
        out.append({**base, "事项编号": d.get("matter"), "事项名称": d.get("name"),
                    "管辖主体": j.get("body") or "（区外）", "管辖依据": j.get("basis_label", ""),
                    "下放文件": j.get("document") or "", "处理方式": d.get("action_label", ""),
                    "移送对象": r.get("to", ""), "移送时限": r.get("rule_label", ""),
                    "移送截止": _deadline_label(r.get("deadline")),
                    "材料": "；".join(r.get("materials") or []),
                    "义务": "；".join(_duty_text(x) for x in d.get("duties") or []),
                    "上报": _texts(d.get("escalations")),
                    "注意": "；".join(x for x in (base["注意"], "；".join(d.get("notices") or [])) if x)})
    return out


def cell_text(value: Any) -> Any:
    """A value as a CSV cell: text that a spreadsheet would run as a formula (= + - @, or a tab
    or line break before one) gets the usual leading apostrophe."""
    if isinstance(value, str) and looks_like_formula(value):
        return "'" + value
    return "" if value is None else value


def _xlsx_text(value: str) -> str:
    """Text an XLSX cell can hold: control characters and lone surrogates written as \\x01,
    \\ud800 (XML cannot carry them), so the row is kept and the value is still recognisable."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    value = ILLEGAL_CHARACTERS_RE.sub(lambda m: f"\\x{ord(m.group()):02x}", value)
    return value.encode("utf-8", "backslashreplace").decode("utf-8")


def render_result(suffix: str, row: int, result: dict) -> bytes:
    """The UTF-8 JSON line one result adds to the output or the journal. Pure, so worker
    processes can do it. U+2028, U+2029 and U+0085 (line ends to some readers) are written as
    \\u escapes, so every reader sees one line per case."""
    try:  # orjson: the same JSON as json.dumps(ensure_ascii=False), compact, ~4x faster
        line = orjson.dumps({"row": row, **result}, option=orjson.OPT_APPEND_NEWLINE)
    except TypeError:  # a lone surrogate, which UTF-8 cannot hold (orjson refuses it):
        return (json.dumps({"row": row, **result}) + "\n").encode()  # \uXXXX escapes, nothing lost
    if b"\xe2\x80\xa8" in line or b"\xe2\x80\xa9" in line or b"\xc2\x85" in line:
        line = line.replace(b"\xe2\x80\xa8", b"\\u2028").replace(b"\xe2\x80\xa9", b"\\u2029") \
            .replace(b"\xc2\x85", b"\\u0085")
    return line


def _csv_bytes(rows: Iterable[dict]) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf)  # csv's default dialect: "," and \r\n line ends
    for r in rows:
        writer.writerow([cell_text(r.get(c)) for c in COLUMNS])
    # A JSON input line can spell a lone surrogate (\ud800) that UTF-8 cannot hold: escape it
    # rather than lose the row when it is echoed back in an error.
    return buf.getvalue().encode("utf-8", "backslashreplace")


class _TextSink:
    """stdout without a byte buffer (an embedding program's stream): decode and write text."""

    def __init__(self, stream):
        self._stream = stream

    def write(self, data: bytes) -> None:
        self._stream.write(data.decode("utf-8"))

    def flush(self) -> None:
        self._stream.flush()


def is_stream(path: str) -> bool:
    """Whether `path` is something other than a regular file or a folder (/dev/null, a FIFO)."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def _identity(path: str) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


def _write_failed(path: str, exc: OSError) -> InputError:
    return InputError(f"无法写入“{shown(path)}”：{exc.strerror or exc}。已完成的结果保留在该文件中，"
                      "问题解决后（如腾出磁盘空间）加 --resume 继续", field="output")


class Output:
    """The results of a run. Lines go to a journal beside the output (OUT.partial.jsonl); only
    a finished run makes OUT: the journal renamed (.jsonl) or rendered into a temporary file
    that is renamed (.csv, .xlsx). Without a path, lines go to stdout."""

    def __init__(self, path: str | None, *, resume: bool = False, source: str | None = None):
        self.stream = bool(path) and is_stream(path)
        if self.stream:  # /dev/null, a FIFO, a terminal: JSON Lines written straight to it
            if resume:
                raise InputError(f"输出“{shown(path)}”不是普通文件，无法 --resume", field="resume")
            self._stream_path, path = path, None
        self.path = path
        self.suffix = _suffix(path) if path else ".jsonl"
        if path and self.suffix not in OUTPUT_SUFFIXES:
            raise InputError(f"无法识别的输出文件类型“{shown(self.suffix)}”：可接受 .jsonl、.csv、.xlsx", field="output")
        self.journal = f"{path}{JOURNAL_SUFFIX}" if path else None
        if path and source is not None:
            self._refuse_input(source)
        self.done_rows: set[int] = set()
        self.done_count = 0
        self.failed_earlier = 0
        if path and resume:
            self._recover()
        self._fh = None

    def _refuse_input(self, source: str) -> None:
        if Path(self.path).is_dir():
            raise InputError(f"输出“{shown(self.path)}”是一个文件夹：请给出文件名，如 结果.csv", field="output")
        try:
            given = (os.fstat(0).st_dev, os.fstat(0).st_ino) if source == "-" else _identity(source)
        except OSError:  # no standard input at all
            given = None
        for target in (self.path, self.journal):
            if given is not None and _identity(target) == given:
                raise InputError(f"输出文件“{shown(self.path)}”就是输入文件（同一文件或其链接）：会覆盖输入，"
                                 "请另选一个输出文件名", field="output")

    def _recover(self) -> None:
        """Keep the complete, readable lines of the journal (a torn or unreadable line and all
        after it are cut); count them and the error rows among them. Without a journal, a
        finished .jsonl output is the journal (a later --resume of a finished run)."""
        if not Path(self.journal).exists():
            if self.suffix != ".jsonl" or not Path(self.path).is_file():
                return
            shutil.copyfile(self.path, self.journal)
        keep = 0
        with open(self.journal, "rb") as fh:
            for line in fh:  # split at b"\n" only: U+2028 in a value is not a line end here
                if not line.endswith(b"\n"):
                    break
                try:
                    result = _load_line(line)
                    row = result["row"]
                    if not isinstance(row, int) or isinstance(row, bool) or row in self.done_rows:
                        break
                except (ValueError, TypeError, KeyError):
                    break
                self.done_rows.add(row)
                if "error" in result:
                    self.failed_earlier += 1
                keep += len(line)
        if keep < os.path.getsize(self.journal):
            with open(self.journal, "r+b") as fh:
                fh.truncate(keep)
        self.done_count = len(self.done_rows)

    _next_flush = 0.0

    def open(self) -> None:
        if self.stream:
            try:
                self._fh = open(self._stream_path, "wb")
            except OSError as exc:
                raise _write_failed(self._stream_path, exc) from None
            return
        if self.path is None:
            sys.stdout.flush()
            self._fh = getattr(sys.stdout, "buffer", None) or _TextSink(sys.stdout)
            return
        try:
            if self.done_count:
                self._fh = open(self.journal, "ab")
            else:
                # A new journal, never through a link left where it would be.
                Path(self.journal).unlink(missing_ok=True)
                self._fh = os.fdopen(os.open(self.journal, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644), "wb")
        except OSError as exc:
            raise _write_failed(self.journal, exc) from None

    def write(self, row: int, result: dict) -> None:
        self.write_text(render_result(".jsonl", row, result))

    def write_text(self, text: bytes) -> None:
        """Write complete lines (one or more results, in input order); hand them to the system
        at least every FLUSH_EVERY seconds (a flush per line cost ~5% of a batch). A run killed
        in between loses only the unflushed tail, which --resume routes again: a torn last line
        is cut, nothing is duplicated."""
        try:
            self._fh.write(text)
            now = time.monotonic()
            if now >= self._next_flush:
                self._fh.flush()
                self._next_flush = now + FLUSH_EVERY
        except OSError as exc:
            if self.path is None:
                raise
            raise _write_failed(self.journal, exc) from None

    def close(self, complete: bool) -> None:
        if self.stream and self._fh is not None:
            self._fh.close()
        if self._fh is None or self.path is None:
            return
        try:
            try:
                self._fh.flush()
                os.fsync(self._fh.fileno())
            finally:
                self._fh.close()
            if complete:
                self._finish()
        except OSError as exc:
            raise _write_failed(self.path, exc) from None

    def _finish(self) -> None:
        if self.suffix == ".jsonl":
            os.replace(self.journal, self.path)
            fsync_dir(Path(self.path).parent)
            return
        target = Path(self.path)
        tmp = temp_path(target)
        try:
            if self.suffix == ".csv":
                self._to_csv(tmp)
            else:
                self._to_xlsx(tmp)
            with open(tmp, "rb") as fh:
                os.fsync(fh.fileno())
            os.replace(tmp, target)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        fsync_dir(target.parent)
        os.remove(self.journal)

    def _journal_results(self) -> Iterator[tuple[int, dict]]:
        with open(self.journal, "rb") as fh:
            for line in fh:
                result = _load_line(line)
                yield result.pop("row"), result

    def _to_csv(self, tmp: Path) -> None:
        with open(tmp, "wb") as fh:
            fh.write(b"\xef\xbb\xbf")  # a BOM: Excel then opens the file as UTF-8
            fh.write(_csv_bytes([{c: c for c in COLUMNS}]))
            for row, result in self._journal_results():
                fh.write(_csv_bytes(flat_rows(row, result)))

    def _to_xlsx(self, tmp: Path) -> None:
        from openpyxl import Workbook
        wb = Workbook(write_only=True)  # rows streamed to disk: memory does not grow with the batch
        ws = wb.create_sheet("路由结果")
        ws.append(COLUMNS)
        for row, result in self._journal_results():
            for r in flat_rows(row, result):
                ws.append([_xlsx_cell(ws, r.get(c)) for c in COLUMNS])
        wb.save(tmp)


def _load_line(line: bytes) -> Any:
    """A journal line: orjson, or json for a line with a lone surrogate (\ud800, written by
    json.dumps because UTF-8 cannot hold it), which orjson refuses."""
    try:
        return orjson.loads(line)
    except orjson.JSONDecodeError:
        return json.loads(line)


def _xlsx_cell(ws, value: Any):
    """Text as a text cell (data type "s"): openpyxl would make a formula of "=…"."""
    if not isinstance(value, str):
        return value
    from openpyxl.cell import WriteOnlyCell
    cell = WriteOnlyCell(ws, value=None)
    cell.value = _xlsx_text(value)
    cell.data_type = "s"
    return cell


# ---- routing -------------------------------------------------------------------------------
CHUNK = 64              # cases per task sent to a worker process
PROGRESS_EVERY = 0.1    # seconds between progress callbacks (and one at the end)
FLUSH_EVERY = 0.2       # seconds between flushes of the output (and one at the end, with fsync)
_WORKER = None


def _init_worker(catalog_root: str | None, explain: bool, default_at: str | None) -> None:
    global _WORKER
    _WORKER = (Router(catalog_root=catalog_root), explain, default_at)


def route_row(router, n: int, item: Any, *, explain: bool = False, default_at: str | None = None) -> dict:
    """One batch row (a case dict, its undecoded JSON line, or the InputError met reading it)
    routed; a bad row becomes an error result naming the row."""
    if isinstance(item, bytes):  # a JSON Lines row, read but not parsed by the parent
        item = parse_jsonl_line(n, item)
    if isinstance(item, dict):
        try:
            item = clerk_case(item, default_at=default_at)
        except ZhifaError as exc:
            case_id = item.get("id")
            return {"id": case_id if isinstance(case_id, (str, int)) and not isinstance(case_id, bool) else None,
                    "error": str(exc), "error_kind": "input"}
    return router.route_safe(item, explain=explain)


def _route_chunk(chunk: list[tuple[int, Any]]) -> tuple[bytes, list[tuple[int, tuple]]]:
    """In a worker: route a chunk and return its output lines and the summary items, so the
    parent process only writes bytes (it would otherwise serialise every result itself and
    become the bottleneck)."""
    router, explain, default_at = _WORKER
    parts: list[bytes] = []
    items: list[tuple[int, tuple]] = []
    for n, item in chunk:
        result = route_row(router, n, item, explain=explain, default_at=default_at)
        parts.append(render_result(".jsonl", n, result))
        items.append((n, summary_item(result)))
    return b"".join(parts), items


def _chunks(items, size: int):
    chunk = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def run_batch(source: str, output: str | None, *, router=None, catalog_root: str | None = None,
              workers: int = 1, resume: bool = False, explain: bool = False,
              default_at: str | None = None,
              progress: Callable[[int, int | None], None] | None = None) -> Summary:
    """Route every row of `source` into `output` (stdout when None); returns the summary.

    The input is checked (type, readable, header) before anything is written. `default_at` is
    the time for rows without one (else such a row is an error). `progress(done, total)` is
    called at most every PROGRESS_EVERY seconds and once at the end.
    """
    if resume and not output:
        raise InputError("--resume 需要同时指定输出文件（-o）", field="resume")
    if workers < 1:
        raise InputError(f"--workers 应为正整数，实际为 {workers}", field="workers")
    if default_at is not None:
        default_at = clerk_case({"at": default_at})["at"]
    if output is not None and not is_stream(output) and _suffix(output) not in OUTPUT_SUFFIXES:
        raise InputError(f"无法识别的输出文件类型“{shown(_suffix(output))}”：可接受 .jsonl、.csv、.xlsx", field="output")
    rows = read_cases(source) if workers == 1 else _read_raw(source)
    first = next(rows, None)  # the input's checks (type, existence, header) run here
    out = Output(output, resume=resume, source=source)
    summary = Summary(failed_earlier=out.failed_earlier)
    total = _count_rows(source)
    next_report = time.monotonic() + PROGRESS_EVERY

    def pending():
        if first is None:
            return
        for n, item in _chain(first, rows):
            if n in out.done_rows:
                summary.skipped += 1
                continue
            yield n, item

    def report(final: bool = False) -> None:
        nonlocal next_report
        if progress is None:
            return
        now = time.monotonic()
        if final or now >= next_report:
            next_report = now + PROGRESS_EVERY
            progress(summary.total + summary.skipped, total)

    out.open()
    complete = False
    try:
        if workers == 1:
            if router is None:
                router = Router(catalog_root=catalog_root)
            for n, item in pending():
                result = route_row(router, n, item, explain=explain, default_at=default_at)
                out.write(n, result)
                summary.add(n, result)
                report()
        else:
            ctx = mp.get_context("fork") if hasattr(os, "fork") else mp.get_context()
            with ctx.Pool(workers, initializer=_init_worker,
                          initargs=(catalog_root, explain, default_at)) as pool:
                for text, items in pool.imap(_route_chunk, _chunks(pending(), CHUNK)):
                    out.write_text(text)
                    for n, item in items:
                        summary.add_item(n, item)
                    report()
        report(final=True)
        complete = True
    finally:
        out.close(complete)
    return summary


def _chain(first, rest):
    yield first
    yield from rest


def _count_rows(source: str) -> int | None:
    if source == "-":
        return None
    suffix = _suffix(source)
    try:
        if suffix in (".jsonl", ".json", ".ndjson"):
            count, last = 0, b"\n"
            with open(source, "rb") as fh:
                while block := fh.read(1 << 20):
                    count += block.count(b"\n")
                    last = block[-1:]
            return count + (0 if last == b"\n" else 1)
    except OSError:
        return None
    return None
