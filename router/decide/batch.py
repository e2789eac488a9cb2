"""Batch routing: read cases from .jsonl/.csv/.xlsx, route them (in one process or a pool of
worker processes — durable-rules cannot use threads), write one result per input row in input
order, line by line, so an interrupted run keeps what it finished and can be resumed.
"""
from __future__ import annotations

import csv
import io
import json
import multiprocessing as mp
import os
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

import orjson
from openpyxl import Workbook, load_workbook

from router.decide.route import Router
from router.files.sheets import decode_csv
from router.model.errors import InputError

INPUT_SUFFIXES = (".jsonl", ".json", ".ndjson", ".csv", ".xlsx")
OUTPUT_SUFFIXES = (".jsonl", ".csv", ".xlsx")

# Spreadsheet headers clerks and hotline exports use, mapped to case fields.
HEADER_ALIASES = {
    "id": ["id", "编号", "工单号", "工单编号", "案件编号", "序号"],
    "text": ["text", "描述", "内容", "诉求内容", "问题描述", "违法行为", "案情", "反映内容"],
    "matter": ["matter", "事项", "事项编号"],
    "place": ["place", "发生地", "地点", "乡镇街道", "所属乡镇", "乡镇", "街道", "属地"],
    "reported_by": ["reported_by", "上报单位", "受理单位", "发现单位", "承办单位"],
    "channel": ["channel", "来源", "渠道"],
    "at": ["at", "时间", "发现时间", "受理时间", "日期"],
    "urgent": ["urgent", "紧急"],
    "ongoing": ["ongoing", "正在进行"],
    "suspected_crime": ["suspected_crime", "涉嫌犯罪"],
    "events": ["events", "事件"],
}
_HEADER = {alias: field for field, aliases in HEADER_ALIASES.items() for alias in aliases}
_TRUE = {"true", "1", "是", "y", "yes", "√", "✓"}
_FALSE = {"false", "0", "否", "n", "no", ""}
_CHANNEL = {"投诉": "complaint", "举报": "complaint", "投诉举报": "complaint", "12345": "complaint",
            "热线": "complaint", "巡查": "inspection", "检查": "inspection", "日常监管": "inspection"}


@dataclass
class Summary:
    total: int = 0
    failed: int = 0
    skipped: int = 0  # already done in an earlier run (--resume)
    by_action: Counter = field(default_factory=Counter)
    by_body: Counter = field(default_factory=Counter)
    errors: list[tuple[int, str]] = field(default_factory=list)  # (row, message), first 20

    def add(self, row: int, result: dict) -> None:
        self.add_item(row, summary_item(result))

    def add_item(self, row: int, item: tuple) -> None:
        """Count one result given as summary_item(result) (what worker processes send back)."""
        self.total += 1
        error, decisions = item
        if error is not None:
            self.failed += 1
            if len(self.errors) < 20:
                self.errors.append((row, error))
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
    """(row number, case dict or InputError) for every row; never drops one."""
    if source == "-":
        yield from _jsonl(_stdin_lines())
        return
    suffix = _check_source(source)
    if suffix == ".csv":
        yield from _csv(source)
    elif suffix == ".xlsx":
        yield from _xlsx(source)
    else:
        with open(source, "rb") as fh:
            yield from _jsonl(fh)


def _check_source(source: str) -> str:
    suffix = _suffix(source)
    if suffix not in INPUT_SUFFIXES:
        raise InputError(f"无法识别的批量文件类型“{suffix or source}”：可接受 .jsonl、.csv、.xlsx", field="batch")
    if not Path(source).is_file():
        raise InputError(f"批量文件“{source}”不存在或不是文件", field="batch")
    return suffix


def _stdin_lines():
    return sys.stdin.buffer


def _jsonl(stream) -> Iterator[tuple[int, Any]]:
    for n, raw in enumerate(stream, 1):
        yield n, parse_jsonl_line(n, raw)


_LONG_NUMBER = re.compile(r"[0-9]{19}")


