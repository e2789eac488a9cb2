"""Evaluation of the matcher on labelled descriptions, side by side with a plain baseline.

A labelled case is `{text, expect: [matter ids], tags: [...]}` (tests/matching/*.yaml);
`expect: []` means no catalog matter fits, and may name the body competent in reality
(`competent: 公安机关`, or null). A vague description has `expect_any: [matter ids]` instead of
`expect`: every plausible matter of its family, any one acceptable.

How results are counted (also stated in `Report.to_json()["counting"]`):
- what a result routes to: its selected matters, then the FIRST matter of each ambiguous group
  (the clerk would confirm it); an ambiguous result therefore counts as its first candidate;
- top-1 (single-matter cases): correct only if the result is not no_fit and its first candidate
  is the expected matter;
- multi-matter cases: recall and precision over matters, pooled over all multi-matter cases;
- no-fit cases: wrongly routed if the status is not no_fit;
- in-catalog cases: unrouted if the status is no_fit;
- vague cases (`expect_any`): right when the result offers the family: matched with its first
  routed matter in expect_any and nothing selected outside it, or ambiguous with a group that
  contains an expect_any matter (the clerk picks from it);
- short everyday phrasings (tag `short`): routed to the right family: for expect_any as above;
  for expect, the result is not no_fit and offers an expected matter (selected, or in an
  ambiguous group), nothing selected outside the expected ones; for expect [], no_fit;
- competent body named: of the no-fit cases with a `competent` body, the share whose result
  names that body in its guidance (MatchResult.guidance; see `body_named`);
- per family (tags `family:…`): share of cases fully correct (single: top-1; multi: routed set
  equals the expected set; vague: as above; no-fit: no_fit).
"""
from __future__ import annotations

import json
import statistics
import time
import unicodedata
from dataclasses import field
from pathlib import Path
from typing import Iterable, Mapping, Protocol, Sequence

from router.files.atomic import write_text
from router.files.yamlio import load_file
from router.matching.learned import (
    COMPETENT_FILE,
    FILE_NAME as MODEL_FILE,
    OUTSIDE_FILE,
    competent_examples,
    outside_examples,
    train as train_model,
    train_outside,
    training_examples,
)
from router.matching.matcher import Candidate, MatchResult
from router.matching.textnorm import fold
from router.model.errors import CatalogError, InputError, Problem
from router.model.lazydc import dataclass

TARGETS = {
    "top1": 0.97,
    "multi_recall": 0.92,
    "multi_precision": 0.92,
    "short_family": 0.95,
    "nofit_routed": 0.05,
    "incatalog_unrouted": 0.05,
    "median_ms": 5.0,
    "p99_ms": 20.0,
}

COUNTING = ("歧义结果按其第一个候选计：路由集合 = 已选事项 + 每个歧义组的第一个事项；"
            "单事项描述的 top-1 仅当结果不是 no_fit 且第一个候选就是期望事项时算对；"
            "笼统描述（expect_any）在结果给出该类（已选事项在类内，或歧义组含类内事项）时算对；"
            "简短日常说法（short）在结果给出正确的类时算对；"
            "主管部门已点名：目录外描述的指引中有该部门；"
            "另点了别的部门：已知主管部门的目录外描述，其指引（也）点了另一个部门（含模型推测）")


class _MatcherLike(Protocol):
    def match(self, text: str) -> MatchResult: ...


@dataclass(frozen=True, slots=True)
class Case:
    text: str
    expect: tuple[str, ...]
    tags: tuple[str, ...] = ()
    expect_any: tuple[str, ...] = ()     # a vague description: any one of these is right
    competent: str | None = None         # no-fit: the body competent in reality

    @property
    def vague(self) -> bool:
        return bool(self.expect_any)


# Words that only say what kind of body a name is: “公安机关” and “华龙区公安分局” both say 公安.
_BODY_AFFIXES = ("华龙区", "濮阳市", "河南省", "县级以上", "当地", "人民政府", "机关", "部门", "分局",
                 "局", "大队", "支队", "中队", "委员会", "所", "站", "办公室", "（", "）", "(", ")")


