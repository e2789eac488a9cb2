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
    ("mid-December 2026: far from 2027's holidays", "2026-12-14T10:00+08:00",
     ["2026-12-15", "2026-12-16", "2026-12-17"]),
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
    assert not result.uncertain and not result.provisional and result.warnings == []
    assert result.adjustments == [] and all("推定" not in d.label for d in result.days)


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


# Running into 2027, whose arrangement is not published: the statutory holidays (推定).
NOTE_2027 = (
    "2027年节假日安排尚未录入（catalog/calendar/ 无 2027.yaml，chinesecalendar 仅覆盖2004年至2026年）："
    "截止时间按《全国年节及纪念日放假办法》规定的法定节假日（适逢周末的按第六条推定补假）和周末推定，"
    "未计调休，为推定结果；国务院办公厅公布2027年节假日安排后，请政策人员录入"
    "（zhifa calendar add 2027），届时以通知为准")
NEAR_NEW_YEAR_2027 = "2027年元旦（1月1日）前后可能调休，届时以国务院办公厅通知为准"
YEAR_END = [
    # 2027-01-01 (Fri) 元旦, then a weekend: 1/4 is the first working day of 2027.
    ("2026-12-29T10:00+08:00", ["2026-12-30", "2026-12-31", "2027-01-04"]),
    ("2026-12-30T10:00+08:00", ["2026-12-31", "2027-01-04", "2027-01-05"]),
    ("2026-12-31T10:00+08:00", ["2027-01-04", "2027-01-05", "2027-01-06"]),
]


@pytest.mark.parametrize("start, counted", YEAR_END)
def test_year_end_2026_runs_into_provisional_2027(calendar: WorkCalendar, start: str,
                                                  counted: list[str]) -> None:
    result = compute_deadline("3_working_days", at(start), calendar)
    assert [d.date.isoformat() for d in result.days if d.counted] == counted
    assert result.deadline == datetime.combine(date.fromisoformat(counted[-1]),
                                               time(23, 59, 59), CST)
    assert (result.provisional, result.uncertain) == (True, True)
    assert result.adjustments == [NEAR_NEW_YEAR_2027]
    assert result.warnings == [NOTE_2027, NEAR_NEW_YEAR_2027]
    labels = {d.date.isoformat(): d.label for d in result.days}
    assert labels["2027-01-01"] == "元旦 放假（推定），不计"
    assert labels["2027-01-04"].startswith("工作日（推定），计第")
    assert all("推定" not in d.label for d in result.days if d.date.year == 2026)
    data = result.to_json()
    assert (data["provisional"], data["adjustments"]) == (True, [NEAR_NEW_YEAR_2027])
    assert any("按《全国年节及纪念日放假办法》（2024年11月10日国务院令第795号修订" in b
               and "第六条在其后的工作日补假" in b for b in result.basis)


def test_late_december_is_provisional_without_entering_2027(calendar: WorkCalendar) -> None:
    """The 2027 notice may still move late-December 2026 days (2019's moved 2018-12-29/31)."""
    result = compute_deadline("3_working_days", at("2026-12-28T10:00+08:00"), calendar)
    assert [d.date.isoformat() for d in result.days] == ["2026-12-29", "2026-12-30", "2026-12-31"]
    assert (result.provisional, result.adjustments, result.warnings) == \
        (True, [NEAR_NEW_YEAR_2027], [NEAR_NEW_YEAR_2027])


def test_provisional_far_from_holidays_says_so(calendar: WorkCalendar) -> None:
    result = compute_deadline("3_working_days", at("2027-03-03T10:00+08:00"), calendar)
    assert [d.date.isoformat() for d in result.days if d.counted] == \
        ["2027-03-04", "2027-03-05", "2027-03-08"]
    assert result.provisional and result.adjustments == []
    assert result.warnings == [NOTE_2027.replace(
        "为推定结果；", "为推定结果；计算期间不临近法定节假日，调休一般不会改变此截止时间；")]


