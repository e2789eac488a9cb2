"""Case numbers per registering body and year, gapless, allocated inside the registering
transaction: an upsert that increments the counter row and returns the new value (the row
stays locked until commit on PostgreSQL; on SQLite the whole write transaction holds the lock
from BEGIN IMMEDIATE). A rolled-back registration gives its numbers back.
"""
from __future__ import annotations

import string

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from .models import Counter
from .routing import InputError

DEFAULT_FORMAT = "{short}〔{year}〕第{seq}号"
FIELDS = {"short": "简称（乡镇街道名，部门去掉“华龙区”）", "body": "机关全称", "year": "年份", "seq": "序号"}
DISTRICT_PREFIX = "华龙区"


def check_format(fmt: str) -> str:
    """The number format, or an InputError naming the bad placeholder and the accepted ones."""
    accepted = "、".join(f"{{{k}}}（{v}）" for k, v in FIELDS.items())
    try:
        names = [f for _, f, _, _ in string.Formatter().parse(fmt) if f is not None]
    except ValueError:
        raise InputError(f"案件编号格式“{fmt}”无效（花括号不成对）；可用占位符：{accepted}",
                         field="number_format", value=fmt) from None
    bad = [n for n in names if n not in FIELDS]
    if bad:
        raise InputError(f"案件编号格式“{fmt}”含未知占位符 {{{bad[0]}}}；可用：{accepted}",
                         field="number_format", value=fmt)
    if "seq" not in names:
        raise InputError(f"案件编号格式“{fmt}”缺少序号 {{seq}}：编号须按单位和年份连续且唯一；可用：{accepted}",
                         field="number_format", value=fmt)
    if "year" not in names:
        raise InputError(f"案件编号格式“{fmt}”缺少年份 {{year}}：序号每年从 1 开始；可用：{accepted}",
                         field="number_format", value=fmt)
    return fmt


def short_name(body: str, township_of: dict[str, str]) -> str:
    """岳村镇人民政府 → 岳村镇; 华龙区城市管理局 → 城市管理局."""
    if body in township_of:
        return township_of[body]
    return body[len(DISTRICT_PREFIX):] if body.startswith(DISTRICT_PREFIX) and len(body) > 3 else body


def allocate(session: Session, body: str, year: int, count: int = 1) -> int:
    """Reserve `count` consecutive numbers for body/year; returns the first."""
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    stmt = insert(Counter).values(body=body, year=year, last=count)
    stmt = stmt.on_conflict_do_update(index_elements=[Counter.body, Counter.year],
                                      set_={"last": Counter.last + count}).returning(Counter.last)
    last = session.execute(stmt).scalar_one()
    return last - count + 1