# Two ways of writing one body's kind. A village's and a residents' committee are the one kind of
# body the law names 村（居）民委员会 (村委会, 居委会 for short); a 供水单位 is a water company.
_SAME_BODY = {"市场监督管理": "市场监管", "住房和城乡建设": "住房城乡建设",
              "人力资源和社会保障": "人力资源社会保障", "文化和旅游": "文化旅游",
              "文化广电和旅游": "文化旅游", "发展和改革": "发展改革",
              "村民": "村居民", "居民": "村居民", "村委会": "村居民", "居委会": "村居民",
              "村居委会": "村居民", "供水单位": "供水企业"}


def body_core(name: str) -> str:
    """What kind of body a name says: 公安机关 and 华龙区公安分局 both say 公安."""
    core = fold(name)
    for affix in _BODY_AFFIXES:
        core = core.replace(affix, "")
    return _SAME_BODY.get(core, core)


def body_named(expected: str, guidance: Iterable) -> bool:
    """Whether one of the guidance entries (each with `body` and `aliases`, objects or dicts)
    names the `expected` competent body: the expected name, stripped of the words that only say
    what kind of body it is (机关、部门、局…), is one of the entry's names stripped the same way,
    or contains or is contained in one."""
    want = body_core(expected)
    if not want:
        return False
    for g in guidance:
        get = g.get if isinstance(g, dict) else (lambda k, _g=g: getattr(_g, k, None))
        names = [get("body") or ""] + list(get("aliases") or ())
        for n in names:
            core = body_core(n)
            if core and (core == want or core in want or want in core):
                return True
    return False


def load_cases(path: str | Path, known: Iterable[str] | None = None) -> list[Case]:
    """Read labelled cases; every malformed case is reported (file, 第 N 条, key)."""
    data = load_file(path)
    if isinstance(data, dict) and "cases" in data:
        data = data["cases"]
    problems: list[Problem] = []
    name = str(path)
    if not isinstance(data, list):
        raise CatalogError([Problem(name, None, None, "应为案例列表（- {text, expect, tags}）")])
    known_ids = set(known) if known is not None else None
    cases = []
    for i, item in enumerate(data, 1):
        entry = f"第 {i} 条"
        if not isinstance(item, dict):
            problems.append(Problem(name, entry, None, "应为 {text, expect, tags}"))
            continue
        extra = set(item) - {"text", "expect", "expect_any", "competent", "tags", "note"}
        if extra:
            problems.append(Problem(name, entry, "、".join(map(str, sorted(extra))), "未知的键"))
        text = item.get("text")
        if not isinstance(text, str) or not text.strip():
            problems.append(Problem(name, entry, "text", "应为非空文字"))
            continue
        if ("expect" in item) == ("expect_any" in item):
            problems.append(Problem(name, entry, "expect",
                                    "应有 expect（事项编号列表）或 expect_any（笼统描述的候选事项）其中之一"))
            continue
        key = "expect" if "expect" in item else "expect_any"
        expect = item.get(key)
        if expect is None or not isinstance(expect, list) or \
                not all(isinstance(x, str) for x in expect):
            problems.append(Problem(name, entry, key, "应为事项编号列表（可以为空）"))
            continue
        if key == "expect_any" and len(expect) < 1:
            problems.append(Problem(name, entry, key, "笼统描述至少要列出一个候选事项"))
            continue
        if known_ids is not None:
            for x in expect:
                if x not in known_ids:
                    problems.append(Problem(name, entry, key, f"事项编号“{x}”不在事项目录中"))
        competent = item.get("competent")
        if competent is not None and (not isinstance(competent, str) or not competent.strip()):
            problems.append(Problem(name, entry, "competent", "应为主管机关名称或 null"))
            competent = None
        if competent is not None and (key != "expect" or expect):
            problems.append(Problem(name, entry, "competent", "只有目录外描述（expect: []）才写 competent"))
        tags = item.get("tags") or []
        if not isinstance(tags, list):
            problems.append(Problem(name, entry, "tags", "应为标签列表"))
            tags = []
        tags_t = tuple(str(t) for t in tags)
        if key == "expect":
            cases.append(Case(text, tuple(expect), tags_t, competent=competent))
        else:
            cases.append(Case(text, (), tags_t, expect_any=tuple(expect)))
    if problems:
        raise CatalogError(problems)
    return cases


