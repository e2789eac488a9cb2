"""Numbering, append-only events, corrections, exactly-once registration, duties and check."""
from __future__ import annotations

from datetime import datetime

import pytest
import sqlalchemy as sa

from router.model.errors import InputError
from router.register.check import check_register
from router.register.models import AppendOnlyError, Event
from router.model.clock import CST
from router.register.services import add_event, register_case, show_case

CASE = {"matter": "JT-03", "place": "孟轲乡", "reported_by": "交通运输局", "at": "2026-09-30T16:20"}


def test_numbers_per_body_and_year_are_gapless(reg):
    numbers = [register_case(reg, dict(CASE)).number for _ in range(3)]
    numbers.append(register_case(reg, dict(CASE, at="2027-01-04T09:00")).number)
    numbers.append(register_case(reg, dict(CASE, reported_by="孟轲乡")).number)
    assert numbers == ["交通运输局〔2026〕第1号", "交通运输局〔2026〕第2号", "交通运输局〔2026〕第3号",
                       "交通运输局〔2027〕第1号", "孟轲乡〔2026〕第1号"]
    assert check_register(reg).ok


def test_number_format_is_configurable_and_checked(db_url, router):
    from router.register.register import Register
    r = Register(db_url, router=router, number_format="{short}{year}-{seq}")
    assert register_case(r, dict(CASE)).number == "交通运输局2026-1"
    r.close()
    with pytest.raises(InputError, match="未知占位符 {n}"):
        Register(db_url, router=router, number_format="{short}{n}")
    with pytest.raises(InputError, match="缺少序号"):
        Register(db_url, router=router, number_format="{short}{year}")


def test_bad_case_is_not_registered_and_uses_no_number(reg):
    with pytest.raises(InputError, match="未知的发生地“火星”"):
        register_case(reg, dict(CASE, place="火星"))
    assert register_case(reg, dict(CASE)).number.endswith("第1号")


def test_external_id_registers_once(reg):
    first = register_case(reg, dict(CASE, id="12345-1"), external_id="12345-1", source="12345")
    again = register_case(reg, dict(CASE, id="12345-1"), external_id="12345-1", source="12345")
    other = register_case(reg, dict(CASE, id="12345-1"), external_id="12345-1", source="台账")
    assert (again.number, again.existing) == (first.number, True)
    assert other.number != first.number and not other.existing


def test_events_are_append_only_in_code_and_in_the_database(reg):
    number = register_case(reg, dict(CASE)).number
    add_event(reg, number, "sent", by="交通运输局", at="2026-10-09T10:00")
    with pytest.raises(AppendOnlyError):
        with reg.db.write() as s:
            s.execute(sa.select(Event)).scalars().first().note = "改写"
    with pytest.raises(AppendOnlyError):
        with reg.db.write() as s:
            s.delete(s.execute(sa.select(Event)).scalars().first())
    for sql in ("UPDATE events SET note = 'x'", "DELETE FROM events"):
        with pytest.raises(sa.exc.DBAPIError, match="不得修改或删除"):
            with reg.db.write() as s:
                s.execute(sa.text(sql))
    with reg.db.read() as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(Event)) == 2


def test_correction_supersedes_and_both_are_kept(reg):
    number = register_case(reg, dict(CASE)).number
    wrong = add_event(reg, number, "sent", by="交通运输局", at="2026-10-12T10:00")["event"]["id"]
    view = show_case(reg, number, at=datetime(2026, 10, 20, tzinfo=CST))
    refer = [d for d in view["done"] if d["duty"] == "refer"][0]
    assert refer["overdue"]  # sent after the 10-10 deadline
    add_event(reg, number, "sent", by="交通运输局", at="2026-10-09T10:00", supersedes=wrong, note="时间录错")
    view = show_case(reg, number, at=datetime(2026, 10, 20, tzinfo=CST))
    refer = [d for d in view["done"] if d["duty"] == "refer"][0]
    assert not refer["overdue"] and refer["done_at"] == "2026-10-09T10:00:00+08:00"
    assert [e["superseded_by"] is not None for e in view["events"]] == [False, False, True]
    with pytest.raises(InputError, match=f"事件 {wrong} 已被事件"):
        add_event(reg, number, "sent", by="交通运输局", at="2026-10-09T11:00", supersedes=wrong)
    assert check_register(reg).ok


