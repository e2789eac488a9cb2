"""`zhifa catalog check` beyond the strict loader: notices (never errors) for matters no case
reaches, matching cues that overlap, bodies with nothing delegated, assumptions and unverified
facts still in the data, and windows that leave a matter back with its department by a slip."""
from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from cli import EXIT_CATALOG, EXIT_OK, main
from router.catalog.load import load_catalog
from router.decide.jurisdiction import Jurisdiction
from router.files.locations import shipped
from router.policy.lint import (
    check_catalog,
    lint,
    matching_overlaps,
    unreached_matters,
    window_gaps,
)

DEFAULT_ROOT = shipped("catalog")

AS_OF = date(2026, 3, 1)


@pytest.fixture()
def root(tmp_path) -> Path:
    dst = tmp_path / "catalog"
    shutil.copytree(DEFAULT_ROOT, dst)
    return dst


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_shipped_catalog_has_notices_and_no_errors(capsys):
    report = check_catalog(DEFAULT_ROOT, as_of=AS_OF)
    assert report.ok and report.notices
    assert all(p.severity == "notice" for p in report.notices)
    code = main(["catalog", "check"])
    out = capsys.readouterr().out.replace("\n", "")
    assert code == EXIT_OK and "检查通过" in out and "提示" in out and "不影响使用" in out


def test_errors_still_fail_with_exit_3_and_notices_do_not(root, capsys):
    edit(root / "batches.yaml", 'effective: "2026-01-01"', 'effective: "2026-02-30"')
    code = main(["catalog", "check", "--catalog", str(root)])
    out = capsys.readouterr().out
    assert code == EXIT_CATALOG and "2026-02-30" in out and "提示" not in out


def test_matters_no_fixture_reaches(tmp_path):
    cases = tmp_path / "cases"
    cases.mkdir()
    (cases / "one.yaml").write_text(
        "- name: 岳村镇占道经营由岳村镇处理\n  input: {matter: SR-05, place: 岳村镇, reported_by: 岳村镇, at: '2025-06-01'}\n"
        "  expect: {decisions: {SR-05: {action: handle}}}\n"
        "- name: 文字描述\n  input: {text: 秸秆, place: 岳村镇, reported_by: 岳村镇}\n  expect: {matters: [NY-02]}\n",
        encoding="utf-8")
    cat = load_catalog(DEFAULT_ROOT)
    notes = unreached_matters(cat, cases)
    unreached = {p.entry.split("（")[0] for p in notes}
    assert unreached == set(cat.matters) - {"SR-05", "NY-02"}
    assert all("没有任何案例" in p.message for p in notes)
    (cases / "broken.yaml").write_text("- {name: x}\n", encoding="utf-8")
    skipped = unreached_matters(cat, cases)
    assert len(skipped) == 1 and "跳过" in skipped[0].message


def test_overlapping_matching_cues_are_reported_and_a_missing_file_is_skipped(root):
    (root / "matching.yaml").write_text(
        "matters:\n"
        "  SR-05: {keywords: [占道经营, 摆摊, 出店经营], combos: ['【城市道路】+【摆摊】']}\n"
        "  DL-01: {keywords: [占道经营, 摆摊, 挖路], combos: ['【摆摊】 + 【城市道路】']}\n"
        "  JT-01: {keywords: [挖公路]}\n"
        "families: {道路: [SR-05, JT-01]}\n", encoding="utf-8")
    cat = load_catalog(root)
    notes = matching_overlaps(cat)
    assert [p.entry for p in notes] == ["DL-01 / SR-05"]
    assert "3 条相同" in notes[0].message and "不在同一易混类别" in notes[0].message
    (root / "matching.yaml").write_text("- just a list\n", encoding="utf-8")
    assert "跳过" in matching_overlaps(cat)[0].message
    (root / "matching.yaml").unlink()
    assert matching_overlaps(cat) == []
    # And catalog check still runs the other checks (the matcher's own error is an error).
    report = check_catalog(root, as_of=AS_OF)
    assert report.errors and report.notices