# The seven kinds of example in tests/everyday/*.yaml (tests/everyday/README.md). Only words, typos,
# vague and any describe catalog matters; see `everyday_cases`.
EVERYDAY_KEYS = ("words", "typos", "vague", "any", "no_reports", "near_misses", "outside_bodies")


def everyday_cases(path: str | Path, known: Iterable[str] | None = None) -> list[Case]:
    """The examples of an everyday file (tests/everyday/*.yaml: a mapping of the six kinds) that
    describe catalog matters, as cases: `words` (text, [matter…]) and `typos` (text, matter) with
    those matters expected, `vague` (text, family, [matter…]) and `any` (text, [matter…]: a vague
    text where one of these chosen is as right as the family offered) with them as `expect_any`.

    The other three kinds (no reports, near misses, out-of-catalog reports with their body) and
    `words` that select nothing are left out: they are the cues' verdicts on text that names a catalog object, and given to the models as
    out-of-catalog descriptions (3,060 of them) they taught the matter model to read bare everyday
    words (电线杆弄了广告, 高音喇吧) as outside the catalog: measured in the twenty-seventh session,
    tests/matching/README.md. Every malformed example is reported (file, kind, 第 N 条)."""
    data = load_file(path)
    name = str(path)
    if not isinstance(data, dict):
        raise CatalogError([Problem(name, None, None, f"应为按种类分组的例句（{'、'.join(EVERYDAY_KEYS)}）")])
    problems = [Problem(name, None, str(k), f"未知的种类（可用：{'、'.join(EVERYDAY_KEYS)}）")
                for k in data if k not in EVERYDAY_KEYS]
    known_ids = set(known) if known is not None else None
    cases: list[Case] = []
    for kind in ("words", "typos", "vague", "any"):
        for i, item in enumerate(data.get(kind) or [], 1):
            entry = f"{kind} 第 {i} 条"
            width = 3 if kind == "vague" else 2
            if not isinstance(item, list) or len(item) != width or not isinstance(item[0], str) \
                    or not item[0].strip():
                problems.append(Problem(name, entry, None, "应为 [描述, 事项编号列表]" if kind in ("words", "any")
                                        else "应为 [描述, 事项编号]" if kind == "typos"
                                        else "应为 [描述, 类别, 事项编号列表]"))
                continue
            ids = [item[1]] if kind == "typos" else item[-1]
            if kind == "words" and ids == []:
                continue            # nothing selected: a near miss in all but name (see below)
            if not isinstance(ids, list) or not ids or not all(isinstance(x, str) for x in ids):
                problems.append(Problem(name, entry, None, "事项编号应为非空的编号列表"))
                continue
            unknown = [x for x in ids if known_ids is not None and x not in known_ids]
            if unknown:
                problems.append(Problem(name, entry, None, f"事项编号“{unknown[0]}”不在事项目录中"))
                continue
            if kind in ("vague", "any"):
                cases.append(Case(item[0], (), ("everyday",), expect_any=tuple(ids)))
            else:
                cases.append(Case(item[0], tuple(ids), ("everyday",)))
    if problems:
        raise CatalogError(problems)
    return cases


def training_cases(path: str | Path, known: Iterable[str] | None = None) -> list[Case]:
    """The cases a training file gives: a labelled set (a list of cases) or an everyday file (a
    mapping of kinds of example, tests/everyday/)."""
    if Path(path).parent.name == "everyday":
        return everyday_cases(path, known)
    return load_cases(path, known)


@dataclass
class Outcome:
    case: Case
    status: str
    routed: tuple[str, ...]
    first: str | None
    ms: float
    correct: bool


