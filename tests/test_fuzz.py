"""Bad input never gives a traceback: every failure is a ZhifaError with a Chinese message.

Bounded fuzzing with hypothesis over case input (dicts, JSON lines, raw bytes), CLI options and
the catalog loader. The numbers of examples are fixed so CI time stays bounded.
"""
import json
import os
import random
import shutil

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cli import EXIT_INPUT, EXIT_OK, main
from router.catalog.load import load_catalog
from router.decide.batch import read_cases
from router.decide.case import FIELDS
from router.files.locations import shipped
from router.files.yamlio import MAX_BYTES, load_text
from router.model.errors import CatalogError, ZhifaError

DEFAULT_ROOT = shipped("catalog")

CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
ANY_TEXT = st.text(st.one_of(CJK, st.characters()), max_size=60)
JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | ANY_TEXT,
                    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(ANY_TEXT, inner, max_size=4),
                    max_leaves=12)
GOOD = {"text": "国道边上摆摊卖西瓜", "place": "孟轲乡", "reported_by": "交通局", "at": "2026-03-02T10:00"}
SETTINGS = dict(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _chinese(message: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in message)


def _check(result: dict) -> None:
    if "error" in result:
        assert isinstance(result["error"], str) and _chinese(result["error"]), result
    else:
        assert "decisions" in result


@settings(max_examples=400, **SETTINGS)
@given(fields=st.dictionaries(st.sampled_from(sorted(FIELDS) + ["sid", "id ", "未知"]), JSON, max_size=8))
def test_any_field_values_give_a_decision_or_a_chinese_error(router, fields):
    _check(router.route_safe(fields))


@settings(max_examples=300, **SETTINGS)
@given(field=st.sampled_from(sorted(FIELDS)), value=JSON)
def test_one_bad_field_in_an_otherwise_good_case(router, field, value):
    _check(router.route_safe({**GOOD, field: value}))


@settings(max_examples=200, **SETTINGS)
@given(text=st.text(max_size=300) | st.binary(max_size=200).map(lambda b: b.decode("latin-1")))
def test_arbitrary_description_text(router, text):
    _check(router.route_safe({**GOOD, "text": text}))


@pytest.mark.parametrize("value", [
    "x" * 200_000, "\x00", "占道\x00经营", "2026-13-01", "9999-01-01T00:00", "0001-01-01",
    "2026-02-29", "2026-03-02T25:00", "2026-03-02T10:00+99:00",
])
def test_edge_values(router, value):
    for field in ("text", "place", "reported_by", "at"):
        _check(router.route_safe({**GOOD, field: value}))


@settings(max_examples=150, **SETTINGS)
@given(lines=st.lists(st.binary(max_size=80) | JSON.map(lambda v: json.dumps(v).encode()), min_size=1, max_size=8))
def test_batch_lines_of_random_bytes_keep_every_row(router, tmp_path_factory, lines):
    path = tmp_path_factory.mktemp("fz") / "cases.jsonl"
    body = b"\n".join(line.replace(b"\n", b" ").replace(b"\r", b" ") for line in lines) + b"\n"
    path.write_bytes(body)
    rows = list(read_cases(str(path)))

    def blank(line: bytes) -> bool:
        try:
            return not line.decode("utf-8").strip().lstrip("\ufeff")
        except UnicodeDecodeError:
            return False

    # every row up to the last one that is not blank (blank lines at the end are dropped)
    kept = [n for n, line in enumerate(body.split(b"\n")[:-1], 1) if not blank(line)]
    assert [n for n, _ in rows] == list(range(1, max(kept, default=0) + 1))
    for _, item in rows:
        _check(router.route_safe(item))


def test_deeply_nested_json_line(router, tmp_path):
    path = tmp_path / "deep.jsonl"
    path.write_text("[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")
    (row,) = list(read_cases(str(path)))
    _check(router.route_safe(row[1]))


@settings(max_examples=120, **SETTINGS)
@given(place=ANY_TEXT, by=ANY_TEXT, at=ANY_TEXT, event=ANY_TEXT, matter=ANY_TEXT)
def test_cli_options_never_traceback(capsys, place, by, at, event, matter):
    args = ["route", "--place", place or "x", "--by", by or "x", "--at", at or "x",
            "--event", event or "x", "--matter", matter or "x", "--json"]
    code = main(args)
    err = capsys.readouterr().err
    assert code in (EXIT_OK, EXIT_INPUT), err
    assert "Traceback" not in err


# ---- catalog loader -------------------------------------------------------------------------
def _mutate(text: str, rng: random.Random) -> str:
    lines = text.splitlines(keepends=True)
    op = rng.randrange(6)
    i = rng.randrange(len(lines))
    if op == 0:
        del lines[i]
    elif op == 1:
        lines.insert(i, lines[rng.randrange(len(lines))])
    elif op == 2:
        pos = rng.randrange(len(text))
        return text[:pos] + text[pos + 1:]
    elif op == 3:
        pos = rng.randrange(len(text))
        return text[:pos] + rng.choice([":", "-", "[", "{", "'", '"', "\t", "&a", "*a", "!!python/object:os.system"]) + text[pos:]
    elif op == 4:
        lines[i] = lines[i].replace("true", "1").replace('"', "")
    else:
        lines[i] = "  " + lines[i]
    return "".join(lines)


# The default run takes 16 of the 60 seeds: together they reach every line that all 60 reach in
# router/ and in PyYAML's Python modules (2,022 lines, measured with a sys.settrace line tracer
# over load_catalog(check_extras=True) for each seed; greedy cover). ZHIFA_SLOW_TESTS=1 runs all 60.
CATALOG_SEEDS = range(60) if os.environ.get("ZHIFA_SLOW_TESTS") == "1" else \
    [0, 1, 2, 6, 8, 9, 11, 12, 14, 16, 23, 25, 26, 30, 40, 50]


@pytest.mark.parametrize("seed", CATALOG_SEEDS)
def test_mutated_catalog_files_fail_cleanly(tmp_path, seed):
    rng = random.Random(seed)
    root = tmp_path / "catalog"
    shutil.copytree(DEFAULT_ROOT, root)
    target = root / rng.choice(["matters.yaml", "bodies.yaml", "batches.yaml", "calendar/2026.yaml"])
    text = target.read_text(encoding="utf-8")
    for _ in range(rng.randint(1, 3)):
        text = _mutate(text, rng)
    target.write_text(text, encoding="utf-8")
    try:
        load_catalog(root, check_extras=True)
    except CatalogError as exc:
        assert exc.problems and all(p.file and _chinese(p.message) for p in exc.problems)


def test_billion_laughs_is_refused():
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n" for i in range(20))
    with pytest.raises(CatalogError) as exc:
        load_text(bomb, "bomb.yaml")
    assert "别名" in str(exc.value)


def test_python_tags_are_not_executed():
    with pytest.raises(CatalogError):
        load_text("x: !!python/object/apply:os.system ['echo pwned']\n", "evil.yaml")


def test_enormous_catalog_file_is_refused(tmp_path):
    root = tmp_path / "catalog"
    shutil.copytree(DEFAULT_ROOT, root)
    (root / "matters.yaml").write_text("# " + "x" * (MAX_BYTES + 10) + "\nmatters: []\n", encoding="utf-8")
    with pytest.raises(CatalogError) as exc:
        load_catalog(root)
    assert "文件过大" in str(exc.value)


def test_wrong_types_in_catalog(tmp_path):
    root = tmp_path / "catalog"
    shutil.copytree(DEFAULT_ROOT, root)
    (root / "batches.yaml").write_text("assumptions: {a: 1}\nbatches: 7\n", encoding="utf-8")
    with pytest.raises(CatalogError) as exc:
        load_catalog(root)
    keys = {(p.file.rsplit("/", 1)[-1], p.key) for p in exc.value.problems}
    assert {("batches.yaml", "assumptions"), ("batches.yaml", "batches")} <= keys, keys
    assert any("应为列表" in p.message for p in exc.value.problems)


@settings(max_examples=80, **SETTINGS)
@given(body=st.binary(max_size=300), header=st.sampled_from([b"id,text,place,reported_by\n", b"\xe7\xbc\x96\xe5\x8f\xb7,\n", b""]))
def test_csv_and_xlsx_files_of_random_bytes(router, tmp_path_factory, body, header):
    folder = tmp_path_factory.mktemp("fzcsv")
    for name in ("cases.csv", "cases.xlsx"):
        path = folder / name
        path.write_bytes(header + body)
        try:
            rows = list(read_cases(str(path)))
        except ZhifaError as exc:
            assert _chinese(str(exc))
            continue
        for _, item in rows:
            _check(router.route_safe(item))


def test_lone_surrogates_on_the_command_line_and_in_json_lines(capsys, router, tmp_path):
    # Bytes that are not UTF-8 in argv arrive as lone surrogates; "\ud800" in JSON does too.
    code = main(["route", "--matter", "SR-05", "--place", "岳村镇", "--by", "城管局", "--at", "\ud800"])
    err = capsys.readouterr().err
    assert code == EXIT_INPUT and "无法识别的时间" in err
    code = main(["route", "坏\udcff字", "--place", "岳村镇", "--by", "城管局"])
    assert code == EXIT_INPUT and "不是有效的 UTF-8" in capsys.readouterr().err
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    src.write_text('{"id": "\\ud800", "matter": "SR-05", "place": "岳村镇", "reported_by": "城管局"}\n'
                   '{"matter": "\\udcff", "place": "岳村镇", "reported_by": "城管局"}\n', encoding="utf-8")
    from router.decide.batch import run_batch
    summary = run_batch(str(src), str(out), router=router)
    rows = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert summary.failed == 2 and [r["row"] for r in rows] == [1, 2]
    assert all(_chinese(r["error"]) for r in rows)
