"""The working-day calendar: catalog data, its agreement with chinesecalendar, and the loader's
error messages (one broken folder per defect under tests/broken/calendar/)."""
from __future__ import annotations

import json
import shutil
from datetime import date, timedelta
from pathlib import Path

import chinese_calendar
import pytest

from router.catalog.workdays import WorkCalendar, check_folder, load_calendar
from router.model.errors import CatalogError

ROOT = Path(__file__).resolve().parents[1]
CATALOG = ROOT / "catalog" / "calendar"
BROKEN = ROOT / "tests" / "broken" / "calendar"


@pytest.fixture(scope="module")
def calendar() -> WorkCalendar:
    return load_calendar(CATALOG)


def test_catalog_folder_has_no_problems() -> None:
    assert check_folder(CATALOG) == []


@pytest.mark.parametrize("year", [2025, 2026])
def test_catalog_agrees_with_chinesecalendar_day_by_day(calendar: WorkCalendar,
                                                        year: int) -> None:
    day = date(year, 1, 1)
    while day.year == year:
        ours = calendar.day_info(day)
        rest, cc_name = chinese_calendar.get_holiday_detail(day)
        assert ours.is_working_day == chinese_calendar.is_workday(day), day
        if cc_name is None:
            expected_kind = "weekend" if rest else "workday"
        else:
            expected_kind = "holiday" if rest else "makeup_workday"
            # The catalog uses the notice's names ("清明节", "国庆节、中秋节"); chinesecalendar
            # the short ones ("清明", "中秋").
            assert chinese_calendar.Holiday(cc_name).chinese in ours.name, day
        assert ours.kind == expected_kind, day
        day += timedelta(days=1)


@pytest.mark.parametrize("day, kind, name, label", [
    # From the State Council notices as summarised in shared/reference/time-limits.md.
    ("2025-01-01", "holiday", "元旦", "元旦 放假"),
    ("2025-01-26", "makeup_workday", "春节", "调休上班（春节）"),
    ("2025-02-08", "makeup_workday", "春节", "调休上班（春节）"),
    ("2025-04-27", "makeup_workday", "劳动节", "调休上班（劳动节）"),
    ("2025-10-06", "holiday", "国庆节、中秋节", "国庆节、中秋节 放假"),
    ("2025-10-11", "makeup_workday", "国庆节、中秋节", "调休上班（国庆节、中秋节）"),
    ("2026-01-03", "holiday", "元旦", "元旦 放假"),
    ("2026-01-04", "makeup_workday", "元旦", "调休上班（元旦）"),
    ("2026-02-14", "makeup_workday", "春节", "调休上班（春节）"),
    ("2026-02-15", "holiday", "春节", "春节 放假"),
    ("2026-02-23", "holiday", "春节", "春节 放假"),
    ("2026-02-28", "makeup_workday", "春节", "调休上班（春节）"),
    ("2026-03-07", "weekend", None, "周六"),
    ("2026-03-08", "weekend", None, "周日"),
    ("2026-03-09", "workday", None, "工作日"),
    ("2026-05-09", "makeup_workday", "劳动节", "调休上班（劳动节）"),
    ("2026-09-20", "makeup_workday", "国庆节", "调休上班（国庆节）"),
    ("2026-09-25", "holiday", "中秋节", "中秋节 放假"),
    ("2026-10-10", "makeup_workday", "国庆节", "调休上班（国庆节）"),
    # Years without a catalog file: chinesecalendar, then the statute (推定; see
    # test_calendar_statutory.py), then nothing (weekends only).
    ("2024-10-01", "holiday", "国庆节", "国庆节 放假"),
    ("2024-09-29", "makeup_workday", "国庆节", "调休上班（国庆节）"),
    ("2027-01-01", "holiday", "元旦", "元旦 放假（推定）"),
    ("2027-01-02", "weekend", None, "周六（推定）"),
    ("2027-01-04", "workday", None, "工作日（推定）"),
    ("2003-01-01", "workday", None, "工作日"),
    ("2100-01-02", "weekend", None, "周六"),
])
def test_day_info(calendar: WorkCalendar, day: str, kind: str, name: str | None,
                  label: str) -> None:
    info = calendar.day_info(date.fromisoformat(day))
    assert (info.kind, info.name, info.label) == (kind, name, label)
    assert calendar.is_working_day(info.date) == (kind in ("workday", "makeup_workday"))


