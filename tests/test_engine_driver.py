"""The engine's direct driver of durable's C core (Engine.evaluate) gives exactly what durable's
own Python host gives (Engine.evaluate_stock): the same facts and the same firings in the same
order, on every fixture and on generated cases over the whole input space."""
import json
from datetime import datetime
from pathlib import Path

import pytest

from router.decide.case import parse_case
from router.decide.generate import generate_cases
from router.engine.driver import Engine
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
            yield [router._case_fact(case, place, rep)] + [router._matter_fact(m, place, case) for m in ids]


def _key(result):
    facts, firings = result
    return (sorted(json.dumps(f, sort_keys=True, ensure_ascii=False) for f in facts),
            [f.to_json() for f in firings])


def test_direct_driver_equals_durables_own_host(router):
    raws = [f.input for f in load_fixtures([CASES]) if f.input.get("matter") or f.input.get("matters")]
    raws += list(generate_cases(router.catalog, 3000, seed=7))
    engine = router.engine
    n = 0
    for facts in _factsets(router, raws):
        direct, stock = engine.evaluate(facts), engine.evaluate_stock(facts)
        assert _key(direct) == _key(stock), facts
        assert direct[1], "every case fires at least one rule"
        n += 1
    assert n > 3000


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
    assert _key(engine.evaluate(facts)) == _key(router.engine.evaluate_stock(facts))


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
    import subprocess
    import sys
    proc = subprocess.run([sys.executable, "-c", CRASH], capture_output=True, text=True, timeout=120,
                          cwd=Path(__file__).resolve().parents[1])
    assert proc.returncode == 0 and "alive" in proc.stdout, proc.stderr[-2000:]


def test_the_reused_state_is_empty_after_every_case(router):
    import durable_rules_engine as dre
    import orjson
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
    assert _key(engine.evaluate(sets[0])) == _key(router.engine.evaluate_stock(sets[0]))
