"""`zhifa case letter`: every kind drafted from registered scenario cases through the CLI, on
SQLite and on PostgreSQL, read back from the .docx (bodies, number, dates, citations, materials);
the kinds a decision does not call for are refused; numbering per sender and year is gapless;
files are never overwritten without --force and never over an input; `case show` lists them."""
from __future__ import annotations

import io
import json
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path

import pytest
import sqlalchemy as sa
from click.testing import CliRunner
from docx import Document

import cli
from router.letters import chinese_date, find_soffice
from router.model.clock import CST
from router.register.check import check_register
from router.register.db import Database, current_revision, upgrade
from router.register.letters import draft_case_letter
from router.register.models import LetterCounter
from router.register.register import Register
from router.register.services import register_case, show_case
from router.register.stats import stats

ROOT = Path(__file__).resolve().parents[2]
MECHANISM = "华龙法政办〔2021〕13号"

# Scenario cases: (case options, events), and the letter kinds each calls for.
CASES = {
    "township_refers": (["--matter", "SL-03", "--place", "岳村镇", "--by", "岳村镇", "--at", "2026-03-02T09:30",
                         "国道边河道里有人倾倒建筑垃圾"], []),
    "ongoing": (["--matter", "JT-03", "--place", "孟轲乡", "--by", "交通运输局", "--at", "2026-09-30T16:20",
                 "--ongoing", "国道边上摆摊卖西瓜，占了半条道"],
                [("dissuaded", "交通运输局", "2026-09-30T16:30", "当事人已收摊离开")]),
    "complaint": (["--matter", "JT-03", "--place", "孟轲乡", "--by", "交通运输局", "--at", "2026-03-02T09:30",
                   "--complaint", "--event", "written_materials", "群众反映国道边有人摆摊"], []),
    "hazard_refused": (["--matter", "SL-03", "--place", "岳村镇", "--by", "岳村镇", "--at", "2026-04-01T08:00",
                        "--event", "major_hazard", "河堤上有人挖沙，堤身出现缺口"],
                       [("notified", "岳村镇", "2026-04-01T08:00", None), ("sent", "岳村镇", "2026-04-01T08:30", None),
                        ("refused", "水利局", "2026-04-01T12:00", None)]),
    "returned": (["--matter", "JT-03", "--place", "孟轲乡", "--by", "交通运输局", "--at", "2026-06-01T09:00"],
                 [("sent", "交通运输局", "2026-06-02T09:00", None), ("returned", "孟轲乡", "2026-06-03T10:00", None)]),
    "crime": (["--matter", "JT-03", "--place", "孟轲乡", "--by", "孟轲乡", "--at", "2026-07-01T09:00", "--crime",
               "在公路上设置障碍收取过路费，涉案金额巨大"],
              [("police_report", "孟轲乡", "2026-07-02T16:00", None), ("police_approved", "孟轲乡", "2026-07-03T08:00", None)]),
    "error": (["--matter", "JT-03", "--place", "孟轲乡", "--by", "交通运输局", "--at", "2026-08-03T09:00",
               "--event", "enforcement_error"], []),
}
REASON = "认为不属本单位管辖"


@pytest.fixture(scope="module")
def catalog(tmp_path_factory):
    """The shipped catalog, with 发文字号 patterns for 岳村镇 and 华龙区交通运输局 (the others keep
    none: their 机关代字 stays blank)."""
    folder = tmp_path_factory.mktemp("catalog") / "catalog"
    shutil.copytree(ROOT / "catalog", folder)
    bodies = folder / "bodies.yaml"
    text = bodies.read_text(encoding="utf-8")
    for aliases, pattern in (("aliases: [岳村, 岳村镇政府]", "岳政〔{year}〕{seq}号"),
                             ("aliases: [交通运输局, 交通局]", "华交函〔{year}〕{seq}号")):
        assert text.count(aliases) == 1, aliases
        text = text.replace(aliases, f'{aliases}, letter_number: "{pattern}"')
    bodies.write_text(text, encoding="utf-8")
    return str(folder)


