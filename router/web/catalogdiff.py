"""“What a pending change would do”: policy staff upload a changed catalog and see, read-only,
what `zhifa catalog diff` shows — matters and batches changed, who gains and loses what from
which date, the notices the mechanism requires, and the fixture cases whose routing changes.

An upload is either
- one official list (.xlsx or .csv) as `zhifa catalog import` reads it: applied to a copy of the
  current catalog (never to the catalog itself), or
- catalog YAML files (matters.yaml, batches.yaml, bodies.yaml, matching.yaml, calendar
  YYYY.yaml) that replace their namesakes in a copy of the current catalog.

Nothing read from an upload runs code: YAML goes through the catalog's strict safe loader (no
tags, no aliases), workbooks through the importer's reader, which refuses a workbook that would
unpack beyond its limits before opening it, and reads values only (no macros, no formulas
evaluated). Sizes are bounded here (files, bytes) and by BodyLimit below (the request itself).
The work runs off the event loop, one preview at a time per process.
"""
from __future__ import annotations

import re
import shutil
import tempfile
import threading
from datetime import date
from pathlib import Path

from router.catalog.load import load_catalog
from router.files.locations import catalog_root
from router.model.clock import parse_as_of
from router.model.errors import CatalogError, InputError, Problem
from router.model.lazydc import dataclass
from router.policy.diff import CatalogDiff, compare, load_cases, replay
from router.policy.importing import ImportOptions, import_catalog

MAX_FILES = 8
MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_REQUEST_BYTES = MAX_FILES * MAX_FILE_BYTES + 64 * 1024
YAML_NAMES = ("matters.yaml", "batches.yaml", "bodies.yaml", "matching.yaml")
CALENDAR = re.compile(r"^(\d{4})\.ya?ml$")
TABLES = (".xlsx", ".csv")
FIXTURES = Path(__file__).resolve().parents[2] / "tests" / "cases"
_one_at_a_time = threading.Lock()


@dataclass
class Preview:
    diff: CatalogDiff | None
    files: list[str]
    problems: list[Problem]       # why the changed catalog could not be read (nothing compared)
    notices: list[Problem]        # what the importer noticed but did not refuse
    unchanged: bool = False


def _safe_name(name: str) -> str:
    base = Path((name or "").replace("\\", "/")).name
    if not base or base.startswith(".") or len(base) > 120:
        raise InputError(f"文件名“{name}”无效", field="files", value=name)
    return base


def _place(name: str) -> str:
    """Where an uploaded YAML file goes in the catalog folder."""
    lower = name.lower()
    if lower in YAML_NAMES:
        return lower
    m = CALENDAR.match(lower)
    if m:
        return f"calendar/{m.group(1)}.yaml"
    raise InputError(f"不认识的文件“{name}”：可上传官方清单表格（.xlsx、.csv），或目录文件 "
                     f"{'、'.join(YAML_NAMES)} 和节假日安排（如 2027.yaml）", field="files", value=name)


def check_files(files: list[tuple[str, bytes]]) -> list[tuple[str, bytes]]:
    """The uploaded files, named safely and within the limits (InputError otherwise)."""
    files = [(n, d) for n, d in files if n or d]
    if not files:
        raise InputError("请选择要比较的文件：官方清单表格（.xlsx、.csv）或目录文件（.yaml）", field="files")
    if len(files) > MAX_FILES:
        raise InputError(f"一次最多上传 {MAX_FILES} 个文件，本次 {len(files)} 个", field="files")
    out = []
    for name, data in files:
        name = _safe_name(name)
        if len(data) > MAX_FILE_BYTES:
            raise InputError(f"文件“{name}”过大（上限 {MAX_FILE_BYTES // 1024 // 1024} MB）", field="files", value=name)
        if not data:
            raise InputError(f"文件“{name}”是空的", field="files", value=name)
        out.append((name, data))
    tables = [n for n, _ in out if Path(n).suffix.lower() in TABLES]
    if tables and len(out) > 1:
        raise InputError("清单表格（.xlsx、.csv）须单独上传，一次一个；目录文件（.yaml）可一起上传", field="files")
    if not tables:
        places = [_place(n) for n, _ in out]
        if len(set(places)) != len(places):
            raise InputError("同一个目录文件上传了两次", field="files")
    return out


