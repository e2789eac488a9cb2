"""Route the same cases with the durable-rules engine and the pure-Python oracle; compare."""
from __future__ import annotations

from datetime import datetime
from typing import Any, Iterable

from router.decide.route import Router
from router.engine.reference import OracleEngine
from router.model.lazydc import dataclass


@dataclass
class Disagreement:
    case: Any
    engine: dict
    oracle: dict
    engine_rules: list[str]
    oracle_rules: list[str]

    def to_json(self) -> dict:
        return {"case": self.case, "engine": self.engine, "oracle": self.oracle,
                "engine_rules": self.engine_rules, "oracle_rules": self.oracle_rules}


def _normal(result: dict) -> dict:
    """What must agree: everything but the trace and the order in which rules happened to fire."""
    out = {k: v for k, v in result.items() if k != "trace"}
    for d in out.get("decisions", []):
        d["cites"] = sorted(d["cites"])
    return out


def _rules(result: dict) -> list[str]:
    return sorted(f["rule"] for f in result.get("trace", []))


class CrossChecker:
    def __init__(self, router: Router):
        self.engine_router = router
        self.oracle_router = Router(catalog=router.catalog,
                                    engine=OracleEngine(router.engine.rules))

    def check(self, cases: Iterable[Any], now: datetime | None = None) -> tuple[int, list[Disagreement]]:
        count = 0
        out: list[Disagreement] = []
        for case in cases:
            count += 1
            a = self.engine_router.route_safe(case, now=now, explain=True)
            b = self.oracle_router.route_safe(case, now=now, explain=True)
            if _normal(a) != _normal(b):
                out.append(Disagreement(case, _normal(a), _normal(b), _rules(a), _rules(b)))
        return count, out