def test_bodies_with_nothing_delegated(root):
    edit(root / "batches.yaml", "bodies: [中原路街道, 胜利路街道, 建设路街道,", "bodies: [胜利路街道, 建设路街道,")
    notes = [p for p in lint(load_catalog(root), as_of=AS_OF) if p.entry == "中原路街道"]
    assert len(notes) == 1 and "没有任何批次向中原路街道办事处下放事项" in notes[0].message
    later = [p for p in lint(load_catalog(DEFAULT_ROOT), as_of=date(2025, 6, 1)) if p.entry == "中原路街道"]
    assert "2025-06-01 没有有效的下放批次" in later[0].message


def test_assumptions_and_unverified_facts_are_listed(root):
    notes = lint(load_catalog(DEFAULT_ROOT), as_of=AS_OF)
    text = "\n".join(str(p) for p in notes)
    assert "推定 A1：仍为推定（批次 HL-2023、批次 HN-2025-TOWNSHIPS 依赖）" in text
    assert "推定 A5：仍为推定（批次 HL-2023 的 open_cases.ends 依赖）" in text
    assert "推定 A6：仍为推定（GH-01" in text
    assert "3 个事项的法律依据未核对（basis_checked: false）：SL-01、SL-02、XF-07" in text
    assert "个部门名称未在公开资料中核实" in text
    edit(root / "batches.yaml", "  - id: A6\n", "  - id: A7\n    text: 无人引用的推定。\n  - id: A6\n")
    unused = [p for p in lint(load_catalog(root), as_of=AS_OF) if p.entry == "推定 A7"]
    assert "未被任何批次、事项或程序引用" in unused[0].message


def test_a_window_that_ends_the_day_before_the_next_one_starts(root):
    # The classic slip with half-open windows: “until 2025-12-31” written as ends: 2025-12-31.
    edit(root / "batches.yaml", 'ends: "2026-01-01"', 'ends: "2025-12-31"')
    cat = load_catalog(root)
    gaps = window_gaps(cat)
    assert [p.entry for p in gaps] == ["批次 HL-2023 → HN-2025-TOWNSHIPS"]
    message = gaps[0].message
    for text in ("NY-01", "JT-01", "1 天（2025-12-31 至 2025-12-31）", "ends 应为 2026-01-01"):
        assert text in message, text
    assert Jurisdiction().holder_on(cat, "JT-01", cat.townships["岳村镇"], date(2025, 12, 31)).body == "华龙区交通运输局"
    assert window_gaps(load_catalog(DEFAULT_ROOT)) == []


def test_calendar_notices_appear_in_the_check(root, capsys):
    edit(root / "calendar" / "2026.yaml", '{date: "2026-10-10", for: 国庆节}', '{date: "2026-10-17", for: 国庆节}')
    code = main(["catalog", "check", "--catalog", str(root)])
    out = capsys.readouterr().out.replace("\n", "")
    assert code == EXIT_OK and "与 chinesecalendar 不一致" in out


# ---- at scale: the overlap index, and notices grouped for the terminal -----------------------
def _all_pairs_overlaps(cues: dict[str, set[str]], families: dict[str, set[str]]) -> list[tuple[str, str, int, int, bool]]:
    """The check as first written (every pair compared), as the reference for the index."""
    import itertools
    out = []
    for a, b in itertools.combinations(sorted(cues), 2):
        shared = cues[a] & cues[b]
        smaller = min(len(cues[a]), len(cues[b])) or 1
        if len(shared) < 2 or len(shared) / smaller < 0.5:
            continue
        out.append((a, b, len(shared), round(100 * len(shared) / smaller),
                    bool(families.get(a, set()) & families.get(b, set()))))
    return out


