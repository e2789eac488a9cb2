"""What the supervising bodies record on a case themselves, from the mechanism (华龙法政办〔2021〕13号).

The mechanism gives 华龙区人民政府 and 华龙区司法局 few steps of their own on a single case:
- 四（五）: a jurisdiction dispute that negotiation did not settle is put to 华龙区人民政府, which
  decides it. That decision is the one supervisor event here, offered once a party has recorded
  `disputed` on the case.
- 四（四）: a refused notice of a major hazard is reported to 华龙区人民政府; the mechanism says
  nothing of what it then does, so nothing is invented for it.
- 三（二）: a correction opinion is copied to 华龙区司法局; receiving a copy is not a step of the
  case. 三（四）'s supervision of enforcement is general, not per case.

A step is offered only when the register knows its event kind (router.register.kinds) — the
register records events, this module only says who may record which. `register_gaps()` names
what the register still lacks, for the page to say so plainly.
"""
from __future__ import annotations

from typing import Any

from router.model.lazydc import dataclass
from router.register.kinds import EVENT_KINDS

from .access import Actor

SEED = "华龙法政办〔2021〕13号"


@dataclass(frozen=True)
class Step:
    kind: str                  # the register's event kind
    body: str                  # the one body that records it
    name: str                  # what is recorded
    label: str                 # the button
    clause: str
    quote: str
    after: tuple[str, ...]     # offered once one of these events (not superseded) is on the case
    note_label: str

    @property
    def recordable(self) -> bool:
        return self.kind in EVENT_KINDS


STEPS: tuple[Step, ...] = (
    Step("dispute_decided", "华龙区人民政府", "区政府对管辖争议的决定", "记录区政府对管辖争议的决定", f"{SEED} 四（五）",
         "乡镇街道与区直执法部门发生执法管辖争议的，由双方协商解决。协商不成的，一方可提请华龙区人民政府决定。",
         ("disputed",), "决定内容（由哪一方管辖、决定文号）"),
)


def steps_for(actor: Actor, events: list[dict[str, Any]]) -> list[Step]:
    """The steps of the actor's body that this case calls for (recordable or not)."""
    if not actor.can("case.supervise"):
        return []
    live = {e["kind"] for e in events if not e.get("superseded_by")}
    return [s for s in STEPS if s.body == actor.body and live.intersection(s.after)]


def register_gaps() -> list[Step]:
    return [s for s in STEPS if not s.recordable]
