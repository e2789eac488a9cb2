"""Batch registration with routing in worker processes: the same numbers in the same order as
one process gives, bad rows reported, and a re-run registers nothing twice."""
from __future__ import annotations

import json

from router.register.batch import register_batch
from router.register.check import check_register
from router.register.register import Register


def _file(tmp_path, n: int):
    rows = [{"id": f"GD-{i}", "text": "国道边上摆摊卖西瓜，占了半条道", "place": "孟轲乡",
             "reported_by": "交通运输局" if i % 3 else "岳村镇", "at": f"2026-03-{2 + i % 20:02d}T09:30"}
            for i in range(n)]
    rows[7] = {"id": "GD-7", "text": "摆摊", "place": "火星", "reported_by": "交通运输局"}
    path = tmp_path / "hotline.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    return path


def test_workers_register_like_one_process(db_url, router, tmp_path):
    path = _file(tmp_path, 60)
    one = tmp_path / "one.sqlite3"
    with Register(str(one), router=router, user="甲") as reg:
        single = []
        register_batch(reg, str(path), source="12345", chunk=16, on_row=lambda o: single.append(o.brief()))
    with Register(db_url, router=router, user="甲") as reg:
        rows = []
        summary = register_batch(reg, str(path), source="12345", chunk=16, workers=2, on_row=lambda o: rows.append(o.brief()))
        assert (summary.registered, summary.failed) == (59, 1) and "未知的发生地“火星”" in summary.errors[0][1]
        assert rows == single  # same numbers, same order, same errors
        again = register_batch(reg, str(path), source="12345", chunk=16, workers=2)
        assert (again.registered, again.existing, again.failed) == (0, 59, 1)
        assert check_register(reg).ok