@pytest.mark.parametrize("year, covered, provisional, source", [
    (2025, True, False, "catalog/calendar/2025.yaml"),
    (2026, True, False, "catalog/calendar/2026.yaml"),
    (2024, True, False, "chinesecalendar"),
    (2004, True, False, "chinesecalendar"),
    (2003, False, False, None),
    (2027, False, True, None),
    (2099, False, True, None),
    (2100, False, False, None),
])
def test_covers_and_source(calendar: WorkCalendar, year: int, covered: bool, provisional: bool,
                           source: str | None) -> None:
    assert calendar.covers(year) is covered
    assert calendar.is_provisional(year) is provisional
    assert calendar.source(year) == source


def test_missing_year_note_names_the_gap(calendar: WorkCalendar) -> None:
    assert calendar.missing_year_note(2027) == (
        "catalog/calendar/ 无 2027.yaml，chinesecalendar 仅覆盖2004年至2026年")


def test_month_view_february_2026(calendar: WorkCalendar) -> None:
    view = calendar.month_view(2026, 2)
    json.dumps(view)  # plain data only
    assert (view["covered"], view["source"]) == (True, "catalog/calendar/2026.yaml")
    weeks = view["weeks"]
    # 2026-02-01 is a Sunday and 2026-02-28 a Saturday: 5 Monday-first weeks.
    assert len(weeks) == 5 and all(len(w) == 7 for w in weeks)
    assert weeks[0][:6] == [None] * 6 and weeks[0][6]["date"] == "2026-02-01"
    assert weeks[4][6] is None and weeks[4][5]["date"] == "2026-02-28"
    sat, sun = weeks[2][5], weeks[2][6]
    assert (sat["date"], sat["kind"], sat["name"], sat["working"]) == \
        ("2026-02-14", "makeup_workday", "春节", True)
    assert (sun["date"], sun["kind"], sun["label"], sun["working"]) == \
        ("2026-02-15", "holiday", "春节 放假", False)


def test_month_view_uncovered_year_and_bad_month(calendar: WorkCalendar) -> None:
    view = calendar.month_view(2003, 1)
    assert (view["covered"], view["provisional"], view["source"]) == (False, False, None)
    assert all(c is None or not c["provisional"] for w in view["weeks"] for c in w)
    with pytest.raises(ValueError):
        calendar.month_view(2026, 13)


# One folder per defect, named for it; each yields exactly this one problem.
BROKEN_CASES = [
    # (folder, file, entry, key, message)
    ("unknown_key", "2026.yaml", "holidays[2]", "note",
     "未知的键“note”（允许的键：name、from、to）"),
    ("missing_key", "2026.yaml", "holidays[2]", "to", "缺少键“to”"),
    ("missing_top_key", "2026.yaml", None, "notice", "缺少键“notice”"),
    ("bad_date_format", "2026.yaml", "holidays[2]", "from",
     "日期应写成 YYYY-MM-DD，例如 \"2027-01-01\"，实际为 '2026/02/15'"),
    ("impossible_date", "2026.yaml", "holidays[2]", "to", "日期不存在：2026-02-30"),
    ("bad_published_date", "2026.yaml", "notice", "published", "日期不存在：2025-11-31"),
    ("date_outside_year", "2026.yaml", "makeup_workdays[7]", "date",
     "日期 2027-01-09 不在 2026 年内"),
    ("year_mismatch", "2026.yaml", None, "year",
     "year 应为与文件名一致的整数 2026，实际为 2025"),
    ("year_not_integer", "2026.yaml", None, "year",
     "year 应为与文件名一致的整数 2026，实际为 '2026'"),
    ("year_twice", "2026.yml", None, None,
     "2026年已在 tests/broken/calendar/year_twice/2026.yaml 中录入，同一年只能有一个文件"),
    ("bad_file_name", "2026年.yaml", None, None, "文件名应为四位年份加 .yaml，例如 2027.yaml"),
    ("from_after_to", "2026.yaml", "holidays[2]", "to",
     "开始日期 2026-02-23 晚于结束日期 2026-02-15"),
    ("overlapping_rest_periods", "2026.yaml", "holidays[3]", None,
     "与 holidays[2]（春节 2026-02-15 至 2026-02-23）重叠"),
    ("makeup_not_weekend", "2026.yaml", "makeup_workdays[2]", "date",
     "调休上班日应为周六或周日，2026-02-13 是周五"),
    ("makeup_inside_rest", "2026.yaml", "makeup_workdays[7]", "date",
     "调休上班日 2026-02-15 落在放假期间（春节）内"),
    ("makeup_twice", "2026.yaml", "makeup_workdays[7]", "date", "调休上班日 2026-02-14 重复录入"),
    ("weekend_only_rest", "2026.yaml", "holidays[3]", None,
     "放假期间只含周六、周日，不改变任何工作日：请核对日期或删除此项"),
    ("empty_name", "2026.yaml", "holidays[2]", "name", "名称不能为空"),
    ("holidays_not_a_list", "2026.yaml", None, "holidays", "应为列表（每项以“- ”开头）"),
    ("entry_not_a_mapping", "2026.yaml", "holidays[2]", None,
     "应为包含 name、from、to 的映射（key: value）"),
    ("duplicate_key", "2026.yaml", "第 5 行", None, "YAML 格式错误：重复的键 “from”"),
]


