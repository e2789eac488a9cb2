"""Fill a template's {placeholders} from a LetterData: every value the data lack becomes a
visible blank (________) for the clerk, never an invented value."""
from __future__ import annotations

import string
from datetime import date

from router.model.lazydc import dataclass
from .data import MECHANISM, LetterData
from .errors import LetterError
from .numerals import BLANK, arabic_date, arabic_moment, chinese_date
from .templates import Template

# How a body refers to itself (我镇) and to the receiver (贵镇), by the end of its name; the
# first suffix that matches wins, so longer suffixes come first.
_SHORT = (
    ("街道办事处", "办"), ("乡人民政府", "乡"), ("镇人民政府", "镇"), ("人民政府", "政府"), ("委员会", "委"), ("分局", "局"), ("局", "局"), ("大队", "大队"),
    ("办公室", "办"), ("中心", "中心"),
)


def short_name(body: str) -> str:
    """镇 for 岳村镇人民政府, 办 for 中原路街道办事处, 局 for 华龙区城市管理局, 单位 otherwise."""
    for suffix, short in _SHORT:
        if body.endswith(suffix):
            return short
    return "单位"


@dataclass(frozen=True)
class Filled:
    """The values of one letter, as text, and the lists behind the list fields."""

    values: dict[str, str]
    lists: dict[str, tuple[str, ...]]

    def fill(self, text: str) -> str:
        out = []
        for literal, name, _, _ in string.Formatter().parse(text):
            out.append(literal)
            if name is not None:
                out.append(self.values[name])
        return "".join(out)

    def has(self, name: str) -> bool:
        return self.values.get(name, BLANK) != BLANK and bool(self.values.get(name))


def _text(value: str | date | None) -> str:
    """A value as text; the template supplies the punctuation after it, so a trailing 。；，
    the register may have stored is dropped."""
    if isinstance(value, date):
        return arabic_moment(value)
    text = (value or "").strip().rstrip("。；;，,")
    return text or BLANK


def _joined(items: tuple[str, ...]) -> str:
    return "、".join(items) if items else BLANK


def letter_values(template: Template, data: LetterData) -> Filled:
    """All placeholder values for `data` under `template` (LetterError on unknown details)."""
    unknown = sorted(set(data.details) - set(template.fields))
    if unknown:
        accepted = "、".join(f"{k}（{v}）" for k, v in template.fields.items()) or "无"
        raise LetterError(f"{template.name}没有字段：{'、'.join(unknown)}；可用：{accepted}")
    cc = tuple(dict.fromkeys((*template.cc, *data.cc)))
    materials = tuple(m for m in data.materials if m != template.name)  # not the letter itself
    date_text = chinese_date(data.letter_date) if template.date_style == "chinese" \
        else arabic_date(data.letter_date)
    values = {
        "sender": data.sender.strip(),
        "we": "我" + short_name(data.sender.strip()),
        "receivers": _joined(data.receivers),
        "you": ("贵" + short_name(data.receivers[0])) if data.receivers else BLANK,
        "cc": _joined(cc),
        "number": _text(data.number),
        "case_number": _text(data.case_number),
        "facts": _text(data.facts),
        "place": _text(data.place),
        "found_at": _text(data.found_at),
        "matter": _text(data.matter),
        "legal_basis": _text(data.legal_basis),
        "clause": _text(data.clause or template.clause),
        "mechanism": MECHANISM,
        "deadline": _text(data.deadline),
        "materials": _joined(materials),
        "date": date_text,
        "contact": _text(data.contact),
        "phone": _text(data.phone),
    }
    for name in template.fields:
        values[name] = _text(data.details.get(name))
    return Filled(values, {"receivers": data.receivers, "cc": cc, "materials": materials})
