"""Years with no official arrangement: the statutory holidays of 《全国年节及纪念日放假办法》
(2024 revision) 第二条 and the 补假 of 第六条, marked provisional (推定) until the year's notice is
entered; the official year always wins.

The dates below are literal, NOT computed by the library the code uses (lunar-python): the lunar
dates and the 清明 solar term are those printed in the published Chinese calendar (农历/万年历)
for 2027-2030, and the weekdays were checked by hand. Where the library is checked against
something else, that is the official arrangements themselves (chinesecalendar's data for
2004-2026, the catalog's 2025 and 2026 files).
"""
from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from pathlib import Path

import chinese_calendar
import pytest

from cli import EXIT_OK, main
from router.catalog.workdays import (
    WorkCalendar, check_folder, festival_dates, load_calendar, statutory_holidays,
)
from router.decide.deadlines import compute_deadline

ROOT = Path(__file__).resolve().parents[1]
CATALOG = ROOT / "catalog" / "calendar"

# year: (除夕, 正月初一, 清明, 端午, 中秋) from the published Chinese calendar.
PUBLISHED = {
    2027: ("2027-02-05", "2027-02-06", "2027-04-05", "2027-06-09", "2027-09-15"),
    2028: ("2028-01-25", "2028-01-26", "2028-04-04", "2028-05-28", "2028-10-03"),
    2029: ("2029-02-12", "2029-02-13", "2029-04-04", "2029-06-16", "2029-09-22"),
    2030: ("2030-02-02", "2030-02-03", "2030-04-05", "2030-06-05", "2030-09-12"),
}

# Every provisional rest day of 2027-2030 other than Saturdays and Sundays, by holiday: the
# statutory weekdays, and the 补假 (第六条) for a statutory day on a weekend or shared with
# another holiday, on the next working days. Worked out by hand from PUBLISHED.
PROVISIONAL_REST = {
    2027: {
        "元旦": ["2027-01-01"],                                     # Fri
        "春节": ["2027-02-05", "2027-02-08",                        # 除夕 Fri, 初三 Mon
                 "2027-02-09", "2027-02-10"],                       # 补假 for 初一, 初二 (Sat, Sun)
        "清明节": ["2027-04-05"],                                   # Mon
        "劳动节": ["2027-05-03", "2027-05-04"],                     # 5/1-2 Sat-Sun: 补假 Mon, Tue
        "端午节": ["2027-06-09"],                                   # Wed
        "中秋节": ["2027-09-15"],                                   # Wed
        "国庆节": ["2027-10-01", "2027-10-04", "2027-10-05"],       # Fri; 10/2-3 weekend: 补假
    },
    2028: {
        "元旦": ["2028-01-03"],                                     # Sat: 补假 Mon
        "春节": ["2028-01-25", "2028-01-26", "2028-01-27", "2028-01-28"],  # Tue-Fri
        "清明节": ["2028-04-04"],                                   # Tue
        "劳动节": ["2028-05-01", "2028-05-02"],                     # Mon-Tue
        "端午节": ["2028-05-29"],                                   # Sun: 补假 Mon
        "国庆节": ["2028-10-02", "2028-10-03", "2028-10-04"],       # 10/1 Sun: 补假 Wed 10/4
        "中秋节": ["2028-10-05"],                                   # = 国庆 10/3: 补假 Thu 10/5
    },
    2029: {
        "元旦": ["2029-01-01"],                                     # Mon
        "春节": ["2029-02-12", "2029-02-13", "2029-02-14", "2029-02-15"],  # Mon-Thu
        "清明节": ["2029-04-04"],                                   # Wed
        "劳动节": ["2029-05-01", "2029-05-02"],                     # Tue-Wed
        "端午节": ["2029-06-18"],                                   # Sat: 补假 Mon
        "中秋节": ["2029-09-24"],                                   # Sat: 补假 Mon
        "国庆节": ["2029-10-01", "2029-10-02", "2029-10-03"],       # Mon-Wed
    },
    2030: {
        "元旦": ["2030-01-01"],                                     # Tue
        "春节": ["2030-02-04", "2030-02-05",                        # 初二 Mon, 初三 Tue
                 "2030-02-06", "2030-02-07"],                       # 补假 for 除夕 Sat, 初一 Sun
        "清明节": ["2030-04-05"],                                   # Fri
        "劳动节": ["2030-05-01", "2030-05-02"],                     # Wed-Thu
        "端午节": ["2030-06-05"],                                   # Wed
        "中秋节": ["2030-09-12"],                                   # Thu
        "国庆节": ["2030-10-01", "2030-10-02", "2030-10-03"],       # Tue-Thu
    },
}


