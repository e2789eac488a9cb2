"""kill -9 at a random moment of a catalog import or a holiday-year write never corrupts the
catalog: afterwards it is exactly the old one or exactly the new one, and it loads."""
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from router.catalog.load import load_catalog
from router.files.atomic import LOCK_NAME
from router.files.locations import shipped

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "data"))
import zhifa_samples as samples  # noqa: E402

DEFAULT_ROOT = shipped("catalog")


def _snapshot(folder: Path) -> dict[str, bytes]:
    """The catalog's files (the writers' lock file, left empty by a killed writer, is not one)."""
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file() and p.name != LOCK_NAME}


def _kill_at_random(cmd: list[str], delay: float) -> int:
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        # A process that ends before the moment chosen is not killed (as with a kill sent after its
        # end); the test does not sleep out the rest of the delay.
        return proc.wait(timeout=delay)
    except subprocess.TimeoutExpired:
        pass
    proc.send_signal(signal.SIGKILL)
    return proc.wait()


IMPORT = [sys.executable, "-m", "cli", "catalog", "import", "--supersede", "--matching-stubs"]


@pytest.fixture(scope="module")
def complete_import(tmp_path_factory) -> tuple[Path, dict[str, bytes], dict[str, bytes], float]:
    """The sheet, the catalog before and after a complete import of it (a real process, as the
    killed ones) and how long that took, learnt once: every seed kills the same import at a
    different moment within that time."""
    work = tmp_path_factory.mktemp("complete")
    sheet = samples.official_2027(work / "t.xlsx")
    done = work / "done"
    shutil.copytree(DEFAULT_ROOT, done)
    before = _snapshot(done)
    started = time.perf_counter()
    full = subprocess.run(IMPORT + [str(sheet), "--catalog", str(done)], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)
    took = time.perf_counter() - started
    assert full.returncode == 0, full.stderr
    after = _snapshot(done)
    assert after != before
    return sheet, before, after, took


@pytest.mark.parametrize("seed", range(6))
def test_import_killed_at_a_random_moment(tmp_path, seed, complete_import):
    rng = random.Random(seed)
    sheet, before, after, took = complete_import
    root = tmp_path / "catalog"
    shutil.copytree(DEFAULT_ROOT, root)
    assert _snapshot(root) == before
    # a moment within the measured length of a whole import (up to its end, when the files are
    # written), so that the kill lands while the import runs (before, seeds drawn after its end
    # killed nothing)
    _kill_at_random(IMPORT + [str(sheet), "--catalog", str(root)], rng.uniform(0.1, took * 0.95))
    now = _snapshot(root)
    assert now in (before, after), "the catalog is neither the old one nor the new one"
    load_catalog(root, check_extras=True)


@pytest.mark.parametrize("seed", range(4))
def test_calendar_add_killed_at_a_random_moment(tmp_path, seed):
    rng = random.Random(100 + seed)
    root = tmp_path / "catalog"
    shutil.copytree(DEFAULT_ROOT, root)
    cmd = [sys.executable, "-m", "cli", "calendar", "add", "2027", "--catalog", str(root),
           "--title", "测试用的2027年安排（虚构）", "--published", "2026-11-01",
           "--holiday", "元旦=2027-01-01..2027-01-03"]
    _kill_at_random(cmd, rng.uniform(0.05, 1.5))
    target = root / "calendar" / "2027.yaml"
    if target.exists():
        load_catalog(root, check_extras=True)  # a complete, valid file or none at all
        assert "2027-01-03" in target.read_text(encoding="utf-8")
    # kill -9 between writing the temporary file and renaming it leaves that file (nothing can
    # clean up after kill -9); it is not part of the catalog (loaded above), and the next writer
    # of the same file removes it
    left = list((root / "calendar").glob("*.tmp*"))
    if left:
        again = subprocess.run(cmd + ["--replace"], cwd=ROOT, capture_output=True, text=True,
                               timeout=120)
        assert again.returncode == 0, again.stderr
        assert not list((root / "calendar").glob("*.tmp*"))


def _dead_pid() -> str:
    """The pid of a process that has ended."""
    return subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True).stdout.strip()


def test_a_writer_removes_temporary_files_of_a_dead_writer(tmp_path):
    from router.files.atomic import write_text
    target = tmp_path / "2027.yaml"
    dead = _dead_pid()
    stale = tmp_path / f".2027.yaml.{dead}.0badc0de.tmp"
    stale.write_text("half", encoding="utf-8")
    alive = tmp_path / f".2027.yaml.{os.getppid()}.0badc0de.tmp"  # a live writer's: kept
    alive.write_text("being written", encoding="utf-8")
    other = tmp_path / f".2028.yaml.{dead}.0badc0de.tmp"  # another file's: not this writer's
    other.write_text("x", encoding="utf-8")
    write_text(target, "year: 2027\n")
    assert target.read_text(encoding="utf-8") == "year: 2027\n"
    assert not stale.exists()
    assert alive.exists() and other.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["2027.yaml", alive.name, other.name])


def test_a_batch_written_to_a_spreadsheet_removes_its_killed_predecessor_s_temporary_file(tmp_path):
    """A batch's .csv / .xlsx output is renamed into place from a temporary file of the same
    kind (atomic.temp_path): one left by a killed run is removed by the next."""
    from router.decide.batch import run_batch
    src = tmp_path / "in.jsonl"
    src.write_text('{"text": "楼道里给电动车充电", "place": "孟轲乡", "reported_by": "华龙区消防救援大队", '
                   '"at": "2026-09-30T16:20"}\n', encoding="utf-8")
    stale = tmp_path / f".out.csv.{_dead_pid()}.0badc0de.tmp"
    stale.write_text("half", encoding="utf-8")
    summary = run_batch(str(src), str(tmp_path / "out.csv"))
    assert summary.total == 1 and (tmp_path / "out.csv").exists()
    assert not stale.exists()
