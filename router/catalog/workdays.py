"""Working-day calendar: which days count as working days for a referral period.

Source of truth, per year: the catalog file catalog/calendar/YYYY.yaml (entered by policy staff
from the State Council General Office notice); otherwise the `chinesecalendar` package; otherwise
the year is uncovered, and callers must say so instead of silently counting weekends only.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping

from router.files.yamlio import load_file
from router.model.errors import CatalogError, Problem

KINDS = ("workday", "weekend", "holiday", "makeup_workday")
KIND_LABELS = {
    "workday": "工作日",
    "weekend": "周末",
    "holiday": "节假日放假",
    "makeup_workday": "调休上班",
}
WEEKDAY_NAMES = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")

# chinesecalendar refuses dates outside the years of its `holidays` table (NotImplementedError).


@lru_cache(maxsize=1)
def _cc():
    """chinesecalendar, imported on first use (most deadlines use the catalog's own years), with
    the first and last year it covers and its holiday names."""
    import chinese_calendar
    return (chinese_calendar, min(chinese_calendar.holidays).year,
            max(chinese_calendar.holidays).year, {h.value: h.chinese for h in chinese_calendar.Holiday})

_FILE_NAME = re.compile(r"^(\d{4})\.ya?ml$")
_DATE_TEXT = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_TOP_KEYS = ("year", "notice", "holidays", "makeup_workdays")
_NOTICE_KEYS = ("title", "published")
_HOLIDAY_KEYS = ("name", "from", "to")
_MAKEUP_KEYS = ("date", "for")


@dataclass(frozen=True, slots=True)
class DayInfo:
    date: date
    kind: str  # one of KINDS
    name: str | None  # the holiday a rest day or make-up working day belongs to

    @property
    def is_working_day(self) -> bool:
        return self.kind in ("workday", "makeup_workday")

    @property
    def label(self) -> str:
        if self.kind == "holiday":
            return f"{self.name} 放假"
        if self.kind == "makeup_workday":
            return f"调休上班（{self.name}）"
        if self.kind == "weekend":
            return WEEKDAY_NAMES[self.date.weekday()]
        return "工作日"


@dataclass(frozen=True, slots=True)
class YearArrangement:
    """One year's arrangement as announced: rest days and make-up working days, by date."""

    year: int
    file: str
    notice_title: str
    published: str
    rest: Mapping[date, str]
    makeup: Mapping[date, str]


def _days(first: date, last: date) -> list[date]:
    """Every date from first to last, both included."""
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


def _plain_day(d: date) -> DayInfo:
    return DayInfo(d, "weekend" if d.weekday() >= 5 else "workday", None)


def _cc_covers(year: int) -> bool:
    _, first, last, _ = _cc()
    return first <= year <= last


def _cc_day(d: date) -> DayInfo:
    # get_holiday_detail: (True, name) rest day of a holiday, (False, name) make-up working day,
    # (is_weekend, None) an ordinary day.
    cc, _, _, names = _cc()
    rest, name = cc.get_holiday_detail(d)
    if name is None:
        return _plain_day(d)
    return DayInfo(d, "holiday" if rest else "makeup_workday", names.get(name, name))


_KNOWN_DAYS = 8192  # ~22 years of days


class WorkCalendar:
    """Day kinds for any date: catalog years first, then chinesecalendar, else weekends only."""

    def __init__(self, years: Mapping[int, YearArrangement], folder: str = "catalog/calendar/"):
        self._years = dict(years)
        self.folder = folder
        # day -> DayInfo, remembered: chinesecalendar rescans its tables on every lookup
        # (~30 µs), and a deadline looks at 3-10 days. Bounded: ~200 bytes a day.
        self._known: dict[date, DayInfo] = {}

    def covers(self, year: int) -> bool:
        return year in self._years or _cc_covers(year)

    def source(self, year: int) -> str | None:
        if year in self._years:
            return self._years[year].file
        return "chinesecalendar" if _cc_covers(year) else None

    def describe_source(self, year: int) -> str | None:
        """One Chinese line naming where the year's arrangement comes from, for explanations."""
        if year in self._years:
            a = self._years[year]
            return f"{year}年节假日安排：{a.notice_title}（{a.published} 发布），录入于 {a.file}"
        if _cc_covers(year):
            return (f"{year}年节假日安排：取自 chinesecalendar {_cc()[0].__version__} "
                    f"数据包（catalog 中无 {year}.yaml）")
        return None

    def missing_year_note(self, year: int) -> str:
        _, first, last, _ = _cc()
        return f"{self.folder} 无 {year}.yaml，chinesecalendar 仅覆盖{first}年至{last}年"

    def day_info(self, d: date) -> DayInfo:
        """Kind of day; for an uncovered year only weekends are rest days (check `covers`)."""
        hit = self._known.get(d)
        if hit is None:
            hit = self._day_info(d)
            if len(self._known) >= _KNOWN_DAYS:
                self._known.clear()
            self._known[d] = hit
        return hit

    def _day_info(self, d: date) -> DayInfo:
        a = self._years.get(d.year)
        if a is not None:
            if d in a.makeup:
                return DayInfo(d, "makeup_workday", a.makeup[d])
            if d in a.rest:
                return DayInfo(d, "holiday", a.rest[d])
            return _plain_day(d)
        if _cc_covers(d.year):
            return _cc_day(d)
        return _plain_day(d)

    def is_working_day(self, d: date) -> bool:
        return self.day_info(d).is_working_day

    def month_view(self, year: int, month: int) -> dict[str, Any]:
        """Weeks (Monday first) × 7 days; days outside the month are None. JSON-ready."""
        if not 1 <= month <= 12:
            raise ValueError(f"month must be 1-12, got {month}")
        first = date(year, month, 1)
        last = (first + timedelta(days=31)).replace(day=1) - timedelta(days=1)
        grid = _days(first - timedelta(days=first.weekday()),
                     last + timedelta(days=6 - last.weekday()))
        cells = [self._cell(d) if d.month == month else None for d in grid]
        weeks = [cells[i:i + 7] for i in range(0, len(cells), 7)]
        return {"year": year, "month": month, "covered": self.covers(year),
                "source": self.source(year), "weekdays": list(WEEKDAY_NAMES), "weeks": weeks}

    def _cell(self, d: date) -> dict[str, Any]:
        info = self.day_info(d)
        return {"date": d.isoformat(), "day": d.day, "kind": info.kind, "name": info.name,
                "label": info.label, "working": info.is_working_day}


# ---------------------------------------------------------------- loading and checking

def load_calendar(folder: str | Path) -> WorkCalendar:
    """Load every YYYY.yaml in `folder`; raise CatalogError listing all errors found."""
    years, problems = _read_folder(Path(folder))
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise CatalogError(errors)
    return WorkCalendar(years, _shown(Path(folder)) + "/")


def check_folder(folder: str | Path) -> list[Problem]:
    """Every problem in the calendar folder: errors, and notices where a year disagrees with
    chinesecalendar (a likely typo when both have the year)."""
    return _read_folder(Path(folder))[1]


def _shown(path: Path) -> str:
    """Path as policy staff see it: relative to the working directory when inside it
    (catalog/calendar/2026.yaml), otherwise in full."""
    try:
        return path.resolve().relative_to(Path.cwd()).as_posix()
    except ValueError:
        return str(path.resolve())


def _read_folder(folder: Path) -> tuple[dict[int, YearArrangement], list[Problem]]:
    problems: list[Problem] = []
    if not folder.is_dir():
        return {}, [Problem(_shown(folder), None, None, "日历目录不存在")]
    years: dict[int, YearArrangement] = {}
    for path in sorted(folder.iterdir()):
        if path.suffix not in (".yaml", ".yml"):
            continue  # README.md and the like
        shown = _shown(path)
        match = _FILE_NAME.match(path.name)
        if match is None:
            problems.append(Problem(shown, None, None,
                                    "文件名应为四位年份加 .yaml，例如 2027.yaml"))
            continue
        year = int(match.group(1))
        if year in years:
            problems.append(Problem(shown, None, None,
                                    f"{year}年已在 {years[year].file} 中录入，同一年只能有一个文件"))
            continue
        try:
            data = load_file(path)
        except CatalogError as exc:
            problems.extend(Problem(shown, p.entry, p.key, p.message) for p in exc.problems)
            continue
        arrangement = _check_year(data, year, shown, problems)
        if arrangement is not None:
            years[year] = arrangement
            problems.extend(_compare_with_chinesecalendar(arrangement))
    return years, problems


def _check_keys(entry: Any, allowed: tuple[str, ...], file: str, where: str | None,
                problems: list[Problem]) -> bool:
    """Report unknown and missing keys; False if `entry` is not a mapping at all."""
    if not isinstance(entry, dict):
        problems.append(Problem(file, where, None,
                                f"应为包含 {'、'.join(allowed)} 的映射（key: value）"))
        return False
    for key in entry:
        if key not in allowed:
            problems.append(Problem(file, where, str(key),
                                    f"未知的键“{key}”（允许的键：{'、'.join(allowed)}）"))
    for key in allowed:
        if key not in entry:
            problems.append(Problem(file, where, key, f"缺少键“{key}”"))
    return True


def _date(entry: dict[str, Any], key: str, year: int | None, file: str, where: str,
          problems: list[Problem]) -> date | None:
    """entry[key] as a date written "YYYY-MM-DD", optionally required to fall in `year`.
    A missing key gives None silently: _check_keys has reported it."""
    if key not in entry:
        return None
    value = entry[key]
    if not isinstance(value, str) or not _DATE_TEXT.match(value):
        problems.append(Problem(file, where, key,
                                f"日期应写成 YYYY-MM-DD，例如 \"2027-01-01\"，实际为 {value!r}"))
        return None
    try:
        d = date.fromisoformat(value)
    except ValueError:
        problems.append(Problem(file, where, key, f"日期不存在：{value}"))
        return None
    if year is not None and d.year != year:
        problems.append(Problem(file, where, key, f"日期 {value} 不在 {year} 年内"))
        return None
    return d


def _name(value: Any, file: str, where: str, key: str, problems: list[Problem]) -> str | None:
    if not isinstance(value, str) or not value.strip():
        problems.append(Problem(file, where, key, "名称不能为空"))
        return None
    return value.strip()


def _list(data: dict[str, Any], key: str, file: str, problems: list[Problem]) -> list[Any]:
    value = data.get(key)
    if key in data and not isinstance(value, list):
        problems.append(Problem(file, None, key, "应为列表（每项以“- ”开头）"))
        return []
    return value or []


def _check_year(data: Any, year: int, file: str,
                problems: list[Problem]) -> YearArrangement | None:
    """Check one file; append its problems; the arrangement only if the file has none."""
    before = len(problems)
    if not _check_keys(data, _TOP_KEYS, file, None, problems):
        return None
    declared = data.get("year")
    if "year" in data and (type(declared) is not int or declared != year):
        problems.append(Problem(file, None, "year",
                                f"year 应为与文件名一致的整数 {year}，实际为 {declared!r}"))

    notice = data.get("notice")
    title, published = "", ""
    if "notice" in data and _check_keys(notice, _NOTICE_KEYS, file, "notice", problems):
        title = _name(notice.get("title"), file, "notice", "title", problems) or ""
        _date(notice, "published", None, file, "notice", problems)
        published = str(notice.get("published"))

    # Rest periods as announced (放假调休). Entries are numbered from 1 for policy staff.
    periods: list[tuple[str, str, date, date]] = []  # (entry, name, from, to)
    for i, entry in enumerate(_list(data, "holidays", file, problems), start=1):
        where = f"holidays[{i}]"
        if not _check_keys(entry, _HOLIDAY_KEYS, file, where, problems):
            continue
        name = _name(entry.get("name"), file, where, "name", problems)
        start = _date(entry, "from", year, file, where, problems)
        end = _date(entry, "to", year, file, where, problems)
        if name is None or start is None or end is None:
            continue
        if start > end:
            problems.append(Problem(file, where, "to",
                                    f"开始日期 {start} 晚于结束日期 {end}"))
            continue
        if all(d.weekday() >= 5 for d in _days(start, end)):
            problems.append(Problem(file, where, None,
                                    "放假期间只含周六、周日，不改变任何工作日：请核对日期或删除此项"))
        for other, other_name, o_start, o_end in periods:
            if start <= o_end and o_start <= end:
                problems.append(Problem(file, where, None,
                                        f"与 {other}（{other_name} {o_start} 至 {o_end}）重叠"))
        periods.append((where, name, start, end))
    rest = {d: name for _, name, start, end in periods for d in _days(start, end)}

    makeup: dict[date, str] = {}
    for i, entry in enumerate(_list(data, "makeup_workdays", file, problems), start=1):
        where = f"makeup_workdays[{i}]"
        if not _check_keys(entry, _MAKEUP_KEYS, file, where, problems):
            continue
        name = _name(entry.get("for"), file, where, "for", problems)
        d = _date(entry, "date", year, file, where, problems)
        if name is None or d is None:
            continue
        if d.weekday() < 5:
            problems.append(Problem(file, where, "date",
                                    f"调休上班日应为周六或周日，{d} 是{WEEKDAY_NAMES[d.weekday()]}"))
        elif d in rest:
            problems.append(Problem(file, where, "date",
                                    f"调休上班日 {d} 落在放假期间（{rest[d]}）内"))
        elif d in makeup:
            problems.append(Problem(file, where, "date", f"调休上班日 {d} 重复录入"))
        makeup[d] = name

    if len(problems) > before:
        return None
    return YearArrangement(year, file, title, published, rest, makeup)


def _compare_with_chinesecalendar(a: YearArrangement) -> list[Problem]:
    """One notice listing the days (at most 5 shown) where the file and chinesecalendar differ."""
    if not _cc_covers(a.year):
        return []
    ours = WorkCalendar({a.year: a})
    differ = []
    for d in _days(date(a.year, 1, 1), date(a.year, 12, 31)):
        mine, theirs = ours.day_info(d), _cc_day(d)
        if mine.kind != theirs.kind:
            differ.append((mine, theirs))
    if not differ:
        return []
    shown = "；".join(f"{o.date} 本文件为“{o.label}”，chinesecalendar 为“{t.label}”"
                     for o, t in differ[:5])
    more = f"等 {len(differ)} 天" if len(differ) > 5 else ""
    return [Problem(a.file, None, None,
                    f"与 chinesecalendar 不一致：{shown}{more}；请对照国务院办公厅通知核实",
                    severity="notice")]