@pytest.fixture(scope="module")
def calendar() -> WorkCalendar:
    return load_calendar(CATALOG)


@pytest.mark.parametrize("year", sorted(PUBLISHED))
def test_lunar_and_solar_term_dates_match_the_published_calendar(year: int) -> None:
    got = festival_dates(year)
    assert [got[k].isoformat() for k in ("除夕", "正月初一", "清明", "端午", "中秋")] == \
        list(PUBLISHED[year])


@pytest.mark.parametrize("year", sorted(PROVISIONAL_REST))
def test_every_weekday_off_of_a_provisional_year(calendar: WorkCalendar, year: int) -> None:
    assert calendar.is_provisional(year) and not calendar.covers(year)
    off: dict[str, list[str]] = {}
    day = date(year, 1, 1)
    while day.year == year:
        info = calendar.day_info(day)
        assert info.provisional, day
        assert info.kind in ("workday", "weekend", "holiday"), day  # no 调休上班 is invented
        if info.kind == "holiday" and day.weekday() < 5:
            off.setdefault(info.name, []).append(day.isoformat())
        if info.kind != "holiday":
            assert info.kind == ("weekend" if day.weekday() >= 5 else "workday"), day
        day += timedelta(days=1)
    assert off == PROVISIONAL_REST[year]


@pytest.mark.parametrize("day, kind, name, label", [
    ("2027-01-01", "holiday", "元旦", "元旦 放假（推定）"),
    ("2027-02-06", "holiday", "春节", "春节 放假（推定）"),  # 初一, a Saturday: still the holiday
    ("2027-02-09", "holiday", "春节", "春节 补假（推定）"),
    ("2027-02-11", "workday", None, "工作日（推定）"),
    ("2027-02-13", "weekend", None, "周六（推定）"),
    ("2028-10-05", "holiday", "中秋节", "中秋节 补假（推定）"),
])
def test_provisional_labels(calendar: WorkCalendar, day: str, kind: str, name: str | None,
                            label: str) -> None:
    info = calendar.day_info(date.fromisoformat(day))
    assert (info.kind, info.name, info.label, info.provisional) == (kind, name, label, True)


def test_substitute_reasons_are_named() -> None:
    texts = [h.describe() for h in statutory_holidays(2028)]
    assert texts == [
        "元旦（1月1日；逢周末，推定1月3日补假）",
        "春节（除夕1月25日至正月初三1月28日）",
        "清明节（4月4日）",
        "劳动节（5月1日至2日）",
        "端午节（5月28日；逢周末，推定5月29日补假）",
        "国庆节（10月1日至3日；逢周末，推定10月4日补假）",
        "中秋节（10月3日；与国庆节同日，推定10月5日补假）",
    ]


@pytest.mark.parametrize("year", range(2008, 2027))
def test_library_dates_fall_on_the_official_holidays_2008_2026(year: int) -> None:
    """Independent check of lunar-python against the official arrangements as chinesecalendar
    records them (清明, 端午 and 中秋 have been holidays since 2008): each computed day is a rest
    day, in a rest period named for that festival (or for 国庆节, when they were merged)."""
    names = {"清明": {"Tomb-sweeping Day"}, "端午": {"Dragon Boat Festival"},
             "中秋": {"Mid-autumn Festival", "National Day"}, "正月初一": {"Spring Festival"}}
    for key, expected in names.items():
        day = festival_dates(year)[key]
        assert not chinese_calendar.is_workday(day), (year, key, day)
        block, d = [], day
        while not chinese_calendar.is_workday(d - timedelta(days=1)):
            d -= timedelta(days=1)
        while not chinese_calendar.is_workday(d):
            block.append(chinese_calendar.get_holiday_detail(d)[1])
            d += timedelta(days=1)
        assert set(block) & expected, (year, key, day, block)


