"""`zhifa calendar add`: next year's holidays from options, from the notice's text, or from a
small table; checked by the calendar's own checks before anything is written, written atomically,
and used by the deadlines for the year the bundled data does not cover."""
from __future__ import annotations

import shutil
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import Workbook

from cli import EXIT_INPUT, EXIT_OK, main
from router.catalog.workdays import load_calendar
from router.decide.deadlines import compute_deadline
from router.files.locations import shipped
from router.model.clock import CST
from router.model.errors import CatalogError, InputError
from router.policy.holidays import add_year, parse_notice

DEFAULT_ROOT = shipped("catalog")

# The 2025 and 2026 notices in the layout www.gov.cn publishes them (body text as in the State
# Council General Office notices; the bundled catalog/calendar files were entered from them).
NOTICE_2025 = """国务院办公厅关于2025年部分节假日安排的通知
国办发明电〔2024〕12号
各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
经国务院批准，现将2025年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。
一、元旦：1月1日（周三）放假1天，不调休。
二、春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。1月26日（周日）、2月8日（周六）上班。
三、清明节：4月4日（周五）至6日（周日）放假，共3天。
四、劳动节：5月1日（周四）至5日（周一）放假调休，共5天。4月27日（周日）上班。
五、端午节：5月31日（周六）至6月2日（周一）放假，共3天。
六、国庆节、中秋节：10月1日（周三）至8日（周三）放假调休，共8天。9月28日（周日）、10月11日（周六）上班。
节假日期间，各地区、各部门要妥善安排好值班和安全、保卫等工作。
国务院办公厅
2024年11月12日
"""
NOTICE_2026 = """国务院办公厅关于2026年部分节假日安排的通知
一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
三、清明节：4月4日（周六）至6日（周一）放假，共3天。
四、劳动节：5月1日（周五）至5日（周二）放假调休，共5天。5月9日（周六）上班。
五、端午节：6月19日（周五）至21日（周日）放假，共3天。
六、中秋节：9月25日（周五）至27日（周日）放假，共3天。
七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。
国务院办公厅
2025年11月4日
"""
# 2027: INVENTED for the tests (no notice had been published when they were written).
NOTICE_2027 = """国务院办公厅关于2027年部分节假日安排的通知
一、元旦：1月1日（周五）至3日（周日）放假，共3天。
二、春节：2月5日（农历除夕、周五）至13日（农历正月初八、周六）放假调休，共9天。2月14日（周日）、2月20日（周六）上班。
三、清明节：4月3日（周六）至5日（周一）放假，共3天。
四、劳动节：5月1日（周六）至5日（周三）放假调休，共5天。5月8日（周六）上班。
五、端午节：6月9日（周三）放假，共1天。
六、中秋节：9月15日（周三）放假，共1天。
七、国庆节：10月1日（周五）至7日（周四）放假调休，共7天。9月26日（周日）、10月9日（周六）上班。
国务院办公厅
2026年11月10日
"""
TITLE_2027 = "国务院办公厅关于2027年部分节假日安排的通知"


@pytest.fixture()
def root(tmp_path) -> Path:
    dst = tmp_path / "catalog"
    shutil.copytree(DEFAULT_ROOT, dst)
    return dst


def run(capsys, *args):
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out.replace("\n", ""), out.err.replace("\n", "")


def rest_days(holidays):
    return {s + timedelta(days=n): name for name, s, e in holidays for n in range((e - s).days + 1)}


@pytest.mark.parametrize("year,text", [(2025, NOTICE_2025), (2026, NOTICE_2026)])
def test_the_published_notice_text_gives_the_bundled_year(year, text):
    a = parse_notice(text, year, "notice.txt")
    bundled = load_calendar(DEFAULT_ROOT / "calendar")._years[year]
    assert a.title == bundled.notice_title and a.published == bundled.published
    assert rest_days(a.holidays) == dict(bundled.rest)
    assert dict(a.makeups) == dict(bundled.makeup)
    assert not a.problems


def test_a_wrong_day_count_in_the_notice_is_pointed_out():
    a = parse_notice(NOTICE_2026.replace("共9天", "共8天"), 2026, "n.txt")
    assert [p.severity for p in a.problems] == ["notice"] and "共8天" in a.problems[0].message


def test_add_from_the_notice_text_then_deadlines_use_it(root, tmp_path, capsys):
    start = datetime(2026, 12, 30, 10, 0, tzinfo=CST)
    before = compute_deadline("3_working_days", start, load_calendar(root / "calendar"))
    assert before.provisional and before.deadline.date() == date(2027, 1, 5)  # 元旦 推定
    spring = datetime(2027, 2, 4, 10, 0, tzinfo=CST)
    provisional = compute_deadline("3_working_days", spring, load_calendar(root / "calendar"))
    assert provisional.provisional and provisional.deadline.date() == date(2027, 2, 15)

    notice = tmp_path / "2027通知.txt"
    notice.write_text(NOTICE_2027, encoding="utf-8")
    code, out, _ = run(capsys, "calendar", "add", "2027", "--from", str(notice), "--catalog", str(root))
    assert code == EXIT_OK and "已写入" in out
    cal = load_calendar(root / "calendar")
    assert cal.source(2027).endswith("2027.yaml")
    assert cal.day_info(date(2027, 2, 20)).kind == "makeup_workday"
    after = compute_deadline("3_working_days", start, cal)
    assert not after.uncertain and after.deadline.date() == date(2027, 1, 5)
    assert not after.warnings and not after.provisional
    # The notice replaces the provisional days: 2/11 is a rest day, Sunday 2/14 a working day.
    official = compute_deadline("3_working_days", spring, cal)
    assert not official.provisional and official.deadline.date() == date(2027, 2, 16)
    assert [d.date for d in official.days if d.counted] == [date(2027, 2, 14), date(2027, 2, 15),
                                                            date(2027, 2, 16)]
    code, out, _ = run(capsys, "calendar", "show", "2027", "--catalog", str(root))
    assert code == EXIT_OK and "2027.yaml" in out and "国务院办公厅关于2027年" in out