# Across the holidays of 2027-2030, from the literal dates in test_calendar_statutory.py (the
# published Chinese calendar), worked by hand: (found at, counted days, holidays named as
# adjustments that could still move the deadline).
PROVISIONAL = [
    ("2026-12-31T16:00+08:00", ["2027-01-04", "2027-01-05", "2027-01-06"], ["2027年元旦"]),
    # 除夕 Fri 2/5 .. 初三 Mon 2/8; 初一, 初二 on the weekend: 补假 Tue 2/9, Wed 2/10.
    ("2027-02-04T10:00+08:00", ["2027-02-11", "2027-02-12", "2027-02-15"], ["2027年春节"]),
    ("2027-04-02T10:00+08:00", ["2027-04-06", "2027-04-07", "2027-04-08"], ["2027年清明节"]),
    # 劳动节 Sat 5/1, Sun 5/2: 补假 Mon 5/3, Tue 5/4.
    ("2027-04-30T10:00+08:00", ["2027-05-05", "2027-05-06", "2027-05-07"], ["2027年劳动节"]),
    ("2027-06-08T10:00+08:00", ["2027-06-10", "2027-06-11", "2027-06-14"], ["2027年端午节"]),
    ("2027-09-14T10:00+08:00", ["2027-09-16", "2027-09-17", "2027-09-20"],
     ["2027年中秋节", "2027年国庆节"]),
    # 国庆 Fri 10/1, Sat 10/2, Sun 10/3: 补假 Mon 10/4, Tue 10/5.
    ("2027-09-30T10:00+08:00", ["2027-10-06", "2027-10-07", "2027-10-08"], ["2027年国庆节"]),
    # 2028 元旦 on a Saturday: 补假 Mon 1/3; the count crosses two provisional years.
    ("2027-12-31T10:00+08:00", ["2028-01-04", "2028-01-05", "2028-01-06"], ["2028年元旦"]),
    ("2028-01-24T10:00+08:00", ["2028-01-31", "2028-02-01", "2028-02-02"], ["2028年春节"]),
    ("2028-05-26T10:00+08:00", ["2028-05-30", "2028-05-31", "2028-06-01"], ["2028年端午节"]),
    # 国庆 Sun 10/1 - Tue 10/3, 中秋 also 10/3: 补假 Wed 10/4 and Thu 10/5.
    ("2028-09-29T10:00+08:00", ["2028-10-06", "2028-10-09", "2028-10-10"],
     ["2028年国庆节", "2028年中秋节"]),
    ("2029-02-09T10:00+08:00", ["2029-02-16", "2029-02-19", "2029-02-20"], ["2029年春节"]),
    ("2029-04-03T10:00+08:00", ["2029-04-05", "2029-04-06", "2029-04-09"], ["2029年清明节"]),
    ("2029-06-15T10:00+08:00", ["2029-06-19", "2029-06-20", "2029-06-21"], ["2029年端午节"]),
    ("2029-09-21T10:00+08:00", ["2029-09-25", "2029-09-26", "2029-09-27"],
     ["2029年中秋节", "2029年国庆节"]),
    ("2029-09-28T10:00+08:00", ["2029-10-04", "2029-10-05", "2029-10-08"],
     ["2029年中秋节", "2029年国庆节"]),
    ("2029-12-31T10:00+08:00", ["2030-01-02", "2030-01-03", "2030-01-04"], ["2030年元旦"]),
    # 除夕 Sat 2/2, 初一 Sun 2/3: 补假 Wed 2/6, Thu 2/7 after 初三 Tue 2/5.
    ("2030-02-01T10:00+08:00", ["2030-02-08", "2030-02-11", "2030-02-12"], ["2030年春节"]),
    ("2030-04-04T10:00+08:00", ["2030-04-08", "2030-04-09", "2030-04-10"], ["2030年清明节"]),
    ("2030-06-04T10:00+08:00", ["2030-06-06", "2030-06-07", "2030-06-10"], ["2030年端午节"]),
    ("2030-09-11T10:00+08:00", ["2030-09-13", "2030-09-16", "2030-09-17"],
     ["2030年中秋节", "2030年国庆节"]),
]


@pytest.mark.parametrize("start, counted, near", PROVISIONAL, ids=[c[0][:10] for c in PROVISIONAL])
def test_provisional_deadlines_across_holidays_2027_2030(calendar: WorkCalendar, start: str,
                                                        counted: list[str],
                                                        near: list[str]) -> None:
    result = compute_deadline("3_working_days", at(start), calendar)
    last = date.fromisoformat(counted[-1])
    assert result.deadline == datetime.combine(last, time(23, 59, 59), CST)
    first = at(start).date() + timedelta(days=1)
    assert [d.date for d in result.days] == [first + timedelta(n)
                                             for n in range((last - first).days + 1)]
    assert [d.date.isoformat() for d in result.days if d.counted] == counted
    assert (result.provisional, result.uncertain) == (True, True)
    assert [a.split("（")[0] for a in result.adjustments] == near
    assert all(a.endswith("前后可能调休，届时以国务院办公厅通知为准") for a in result.adjustments)
    assert result.warnings[1:] == result.adjustments
    assert all("推定" in d.label for d in result.days if d.date.year >= 2027)


def test_a_year_the_statute_cannot_give_is_still_weekends_only(calendar: WorkCalendar) -> None:
    result = compute_deadline("3_working_days", at("2100-01-01T10:00+08:00"), calendar)
    assert [d.date.isoformat() for d in result.days if d.counted] == \
        ["2100-01-04", "2100-01-05", "2100-01-06"]
    assert (result.uncertain, result.provisional, result.adjustments) == (True, False, [])
    assert len(result.warnings) == 1 and "截止时间仅按周末推算，可能有误" in result.warnings[0]
    assert result.days[0].label == "周六（2100年节假日安排未录入），不计"


# 24 hours: by the clock, no extension for weekends or holidays.
HOURS = [
    ("2026-03-05T22:00+08:00", "2026-03-06T22:00:00+08:00", []),
    ("2026-03-06T23:30+08:00", "2026-03-07T23:30:00+08:00",
     ["截止时间落在非工作日（2026-03-07 周六）：按小时计算不顺延，请安排值班人员办理"]),
    ("2026-02-14T18:30+08:00", "2026-02-15T18:30:00+08:00",
     ["截止时间落在非工作日（2026-02-15 春节 放假）：按小时计算不顺延，请安排值班人员办理"]),
    ("2026-12-31T20:00+08:00", "2027-01-01T20:00:00+08:00",
     ["截止时间落在非工作日（2027-01-01 元旦 放假（推定））：按小时计算不顺延，请安排值班人员办理"]),
    ("2027-03-03T20:00+08:00", "2027-03-04T20:00:00+08:00", []),
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
@given(day=st.dates(date(2025, 1, 1), date(2026, 12, 18)),
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
    assert not result.uncertain and not result.provisional