@pytest.mark.parametrize("year", [2025, 2026])
def test_statutory_and_substitute_days_are_rest_days_in_the_official_years(
        calendar: WorkCalendar, year: int) -> None:
    """The convention for 补假 (next working day) against the two official years: 2025 端午
    (Sat 5/31 -> 6/2), 2026 清明 (Sun 4/5 -> 4/6), 劳动节 (Sat 5/2 -> 5/4), 国庆 (Sat 10/3 -> 10/5)."""
    substitutes = []
    for h in statutory_holidays(year):
        for d in h.rest_days:
            info = calendar.day_info(d)
            assert info.kind == "holiday" and not info.provisional, (h.name, d)
        substitutes += [d.isoformat() for d in h.substitutes]
    assert substitutes == {2025: ["2025-06-02"],
                           2026: ["2026-04-06", "2026-05-04", "2026-10-05"]}[year]


def test_years_outside_the_statute() -> None:
    for year in (2024, 2100):
        with pytest.raises(ValueError):
            statutory_holidays(year)
    calendar = load_calendar(CATALOG)
    assert not calendar.is_provisional(2100) and not calendar.covers(2100)
    assert calendar.day_info(date(2100, 1, 1)).label == "工作日"  # no data: weekends only
    assert not calendar.is_provisional(2003)  # before the 2024 revision: not this statute


def test_adjustments_name_the_holidays_a_count_passes_near(calendar: WorkCalendar) -> None:
    assert calendar.adjustments(date(2027, 3, 2), date(2027, 3, 8)) == []
    assert calendar.adjustments(date(2027, 2, 1), date(2027, 2, 3)) == [
        "2027年春节（除夕2月5日至正月初三2月8日；逢周末，推定2月9日、2月10日补假）前后可能调休，"
        "届时以国务院办公厅通知为准"]
    # 中秋节 and 国庆节 2027 are two weeks apart: a count between them is near both.
    assert [a.split("（")[0] for a in calendar.adjustments(date(2027, 9, 16), date(2027, 9, 20))] \
        == ["2027年中秋节", "2027年国庆节"]
    # Late December of an official year: the next year's notice may still move its days.
    assert calendar.adjustments(date(2026, 12, 29), date(2026, 12, 31)) == [
        "2027年元旦（1月1日）前后可能调休，届时以国务院办公厅通知为准"]
    assert calendar.adjustments(date(2026, 12, 1), date(2026, 12, 4)) == []
    assert calendar.adjustments(date(2026, 9, 28), date(2026, 10, 9)) == []  # official 2026


def test_month_view_and_holidays_of_a_provisional_year(calendar: WorkCalendar) -> None:
    view = calendar.month_view(2027, 2)
    json.dumps(view)
    assert (view["covered"], view["provisional"], view["source"]) == (False, True, None)
    cells = {c["date"]: c for w in view["weeks"] for c in w if c}
    assert (cells["2027-02-05"]["kind"], cells["2027-02-05"]["provisional"]) == ("holiday", True)
    assert cells["2027-02-10"]["substitute"] is True and cells["2027-02-08"]["substitute"] is False
    listed = calendar.holidays(2027)
    json.dumps(listed)
    assert [h["name"] for h in listed] == ["元旦", "春节", "清明节", "劳动节", "端午节", "中秋节",
                                           "国庆节"]
    assert all(h["provisional"] for h in listed)
    assert (listed[1]["from"], listed[1]["to"]) == ("2027-02-05", "2027-02-10")
    assert calendar.holidays(2026)[0]["provisional"] is False
    assert calendar.month_view(2026, 2)["provisional"] is False


def test_calendar_show_marks_the_provisional_days(capsys) -> None:
    code = main(["calendar", "show", "2027"])
    out = capsys.readouterr().out.replace("\n", "")
    assert code == EXIT_OK
    assert "2027年节假日安排尚未录入（待国务院办公厅通知）" in out
    assert "春节（除夕2月5日至正月初三2月8日；逢周末，推定2月9日、2月10日补假）：推定，待国务院办公厅通知" \
        in out.replace(" ", "")
    assert "5推" in out and "9补" in out and "zhifa calendar add 2027" in out
    code = main(["calendar", "show", "2026"])
    out = capsys.readouterr().out
    assert code == EXIT_OK and "推定" not in out and "catalog/calendar/2026.yaml" in out


