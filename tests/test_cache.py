"""The start-up cache never serves a stale catalog and never runs code from a file."""
import os
import pickle
import shutil
import stat

import pytest

from router.files import cache
from router.files.locations import shipped

DEFAULT_ROOT = shipped("catalog")
_REAL_BUILD = cache.build


def _files(folder, pattern):
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.glob(pattern)) if p.is_file()}


@pytest.fixture(scope="module")
def _shipped_state():
    """The shipped catalog and rules built once for this file, as a pickle, and the files they
    were built from."""
    rules = cache.locations.rules_root(None)
    return (pickle.dumps(_REAL_BUILD(DEFAULT_ROOT, rules)), _files(DEFAULT_ROOT, cache._PATTERNS[0]), rules)


@pytest.fixture(autouse=True)
def _one_build_of_the_shipped_catalog(_shipped_state, monkeypatch):
    """A copy of the shipped catalog is built once per file, not once per call: `cache.build` of a
    folder whose files are byte for byte the shipped ones (and the shipped rules) gives a fresh
    copy of that one state (its delegation index made again, as a build makes it). Any other
    folder (an edited copy) is built for real. These tests are about the cache file, its key and
    who may write it; building the catalog from YAML is tested elsewhere (tests/test_catalog.py)."""
    data, files, rules = _shipped_state

    def build(root, rules_dir):
        if rules_dir != rules or _files(root, cache._PATTERNS[0]) != files:
            return _REAL_BUILD(root, rules_dir)
        catalog, rule_list = pickle.loads(data)
        catalog.delegations                     # noqa: B018 (a build makes the index)
        return catalog, rule_list

    monkeypatch.setattr(cache, "build", build)


def _real_build(monkeypatch):
    """`cache.build` as shipped, for a test about what the build itself reads."""
    monkeypatch.setattr(cache, "build", _REAL_BUILD)


def _catalog_copy(tmp_path, monkeypatch):
    """A copy of the shipped catalog, cached in a folder of this test's own (the cache on)."""
    monkeypatch.setenv(cache.ENV_DIR, str(tmp_path / "cache"))
    monkeypatch.delenv(cache.ENV_OFF, raising=False)
    root = tmp_path / "catalog"
    shutil.copytree(DEFAULT_ROOT, root)
    return root



def test_cache_is_used_and_invalidated_by_an_edit(tmp_path, monkeypatch):
    root = _catalog_copy(tmp_path, monkeypatch)
    first, _ = cache.load_state(root)
    files = list((tmp_path / "cache").glob("state-*.pickle"))
    assert len(files) == 1
    again, _ = cache.load_state(root)
    assert again.matters["JT-01"].name == first.matters["JT-01"].name
    # every matter and batch restored field by field (router/model/pickling.py), none shifted
    assert again.matters == first.matters and again.batches == first.batches
    m = root / "matters.yaml"
    m.write_text(m.read_text(encoding="utf-8").replace(
        "对擅自占用、挖掘公路（含乡道、村道）的行政处罚", "改过的名称"), encoding="utf-8")
    edited, _ = cache.load_state(root)
    assert edited.matters["JT-01"].name == "改过的名称"
    assert len(list((tmp_path / "cache").glob("state-*.pickle"))) == 1  # the stale one is gone


def test_a_corrupt_cache_file_is_ignored(tmp_path, monkeypatch):
    root = _catalog_copy(tmp_path, monkeypatch)
    cache.load_state(root)
    (path,) = (tmp_path / "cache").glob("state-*.pickle")
    path.write_bytes(b"not a pickle")
    catalog, rules = cache.load_state(root)
    assert len(catalog.matters) == 47 and rules


def test_a_cached_catalog_matches_like_a_built_one(tmp_path, monkeypatch):
    root = _catalog_copy(tmp_path, monkeypatch)
    built, _ = cache.load_state(root)
    loaded, _ = cache.load_state(root)  # from the cache file
    for text in ("国道边上摆摊卖西瓜，占了半条道", "G106两处百米桩缺失", "晒了一路玉米", "楼道里一排电动车插着电"):
        assert loaded.matcher.match(text).to_json() == built.matcher.match(text).to_json()


