"""Homophone typos (同音错字): 水裤 for 水库, 消坊通道 for 消防通道, 洋尘 for 扬尘.

Callers type on pinyin keyboards and dictate to the hotline, so the commonest typo is a
character with the sound of the right one. A description that matches nothing is read again
with each such slip put right: a span of the text that sounds like a word of the matching
knowledge (2–4 characters), differs from it in exactly one character, and is not itself a
Chinese word, is replaced by that word. The matcher says which characters it read differently,
so the clerk can check.

Sounds are compared loosely, as many northern speakers (Henan included) pronounce them: the
tones are ignored, zh/ch/sh are read as z/c/s, l as n, and -eng/-ing as -en/-in. Each character
is read with its usual reading only, the first one of pypinyin's table of readings (its data file
pinyin_dict.json, read as JSON when a description first needs it, without importing pypinyin's
word lists): the rare readings of 说 (shuì) or 埋 (mán) would turn everyday words into slips. Words holding a
grammatical character (被, 了, 在 …) are never the intended word (比人 is not a slip for 被人),
and such a character as written is never the slip (全是 is not 全死).
The matcher keeps a reading only where the corrected word is evidence for what it then finds.
"""
from __future__ import annotations

import importlib.util
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Iterable

import orjson

MIN_LEN, MAX_LEN = 2, 4
# Characters that make a word grammatical rather than a thing or an act: such a word is not
# offered as the intended one, and such a character as written is taken as meant (全是 is not a
# slip for 全死, 地上 not for 堤上, 压到 not for 压倒).
_GRAMMAR = frozenset("被了在是着过把将给让和与也都就还又很太未没不有")
_AS_WRITTEN = _GRAMMAR | frozenset("的地得到")   # (地 and 到 also mean land and arrive: 占地 stays a word)
# A number is said as meant: 四楼 is no slip for 十楼 (a high-rise), 三层 none for 山层.
_AS_WRITTEN |= frozenset("零〇一二两三四五六七八九十百千万几")


def _fold(syllable: str) -> str:
    """A syllable as a northern speaker may say it (see the module docstring)."""
    s = syllable.replace("zh", "z").replace("ch", "c").replace("sh", "s")
    if s.startswith("l"):
        s = "n" + s[1:]
    if s.endswith(("eng", "ing")):
        s = s[:-1]
    return s


@lru_cache(maxsize=1)
def _readings() -> dict[int, str]:
    """pypinyin's table: code point -> its readings with tone marks, the usual one first."""
    spec = importlib.util.find_spec("pypinyin")   # (finds the package without importing it)
    if spec is None or spec.origin is None:
        return {}
    table = orjson.loads(Path(spec.origin).with_name("pinyin_dict.json").read_bytes())
    return {int(k): str(v) for k, v in table.items()}


def _toneless(reading: str) -> str:
    text = unicodedata.normalize("NFD", reading).replace("u\u0308", "v")   # ü stays apart from u
    return "".join(c for c in text if not unicodedata.combining(c))


@lru_cache(maxsize=None)
def _sounds(ch: str) -> frozenset[str]:
    """The usual reading of one character, folded; empty for what is not a Chinese character."""
    if not ("\u4e00" <= ch <= "\u9fff"):
        return frozenset()
    readings = _readings().get(ord(ch))
    if not readings:
        return frozenset()
    return frozenset({_fold(_toneless(readings.split(",")[0]))})


def _chinese(word: str) -> bool:
    return all("\u4e00" <= ch <= "\u9fff" for ch in word)


class Homophones:
    """The words of the matching knowledge, indexed by the sounds of their first two characters."""

    def __init__(self, words: Iterable[str]):
        self._words = frozenset(w for w in words if MIN_LEN <= len(w) <= MAX_LEN and _chinese(w)
                                and not _GRAMMAR.intersection(w))
        self._index: dict[tuple[str, str], list[str]] | None = None

    def _built(self) -> dict[tuple[str, str], list[str]]:
        if self._index is None:
            index: dict[tuple[str, str], list[str]] = {}
            for w in sorted(self._words, key=lambda w: (-len(w), w)):   # longer words first
                for a in _sounds(w[0]):
                    for b in _sounds(w[1]):
                        index.setdefault((a, b), []).append(w)
            self._index = index
        return self._index

    def correct(self, text: str) -> tuple[str, tuple[tuple[int, str, str], ...]]:
        """`text` with each homophone slip replaced by the word it sounds like, and the
        replacements made (position, as written, as read). Replacements never overlap and keep
        the length, so positions in the corrected text are positions in `text`."""
        index = self._built()
        chars = list(text)
        fixes: list[tuple[int, str, str]] = []
        # the words of the knowledge as written: a span that cuts into one is no slip (the 区里 of
        # 小区里 is not 渠里)
        known = [(a, a + n) for a in range(len(text)) for n in range(MIN_LEN, MAX_LEN + 1)
                 if text[a:a + n] in self._words]
        i = 0
        while i < len(chars) - 1:
            found = None
            for a in _sounds(chars[i]):
                for b in _sounds(chars[i + 1]):
                    for w in index.get((a, b), ()):
                        j = i + len(w)
                        if any(ka < i < kb or ka < j < kb for ka, kb in known):
                            continue
                        found = self._slip(chars, i, w)
                        if found:
                            break
                    if found:
                        break
                if found:
                    break
            if found:
                span, w = found
                chars[i:i + len(w)] = list(w)
                fixes.append((i, span, w))
                i += len(w)
            else:
                i += 1
        return "".join(chars), tuple(fixes)

    def _slip(self, chars: list[str], i: int, w: str) -> tuple[str, str] | None:
        """(span, w) if the text at `i` is a one-character slip for the word `w`."""
        span = "".join(chars[i:i + len(w)])
        if len(span) != len(w) or span == w or span in self._words:
            return None
        diff = [a for a, b in zip(span, w) if a != b]
        if len(diff) != 1 or diff[0] in _AS_WRITTEN:
            return None
        if not all(_sounds(b) & _sounds(a) for a, b in zip(span, w)):
            return None
        return span, w
