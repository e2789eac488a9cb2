"""YAML text for catalog files written by the tools (import, calendar add).

The data is written under the file's existing header comment block, which is kept as it is, in
the layout of the hand-written files: writing an unchanged catalog gives matters.yaml back byte
for byte, and batches.yaml with the same content (long lists may wrap differently).
"""
from __future__ import annotations

import re
import unicodedata
from datetime import date
from typing import Any, Iterable

import yaml

from router.catalog.load import Assumption, Batch, Matter
from router.files.yamlio import load_text

MATTER_KEYS = ("id", "name", "field", "department", "statutory", "statutory_holder",
               "department_assumption", "kind", "legal_basis", "listed", "basis_checked",
               "sources", "note")
BATCH_KEYS = ("id", "title", "document", "legal_basis", "effective", "ends", "bodies", "matters",
              "assumptions", "status", "source", "open_cases")
_WIDTH = 100
_WEEKDAYS = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")

DEFAULT_HEADERS = {
    "matters.yaml": "# 执法事项目录（catalog of enforcement matters）\n\n",
    "batches.yaml": "# 下放批次（delegation batches）与推定（assumptions）。\n\n",
}


class _Dumper(yaml.SafeDumper):
    """Plain where YAML allows it, double quotes otherwise (as the hand-written files do)."""

    def choose_scalar_style(self):
        style = super().choose_scalar_style()
        return '"' if style == "'" else style


def _dump(data: Any, flow: bool = False) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10**6,
                     default_flow_style=flow)


def comment_text(text: str) -> str:
    """`text` safe inside a YAML comment: a comment ends at any YAML line break (\\n, \\r,
    U+0085, U+2028, U+2029), after which the rest would be read as data; those, other control
    characters and invisible format characters (bidi overrides) are written as \\uXXXX."""
    return "".join(f"\\u{ord(ch):04x}" if unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp", "Cs") else ch
                   for ch in text)


def header_of(text: str | None, name: str) -> str:
    """The leading comment block (comments and blank lines before the first data line)."""
    if not text:
        return DEFAULT_HEADERS.get(name, "")
    lines = text.splitlines(keepends=True)
    i = 0
    while i < len(lines) and (not lines[i].strip() or lines[i].lstrip().startswith("#")):
        i += 1
    head = "".join(lines[:i])
    if head and not head.endswith("\n"):
        head += "\n"
    return head


def matter_record(m: Matter) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key in MATTER_KEYS:
        value = getattr(m, key)
        if value is None:
            continue
        out[key] = list(value) if isinstance(value, tuple) else value
    return out


def batch_record(b: Batch) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key in BATCH_KEYS:
        value = getattr(b, key)
        if value is None or (key in ("assumptions", "open_cases") and not value):
            continue  # optional keys are left out, as in the hand-written file
        if key == "open_cases":
            value = {point: {k: v for k, v in (("finished_by", o.finished_by), ("source", o.source),
                                               ("assumption", o.assumption)) if v is not None}
                     for point, o in value}
        if isinstance(value, date):
            value = value.isoformat()
        out[key] = list(value) if isinstance(value, tuple) else value
    return out


def matters_text(matters: Iterable[Matter], old_text: str | None) -> str:
    body = _dump({"matters": [matter_record(m) for m in matters]})
    body = body.replace("\n- id:", "\n\n- id:")  # a blank line before every matter
    return header_of(old_text, "matters.yaml") + body


def scalar(value: Any) -> str:
    text = _dump(value)
    if text.endswith("\n...\n"):
        text = text[:-5]
    return text.rstrip("\n")


def flow_item(value: Any) -> str:
    return _dump([value], flow=True).strip()[1:-1]


def _flow_list(prefix: str, items: Iterable[Any]) -> str:
    """`prefix[a, b, c]`, wrapped at _WIDTH with continuation lines aligned under the first item."""
    parts = [flow_item(v) for v in items]
    if not parts:
        return prefix + "[]"
    lines, line = [], prefix + "["
    indent = " " * len(line)
    for i, part in enumerate(parts):
        piece = part + ("]" if i == len(parts) - 1 else ",")
        if line.strip() and line != prefix + "[" and len(line) + 1 + len(piece) > _WIDTH:
            lines.append(line)
            line = indent + piece
        else:
            line = line + ("" if line.endswith("[") else " ") + piece
    lines.append(line)
    return "\n".join(lines)