def test_a_cached_catalog_finds_the_same_delegations(tmp_path, monkeypatch):
    """The (matter, township) index of batches is left out of the cache file and found again
    from the batches: every pair, on the days where batches start and end, as when built."""
    from datetime import timedelta
    _real_build(monkeypatch)         # (whether a build makes the index is part of what is tested)
    root = _catalog_copy(tmp_path, monkeypatch)
    built, _ = cache.load_state(root)
    loaded, _ = cache.load_state(root)  # from the cache file
    assert built._delegations and loaded._delegations is None
    days = {d + timedelta(k) for b in built.batches for d in (b.effective, b.ends) if d for k in (-1, 0)}
    pairs = 0
    for m in built.matters:
        for t in built.townships:
            assert loaded.delegations_of(m, t) == built.delegations_of(m, t)
            pairs += bool(built.delegations_of(m, t))
            for day in days:
                assert loaded.delegation_on(m, t, day) == built.delegation_on(m, t, day)
    assert pairs > 100
    assert loaded.delegations == built.delegations     # the whole index, made again on demand


def test_two_catalog_folders_keep_their_own_cache(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.ENV_DIR, str(tmp_path / "cache"))
    monkeypatch.delenv(cache.ENV_OFF, raising=False)
    a, b = tmp_path / "a", tmp_path / "b"
    shutil.copytree(DEFAULT_ROOT, a)
    shutil.copytree(DEFAULT_ROOT, b)
    cache.load_state(a)
    cache.load_state(b)
    assert len(list((tmp_path / "cache").glob("state-*.pickle"))) == 2


# ---- issue 13: a cache file never runs code; key and state from the same bytes --------------
class _Planted:
    """A pickle that runs a command when loaded (what another user could plant)."""

    def __init__(self, marker):
        self.marker = str(marker)

    def __reduce__(self):
        return (os.system, (f"touch {self.marker}",))


def _cached(tmp_path, monkeypatch, cache_folder=None):
    folder = cache_folder or tmp_path / "cache"
    monkeypatch.setenv(cache.ENV_DIR, str(folder))
    monkeypatch.delenv(cache.ENV_OFF, raising=False)
    root = tmp_path / "catalog"
    shutil.copytree(DEFAULT_ROOT, root)
    cache.load_state(root)
    (path,) = folder.glob("state-*.pickle")
    return root, folder, path


def _plant(path, marker, mode=0o644):
    path.unlink()
    path.write_bytes(pickle.dumps(_Planted(marker)))
    os.chmod(path, mode)


def test_the_cache_folder_is_created_private(tmp_path, monkeypatch):
    _, folder, path = _cached(tmp_path, monkeypatch)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(path.stat().st_mode) & 0o077 == 0


def test_a_file_planted_in_a_shared_cache_folder_is_never_loaded(tmp_path, monkeypatch):
    root, folder, path = _cached(tmp_path, monkeypatch)
    os.chmod(folder, 0o777)  # a shared folder: anyone could have put the file there
    marker = tmp_path / "ran"
    _plant(path, marker)
    catalog, rules = cache.load_state(root)
    assert not marker.exists()
    assert len(catalog.matters) == 47 and rules


@pytest.mark.parametrize("mode", [0o664, 0o646])
def test_a_cache_file_others_can_write_is_never_loaded(tmp_path, monkeypatch, mode):
    root, folder, path = _cached(tmp_path, monkeypatch)
    marker = tmp_path / "ran"
    _plant(path, marker, mode)
    cache.load_state(root)
    assert not marker.exists()


@pytest.mark.skipif(os.geteuid() != 0, reason="giving a file to another user needs root")
def test_a_cache_file_owned_by_another_user_is_never_loaded(tmp_path, monkeypatch):
    root, folder, path = _cached(tmp_path, monkeypatch)
    marker = tmp_path / "ran"
    _plant(path, marker, 0o600)
    os.chown(path, 65534, 65534)
    cache.load_state(root)
    assert not marker.exists()


def test_a_cache_folder_of_another_user_is_not_used(tmp_path, monkeypatch):
    root, folder, path = _cached(tmp_path, monkeypatch)
    marker = tmp_path / "ran"
    _plant(path, marker, 0o600)
    real = os.geteuid()
    monkeypatch.setattr(os, "geteuid", lambda: real + 1)  # the folder and file are someone else's
    cache.load_state(root)
    assert not marker.exists()


