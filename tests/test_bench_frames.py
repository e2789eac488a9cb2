"""bench/frames.py: how many right-routed descriptions a frame (an opening, a closing, commas left
out) makes go wrong."""
import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def frames():
    spec = importlib.util.spec_from_file_location("bench_frames", ROOT / "bench" / "frames.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def matcher():
    os.environ["ZHIFA_NO_CACHE"] = "1"
    from router.catalog.load import load_catalog
    return load_catalog(ROOT / "catalog").matcher


def test_frames_are_put_on_the_text(frames):
    assert frames.apply("网格员上报：{}", "路边烧秸秆") == "网格员上报：路边烧秸秆"
    assert frames.apply("{}，谢谢！", "路边烧秸秆") == "路边烧秸秆，谢谢！"
    assert frames.apply("你好，", "路边烧秸秆") == "你好，路边烧秸秆"          # no {}: an opening
    assert frames.apply("nocommas", "路边有人烧秸秆，烟很大，呛人") == "路边有人烧秸秆烟很大呛人"
    assert frames.apply("spaces", "路边有人烧秸秆，烟很大") == "路边有人烧秸秆 烟很大"
    assert frames.apply("nopunct", "路边有人烧秸秆，烟很大。") == "路边有人烧秸秆烟很大。"


def test_only_the_right_routed_texts_are_kept_and_each_break_is_counted_by_how(frames, matcher):
    rows = [("a:0", "小区楼下两个人吵架", ()),                   # out of the catalog, routed right
            ("a:1", "楼下烧烤摊油烟呛人", ("DQ-01",)),           # routed right
            ("a:2", "国道边上摆摊卖西瓜，占了半条道", ("JT-03",)),  # routed right
            ("a:3", "今天天气不错", ("SR-05",))]                  # wrong already: not kept
    res = frames.measure(matcher, rows, ["{}，还在地里焚烧秸秆", "你好，{}", "nocommas"], examples=5)
    assert (res["sample"], res["kept"]) == (4, 3)
    straw, hello, nocommas = res["frames"]
    # the straw burning said after it routes the quarrel and comes first before the barbecue
    assert (straw["broke"], straw["routed"], straw["other"], straw["none"]) == (2, 1, 1, 0)
    assert straw["keys"] == ["a:0", "a:1"]
    assert straw["examples"][0] == {"key": "a:0", "text": "小区楼下两个人吵架，还在地里焚烧秸秆",
                                    "expect": "out", "got": "NY-02"}
    assert hello["broke"] == 0 and nocommas["broke"] == 0


def test_the_sample_reads_only_the_tuning_sets_the_rounds_tune_on(frames):
    import items
    allowed = {p.stem for p in items._paths([])}
    rows = frames.sample(300, 7)
    assert len(rows) == 300 and rows == frames.sample(300, 7)
    assert {key.split(":")[0] for key, _, _ in rows} <= allowed
    assert all(len(expect) <= 1 for _, _, expect in rows)
    assert not allowed & set(items.NOT_YET)
    assert not any(s.startswith(("unseen", "holdout")) for s in allowed)


def test_the_command_measures_a_tree_and_two_runs_compare(tmp_path):
    env = {**os.environ, "ZHIFA_NO_CACHE": "1"}
    cmd = [sys.executable, str(ROOT / "bench" / "frames.py"), "--tree", str(ROOT), "--n", "40", "--json",
           "--frame", "{}，还在地里焚烧秸秆", "--frame", "nocommas"]
    out = subprocess.run(cmd, capture_output=True, text=True, env=env, check=True).stdout
    res = json.loads(out)
    assert res["sample"] == 40 and 0 < res["kept"] <= 40
    straw = res["frames"][0]
    assert straw["frame"] == "{}，还在地里焚烧秸秆" and straw["broke"] > 0
    assert straw["broke"] == straw["other"] + straw["none"] + straw["routed"] == len(straw["keys"])
    (tmp_path / "a.json").write_text(out, encoding="utf-8")
    b = dict(res, frames=[dict(straw, keys=straw["keys"][1:], broke=straw["broke"] - 1), res["frames"][1]])
    (tmp_path / "b.json").write_text(json.dumps(b), encoding="utf-8")
    shown = subprocess.run([sys.executable, str(ROOT / "bench" / "frames.py"), "cmp", str(tmp_path / "a.json"),
                            str(tmp_path / "b.json")], capture_output=True, text=True, check=True).stdout
    assert f"{straw['broke']:5d} → {straw['broke'] - 1:5d}  {{}}，还在地里焚烧秸秆   (mended 1, newly broken 0)" in shown
