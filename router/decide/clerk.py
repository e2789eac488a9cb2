"""Case fields as clerks write them in hotline exports and spreadsheets, turned into the case
format (router/decide/case.py): channel labels (执法检查, 12345热线, 投诉举报…), dates and times
(2026/06/01, 2026年7月1日 9时30分, Excel date cells and day numbers), yes/no words.

Every refusal is an InputError naming the value and what is accepted.
"""
from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, time, timedelta
from typing import Any

from router.model.clock import parse_day
from router.model.errors import InputError, shown

# Labels of the two channels (case.CHANNELS), compared after NFKC and without spaces.
CHANNEL_LABELS = {
    "inspection": ("inspection", "执法检查", "检查", "日常监管", "监管", "巡查", "日常巡查", "执法检查、日常监管",
                   "执法检查、日常监管中发现", "巡查发现", "自行发现", "主动发现", "网格员巡查"),
    "complaint": ("complaint", "投诉举报", "投诉", "举报", "群众投诉", "群众举报", "群众投诉举报", "12345",
                  "12345热线", "热线", "市长热线", "政务服务热线", "12345政务服务便民热线", "信访", "来电", "来信",
                  "网络举报", "12315", "12369", "12319"),
}
_CHANNEL = {unicodedata.normalize("NFKC", label).replace(" ", "").lower(): code
            for code, labels in CHANNEL_LABELS.items() for label in labels}
TRUE_WORDS = {"true", "1", "是", "y", "yes", "√", "✓", "有"}
FALSE_WORDS = {"false", "0", "否", "n", "no", "", "无"}
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?$")
_CLOCK = re.compile(r"(?:^|[\sT日号])(上午|下午|晚上|凌晨|中午)?\s*(\d{1,2})\s*(?:[:：时点])\s*(\d{1,2})?\s*分?"
                    r"(?:\s*[:：]?\s*(\d{1,2})\s*秒?)?\s*$")
_DATE_PART = re.compile(r"^(\d{4}\s*(?:年|[-/.．])\s*\d{1,2}\s*(?:月|[-/.．])\s*\d{1,2}\s*[日号]?)")
AT_FORMS = "2026-06-01T09:30、2026/06/01 9:30、2026年7月1日 9时30分、2026年7月1日，或 Excel 的日期单元格"


def channel_code(value: Any) -> str:
    """'inspection' or 'complaint' for a channel as written (code or Chinese label)."""
    key = unicodedata.normalize("NFKC", str(value)).replace(" ", "").strip().lower()
    code = _CHANNEL.get(key)
    if code is None and key.startswith("12345"):
        code = "complaint"
    if code is None:
        accepted = "；".join(f"{code}：{'、'.join(labels[1:6])}" for code, labels in CHANNEL_LABELS.items())
        raise InputError(f"来源“{shown(value)}”无法识别：可填 {accepted} 等", field="channel", value=value)
    return code


def flag(value: Any, name: str) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in TRUE_WORDS:
        return True
    if text in FALSE_WORDS:
        return False
    raise InputError(f"“{name}”列的值“{shown(value)}”无法识别：可填 是/否、true/false、1/0", field=name, value=value)


def at_text(value: Any) -> str:
    """The case's `at` in the ISO form the case parser reads, from what a clerk's sheet holds."""
    if isinstance(value, datetime):
        return value.replace(tzinfo=None).isoformat(timespec="minutes") if value.tzinfo is None \
            else value.isoformat(timespec="minutes")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if 20000 <= value <= 80000:  # an Excel day number, the fraction being the time of day
            moment = datetime(1899, 12, 30) + timedelta(days=float(value))
            moment = (moment + timedelta(seconds=30)).replace(second=0, microsecond=0)
            return moment.isoformat(timespec="minutes") if moment.time() != time(0) else moment.date().isoformat()
        raise InputError(f"受理时间“{shown(value)}”无法识别：可写成 {AT_FORMS}", field="at", value=value)
    text = unicodedata.normalize("NFKC", str(value)).strip()
    if _ISO.match(text):
        return text
    day_match = _DATE_PART.match(text)
    try:
        day = parse_day(day_match.group(1) if day_match else text)
    except ValueError:
        raise InputError(f"受理时间“{shown(value)}”无法识别：可写成 {AT_FORMS}", field="at", value=value) from None
    rest = text[day_match.end():].strip() if day_match else ""
    if not rest:
        return day.isoformat()
    clock = _CLOCK.search(" " + rest)
    if clock is None:
        raise InputError(f"受理时间“{shown(value)}”中的时刻“{shown(rest)}”无法识别：可写成 {AT_FORMS}",
                         field="at", value=value)
    half, hour, minute, second = clock.groups()
    hour, minute, second = int(hour), int(minute or 0), int(second or 0)
    if half in ("下午", "晚上") and hour < 12:
        hour += 12
    if hour > 23 or minute > 59 or second > 59:
        raise InputError(f"受理时间“{shown(value)}”的时刻不存在", field="at", value=value)
    moment = datetime.combine(day, time(hour, minute, second))
    return moment.isoformat(timespec="seconds" if second else "minutes")


def clerk_case(case: dict, *, default_at: str | None = None) -> dict:
    """A batch row's case with the clerk forms of `channel` and `at` turned into the case format.
    A missing or empty `at` takes `default_at` when given, else is an error (never "now")."""
    out = dict(case)
    channel = out.get("channel")
    if isinstance(channel, str) and channel.strip():
        out["channel"] = channel_code(channel)
    at = out.get("at")
    if at is None or (isinstance(at, str) and not at.strip()):
        if default_at is None:
            raise InputError("缺少受理时间（at / 受理时间）：请在该行填写，如 2026-06-01 09:30；"
                             "或用 --default-at 为缺少时间的行统一指定", field="at")
        out["at"] = default_at
    else:
        out["at"] = at_text(at)
    return out
