"""Fixture cases written as data (tests/cases/*.yaml) and the one generic runner for them.

A fixture is a case a clerk could write: a sentence-long `name` stating the expectation, the
`input` (the same fields as `zhifa route`), and the `expect`ed decision. Only what `expect`
names is compared; lists of kinds (escalations, duties) are compared as exact sets.
"""
from __future__ import annotations

from dataclasses import field
from datetime import datetime
from pathlib import Path
from typing import Any, Iterable

from router.files.yamlio import load_file
from router.model.errors import CatalogError, InputError, Problem, ZhifaError
from router.model.lazydc import dataclass

CASE_KEYS = {"name", "clause", "input", "expect"}
EXPECT_KEYS = {"status", "matters", "decisions", "escalations", "warnings_contain", "warnings_absent",
               "error_contains"}
DECISION_KEYS = {"jurisdiction", "action", "referral", "escalations", "duties", "notices_contain"}
# A fixed "now" so fixtures without `at` are still reproducible.
FIXTURE_NOW = "2026-03-02T10:00:00+08:00"


@dataclass(frozen=True)
class Fixture:
    file: str
    index: int
    name: str
    clause: tuple[str, ...]
    input: dict
    expect: dict


@dataclass
class Outcome:
    fixture: Fixture
    ok: bool
    mismatches: list[str] = field(default_factory=list)  # Chinese, in the clerk's terms
    actual: dict | None = None


def load_fixtures(paths: Iterable[str | Path]) -> list[Fixture]:
    """The fixture cases in `paths` (YAML files, or folders of them)."""
    files: list[Path] = []
    for p in paths:
        p = Path(p)
        files.extend(sorted(p.glob("*.yaml")) if p.is_dir() else [p])
    problems: list[Problem] = []
    out: list[Fixture] = []
    for path in files:
        try:
            doc = load_file(path)
        except CatalogError as exc:
            problems.extend(exc.problems)
            continue
        if not isinstance(doc, list):
            problems.append(Problem(str(path), None, None, "文件顶层应为案例列表"))
            continue
        for i, raw in enumerate(doc):
            entry = f"[{i}]"
            if not isinstance(raw, dict):
                problems.append(Problem(str(path), entry, None, "每个案例应为映射"))
                continue
            entry = f"[{i}]（{raw.get('name', '?')}）"
            bad = [k for k in raw if k not in CASE_KEYS]
            for k in bad:
                problems.append(Problem(str(path), entry, str(k), f"未知的键；可用：{', '.join(sorted(CASE_KEYS))}"))
            for k in ("name", "input", "expect"):
                if k not in raw:
                    problems.append(Problem(str(path), entry, k, "缺少必填的键"))
            if bad or not {"name", "input", "expect"} <= raw.keys():
                continue
            if not isinstance(raw["input"], dict) or not isinstance(raw["expect"], dict):
                problems.append(Problem(str(path), entry, "input/expect", "应为映射"))
                continue
            for k in raw["expect"]:
                if k not in EXPECT_KEYS:
                    problems.append(Problem(str(path), entry, f"expect.{k}",
                                            f"未知的键；可用：{', '.join(sorted(EXPECT_KEYS))}"))
            for m, d in (raw["expect"].get("decisions") or {}).items():
                for k in (d or {}):
                    if k not in DECISION_KEYS:
                        problems.append(Problem(str(path), entry, f"expect.decisions.{m}.{k}",
                                                f"未知的键；可用：{', '.join(sorted(DECISION_KEYS))}"))
            clause = raw.get("clause", [])
            clause = (clause,) if isinstance(clause, str) else tuple(clause)
            out.append(Fixture(str(path), i, str(raw["name"]), clause, raw["input"], raw["expect"]))
    if problems:
        raise CatalogError(problems)
    return out


