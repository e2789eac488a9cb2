"""Several processes register cases and append events at once: no number or event is lost or
duplicated, shared ids are registered once; a process killed mid-write leaves the register
consistent (`register check`)."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import sqlalchemy as sa

from router.register.check import check_register
from router.register.models import Case, Event
from router.register.services import register_case

WORKER = Path(__file__).with_name("worker.py")
ROOT = Path(__file__).resolve().parents[2]
CASE = {"matter": "JT-03", "place": "孟轲乡", "reported_by": "交通运输局", "at": "2026-03-02T09:30"}
WORKERS, EACH = 4, 12


def _spawn(url: str, name: str, count: int, shared: str, *extra: str) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.Popen([sys.executable, str(WORKER), url, name, str(count), shared, *extra], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_concurrent_clerks_lose_and_duplicate_nothing(reg, db_url):
    shared = register_case(reg, dict(CASE)).number
    procs = [_spawn(db_url, f"w{i}", EACH, shared) for i in range(WORKERS)]
    for p in procs:
        _, err = p.communicate(timeout=240)
        assert p.returncode == 0, err
    per_worker_own = sum(1 for i in range(EACH) if i % 3)
    shared_ids = sum(1 for i in range(EACH) if i % 3 == 0)
    with reg.db.read() as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(Case)) == 1 + WORKERS * per_worker_own + shared_ids
        notes = s.execute(sa.select(Event.note).where(Event.kind == "document")).scalars().all()
    assert sorted(notes) == sorted(f"w{w}-{i}" for w in range(WORKERS) for i in range(EACH))
    report = check_register(reg)
    assert report.ok, report.problems


def test_killed_process_leaves_register_consistent(reg, db_url):
    shared = register_case(reg, dict(CASE)).number
    proc = _spawn(db_url, "victim", 0, shared, "--forever")
    for _ in range(5):  # let it commit a few cases, then kill it mid-stream
        assert proc.stdout.readline(), proc.stderr.read()
    time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    proc.stdout.close()
    proc.stderr.close()
    report = check_register(reg)
    assert report.ok, report.problems
    assert report.cases >= 6
    # and the register still takes work: every case is 交通运输局's of 2026, so the next number
    # follows the last one without a gap
    assert register_case(reg, dict(CASE)).number == f"交通运输局〔2026〕第{report.cases + 1}号"
    assert check_register(reg).ok
