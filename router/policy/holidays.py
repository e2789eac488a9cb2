"""Adding a year's holiday arrangement (放假调休安排) to catalog/calendar/ without editing YAML.

The arrangement comes from the State Council General Office notice, given as
  - options: --holiday 春节=2027-02-06..2027-02-13, --makeup 2027-02-20=春节;
  - the notice's text as published (一、元旦：1月1日（周五）至3日（周日）放假调休，共3天。…);
  - a small table (.csv/.xlsx) of the notice's rows: 类型（放假/上班）, 名称, 开始日期, 结束日期.
It is written as catalog/calendar/YYYY.yaml only if router/calendar.py's checks find no error in
it, and atomically. Notices (e.g. a disagreement with the chinesecalendar package, or a 共N天
that does not match the dates) are reported without stopping the write.
"""
from __future__ import annotations

import re
import shutil
import tempfile
import unicodedata
from contextlib import nullcontext
from dataclasses import field
from datetime import date
from pathlib import Path
from typing import Iterable

from router.catalog.workdays import check_folder
from router.files.atomic import catalog_lock, changed_files, folder_state, write_text
from router.files.locations import catalog_root
from router.files.sheets import clean, letter, norm, read_raw
from router.files.writer import calendar_text
from router.model.clock import parse_day
from router.model.errors import CatalogError, HasProblems, InputError, Problem
from router.model.lazydc import dataclass

_NOTICE_TITLE = re.compile(r"国务院办公厅关于(\d{4})年(?:部分)?节假日安排的通知")
_ITEM = re.compile(r"(?:^|\n|[。；])\s*([一二三四五六七八九十]+)[、.．]\s*([^：:\n]{1,20})[：:]")
_MD = re.compile(r"(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日")
_RANGE = re.compile(r"(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日\s*至\s*(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日")
_TOTAL = re.compile(r"共\s*(\d+)\s*天|放假\s*(\d+)\s*天")
_SIGNED = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日\s*$")
ROW_TYPES = {"放假": "holiday", "放假调休": "holiday", "休": "holiday", "holiday": "holiday",
             "上班": "makeup", "调休上班": "makeup", "班": "makeup", "makeup": "makeup",
             "makeup_workday": "makeup"}
ROW_COLUMNS = {
    "type": ("类型", "种类", "安排", "type"),
    "name": ("名称", "节日", "节假日", "节日名称", "name", "for"),
    "from": ("开始日期", "起始日期", "开始", "日期", "起", "from", "date"),
    "to": ("结束日期", "截止日期", "结束", "止", "to"),
}


