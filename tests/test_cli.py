"""The command line: exit codes, Chinese errors, JSON and batch output, help texts."""
import json
import subprocess
import sys

import pytest

from cli import EXIT_CATALOG, EXIT_INPUT, EXIT_OK, EXIT_PARTIAL, cli, main


def run(capsys, *args):
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_route_json_with_matter(capsys):
    code, out, _ = run(capsys, "route", "--matter", "SR-05", "--place", "岳村镇", "--by", "城管局",
                       "--at", "2025-06-03T10:00", "--json")
    assert code == EXIT_OK
    data = json.loads(out)
    d = data["decisions"][0]
    assert d["jurisdiction"]["body"] == "岳村镇人民政府"
    assert d["referral"]["deadline"] == "2025-06-06T23:59:59+08:00"


def test_route_human_output_names_body_deadline_and_clause(capsys):
    code, out, _ = run(capsys, "route", "--matter", "XF-03", "--place", "濮东街道", "--by", "消防大队",
                       "--at", "2026-02-13T17:00", "--explain")
    assert code == EXIT_OK
    for text in ("濮东街道办事处", "2026-02-25 23:59:59", "四（一）1", "调休上班", "规则触发过程"):
        assert text in out


@pytest.mark.parametrize("args,needle", [
    (["--place", "岳树镇", "--by", "城管局"], "未知的发生地“岳树镇”"),
    (["--place", "岳村镇", "--by", "城管科"], "未知的上报单位“城管科”"),
    (["--place", "岳村镇", "--by", "区政府"], "不是可上报案件的执法主体"),
    (["--place", "岳村镇", "--by", "城管局", "--at", "2026-02-30"], "不存在"),
    (["--place", "岳村镇", "--by", "城管局", "--at", "明天"], "无法识别的时间"),
    (["--place", "岳村镇", "--by", "城管局", "--event", "bribe"], "未知的事件：bribe"),
])
def test_bad_input_is_a_chinese_error_with_exit_1(capsys, args, needle):
    code, out, err = run(capsys, "route", "--matter", "SR-05", *args)
    assert code == EXIT_INPUT
    assert needle in err and "Traceback" not in err


def test_unknown_matter_suggests_close_id(capsys):
    code, _, err = run(capsys, "route", "--matter", "SR-5", "--place", "岳村镇", "--by", "城管局")
    assert code == EXIT_INPUT and "SR-5" in err and "SR-05" in err


def test_empty_text_without_matter(capsys):
    code, _, err = run(capsys, "route", "--place", "岳村镇", "--by", "城管局")
    assert code == EXIT_INPUT and "缺少违法行为描述" in err


def test_batch_keeps_every_line_in_order(tmp_path, capsys):
    lines = [
        json.dumps({"id": "a", "matter": "SR-05", "place": "岳村镇", "reported_by": "岳村镇", "at": "2025-03-03T09:00"}, ensure_ascii=False),
        "{not json",
        "",
        json.dumps({"id": "c", "matter": "XX-01", "place": "岳村镇", "reported_by": "岳村镇", "at": "2026-01-05"},
                   ensure_ascii=False),
        json.dumps({"id": 4, "matter": ["NY-02", "SR-05"], "place": "中原路街道", "reported_by": "中原办", "at": "2026-01-05T09:00"}, ensure_ascii=False),
    ]
    src = tmp_path / "cases.jsonl"
    src.write_bytes(("\n".join(lines) + "\n").encode() + b"\xff\xfe\n")
    code, out, err = run(capsys, "route", "--batch", str(src))
    rows = [json.loads(x) for x in out.splitlines()]
    assert code == EXIT_PARTIAL
    assert len(rows) == 6
    assert rows[0]["id"] == "a" and rows[0]["decisions"][0]["action"] == "handle"
    assert rows[1]["row"] == 2 and "JSON 格式错误" in rows[1]["error"]
    assert rows[2]["row"] == 3 and "空行" in rows[2]["error"]
    assert rows[3]["id"] == "c" and "XX-01" in rows[3]["error"]
    assert rows[4]["id"] == 4 and [d["matter"] for d in rows[4]["decisions"]] == ["NY-02", "SR-05"]
    assert rows[5]["row"] == 6 and "UTF-8" in rows[5]["error"]
    assert "4 行失败" in err


def test_batch_all_good_exits_0(tmp_path, capsys):
    src = tmp_path / "ok.jsonl"
    src.write_text(json.dumps({"matter": "JT-03", "place": "孟轲", "reported_by": "交通局", "at": "2026-01-05T09:00"},
                              ensure_ascii=False) + "\n", encoding="utf-8")
    out_file = tmp_path / "out.jsonl"
    code, _, _ = run(capsys, "route", "--batch", str(src), "-o", str(out_file))
    assert code == EXIT_OK
    assert json.loads(out_file.read_text(encoding="utf-8"))["decisions"][0]["matter"] == "JT-03"


