"""Referral deadlines (华龙法政办〔2021〕13号 四（一）1). Every expected date below was worked out by
hand from the State Council arrangements in shared/reference/time-limits.md."""
from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta
from pathlib import Path

import chinese_calendar
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from router.catalog.workdays import WorkCalendar, load_calendar
from router.decide.deadlines import compute_deadline
from router.model.clock import CST

ROOT = Path(__file__).resolve().parents[1]
_CALENDAR = load_calendar(ROOT / "catalog" / "calendar")  # module level: hypothesis uses it too


@pytest.fixture
def calendar() -> WorkCalendar:
    return _CALENDAR


def at(text: str) -> datetime:
    return datetime.fromisoformat(text)


# (why, found at, the three counted days). The deadline is the third day at 23:59:59+08:00;
# every other day between the start and the deadline is a rest day, not counted.
THREE_WORKING_DAYS = [
    ("normal Monday", "2026-03-02T10:00+08:00", ["2026-03-03", "2026-03-04", "2026-03-05"]),
    ("normal Wednesday: weekend skipped", "2026-03-04T15:00+08:00",
     ["2026-03-05", "2026-03-06", "2026-03-09"]),
    ("normal Friday", "2026-03-06T09:00+08:00", ["2026-03-09", "2026-03-10", "2026-03-11"]),
    ("Friday evening", "2026-03-06T21:30+08:00", ["2026-03-09", "2026-03-10", "2026-03-11"]),
    ("found on a Saturday", "2026-03-07T11:00+08:00", ["2026-03-09", "2026-03-10", "2026-03-11"]),
    ("one second before midnight still counts as that day", "2026-03-02T23:59:59+08:00",
     ["2026-03-03", "2026-03-04", "2026-03-05"]),
    ("UTC input is read as the China date (2026-03-06 04:00+08:00)", "2026-03-05T20:00+00:00",
     ["2026-03-09", "2026-03-10", "2026-03-11"]),
    ("normal Monday 2025", "2025-03-03T09:00+08:00", ["2025-03-04", "2025-03-05", "2025-03-06"]),
    # 春节 2025: 1/28-2/4 rest, Sun 1/26 and Sat 2/8 work.
    ("before 春节 2025: Sunday make-up counts", "2025-01-24T16:00+08:00",
     ["2025-01-26", "2025-01-27", "2025-02-05"]),
    # 春节 2026: 2/15-2/23 rest, Sat 2/14 and Sat 2/28 work.
    ("Friday before 春节 2026: Sat 2/14 is day 1", "2026-02-13T17:00+08:00",
     ["2026-02-14", "2026-02-24", "2026-02-25"]),
    ("on the make-up Saturday 2/14", "2026-02-14T10:00+08:00",
     ["2026-02-24", "2026-02-25", "2026-02-26"]),
    ("inside 春节 2026", "2026-02-18T10:00+08:00", ["2026-02-24", "2026-02-25", "2026-02-26"]),
    ("last day of 春节 2026", "2026-02-23T10:00+08:00",
     ["2026-02-24", "2026-02-25", "2026-02-26"]),
    ("after 春节 2026: Sat 2/28 counts", "2026-02-26T10:00+08:00",
     ["2026-02-27", "2026-02-28", "2026-03-02"]),
    # 国庆节、中秋节 2025: 10/1-10/8 rest, Sun 9/28 and Sat 10/11 work.
    ("before 国庆 2025: Sun 9/28 counts", "2025-09-26T10:00+08:00",
     ["2025-09-28", "2025-09-29", "2025-09-30"]),
    ("eve of 国庆 2025: Sat 10/11 is day 3", "2025-09-30T10:00+08:00",
     ["2025-10-09", "2025-10-10", "2025-10-11"]),
    ("inside 国庆 2025", "2025-10-05T10:00+08:00", ["2025-10-09", "2025-10-10", "2025-10-11"]),
    # 中秋 2026 9/25-9/27, 国庆 2026 10/1-10/7; Sun 9/20 and Sat 10/10 work.
    ("Friday before Sun 9/20 make-up", "2026-09-18T10:00+08:00",
     ["2026-09-20", "2026-09-21", "2026-09-22"]),
    ("Saturday 9/19", "2026-09-19T10:00+08:00", ["2026-09-20", "2026-09-21", "2026-09-22"]),
    ("across 中秋 2026", "2026-09-23T10:00+08:00", ["2026-09-24", "2026-09-28", "2026-09-29"]),
    ("eve of 国庆 2026: Sat 10/10 is day 3", "2026-09-30T10:00+08:00",
     ["2026-10-08", "2026-10-09", "2026-10-10"]),
    ("two days before 国庆 2026", "2026-09-29T10:00+08:00",
     ["2026-09-30", "2026-10-08", "2026-10-09"]),
    # 元旦 2026: 1/1-1/3 rest, Sun 1/4 works; the count crosses 2025 -> 2026 (both covered).
    ("New Year's Eve 2025", "2025-12-31T10:00+08:00", ["2026-01-04", "2026-01-05", "2026-01-06"]),
    ("two days before 元旦 2026", "2025-12-30T10:00+08:00",
     ["2025-12-31", "2026-01-04", "2026-01-05"]),
    ("inside 元旦 2026", "2026-01-02T10:00+08:00", ["2026-01-04", "2026-01-05", "2026-01-06"]),
    # 劳动节 2026: 5/1-5/5 rest, Sat 5/9 works.
    ("eve of 劳动节 2026", "2026-04-30T10:00+08:00", ["2026-05-06", "2026-05-07", "2026-05-08"]),
    ("Sat 5/9 is day 2", "2026-05-07T10:00+08:00", ["2026-05-08", "2026-05-09", "2026-05-11"]),
    ("Sat 5/9 is day 1", "2026-05-08T10:00+08:00", ["2026-05-09", "2026-05-11", "2026-05-12"]),
    ("last days of 2026 stay inside 2026", "2026-12-28T10:00+08:00",
     ["2026-12-29", "2026-12-30", "2026-12-31"]),
]


