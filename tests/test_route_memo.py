"""What the Router remembers between cases (for speed) never changes an answer."""
from datetime import datetime, timezone

import pytest

from router.decide.deadlines import compute_deadline
from router.decide.generate import CHANGE_DAYS
from router.model.clock import CST
from router.model.errors import InputError


@pytest.mark.parametrize("rule", ["3_working_days", "24_hours", "immediately"])
def test_remembered_deadlines_equal_computed_ones(router, rule):
    cal = router.catalog.calendar
    days = [datetime.fromisoformat(d) for d in CHANGE_DAYS] + [datetime(2024, 2, 9), datetime(2027, 1, 1)]
    for day in days:
        for hh, mm, ss in ((0, 0, 0), (9, 30, 0), (16, 20, 5), (23, 59, 59)):
            start = day.replace(hour=hh, minute=mm, second=ss, tzinfo=CST)
            # the same instant in UTC counts from the same day in China
            for at in (start, start.astimezone(timezone.utc)):
                assert router._deadline(rule, at) == compute_deadline(rule, at, cal), (rule, at)


def test_remembered_places_and_reporters_give_the_same_answers(router):
    case = {"matter": "SR-05", "place": "岳村", "reported_by": "城管局", "at": "2025-06-03T10:00"}
    first = router.route(case)
    again = router.route(dict(case))
    assert first == again
    # errors are not remembered: each bad case gets its own message and suggestion
    for _ in range(2):
        with pytest.raises(InputError) as exc:
            router.route({**case, "place": "岳树镇"})
        assert "岳树镇" in str(exc.value)