@dataclass
class Arrangement:
    year: int
    title: str | None = None
    published: str | None = None
    holidays: list[tuple[str, date, date]] = field(default_factory=list)
    makeups: list[tuple[date, str]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    source: str = "命令行选项"


@dataclass
class CalendarAddResult(HasProblems):
    year: int
    file: str
    text: str
    arrangement: Arrangement
    problems: list[Problem]
    replaced: bool = False
    written: bool = False
    dry_run: bool = False
    replaced_files: list[Path] = field(default_factory=list)  # the year's files the new one replaces


def _day(y: str | None, m: str, d: str, year: int, where: str, problems: list[Problem],
         source: str) -> date | None:
    try:
        return date(int(y) if y else year, int(m), int(d))
    except ValueError:
        problems.append(Problem(source, where, None, f"日期不存在：{y or year}年{m}月{d}日"))
        return None


def _iso(text: str, where: str, problems: list[Problem], source: str) -> date | None:
    try:
        return parse_day(text)
    except ValueError as exc:
        problems.append(Problem(source, where, None, str(exc)))
        return None


# ---------------------------------------------------------------------------------------------
# Options


def parse_options(year: int, holidays: Iterable[str], makeups: Iterable[str], into: Arrangement) -> None:
    """--holiday 名称=开始..结束 (or 名称=日期 for one day); --makeup 日期=名称 (or 名称=日期)."""
    for i, text in enumerate(holidays, 1):
        where = f"--holiday 第{i}个（{text}）"
        if "=" not in text:
            into.problems.append(Problem("命令行", where, None, "应写成 名称=开始日期..结束日期，如 春节=2027-02-06..2027-02-13"))
            continue
        name, span = (x.strip() for x in text.split("=", 1))
        parts = re.split(r"\.\.|至|~|～|—", span)
        if len(parts) > 2 or not name:
            into.problems.append(Problem("命令行", where, None, "应写成 名称=开始日期..结束日期"))
            continue
        start = _iso(parts[0], where, into.problems, "命令行")
        end = _iso(parts[-1], where, into.problems, "命令行")
        if start and end:
            into.holidays.append((name, start, end))
    for i, text in enumerate(makeups, 1):
        where = f"--makeup 第{i}个（{text}）"
        if "=" not in text:
            into.problems.append(Problem("命令行", where, None, "应写成 日期=节日名称，如 2027-02-20=春节"))
            continue
        a, b = (x.strip() for x in text.split("=", 1))
        if re.match(r"^\d", b) and not re.match(r"^\d", a):
            a, b = b, a
        d = _iso(a, where, into.problems, "命令行")
        if d and b:
            into.makeups.append((d, b))
        elif d:
            into.problems.append(Problem("命令行", where, None, "缺少节日名称"))


# ---------------------------------------------------------------------------------------------
# The notice's text


def parse_notice(text: str, year: int, source: str) -> Arrangement:
    """The notice as published on www.gov.cn: numbered items “一、元旦：…放假…。…上班。”, the
    title, and the date it was signed (its last line)."""
    a = Arrangement(year, source=source)
    text = unicodedata.normalize("NFKC", text).replace("\r\n", "\n")
    # NFKC turns （） into (); drop the weekday and lunar-date remarks inside them.
    plain = re.sub(r"\([^()]*\)", "", text)
    title = _NOTICE_TITLE.search(text)
    if title:
        a.title = title.group(0)
        if int(title.group(1)) != year:
            a.problems.append(Problem(source, None, None, f"通知标题是 {title.group(1)} 年的安排，而要录入的是 {year} 年"))
    lines = [ln.strip() for ln in text.strip().split("\n") if ln.strip()]
    if lines:
        signed = _SIGNED.search(lines[-1])
        if signed:
            a.published = f"{int(signed.group(1)):04d}-{int(signed.group(2)):02d}-{int(signed.group(3)):02d}"
    items = list(_ITEM.finditer(plain))
    if not items:
        a.problems.append(Problem(source, None, None, "没有找到“一、元旦：……放假……”这样的条目：请粘贴通知正文"))
        return a
    for k, m in enumerate(items):
        name = m.group(2).strip()
        body = plain[m.end(): items[k + 1].start() if k + 1 < len(items) else len(plain)]
        where = f"第{m.group(1)}项（{name}）"
        for sentence in re.split(r"[。；;\n]", body):
            if "放假" in sentence:
                r = _RANGE.search(sentence)
                if r:
                    y1, m1, d1, y2, m2, d2 = r.groups()
                    start = _day(y1, m1, d1, year, where, a.problems, source)
                    end = _day(y2 or y1, m2 or m1, d2, year, where, a.problems, source)
                else:
                    one = _MD.search(sentence)
                    if not one:
                        continue
                    start = end = _day(*one.groups(), year, where, a.problems, source)
                if start is None or end is None:
                    continue
                a.holidays.append((name, start, end))
                total = _TOTAL.search(sentence)
                if total:
                    n = int(total.group(1) or total.group(2))
                    if n != (end - start).days + 1:
                        a.problems.append(Problem(source, where, None,
                                                  f"通知写“共{n}天”，而 {start} 至 {end} 是 {(end - start).days + 1} 天：请核对",
                                                  "notice"))
            elif "上班" in sentence:
                for y, mo, d in _MD.findall(sentence):
                    day = _day(y, mo, d, year, where, a.problems, source)
                    if day:
                        a.makeups.append((day, name))
    return a


# ---------------------------------------------------------------------------------------------
# A table of the notice's rows


def read_rows(path: Path, year: int) -> Arrangement:
    a = Arrangement(year, source=path.name)
    sheets = read_raw(path)
    index = {norm(v): k for k, vs in ROW_COLUMNS.items() for v in vs}
    for sheet in sheets:
        header = None
        for r, row in enumerate(sheet.rows[:10]):
            mapping = {c: index[norm(v)] for c, v in enumerate(row) if v is not None and norm(v) in index}
            if {"type", "name", "from"} <= set(mapping.values()):
                header = (r, mapping)
                break
        if header is None:
            continue
        hr, mapping = header
        cols = {k: c for c, k in mapping.items()}
        for r in range(hr + 1, len(sheet.rows)):
            row = sheet.rows[r] + [None] * (max(cols.values()) + 1)
            where = (f"第{r + 1}行" if sheet.is_csv else f"工作表“{sheet.name}” 第{r + 1}行")
            values = {k: clean(row[c]) for k, c in cols.items()}
            if not any(values.values()):
                continue
            kind = ROW_TYPES.get(str(values.get("type") or "").strip())
            if kind is None:
                a.problems.append(Problem(path.name, where, f"{letter(cols['type'])}列",
                                          f"类型“{values.get('type')}”无效：应为 放假 或 上班"))
                continue
            name = str(values.get("name") or "").strip()
            if not name:
                a.problems.append(Problem(path.name, where, f"{letter(cols['name'])}列", "缺少节日名称"))
                continue
            start = _iso(values.get("from"), where, a.problems, path.name) if values.get("from") else None
            if start is None:
                if not values.get("from"):
                    a.problems.append(Problem(path.name, where, f"{letter(cols['from'])}列", "缺少日期"))
                continue
            if kind == "makeup":
                a.makeups.append((start, name))
                continue
            end = start
            if "to" in cols and values.get("to"):
                end = _iso(values["to"], where, a.problems, path.name)
                if end is None:
                    continue
            a.holidays.append((name, start, end))
        return a
    raise InputError(f"“{path.name}”中没有找到表头：需要“类型”（放假/上班）、“名称”、“开始日期”，放假行另有“结束日期”")


# ---------------------------------------------------------------------------------------------


def add_year(year: int, *, root: str | Path | None = None, title: str | None = None,
             published: str | None = None, holidays: Iterable[str] = (), makeups: Iterable[str] = (),
             source_file: str | Path | None = None, replace: bool = False,
             dry_run: bool = False) -> CalendarAddResult:
    """`zhifa calendar add`: gather the year's arrangement, check it with the calendar's own
    checks beside the other years, and write catalog/calendar/YYYY.yaml atomically."""
    if not 1900 <= year <= 2200:
        raise InputError(f"年份 {year} 超出范围")
    folder = catalog_root(root) / "calendar"
    if not folder.is_dir():
        raise InputError(f"日历文件夹“{folder}”不存在")
    if source_file is not None:
        p = Path(source_file)
        if not p.is_file():
            raise InputError(f"文件“{p}”不存在或不是文件")
        if p.suffix.lower() in (".txt", ".text", ".md"):
            a = parse_notice(p.read_text(encoding="utf-8-sig"), year, p.name)
        else:
            a = read_rows(p, year)
    else:
        a = Arrangement(year)
    parse_options(year, holidays, makeups, a)
    a.title = title or a.title
    a.published = published or a.published
    problems = list(a.problems)
    # One writer of the catalog at a time (catalog import takes the same lock, and exchanges the
    # whole folder): the year's files are read under the lock and checked again before writing.
    lock = catalog_lock(folder.parent) if not dry_run else nullcontext()
    with lock:
        folder = catalog_root(root) / "calendar"  # after a wait: the folder now at the path
        baseline = folder_state(folder)
        result = _add(year, a, folder, problems, replace, dry_run)
        if result.errors or dry_run:
            return result
        changed = changed_files(baseline, folder_state(folder))
        if changed:
            raise CatalogError([Problem(str(folder), None, None,
                                        f"日历文件夹在处理期间被修改（{'、'.join(changed[:5])}）：未写入，请重新运行")])
        try:
            write_text(result.file, result.text)
            for p in result.replaced_files:
                if p != Path(result.file):
                    p.unlink()
        except OSError as exc:
            raise CatalogError([Problem(result.file, None, None,
                                        f"无法写入：{exc.strerror or exc}（如磁盘已满）；原文件未改变")]) from None
    result.written = True
    return result


def _add(year: int, a: Arrangement, folder: Path, problems: list[Problem], replace: bool,
         dry_run: bool) -> CalendarAddResult:
    """The year's file text, checked beside the other years (nothing is written here)."""
    target = folder / f"{year}.yaml"
    existing = [p for p in (folder / f"{year}.yaml", folder / f"{year}.yml") if p.exists()]
    if existing and not replace:
        raise InputError(f"{existing[0].name} 已存在：如要按新通知整体替换，请加 --replace")
    if not a.title:
        problems.append(Problem(a.source, None, "title", "缺少通知标题：请用 --title 给出，如“国务院办公厅关于2027年部分节假日安排的通知”"))
    elif f"{year}年" not in a.title:
        problems.append(Problem(a.source, None, "title", f"通知标题中没有“{year}年”：请核对是否为本年的通知", "notice"))
    if not a.published:
        problems.append(Problem(a.source, None, "published", "缺少通知发布日期：请用 --published 给出，如 2026-11-12"))
    elif re.fullmatch(r"\d{4}-\d{2}-\d{2}", a.published) and a.published[:4] > str(year):
        problems.append(Problem(a.source, None, "published", f"发布日期 {a.published} 晚于 {year} 年：请核对", "notice"))
    if not a.holidays:
        problems.append(Problem(a.source, None, "holidays", "没有任何放假安排"))
    holidays = sorted(a.holidays, key=lambda h: h[1])
    makeups = sorted(dict.fromkeys(a.makeups), key=lambda m: m[0])
    if len(makeups) != len(a.makeups):
        problems.append(Problem(a.source, None, "makeup_workdays", "有调休上班日重复给出，已合并", "notice"))
    old_text = existing[0].read_text(encoding="utf-8") if existing else None
    text = calendar_text(year, a.title or "", a.published or "", holidays, makeups, old_text, a.source)
    result = CalendarAddResult(year, str(target), text, a, problems, replaced=bool(existing), dry_run=dry_run,
                               replaced_files=existing)
    if any(p.severity == "error" for p in problems):
        return result
    # Check the new file beside the other years with the calendar's own checks.
    with tempfile.TemporaryDirectory(prefix="zhifa-calendar-") as tmp:
        trial = Path(tmp) / "calendar"
        trial.mkdir()
        for p in folder.iterdir():
            if p.suffix in (".yaml", ".yml") and p not in existing:
                shutil.copy2(p, trial / p.name)
        (trial / f"{year}.yaml").write_text(text, encoding="utf-8")
        for p in check_folder(trial):
            file = p.file.replace(str(trial), str(folder))
            if Path(p.file).name != f"{year}.yaml" and p.severity != "error":
                continue  # other years' notices are `zhifa catalog check`'s business
            result.problems.append(Problem(file, p.entry, p.key, p.message, p.severity))
    return result
