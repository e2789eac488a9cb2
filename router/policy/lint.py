"""Checks beyond the strict loader: what a careful reviewer of the catalog would point out.

Every finding here is a notice (severity "notice"), not an error: the catalog still loads and
routes. `check_catalog` is what `zhifa catalog check` and `zhifa catalog import` run: the loader's
errors (catalog, calendar, matching knowledge, rules), then the calendar's notices and these.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

from router.catalog.load import Catalog, load_catalog
from router.catalog.workdays import check_folder
from router.engine.rules import load_rules
from router.files.locations import catalog_root
from router.files.yamlio import HIDDEN, hidden_characters, load_file
from router.letters.templates import check_templates
from router.matching.learned import FILE_NAME as MODEL_FILE, NONE
from router.matching.matcher import MAX_CUE_CHARS
from router.model.clock import today
from router.model.errors import CatalogError, Problem
from router.model.lazydc import dataclass
from router.policy.fixtures import load_fixtures

# Two matters' matching cues overlap strongly when they share at least this many cues and the
# shared ones are at least this share of the smaller matter's cues.
OVERLAP_MIN_SHARED = 2
OVERLAP_MIN_RATIO = 0.5
_CUE_KINDS = ("keywords", "synonyms", "colloquial", "combos")


# The kinds of notice, in the order `zhifa catalog check` lists them, with their headings. A
# province-scale catalog has tens of thousands of notices, nearly all of two kinds: the terminal
# shows each kind's count and first few, `--all` / `--json` every one.
NOTICE_KINDS = {
    "calendar": "节假日和调休安排",
    "unreached": "没有案例涉及的事项",
    "overlap": "匹配线索高度重叠、不在同一易混类别的事项（系统可能同时选中两者或选错）",
    "overlap_family": "匹配线索高度重叠、同属一个易混类别的事项（分不清时系统会请办事员选择）",
    "idle": "没有下放事项的乡镇街道",
    "honesty": "仍在使用的推定和未核实的事实",
    "gap": "批次之间的日期空档",
    "hidden": "看不见或改变文字显示方向的字符（显示的文字可能与实际内容不同）",
    "typo": "被错别字表改写、按原样永远不会命中的词",
    "regex": "每段描述都要查找一遍的正则表达式（拖慢匹配）",
    "other": "其他提示",
}


@dataclass
class CheckReport:
    errors: list[Problem] = field(default_factory=list)
    notices: list[Problem] = field(default_factory=list)
    kind_of: dict[Problem, str] = field(default_factory=dict)  # notice -> key of NOTICE_KINDS

    @property
    def ok(self) -> bool:
        return not self.errors

    def notice_groups(self) -> list[tuple[str, str, list[Problem]]]:
        """(kind, heading, notices) for every kind that has notices, in NOTICE_KINDS order;
        within a kind, in the order of `notices`."""
        groups: dict[str, list[Problem]] = {k: [] for k in NOTICE_KINDS}
        for p in self.notices:
            groups[self.kind_of.get(p, "other")].append(p)
        return [(k, NOTICE_KINDS[k], ps) for k, ps in groups.items() if ps]


def check_catalog(root: str | Path | None = None, *, as_of: date | None = None,
                  fixtures_dir: str | Path | None = None, notices: bool = True) -> CheckReport:
    """Everything `zhifa catalog check` reports for the catalog folder `root` (errors only
    when `notices` is false: what an import must pass before it writes)."""
    root = catalog_root(root)
    report = CheckReport()
    catalog = None
    try:
        catalog = load_catalog(root, check_extras=True)
        report.errors.extend(long_cues(catalog))
        report.errors.extend(model_problems(catalog))
        report.errors.extend(commented_cues(root / "matching.yaml"))
    except CatalogError as exc:
        report.errors.extend(exc.problems)
    try:
        load_rules()
    except CatalogError as exc:
        report.errors.extend(exc.problems)
    if (root / "letters").is_dir():  # the letter templates (zhifa case letter) beside the catalog
        report.errors.extend(check_templates(root / "letters"))
    if not notices:
        return report

    def add(found: list[tuple[Problem, str]]) -> None:
        for p, kind in found:
            report.notices.append(p)
            report.kind_of.setdefault(p, kind)

    if (root / "calendar").is_dir():
        add([(p, "calendar") for p in check_folder(root / "calendar") if p.severity == "notice"])
    add([(p, "hidden") for p in hidden_in_files(root)])
    if catalog is None:
        try:  # the matching knowledge may be what failed: lint the rest anyway
            catalog = load_catalog(root)
        except CatalogError:
            return report
    add(_lint(catalog, as_of=as_of, fixtures_dir=fixtures_dir))
    return report


def model_problems(catalog: Catalog) -> list[Problem]:
    """Errors: a model file beside matching.yaml (ngram.json, outside.json, competent.json)
    that cannot be read, or a matter model naming matters the catalog does not have. Otherwise
    the first description that needs the model would fail."""
    m = catalog.matcher
    out: list[Problem] = []
    for load in (m.outside_model, m.competent_model):
        try:
            load()
        except CatalogError as exc:
            out.extend(exc.problems)
    try:
        model = m.learned_model()
    except CatalogError as exc:
        return out + exc.problems
    unknown = [c for c in model.classes if c != NONE and c not in catalog.matters] if model else []
    if unknown:
        out.append(Problem(str(Path(m.path).with_name(MODEL_FILE)), None, "classes",
                           f"n 元模型中有目录里没有的事项：{'、'.join(unknown)}；请用 zhifa match --train … 重新训练"))
    return out


def long_cues(catalog: Catalog) -> list[Problem]:
    """Errors: written words of catalog/matching.yaml longer than MAX_CUE_CHARS that are not
    listed as fixed legal terms (legal_terms): phrase fragments, not words an officer can defend."""
    path = str(catalog.root / "matching.yaml")
    return [Problem(path, entry, key, f"“{word}”超过 {MAX_CUE_CHARS} 个字：线索应是词语或简短说法"
                                       f"（可改写为 甲…乙、(甲|乙) 或词组），法定名称请列入 legal_terms")
            for entry, key, word in getattr(catalog.matcher, "long_words", ())]


def commented_cues(path: Path) -> list[Problem]:
    """Errors: a comment inside an open list of catalog/matching.yaml ([甲, 乙,  # 说明 …) whose
    text holds ASCII commas reads like words swallowed by it: YAML ignores everything after the
    " #" to the end of the line, so cues written after a comment are silently lost. (Comments
    there are written with Chinese punctuation.)"""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return []   # the loader reports it
    out = []
    depth, quote = 0, ""
    for n, line in enumerate(text.splitlines(), 1):
        i = 0
        while i < len(line):
            ch = line[i]
            if quote:
                if quote == '"' and ch == "\\":
                    i += 1
                elif ch == quote:
                    quote = ""
            elif ch in "\"'" and (i == 0 or line[i - 1] in " \t[{,:"):
                quote = ch
            elif ch == "#" and (i == 0 or line[i - 1] in " \t"):
                comment = line[i + 1:]
                if depth > 0 and "," in comment:
                    out.append(Problem(str(path), f"第 {n} 行", None,
                                       f"列表中的注释“#{comment.strip()[:30]}”里有英文逗号，像是被注释掉的线索："
                                       f"“ #”之后到行尾的文字都不算数；线索请写在“#”之前，注释里用中文标点"))
                break
            elif ch in "[{":
                depth += 1
            elif ch in "]}":
                depth = max(0, depth - 1)
            i += 1
    return out


def hidden_in_files(root: Path) -> list[Problem]:
    """A notice for every bidi control or zero-width character in the catalog's files."""
    out = []
    for path in sorted(root.glob("**/*.y*ml")):
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue  # the loader reports it
        for line, ch in hidden_characters(text):
            out.append(_notice(path, f"第 {line} 行",
                               f"含有看不见的字符 U+{ord(ch):04X}（{HIDDEN[ch]}）：显示的文字可能与实际内容不同，请删除"))
    return out


def lint(catalog: Catalog, *, as_of: date | None = None,
         fixtures_dir: str | Path | None = None) -> list[Problem]:
    return [p for p, _ in _lint(catalog, as_of=as_of, fixtures_dir=fixtures_dir)]


def _lint(catalog: Catalog, *, as_of: date | None = None,
          fixtures_dir: str | Path | None = None) -> list[tuple[Problem, str]]:
    """Every notice with its kind."""
    as_of = as_of or today()
    out: list[tuple[Problem, str]] = []
    out += [(p, "unreached") for p in unreached_matters(catalog, fixtures_dir)]
    out += _overlaps(catalog)
    out += [(p, "idle") for p in idle_bodies(catalog, as_of)]
    out += [(p, "honesty") for p in honesty(catalog)]
    out += [(p, "gap") for p in window_gaps(catalog)]
    out += [(p, "typo") for p in typo_rewrites(catalog)]
    out += [(p, "regex") for p in regexes_searched_always(catalog)]
    return out


def regexes_searched_always(catalog: Catalog) -> list[Problem]:
    """Notices: `re:` words with no few characters that every match has, which the matcher
    therefore searches in every description (a wide alternation at the start, say): each slows
    every description a little, and nothing else shows it (the twenty-third session's round met one)."""
    matcher = _matcher(catalog)
    if matcher is None:
        return []
    path = str(catalog.root / "matching.yaml")
    return [_notice(path, None, f"正则表达式“{key}”里找不到每次命中都必有的字，"
                                "系统只能对每段描述都查找一遍，会拖慢匹配：请拆成几条以固定文字开头的写法，"
                                "或改用“选择”“间隔”写法", key)
            for key in matcher.regexes_searched_always()]


def _matcher(catalog: Catalog):
    """The catalog's matcher, or None when it does not build (its error is reported as an error)."""
    try:
        return catalog.matcher
    except CatalogError:
        return None


def typo_rewrites(catalog: Catalog) -> list[Problem]:
    """Notices: typo entries that rewrite words of the vocabulary into words it does not have,
    one notice per typo entry (a description is rewritten before its words are looked up, so
    those words are never found as written)."""
    matcher = _matcher(catalog)
    if matcher is None:
        return []
    path = str(catalog.root / "matching.yaml")
    by_key: dict[tuple[tuple[str, str], ...], list[tuple[str, str]]] = {}
    for word, fixed, entries in matcher.typo_rewritten_words():
        by_key.setdefault(entries, []).append((word, fixed))
    out = []
    for keys, pairs in by_key.items():
        entries = "、".join(f"“{k}”→“{v}”" for k, v in keys)
        shown = "、".join(f"{w}（成了“{f}”）" for w, f in pairs[:4]) + (f" 等 {len(pairs)} 个" if len(pairs) > 4 else "")
        out.append(_notice(path, "typos", f"错别字表的 {entries} 把词表中的 {shown} 改写成词表里没有的词，"
                                          f"这些词按原样永远不会命中：请把错别字写得更具体，或删去这些词",
                           keys[0][0] if keys else None))
    return out


def _notice(file: Any, entry: str | None, message: str, key: str | None = None) -> Problem:
    return Problem(str(file), entry, key, message, severity="notice")


# ---------------------------------------------------------------------------------------------


def reached_by_fixtures(fixtures) -> set[str]:
    """Matters a fixture names: as input, or in what it expects."""
    seen: set[str] = set()
    for fx in fixtures:
        m = fx.input.get("matter")
        if isinstance(m, str):
            seen.update(x.strip().upper() for x in re.split(r"[,，、\s]+", m) if x.strip())
        elif isinstance(m, list):
            seen.update(str(x).strip().upper() for x in m)
        seen.update(str(x) for x in fx.expect.get("matters") or [])
        seen.update(str(x) for x in (fx.expect.get("decisions") or {}))
    return seen


def unreached_matters(catalog: Catalog, fixtures_dir: str | Path | None = None) -> list[Problem]:
    if fixtures_dir is None:
        return []
    folder = Path(fixtures_dir)
    if not folder.is_dir():
        return []
    try:
        fixtures = load_fixtures([folder])
    except (CatalogError, OSError) as exc:
        return [_notice(folder, None, f"案例无法读取，跳过“案例未覆盖的事项”检查：{str(exc).splitlines()[0]}")]
    seen = reached_by_fixtures(fixtures)
    file, short = catalog.root / "matters.yaml", _short(folder)
    return [_notice(file, f"{m.id}（{m.name[:24]}）",
                    f"没有任何案例（{short}）涉及这个事项：其管辖、移送未经案例检验，建议补充案例")
            for m in catalog.matters.values() if m.id not in seen]


def _short(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd()).as_posix() + "/"
    except ValueError:
        return str(path)


def _cues(body: Any) -> set[str]:
    out: set[str] = set()
    if not isinstance(body, dict):
        return out
    for kind in _CUE_KINDS:
        items = body.get(kind)
        if not isinstance(items, list):
            continue
        for c in items:
            if isinstance(c, dict):
                c = c.get("cue")
            if isinstance(c, str) and c.strip():
                out.add("+".join(sorted(p.strip() for p in c.split("+"))))
    return out


def matching_overlaps(catalog: Catalog) -> list[Problem]:
    """Pairs of matters whose matching cues (catalog/matching.yaml) are largely the same. Read
    generically: a missing or unreadable file skips the check with a notice."""
    return [p for p, _ in _overlaps(catalog)]


def _overlaps(catalog: Catalog) -> list[tuple[Problem, str]]:
    """matching_overlaps, each with its kind: "overlap_family" when the two matters are in one
    confusable family (the matcher asks the clerk), else "overlap"."""
    path = catalog.root / "matching.yaml"
    if not path.exists():
        return []
    try:
        try:
            # What the matcher read (the strict loader keeps the parse: no second parse)…
            data = load_file(path)
        except CatalogError:
            # …or, when the matcher could not read it, plain data is all this check needs.
            data = yaml.load(path.read_text(encoding="utf-8"),  # noqa: S506 - a safe loader
                             Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        matters = data["matters"]
        if not isinstance(matters, dict):
            raise TypeError
    except (OSError, UnicodeDecodeError, yaml.YAMLError, KeyError, TypeError):
        return [(_notice(path, None, "匹配知识无法按“matters: 事项编号: 线索”读取，跳过“匹配线索重叠”检查"), "overlap")]
    families: dict[str, set[str]] = {}
    for fname, members in (data.get("families") or {}).items() if isinstance(data.get("families"), dict) else ():
        if isinstance(members, dict):
            members = members.get("members")
        for m in members if isinstance(members, list) else ():
            families.setdefault(str(m), set()).add(str(fname))
    cues = {str(mid): _cues(body) for mid, body in matters.items() if str(mid) in catalog.matters}
    out = []
    for a, b, shared in _sharing_pairs(cues, OVERLAP_MIN_SHARED):
        smaller = min(len(cues[a]), len(cues[b])) or 1
        if len(shared) / smaller < OVERLAP_MIN_RATIO:
            continue
        common = families.get(a, set()) & families.get(b, set())
        where = (f"两者同属易混类别“{'、'.join(sorted(common))}”，系统会在分不清时请办事员选择"
                 if common else "两者不在同一易混类别（families）中：系统可能同时选中两者或选错")
        out.append((_notice(path, f"{a} / {b}",
                            f"匹配线索高度重叠：{len(shared)} 条相同（如 {'；'.join(sorted(shared)[:3])}），"
                            f"占较少一方线索的 {round(100 * len(shared) / smaller)}%；{where}"),
                    "overlap_family" if common else "overlap"))
    return out


def _sharing_pairs(cues: dict[str, set[str]], at_least: int):
    """(a, b, shared cues) for every pair of matters, a < b, sharing at least `at_least` cues,
    in the order of itertools.combinations(sorted(cues), 2). Found through an index from cue
    to matters, so only pairs that share something are looked at (5,000 matters are 12.5
    million pairs, of which a few tens of thousands share a cue)."""
    order = sorted(cues)
    index: dict[str, list[int]] = {}
    for i, m in enumerate(order):
        for c in cues[m]:
            index.setdefault(c, []).append(i)  # ascending, as i is
    for i, a in enumerate(order):
        counts: dict[int, int] = {}
        for c in cues[a]:
            postings = index[c]
            for j in postings[bisect.bisect_right(postings, i):]:
                counts[j] = counts.get(j, 0) + 1
        for j in sorted(j for j, n in counts.items() if n >= at_least):
            b = order[j]
            yield a, b, cues[a] & cues[b]


def idle_bodies(catalog: Catalog, as_of: date) -> list[Problem]:
    file = catalog.root / "bodies.yaml"
    ever = {t for b in catalog.batches for t in b.bodies}
    now = {t for b in catalog.batches if b.in_force(as_of) for t in b.bodies}
    out = []
    for t in catalog.townships.values():
        if t.name not in ever:
            extra = "（乡、镇的法定职权除外）" if t.type in ("乡", "镇") else ""
            out.append(_notice(file, t.name, f"没有任何批次向{t.body}下放事项{extra}：请核对是否遗漏"))
        elif t.name not in now:
            out.append(_notice(file, t.name, f"{as_of} 没有有效的下放批次：{t.body}此日不承接任何下放事项"))
    return out


def honesty(catalog: Catalog) -> list[Problem]:
    """Assumptions and facts not yet verified, still in the data."""
    root = catalog.root
    out = []
    users: dict[str, list[str]] = {}
    for b in catalog.batches:
        for a in b.assumptions:
            users.setdefault(a, []).append(f"批次 {b.id}")
        for point, rule in b.open_cases:
            if rule.assumption:
                users.setdefault(rule.assumption, []).append(f"批次 {b.id} 的 open_cases.{point}")
    for m in catalog.matters.values():
        if m.department_assumption:
            users.setdefault(m.department_assumption, []).append(m.id)
    for a in catalog.assumptions.values():
        used = users.get(a.id, [])
        if used:
            out.append(_notice(root / "batches.yaml", f"推定 {a.id}",
                               f"仍为推定（{'、'.join(used)} 依赖）：{a.text}"))
        else:
            out.append(_notice(root / "batches.yaml", f"推定 {a.id}", "未被任何批次、事项或程序引用：如已不需要，可删除"))
    inferred = [m.id for m in catalog.matters.values() if m.listed == "inferred"]
    if inferred:
        out.append(_notice(root / "matters.yaml", None,
                           f"{len(inferred)} 个事项是否列入濮阳目录系推断（listed: inferred）：{'、'.join(inferred)}"))
    unchecked = [m.id for m in catalog.matters.values() if not m.basis_checked]
    if unchecked:
        out.append(_notice(root / "matters.yaml", None,
                           f"{len(unchecked)} 个事项的法律依据未核对（basis_checked: false）：{'、'.join(unchecked)}"))
    unverified = [d.name for d in catalog.departments.values() if not d.verified]
    if unverified:
        out.append(_notice(root / "bodies.yaml", None,
                           f"{len(unverified)} 个部门名称未在公开资料中核实（verified: false）：{'、'.join(unverified)}"))
    unknown = [u.name for u in catalog.outside.values() if u.belongs_to and "未核实" in u.belongs_to]
    if unknown:
        out.append(_notice(root / "bodies.yaml", None, f"区外单位的归属未核实：{'、'.join(unknown)}"))
    return out


def window_gaps(catalog: Catalog) -> list[Problem]:
    """A matter delegated to a township by one batch until a day and by another from a later
    day leaves the days between with the department: usually a slip in a half-open window (a
    batch that should end on the day the next one starts, not the day before)."""
    groups: dict[tuple[str, str], tuple[list[str], list[str]]] = {}  # (a, b) -> matters, townships
    delegations = catalog.delegations  # (matter, township) -> batches; most pairs have none
    for m in catalog.matters.values():
        for t in catalog.townships.values():
            windows = delegations.get((m.id, t.name))
            if not windows or len(windows) < 2:
                continue
            windows = sorted(windows, key=lambda b: b.effective)
            for a, b in zip(windows, windows[1:]):
                if a.ends is not None and a.ends < b.effective:
                    matters, towns = groups.setdefault((a.id, b.id), ([], []))
                    if m.id not in matters:
                        matters.append(m.id)
                    if t.name not in towns:
                        towns.append(t.name)
    out = []
    by_id = {b.id: b for b in catalog.batches}
    for (aid, bid), (matters, towns) in groups.items():
        a, b = by_id[aid], by_id[bid]
        days = (b.effective - a.ends).days
        last = b.effective - timedelta(days=1)
        depts = "、".join(dict.fromkeys(catalog.matters[m].department for m in matters))
        out.append(_notice(catalog.root / "batches.yaml", f"批次 {aid} → {bid}",
                           f"事项 {'、'.join(matters)} 在{'、'.join(towns)}：{aid} 至 {a.ends} 前、{bid} 自 {b.effective} 起，"
                           f"中间 {days} 天（{a.ends} 至 {last}）没有下放，回到原部门（{depts}）。"
                           f"若两批次本应衔接，{aid} 的 ends 应为 {b.effective}（时间窗左闭右开，ends 当日不含）"))
    return out