def _random_matching(root: Path, seed: int, vocabulary: int = 12) -> tuple[dict, dict]:
    import random
    rng = random.Random(seed)
    ids = sorted(load_catalog(DEFAULT_ROOT).matters)
    words = [f"词{i}" for i in range(vocabulary)]
    cues, body = {}, {}
    for mid in ids:
        kw = rng.sample(words, rng.randint(0, 4))
        combos = [f"{a}+{b}" for a, b in (rng.sample(words, 2) for _ in range(rng.randint(0, 2)))]
        body[mid] = {"keywords": kw, "combos": combos}
        cues[mid] = set(kw) | {"+".join(sorted(c.split("+"))) for c in combos}
    fam = {"甲": rng.sample(ids, 10), "乙": rng.sample(ids, 10)}
    families: dict[str, set[str]] = {}
    for name, members in fam.items():
        for m in members:
            families.setdefault(m, set()).add(name)
    import yaml
    (root / "matching.yaml").write_text(yaml.safe_dump({"matters": body, "families": fam}, allow_unicode=True),
                                        encoding="utf-8")
    return cues, families


@pytest.mark.parametrize("seed", range(5))
def test_overlaps_found_through_the_index_are_those_of_every_pair(root, seed):
    cues, families = _random_matching(root, seed)
    want = _all_pairs_overlaps(cues, families)
    got = matching_overlaps(load_catalog(root))
    assert len(want) > 20
    assert [p.entry for p in got] == [f"{a} / {b}" for a, b, *_ in want]
    for p, (_, _, n, pct, same_family) in zip(got, want):
        assert f"{n} 条相同" in p.message and f"{pct}%" in p.message
        assert ("同属易混类别" in p.message) == same_family


