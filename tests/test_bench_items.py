"""bench/items.py cmp: the per-item check of a tuning round (won / lost between two signatures)."""
import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _items():
    spec = importlib.util.spec_from_file_location("bench_items", ROOT / "bench" / "items.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_another_body_named_beside_the_competent_one_counts_as_lost(tmp_path, capsys):
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    # [right, competent named, multi tp, multi fp, another body named]
    a.write_text(json.dumps({"x:0": [1, 1, 0, 0, 0], "x:1": [1, 1, 0, 0, 1], "x:2": [1, 0, 0, 0, 0],
                             "x:3": [1, 1, 0, 0]}))
    b.write_text(json.dumps({"x:0": [1, 1, 0, 0, 1],     # another body now named too: lost
                             "x:1": [1, 1, 0, 0, 0],     # no longer: won
                             "x:2": [1, 1, 0, 0, 1],     # the competent body now named (with another): won
                             "x:3": [1, 1, 0, 0, 1]}))   # a four-value signature: not compared
    _items().cmp(str(a), str(b), [])
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "items 4  WON 2  LOST 1"
    assert "LOST x:0 " in out


def test_misses_refuses_a_frozen_set_before_reading_it():
    with pytest.raises(SystemExit, match="frozen"):
        _items().misses(str(ROOT), [str(ROOT / "tests" / "matching" / "unseen60.yaml")])


def test_misses_says_why_an_in_catalog_text_found_nothing(tmp_path, capsys, monkeypatch):
    """Texts labelled in the catalog on purpose: one routed rightly (no line), one naming nothing, one
    naming only a topic outside the catalog."""
    monkeypatch.setenv("ZHIFA_NO_CACHE", "1")
    path = tmp_path / "tiny.yaml"
    path.write_text("- text: 国道边上摆摊卖西瓜\n  expect: [JT-03]\n"        # right: no line
                    "- text: 今天天气不错\n  expect: [SR-05]\n"              # nothing found
                    "- text: 城管打人了\n  expect: [SR-05]\n", encoding="utf-8")   # a topic outside
    _items().misses(str(ROOT), [str(path)])
    nothing, topic = (json.loads(line) for line in capsys.readouterr().out.splitlines())
    assert nothing["text"] == "今天天气不错" and nothing["status"] == "no_fit" and nothing["why"] == "nothing"
    assert topic["why"] == "topic" and "执法人员投诉" in topic["topics"]


def test_the_fresh_sets_are_left_out_of_a_signature_and_refused_by_misses():
    items = _items()
    assert items.NOT_YET, "the next session's fresh sets are named"
    default = {p.stem for p in items._paths([])}
    assert default.isdisjoint(items.NOT_YET)
    assert default and default <= {p.stem for p in items.tuning_sets()}
    with pytest.raises(SystemExit, match="fresh"):
        items.misses(str(ROOT), [str(ROOT / "tests" / "matching" / f"{items.NOT_YET[0]}.yaml")])


def test_figcmp_counts_each_figure_in_its_own_direction(tmp_path):
    spec = importlib.util.spec_from_file_location("figcmp", ROOT / "tests" / "matching" / "briefs" / "figcmp.py")
    figcmp = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(figcmp)
    head = "s1         n= 500 top1  {t} multiR  90.0 multiP  97.0 short  92.1 vague  81.0 "
    tail = "unrouted   {u} comp  80.5 ({c}/77) other  10.4 ({o}) med 0.36 p99 8.73 {m}"
    start = head.format(t="93.5") + "ooc   8.3 (12/145) " + tail.format(u="5.9", c=62, o=9, m="miss 2 (top1, ooc)")
    final = head.format(t="93.1") + "ooc   7.6 (11/145) " + tail.format(u="5.1", c=63, o=9, m="MEETS")
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(start + "\n", encoding="utf-8")
    b.write_text(final + "\n", encoding="utf-8")
    out = figcmp.compare(figcmp.parse(a), figcmp.parse(b))
    # top-1 fell; fewer out-of-catalog routed, fewer not routed, one more competent body: three rose
    assert out == ["1 sets; meets start 0 final 1", "DOWN s1 top1 93.5 -> 93.1", "MEETS CHANGED s1 False -> True",
                   "figures up 3 down 1",
                   "top1: higher on 0, lower on 1 of 1 sets; mean 93.500 -> 93.100",
                   "multiR: higher on 0, lower on 0 of 1 sets; mean 90.000 -> 90.000",
                   "short: higher on 0, lower on 0 of 1 sets; mean 92.100 -> 92.100",
                   "vague: higher on 0, lower on 0 of 1 sets; mean 81.000 -> 81.000",
                   "ooc 12 -> 11 of 145", "comp 62 -> 63 of 77"]


def test_conflicts_finds_one_text_labelled_two_ways_in_the_tuning_sets_only(tmp_path, monkeypatch):
    """Written so that each kind occurs once; a frozen set and a fresh one label a text too, and
    are never read (their labels would make a conflict of their own)."""
    items = _items()
    monkeypatch.setattr(items, "NOT_YET", ("dev9",))
    (tmp_path / "dev1.yaml").write_text(
        "- text: 噪音扰民\n  expect_any: [ZS-01, ZS-02]\n"
        "- text: 路灯不亮\n  expect: []\n  competent: 城市管理部门\n"
        "- text: 电梯坏了\n  expect: []\n  competent: 物业服务企业\n"
        "- text: 乱倒垃圾\n  expect_any: [SR-01, SR-03]\n"
        "- text: 门口摆摊\n  expect: [SR-05]\n", encoding="utf-8")
    (tmp_path / "dev2.yaml").write_text(
        "- text: 噪音扰民！\n  expect: []\n  competent: 公安机关\n"   # punctuation does not count
        "- text: 路灯不亮\n  expect: []\n  competent: null\n"            # left open: no conflict
        "- text: 电梯坏了\n  expect: []\n  competent: 市场监督管理部门\n"
        "- text: 乱倒垃圾\n  expect: [SR-03]\n"
        "- text: 门口摆摊\n  expect: [DL-01]\n"
        "- text: 饭店没执照\n  expect: []\n  competent: 市场监管部门\n", encoding="utf-8")   # one body, two names
    (tmp_path / "dev3.yaml").write_text(
        "- text: 饭店没执照\n  expect: []\n  competent: 市场监督管理部门\n", encoding="utf-8")
    for frozen in ("unseen1.yaml", "holdout.yaml", "dev9.yaml"):
        (tmp_path / frozen).write_text("- text: 路灯不亮\n  expect: [SR-05]\n", encoding="utf-8")
    found = {c["text"]: c for c in items.conflicts(tmp_path)}
    assert {t: c["kind"] for t, c in found.items()} == {
        "噪音扰民": "in/out", "门口摆摊": "matter", "乱倒垃圾": "family", "电梯坏了": "body"}
    assert found["噪音扰民"]["labels"] == {"any of ZS-01/ZS-02": ["dev1"], "out (公安机关)": ["dev2"]}
    assert [c["kind"] for c in items.conflicts(tmp_path)] == list(items.CONFLICT_KINDS)


def test_relabel_rewrites_the_label_of_a_decided_text_and_nothing_else(tmp_path):
    """A block item and a flow item of a decided text get the decided label (and its tags); the
    comments, the other items and the text as written stay as they were."""
    items = _items()
    decided = {"噪音扰民": {"expect_any": ["ZS-01", "ZS-02", "ZS-03"], "family": "ZS"},
               "水库电鱼": {"expect": [], "competent": "农业农村部门"}}
    source = ("# a header line\n"
              "- text: 噪音扰民！\n"
              "  expect: []\n"
              "  competent: null\n"
              "  tags: [short, nofit, noise]\n"
              "# ---- block 2 ---- 其他\n"
              "- {text: \"水库 电鱼\", expect: [SL-02], tags: [short, \"family:water\"]}  # 早期标注\n"
              "- text: 国道边上摆摊卖西瓜\n"
              "  expect: [JT-03]\n"
              "  tags: [dialect]\n")
    new, n = items._relabel_text(source, decided)
    assert n == 2
    assert new == ("# a header line\n"
                   "- text: 噪音扰民！\n"
                   "  expect_any: [ZS-01, ZS-02, ZS-03]\n"
                   "  tags: [short, vague, family:ZS]\n"
                   "# ---- block 2 ---- 其他\n"
                   "- {text: \"水库 电鱼\", expect: [], competent: 农业农村部门, tags: [short, nofit]}  # 早期标注\n"
                   "- text: 国道边上摆摊卖西瓜\n"
                   "  expect: [JT-03]\n"
                   "  tags: [dialect]\n")
    # a second pass changes nothing: the labels are the decided ones
    assert items._relabel_text(new, decided) == (new, 0)


def test_the_tuning_sets_carry_the_decided_labels():
    """Every tuning item whose text tests/matching/briefs/decisions.yaml decides has the decided
    label (`python bench/items.py relabel` gives it; a fresh set is relabelled when it becomes a
    tuning set), so no decided text is labelled two ways again."""
    items = _items()
    assert items.relabel(check=True) == []


def test_every_decided_label_names_matters_of_the_catalog():
    import yaml
    data = yaml.safe_load((ROOT / "catalog" / "matters.yaml").read_text(encoding="utf-8"))
    known = {m["id"] for m in data["matters"]}
    labels = list(_items().decisions().values())
    assert labels
    for label in labels:
        assert set(label.get("expect", label.get("expect_any"))) <= known
