"""The rule set as data (rules/*.yaml): loading, checking, and the meaning of its conditions.

The same parsed rules feed the durable-rules engine (router/engine.py) and can be read by any
other evaluator; nothing here depends on durable-rules.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from router.files.locations import rules_root
from router.files.yamlio import load_file
from router.model.errors import CatalogError, Problem

RULE_KEYS = {"name", "clause", "title", "cite", "when", "then", "note"}
REQUIRED = {"name", "clause", "title", "cite", "when", "then"}
REF = re.compile(r"^\$([A-Za-z_]\w*)\.([A-Za-z_]\w*)$")
TEMPLATE = re.compile(r"\{([A-Za-z_]\w*)\.([A-Za-z_]\w*)\}")
_NAME = re.compile(r"^[a-z_]+(\.[a-z0-9_]+)+$")
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


@dataclass(frozen=True, slots=True, weakref_slot=True)  # the driver keeps compiled forms by weak reference
class Rule:
    name: str
    clause: str
    title: str
    cite: tuple[str, ...]
    when: tuple[Pattern, ...]
    then: tuple[dict, ...]
    file: str


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


def load_rules(folder: str | Path | None = None) -> list[Rule]:
    """Read every rules/*.yaml file in name order; raise CatalogError with all problems."""
    folder = rules_root(folder)
    problems: list[Problem] = []
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
            if len(problems) > before:
                continue
            rules.append(Rule(name, str(raw["clause"]), str(raw["title"]), tuple(raw["cite"]),
                              tuple(patterns), tuple(then), file))
    if problems:
        raise CatalogError(problems)
    return rules


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