@dataclass
class Report:
    name: str
    n: int = 0
    single_n: int = 0
    single_correct: int = 0
    single_exact: int = 0
    multi_n: int = 0
    multi_tp: int = 0
    multi_fp: int = 0
    multi_fn: int = 0
    nofit_n: int = 0
    nofit_routed: int = 0
    competent_n: int = 0          # no-fit cases with a known competent body
    competent_named: int = 0      # … whose result names it
    competent_other: int = 0      # … whose result (out of the catalog) also or only names another body
    vague_n: int = 0              # expect_any cases
    vague_ok: int = 0
    short_n: int = 0              # tag `short`
    short_ok: int = 0
    incat_n: int = 0
    incat_unrouted: int = 0
    ambiguous_n: int = 0
    times_ms: list[float] = field(default_factory=list)
    families: dict[str, list[int]] = field(default_factory=dict)   # tag -> [n, correct]
    tags: dict[str, list[int]] = field(default_factory=dict)       # other tags -> [n, correct]
    failures: list[dict] = field(default_factory=list)

    # -- figures ------------------------------------------------------------------------------
    @staticmethod
    def _ratio(a: int, b: int) -> float | None:
        return a / b if b else None

    @property
    def top1(self) -> float | None:
        return self._ratio(self.single_correct, self.single_n)

    @property
    def multi_recall(self) -> float | None:
        return self._ratio(self.multi_tp, self.multi_tp + self.multi_fn)

    @property
    def multi_precision(self) -> float | None:
        return self._ratio(self.multi_tp, self.multi_tp + self.multi_fp)

    @property
    def nofit_routed_share(self) -> float | None:
        return self._ratio(self.nofit_routed, self.nofit_n)

    @property
    def competent_named_share(self) -> float | None:
        return self._ratio(self.competent_named, self.competent_n)

    @property
    def competent_other_share(self) -> float | None:
        return self._ratio(self.competent_other, self.competent_n)

    @property
    def vague_share(self) -> float | None:
        return self._ratio(self.vague_ok, self.vague_n)

    @property
    def short_share(self) -> float | None:
        return self._ratio(self.short_ok, self.short_n)

    @property
    def incat_unrouted_share(self) -> float | None:
        return self._ratio(self.incat_unrouted, self.incat_n)

    @property
    def median_ms(self) -> float | None:
        return statistics.median(self.times_ms) if self.times_ms else None

    @property
    def p99_ms(self) -> float | None:
        if not self.times_ms:
            return None
        ordered = sorted(self.times_ms)
        k = max(0, min(len(ordered) - 1, int(round(0.99 * (len(ordered) - 1)))))
        return ordered[k]

    def targets_met(self) -> list[str]:
        """The targets this report MISSES (Chinese); empty when every target is met.
        A target with no cases to measure it is not counted as missed."""
        return [message for _, message in self.missed_targets()]

    def missed_targets(self) -> list[tuple[str, str]]:
        """The targets this report misses, each as (its key in TARGETS, the Chinese message)."""
        missed: list[tuple[str, str]] = []

        def low(value, key, label):
            if value is not None and value < TARGETS[key]:
                missed.append((key, f"{label} {value:.1%} 低于目标 {TARGETS[key]:.0%}"))

        def high(value, key, label):
            if value is not None and value > TARGETS[key]:
                missed.append((key, f"{label} {value:.1%} 高于上限 {TARGETS[key]:.0%}"))

        low(self.top1, "top1", "单事项 top-1 准确率")
        low(self.multi_recall, "multi_recall", "多事项召回率")
        low(self.multi_precision, "multi_precision", "多事项精确率")
        low(self.short_share, "short_family", "简短日常说法归入正确类别的比例")
        high(self.nofit_routed_share, "nofit_routed", "目录外描述被误派比例")
        high(self.incat_unrouted_share, "incatalog_unrouted", "目录内描述未派出比例")
        if self.median_ms is not None and self.median_ms > TARGETS["median_ms"]:
            missed.append(("median_ms", f"匹配耗时中位数 {self.median_ms:.2f} 毫秒，超过上限 {TARGETS['median_ms']} 毫秒"))
        if self.p99_ms is not None and self.p99_ms > TARGETS["p99_ms"]:
            missed.append(("p99_ms", f"匹配耗时 p99 {self.p99_ms:.2f} 毫秒，超过上限 {TARGETS['p99_ms']} 毫秒"))
        return missed

    def to_json(self) -> dict:
        def r(x):
            return None if x is None else round(x, 4)

        return {
            "name": self.name,
            "cases": self.n,
            "counting": COUNTING,
            "single": {"n": self.single_n, "top1": r(self.top1),
                       "exact_set": r(self._ratio(self.single_exact, self.single_n))},
            "multi": {"n": self.multi_n, "recall": r(self.multi_recall),
                      "precision": r(self.multi_precision),
                      "tp": self.multi_tp, "fp": self.multi_fp, "fn": self.multi_fn},
            "nofit": {"n": self.nofit_n, "wrongly_routed": r(self.nofit_routed_share),
                      "competent_n": self.competent_n,
                      "competent_named": r(self.competent_named_share),
                      "other_body_named": r(self.competent_other_share)},
            "vague": {"n": self.vague_n, "family_hit": r(self.vague_share)},
            "short": {"n": self.short_n, "family_hit": r(self.short_share)},
            "in_catalog": {"n": self.incat_n, "unrouted": r(self.incat_unrouted_share)},
            "ambiguous_results": self.ambiguous_n,
            "time_ms": {"median": r(self.median_ms), "p99": r(self.p99_ms)},
            "families": {k: {"n": v[0], "accuracy": r(self._ratio(v[1], v[0]))}
                         for k, v in sorted(self.families.items())},
            "tags": {k: {"n": v[0], "accuracy": r(self._ratio(v[1], v[0]))}
                     for k, v in sorted(self.tags.items())},
            "targets": {"thresholds": TARGETS, "missed": self.targets_met()},
            "failures": self.failures,
        }


