"""The engine fails a case loudly rather than returning a partial decision."""
from dataclasses import replace

import pytest

from router.decide.route import Router
from router.engine import driver as engine_mod
from router.engine.driver import Engine
from router.engine.rules import load_rules
from router.model.errors import EngineError

CASE = {"matter": "SR-05", "place": "岳村镇", "reported_by": "城管局", "at": "2025-06-03T10:00"}


def test_exception_inside_a_rule_action_fails_the_case(catalog, monkeypatch):
    router = Router(catalog=catalog, engine=Engine(load_rules()))
    real = engine_mod.conclude

    def broken(rule, bound):
        if rule.name == "referral.within_3_working_days":
            raise ZeroDivisionError("boom")
        return real(rule, bound)

    monkeypatch.setattr(engine_mod, "conclude", broken)
    result = router.route_safe(CASE)
    assert result["error_kind"] == "engine"
    assert "referral.within_3_working_days" in result["error"] and "不输出不完整的结论" in result["error"]
    monkeypatch.setattr(engine_mod, "conclude", real)
    assert "decisions" in router.route_safe(CASE)  # the next case is fine again


def test_a_missing_rule_is_an_incomplete_chain_not_a_partial_answer(catalog):
    rules = [r for r in load_rules() if r.name != "referral.within_3_working_days"]
    router = Router(catalog=catalog, engine=Engine(rules))
    result = router.route_safe(CASE)
    assert result["error_kind"] == "engine" and "referral" in result["error"]


def test_two_conflicting_rules_are_caught(catalog):
    rules = load_rules()
    dup = next(r for r in rules if r.name == "jurisdiction.delegated")

    rules.append(replace(dup, name="jurisdiction.delegated_again"))
    router = Router(catalog=catalog, engine=Engine(rules))
    result = router.route_safe(CASE)
    assert result["error_kind"] == "engine" and ("jurisdiction" in result["error"] or "不输出" in result["error"])


def test_too_many_rules_is_refused_before_durable_hangs():
    rules = load_rules()

    many = rules + [replace(rules[0], name=f"jurisdiction.copy_{i}") for i in range(500)]
    with pytest.raises(EngineError):
        Engine(many)
