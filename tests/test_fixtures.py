"""Runs every fixture case in tests/cases/*.yaml through the one generic runner."""
from pathlib import Path

import pytest

from router.policy.fixtures import load_fixtures, run_fixture

CASES = Path(__file__).parent / "cases"

FIXTURES = load_fixtures([CASES])


@pytest.mark.parametrize("fx", FIXTURES, ids=[f"{f.file.rsplit('/', 1)[-1]}[{f.index}]" for f in FIXTURES])
def test_fixture(router, fx):
    outcome = run_fixture(router, fx)
    assert outcome.ok, f"{fx.name}\n" + "\n".join(outcome.mismatches)


def test_every_clause_and_escalation_has_a_fixture():
    from router.policy.fixtures import clause_counts
    counts = clause_counts(FIXTURES)
    for clause in ("三", "三（二）", "四（一）1", "四（一）2", "四（一）3", "四（二）1", "四（二）2",
                   "四（二）3", "四（四）", "四（五）", "四（六）"):
        assert counts.get(clause, 0) >= 1, f"no fixture for clause {clause}"
    kinds = set()
    for fx in FIXTURES:
        for d in (fx.expect.get("decisions") or {}).values():
            kinds.update((d or {}).get("escalations") or [])
    assert {"police_transfer", "dispute_decision", "refusal_report", "correction_opinion",
            "joint_meeting", "immediate_notice"} <= kinds
