"""The catalog as shipped, and the strict loader on deliberately broken copies of it."""
import shutil
from datetime import date
from pathlib import Path

import pytest
import yaml

from router.catalog.load import load_catalog
from router.files.locations import shipped
from router.model.errors import CatalogError, InputError

DEFAULT_ROOT = shipped("catalog")

BROKEN = sorted((Path(__file__).parent / "broken" / "catalog").glob("*.yaml"))
REFERENCE = Path(__file__).resolve().parents[2] / "shared" / "reference"


def test_shipped_catalog_has_every_reference_matter(catalog):
    assert len(catalog.matters) == 47
    assert len(catalog.townships) == 13
    assert {b.id for b in catalog.batches} == {"HL-2023", "HN-2025-TOWNSHIPS", "HN-2025-STREETS"}


@pytest.mark.skipif(not (REFERENCE / "matters.yaml").exists(), reason="shared/reference not beside the repo")
def test_catalog_keeps_reference_ids_flags_and_departments(catalog):
    ref = yaml.safe_load((REFERENCE / "matters.yaml").read_text(encoding="utf-8"))["matters"]
    for m in ref:
        ours = catalog.matters[m["id"]]
        assert ours.name == m["name"]
        assert ours.listed == m["listed"] and ours.basis_checked == m["basis_checked"]
        assert ours.legal_basis == m["legal_basis"]
        assert (ours.statutory == "township") == bool(m.get("statutory_township_power"))
        if not m.get("statutory_township_power"):
            assert ours.department == m["department"]
    dele = yaml.safe_load((REFERENCE / "delegations.yaml").read_text(encoding="utf-8"))["batches"]
    for b in dele:
        ours = next(x for x in catalog.batches if x.id == b["id"])
        assert list(ours.matters) == b["matters"] and list(ours.bodies) == b["bodies"]
        assert ours.effective == date.fromisoformat(str(b["effective"]))


@pytest.mark.parametrize("day,holder", [
    ("2023-05-31", "华龙区城市管理局"), ("2023-06-01", "岳村镇人民政府"),
    ("2025-12-31", "岳村镇人民政府"), ("2026-01-01", "华龙区城市管理局"),
])
def test_sr05_in_a_town_on_both_sides_of_each_batch_date(router, catalog, day, holder):
    assert router.jurisdiction.holder_on(catalog, "SR-05", catalog.townships["岳村镇"], date.fromisoformat(day)).body == holder


@pytest.mark.parametrize("day,holder", [
    ("2025-12-31", "华龙区消防救援大队"), ("2026-01-01", "中原路街道办事处"),
])
def test_street_gains_fire_matters_on_2026_01_01(router, catalog, day, holder):
    assert router.jurisdiction.holder_on(catalog, "XF-01", catalog.townships["中原路街道"], date.fromisoformat(day)).body == holder


def test_carried_over_matter_stays_with_township_across_the_change(router, catalog):
    t = catalog.townships["孟轲乡"]
    for day in ("2025-12-31", "2026-01-01"):
        h = router.jurisdiction.holder_on(catalog, "JT-03", t, date.fromisoformat(day))
        assert (h.body, h.basis) == ("孟轲乡人民政府", "delegated")


@pytest.mark.parametrize("typed,name,internal", [
    ("岳村镇综合行政执法大队", "岳村镇人民政府", True),
    ("中原办", "中原路街道办事处", False),
    ("城管局执法中队", "华龙区城市管理局", True),
    ("消防", "华龙区消防救援大队", False),
])
def test_reporter_names_map_to_the_legal_body(catalog, typed, name, internal):
    r = catalog.resolve_reporter(typed)
    assert r.name == name and (r.internal_unit is not None) == internal


def test_unknown_place_suggests_the_close_name(catalog):
    with pytest.raises(InputError) as exc:
        catalog.resolve_place("岳树镇")
    assert "岳树镇" in str(exc.value) and "岳村镇" in str(exc.value)


@pytest.mark.parametrize("case", BROKEN, ids=[p.stem for p in BROKEN])
def test_broken_catalog_is_reported_with_file_entry_and_key(tmp_path, case):
    spec = yaml.safe_load(case.read_text(encoding="utf-8"))
    root = tmp_path / "catalog"
    shutil.copytree(DEFAULT_ROOT, root)
    target = root / spec["file"]
    text = target.read_text(encoding="utf-8")
    old, new = spec["replace"]
    assert old in text, f"{case.name}: the text to replace is not in {spec['file']}"
    target.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(CatalogError) as exc:
        load_catalog(root)
    want = spec["expect"]
    hits = [p for p in exc.value.problems
            if p.file.endswith(want["file"]) and want["message"] in p.message
            and ("entry" not in want or (p.entry or "").find(want["entry"]) >= 0)
            and ("key" not in want or want["key"] is None or p.key == want["key"])]
    assert hits, f"{case.stem}: expected {want}, got:\n" + "\n".join(map(str, exc.value.problems))


def test_all_problems_are_reported_at_once(tmp_path):
    root = tmp_path / "catalog"
    shutil.copytree(DEFAULT_ROOT, root)
    m = root / "matters.yaml"
    m.write_text(m.read_text(encoding="utf-8").replace("listed: confirmed", "listed: maybe"), encoding="utf-8")
    with pytest.raises(CatalogError) as exc:
        load_catalog(root)
    assert len(exc.value.problems) >= 10  # every confirmed matter, not just the first
