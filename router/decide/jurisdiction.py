"""Who holds a matter at a township or street on a day: the one place that answers it.

The answer is the jurisdiction rules' (the rules in rules/ that conclude a `jurisdiction` fact,
today rules/jurisdiction.yaml), run on the durable-rules driver over the facts built here — the
same facts the router asserts for a case. Routing (through its full rule set), the warnings of a
decision, `catalog list`, `catalog show` and `catalog diff` all get jurisdiction from these rules
and these facts, so an edit to either changes all of them together.

Jurisdiction depends only on the place, the matter and the day: a jurisdiction rule may read the
place fields of the case fact (PLACE_FIELDS) and the matter fact, nothing else of the case (the
loader of this module refuses a rule that does). How a case already opened before a change is
finished is not jurisdiction on a day; the transition rules (rules/transitions.yaml) decide it
from the `opened` fact built here (transition_fact) out of the case's opening (立案) and the
batches' `open_cases`.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

from router.catalog.load import Batch, Catalog, Place, Township
from router.engine.driver import Engine
from router.engine.rules import Ref, Rule, load_rules
from router.model.errors import CatalogError, EngineError, Problem
from router.model.lazydc import dataclass

PLACE_FIELDS = ("place_kind", "place_body", "place_type")
# The fact types a jurisdiction rule may read, and the fields of each it may read.
READABLE = {"case": frozenset(("t", *PLACE_FIELDS)), "matter": None}


@dataclass(frozen=True, slots=True)
class Holder:
    """Who holds a matter at one place on one day, and why."""

    body: str
    kind: str  # township | department | outside
    basis: str  # delegated | statutory | department | outside_district
    batch: Batch | None


def place_fields(place: Place) -> dict:
    """The case fact's place fields."""
    t = place.township
    return {"place_kind": place.kind, "place_body": t.body if t else "", "place_type": t.type if t else ""}


def matter_fact(catalog: Catalog, matter_id: str, township: Township | None, day: date) -> dict:
    """The fact the rules read about one matter at one place on one day."""
    matter = catalog.matters[matter_id]
    batch = catalog.delegation_on(matter_id, township.name, day) if township is not None else None
    return {"t": "matter", "matter": matter_id, "department": matter.department,
            "delegated": batch is not None, "batch": batch.id if batch else "",
            "statutory": matter.statutory == "township"}


def jurisdiction_rules(rules: list[Rule]) -> list[Rule]:
    """The rules that conclude jurisdiction; CatalogError if one reads more than READABLE."""
    out, problems = [], []
    for rule in rules:
        if not any(f.get("t") == "jurisdiction" for f in rule.then):
            continue
        types = {p.alias: next((t.value for t in p.tests if t.field == "t" and t.op == "eq"), None)
                 for p in rule.when}
        for p in rule.when:
            kind = types[p.alias]
            fields = [t for t in p.tests] + [t for g in p.any for t in g]
            allowed = READABLE.get(kind, ())
            bad = [t.field for t in fields if allowed is not None and t.field not in allowed]
            bad += [f"${t.value.alias}.{t.value.field}" for t in fields if isinstance(t.value, Ref)
                    and READABLE.get(types.get(t.value.alias), ()) is not None
                    and t.value.field not in READABLE.get(types.get(t.value.alias), ())]
            if kind not in READABLE or bad:
                problems.append(Problem(rule.file, rule.name, f"when.{p.alias}",
                                        "管辖规则只能读取案件的发生地字段（" + "、".join(PLACE_FIELDS)
                                        + "）和事项事实：管辖只取决于地点、事项和日期"
                                        + (f"；此处读取了 {'、'.join(bad)}" if bad else f"；此处读取了 {kind} 事实")))
        out.append(rule)
    if problems:
        raise CatalogError(problems)
    if not out:
        raise CatalogError([Problem("rules", None, None, "没有推出管辖（jurisdiction）的规则")])
    return out


