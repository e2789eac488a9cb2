"""Named exceptions of the library. Messages are Chinese: they reach clerks and policy staff."""
from __future__ import annotations

import re

from router.model.lazydc import dataclass
from router.model.lazyre import LazyPattern

SHOWN_LIMIT = 200  # characters of a value repeated in a message; the rest is counted, not shown
MESSAGE_LIMIT = 4000  # characters of one message, whatever it holds
_QUOTED = LazyPattern("“([^”]{%d,})”" % (SHOWN_LIMIT + 40))  # shown() output is left as it is


def shown(value: object, limit: int = SHOWN_LIMIT) -> str:
    """A value as a message repeats it: at most `limit` characters, then “…（共 N 字）”."""
    text = value if isinstance(value, str) else repr(value)
    if len(text) <= limit:
        return text
    return f"{text[:limit]}…（共 {len(text)} 字）"


def capped(message: str) -> str:
    """`message` with every quoted value (“…”) longer than SHOWN_LIMIT shortened as shown() does,
    and the whole kept within MESSAGE_LIMIT: a 1 MB place name is not printed back in full."""
    if len(message) <= SHOWN_LIMIT:
        return message
    message = _QUOTED.sub(lambda m: f"“{shown(m.group(1))}”", message)
    if len(message) > MESSAGE_LIMIT:
        message = f"{message[:MESSAGE_LIMIT - 500]}…（中间省略 {len(message) - MESSAGE_LIMIT + 200} 字）…{message[-300:]}"
    return message


class ZhifaError(Exception):
    """Base class of every error the library raises on purpose."""


class InputError(ZhifaError):
    """A case (or a CLI option) is malformed: names the value and what is accepted."""

    def __init__(self, message: str, *, field: str | None = None, value: object = None,
                 suggestion: str | None = None):
        self.field = field
        self.value = value
        self.suggestion = suggestion
        text = message
        if suggestion:
            text += f"（您是否要输入：{suggestion}？）"
        super().__init__(capped(text))


@dataclass(frozen=True, slots=True)
class Problem:
    """One catalog problem: where it is (file, entry, key) and what is wrong (Chinese)."""

    file: str
    entry: str | None
    key: str | None
    message: str
    severity: str = "error"  # "error" | "notice"

    def __str__(self) -> str:
        where = self.file
        if self.entry:
            where += f" › {self.entry}"
        if self.key:
            where += f" › {self.key}"
        return f"{where}：{self.message}"


class HasProblems:
    """For results that carry `problems`: split them into errors and notices."""

    problems: list[Problem]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def notices(self) -> list[Problem]:
        return [p for p in self.problems if p.severity != "error"]


class CatalogError(ZhifaError):
    """The catalog does not load. Carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        lines = "\n".join(capped(str(p)) for p in self.problems)
        super().__init__(f"目录（catalog）有 {len(self.problems)} 处错误：\n{lines}")


class EngineError(ZhifaError):
    """The rule engine failed or returned without completing its chain: the case fails loudly."""
