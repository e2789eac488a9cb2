"""Frozen value classes without generating code at import time.

`@dataclass(frozen=True)` writes and `exec`s six methods per class when its module is imported:
~0.4-0.7 ms a class, ~17 ms of every `zhifa route` start across the modules on that path
(measured by bench/run.py, section 1). `@record` gives the same behaviour from shared, generic
methods: fields in annotation order, positional or keyword construction, plain defaults and
`factory(...)` defaults, immutability, equality and hashing by field values, a dataclass-style
repr, and `replace()`. Instances keep a `__dict__`, so they pickle like frozen dataclasses.

    @record
    class Deadline:
        rule: str
        days: list[DayCount] = factory(list)
"""
from __future__ import annotations

from typing import Any, Callable

_FIELDS = "__record_fields__"


class factory:  # noqa: N801 - reads like dataclasses.field(default_factory=...)
    """A default made fresh for each instance: `days: list = factory(list)`."""

    __slots__ = ("make",)

    def __init__(self, make: Callable[[], Any]):
        self.make = make


class FrozenInstanceError(AttributeError):
    """Raised on an attempt to change a field (dataclasses.FrozenInstanceError's meaning)."""


def _is_classvar(annotation: Any) -> bool:
    text = annotation if isinstance(annotation, str) else repr(annotation)
    return text.startswith(("ClassVar", "typing.ClassVar"))


def record(cls: type) -> type:
    if any(hasattr(base, _FIELDS) for base in cls.__mro__[1:]):
        raise TypeError(f"{cls.__name__}: a record cannot extend another record")
    names = tuple(n for n, a in cls.__dict__.get("__annotations__", {}).items() if not _is_classvar(a))
    plain: dict[str, Any] = {}
    made: dict[str, Callable[[], Any]] = {}
    for n in names:
        value = cls.__dict__.get(n, _MISSING)
        if value is _MISSING:
            continue
        if isinstance(value, factory):
            made[n] = value.make
        else:
            plain[n] = value
        delattr(cls, n)  # the default lives in the tables above, not on the class
    required = [n for n in names if n not in plain and n not in made]
    count = len(names)
    post_init = getattr(cls, "__post_init__", None)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        if len(args) > count:
            raise TypeError(f"{cls.__name__}() takes {count} positional arguments but {len(args)} were given")
        d = self.__dict__
        if not kwargs and len(args) == count:  # the common case: every field, in order
            d.update(zip(names, args))
            if post_init is not None:
                post_init(self)
            return
        for n, v in zip(names, args):
            d[n] = v
        for n in names[len(args):]:
            if n in kwargs:
                d[n] = kwargs.pop(n)
            elif n in plain:
                d[n] = plain[n]
            elif n in made:
                d[n] = made[n]()
            else:
                raise TypeError(f"{cls.__name__}() missing required argument: {n!r}")
        if kwargs:
            extra = next(iter(kwargs))
            if extra in names:
                raise TypeError(f"{cls.__name__}() got multiple values for argument {extra!r}")
            raise TypeError(f"{cls.__name__}() got an unexpected keyword argument {extra!r}")
        if post_init is not None:
            post_init(self)

    cls.__init__ = __init__
    setattr(cls, _FIELDS, names)
    cls.__match_args__ = names
    if "__repr__" not in cls.__dict__:
        cls.__repr__ = _repr
    if "__eq__" not in cls.__dict__:
        cls.__eq__ = _eq
    if "__hash__" not in cls.__dict__ or cls.__dict__["__hash__"] is None:
        cls.__hash__ = _hash
    cls.__setattr__ = _frozen_set
    cls.__delattr__ = _frozen_del
    if required and len(required) < count:
        # dataclasses forbids a required field after a defaulted one; so do we
        first_default = next(i for i, n in enumerate(names) if n not in required)
        late = [n for n in names[first_default:] if n in required]
        if late:
            raise TypeError(f"{cls.__name__}: required field {late[0]!r} follows a field with a default")
    return cls


class _Missing:
    __slots__ = ()


_MISSING = _Missing()


def _values(obj: Any) -> tuple:
    d = obj.__dict__
    return tuple(d[n] for n in getattr(obj.__class__, _FIELDS))


def _repr(self: Any) -> str:
    d = self.__dict__
    inner = ", ".join(f"{n}={d[n]!r}" for n in getattr(self.__class__, _FIELDS))
    return f"{self.__class__.__qualname__}({inner})"


def _eq(self: Any, other: Any) -> bool:
    if other.__class__ is not self.__class__:
        return NotImplemented
    return _values(self) == _values(other)


def _hash(self: Any) -> int:
    return hash(_values(self))


def _frozen_set(self: Any, name: str, value: Any) -> None:
    raise FrozenInstanceError(f"cannot assign to field {name!r}")


def _frozen_del(self: Any, name: str) -> None:
    raise FrozenInstanceError(f"cannot delete field {name!r}")


def fields(obj_or_cls: Any) -> tuple[str, ...]:
    """The field names, in order."""
    cls = obj_or_cls if isinstance(obj_or_cls, type) else obj_or_cls.__class__
    return getattr(cls, _FIELDS)


def replace(obj: Any, **changes: Any) -> Any:
    """A copy of `obj` with some fields changed (dataclasses.replace's meaning)."""
    unknown = set(changes) - set(fields(obj))
    if unknown:
        raise TypeError(f"{obj.__class__.__name__} has no field {sorted(unknown)[0]!r}")
    d = obj.__dict__
    return obj.__class__(**{n: changes[n] if n in changes else d[n] for n in fields(obj)})


__all__ = ["record", "factory", "replace", "fields", "FrozenInstanceError"]
