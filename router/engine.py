"""The rules (router/rules.py) run on durable-rules, kept clear of its measured pitfalls.

See the project notes on durable-rules: a host without background threads, one ruleset with a
unique name built once per Engine, one state id per case deleted in `finally`, every action
wrapped so an exception fails the case instead of being swallowed, and the firing order recorded
(there is no trace API).
"""
from __future__ import annotations

import itertools
import json
import uuid
from dataclasses import dataclass
from typing import Any

import durable.engine as _durable

from .errors import EngineError
from .rules import Pattern, Ref, Rule, Test, conclude, load_rules

# Derived fact types no rule consumes still need a rule that accepts them, or durable-rules
# raises MessageNotHandledException inside the action and drops the fact silently.
_SINK_NEVER = "__sink_never__"


class _QuietHost(_durable.Host):
    """A Host without the two timer threads the stock host starts (they steal pending actions
    mid-chain in batch runs; together with delete_state that crashed the process)."""

    def _run(self) -> None:  # noqa: D401 - deliberately does nothing
        return None


@dataclass(frozen=True)
class Firing:
    """One rule firing: the explanation a clerk sees with --explain."""

    rule: str
    clause: str
    title: str
    matched: dict[str, dict]
    asserted: tuple[dict, ...]

    def to_json(self) -> dict:
        return {"rule": self.rule, "clause": self.clause, "title": self.title,
                "matched": self.matched, "asserted": list(self.asserted)}


def _test_json(test: Test) -> dict:
    if isinstance(test.value, Ref):
        rhs: Any = {test.value.alias: test.value.field}
    else:
        rhs = test.value
    if test.op == "eq":
        return {test.field: rhs}
    if test.op == "ne":
        return {"$neq": {test.field: rhs}}
    if test.op == "in":
        return {"$or": [{test.field: v} for v in test.value]}
    raise ValueError(test.op)


def _pattern_json(p: Pattern) -> dict:
    parts = [_test_json(t) for t in p.tests]
    if p.any:  # the `any` groups are alternatives of one disjunction
        parts.append({"$or": [_all(group) for group in p.any]})
    return {p.alias: _all(parts, raw=True)}


def _all(items, raw: bool = False) -> dict:
    parts = list(items) if raw else [_test_json(t) for t in items]
    return parts[0] if len(parts) == 1 else {"$and": parts}


def compile_ruleset(rules: list[Rule], actions: dict[str, Any]) -> dict:
    """Turn parsed rules into durable-rules' JSON form (a fresh dict every call: durable mutates
    it by deleting the `run` entries)."""
    definition: dict[str, dict] = {}
    produced: set[str] = set()
    for rule in rules:
        definition[rule.name] = {"all": [_pattern_json(p) for p in rule.when],
                                 "run": actions[rule.name]}
        produced.update(f["t"] for f in rule.then)
        produced.update(t.value for p in rule.when for t in p.tests if t.field == "t" and t.op == "eq")
    # Every fact type (base and derived) goes to the sink, not only types no rule mentions: a fact of a consumed
    # type whose values no condition accepts (an `action` of outside_district, say) is unhandled
    # too. The cross-check against the oracle found exactly that.
    kinds = sorted(produced)
    definition["__sink"] = {
        "all": [{"never": {"t": _SINK_NEVER}},
                {"m": {"$or": [{"t": t} for t in kinds]} if len(kinds) > 1 else {"t": kinds[0]}}],
        "run": lambda c: None,
    }
    return definition


class Engine:
    """One compiled ruleset on a private quiet host. Not thread-safe: one per process."""

    _ids = itertools.count(1)

    def __init__(self, rules: list[Rule] | None = None):
        self.rules = rules if rules is not None else load_rules()
        if len(self.rules) >= 500:
            # One ruleset with 512+ rules hung for minutes while being built (measured).
            raise EngineError(f"规则数量（{len(self.rules)}）过多：durable-rules 在 512 条以上会挂起")
        self._by_name = {r.name: r for r in self.rules}
        self._name = f"zhifa_{uuid.uuid4().hex}"
        self._host = _QuietHost()
        self._current: dict[str, Any] | None = None
        actions = {r.name: self._wrap(r) for r in self.rules}
        self._host.register_rulesets({self._name: compile_ruleset(self.rules, actions)})
        self._ruleset = self._host.get_ruleset(self._name)

    def _wrap(self, rule: Rule):
        aliases = [p.alias for p in rule.when]

        def action(c) -> None:
            run = self._current
            if run is None or run.get("error") is not None:
                return
            try:
                bound = {a: _plain(getattr(c, a)) for a in aliases}
                facts = conclude(rule, bound)
                run["firings"].append(Firing(rule.name, rule.clause, rule.title, bound, tuple(facts)))
                for fact in facts:
                    c.assert_fact(fact)
            except BaseException as exc:  # durable swallows it: keep it and re-raise later
                run["error"] = (rule.name, exc)

        return action

    def evaluate(self, facts: list[dict]) -> tuple[list[dict], list[Firing]]:
        """Assert the base facts in a fresh state; return all facts and the firings, in order."""
        sid = str(next(self._ids))
        run: dict[str, Any] = {"firings": [], "error": None}
        self._current = run
        try:
            for fact in facts:
                payload = json.loads(json.dumps({**fact, "sid": sid}, ensure_ascii=False))
                try:
                    result = self._host.assert_fact(self._name, payload)
                except Exception as exc:  # noqa: BLE001 - engine-level failure
                    raise EngineError(f"规则引擎拒绝事实 {fact.get('t')}：{exc}") from exc
                if run["error"] is not None:
                    name, exc = run["error"]
                    raise EngineError(f"规则“{name}”执行失败：{exc!r}；本案不输出不完整的结论") from exc
                # None means no action was pending for this fact (the quiet host never hands
                # actions to another thread); the decision step checks the chain is complete.
                if isinstance(result, dict) and "exception" in result:
                    raise EngineError(f"规则引擎内部错误：{result['exception'][:300]}")
            out = [{k: v for k, v in f.items() if k != "sid"}
                   for f in self._host.get_facts(self._name, sid)]
            return out, run["firings"]
        finally:
            self._current = None
            try:
                self._host.delete_state(self._name, sid)
            except Exception:  # noqa: BLE001 - a state that was never created
                pass

    def rule(self, name: str) -> Rule:
        return self._by_name[name]


def _plain(content: Any) -> dict:
    """durable's Content -> a plain dict without the state id."""
    data = getattr(content, "_d", content)
    return {k: v for k, v in dict(data).items() if k != "sid"}