def run_fixture(router, fx: Fixture) -> Outcome:
    now = datetime.fromisoformat(FIXTURE_NOW)
    exp = fx.expect
    try:
        actual = router.route(dict(fx.input), now=now, explain=True)
    except InputError as exc:
        if "error_contains" in exp and exp["error_contains"] in str(exc):
            return Outcome(fx, True, actual={"error": str(exc)})
        return Outcome(fx, False, [f"输入被拒绝：{exc}"], {"error": str(exc)})
    except ZhifaError as exc:
        return Outcome(fx, False, [f"路由失败：{exc}"], {"error": str(exc)})
    if "error_contains" in exp:
        return Outcome(fx, False, [f"应报错（含“{exp['error_contains']}”），实际未报错"], actual)
    miss: list[str] = []
    if "status" in exp and exp["status"] != actual["status"]:
        miss.append(f"匹配状态：应为 {exp['status']}，实际为 {actual['status']}")
    if "matters" in exp:
        got = [m["id"] for m in actual["matters"]]
        if sorted(exp["matters"]) != sorted(got):
            miss.append(f"事项：应为 {exp['matters']}，实际为 {got}")
    decisions = {d["matter"]: d for d in actual["decisions"]}
    for mid, want in (exp.get("decisions") or {}).items():
        got = decisions.get(mid)
        if got is None:
            miss.append(f"{mid}：没有这个事项的决定（实际事项：{list(decisions)}）")
            continue
        miss.extend(_compare_decision(mid, want or {}, got))
    if "escalations" in exp:  # case-level: when no matter matched
        miss.extend(_compare_kinds("（案件）", "上报事项", exp["escalations"], actual.get("escalations", [])))
    for text in exp.get("warnings_contain") or []:
        if not any(text in w for w in actual["warnings"]):
            miss.append(f"提示中应含“{text}”，实际提示：{actual['warnings']}")
    for text in exp.get("warnings_absent") or []:
        if any(text in w for w in actual["warnings"]):
            miss.append(f"提示中不应含“{text}”")
    return Outcome(fx, not miss, miss, actual)


def _compare_decision(mid: str, want: dict, got: dict) -> list[str]:
    miss = []
    for key, value in (want.get("jurisdiction") or {}).items():
        if got["jurisdiction"].get(key) != value:
            miss.append(f"{mid} 管辖 {key}：应为 {value}，实际为 {got['jurisdiction'].get(key)}")
    if "action" in want and want["action"] != got["action"]:
        miss.append(f"{mid} 处理方式：应为 {want['action']}，实际为 {got['action']}")
    if "referral" in want:
        w, g = want["referral"], got["referral"]
        if w is None or g is None:
            if w != g:
                miss.append(f"{mid} 移送：应为 {w}，实际为 {_short(g)}")
        else:
            for key, value in w.items():
                actual = g.get(key)
                if key == "materials":
                    if not all(any(v in a for a in actual) for v in value):
                        miss.append(f"{mid} 移送材料应含 {value}，实际为 {actual}")
                elif actual != value:
                    miss.append(f"{mid} 移送 {key}：应为 {value}，实际为 {actual}")
    if "escalations" in want:
        miss.extend(_compare_kinds(mid, "上报事项", want["escalations"], got["escalations"]))
    if "duties" in want:
        miss.extend(_compare_kinds(mid, "告知、登记、反馈义务", want["duties"], got["duties"]))
    for text in want.get("notices_contain") or []:
        if not any(text in n for n in got["notices"]):
            miss.append(f"{mid} 说明中应含“{text}”，实际为 {got['notices']}")
    return miss


def _compare_kinds(mid: str, label: str, wanted: Any, got: list[dict]) -> list[str]:
    """A list of kinds (compared as a set), or a mapping kind -> fields to compare (to, cc,
    deadline, due…)."""
    miss = []
    got_by_kind = {e["kind"]: e for e in got}
    if sorted(wanted) != sorted(got_by_kind):
        miss.append(f"{mid} {label}：应为 {sorted(wanted)}，实际为 {sorted(got_by_kind)}")
    elif isinstance(wanted, dict):
        for kind, fields in wanted.items():
            for key, value in (fields or {}).items():
                if got_by_kind[kind].get(key) != value:
                    miss.append(f"{mid} {kind} 的 {key}：应为 {value}，实际为 {got_by_kind[kind].get(key)}")
    return miss


def _short(referral: Any) -> Any:
    if not isinstance(referral, dict):
        return referral
    return {k: referral[k] for k in ("from", "to", "rule", "deadline")}


def clause_counts(fixtures: list[Fixture]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for fx in fixtures:
        for c in fx.clause:
            counts[c] = counts.get(c, 0) + 1
    return dict(sorted(counts.items()))