def test_even_our_own_private_file_cannot_name_a_function(tmp_path, monkeypatch):
    root, folder, path = _cached(tmp_path, monkeypatch)
    marker = tmp_path / "ran"
    _plant(path, marker, 0o600)  # passes the owner checks: the unpickler still refuses os.system
    catalog, _ = cache.load_state(root)
    assert not marker.exists() and len(catalog.matters) == 47
    (replaced,) = folder.glob("state-*.pickle")
    assert b"system" not in replaced.read_bytes()


def test_a_corrupt_cache_file_is_replaced_not_rebuilt_on_every_start(tmp_path, monkeypatch):
    root, folder, path = _cached(tmp_path, monkeypatch)
    path.write_bytes(b"not a pickle")
    cache.load_state(root)  # rebuilds, and stores the good state in place of the corrupt one
    builds = []
    real_build = cache.build
    monkeypatch.setattr(cache, "build", lambda *a: builds.append(1) or real_build(*a))
    catalog, _ = cache.load_state(root)
    assert builds == [] and len(catalog.matters) == 47


def test_an_edit_during_the_build_is_never_stored_under_the_old_key(tmp_path, monkeypatch):
    """The key and the state come from the same bytes: an edit made while the state is built
    (then reverted) never makes the cache serve the edited catalog for the original files."""
    root = _catalog_copy(tmp_path, monkeypatch)
    m = root / "matters.yaml"
    original = m.read_text(encoding="utf-8")
    name = "对擅自占用、挖掘公路（含乡道、村道）的行政处罚"
    real_load = cache.load_catalog

    def edit_then_load(*args, **kw):
        m.write_text(original.replace(name, "编辑中的名称"), encoding="utf-8")
        return real_load(*args, **kw)

    _real_build(monkeypatch)                     # (it reads the catalog through load_catalog)
    monkeypatch.setattr(cache, "load_catalog", edit_then_load)
    cache.load_state(root)
    monkeypatch.setattr(cache, "load_catalog", real_load)
    m.write_text(original, encoding="utf-8")  # the edit is reverted
    catalog, _ = cache.load_state(root)
    assert catalog.matters["JT-01"].name == name


def test_a_json_route_from_the_cache_imports_no_calendar_library_nor_rich(tmp_path):
    """The cache keeps what chinesecalendar and lunar-python said (the years covered, the next
    years' festival days), and `--json` prints no rich table: a second start imports none of
    them, nor PyYAML (it parses nothing), and its deadline over the year's end (2027:
    provisional) is the same as the first's."""
    import json
    import subprocess
    import sys
    from pathlib import Path
    code = ("import sys, cli\n"
            "try:\n    cli.main()\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in ('lunar_python', 'chinese_calendar', 'rich.console', 'rich.table', 'yaml')"
            " if m in sys.modules))")
    args = ["route", "国道边上摆摊卖西瓜", "--place", "孟轲乡", "--by", "华龙区交通运输局",
            "--at", "2026-12-30T10:00", "--json"]
    env = dict(os.environ, ZHIFA_CACHE_DIR=str(tmp_path / "cache"))
    env.pop(cache.ENV_OFF, None)
    runs = [subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                           cwd=Path(__file__).parents[1], env=env, check=True) for _ in range(2)]
    first, second = (r.stdout.rsplit("\n", 2)[0] for r in runs)
    assert json.loads(first) == json.loads(second)
    assert "推定" in first   # the count reaches 2027, which has no official arrangement
    assert runs[1].stdout.strip().splitlines()[-1] == "[]"


# ---- the file: a header, the state, and the pieces as blocks read when asked for ---------------
def _key_of(path):
    return path.name.split("-")[2].split(".")[0]


def _blocks_of(catalog):
    """The stored pieces of the cached matcher's word indexes (router/model/shards.py)."""
    from router.model.shards import StoredBlobs
    blobs = catalog.matcher.__dict__["_words"]._pieces._blobs
    assert isinstance(blobs, StoredBlobs)
    return blobs


def _counting(monkeypatch, name):
    """Calls of cache.`name` from now on, counted (the function itself still runs)."""
    calls = []
    real = getattr(cache, name)
    monkeypatch.setattr(cache, name, lambda *a: calls.append(1) or real(*a))
    return calls


def _counting_builds(monkeypatch):
    return _counting(monkeypatch, "build")