def evaluate(matcher: _MatcherLike, cases: Sequence[Case], name: str = "matcher",
             warmup: int | None = None) -> Report:
    """Run `matcher` over `cases` and count (see the module docstring for the rules).
    Times are those of a process already running: the cases are first matched once untimed
    (`warmup`: that many, all by default), since the first texts that need them load the models
    (up to 80 ms) and build the homophone index, one-time costs of a process that
    bench/run.py measures as the cold start."""
    report = Report(name)
    for c in list(cases)[:warmup]:
        matcher.match(c.text)
    for case in cases:
        t0 = time.perf_counter()
        result = matcher.match(case.text)
        ms = (time.perf_counter() - t0) * 1000.0
        report.times_ms.append(ms)
        report.n += 1
        routed = result.routed() if hasattr(result, "routed") else result.selected
        # the first routed matter (a family offered on its everyday words may have no candidate
        # with evidence); else the best candidate
        first = routed[0] if routed else (result.candidates[0].matter if result.candidates else None)
        if result.status == "ambiguous":
            report.ambiguous_n += 1
        expect = set(case.expect)
        family_ok = offers(result, set(case.expect_any) if case.vague else expect)
        if case.vague:
            report.vague_n += 1
            report.incat_n += 1
            if result.status == "no_fit":
                report.incat_unrouted += 1
            ok = family_ok
            report.vague_ok += ok
        elif not expect:
            report.nofit_n += 1
            ok = result.status == "no_fit"
            if not ok:
                report.nofit_routed += 1
            if case.competent:
                report.competent_n += 1
                guidance = getattr(result, "guidance", ()) or ()
                named = ok and body_named(case.competent, guidance)
                report.competent_named += named
                report.competent_other += ok and any(not body_named(case.competent, (g,)) for g in guidance)
        else:
            report.incat_n += 1
            if result.status == "no_fit":
                report.incat_unrouted += 1
            if len(expect) == 1:
                report.single_n += 1
                ok = result.status != "no_fit" and first in expect
                report.single_correct += ok
                report.single_exact += result.status != "no_fit" and set(routed) == expect
            else:
                report.multi_n += 1
                got = set(routed) if result.status != "no_fit" else set()
                report.multi_tp += len(got & expect)
                report.multi_fp += len(got - expect)
                report.multi_fn += len(expect - got)
                ok = got == expect
        if "short" in case.tags:
            report.short_n += 1
            report.short_ok += family_ok if (case.vague or expect) else ok
        for tag in case.tags:
            bucket = report.families if tag.startswith("family:") else report.tags
            n_ok = bucket.setdefault(tag, [0, 0])
            n_ok[0] += 1
            n_ok[1] += ok
        if not ok:
            report.failures.append({
                "text": case.text, "expect": list(case.expect or case.expect_any),
                "vague": case.vague, "routed": list(routed),
                "status": result.status, "first": first, "tags": list(case.tags),
                "candidates": [(c.matter, round(c.score, 3)) for c in result.candidates[:4]],
            })
    return report


