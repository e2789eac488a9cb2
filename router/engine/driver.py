"""The one durable-rules driver: the rules (router/engine/rules.py) run on durable's C core.

This is the only module that imports durable-rules. It keeps clear of the pitfalls measured in
the project notes (docs: shared notes on durable-rules 2.0.28): a host without background
threads, one ruleset with a unique name built once per Engine, one state per case emptied (or
deleted) after it, every exception in a rule's action failing the case, and the firing order
recorded here (durable has no trace API).

Direct C core, not durable's Python host, by measurement (`bench/run.py --only engine`, quick,
2,000 generated cases, this 2-core machine): the same chain of firings costs ~4x as much through
the host (per action it builds a Closure, starts a lease timer and writes the state back), see
CHANGELOG.md for the figures. What this driver relies on from durable-rules 2.0.28 — pinned by
tests/test_engine_driver.py::test_durable_contract, so an upgrade that changes any of it fails
there, not in a clerk's case:

- `durable.engine.Host`: a subclass whose `_run` does nothing has no timer threads;
  `register_rulesets({name: definition})` builds the Rete network from the JSON form (`all`
  of `{alias: condition}`, `$and`/`$or`/`$neq`, a `{alias: field}` value referring to an earlier
  alias) and deletes the `run` entries of the dict it is given; `get_ruleset(name)._handle` is
  the C handle of the ruleset.
- `durable_rules_engine.assert_fact(handle, json_text)` returns a tuple whose first two items are
  (code, state handle): 0 accepted (actions may be pending), 1 no condition accepts the fact
  (not stored), 2 the identical fact is already in the state, 3 deferred (never seen here: it
  fails the case). The fact's `sid` field names the state.
- `start_action_for_state(handle, state)` returns a falsy value when no action is pending, else a
  tuple whose item 1 is the JSON text `{rule_name: {alias: fact, ...}}` (facts with their `sid`);
  `complete_and_start_action(handle, state)` completes it and returns the next such text or a
  falsy value; `abandon_action(handle, state)` drops a started action.
- `retract_fact(handle, json_text)` returns (code, state handle, ...), code 0 when actions became
  pending; `delete_state(handle, sid)` removes a state; a ruleset whose first state is deleted
  before any action ran aborts the process (hence the warm-up rule).
- The pure-Python evaluator (router/engine/reference.py) is the independent check of this
  driver (`zhifa check --cross`, tests/test_crosscheck.py); nothing falls back to it.
"""
from __future__ import annotations

import itertools
import os
import weakref
from typing import Any

import durable.engine as _durable
import durable_rules_engine as _dre
import orjson

from router.engine.rules import (
    REF,
    TEMPLATE,
    Pattern,
    Ref,
    Rule,
    Source,
    Test,
    load_rules,
)
from router.model.errors import EngineError
from router.model.lazydc import dataclass

# Derived fact types no rule consumes still need a rule that accepts them, or durable-rules
# raises MessageNotHandledException inside the action and drops the fact silently.
_SINK_NEVER = "__sink_never__"
_WARMUP = "__warmup__"
_KEPT = -1  # Engine._send: recorded, not sent to durable


class _QuietHost(_durable.Host):
    """A Host without the two timer threads the stock host starts (they steal pending actions
    mid-chain in batch runs; together with delete_state that crashed the process)."""

    def _run(self) -> None:  # noqa: D401 - deliberately does nothing
        return None


@dataclass(frozen=True, slots=True)
class Firing:
    """One rule firing: the explanation a clerk sees with --explain. Immutable."""

    rule: str
    clause: str
    title: str
    matched: dict[str, dict]
    asserted: tuple[dict, ...]
    reason: str = ""  # the rule's 理由
    source: tuple[Source, ...] = ()

    @classmethod
    def of(cls, rule: Rule, matched: dict[str, dict], asserted: tuple[dict, ...]) -> "Firing":
        return cls(rule.name, rule.clause, rule.title, matched, asserted, rule.reason, rule.source)

    def to_json(self) -> dict:
        return {"rule": self.rule, "clause": self.clause, "title": self.title,
                "matched": self.matched, "asserted": list(self.asserted),
                "reason": self.reason, "source": [s.to_json() for s in self.source]}


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


