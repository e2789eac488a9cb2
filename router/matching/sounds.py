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
import itertools
import re
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


# ---------------------------------------------------------------------------------------------
# Pinyin typed instead of characters (zhatuche bu gai, 烧luntai, loudao chongdian): a phone or a
# form that took the letters without turning them into characters. A run of Latin letters is read
# as pinyin when it can be cut, whole, into syllables, at least one stretch of them being the reading
# (toneless, usual reading of each character) of a word of the matching knowledge of two or more
# characters; the other syllables are grammatical words typed between them (bu 不, mei 没) or are
# left as typed. A reading shared by several words (jianfang: 建房, 间房) gives each in turn.

_LATIN_RUN = re.compile(r"[A-Za-z]+(?:[ '’\-]+[A-Za-z]+)*")
# Grammatical words typed as pinyin between words of the knowledge, read as their usual character.
_GRAMMAR_SYLLABLES = {"bu": "不", "mei": "没", "meiyou": "没有", "zai": "在", "you": "有", "bei": "被",
                      "ba": "把", "le": "了", "de": "的", "hai": "还", "ye": "也", "dou": "都",
                      "jiu": "就", "tai": "太", "hen": "很", "wei": "未"}
_MAX_WORD_LETTERS = 36
_MAX_READINGS = 4


def has_latin(text: str) -> bool:
    """Whether `text` has a Latin letter (the cheap test before any pinyin is looked for)."""
    return _LATIN_RUN.search(text) is not None


@lru_cache(maxsize=None)
def _typed(ch: str) -> str | None:
    """The letters typed for one character: its usual reading without tones (ü typed as u)."""
    r = _readings().get(ord(ch))
    return _toneless(r.split(",")[0]).replace("v", "u") if r else None


def _reading_of(word: str) -> str | None:
    out = []
    for ch in word:
        r = _typed(ch)
        if r is None:
            return None
        out.append(r)
    return "".join(out)


@lru_cache(maxsize=1)
def _syllables() -> frozenset[str]:
    """Every toneless syllable of pypinyin's table (what a run must be cut into)."""
    every = {one for r in _readings().values() for one in r.split(",")}
    out = {_toneless(one).replace("v", "u") for one in every}
    return frozenset(s for s in out if s.isascii() and s.isalpha())


class PinyinReader:
    """The words of the matching knowledge by their pinyin (built when a description first has
    Latin letters)."""

    def __init__(self, words: Iterable[str]):
        words = [w for w in words if 1 <= len(w) <= 8 and _chinese(w)]
        self._source = [w for w in words if len(w) >= 2]
        self._one = [w for w in words if len(w) == 1]
        self._index: dict[str, list[str]] | None = None
        self._singles: dict[str, str] = {}

    def _built(self) -> dict[str, list[str]]:
        if self._index is None:
            index: dict[str, list[str]] = {}
            for w in sorted(self._source):
                key = _reading_of(w)
                if key and len(key) <= _MAX_WORD_LETTERS:
                    index.setdefault(key, []).append(w)
            # one-character words (停, 堆, 烧 …) by their syllable, where the knowledge has only
            # one word of that sound (da is 打 or 搭: left as letters)
            ones: dict[str, list[str]] = {}
            for w in sorted(self._one):
                key = _reading_of(w)
                if key and key not in _GRAMMAR_SYLLABLES:
                    ones.setdefault(key, []).append(w)
            self._singles = {k: v[0] for k, v in ones.items() if len(v) == 1}
            self._index = index
        return self._index

    def _cut(self, letters: str) -> list[tuple[str, str]] | None:
        """`letters` cut into pieces (kind, letters): "word" (a reading of the index), "grammar",
        "single" (a one-character word of the knowledge) or "syllable"; the cut with the most
        letters in words, then in one-character words, then the fewest pieces; None if no cut into
        such pieces exists or none of them is a word (a lone "ting" is read as nothing)."""
        index, syllables, singles = self._built(), _syllables(), self._singles
        n = len(letters)
        best: list[tuple[int, int, int, list[tuple[str, str]]] | None] = [None] * (n + 1)
        best[0] = (0, 0, 0, [])
        for i in range(n):
            if best[i] is None:
                continue
            in_words, in_ones, pieces, cut = best[i]
            for j in range(i + 1, min(n, i + _MAX_WORD_LETTERS) + 1):
                piece = letters[i:j]
                kinds = []
                if piece in index:
                    kinds.append(("word", in_words + (j - i), in_ones))
                if piece in _GRAMMAR_SYLLABLES:
                    kinds.append(("grammar", in_words, in_ones))
                elif piece in singles:
                    kinds.append(("single", in_words, in_ones + (j - i)))
                elif piece in syllables:
                    kinds.append(("syllable", in_words, in_ones))
                for kind, score, ones in kinds[:1]:
                    cand = (score, ones, pieces + 1, cut + [(kind, piece)])
                    old = best[j]
                    if old is None or (cand[0], cand[1], -cand[2]) > (old[0], old[1], -old[2]):
                        best[j] = cand
        end = best[n]
        if end is None or end[0] == 0:
            return None
        return end[3]

    def read(self, text: str) -> list[tuple[str, tuple[tuple[int, int, int, int, str], ...]]]:
        """Readings of `text` with its pinyin runs turned into characters: (the text read, its
        pieces (start and end as read, start and end as written, the letters)), at most
        _MAX_READINGS, none when no run reads as pinyin."""
        runs = []
        for m in _LATIN_RUN.finditer(text):
            # (ü is typed as v on pinyin keyboards: lvhuadai is 绿化带; no other syllable has a v)
            letters = re.sub(r"[^A-Za-z]", "", m.group()).lower().replace("v", "u")
            cut = self._cut(letters)
            if cut is not None:
                runs.append((m.start(), m.end(), cut))
        if not runs:
            return []
        index = self._built()
        choices: list[list[str]] = []
        for _, _, cut in runs:
            for kind, piece in cut:
                if kind == "word" and len(index[piece]) > 1:
                    choices.append(index[piece])
        out = []
        for pick in itertools.islice(itertools.product(*choices), _MAX_READINGS):
            chosen = iter(pick)
            parts, pieces, pos, at = [], [], 0, 0
            for start, end, cut in runs:
                parts.append(text[pos:start])
                at += start - pos
                words = []
                for kind, piece in cut:
                    if kind == "word":
                        words.append(next(chosen) if len(index[piece]) > 1 else index[piece][0])
                    elif kind == "grammar":
                        words.append(_GRAMMAR_SYLLABLES[piece])
                    elif kind == "single":
                        words.append(self._singles[piece])
                    else:
                        words.append(piece)
                read = "".join(words)
                parts.append(read)
                pieces.append((at, at + len(read), start, end, text[start:end]))
                at += len(read)
                pos = end
            parts.append(text[pos:])
            out.append(("".join(parts), tuple(pieces)))
        return out