def test_catalog_check_passes_on_shipped_catalog(capsys):
    code, out, _ = run(capsys, "catalog", "check")
    assert code == EXIT_OK and "检查通过" in out


def test_catalog_check_fails_with_exit_3(tmp_path, capsys):
    import shutil

    from router.files.locations import shipped
    DEFAULT_ROOT = shipped("catalog")
    root = tmp_path / "cat"
    shutil.copytree(DEFAULT_ROOT, root)
    (root / "bodies.yaml").write_text("townships: 1\n", encoding="utf-8")
    code, out, _ = run(capsys, "catalog", "check", "--catalog", str(root))
    assert code == EXIT_CATALOG and "bodies.yaml" in out


def test_calendar_show(capsys):
    code, out, _ = run(capsys, "calendar", "show", "2026")
    assert code == EXIT_OK and "10月" in out and "休" in out and "班" in out


def _commands(group, prefix=()):
    import click
    for name, cmd in group.commands.items():
        yield prefix + (name,), cmd
        if isinstance(cmd, click.Group):
            yield from _commands(cmd, prefix + (name,))


def test_every_command_has_help_and_is_in_the_readme():
    from pathlib import Path
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    for path, cmd in _commands(cli):
        assert cmd.help, f"zhifa {' '.join(path)} has no help text"
        assert f"zhifa {' '.join(path)}" in readme, f"zhifa {' '.join(path)} is not in the README"


def test_help_lists_exit_codes(capsys):
    code, out, _ = run(capsys, "--help")
    assert code == EXIT_OK and "退出码" in out and "130" in out


def test_installed_command_runs_as_a_new_process():
    proc = subprocess.run([sys.executable, "-m", "cli", "route", "--matter", "GH-01", "--place", "孟轲乡",
                           "--by", "孟轲乡", "--at", "2020-05-01T10:00", "--json"],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    d = json.loads(proc.stdout)["decisions"][0]
    assert d["jurisdiction"]["basis"] == "statutory" and d["action"] == "handle"


def test_a_read_only_command_leaves_quickly_with_its_output_and_code():
    """`zhifa route` ends without the interpreter's teardown (cli.run): what it printed is all
    there, and an error keeps its exit code and message."""
    from cli import EXIT_INPUT
    ok = subprocess.run([sys.executable, "-m", "cli", "route", "国道边上摆摊卖西瓜", "--place", "孟轲乡",
                         "--by", "华龙区交通运输局", "--at", "2026-09-30T16:20", "--json"],
                        capture_output=True, text=True, timeout=60)
    assert ok.returncode == 0 and json.loads(ok.stdout)["decisions"], ok.stderr
    bad = subprocess.run([sys.executable, "-m", "cli", "route", "", "--place", "孟轲乡"],
                         capture_output=True, text=True, timeout=60)
    assert bad.returncode == EXIT_INPUT and "缺少违法行为描述" in bad.stderr


@pytest.mark.parametrize("args,expected", [
    (["route", "国道边上摆摊卖西瓜", "--place", "孟轲乡"], (True, True)),
    (["--traceback", "match", "楼道里充电"], (True, True)),
    (["route", "--batch", "in.csv", "-o", "out.csv"], (True, False)),
    (["route", "--batch=in.csv", "-o", "out.csv"], (True, False)),    # the value after "="
    (["match", "--eval=tests/matching/dev.yaml"], (True, False)),
    (["case", "new", "有人占道", "--db", "r.sqlite3"], (False, False)),  # writes: a normal exit
])
def test_which_runs_leave_quickly_and_without_the_collector(args, expected):
    from cli import _short_run
    assert _short_run(args) == expected


def test_readme_session_is_real_output():
    """The `$ zhifa route …` session in the README is what the program prints (at 80 columns)."""
    import os
    import re
    import shlex
    from pathlib import Path
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```\n\$ (zhifa route [^\n]+)\n(.*?)\n```", readme, re.S)
    assert block, "README has no $ zhifa route session"
    args = shlex.split(block.group(1))[1:]
    env = {**os.environ, "COLUMNS": "80", "NO_COLOR": "1", "TERM": "dumb"}
    proc = subprocess.run([sys.executable, "-m", "cli", *args], capture_output=True, text=True,
                          env=env, cwd=Path(__file__).parents[1], timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.rstrip("\n") == block.group(2).rstrip("\n")


def test_internal_error_exit_4_and_traceback_only_on_request(capsys, monkeypatch):
    from cli import EXIT_INTERNAL
    from router.decide import route as route_mod

    def boom(self, *a, **k):
        raise RuntimeError("simulated bug")

    monkeypatch.setattr(route_mod.Router, "route", boom)
    args = ["route", "--matter", "SR-05", "--place", "岳村镇", "--by", "城管局"]
    code, _, err = run(capsys, *args)
    assert code == EXIT_INTERNAL and "内部错误" in err and "Traceback" not in err
    code, _, err = run(capsys, "--traceback", *args)
    assert code == EXIT_INTERNAL and "Traceback" in err and "simulated bug" in err
