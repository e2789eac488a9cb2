"""Routing one case: match → facts → rules (durable-rules) → a cited, dated decision.

Python turns the catalog into facts ("this matter is delegated to this township on this date"),
the rules decide jurisdiction, action, referral rule and escalations, and Python computes the
exact deadlines (date arithmetic stays out of the rules) and collects warnings.
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime
from typing import Any

from router.catalog.load import Catalog, Place, Reporter
from router.decide.case import EVENTS, FLAGS, TIMING_EVENTS, Case, parse_case
from router.decide.deadlines import Deadline, compute_deadline
from router.decide.jurisdiction import Jurisdiction, matter_fact, place_fields, transition_fact
from router.engine.driver import Engine, Firing
from router.files.cache import load_state
from router.matching.textnorm import fold
from router.model.clock import CST
from router.model.errors import EngineError, ZhifaError
from router.model.lazyre import LazyPattern

SEED = "华龙法政办〔2021〕13号"
ACTION_LABELS = {
    "handle": "自行立案调查处理",
    "refer": "移送有管辖权的一方",
    "redirect": "登记并告知投诉人向乡镇街道投诉，书面告知乡镇街道",
    "close_no_violation": "答复投诉人、举报人并登记（未发现违法行为）",
    "outside_district": "不属本区管辖",
    "township_error": "乡镇街道执法错误：不作为新案件移送",
}
BASIS_LABELS = {
    "delegated": "下放乡镇街道行使",
    "statutory": "法律直接赋予乡、镇人民政府",
    "department": "区直执法部门行使",
    "outside_district": "事发地不在华龙区",
}
RULE_LABELS = {
    "3_working_days": "3个工作日内",
    "24_hours": "24小时内（情况紧急）",
    "immediately": "立即（违法行为正在进行）",
}
# Words that say an act is going on as the description is written (四（一）1: 发现违法行为正在进行的…);
# habitual words (天天, 每天, 经常) say it recurs, not that it goes on now, and are left out.
_NOW = re.compile("正在|仍在|仍然在|还在|一直在|这会儿|此刻|眼下正|现在还|现在正")
FLAG_LABELS = {"urgent": "情况紧急", "ongoing": "违法行为正在进行", "suspected_crime": "涉嫌犯罪"}
# A duty's or escalation's timing, as the rules name it (`due` / `deadline_rule`).
DUE_LABELS = {
    "immediately": "立即",
    "promptly": "及时（机制未规定具体时限，应尽快）",
    "24_hours": "24小时内",
    "3_working_days": "3个工作日内",
}
UNMATCHED = {"t": "unmatched", "matter": ""}  # the fact asserted when no matter matched
_MEMO_LIMIT = 4096  # distinct place / reporter spellings remembered per Router (bounded memory)
_ASKED_PREFIX = "所问的行为若属实"   # the matcher's note on a question about an act (MatchResult.asked)
_DAYS_LIMIT = 1024  # working-day counts remembered per Router (~2 KB each; oldest go first)


def _asked_note(asked: dict, place: str) -> str:
    """The clerk's note on a question about an act: which matter, and who deals with it here."""
    who = (f"在{place}由{asked['body']}执法（{asked['basis_label']}）" if asked.get("body")
           else f"由谁执法请用 --matter {asked['matter']} 查看")
    tell = f"请告知报告人向{asked['body']}咨询" if asked.get("body") else "请告知报告人向执法单位咨询"
    return (f"这是咨询，不是违法举报：{_ASKED_PREFIX}，是目录内事项{asked['matter']}（{asked['name']}），"
            f"{who}；{tell}，有人正在这样做的再按举报登记")


