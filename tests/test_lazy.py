"""The start-up work's stand-ins (router/model/lazydc.py, router/model/lazyre.py and the start-up
cache's packed parts and cues in router/matching/matcher.py) behave as what they stand in for."""
from __future__ import annotations

import dataclasses
import pickle
import re
import threading

import pytest

from router.model.lazydc import dataclass
from router.model.lazyre import LazyPattern


@pytest.mark.parametrize("options", [{}, {"frozen": True}, {"frozen": True, "slots": True}, {"order": True}])
def test_a_lazy_dataclass_behaves_as_the_standard_one(options):
    def make(deco):
        @deco(**options)
        class Point:
            """A point."""
            x: int
            y: int = 2
            tags: tuple = dataclasses.field(default=())
        return Point

    Lazy, Std = make(dataclass), make(dataclasses.dataclass)
    a, b = Lazy(1), Std(1)
    assert repr(a).replace("Point", "") == repr(b).replace("Point", "")
    assert a == Lazy(1, 2) and a != Lazy(1, 3)
    assert dataclasses.asdict(a) == dataclasses.asdict(b)
    assert [f.name for f in dataclasses.fields(Lazy)] == [f.name for f in dataclasses.fields(Std)]
    if options.get("frozen"):
        assert hash(a) == hash(Lazy(1)) and hash(a) == hash(b)
        with pytest.raises(dataclasses.FrozenInstanceError):
            a.x = 5
    if options.get("order"):
        assert Lazy(1) < Lazy(2) and sorted([Lazy(3), Lazy(1)]) == [Lazy(1), Lazy(3)]
    assert dataclasses.replace(Lazy(4), y=5) == Lazy(4, 5)


def test_a_lazy_dataclass_compiles_a_method_on_its_first_call_only():
    @dataclass
    class Box:
        """A box."""
        size: int

    stand_in = Box.__dict__["__eq__"]
    assert getattr(stand_in, "__zhifa_stand_in__", False)
    assert Box(1) == Box(1)
    assert Box.__dict__["__eq__"] is not stand_in          # the real method took its place
    assert not getattr(Box.__dict__["__eq__"], "__zhifa_stand_in__", False)


def test_a_lazy_pattern_is_compiled_on_first_use_and_matches_as_re():
    rx = LazyPattern(r"(\d{4})年(\d{1,2})月", re.I)
    assert "_compiled" not in rx.__dict__
    assert rx.search("2026年12月7日").groups() == ("2026", "12")
    assert rx.sub("X", "2026年1月") == re.compile(r"(\d{4})年(\d{1,2})月").sub("X", "2026年1月")
    assert rx.compiled() is rx.compiled() and rx.flags == re.compile("", re.I).flags


@pytest.fixture(scope="module")
def matcher():
    from pathlib import Path

    from router.catalog.load import load_catalog
    return load_catalog(Path(__file__).resolve().parents[1] / "catalog").matcher


def test_the_regex_bit_masks_choose_the_same_words_as_the_sets(matcher):
    texts = ["国道边上摆摊卖西瓜，占了半条道", "楼道里给电动车充电", "村口堆了一堆玉米秆", "wo xiang wen yixia",
             "工地半夜还在打桩，吵得睡不着", "", "麦收时节县道上晒粮，车都过不去"]
    bits = matcher.__dict__.pop("_regex_bits")
    try:
        by_sets = [matcher._regexes_needed(t) for t in texts]
    finally:
        matcher._regex_bits = bits
    assert [matcher._regexes_needed(t) for t in texts] == by_sets
    assert any(by_sets)


def test_a_packed_part_unpacks_once_to_the_same_terms_under_threads():
    from router.matching.matcher import _Part, _PackedPart
    part = _Part("堆放", None, ("堆", "堆放", "码放"))
    read = pickle.loads(pickle.dumps(part))
    assert type(read) is _PackedPart
    seen = []
    threads = [threading.Thread(target=lambda: seen.append(read.terms)) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(s is seen[0] for s in seen) and seen[0] == part.terms
    assert type(read) is _Part and read.termset == part.termset