def compile_ruleset(rules: list[Rule], actions: dict[str, Any], sink: bool = True) -> dict:
    """Turn parsed rules into durable-rules' JSON form (a fresh dict every call: durable mutates
    it by deleting the `run` entries), with a never-firing "sink" rule that accepts every fact type
    a rule produces or reads (none with `sink=False`).

    Why a sink: durable's own Python host drops a fact no condition accepts inside an action
    (MessageNotHandled). The direct driver needs none: it keeps every fact itself, and a fact
    durable answers "not handled" can take part in no rule."""
    definition: dict[str, dict] = {}
    produced: set[str] = set()
    for rule in rules:
        definition[rule.name] = {"all": [_pattern_json(p) for p in rule.when],
                                 "run": actions[rule.name]}
        produced.update(f["t"] for f in rule.then)
        produced.update(t.value for p in rule.when for t in p.tests if t.field == "t" and t.op == "eq")
    if not sink:
        return definition
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
    """One compiled ruleset on a private quiet host. Not thread-safe: one per process.

    The host registers the ruleset (durable-rules builds its Rete network in C); cases are then
    driven through durable's C core directly — assert a fact, take the next pending action, run
    it, complete it — the loop durable's Python host runs, without its per-action Closure, timer
    and lease bookkeeping (which cost a third of every case). Semantics are the stock host's:
    base facts one at a time, each chain run to completion before the next fact, so firing order
    is unchanged; tests/test_engine_driver.py holds the two drivers to identical facts and
    firings. An exception in an action is never swallowed: it fails the case.
    """

    _ids = itertools.count(1)

    def __init__(self, rules: list[Rule] | None = None):
        self.rules = rules if rules is not None else load_rules()
        if len(self.rules) >= 500:
            # One ruleset with 512+ rules hung for minutes while being built (measured).
            raise EngineError(f"规则数量（{len(self.rules)}）过多：durable-rules 在 512 条以上会挂起")
        self._by_name = {r.name: r for r in self.rules}
        self._aliases = {r.name: tuple(p.alias for p in r.when) for r in self.rules}
        for r in self.rules:
            _compiled_for(r)
        # Unique per host (each Engine has its own); pid and random bits keep it unique across
        # forked workers too. (`uuid` would cost ~4 ms of import time on every cold start.)
        self._name = f"zhifa_{os.getpid()}_{next(self._ids)}_{os.urandom(6).hex()}"
        self._host = _QuietHost()
        # The direct driver's ruleset: durable never runs its actions (the driver does).
        self._consumed = _consumed_types(self.rules)
        never = {r.name: _never_called for r in self.rules}
        definition = compile_ruleset(self.rules, never, sink=False)
        definition[_WARMUP] = {"all": [{"w": {"t": _WARMUP}}], "run": _never_called}
        self._host.register_rulesets({self._name: definition})
        self._handle = self._host.get_ruleset(self._name)._handle
        self._warm_up()
        self._sid = f"s{next(self._ids)}"  # the state cases are evaluated in (see evaluate)

    def _warm_up(self) -> None:
        """Run one action before any case. durable's C core aborts the process (free(): invalid
        pointer) when the first state of a ruleset is deleted before any action has ever run in
        it — e.g. a first case whose facts fire no rule (measured; tests/test_engine_driver.py)."""
        handle, sid = self._handle, f"{_WARMUP}{self._name}"
        code, state = _dre.assert_fact(handle, _dumps({"t": _WARMUP, "sid": sid}))[:2]
        started = _dre.start_action_for_state(handle, state) if code == 0 else None
        if not started:
            raise EngineError("规则引擎初始化失败：预热规则未触发")
        message = started[1]
        while message:
            message = _dre.complete_and_start_action(handle, state)
        _dre.delete_state(handle, sid)

    def evaluate(self, facts: list[dict]) -> tuple[list[dict], list[Firing]]:
        """Assert the base facts in an empty state; return all facts (the base facts, then every
        derived fact in the order it was asserted) and the firings, in order.

        One state id serves case after case: at the end every fact sent to durable is retracted,
        which leaves the state empty (checked by tests/test_engine_driver.py). Deleting the state
        and making a new one per case cost more: durable allocates and zeroes a large state node
        for every new id (~16% of all instructions of a batch, measured with callgrind). Any
        failure deletes the state instead, and the next case starts a new one."""
        sid = self._sid
        handle = self._handle
        out = list(facts)
        firings: list[Firing] = []
        seen: set = set()      # JSON of every fact so far: a repeated one fails the case
        sent: list[str] = []   # what was asserted in durable, retracted at the end
        try:
            for fact in facts:
                # The facts the router builds hold only text and booleans (see route.py).
                code, state = self._send(fact, sid, None, seen, sent)
                if code == 0:
                    self._run_actions(handle, state, sid, firings, out, seen, sent)
                elif code not in (1, _KEPT):  # 3 = deferred: never seen here; fail, not guess
                    raise EngineError(f"规则引擎推迟了事实 {fact.get('t')}（代码 {code}）；本案不输出结论")
        except BaseException as exc:
            self._discard_state()
            if isinstance(exc, EngineError) or not isinstance(exc, Exception):
                raise
            raise EngineError(f"规则引擎内部错误：{str(exc)[:300]}") from exc
        if not self._empty_state(sent):
            self._discard_state()
        return out, firings

    def _send(self, fact: dict, sid: str, rule: str | None, seen: set,
              sent: list[str]) -> tuple[int, int]:
        """Assert `fact` in durable, or only record it (code _KEPT) when no rule's condition can
        read its type: durable would answer "not handled" and keep nothing. Either way an
        identical fact seen before in this case fails it."""
        consumed = self._consumed
        if consumed is not None and fact.get("t") not in consumed:
            _unseen(orjson.dumps(fact), fact, rule, seen)
            return _KEPT, 0
        return _assert(self._handle, {**fact, "sid": sid}, fact, rule, seen, sent)

    def _empty_state(self, sent: list[str]) -> bool:
        """Retract every fact this case sent to durable; False if that did not simply work."""
        handle = self._handle
        try:
            for text in sent:
                code, state = _dre.retract_fact(handle, text)[:2]
                if code == 0 and _dre.start_action_for_state(handle, state):
                    _abandon(handle, state)  # a retraction made a rule fire: start afresh
                    return False
        except Exception:  # noqa: BLE001 - start afresh
            return False
        return True

    def _discard_state(self) -> None:
        try:
            _dre.delete_state(self._handle, self._sid)
        except Exception:  # noqa: BLE001 - a state that was never created
            pass
        self._sid = f"s{next(self._ids)}"

    def _run_actions(self, handle: int, state: int, sid: str, firings: list[Firing],
                     out: list[dict], seen: set, sent: list[str]) -> None:
        """Run every action pending for `state` until the chain is complete (durable's
        do_actions/_flush_actions, synchronously)."""
        started = _dre.start_action_for_state(handle, state)
        if not started:
            return
        message = started[1]
        by_name, aliases = self._by_name, self._aliases
        while message:
            (name, matched), = _loads(message).items()
            rule = by_name.get(name)
            if rule is None:
                _abandon(handle, state)
                raise EngineError(f"规则引擎返回了未知规则“{name}”的动作；本案不输出结论")
            try:
                bound = {}
                for a in aliases[name]:
                    f = matched[a]
                    f.pop("sid", None)
                    bound[a] = f
                new = conclude(rule, bound)
                firings.append(Firing.of(rule, bound, tuple(new)))
                for fact in new:
                    self._send(fact, sid, name, seen, sent)
                    out.append(dict(fact))  # a copy: the trace keeps what was asserted
            except BaseException as exc:
                _abandon(handle, state)
                if isinstance(exc, EngineError):
                    raise
                raise EngineError(f"规则“{name}”执行失败：{exc!r}；本案不输出不完整的结论") from exc
            # The stock host also calls update_state with the unchanged state here; nothing in
            # our rules writes state, and skipping it changes no result (see the driver test).
            message = _dre.complete_and_start_action(handle, state)

    def rule(self, name: str) -> Rule:
        return self._by_name[name]