def parse_jsonl_line(n: int, raw: bytes) -> Any:
    """One JSON Lines row (bytes) -> the case dict, or the InputError saying what is wrong."""
    try:
        line = raw.decode("utf-8").strip()
    except UnicodeDecodeError:
        return InputError(f"第 {n} 行不是有效的 UTF-8 文本")
    line = line.lstrip("\ufeff")
    if not line:
        return InputError(f"第 {n} 行为空行（每行应为一个 JSON 对象）")
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
        return InputError(f"第 {n} 行不是有效的 JSON：{getattr(exc, 'msg', exc)}")


def _read_raw(source: str) -> Iterator[tuple[int, Any]]:
    """Like read_cases, but JSON Lines rows stay undecoded bytes, for worker processes to parse
    with parse_jsonl_line: the parent process then only moves bytes around."""
    if source != "-" and _suffix(source) not in (".jsonl", ".json", ".ndjson"):
        yield from read_cases(source)
        return
    if source == "-":
        yield from enumerate(_stdin_lines(), 1)
        return
    _check_source(source)
    with open(source, "rb") as fh:
        yield from enumerate(fh, 1)


def _map_header(cells: list[Any], where: str) -> list[str | None]:
    fields: list[str | None] = []
    for cell in cells:
        name = str(cell or "").strip()
        fields.append(_HEADER.get(name) or _HEADER.get(name.lower()))
    if "place" not in fields or "reported_by" not in fields or not ({"text", "matter"} & set(fields)):
        accepted = "；".join(f"{f}：{'/'.join(a)}" for f, a in HEADER_ALIASES.items())
        raise InputError(f"{where}的表头缺少必需的列（发生地、上报单位，以及描述或事项）。可识别的表头：{accepted}")
    return fields


def _row_case(fields: list[str | None], cells: list[Any], row: int) -> Any:
    case: dict[str, Any] = {}
    try:
        for name, value in zip(fields, cells):
            if name is None or value is None:
                continue
            if hasattr(value, "isoformat"):  # a real date or datetime cell in a spreadsheet
                value = value.isoformat()
            text = str(value).strip()
            if text == "":
                continue
            if name in ("urgent", "ongoing", "suspected_crime"):
                low = text.lower()
                if low in _TRUE:
                    case[name] = True
                elif low in _FALSE:
                    case[name] = False
                else:
                    raise InputError(f"第 {row} 行“{name}”列的值“{text}”无法识别：可填 是/否、true/false、1/0")
            elif name == "channel":
                case[name] = _CHANNEL.get(text, text)
            elif name in ("events", "matter"):
                case[name] = [x for x in text.replace("，", ",").replace("、", ",").split(",") if x.strip()]
            elif name == "id" and isinstance(value, float) and value.is_integer():
                case[name] = int(value)
            elif name == "id" and isinstance(value, int):
                case[name] = value
            else:
                case[name] = text
    except InputError as exc:
        return exc
    return case


def _csv(source: str) -> Iterator[tuple[int, Any]]:
    text = decode_csv(Path(source).read_bytes(), source)
    rows = csv.reader(io.StringIO(text, newline=""))
    header = next(rows, None)
    if header is None:
        return
    fields = _map_header(header, f"CSV 文件“{source}”")
    for n, cells in enumerate(rows, 2):
        if not any(c.strip() for c in cells):
            yield n, InputError(f"第 {n} 行为空行")
            continue
        yield n, _row_case(fields, cells, n)


