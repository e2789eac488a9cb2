"""The rule set as data (rules/*.yaml): loading, checking, and the meaning of its conditions.

The same parsed rules feed the durable-rules driver (router/engine/driver.py) and the independent
pure-Python checker (router/engine/reference.py); nothing here depends on durable-rules.

Checked at load time, every problem reported together (`zhifa catalog check` shows them):
- each rule's `source` quotes the document it implements, and the quote occurs word for word in
  that document's text (rules/documents/<doc>.txt);
- rules that conclude a fact the decision takes exactly one of per matter (EXCLUSIVE) exclude each
  other: for every pair, some field is tested incompatibly (`channel: inspection` against
  `channel: complaint`, `$case.reporter` against `{ne: $case.reporter}`…) in every branch of
  their `any`; otherwise the pair is named. The proof is syntactic: a pair that is exclusive only
  by facts the conditions do not state (an outside-district jurisdiction has no body, say) is
  reported until the condition says it.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from router.files.locations import rules_root
from router.files.yamlio import load_file
from router.model.errors import CatalogError, Problem
from router.model.lazydc import dataclass
from router.model.lazyre import LazyPattern

REASON = "理由"
RULE_KEYS = {"name", "clause", "title", REASON, "source", "cite", "when", "then", "note"}
REQUIRED = {"name", "clause", "title", REASON, "source", "cite", "when", "then"}
SOURCE_KEYS = ("doc", "clause", "quote")
DOCUMENTS = "documents"  # rules/documents/<doc>.txt: the text of each document a rule quotes
# Fact types the decision takes exactly one of per matter (route.py): the rules concluding each
# must exclude each other.
EXCLUSIVE = ("jurisdiction", "action", "referral", "materials")
REF = re.compile(r"^\$([A-Za-z_]\w*)\.([A-Za-z_]\w*)$")
TEMPLATE = re.compile(r"\{([A-Za-z_]\w*)\.([A-Za-z_]\w*)\}")
_NAME = LazyPattern(r"^[a-z_]+(\.[a-z0-9_]+)+$")
OPS = {"ne", "in"}


@dataclass(frozen=True, slots=True)
class Ref:
    """A reference to a field of a fact matched earlier in the same rule: `$alias.field`."""

    alias: str
    field: str


@dataclass(frozen=True, slots=True)
class Test:
    """One field test: op is 'eq', 'ne' or 'in'; value is a literal, a list, or a Ref."""

    field: str
    op: str
    value: Any


@dataclass(frozen=True, slots=True)
class Pattern:
    """Conditions on one fact: all `tests` hold, and at least one of the `any` groups (if any)."""

    alias: str
    tests: tuple[Test, ...]
    any: tuple[tuple[Test, ...], ...] = ()


@dataclass(frozen=True, slots=True)
class Source:
    """The sentence of a document a rule implements: {doc, clause, quote}."""

    doc: str
    clause: str
    quote: str

    def to_json(self) -> dict:
        return {"doc": self.doc, "clause": self.clause, "quote": self.quote}


@dataclass(frozen=True, slots=True, weakref_slot=True)  # the driver keeps compiled forms by weak reference
class Rule:
    """One rule of rules/*.yaml."""

    name: str
    clause: str
    title: str
    cite: tuple[str, ...]
    when: tuple[Pattern, ...]
    then: tuple[dict, ...]
    file: str
    reason: str = ""  # 理由: why this reading of the clause, for policy staff
    source: tuple[Source, ...] = ()


def _tests(raw: dict, known: set[str], file: str, entry: str, key: str,
           problems: list[Problem]) -> list[Test]:
    out: list[Test] = []
    for field, value in raw.items():
        where = f"{key}.{field}"
        if not isinstance(field, str):
            problems.append(Problem(file, entry, where, "字段名应为文本"))
            continue
        if isinstance(value, dict):
            if len(value) != 1 or next(iter(value)) not in OPS:
                problems.append(Problem(file, entry, where,
                                        "条件写法无效；可用：值、$别名.键、{ne: 值}、{in: [值…]}"))
                continue
            op, arg = next(iter(value.items()))
            if op == "in" and not (isinstance(arg, list) and arg):
                problems.append(Problem(file, entry, where, "in 后应为非空列表"))
                continue
            out.append(Test(field, op, _value(arg, known, file, entry, where, problems)))
        else:
            out.append(Test(field, "eq", _value(value, known, file, entry, where, problems)))
    return out


def _value(value: Any, known: set[str], file: str, entry: str, where: str,
           problems: list[Problem]) -> Any:
    if isinstance(value, str) and value.startswith("$"):
        m = REF.match(value)
        if not m:
            problems.append(Problem(file, entry, where, f"引用“{value}”格式错误，应为 $别名.键"))
            return value
        if m.group(1) not in known:
            problems.append(Problem(file, entry, where,
                                    f"引用了未在此前出现的别名“{m.group(1)}”"))
        return Ref(m.group(1), m.group(2))
    if isinstance(value, (dict,)):
        problems.append(Problem(file, entry, where, "值不能是映射"))
    return value


def _check_templates(obj: Any, known: set[str], file: str, entry: str, where: str,
                     problems: list[Problem]) -> None:
    if isinstance(obj, str):
        if obj.startswith("$"):
            m = REF.match(obj)
            if not m or m.group(1) not in known:
                problems.append(Problem(file, entry, where, f"引用“{obj}”无效"))
        for alias, _ in TEMPLATE.findall(obj):
            if alias not in known:
                problems.append(Problem(file, entry, where, f"文本中引用了未知别名“{alias}”"))
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            _check_templates(v, known, file, entry, f"{where}[{i}]", problems)
    elif isinstance(obj, dict):
        for k, v in obj.items():
            _check_templates(v, known, file, entry, f"{where}.{k}", problems)


def _check_duty_texts(then: list, file: str, entry: str, problems: list[Problem]) -> None:
    """A duty is shown as “{body}：{text}”: its text must not name the body again (the text
    “{a.holder}向…反馈” under the body a.holder read “孟轲乡人民政府：孟轲乡人民政府向…”)."""
    for i, fact in enumerate(then):
        by = fact.get("by")
        m = REF.match(by) if fact.get("t") == "duty" and isinstance(by, str) else None
        text = fact.get("text")
        if m and isinstance(text, str) and "{%s.%s}" % (m.group(1), m.group(2)) in text:
            problems.append(Problem(file, entry, f"then[{i}].text",
                                    f"义务的文字不应重复其履行单位（by: {by}）：显示为“单位：文字”，"
                                    "文字从动作写起，如“向…反馈调查处理结果”"))


def load_rules(folder: str | Path | None = None) -> list[Rule]:
    """Read every rules/*.yaml file in name order; raise CatalogError with all problems."""
    folder = rules_root(folder)
    problems: list[Problem] = []
    documents = _documents(folder)
    rules: list[Rule] = []
    names: dict[str, str] = {}
    files = sorted(folder.glob("*.yaml"))
    if not files:
        raise CatalogError([Problem(str(folder), None, None, "没有找到规则文件（*.yaml）")])
    for path in files:
        file = str(path)
        try:
            doc = load_file(path)
        except CatalogError as exc:
            problems.extend(exc.problems)
            continue
        if not isinstance(doc, list):
            problems.append(Problem(file, None, None, "规则文件顶层应为列表"))
            continue
        for i, raw in enumerate(doc):
            entry = f"[{i}]"
            if not isinstance(raw, dict):
                problems.append(Problem(file, entry, None, "每条规则应为映射"))
                continue
            entry = f"[{i}]（{raw.get('name', '?')}）"
            before = len(problems)
            for k in raw:
                if k not in RULE_KEYS:
                    problems.append(Problem(file, entry, str(k),
                                            f"未知的键；可用：{', '.join(sorted(RULE_KEYS))}"))
            for k in REQUIRED - raw.keys():
                problems.append(Problem(file, entry, k, "缺少必填的键"))
            if len(problems) > before:
                continue
            name = raw["name"]
            if not isinstance(name, str) or not _NAME.match(name):
                problems.append(Problem(file, entry, "name", "规则名称应形如 action.refer（小写、点分）"))
                continue
            if name in names:
                problems.append(Problem(file, entry, "name", f"规则名称重复（另见 {names[name]}）"))
                continue
            names[name] = file
            reason = raw[REASON]
            if not isinstance(reason, str) or not reason.strip():
                problems.append(Problem(file, entry, REASON, "应为非空文本：说明为什么这样理解该条款"))
            sources = _sources(raw["source"], str(raw["clause"]), documents, folder, file, entry, problems)
            if not isinstance(raw["cite"], list) or not raw["cite"]:
                problems.append(Problem(file, entry, "cite", "应为非空列表（至少注明机制条款）"))
            when = raw["when"]
            if not isinstance(when, dict) or not when:
                problems.append(Problem(file, entry, "when", "应为非空映射：别名: 条件"))
                continue
            known: set[str] = set()
            patterns: list[Pattern] = []
            for alias, cond in when.items():
                key = f"when.{alias}"
                if not isinstance(cond, dict) or not isinstance(cond.get("t"), str):
                    problems.append(Problem(file, entry, key, "每个条件应为映射，且必须有事实类型 t"))
                    continue
                plain = {k: v for k, v in cond.items() if k != "any"}
                tests = _tests(plain, known, file, entry, key, problems)
                groups: list[tuple[Test, ...]] = []
                if "any" in cond:
                    if not isinstance(cond["any"], list) or not all(isinstance(g, dict) for g in cond["any"]):
                        problems.append(Problem(file, entry, f"{key}.any", "any 后应为映射的列表"))
                    else:
                        groups = [tuple(_tests(g, known, file, entry, f"{key}.any", problems))
                                  for g in cond["any"]]
                patterns.append(Pattern(alias, tuple(tests), tuple(groups)))
                known.add(alias)
            then = raw["then"]
            if not isinstance(then, list) or not all(isinstance(f, dict) and isinstance(f.get("t"), str)
                                                     for f in then) or not then:
                problems.append(Problem(file, entry, "then", "应为事实的列表，每个事实必须有类型 t"))
                continue
            _check_templates(then, known, file, entry, "then", problems)
            _check_duty_texts(then, file, entry, problems)
            if len(problems) > before:
                continue
            rules.append(Rule(name, str(raw["clause"]), str(raw["title"]), tuple(raw["cite"]),
                              tuple(patterns), tuple(then), file, reason.strip(), sources))
    if not problems:
        problems.extend(overlaps(rules))
    if problems:
        raise CatalogError(problems)
    return rules


def _documents(folder: Path) -> dict[str, str]:
    """doc name -> text, for every rules/documents/*.txt."""
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted((folder / DOCUMENTS).glob("*.txt"))}


def _sources(raw: Any, clause: str, documents: dict[str, str], folder: Path, file: str,
             entry: str, problems: list[Problem]) -> tuple[Source, ...]:
    items = raw if isinstance(raw, list) else [raw]
    out: list[Source] = []
    for i, item in enumerate(items):
        key = "source" if not isinstance(raw, list) else f"source[{i}]"
        if not isinstance(item, dict) or set(item) != set(SOURCE_KEYS) \
                or not all(isinstance(item[k], str) and item[k].strip() for k in SOURCE_KEYS):
            problems.append(Problem(file, entry, key, "应为 {doc: 文件, clause: 条款, quote: 原文语句}，三项均为非空文本"))
            continue
        doc, quote = item["doc"], item["quote"]
        if doc not in documents:
            problems.append(Problem(file, entry, f"{key}.doc",
                                    f"没有“{doc}”的原文：应放在 {folder / DOCUMENTS / (doc + '.txt')}"))
        elif quote not in documents[doc]:
            problems.append(Problem(file, entry, f"{key}.quote",
                                    f"引文“{quote[:40]}”在《{doc}》原文中找不到：须逐字摘录原文语句"))
        out.append(Source(doc, item["clause"], quote))
    if out and clause not in {s.clause for s in out}:
        problems.append(Problem(file, entry, "source", f"规则条款“{clause}”应是其引文所在的条款之一"))
    return tuple(out)


# ---- mutual exclusivity, proved from the conditions -------------------------------------------
def _fact_type(p: Pattern) -> str | None:
    for t in p.tests:
        if t.field == "t" and t.op == "eq" and isinstance(t.value, str):
            return t.value
    return None


def _branches(rule: Rule) -> list[list[tuple[tuple[str, str], str, Any]]]:
    """The rule's conditions as alternatives (one per combination of `any` branches), each a list
    of (variable, op, value); a variable is (fact type, field) and a Ref is turned into the
    variable it names (the facts of one type in one rule's match are the same fact: the case,
    or the matter's single fact of that type)."""
    types = {p.alias: _fact_type(p) for p in rule.when}

    def norm(p: Pattern, tests) -> list:
        out = []
        for t in tests:
            value = t.value
            if isinstance(value, Ref):
                value = Ref(types.get(value.alias) or value.alias, value.field)
            out.append(((types[p.alias] or p.alias, t.field), t.op, value))
        return out

    alternatives: list[list] = [[]]
    for p in rule.when:
        base = norm(p, p.tests)
        groups = [norm(p, g) for g in p.any] or [[]]
        alternatives = [a + base + g for a in alternatives for g in groups]
    return alternatives


def _same(a: Any, b: Any) -> bool:
    return type(a) is type(b) and a == b


def _conflict(x: tuple, y: tuple) -> bool:
    """Whether two tests of the same variable can never both hold."""
    (_, op1, v1), (_, op2, v2) = x, y
    if op1 == "eq" and op2 == "eq":
        return not isinstance(v1, Ref) and not isinstance(v2, Ref) and not _same(v1, v2)
    if {op1, op2} == {"eq", "ne"}:
        return _same(v1, v2)
    if op1 == "in" or op2 == "in":
        (oi, vi), (oo, vo) = ((op1, v1), (op2, v2)) if op1 == "in" else ((op2, v2), (op1, v1))
        if oo == "eq" and not isinstance(vo, Ref):
            return not any(_same(vo, v) for v in vi)
        if oo == "in":
            return not any(_same(a, b) for a in vi for b in vo)
        if oo == "ne":
            return all(_same(vo, v) for v in vi)
    return False


def _exclusive(a: Rule, b: Rule) -> bool:
    for x in _branches(a):
        for y in _branches(b):
            if not any(_conflict(s, t) for s in x for t in y if s[0] == t[0]):
                return False
    return True


def overlaps(rules: list[Rule]) -> list[Problem]:
    """One problem per pair of rules that conclude the same EXCLUSIVE fact type and whose
    conditions are not proved to exclude each other."""
    out: list[Problem] = []
    for kind in EXCLUSIVE:
        group = [r for r in rules if any(f.get("t") == kind for f in r.then)]
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                if not _exclusive(a, b):
                    out.append(Problem(b.file, b.name, "when",
                                       f"与规则 {a.name}（{Path(a.file).name}）的条件可能同时成立，"
                                       f"两者都推出“{kind}”：应在条件中写明互相排斥的字段"))
    return out


# ---- meaning of conditions and conclusions (shared by every evaluator) -----------------------
def resolve(value: Any, bound: dict[str, dict]) -> Any:
    if isinstance(value, Ref):
        return bound[value.alias].get(value.field)
    return value


def render(template: Any, bound: dict[str, dict]) -> Any:
    """Fill a `then` value: `$alias.field` whole values keep their type; `{alias.field}` in text."""
    if isinstance(template, str):
        m = REF.match(template)
        if m:
            return bound[m.group(1)].get(m.group(2))
        return TEMPLATE.sub(lambda mm: str(bound[mm.group(1)].get(mm.group(2), "")), template)
    if isinstance(template, list):
        return [render(v, bound) for v in template]
    if isinstance(template, dict):
        return {k: render(v, bound) for k, v in template.items()}
    return template


def conclude(rule: Rule, bound: dict[str, dict]) -> list[dict]:
    """The facts a rule asserts for one match; each carries the rule's name (trace, uniqueness)."""
    return [{**render(fact, bound), "by_rule": rule.name} for fact in rule.then]