# orjson: the same compact UTF-8 JSON as json's encoder with ensure_ascii=False (durable reads a
# str), ~5x faster to write and ~3x faster to read; JSON was a third of the engine's time.
_loads = orjson.loads


def _dumps(payload: dict) -> str:
    return orjson.dumps(payload).decode()


def _assert(handle: int, payload: dict, fact: dict, rule: str | None, seen: set,
            sent: list[str]) -> tuple[int, int]:
    """durable_rules_engine.assert_fact, its result code checked: 0 = accepted, actions may be
    pending; 1 = no rule's condition accepts the fact (durable's MessageNotHandled: kept in our
    own list, it can take part in no rule); 3 = deferred (durable's stock host treats it as
    accepted; a derived fact asserted inside an action may be); 2 = the identical fact is already
    there (MessageObserved). A duplicate fails the case; it is also caught here for facts durable
    does not store (code 1), as the stock host's catch-all rule caught them."""
    text = _dumps(payload)
    _unseen(text, fact, rule, seen)
    sent.append(text)
    code, state = _dre.assert_fact(handle, text)[:2]
    if code == 2:
        _duplicate(fact, rule, code)
    return code, state


def _unseen(text: str | bytes, fact: dict, rule: str | None, seen: set) -> None:
    """Note a fact's JSON; one already noted in this case is a duplicate, which fails it."""
    if text in seen:
        _duplicate(fact, rule, 2)
    seen.add(text)