@pytest.mark.parametrize("why, start, counted", THREE_WORKING_DAYS,
                         ids=[c[0] for c in THREE_WORKING_DAYS])
def test_three_working_days(calendar: WorkCalendar, why: str, start: str,
                            counted: list[str]) -> None:
    result = compute_deadline("3_working_days", at(start), calendar)
    last = date.fromisoformat(counted[-1])
    assert result.deadline == datetime.combine(last, time(23, 59, 59), CST)
    first = at(start).astimezone(CST).date() + timedelta(days=1)
    assert [d.date for d in result.days] == [first + timedelta(n)
                                             for n in range((last - first).days + 1)]
    assert [d.date.isoformat() for d in result.days if d.counted] == counted
    assert [d.ordinal for d in result.days if d.counted] == [1, 2, 3]
    assert not result.uncertain and result.warnings == []


def test_spring_festival_2026_day_by_day(calendar: WorkCalendar) -> None:
    result = compute_deadline("3_working_days", at("2026-02-13T17:00+08:00"), calendar)
    assert [(d.date.isoformat(), d.label) for d in result.days] == [
        ("2026-02-14", "调休上班（春节），计第1日"),
        *[(f"2026-02-{n}", "春节 放假，不计") for n in range(15, 24)],
        ("2026-02-24", "工作日，计第2日"),
        ("2026-02-25", "工作日，计第3日"),
    ]
    assert result.to_json()["deadline"] == "2026-02-25T23:59:59+08:00"


def test_weekend_labels(calendar: WorkCalendar) -> None:
    result = compute_deadline("3_working_days", at("2026-03-06T21:30+08:00"), calendar)
    assert [d.label for d in result.days] == [
        "周六，不计", "周日，不计", "工作日，计第1日", "工作日，计第2日", "工作日，计第3日"]


def test_basis_cites_the_law_and_the_calendar_source(calendar: WorkCalendar) -> None:
    basis = "\n".join(compute_deadline("3_working_days", at("2025-12-30T10:00+08:00"),
                                       calendar).basis)
    for citation in ("华龙法政办〔2021〕13号 四（一）1", "《民法典》第201条", "《民事诉讼法》第85条",
                     "《行政处罚法》第85条", "《民法典》第203条", "调休上班日计为工作日",
                     "未查到专门就法定期间作出的规定",
                     "国务院办公厅关于2026年部分节假日安排的通知（2025-11-04 发布）",
                     "国务院办公厅关于2025年部分节假日安排的通知（2024-11-12 发布）"):
        assert citation in basis


# Running into 2027, whose arrangement is not known: weekends only, flagged uncertain.
YEAR_END = [
    ("2026-12-29T10:00+08:00", ["2026-12-30", "2026-12-31", "2027-01-01"]),
    ("2026-12-30T10:00+08:00", ["2026-12-31", "2027-01-01", "2027-01-04"]),
    ("2026-12-31T10:00+08:00", ["2027-01-01", "2027-01-04", "2027-01-05"]),
]


