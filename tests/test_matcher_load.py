"""Matcher.load builds a catalog's matcher once per content: a copy of the catalog in another folder
gets the matcher already built, at its own path, its models read from beside that path."""
from __future__ import annotations

import shutil
from pathlib import Path

from router.matching import matcher as m
from router.matching.learned import COMPETENT_FILE, FILE_NAME, OUTSIDE_FILE

CATALOG = Path(__file__).resolve().parents[1] / "catalog"
MODELS = (FILE_NAME, OUTSIDE_FILE, COMPETENT_FILE)


def _copy(folder: Path, models: bool = True) -> Path:
    folder.mkdir()
    shutil.copy(CATALOG / "matching.yaml", folder)
    if models:
        for name in MODELS:
            shutil.copy(CATALOG / name, folder)
    return folder / "matching.yaml"


def _matters(catalog) -> dict[str, str]:
    return {mt.id: mt.name for mt in catalog.matters.values()}


def test_a_copy_elsewhere_gets_the_built_matcher_at_its_own_path(tmp_path, catalog, monkeypatch):
    monkeypatch.setattr(m, "_BUILT", {})
    built = []
    real = m._Loader.load
    monkeypatch.setattr(m._Loader, "load", lambda self, data: built.append(1) or real(self, data))
    first = m.Matcher.load(_copy(tmp_path / "a"), _matters(catalog))
    second = m.Matcher.load(_copy(tmp_path / "b"), _matters(catalog))
    assert len(built) == 1                      # compiled once
    assert second is not first
    # a copy of what was built, as built (not packed as for the start-up cache)
    assert {k: v for k, v in vars(second).items() if k != "path"} == \
        {k: v for k, v in vars(first).items() if k != "path"}
    assert first.path == str(tmp_path / "a" / "matching.yaml")
    assert second.path == str(tmp_path / "b" / "matching.yaml")
    again = m.Matcher.load(tmp_path / "b" / "matching.yaml", _matters(catalog))
    assert len(built) == 1 and again.path == second.path
    # the models are read from beside the copy's own path: the first folder may be gone
    first.learned_model()
    shutil.rmtree(tmp_path / "a")
    assert second.learned_model() is not None and second.outside_model() is not None
    text = "村里有人在耕地上盖房子"
    assert second.match(text) == first.match(text)


def test_other_bytes_or_other_models_are_built_again(tmp_path, catalog, monkeypatch):
    monkeypatch.setattr(m, "_BUILT", {})
    built = []
    real = m._Loader.load
    monkeypatch.setattr(m._Loader, "load", lambda self, data: built.append(1) or real(self, data))
    m.Matcher.load(_copy(tmp_path / "a"), _matters(catalog))
    # the same matching.yaml without models beside it: built again (its results differ)
    bare = m.Matcher.load(_copy(tmp_path / "b", models=False), _matters(catalog))
    assert len(built) == 2 and bare.learned_model() is None
    edited = _copy(tmp_path / "c")
    edited.write_text(edited.read_text(encoding="utf-8") + "\n# 改过\n", encoding="utf-8")
    m.Matcher.load(edited, _matters(catalog))
    assert len(built) == 3
    # other legal bases for the same matters: built again
    m.Matcher.load(tmp_path / "a" / "matching.yaml", _matters(catalog), {"GH-01": "《河南省城乡规划条例》"})
    assert len(built) == 4
