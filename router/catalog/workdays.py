"""Working-day calendar: which days count as working days for a referral period.

Source of truth, per year: the catalog file catalog/calendar/YYYY.yaml (entered by policy staff
from the State Council General Office notice); otherwise the `chinesecalendar` package; otherwise,
from 2025 on, a provisional year (推定): the statutory holidays of 《全国年节及纪念日放假办法》
(2024 revision) 第二条, with the lunar dates and the 清明 solar term from `lunar-python`, and the
make-up rest days (补假) that 第六条 requires when a holiday falls on a Saturday or Sunday, placed
on the next working days. No 调休 is assumed in a provisional year; callers must mark what they
count through it as provisional and name the holidays whose 调休 could still move it
(`adjustments`). Outside all of these the year is uncovered (weekends only), and callers must say so.
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping

from router.files.yamlio import load_file
from router.model.errors import CatalogError, Problem
from router.model.lazydc import dataclass
from router.model.lazyre import LazyPattern

KINDS = ("workday", "weekend", "holiday", "makeup_workday")
KIND_LABELS = {
    "workday": "工作日",
    "weekend": "周末",
    "holiday": "节假日放假",
    "makeup_workday": "调休上班",
}
WEEKDAY_NAMES = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")

# chinesecalendar refuses dates outside the years of its `holidays` table (NotImplementedError).

# What the two calendar libraries said when the start-up cache was built (WorkCalendar.warm,
# router/files/cache.py): the years chinesecalendar covers and the festival days of the years a
# count may reach. A process that loads the cache then imports neither library for a deadline
# (about 20 ms and 60 ms when they have no bytecode). The cache key holds both libraries'
# files, so an upgrade builds these again.
_CC_RANGE: tuple[int, int] | None = None
_FESTIVALS: dict[int, dict[str, date]] = {}


@lru_cache(maxsize=1)
def _cc():
    """chinesecalendar, imported on first use (most deadlines use the catalog's own years), with
    the first and last year it covers and its holiday names."""
    import chinese_calendar
    return (chinese_calendar, min(chinese_calendar.holidays).year,
            max(chinese_calendar.holidays).year, {h.value: h.chinese for h in chinese_calendar.Holiday})

_FILE_NAME = LazyPattern(r"^(\d{4})\.ya?ml$")
_DATE_TEXT = LazyPattern(r"^\d{4}-\d{2}-\d{2}$")
_TOP_KEYS = ("year", "notice", "holidays", "makeup_workdays")
_NOTICE_KEYS = ("title", "published")
_HOLIDAY_KEYS = ("name", "from", "to")
_MAKEUP_KEYS = ("date", "for")


@dataclass(frozen=True, slots=True)
class DayInfo:
    """One day of the calendar: a working day, a rest day or a holiday (and which one)."""

    date: date
    kind: str  # one of KINDS
    name: str | None  # the holiday a rest day or make-up working day belongs to
    # A day of a year with no official arrangement, known only from the statute (推定).
    provisional: bool = False
    substitute: bool = False  # a provisional 补假 day (第六条), not a statutory day itself

    @property
    def is_working_day(self) -> bool:
        return self.kind in ("workday", "makeup_workday")

    @property
    def label(self) -> str:
        if self.kind == "holiday":
            text = f"{self.name} {'补假' if self.substitute else '放假'}"
        elif self.kind == "makeup_workday":
            text = f"调休上班（{self.name}）"
        elif self.kind == "weekend":
            text = WEEKDAY_NAMES[self.date.weekday()]
        else:
            text = "工作日"
        return f"{text}（推定）" if self.provisional else text


# ---------------------------------------------------------------- statutory holidays (推定)

STATUTE = "《全国年节及纪念日放假办法》"
STATUTE_REVISION = "2024年11月10日国务院令第795号修订，2025年1月1日起施行"
# The 2024 revision's holidays and lengths apply from 2025; earlier years are chinesecalendar's.
FIRST_STATUTORY_YEAR = 2025
# lunar-python computes far beyond; published almanacs (and lunardate's tables) stop at 2099.
LAST_STATUTORY_YEAR = 2099
# Days around a holiday within which the State Council notices have put their 调休 (bridge rest
# days and make-up working days): up to 11-12 days away for 春节, 国庆节 and 劳动节 (e.g. 2026:
# 9/20 and 2/28; 2024: 5/11), at most a week for the one-day holidays (2019: 2018-12-29 for 元旦).
_NEAR = {"春节": 14, "国庆节": 14, "劳动节": 12}
_NEAR_OTHER = 7


@dataclass(frozen=True, slots=True)
class StatutoryHoliday:
    """One holiday of a year as the statute alone fixes it, before the year's notice."""

    year: int
    name: str
    days: tuple[date, ...]  # 第二条
    substitutes: tuple[date, ...]  # 第六条 补假, placed on the next working days (推定)
    text: str  # the days in words, e.g. "除夕2月5日至正月初三2月8日"
    why: str = ""  # why there are substitutes: "逢周末", "与国庆节同日"

    @property
    def rest_days(self) -> tuple[date, ...]:
        return self.days + self.substitutes

    @property
    def window(self) -> tuple[date, date]:
        """The days a 调休 for this holiday could plausibly change (see _NEAR)."""
        near = timedelta(days=_NEAR.get(self.name, _NEAR_OTHER))
        rest = self.rest_days
        return min(rest) - near, max(rest) + near

    def describe(self) -> str:
        """E.g. "春节（除夕2月5日至正月初三2月8日；逢周末，推定2月9日、2月10日补假）"."""
        extra = ""
        if self.substitutes:
            extra = f"；{self.why}，推定" + "、".join(_md(d) for d in self.substitutes) + "补假"
        return f"{self.name}（{self.text}{extra}）"

    def adjustment(self) -> str:
        return f"{self.year}年{self.describe()}前后可能调休，届时以国务院办公厅通知为准"


def _md(d: date) -> str:
    return f"{d.month}月{d.day}日"


def _span_text(days: tuple[date, ...]) -> str:
    first, last = days[0], days[-1]
    if first == last:
        return _md(first)
    return f"{_md(first)}至{last.day}日" if first.month == last.month else f"{_md(first)}至{_md(last)}"


def statutory_holidays(year: int) -> tuple[StatutoryHoliday, ...]:
    """The seven holidays of 第二条 for `year` (FIRST_STATUTORY_YEAR..LAST_STATUTORY_YEAR), in
    date order, each with its 补假 days. ValueError outside those years."""
    if not FIRST_STATUTORY_YEAR <= year <= LAST_STATUTORY_YEAR:
        raise ValueError(f"statutory holidays are computed for {FIRST_STATUTORY_YEAR}-"
                         f"{LAST_STATUTORY_YEAR}, not {year}")
    return _statutory_holidays(year)


@lru_cache(maxsize=256)
def festival_dates(year: int) -> dict[str, date]:
    """The lunar and solar-term days of `year` (1901-2099) the statute names, from lunar-python:
    除夕, 正月初一, 清明 (the solar term's day, Beijing time), 端午 (五月初五), 中秋 (八月十五)."""
    if not 1901 <= year <= LAST_STATUTORY_YEAR:
        raise ValueError(f"festival dates are computed for 1901-{LAST_STATUTORY_YEAR}, not {year}")
    if year in _FESTIVALS:
        return dict(_FESTIVALS[year])
    # Imported here: only a count that reaches a year with no official arrangement needs it.
    from lunar_python import Lunar, Solar

    def solar(s: Any) -> date:
        return date(s.getYear(), s.getMonth(), s.getDay())

    # Lunar.fromYmd takes the ordinary (non-leap) month; 除夕 is the day before 正月初一, whether
    # 腊月 has 29 or 30 days (2025: 腊月廿九, 1月28日).
    new_year = solar(Lunar.fromYmd(year, 1, 1).getSolar())
    dates = {"除夕": new_year - timedelta(days=1), "正月初一": new_year,
             "清明": solar(Solar.fromYmd(year, 4, 15).getLunar().getJieQiTable()["清明"]),
             "端午": solar(Lunar.fromYmd(year, 5, 5).getSolar()),
             "中秋": solar(Lunar.fromYmd(year, 8, 15).getSolar())}
    if any(d.year != year for d in dates.values()):  # never for 1901-2099; guard the library
        raise ValueError(f"lunar-python gave dates outside {year}: {dates}")
    return dates


@lru_cache(maxsize=128)
def _statutory_holidays(year: int) -> tuple[StatutoryHoliday, ...]:
    f = festival_dates(year)
    eve, new_year, qingming, dragon, autumn = (f["除夕"], f["正月初一"], f["清明"], f["端午"],
                                               f["中秋"])
    spring = tuple(_days(eve, new_year + timedelta(days=2)))
    listed = [
        ("元旦", (date(year, 1, 1),), "1月1日"),
        ("春节", spring, f"除夕{_md(spring[0])}至正月初三{_md(spring[-1])}"),
        ("清明节", (qingming,), _md(qingming)),
        ("劳动节", (date(year, 5, 1), date(year, 5, 2)), "5月1日至2日"),
        ("端午节", (dragon,), _md(dragon)),
        ("中秋节", (autumn,), _md(autumn)),
        ("国庆节", tuple(_days(date(year, 10, 1), date(year, 10, 3))), "10月1日至3日"),
    ]
    listed.sort(key=lambda h: h[1][0])  # 中秋节 can fall on or after 10月1日
    # 第六条: a holiday's day that falls on a Saturday or Sunday is made up on a working day.
    # The statute does not say which; the notices have made it up on the next working day
    # (2022 元旦, 2025 端午, 2026 清明). A day two holidays share (2028: 中秋 = 10月3日) is made
    # up too, as the notices did for 2020 (国庆节、中秋节 10月1日, 8 days).
    taken: set[date] = {d for _, days, _ in listed for d in days}
    seen: dict[date, str] = {}
    result = []
    for name, days, text in listed:
        weekend = [d for d in days if d.weekday() >= 5]
        shared = [d for d in days if d in seen and d.weekday() < 5]
        lost = len(weekend) + len(shared)
        why = "、".join((["逢周末"] if weekend else [])
                       + [f"与{seen[d]}同日" for d in shared])
        for d in days:
            seen.setdefault(d, name)
        substitutes = []
        d = days[-1]
        while len(substitutes) < lost:
            d += timedelta(days=1)
            if d.weekday() < 5 and d not in taken:
                substitutes.append(d)
                taken.add(d)
        result.append(StatutoryHoliday(year, name, days, tuple(substitutes), text, why))
    return tuple(result)


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


def _cc_years() -> tuple[int, int]:
    """The first and last year chinesecalendar covers (kept by the start-up cache, else asked)."""
    return _CC_RANGE if _CC_RANGE is not None else _cc()[1:3]


def _cc_covers(year: int) -> bool:
    first, last = _cc_years()
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
    """Day kinds for any date: catalog years first, then chinesecalendar, then the statutory
    holidays (provisional, 推定), else weekends only."""

    def __init__(self, years: Mapping[int, YearArrangement], folder: str = "catalog/calendar/"):
        self._years = dict(years)
        self.folder = folder
        # day -> DayInfo, remembered: chinesecalendar rescans its tables on every lookup
        # (~30 µs), and a deadline looks at 3-10 days. Bounded: ~200 bytes a day.
        self._known: dict[date, DayInfo] = {}
        self._cc_range: tuple[int, int] | None = None
        self._festivals: dict[int, dict[str, date]] = {}

    def warm(self, year: int) -> None:
        """Ask the calendar libraries now what a count from `year` may need (the years
        chinesecalendar covers; the festival days of every provisional year from the year before
        to three after) and keep the answers with the calendar, for the start-up cache."""
        _, first, last, _ = _cc()
        self._cc_range = (first, last)
        self._festivals = {y: festival_dates(y) for y in range(year - 1, year + 4)
                           if self.is_provisional(y)}

    def __setstate__(self, state: dict) -> None:
        """Unpickled from the start-up cache: what warm() kept is told to the module."""
        self.__dict__.update(state)
        global _CC_RANGE
        if _CC_RANGE is None and state.get("_cc_range") is not None:
            _CC_RANGE = state["_cc_range"]
        for y, dates in state.get("_festivals", {}).items():
            _FESTIVALS.setdefault(y, dates)

    def covers(self, year: int) -> bool:
        """The year's official arrangement is known (catalog or chinesecalendar)."""
        return year in self._years or _cc_covers(year)

    def is_provisional(self, year: int) -> bool:
        """No official arrangement, but the statutory holidays are known: days are 推定."""
        return (not self.covers(year)
                and FIRST_STATUTORY_YEAR <= year <= LAST_STATUTORY_YEAR)

    def holidays(self, year: int) -> list[dict[str, Any]]:
        """The year's holiday periods for display, JSON-ready: from the catalog file or, for a
        provisional year, the statute (each marked provisional). chinesecalendar's years and
        uncovered years: empty (their days are still in month_view)."""
        if year in self._years:
            a = self._years[year]
            by_name: dict[str, list[date]] = {}
            for d, name in sorted(a.rest.items()):
                by_name.setdefault(name, []).append(d)
            return [{"name": name, "from": days[0].isoformat(), "to": days[-1].isoformat(),
                     "days": [d.isoformat() for d in days], "substitutes": [],
                     "makeup_workdays": sorted(d.isoformat() for d, n in a.makeup.items()
                                               if n == name),
                     "provisional": False, "text": f"{name}（{_span_text(tuple(days))}）"}
                    for name, days in by_name.items()]
        if not self.is_provisional(year):
            return []
        return [{"name": h.name, "from": min(h.rest_days).isoformat(),
                 "to": max(h.rest_days).isoformat(), "days": [d.isoformat() for d in h.days],
                 "substitutes": [d.isoformat() for d in h.substitutes], "makeup_workdays": [],
                 "provisional": True, "text": h.describe()}
                for h in statutory_holidays(year)]

    def adjustments(self, first: date, last: date) -> list[str]:
        """For a count over first..last (both included): one Chinese line for each holiday of
        a provisional year whose 调休 could still change a day in it (its window overlaps).
        The next year counts too: its notice may move late-December days of an official year
        (2019's 元旦: 2018-12-31 rest, Saturday 2018-12-29 worked)."""
        lines = []
        for year in range(first.year, last.year + 2):
            if not self.is_provisional(year):
                continue
            for h in statutory_holidays(year):
                low, high = h.window
                if low <= last and first <= high:
                    lines.append(h.adjustment())
        return lines

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
        if self.is_provisional(year):
            return (f"{year}年节假日安排：国务院办公厅通知尚未录入（{self.folder} 无 {year}.yaml），"
                    f"按{STATUTE}（{STATUTE_REVISION}）第二条规定的法定节假日推定，"
                    f"法定节假日适逢周六、周日的，按第六条在其后的工作日补假；未计调休")
        return None

    def missing_year_note(self, year: int) -> str:
        first, last = _cc_years()
        return f"{self.folder} 无 {year}.yaml，chinesecalendar 仅覆盖{first}年至{last}年"

    def provisional_note(self, year: int, near_holiday: bool) -> str:
        """The warning for a count through a provisional year (Chinese)."""
        near = ("" if near_holiday else
                "；计算期间不临近法定节假日，调休一般不会改变此截止时间")
        return (f"{year}年节假日安排尚未录入（{self.missing_year_note(year)}）：截止时间按"
                f"{STATUTE}规定的法定节假日（适逢周末的按第六条推定补假）和周末推定，未计调休，"
                f"为推定结果{near}；国务院办公厅公布{year}年节假日安排后，请政策人员录入"
                f"（zhifa calendar add {year}），届时以通知为准")

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
        if self.is_provisional(d.year):
            return _statutory_day(d)
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
                "provisional": self.is_provisional(year),
                "source": self.source(year), "weekdays": list(WEEKDAY_NAMES), "weeks": weeks}

    def _cell(self, d: date) -> dict[str, Any]:
        info = self.day_info(d)
        return {"date": d.isoformat(), "day": d.day, "kind": info.kind, "name": info.name,
                "label": info.label, "working": info.is_working_day,
                "provisional": info.provisional, "substitute": info.substitute}


