"""The independent checker: rules/*.yaml evaluated in plain Python, never used to route.

It reads the same parsed rules as the durable-rules driver (router/engine/driver.py) and computes
the same derived facts by naive forward chaining (every rule against every combination of facts,
until nothing new fires). It shares no code with the driver beyond the rule data model, so a bug
in the driver's compilation, in durable-rules itself, or in the action loop shows up as a
disagreement: `zhifa check --cross` (router/engine/crosscheck.py) and tests/test_crosscheck.py.
"""
from __future__ import annotations

import json
from typing import Any, Iterator

from router.engine.driver import Firing
from router.engine.rules import Pattern, Rule, Test, conclude, resolve
from router.model.errors import EngineError

MAX_ROUNDS = 50


def _holds(test: Test, fact: dict, bound: dict[str, dict]) -> bool:
    if test.field not in fact:
        return False
    value = fact[test.field]
    if test.op == "in":
        return any(_same(value, v) for v in test.value)
    target = resolve(test.value, bound)
    return _same(value, target) if test.op == "eq" else not _same(value, target)


def _same(a: Any, b: Any) -> bool:
    # Facts are normalised to real types before they are asserted: compare strictly, so that
    # True never equals 1 here (durable-rules would compare loosely; the inputs never mix them).
    return type(a) is type(b) and a == b


def _matches(p: Pattern, fact: dict, bound: dict[str, dict]) -> bool:
    if not all(_holds(t, fact, bound) for t in p.tests):
        return False
    return not p.any or any(all(_holds(t, fact, bound) for t in group) for group in p.any)


def _bindings(rule: Rule, facts: list[dict], i: int = 0,
              bound: dict[str, dict] | None = None, used: tuple[int, ...] = ()) -> Iterator[tuple]:
    bound = bound or {}
    if i == len(rule.when):
        yield used, dict(bound)
        return
    p = rule.when[i]
    for n, fact in enumerate(facts):
        if n in used:
            continue
        if _matches(p, fact, bound):
            bound[p.alias] = fact
            yield from _bindings(rule, facts, i + 1, bound, used + (n,))
            del bound[p.alias]


def evaluate(rules: list[Rule], base: list[dict]) -> tuple[list[dict], list[Firing]]:
    facts: list[dict] = [dict(f) for f in base]
    seen = {_key(f) for f in facts}
    fired: set[tuple[str, tuple[int, ...]]] = set()
    firings: list[Firing] = []
    for _ in range(MAX_ROUNDS):
        new = False
        for rule in rules:
            for used, bound in list(_bindings(rule, facts)):
                if (rule.name, used) in fired:
                    continue
                fired.add((rule.name, used))
                produced = conclude(rule, bound)
                firings.append(Firing.of(rule, bound, tuple(produced)))
                for fact in produced:
                    k = _key(fact)
                    if k in seen:
                        raise EngineError(f"规则“{rule.name}”推出了重复的事实：{fact}")
                    seen.add(k)
                    facts.append(fact)
                new = True
        if not new:
            return facts, firings
    raise EngineError(f"推理在 {MAX_ROUNDS} 轮内未结束：规则可能循环")


def _key(fact: dict) -> str:
    return json.dumps(fact, sort_keys=True, ensure_ascii=False)


class OracleEngine:
    """Drop-in for the driver's Engine in a Router, for cross-checking decisions only."""

    def __init__(self, rules: list[Rule]):
        self.rules = rules
        self._by_name = {r.name: r for r in rules}

    def evaluate(self, facts: list[dict]) -> tuple[list[dict], list[Firing]]:
        return evaluate(self.rules, facts)

    def rule(self, name: str) -> Rule:
        return self._by_name[name]