class Router:
    """Loads the catalog and builds the rule engine once; routes any number of cases."""

    def __init__(self, catalog: Catalog | None = None, engine: Engine | None = None,
                 catalog_root: str | None = None):
        if catalog is None:
            catalog, rules = load_state(catalog_root)
            engine = engine or Engine(rules)
        self.catalog = catalog
        self.engine = engine or Engine()
        self._jurisdiction: Jurisdiction | None = None  # who holds a matter on another day
        # Per-Router lookups computed once instead of per case (the catalog and rules are fixed
        # for the Router's lifetime).
        self._working_days: dict[Any, Deadline] = {}
        self._places: dict[str, Place] = {}
        # folded as a description is (full-width, traditional characters: 勝利路街道 is 胜利路街道)
        self._place_names = [(fold(alias), name) for alias, name in self.catalog.place_names()]
        self._reporters: dict[str, Reporter] = {}
        self._batch_by_id = {b.id: b for b in catalog.batches}
        self._rule_order = {r.name: i for i, r in enumerate(self.engine.rules)}
        self._cite_of = {r.name: r.cite for r in self.engine.rules}
        self._rule_uses: dict[str, frozenset[str]] = {}
        for r in self.engine.rules:
            used: set[str] = set()
            for p in r.when:
                used.update(t.field for t in p.tests if t.op == "eq" and t.value is True)
                for group in p.any:
                    used.update(t.field for t in group if t.op == "eq" and t.value is True)
            self._rule_uses[r.name] = frozenset(used)

    # ---- public ------------------------------------------------------------------------------
    def route(self, raw: dict, *, now: datetime | None = None, explain: bool = False) -> dict:
        """Route one case given as a dict of input fields. Raises InputError on bad input."""
        case = parse_case(raw, now=now)
        return self.route_case(case, explain=explain)

    def route_safe(self, item: Any, *, now: datetime | None = None, explain: bool = False) -> dict:
        """Like route(), but a bad case becomes {"id", "error", "error_kind"} instead of raising.

        `item` may be a dict (a parsed case) or a ZhifaError raised while reading it.
        """
        if isinstance(item, ZhifaError):
            return {"id": None, "error": str(item), "error_kind": "input"}
        try:
            return self.route(item, now=now, explain=explain)
        except ZhifaError as exc:
            case_id = item.get("id") if isinstance(item, dict) else None
            if not isinstance(case_id, (str, int)) or isinstance(case_id, bool):
                case_id = None
            return {"id": case_id, "error": str(exc),
                    "error_kind": "engine" if isinstance(exc, EngineError) else "input"}

    # ---- one case ----------------------------------------------------------------------------
    def route_case(self, case: Case, *, explain: bool = False) -> dict:
        cat = self.catalog
        place = self._resolve(self._places, cat.resolve_place, case.place)
        reporter = self._resolve(self._reporters, cat.resolve_reporter, case.reported_by)
        warnings: list[str] = list(case.notes)
        if reporter.internal_unit is not None:
            warnings.append(_mapped_reporter(reporter))
        match_json = None
        asked_about: list[dict] = []
        local: dict[str, list[str]] = {}    # guidance topics naming the generic local government
        if case.matters:
            matter_ids = [cat.matter(m).id for m in case.matters]
            matter_ids = list(dict.fromkeys(matter_ids))
            scores = {m: 1.0 for m in matter_ids}
            status = "given"
        else:
            result = cat.matcher.match(case.text or "")
            match_json = result.to_json()
            matter_ids = list(result.selected)
            scores = {c.matter: c.score for c in result.candidates}
            status = result.status
            if result.status == "no_fit" and not result.asked:
                warnings.append("描述未匹配到目录中的任何执法事项：本案可能不属于乡镇街道综合行政执法事项，"
                                "请人工判断，或用 --matter 指定事项编号")
            elif result.status == "ambiguous":
                # a family's choice comes with its own question (in the notes); other groups are named here
                asked = {tuple(c["matters"]) for c in match_json["choices"]}
                groups = "；".join(" / ".join(g) for g in result.ambiguous if tuple(g) not in asked)
                if groups:
                    warnings.append(f"以下事项难以区分：{groups}。请核实后用 --matter 指定")
            # a choice's question is in `choices` (shown as its own block), not repeated as a note
            questions = [c["question"] for c in match_json["choices"] if c.get("question")]
            if result.status == "no_fit" and result.asked:
                # a question about an act: who deals with that act here and now (as if reported)
                asked_about = [self._asked(m, case) for m in result.asked]
                for a in asked_about:
                    # (the page and the terminal show the note as the answer's headline, not twice)
                    a["note"] = _asked_note(a, place.name)
                    warnings.append(a["note"])
                    warnings.extend(a["notes"])
            warnings.extend(n for n in result.notes if not any(q in n for q in questions)
                            and not (asked_about and n.startswith(_ASKED_PREFIX)))
            local = _local_governments(result.guidance, place)
            if local:
                warnings.append(f"指引中的{'、'.join(dict.fromkeys(b for v in local.values() for b in v))}，"
                                f"在本案发生地（{place.township.name}）即{place.township.body}")

        said = fold(case.text) if case.text else ""    # the description as the notes below read it
        elsewhere = self._named_elsewhere(said, place, reporter)
        if elsewhere:
            warnings.append(elsewhere)

        facts = [self.case_fact(case, place, reporter)]
        facts += [self.matter_fact(m, place, case) for m in matter_ids] or [dict(UNMATCHED)]
        facts += self.transition_facts(matter_ids, place, case)
        derived, firings = self.engine.evaluate(facts)

        # Each matter's derived facts and firings, grouped once (not rescanned per matter).
        derived_of: dict[Any, list[dict]] = {}
        for f in derived:
            if f["t"] != "matter":
                derived_of.setdefault(f.get("matter"), []).append(f)
        fired_of: dict[Any, list[Firing]] = {}
        for f in firings:
            for m in dict.fromkeys([a.get("matter") for a in f.asserted]):
                fired_of.setdefault(m, []).append(f)
        decisions = [self._decision(m, derived_of.get(m, []), fired_of.get(m, []), case, place,
                                    reporter, warnings)
                     for m in matter_ids]
        ongoing = self._ongoing_unmarked(case, said, decisions)
        if ongoing:    # first: it may change what is due today
            warnings.insert(0, ongoing)
        # Case-level conclusions (no matter matched): what still applies, e.g. a police transfer.
        unmatched = [self._escalation(e, case)
                     for e in sorted([f for f in derived_of.get("", []) if f["t"] == "escalation"],
                                     key=lambda x: x["kind"])]
        warnings.extend(f"输入互相矛盾：{why}。请核实后重新输入；本结论按输入原样计算，未作取舍"
                        for why in case.contradictions())
        warnings.extend(self._unused_inputs(case, firings))
        out: dict[str, Any] = {
            "id": case.id,
            "at": case.at.isoformat(timespec="seconds"),
            "place": {"name": place.name, "kind": place.kind,
                      "body": place.township.body if place.township else None,
                      "type": place.township.type if place.township else None},
            "reported_by": {"name": reporter.name, "kind": reporter.kind,
                            "as_typed": reporter.internal_unit, "mapped_by": reporter.mapped_by},
            "channel": case.channel,
            "status": status,
            "matters": [{"id": m, "name": cat.matters[m].name, "score": round(scores.get(m, 0.0), 3)}
                        for m in matter_ids],
            "decisions": decisions,
            "warnings": list(dict.fromkeys(warnings)),
        }
        if unmatched:
            out["escalations"] = unmatched
        if match_json is not None:
            out["match"] = match_json
            # the choice offered (with its question) and, outside the catalog, the likely
            # competent body as guidance (not a decision): see MatchResult
            out["choices"] = [{**c, "names": [cat.matter(m).name for m in c["matters"]]}
                              for c in match_json["choices"]]
            out["guidance"] = [{**g, "here": place.township.body} if g["topic"] in local else g
                               for g in match_json["guidance"]]
            out["asked_about"] = asked_about
        if explain:
            out["trace"] = [f.to_json() for f in firings]
        return out

    def _asked(self, matter: str, case: Case) -> dict:
        """The act a question is about, and who would deal with it at the case's place and time:
        the decision for that matter as if it had been reported (no case is made of it)."""
        one = self.route_case(replace(case, matters=(matter,), text=None))
        d = one["decisions"][0]
        j = d.get("jurisdiction") or {}
        # the assumptions and unchecked facts that decision rests on go with it (never shown as fact)
        return {"matter": matter, "name": d["name"], "body": j.get("body"),
                "basis_label": j.get("basis_label"),
                "notes": [w for w in one["warnings"] if w.startswith(f"{matter}：")]}

    @staticmethod
    def _resolve(memo: dict, resolve, text: str):
        """resolve(text), remembered: the same few spellings recur in every batch. Errors are
        not remembered (they raise every time, with their suggestion)."""
        hit = memo.get(text)
        if hit is None:
            hit = resolve(text)
            if len(memo) >= _MEMO_LIMIT:
                memo.clear()
            memo[text] = hit
        return hit

    def _deadline(self, rule: str, start: datetime) -> Deadline:
        """compute_deadline, remembered per day for the working-day rule: a 3-working-day period
        depends only on the day it starts (the start day is not counted; the period ends at
        23:59:59 of its last day), so every case found on the same day shares the count, and only
        `start` differs. (tests/test_route_memo.py holds deadlines.py to that.)"""
        if rule != "3_working_days":
            return compute_deadline(rule, start, self.catalog.calendar)
        start = start.astimezone(CST)
        day = start.date()
        hit = self._working_days.get(day)
        if hit is None:
            hit = compute_deadline(rule, start, self.catalog.calendar)
            if len(self._working_days) >= _DAYS_LIMIT:
                del self._working_days[next(iter(self._working_days))]
            self._working_days[day] = hit
            return hit
        return hit if hit.start == start else replace(hit, start=start)

    @property
    def jurisdiction(self) -> Jurisdiction:
        """The jurisdiction rules of this Router's rule set, for days other than the case's."""
        if self._jurisdiction is None:
            self._jurisdiction = Jurisdiction(self.engine.rules)
        return self._jurisdiction

    # ---- facts -------------------------------------------------------------------------------
    def case_fact(self, case: Case, place: Place, reporter: Reporter) -> dict:
        fact = {
            "t": "case",
            **place_fields(place),
            "reporter": reporter.name,
            "reporter_kind": reporter.kind,
            "internal_unit": reporter.internal_unit is not None,
            "internal_unit_name": reporter.internal_unit or "",
            "channel": case.channel,
            "urgent": case.urgent,
            "ongoing": case.ongoing,
            "suspected_crime": case.suspected_crime,
        }
        for event in EVENTS:
            fact[event] = event in case.events
        return fact

    def matter_fact(self, matter_id: str, place: Place, case: Case) -> dict:
        return matter_fact(self.catalog, matter_id, place.township, jurisdiction_day(case))

    def transition_facts(self, matter_ids: list[str], place: Place, case: Case) -> list[dict]:
        """The `opened` facts (rules/transitions.yaml) of a case with an opening (立案) time."""
        if "case_opened" not in case.events or place.township is None:
            return []
        found, opened = case.at.date(), case.time_of("case_opened").date()
        out = []
        for m in matter_ids:
            fact = transition_fact(self.catalog, self.jurisdiction, m, place.township, found, opened)
            if fact is not None:
                out.append(fact)
        return out

    # ---- decision ----------------------------------------------------------------------------
    def _decision(self, matter_id: str, mine: list[dict], fired: list[Firing], case: Case,
                  place: Place, reporter: Reporter, warnings: list[str]) -> dict:
        """One matter's decision from its derived facts (`mine`, base matter fact excluded) and
        the firings that asserted something about it (`fired`, in firing order)."""
        cat = self.catalog
        matter = cat.matters[matter_id]
        by_type: dict[str, list[dict]] = {}
        for f in mine:
            by_type.setdefault(f["t"], []).append(f)
        juris = _exactly_one(by_type, "jurisdiction", matter_id)
        action = _exactly_one(by_type, "action", matter_id)
        referral = None
        if action["action"] == "refer":
            ref = _exactly_one(by_type, "referral", matter_id)
            materials = _exactly_one(by_type, "materials", matter_id)
            deadline = self._deadline(ref["rule"], case.at)
            referral = {"from": ref["from"], "to": ref["to"], "rule": ref["rule"],
                        "rule_label": RULE_LABELS[ref["rule"]],
                        "deadline": deadline.deadline.isoformat(timespec="seconds"),
                        "materials": list(materials["items"]),
                        "count": deadline.to_json()}
            warnings.extend(f"{matter_id}：{w}" for w in deadline.warnings)
            if (place.township is not None and "case_opened" not in case.events
                    and deadline.deadline.date() != case.at.date()):
                later = self.jurisdiction.holder_on(cat, matter_id, place.township,
                                                    deadline.deadline.date()).body
                if later != ref["to"]:
                    warnings.append(
                        f"{matter_id}：移送期限内该事项的管辖发生变化——截止日 {deadline.deadline.date()} "
                        f"该事项已由{later}行使。管辖按发现之日（{case.at.date()}）确定；"
                        "请尽快移送，并与对方确认由谁继续办理")
        elif by_type.get("referral"):
            raise EngineError(f"事项 {matter_id} 的动作为 {action['action']}，却推出了移送时限：规则互相矛盾")

        escalations = [self._escalation(e, case)
                       for e in sorted(by_type.get("escalation", []), key=lambda x: x["kind"])]
        order = self._rule_order
        duties = [self._duty(d, case)
                  for d in sorted(by_type.get("duty", []), key=lambda d: (order[d["by_rule"]], d["kind"]))]
        notices = [n["text"] for n in sorted(by_type.get("notice", []),
                                             key=lambda n: (order[n["by_rule"]], n["text"]))]
        if referral is not None and any(n.get("kind") == "by_analogy" for n in by_type.get("notice", [])):
            referral["by_analogy"] = True

        cites: list[str] = []
        cite_of = self._cite_of
        for f in fired:
            for c in cite_of[f.rule]:
                if c not in cites:
                    cites.append(c)

        batch = self._batch_by_id.get(juris.get("batch"))
        jurisdiction = {"body": juris["body"] or None, "basis": juris["basis"],
                        "basis_label": BASIS_LABELS[juris["basis"]],
                        "batch": batch.id if batch else None,
                        # the day jurisdiction is taken on: the opening (立案) when given
                        "as_of": jurisdiction_day(case).isoformat(),
                        "as_of_event": "case_opened" if "case_opened" in case.events else "found"}
        if batch:
            jurisdiction["document"] = batch.document
            jurisdiction["batch_window"] = [batch.effective.isoformat(),
                                            batch.ends.isoformat() if batch.ends else None]
        if place.outside is not None:
            jurisdiction["outside"] = {"name": place.outside.name,
                                       "belongs_to": place.outside.belongs_to,
                                       "managed_by": place.outside.managed_by}

        self._honesty_warnings(matter_id, juris, batch, place, case, warnings,
                               bodies=[juris["body"], *(e["to"] for e in escalations),
                                       reporter.name], opened=by_type.get("opened", []))
        return {
            "matter": matter_id,
            "name": matter.name,
            "field": matter.field,
            "legal_basis": matter.legal_basis,
            "listed": matter.listed,
            "basis_checked": matter.basis_checked,
            "jurisdiction": jurisdiction,
            "action": action["action"],
            "action_label": ACTION_LABELS[action["action"]],
            "referral": referral,
            "escalations": escalations,
            "duties": duties,
            "notices": notices,
            "cites": cites,
        }

    def _escalation(self, e: dict, case: Case) -> dict:
        item = {k: v for k, v in e.items() if k not in ("t", "matter", "by_rule", "after")}
        if e.get("deadline_rule"):
            after = e.get("after") or "found"
            item["deadline"] = self._due(e["deadline_rule"], case, after)
            item["after"] = after
        item["cite"] = list(self._cite_of[e["by_rule"]])
        return item

    def _duty(self, d: dict, case: Case) -> dict:
        """A duty as the decision lists it: the rule's fields, then {duty, body, due, cite}."""
        item = {k: v for k, v in d.items() if k not in ("t", "matter", "by_rule", "due", "after")}
        item["rule"] = d["by_rule"]
        rule = d.get("due") or None
        after = d.get("after") or "found"
        item.update({"duty": d["kind"], "body": d["by"],
                     "due": self._due(rule, case, after) if rule else None,
                     "due_rule": rule, "due_label": DUE_LABELS.get(rule) if rule else None,
                     "after": after if rule else None,
                     "cite": list(self._cite_of[d["by_rule"]])})
        return item

    def _due(self, rule: str, case: Case, after: str) -> str | None:
        """When a duty timed `rule` from the event `after` is due: immediately = the moment of the
        event; promptly = no fixed time (None); 24 hours / 3 working days as for referrals."""
        start = case.time_of(None if after == "found" else after)
        if rule == "promptly":
            return None
        if rule == "immediately":
            return start.isoformat(timespec="seconds")
        return self._deadline(rule, start).deadline.isoformat(timespec="seconds")

    def _honesty_warnings(self, matter_id: str, juris: dict, batch, place: Place, case: Case,
                          warnings: list[str], bodies: list[str], opened: list[dict]) -> None:
        cat = self.catalog
        matter = cat.matters[matter_id]
        if matter.listed == "inferred":
            warnings.append(f"{matter_id}：该事项是否列入濮阳下放目录系根据河南其他城市目录推断（未确认）")
        if not matter.basis_checked:
            warnings.append(f"{matter_id}：法律依据未核实（{matter.legal_basis}）")
        if batch is not None:
            for a in batch.assumptions:
                warnings.append(f"{matter_id}：管辖依据批次 {batch.id} 含推定 {a}：{cat.assumptions[a].text}")
        if juris["basis"] == "department" and matter.department_assumption and matter.statutory:
            a = matter.department_assumption
            warnings.append(f"{matter_id}：推定 {a}：{cat.assumptions[a].text}")
        for o in opened:
            if o["assumption"] and o["transition"] == "before_change":
                a = o["assumption"]
                warnings.append(f"{matter_id}：已立案案件由谁办结依据推定 {a}：{cat.assumptions[a].text}")
        # A case with an opening around a change has the transition notice instead of this one.
        if juris["basis"] == "department" and place.township is not None and not opened:
            for old in cat.delegations_of(matter_id, place.township.name):
                if old.ends is not None and old.ends <= jurisdiction_day(case):
                    note = (f"{matter_id}：该事项曾由批次 {old.id} 下放{place.township.name}"
                            f"（{old.effective} 至 {old.ends} 前），自 {old.ends} 起由{matter.department}行使；")
                    rule = old.open_cases_at("ends")
                    if rule is not None and rule.finished_by == "township":
                        why = (f"推定 {rule.assumption}：{cat.assumptions[rule.assumption].text}"
                               if rule.assumption else rule.source)
                        note += f"此前乡镇已立案的案件由乡镇继续办结（{why}）"
                    warnings.append(note)
        for body in bodies:
            dept = cat.departments.get(body)
            if dept is not None and not dept.verified:
                warnings.append(f"部门名称“{body}”未在公开资料中核实，请以本区实际机构名称为准")

    @staticmethod
    def _ongoing_unmarked(case: Case, said: str, decisions: list[dict]) -> str | None:
        """A note when the description says the act is going on now but the case is not marked so,
        and a referral is due: an act in progress is to be stopped on the spot and the competent
        body told in writing at once (四（一）1), not referred within 3 working days. Only the
        clerk, who knows whether it still goes on, may mark it."""
        if case.ongoing or not said or not any(d.get("action") == "refer" for d in decisions):
            return None
        now = _NOW.search(said)
        if now is None:
            return None
        return (f"描述中说“{now.group()}”：违法行为正在进行的，应当立即劝阻当事人停止违法行为，并及时书面告知"
                f"有管辖权的执法单位查处（华龙法政办〔2021〕13号 四（一）1）；如属实，请标记“"
                f"{FLAG_LABELS['ongoing']}”后重新判断")

    def _named_elsewhere(self, said: str, place: Place, reporter: Reporter) -> str | None:
        """A note when the description names another place of the district (or outside it) and not
        the case's own: jurisdiction goes by the place given, and a place typed wrong (the clerk's
        own township left in the form) would send the case to the wrong body. The reporter's own
        township named (a referral letter signed by it) is no other place."""
        first: dict[str, int] = {}
        rest = said
        for alias, name in self._place_names:      # longest first: 胜利路街道办事处 before 胜利路街道
            at = rest.find(alias)
            if at >= 0:
                rest = rest.replace(alias, "\0" * len(alias))
                first[name] = min(at, first.get(name, at))
        named = sorted(first, key=first.__getitem__)
        if not named or place.name in named:
            return None
        own = reporter.township.name if reporter.township else None
        others = [n for n in named if n != own]
        if not others:
            return None
        return (f"描述中提到{'、'.join(f'“{n}”' for n in others)}，与发生地“{place.name}”不同："
                f"管辖按发生地认定，请核实发生地是否填写正确")

    def _unused_inputs(self, case: Case, firings: list[Firing]) -> list[str]:
        """Flags and events the clerk gave that changed nothing: say so rather than ignore them."""
        if not case.events and not (case.urgent or case.ongoing or case.suspected_crime):
            return []
        used: set[str] = set()
        for f in firings:
            used |= self._rule_uses[f.rule]
        out = []
        for flag in FLAGS:
            if getattr(case, flag) and flag not in used:
                out.append(f"标记“{FLAG_LABELS[flag]}”（{flag}）在本案情形下不改变处理结果")
        for event in case.events:
            if event not in used and event not in TIMING_EVENTS:
                out.append(f"事件“{EVENTS[event]}”（{event}）在本案情形下不适用，未产生处理结果")
        return out