@pytest.mark.parametrize("start, counted", YEAR_END)
def test_year_end_2026_runs_into_uncovered_2027(calendar: WorkCalendar, start: str,
                                                counted: list[str]) -> None:
    result = compute_deadline("3_working_days", at(start), calendar)
    assert [d.date.isoformat() for d in result.days if d.counted] == counted
    assert result.uncertain is True
    assert result.warnings == [
        "2027年的节假日安排未录入（catalog/calendar/ 无 2027.yaml，chinesecalendar 仅覆盖"
        "2004年至2026年）：截止时间仅按周末推算，可能有误；请政策人员在国务院办公厅发布2027年"
        "节假日安排后录入"]
    first_2027 = next(d for d in result.days if d.date.year == 2027)
    assert first_2027.label == "工作日（2027年节假日安排未录入），计第" + str(first_2027.ordinal) + "日"
    assert result.to_json()["uncertain"] is True


# 24 hours: by the clock, no extension for weekends or holidays.
HOURS = [
    ("2026-03-05T22:00+08:00", "2026-03-06T22:00:00+08:00", []),
    ("2026-03-06T23:30+08:00", "2026-03-07T23:30:00+08:00",
     ["截止时间落在非工作日（2026-03-07 周六）：按小时计算不顺延，请安排值班人员办理"]),
    ("2026-02-14T18:30+08:00", "2026-02-15T18:30:00+08:00",
     ["截止时间落在非工作日（2026-02-15 春节 放假）：按小时计算不顺延，请安排值班人员办理"]),
    ("2026-12-31T20:00+08:00", "2027-01-01T20:00:00+08:00", []),
]


@pytest.mark.parametrize("start, deadline, warnings", HOURS)
def test_24_hours(calendar: WorkCalendar, start: str, deadline: str,
                  warnings: list[str]) -> None:
    result = compute_deadline("24_hours", at(start), calendar)
    assert result.to_json()["deadline"] == deadline
    assert result.deadline - result.start == timedelta(hours=24)
    assert (result.days, result.warnings, result.uncertain) == ([], warnings, False)
    assert any("不因周末或法定节假日顺延" in b for b in result.basis)


def test_immediately(calendar: WorkCalendar) -> None:
    start = at("2026-02-16T09:15+08:00")
    result = compute_deadline("immediately", start, calendar)
    assert result.deadline == start and result.days == [] and not result.uncertain
    assert "立即劝阻当事人停止违法行为，并及时书面告知" in result.basis[0]
    assert "未规定具体小时数" in result.basis[1]


def test_to_json_is_json_ready(calendar: WorkCalendar) -> None:
    data = compute_deadline("3_working_days", at("2026-02-13T17:00:00.5+08:00"), calendar).to_json()
    json.dumps(data, ensure_ascii=False)
    assert data["start"] == "2026-02-13T17:00:00+08:00"
    assert data["days"][0] == {"date": "2026-02-14", "kind": "makeup_workday", "name": "春节",
                               "counted": True, "ordinal": 1, "label": "调休上班（春节），计第1日"}


@pytest.mark.parametrize("rule", ["3_days", "", "24_HOURS"])
def test_unknown_rule_is_refused(calendar: WorkCalendar, rule: str) -> None:
    with pytest.raises(ValueError):
        compute_deadline(rule, at("2026-03-02T10:00+08:00"), calendar)


def test_naive_start_is_refused(calendar: WorkCalendar) -> None:
    with pytest.raises(ValueError):
        compute_deadline("3_working_days", datetime(2026, 3, 2, 10), calendar)


@settings(max_examples=300, deadline=None)
@given(day=st.dates(date(2025, 1, 1), date(2026, 12, 28)),
       moment=st.times())
def test_property_three_working_days(day: date, moment: time) -> None:
    start = datetime.combine(day, moment, CST)
    result = compute_deadline("3_working_days", start, _CALENDAR)
    counted = [d for d in result.days if d.counted]
    assert len(counted) == 3 and [d.ordinal for d in counted] == [1, 2, 3]
    assert result.deadline.date() == counted[-1].date == result.days[-1].date
    assert chinese_calendar.is_workday(result.deadline.date())
    for d in result.days:
        assert d.counted == chinese_calendar.is_workday(d.date)
        assert not (d.counted and d.kind in ("holiday", "weekend"))
    # Independent oracle: the third working day after the start day.
    assert result.deadline.date() == chinese_calendar.find_workday(2, day + timedelta(days=1))
    assert not result.uncertain
