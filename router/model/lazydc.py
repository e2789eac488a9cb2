"""`dataclass`, with each generated method compiled when it is first called.

The standard decorator writes the source of every method it adds (__init__, __repr__, __eq__,
__hash__, a frozen class's __setattr__ and __delattr__) and compiles each with exec() as the class
is defined. A one-off `zhifa route` defines about a hundred dataclasses and calls the methods of
few of them (its catalog is unpickled, which calls none): compiling them was about a sixth of its
instructions (callgrind: exec of source, 169 M of 732 M). This decorator is the standard one,
with the same arguments and the same result (fields, params, slots, hash, the same method
source), except that each method is a stand-in until it is first called: the stand-in then
compiles the method exactly as the standard decorator would have, puts it on the class in its own
place and calls it; later calls go to the method itself.

A class without a docstring gets its __init__ at once: the standard decorator writes the class's
docstring from __init__'s signature.
"""
from __future__ import annotations

import dataclasses
import threading
from types import FunctionType
from typing import Any, Callable, TypeVar, dataclass_transform

T = TypeVar("T")

_original = getattr(dataclasses, "_create_fn", None)
_lock = threading.Lock()
_STAND_IN = "__zhifa_stand_in__"


def _deferred(eager: frozenset[str]) -> Callable[..., Any]:
    """A replacement of dataclasses._create_fn that defers compiling (names in `eager` are not)."""
    def create(name, args, body, *, globals=None, locals=None, **kw):  # noqa: A002 - dataclasses' names
        if name in eager:
            return _original(name, args, body, globals=globals, locals=locals, **kw)
        real: list[Any] = []

        def stand_in(*a, **k):
            fn = real[0] if real else _compile()
            owner = stand_in.__dict__.get("owner")
            if owner is not None and owner.__dict__.get(name) is stand_in:
                type.__setattr__(owner, name, fn)
            return fn(*a, **k)

        def _compile():
            fn = _original(name, args, body, globals=globals, locals=locals, **kw)
            fn.__qualname__ = stand_in.__qualname__
            if not real:
                real.append(fn)
            return real[0]

        stand_in.__name__ = name
        setattr(stand_in, _STAND_IN, True)
        return stand_in
    return create


@dataclass_transform()
def dataclass(cls: type[T] | None = None, /, **options: Any) -> Any:
    """dataclasses.dataclass (same options), its methods compiled on first call."""
    def wrap(c: type[T]) -> type[T]:
        if _original is None:        # a Python whose dataclasses work otherwise: the standard way
            return dataclasses.dataclass(**options)(c)
        eager = frozenset() if c.__dict__.get("__doc__") else frozenset({"__init__"})
        with _lock:
            dataclasses._create_fn = _deferred(eager)
            try:
                out = dataclasses.dataclass(**options)(c)
            finally:
                dataclasses._create_fn = _original
        for value in list(out.__dict__.values()):
            target = getattr(value, "__wrapped__", value)   # __repr__ is wrapped (recursion guard)
            if isinstance(target, FunctionType) and target.__dict__.get(_STAND_IN):
                target.owner = out
        return out
    return wrap if cls is None else wrap(cls)
