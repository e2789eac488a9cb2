"""One scenario per path of 华龙法政办〔2021〕13号, end to end through the CLI (CliRunner), on
SQLite and on PostgreSQL; `due` and `stats` figures below are worked out by hand.

A  township→department referral, fed back on time (四（一）1, 四（三）)
   SL-03 岳村镇 found Mon 03-02 09:30 → due Thu 03-05 23:59:59; sent Wed 03-04 10:00 (48.5 h);
   水利局 receives, opens, closes Tue 03-10 → result due Fri 03-13; fed back Thu 03-12.
B  department→township complaint with written materials (四（二）2–3)
   JT-03 孟轲乡 by 交通运输局 found 03-02 09:30 → due 03-05; sent Fri 03-06 09:00 (95.5 h, late);
   complainant told of the transfer 03-06 10:00; 孟轲乡 receives, closes Mon 03-09 → feedback and
   answer due Thu 03-12; answers 03-11 (on time), feeds back Mon 03-16 (late).
C  refusal → report to 区政府 (四（四）)
   SL-03 岳村镇 major hazard Wed 04-01 08:00: notified at once, sent 08:30 (0.5 h), 水利局 refuses
   12:00, 岳村镇 reports 12:00 (immediately: on time).
D  dispute → 区政府 (四（五）)
   JT-03 孟轲乡 by 交通运输局 Mon 06-01 09:00, sent Tue 06-02 09:00 (24.5 h bucket: 24 h),
   孟轲乡 returns Wed 06-03 10:00 → dispute due Mon 06-08; submitted Fri 06-05.
E  crime → police (四（六）, 国务院令第310号 第5条)
   JT-03 孟轲乡 by 孟轲乡 Wed 07-01 09:00; written report Thu 07-02 16:00 → the head decides within
   3 days of it, the report day not counted: by Sun 07-05 23:59:59; approved Fri 07-03 08:00 →
   transfer within 24 h: by Sat 07-04 08:00; transferred 07-03 09:00.
F  correction opinion (三（二）)
   JT-03 孟轲乡 by 交通运输局, enforcement error, Mon 08-03 09:00 → opinion due Thu 08-06;
   given Wed 08-05. The opinion is all the department owes: no referral (issue 12 point 3).
"""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

import cli

from .conftest import fresh_db

SCENARIOS = [
    (["--matter", "SL-03", "--place", "岳村镇", "--by", "岳村镇", "--at", "2026-03-02T09:30"], [
        ("sent", "岳村镇", "2026-03-04T10:00"), ("received", "水利局", "2026-03-04T15:00"),
        ("opened", "水利局", "2026-03-05T09:00"), ("closed", "水利局", "2026-03-10T10:00"),
        ("fed_back", "水利局", "2026-03-12T09:00")]),
    (["--matter", "JT-03", "--place", "孟轲乡", "--by", "交通运输局", "--at", "2026-03-02T09:30", "--complaint",
      "--event", "written_materials"], [
        ("sent", "交通运输局", "2026-03-06T09:00"), ("answered", "交通运输局", "2026-03-06T10:00"),
        ("received", "孟轲乡", "2026-03-06T14:00"), ("closed", "孟轲乡", "2026-03-09T10:00"),
        ("answered", "孟轲乡", "2026-03-11T09:00"), ("fed_back", "孟轲乡", "2026-03-16T09:00")]),
    (["--matter", "SL-03", "--place", "岳村镇", "--by", "岳村镇", "--at", "2026-04-01T08:00", "--event", "major_hazard"], [
        ("notified", "岳村镇", "2026-04-01T08:00"), ("sent", "岳村镇", "2026-04-01T08:30"),
        ("refused", "水利局", "2026-04-01T12:00"), ("reported", "岳村镇", "2026-04-01T12:00")]),
    (["--matter", "JT-03", "--place", "孟轲乡", "--by", "交通运输局", "--at", "2026-06-01T09:00"], [
        ("sent", "交通运输局", "2026-06-02T09:00"), ("returned", "孟轲乡", "2026-06-03T10:00"),
        ("disputed", "交通运输局", "2026-06-05T09:00")]),
    (["--matter", "JT-03", "--place", "孟轲乡", "--by", "孟轲乡", "--at", "2026-07-01T09:00", "--crime"], [
        ("police_report", "孟轲乡", "2026-07-02T16:00"), ("police_approved", "孟轲乡", "2026-07-03T08:00"),
        ("police", "孟轲乡", "2026-07-03T09:00")]),
    (["--matter", "JT-03", "--place", "孟轲乡", "--by", "交通运输局", "--at", "2026-08-03T09:00",
      "--event", "enforcement_error"], [
        ("corrected", "交通运输局", "2026-08-05T09:00")]),
]