def _duplicate(fact: dict, rule: str | None, code: int) -> None:
    who = f"规则“{rule}”推出的事实" if rule else "事实"
    raise EngineError(f"{who} {fact.get('t')} 被规则引擎拒绝（同一事实被重复推出，代码 {code}）；本案不输出不完整的结论")


def _consumed_types(rules: list[Rule]) -> frozenset[str] | None:
    """The fact types some rule's condition can accept, or None if a condition does not fix its
    type with an equality test (then every fact must go to durable)."""
    types: set[str] = set()
    for rule in rules:
        for p in rule.when:
            fixed = [t for t in p.tests if t.field == "t" and t.op == "eq" and isinstance(t.value, str)]
            if not fixed:
                return None
            types.add(fixed[0].value)
    return frozenset(types)


def _never_called(c) -> None:  # pragma: no cover - the direct driver runs the actions itself
    raise EngineError("durable-rules 自行调用了规则动作：直接驱动方式被绕过")


def _abandon(handle: int, state: int) -> None:
    try:
        _dre.abandon_action(handle, state)
    except Exception:  # noqa: BLE001 - the state is deleted next anyway
        pass


# ---- conclusions, compiled once per rule -------------------------------------------------------
# The same meaning as rules.render/conclude (which the oracle uses, so the cross-check compares
# two independent implementations): `$alias.field` as a whole value keeps its type, `{alias.field}`
# inside text is replaced by str(value) ("" when the field is missing), lists and mappings are
# filled element by element, every other value is a constant. Each call builds fresh containers.
def _compile_value(template: Any):
    if isinstance(template, str):
        m = REF.match(template)
        if m:
            alias, name = m.group(1), m.group(2)
            return lambda b: b[alias].get(name)
        pieces: list[Any] = []
        pos = 0
        for mm in TEMPLATE.finditer(template):
            pieces.append(template[pos:mm.start()])
            pieces.append((mm.group(1), mm.group(2)))
            pos = mm.end()
        if not pieces:
            return lambda b: template
        pieces.append(template[pos:])
        return lambda b: "".join(p if isinstance(p, str) else str(b[p[0]].get(p[1], ""))
                                 for p in pieces)
    if isinstance(template, list):
        items = [_compile_value(v) for v in template]
        return lambda b: [f(b) for f in items]
    if isinstance(template, dict):
        # Constant entries are copied with the dict (key order kept: each filled-in entry is
        # assigned to a key that is already in place); only the rest are computed.
        dynamic = [(k, _compile_value(v)) for k, v in template.items() if _is_dynamic(v)]
        if not dynamic:
            return lambda b: dict(template)
        shape = {k: (None if _is_dynamic(v) else v) for k, v in template.items()}

        def fill(b):
            out = shape.copy()
            for k, f in dynamic:
                out[k] = f(b)
            return out
        return fill
    return lambda b: template


def _is_dynamic(template: Any) -> bool:
    """Whether a template needs the bound facts (or fresh containers) to be built."""
    if isinstance(template, str):
        return bool(REF.match(template) or TEMPLATE.search(template))
    return isinstance(template, (list, dict))


def compile_conclusions(rule: Rule):
    """A function bound-facts -> the facts the rule asserts (each with `by_rule`)."""
    facts = [_compile_value({**fact, "by_rule": rule.name}) for fact in rule.then]
    return lambda bound: [f(bound) for f in facts]


# id(rule) -> (weak reference to the rule, its compiled conclusions). Rules are unhashable (they
# hold dicts); an entry goes when its rule does.
_COMPILED: dict[int, tuple[Any, Any]] = {}


def _compiled_for(rule: Rule):
    key = id(rule)
    hit = _COMPILED.get(key)
    if hit is None or hit[0]() is not rule:
        ref = weakref.ref(rule, lambda r, k=key: _COMPILED.get(k, (None,))[0] is r and _COMPILED.pop(k))
        hit = (ref, compile_conclusions(rule))
        _COMPILED[key] = hit
    return hit[1]


def conclude(rule: Rule, bound: dict[str, dict]) -> list[dict]:
    """What the rule asserts for one match: rules.conclude, from templates compiled once."""
    return _compiled_for(rule)(bound)
