"""Issue 13: nothing lost, nothing injected — batch outputs, spreadsheets, catalog writers.

Each test names the point of the issue it proves; each fails on the code before the fix."""
from __future__ import annotations

import errno
import json
import os
import shutil
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from cli import EXIT_CATALOG, EXIT_INPUT, EXIT_OK, EXIT_PARTIAL, main
from router.decide.batch import Output, run_batch
from router.files import atomic
from router.files.locations import shipped
from router.files.writer import calendar_text, matters_text
from router.files.yamlio import load_text
from router.model.errors import InputError
from router.policy.holidays import add_year
from router.policy.importing import ImportOptions, add_matching_stubs, import_catalog
from router.policy.lint import check_catalog

ROOT = Path(__file__).resolve().parents[1]
CASE = {"matter": "SR-05", "place": "岳村镇", "reported_by": "城管局", "at": "2026-03-02T10:00"}
TWO = {"matter": ["SR-05", "XF-01"], "place": "中原路街道", "reported_by": "城管局", "at": "2026-03-02T10:00"}
HOSTILE = ["a\u2028b", "c\u2029d", "e\x85f", "g\x01h\x1fi", "\u202e倒序\u202c", "\u2066隔离\u2069", "tab\there",
           "=HYPERLINK(\"http://x\",\"点我\")", "# 注释", "key: value", "- item", "'quote\"", "\\back"]


def _jsonl(path: Path, cases: list) -> Path:
    path.write_text("".join(json.dumps(c, ensure_ascii=False) + "\n" for c in cases), encoding="utf-8")
    return path


def _catalog(tmp_path) -> Path:
    root = tmp_path / "catalog"
    shutil.copytree(shipped("catalog"), root)
    return root


# ---- 1. a batch never destroys files ----------------------------------------------------------
@pytest.mark.parametrize("link", ["same", "symlink", "hardlink"])
def test_an_output_that_is_the_input_is_refused_and_the_input_kept(tmp_path, router, link):
    src = _jsonl(tmp_path / "s.jsonl", [CASE] * 3)
    before = src.read_bytes()
    out = src
    if link == "symlink":
        out = tmp_path / "out.jsonl"
        out.symlink_to(src)
    elif link == "hardlink":
        out = tmp_path / "out.jsonl"
        os.link(src, out)
    with pytest.raises(InputError) as exc:
        run_batch(str(src), str(out), router=router)
    assert "就是输入文件" in str(exc.value)
    assert src.read_bytes() == before


@pytest.mark.parametrize("source", ["missing.jsonl", "cases.txt", "bad.csv"])
def test_a_bad_input_leaves_an_existing_result_untouched(tmp_path, router, source):
    (tmp_path / "cases.txt").write_text("x", encoding="utf-8")
    (tmp_path / "bad.csv").write_text("甲,乙\n1,2\n", encoding="utf-8")  # no usable header
    out = tmp_path / "result.jsonl"
    out.write_text('{"row": 1, "id": "earlier"}\n', encoding="utf-8")
    with pytest.raises(InputError):
        run_batch(str(tmp_path / source), str(out), router=router)
    assert out.read_text(encoding="utf-8") == '{"row": 1, "id": "earlier"}\n'
    assert not Path(f"{out}.partial.jsonl").exists()


def test_an_interrupted_run_keeps_the_old_result_and_resume_finishes_it(tmp_path, router, monkeypatch):
    src = _jsonl(tmp_path / "in.jsonl", [{**CASE, "id": i} for i in range(10)])
    out = tmp_path / "out.csv"
    out.write_bytes(b"old result")
    calls = []
    real = router.route_safe

    def stop_at_six(item, **kw):
        calls.append(1)
        if len(calls) == 6:
            raise KeyboardInterrupt
        return real(item, **kw)

    monkeypatch.setattr(router, "route_safe", stop_at_six)
    with pytest.raises(KeyboardInterrupt):
        run_batch(str(src), str(out), router=router)
    assert out.read_bytes() == b"old result"  # nothing half-written in place of the result
    monkeypatch.setattr(router, "route_safe", real)
    summary = run_batch(str(src), str(out), router=router, resume=True)
    assert (summary.skipped, summary.total) == (5, 5)
    rows = out.read_text(encoding="utf-8-sig").splitlines()
    assert [r.split(",")[0] for r in rows[1:]] == [str(i) for i in range(1, 11)]