@pytest.mark.parametrize("kwargs,needle", [
    ({"kind": "bogus"}, "未知的事件类型“bogus”。可用：found"),
    ({"kind": "refused"}, "须用 --reason 写明理由"),
    ({"kind": "sent", "by": "城管科"}, "未知的上报单位“城管科”"),
    ({"kind": "sent", "at": "2026-09-01T10:00"}, "早于案件发现时间"),
    ({"kind": "sent", "at": "2099-01-01T10:00"}, "晚于现在"),
    ({"kind": "sent", "supersedes": 999}, "不是案件"),
    ({"kind": "sent", "number": "岳村镇〔2026〕第99号"}, "未找到案件“岳村镇〔2026〕第99号”"),
])
def test_event_errors_name_the_value(reg, kwargs, needle):
    number = register_case(reg, dict(CASE)).number
    args = {"number": number, "by": "交通运输局", "at": "2026-10-01T10:00"} | kwargs
    with pytest.raises(InputError, match=needle.replace("(", r"\(")):
        add_event(reg, args.pop("number"), args.pop("kind"), **args)


def test_check_finds_gaps_and_tampered_duties(reg):
    number = register_case(reg, dict(CASE)).number
    register_case(reg, dict(CASE))
    assert check_register(reg).ok
    with reg.db.write() as s:
        s.execute(sa.text("UPDATE duties SET deadline = NULL"))
        s.execute(sa.text("UPDATE counters SET last = 5"))
    problems = "\n".join(check_register(reg).problems)
    assert f"案件“{number}”保存的义务与按事件重新计算的结果不一致" in problems
    assert "编号计数器为 5，最大序号为 2" in problems


def test_holiday_count_matches_route(reg):
    # Found 2026-09-30: 10-01..07 National Day off, 10-08, 10-09 count, 10-10 (Saturday) is a
    # make-up working day: due 10-10 23:59:59 — as `zhifa route` says.
    out = register_case(reg, dict(CASE))
    view = show_case(reg, out.number, at=datetime(2026, 10, 11, tzinfo=CST))
    refer = [d for d in view["duties"] if d["duty"] == "refer"][0]
    assert refer["deadline"] == out.result["decisions"][0]["referral"]["deadline"] == "2026-10-10T23:59:59+08:00"
    assert refer["overdue"] and refer["escalation"]["cite"][-1].endswith("五.4")


def test_only_the_district_government_decides_a_dispute_put_to_it(reg):
    n = register_case(reg, {"text": "国道边上摆摊卖西瓜", "place": "孟轲乡", "reported_by": "华龙区交通运输局",
                            "at": "2026-06-01T09:00"}).number
    add_event(reg, n, "sent", by="交通运输局", at="2026-06-01T10:00")
    add_event(reg, n, "returned", by="孟轲乡", at="2026-06-02T10:00", reason="认为不属下放事项")
    decision = "决定由孟轲乡人民政府管辖"
    with pytest.raises(InputError, match="尚未登记“提请华龙区人民政府决定管辖争议”"):
        add_event(reg, n, "dispute_decided", by="区政府", at="2026-06-03T10:00", note=decision)
    add_event(reg, n, "disputed", by="交通运输局", at="2026-06-05T09:00", note="协商不成")
    with pytest.raises(InputError, match="只能由华龙区人民政府登记"):
        add_event(reg, n, "dispute_decided", by="孟轲乡", at="2026-06-08T10:00", note=decision)
    with pytest.raises(InputError, match="须用 --note 写明决定内容"):
        add_event(reg, n, "dispute_decided", by="区政府", at="2026-06-08T10:00")
    with pytest.raises(InputError, match="早于提请时间"):
        add_event(reg, n, "dispute_decided", by="区政府", at="2026-06-04T10:00", note=decision)
    out = add_event(reg, n, "dispute_decided", by="区政府", at="2026-06-08T10:00", note=decision)
    assert out["event"]["body"] == "华龙区人民政府" and out["event"]["kind"] == "dispute_decided"
    assert [e["kind"] for e in show_case(reg, n)["events"]][-1] == "dispute_decided"
    assert check_register(reg).ok
