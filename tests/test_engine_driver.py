"""The one durable-rules driver (router/engine/driver.py): what it relies on from durable is
pinned here (test_durable_contract), it agrees with the independent pure-Python checker on every
fixture and on generated cases, and it fails loudly instead of guessing."""
import json
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import durable.engine
import durable_rules_engine as dre
import orjson
import pytest

from router.decide.case import parse_case
from router.decide.generate import generate_cases
from router.engine.driver import Engine
from router.engine.reference import evaluate as reference_evaluate
from router.model.errors import EngineError, InputError
from router.policy.fixtures import FIXTURE_NOW, load_fixtures

CASES = Path(__file__).parent / "cases"
NOW = datetime.fromisoformat(FIXTURE_NOW)


def _factsets(router, raws):
    cat = router.catalog
    for raw in raws:
        try:
            case = parse_case(raw, now=NOW)
            place, rep = cat.resolve_place(case.place), cat.resolve_reporter(case.reported_by)
            ids = list(dict.fromkeys(cat.matter(m).id for m in case.matters))
        except InputError:  # fixtures of bad input
            continue
        if ids:
            yield [router.case_fact(case, place, rep)] + [router.matter_fact(m, place, case) for m in ids]


def _key(result):
    facts, firings = result
    return (sorted(json.dumps(f, sort_keys=True, ensure_ascii=False) for f in facts),
            [f.to_json() for f in firings])


def _sorted(result):
    facts, firings = result
    return (sorted(json.dumps(f, sort_keys=True, ensure_ascii=False) for f in facts),
            sorted(json.dumps(f.to_json(), sort_keys=True, ensure_ascii=False) for f in firings))


def test_driver_equals_the_reference_evaluator(router):
    # 1,300 generated cases (the reference evaluator is deliberately naive and slow) on their own
    # fire every rule the fixtures fire; checked, so that a change losing coverage fails here.
    fixtures = [f.input for f in load_fixtures([CASES]) if f.input.get("matter") or f.input.get("matters")]
    generated = list(generate_cases(router.catalog, 1300, seed=7))
    engine = router.engine
    n = 0
    fired: dict[bool, set[str]] = {True: set(), False: set()}
    for is_fixture, raws in ((True, fixtures), (False, generated)):
        for facts in _factsets(router, raws):
            direct = engine.evaluate(facts)
            assert _sorted(direct) == _sorted(reference_evaluate(engine.rules, facts)), facts
            assert direct[1], "every case fires at least one rule"
            fired[is_fixture] |= {f.to_json()["rule"] for f in direct[1]}
            n += 1
    assert n > 1300
    assert fired[True] <= fired[False], fired[True] - fired[False]


class _Quiet(durable.engine.Host):
    def _run(self):
        return None


def test_durable_contract():
    """Every durable-rules call, return shape and code the driver's docstring lists."""
    host = _Quiet()
    fired = []

    def action(c):
        fired.append(c)

    definition = {"pair": {"all": [{"a": {"t": "x"}}, {"b": {"$and": [{"t": "y"}, {"v": {"a": "v"}}]}}],
                           "run": action},
                  "other": {"all": [{"c": {"$and": [{"$or": [{"t": "z"}, {"t": "w"}]}, {"$neq": {"v": 1}}]}}],
                            "run": action}}
    host.register_rulesets({"contract": definition})
    assert "run" not in definition["pair"]  # durable mutates the definition it is given
    handle = host.get_ruleset("contract")._handle
    assert isinstance(handle, int)
    sid = "contract"
    code, state = dre.assert_fact(handle, orjson.dumps({"t": "x", "v": 1, "sid": sid}).decode())[:2]
    assert code == 0 and not dre.start_action_for_state(handle, state)  # nothing pending yet
    y = orjson.dumps({"t": "y", "v": 1, "sid": sid}).decode()
    code, state = dre.assert_fact(handle, y)[:2]
    assert code == 0
    started = dre.start_action_for_state(handle, state)
    message = orjson.loads(started[1])
    (rule, matched), = message.items()
    assert rule == "pair" and matched["a"]["t"] == "x" and matched["b"]["sid"] == sid
    assert not dre.complete_and_start_action(handle, state)  # the chain is complete
    assert dre.assert_fact(handle, y)[0] == 2  # the identical fact again
    assert dre.assert_fact(handle, orjson.dumps({"t": "w", "v": 1, "sid": sid}).decode())[0] == 1
    code, state = dre.assert_fact(handle, orjson.dumps({"t": "w", "v": 2, "sid": sid}).decode())[:2]
    started = dre.start_action_for_state(handle, state)
    assert code == 0 and list(orjson.loads(started[1])) == ["other"]
    dre.abandon_action(handle, state)
    assert dre.assert_fact(handle, orjson.dumps({"t": "q", "sid": sid}).decode())[0] == 1  # not handled
    assert dre.retract_fact(handle, y)[0] in (0, 1)
    assert {"t": "x", "v": 1, "sid": sid} in orjson.loads(dre.get_facts(handle, sid))
    assert {"t": "y", "v": 1, "sid": sid} not in orjson.loads(dre.get_facts(handle, sid))
    dre.delete_state(handle, sid)
    assert fired == []  # the quiet host never ran an action itself