def test_many_notices_are_grouped_with_counts_and_all_and_json_give_every_one(root, capsys):
    import json

    import yaml

    from cli import NOTICE_EXAMPLES
    data = yaml.safe_load((root / "matching.yaml").read_text(encoding="utf-8"))
    shared = [f"共同线索{i}" for i in range(60)]
    for body in list(data["matters"].values())[:40]:  # 780 pairs of matters sharing 60 cues
        body["keywords"] = list(body.get("keywords") or []) + shared
    (root / "matching.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    report = check_catalog(root, fixtures_dir=Path(__file__).parent / "cases")  # as the CLI, run from the project
    overlaps = [p for p in report.notices if p.entry and " / " in p.entry]
    assert report.ok and len(overlaps) > 3 * NOTICE_EXAMPLES
    groups = {kind: notices for kind, _, notices in report.notice_groups()}
    assert sum(len(n) for n in groups.values()) == len(report.notices)
    assert len(groups["overlap"]) + len(groups["overlap_family"]) == len(overlaps)

    assert main(["catalog", "check", "--catalog", str(root)]) == EXIT_OK
    short = capsys.readouterr().out
    shown = [p for p in overlaps if str(p) in short.replace("\n", "")]
    assert 0 < len(shown) <= 2 * NOTICE_EXAMPLES
    assert f"{len(groups['overlap'])} 条" in short and "未列出" in short and "--all" in short
    assert f"另有 {len(report.notices)} 条提示，不影响使用" in short.replace("\n", "")
    for kind in ("honesty", "unreached"):  # the small kinds are listed whole
        assert all(str(p) in short.replace("\n", "") for p in groups[kind])

    assert main(["catalog", "check", "--catalog", str(root), "--all"]) == EXIT_OK
    full = capsys.readouterr().out
    assert all(str(p) in full for p in report.notices) and "未列出" not in full

    assert main(["catalog", "check", "--catalog", str(root), "--json"]) == EXIT_OK
    data = json.loads(capsys.readouterr().out)
    assert data["ok"] is True and data["errors"] == []
    assert [(n["file"], n["entry"], n["key"], n["message"]) for n in data["notices"]] == \
        [(p.file, p.entry, p.key, p.message) for p in report.notices]
    assert {k["kind"]: k["count"] for k in data["notice_kinds"]} == {k: len(v) for k, v in groups.items()}


def test_errors_are_never_shortened(root, capsys):
    import json

    from cli import NOTICE_EXAMPLES
    text = (root / "matters.yaml").read_text(encoding="utf-8")
    (root / "matters.yaml").write_text(text.replace("basis_checked: true", "basis_checked: 是")
                                       .replace("basis_checked: false", "basis_checked: 否"), encoding="utf-8")
    errors = check_catalog(root).errors
    assert len(errors) > 3 * NOTICE_EXAMPLES
    assert main(["catalog", "check", "--catalog", str(root)]) == EXIT_CATALOG
    out = capsys.readouterr().out
    assert all(str(p) in out for p in errors) and f"共 {len(errors)} 处错误" in out and "未列出" not in out
    assert main(["catalog", "check", "--catalog", str(root), "--json"]) == EXIT_CATALOG
    data = json.loads(capsys.readouterr().out)
    assert data["ok"] is False and len(data["errors"]) == len(errors)


def test_cues_swallowed_by_a_comment_are_an_error(root, capsys):
    """YAML ignores the rest of a line after " #": cues written after a comment inside a list of
    matching.yaml are silently lost (two tuning rounds lost cues that way); catalog check says so."""
    assert check_catalog(root).errors == []
    path = root / "matching.yaml"
    text = path.read_text(encoding="utf-8")
    marker = text[text.index("\n  SR-05:") + 1:]
    marker = marker[:marker.index("\n") + 1]        # "  SR-05:  # 街道两侧…\n"
    path.write_text(text.replace(marker, marker + "    weak: [占道摆摊的摊子,   # 说明, 推着小车, 小推车\n"
                                 "           卖煎饼]\n", 1), encoding="utf-8")
    errors = check_catalog(root).errors
    assert [e.entry for e in errors if "注释" in e.message] == [
        f"第 {text[:text.index(marker)].count(chr(10)) + 2} 行"]
    assert main(["catalog", "check", "--catalog", str(root)]) == EXIT_CATALOG
    assert "像是被注释掉的线索" in capsys.readouterr().out
    # a comment in Chinese punctuation, or after the list is closed, is fine
    path.write_text(text.replace(marker, marker + "    weak: [摊子,   # 说明，推着小车\n"
                                 "           卖煎饼]  # 行尾, 列表外\n", 1), encoding="utf-8")
    assert not [e for e in check_catalog(root).errors if "注释" in e.message]


def test_a_typo_entry_that_rewrites_a_word_of_the_vocabulary_is_noticed(root):
    """A description is rewritten by the typo table before its words are looked up: an entry
    inside a longer word of the vocabulary turns that word into one the vocabulary lacks, and
    the word is never found as written (round 64 met 土卖 → 土埋 turning 挖土卖 into 挖土埋)."""
    def typo_notices(r):
        return [p for p, kind in check_catalog(r, as_of=AS_OF).kind_of.items() if kind == "typo"]

    before = {p.message for p in typo_notices(root)}
    edit(root / "matching.yaml", "keywords: [挖掘公路, ", "keywords: [挖掘公路, 刨路卖砖, ")
    assert {p.message for p in typo_notices(root)} == before      # a new word, no entry inside it
    edit(root / "matching.yaml", "typos:\n", "typos:\n  卖砖: 买砖\n")
    new = [p for p in typo_notices(root) if p.message not in before]
    assert len(new) == 1 and new[0].key == "卖砖" and new[0].entry == "typos"
    assert "“卖砖”→“买砖”" in new[0].message and "刨路卖砖（成了“刨路买砖”）" in new[0].message
    assert check_catalog(root, as_of=AS_OF).ok                   # a notice, not an error



def test_a_regex_searched_in_every_description_is_noticed(root):
    """A `re:` word with no few characters that every match has is searched in every description
    (round 67 wrote one, a wide alternation, and only a test about compiling saw it): `catalog
    check` names it, as a notice; the shipped catalog has none."""
    def regex_notices(r):
        return [p for p, kind in check_catalog(r, as_of=AS_OF).kind_of.items() if kind == "regex"]

    assert regex_notices(root) == []
    edit(root / "matching.yaml", "keywords: [挖掘公路, ", 'keywords: [挖掘公路, "re:路边[甲乙]", ')
    assert regex_notices(root) == []                               # 路 and 边 are in every match
    edit(root / "matching.yaml", "keywords: [挖掘公路, ", 'keywords: [挖掘公路, "re:[一-龥]{2,4}挖?", ')
    (notice,) = regex_notices(root)
    assert notice.key == "re:[一-龥]{2,4}挖?" and "每段描述都查找一遍" in notice.message
    assert check_catalog(root, as_of=AS_OF).ok                   # a notice, not an error