@lru_cache(maxsize=128)
def _statutory_rest(year: int) -> dict[date, tuple[str, bool]]:
    """day -> (holiday, is a 补假 day) for a provisional year."""
    rest: dict[date, tuple[str, bool]] = {}
    for h in statutory_holidays(year):
        for d in h.days:
            rest.setdefault(d, (h.name, False))
        for d in h.substitutes:
            rest[d] = (h.name, True)
    return rest


def _statutory_day(d: date) -> DayInfo:
    hit = _statutory_rest(d.year).get(d)
    if hit is not None:
        return DayInfo(d, "holiday", hit[0], provisional=True, substitute=hit[1])
    return DayInfo(d, "weekend" if d.weekday() >= 5 else "workday", None, provisional=True)


# ---------------------------------------------------------------- loading and checking

def load_calendar(folder: str | Path) -> WorkCalendar:
    """Load every YYYY.yaml in `folder`; raise CatalogError listing all errors found."""
    # The comparisons only give notices, which loading ignores: skip them (they cost ~0.1 s of
    # every start: a year of chinesecalendar lookups, the lunar library's tables).
    years, problems = _read_folder(Path(folder), compare=False)
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise CatalogError(errors)
    return WorkCalendar(years, _shown(Path(folder)) + "/")


def check_folder(folder: str | Path) -> list[Problem]:
    """Every problem in the calendar folder: errors, and notices where a year disagrees with
    chinesecalendar or leaves out a statutory holiday (a likely typo)."""
    return _read_folder(Path(folder))[1]