def preview(files: list[tuple[str, bytes]], *, root: str | Path | None = None, as_of: str | date | None = None,
            fixtures: Path | None = FIXTURES) -> Preview:
    """Compare the current catalog (`root`) with it changed by `files`; replay the fixture cases."""
    files = check_files(files)
    when = parse_as_of(as_of)
    root = catalog_root(root).resolve()
    with _one_at_a_time, tempfile.TemporaryDirectory(prefix="zhifa-preview-") as tmp:
        new_root = Path(tmp) / "catalog"
        shutil.copytree(root, new_root, ignore=shutil.ignore_patterns(".*", "__pycache__"))
        names = [n for n, _ in files]
        notices: list[Problem] = []
        if Path(names[0]).suffix.lower() in TABLES:
            upload = Path(tmp) / ("upload" + Path(names[0]).suffix.lower())
            upload.write_bytes(files[0][1])
            result = import_catalog(upload, new_root, options=ImportOptions(matching_stubs=True))
            label = f"导入 {names[0]} 后"
            problems = [_rename(p, upload.name, names[0]) for p in result.errors + result.check]
            notices = [_rename(p, upload.name, names[0]) for p in result.notices]
            if problems:
                return Preview(None, names, problems, notices)
            if result.unchanged:
                return Preview(None, names, [], notices, unchanged=True)
        else:
            for name, data in files:
                target = new_root / _place(name)
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data)
            label = "上传的目录文件（" + "、".join(names) + "）"
        try:
            old = load_catalog(root)
            new = load_catalog(new_root)
        except CatalogError as exc:
            return Preview(None, names, [_unroot(p, new_root) for p in exc.problems], notices)
        diff = compare(old, new, as_of=when, old_label="当前目录", new_label=label)
        cases = load_cases([], fixtures=[fixtures] if fixtures and fixtures.is_dir() else [])
        if cases:
            diff.impact = replay(old, new, cases)
        return Preview(diff, names, [], notices, unchanged=diff.empty)


def _rename(p: Problem, stored: str, shown: str) -> Problem:
    return Problem(p.file.replace(stored, shown), p.entry, p.key, p.message, p.severity)


def _unroot(p: Problem, root: Path) -> Problem:
    file = p.file.replace(str(root) + "/", "").replace(str(root), "catalog")
    return Problem(file, p.entry, p.key, p.message, p.severity)


class BodyLimit:
    """Refuse a request body over `limit` bytes on `paths` (413), counted as it arrives, so an
    upload without Content-Length cannot fill the disk through the multipart parser."""

    def __init__(self, app, paths: tuple[str, ...], limit: int = MAX_REQUEST_BYTES):
        self.app, self.paths, self.limit = app, paths, limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["path"] not in self.paths:
            return await self.app(scope, receive, send)
        headers = dict(scope.get("headers") or [])
        htmx = headers.get(b"hx-request") == b"true"
        declared = headers.get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            return await _too_large(send, self.limit, htmx)
        seen = 0
        started = False

        async def counted():
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise _TooLarge()
            return message

        async def watch(message):
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)
        try:
            await self.app(scope, counted, watch)
        except _TooLarge:
            if not started:
                await _too_large(send, self.limit, htmx)


class _TooLarge(Exception):
    pass


async def _too_large(send, limit: int, htmx: bool = False) -> None:
    text = f"上传内容过大（上限 {limit // 1024 // 1024} MB）。"
    if htmx:  # htmx swaps only 2xx answers: the page's #preview shows the refusal
        body = f'<div id="preview"><p class="card alert" role="alert">{text}</p></div>'.encode("utf-8")
        status, kind = 200, b"text/html; charset=utf-8"
    else:
        body, status, kind = text.encode("utf-8"), 413, b"text/plain; charset=utf-8"
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", kind), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})