class Jurisdiction:
    """holder_on(catalog, matter, township, day), by the jurisdiction rules. One per process is
    enough (answers are remembered by the facts they were computed from, not by catalog)."""

    def __init__(self, rules: list[Rule] | None = None):
        self.rules = jurisdiction_rules(rules if rules is not None else load_rules())
        self._engine: Engine | None = None  # built on first use (a durable ruleset)
        self._memo: dict[tuple, dict] = {}

    def holder_on(self, catalog: Catalog, matter_id: str, township: Township, day: date) -> Holder:
        place = Place("township", township.name, township=township)
        fact = self.conclude(place_fields(place), matter_fact(catalog, matter_id, township, day))
        batch = catalog.delegation_on(matter_id, township.name, day) if fact["batch"] else None
        return Holder(fact["body"], fact["holder_kind"], fact["basis"], batch)

    def conclude(self, place: dict, matter: dict) -> dict:
        """The one jurisdiction fact the rules conclude for a matter fact at a place."""
        key = (*place.values(), *matter.values())
        hit = self._memo.get(key)
        if hit is None:
            if self._engine is None:
                self._engine = Engine(self.rules)
            derived, _ = self._engine.evaluate([{"t": "case", **place}, matter])
            found = [f for f in derived if f["t"] == "jurisdiction"]
            if len(found) != 1:
                raise EngineError(f"事项 {matter['matter']} 推出了 {len(found)} 个管辖结论（应恰好 1 个）："
                                  "管辖规则不完整或互相冲突")
            hit = self._memo[key] = found[0]
        return hit


POINT_LABELS = {"effective": "生效", "ends": "截止"}


def transition_fact(catalog: Catalog, juris: "Jurisdiction", matter_id: str, township: Township,
                    found: date, opened: date) -> dict | None:
    """The `opened` fact of a case found on `found` and opened (立案) on `opened`, when the holder
    of the matter at the township changes around the opening; None when it does not.

    - after_change: the holder changed after the case was found and on or before it was opened
      (found before a batch takes effect or ends, opened after): the first such change.
    - before_change: the case was opened before the next change of holder: that change, and who
      finishes the cases already opened then (the batch's open_cases; "" when it says nothing).
    A change is a batch boundary (effective, ends) on which the jurisdiction rules name another
    body; a boundary where one batch ends and another gives the same township the matter is none.
    """
    def held(day: date) -> Holder:
        return juris.holder_on(catalog, matter_id, township, day)

    days = sorted({d for b in catalog.delegations_of(matter_id, township.name)
                   for d in (b.effective, b.ends) if d is not None})
    first, at_open = held(found), held(opened)
    if first.body != at_open.body:
        transition, before, window = "after_change", first, [d for d in days if found < d <= opened]
    else:
        transition, before, window = "before_change", at_open, [d for d in days if d > opened]
    for day in window:
        now = held(day)
        if now.body == before.body:
            continue
        if now.batch is not None and now.batch.effective == day:
            point, batch = "effective", now.batch
        elif before.batch is not None and before.batch.ends == day:
            point, batch = "ends", before.batch
        else:  # a change the batches do not explain (cannot happen with today's rules)
            return None
        rule = batch.open_cases_at(point)
        why = ""
        if rule is not None and rule.assumption:
            why = f"推定 {rule.assumption}：{catalog.assumptions[rule.assumption].text.rstrip('。')}"
        elif rule is not None and rule.source:
            why = rule.source
        return {"t": "opened", "matter": matter_id, "transition": transition,
                "found": found.isoformat(), "opened": opened.isoformat(), "change": day.isoformat(),
                "before": before.body, "after": now.body, "batch": batch.id, "point": point,
                "point_label": POINT_LABELS[point],
                "finished_by": rule.finished_by if rule is not None else "",
                "assumption": (rule.assumption or "") if rule is not None else "", "why": why}
    return None


def jurisdiction_of(rules: "Jurisdiction | list[Rule] | str | Path | None" = None) -> Jurisdiction:
    """A Jurisdiction from a rules folder (None: ZHIFA_RULES, else the shipped rules), a rule
    list, or a Jurisdiction (returned as it is)."""
    if isinstance(rules, Jurisdiction):
        return rules
    if isinstance(rules, list):
        return Jurisdiction(rules)
    return Jurisdiction(load_rules(rules))
