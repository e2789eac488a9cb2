"""What a letter is drafted from: the case register (or a clerk) fills a LetterData.

Everything is optional except the kind and the sender: a value the register does not know is
left as None and appears in the letter as a visible blank (________) for the clerk to fill in,
never as an invented value.
"""
from __future__ import annotations

from dataclasses import field
from datetime import date, datetime
from types import MappingProxyType
from typing import Mapping

from router.model.lazydc import dataclass
from .errors import LetterError
from .numerals import check_number

MECHANISM = ("《关于建立区直执法部门与乡镇街道综合行政执法协调协作工作机制的实施意见》"
             "（华龙法政办〔2021〕13号）")

# Fields that hold a list of names or items; the others hold text or a date.
LIST_FIELDS = ("receivers", "cc", "materials")


@dataclass(frozen=True)
class LetterData:
    """One letter's content.

    kind         referral / notice / complaint_notice / correction / report / dispute / police
    sender       发文机关: the township government, street office or district department in whose
                 name the letter goes (never an internal unit, mechanism 四（一）3)
    receivers    主送机关 (or, for a note to a complainant, that person)
    cc           抄送机关, added to those the kind always copies (e.g. 华龙区司法局 on a correction)
    number       发文字号, e.g. 岳政移〔2026〕3号 (see numerals.document_number)
    case_number  the register's case number
    facts        the basic facts of the violation (基本违法事实), as the register holds them
    place        where it happened
    found_at     when it was found (a date, or a date and time)
    matter       the matter's name; legal_basis the statute behind it
    clause       the clause of the mechanism cited; the kind's own clause when None
    deadline     the date by which the receiver should answer, where the letter sets one
    materials    materials sent with the letter (its attachments)
    letter_date  成文日期
    contact, phone  联系人 and 联系电话
    details      kind-specific values, text or dates (e.g. complainant, crime); each kind's
                 template declares which names it accepts
    """

    kind: str
    sender: str
    receivers: tuple[str, ...] = ()
    cc: tuple[str, ...] = ()
    number: str | None = None
    case_number: str | None = None
    facts: str | None = None
    place: str | None = None
    found_at: date | datetime | None = None
    matter: str | None = None
    legal_basis: str | None = None
    clause: str | None = None
    deadline: date | datetime | None = None
    materials: tuple[str, ...] = ()
    letter_date: date | None = None
    contact: str | None = None
    phone: str | None = None
    details: Mapping[str, str | date] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for name in LIST_FIELDS:
            value = getattr(self, name)
            if isinstance(value, str):
                raise LetterError(f"{name} 应为名称列表，而不是一段文字：“{value}”")
            object.__setattr__(self, name, tuple(str(v).strip() for v in value if str(v).strip()))
        object.__setattr__(self, "details", MappingProxyType(dict(self.details)))
        for name, value in self.details.items():
            if value is not None and not isinstance(value, (str, date)):
                raise LetterError(f"字段 {name} 应为文字或日期，而不是 {value!r}")
        if not (self.sender or "").strip():
            raise LetterError("发文机关（sender）不能为空")
        for name in ("found_at", "deadline", "letter_date"):
            value = getattr(self, name)
            if value is not None and not isinstance(value, date):
                raise LetterError(f"{name} 应为日期或日期时间，而不是 {value!r}")
        if self.number:
            check_number(self.number)


def check_sender(sender: str, internal_suffixes: tuple[str, ...]) -> None:
    """Mechanism 四（一）3: letters go in the name of a township government, street office or
    district department, never of an internal unit (执法大队, 中队…)."""
    for suffix in internal_suffixes:
        if sender.endswith(suffix):
            raise LetterError(
                f"发文机关“{sender}”是内设机构（以“{suffix}”结尾）。按机制 四（一）3，"
                "应以乡镇人民政府、街道办事处或区直执法部门的名义发文")