def offers(result: MatchResult, expect: set[str]) -> bool:
    """The result offers one of `expect` and selects nothing else: matched with its first routed
    matter among them, or ambiguous with a group holding one of them (see the module docstring)."""
    if not expect or result.status == "no_fit":
        return False
    selected = set(result.selected)
    if selected - expect:
        return False
    if result.status == "ambiguous":
        return any(expect.intersection(g) for g in result.ambiguous) or bool(selected)
    routed = result.routed() if hasattr(result, "routed") else result.selected
    return bool(routed) and routed[0] in expect


# ---------------------------------------------------------------------------------------------
# Baseline: best fuzzy match of the description against the official matter names.


def _bigrams(text: str) -> set[str]:
    t = "".join(ch for ch in fold(text) if ch.isalnum())
    return {t[i:i + 2] for i in range(len(t) - 1)} if len(t) > 1 else ({t} if t else set())


class Baseline:
    """Character-bigram Dice overlap between the description and each official matter name;
    the best one is chosen if it reaches `threshold`, else no_fit. No knowledge of the domain.
    The default threshold (0.06) is the lowest that keeps no-fit descriptions wrongly routed at
    or under 5 % on tests/matching/dev.yaml: the fairest setting for a side-by-side."""

    # Words every official name shares: they say nothing about which matter.
    _STOP = {"行政", "政处", "处罚", "的行", "对在", "或者", "未经", "擅自"}

    def __init__(self, matters: Mapping[str, str], threshold: float = 0.06):
        self.threshold = threshold
        self._names = {m: _bigrams(n) - self._STOP for m, n in matters.items()}

    def match(self, text: str) -> MatchResult:
        if not isinstance(text, str) or not text.strip():
            raise InputError("案情描述为空：请输入违法行为的文字描述", field="text", value=text)
        grams = _bigrams(text) - self._STOP
        scored = []
        for mid, name in self._names.items():
            inter = len(grams & name)
            dice = 2 * inter / (len(grams) + len(name)) if grams and name else 0.0
            scored.append((dice, mid))
        scored.sort(key=lambda x: (-x[0], x[1]))
        cands = tuple(Candidate(mid, round(sc, 4), (), (f"字符二元组重合度 {sc:.2f}",),
                                selected=(i == 0 and sc >= self.threshold))
                      for i, (sc, mid) in enumerate(scored[:5]) if sc > 0)
        if cands and cands[0].selected:
            return MatchResult(text, "matched", cands, (cands[0].matter,), (), ())
        return MatchResult(text, "no_fit", cands, (), (), ("与任何事项名称都不够相似",))


def _headline(r: Report) -> list[tuple[str, str]]:
    """The headline figures of one report, as (label, cell) rows."""
    def pct(x):
        return "—" if x is None else f"{x:.1%}"

    def ms(x):
        return "—" if x is None else f"{x:.3f}"

    return [
        ("案例数", str(r.n)),
        ("单事项 top-1", f"{pct(r.top1)} ({r.single_correct}/{r.single_n})"),
        ("单事项完全一致", pct(r._ratio(r.single_exact, r.single_n))),
        ("多事项召回率", f"{pct(r.multi_recall)} ({r.multi_tp}/{r.multi_tp + r.multi_fn})"),
        ("多事项精确率", f"{pct(r.multi_precision)} ({r.multi_tp}/{r.multi_tp + r.multi_fp})"),
        ("简短说法归类正确", f"{pct(r.short_share)} ({r.short_ok}/{r.short_n})"),
        ("笼统描述归类正确", f"{pct(r.vague_share)} ({r.vague_ok}/{r.vague_n})"),
        ("目录外被误派", f"{pct(r.nofit_routed_share)} ({r.nofit_routed}/{r.nofit_n})"),
        ("主管部门已点名", f"{pct(r.competent_named_share)} ({r.competent_named}/{r.competent_n})"),
        ("另点了别的部门", f"{pct(r.competent_other_share)} ({r.competent_other}/{r.competent_n})"),
        ("目录内未派出", f"{pct(r.incat_unrouted_share)} ({r.incat_unrouted}/{r.incat_n})"),
        ("歧义结果数", str(r.ambiguous_n)),
        ("耗时中位数 ms", ms(r.median_ms)),
        ("耗时 p99 ms", ms(r.p99_ms)),
    ]


