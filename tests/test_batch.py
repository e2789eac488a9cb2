"""Batch routing: formats, order, worker processes, and a killed run resumed without loss."""
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from router.decide.batch import parse_jsonl_line, read_cases, run_batch
from router.decide.generate import generate_cases
from router.model.errors import InputError

ROOT = Path(__file__).resolve().parents[1]


def _write_jsonl(path, cases):
    path.write_text("".join(json.dumps(c, ensure_ascii=False) + "\n" for c in cases), encoding="utf-8")


def _rows(path):
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]


def _strip(result):
    return {k: v for k, v in result.items() if k != "row"}


def test_workers_give_the_same_output_in_the_same_order(tmp_path, router):
    cases = list(generate_cases(router.catalog, 400, seed=7))
    src = tmp_path / "in.jsonl"
    _write_jsonl(src, cases)
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    s1 = run_batch(str(src), str(one), router=router)
    s2 = run_batch(str(src), str(two), workers=2)
    assert s1.total == s2.total == 400
    assert one.read_text(encoding="utf-8") == two.read_text(encoding="utf-8")
    assert [r["row"] for r in _rows(one)] == list(range(1, 401))


def test_csv_in_gbk_with_chinese_headers_and_csv_out(tmp_path, router):
    src = tmp_path / "hotline.csv"
    src.write_bytes("工单号,诉求内容,所属乡镇,受理单位,来源,受理时间,紧急\n"
                    "T1,国道边上摆摊卖西瓜,孟轲乡,孟轲乡,热线,2026-03-02 10:00,否\n"
                    "T2,,,城管局,投诉,2026-03-02 10:00,\n"
                    "T3,村民没批就占耕地盖房子,岳村镇,国土,巡查,2026-03-03 09:00,是\n".encode("gb18030"))
    out = tmp_path / "out.csv"
    summary = run_batch(str(src), str(out), router=router)
    assert (summary.total, summary.failed) == (3, 1)
    text = out.read_text(encoding="utf-8-sig")
    assert text.splitlines()[0].startswith("行号,编号,错误")
    assert "T1" in text and "T2" in text and "T3" in text


def test_xlsx_in_and_out(tmp_path, router):
    from openpyxl import Workbook, load_workbook
    wb = Workbook()
    ws = wb.active
    ws.append(["编号", "事项", "发生地", "上报单位", "时间"])
    ws.append([1, "SR-05", "岳村镇", "城管局", "2025-06-03T10:00"])
    ws.append([2, "XF-01", "中原路街道", "消防大队", "2026-06-03T10:00"])
    ws.append([None, None, None, None, None])
    src = tmp_path / "in.xlsx"
    wb.save(src)
    out = tmp_path / "out.xlsx"
    summary = run_batch(str(src), str(out), router=router)
    assert summary.total == 2 and summary.failed == 0
    rows = list(load_workbook(out).active.iter_rows(values_only=True))
    assert rows[0][:3] == ("行号", "编号", "错误") and len(rows) == 3
    assert not Path(f"{out}.partial.jsonl").exists()


def test_unknown_extension_is_refused(tmp_path):
    bad = tmp_path / "cases.txt"
    bad.write_text("x", encoding="utf-8")
    with pytest.raises(Exception) as exc:
        list(read_cases(str(bad)))
    assert ".jsonl" in str(exc.value)


