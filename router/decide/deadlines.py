"""Referral deadlines of 华龙法政办〔2021〕13号 四（一）1, with the day-by-day count shown to clerks.

Three rules: within 3 working days (the ordinary case); within 24 hours (urgent); immediately
(the violation is still going on: dissuade at once and promptly notify in writing).
"""
from __future__ import annotations

from dataclasses import field
from datetime import date, datetime, time, timedelta
from typing import Any

from router.catalog.workdays import WorkCalendar
from router.model.clock import CST
from router.model.lazydc import dataclass

RULES = ("3_working_days", "24_hours", "immediately")
WORKING_DAYS = 3

_SEED = "华龙法政办〔2021〕13号 四（一）1"


@dataclass(frozen=True, slots=True)
class DayCount:
    """One day of a deadline's count, and whether it counted."""

    date: date
    kind: str
    name: str | None
    counted: bool
    ordinal: int | None  # 1, 2, 3 for counted days
    label: str  # e.g. "春节 放假，不计"、"调休上班（春节），计第1日"

    def to_json(self) -> dict[str, Any]:
        return {"date": self.date.isoformat(), "kind": self.kind, "name": self.name,
                "counted": self.counted, "ordinal": self.ordinal, "label": self.label}


@dataclass(frozen=True, slots=True)
class Deadline:
    """A computed deadline with the days counted to reach it."""

    rule: str
    start: datetime
    deadline: datetime
    days: list[DayCount] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    basis: list[str] = field(default_factory=list)
    uncertain: bool = False  # the deadline may still change (provisional, or a year not known)
    # Counted through (or next to) a year with no official arrangement, with its statutory
    # holidays (推定); `adjustments` names the holidays whose 调休 could still move it.
    provisional: bool = False
    adjustments: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"rule": self.rule,
                "start": self.start.isoformat(timespec="seconds"),
                "deadline": self.deadline.isoformat(timespec="seconds"),
                "uncertain": self.uncertain,
                "provisional": self.provisional,
                "adjustments": list(self.adjustments),
                "days": [d.to_json() for d in self.days],
                "warnings": list(self.warnings),
                "basis": list(self.basis)}


def compute_deadline(rule: str, start: datetime, calendar: WorkCalendar) -> Deadline:
    """Deadline of a referral found at `start` (an aware datetime) under `rule`."""
    if rule not in RULES:
        raise ValueError(f"unknown deadline rule {rule!r}; expected one of {RULES}")
    if start.tzinfo is None or start.utcoffset() is None:
        raise ValueError("start must be an aware datetime (+08:00)")
    start = start.astimezone(CST)  # the calendar day that counts is the day in China
    if rule == "3_working_days":
        return _working_days(start, calendar)
    if rule == "24_hours":
        return _hours(start, calendar)
    return Deadline(rule, start, start, basis=[
        f"发现违法行为正在进行的，应当立即劝阻当事人停止违法行为，"
        f"并及时书面告知有管辖权的执法单位查处（{_SEED}）",
        "文件对“及时”未规定具体小时数：截止时间记为发现时刻，书面告知应尽快发出",
    ])


def _working_days(start: datetime, calendar: WorkCalendar) -> Deadline:
    days: list[DayCount] = []
    uncovered: list[int] = []
    provisional: list[int] = []
    day, counted = start.date(), 0
    # 《民法典》第201条、《民事诉讼法》第85条: the start day is not counted.
    while counted < WORKING_DAYS:
        day += timedelta(days=1)
        info = calendar.day_info(day)
        note = ""
        if calendar.is_provisional(day.year):  # the label says 推定
            if day.year not in provisional:
                provisional.append(day.year)
        elif not calendar.covers(day.year):
            note = f"（{day.year}年节假日安排未录入）"
            if day.year not in uncovered:
                uncovered.append(day.year)
        if info.is_working_day:
            counted += 1
            days.append(DayCount(day, info.kind, info.name, True, counted,
                                 f"{info.label}{note}，计第{counted}日"))
        else:
            days.append(DayCount(day, info.kind, info.name, False, None,
                                 f"{info.label}{note}，不计"))

    warnings = [
        f"{year}年的节假日安排未录入（{calendar.missing_year_note(year)}）：截止时间仅按周末推算，"
        f"可能有误；请政策人员在国务院办公厅发布{year}年节假日安排后录入"
        for year in uncovered
    ]
    adjustments = calendar.adjustments(start.date() + timedelta(days=1), day)
    warnings += [calendar.provisional_note(year, near_holiday=bool(adjustments))
                 for year in provisional]
    warnings += adjustments
    sources = [calendar.describe_source(y) for y in sorted({d.date.year for d in days})]
    basis = [
        f"属于对方管辖的违法行为，应当在3个工作日内移送有管辖权的一方（{_SEED}）",
        "按日计算期间的，开始的当日不计入，自下一日开始计算"
        "（《民法典》第201条；《民事诉讼法》第85条：期间开始的时和日，不计算在期间内）",
        "工作日不含周末和法定节假日（参照《行政处罚法》第85条：“二日”“三日”“五日”“七日”"
        "是指工作日，不含法定节假日）",
        "调休上班日计为工作日：国务院办公厅节假日安排通知将其定为上班日；"
        "未查到专门就法定期间作出的规定，本系统以此为准",
        "期间最后一日的截止时间为二十四时，记为 23:59:59（《民法典》第203条；"
        "有业务时间的，停止业务活动的时间为截止时间）",
        *[s for s in sources if s is not None],
    ]
    deadline = datetime.combine(day, time(23, 59, 59), CST)
    return Deadline("3_working_days", start, deadline, days, warnings, basis,
                    uncertain=bool(uncovered or provisional or adjustments),
                    provisional=bool(provisional or adjustments), adjustments=adjustments)


def _hours(start: datetime, calendar: WorkCalendar) -> Deadline:
    deadline = start + timedelta(hours=24)
    warnings = []
    end_day = deadline.date()
    if (calendar.covers(end_day.year) or calendar.is_provisional(end_day.year)) \
            and not calendar.is_working_day(end_day):
        warnings.append(f"截止时间落在非工作日（{end_day} {calendar.day_info(end_day).label}）："
                        f"按小时计算不顺延，请安排值班人员办理")
    return Deadline("24_hours", start, deadline, [], warnings, [
        f"情况紧急的，应当在24小时内移送有管辖权的一方处理（{_SEED}）",
        "按小时计算的期间自规定的时刻开始计算（《民法典》第201条第2款），"
        "按钟点连续计算，不因周末或法定节假日顺延",
    ])
