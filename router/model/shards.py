"""Knowledge kept in pieces, each read the first time it is asked for.

The matcher's word indexes hold ~40,000 words, and unpickling them all took about a third of a
one-off `zhifa route` (callgrind), though one description looks up a few dozen of them. In the
start-up cache the word indexes are cut along the same lines into 1,024 pieces, a word going to
the piece of its first character, and each piece holds the entries of every index (WordPieces),
so that a word is one string for all of them; a piece is unpickled when a word starting with such
a character is first looked up (with the cache's own unpickler: the pieces come from the same file
and are trusted no more). (256 pieces until the twenty-eighth session; with 1,024 the pieces a
one-off route reads hold half as many strings, 7,600, and it takes 12 M fewer instructions of
491 M, callgrind.) Lists (a matter's knowledge, the out-of-catalog topics) are cut into
runs of positions (ShardedList). A process that matches many descriptions makes its word
indexes whole again (`whole()`), so that the hot loops look words up in plain sets and dicts.

Only what the matcher asks of these indexes is offered: membership, get and [] by word, and,
for sets, the members among some words and iteration.

The pickled pieces are kept as Blobs when built; the start-up cache writes each of them as a block
of its own after the rest of the state and, when it loads the state, reads a block only when its
piece is first asked for (StoredBlobs; router/files/cache.py).
"""
from __future__ import annotations

from zlib import crc32
from typing import Any, Iterable, Iterator

from router.model.errors import ZhifaError
from router.model.pickling import safe_loads

PIECES = 1024         # pieces of a word index (a word's piece: its first character's code, mod 1024)
RUN = 16              # positions of a list in one piece, unless told otherwise


def _piece(word: str) -> int:
    first = ord(word[0])
    if first < 0x80:
        # Keys led by an ASCII character are mostly the matcher's own (`gap:…` for every gapped
        # word, `re:…`, `(…`): by their first character they all fell in three pieces, one of them
        # 796 KB that nearly every description read (a one-off route unpickled 1.75 MB; 1.03 MB
        # since, and 14 M fewer instructions of 727 M, callgrind). They go by a checksum of the
        # whole key instead.
        return crc32(word.encode("utf-8", "surrogatepass")) & (PIECES - 1)
    return first & (PIECES - 1)


def _dumps(obj: Any) -> bytes:
    import pickle   # (only when the pieces are made: a start that reads them needs the unpickler only)
    return pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)


class Blobs(tuple):
    """The pickled pieces of one set of indexes or one list, in memory (as built, or unpickled
    from anything but the start-up cache's file)."""

    __slots__ = ()


class StoredBlobs:
    """The pickled pieces of one set of indexes or one list, kept in the start-up cache's file
    as its blocks first … first + count - 1, each read (and checked) when it is asked for:
    `blocks.read(i)` is block i's bytes. Pickled again, they are read and written as Blobs."""

    __slots__ = ("_blocks", "_first", "_len")

    def __init__(self, blocks: Any, first: int, count: int):
        self._blocks = blocks
        self._first = first
        self._len = count

    def __len__(self) -> int:
        return self._len

    def __getitem__(self, i: int) -> bytes:
        if not 0 <= i < self._len:
            raise IndexError(i)
        return self._blocks.read(self._first + i)

    def __iter__(self) -> Iterator[bytes]:
        return (self[i] for i in range(self._len))

    def __reduce__(self):
        return (Blobs, (tuple(self),))


class _Pieces:
    __slots__ = ("_blobs", "_read")

    def __init__(self, blobs: tuple[bytes, ...] | Blobs | StoredBlobs):
        self._blobs = blobs if isinstance(blobs, (Blobs, StoredBlobs)) else Blobs(blobs)
        self._read: list[Any] = [None] * len(blobs)

    def _load(self, i: int) -> Any:
        try:
            part = safe_loads(self._blobs[i])
        except Exception as exc:  # noqa: BLE001 - a damaged or refused piece: say what to do
            raise ZhifaError(f"启动缓存文件已损坏，其中一块无法读取（{type(exc).__name__}: {exc}）；"
                             "请删除缓存文件夹（环境变量 ZHIFA_CACHE_DIR，默认 ~/.cache/zhifa）后重试，"
                             "下次启动会重新生成") from exc
        self._read[i] = part
        return part


