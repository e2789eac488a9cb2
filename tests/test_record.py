"""router.model.record: frozen value classes that behave like @dataclass(frozen=True)."""
import pickle
from dataclasses import FrozenInstanceError as DataclassFrozen
from dataclasses import dataclass, field

import pytest

from router.model.record import FrozenInstanceError, factory, fields, record, replace


@record
class Point:
    x: int
    y: int = 0
    tags: list = factory(list)


@dataclass(frozen=True)
class DPoint:
    x: int
    y: int = 0
    tags: list = field(default_factory=list)


def test_construction_like_a_dataclass():
    assert fields(Point) == ("x", "y", "tags")
    p = Point(1, y=2)
    assert (p.x, p.y, p.tags) == (1, 2, [])
    assert Point(1).tags is not Point(1).tags  # a fresh default each time
    assert repr(Point(1, 2, ["a"])) == repr(DPoint(1, 2, ["a"])).replace("DPoint", "Point")
    for bad in (lambda: Point(), lambda: Point(1, 2, [], 4), lambda: Point(1, z=3), lambda: Point(1, x=1)):
        with pytest.raises(TypeError):
            bad()


def test_frozen_equal_and_hashable_by_value():
    p = Point(1, 2, ())
    with pytest.raises(FrozenInstanceError):
        p.x = 5
    with pytest.raises(AttributeError):
        del p.y
    assert Point(1, 2, ()) == p and Point(1, 3, ()) != p
    assert hash(Point(1, 2, ())) == hash(p)
    with pytest.raises(TypeError):
        hash(Point(1, 2, []))  # a list field is unhashable, as with dataclasses
    assert p != DPoint(1, 2, ())  # another class never compares equal
    assert issubclass(FrozenInstanceError, AttributeError) and issubclass(DataclassFrozen, AttributeError)


def test_replace_and_pickle():
    p = Point(1, 2, ["a"])
    q = replace(p, y=5)
    assert (q.x, q.y, q.tags) == (1, 5, ["a"]) and p.y == 2
    with pytest.raises(TypeError):
        replace(p, z=1)
    assert pickle.loads(pickle.dumps(p)) == p


def test_required_after_default_is_refused():
    with pytest.raises(TypeError):
        @record
        class Bad:
            a: int = 0
            b: int