OFFICIAL_2027 = """year: 2027
notice: {title: 测试用的2027年安排（虚构）, published: "2026-11-10"}
holidays:
  - {name: 元旦, from: "2027-01-01", to: "2027-01-03"}
  - {name: 春节, from: "2027-02-05", to: "2027-02-13"}
  - {name: 清明节, from: "2027-04-03", to: "2027-04-05"}
  - {name: 劳动节, from: "2027-05-01", to: "2027-05-05"}
  - {name: 端午节, from: "2027-06-09", to: "2027-06-09"}
  - {name: 中秋节, from: "2027-09-15", to: "2027-09-15"}
  - {name: 国庆节, from: "2027-10-01", to: "2027-10-07"}
makeup_workdays:
  - {date: "2027-02-14", for: 春节}
  - {date: "2027-02-20", for: 春节}
  - {date: "2027-05-08", for: 劳动节}
  - {date: "2027-09-26", for: 国庆节}
  - {date: "2027-10-09", for: 国庆节}
"""


def test_an_official_year_replaces_the_provisional_days(tmp_path: Path) -> None:
    for p in CATALOG.glob("*.yaml"):
        (tmp_path / p.name).write_text(p.read_text(encoding="utf-8"), encoding="utf-8")
    start = datetime.fromisoformat("2027-02-04T10:00+08:00")
    before = compute_deadline("3_working_days", start, load_calendar(tmp_path))
    assert before.deadline.date() == date(2027, 2, 15) and before.provisional

    (tmp_path / "2027.yaml").write_text(OFFICIAL_2027, encoding="utf-8")
    assert check_folder(tmp_path) == []
    calendar = load_calendar(tmp_path)
    assert calendar.covers(2027) and not calendar.is_provisional(2027)
    assert calendar.day_info(date(2027, 2, 11)).label == "春节 放假"  # a provisional workday
    assert calendar.day_info(date(2027, 2, 14)).label == "调休上班（春节）"
    assert not calendar.day_info(date(2027, 2, 11)).provisional
    assert calendar.holidays(2027)[1]["makeup_workdays"] == ["2027-02-14", "2027-02-20"]
    after = compute_deadline("3_working_days", start, calendar)
    # Sun 2/14 and Mon 2/15, 2/16: the official days, no longer provisional.
    assert [d.date.isoformat() for d in after.days if d.counted] == \
        ["2027-02-14", "2027-02-15", "2027-02-16"]
    assert (after.provisional, after.uncertain, after.adjustments, after.warnings) == \
        (False, False, [], [])
    assert all("推定" not in d.label for d in after.days)


def test_an_official_year_leaving_out_a_statutory_day_gets_a_notice(tmp_path: Path) -> None:
    text = OFFICIAL_2027.replace('from: "2027-04-03", to: "2027-04-05"',
                                 'from: "2027-04-02", to: "2027-04-04"')
    (tmp_path / "2027.yaml").write_text(text, encoding="utf-8")
    [notice] = check_folder(tmp_path)
    assert (notice.severity, notice.file.endswith("2027.yaml")) == ("notice", True)
    assert notice.message == (
        "以下法定节假日未列入放假期间：2027-04-05（清明节）；《全国年节及纪念日放假办法》第二条"
        "规定这些日期放假，请对照国务院办公厅通知核实")
    load_calendar(tmp_path)  # a notice, not an error: the file loads


def test_a_routed_case_carries_the_provisional_deadline(capsys) -> None:
    args = ["route", "楼道里一排电动车插着电", "--place", "岳村镇", "--by", "华龙区消防救援大队",
            "--at", "2026-12-30T10:00"]
    assert main([*args, "--json"]) == EXIT_OK
    result = json.loads(capsys.readouterr().out)
    [decision] = result["decisions"]
    count = decision["referral"]["count"]
    assert decision["referral"]["deadline"] == "2027-01-05T23:59:59+08:00"
    assert (count["provisional"], count["adjustments"]) == (
        True, ["2027年元旦（1月1日）前后可能调休，届时以国务院办公厅通知为准"])
    assert main(args) == EXIT_OK
    out = capsys.readouterr().out.replace("\n", "").replace("│", "").replace(" ", "")
    assert "截止2027-01-0523:59:59（周二，推定，可能因调休改变）" in out