def _shown(path: Path) -> str:
    """Path as policy staff see it: relative to the working directory when inside it
    (catalog/calendar/2026.yaml), otherwise in full."""
    try:
        return path.resolve().relative_to(Path.cwd()).as_posix()
    except ValueError:
        return str(path.resolve())


def _read_folder(folder: Path, compare: bool = True) -> tuple[dict[int, YearArrangement],
                                                              list[Problem]]:
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
            if compare:
                problems.extend(_compare_with_chinesecalendar(arrangement))
                problems.extend(_compare_with_statute(arrangement))
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


def _compare_with_statute(a: YearArrangement) -> list[Problem]:
    """One notice listing the statutory holidays (第二条) that the file does not give as rest
    days: every notice does, so one missing is most likely a typo in a date."""
    if not FIRST_STATUTORY_YEAR <= a.year <= LAST_STATUTORY_YEAR:
        return []
    missing = [(d, h.name) for h in statutory_holidays(a.year) for d in h.days
               if d not in a.rest]
    if not missing:
        return []
    shown = "、".join(f"{d}（{name}）" for d, name in missing)
    return [Problem(a.file, None, None,
                    f"以下法定节假日未列入放假期间：{shown}；{STATUTE}第二条规定这些日期放假，"
                    f"请对照国务院办公厅通知核实", severity="notice")]