def _mapped_reporter(reporter: Reporter) -> str:
    """The note that the reporter as typed was taken as the body it belongs to."""
    return (f"上报单位“{reporter.internal_unit}”按其所属的{reporter.name}处理：内设机构、直属机构、"
            f"派出机构不是对外移送的主体，移送、告知、报告以{reporter.name}的名义进行"
            "（机制 四（一）3；法律法规规章明确规定的除外）")


def jurisdiction_day(case: Case):
    """The day jurisdiction is taken on: the day the case was opened (立案) when the opening is
    given — the body that opens a case must hold the matter that day (rules/transitions.yaml) —
    else the day it was found."""
    if "case_opened" in case.events:
        return case.time_of("case_opened").date()
    return case.at.date()


def _exactly_one(by_type: dict[str, list[dict]], kind: str, matter_id: str) -> dict:
    items = by_type.get(kind, [])
    if len(items) != 1:
        raise EngineError(f"事项 {matter_id} 推出了 {len(items)} 个“{kind}”结论（应恰好 1 个）："
                          "规则不完整或互相冲突，本案不输出结论")
    return items[0]


# The generic kinds of basic-level government a topic outside the catalog may name (乡镇人民政府,
# 街道办事处: the same level, in the country or in the town): at a place of the district they are
# that place's own government, which the clerk can name.
_LOCAL = frozenset({"乡镇人民政府", "街道办事处", "乡（镇）人民政府"})
_BODY_SEPARATORS = LazyPattern(r"[、，,/]|或者|或")


def _local_governments(guidance, place) -> dict[str, list[str]]:
    """The guidance topics that name the generic local government, with the names they use
    ("乡镇人民政府、街道办事处"), when the place is one of the district's (else none)."""
    if place.township is None:
        return {}
    out: dict[str, list[str]] = {}
    for g in guidance:
        named = [b.strip() for b in _BODY_SEPARATORS.split(g.body) if b.strip() in _LOCAL]
        if named:
            out[g.topic] = named
    return out


__all__ = ["Router", "ACTION_LABELS", "BASIS_LABELS", "RULE_LABELS"]