def test_a_cache_file_round_trip_reads_a_piece_only_when_asked(tmp_path, monkeypatch):
    root, folder, path = _cached(tmp_path, monkeypatch)
    data = path.read_bytes()
    assert data.startswith(cache.MAGIC) and bytes.fromhex(_key_of(path)) in data[:64]
    reads = []
    real_read = cache._Blocks.read
    monkeypatch.setattr(cache._Blocks, "read", lambda self, i: reads.append(i) or real_read(self, i))
    builds = _counting_builds(monkeypatch)
    loaded, rules = cache.load_state(root)
    assert builds == [] and rules and reads == []          # the state read, not one piece yet
    built = cache.build(root, cache.locations.rules_root(None))[0]
    text = "国道边上摆摊卖西瓜，占了半条道"
    assert loaded.matcher.match(text).to_json() == built.matcher.match(text).to_json()
    assert 0 < len(set(reads)) < _blocks_of(loaded)._blocks.count // 5
    # pickled again (as the web service's workers may), the pieces are read and kept in memory
    import pickle as std
    again = std.loads(std.dumps(loaded))
    assert again.matcher.match(text).to_json() == built.matcher.match(text).to_json()


@pytest.mark.parametrize("cut", ["head", "state", "last block"])
def test_a_truncated_cache_file_is_rebuilt(tmp_path, monkeypatch, cut):
    root, folder, path = _cached(tmp_path, monkeypatch)
    data = path.read_bytes()
    size = {"head": 20, "state": 2000, "last block": len(data) - 1}[cut]
    path.write_bytes(data[:size])
    builds = _counting_builds(monkeypatch)
    catalog, _ = cache.load_state(root)
    assert builds == [1] and len(catalog.matters) == 47
    assert cache._load(path, _key_of(path)) is not None      # replaced by a whole one


def test_a_cache_file_changed_in_its_state_is_rebuilt(tmp_path, monkeypatch):
    root, folder, path = _cached(tmp_path, monkeypatch)
    data = bytearray(path.read_bytes())
    data[cache._HEAD + 5000] ^= 0x01           # one bit, in the index or the state
    path.write_bytes(bytes(data))
    builds = _counting_builds(monkeypatch)
    catalog, _ = cache.load_state(root)
    assert builds == [1] and len(catalog.matters) == 47


def test_a_block_changed_after_the_file_was_opened_is_refused_and_the_file_removed(tmp_path, monkeypatch):
    from router.model.errors import ZhifaError
    root, folder, path = _cached(tmp_path, monkeypatch)
    catalog, _ = cache.load_state(root)          # from the file, which stays open
    blobs = _blocks_of(catalog)
    blocks = blobs._blocks
    i = blobs._first + len(blobs) - 1            # the block of the word index's last piece
    start = blocks._offsets[i]
    with open(path, "r+b") as fh:                # written to in place (zhifa itself never does)
        fh.seek(start + 3)
        byte = fh.read(1)
        fh.seek(start + 3)
        fh.write(bytes([byte[0] ^ 0x01]))
    with pytest.raises(ValueError, match="not as written"):
        blobs[len(blobs) - 1]
    assert not path.exists()                     # the next start builds a new one
    pieces = catalog.matcher.__dict__["_words"]._pieces
    with pytest.raises(ZhifaError, match="ZHIFA_CACHE_DIR"):
        pieces.part(len(blobs) - 1, 0)
    builds = _counting_builds(monkeypatch)
    again, _ = cache.load_state(root)
    assert builds == [1] and len(again.matters) == 47


def test_a_cache_file_stored_under_another_key_is_not_used(tmp_path, monkeypatch):
    root, folder, path = _cached(tmp_path, monkeypatch)
    key = _key_of(path)
    other = "0" * len(key)
    assert cache._load(path, key) is not None
    assert cache._load(path, other) is None      # the key in the file is checked, not only its name
    stale = path.with_name(path.name.replace(key, other))
    path.rename(stale)
    assert cache._load(stale, other) is None
    # a file that says it is the current key's but was written for other bytes: refused
    data = bytearray(stale.read_bytes())
    stale.unlink()
    at = len(cache.MAGIC)
    data[at:at + 16] = bytes.fromhex(other)
    path.write_bytes(bytes(data))
    os.chmod(path, 0o600)
    builds = _counting_builds(monkeypatch)
    cache.load_state(root)
    assert builds == [1]