class WordPieces(_Pieces):
    """Several indexes of words cut along the same lines: piece i holds, for every index, its
    entries whose word falls in piece i, pickled together so that a word is one string object
    for all of them (unpickled once, as in a single pickle)."""

    __slots__ = ()

    def __reduce__(self):
        return (WordPieces, (self._blobs,))

    def __len__(self) -> int:
        return len(self._blobs)

    def part(self, i: int, slot: int) -> Any:
        parts = self._read[i]
        if parts is None:
            parts = self._load(i)
        return parts[slot]

    @staticmethod
    def index(indexes: dict[str, dict[str, Any] | frozenset[str]]) -> dict[str, "ShardedMap | ShardedSet"]:
        """The indexes (name -> dict or frozenset of words), each as a view of shared pieces."""
        names = list(indexes)
        groups: list[list[Any]] = [[{} if isinstance(indexes[n], dict) else [] for n in names]
                                   for _ in range(PIECES)]
        for slot, name in enumerate(names):
            index = indexes[name]
            if isinstance(index, dict):
                for k, v in index.items():
                    groups[_piece(k)][slot][k] = v
            else:
                for w in index:
                    groups[_piece(w)][slot].append(w)
        pieces = WordPieces(tuple(_dumps(tuple((p or None) if isinstance(p, dict) else (frozenset(p) or None)
                                                for p in g)) for g in groups))
        return {name: (ShardedMap if isinstance(indexes[name], dict) else ShardedSet)(pieces, slot)
                for slot, name in enumerate(names)}


class WordIndex:
    __slots__ = ("_pieces", "_slot")

    def __init__(self, pieces: WordPieces, slot: int):
        self._pieces = pieces
        self._slot = slot

    def __reduce__(self):
        return (type(self), (self._pieces, self._slot))

    def _parts(self) -> list:
        return [self._pieces.part(i, self._slot) for i in range(len(self._pieces))]


class ShardedMap(WordIndex):
    """A read-only dict of words, read piece by piece."""

    __slots__ = ()
    _NONE: dict = {}

    def _of(self, k: str) -> dict:
        return self._pieces.part(_piece(k), self._slot) or self._NONE

    def get(self, k: str, default: Any = None) -> Any:
        return self._of(k).get(k, default) if k else default

    def __getitem__(self, k: str) -> Any:
        if not k:
            raise KeyError(k)
        return self._of(k)[k]

    def __contains__(self, k: object) -> bool:
        return isinstance(k, str) and bool(k) and k in self._of(k)

    def whole(self) -> dict[str, Any]:
        """The plain dict (every piece read; the matcher only looks words up in it)."""
        merged: dict[str, Any] = {}
        for part in self._parts():
            if part:
                merged.update(part)
        return merged


class ShardedSet(WordIndex):
    """A read-only frozenset of words, read piece by piece."""

    __slots__ = ()
    _NONE: frozenset = frozenset()

    def __contains__(self, w: object) -> bool:
        if not isinstance(w, str) or not w:
            return False
        return w in (self._pieces.part(_piece(w), self._slot) or self._NONE)

    def intersection(self, words: Iterable[str]) -> frozenset[str]:
        return frozenset(w for w in words if w in self)

    def __iter__(self) -> Iterator[str]:
        for part in self._parts():
            if part:
                yield from part

    def whole(self) -> frozenset[str]:
        return frozenset().union(*[part for part in self._parts() if part])


class ShardedList(_Pieces):
    """A read-only sequence, unpickled RUN positions at a time."""

    __slots__ = ("_len", "_run")

    def __init__(self, blobs: tuple[bytes, ...], length: int = 0, run: int = RUN):
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
