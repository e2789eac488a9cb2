"""Generated cases over the whole input space, for cross-checks and benchmarks.

Dates are drawn around every day where something changes (batch start and end, holidays,
make-up working days, the year end) as well as at random.

Free text: given `texts` (e.g. the descriptions of tests/matching/dev.yaml), a share of the cases
carries one of them instead of matter ids. With `vary=True` each text is framed the way hotline
tickets are (who called, when, a closing request, a caller reference), so that no two cases
share a text and nothing downstream can profit from repeats.
"""
from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Iterator

from router.catalog.load import Catalog
from router.decide.case import EVENTS

CHANGE_DAYS = ["2023-05-31", "2023-06-01", "2025-01-26", "2025-01-27", "2025-02-08", "2025-04-27",
               "2025-09-26", "2025-09-28", "2025-09-30", "2025-10-10", "2025-10-11", "2025-12-31",
               "2026-01-01", "2026-01-04", "2026-02-13", "2026-02-14", "2026-02-28", "2026-04-30",
               "2026-05-09", "2026-06-18", "2026-09-19", "2026-09-20", "2026-09-30", "2026-10-10",
               "2026-12-28", "2026-12-30", "2026-12-31"]


def random_day(rng: random.Random) -> date:
    if rng.random() < 0.5:
        base = date.fromisoformat(rng.choice(CHANGE_DAYS))
        return base + timedelta(days=rng.randint(-1, 1))
    return date(2023, 1, 1) + timedelta(days=rng.randint(0, 4 * 365 - 1))


_OPENINGS = ("", "", "市民来电反映：", "群众投诉：", "12345热线转办：", "网格员巡查发现：", "来电人称，",
             "匿名举报：", "居民反映：", "村民来电：")
_WHEN = ("昨天晚上", "今天早上", "这几天", "最近一个月", "每天中午", "周末", "前天下午", "一直以来", "")
_CLOSINGS = ("", "请尽快处理。", "已多次反映，希望相关部门管一管。", "请核实处理并回复。", "影响很大，请相关部门到现场看看。",
             "希望尽快解决。")


def hotline_text(rng: random.Random, text: str) -> str:
    """`text` framed as a hotline ticket, with a caller reference that makes it unique."""
    return (f"{rng.choice(_OPENINGS)}{rng.choice(_WHEN)}{text}"
            f"{'' if text.endswith(('。', '！', '？')) else '。'}{rng.choice(_CLOSINGS)}"
            f"（来电尾号{rng.randint(0, 9999):04d}，第{rng.randint(1, 999999)}号）")


def generate_cases(catalog: Catalog, n: int, seed: int = 2026, *, texts: list[str] | None = None,
                   text_share: float = 0.5, vary: bool = False) -> Iterator[dict]:
    """`n` cases; with `texts`, a `text_share` of them carry free text instead of matter ids."""
    rng = random.Random(seed)
    places = [t.name for t in catalog.townships.values()] + list(catalog.outside)
    reporters = ([t.name for t in catalog.townships.values()] + [t.body for t in catalog.townships.values()]
                 + list(catalog.departments)
                 + [f"{t.name}综合行政执法大队" for t in catalog.townships.values()]
                 + ["城管局执法中队", "交通局执法大队"])
    matters = list(catalog.matters)
    events = list(EVENTS)
    for i in range(n):
        day = random_day(rng)
        case = {
            "id": f"g{i}",
            "place": rng.choice(places),
            "reported_by": rng.choice(reporters),
            "at": f"{day.isoformat()}T{rng.randint(0, 23):02d}:{rng.choice([0, 15, 30, 59]):02d}",
            "channel": rng.choice(["inspection", "complaint"]),
        }
        if texts and rng.random() < text_share:
            text = rng.choice(texts)
            case["text"] = hotline_text(rng, text) if vary else text
        else:
            case["matter"] = rng.sample(matters, k=rng.choice([1, 1, 1, 2, 3]))
        for flag in ("urgent", "ongoing", "suspected_crime"):
            if rng.random() < 0.25:
                case[flag] = True
        chosen = [e for e in events if rng.random() < 0.15]
        if chosen:
            case["events"] = chosen
        yield case