def test_add_from_options_dry_run_writes_nothing(root, capsys):
    code, out, _ = run(capsys, "calendar", "add", "2027", "--catalog", str(root), "--dry-run",
                       "--title", TITLE_2027, "--published", "2026-11-10",
                       "--holiday", "元旦=2027-01-01..2027-01-03", "--holiday", "春节=2027-02-05至2027-02-13",
                       "--makeup", "2027-02-14=春节", "--makeup", "春节=2027-02-20")
    assert code == EXIT_OK and "未写入" in out
    assert '{date: "2027-02-20", for: 春节}' in out and "# 周六上班" in out
    assert not (root / "calendar" / "2027.yaml").exists()


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_add_from_a_table_of_the_notices_rows(root, tmp_path, suffix):
    rows = [["类型", "名称", "开始日期", "结束日期"],
            ["放假", "元旦", "2027-01-01", "2027-01-03"],
            ["放假", "春节", "2027年2月5日", "2027年2月13日"],
            ["上班", "春节", "2027/2/14", None],
            ["调休上班", "春节", "2027-02-20", ""]]
    path = tmp_path / f"rows{suffix}"
    if suffix == ".csv":
        path.write_text("\n".join(",".join(c or "" for c in r) for r in rows) + "\n", encoding="utf-8")
    else:
        wb = Workbook()
        for r in rows:
            wb.active.append(r)
        wb.save(path)
    result = add_year(2027, root=root, source_file=path, title=TITLE_2027, published="2026-11-10")
    assert result.written and not result.errors
    cal = load_calendar(root / "calendar")
    assert cal.day_info(date(2027, 2, 13)).kind == "holiday"
    assert cal.day_info(date(2027, 2, 14)).kind == "makeup_workday"


@pytest.mark.parametrize("args,needle", [
    (["--holiday", "春节=2027-02-05..2027-02-13", "--makeup", "2027-02-15=春节"], "调休上班日应为周六或周日"),
    (["--holiday", "春节=2027-02-05..2027-02-13", "--holiday", "元宵=2027-02-12..2027-02-16"], "重叠"),
    (["--holiday", "元旦=2026-12-31..2027-01-02"], "不在 2027 年内"),
    (["--holiday", "春节=2027-02-13..2027-02-05"], "晚于结束日期"),
    (["--holiday", "春节=2027-02-30"], "不存在"),
    (["--holiday", "春节"], "应写成 名称=开始日期..结束日期"),
    (["--holiday", "端午=2027-06-12..2027-06-13"], "只含周六、周日"),
])
def test_the_usual_mistakes_are_caught_and_nothing_is_written(root, capsys, args, needle):
    code, out, _ = run(capsys, "calendar", "add", "2027", "--catalog", str(root),
                       "--title", TITLE_2027, "--published", "2026-11-10", *args)
    assert code == EXIT_INPUT and needle in out and "未写入" in out
    assert not (root / "calendar" / "2027.yaml").exists()


def test_title_and_date_are_required(root, capsys):
    code, out, _ = run(capsys, "calendar", "add", "2027", "--catalog", str(root),
                       "--holiday", "元旦=2027-01-01..2027-01-03")
    assert code == EXIT_INPUT and "缺少通知标题" in out and "缺少通知发布日期" in out


def test_an_existing_year_is_replaced_only_when_asked_keeping_its_header(root, tmp_path, capsys):
    old = (root / "calendar" / "2026.yaml").read_text(encoding="utf-8")
    notice = tmp_path / "n.txt"
    notice.write_text(NOTICE_2026, encoding="utf-8")
    with pytest.raises(InputError) as exc:
        add_year(2026, root=root, source_file=notice)
    assert "--replace" in str(exc.value)
    result = add_year(2026, root=root, source_file=notice, replace=True)
    assert result.written and result.replaced and not result.errors
    new = (root / "calendar" / "2026.yaml").read_text(encoding="utf-8")
    assert new.splitlines()[:3] == old.splitlines()[:3]  # the header comments
    assert load_calendar(root / "calendar")._years[2026].rest == load_calendar(DEFAULT_ROOT / "calendar")._years[2026].rest


def test_a_crash_while_writing_leaves_no_half_written_file(root, monkeypatch):
    import router.files.atomic as atomic
    old = (root / "calendar" / "2026.yaml").read_bytes()

    def boom(src, dst):
        raise OSError("power cut")

    monkeypatch.setattr(atomic.os, "replace", boom)
    with pytest.raises(CatalogError) as exc:  # a catalog problem in Chinese (exit 3), not a crash
        add_year(2026, root=root, replace=True, title="国务院办公厅关于2026年部分节假日安排的通知",
                 published="2025-11-04", holidays=["元旦=2026-01-01..2026-01-03"])
    assert "无法写入" in str(exc.value) and "原文件未改变" in str(exc.value)
    assert (root / "calendar" / "2026.yaml").read_bytes() == old
    assert sorted(p.name for p in (root / "calendar").iterdir()) == ["2025.yaml", "2026.yaml", "README.md"]