def _old_chunks(old_text: str | None) -> tuple[dict[str, dict[str, str]], dict[str, dict[str, Any]], str | None, Any]:
    """The hand-written batches.yaml cut into per-batch, per-key text chunks, with the values
    they hold, so unchanged keys are written back exactly as they were (wrapping included)."""
    if not old_text:
        return {}, {}, None, None
    try:
        data = load_text(old_text, "batches.yaml")
    except Exception:  # noqa: BLE001 - an unreadable old file: everything is written anew
        return {}, {}, None, None
    if not isinstance(data, dict):
        return {}, {}, None, None
    values = {b.get("id"): b for b in data.get("batches") or [] if isinstance(b, dict)}
    chunks: dict[str, dict[str, str]] = {}
    lines = old_text.splitlines()
    current: dict[str, str] | None = None
    key = None
    assumptions_block: list[str] = []
    section = None
    for line in lines:
        if re.match(r"^\S", line):
            section = line.split(":", 1)[0]
            current = key = None
            continue
        if section == "assumptions":
            assumptions_block.append(line)
            continue
        if section != "batches":
            continue
        m = re.match(r"^  - id:\s*(.+?)\s*$", line)
        if m:
            bid = str(load_text(m.group(1), "batches.yaml"))
            current = chunks.setdefault(bid, {})
            key = "id"
            current[key] = line
            continue
        m = re.match(r"^    ([a-z_]+):", line)
        if m and current is not None:
            key = m.group(1)
            current[key] = line
        elif current is not None and key is not None and line.strip():
            current[key] += "\n" + line
    while assumptions_block and not assumptions_block[-1].strip():
        assumptions_block.pop()
    return chunks, values, "\n".join(assumptions_block), data.get("assumptions")


def batches_text(assumptions: Iterable[Assumption], batches: Iterable[Batch],
                 old_text: str | None) -> str:
    chunks, old_values, old_assumptions_text, old_assumptions = _old_chunks(old_text)
    new_assumptions = [{"id": a.id, "text": a.text} for a in assumptions]
    out = ["assumptions:"]
    if old_assumptions_text is not None and old_assumptions == new_assumptions:
        out.append(old_assumptions_text)
    else:
        for a in new_assumptions:
            out.append(f"  - id: {scalar(a['id'])}")
            out.append(f"    text: {scalar(a['text'])}")
    out.append("")
    out.append("batches:")
    first = True
    for b in batches:
        if not first:
            out.append("")
        first = False
        rec = batch_record(b)
        old = old_values.get(b.id) or {}
        old_chunk = chunks.get(b.id) or {}
        for key, value in rec.items():
            if key in old_chunk and old.get(key) == value:
                out.append(old_chunk[key])  # unchanged: as it was written
                continue
            lead = "  - " if key == "id" else "    "
            if isinstance(value, list):
                out.append(_flow_list(f"{lead}{key}: ", value))
            elif isinstance(value, dict):
                out.append(f"{lead}{key}:")
                out.extend(f"      {k}: {flow_item(v)}" for k, v in value.items())
            else:
                out.append(f"{lead}{key}: {scalar(value)}")
    return header_of(old_text, "batches.yaml") + "\n".join(out) + "\n"


def calendar_text(year: int, title: str, published: str,
                  holidays: list[tuple[str, date, date]], makeups: list[tuple[date, str]],
                  old_text: str | None, source: str) -> str:
    """A catalog/calendar/YYYY.yaml in the layout of the bundled years (one flow mapping a line,
    each make-up working day commented with its weekday)."""
    head = header_of(old_text, "") if old_text else (
        f"# {year}年节假日安排，按国务院办公厅通知原文录入（放假日期含通知中列入放假期间的周末）。\n"
        f"# 由 zhifa calendar add 写入（来源：{comment_text(source)}）；录入后请用 zhifa calendar show {year} 对照通知核对。\n"
        "# 录入方法见同目录 README.md。\n")
    notice = _dump({"title": title, "published": published}, flow=True).strip()
    lines = [f"year: {year}", f"notice: {notice}", "holidays:" if holidays else "holidays: []"]
    for name, start, end in holidays:
        lines.append("  - " + _dump({"name": name, "from": start.isoformat(),
                                      "to": end.isoformat()}, flow=True).strip())
    lines.append("makeup_workdays:" if makeups else "makeup_workdays: []")
    rows = ["  - " + _dump({"date": d.isoformat(), "for": name}, flow=True).strip()
            for d, name in makeups]
    width = max((len(r) for r in rows), default=0)
    for (d, _), row in zip(makeups, rows):
        lines.append(f"{row.ljust(width)}  # {_WEEKDAYS[d.weekday()]}上班")
    return head + "\n".join(lines) + "\n"
