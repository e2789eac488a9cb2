"""Unpickling the start-up cache: safely (only the library's own classes and plain types), and
quickly (the frozen, slotted dataclasses it holds by thousands)."""
from __future__ import annotations

import dataclasses
import io
# The C unpickler itself: importing pickle.py as well (its opcode tables, a regular expression
# compiled at import) was 7.2 M of the 511 M instructions of a one-off route (callgrind), which
# unpickles only. (_pickle is CPython's own module, not a public name: a Python built without it
# gets pickle.py's classes, which are these when it is there.)
try:
    from _pickle import Unpickler, UnpicklingError
except ImportError:  # pragma: no cover - every CPython 3.11 build we install has it
    from pickle import Unpickler, UnpicklingError

# What a cache file may name besides the library's own classes (router.*): plain value types.
PLAIN = {
    "array": {"array", "_array_reconstructor"},
    "datetime": {"date", "datetime", "time", "timedelta", "timezone"},
    "pathlib": {"PosixPath", "PurePosixPath", "WindowsPath", "PureWindowsPath", "Path"},
    "builtins": {"set", "frozenset", "bytearray", "complex", "range", "slice"},
    "collections": {"OrderedDict", "defaultdict", "Counter", "deque"},
    "copyreg": {"_reconstructor"},
    "re": {"_compile"},
}


class SafeUnpickler(Unpickler):
    """Admits the library's own classes and PLAIN; anything else (os.system, builtins.eval,
    functions of any module) is refused before it can be called."""

    def find_class(self, module: str, name: str):
        if "." not in name and name in PLAIN.get(module, ()):
            return super().find_class(module, name)
        if module.startswith("router.") and "." not in name:
            obj = super().find_class(module, name)
            if isinstance(obj, type) and not issubclass(obj, BaseException):
                return obj
        raise UnpicklingError(f"refused global {module}.{name}")


def safe_loads(data: bytes):
    """pickle.loads with SafeUnpickler (router/model/shards.py's pieces, read from the cache)."""
    return SafeUnpickler(io.BytesIO(data)).load()


def quick_setstate(cls: type) -> type:
    """Give a frozen dataclass with slots a __setstate__ that knows its field names.

    The one dataclasses writes looks the fields up again for every object it restores
    (`fields(self)`): for a catalog of 5,000 matters that was a third of loading the cache. The
    state is the same list of field values the dataclass's own __getstate__ writes. Apply it
    above @dataclass."""
    names = tuple(f.name for f in dataclasses.fields(cls))
    set_field = object.__setattr__

    def __setstate__(self, state: list) -> None:
        for name, value in zip(names, state):
            set_field(self, name, value)

    cls.__setstate__ = __setstate__
    return cls
