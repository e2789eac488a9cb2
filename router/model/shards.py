"""Knowledge kept in pieces, each read the first time it is asked for.

The matcher's word indexes hold ~40,000 words, and unpickling them all took about a third of a
one-off `zhifa route` (callgrind), though one description looks up a few dozen of them. In the
start-up cache each index is stored as 256 pickled pieces, a word going to the piece of its
first character; a piece is unpickled when a word starting with that character is first looked
up (with the cache's own unpickler: the pieces come from the same file and are trusted no more).
A process that matches many descriptions makes its indexes whole again (`whole()`), so that the
hot loops look words up in plain sets and dicts.

Only what the matcher asks of these indexes is offered: membership, get and [] by word, and,
for sets, the members among some words. Lists are cut into pieces of consecutive positions.
"""
from __future__ import annotations

import pickle
from typing import Any, Iterable, Iterator

from router.model.errors import ZhifaError
from router.model.pickling import safe_loads

PIECES = 256          # pieces of a word index (a word's piece: its first character's code, mod 256)
RUN = 16              # positions of a list in one piece, unless told otherwise


def _piece(word: str) -> int:
    return ord(word[0]) & (PIECES - 1)


def _dumps(obj: Any) -> bytes:
    return pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)


class _Pieces:
    __slots__ = ("_blobs", "_read")

    def __init__(self, blobs: tuple[bytes | None, ...]):
        self._blobs = blobs
        self._read: list[Any] = [None] * len(blobs)

    def _load(self, i: int) -> Any:
        blob = self._blobs[i]
        try:
            part = self._empty() if blob is None else safe_loads(blob)
        except Exception as exc:  # noqa: BLE001 - a damaged or refused piece: say what to do
            raise ZhifaError(f"启动缓存文件已损坏，其中一块无法读取（{type(exc).__name__}: {exc}）；"
                             "请删除缓存文件夹（环境变量 ZHIFA_CACHE_DIR，默认 ~/.cache/zhifa）后重试，"
                             "下次启动会重新生成") from exc
        self._read[i] = part
        return part

    @staticmethod
    def _empty() -> Any:
        raise NotImplementedError

    def __reduce__(self):
        return (type(self), (self._blobs,))


class ShardedMap(_Pieces):
    """A read-only dict of words, unpickled piece by piece. `order` keeps the dict's own order
    for whole()."""

    __slots__ = ("_order",)

    def __init__(self, blobs: tuple[bytes | None, ...], order: bytes = b""):
        super().__init__(blobs)
        self._order = order

    @classmethod
    def of(cls, mapping: dict[str, Any]) -> "ShardedMap":
        groups: list[dict[str, Any]] = [{} for _ in range(PIECES)]
        for k, v in mapping.items():
            groups[_piece(k)][k] = v
        return cls(tuple(_dumps(g) if g else None for g in groups), _dumps(tuple(mapping)))

    def __reduce__(self):
        return (ShardedMap, (self._blobs, self._order))

    @staticmethod
    def _empty() -> dict:
        return {}

    def _of(self, k: str) -> dict:
        i = ord(k[0]) & (PIECES - 1)
        part = self._read[i]
        return part if part is not None else self._load(i)

    def get(self, k: str, default: Any = None) -> Any:
        return self._of(k).get(k, default) if k else default

    def __getitem__(self, k: str) -> Any:
        if not k:
            raise KeyError(k)
        return self._of(k)[k]

    def __contains__(self, k: object) -> bool:
        return isinstance(k, str) and bool(k) and k in self._of(k)

    def _all(self) -> list:
        return [part if part is not None else self._load(i) for i, part in enumerate(self._read)]

    def whole(self) -> dict[str, Any]:
        """The plain dict, in its original order (every piece read)."""
        merged: dict[str, Any] = {}
        for part in self._all():
            merged.update(part)
        return {k: merged[k] for k in safe_loads(self._order)}


class ShardedSet(_Pieces):
    """A read-only frozenset of words, unpickled piece by piece."""

    __slots__ = ()

    @classmethod
    def of(cls, words: Iterable[str]) -> "ShardedSet":
        groups: list[list[str]] = [[] for _ in range(PIECES)]
        for w in words:
            groups[_piece(w)].append(w)
        return cls(tuple(_dumps(frozenset(g)) if g else None for g in groups))

    @staticmethod
    def _empty() -> frozenset:
        return frozenset()

    def __contains__(self, w: object) -> bool:
        if not isinstance(w, str) or not w:
            return False
        i = ord(w[0]) & (PIECES - 1)
        part = self._read[i]
        return w in (part if part is not None else self._load(i))

    def intersection(self, words: Iterable[str]) -> frozenset[str]:
        return frozenset(w for w in words if w in self)

    def __iter__(self) -> Iterator[str]:
        for i in range(PIECES):
            part = self._read[i]
            yield from (part if part is not None else self._load(i))

    def whole(self) -> frozenset[str]:
        return frozenset().union(*[part if part is not None else self._load(i)
                                   for i, part in enumerate(self._read)])


class ShardedList(_Pieces):
    """A read-only sequence, unpickled RUN positions at a time."""

    __slots__ = ("_len", "_run")

    def __init__(self, blobs: tuple[bytes | None, ...], length: int = 0, run: int = RUN):
        super().__init__(blobs)
        self._len = length
        self._run = run

    @classmethod
    def of(cls, items: Iterable[Any], run: int = RUN) -> "ShardedList":
        items = list(items)
        return cls(tuple(_dumps(tuple(items[i:i + run])) for i in range(0, len(items), run)),
                   len(items), run)

    def __reduce__(self):
        return (ShardedList, (self._blobs, self._len, self._run))

    def __len__(self) -> int:
        return self._len

    def __getitem__(self, i: int) -> Any:
        if not isinstance(i, int) or isinstance(i, bool):
            raise TypeError(f"list indices must be integers, not {type(i).__name__}")
        if i < 0:
            i += self._len
        if not 0 <= i < self._len:
            raise IndexError(i)
        j = i // self._run
        part = self._read[j]
        if part is None:
            part = self._load(j)
        return part[i - j * self._run]

    def __iter__(self) -> Iterator[Any]:
        for j in range(len(self._blobs)):
            part = self._read[j]
            yield from (part if part is not None else self._load(j))

    def whole(self) -> tuple:
        return tuple(x for j, part in enumerate(self._read)
                     for x in (part if part is not None else self._load(j)))


SHARDED = (ShardedMap, ShardedSet, ShardedList)