def _xlsx(source: str) -> Iterator[tuple[int, Any]]:
    try:
        wb = load_workbook(source, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds for a bad file
        raise InputError(f"无法读取 Excel 文件“{source}”：{exc}") from None
    ws = wb.worksheets[0]
    rows = ws.iter_rows(values_only=True)
    header = next(rows, None)
    if header is None:
        return
    fields = _map_header(list(header), f"Excel 文件“{source}”第一个工作表")
    for n, cells in enumerate(rows, 2):
        if not any(c is not None and str(c).strip() for c in cells):
            continue  # trailing formatted-but-empty rows are common in exported sheets
        yield n, _row_case(fields, list(cells), n)
    wb.close()


# ---- writing -------------------------------------------------------------------------------
CSV_COLUMNS = ["row", "id", "error", "status", "matter", "name", "body", "basis", "batch", "action",
               "referral_to", "rule", "deadline", "escalations", "warnings"]


def flat_rows(row: int, result: dict) -> list[dict]:
    """One CSV/xlsx row per decision (a case with no decision or an error gives one row)."""
    base = {"row": row, "id": result.get("id"), "error": result.get("error", ""),
            "status": result.get("status", ""), "warnings": "；".join(result.get("warnings", []))}
    if "error" in result or not result.get("decisions"):
        return [base]
    out = []
    for d in result["decisions"]:
        r = d["referral"] or {}
        out.append({**base, "matter": d["matter"], "name": d["name"], "body": d["jurisdiction"]["body"],
                    "basis": d["jurisdiction"]["basis"], "batch": d["jurisdiction"]["batch"],
                    "action": d["action"], "referral_to": r.get("to", ""), "rule": r.get("rule", ""),
                    "deadline": r.get("deadline", ""),
                    "escalations": "、".join(f"{e['kind']}→{e['to']}" for e in d["escalations"])})
    return out


def render_result(suffix: str, row: int, result: dict) -> bytes:
    """The UTF-8 bytes one result adds to an output of type `suffix`: a JSON line (.jsonl, and
    the journal of .xlsx), or its CSV lines. Pure, so worker processes can do it. (Bytes: the
    output file is binary, so the text is encoded once, here.)"""
    if suffix == ".csv":
        return _csv_bytes(flat_rows(row, result))
    try:  # orjson: the same JSON as json.dumps(ensure_ascii=False), compact, ~4x faster
        return orjson.dumps({"row": row, **result}, option=orjson.OPT_APPEND_NEWLINE)
    except TypeError:  # a lone surrogate, which UTF-8 cannot hold (orjson refuses it):
        return (json.dumps({"row": row, **result}) + "\n").encode()  # \uXXXX escapes, nothing lost


def _csv_bytes(rows: Iterable[dict]) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf)  # csv's default dialect: "," and \r\n line ends
    for r in rows:
        writer.writerow([r.get(c, "") for c in CSV_COLUMNS])
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