def test_killed_run_resumes_with_nothing_lost_or_duplicated(tmp_path, router):
    # The kill comes once the journal holds 20 kB (a few dozen rows); 800 rows leave the run well
    # short of the end even on a busy machine (asserted below), which is all resuming depends on.
    n = 800
    cases = list(generate_cases(router.catalog, n, seed=11))
    src, out, ref = tmp_path / "in.jsonl", tmp_path / "out.jsonl", tmp_path / "ref.jsonl"
    _write_jsonl(src, cases)
    cmd = [sys.executable, "-m", "cli", "route", "--batch", str(src), "-o", str(out)]
    journal = tmp_path / "out.jsonl.partial.jsonl"
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    while time.time() < deadline:
        if journal.exists() and journal.stat().st_size > 20_000:
            break
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert not out.exists(), "an unfinished run left its output in place of the result"
    partial = journal.read_bytes().count(b"\n")
    assert 0 < partial < n, f"the run was not interrupted mid-way ({partial} of {n} written)"
    # A crash in the middle of a write leaves a torn last line: simulate one too.
    with open(journal, "ab") as fh:
        fh.write(b'{"row": 99999, "id": "tor')
    resumed = subprocess.run(cmd + ["--resume"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert resumed.returncode in (0, 2), resumed.stderr
    assert "此前已完成" in resumed.stderr
    run_batch(str(src), str(ref), router=router)
    got, want = _rows(out), _rows(ref)
    assert [r["row"] for r in got] == list(range(1, n + 1))
    assert [_strip(r) for r in got] == [_strip(r) for r in want]


def test_workers_write_the_same_csv_and_the_same_errors_as_one_process(tmp_path, router):
    cases = list(generate_cases(router.catalog, 150, seed=5))
    src = tmp_path / "in.jsonl"
    lines = [json.dumps(c, ensure_ascii=False) for c in cases]
    lines[3] = "{not json"                      # bad rows are parsed by the workers in a pool
    lines[7] = ""
    lines[9] = json.dumps({**cases[9], "place": "岳树镇"}, ensure_ascii=False)
    src.write_bytes(("\n".join(lines) + "\n").encode("utf-8") + b"\xff\xfe\n")
    one, two = tmp_path / "one.csv", tmp_path / "two.csv"
    s1 = run_batch(str(src), str(one), router=router)
    s2 = run_batch(str(src), str(two), workers=2)
    assert one.read_bytes() == two.read_bytes()
    assert (s1.total, s1.failed, s1.by_action, s1.by_body, s1.errors) == \
           (s2.total, s2.failed, s2.by_action, s2.by_body, s2.errors)
    assert s1.failed == 4 and [row for row, _ in s1.errors] == [4, 8, 10, 151]


def test_progress_is_reported_and_ends_at_the_total(tmp_path, router):
    cases = list(generate_cases(router.catalog, 120, seed=6))
    src = tmp_path / "in.jsonl"
    _write_jsonl(src, cases)
    for workers in (1, 2):
        calls = []
        run_batch(str(src), str(tmp_path / f"out{workers}.jsonl"), router=router, workers=workers,
                  progress=lambda done, total: calls.append((done, total)))
        assert calls and calls[-1] == (120, 120)
        assert [d for d, _ in calls] == sorted(d for d, _ in calls)


def test_explained_output_is_the_same_with_workers(tmp_path, router):
    # The --explain trace carries no engine-internal state ids, so it does not depend on which
    # process routed a case or on how many cases it routed before.
    cases = list(generate_cases(router.catalog, 80, seed=8))
    src = tmp_path / "in.jsonl"
    _write_jsonl(src, cases)
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    run_batch(str(src), str(one), router=router, explain=True)
    run_batch(str(src), str(two), workers=2, explain=True)
    assert one.read_text(encoding="utf-8") == two.read_text(encoding="utf-8")
    assert '"sid"' not in one.read_text(encoding="utf-8")


def _stderr_of_batch(tmp_path, router, terminal: bool) -> str:
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    _write_jsonl(src, list(generate_cases(router.catalog, 200, seed=9)))
    cmd = [sys.executable, "-m", "cli", "route", "--batch", str(src), "-o", str(out)]
    env = {**os.environ, "TERM": "xterm", "COLUMNS": "120"}
    if not terminal:
        done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, env=env, timeout=120)
        return done.stderr
    import pty
    master, slave = pty.openpty()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=slave, env=env)
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:  # the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=120)
    os.close(master)
    return b"".join(chunks).decode("utf-8", "replace")


def test_progress_bar_only_on_a_terminal_and_the_summary_always(tmp_path, router):
    on_terminal = _stderr_of_batch(tmp_path, router, terminal=True)
    piped = _stderr_of_batch(tmp_path, router, terminal=False)
    assert "件/秒" in on_terminal and "200/200" in on_terminal
    assert "件/秒" not in piped and "\x1b[" not in piped
    for err in (on_terminal, piped):
        assert "共 200 行" in err and "按处理方式" in err


@pytest.mark.parametrize("line", [
    '{"a": 1, "a": 2}', '{"a": 1e400}', '{"a": NaN}', '{"a": -Infinity}', '{"a": 123456789012345678901234567890}', '{"a": 9223372036854775808}',
    '{"a": -9223372036854775809}', '{"a": 18446744073709551616}', '{"a": 1234567890123456789.5}',
    '{"a": -0}', '{"a": -0.0}', '{"a": 1.0000000000000001}', '{"t": "\\ud800"}', '{"t": "\\u00e9 \\ud83d\\ude00"}',
    '[1, 2]', '"text"', '  {"a": 1}  ', '{"a": [' * 3000 + ']' * 3000 + '}', '{"a": 1,}', "{'a': 1}", '{"a": "\x01"}',
    '{"place": "孟轲乡", "text": "占道\\n经营", "events": []}',
])
def test_a_row_is_read_as_json_reads_it(line):
    """parse_jsonl_line tries orjson first: whatever it returns is what json.loads returns, and
    a row json refuses gets json's error, in Chinese, with its row and column."""
    got = parse_jsonl_line(1, line.encode("utf-8", "surrogatepass"))
    try:
        want = json.loads(line)
    except json.JSONDecodeError as exc:
        # json's own error, in Chinese, at its row and column
        assert isinstance(got, InputError) and f"第 1 行第 {exc.colno} 列：JSON 格式错误" in str(got)
        assert exc.msg not in str(got)
        return
    except RecursionError:  # (its wording depends on the depth of the stack)
        assert isinstance(got, InputError) and "嵌套过深" in str(got)
        return
    assert not isinstance(got, InputError)
    assert json.dumps(got, sort_keys=True) == json.dumps(want, sort_keys=True)
    assert type(got) is type(want)


def test_a_jsonl_batch_does_not_load_the_spreadsheet_library(tmp_path):
    """openpyxl takes 0.2-0.5 s to import (more with numpy beside it): only a .xlsx needs it."""
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"text": "国道上晒玉米", "place": "孟轲乡", "reported_by": "孟轲乡"},
                              ensure_ascii=False) + "\n", encoding="utf-8")
    code = ("import sys, cli\n"
            "try:\n    cli.main()\nexcept SystemExit:\n    pass\n"
            "print('openpyxl' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code, "route", "--batch", str(src), "-o", str(tmp_path / "o.jsonl")],
                         capture_output=True, text=True, cwd=Path(__file__).parents[1], check=True)
    assert out.stdout.strip().splitlines()[-1] == "False"
    assert json.loads((tmp_path / "o.jsonl").read_text(encoding="utf-8"))["row"] == 1