def run(db: str, catalog: str, *args: str):
    result = CliRunner().invoke(cli.cli, [*args, "--catalog", catalog],
                                env={"ZHIFA_DB": db, "ZHIFA_USER": "办事员乙"}, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result


@dataclass
class Failed:
    exit_code: int
    output: str


@pytest.fixture
def fail(capsys, monkeypatch):
    """Run `zhifa …` through cli.main (exit codes and Chinese messages as a clerk sees them)."""
    def go(db: str, catalog: str, *args: str) -> Failed:
        monkeypatch.setenv("ZHIFA_DB", db)
        monkeypatch.setenv("ZHIFA_USER", "办事员乙")
        capsys.readouterr()
        code = cli.main([*args, "--catalog", catalog])
        out = capsys.readouterr()
        return Failed(code, (out.out + out.err).replace("\n", ""))
    return go


@pytest.fixture(scope="module")
def sqlite_cases(tmp_path_factory, catalog):
    """The scenario cases recorded once in a SQLite register (each SQLite test gets a copy of it)."""
    path = str(tmp_path_factory.mktemp("cases") / "register.sqlite3")
    return path, _record_cases(path, catalog)


@pytest.fixture
def cases(request, db_url, catalog):
    """The scenario cases in this test's own fresh register: recorded through the CLI on
    PostgreSQL, a copy (SQLite's backup API) of the same cases recorded once on SQLite."""
    if db_url.startswith("postgresql"):
        return _record_cases(db_url, catalog)
    template, numbers = request.getfixturevalue("sqlite_cases")
    src, dst = sqlite3.connect(template), sqlite3.connect(db_url)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()
    return dict(numbers)


def _record_cases(db_url: str, catalog: str) -> dict[str, str]:
    numbers = {}
    for name, (options, events) in CASES.items():
        out = run(db_url, catalog, "case", "new", *options, "--json")
        number = json.loads(out.stdout)["case"]
        for kind, by, at, note in events:
            extra = ["--reason", REASON] if kind in ("refused", "returned") else []
            extra += ["--note", note] if note else []
            run(db_url, catalog, "case", "event", number, kind, "--by", by, "--at", at, *extra)
        numbers[name] = number
    return numbers


def letter(db, catalog, tmp_path, number, kind, *extra, name=None):
    path = tmp_path / (name or f"{kind}.docx")
    out = run(db, catalog, "case", "letter", number, kind, "-o", str(path), "--json", *extra)
    return json.loads(out.stdout), path


def text_of(path: Path) -> list[str]:
    doc = Document(io.BytesIO(path.read_bytes()))
    return [p.text for p in doc.paragraphs if p.text.strip()]


def today() -> datetime:
    return datetime.now(CST)


def test_every_kind_from_the_register(db_url, catalog, cases, tmp_path):
    year, date_text = today().year, chinese_date(today().date())

    # referral: 岳村镇 → 华龙区水利局, number from 岳村镇's pattern, materials from the decision
    meta, path = letter(db_url, catalog, tmp_path, cases["township_refers"], "referral")
    lines = text_of(path)
    assert meta["number"] == f"岳政〔{year}〕1号" and meta["sender"] == "岳村镇人民政府"
    assert lines[0] == "岳村镇人民政府" and lines[1] == f"岳政〔{year}〕1号" and "涉嫌违法案件移送函" in lines
    assert "华龙区水利局：" in lines and date_text in lines
    body = "\n".join(lines)
    assert "2026年3月2日9时30分，我镇在岳村镇发现：国道边河道里有人倾倒建筑垃圾。" in body
    assert f"（{MECHANISM}）四（一）2的规定" in body
    assert "当事人：________。" in body  # the register does not know the party: a blank, not a guess
    assert "于________前将调查处理结果函告我镇" in body  # the mechanism sets no feedback deadline
    assert "1. 基本违法事实的书面材料" in lines and any(x.startswith("2. 案源材料：") for x in lines)
    assert not any(x.endswith("涉嫌违法案件移送函") and x[0].isdigit() for x in lines)  # not the letter itself

    # notice: the ongoing case, from 华龙区交通运输局 with its own pattern; the dissuasion from the event
    meta, path = letter(db_url, catalog, tmp_path, cases["ongoing"], "notice")
    body = "\n".join(text_of(path))
    assert meta["number"] == f"华交函〔{year}〕1号" and meta["receivers"] == ["孟轲乡人民政府"]
    assert "孟轲乡人民政府：" in body and "正在实施以下行为：国道边上摆摊卖西瓜，占了半条道" in body
    assert "劝阻情况：2026年9月30日16时30分当场劝阻，当事人已收摊离开。" in body
    # the same sender's next letter takes the next number (gapless per sender and year)
    meta, path = letter(db_url, catalog, tmp_path, cases["ongoing"], "referral", name="referral2.docx")
    assert meta["number"] == f"华交函〔{year}〕2号"

    # complaint_notice: department → township, the complainant's written materials handed over
    meta, path = letter(db_url, catalog, tmp_path, cases["complaint"], "complaint_notice")
    lines = text_of(path)
    body = "\n".join(lines)
    assert meta["number"] == f"华交函〔{year}〕3号" and meta["receivers"] == ["孟轲乡人民政府"]
    assert "投诉举报事项告知函" in lines and "投诉举报告知书" in lines
    assert "2026年3月2日9时30分，我局接到________投诉举报" in body
    assert "1. 投诉人、举报人提交的书面材料" in lines and f"{MECHANISM}）四（二）2的规定" in body

    # report: 岳村镇 to 华龙区人民政府 about 水利局's refusal, notified at 08:00
    meta, path = letter(db_url, catalog, tmp_path, cases["hazard_refused"], "report")
    body = "\n".join(text_of(path))
    assert meta["receivers"] == ["华龙区人民政府"] and meta["number"] == f"岳政〔{year}〕2号"
    assert "岳村镇人民政府关于华龙区水利局接到通知后拒不处理违法行为的报告" in body
    assert "于2026年4月1日8时通知华龙区水利局" in body and f"{MECHANISM}）四（四）的规定" in body

    # dispute: 交通运输局 asks 区政府 to decide after 孟轲乡 returned the referral
    meta, path = letter(db_url, catalog, tmp_path, cases["returned"], "dispute")
    body = "\n".join(text_of(path))
    assert meta["receivers"] == ["华龙区人民政府"] and meta["number"] == f"华交函〔{year}〕4号"
    assert "孟轲乡人民政府" in body and f"2026年6月3日10时退回移送，理由：{REASON}" in body

    # police: 孟轲乡 (no pattern: blank 机关代字) → 公安分局, 第6条 attachments, copied to 检察院
    meta, path = letter(db_url, catalog, tmp_path, cases["crime"], "police")
    lines = text_of(path)
    body = "\n".join(lines)
    assert meta["number"] == f"________〔{year}〕1号" and meta["receivers"] == ["濮阳市公安局华龙分局"]
    assert "濮阳市公安局华龙分局：" in lines and "抄送：华龙区人民检察院。" in lines
    assert "涉嫌构成________" in body and "经我乡负责人于2026年7月3日批准" in body
    assert "国务院令第310号）第三条、第五条" in body
    assert lines[lines.index("涉嫌犯罪案件移送书回执") + 1] == "孟轲乡人民政府："
    assert [x for x in lines if x[:1].isdigit() and ". " in x][:2] == ["1. 涉嫌犯罪案件情况的调查报告", "2. 涉案物品清单"] \
        or any("附件：1. 涉嫌犯罪案件情况的调查报告" in x for x in lines)

    # correction: 交通运输局 → 孟轲乡, copied to 司法局
    meta, path = letter(db_url, catalog, tmp_path, cases["error"], "correction")
    lines = text_of(path)
    assert meta["receivers"] == ["孟轲乡人民政府"] and "抄送：华龙区司法局。" in lines
    assert f"{MECHANISM}）三（二）" in "\n".join(lines)

    # case show lists the documents, and the timeline has the document events
    view = json.loads(run(db_url, catalog, "case", "show", cases["ongoing"], "--json").stdout)
    assert [(d["kind"], d["number"], d["user"]) for d in view["documents"]] == [
        ("notice", f"华交函〔{year}〕1号", "办事员乙"), ("referral", f"华交函〔{year}〕2号", "办事员乙")]
    assert [e["kind"] for e in view["events"]] == ["found", "dissuaded", "document", "document"]
    assert view["events"][2]["note"] == f"违法行为书面告知书 华交函〔{year}〕1号"
    check = run(db_url, catalog, "register", "check", "--json")
    assert json.loads(check.stdout)["problems"] == []


def test_kinds_the_decision_does_not_call_for(db_url, catalog, cases, tmp_path, fail):
    out = fail(db_url, catalog, "case", "letter", cases["township_refers"], "police", "-o", str(tmp_path / "p.docx"))
    assert out.exit_code == 1
    assert "不要求涉嫌犯罪案件移送书（police）" in out.output and "只有涉嫌犯罪时才移送公安机关" in out.output
    assert "本案适用的文书：referral（涉嫌违法案件移送函）" in out.output
    assert not (tmp_path / "p.docx").exists()
    for number, kind in ((cases["township_refers"], "report"), (cases["crime"], "dispute"),
                         (cases["error"], "complaint_notice"), (cases["township_refers"], "notice")):
        out = fail(db_url, catalog, "case", "letter", number, kind, "-o", str(tmp_path / "x.docx"))
        assert out.exit_code == 1 and f"（{kind}）" in out.output, out.output
    out = fail(db_url, catalog, "case", "letter", cases["crime"], "memo")
    assert out.exit_code == 1 and "未知的文书种类“memo”" in out.output
    # a refused kind allocates no number: the next letter of 岳村镇 is still its first
    meta, _ = letter(db_url, catalog, tmp_path, cases["township_refers"], "referral")
    assert meta["number"] == f"岳政〔{today().year}〕1号"


def test_files_are_never_overwritten_without_force(db_url, catalog, cases, tmp_path, fail):
    number = cases["township_refers"]
    meta, path = letter(db_url, catalog, tmp_path, number, "referral")
    first = path.read_bytes()
    again = fail(db_url, catalog, "case", "letter", number, "referral", "-o", str(path))
    assert again.exit_code == 1 and "已存在" in again.output and "--force" in again.output
    assert path.read_bytes() == first
    # --force drafts it again with the same number (a letter keeps its number), recorded as a re-issue
    forced, _ = letter(db_url, catalog, tmp_path, number, "referral", "--force")
    assert forced["number"] == meta["number"] and forced["reissue_of"] == meta["event"]
    # never over an input, even with --force; only .docx
    if not db_url.startswith("postgresql"):
        out = fail(db_url, catalog, "case", "letter", number, "referral", "-o", db_url, "--force")
        assert out.exit_code == 1 and Path(db_url).stat().st_size > 0
    out = fail(db_url, catalog, "case", "letter", number, "referral", "-o", str(Path(catalog) / "letters" / "x.docx"),
               "--force")
    assert out.exit_code == 1 and "会覆盖输入" in out.output
    out = fail(db_url, catalog, "case", "letter", number, "referral", "-o", str(tmp_path / "a.pdf"))
    assert out.exit_code == 1 and ".docx" in out.output
    # --by must be the sender (四（一）3): the township, not the water bureau; an internal unit maps to it
    out = fail(db_url, catalog, "case", "letter", number, "referral", "-o", str(tmp_path / "b.docx"), "--by", "水利局")
    assert out.exit_code == 1 and "以“岳村镇人民政府”的名义发出" in out.output
    meta, _ = letter(db_url, catalog, tmp_path, number, "referral", "--by", "岳村镇综合行政执法大队", name="c.docx")
    assert meta["sender"] == "岳村镇人民政府"
    view = json.loads(run(db_url, catalog, "case", "show", number, "--json").stdout)
    assert [d["number"] for d in view["documents"]] == [meta["number"]] * 3


def test_default_file_name_and_pdf(db_url, catalog, cases, tmp_path, monkeypatch, fail):
    monkeypatch.chdir(tmp_path)
    number = cases["error"]
    if find_soffice() is None:
        out = fail(db_url, catalog, "case", "letter", number, "correction", "--pdf")
        assert out.exit_code == 1 and "未找到 LibreOffice" in out.output
        assert (tmp_path / f"{number}-纠正意见书.docx").exists()
        return
    out = run(db_url, catalog, "case", "letter", number, "correction", "--pdf", "--json")
    meta = json.loads(out.stdout)
    assert Path(meta["file"]) == tmp_path / f"{number}-纠正意见书.docx"
    assert Path(meta["pdf"]).read_bytes().startswith(b"%PDF")
    out = fail(db_url, catalog, "case", "letter", number, "correction", "--pdf")
    assert out.exit_code == 1 and "已存在" in out.output


def test_pdf_without_libreoffice(db_url, catalog, cases, tmp_path, monkeypatch, fail):
    monkeypatch.setenv("ZHIFA_SOFFICE", str(tmp_path / "no-soffice"))
    out = fail(db_url, catalog, "case", "letter", cases["error"], "correction", "-o", str(tmp_path / "k.docx"), "--pdf")
    assert out.exit_code == 1 and "未找到 LibreOffice" in out.output and "libreoffice-writer-nogui" in out.output
    assert (tmp_path / "k.docx").exists()  # the .docx is made and recorded all the same


def test_upgrade_from_r0003_fills_counts_then_letters(db_url, router, tmp_path):
    """A register of the previous release (r0003, with the web's tables) holding a referred case:
    r0004 adds the letter counters and fills the daily counts from the existing rows."""
    old = Database(db_url, migrate=False)
    upgrade(old.engine, "r0003")
    assert current_revision(old.engine) == "r0003"
    pg = old.dialect == "postgresql"
    found = datetime(2026, 3, 2, 1, 30, tzinfo=timezone.utc)
    sent = datetime(2026, 3, 4, 2, 0, tzinfo=timezone.utc)

    def t(x):
        return x if pg else x.replace(tzinfo=None)
    decision = {"at": "2026-03-02T09:30:00+08:00", "reported_by": {"name": "岳村镇人民政府"},
                "decisions": [{"matter": "SL-03", "action": "refer", "jurisdiction": {"body": "华龙区水利局"},
                               "duties": [], "escalations": [],
                               "referral": {"from": "岳村镇人民政府", "to": "华龙区水利局", "rule": "3_working_days",
                                            "materials": ["涉嫌违法案件移送函", "基本违法事实的书面材料"]}}]}
    with old.engine.begin() as conn:
        conn.execute(sa.text("INSERT INTO cases (id, number, body, year, seq, source, found_at, input, decision, "
                             "version, registered_at, registered_by) VALUES (1, '岳村镇〔2026〕第1号', '岳村镇人民政府', "
                             "2026, 1, '', :f, :i, :d, 'v0', :f, '甲')"),
                     {"f": t(found), "i": json.dumps({"matter": "SL-03"}), "d": json.dumps(decision)})
        conn.execute(sa.text("INSERT INTO counters (body, year, last) VALUES ('岳村镇人民政府', 2026, 1)"))
        for i, (kind, at) in enumerate((("found", found), ("sent", sent)), start=1):
            conn.execute(sa.text("INSERT INTO events (id, case_id, kind, at, recorded_at, body, \"user\") "
                                 "VALUES (:i, 1, :k, :a, :a, '岳村镇人民政府', '甲')"), {"i": i, "k": kind, "a": t(at)})
        conn.execute(sa.text("INSERT INTO duties (case_id, duty, body, start, deadline, done_at, done_event, elapsed_s) "
                             "VALUES (1, 'refer', '岳村镇人民政府', :s, :d, :x, 2, :e)"),
                     {"s": t(found), "d": t(datetime(2026, 3, 5, 15, 59, 59, tzinfo=timezone.utc)), "x": t(sent),
                      "e": int((sent - found).total_seconds())})
        if pg:  # the ids above were given by hand
            for table in ("cases", "events"):
                conn.execute(sa.text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))"))
    with old.engine.connect() as conn:
        assert not {"letter_counters", "done_counts"} & set(sa.inspect(conn).get_table_names())
    old.close()
    with Register(db_url, router=router, user="甲") as reg:
        assert current_revision(reg.db.engine) == "r0004"
        with reg.db.read() as s:
            from router.register.counts import differences, done_counts, event_counts
            assert differences(s.connection()) == []
            assert [(r.day, r.duty, r.on_time, r.hours, r.n) for r in s.execute(sa.select(done_counts))
                    if r.duty == "refer"] == [(20260304, "refer", 1, 48, 1)]
            assert {(r.day, r.kind): r.n for r in s.execute(sa.select(event_counts))} == {
                (20260302, "found"): 1, (20260304, "sent"): 1}
        figures = stats(reg, date(2026, 3, 1), date(2026, 3, 31)).bodies
        assert [(b["body"], b["referrals_sent"], b["referrals_on_time"], b["median_days_to_refer"]) for b in figures
                if b["referrals_sent"]] == [("岳村镇人民政府", 1, 1, 2.0)]
        meta = draft_case_letter(reg, "岳村镇〔2026〕第1号", "referral", tmp_path / "old.docx")
        assert meta.receivers == ("华龙区水利局",) and meta.number == f"________〔{today().year}〕1号"
        assert "2. 基本违法事实的书面材料" not in text_of(tmp_path / "old.docx")  # the letter itself is not listed
        assert "1. 基本违法事实的书面材料" in text_of(tmp_path / "old.docx")
        out = register_case(reg, {"matter": "SL-03", "place": "岳村镇", "reported_by": "岳村镇", "at": "2026-03-02T09:30"})
        first = draft_case_letter(reg, out.number, "referral", tmp_path / "a.docx")
        second = draft_case_letter(reg, out.number, "referral", tmp_path / "b.docx")
        assert first.number == f"________〔{today().year}〕2号" == second.number  # the same letter again
        assert show_case(reg, out.number)["documents"][1]["reissue_of"] == first.event
        assert check_register(reg).ok
        with reg.db.write() as s:  # a number given out without its letter: `register check` finds the gap
            s.execute(sa.update(LetterCounter).values(last=LetterCounter.last + 1))
        assert [p for p in check_register(reg).problems if "发文字号" in p] == [
            f"岳村镇人民政府 {today().year}年的发文字号不连续或重复：计数器为 3，文书序号为 1、2"]
