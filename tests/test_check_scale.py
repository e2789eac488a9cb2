"""`zhifa catalog check` on a large generated catalog (bench/scale.py: 2,000 matters, 200 batches,
matching knowledge in the same format): it completes, finds the overlaps through the cue index,
and the terminal shows each kind of notice as a count and examples.

The province scale (5,000 matters, 500 batches) and how long it takes are measured by
bench/run.py (section 5, target ≤ 5 s), not here: the project keeps speed figures in the
benchmark, not in timed tests. 2,000 matters take the same paths (thousands of notices, several
kinds with more than the 15 a summary lists in full) at a third of the time.

Generating the catalog and checking it take seconds each: the module fixtures build both once
(pyproject.toml sets --dist loadscope, so one xdist worker runs the whole module)."""
from __future__ import annotations

import importlib.util
from collections import Counter
from pathlib import Path

import pytest
import yaml

from cli import EXIT_OK, main
from router.catalog.load import load_catalog
from router.files import yamlio
from router.files.locations import shipped
from router.policy.lint import check_catalog, matching_overlaps

DEFAULT_ROOT = shipped("catalog")

ROOT = Path(__file__).resolve().parents[1]
needs_libyaml = pytest.mark.skipif(not getattr(yaml, "__with_libyaml__", False),
                                   reason="the speed needs PyYAML built with libyaml")


@pytest.fixture(scope="module")
def scale_root(tmp_path_factory) -> Path:
    spec = importlib.util.spec_from_file_location("bench_scale", ROOT / "bench" / "scale.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    root = tmp_path_factory.mktemp("scale") / "catalog"
    info = module.generate(root, DEFAULT_ROOT, 2000, 200)
    assert info["matters"] == 2000 and info["batches"] == 200
    return root


@pytest.fixture(scope="module")
def scale_report(scale_root):
    return check_catalog(scale_root, fixtures_dir=ROOT / "tests" / "cases")  # as the CLI, run from ROOT


@needs_libyaml
def test_scale_catalog_is_checked(scale_report):
    assert scale_report.ok and len(scale_report.notices) > 5_000
    kinds = Counter(scale_report.kind_of[p] for p in scale_report.notices)
    assert sum(1 for n in kinds.values() if n > 15) >= 2, kinds


def test_overlaps_of_2000_matters_are_found_through_the_index(scale_root):
    catalog = load_catalog(scale_root)
    yamlio._PARSED.clear()  # include parsing matching.yaml, as when the matcher was not loaded
    notes = matching_overlaps(catalog)
    assert len(notes) > 3_000


def test_scale_terminal_output_is_a_summary_and_all_lists_every_notice(scale_root, scale_report, capsys):
    assert main(["catalog", "check", "--catalog", str(scale_root)]) == EXIT_OK
    out = capsys.readouterr().out
    assert len(out.splitlines()) < 120
    assert "未列出" in out and "--all" in out and "目录和规则检查通过" in out
    assert f"另有 {len(scale_report.notices)} 条提示" in out.replace("\n", "")
    assert main(["catalog", "check", "--catalog", str(scale_root), "--all"]) == EXIT_OK
    full = capsys.readouterr().out
    assert sum(1 for line in full.splitlines() if line.lstrip().startswith("提示 /")) == len(scale_report.notices)