def test_a_well_formed_cache_file_still_cannot_name_a_function(tmp_path, monkeypatch):
    root, folder, path = _cached(tmp_path, monkeypatch)
    marker = tmp_path / "ran"
    key = _key_of(path)
    path.unlink()
    path.write_bytes(cache._dumps(_Planted(marker), key))   # header, index and checks all right
    os.chmod(path, 0o600)
    assert cache._load(path, key) is None
    catalog, _ = cache.load_state(root)
    assert not marker.exists() and len(catalog.matters) == 47


def test_a_reference_to_a_block_outside_the_file_is_refused(tmp_path, monkeypatch):
    import io
    import pickle as std
    root, folder, path = _cached(tmp_path, monkeypatch)

    class Writer(std.Pickler):
        def persistent_id(self, obj):
            return (0, 10 ** 6) if obj == "here" else None

    out = io.BytesIO()
    Writer(out).dump(["here"])
    blocks = cache._Blocks(-1, path, [], [])
    with pytest.raises(std.UnpicklingError, match="refused persistent id"):
        cache._StateUnpickler(io.BytesIO(out.getvalue()), blocks).load()


# ---- the stamp: the key of files as they were, without reading them ----------------------------
def _settled(monkeypatch):
    """Files count as settled however recently they were changed (a copied catalog is seconds old)."""
    monkeypatch.setattr(cache, "_SETTLED_NS", 0)


def _counting_reads(monkeypatch):
    return _counting(monkeypatch, "read_inputs")


def test_a_stamp_gives_the_key_of_settled_files_without_reading_them(tmp_path, monkeypatch):
    _settled(monkeypatch)
    root = _catalog_copy(tmp_path, monkeypatch)
    first, _ = cache.load_state(root)                    # builds, stores, and stamps
    (stamp,) = (tmp_path / "cache").glob("stamp-*")
    assert stat.S_IMODE(stamp.stat().st_mode) & 0o077 == 0
    reads, builds = _counting_reads(monkeypatch), _counting_builds(monkeypatch)
    again, _ = cache.load_state(root)
    assert reads == [] and builds == [] and again.matters == first.matters


def test_a_stamped_file_changed_to_the_same_size_is_read_again(tmp_path, monkeypatch):
    _settled(monkeypatch)
    root = _catalog_copy(tmp_path, monkeypatch)
    cache.load_state(root)
    m = root / "matters.yaml"
    name = "对擅自占用、挖掘公路（含乡道、村道）的行政处罚"
    text = m.read_text(encoding="utf-8")
    edited = text.replace(name, name.replace("挖掘", "开挖"))
    assert len(edited.encode()) == len(text.encode())
    st = m.stat()
    m.write_text(edited, encoding="utf-8")
    os.utime(m, ns=(st.st_atime_ns, st.st_mtime_ns))     # even with its old modification time
    reads = _counting_reads(monkeypatch)
    catalog, _ = cache.load_state(root)
    assert reads == [1] and catalog.matters["JT-01"].name == name.replace("挖掘", "开挖")


def test_files_changed_just_now_are_not_stamped(tmp_path, monkeypatch):
    root = _catalog_copy(tmp_path, monkeypatch)          # copied a moment ago: not settled
    cache.load_state(root)
    assert not list((tmp_path / "cache").glob("stamp-*"))
    reads = _counting_reads(monkeypatch)
    cache.load_state(root)
    assert reads == [1]                                   # read and hashed, as every time


@pytest.mark.parametrize("stamp", ["a stale key", "garbage", "shared"])
def test_a_wrong_or_foreign_stamp_only_costs_the_hashing(tmp_path, monkeypatch, stamp):
    _settled(monkeypatch)
    root = _catalog_copy(tmp_path, monkeypatch)
    first, _ = cache.load_state(root)
    (path,) = (tmp_path / "cache").glob("stamp-*")
    lines = path.read_text().split("\n")
    if stamp == "a stale key":
        path.write_text("\n".join([lines[0], lines[1], "0" * 32, ""]))
    elif stamp == "garbage":
        path.write_bytes(b"\xff" * 300)
    else:
        os.chmod(path, 0o666)                             # others could have written it
    reads, builds = _counting_reads(monkeypatch), _counting_builds(monkeypatch)
    catalog, _ = cache.load_state(root)
    assert reads == [1] and builds == [] and catalog.matters == first.matters
