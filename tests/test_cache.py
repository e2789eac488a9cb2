"""The start-up cache never serves a stale catalog."""
import shutil

from router.files import cache
from router.files.locations import shipped

DEFAULT_ROOT = shipped("catalog")



def test_cache_is_used_and_invalidated_by_an_edit(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.ENV_DIR, str(tmp_path / "cache"))
    monkeypatch.delenv(cache.ENV_OFF, raising=False)
    root = tmp_path / "catalog"
    shutil.copytree(DEFAULT_ROOT, root)
    first, _ = cache.load_state(root)
    files = list((tmp_path / "cache").glob("state-*.pickle"))
    assert len(files) == 1
    again, _ = cache.load_state(root)
    assert again.matters["JT-01"].name == first.matters["JT-01"].name
    m = root / "matters.yaml"
    m.write_text(m.read_text(encoding="utf-8").replace(
        "对擅自占用、挖掘公路（含乡道、村道）的行政处罚", "改过的名称"), encoding="utf-8")
    edited, _ = cache.load_state(root)
    assert edited.matters["JT-01"].name == "改过的名称"
    assert len(list((tmp_path / "cache").glob("state-*.pickle"))) == 1  # the stale one is gone


def test_a_corrupt_cache_file_is_ignored(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.ENV_DIR, str(tmp_path / "cache"))
    monkeypatch.delenv(cache.ENV_OFF, raising=False)
    root = tmp_path / "catalog"
    shutil.copytree(DEFAULT_ROOT, root)
    cache.load_state(root)
    (path,) = (tmp_path / "cache").glob("state-*.pickle")
    path.write_bytes(b"not a pickle")
    catalog, rules = cache.load_state(root)
    assert len(catalog.matters) == 47 and rules


def test_a_cached_catalog_matches_like_a_built_one(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.ENV_DIR, str(tmp_path / "cache"))
    monkeypatch.delenv(cache.ENV_OFF, raising=False)
    root = tmp_path / "catalog"
    shutil.copytree(DEFAULT_ROOT, root)
    built, _ = cache.load_state(root)
    loaded, _ = cache.load_state(root)  # from the cache file
    for text in ("国道边上摆摊卖西瓜，占了半条道", "G106两处百米桩缺失", "晒了一路玉米", "楼道里一排电动车插着电"):
        assert loaded.matcher.match(text).to_json() == built.matcher.match(text).to_json()


def test_two_catalog_folders_keep_their_own_cache(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.ENV_DIR, str(tmp_path / "cache"))
    monkeypatch.delenv(cache.ENV_OFF, raising=False)
    a, b = tmp_path / "a", tmp_path / "b"
    shutil.copytree(DEFAULT_ROOT, a)
    shutil.copytree(DEFAULT_ROOT, b)
    cache.load_state(a)
    cache.load_state(b)
    assert len(list((tmp_path / "cache").glob("state-*.pickle"))) == 2
