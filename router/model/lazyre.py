"""Regular expressions compiled when first used.

Compiling a pattern is pure Python in CPython (re._parser, re._compiler) and costly for patterns
of Chinese characters (their character sets are 65,536-entry maps). Of the 33 patterns that
router/ compiled at import, a one-off `zhifa route` used 8; the others (catalog checks, dates as
clerks write them, citations of articles, …) wait for their first use.
"""
from __future__ import annotations

import re
from typing import Any

_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split")


class LazyPattern:
    """re.compile(pattern, flags) on first use; from then on its methods are the compiled
    pattern's own (kept on this object, so a call costs what it costs on the pattern)."""

    def __init__(self, pattern: str, flags: int = 0):
        self.pattern = pattern
        self.flags_given = flags

    def compiled(self) -> re.Pattern:
        rx = self.__dict__.get("_compiled")
        if rx is None:
            rx = self.__dict__["_compiled"] = re.compile(self.pattern, self.flags_given)
            for name in _METHODS:
                self.__dict__[name] = getattr(rx, name)
        return rx

    def __getattr__(self, name: str) -> Any:    # (only for what is not on the object yet)
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self.compiled(), name)

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern!r})"