# ---- 3. formula injection -----------------------------------------------------------------------
def test_csv_and_xlsx_never_hold_a_live_formula(tmp_path, router):
    cases = [{**CASE, "id": text, "text": text} for text in
             ["=HYPERLINK(\"http://x\",\"点我\")", "+1+1", "-2+3", "@SUM(1)", "\t=1+1", "\r=1"]]
    src = _jsonl(tmp_path / "in.jsonl", cases)
    run_batch(str(src), str(tmp_path / "out.csv"), router=router)
    import csv
    with open(tmp_path / "out.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["编号"] for r in rows] == ["'" + c["id"] for c in cases]
    run_batch(str(src), str(tmp_path / "out.xlsx"), router=router)
    ws = load_workbook(tmp_path / "out.xlsx").active
    ids = [ws.cell(r, 2) for r in range(2, ws.max_row + 1)]
    assert [c.value for c in ids] == [c["id"] for c in cases]
    assert all(c.data_type == "s" for c in ids)


def test_import_refuses_a_formula_looking_matter_name(tmp_path):
    root = _catalog(tmp_path)
    wb = Workbook()
    ws = wb.active
    ws.append(["序号", "事项名称", "实施依据", "原实施部门", "承接主体", "实施时间"])
    ws.append([1, '=HYPERLINK("http://x","对占道经营的行政处罚")', "《城市市容和环境卫生管理条例》第36条",
               "城市管理局", "各乡镇", "2027-01-01"])
    ws["B2"].data_type = "s"
    wb.save(tmp_path / "list.xlsx")
    result = import_catalog(tmp_path / "list.xlsx", root, dry_run=True)
    assert any("像是表格公式" in p.message for p in result.errors)


# ---- 5. what the writers emit means the same on re-read -----------------------------------------
@pytest.mark.parametrize("text", HOSTILE)
def test_the_yaml_writers_round_trip_hostile_strings(router, text):
    matters = list(router.catalog.matters.values())[:2]
    first = matters[0]
    edited = [type(first)(**{**first.__dict__, "name": f"对{text}的行政处罚", "note": text}), *matters[1:]] \
        if hasattr(first, "__dict__") else None
    if edited is None:  # records with slots
        from dataclasses import replace
        edited = [replace(first, name=f"对{text}的行政处罚", note=text), *matters[1:]]
    data = load_text(matters_text(edited, None), "matters.yaml")
    assert data["matters"][0]["name"] == f"对{text}的行政处罚" and data["matters"][0]["note"] == text
    year = calendar_text(2031, text, "2030-11-01", [], [], None, text)
    assert load_text(year, "2031.yaml") == {"year": 2031, "notice": {"title": text, "published": "2030-11-01"},
                                            "holidays": [], "makeup_workdays": []}


def test_matching_stubs_cannot_be_turned_into_cues_by_a_name(tmp_path, router):
    root = _catalog(tmp_path)
    from dataclasses import replace
    m = replace(next(iter(router.catalog.matters.values())), id="ZZ-99",
                name="对占道\u2028    keywords: [注入的线索]\u2029的行政处罚")
    stubs, problems = add_matching_stubs(root, [m])
    assert stubs == ["ZZ-99"] and not problems
    entry = load_text((root / "matching.yaml").read_text(encoding="utf-8"), "matching.yaml")["matters"]["ZZ-99"]
    assert "注入的线索" not in entry["keywords"]


def test_catalog_check_notices_bidi_overrides(tmp_path):
    root = _catalog(tmp_path)
    m = root / "matters.yaml"
    m.write_text(m.read_text(encoding="utf-8").replace("对擅自占用", "对擅\u202e自占用", 1), encoding="utf-8")
    report = check_catalog(root)
    hidden = [p for p in report.notices if "U+202E" in p.message]
    assert hidden and hidden[0].entry.startswith("第 ") and report.kind_of[hidden[0]] == "hidden"


# ---- 6. separators and control characters never stop a run --------------------------------------
def test_resume_finishes_when_a_line_holds_line_separators(tmp_path, router):
    src = _jsonl(tmp_path / "in.jsonl", [{**CASE, "id": f"x{sep}y", "text": f"占道{sep}经营"}
                                         for sep in ("\u2028", "\u2029", "\x85")] * 2)
    out = tmp_path / "out.jsonl"
    run_batch(str(src), str(out), router=router)
    assert len(out.read_bytes().splitlines()) == 6  # one line per case, for every reader
    summary = run_batch(str(src), str(out), router=router, resume=True)
    assert (summary.skipped, summary.total) == (6, 0)
    assert [json.loads(x)["id"] for x in out.read_text(encoding="utf-8").splitlines()][:3] == \
        ["x\u2028y", "x\u2029y", "x\x85y"]


def test_xlsx_is_produced_when_an_id_holds_a_control_character(tmp_path, router):
    src = _jsonl(tmp_path / "in.jsonl", [{**CASE, "id": "a\x01b"}, {**CASE, "id": "c\x1fd"}])
    run_batch(str(src), str(tmp_path / "out.xlsx"), router=router)
    ws = load_workbook(tmp_path / "out.xlsx").active
    assert [ws.cell(r, 2).value for r in (2, 3)] == ["a\\x01b", "c\\x1fd"]


# ---- 8. a failed write never leaves part of a case ----------------------------------------------
def test_a_failed_write_and_resume_never_keep_part_of_a_case(tmp_path, router, monkeypatch):
    src = _jsonl(tmp_path / "in.jsonl", [CASE, TWO, CASE])
    out = tmp_path / "out.csv"
    real_open = Output.open

    class DiskFullAtSecondWrite:
        def __init__(self, fh):
            self.fh, self.writes = fh, 0

        def write(self, data):
            self.writes += 1
            if self.writes == 2:  # the two-decision case: half of it reaches the disk
                self.fh.write(data[: len(data) // 2])
                self.fh.flush()
                raise OSError(errno.ENOSPC, "No space left on device")
            return self.fh.write(data)

        def __getattr__(self, name):
            return getattr(self.fh, name)

    def open_then_fill_the_disk(self):
        real_open(self)
        self._fh = DiskFullAtSecondWrite(self._fh)

    monkeypatch.setattr(Output, "open", open_then_fill_the_disk)
    with pytest.raises(InputError) as exc:  # a clear message (exit 1), not an internal error
        run_batch(str(src), str(out), router=router)
    assert "No space left" in str(exc.value) and "--resume" in str(exc.value)
    monkeypatch.setattr(Output, "open", real_open)
    run_batch(str(src), str(out), router=router, resume=True)
    import csv
    with open(out, encoding="utf-8-sig", newline="") as fh:
        rows = [(r["行号"], r["事项编号"]) for r in csv.DictReader(fh)]
    assert rows == [("1", "SR-05"), ("2", "SR-05"), ("2", "XF-01"), ("3", "SR-05")]


# ---- 10. the documented exit codes ------------------------------------------------------------
def test_a_huge_csv_cell_fails_its_row_only(tmp_path, router):
    src = tmp_path / "in.csv"
    src.write_text("编号,诉求内容,所属乡镇,受理单位,受理时间\n"
                   f"1,占道经营,岳村镇,城管局,2026-03-02\n2,{'长' * 200_000},岳村镇,城管局,2026-03-02\n"
                   "3,占道经营,岳村镇,城管局,2026-03-02\n", encoding="utf-8")
    summary = run_batch(str(src), str(tmp_path / "out.jsonl"), router=router)
    assert (summary.total, summary.failed) == (3, 1)


def test_an_unbalanced_quote_is_reported_not_swallowed(tmp_path, router):
    src = tmp_path / "in.csv"
    src.write_text("编号,诉求内容,所属乡镇,受理单位,受理时间\n"
                   '1,"占道经营,岳村镇,城管局,2026-03-02\n2,占道经营,岳村镇,城管局,2026-03-02\n', encoding="utf-8")
    summary = run_batch(str(src), str(tmp_path / "out.jsonl"), router=router)
    assert summary.failed == 1 and "引号不成对" in summary.errors[0][1] and "第 2–3 行" in summary.errors[0][1]


def test_resume_exits_2_when_the_output_holds_error_rows_from_an_earlier_run(tmp_path, capsys):
    src = _jsonl(tmp_path / "in.jsonl", [CASE, {**CASE, "place": "不存在的镇"}])
    out = tmp_path / "out.jsonl"
    assert main(["route", "--batch", str(src), "-o", str(out)]) == EXIT_PARTIAL
    assert main(["route", "--batch", str(src), "-o", str(out), "--resume"]) == EXIT_PARTIAL
    assert "其中 1 行为错误行" in capsys.readouterr().err


def _xlsx_with(tmp_path, name, edit, batch: bool = False) -> Path:
    wb = Workbook()
    ws = wb.active
    if batch:
        ws.append(["工单号", "诉求内容", "所属乡镇", "受理单位", "受理时间"])
        for i in range(100):
            ws.append([f"T{i}", f"人行道上占道经营{i}", "岳村镇", "城管局", "2026-03-02"])
    else:
        ws.append(["序号", "事项名称", "实施依据", "原实施部门", "承接主体", "实施时间"])
        ws.append([1, "对占道经营的行政处罚", "《城市市容和环境卫生管理条例》第36条", "城市管理局", "各乡镇", "2027-01-01"])
    plain = tmp_path / "plain.xlsx"
    wb.save(plain)
    path = tmp_path / name
    with zipfile.ZipFile(plain) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = edit(item.filename, zin.read(item.filename))
            if data is not None:
                zout.writestr(item, data)
    return path


BOMB_SHEETS = {
    "broken.xlsx": lambda n, d: d[: len(d) // 2] if n == "xl/worksheets/sheet1.xml" else d,
    "missing.xlsx": lambda n, d: None if n == "xl/worksheets/sheet1.xml" else d,
    "entities.xlsx": lambda n, d: (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">'
                                   b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>' + d.split(b"?>", 1)[-1])
    if n == "xl/worksheets/sheet1.xml" else d,
    "merged.xlsx": lambda n, d: d.replace(b"</sheetData>", b'</sheetData><mergeCells count="1">'
                                          b'<mergeCell ref="A70:XFD1048576"/></mergeCells>')
    if n == "xl/worksheets/sheet1.xml" else d,
}


BOMB_WORDS = {"broken.xlsx": "损坏", "missing.xlsx": "工作表", "entities.xlsx": "DTD", "merged.xlsx": "合并区域"}


@pytest.mark.parametrize("command,name", [("catalog import", n) for n in sorted(BOMB_SHEETS)]
                         + [("route --batch", n) for n in ("broken.xlsx", "entities.xlsx", "missing.xlsx")])
def test_broken_and_hostile_workbooks_are_input_errors(tmp_path, capsys, name, command):
    path = _xlsx_with(tmp_path, name, BOMB_SHEETS[name], batch=command == "route --batch")
    if command == "catalog import":
        args = ["catalog", "import", str(path), "--catalog", str(_catalog(tmp_path)), "--dry-run"]
    else:
        args = ["route", "--batch", str(path), "-o", str(tmp_path / "out.jsonl")]
    assert main(args) == EXIT_INPUT
    said = capsys.readouterr().err.replace("\n", "")  # the terminal's line wrapping undone
    assert "内部错误" not in said and name in said and BOMB_WORDS[name] in said


@pytest.mark.parametrize("yaml_text", ["year: " + "1" * 5000, "? !!set {a}\n: 1"])
def test_hostile_yaml_is_a_catalog_error(tmp_path, capsys, yaml_text):
    root = _catalog(tmp_path)
    (root / "calendar" / "2031.yaml").write_text(yaml_text + "\n", encoding="utf-8")
    assert main(["catalog", "check", "--catalog", str(root)]) == EXIT_CATALOG
    err = capsys.readouterr()
    assert "内部错误" not in err.err + err.out


# ---- 7. memory bombs, under a memory limit ------------------------------------------------------
def _limited(code: str, limit_mb: int = 1500) -> subprocess.CompletedProcess:
    prelude = ("import resource, sys; resource.setrlimit(resource.RLIMIT_AS, "
               f"({limit_mb} * 1024 * 1024, {limit_mb} * 1024 * 1024)); sys.argv = ['zhifa']\n")
    return subprocess.run([sys.executable, "-c", prelude + code], cwd=ROOT, capture_output=True, text=True,
                          timeout=300)


def test_a_merged_range_bomb_is_refused_within_bounded_memory(tmp_path):
    path = _xlsx_with(tmp_path, "merged.xlsx", BOMB_SHEETS["merged.xlsx"])
    assert path.stat().st_size < 20_000
    done = _limited(f"from cli import main; sys.exit(main(['catalog', 'import', {str(path)!r}, '--dry-run']))")
    assert done.returncode == EXIT_INPUT, done.stderr[-2000:]
    assert "合并区域" in done.stderr


def test_a_shared_strings_bomb_in_a_batch_is_refused_within_bounded_memory(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["编号", "诉求内容", "所属乡镇", "受理单位", "受理时间"])
    ws.append(["1", "占道经营", "岳村镇", "城管局", "2026-03-02"])
    plain = tmp_path / "plain.xlsx"
    wb.save(plain)
    path = tmp_path / "bomb.xlsx"
    # Level 1 deflates 2 GB of zeros about three times faster than the default level, into 9 MB
    # instead of 2 MB: as small on disk, for what is checked, and under every on-disk limit.
    with zipfile.ZipFile(plain) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zout:
        for item in zin.infolist():
            zout.writestr(item, zin.read(item.filename))
        with zout.open("xl/padding.xml", "w", force_zip64=True) as fh:  # 2 GB of nothing, a few MB on disk
            block = b"\0" * (1 << 24)
            for _ in range(128):
                fh.write(block)
    assert path.stat().st_size < 10_000_000
    out = tmp_path / "out.jsonl"
    done = _limited(f"from cli import main; sys.exit(main(['route', '--batch', {str(path)!r}, '-o', {str(out)!r}]))")
    assert done.returncode == EXIT_INPUT, done.stderr[-2000:]
    assert "压缩" in done.stderr or "解压后" in done.stderr


# ---- 9. one writer of catalog/ at a time ---------------------------------------------------------
def _finished_or_waiting_for_the_lock(proc: subprocess.Popen, lock: Path, timeout: float = 120) -> None:
    """Until `proc` has exited or holds the lock file open (catalog_lock polls it while another
    process holds it); fails after `timeout` seconds."""
    lock = str(lock.resolve())
    fds = Path(f"/proc/{proc.pid}/fd")
    deadline = time.monotonic() + timeout
    while proc.poll() is None:
        assert time.monotonic() < deadline, "the rival writer neither finished nor waited for the lock"
        try:
            if any(os.readlink(fd) == lock for fd in fds.iterdir()):
                return
        except OSError:  # an fd closed, or the process exited, meanwhile
            pass
        time.sleep(0.02)


def test_calendar_add_during_an_import_is_never_lost(tmp_path, monkeypatch):
    """`calendar add` started while an import is between its check and its folder exchange:
    before, it wrote 2027.yaml, said 已写入 and the exchange removed the file."""
    root = _catalog(tmp_path)
    wb = Workbook()
    ws = wb.active
    ws.append(["序号", "领域", "事项名称", "实施依据", "原实施部门", "承接主体", "实施时间"])
    ws.append([1, "城市管理", "对在城市道路上擅自设置广告牌的行政处罚", "《城市道路管理条例》第42条", "城市管理局", "各乡镇",
               "2027-01-01"])
    wb.save(tmp_path / "list.xlsx")
    cmd = [sys.executable, "-m", "cli", "calendar", "add", "2027", "--catalog", str(root),
           "--title", "国务院办公厅关于2027年部分节假日安排的通知", "--published", "2026-11-10",
           "--holiday", "元旦=2027-01-01..2027-01-03"]
    started: list[subprocess.Popen] = []
    real_exchange = atomic._exchange

    def exchange_after_a_rival_wrote(a, b):
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        started.append(proc)
        # The old code lets it finish here; with the lock it opens the lock file and waits.
        _finished_or_waiting_for_the_lock(proc, root / atomic.LOCK_NAME)
        return real_exchange(a, b)

    monkeypatch.setattr(atomic, "_exchange", exchange_after_a_rival_wrote)
    result = import_catalog(tmp_path / "list.xlsx", root,
                            options=ImportOptions(matching_stubs=True))
    assert result.written, [str(p) for p in result.errors + result.check]
    (proc,) = started
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == EXIT_OK, err
    assert (root / "calendar" / "2027.yaml").exists(), "calendar add said 已写入 but its file is gone"
    assert "对在城市道路上擅自设置广告牌的行政处罚" in (root / "matters.yaml").read_text(encoding="utf-8")


def test_a_writer_waits_for_the_lock(tmp_path):
    root = _catalog(tmp_path)
    done = []
    with atomic.catalog_lock(root):
        t = threading.Thread(target=lambda: done.append(add_year(
            2027, root=root, title="国务院办公厅关于2027年部分节假日安排的通知", published="2026-11-10",
            holidays=["元旦=2027-01-01..2027-01-03"])))
        t.start()
        time.sleep(1.0)
        assert not done and not (root / "calendar" / "2027.yaml").exists()
    t.join(60)
    assert done and done[0].written and not (root / atomic.LOCK_NAME).exists()


# ---- 11. what is echoed is capped -------------------------------------------------------------
def test_long_values_are_not_echoed_whole(tmp_path, router):
    big = "岳" * 1_000_000
    src = _jsonl(tmp_path / "in.jsonl", [{**CASE, "place": big}, {**CASE, "reported_by": big},
                                         {**CASE, "channel": big}, {**CASE, "at": big}])
    out = tmp_path / "out.jsonl"
    summary = run_batch(str(src), str(out), router=router)
    assert summary.failed == 4
    for line in out.read_text(encoding="utf-8").splitlines():
        error = json.loads(line)["error"]
        assert len(error) < 2000 and "（共 1000000 字）" in error, error[:300]


# ---- issue 12, the clerk's answer: batch input as clerks have it, output they can read -----------
def test_clerk_dates_channels_and_blank_trailing_lines(tmp_path, router):
    wb = Workbook()
    ws = wb.active
    ws.append(["工单号", "诉求内容", "所属乡镇", "受理单位", "来源", "受理时间"])
    from datetime import datetime
    rows = [("T1", "2026/06/01", "执法检查"), ("T2", "2026年7月1日", "12345热线"),
            ("T3", datetime(2026, 6, 2, 9, 30), "投诉举报"), ("T4", "2026年7月1日 下午3时30分", "投诉"),
            ("T5", 46175.375, "巡查")]  # an Excel day number with its time (46023 is 2026-01-01: 2026-06-02 09:00)
    for rid, at, channel in rows:
        ws.append([rid, "人行道上占道经营", "岳村镇", "城管局", channel, at])
    ws.append([None] * 6)
    ws.append([None] * 6)
    wb.save(tmp_path / "in.xlsx")
    out = tmp_path / "out.jsonl"
    summary = run_batch(str(tmp_path / "in.xlsx"), str(out), router=router)
    assert (summary.total, summary.failed) == (5, 0), summary.errors
    got = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [r["at"][:16] for r in got] == ["2026-06-01T00:00", "2026-07-01T00:00", "2026-06-02T09:30",
                                           "2026-07-01T15:30", "2026-06-02T09:00"]
    assert [r["channel"] for r in got] == ["inspection", "complaint", "complaint", "complaint", "inspection"]


def test_an_empty_time_is_an_error_unless_a_default_is_given(tmp_path, router):
    src = tmp_path / "in.csv"
    src.write_text("工单号,诉求内容,所属乡镇,受理单位,受理时间\nT1,占道经营,岳村镇,城管局,\n"
                   "T2,占道经营,岳村镇,城管局,2026/06/01 09:30\n\n\n", encoding="utf-8")
    summary = run_batch(str(src), str(tmp_path / "a.jsonl"), router=router)
    assert (summary.total, summary.failed) == (2, 1) and "缺少受理时间" in summary.errors[0][1]
    summary = run_batch(str(src), str(tmp_path / "b.jsonl"), router=router, default_at="2026年6月3日")
    assert (summary.total, summary.failed) == (2, 0)
    first = json.loads((tmp_path / "b.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert first["at"].startswith("2026-06-03T00:00")


def test_clerks_csv_has_chinese_headers_labels_duties_and_materials(tmp_path, router):
    src = _jsonl(tmp_path / "in.jsonl", [{"text": "国道边上摆摊卖西瓜，占了半条道", "place": "孟轲乡",
                                         "reported_by": "华龙区交通运输局", "at": "2026-09-30T16:20"}])
    run_batch(str(src), str(tmp_path / "out.csv"), router=router)
    import csv
    with open(tmp_path / "out.csv", encoding="utf-8-sig", newline="") as fh:
        (row,) = list(csv.DictReader(fh))
    assert row["处理方式"] == "移送有管辖权的一方" and row["管辖主体"] == "孟轲乡人民政府"
    assert row["移送时限"] == "3个工作日内" and row["移送截止"] == "2026-10-10（周六）23:59"
    assert "涉嫌违法案件移送函" in row["材料"] and "反馈调查处理结果" in row["义务"]
    codes = {"refer", "3_working_days", "delegated", "HN-2025-TOWNSHIPS", "matched"}
    assert not codes & set(row.values())


def test_channel_label_on_the_command_line(capsys):
    code = main(["route", "--matter", "SR-05", "--place", "岳村镇", "--by", "城管局", "--at", "2026-03-02T10:00",
                 "--channel", "投诉", "--json"])
    assert code == EXIT_OK and json.loads(capsys.readouterr().out)["channel"] == "complaint"
    assert main(["route", "--matter", "SR-05", "--place", "岳村镇", "--by", "城管局", "--channel", "电报"]) == EXIT_INPUT
    assert "来源“电报”无法识别" in capsys.readouterr().err


def test_dev_null_and_a_closed_pipe_are_not_input_errors(tmp_path):
    src = _jsonl(tmp_path / "in.jsonl", [CASE] * 300)
    done = subprocess.run([sys.executable, "-m", "cli", "route", "--batch", str(src), "-o", "/dev/null"],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == EXIT_OK, done.stderr
    piped = subprocess.run(f"{sys.executable} -m cli route --batch {src} | head -1", shell=True, cwd=ROOT,
                           capture_output=True, text=True, timeout=120)
    assert piped.stdout.count("\n") == 1 and "Error" not in piped.stderr and "错误" not in piped.stderr


def test_an_option_value_spelled_traceback_does_not_ask_for_one(capsys):
    """Found by tests/test_fuzz.py: `--matter --traceback` printed a Python traceback."""
    assert main(["route", "--place", "岳村镇", "--by", "城管局", "--at", "x", "--matter", "--traceback"]) == EXIT_INPUT
    assert "Traceback" not in capsys.readouterr().err