def test_identical_base_fact_twice_fails_the_case_loudly(router):
    facts = next(_factsets(router, generate_cases(router.catalog, 1, seed=3)))
    with pytest.raises(EngineError, match="重复"):
        router.engine.evaluate(facts + [facts[-1]])
    # the state was deleted: the next case is fine
    assert router.engine.evaluate(facts)[1]


def test_failed_cases_delete_their_state(router):
    # durable refuses a 1025th live state id per ruleset. Every failed case discards its state and
    # the next case starts a new one: 1,100 failures in a row pass only if each state is deleted.
    engine = Engine(router.engine.rules)
    facts = next(_factsets(router, generate_cases(router.catalog, 1, seed=5)))
    for _ in range(1100):
        with pytest.raises(EngineError, match="重复"):
            engine.evaluate(facts + [facts[-1]])
    assert _key(engine.evaluate(facts)) == _key(router.engine.evaluate(facts))


def test_a_fact_no_rule_accepts_is_kept_and_a_duplicate_of_it_still_fails(router):
    facts = next(_factsets(router, generate_cases(router.catalog, 1, seed=3)))
    stray = {"t": "no_rule_reads_this", "v": "x"}
    out, _ = router.engine.evaluate(facts + [stray])
    assert stray in out  # durable does not store it (no condition accepts it); the result keeps it
    with pytest.raises(EngineError, match="重复"):
        router.engine.evaluate(facts + [stray, dict(stray)])


CRASH = r"""
import sys
from router.decide.route import Router
from router.model.errors import EngineError
router = Router()
case = {"t": "case", "channel": "nonsense", "place_kind": "nowhere"}
for facts in ([{"t": "no_rule_reads_this"}, case], [case], [{"t": "matter", "matter": "?"}], [{"t": 1}]):
    try:
        router.engine.evaluate(facts)
    except EngineError:
        pass
print("alive")
"""


def test_facts_no_condition_accepts_never_abort_the_process():
    # durable's C core aborts the process (free(): invalid pointer) when a state whose first fact
    # no condition accepted is deleted; the engine must never get there. Run in a child process:
    # an abort here would take pytest down with it.
    proc = subprocess.run([sys.executable, "-c", CRASH], capture_output=True, text=True, timeout=120,
                          cwd=Path(__file__).resolve().parents[1])
    assert proc.returncode == 0 and "alive" in proc.stdout, proc.stderr[-2000:]


def test_the_reused_state_is_empty_after_every_case(router):
    engine = Engine(router.engine.rules)
    sets = list(_factsets(router, generate_cases(router.catalog, 300, seed=11)))
    for facts in sets:
        first = _key(engine.evaluate(facts))
        assert orjson.loads(dre.get_facts(engine._handle, engine._sid)) == [], facts
        assert _key(engine.evaluate(facts)) == first  # the same answer the second time
    sid = engine._sid
    with pytest.raises(EngineError):
        engine.evaluate(sets[0] + [sets[0][-1]])  # a failed case discards the state
    assert engine._sid != sid
    assert _key(engine.evaluate(sets[0])) == _key(router.engine.evaluate(sets[0]))


def test_only_the_driver_imports_durable():
    root = Path(__file__).resolve().parents[1]
    users = sorted(p.relative_to(root).as_posix() for p in (root / "router").rglob("*.py")
                   if "import durable" in p.read_text(encoding="utf-8"))
    assert users == ["router/engine/driver.py"]