class Output:
    """Line-by-line output with resume. `.jsonl` and `.csv` are the file itself; `.xlsx` streams
    to a journal (`FILE.xlsx.partial.jsonl`) converted to the workbook atomically at the end."""

    def __init__(self, path: str | None, *, resume: bool = False):
        self.path = path
        self.suffix = _suffix(path) if path else ".jsonl"
        if path and self.suffix not in OUTPUT_SUFFIXES:
            raise InputError(f"无法识别的输出文件类型“{self.suffix}”：可接受 .jsonl、.csv、.xlsx", field="output")
        self.journal = f"{path}.partial.jsonl" if path and self.suffix == ".xlsx" else path
        self.done_rows: set[int] = set()
        self.done_count = 0
        if path and resume:
            self.done_count = self._recover()
        self._fh = None

    def _recover(self) -> int:
        """Keep the complete lines an earlier run wrote; cut a torn last line; count them."""
        target = self.journal
        if not target or not Path(target).exists():
            return 0
        data = Path(target).read_bytes()
        keep = data.rfind(b"\n") + 1  # a line without its newline was cut by the crash
        if keep < len(data):
            with open(target, "r+b") as fh:
                fh.truncate(keep)
        text = data[:keep].decode("utf-8")
        lines = text.splitlines()
        if self.suffix == ".csv":
            rows = list(csv.DictReader(io.StringIO(text)))
            self.done_rows = {int(r["row"]) for r in rows if r.get("row")}
            return len(self.done_rows)
        self.done_rows = {int(json.loads(line)["row"]) for line in lines}
        return len(lines)

    _next_flush = 0.0

    def open(self) -> None:
        if self.path is None:
            sys.stdout.flush()
            self._fh = getattr(sys.stdout, "buffer", None) or _TextSink(sys.stdout)
            return
        exists = Path(self.journal).exists() and Path(self.journal).stat().st_size > 0
        mode = "ab" if (self.done_count and exists) else "wb"
        self._fh = open(self.journal, mode)
        if self.suffix == ".csv" and mode == "wb":
            self._fh.write(_csv_bytes([{c: c for c in CSV_COLUMNS}]))

    def write(self, row: int, result: dict) -> None:
        self.write_text(render_result(self.suffix, row, result))

    def write_text(self, text: bytes) -> None:
        """Write complete lines (one or more results, in input order); hand them to the system
        at least every FLUSH_EVERY seconds (a flush per line cost ~5% of a batch). A run killed
        in between loses only the unflushed tail, which --resume routes again: a torn last line
        is cut, nothing is duplicated."""
        self._fh.write(text)
        now = time.monotonic()
        if now >= self._next_flush:
            self._fh.flush()
            self._next_flush = now + FLUSH_EVERY

    def close(self, complete: bool) -> None:
        if self._fh is None or self.path is None:
            return
        self._fh.flush()
        os.fsync(self._fh.fileno())
        self._fh.close()
        if complete and self.suffix == ".xlsx":
            self._to_xlsx()

    def _to_xlsx(self) -> None:
        wb = Workbook()
        ws = wb.active
        ws.title = "路由结果"
        ws.append(CSV_COLUMNS)
        with open(self.journal, encoding="utf-8") as fh:
            for line in fh:
                result = json.loads(line)
                for r in flat_rows(result.pop("row"), result):
                    ws.append([r.get(c, "") for c in CSV_COLUMNS])
        tmp = f"{self.path}.tmp"
        wb.save(tmp)
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, self.path)
        os.remove(self.journal)


# ---- routing -------------------------------------------------------------------------------
CHUNK = 64              # cases per task sent to a worker process
PROGRESS_EVERY = 0.1    # seconds between progress callbacks (and one at the end)
FLUSH_EVERY = 0.2       # seconds between flushes of the output (and one at the end, with fsync)
_WORKER = None


def _init_worker(catalog_root: str | None, explain: bool, suffix: str) -> None:
    global _WORKER
    _WORKER = (Router(catalog_root=catalog_root), explain, suffix)


def _route_chunk(chunk: list[tuple[int, Any]]) -> tuple[str, list[tuple[int, tuple]]]:
    """In a worker: route a chunk and return its output text and the summary items, so the
    parent process only writes text (it would otherwise serialise every result itself and
    become the bottleneck)."""
    router, explain, suffix = _WORKER
    parts: list[bytes] = []
    items: list[tuple[int, tuple]] = []
    for n, item in chunk:
        if isinstance(item, bytes):  # a JSON Lines row, read but not parsed by the parent
            item = parse_jsonl_line(n, item)
        result = router.route_safe(item, explain=explain)
        parts.append(render_result(suffix, n, result))
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
              progress: Callable[[int, int | None], None] | None = None) -> Summary:
    """Route every row of `source` into `output` (stdout when None); returns the summary.

    `progress(done, total)` is called at most every PROGRESS_EVERY seconds and once at the end.
    """
    if resume and not output:
        raise InputError("--resume 需要同时指定输出文件（-o）", field="resume")
    if workers < 1:
        raise InputError(f"--workers 应为正整数，实际为 {workers}", field="workers")
    out = Output(output, resume=resume)
    summary = Summary()
    rows = read_cases(source) if workers == 1 else _read_raw(source)
    total = _count_rows(source)
    next_report = time.monotonic() + PROGRESS_EVERY

    def pending():
        for n, item in rows:
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
                result = router.route_safe(item, explain=explain)
                out.write(n, result)
                summary.add(n, result)
                report()
        else:
            ctx = mp.get_context("fork") if hasattr(os, "fork") else mp.get_context()
            with ctx.Pool(workers, initializer=_init_worker,
                          initargs=(catalog_root, explain, out.suffix)) as pool:
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
