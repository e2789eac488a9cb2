"""Beijing time and the ways clerks and official tables write a date."""
from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, timedelta, timezone
from typing import Any

from router.model.errors import InputError
from router.model.lazyre import LazyPattern

CST = timezone(timedelta(hours=8))  # China Standard Time has had no DST since 1991: a fixed offset is exact


def now() -> datetime:
    return datetime.now(CST)


def today() -> date:
    """Today in Beijing."""
    return datetime.now(CST).date()


_DAY = LazyPattern(r"(\d{4})\s*(?:年|[-/.．])\s*(\d{1,2})\s*(?:月|[-/.．])\s*(\d{1,2})\s*日?")
_DAY_COMPACT = LazyPattern(r"(?<!\d)(\d{4})(\d{2})(\d{2})(?!\d)")


def parse_day(value: Any) -> date:
    """A date as tables write it: a date cell, an Excel serial number, 2026-01-01, 2026/1/1,
    2026.1.1, 2026年1月1日, “自2026年1月1日起施行”, 20260101. ValueError with a Chinese message."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if 20000 <= value <= 80000:  # an Excel day number (1954–2119) in a cell not formatted as date
            return date(1899, 12, 30) + timedelta(days=int(value))
        value = str(int(value)) if float(value).is_integer() else str(value)
    text = unicodedata.normalize("NFKC", str(value)).strip()
    if re.fullmatch(r"\d{5}", text) and 20000 <= int(text) <= 80000:
        return date(1899, 12, 30) + timedelta(days=int(text))
    found = _DAY.findall(text) or _DAY_COMPACT.findall(text)
    if not found:
        raise ValueError(f"无法识别的日期“{value}”：请写成 2026-01-01 或 2026年1月1日")
    if len(set(found)) > 1:
        raise ValueError(f"“{value}”中有多个日期，无法确定实施时间")
    y, m, d = (int(x) for x in found[0])
    try:
        return date(y, m, d)
    except ValueError:
        raise ValueError(f"日期“{value}”不存在") from None


def parse_as_of(value: str | date | None) -> date:
    """--as-of: a date (2026-03-01, 2026年3月1日…); today (Beijing time) when not given."""
    if isinstance(value, date):
        return value
    if value is None or not str(value).strip():
        return today()
    try:
        return parse_day(value)
    except ValueError as exc:
        raise InputError(f"--as-of：{exc}", field="as_of", value=value) from None
