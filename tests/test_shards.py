"""The start-up cache keeps the matcher's word indexes in pieces (router/model/shards.py): read
piece by piece, they answer exactly as the plain indexes do, and a piece is unpickled as safely
as the file it comes from."""
import os
import pickle

import pytest
import yaml

from router.catalog.load import load_catalog
from router.files.locations import shipped
from router.model.errors import ZhifaError
from router.model.shards import PIECES, RUN, ShardedList, ShardedSet, WordPieces, _piece

SETS = shipped("tests") if False else None

def _roundtrip(obj):
    return pickle.loads(pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL))

def _indexes(**plain):
    return _roundtrip(WordPieces.index(plain))


def test_a_sharded_map_answers_as_the_dict():
    plain = {"占道": (1, 2), "夜间施工": (3,), "占": (), "𠀀字": (9,), "a": (4,), "垃圾": (1, 2)}
    m = _indexes(m=plain, s=frozenset({"占道"}))["m"]
    for k, v in plain.items():
        assert k in m and m[k] == v and m.get(k) == v
    for k in ("不在", "", "占道经营"):
        assert k not in m and m.get(k) is None and m.get(k, "x") == "x"
        with pytest.raises(KeyError):
            m[k]
    assert 5 not in m
    assert m.whole() == plain


def test_a_sharded_set_answers_as_the_frozenset():
    plain = frozenset({"占道", "夜间施工", "占", "垃圾", "a", "Ａ"})
    s = _indexes(m={"占道": 1, "路": 2}, s=plain)["s"]
    assert all(w in s for w in plain)
    assert "不在" not in s and "" not in s and None not in s and "路" not in s
    assert s.intersection(["占", "不在", "垃圾", "占"]) == frozenset({"占", "垃圾"})
    assert frozenset(s) == plain and s.whole() == plain


def test_the_indexes_of_one_piece_share_their_words():
    out = _indexes(a={"占道": 1}, b={"占道": 2}, c=frozenset({"占道"}))
    (ka,), (kb,), (kc,) = out["a"].whole(), out["b"].whole(), out["c"].whole()
    assert ka is kb is kc     # one string, unpickled once for all three indexes


@pytest.mark.parametrize("n", [0, 1, RUN - 1, RUN, RUN + 1, 3 * RUN + 5])
@pytest.mark.parametrize("run", [1, 4, RUN])
def test_a_sharded_list_answers_as_the_tuple(n, run):
    plain = tuple(("item", i) for i in range(n))
    lst = _roundtrip(ShardedList.of(plain, run))
    assert len(lst) == n and bool(lst) == bool(n)
    assert [lst[i] for i in range(n)] == list(plain)
    assert [lst[-i] for i in range(1, n + 1)] == [plain[-i] for i in range(1, n + 1)]
    for bad in (n, -n - 1):
        with pytest.raises(IndexError):
            lst[bad]

def test_a_piece_naming_a_function_is_refused_when_read(tmp_path):
    marker = tmp_path / "ran"

    class Planted:
        def __reduce__(self):
            return (os.system, (f"touch {marker}",))

    good = WordPieces.index({"s": frozenset({"x"})})["s"]._pieces._blobs[_piece("x")]
    blobs = [pickle.dumps(Planted())] * PIECES
    blobs[_piece("x")] = good
    s = _roundtrip(ShardedSet(WordPieces(tuple(blobs)), 0))
    assert "x" in s                   # its own piece is sound
    with pytest.raises(ZhifaError, match="启动缓存文件已损坏.*refused global"):
        "占" in s
    assert not marker.exists()


def test_keys_led_by_the_matchers_prefixes_are_spread_over_the_pieces():
    # Every gapped word is keyed `gap:…`: by its first character all of them fell in one piece,
    # ~800 KB that nearly every description read. They go by a checksum of the whole key.
    keys = [f"gap:{a}…{b}" for a in "挖刨堆摆占烧倒拉" for b in "路街沟道场地田河"] + ["re:[gs]\\d{3}", "(甲|乙)丙"]
    index = WordPieces.index({"m": {k: i for i, k in enumerate(keys)}})["m"]
    pieces = {_piece(k) for k in keys}
    assert len(pieces) > len(keys) // 2
    assert all(index[k] == i for i, k in enumerate(keys))    # each found in its own piece
    assert _piece("占道") == ord("占") % PIECES               # a word still goes by its first character


def test_a_damaged_piece_says_what_to_do():
    lst = _roundtrip(ShardedList((b"not a pickle",), 1, 16))
    with pytest.raises(ZhifaError, match="ZHIFA_CACHE_DIR"):
        lst[0]


def _texts(n=400):
    """Descriptions of two tuning sets, the first n."""
    here = os.path.dirname(__file__)
    out = []
    for name in ("dev120.yaml", "dev131.yaml"):
        with open(os.path.join(here, "matching", name), encoding="utf-8") as fh:
            out += [item["text"] for item in yaml.safe_load(fh)]
    return out[:n]

def test_an_unpickled_matcher_matches_as_the_built_one_piece_by_piece_and_whole():
    built = load_catalog(shipped("catalog")).matcher
    texts = _texts()
    expected = [built.match(t).to_json() for t in texts]
    lazy = _roundtrip(built)
    lazy.WHOLE_AFTER = 10 ** 9          # read piece by piece for every description
    assert [lazy.match(t).to_json() for t in texts] == expected
    assert isinstance(lazy._words, ShardedSet)
    whole = _roundtrip(built)           # made whole after its first WHOLE_AFTER descriptions
    assert [whole.match(t).to_json() for t in texts] == expected
    assert isinstance(whole._words, frozenset) and isinstance(whole._cues_by_term, dict)
    assert isinstance(whole._specs, ShardedList)     # (lists stay in pieces)
    # and pickled again (a matcher read from the cache, stored again) it is the same
    assert [_roundtrip(lazy).match(t).to_json() for t in texts[:20]] == expected[:20]
    assert [_roundtrip(whole).match(t).to_json() for t in texts[:20]] == expected[:20]