def test_every_broken_folder_has_a_case() -> None:
    assert sorted(p.name for p in BROKEN.iterdir()) == sorted(c[0] for c in BROKEN_CASES)


@pytest.mark.parametrize("folder, file, entry, key, message", BROKEN_CASES,
                         ids=[c[0] for c in BROKEN_CASES])
def test_broken_calendar(folder: str, file: str, entry: str | None, key: str | None,
                         message: str) -> None:
    problems = check_folder(BROKEN / folder)
    assert [(p.file, p.entry, p.key, p.message, p.severity) for p in problems] == [
        (f"tests/broken/calendar/{folder}/{file}", entry, key, message, "error")]
    with pytest.raises(CatalogError) as exc:
        load_calendar(BROKEN / folder)
    assert exc.value.problems == problems


def test_all_problems_of_all_files_are_reported(tmp_path: Path) -> None:
    shutil.copy(BROKEN / "from_after_to" / "2026.yaml", tmp_path / "2026.yaml")
    text = (CATALOG / "2025.yaml").read_text(encoding="utf-8")
    (tmp_path / "2025.yaml").write_text(
        text.replace('"2025-04-27"', '"2025-04-28"').replace("year: 2025", "year: 2024"),
        encoding="utf-8")
    with pytest.raises(CatalogError) as exc:
        load_calendar(tmp_path)
    found = [(Path(p.file).name, p.entry, p.key) for p in exc.value.problems]
    assert found == [("2025.yaml", None, "year"), ("2025.yaml", "makeup_workdays[3]", "date"),
                     ("2026.yaml", "holidays[2]", "to")]
    assert "3 处错误" in str(exc.value)


def test_catalog_file_overrides_chinesecalendar_with_a_notice(tmp_path: Path) -> None:
    # A 2026 file that forgets 清明节 (2026-04-04..06): it loads, it wins, and the check warns.
    text = (CATALOG / "2026.yaml").read_text(encoding="utf-8")
    line = '  - {name: 清明节, from: "2026-04-04", to: "2026-04-06"}\n'
    assert line in text
    (tmp_path / "2026.yaml").write_text(text.replace(line, ""), encoding="utf-8")
    calendar = load_calendar(tmp_path)
    assert calendar.is_working_day(date(2026, 4, 6))
    notice, statute = check_folder(tmp_path)
    assert (notice.severity, statute.severity) == ("notice", "notice")
    assert notice.message == (
        "与 chinesecalendar 不一致：2026-04-04 本文件为“周六”，chinesecalendar 为“清明 放假”；"
        "2026-04-05 本文件为“周日”，chinesecalendar 为“清明 放假”；"
        "2026-04-06 本文件为“工作日”，chinesecalendar 为“清明 放假”；请对照国务院办公厅通知核实")
    assert statute.message == (
        "以下法定节假日未列入放假期间：2026-04-05（清明节）；《全国年节及纪念日放假办法》第二条"
        "规定这些日期放假，请对照国务院办公厅通知核实")


def test_a_year_entered_in_the_catalog_becomes_covered(tmp_path: Path) -> None:
    (tmp_path / "2027.yaml").write_text(
        'year: 2027\n'
        'notice: {title: 测试用安排, published: "2026-11-01"}\n'
        'holidays:\n  - {name: 元旦, from: "2027-01-01", to: "2027-01-03"}\n'
        'makeup_workdays: []\n', encoding="utf-8")
    calendar = load_calendar(tmp_path)
    assert calendar.covers(2027) and calendar.source(2027).endswith("2027.yaml")
    assert calendar.day_info(date(2027, 1, 1)).label == "元旦 放假"


def test_missing_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(CatalogError) as exc:
        load_calendar(tmp_path / "nope")
    assert [p.message for p in exc.value.problems] == ["日历目录不存在"]
