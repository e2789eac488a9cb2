"""Letters from a registered case (router.letters): which kinds a case calls for, filled with
what the register knows; the rest stays a visible blank for the clerk (never invented)."""
from __future__ import annotations

from datetime import date, datetime
from typing import Any

from router.letters import LetterData
from router.model.clock import CST

GOVERNMENT = "华龙区人民政府"
POLICE = "濮阳市公安局华龙分局"


def _first_referral(decision: dict) -> dict | None:
    for d in decision.get("decisions") or ():
        if d.get("referral"):
            return d
    return None


def letter_plan(view: dict[str, Any]) -> dict[str, tuple[str, tuple[str, ...], dict]]:
    """kind → (sender, receivers, decision used) for the letters this case calls for."""
    decision, inp = view["decision"], view["input"]
    finder = decision["reported_by"]["name"]
    duties = {d["duty"] for d in view["duties"] + view["done"]}
    escalations = {e.get("kind") for d in decision.get("decisions") or () for e in d.get("escalations") or ()}
    plan: dict[str, tuple[str, tuple[str, ...], dict]] = {}
    ref = _first_referral(decision)
    first = ref or (decision.get("decisions") or [{}])[0]
    if ref is not None:
        r = ref["referral"]
        plan["referral"] = (r["from"], (r["to"],), ref)
        if inp.get("ongoing") or "written_notice" in duties:
            plan["notice"] = (r["from"], (r["to"],), ref)
        if decision.get("channel") == "complaint":
            plan["complaint_notice"] = (r["from"], (r["to"],), ref)
    holder = ((first.get("jurisdiction") or {}).get("body")) if first else None
    if "correction" in duties or "correction_opinion" in escalations:
        plan["correction"] = (finder, (holder,) if holder and holder != finder else (), first)
    if "report" in duties or "refusal_report" in escalations:
        plan["report"] = (finder, (GOVERNMENT,), first)
    if "dispute" in duties or "dispute_decision" in escalations:
        plan["dispute"] = (finder, (GOVERNMENT,), first)
    if "police" in duties or "police_transfer" in escalations or inp.get("suspected_crime"):
        plan["police"] = (finder, (POLICE,), first)
    return plan


def letter_data(kind: str, view: dict[str, Any], sender: str, receivers: tuple[str, ...], d: dict,
                today: date | None = None) -> LetterData:
    inp, decision = view["input"], view["decision"]
    found = datetime.fromisoformat(view["found_at"]).astimezone(CST).replace(tzinfo=None)
    ref = d.get("referral") or {}
    return LetterData(
        kind=kind, sender=sender, receivers=receivers, case_number=view["case"],
        facts=inp.get("text") or None, place=(decision.get("place") or {}).get("name"), found_at=found,
        matter=d.get("name"), legal_basis=d.get("legal_basis"), materials=tuple(ref.get("materials") or ()),
        letter_date=today or datetime.now(CST).date(),
    )