def zhifa(db: str, *args: str) -> dict | list:
    result = CliRunner().invoke(cli.cli, [*args, "--json"], env={"ZHIFA_DB": db, "ZHIFA_USER": "办事员甲"},
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def db_url(request, tmp_path_factory):
    """One register per backend for the whole module: the scenarios are recorded once and every
    test below only reads them (case show, due, stats, register check write nothing)."""
    yield from fresh_db(request, tmp_path_factory.mktemp("scenarios"))


@pytest.fixture(scope="module")
def numbers(db_url):
    out = []
    for i, (case, events) in enumerate(SCENARIOS):
        cmd = ["route", *case, "--register"] if i % 2 else ["case", "new", *case]
        number = zhifa(db_url, *cmd)["case"]
        for kind, by, at in events:
            extra = ["--reason", "认为不属本单位管辖"] if kind in ("refused", "returned") else []
            zhifa(db_url, "case", "event", number, kind, "--by", by, "--at", at, *extra)
        out.append(number)
    return out


def test_numbers_and_timelines(db_url, numbers):
    assert numbers == ["岳村镇〔2026〕第1号", "交通运输局〔2026〕第1号", "岳村镇〔2026〕第2号",
                       "交通运输局〔2026〕第2号", "孟轲乡〔2026〕第1号", "交通运输局〔2026〕第3号"]
    view = zhifa(db_url, "case", "show", numbers[0], "--at", "2026-03-20")
    assert [e["kind"] for e in view["events"]] == ["found", "sent", "received", "opened", "closed", "fed_back"]
    assert view["events"][0]["user"] == "办事员甲" and view["events"][1]["body"] == "岳村镇人民政府"
    assert view["duties"] == []
    done = {d["duty"]: d for d in view["done"]}
    assert done["refer"]["deadline"] == "2026-03-05T23:59:59+08:00" and not done["refer"]["overdue"]
    assert done["feedback_share"]["deadline"] == "2026-03-13T23:59:59+08:00"
    assert done["feedback_share"]["cite"] == ["华龙法政办〔2021〕13号 四（三）"]


def test_refusal_calls_for_an_immediate_report(db_url, numbers):
    view = zhifa(db_url, "case", "show", numbers[2], "--at", "2026-04-02")
    report = [d for d in view["done"] if d["duty"] == "report"][0]
    assert (report["body"], report["deadline"], report["overdue"]) == (
        "岳村镇人民政府", "2026-04-01T12:00:00+08:00", False)
    assert report["cite"] == ["华龙法政办〔2021〕13号 四（四）"]


def test_police_and_correction_duties(db_url, numbers):
    done = {d["duty"]: d for d in zhifa(db_url, "case", "show", numbers[4])["done"]}
    approve, police = done["police_approve"], done["police"]
    assert (approve["start"], approve["deadline"], approve["done_at"]) == (
        "2026-07-02T16:00:00+08:00", "2026-07-05T23:59:59+08:00", "2026-07-03T08:00:00+08:00")
    assert "推定" in approve["note"] and "自然日" in approve["note"]
    assert (police["start"], police["deadline"], police["overdue"]) == (
        "2026-07-03T08:00:00+08:00", "2026-07-04T08:00:00+08:00", False)
    assert "国务院令第310号" in police["cite"][1]
    view = zhifa(db_url, "case", "show", numbers[5], "--at", "2026-08-10")
    correction = [d for d in view["done"] if d["duty"] == "correction"][0]
    assert correction["deadline"] == "2026-08-06T23:59:59+08:00" and correction["cite"] == ["华龙法政办〔2021〕13号 三（二）"]
    # 三（二）: a correction opinion and nothing else — no referral is owed, so none is overdue.
    assert view["duties"] == [] and [d["duty"] for d in view["done"]] == ["correction"]
    late = [d for d in zhifa(db_url, "case", "show", numbers[1], "--at", "2026-03-20")["done"]
            if d["duty"] == "refer"][0]
    assert late["overdue"] is True and "五.4" in late["escalation"]["cite"][-1]


def test_due(db_url, numbers):
    # F owes only its correction opinion, given 08-05: nothing is due afterwards (no referral).
    assert zhifa(db_url, "due", "--at", "2026-08-10T00:00") == []
    assert zhifa(db_url, "due", "--at", "2026-08-10T00:00", "--body", "岳村镇") == []
    rows = zhifa(db_url, "due", "--at", "2026-06-04T12:00", "--within", "5")
    assert [(r["case"], r["duty"], r["deadline"], r["overdue"]) for r in rows] == [
        (numbers[3], "dispute", "2026-06-08T23:59:59+08:00", False)]
    assert zhifa(db_url, "due", "--at", "2026-06-04T12:00") == []


def test_stats(db_url, numbers, tmp_path):
    out = tmp_path / "stats.xlsx"
    data = zhifa(db_url, "stats", "--from", "2026-01-01", "--to", "2026-08-31", "-o", str(out))
    by = {r["body"]: r for r in data["bodies"]}
    picked = ("referrals_sent", "referrals_on_time", "share_on_time", "median_days_to_refer", "received", "overdue",
              "feedback_given", "feedback_on_time", "refusals", "returns", "disputes", "police", "corrections",
              "reports")
    assert {b: tuple(r[k] for k in picked) for b, r in by.items()} == {
        # median (0.5 h + 48.5 h) / 2 = 24.5 h = 1.0 day
        "岳村镇人民政府": (2, 2, 1.0, 1.0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1),
        "华龙区水利局": (0, 0, None, None, 1, 0, 1, 1, 1, 0, 0, 0, 0, 0),
        # B late, D on time: median (95.5 h + 24.5 h) / 2 = 60 h = 2.5 days; overdue B referral (F owes none)
        "华龙区交通运输局": (2, 1, 0.5, 2.5, 0, 1, 0, 0, 0, 0, 1, 0, 1, 0),
        # feedback B late (due 03-12, given 03-16)
        "孟轲乡人民政府": (0, 0, None, None, 1, 1, 1, 0, 0, 1, 0, 1, 0, 0),
    }
    only = zhifa(db_url, "stats", "--from", "2026-01-01", "--to", "2026-08-31", "--body", "孟轲乡")
    assert [r["body"] for r in only["bodies"]] == ["孟轲乡人民政府"]
    from openpyxl import load_workbook
    wb = load_workbook(out)
    assert wb.sheetnames == ["各单位统计", "逾期义务", "说明"]
    assert len(wb["各单位统计"]._charts) == 1
    assert [r[0] for r in wb["逾期义务"].iter_rows(min_row=2, values_only=True)] == [numbers[1], numbers[1]]


def test_register_check_after_scenarios(db_url, numbers):
    assert zhifa(db_url, "register", "check")["ok"] is True