def _pad(text: str, width: int) -> str:
    """`text` padded to `width` terminal columns (a Chinese character takes two)."""
    used = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
    return text + " " * max(1, width - used)


def _table(names: list[str], rows: list[tuple[str, list[str]]], col: int = 22) -> list[str]:
    width = max(len(k) * 2 for k, _ in rows) + 2
    head = _pad("指标", width) + "".join(_pad(n, col) for n in names)
    return [(head.rstrip())] + [(_pad(k, width) + "".join(_pad(c, col) for c in cells)).rstrip()
                                for k, cells in rows]


def format_report(*reports: Report) -> str:
    """Side-by-side text table of the headline figures (for a terminal; the library never prints)."""
    heads = [_headline(r) for r in reports]
    rows = [(label, [h[i][1] for h in heads]) for i, (label, _) in enumerate(heads[0])]
    fams = sorted({f for r in reports for f in r.families} | {t for r in reports for t in r.tags})
    for f in fams:
        cells = []
        for r in reports:
            v = r.families.get(f) or r.tags.get(f)
            cells.append("—" if not v else f"{v[1] / v[0]:.0%} ({v[1]}/{v[0]})")
        rows.append((f, cells))
    lines = _table([r.name for r in reports], rows)
    for r in reports:
        missed = r.targets_met()
        lines.append(f"{r.name}：" + ("全部目标达成" if not missed else "未达成：" + "；".join(missed)))
    return "\n".join(lines)


def format_sets(reports: Sequence[Report]) -> str:
    """The headline figures of several labelled sets side by side, one column per set, so that
    the gap between the sets tuned on and the unseen ones is in one view."""
    heads = [_headline(r) for r in reports]
    rows = [(label, [h[i][1] for h in heads]) for i, (label, _) in enumerate(heads[0])]
    rows.append(("目标", ["达成" if not r.targets_met() else f"未达成 {len(r.targets_met())} 项"
                          for r in reports]))
    return "\n".join(_table([r.name for r in reports], rows, col=20))


MODELS = ("ngram", "outside", "competent")   # the three models, by the names `--model` takes


def train_files(catalog_root: Path, files: Sequence[Path], known: Iterable[str],
                models: Iterable[str] = MODELS) -> dict[str, dict]:
    """Train `models` (all three by default) on the labelled `files` and write each beside the
    catalog's matching.yaml (atomically): the matter classifier (ngram → ngram.json), the
    out-of-catalog one (outside → outside.json) and the competent body of an out-of-catalog
    report (competent → competent.json). Returns each written model's file name and its
    `trained_on` record. Raises ImportError without scikit-learn, CatalogError for a malformed
    labelled file, ValueError for an unknown model name."""
    models = tuple(dict.fromkeys(models))
    unknown = [m for m in models if m not in MODELS]
    if unknown:
        raise ValueError(f"unknown model {unknown[0]!r}")
    cases = [c for f in files for c in training_cases(f, known)]
    paths = [Path(f) for f in files]
    out: dict[str, dict] = {}
    for name in models:
        if name == "ngram":
            file, data = MODEL_FILE, train_model(*training_examples(cases), paths)
        elif name == "outside":
            file, data = OUTSIDE_FILE, train_outside(*outside_examples(cases), paths)
        else:
            file, data = COMPETENT_FILE, train_model(*competent_examples(cases, body_core), paths,
                                                     c=10.0, min_df=1)
        write_text(Path(catalog_root) / file,
                   json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n")
        out[file] = data["trained_on"]
    return out
