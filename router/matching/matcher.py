"""Find which catalog matters (执法事项) a free-text description of a violation covers.

The knowledge is data (catalog/matching.yaml, edited by policy staff); this module is generic
over it: no matter id appears in the code.

How a description is matched:
1. it is normalised (router/textnorm.py), keeping a map back to the original characters;
2. every word of the vocabulary is found in it (all occurrences, overlaps allowed) by one
   dictionary scan (no regular expressions: “(甲|乙)” choices are expanded to plain words when the
   file is loaded, and a gapped word 甲…乙 is assembled from its pieces' occurrences, each piece
   keeping its choices: (往|朝)…(渠|沟)里 is one gapped word, not four; a word that must be the
   whole text, ^甲$, is looked up as the text, or as what a framed report says (_find_only); only
   the few `re:` words are regular expressions, compiled on first use). A word inside a longer word of the
   shared vocabulary that is not its head is hidden (烧烤 in 烧烤店; 地里 in 工地里), and so is any
   word inside a `whole` word;
3. each matter's cues (线索) are checked: a cue is one word, a concept (【公路】: any word of the
   shared group), or a combination “A+B” whose parts must all occur close together. A matched
   cue adds its weight; a matter's score is 1 - Π(1 - weight) over its matched cues;
4. required context (requires) missing, or exclusion context (excludes) present near the matter's
   evidence, cuts the score (an exclusion said in a clause that adds another act, apart from
   where the matter is told whole, does not, unless it is made of place or scene words only);
5. inside a family of confusable matters (families), a member whose evidence lies entirely in the
   words of a stronger member is dropped (the stronger one is more specific); two members whose
   evidence is the same and whose scores are close are reported as ambiguous, not guessed; a
   third matter put together from one word of each of two other chosen matters' clauses is not
   chosen (_borrowed), nor a matter told only where a matter it `yields_to` is told (_yield;
   not where that one is told across clauses, a part in each, the later adding an act);
6. the no-fit vocabulary (nofit) raises the bar (not for an act told apart after "，还…") and
   explains why nothing fits;
7. when nothing is selected and no no-fit word occurs, a relaxed second pass (relaxed) may select
   the clearly best weak candidate if a marker of wrongdoing (被人、私自…) is near its evidence;
8. the character n-gram models shipped beside matching.yaml (learned.py) then: veto a choice
   without a keyword that reads like the out-of-catalog reports (outside.json; read without the
   pleas for action and without a ticket's header saying where it comes from), order two close
   matters and put first the clearly likeliest member of a family offered on its everyday words
   (ngram.json; the order only), offer a guess for a text no cue places, and guess the
   competent body of an out-of-catalog report (competent.json).
"""
from __future__ import annotations

import dataclasses
import gc
import itertools
import math
import re
import threading
from math import prod
import time
from array import array
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping

from router.files.yamlio import load_file
from router.matching.learned import (
    COMPETENT_FILE as _COMPETENT_FILE,
    FILE_NAME as _MODEL_FILE,
    NONE as _NONE,
    OUTSIDE_FILE as _OUTSIDE_FILE,
    NgramModel,
)
from router.matching.citations import Article, Citations
from router.matching.sounds import Homophones, PinyinReader, has_latin
from router.matching.textnorm import CLAUSE_BREAKS, NormText, PhraseMap, fold, is_pictograph, normalize
from router.model.errors import CatalogError, InputError, Problem
from router.model.lazydc import dataclass
from router.model.lazyre import LazyPattern
from router.model.shards import ShardedList, WordPieces, WordIndex

# Words that add another act ("烧电缆皮，还把生活垃圾倒在路边"). Right after a comma they end the
# act before them: the pieces of a gapped word 甲…乙 on either side are not one word (_NEXT_ACT).
# 并 before a place or an object (并在…, 并把…, 并往…) adds one as 并且 does; 并 alone is left out
# (并不, 并没有, 合并).
_ANOTHER_ACT = ("还", "也", "又", "另外", "另有", "另称", "另反映", "另诉", "同时", "并且", "而且", "此外",
                "并在", "并将", "并把", "并往", "并向", "并从")
# A later item of a numbered list at the start of a clause tells another act as plainly as 还/也:
# "一是…；二是…", "1.…；2.…", "①…②…" (folded to digits), "二、…", "(2)…". A bare digit counts only
# before a word that is not a count or a number's unit ("2个人", "3号楼", "5米" are no items).
_ITEM = (r"(?:[二三四五六七八九]是|其[二三四五]|[二三四五六七八九][、.．]"
         r"|[(（][2-9二三四五六七八九][)）]|[2-9](?:[、.．)）](?!\d)|(?![\d.%个人只辆台处家户名条棵块座间层楼号栋"
         r"单月日年天次把米吨车点时分元斤亩平方公里岁])))")
_ITEM_START = LazyPattern(r"\s*" + _ITEM)
_NEXT_ACT = re.compile(",(?:" + "|".join(_ANOTHER_ACT) + ")|[,;]\\s*" + _ITEM)
# Where a later item of a list starts: after a semicolon, or at a numbered item after a comma
# ("一是…，二是…"): an item is its own report for exclusions (_other_item).
_ITEM_BREAK = re.compile(r"(?<=;)|,\s*(?=" + _ITEM + ")")

# Matchers built in this process, by where matching.yaml is, the bytes of it and of the model
# beside it, and the matters (Matcher.load); a few catalogs at most.
_BUILT: dict[tuple, "Matcher"] = {}
_BUILT_MAX = 8

__all__ = ["Matcher", "MatchResult", "Candidate", "Span", "Choice", "Guidance"]

# ---------------------------------------------------------------------------------------------
# Results: frozen, slotted dataclasses (compared, hashed and printed by value).


@dataclass(frozen=True, slots=True)
class Span:
    """Characters [start, end) of the ORIGINAL description that triggered a match."""

    start: int
    end: int
    text: str

    def to_json(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True, slots=True)
class Candidate:
    """A matter the description may be about: its score, evidence and reasons."""

    matter: str
    score: float
    spans: tuple[Span, ...]
    reasons: tuple[str, ...]
    selected: bool

    def to_json(self) -> dict:
        return {"matter": self.matter, "score": round(self.score, 4),
                "spans": [s.to_json() for s in self.spans],
                "reasons": list(self.reasons), "selected": self.selected}


@dataclass(frozen=True, slots=True)
class Choice:
    """An ambiguous group offered to the clerk: its matters (first = the likeliest), the family
    they belong to and the question that tells them apart (from catalog/matching.yaml)."""

    matters: tuple[str, ...]
    family: str | None
    question: str | None

    def to_json(self) -> dict:
        return {"matters": list(self.matters), "family": self.family, "question": self.question}


@dataclass(frozen=True, slots=True)
class Guidance:
    """For a report outside the catalog: the body likely competent, as guidance (not a decision
    of jurisdiction), with the legal basis and source recorded in catalog/matching.yaml."""

    topic: str
    body: str
    aliases: tuple[str, ...]
    basis: str
    source: str
    words: tuple[str, ...]

    def to_json(self) -> dict:
        return {"kind": "guidance", "topic": self.topic, "body": self.body,
                "aliases": list(self.aliases), "basis": self.basis, "source": self.source,
                "words": list(self.words),
                "note": "指引：可能的主管机关，供办事员告知或转办参考，不是管辖决定"}


@dataclass(frozen=True, slots=True)
class MatchResult:
    """What a description matched: the candidates, the chosen matters or choices, and notes."""

    text: str
    status: str  # "matched" | "no_fit" | "ambiguous"
    candidates: tuple[Candidate, ...]
    selected: tuple[str, ...]
    ambiguous: tuple[tuple[str, ...], ...]
    notes: tuple[str, ...]
    choices: tuple[Choice, ...] = ()      # the ambiguous groups with their family and question
    guidance: tuple[Guidance, ...] = ()   # out-of-catalog topics named, with the competent body
    excluded: tuple[str, ...] = ()        # matters whose cues hit an exclusion (not in to_json)
    not_a_description: bool = False       # symbols, a word list or random text (not in to_json)
    outside: tuple[str, ...] = ()         # out-of-catalog topics the text names (not in to_json)
    on_keyword: bool = False              # a selected matter rests on its own keyword or synonym
    # a question about a catalog act ("楼道里充电罚多少钱", nofit topics marked `asks`): the matters
    # the act would have been, had the sentence reported it (no matter is chosen on a question)
    asked: tuple[str, ...] = ()

    def to_json(self) -> dict:
        return {"text": self.text, "status": self.status,
                "candidates": [c.to_json() for c in self.candidates],
                "selected": list(self.selected),
                "ambiguous": [list(g) for g in self.ambiguous],
                "choices": [c.to_json() for c in self.choices],
                "guidance": [g.to_json() for g in self.guidance],
                "asked": list(self.asked),
                "notes": list(self.notes)}

    def routed(self) -> tuple[str, ...]:
        """What a caller routes on: the selected matters, then the first of each ambiguous group
        (the clerk is asked to confirm those)."""
        out = list(self.selected)
        for group in self.ambiguous:
            if group and group[0] not in out:
                out.append(group[0])
        return tuple(out)


# ---------------------------------------------------------------------------------------------
# Compiled knowledge

MATTER_KEYS = {"keywords", "synonyms", "colloquial", "combos", "weak", "requires", "excludes",
               "priority", "note", "yields_to", "yields_unless"}
CUE_KINDS = ("keywords", "synonyms", "colloquial", "combos", "weak")
_KIND_NAMES = {"keywords": "关键词", "synonyms": "同义说法", "colloquial": "口语说法",
               "combos": "组合", "weak": "弱线索"}
TOP_KEYS = {"version", "settings", "typos", "whole", "concepts", "nofit", "relaxed", "pleas", "headers", "families",
            "matters", "legal_terms", "places", "scene", "law_names"}
# A written word (or a piece of a gapped word) longer than this is a phrase fragment, not a word a
# policy officer can defend: `zhifa catalog check` flags it unless it is listed in legal_terms.
MAX_CUE_CHARS = 6
# A choice between a particle and nothing ((了|), (|的), (着|了|)) makes a word no longer in what it
# says: it is left out when a word's length is checked (放(了|)一晚上(的|)炮 counts as 放一晚上炮).
# Every match has an empty choice; a bracket of particles only ((了|着)) does not match: one is said.
_OPTIONAL_PARTICLE = LazyPattern(r"\((?:[了着过的地得呢啊呀吧]\|)*(?:\|[了着过的地得呢啊呀吧])*\|?\)")
DEFAULT_SETTINGS: dict[str, Any] = {
    "select_threshold": 0.6,      # 选中所需的最低分
    "nofit_threshold": 0.85,      # 出现目录外词语时，选中所需的最低分
    "ambiguity_margin": 0.12,     # 同类两事项分差不超过此值且证据相同 → 难以区分
    "independent_threshold": 0.8, # 同类事项并列选中时，各自独有的依据须达到的分数
    "combo_window": 40,           # 组合线索各部分之间的最大距离（字）
    "gap_max": 8,                 # “甲…乙”写法中，甲乙之间最多相隔的字数
    "max_candidates": 8,          # 最多列出的候选事项数
    "min_candidate_score": 0.1,   # 低于此分的候选不列出
    "learned_threshold": 0.4,     # 没有词语依据时，n 元模型给出候选（供核实）所需的最低概率
    "outside_threshold": 0.65,    # 没有关键词依据时，目录外模型认定“目录外”所需的最低概率
    "outside_max_score": 0.99,    # 选中的事项（或待选的一类事项中最高的）得分达到此值（几条独立的线索）时，目录外模型不再否定它
    "competent_threshold": 0.4,   # 目录外、又没有指引时，模型推测主管机关所需的最低概率
    "order_margin": 0.2,          # 前两个事项分差不超过此值时，由 n 元模型排先后（不增不减事项）
    "order_ratio": 2.0,           # …模型给后者的概率须是前者的这么多倍
    "order_min": 0.3,             # …且不低于此值
    "requires_factor": 0.3,       # 缺少必要语境时分数乘以此系数
    "excludes_factor": 0.15,      # 命中排除语境时分数乘以此系数
    "weights": {"keywords": 0.9, "synonyms": 0.9, "colloquial": 0.8, "combos": 0.85,
                "weak": 0.3},
}
_FLOAT_SETTINGS = ("select_threshold", "nofit_threshold", "ambiguity_margin", "requires_factor",
                   "independent_threshold", "learned_threshold", "outside_threshold",
                   "competent_threshold", "outside_max_score", "order_margin",
                   "order_min",
                   "excludes_factor", "min_candidate_score")
# Settings that are ratios of one probability to another: at least 1 (order_ratio 2.0 is "twice
# as likely"; it was read as a share between 0 and 1, so its own default could not be written).
_RATIO_SETTINGS = ("order_ratio",)
_INT_SETTINGS = ("combo_window", "gap_max", "max_candidates")

# A word ending in an aspect particle (挖了, 堆着) or a result complement (拔走, 砸烂, 踩死) is a
# verb phrase, not a compound: it hides nothing (拔走 still says 拔).
_PARTICLES = frozenset("了着过走掉坏烂断倒开死光完满进回碎塌歪弯裂翻飞瘪毁秃伤到在上下住来")
# Place words after a noun (工地里, 路边, 楼前): the noun before them is the compound's head
# (上 and 下 are left out: they also end verbs, 喷上, 拆下).
_LOCATIVES = frozenset("里内外边旁前后中")
_CONCEPT_RE = LazyPattern(r"^【([^【】]+)】$")
# Noise is not evidence (Matcher._sparse): a text of at least _DENSE_MIN_LEN characters must be
# at least _DENSE_MIN_SHARE known words for single words and combinations to count.
_DENSE_MIN_LEN = 60
_DENSE_MIN_SHARE = 0.08
_OWN_WORD_KINDS = frozenset({"keywords", "synonyms", "colloquial"})
_KEYWORD_KINDS = frozenset({"keywords", "synonyms"})   # a matter's own words (weight 0.9)
# A phrase of at most this many characters (违建, 门口有人卖菜) says too little for the
# out-of-catalog model: the cues' family offer stands. (Leaving each tuning set out in turn, no
# out-of-catalog report the model caught was this short; four vague everyday phrases were.)
_SHORT_MAX = 10
_LIST_SPLIT = re.compile(r"[\s、，,；;/|]+")
_GAP_SPLIT = LazyPattern(r"…+|\.{3,}")
# Homophone slips are looked for only in a description that matched nothing, named nothing
# outside the catalog and is short enough to be one report (see router/matching/sounds.py).
_HOMOPHONE_MAX_LEN = 200
# A question (请问…, …吗？): an article it cites is asked about, not reported as broken.
_QUESTION = LazyPattern(r"[？?]|请问|咨询|[吗呢么](?:[。.!！]|$)")


def _as_written(pieces: tuple[tuple[int, int, int, int, str], ...], pos: int, end: bool) -> int:
    """A position in a text read from pinyin (PinyinReader.read) as a position in the text as
    written: inside a piece read from letters, the piece's letters (their start, or their end for
    the `end` of a span); elsewhere shifted by what the pieces before it changed in length."""
    shift = 0
    for ra, rb, wa, wb, _ in pieces:
        if ra <= pos < rb or (end and ra < pos <= rb):
            return wb if end else wa
        if rb <= pos:
            shift += (wb - wa) - (rb - ra)
    return pos + shift


# A word that must be the whole text (^摊子$, no `re:`): its key is this prefix and the word.
_ONLY = "only:"
# What may stand around such a word: spaces and punctuation ("摊子。", "摊子？？").
_ONLY_AROUND = " \t，,。.！!？?~～…、；;：:"


class _Term:
    """One searchable word (used while loading): a plain string, a gapped word (甲…乙: `pieces`,
    each a tuple of the plain strings it may be, found by the same dictionary scan as every other
    word), a regular expression (`re:`), or a word that is the whole text (^甲$: key _ONLY + 甲,
    looked up as the text, not searched in it)."""

    __slots__ = ("key", "regex", "pieces")

    def __init__(self, key: str, regex: re.Pattern | None = None,
                 pieces: tuple[str, ...] | None = None):
        self.key = key             # folded text, 'gap:'+pieces joined by '…', or 're:'+pattern
        self.regex = regex
        self.pieces = pieces

    @property
    def plain(self) -> bool:
        return self.regex is None and self.pieces is None and not self.key.startswith(_ONLY)


# The compiled knowledge of a province-scale catalog is hundreds of thousands of small pieces,
# and the start-up cache unpickles it in every `zhifa route`. So: parts are shared (every use of
# a concept, every repeat of a word is one object), the classes have slots and pickle as their
# constructor's arguments, and a matter's cues are stored as plain tuples, made into objects
# the first time a description mentions one of its words (Matcher._rule).


def _shared(index: dict) -> dict:
    """`index` with equal values made one object: the term indexes map ~14,000 words each to
    a few hundred (up to ~3,000) distinct tuples of positions, and every separate tuple is one
    more object for the start-up cache to write and unpickle."""
    same: dict = {}
    return {k: same.setdefault(v, v) for k, v in index.items()}


_PACK = "\x1f"   # joins a part's terms in the start-up cache (a part holding it keeps a tuple)
_UNPACKING = threading.Lock()


class _Part:
    """One part of a cue: a set of terms, any of which counts; `label` is what reasons show.

    In the start-up cache a part's terms are one string (joined by _PACK), read as a _PackedPart:
    a one-off `zhifa route` reads the knowledge of about ten matters, thousands of terms, and
    looks at the terms of few of their parts. The string is kept as its UTF-8 bytes, decoded
    when the terms are first asked for: unpickling makes a bytes object of them at the cost of a
    copy, a str at the cost of decoding each character (of the 1,747 parts a one-off route read,
    710 KB, it split 310, 204 KB; decoding the others had cost 12 M instructions, callgrind)."""

    __slots__ = ("label", "concept", "terms", "termset", "tag", "_packed")

    def __init__(self, label: str, concept: str | None, terms: tuple[str, ...]):
        self.label = label
        self.concept = concept
        self.terms = terms         # term keys
        self.termset = frozenset(terms)
        self.tag = f"（{concept}类）" if concept else ""   # after a word it matched, in reasons

    def __reduce__(self):
        terms = self.terms
        if not terms or any(_PACK in t for t in terms):
            return (_Part, (self.label, self.concept, terms))
        packed = _PACK.join(terms).encode("utf-8", "surrogatepass")
        return (_PackedPart, (self.label, self.concept, packed))


class _PackedPart(_Part):
    """A _Part whose terms are still one string: the first time `terms` or `termset` is asked
    for, they are split and it becomes a plain _Part. (Every attribute of a class with
    __getattr__ is read the slow generic way, which CPython does not specialise: with __getattr__
    on _Part and _Cue themselves a batch case took 1.3% more instructions, callgrind.)"""

    __slots__ = ()

    def __init__(self, label: str, concept: str | None, packed: bytes):
        self.label = label
        self.concept = concept
        self._packed = packed
        self.tag = f"（{concept}类）" if concept else ""

    def __getattr__(self, name: str):
        if name not in ("terms", "termset"):   # (these only while they are not set yet)
            raise AttributeError(name)
        # Once per part, under a lock: `terms` is one object for good (a description's
        # occurrences of a part are kept by its id, _Found.part), though the web service's
        # threads may ask for it at the same moment.
        with _UNPACKING:
            try:
                terms = object.__getattribute__(self, "terms")
            except AttributeError:
                terms = tuple(self._packed.decode("utf-8", "surrogatepass").split(_PACK))
                self.termset = frozenset(terms)    # (before terms: whoever sees terms sees both)
                self.terms = terms
                self.__class__ = _Part
        return terms if name == "terms" else self.termset


class _Found(dict):
    """Occurrences of the vocabulary in one description (`text`, normalised): term ->
    [(start, end)] (never empty, in order of position), plus each part's occurrences, worked out
    once per description (keyed by the part's term tuple, shared by all uses of a concept)."""

    __slots__ = ("text", "_parts", "_alone", "combined")

    def __init__(self, occ: dict[str, list[tuple[int, int]]], text: str):
        super().__init__(occ)
        self.text = text
        self._parts: dict[int, list[tuple[int, int, str]]] = {}
        self._alone: dict[int, tuple] = {}
        self.combined: dict[tuple[_Part, ...], tuple | None] = {}  # see Matcher._match_cue

    def part(self, part: _Part) -> list[tuple[int, int, str]]:
        """Occurrences of a part, each with its term (several terms may start at one place), by
        position, longer first, then in the order of the mapping."""
        key = id(part.terms)
        out = self._parts.get(key)
        if out is None:
            present = part.termset.intersection(self)
            if len(present) == 1:
                (t,) = present
                out = [(a, b, t) for a, b in self[t]]   # already in order
            elif not present:
                out = []
            else:
                terms = [t for t in self if t in present]  # in the mapping's order, so that…
                out = [(a, b, t) for t in terms for a, b in self[t]]
                out.sort(key=lambda x: (x[0], -x[1]))  # …the stable sort breaks ties that way
            self._parts[key] = out
        return out

    def alone(self, part: _Part) -> tuple | None:
        """A cue of this part alone: (ranges, words, terms) of all its occurrences, or None."""
        key = id(part.terms)
        if key not in self._alone:
            o = self.part(part)
            self._alone[key] = _evidence(o, self.text) if o else None
        return self._alone[key]


def _evidence(occs: list[tuple[int, int, str]], text: str
              ) -> tuple[tuple[tuple[int, int], ...], tuple[str, ...], tuple[str, ...]]:
    """Occurrences (start, end, term) as a hit's ranges, words and terms."""
    starts, ends, terms = zip(*occs)
    ranges = tuple(zip(starts, ends))
    return ranges, tuple([text[a:b] for a, b in ranges]), terms


class _Cue:
    __slots__ = ("kind", "parts", "weight", "index_part", "other_termsets", "_index")

    def __init__(self, kind: str, parts: tuple[_Part, ...], weight: float):
        self.kind = kind
        self.parts = parts
        self.weight = weight
        # The part a cue is indexed under (Matcher._cues_by_term): the one with the fewest words
        # (likely the most specific). A cue reached through the index has that part present, so
        # only the other parts' words remain to be checked (possible_given_index). Its position
        # is kept in the start-up cache, so that no part's terms are read to find it again.
        index = parts.index(min(parts, key=lambda part: len(part.termset)))
        self._index = index
        self.index_part = parts[index]
        self.other_termsets = tuple(p.termset for i, p in enumerate(parts) if i != index)

    def __reduce__(self):
        return (_ReadCue, (self.kind, self.parts, self.weight, self._index))

    def spec(self) -> tuple:
        return (self.kind, self.parts, self.weight, self._index)

    def possible(self, found: set[str] | frozenset[str]) -> bool:
        """Each part has one of its words among `found` (else the cue cannot match)."""
        for part in self.parts:
            if part.termset.isdisjoint(found):
                return False
        return True

    def possible_given_index(self, found: set[str] | frozenset[str]) -> bool:
        """possible(), for a cue reached through a found word of its index part."""
        for termset in self.other_termsets:
            if termset.isdisjoint(found):
                return False
        return True


class _ReadCue(_Cue):
    """A _Cue read from the start-up cache, its index part's position known: its other parts'
    term sets are gathered the first time they are asked for, and then it becomes a plain _Cue
    (see _PackedPart)."""

    __slots__ = ()

    def __init__(self, kind: str, parts: tuple[_Part, ...], weight: float, index: int):
        self.kind = kind
        self.parts = parts
        self.weight = weight
        self._index = index
        self.index_part = parts[index]

    def __getattr__(self, name: str):
        if name != "other_termsets":
            raise AttributeError(name)
        index = self._index
        others = tuple(p.termset for i, p in enumerate(self.parts) if i != index)
        self.other_termsets = others
        self.__class__ = _Cue
        return others


class _Rule:
    """A matter's matching knowledge."""

    __slots__ = ("matter", "cues", "requires", "excludes", "priority", "excludes_by_word")

    def __init__(self, matter: str, cues: tuple[_Cue, ...], requires: tuple[_Cue, ...],
                 excludes: tuple[_Cue, ...], priority: int):
        self.matter = matter
        self.cues = cues
        self.requires = requires
        self.excludes = excludes
        self.priority = priority
        # the exclusions (positions) by the words of their index parts: only those listed under a
        # word of a description may match it (Matcher._exclusions)
        by_word: dict[str, list[int]] = {}
        for i, c in enumerate(excludes):
            for t in c.index_part.termset:
                by_word.setdefault(t, []).append(i)
        self.excludes_by_word = {t: tuple(ix) for t, ix in by_word.items()}

    def spec(self, same: dict[tuple, tuple]) -> tuple:
        """Plain tuples (and shared parts): what the start-up cache stores. `same` makes the
        identical cues of different matters one tuple."""
        def cues(group: tuple[_Cue, ...]) -> tuple:
            return tuple(same.setdefault(c.spec(), c.spec()) for c in group)
        return (self.matter, cues(self.cues), cues(self.requires), cues(self.excludes),
                self.priority)

    @classmethod
    def from_spec(cls, spec: tuple) -> "_Rule":
        matter, cues, requires, excludes, priority = spec
        return cls(matter, tuple(_ReadCue(*c) for c in cues), tuple(_ReadCue(*c) for c in requires),
                   tuple(_ReadCue(*c) for c in excludes), priority)


def _said_better(i: int, hits: list[tuple["_NoFit", tuple[int, int]]]) -> bool:
    """The i-th topic hit has no body and its words overlap the longer words of another hit: it
    says less about the same words ("罚多少" inside "充电,罚多少"), and its note is left out, so a
    clerk reads one note for one phrase. A topic that names a body keeps its note and guidance."""
    nf, (a, b) = hits[i]
    return not nf.body and any(c < b and a < d and d - c > b - a
                               for j, (_, (c, d)) in enumerate(hits) if j != i)


class _NoFit:
    """An out-of-catalog topic: its words, the note for the clerk and, when known, the body
    competent for it (`body`, other names it goes by `aliases`, the legal `basis`, `source`)."""

    __slots__ = ("name", "parts", "note", "body", "aliases", "basis", "source", "act", "vague",
                 "closes", "asks", "also", "yields_to", "excludes")

    def __init__(self, name: str, parts: list[_Part], note: str, body: str | None = None,
                 aliases: tuple[str, ...] = (), basis: str | None = None,
                 source: str | None = None, act: bool = False, vague: bool = False,
                 closes: bool = False, asks: bool = False,
                 also: tuple["_AlsoBody", ...] = (), yields_to: tuple[str, ...] = (),
                 excludes: tuple[_Part, ...] = ()):
        self.name = name
        # words that, said near one of its words (within combo_window characters), mean that word
        # is not this topic's (a topic of trees felled by a village road may exclude 自家: "自家院里的
        # 树叫人偷了" is a theft)
        self.excludes = excludes
        # the more specific topics this broad one gives way to: when one of them is found too,
        # this topic's note and guidance are left out (燃气 said, 物业 is not named beside it)
        self.yields_to = yields_to
        # other bodies that share the work of this topic, each with its own basis and source
        # (电力设施被盗: 公安机关 investigates the theft, 电力管理部门 protects the installation)
        self.also = also
        self.act = act          # its words name another act (a fight, a bite, a gas leak)
        # its words say the sentence is not a report of a violation at all (a question whether
        # something is allowed, a follow-up saying it was dealt with): no matter rests on it
        self.closes = closes
        # of those, a question about an act ("罚多少钱", "能不能…"): the matter the act would be is
        # named (MatchResult.asked), so that the clerk can tell the caller who deals with it
        self.asks = asks
        self.vague = vague      # its words only say the text is vague (不文明): not outside the catalog
        self.parts = parts
        self.note = note
        self.body = body
        self.aliases = aliases
        self.basis = basis
        self.source = source


class _AlsoBody:
    """A second body competent for part of an out-of-catalog topic (`also` in matching.yaml)."""

    __slots__ = ("body", "aliases", "basis", "source")

    def __init__(self, body: str, aliases: tuple[str, ...], basis: str, source: str):
        self.body, self.aliases, self.basis, self.source = body, aliases, basis, source


# ---------------------------------------------------------------------------------------------
# Loading

_MAX_EXPANSION = 500
# A gapped word whose pieces' choices occur in more combinations than this is looked for once
# over all of them, not combination by combination (see Matcher._gaps).
_MAX_CHOICES_TRIED = 64
_ALT_GROUP = LazyPattern(r"[(（]([^()（）]*[|｜][^()（）]*)[)）]")
_CHOICE_SPLIT = LazyPattern(r"[|｜]")


@lru_cache(maxsize=4096)
def _regex(pattern: str) -> re.Pattern:
    """re.compile with a cache of this module's own: re's own holds 512 patterns, fewer than the
    knowledge's ~930 `re:` words, so that each build of a matcher in one process (the tests, the
    web service's previews of an edited catalog) compiled every one of them again."""
    return re.compile(pattern)


# A written word or piece starting with a bracket group that holds no choice: (证明)…
_LEADING_PLAIN_GROUP = LazyPattern(r"^\s*[(（][^()（）|｜]*[)）]")


def _expand(raw: str) -> list[str] | None:
    """Expand the choice groups “(甲|乙)” of a written word into plain words (None if malformed:
    a “|” outside a group, or too many words). A group without “|” is ordinary text: 村(居)民."""
    words = [raw]
    while True:
        m = _ALT_GROUP.search(words[0])
        if m is None:
            break
        out = []
        for w in words:
            m = _ALT_GROUP.search(w)
            choices = _CHOICE_SPLIT.split(m.group(1))
            out.extend(w[:m.start()] + c + w[m.end():] for c in choices)
        if len(out) > _MAX_EXPANSION:
            return None
        words = list(dict.fromkeys(out))
    if any("|" in w or "｜" in w for w in words):
        return None
    return [w for w in words if w]


def _cue_parts(raw: str) -> list[str]:
    """The parts of a written cue “A+B+C”. A regular expression (`re:`) runs to the end of the
    cue, so that its own “+” (one or more) is not read as joining parts: “甲+re:\\d+米” is 甲 and
    the expression \\d+米."""
    parts: list[str] = []
    rest = raw
    while True:
        if rest.lstrip().startswith("re:"):
            parts.append(rest)
            return parts
        head, plus, rest = rest.partition("+")
        parts.append(head)
        if not plus:
            return parts


def _balanced(text: str) -> bool:
    """Whether every bracket of `text` is closed within it (a choice group of a gapped word that
    spans a gap, (车位…(被占|占了)), makes its pieces unbalanced)."""
    depth = 0
    for ch in text:
        if ch in "(（":
            depth += 1
        elif ch in ")）":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


class _Loader:
    def __init__(self, path: Path, matters: Mapping[str, str]):
        self.path = str(path)
        self.matters = matters
        self.problems: list[Problem] = []
        self.terms: dict[str, _Term] = {}
        self.concepts: dict[str, tuple[str, ...]] = {}
        self.settings: dict[str, Any] = {}
        self.parts: dict[tuple, _Part] = {}
        self.long_words: list[tuple[str, str | None, str, str]] = []   # (entry, key, word, piece)
        self.yields: dict[str, tuple[str, ...]] = {}   # matter -> the matters it yields_to
        self.yields_unless: dict[str, tuple[_Cue, ...]] = {}   # … unless these words say its act

    def _key(self, term: _Term) -> str:
        """The key of `term`, as one shared string object (see _Part)."""
        return self.terms.setdefault(term.key, term).key

    def _shared_part(self, label: str, concept: str | None, terms: tuple[str, ...]) -> _Part:
        return self.parts.setdefault((label, concept, terms), _Part(label, concept, terms))

    def problem(self, entry: str | None, key: str | None, message: str) -> None:
        self.problems.append(Problem(self.path, entry, key, message))

    # -- small checks -------------------------------------------------------------------------
    def _str_list(self, value: Any, entry: str, key: str) -> list[str]:
        if value is None:
            return []
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            self.problem(entry, key, f"应为词语列表，实际是 {type(value).__name__}")
            return []
        out = []
        for i, item in enumerate(value):
            if isinstance(item, (int, float)) and not isinstance(item, bool):
                item = str(item)
            if not isinstance(item, str) or not item.strip():
                self.problem(entry, key, f"第 {i + 1} 项应为非空文字，实际是 {item!r}")
                continue
            out.append(item.strip())
        return out

    def _term(self, raw: str, entry: str, key: str) -> str | None:
        """Compile one word (with optional “…” gaps or a `re:` prefix) into a term key."""
        if raw.startswith("re:"):
            pattern = raw[3:]
            try:
                rx = _regex(pattern)
            except re.error as exc:
                self.problem(entry, key, f"正则表达式“{pattern}”有误：{exc}")
                return None
            if rx.match(""):
                self.problem(entry, key, f"正则表达式“{pattern}”能匹配空文字")
                return None
            return self._key(_Term("re:" + pattern, rx))
        if raw.startswith("^") or raw.endswith("$"):
            return self._only(raw, entry, key)
        if _GAP_SPLIT.search(raw):
            return self._gapped(raw, entry, key)
        word = fold(raw)
        if not word:
            self.problem(entry, key, f"词语“{raw}”规范化后为空（或“…”两侧缺字）")
            return None
        return self._key(_Term(word))

    def _only(self, raw: str, entry: str, key: str) -> str | None:
        """A word that must be the whole text, ^甲$ (no `re:`): a plain word between ^ and $."""
        inner = raw[1:-1] if len(raw) > 2 and raw.startswith("^") and raw.endswith("$") else ""
        word = fold(inner) if inner and not _ONLY_BAD.search(inner) else ""
        if not word or not word.strip(_ONLY_AROUND):
            self.problem(entry, key, f"“{raw}”：整句词应写成 ^甲$（不加 re:），^ 和 $ 之间是普通词语"
                                     f"（可用 (甲|乙) 选择，不能用 …、【】、+、^、$）")
            return None
        return self._key(_Term(_ONLY + word))

    def _plain_brackets(self, piece: str, raw: str, entry: str, key: str) -> bool:
        """A word or gapped piece that starts with a bracket holding no “|” ((证明), (城中村)…):
        the brackets would be looked for as text (as in 村(居)民), which no description starts a
        word with; reported, and True."""
        if _LEADING_PLAIN_GROUP.match(piece):
            self.problem(entry, key, f"“{raw}”开头的括号里没有“|”：会连括号一起按文字查找，描述里不会有；"
                                     f"普通词语请去掉括号，几种说法请写成 (甲|乙)")
            return True
        return False

    def _gapped(self, raw: str, entry: str, key: str) -> str | None:
        """A gapped word 甲…乙 → its term key; a piece may hold choice groups ((甲|乙)丙), which
        stay its choice of words."""
        alts: list[tuple[str, ...]] = []
        for bit in _GAP_SPLIT.split(raw):
            if self._plain_brackets(bit, raw, entry, key):
                return None
            words = _expand(bit)
            if words is None:
                self.problem(entry, key, f"“{raw}”的选择写法有误：应为 (甲|乙) 形式，括号成对，"
                                         f"每段展开后不超过 {_MAX_EXPANSION} 个词")
                return None
            words = list(dict.fromkeys(fold(w) for w in words))
            if not words or any(not w for w in words):
                self.problem(entry, key, f"词语“{raw}”规范化后为空（或“…”两侧缺字）")
                return None
            alts.append(tuple(self.terms[w].key if w in self.terms else w for w in words))
        return self._key(_Term("gap:" + "…".join("|".join(a) for a in alts), pieces=tuple(alts)))

    def _part(self, raw: str, entry: str, key: str) -> _Part | None:
        raw = raw.strip()
        m = _CONCEPT_RE.match(raw)
        if m:
            name = m.group(1).strip()
            if name not in self.concepts:
                self.problem(entry, key, f"引用了未定义的词组【{name}】")
                return None
            return self._shared_part(name, name, self.concepts[name])
        if "【" in raw or "】" in raw:
            self.problem(entry, key, f"“{raw}”中的【】不成对，或词组引用与文字混写")
            return None
        if not raw.startswith("re:") and ("+" in raw or "＋" in raw):
            # only a matter's cues, requires and excludes (and a family's words) join parts with +;
            # here a + would be a character to find, and no description would ever have it
            self.problem(entry, key, f"“{raw}”中的“+”在这里不表示组合（只有事项的线索、requires、"
                                     f"excludes 和类别的 words 能用“+”组合）：请改用“甲…乙”（间隔）写法，"
                                     f"或分成几个词")
            return None
        ts = self._terms(raw, entry, key)
        if not ts:
            return None
        return self._shared_part(raw, None, tuple(ts))

    def _terms(self, raw: str, entry: str, key: str) -> list[str]:
        """One written word → its term keys: “(甲|乙)丙” stands for the plain words 甲丙 and 乙丙
        (several groups combine: (撞|砸)(坏|烂) is 撞坏、撞烂、砸坏、砸烂). A gapped word keeps
        its choices piece by piece, as one term: (往|朝)…(渠|沟)(里|内)…倒 is one gapped word of
        three pieces, the second one of four words (not 2 × 4 gapped words)."""
        if raw.startswith("re:"):
            t = self._term(raw, entry, key)
            return [t] if t is not None else []
        if _GAP_SPLIT.search(raw) and (raw.startswith("^") or raw.endswith("$")):
            self._only(raw, entry, key)     # (no gap in a whole-text word: reported)
            return []
        if _GAP_SPLIT.search(raw) and all(map(_balanced, _GAP_SPLIT.split(raw))):
            t = self._gapped(raw, entry, key)
            return [t] if t is not None else []
        if self._plain_brackets(raw, raw, entry, key):
            return []
        words = _expand(raw)
        if words is None:
            self.problem(entry, key, f"“{raw}”的选择写法有误：应为 (甲|乙) 形式，括号成对，"
                                     f"展开后不超过 {_MAX_EXPANSION} 个词")
            return []
        out = []
        for w in words:
            t = self._term(w, entry, key)
            if t is not None:
                out.append(t)
        return out

    def _cue(self, raw: Any, kind: str, entry: str, weight: float) -> _Cue | None:
        if isinstance(raw, dict):
            extra = set(raw) - {"cue", "weight"}
            if extra:
                self.problem(entry, kind, f"线索只能有 cue 和 weight 两个键，多了：{'、'.join(map(str, sorted(extra)))}")
                return None
            w = raw.get("weight", weight)
            if isinstance(w, bool) or not isinstance(w, (int, float)) or not 0 < w <= 1:
                self.problem(entry, kind, f"权重 weight 应为 0 到 1 之间的数，实际是 {w!r}")
                return None
            weight = float(w)
            raw = raw.get("cue")
        if not isinstance(raw, str) or not raw.strip():
            self.problem(entry, kind, f"线索应为非空文字，实际是 {raw!r}")
            return None
        pieces = _cue_parts(raw)
        if any(not p.strip() for p in pieces):
            self.problem(entry, kind, f"组合线索“{raw}”中“+”两侧不能为空")
            return None
        parts = [self._part(p, entry, kind) for p in pieces]
        if any(p is None for p in parts):
            return None
        return _Cue(kind, tuple(parts), weight)  # type: ignore[arg-type]

    # -- sections -----------------------------------------------------------------------------
    def load(self, data: Any) -> dict[str, Any]:
        if not isinstance(data, dict):
            self.problem(None, None, "文件顶层应为键值表（settings、concepts、matters 等）")
            raise CatalogError(self.problems)
        for k in data:
            if k not in TOP_KEYS:
                self.problem(None, str(k), f"未知的顶层键“{k}”，可用的键：{'、'.join(sorted(TOP_KEYS))}")
        self._settings(data.get("settings"))
        legal_terms = self._legal_terms(data.get("legal_terms"))
        law_names = self._law_names(data.get("law_names"))
        typos = self._typos(data.get("typos"))
        whole = self._whole(data.get("whole"))
        self._concepts(data.get("concepts"))
        nofit = self._nofit(data.get("nofit"))
        places = self._places(data.get("places"))
        scene = self._scene(data.get("scene"))
        relaxed = self._relaxed(data.get("relaxed"))
        pleas = self._pleas(data.get("pleas"))
        headers = self._headers(data.get("headers"))
        rules = self._matters(data.get("matters"))
        families = self._families(data.get("families"), rules)
        if self.problems:
            raise CatalogError(self.problems)
        concept_terms = {t for ts in self.concepts.values() for t in ts if self.terms[t].plain}
        long_words = tuple(dict.fromkeys((e, k, w) for e, k, w, piece in self.long_words
                                         if piece not in legal_terms))
        return {"settings": self.settings, "typos": typos, "whole": whole, "nofit": nofit,
                "places": places, "relaxed": relaxed, "pleas": pleas, "headers": headers, "rules": rules,
                "yields": self.yields, "yields_unless": self.yields_unless, "scene": scene,
                "families": families, "terms": self.terms, "concept_terms": concept_terms,
                "concepts": self.concepts, "long_words": long_words, "law_names": law_names}

    def _settings(self, raw: Any) -> None:
        s = {k: (dict(v) if isinstance(v, dict) else v) for k, v in DEFAULT_SETTINGS.items()}
        if raw is None:
            raw = {}
        if not isinstance(raw, dict):
            self.problem("settings", None, "settings 应为键值表")
            raw = {}
        for k, v in raw.items():
            if k in _FLOAT_SETTINGS:
                if isinstance(v, bool) or not isinstance(v, (int, float)) or not 0 <= v <= 1:
                    self.problem("settings", k, f"应为 0 到 1 之间的数，实际是 {v!r}")
                    continue
                s[k] = float(v)
            elif k in _RATIO_SETTINGS:
                if isinstance(v, bool) or not isinstance(v, (int, float)) or not 1 <= v <= 100:
                    self.problem("settings", k, f"应为 1 到 100 之间的倍数，实际是 {v!r}")
                    continue
                s[k] = float(v)
            elif k in _INT_SETTINGS:
                if isinstance(v, bool) or not isinstance(v, int) or v < 1:
                    self.problem("settings", k, f"应为正整数，实际是 {v!r}")
                    continue
                s[k] = v
            elif k == "weights":
                if not isinstance(v, dict):
                    self.problem("settings", k, "应为键值表（keywords、synonyms…: 权重）")
                    continue
                for kind, w in v.items():
                    if kind not in CUE_KINDS:
                        self.problem("settings", f"weights.{kind}", f"未知的线索类别“{kind}”")
                    elif isinstance(w, bool) or not isinstance(w, (int, float)) or not 0 < w <= 1:
                        self.problem("settings", f"weights.{kind}", f"权重应为 0 到 1 之间的数，实际是 {w!r}")
                    else:
                        s["weights"][kind] = float(w)
            else:
                self.problem("settings", str(k), f"未知的设置项“{k}”")
        self.settings = s

    def _typos(self, raw: Any) -> PhraseMap:
        if raw is None:
            return PhraseMap({})
        if not isinstance(raw, dict):
            self.problem("typos", None, "typos 应为“错写: 正写”的键值表")
            return PhraseMap({})
        ok = {}
        for k, v in raw.items():
            if not isinstance(k, str) or not isinstance(v, str) or not (fold(k) or is_pictograph(k)) \
                    or not fold(v):
                self.problem("typos", str(k), f"“{k}: {v}”应为两段非空文字（表情符号须单个写，如 🐶: 狗）")
                continue
            ok[k] = v
        return PhraseMap(ok)

    def _whole(self, raw: Any) -> frozenset[str]:
        """Words recognised as a whole: no shorter word inside them counts (院坝 is no 坝)."""
        out: set[str] = set()
        for w in self._str_list(raw, "whole", None):  # type: ignore[arg-type]
            if w.startswith("re:") or _GAP_SPLIT.search(w) or "【" in w or "+" in w:
                self.problem("whole", None, f"“{w}”：整体识别词只能是普通词语（不能用 re:、…、【】或 +）")
                continue
            out.update(self._terms(w, "whole", None))  # type: ignore[arg-type]
        return frozenset(out)

    def _concepts(self, raw: Any) -> None:
        if raw is None:
            return
        if not isinstance(raw, dict):
            self.problem("concepts", None, "concepts 应为“词组名: [词语…]”的键值表")
            return
        lists: dict[str, list[str]] = {}
        for name, words in raw.items():
            if not isinstance(name, str) or not name.strip() or "【" in name or "】" in name \
                    or "+" in name:
                self.problem("concepts", str(name), "词组名应为不含【】和+的文字")
                continue
            lists[name.strip()] = self._str_list(words, "concepts", name)
            self._check_lengths(lists[name.strip()], "concepts", name.strip())
        # A concept may include another one (【村民】 inside 农村); cycles are errors.
        resolving: list[str] = []

        def resolve(name: str) -> tuple[str, ...]:
            if name in self.concepts:
                return self.concepts[name]
            if name in resolving:
                self.problem("concepts", name, f"词组循环引用：{' → '.join(resolving + [name])}")
                return ()
            resolving.append(name)
            keys: list[str] = []
            for w in lists[name]:
                m = _CONCEPT_RE.match(w)
                if m:
                    inner = m.group(1).strip()
                    if inner not in lists:
                        self.problem("concepts", name, f"引用了未定义的词组【{inner}】")
                        continue
                    keys.extend(resolve(inner))
                    continue
                keys.extend(self._terms(w, "concepts", name))
            resolving.pop()
            if not keys:
                self.problem("concepts", name, "词组没有任何有效词语")
            self.concepts[name] = tuple(dict.fromkeys(keys))
            return self.concepts[name]

        for name in lists:
            resolve(name)
        # (resolve calls itself through its closure, which also holds the loader: emptied, the
        # loader and its ~66,000 terms are freed as soon as the build ends, not by a collection)
        del resolve

    def _nofit(self, raw: Any) -> list[_NoFit]:
        out: list[_NoFit] = []
        if raw is None:
            return out
        if not isinstance(raw, dict):
            self.problem("nofit", None, "nofit 应为“类别: {words: [...], note: 说明}”的键值表")
            return out
        for name, body in raw.items():
            if not isinstance(body, dict):
                self.problem("nofit", str(name), "应为 {words: [...], note: 说明}")
                continue
            extra = set(body) - {"words", "note", "body", "aliases", "basis", "source", "act", "vague",
                                 "closes", "asks", "also", "yields_to", "excludes"}
            if extra:
                self.problem("nofit", str(name), f"未知的键：{'、'.join(map(str, sorted(extra)))}")
            note = body.get("note")
            if not isinstance(note, str) or not note.strip():
                self.problem("nofit", str(name), "note（给办事员看的说明）应为非空文字")
                note = ""
            words = self._str_list(body.get("words"), "nofit", str(name))
            self._check_lengths(words, "nofit", str(name))
            parts = [p for p in (self._part(w, "nofit", str(name)) for w in words) if p is not None]
            if not parts:
                self.problem("nofit", str(name), "words 不能为空")
            competent = body.get("body")
            texts = {}
            for k in ("body", "basis", "source"):
                v = body.get(k)
                if v is not None and (not isinstance(v, str) or not v.strip()):
                    self.problem("nofit", f"{name}.{k}", f"应为非空文字，实际是 {v!r}")
                    v = None
                texts[k] = v.strip() if isinstance(v, str) else None
            if competent is not None and (texts["basis"] is None or texts["source"] is None):
                self.problem("nofit", str(name), "写了主管机关 body，就要写明依据 basis 和出处 source")
            aliases = tuple(self._str_list(body.get("aliases"), "nofit", f"{name}.aliases"))
            if aliases and competent is None:
                self.problem("nofit", f"{name}.aliases", "aliases 是主管机关的别称：须同时写 body")
            flags = {}
            for k in ("act", "vague", "closes", "asks"):
                flags[k] = body.get(k, False)
                if not isinstance(flags[k], bool):
                    self.problem("nofit", f"{name}.{k}", f"{k} 应为 true 或 false，实际是 {flags[k]!r}")
                    flags[k] = False
            if flags["vague"] and (flags["act"] or flags["closes"] or competent is not None):
                self.problem("nofit", str(name), "vague（只说明描述笼统）的类别不能同时写 act、closes 或主管机关 body")
            if flags["asks"] and not flags["closes"]:
                self.problem("nofit", f"{name}.asks", "asks（问的是某一行为）的类别须同时写 closes: true（这句话不是举报）")
            also = self._also(body.get("also"), str(name), competent)
            yields = tuple(self._str_list(body.get("yields_to"), "nofit", f"{name}.yields_to"))
            ex_words = self._str_list(body.get("excludes"), "nofit", f"{name}.excludes")
            self._check_lengths(ex_words, "nofit", f"{name}.excludes")
            excludes = tuple(p for p in (self._part(w, "nofit", f"{name}.excludes") for w in ex_words)
                             if p is not None)
            out.append(_NoFit(str(name), parts, note.strip(), texts["body"], aliases,
                              texts["basis"], texts["source"], flags["act"], flags["vague"],
                              flags["closes"], flags["asks"], also, yields, excludes))
        names = {nf.name for nf in out}
        for nf in out:
            for other in nf.yields_to:
                if other not in names:
                    self.problem("nofit", f"{nf.name}.yields_to", f"“{other}”不是 nofit 中的类别名")
                elif other == nf.name:
                    self.problem("nofit", f"{nf.name}.yields_to", "类别不能让位给自己")
        return out

    def _also(self, raw: Any, name: str, competent: str | None) -> tuple[_AlsoBody, ...]:
        """`also`: the other bodies sharing a topic's work, each {body, aliases, basis, source}
        (a body and its basis and source required, as for the topic's own body)."""
        if raw is None:
            return ()
        where = f"{name}.also"
        if competent is None:
            self.problem("nofit", where, "also 是与 body 分工的其他主管机关：须先写 body")
            return ()
        if not isinstance(raw, list) or not raw:
            self.problem("nofit", where, "also 应为列表：- {body: 机关, aliases: [...], basis: 依据, source: 出处}")
            return ()
        out: list[_AlsoBody] = []
        for i, entry in enumerate(raw, 1):
            at = f"{where} 第 {i} 项"
            if not isinstance(entry, dict):
                self.problem("nofit", at, "应为 {body: 机关, aliases: [...], basis: 依据, source: 出处}")
                continue
            extra = set(entry) - {"body", "aliases", "basis", "source"}
            if extra:
                self.problem("nofit", at, f"未知的键：{'、'.join(map(str, sorted(extra)))}")
            texts = {}
            for k in ("body", "basis", "source"):
                v = entry.get(k)
                if not isinstance(v, str) or not v.strip():
                    self.problem("nofit", f"{at}.{k}", f"应为非空文字（also 的每个机关都要写明 body、basis 和 source），"
                                                      f"实际是 {v!r}")
                    v = None
                texts[k] = v.strip() if isinstance(v, str) else None
            aliases = tuple(self._str_list(entry.get("aliases"), "nofit", f"{at}.aliases"))
            if texts["body"] is not None and texts["body"] in {competent, *(a.body for a in out)}:
                self.problem("nofit", f"{at}.body", f"“{texts['body']}”已经是本类别的主管机关，不必在 also 中重复")
                continue
            if None not in texts.values():
                out.append(_AlsoBody(texts["body"], aliases, texts["basis"], texts["source"]))
        return tuple(out)

    def _relaxed(self, raw: Any) -> "_Relaxed | None":
        """The relaxed second pass: {threshold, margin, markers}; absent means no second pass."""
        if raw is None:
            return None
        if not isinstance(raw, dict):
            self.problem("relaxed", None, "relaxed 应为 {threshold: 分数, margin: 分差, markers: [...]}")
            return None
        extra = set(raw) - {"threshold", "margin", "markers", "note"}
        if extra:
            self.problem("relaxed", "、".join(map(str, sorted(extra))), "未知的键")
        values = {}
        for k, default in (("threshold", 0.3), ("margin", 0.15)):
            v = raw.get(k, default)
            if isinstance(v, bool) or not isinstance(v, (int, float)) or not 0 < v <= 1:
                self.problem("relaxed", k, f"应为 0 到 1 之间的数，实际是 {v!r}")
                v = default
            values[k] = float(v)
        markers = [c for c in (self._cue(w, "relaxed", "relaxed", 1.0)
                               for w in self._str_list(raw.get("markers"), "relaxed", "markers"))
                   if c is not None]
        if not markers:
            self.problem("relaxed", "markers", "markers（违法迹象的说法）不能为空")
            return None
        return _Relaxed(values["threshold"], values["margin"], markers)

    def _matters(self, raw: Any) -> dict[str, _Rule]:
        rules: dict[str, _Rule] = {}
        if not isinstance(raw, dict):
            self.problem("matters", None, "matters 应为“事项编号: {...}”的键值表")
            return rules
        weights = self.settings["weights"]
        for mid, body in raw.items():
            mid_s = str(mid)
            if mid_s not in self.matters:
                self.problem(mid_s, None, f"事项编号“{mid_s}”不在事项目录中")
                continue
            if not isinstance(body, dict):
                self.problem(mid_s, None, "事项条目应为键值表（keywords、combos 等）")
                continue
            for k in body:
                if k not in MATTER_KEYS:
                    self.problem(mid_s, str(k), f"未知的键“{k}”，可用的键：{'、'.join(sorted(MATTER_KEYS))}")
            cues: list[_Cue] = []
            for kind in CUE_KINDS:
                value = body.get(kind)
                if value is None:
                    continue
                if not isinstance(value, list):
                    self.problem(mid_s, kind, f"应为列表，实际是 {type(value).__name__}")
                    continue
                self._check_lengths(value, mid_s, kind, str(self.matters.get(mid_s) or ""))
                for item in value:
                    cue = self._cue(item, kind, mid_s, weights[kind])
                    if cue is not None:
                        cues.append(cue)
            if not any(c.kind != "weak" for c in cues):
                self.problem(mid_s, None, "该事项没有任何线索（keywords/synonyms/colloquial/combos）")
            for k in ("requires", "excludes"):
                if isinstance(body.get(k), list):
                    self._check_lengths(body[k], mid_s, k)
            requires = [c for c in (self._cue(w, "requires", mid_s, 1.0)
                                    for w in self._str_list(body.get("requires"), mid_s, "requires"))
                        if c is not None]
            excludes = [c for c in (self._cue(w, "excludes", mid_s, 1.0)
                                    for w in self._str_list(body.get("excludes"), mid_s, "excludes"))
                        if c is not None]
            prio = body.get("priority", 0)
            if isinstance(prio, bool) or not isinstance(prio, int):
                self.problem(mid_s, "priority", f"应为整数，实际是 {prio!r}")
                prio = 0
            if body.get("note") is not None and not isinstance(body.get("note"), str):
                self.problem(mid_s, "note", "应为文字")
            to = self._str_list(body.get("yields_to"), mid_s, "yields_to")
            for other in to:
                if other not in self.matters or other == mid_s:
                    self.problem(mid_s, "yields_to", f"“{other}”应为另一个事项的编号")
            if to:
                self.yields[mid_s] = tuple(dict.fromkeys(to))   # (in the order written: reasons name the first)
            unless = [c for c in (self._cue(w, "yields_unless", mid_s, 1.0) for w in
                                  self._str_list(body.get("yields_unless"), mid_s, "yields_unless"))
                      if c is not None]
            if unless and not to:
                self.problem(mid_s, "yields_unless", "只在同时写了 yields_to 时才有意义")
            if unless:
                self.yields_unless[mid_s] = tuple(unless)
            rules[mid_s] = _Rule(mid_s, tuple(cues), tuple(requires), tuple(excludes), prio)
        for mid in self.matters:
            if mid not in raw:
                self.problem(str(mid), None, "事项目录中的这个事项在 matching.yaml 中没有条目")
        return rules

    def _families(self, raw: Any, rules: dict[str, _Rule]) -> dict[str, "_Family"]:
        out: dict[str, _Family] = {}
        if raw is None:
            return out
        if not isinstance(raw, dict):
            self.problem("families", None, "families 应为“类别名: [事项编号…]”的键值表")
            return out
        for name, body in raw.items():
            name = str(name)
            shared_raw: Any = None
            together = False
            compete = True
            words_raw: Any = None
            context_raw: Any = None
            question: Any = None
            if isinstance(body, dict):
                extra = set(body) - {"members", "shared", "together", "note", "words", "context",
                                     "question", "compete"}
                if extra:
                    self.problem("families", name, f"未知的键：{'、'.join(map(str, sorted(extra)))}")
                members, shared_raw = body.get("members"), body.get("shared")
                words_raw, context_raw = body.get("words"), body.get("context")
                question = body.get("question")
                if question is not None and (not isinstance(question, str) or not question.strip()):
                    self.problem("families", f"{name}.question", f"应为非空文字，实际是 {question!r}")
                    question = None
                together = body.get("together", False)
                if not isinstance(together, bool):
                    self.problem("families", name, f"together 应为 true 或 false，实际是 {together!r}")
                    together = False
                compete = body.get("compete", True)
                if not isinstance(compete, bool):
                    self.problem("families", name, f"compete 应为 true 或 false，实际是 {compete!r}")
                    compete = True
            else:
                members = body
            ids = self._str_list(members, "families", name)
            for mid in ids:
                if mid not in self.matters:
                    self.problem("families", name, f"事项编号“{mid}”不在事项目录中")
            ids = [m for m in ids if m in self.matters]
            if len(ids) < 2:
                self.problem("families", name, "一个易混类别至少要有两个事项")
            shared: set[str] = set()
            for w in self._str_list(shared_raw, "families", name):
                part = self._part(w, "families", name)
                if part is not None:
                    shared.update(part.terms)
            raw_words = self._str_list(words_raw, "families", f"{name}.words")
            raw_context = self._str_list(context_raw, "families", f"{name}.context")
            self._check_lengths(raw_words + raw_context, "families", name)
            words = tuple(c for c in (self._cue(w, "words", f"families.{name}", 1.0)
                                      for w in raw_words) if c is not None)
            context = tuple(c for c in (self._cue(w, "context", f"families.{name}", 1.0)
                                        for w in raw_context) if c is not None)
            if (words or context) and not isinstance(question, str):
                self.problem("families", name, "写了类别通用说法 words 的类别，须写明区分各事项的问题 question")
            if context and not words:
                self.problem("families", name, "context 只限定 words：没有 words 时无意义")
            if together and words:
                self.problem("families", name, "together（一并适用）的类别不能有 words：同一行为只作一个选择")
            if not compete and not words:
                self.problem("families", name, "compete: false 的类别只在描述笼统时给出选择，须写 words")
            out[name] = _Family(name, tuple(dict.fromkeys(ids)), frozenset(shared), together,
                                words, context, question.strip() if isinstance(question, str) else None,
                                compete)
        return out

    def _places(self, raw: Any) -> frozenset[str]:
        """Words (and 【concepts】) that only say where or on what something happened: beside an
        act outside the catalog they are no evidence of a matter (see Matcher._other_act)."""
        out: set[str] = set()
        for w in self._str_list(raw, "places", None):  # type: ignore[arg-type]
            part = self._part(w, "places", w)
            if part is not None:
                out.update(part.terms)
        return frozenset(out)

    def _scene(self, raw: Any) -> frozenset[str]:
        """Concepts that set the scene of the whole description ([【高层】]): a combination may
        find them anywhere in it, not only within combo_window of its other parts."""
        out = set()
        for w in self._str_list(raw, "scene", None):
            m = _CONCEPT_RE.match(w)
            if m is None or m.group(1) not in self.concepts:
                self.problem("scene", None, f"“{w}”应为 concepts 里的词组引用，如【高层】")
            else:
                out.add(m.group(1))
        return frozenset(out)

    def _plain_words(self, raw: Any, where: str, what: str) -> tuple[str, ...]:
        """A list of plain words (no re:, gaps, concepts or alternatives), folded, each once; a word
        that is not plain is a problem reported as `what`."""
        words = self._str_list(raw, where, None) or []
        bad = [w for w in words if _PLAIN_WORD.search(w)]
        if bad:
            self.problem(where, "、".join(bad), f"{what}只能是普通词语（不能用 re:、…、【】、+ 或括号）")
        return tuple(dict.fromkeys(fold(w) for w in words if w not in bad))

    def _pleas(self, raw: Any) -> tuple[str, ...]:
        """Pleas for action (请处理、能不能管管): plain words only, the longest first."""
        return tuple(sorted(self._plain_words(raw, "pleas", "请求处理的说法"), key=len, reverse=True))

    def _headers(self, raw: Any) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """A ticket's header: the words that say where a description comes from (12345、网格员上报)
        and those that say what kind of text it is (咨询、回访、通知), which keep it; plain words."""
        if raw is None:
            return (), ()
        if not isinstance(raw, dict) or set(raw) - {"words", "unless"}:
            self.problem("headers", None, "应为键值表：words（说来源的词）和 unless（说明来件性质、使抬头不去掉的词）")
            return (), ()
        words, unless = (self._plain_words(raw.get(key), f"headers › {key}", "来件抬头的说法")
                         for key in ("words", "unless"))
        return words, unless

    def _law_names(self, raw: Any) -> dict[str, tuple[str, ...]]:
        """Short names of the laws the matters' legal bases cite (大气污染防治法: [大气法]), for the
        articles a description cites (router/matching/citations.py)."""
        if raw is None:
            return {}
        if not isinstance(raw, dict):
            self.problem("law_names", None, "应为键值表：法律法规全称（不含“中华人民共和国”）: [简称, …]")
            return {}
        out = {}
        for law, shorts in raw.items():
            if not isinstance(law, str) or not law.strip():
                self.problem("law_names", str(law), "键应为法律法规的全称")
                continue
            out[law.strip()] = tuple(self._str_list(shorts, "law_names", law))
        return out

    def _legal_terms(self, raw: Any) -> frozenset[str]:
        """Fixed legal terms (法定名称): written words allowed to be longer than MAX_CUE_CHARS."""
        return frozenset(fold(w) for w in self._str_list(raw, "legal_terms", None))  # type: ignore[arg-type]

    def _check_lengths(self, raws: Iterable[str], entry: str, key: str | None,
                       official: str = "") -> None:
        """Remember the written words (or pieces of gapped words) longer than MAX_CUE_CHARS:
        `catalog check` reports those that are not fixed legal terms (see long_words). Words
        taken from a matter's own official name (`official`: legal text, as the placeholder
        entries of `zhifa catalog import` are) are legal terms too."""
        official = fold(official)
        for raw in raws:
            if isinstance(raw, dict):
                raw = raw.get("cue")
            if not isinstance(raw, str):
                continue
            for piece in _cue_parts(raw):
                piece = piece.strip()
                if piece.startswith("re:") or _CONCEPT_RE.match(piece):
                    continue
                counted = _OPTIONAL_PARTICLE.sub("", piece)
                if counted.startswith("^") and counted.endswith("$"):   # (a whole-text word)
                    counted = counted[1:-1]
                # each piece of a gapped word on its own (written out whole, a gapped word with
                # many choices could exceed the expansion limit and escape the check)
                for bit in _GAP_SPLIT.split(counted):
                    for word in _expand(bit) or ():
                        word = fold(word)
                        if len(word) > MAX_CUE_CHARS and word not in official:
                            self.long_words.append((entry, key, piece, word))


class _Relaxed:
    """Second pass before declaring no_fit: the clearly best candidate, if it reaches `threshold`,
    leads the next one by `margin`, names the matter's object (one of its weak cues) and has a
    marker of wrongdoing (被人、私自…) near its evidence, is selected as weakly supported."""

    __slots__ = ("threshold", "margin", "markers")

    def __init__(self, threshold: float, margin: float, markers: list[_Cue]):
        self.threshold = threshold
        self.margin = margin
        self.markers = markers


class _Family:
    """Confusable matters; `shared` words only say which family, never which member.

    `words` are the everyday words that name the family but not a member (违建, 摆摊, 噪音扰民):
    a description that says no more than one of them is offered the family as a choice, with the
    `question` that tells the members apart; `context` (optional) must occur too (村 for the
    village housing family), so the most specific family named is the one offered.

    A family with `compete` False is a topic (工地, 消防隐患): its members are different acts that
    may all occur at once, so they never compete; it only offers its members for a vague word."""

    __slots__ = ("name", "members", "shared", "together", "words", "context", "question", "compete")

    def __init__(self, name: str, members: tuple[str, ...], shared: frozenset[str],
                 together: bool = False, words: tuple = (), context: tuple = (),
                 question: str | None = None, compete: bool = True):
        self.name = name
        self.members = members
        self.shared = shared
        self.together = together   # members apply jointly: they never compete with each other
        self.words = words         # cues (_Cue) naming the family
        self.context = context     # cues, one of which must occur with a word
        self.question = question
        self.compete = compete


# ---------------------------------------------------------------------------------------------
# Matching


class _Hit:
    """A matched cue: which words, where (normalised offsets)."""

    __slots__ = ("cue", "ranges", "words", "keys")

    def __init__(self, cue: _Cue, ranges: tuple[tuple[int, int], ...], words: tuple[str, ...],
                 keys: tuple[str, ...] = ()):
        self.cue = cue
        self.ranges = ranges    # matched occurrences
        self.words = words      # matched text of each occurrence (normalised)
        self.keys = keys        # vocabulary term of each occurrence

    def positions(self) -> frozenset[int]:
        return frozenset().union(*[range(a, b) for a, b in self.ranges])

    def pieces(self) -> Iterator[tuple[int, int, str]]:
        """The characters this hit's words stand on, a gapped word that reaches over a clause
        break counted by its pieces only ("网吧…应急灯…不亮" over 网吧后门锁死，应急灯也不亮 stands
        on 网吧, 应急灯 and 不亮, not on the clause 后门锁死 between them)."""
        for (a, b), key, word in zip(self.ranges, self.keys, self.words):
            if key.startswith("gap:") and len(word) == b - a and not _CLAUSE_END.isdisjoint(word):
                for x, y in _gap_spans(key, word):
                    yield a + x, a + y, key
            else:
                yield a, b, key

    def covered_by(self, positions: frozenset[int], shared: frozenset[str],
                   pieces: frozenset[int], places: frozenset[str]) -> bool:
        """The cue says nothing that the other matter's evidence does not already say: every
        occurrence filling each of its parts lies mostly inside `positions` (the other matter's
        words) or is one of the family's shared words; and, against `pieces` (the other's words,
        its gapped words over a clause break by their pieces only), a word of this cue that is not
        a place or object (`places`) must lie mostly inside those: an act told in a clause that
        the other's gapped word only passes over (后门锁死 under 网吧…应急灯…不亮) is this
        cue's own, the goods of a stall (烤肠 under 摊子…占了人行道) are not."""
        for (a, b), key in zip(self.ranges, self.keys):
            if key in shared:
                continue
            inside = len(positions.intersection(range(a, b)))
            # a word is covered when the other matter's words take up more than half of it
            if 2 * inside <= b - a:
                return False
        for a, b, key in self.pieces():     # (the same gapped word in both: piece against piece)
            if key not in shared and key not in places \
                    and 2 * len(pieces.intersection(range(a, b))) <= b - a:
                return False
        return True


class _Eval:
    """A matter's evaluation against one description."""

    __slots__ = ("rule", "hits", "raw", "score", "reasons", "state", "extra_ranges", "_positions")

    def __init__(self, rule: _Rule, hits: list[_Hit], raw: float, score: float,
                 reasons: list[str]):
        self.rule = rule
        self.hits = hits
        self.raw = raw
        self.score = score
        self.reasons = reasons
        self.state = "candidate"   # candidate | selected | ambiguous | dropped
        self.extra_ranges: list[tuple[int, int]] = []
        self._positions: frozenset[int] | None = None

    @property
    def positions(self) -> frozenset[int]:
        """Characters of this matter's evidence (worked out when first needed: rarely)."""
        if self._positions is None:
            self._positions = frozenset().union(*[range(a, b) for h in self.hits
                                                  for a, b in h.ranges])
        return self._positions

    def specific_positions(self, shared: frozenset[str]) -> frozenset[int]:
        """Characters of this matter's evidence, leaving out a family's shared words."""
        return frozenset().union(*[range(a, b) for h in self.hits
                                   for (a, b), key in zip(h.ranges, h.keys) if key not in shared])

    def specific_pieces(self, shared: frozenset[str]) -> frozenset[int]:
        """specific_positions, with gapped words over a clause break by their pieces (_Hit.pieces)."""
        return frozenset().union(*[range(a, b) for h in self.hits
                                   for a, b, key in h.pieces() if key not in shared])


_CLAUSE_END = frozenset("，。；！？,;!?\n")


@lru_cache(maxsize=16)
def _clauses(text: str) -> tuple[int, ...]:
    """The clause number of each character (clauses end at ，。；！？). Several steps of one match
    ask for the same text's clauses: they are worked out once (the last few texts are kept)."""
    out, n = [], 0
    for ch in text:
        out.append(n)
        if ch in _CLAUSE_END:
            n += 1
    return tuple(out)


def _hit_clauses(hit: "_Hit", clause: tuple[int, ...],
                 scene: frozenset[str] = frozenset()) -> tuple[set[int], set[int]]:
    """The clauses that hold a whole occurrence of the cue (each of its parts, but a part of a
    `scene` concept, which sets the scene of the whole description), and the clauses its closest
    combination reaches (the first occurrences of its ranges, one per part)."""
    parts = hit.cue.parts
    n = len(parts)
    if n == 1:
        return {clause[a] for a, _ in hit.ranges}, set()
    within: set[int] | None = None
    for part in parts:
        if scene and part.concept in scene and any(p.concept not in scene for p in parts):
            continue
        here = {clause[a] for (a, _), key in zip(hit.ranges, hit.keys) if key in part.termset}
        within = here if within is None else within & here
        if not within:
            break
    return within or set(), {clause[a] for a, _ in hit.ranges[:n]}


def _numbered(length: int, starts: set[int]) -> tuple[int, ...]:
    """For each of `length` characters, how many of `starts` lie at or before it: the number of
    the part (act, list item) it belongs to, the first part 0."""
    out, n = [], 0
    for i in range(length):
        if i in starts:
            n += 1
        out.append(n)
    return tuple(out)


def _acts(text: str) -> tuple[int, ...]:
    """The act number of each character: a new act starts at a comma followed by a word that
    adds another act (_NEXT_ACT: "，还把…", "，又…")."""
    return _numbered(len(text), {m.start() for m in _NEXT_ACT.finditer(text)})


@lru_cache(maxsize=16)
def _list_items(text: str) -> tuple[int, ...]:
    """The list item of each character: a new item starts after a semicolon and at a later
    numbered item after a comma (_ITEM: "1.…;2.…", "一是…，二是…", "(2)…")."""
    return _numbered(len(text), {m.end() for m in _ITEM_BREAK.finditer(text)})


def _told(ev: "_Eval", clause: tuple[int, ...]) -> dict[int, list[float]]:
    """The clauses where a matter is told whole (some cue with every part in it), each with the
    weights of the cues told there."""
    where: dict[int, list[float]] = {}
    for h in ev.hits:
        for c in _hit_clauses(h, clause)[0]:
            where.setdefault(c, []).append(h.cue.weight)
    return where


def _apart_from_wholes(occ: dict[str, list[tuple[int, int]]], wholes: list[tuple[int, int]]
             ) -> dict[str, list[tuple[int, int]]]:
    """The occurrences that do not lie inside a longer word recognised as a whole (`wholes`)."""
    return {k: keep for k, lst in occ.items()
            if (keep := [(a, b) for a, b in lst if not _in_whole(a, b, wholes)])}


def _in_whole(a: int, b: int, wholes: list[tuple[int, int]]) -> bool:
    """Whether a..b lies inside one of `wholes` and is shorter than it."""
    return any(wa <= a and b <= wb and b - a < wb - wa for wa, wb in wholes)


def _gap_split(key: str) -> tuple[tuple[str, ...], ...]:
    """The pieces of the gapped word `key`, each as its choice of words
    ('gap:甲|丙…乙' -> (('甲', '丙'), ('乙',)))."""
    return tuple(tuple(p.split("|")) for p in key[4:].split("…"))


@lru_cache(maxsize=4096)
def _gap_spans(key: str, word: str) -> tuple[tuple[int, int], ...]:
    """Where the pieces of the gapped word `key` lie in `word` (one occurrence of it, as
    matched), from its start: each piece where it first occurs after the previous one (the
    longest of its choices there), the last one at the end. The whole word when a piece is not
    found so (it always is, for an occurrence the matcher found)."""
    pieces = _gap_split(key)
    out: list[tuple[int, int]] = []
    at = 0
    for i, choices in enumerate(pieces):
        if i == len(pieces) - 1:
            last = max((c for c in choices if word.endswith(c) and len(word) - len(c) >= at),
                       key=len, default=None)
            if last is None:
                return ((0, len(word)),)
            out.append((len(word) - len(last), len(word)))
        else:
            found = [(p, -len(c)) for c in choices if c for p in (word.find(c, at),) if p >= 0]
            if not found:
                return ((0, len(word)),)
            pos, neg = min(found)
            out.append((pos, pos - neg))
            at = pos - neg
    return tuple(out)


def _adds_act(text: str, clause: tuple[int, ...], n: int) -> bool:
    """Clause `n` of `text` has a word that adds another act (_ANOTHER_ACT: 还、也、又…) or begins
    as a later item of a numbered list (_ITEM: 二是、2.、②…)."""
    said = "".join(ch for ch, c in zip(text, clause) if c == n)
    return any(m in said for m in _ANOTHER_ACT) or (n > 0 and _ITEM_START.match(said) is not None)


try:     # CPython's own regular-expression parser, read by the three analyses below
    from re import _constants as _RC
    from re import _parser as _RP
except ImportError:  # pragma: no cover - another Python: every expression is searched, as written
    _RC = _RP = None


@lru_cache(maxsize=1)
def _regex_tree(regex: re.Pattern):
    """`regex` as CPython's parser reads it, or None where it cannot. Kept for the last
    expression only: the matcher reads each expression's three analyses (_needed_sets,
    _needed_strings, _anchored) one after the other, from one parse."""
    if _RP is None:
        return None
    try:
        return _RP.parse(regex.pattern, regex.flags)
    except Exception:  # noqa: BLE001 - the parser is CPython's own
        return None


def _needed_sets(regex: re.Pattern, most: int = 3) -> tuple[frozenset[str], ...]:
    """Up to `most` sets of a few characters (at most 12 each) such that every match of `regex`
    contains a character of each set, the smallest first; none if there is no such set. The
    sets come from different parts that every match has in turn (电动车…能不能…充电: {电},
    {充}, {能, 可…}): a description is searched only if it has a character of every set."""
    tree, c = _regex_tree(regex), _RC
    if tree is None or tree.state.flags & re.IGNORECASE:
        return None
    repeats = (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", c.MAX_REPEAT))

    def sequence(items) -> set[str] | None:
        # every item of a sequence is matched: the smallest set of any of them will do
        best = None
        for op, av in items:
            s = item(op, av)
            if s is not None and (best is None or len(s) < len(best)):
                best = s
        return best

    def item(op, av) -> set[str] | None:
        if op is c.LITERAL:
            return {chr(av)}
        if op is c.IN:  # a class of plain characters and short ranges (not negated)
            out: set[str] = set()
            for o, v in av:
                if o is c.LITERAL:
                    out.add(chr(v))
                elif o is c.RANGE and v[1] - v[0] < 16:
                    out.update(map(chr, range(v[0], v[1] + 1)))
                else:
                    return None
            return out
        if op is c.SUBPATTERN:
            return None if av[1] & re.IGNORECASE else sequence(av[3])
        if op is getattr(c, "ATOMIC_GROUP", None):
            return sequence(av)
        if op in repeats:
            return sequence(av[2]) if av[0] >= 1 else None
        if op is c.BRANCH:
            out = set()
            for branch in av[1]:
                s = sequence(branch)
                if s is None:
                    return None
                out |= s
            return out
        return None  # lookarounds, any character, categories (\d), back references…

    def parts(items) -> list[set[str]]:
        # the sets of a sequence's items; a group or a repeat (at least once) of a sequence
        # that every match passes through gives the sets of its own items
        out: list[set[str]] = []
        for op, av in items:
            if op is c.SUBPATTERN and not av[1] & re.IGNORECASE:
                out.extend(parts(av[3]))
            elif op is getattr(c, "ATOMIC_GROUP", None):
                out.extend(parts(av))
            elif op in repeats and av[0] >= 1:
                out.extend(parts(av[2]))
            else:
                s = item(op, av)
                if s is not None:
                    out.append(s)
        return out

    # the smallest first; of equal size, the first in the pattern
    found = sorted(dict.fromkeys(frozenset(s) for s in parts(tree) if len(s) <= 12), key=len)
    # a set that contains a smaller one adds nothing
    kept: list[frozenset[str]] = []
    for s in found:
        if not any(k <= s for k in kept):
            kept.append(s)
    return tuple(kept[:most])


_STRINGS_MAX = 32    # strings of one needed part, at most (_needed_strings)


def _needed_strings(regex: re.Pattern) -> tuple[str, ...] | None:
    """Strings such that every match of `regex` contains one of them: the words of one part that
    every match passes through, written out (a run of fixed characters and choices: 电鱼|炸鱼,
    (举报|反映)称 as 举报称, 反映称), the part whose shortest string is the longest (then the one
    with the fewest strings); None if no such part has strings of two characters or more (the
    character sets of _needed_sets say as much). A description with none of them in it is not
    searched: of the ~35 expressions whose characters a description of the batch bench has, most
    lack the words themselves (来电 has the 电 of 电鱼)."""
    tree, c = _regex_tree(regex), _RC
    if tree is None or tree.state.flags & re.IGNORECASE:
        return None
    repeats = (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", c.MAX_REPEAT))
    found: list[set[str]] = []      # the candidates: each a set one of which every match contains

    def fixed(op, av) -> set[str] | None:
        # the strings an item matches, when they are few and known (else None)
        if op is c.LITERAL:
            return {chr(av)}
        if op is c.IN:
            if all(o is c.LITERAL for o, _ in av) and len(av) <= _STRINGS_MAX:
                return {chr(v) for _, v in av}
            return None
        if op is c.SUBPATTERN:
            return None if av[1] & re.IGNORECASE else run_of(av[3])
        if op is c.BRANCH:
            out: set[str] = set()
            for branch in av[1]:
                s = run_of(branch)
                if s is None:
                    return None
                out |= s
            return out if len(out) <= _STRINGS_MAX else None
        return None

    def run_of(items) -> set[str] | None:
        # the strings a whole sequence matches, if fixed
        out = {""}
        for op, av in items:
            s = fixed(op, av)
            if s is None or len(out) * len(s) > _STRINGS_MAX:
                return None
            out = {a + b for a in out for b in s}
        return out

    def needed(items) -> None:
        # every match of the sequence contains one string of each run of fixed items (and of
        # what a group, a repeat at least once or a choice of it needs)
        run = {""}
        for op, av in items:
            s = fixed(op, av)
            if s is not None and len(run) * len(s) <= _STRINGS_MAX:
                run = {a + b for a in run for b in s}
                continue
            if run != {""}:
                found.append(run)
            run = s if s is not None else {""}
            if s is not None:
                continue
            if op is c.SUBPATTERN and not av[1] & re.IGNORECASE:
                needed(av[3])
            elif op is getattr(c, "ATOMIC_GROUP", None):
                needed(av)
            elif op in repeats and av[0] >= 1:
                needed(av[2])
            elif op is c.BRANCH:
                # a string of each choice's best part: one of them is in every match
                out: set[str] = set()
                for branch in av[1]:
                    before = len(found)
                    needed(branch)
                    mine = found[before:]
                    del found[before:]
                    if not mine:
                        out = set()
                        break
                    out |= max(mine, key=_strength)
                if out and len(out) <= _STRINGS_MAX:
                    found.append(out)
        if run != {""}:
            found.append(run)

    needed(tree)
    if not found:
        return None
    best = max(found, key=_strength)
    return tuple(sorted(best)) if min(map(len, best)) >= 2 else None


def _anchored(regex: re.Pattern) -> bool:
    """Whether `regex` reads from the start or the end of a text: ^ or $ anywhere in it, in a
    choice or a lookaround too ("(?:^|(?<=，))咋举报", "能…不(?=$|[，。])"). Such a word is searched
    again on what a framed report says (Matcher._find), where the frame's end or start is the
    text's. True if CPython's parser cannot read it (searched again: the safe side)."""
    tree, c = _regex_tree(regex), _RC
    if tree is None:
        return True
    ends = {c.AT_BEGINNING, c.AT_BEGINNING_STRING, c.AT_END, c.AT_END_STRING}

    def walk(items) -> bool:
        for op, av in items:
            if op is c.AT:
                if av in ends:
                    return True
            elif op is c.SUBPATTERN:
                if walk(av[3]):
                    return True
            elif op in (c.ASSERT, c.ASSERT_NOT):
                if walk(av[1]):
                    return True
            elif op is c.BRANCH:
                if any(walk(b) for b in av[1]):
                    return True
            elif op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", None)):
                if walk(av[2]):
                    return True
            elif op is getattr(c, "ATOMIC_GROUP", None):
                if walk(av):
                    return True
            elif op is c.GROUPREF_EXISTS:
                if walk(av[1]) or (av[2] is not None and walk(av[2])):
                    return True
        return False

    return walk(tree)


def _strength(strings: set[str]) -> tuple[int, int]:
    """How well a set of needed strings tells a text apart: its shortest string, then its size."""
    return min(map(len, strings)), -len(strings)


def _noisy_or(weights: Iterable[float]) -> float:
    p = 1.0
    for w in weights:
        p *= 1.0 - w
    return 1.0 - p


_PLAIN_WORD = LazyPattern(r"re:|…|【|】|\+|\(|\)|\|")
_ONLY_BAD = LazyPattern(r"re:|…|\.{3}|【|】|\+|＋|\^|\$")


_HEADER_MAX = 24   # characters of a ticket's header before its colon, at most
# A text longer than this is no whole-text word framed (^摊子$ in "今天上午，摊子，谢谢！").
_ONLY_FRAMED_MAX = 60


def _header_end(text: str, headers: tuple[tuple[str, ...], tuple[str, ...]]) -> int | None:
    """Where the header of a ticket ends (the index of its colon): a first colon within the first
    _HEADER_MAX characters of `text` (folded or as typed), the words before it saying where the
    description comes from (12345工单：, 网格员上报：; `headers.words` in matching.yaml) and none
    saying what kind of text it is (来电人咨询：, 12345回访：, 巡查日志：; `headers.unless`), and a
    description after it. None if there is no such header. Read as part of a report's frame
    (_frame_span), and alone by the out-of-catalog check where the matter of a short report stood
    on the frame's own words (Matcher._outside_check: the model then reads past the header only)."""
    words, unless = headers
    head = text[:_HEADER_MAX + 1]
    i = min((k for k in (head.find(":"), head.find("：")) if k > 0), default=-1)
    if i < 0 or not text[i + 1:].strip("，,。.!?！？ "):
        return None
    said = fold(text[:i])
    if not any(w in said for w in words) or any(w in said for w in unless):
        return None
    return i


# A time said in a clause of its own at the start of a report ("昨天晚上十点多，", "凌晨两点，",
# "今天上午，", "11月3日下午，"): when the thing was seen or reported, not what it is.
_NUM = r"(?:\d{1,2}|[零一二两三四五六七八九十]{1,3})"
_TIME_OPENING = LazyPattern(
    r"\s*(?=\S)(?:今天|昨天|前天|大前天|今儿|昨儿|夜儿|前儿|昨晚|今晚|前晚|昨夜|今早|昨早|刚才|刚刚"
    rf"|{_NUM}月{_NUM}[日号]|{_NUM}[日号]|(?:周|星期|礼拜)[一二三四五六日天])?"
    r"(?:早上|早晨|清早|一大早|大清早|上午|中午|下午|傍晚|晚上|夜里|夜间|半夜|凌晨|深夜|后半夜|前晌|后晌|晌午|黑价|白天)?"
    rf"(?:{_NUM}(?:点|时)(?:半|多|钟|左右|{_NUM}分?)?)?(?:左右|的时候|多)?\s*[，,]")


# Courtesies and attachments said after a report ("，谢谢！", "[图片]", "，已拍照。", "！！！").
_COURTESY_END = LazyPattern(
    r"(?:[，,。.\s]*(?:谢谢(?:了|啦|您|你们|领导)?|感谢|多谢|麻烦(?:了|您了|你们了)|辛苦(?:了|啦)"
    r"|[\[【](?:图片|照片|视频|语音)[\]】]|附(?:图|图片|照片|视频)|已拍照|有照片|有视频)|[!！]{2,})[，,。.!！\s]*$")


@lru_cache(maxsize=64)
def _frame_span(text: str, headers: tuple[tuple[str, ...], tuple[str, ...]]) -> tuple[int, int]:
    """Where what a report says lies in `text` (as typed or normalised), without what frames it: a
    ticket's header (_header_end), a time said in a clause of its own at the start (_TIME_OPENING),
    courtesies and attachments at the end (_COURTESY_END). The whole text where nothing would be
    left. Read by the learned guess and the homophone reading's short-phrase test (_core), by the
    whole-text words (^…$, Matcher._find) and by the out-of-catalog check (Matcher._outside_check),
    so that a frame decides none of them."""
    h = _header_end(text, headers)
    start, end = (0 if h is None else h + 1), len(text)
    t = _TIME_OPENING.match(text, start)
    if t and t.group().strip("，, ") and text[t.end():].strip("，,。.!?！？ "):
        start = t.end()
    for _ in range(3):
        c = _COURTESY_END.search(text, start, end)
        if c is None or not text[start:c.start()].strip("，,。.!?！？ "):
            break
        end = c.start()
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if text[start:end].strip("，,。.!?！？ ") else (0, len(text))


def _core(text: str, headers: tuple[tuple[str, ...], tuple[str, ...]]) -> str:
    """What a report says without what frames it (_frame_span)."""
    start, end = _frame_span(text, headers)
    return text[start:end]


def _without_pleas(text: str, pleas: tuple[str, ...]) -> str:
    """The text without its pleas for action (能不能管管、请处理; longest first): they say the
    caller wants something done, not whether the thing is in the catalog, so the out-of-catalog
    model is not asked about them."""
    folded = fold(text)
    if not pleas or not any(p in folded for p in pleas):
        return text
    for p in pleas:
        folded = folded.replace(p, "")
    return folded if folded.strip("，,。.!?！？ ") else text


def _put_first(groups: tuple[tuple[str, ...], ...], x: str, y: str) -> tuple[tuple[str, ...], ...]:
    """`y` before `x`: inside their group when they share one, else their groups change places."""
    gx = next((i for i, g in enumerate(groups) if x in g), None)
    gy = next((i for i, g in enumerate(groups) if y in g), None)
    if gx is None or gy is None:
        return groups
    out = list(groups)
    if gx == gy:
        g = list(out[gx])
        i, j = g.index(x), g.index(y)
        g[i], g[j] = g[j], g[i]
        out[gx] = tuple(g)
    else:
        out[gx], out[gy] = out[gy], out[gx]
    return tuple(out)


class Matcher:
    """Compiled matching knowledge; `match` is pure and thread-safe."""

    def __init__(self, path: str, compiled: dict[str, Any], bases: Mapping[str, str] | None = None):
        self.path = path
        # the articles the matters' legal bases cite, for a description that cites one
        self._citations = Citations(bases or {}, compiled.get("law_names") or {})
        self.settings: dict[str, Any] = compiled["settings"]
        self._typos: PhraseMap = compiled["typos"]
        self._nofit: list[_NoFit] = compiled["nofit"]
        self._act_topics = frozenset(nf.name for nf in self._nofit if nf.act)
        self._closing_names = frozenset(nf.name for nf in self._nofit if nf.closes)
        # The other names of each body that topics name: those every topic of that body gives it
        # (a topic's aliases may also name a body that shares the work; the model's guess of a
        # body shows these, whatever the topics' order in the file).
        names: dict[str, list[tuple[str, ...]]] = {}
        for nf in self._nofit:
            if nf.body:
                names.setdefault(nf.body, []).append(nf.aliases)
            for other in nf.also:
                names.setdefault(other.body, []).append(other.aliases)
        self._body_names = {body: tuple(a for a in al[0] if all(a in other for other in al[1:]))
                            for body, al in names.items()}
        self._places: frozenset[str] = compiled.get("places", frozenset())
        self._relaxed: _Relaxed | None = compiled.get("relaxed")
        self._pleas: tuple[str, ...] = compiled.get("pleas", ())
        self._headers: tuple[tuple[str, ...], tuple[str, ...]] = compiled.get("headers", ((), ()))
        self._yields: dict[str, tuple[str, ...]] = compiled.get("yields", {})
        self._scene: frozenset[str] = compiled.get("scene", frozenset())
        self._scene_terms = frozenset(t for name in self._scene for t in compiled["concepts"].get(name, ()))
        self._carried = self._scene_terms | self._places   # words whose exclusion reaches every act
        self._yields_unless: dict[str, tuple[_Cue, ...]] = compiled.get("yields_unless", {})
        rules: dict[str, _Rule] = compiled["rules"]
        self._matters = tuple(rules)
        self._matter_set = frozenset(rules)
        # Each matter's knowledge by position; None until first used after unpickling (_rule).
        self._rules: list[_Rule | None] = list(rules.values())
        self._specs: tuple[tuple, ...] | None = None
        self.families: dict[str, _Family] = compiled["families"]
        # Families named by everyday words, the most specific first (with a context, then the
        # fewest members, then the file's order): the first one named is the one offered.
        self._word_families = tuple(sorted(
            (f for f in self.families.values() if f.words),
            key=lambda f, order=list(self.families): (not f.context, len(f.members),
                                                      order.index(f.name))))
        # ... by every term their words' cues are made of (a cue needs a term of each part)
        by_term: dict[str, set[int]] = {}
        for i, f in enumerate(self._word_families):
            for c in f.words:
                for part in c.parts:
                    for t in part.terms:
                        by_term.setdefault(t, set()).add(i)
        self._word_families_by_term = _shared({t: tuple(sorted(ix)) for t, ix in by_term.items()})
        # Written words longer than MAX_CUE_CHARS that are not fixed legal terms (catalog check).
        self.long_words: tuple[tuple[str, str | None, str], ...] = compiled.get("long_words", ())
        self._together = frozenset((a, b) for f in self.families.values() if f.together
                                   for a in f.members for b in f.members if a != b)
        families_of: dict[str, list[str]] = {}
        for name, f in self.families.items():
            for m in f.members:
                families_of.setdefault(m, []).append(name)
        self._families_of = {m: tuple(names) for m, names in families_of.items()}
        terms: dict[str, _Term] = compiled["terms"]
        # Plain words of the shared vocabulary: a longer one hides the words that only modify it
        # (Chinese compounds put the head last: 烧烤店 is a 店, not a 烧烤; 车站 is no 车).
        self._compound_terms = frozenset(t for t in compiled["concept_terms"]
                                         if len(t) > 1 and t[-1] not in _PARTICLES)
        # Words recognised as a whole hide every shorter word inside them, the head included.
        self._whole_terms: frozenset[str] = compiled.get("whole", frozenset())
        # ... unless both words are in one concept (摆摊卖 does not hide 摆摊: both say 摆摊).
        groups: dict[str, set[str]] = {}
        for name, keys in compiled["concepts"].items():
            for k in keys:
                groups.setdefault(k, set()).add(name)
        same: dict[frozenset[str], frozenset[str]] = {}
        self._term_groups = {k: same.setdefault(frozenset(v), frozenset(v))
                             for k, v in groups.items()}
        # The few `re:` words are kept as text and compiled on first use (not when a cached
        # matcher is unpickled: start-up stays cheap; see __getstate__).
        regexes = [(k, t.regex) for k, t in terms.items() if t.regex is not None]
        self._regex_src = tuple((k, rx.pattern) for k, rx in regexes)
        self._regex_terms: dict[int, re.Pattern] = {}   # compiled when a text first needs it
        # The regular expressions by the characters one of which each of their matches has (a
        # description is searched only with those whose characters it has: ~25 of ~150), and
        # those that may match without any such character (searched always).
        # A description with a character of the first set is searched only if it also has one
        # of each further set (_regex_more): ~35 searched a text of the batch bench before, ~10 now.
        by_char: dict[str, list[int]] = {}
        always: list[int] = []
        more: dict[int, tuple[frozenset[str], ...]] = {}
        # ... and then only if it has one of the words that every match contains, where there are
        # such words (_needed_strings): of ~35 expressions a description of the batch bench has the
        # characters of, ~7 are searched; and those that read from the start or the end of a text
        # (^, $, (?=$|，)) are searched again on what a framed report says (_frame_span, _find).
        # (Each expression is parsed once for the three: _regex_tree keeps the last.)
        strings: list[tuple[str, ...] | None] = []
        anchored: set[int] = set()
        for i, (_k, rx) in enumerate(regexes):
            needs = _needed_sets(rx)
            strings.append(_needed_strings(rx))
            if _anchored(rx):
                anchored.add(i)
            if not needs:
                always.append(i)
                continue
            for ch in needs[0]:
                by_char.setdefault(ch, []).append(i)
            if len(needs) > 1:
                more[i] = needs[1:]
        self._regex_by_char = {ch: tuple(ix) for ch, ix in by_char.items()}
        self._regex_always = tuple(always)
        self._regex_more = more
        self._regex_strings = tuple(strings)
        self._regex_anchored = frozenset(anchored)
        self._make_regex_bits()
        # The gapped words are kept as their keys only ('gap:' + pieces joined by '…', a piece's
        # choices by '|'); their pieces are split off when a description needs them and kept, by
        # position, for this process (_gap_pieces, not pickled). A tuple of pieces per gapped
        # word had made the start-up cache 0.8 MB larger and its load ~9 ms slower. Keeping a
        # piece's choices in one gapped word instead of writing out every combination (when it
        # came in: 1,148 gapped words instead of 49,744) halved the cache (4.0 -> 1.8 MB) and its
        # load.
        self._gap_terms = tuple(k for k, t in terms.items() if t.pieces is not None)
        # (each piece as the set of its choices: whether a description has one is one step)
        self._gap_pieces: list[tuple[frozenset[str], ...] | None] = [None] * len(self._gap_terms)
        # A gapped word can only occur where each of its pieces does: index it under one of them
        # (positions in _gap_terms, so that they are still tried, and reported, in their original
        # order), the piece that the fewest gapped words share (the longer, then the earlier, on a
        # tie). Under the first piece, 村 alone listed 716 gapped words to look at; over the
        # batch bench's texts a description had ~460 to look at under their first pieces, ~75
        # under their least shared ones (line profile of 3,000 texts).
        # A piece with a choice of words is indexed under each of them (the piece whose words
        # the fewest gapped words share in all).
        shared: dict[str, int] = {}
        for k in self._gap_terms:
            for p in {w for piece in _gap_split(k) for w in piece}:
                shared[p] = shared.get(p, 0) + 1
        gaps_by_piece: dict[str, list[int]] = {}
        for i, k in enumerate(self._gap_terms):
            pieces = _gap_split(k)
            key = min(range(len(pieces)), key=lambda j: (sum(shared[w] for w in pieces[j]),
                                                         -min(map(len, pieces[j])), j))
            for w in pieces[key]:
                gaps_by_piece.setdefault(w, []).append(i)
        self._gaps_by_piece = _shared({p: tuple(ix) for p, ix in gaps_by_piece.items()})
        # The cues that may match when a word occurs, by number (all matters' cues in order:
        # cue g is cue g - _first_cue[r] of matter r = _cue_matter[g]): a cue matches only when
        # each of its parts has an occurrence, so it is listed under the words of one part, the
        # one with the fewest words (likely the most specific). A description is checked only
        # against the cues listed under its words.
        cues_by_term: dict[str, list[int]] = {}
        self._cue_matter = array("I")
        self._first_cue = array("I")
        for r, rule in enumerate(rules.values()):
            self._first_cue.append(len(self._cue_matter))
            for cue in rule.cues:
                for t in cue.index_part.termset:
                    cues_by_term.setdefault(t, []).append(len(self._cue_matter))
                self._cue_matter.append(r)
        self._cues_by_term = _shared({t: tuple(gs) for t, gs in cues_by_term.items()})
        # The no-fit categories that mention each word (positions in _nofit).
        nofit_by_term: dict[str, list[int]] = {}
        for i, nf in enumerate(self._nofit):
            for t in {t for part in nf.parts for t in part.terms}:
                nofit_by_term.setdefault(t, []).append(i)
        self._nofit_by_term = _shared({t: tuple(ix) for t, ix in nofit_by_term.items()})
        self._gap_max = int(self.settings["gap_max"])
        # The words that must be the whole text (^摊子$), by the word: looked up, not searched.
        self._only_words = {k[len(_ONLY):]: k for k in terms if k.startswith(_ONLY)}
        # One dictionary scan finds every plain word and every piece of a gapped word; the
        # pieces that are not words themselves are looked up but never reported.
        self._pieces_only = frozenset(p for k in self._gap_terms for piece in _gap_split(k)
                                      for p in piece if p not in terms or not terms[p].plain)
        # The words, and their lengths by their first two characters (longest first): at each
        # position of the description, one look-up of the two characters there, then one per
        # length of a word starting with them; the one-character words by themselves.
        words = [k for k, t in terms.items() if t.plain] + sorted(self._pieces_only)
        self._words = frozenset(words)
        self._homophones: Homophones | None = None
        self._pinyin: PinyinReader | None = None
        self._model: NgramModel | None | bool = False   # False: not read yet
        self._outside_model: NgramModel | None | bool = False
        self._competent_model: NgramModel | None | bool = False
        self._singles = frozenset(k for k in words if len(k) == 1)
        self._firsts = frozenset(k[0] for k in words if len(k) > 1)
        lengths: dict[str, set[int]] = {}
        for k in words:
            if len(k) > 1:
                lengths.setdefault(k[:2], set()).add(len(k))
        same_lengths: dict[tuple[int, ...], tuple[int, ...]] = {}
        self._lengths_by_pair = {pair: same_lengths.setdefault(ns, ns) for pair, ns in
                                 ((pair, tuple(sorted(v, reverse=True))) for pair, v in lengths.items())}

    # The word indexes and lists that the start-up cache keeps in pieces (router/model/shards.py):
    # a one-off route reads the few pieces its words fall in. After WHOLE_AFTER descriptions a
    # matcher makes its word indexes whole again (_make_whole); the lists stay in pieces (each
    # position looked up a few times per description, each piece read once).
    _WORD_INDEXES = ("_words", "_pieces_only", "_compound_terms", "_cues_by_term", "_nofit_by_term",
                     "_gaps_by_piece", "_term_groups", "_lengths_by_pair", "_word_families_by_term")
    # (name, positions per piece): a matter's knowledge is large and read alone
    _SHARDED_LISTS = (("_nofit", 4), ("_specs", 1), ("_gap_terms", 16))
    WHOLE_AFTER = 8

    def __getstate__(self) -> dict:
        state = dict(self.__dict__)
        state.pop("_uses", None)
        state.pop("_regex_bits", None)   # made again when the matcher is made whole
        state["_regex_terms"] = {}     # compiled again, lazily, after unpickling
        del state["_gap_pieces"]       # split again, lazily
        state["_homophones"] = None    # built again on first use
        state["_pinyin"] = None
        state["_model"] = False        # read again on first use
        state["_outside_model"] = False
        state["_competent_model"] = False
        same: dict[tuple, tuple] = {}
        state["_specs"] = tuple(rule.spec(same) if rule is not None else self._specs[r]  # type: ignore[index]
                                for r, rule in enumerate(self._rules))
        del state["_rules"]
        indexes = {name: state[name] for name in self._WORD_INDEXES}
        if not all(isinstance(v, WordIndex) for v in indexes.values()):   # (else: kept as read)
            state.update(WordPieces.index({name: v.whole() if isinstance(v, WordIndex) else v
                                           for name, v in indexes.items()}))
        for name, run in self._SHARDED_LISTS:
            if not isinstance(state[name], ShardedList):
                state[name] = ShardedList.of(state[name], run)
        return state

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self._rules = [None] * len(self._specs)  # type: ignore[arg-type]
        self._gap_pieces = [None] * len(self._gap_terms)
        self._uses = 0

    def _make_whole(self) -> None:
        """Read every piece of the word indexes into plain sets and dicts: a process that matches
        many descriptions looks words up in those at every position of a text (a piece is looked
        up through a Python method call). Equal values are made one object again, as when built."""
        for name in self._WORD_INDEXES:
            value = self.__dict__[name]
            if isinstance(value, WordIndex):
                whole = value.whole()
                self.__dict__[name] = _shared(whole) if isinstance(whole, dict) else whole
        if "_regex_bits" not in self.__dict__:
            self._make_regex_bits()

    def _rule(self, r: int) -> _Rule:
        """The knowledge of the r-th matter (made from its plain tuples on first use)."""
        rule = self._rules[r]
        if rule is None:
            rule = self._rules[r] = _Rule.from_spec(self._specs[r])  # type: ignore[index]
        return rule

    def regexes_searched_always(self) -> list[str]:
        """The `re:` words searched in every description: no set of a few characters (at most 12)
        is in each of their matches (_needed_sets), so no description can be skipped. Each costs
        a search of every text; for `catalog check`."""
        return [self._regex_src[i][0] for i in self._regex_always]

    def typo_rewritten_words(self) -> list[tuple[str, str, tuple[tuple[str, str], ...]]]:
        """Words of the vocabulary that the typo table rewrites into a word it does not have:
        (word, as rewritten, the typo entries inside it as (typo, read as)). A description is
        rewritten before its words are looked up, so such a word is never found as written
        (土卖 → 土埋 turned 挖土卖 into 挖土埋). For `catalog check`."""
        out = []
        typos = self._typos.mapping
        # (a whole-text word, ^甲$, is looked up as the text rewritten, among the whole-text words)
        for words, shown in ((self._words, "{}"), (self._only_words, "^{}$")):
            for w in sorted(words):
                if fold(w) == w and not self._typos.occurs_in(w):
                    continue    # (most words: nothing to rewrite; 0.36 → 0.27 s, median of 5)
                fixed = normalize(w, self._typos).text
                if fixed != w and fixed not in words:
                    out.append((shown.format(w), shown.format(fixed),
                                tuple((k, v) for k, v in typos.items() if k in w)))
        return out

    @property
    def matter_ids(self) -> tuple[str, ...]:
        return self._matters

    @classmethod
    def load(cls, path: str | Path, matters: Mapping[str, str],
             bases: Mapping[str, str] | None = None) -> "Matcher":
        """The matcher of matching.yaml at `path` for these matters (id: name; `bases`, id: legal
        basis, for the articles a description cites). Building one took about 2 s (thirty-second
        session, machine idle: reading ≤ 0.25 s, compiling 1.3 s, building 0.4 s); 1.5 s of CPU since the
        thirty-seventh (helpers running; the collector paused, `re:` words compiled once per process);
        a process that loads the same catalog again (the web service's previews, `catalog check`
        after an import, the tests) gets the one already built, as long as matching.yaml and the
        models beside it hold the same bytes, wherever they lie: a copy of the catalog in another
        folder gets that matcher at its own path (_at)."""
        import hashlib  # (here: loading OpenSSL is ~2 ms of a start that reads the cache)
        path = Path(path)
        try:
            models = (path.with_name(_MODEL_FILE), path.with_name(_OUTSIDE_FILE),
                      path.with_name(_COMPETENT_FILE))
            key = (hashlib.sha256(path.read_bytes()).hexdigest(),
                   *(hashlib.sha256(m.read_bytes()).hexdigest() if m.exists() else None
                     for m in models),
                   tuple(sorted(matters.items())), tuple(sorted((bases or {}).items())))
        except OSError:
            key = None        # (load_file names what is wrong with the file)
        if key is not None and key in _BUILT:
            first = _BUILT[key]
            return first if first.path == str(path) else first._at(str(path))
        # The cyclic garbage collector paused while a matcher is built: the build makes some
        # 150,000 objects that stay (and 70,000 in cycles, the parse trees of _needed_sets's and
        # _needed_strings's recursive closures, collected later), and each collection it set off
        # walked every object of the process, more with each matcher already kept (five builds in
        # a row: 2.4 s of CPU for the first, 3.2 s for the fifth; paused, 1.4 s each).
        paused = gc.isenabled()
        gc.disable()
        try:
            data = load_file(path)
            compiled = _Loader(path, matters).load(data)
            matcher = cls(str(path), compiled, bases)
        finally:
            if paused:
                gc.enable()
        if key is not None:
            if len(_BUILT) >= _BUILT_MAX:
                del _BUILT[next(iter(_BUILT))]
            _BUILT[key] = matcher
        return matcher

    def _at(self, path: str) -> "Matcher":
        """This matcher as built from the same bytes lying at `path`: everything a matcher holds is
        made from matching.yaml, the matters and the bases alone, except the models, read lazily
        from beside its path, which a copy reads again from beside its own."""
        # (not copy.copy: that goes through __getstate__, which packs the indexes for the start-up
        # cache and drops what is made again lazily)
        twin = object.__new__(type(self))
        twin.__dict__.update(self.__dict__)
        twin.path = path
        twin._model = twin._outside_model = twin._competent_model = False
        return twin

    # -- finding words ------------------------------------------------------------------------
    def _gaps(self, pieces: tuple[frozenset[str], ...], occ: Mapping[str, list[tuple[int, int]]],
              text: str) -> list[tuple[int, int]]:
        """Occurrences of a gapped word 甲…乙: each piece (any of its words) follows the previous
        one after at most gap_max characters, none of them a clause break nor a comma that adds
        another act (_NEXT_ACT); each the shortest (from the nearest first piece, _chain), not
        overlapping."""
        present = []
        for piece in pieces:
            words = [w for w in piece if occ.get(w)]
            if not words:
                return []
            present.append(words)
        if all(len(ws) == 1 for ws in present):
            return self._chain([occ[ws[0]] for ws in present], text)
        if prod(len(ws) for ws in present) > _MAX_CHOICES_TRIED:
            # a long text naming many of the choices: one chain over all of them (bounded time)
            return self._chain([sorted(o for w in ws for o in occ[w]) for ws in present], text)
        # each choice of the words that occur, as if written out (a few at most: 房东…(押金|不退)
        # in 房东不退押金 occurs as 房东不退 and as 房东不退押金)
        out: set[tuple[int, int]] = set()
        for words in itertools.product(*present):
            out.update(self._chain([occ[w] for w in words], text))
        return sorted(out, key=lambda o: (o[0], -o[1]))     # longer first at one place

    def _chain(self, lists: list[list[tuple[int, int]]], text: str) -> list[tuple[int, int]]:
        """Occurrences of a gapped word whose pieces occur at `lists` (see _gaps)."""
        gap = self._gap_max
        out: list[tuple[int, int]] = []

        def chain(i: int, end: int) -> int | None:
            if i == len(lists):
                return end
            for a, b in lists[i]:       # in order of position: the nearest first
                if a < end:
                    continue
                if a - end > gap:
                    break
                if any(c in CLAUSE_BREAKS for c in text[end:a]) or _NEXT_ACT.search(text, end, a):
                    break
                e = chain(i + 1, b)
                if e is not None:
                    return e
            return None

        # For each end the chains reach, the nearest start that reaches it: in 遛狗的人不收狗屎，狗也
        # 不拴绳 the word 狗…不拴 is 狗也不拴, not a span from 遛狗 over the other act's words (which
        # would then count as this word's evidence). Then the shortest occurrences that do not overlap.
        nearest: dict[int, int] = {}
        for a, b in lists[0]:
            e = chain(1, b)
            if e is not None and a > nearest.get(e, -1):
                nearest[e] = a
        last = 0
        for e in sorted(nearest):
            a = nearest[e]
            if a >= last:
                out.append((a, e))
                last = e
        return out

    def _find(self, text: str) -> dict[str, list[tuple[int, int]]]:
        occ: dict[str, list[tuple[int, int]]] = {}
        words, singles, firsts = self._words, self._singles, self._firsts
        lengths_of = self._lengths_by_pair.get
        # at each position, the longer words first (the order of the mapping is that of the
        # first occurrences, which breaks ties later on)
        for i, ch in enumerate(text):
            if ch in firsts:
                lengths = lengths_of(text[i:i + 2])
                if lengths is not None:
                    for n in lengths:
                        k = text[i:i + n]
                        if k in words and len(k) == n:
                            if k in occ:
                                occ[k].append((i, i + n))
                            else:
                                occ[k] = [(i, i + n)]
            if ch in singles:
                if ch in occ:
                    occ[ch].append((i, i + 1))
                else:
                    occ[ch] = [(i, i + 1)]
        gapped: list[tuple[str, list[tuple[int, int]]]] = []
        gaps_by_piece = self._gaps_by_piece
        # a single character inside a word recognised as a whole is no piece of a gapped word
        # (没地方 lends no 地 to 占…地); a longer piece still is (增设…充电 in 增设充电桩)
        wholes = [span for k in self._whole_terms.intersection(occ) for span in occ[k]]
        pieces_occ = {k: [(a, b) for a, b in v if not _in_whole(a, b, wholes)] if len(k) == 1 else v
                      for k, v in occ.items()} if wholes else occ
        # the gapped words whose every piece occurs (of ~75 listed under the pieces found in a
        # description, about one has all of them)
        gap_terms, gap_pieces = self._gap_terms, self._gap_pieces
        present = {p for p, o in pieces_occ.items() if o}
        disjoint = present.isdisjoint
        tried = []
        for p in present:
            entries = gaps_by_piece.get(p)
            if entries is not None:
                for i in entries:
                    pieces = gap_pieces[i]
                    if pieces is None:
                        pieces = gap_pieces[i] = tuple(map(frozenset, _gap_split(gap_terms[i])))
                    if not any(map(disjoint, pieces)):
                        tried.append(i)
        for i in sorted(set(tried)):
            k = gap_terms[i]
            o = self._gaps(gap_pieces[i], pieces_occ, text)
            if o:
                gapped.append((k, o))
        for p in self._pieces_only.intersection(occ):
            del occ[p]
        # Suppress an occurrence that lies inside a longer compound of the shared vocabulary
        # without being its last part (its head). A compound ending in a locative (工地里, 空地上)
        # is a noun and its place word: the noun is the head (工地), and a word straddling the
        # two (地里) is hidden too.
        compounds, groups_of, no_group = self._compound_terms, self._term_groups.get, frozenset()
        covers = [(a, b, b - 1 if k[-1] in _LOCATIVES else b, groups_of(k, no_group))
                  for k, lst in occ.items() if k in compounds for a, b in lst]
        if covers:
            pruned: dict[str, list[tuple[int, int]]] = {}
            for k, lst in occ.items():
                mine = groups_of(k, no_group)
                keep = []
                for a, b in lst:
                    for ca, cb, head, g in covers:
                        if ca <= a and b <= cb and cb - ca > b - a \
                                and (b < head or (b == cb and head < cb and a > ca)) \
                                and not (mine & g):
                            break  # hidden by this compound
                    else:
                        keep.append((a, b))
                if keep:
                    pruned[k] = keep
            occ = pruned
        for k, o in gapped:
            occ[k] = o
        compiled, regex_src = self._regex_terms, self._regex_src
        framed: tuple[int, int] | None | bool = False     # False: not worked out yet
        needed_strings, has = self._regex_strings, text.__contains__
        anchored = self._regex_anchored
        for i in self._regexes_needed(text):     # in their order in the knowledge, as every word
            strings = needed_strings[i]
            if strings is not None and not any(map(has, strings)):
                continue
            k, src = regex_src[i]
            rx = compiled.get(i)
            if rx is None:
                rx = compiled[i] = _regex(src)
            for m in rx.finditer(text):
                if m.end() > m.start():
                    occ.setdefault(k, []).append(m.span())
            if i in anchored:
                # a word read from the start or the end of a text (^…$, "(?:^|，)咋举报",
                # "能…不(?=$|，)") reads them on what a framed report says too: "灭火器" as
                # "今天上午，灭火器" or "灭火器，谢谢！", "咋举报违建" after a ticket's header
                if framed is False:
                    framed = _frame_span(text, self._headers)
                    framed = framed if framed != (0, len(text)) else None
                if framed is None:
                    continue
                start, end = framed
                had = occ.get(k, ())
                more = [(m.start() + start, m.end() + start) for m in rx.finditer(text[start:end])
                        if m.end() > m.start() and (m.start() + start, m.end() + start) not in had]
                if more:
                    occ[k] = sorted([*had, *more]) if had else more
        if self._only_words:
            self._find_only(text, occ)
        wholes = [span for k in self._whole_terms.intersection(occ) for span in occ[k]]
        return _apart_from_wholes(occ, wholes) if wholes else occ

    def _find_only(self, text: str, occ: dict[str, list[tuple[int, int]]]) -> None:
        """The word that is the whole text (^摊子$), spaces and punctuation around it aside, or
        the whole of what a framed report says (_frame_span: "今天上午，摊子", "摊子，谢谢！")."""
        only = self._only_words
        said = text.strip(_ONLY_AROUND)
        k = only.get(said)
        if k is None:
            if len(said) > _ONLY_FRAMED_MAX:
                return
            start, end = _frame_span(text, self._headers)
            if (start, end) == (0, len(text)):
                return
            said = text[start:end].strip(_ONLY_AROUND)
            k = only.get(said)
            if k is None:
                return
        else:
            start = 0
        a = text.find(said, start)
        occ[k] = [(a, a + len(said))]

    def _regexes_needed(self, text: str) -> list[int]:
        """The `re:` words (positions in _regex_src, in order) that may match in `text`: those
        with a character of each of their needed sets (_needed_sets) in the text."""
        chars = set(text)
        bits = self.__dict__.get("_regex_bits")
        if bits is None:     # (an unpickled matcher, until it is made whole)
            by_char, more = self._regex_by_char, self._regex_more
            needed = set(self._regex_always)
            for ch in chars.intersection(by_char):
                needed.update(by_char[ch])
            return [i for i in sorted(needed)
                    if not (i in more and any(map(chars.isdisjoint, more[i])))]
        # One bit per word and needed set: a set's bit is on where the text has one of its
        # characters; a word is searched where all its sets' bits are (~4 times faster than the
        # sets above, measured over 3,000 batch-bench texts; the same words, in the same order).
        char_bits, hit, planes, n = bits
        get = char_bits.get
        for ch in chars:
            b = get(ch)
            if b:
                hit |= b
        every = hit & ((1 << n) - 1)
        for j in range(1, planes):
            every &= hit >> (j * n)
        out = []
        while every:
            low = every & -every
            out.append(low.bit_length() - 1)
            every ^= low
        return out

    def _make_regex_bits(self) -> None:
        """The bit masks of _regexes_needed: word i's j-th needed set is bit j * n + i (n words);
        a set a word does not have counts as found."""
        by_char, more, n = self._regex_by_char, self._regex_more, len(self._regex_src)
        planes = 1 + max(map(len, more.values()), default=0)
        char_bits: dict[str, int] = {}
        found = 0
        for ch, ix in by_char.items():
            b = 0
            for i in ix:
                b |= 1 << i
            char_bits[ch] = b
        for i in self._regex_always:
            found |= 1 << i
        for j in range(1, planes):
            for i in range(n):
                sets = more.get(i, ())
                bit = 1 << (j * n + i)
                if len(sets) < j:
                    found |= bit
                else:
                    for ch in sets[j - 1]:
                        char_bits[ch] = char_bits.get(ch, 0) | bit
        self._regex_bits = (char_bits, found, planes, n)

    @staticmethod
    def _shown(part: _Part, occ: "_Found") -> tuple[int, int]:
        """The occurrence of `part` that a note quotes: the first of its first word found. A
        gapped word with choices may occur more than once at one place (化肥…(假|假的) in
        化肥是假的): the longest that does not run into another clause (路灯…(坏|黑) in
        路灯砸坏了三盏，晚上黑灯瞎火: 路灯砸坏)."""
        for t in part.terms:
            lst = occ.get(t)
            if lst:
                a = lst[0][0]
                return min((o for o in lst if o[0] == a),
                           key=lambda o: (sum(occ.text.count(c, o[0], o[1]) for c in ",;"),
                                          o[0] - o[1]))
        raise ValueError("part has no occurrence")

    def _not_excluded(self, found: list[tuple[int, int]], against: list[tuple[int, int]]
                      ) -> list[tuple[int, int]]:
        """The occurrences of a no-fit topic's word with none of the topic's `excludes` (found at
        `against`) within combo_window characters (as a matter's exclusions count only near its
        evidence)."""
        window = self.settings["combo_window"]
        return [(a, b) for a, b in found
                if all(max(xa - b, a - xb, 0) > window for xa, xb in against)]

    @staticmethod
    def _part_occ(part: _Part, occ: Mapping[str, list[tuple[int, int]]]) -> list[tuple[int, int]]:
        out: list[tuple[int, int]] = []
        for t in part.terms:
            o = occ.get(t)
            if o:
                out.extend(o)
        return out

    def _match_cue(self, cue: _Cue, occ: _Found) -> _Hit | None:
        parts = cue.parts
        if len(parts) == 1:
            evidence = occ.alone(parts[0])
        else:
            # (cues of several matters may combine the same parts)
            combined = occ.combined
            if parts in combined:
                evidence = combined[parts]
            else:
                evidence = combined[parts] = self._combination(parts, occ)
        return _Hit(cue, *evidence) if evidence is not None else None

    def _combination(self, parts: tuple[_Part, ...], occ: _Found) -> tuple | None:
        """Evidence (ranges, words, terms) of a combination of parts in one description."""
        lists = []
        for part in parts:
            o = occ.part(part)
            if not o:
                return None
            lists.append(o)
        text = occ.text
        window = self.settings["combo_window"]
        if len(lists) == 2:
            used = [set(), set()]
            best = _combine_two(lists[0], lists[1], window, used)
        else:
            used = [set() for _ in lists]
            best = _combine(lists, window, used, len(text))
        if best is None:
            return self._in_scene(parts, lists, text) if self._scene else None
        # The closest combination explains the match; every occurrence that takes part in some
        # combination within the window is evidence (highlighted, and compared within families).
        chosen = list(best[1])
        for u in used:
            if len(u) > 1:  # (else each part's only occurrence used is the chosen one)
                chosen += [r for k in range(len(lists)) for r in sorted(used[k]) if r not in chosen]
                break
        return _evidence(chosen, text)

    def _in_scene(self, parts: tuple[_Part, ...], lists: list[list[tuple[int, int, str]]],
                  text: str) -> tuple | None:
        """A combination with a part that sets the scene of the whole description (`scene` in
        matching.yaml: the building is a high-rise) when the other parts are close together but
        the scene was said further away: "我家在二十三楼……对门天天把电动车停在楼道里充电"."""
        near = [i for i, part in enumerate(parts) if part.concept not in self._scene]
        if not near or len(near) == len(parts):
            return None
        window = self.settings["combo_window"]
        if len(near) == 1:
            core = (lists[near[0]][0],)
        else:
            sub = [lists[i] for i in near]
            found = (_combine_two(sub[0], sub[1], window, [set(), set()]) if len(sub) == 2
                     else _combine(sub, window, [set() for _ in sub], len(text)))
            if found is None:
                return None
            core = found[1]
        lo, hi = min(a for a, _, _ in core), max(b for _, b, _ in core)
        chosen: list[tuple[int, int, str]] = []
        it = iter(core)
        for i, part in enumerate(parts):
            if i in near:
                chosen.append(next(it))
            else:   # the scene word nearest to the rest
                chosen.append(min(lists[i], key=lambda r: max(lo - r[1], r[0] - hi, 0)))
        return _evidence(chosen, text)

    @staticmethod
    def _another_act(hit: _Hit, ev: "_Eval", text: str, bar: float, after: bool = False) -> bool:
        """The exclusion is said in a clause apart from every clause where the matter is told
        whole (strongly enough on those cues alone: `bar`), and the later of the two adds another
        act (还/也/又…): "村口堆着柴草，同时在村道上晒玉米" — the 村道 is the drying's, not the
        pile's. With `after` (an exclusion that holds a place word), only an exclusion said after
        the matter counts as apart: a later 还-clause may go on about the first clause's thing
        ("乡道上的限速牌让人掰弯了，上面还给喷了漆": the paint is on the road's sign)."""
        clause = _clauses(text)
        where = _told(ev, clause)
        if not where or _noisy_or([w for ws in where.values() for w in ws]) < bar:
            return False
        theirs = {clause[a] for a, _ in hit.ranges}
        if not theirs.isdisjoint(where) or (after and min(theirs) < max(where)):
            return False
        return _adds_act(text, clause, max(max(theirs), min(where)))

    @staticmethod
    def _other_item(hit: _Hit, ev: "_Eval", text: str, bar: float) -> bool:
        """The exclusion is said in items of a list (split by ";" or numbered: _list_items) apart
        from every item where the matter is told whole (strongly enough on those cues alone: `bar`):
        "村口柴草乱堆、坑塘边搭建简易鸭棚;县道路肩晾晒玉米" — the 县道 is the maize's, not the shed's."""
        if ";" not in text and not _ITEM_BREAK.search(text):
            return False
        clause, item = _clauses(text), _list_items(text)
        where = _told(ev, clause)
        if not where or _noisy_or([w for ws in where.values() for w in ws]) < bar:
            return False
        last = {c: item[i] for i, c in enumerate(clause)}
        told = {last[c] for c in where}
        theirs = {item[p] for a, b in hit.ranges for p in range(a, b)}
        if not told.isdisjoint(theirs):
            return False
        # an item after the exclusion's that goes on with 还/也/又 may tell more of the earlier
        # item's thing ("…门前的树被门面房砍了;门面房老板还把树枝堆在…": the same compound's)
        later = {n for n in told if n > min(theirs)}
        return not any(m in "".join(ch for ch, n in zip(text, item) if n in later) for m in _ANOTHER_ACT)

    @staticmethod
    def _exclusions(rule: _Rule, found: set[str]) -> tuple[_Cue, ...] | list[_Cue]:
        """A matter's exclusions that may match a description with the words `found`, in their
        order: those with a word of their index part found (most descriptions have none of a
        matter's; ~47 exclusions a text of the batch bench were tried, ~3 now)."""
        by_word = rule.excludes_by_word
        words = by_word.keys() & found
        if not words:
            return ()
        return [rule.excludes[i] for i in sorted({i for t in words for i in by_word[t]})]

    def _near(self, hit: _Hit, positions: frozenset[int]) -> bool:
        """An exclusion speaks about this matter's evidence only when it is close to it (within
        combo_window characters): a long ticket may report several unrelated things."""
        window = self.settings["combo_window"]
        for a, b in hit.ranges:
            lo, hi = a - window, b + window
            for p in positions:
                if lo <= p < hi:
                    return True
        return False

    # -- the main entry point -----------------------------------------------------------------
    def match(self, text: str) -> MatchResult:
        uses = self.__dict__.get("_uses")
        if uses is not None:     # unpickled: its indexes are read piece by piece until…
            if uses + 1 < self.WHOLE_AFTER:
                self._uses = uses + 1
            else:
                self.__dict__.pop("_uses", None)
                self._make_whole()
        latin = isinstance(text, str) and has_latin(text) and len(text) <= _HOMOPHONE_MAX_LEN
        # (a text with Latin letters is normalised here, once: the models read it as normalised)
        norm = normalize(text, self._typos) if latin else None
        result = self._match(text, norm)
        seen = text     # the text as the models read it (with pinyin read as characters)
        # pinyin typed for characters (zhatuche bu gai): read as the words it spells, where that
        # decides what the letters left open
        if latin:
            reading = None
            if result.status != "matched" and not result.not_a_description:
                reading = self._pinyin_reading(text, result)
            if reading is not None:
                result, seen = reading
            else:
                # pinyin that typos: turns into characters (loudao → 楼道) is read by the models as
                # those characters, and a phrase that short as a short phrase
                seen = norm.text
        # an article of law the description cites (移送函: 涉嫌违反《大气污染防治法》第一百一十八条第一款)
        cited = self._citations.find(text)
        if cited and not result.asked and not result.not_a_description:
            result = self._cited_reading(text, result, cited)
        # a text naming another act outside the catalog (a fight, a bite, a question about a
        # permit) is about that act, not about a matter whose sound it resembles; a text naming
        # anything outside the catalog (also a repair, a greeting) gets no guess from its wording
        if result.status == "no_fit" and not result.guidance and len(text) <= _HOMOPHONE_MAX_LEN \
                and not result.not_a_description \
                and not self._act_topics.intersection(result.outside):
            # (what frames a report, 今天上午， or ，谢谢！, neither makes a phrase longer nor hides
            # that it says only a place: the checks and the guess are made on what it says)
            core = _core(text, self._headers)
            reading = self._homophone_reading(text, result, len(core.strip()) <= _SHORT_MAX)
            if reading is not None:
                result = reading
            elif not result.outside:
                result = self._learned_guess(text, result, core)
        if result.status != "no_fit" and not result.on_keyword and len(seen.strip()) > _SHORT_MAX:
            result = self._outside_check(text, result, seen)
        if result.status != "no_fit":
            result = self._model_order(seen, result)
        if result.status == "no_fit" and not result.guidance and not result.not_a_description:
            result = self._competent_guess(seen, result)
        return result

    def competent_model(self) -> NgramModel | None:
        """The model of the body competent for an out-of-catalog report (competent.json)."""
        if self._competent_model is False:
            self._competent_model = NgramModel.load(Path(self.path).with_name(_COMPETENT_FILE))
        return self._competent_model  # type: ignore[return-value]

    def _competent_guess(self, text: str, result: MatchResult) -> MatchResult:
        """Outside the catalog, when no topic of matching.yaml named the body: the body that the
        labelled out-of-catalog reports most like this text were sent to, if likely enough, as
        guidance marked as the model's guess (no legal basis is claimed for it)."""
        model = self.competent_model()
        if model is None:
            return result
        probs = model.probabilities(text)
        body = max(probs, key=probs.get)
        p = probs[body]
        if p < self.settings["competent_threshold"]:
            return result
        aliases = self._body_names.get(body, ())
        guide = Guidance("文字相似的目录外报告", body, aliases,
                         "无：这是按文字相似度的推测，未对应法律依据",
                         f"字符 n 元模型（{_COMPETENT_FILE}，按已标注主管机关的目录外报告训练），"
                         f"概率 {p:.2f}", ())
        note = (f"指引（推测，不是管辖决定）：按文字相似度，这类报告多由{body}主管"
                f"（模型概率 {p:.2f}，没有法律依据记录），请办事员核实后告知报告人或转办")
        return dataclasses.replace(result, guidance=(guide,), notes=result.notes + (note,))

    def outside_model(self) -> NgramModel | None:
        """The out-of-catalog model shipped beside matching.yaml (outside.json), if any."""
        if self._outside_model is False:
            self._outside_model = NgramModel.load(Path(self.path).with_name(_OUTSIDE_FILE))
        return self._outside_model  # type: ignore[return-value]

    def _outside_check(self, text: str, result: MatchResult, seen: str) -> MatchResult:
        """A matter chosen without a keyword of its own (on combinations of words, a family's
        everyday word, a model's guess) is not chosen when what the report says reads like the
        out-of-catalog reports the project has labelled (a character n-gram model trained on
        them, outside.json): the candidates stay listed as the closest, for the clerk to pick if
        the text is in the catalog after all. Measured on descriptions written after the model
        (tests/matching/README.md). `seen` is the text as the models read it.

        What frames a report is kept from deciding in two ways. The model reads what the report
        says (_frame_span): a ticket's header (【12345】市民来电反映：) says where it comes from, and
        such headers are frequent in the out-of-catalog reports it learned from; a time opening
        (今天上午，) and courtesies (，谢谢！ [图片]) say nothing of what it is. And it is trained on
        every text also framed (learned.framed), for the frames no rule reads apart (听邻居说，,
        你好，, ，请处理。) and for the one case below where the model reads a frame.

        What a report says in a short phrase (_SHORT_MAX) is not checked, framed or not (the model
        says little on a short phrase), unless the matter offered stands partly on the frame's own
        words (凌晨 of "凌晨两点，" read as night noise, 天上 of "今天上午，" read as 填上, 村干部 of a
        header read as a village): the frame decided, and the model reads the text as before this
        rule, past a ticket's header only (_header_end)."""
        # a family to choose from stands on its members' evidence as a selected matter does,
        # unless the text also says it is no report (a question, a request, a follow-up)
        offered = set(result.selected)
        if not self._closing_names.intersection(result.outside):
            offered.update(*result.ambiguous)
        if max((c.score for c in result.candidates if c.matter in offered), default=0.0) \
                >= self.settings["outside_max_score"]:
            return result
        start, end = _frame_span(seen, self._headers)
        said = seen[start:end]
        if len(said.strip()) <= _SHORT_MAX:
            # (the evidence's spans are in `text`, which pinyin or typos may make other than `seen`)
            a, b = (start, end) if seen is text else _frame_span(text, self._headers)
            if not any(sp.start < a or sp.end > b for c in result.candidates if c.matter in offered
                       for sp in c.spans):
                return result
            h = _header_end(seen, self._headers)
            said = seen if h is None else seen[h + 1:]
        # (read only now: a matter standing on several independent cues, as most do, never
        # needs the model, and reading it, 1.4 MB, is ~23 ms of a one-off `zhifa route`)
        model = self.outside_model()
        if model is None:
            return result
        p = model.probabilities(_without_pleas(said, self._pleas)).get(_NONE, 0.0)
        if p < self.settings["outside_threshold"]:
            return result
        routed = result.routed()
        why = f"描述整体更像目录外的报告（目录外模型估计的概率 {p:.2f}），本事项没有关键词依据，未选中"
        candidates = tuple(dataclasses.replace(c, selected=False,
                                               reasons=c.reasons + ((why,) if c.matter in routed else ()))
                           for c in result.candidates)
        listed = {c.matter for c in candidates}
        candidates += tuple(Candidate(m, 0.0, (), (f"“{c.family}”类的事项之一（描述只说到这一类），{why}",), False)
                            for c in result.choices if c.family for m in c.matters if m not in listed)
        closest = list(result.selected)
        for c in result.choices:
            names = "、".join(c.matters)
            closest.append(f"“{c.family}”类的 {names}" if c.family else names)
        notes = [f"未选定事项：描述中没有目录内事项的关键词，其文字整体更像目录外的报告"
                 f"（字符 n 元模型估计目录外的概率为 {p:.2f}）",
                 f"最接近的是 {'；'.join(closest)}：若确属目录内，请办事员核实后用 --matter 选择"]
        notes += [n for n in result.notes if n.startswith(("“", "指引", "按同音错字理解", "按拼音理解"))]
        return MatchResult(text, "no_fit", candidates, (), (), tuple(notes), (), result.guidance,
                           result.excluded, False, result.outside)

    def _homophone_reading(self, text: str, result: MatchResult, short: bool) -> MatchResult | None:
        """The description read with its homophone slips put right, if that finds something
        (`short`: whether what it says is a short phrase, _SHORT_MAX characters at most)."""
        if self._homophones is None:
            self._homophones = Homophones(k for k in self._words if k not in self._pieces_only)
        fixed, fixes = self._homophones.correct(text)
        if not fixes:
            return None
        again = self._match(fixed)
        if again.status == "no_fit":
            return None
        # keep the reading only where a corrected word is evidence for a matter it then offers
        offered = set(again.selected).union(*again.ambiguous)
        evidence = [(sp.start, sp.end) for c in again.candidates if c.matter in offered for sp in c.spans]
        used = [(i, a, b) for i, a, b in fixes
                if any(s < i + len(b) and i < e for s, e in evidence)]
        if not used and not again.candidates and any(c.family for c in again.choices) and short:
            # a short phrase that now offers a family on its everyday word alone (违见 → 违建):
            # the result carries no spans, but only the corrected words changed, and no word of
            # the phrase was evidence before (it was no_fit)
            used = fixes
        if not used:
            return None
        read = "，".join(f"“{a}”读作“{b}”" for _, a, b in used)
        note = f"按同音错字理解：{read}（请办事员向报告人核实）"
        candidates = tuple(Candidate(c.matter, c.score,
                                     tuple(Span(sp.start, sp.end, text[sp.start:sp.end]) for sp in c.spans),
                                     c.reasons, c.selected) for c in again.candidates)
        return MatchResult(text, again.status, candidates, again.selected, again.ambiguous,
                           (note,) + again.notes, again.choices, again.guidance, again.excluded,
                           again.not_a_description, again.outside, again.on_keyword)

    def _pinyin_reading(self, text: str, result: MatchResult) -> tuple[MatchResult, str] | None:
        """The description with its runs of pinyin read as the words they spell
        (router/matching/sounds.py, PinyinReader), if that finds a matter or a family the text
        as written did not: a word read from the letters must be evidence for what it offers.
        Where the text as written found nothing at all, a reading that finds only something
        outside the catalog (a no-fit topic naming its body, from words the letters spell) is
        taken too, for its guidance: gongchang yejian shengchan tai chao reads 工厂夜间生产太吵."""
        if self._pinyin is None:
            self._pinyin = PinyinReader(k for k in self._words if k not in self._pieces_only)
        for read, pieces in self._pinyin.read(text):
            again = self._match(read)
            if again.status == "no_fit":
                # only the guidance of topics whose words the letters spell, where the text as
                # written had none and named nothing outside the catalog
                if result.status != "no_fit" or result.guidance or result.outside or not again.guidance:
                    continue
                spelled = [(ra, rb) for ra, rb, *_ in pieces]
                guided = tuple(g for g in again.guidance
                               if any(read.find(w, ra, rb) >= 0 for w in g.words for ra, rb in spelled))
                if not guided:
                    continue
                again = dataclasses.replace(again, guidance=guided)
                used = list(pieces)
            elif again.status == result.status == "ambiguous":
                continue
            else:
                offered = set(again.selected).union(*again.ambiguous)
                evidence = [(sp.start, sp.end) for c in again.candidates if c.matter in offered
                            for sp in c.spans]
                used = [p for p in pieces if any(s < p[1] and p[0] < e for s, e in evidence)]
                if not used and not (not again.candidates and any(c.family for c in again.choices)
                                     and len(read.strip()) <= _SHORT_MAX):
                    continue
                used = used or list(pieces)
            candidates = []
            for c in again.candidates:
                spans = []
                for sp in c.spans:
                    a, b = _as_written(pieces, sp.start, False), _as_written(pieces, sp.end, True)
                    spans.append(Span(a, b, text[a:b]))
                candidates.append(Candidate(c.matter, c.score, tuple(spans), c.reasons, c.selected))
            said = "，".join(f"“{letters}”读作“{read[ra:rb]}”" for ra, rb, _, _, letters in used)
            note = f"按拼音理解：{said}（请办事员向报告人核实）"
            return dataclasses.replace(again, text=text, candidates=tuple(candidates),
                                       notes=(note,) + again.notes), read
        return None

    def _cited_reading(self, text: str, result: MatchResult,
                       cited: list[tuple[Article, int, int]]) -> MatchResult:
        """The matters whose legal basis is an article the description cites
        (router/matching/citations.py). Where the words left a choice open, the citation decides
        among what they offered; where they found nothing, it decides alone (not in a question
        or a request: 罚多少钱). One matter is chosen, several are offered as a choice. Where the
        words chose a matter, or offered a choice, the citation does not name, they stand and a
        note says so for the clerk."""
        order = {m: i for i, m in enumerate(self._matters)}
        named: dict[str, tuple[Article, int, int]] = {}
        for art, a, b in cited:
            for m in self._citations.matters(art):
                named.setdefault(m, (art, a, b))
        if not named:
            return result
        said = "、".join(dict.fromkeys(art.label() for art, _, _ in named.values()))
        if result.status == "matched":
            if named.keys() & set(result.selected):
                return result
            note = (f"描述引用了{said}，是 {'、'.join(named)} 的法律依据，与按文字认定的"
                    f" {'、'.join(result.selected)} 不同，请办事员核实")
            return dataclasses.replace(result, notes=result.notes + (note,))
        offered = [m for g in result.ambiguous for m in g]
        if result.status == "no_fit" and (self._closing_names.intersection(result.outside)
                                          or _QUESTION.search(text)):
            return result       # a question or a request citing the article (罚多少钱): no report
        keep = list(dict.fromkeys(m for m in offered if m in named))
        if not keep and offered:
            note = (f"描述引用了{said}，是 {'、'.join(named)} 的法律依据，不在按文字给出的选择之中，"
                    f"请办事员核实")
            return dataclasses.replace(result, notes=result.notes + (note,))
        keep = keep or sorted(named, key=order.get)
        selected = tuple(result.selected) + (tuple(keep) if len(keep) == 1 else ())
        # a choice the citation does not touch (another act told beside it) stays as it was
        others = [(g, c) for g, c in zip(result.ambiguous, result.choices) if not named.keys() & set(g)]
        groups = tuple(g for g, _ in others) + (() if len(keep) == 1 else (tuple(keep),))
        by_matter = {c.matter: c for c in result.candidates}
        candidates = []
        for m in keep:
            art, a, b = named[m]
            why = f"描述引用的{art.label()}是本事项的法律依据"
            old = by_matter.get(m)
            spans = (old.spans if old else ()) + (Span(a, b, text[a:b]),)
            reasons = (old.reasons if old else ()) + (why,)
            candidates.append(Candidate(m, max(old.score if old else 0.0, 1.0), spans, reasons,
                                        len(keep) == 1))
        candidates += [c for c in result.candidates if c.matter not in named
                       and (c.matter in result.selected or any(c.matter in g for g, _ in others)
                            or not groups)]
        choices = tuple(c for _, c in others) + tuple(self._choice(g, None) for g in groups[len(others):])
        notes = [n for n in result.notes if n.startswith(("按拼音理解", "按同音错字理解"))]
        if others:
            notes += [n for n in result.notes if any(n.startswith("、".join(g)) for g, _ in others)]
        if len(keep) == 1:
            notes.append(f"描述引用了{said}，是 {keep[0]} 的法律依据：按所引条文认定")
        else:
            notes.append(f"描述引用了{said}，是 {'、'.join(keep)} 的法律依据，描述不足以区分，"
                         f"请办事员问清后用 --matter 选择其一")
            notes += [f"{c.question}" for c in choices[len(others):] if c.question]
        status = "matched" if not groups else "ambiguous"
        return MatchResult(text, status, tuple(candidates), selected, groups, tuple(notes), choices,
                           (), result.excluded, False, (), True)

    def learned_model(self) -> NgramModel | None:
        """The n-gram model shipped beside matching.yaml (router/matching/learned.py), if any."""
        if self._model is False:
            self._model = NgramModel.load(Path(self.path).with_name(_MODEL_FILE))
        return self._model  # type: ignore[return-value]

    def _model_order(self, text: str, result: MatchResult) -> MatchResult:
        """Which of two close matters comes first: when the first two a caller would route on
        (routed()) score within order_margin of each other, the n-gram model puts the one it finds
        clearly likelier (order_ratio times, at least order_min) first. The order only: nothing
        is selected or dropped (the model knows one matter per text, so it is no judge of a
        second act). Measured on descriptions written after the model was trained: dev15 and
        dev16, 5 of 22 such cases put right, none put wrong."""
        routed = result.routed()
        if len(routed) < 2:
            return result
        x, y = routed[0], routed[1]
        score = {c.matter: c.score for c in result.candidates}
        if x not in score or y not in score or score[x] - score[y] > self.settings["order_margin"]:
            return result
        model = self.learned_model()
        if model is None:
            return result
        # the ratio of the two on their own sums first (most pairs fail it; the full
        # probabilities visit every class of each n-gram); a margin for rounding, so that only a
        # clear failure is decided here
        odds = model.log_odds(text, x, y)
        if odds is not None and odds < math.log(self.settings["order_ratio"]) - 1e-9:
            return result
        probs = model.probabilities(text)
        px, py = probs.get(x, 0.0), probs.get(y, 0.0)
        if not self._clearly_likelier(py, px):
            return result
        if y in result.selected and x in result.selected:
            selected = tuple(y if m == x else x if m == y else m for m in result.selected)
            ambiguous = result.ambiguous
        elif y in result.selected or x in result.selected:
            return result   # a selected matter is not put behind one the clerk must confirm
        else:  # both lead ambiguous groups, or share one
            ambiguous = _put_first(result.ambiguous, x, y)
            selected = result.selected
        why = (f"与 {x} 分数接近；其文字与已标注为 {y} 的描述更相近（字符 n 元模型，概率 {py:.2f} 对 "
               f"{px:.2f}），排在前面")
        cands = [dataclasses.replace(c, reasons=c.reasons + (why,)) if c.matter == y else c
                 for c in result.candidates]
        i, j = next(k for k, c in enumerate(cands) if c.matter == x), \
            next(k for k, c in enumerate(cands) if c.matter == y)
        cands[i], cands[j] = cands[j], cands[i]
        old = tuple(ch.matters for ch in result.choices)
        new = _put_first(old, x, y)
        if sorted(new) == sorted(old):  # unchanged, or whole groups changed places
            by = {ch.matters: ch for ch in result.choices}
            choices = tuple(by[g] for g in new)
        else:                           # two matters changed places inside one group
            choices = tuple(dataclasses.replace(ch, matters=g) for ch, g in zip(result.choices, new))
        return dataclasses.replace(result, candidates=tuple(cands), selected=selected,
                                   ambiguous=ambiguous, choices=choices)

    def _family_first(self, text: str, members: list[str]) -> str | None:
        """Of `members` (a family offered on its everyday words, those without evidence of
        their own, in the family's order), the one the n-gram model finds clearly likelier than
        the family's first, to be listed first: 刮大风工地沙子乱飞 offers the building-site family
        with its dust matter first, by the rule that orders two close candidates
        (_clearly_likelier). The order only: the clerk still chooses,
        and every member stays offered. None when the family's order stands."""
        if len(members) < 2:
            return None
        model = self.learned_model()
        if model is None:
            return None
        probs = model.probabilities(text)
        best = max(members, key=lambda m: probs.get(m, 0.0))
        if best == members[0] or not self._clearly_likelier(probs.get(best, 0.0), probs.get(members[0], 0.0)):
            return None
        return best

    def _clearly_likelier(self, p: float, than: float) -> bool:
        """Whether the model's probability `p` is enough to put a matter before one of probability
        `than`, where only the order is at stake: at least order_min, and order_ratio times `than`."""
        return p >= self.settings["order_min"] and p >= than * self.settings["order_ratio"]

    def _learned_guess(self, text: str, result: MatchResult, core: str) -> MatchResult:
        """For a description no cue could place: the n-gram model's likeliest matter, offered for
        the clerk to confirm (never selected), if it is likely enough, likelier than "outside the
        catalog", and not a matter the description's own words excluded. The model reads `core`,
        the description without what frames it (_core)."""
        model = self.learned_model()
        if model is None:
            return result
        # (on what the report says: "今天上午，" before it or "，谢谢！" after it moved a guess of
        # 0.98 below "outside the catalog", and "凌晨两点" alone reads like night construction)
        probs = model.probabilities(core)
        best = max((m for m in probs if m != _NONE and m in self._matter_set), key=probs.get, default=None)
        if best is None or probs[best] < self.settings["learned_threshold"] \
                or probs[best] <= probs.get(_NONE, 0.0) or best in result.excluded:
            return result
        p = probs[best]
        reason = f"描述中没有足以认定的词语；其文字与已标注为 {best} 的描述相近（字符 n 元模型，概率 {p:.2f}）"
        cand = Candidate(best, round(p, 4), (), (reason,), False)
        note = (f"没有找到词语依据；按文字相似度最可能是 {best}（概率 {p:.2f}，依据较弱），"
                f"请办事员核实后用 --matter 选择，或确认不属于目录")
        notes = tuple(n for n in result.notes if not n.startswith("未找到对应的执法事项"))
        return MatchResult(text, "ambiguous", (cand,) + result.candidates[:3], (), ((best,),),
                           (note,) + notes,
                           (Choice((best,), None, f"描述中没有词语依据：是否为 {best}？若不是，本描述不属于目录"),),
                           (), result.excluded)

    def _match(self, text: str, norm: NormText | None = None) -> MatchResult:
        """`text` matched (`norm`: its normalised form, where the caller has it already)."""
        if not isinstance(text, str):
            raise InputError("案情描述应为文字", field="text", value=text)
        if not text.strip():
            raise InputError("案情描述为空：请输入违法行为的文字描述", field="text", value=text)
        if norm is None:
            norm = normalize(text, self._typos)
        if not norm.text.strip("。,，"):
            return MatchResult(text, "no_fit", (), (), (),
                               ("描述中没有可识别的文字（只有符号或表情），请用文字描述违法行为",),
                               not_a_description=True)
        occ = _Found(self._find(norm.text), norm.text)
        s = self.settings
        found = set(occ)

        # No-fit vocabulary: things outside the catalog.
        # (each topic with where its first words are)
        nofit_hits: list[tuple[_NoFit, tuple[int, int]]] = []
        vague_hits: list[tuple[_NoFit, tuple[int, int]]] = []    # words that only say the text is vague
        acts: list[tuple[int, int]] = []     # where the text names an act outside the catalog
        outside_at: list[tuple[int, int]] = []   # where its no-fit words are
        closing: list[tuple[int, int]] = []  # where it says a sentence is no report (closes)
        nofit_by_term = self._nofit_by_term
        for i in sorted({i for t in found if t in nofit_by_term for i in nofit_by_term[t]}):
            nf = self._nofit[i]
            # where the topic's excluding words are (once for all its parts)
            against = [o for part in nf.excludes for o in self._part_occ(part, occ)] if nf.excludes else ()
            for part in nf.parts:
                o = self._part_occ(part, occ)
                if o and against:
                    o = self._not_excluded(o, against)
                if o:
                    hits_of = vague_hits if nf.vague else nofit_hits
                    if not hits_of or hits_of[-1][0] is not nf:
                        shown = self._shown(part, occ)
                        hits_of.append((nf, shown if shown in o else min(o)))
                    if not nf.vague:
                        outside_at.extend(o)
                    if nf.closes:
                        closing.extend(o)
                    if nf.act:
                        acts.extend(o)
                    elif not nf.closes:
                        break
        threshold = s["nofit_threshold"] if nofit_hits else s["select_threshold"]

        # Only the cues that mention a word found, and have a word for each part, are tried
        # (rule by rule, in their order).
        cues_by_term, cue_matter, first_cue = self._cues_by_term, self._cue_matter, self._first_cue
        rules = self._rules
        todo: dict[int, list[_Cue]] = {}
        for g in sorted({g for t in found if t in cues_by_term for g in cues_by_term[t]}):
            r = cue_matter[g]
            cue = (rules[r] or self._rule(r)).cues[g - first_cue[r]]
            if cue.possible_given_index(found):   # (its index part is among the words found)
                if r in todo:
                    todo[r].append(cue)
                else:
                    todo[r] = [cue]
        evals: list[_Eval] = []
        excluded: list[str] = []
        elsewhere: list[tuple[_Eval, _Hit]] = []   # excluded by words in a clause of their own
        match_cue = self._match_cue
        for r, cues in todo.items():
            rule = rules[r]
            hits = []
            for c in cues:
                h = match_cue(c, occ)
                if h is not None:
                    hits.append(h)
            if not hits:
                continue
            raw = _noisy_or([h.cue.weight for h in hits])
            ev = _Eval(rule, hits, raw, raw, [self._reason(h) for h in hits])
            if rule.requires:
                present = None
                for c in rule.requires:
                    present = self._match_cue(c, occ) if c.possible(found) else None
                    if present:
                        break
                if present is None:
                    ev.score *= s["requires_factor"]
                    need = "、".join(self._cue_label(c) for c in rule.requires)
                    ev.reasons.append(f"缺少必要语境（需提到{need}之一），降低分数")
                else:
                    ev.extra_ranges.extend(present.ranges[:1])
            for c in self._exclusions(rule, found):
                h = self._match_cue(c, occ) if c.possible(found) else None
                # an exclusion wholly of place or scene words (高层, 公路) reaches every act; one with
                # other words as well (村道上的限宽墩) stays with the act told after the matter's own
                if h and self._near(h, ev.positions) and not (
                        not self._carried.issuperset(h.keys)
                        and self._another_act(h, ev, norm.text, s["select_threshold"],
                                              after=not self._carried.isdisjoint(h.keys))) \
                        and not self._other_item(h, ev, norm.text, s["select_threshold"]):
                    ev.score *= s["excludes_factor"]
                    words = "”“".join(h.words[:len(c.parts)])
                    ev.reasons.append(f"出现排除语境“{words}”{self._cue_tag(c)}，不属于本事项")
                    excluded.append(rule.matter)
                    if ev.raw >= threshold:
                        elsewhere.append((ev, h))
                    break
            evals.append(ev)

        for ev in evals:
            if ev.score >= threshold:
                ev.state = "selected"
        if nofit_hits and _NEXT_ACT.search(norm.text):
            self._other_sentence(evals, outside_at, norm.text)
        if elsewhere:
            self._excluded_elsewhere(elsewhere, evals, norm.text, excluded, outside_at, occ)
        if acts:
            self._other_act(evals, acts, threshold)
        # a question about an act: what the act would be, on the scores before the question
        # sets them aside (the select bar, not the higher one that words outside the catalog set)
        asks = any(nf.asks for nf, _ in nofit_hits)
        before = sorted([(e.score, e.rule.matter) for e in evals if e.score >= s["select_threshold"]],
                        reverse=True) if asks else []
        if closing:
            self._not_a_report(evals, closing, norm.text, threshold)

        groups = self._resolve_families(evals, threshold, norm.text)
        if self._yields:
            self._yield(evals, occ, threshold)
        if sum(e.state in ("selected", "ambiguous") for e in evals) >= 3:
            self._borrowed(evals, norm.text, threshold)

        # Assemble.
        notes: list[str] = []
        if not nofit_hits and not any([e.state in ("selected", "ambiguous") for e in evals]):
            weak = self._second_pass(evals, occ, norm.text)
            if weak is not None:
                notes.append(f"{weak.rule.matter} 的依据较弱（{weak.score:.2f} 分），"
                             f"是最可能的事项，请办事员核实")
        chosen = [e for e in evals if e.state in ("selected", "ambiguous")]

        # Noise is not evidence: in a longer text, a matter's words count only where the text
        # around them reads as a description (enough of it made of known words).
        noisy = len(norm.text) >= _DENSE_MIN_LEN and self._noisy(occ, len(norm.text))
        unreadable = False
        if chosen and noisy:
            sparse = self._sparse(chosen)
            if sparse:
                for e in sparse:
                    e.state = "dropped"
                    e.score = min(e.score, threshold * 0.9)
                    e.reasons.append("依据周围的文字大多不成词语（随机或无关的文字），不算依据")
                groups = [g for g in groups if not any(m in {x.rule.matter for x in sparse} for m in g)]
                chosen = [e for e in chosen if e not in sparse]
                if not chosen:
                    notes.append("描述的大部分文字不成词语（随机或无关的文字），其中零星的词不足以认定任何事项")
                    unreadable = True

        # A list of unrelated words, or random text, is not a description: nothing is chosen.
        listing = self._word_list(text, evals) if chosen or self._word_families else None
        if listing is not None:
            for e in chosen:
                e.state = "dropped"
                e.reasons.append(listing)
            chosen, groups = [], []
            notes.append(listing)
            unreadable = True

        # Everyday words that name a family of matters but not one of them (违建, 摆摊): the
        # family is offered as one choice, with its question, when they are all the description
        # says about it (nothing chosen, or only members chosen on those very words).
        family_choice: _Family | None = None
        # (a question or check report in a clause of its own leaves the family named in another:
        # "门口那条路被人挖开埋管道，也不知道有没有手续")
        only_closing = bool(nofit_hits) and all(nf.closes for nf, _ in nofit_hits)
        if listing is None and not noisy and (chosen or not nofit_hits or only_closing):
            family_choice = self._named_family(occ, found, chosen,
                                               self._closed(closing, norm.text) if only_closing else None)
        if family_choice is not None:
            by_id = {e.rule.matter: e for e in evals}
            members = family_choice.members
            # the members chosen (best first), then the family's own order (likeliest first)
            picked = {e.rule.matter: e.score for e in chosen}
            first = self._family_first(text, [m for m in members if m not in picked])
            order = sorted(members, key=lambda m: (m not in picked, -picked.get(m, 0.0),
                                                   m != first, members.index(m)))
            for m in order:
                if m in by_id:
                    e = by_id[m]
                    e.state = "ambiguous"
                    e.reasons.append(f"描述只说到“{family_choice.name}”类的通用说法，"
                                     f"本类事项由办事员按问题选择")
            groups = [tuple(order)]
            chosen = [by_id[m] for m in order if m in by_id]

        # Ranking: the chosen matters first (an ambiguous group stays together, in its own order,
        # at the rank of its best score), then the runners-up.
        by_matter = {e.rule.matter: e for e in evals}
        rank: dict[str, tuple] = {}
        for g in groups:
            top = max([by_matter[m].score for m in g if m in by_matter] or [0.0])
            for i, m in enumerate(g):
                rank[m] = (-top, i)
        others = [e for e in evals if e.state not in ("selected", "ambiguous")]
        chosen.sort(key=lambda e: (*rank.get(e.rule.matter, (-e.score, 0)), -e.rule.priority,
                                   e.rule.matter))
        others.sort(key=lambda e: (-e.score, -e.rule.priority, e.rule.matter))
        listed = chosen + [e for e in others if e.score >= s["min_candidate_score"]]
        listed = listed[:max(s["max_candidates"], len(chosen))]
        candidates = [self._candidate(e, norm) for e in listed]   # (each with its evidence)
        selected = tuple([e.rule.matter for e in chosen if e.state == "selected"])
        choices = tuple(self._choice(g, family_choice) for g in groups)
        if groups:
            status = "ambiguous"
            for c in choices:
                names = "、".join(c.matters)
                if c.question:
                    notes.append(f"{names} 同属“{c.family}”类，描述不足以区分：{c.question}"
                                 f"（请办事员问清后用 --matter 选择其一）")
                else:
                    notes.append(f"{names} 难以区分：描述中的依据对它们同样适用，请办事员选择其一（--matter）")
        elif selected:
            status = "matched"
        else:
            status = "no_fit"
            notes.append("未找到对应的执法事项：描述中没有足以认定目录内任何事项的依据")
            best = others[0] if others else None
            if best is not None and best.score >= s["min_candidate_score"] and listing is None:
                notes.append(f"最接近的是 {best.rule.matter}（{best.score:.2f} 分），但依据不足，未选中")
        seen_notes = set()
        guidance: list[Guidance] = []
        if status == "no_fit":
            nofit_hits = nofit_hits + vague_hits
        found_topics = {nf.name for nf, _ in nofit_hits}
        for i, (nf, (a, b)) in enumerate(nofit_hits):
            if nf.name in seen_notes or _said_better(i, nofit_hits) \
                    or (nf.yields_to and found_topics.intersection(nf.yields_to)):
                continue
            word = norm.text[a:b]
            seen_notes.add(nf.name)
            notes.append(f"“{word}”：{nf.note}")
            if nf.body and listing is None:
                guidance.append(Guidance(nf.name, nf.body, nf.aliases, nf.basis or "",
                                         nf.source or "", (word,)))
                # the source says how far the basis was checked ("条文序号未逐条核对"): shown with it
                where = f"；出处：{nf.source}" if nf.source else "；出处未记录"
                notes.append(f"指引（不是管辖决定）：“{word}”一类的事可能由{nf.body}主管"
                             f"（依据：{nf.basis}{where}），请告知报告人或转办")
                for other in nf.also:
                    guidance.append(Guidance(nf.name, other.body, other.aliases, other.basis,
                                             other.source, (word,)))
                    notes.append(f"指引（不是管辖决定）：“{word}”一类的事，{other.body}也负责其中一部分"
                                 f"（依据：{other.basis}；出处：{other.source}），可一并告知或转办")
        on_keyword = any(h.cue.kind in _KEYWORD_KINDS for e in chosen if e.state == "selected"
                         for h in e.hits)
        asked: tuple[str, ...] = ()
        if before and status == "no_fit" and listing is None:
            # the likeliest act, and any as likely (within the ambiguity margin)
            asked = tuple(m for score, m in before if before[0][0] - score <= s["ambiguity_margin"])
            notes.append(f"所问的行为若属实，对应目录内事项 {'、'.join(asked)}（这是咨询，不是举报，本描述不认定事项）")
        return MatchResult(text, status, tuple(candidates), selected,
                           tuple(tuple(g) for g in groups), tuple(notes), choices,
                           tuple(guidance), tuple(excluded), unreadable,
                           tuple(nf.name for nf, _ in nofit_hits if not nf.vague), on_keyword, asked)

    def _excluded_elsewhere(self, pairs: list[tuple["_Eval", "_Hit"]], evals: list["_Eval"],
                            text: str, excluded: list[str],
                            outside_at: list[tuple[int, int]], occ: "_Found") -> None:
        """An exclusion speaks about a matter's evidence only in the same clause, when the
        excluding words are the evidence of another matter chosen in clauses of its own:
        饭店门口露天烧烤，后厨油烟直排 reports two things, and the barbecue does not make the kitchen
        fumes a barbecue's. The matter must then be chosen on the cues of its own clauses alone;
        "露天烧烤，烟很大" stays one thing (the smoke alone is not enough). So when the excluding
        words are said where the text tells an act outside the catalog (`outside_at`: its no-fit
        words), in a clause apart that adds another act (还/也…): "在干渠堤上盖了个看护房，还往渠里
        撂死猪" — the dead pig is the second act's (_outside_apart)."""
        clause = _clauses(text)
        places = self._places
        threshold = self.settings["select_threshold"]

        def clauses_of(e: "_Eval") -> set[int]:
            return {clause[p] for h in e.hits for (a, b), key in zip(h.ranges, h.keys)
                    if key not in places for p in range(a, b)}

        chosen = [e for e in evals if e.state == "selected"]
        for ev, hit in pairs:
            theirs = frozenset().union(*[range(a, b) for a, b in hit.ranges])
            banned = {clause[p] for p in theirs}
            others = [o for o in chosen if o is not ev and theirs <= o.positions]
            if not others:
                banned = self._outside_apart(ev, hit, outside_at, occ, clause, text) if outside_at else None
                if banned is None:
                    continue
            elif any(clauses_of(o) & clauses_of(ev) - banned for o in others):
                continue
            own = []    # its cues each within one clause the exclusion is not in
            for h in ev.hits:
                where = {clause[p] for a, b in h.ranges for p in range(a, b)}
                if len(where) == 1 and not where & banned:
                    own.append(h.cue.weight)
            if _noisy_or(own) < threshold:
                continue
            ev.score = ev.raw
            said = next((i for i in range(len(ev.reasons) - 1, -1, -1)
                         if ev.reasons[i].startswith("出现排除语境")), None)
            words = "”“".join(dict.fromkeys(hit.words))
            note = (f"“{words}”在另一分句，是 {others[0].rule.matter} 的依据，"
                    f"不排除本事项（排除语境在另一分句）") if others else \
                "排除语境在另一分句，那一句说的是目录外的另一件事，不排除本事项"
            if said is None:
                ev.reasons.append(note)
            else:
                ev.reasons[said] = note
            excluded.remove(ev.rule.matter)
            ev.state = "selected"

    def _outside_apart(self, ev: "_Eval", hit: "_Hit", outside_at: list[tuple[int, int]],
                       occ: "_Found", clause: tuple[int, ...], text: str) -> set[int] | None:
        """The clauses of an exclusion said where the text tells an act outside the catalog (each
        of its words lies in clauses with a no-fit word; a `re:^…` word reads its sentence from
        the start, and is said where it ends), apart from a clause where the matter is told whole,
        the later of the two adding another act (还/也/又…), and no exclusion of the matter said
        in the matter's own clauses. None otherwise."""
        def said(h: "_Hit") -> set[int]:
            return {c for (a, b), key in zip(h.ranges, h.keys)
                    for c in ((clause[b - 1],) if key.startswith("re:^") else clause[a:b])}

        ends = said(hit)
        if not ends <= {clause[a] for a, _ in outside_at}:
            return None
        own = [c for c in _told(ev, clause) if c not in ends]
        if not own or not _adds_act(text, clause, max(max(ends), min(own))):
            return None
        found = set(occ)
        for c in self._exclusions(ev.rule, found):
            h = self._match_cue(c, occ) if c.possible(found) else None
            if h is not None and not said(h).isdisjoint(own):
                return None
        return ends

    def _other_sentence(self, evals: list["_Eval"], outside_at: list[tuple[int, int]],
                        text: str) -> None:
        """Words of something outside the catalog raise the bar for choosing a matter, but not
        for an act told after "，还…" apart from them: "小区门口有人乱倒生活垃圾，还有车天天违停"
        reports the dumping at the usual bar; the parking is left to its own body."""
        act = _acts(text)
        theirs = {act[a] for a, _ in outside_at}
        bar = self.settings["select_threshold"]
        for ev in evals:
            if ev.state != "candidate" or ev.score < bar:
                continue
            if any(act[a] in theirs for h in ev.hits for a, _ in h.ranges[:len(h.cue.parts)]):
                continue
            ev.state = "selected"
            ev.reasons.append("目录外的说法在另一句（“，还…”之后或之前），不提高本事项的选中门槛")

    @staticmethod
    def _needs_own_evidence(evals: list["_Eval"], barred: set[int], places: frozenset[str],
                            threshold: float, why: str) -> None:
        """A chosen matter stays chosen only on a word of its own evidence that is not a mere
        place or object (`places` in matching.yaml) and lies wholly outside `barred`; else it
        becomes a candidate, with `why`."""
        for ev in evals:
            if ev.state != "selected":
                continue
            if any(key not in places and barred.isdisjoint(range(a, b))
                   for h in ev.hits for (a, b), key in zip(h.ranges, h.keys)):
                continue
            ev.state = "candidate"
            ev.score = min(ev.score, threshold * 0.9)
            ev.reasons.append(why)

    def _other_act(self, evals: list["_Eval"], acts: list[tuple[int, int]], threshold: float) -> None:
        """When the description names an act outside the catalog (a fight, a gas leak, smoking:
        nofit topics marked `act`), a matter is chosen only on evidence of its own: a word that
        is neither part of that act nor only a place or object. A fight at a barbecue stall
        names the stall, not its smoke; "烧烤摊油烟大，还有人打架" keeps the smoke, and
        "遛狗不拴绳，把小孩咬伤了" keeps the leash."""
        self._needs_own_evidence(evals, {p for a, b in acts for p in range(a, b)}, self._places,
                                 threshold, "描述说的是目录外的另一种行为，本事项的依据只是地点或对象，不足以认定")

    def _not_a_report(self, evals: list["_Eval"], closing: list[tuple[int, int]], text: str,
                      threshold: float) -> None:
        """A sentence that asks whether something is allowed or reports that it was dealt with
        (nofit topics marked `closes`: "砍自家院里的树要批吗", "经核查现场无违法行为") reports no
        violation: a matter is chosen only on evidence in another clause ("有人在公路上晒粮，这个
        谁罚？" keeps the highway matter: the report and the question are two clauses)."""
        clause = _clauses(text)
        closed = {clause[p] for a, b in closing for p in range(a, b)}
        self._needs_own_evidence(evals, {p for p, c in enumerate(clause) if c in closed}, self._places,
                                 threshold, "本事项的依据所在的句子是咨询或核查反馈，不是违法举报，不足以认定")

    def _borrowed(self, evals: list["_Eval"], text: str, threshold: float) -> None:
        """A matter put together from the words of two other acts is not a third act: in
        "村里有人往坑里倒垃圾，还在地里烧玉米秸" the 垃圾 of the dumping and the 烧 of the straw
        fire make a combination 烧+垃圾 (burning refuse), but each clause already reports its own
        matter. A chosen matter whose cues within one clause are not enough on their own, and
        whose other cues reach across clauses that are each the evidence of another chosen
        matter, becomes a candidate. Told in one clause ("在地里烧垃圾") it stays chosen."""
        clause = _clauses(text)
        chosen = [e for e in evals if e.state in ("selected", "ambiguous")]
        claims: dict[int, set[int]] = {}     # clause -> chosen matters with a cue wholly in it
        spans: dict[int, list[tuple[_Hit, set[int], set[int]]]] = {}
        for i, e in enumerate(chosen):
            spans[i] = []
            for h in e.hits:
                within, reach = _hit_clauses(h, clause, self._scene)
                spans[i].append((h, within, reach))
                for c in within:
                    claims.setdefault(c, set()).add(i)
        for i, e in enumerate(chosen):
            if e.state != "selected":
                continue
            own = [h.cue.weight for h, within, _ in spans[i] if within]
            if _noisy_or(own) >= threshold:
                continue
            reach = set().union(*[r for h, within, r in spans[i] if not within])
            if not reach or any(not claims.get(c, set()) - {i} for c in reach):
                continue
            e.state = "candidate"
            e.score = min(e.score, threshold * 0.9)
            others = sorted({chosen[j].rule.matter for c in reach for j in claims[c] if j != i})
            e.reasons.append(f"依据由不同分句的词拼成，这些分句各是 {'、'.join(others)} 的依据，"
                             f"不足以认定另一行为")

    def _yield(self, evals: list["_Eval"], occ: "_Found", threshold: float) -> None:
        """A matter that `yields_to` another (matching.yaml) is not chosen beside it when it is
        told only in the clauses where the other is told: the stall on the pavement of a
        barbecue, the goods piled around a hydrant are that act, not a second one. Told in a
        clause of its own, it is chosen as well; so it is when a word of `yields_unless` is
        in its evidence and not in the other's ("烧烤摊占了人行道": the occupation is said)."""
        chosen = {e.rule.matter: e for e in evals if e.state in ("selected", "ambiguous")}
        clause = _clauses(occ.text)
        # each chosen matter's clauses where it is told whole (none: told only across clauses)
        whole = {id(x): set(_told(x, clause)) for x in chosen.values()}

        def told(x: "_Eval") -> set[int]:
            return whole[id(x)] or {clause[a] for h in x.hits for a, _ in h.ranges}

        def apart(e: "_Eval", o: "_Eval") -> bool:
            """`e` is told whole in a clause of its own while `o` is told whole in no one clause, a
            part in each of its clauses, the later of which adds another act (还/也/又…): "卖手机的把
            展台摆到人行道上，门口音箱还喊个不停" — the stand on the pavement is one act, the
            loudspeaker another."""
            if whole[id(o)] or not whole[id(e)]:
                return False
            spans = told(o)
            return len(spans) > 1 and _adds_act(occ.text, clause, max(spans))

        def yielded(x: "_Eval", why: str) -> None:
            x.state = "candidate"
            x.score = min(x.score, threshold * 0.9)
            x.reasons.append(f"{why}（matching.yaml：yields_to）")

        for e in evals:
            if e.state != "selected" or e.rule.matter not in self._yields:
                continue
            over = [chosen[m] for m in self._yields[e.rule.matter] if m in chosen and chosen[m] is not e]
            if not over:
                continue
            mine = told(e)
            said = [h for c in self._yields_unless.get(e.rule.matter, ())
                    if (h := self._match_cue(c, occ)) is not None]
            # (a word of its own act counts where no other chosen matter is told: "消火栓也叫杂物
            # 挡住了" is the hydrant's clause, its 杂物 no pile in the corridor)
            theirs = set().union(*[told(x) for x in chosen.values() if x is not e])
            covering: list["_Eval"] = []
            for o in over:
                # (a word of its own act that is evidence of any act it yields to does not count:
                # "消火栓也叫柜子挡着" beside a high-rise's e-bikes — the 柜子 blocks the hydrant)
                if said and any(e.positions.issuperset(range(a, b))
                                and not any(x.positions.issuperset(range(a, b)) for x in over)
                                and (clause[a] in mine or clause[a] not in theirs)
                                for h in said for a, b in h.ranges):
                    continue
                if mine <= told(o) and not apart(e, o):
                    yielded(e, f"与 {o.rule.matter} 在同一句中说的是同一件事，按 {o.rule.matter} 认定")
                    break
                covering.append(o)
            else:
                # told only in clauses of two acts it yields to, a part in each: those acts
                if len(covering) > 1 and mine <= set().union(*[told(o) for o in covering]):
                    names = "、".join(o.rule.matter for o in covering)
                    yielded(e, f"只在 {names} 的分句中说到，说的是这几件事，按 {names} 认定")

    # -- families named by everyday words, and word lists ------------------------------------
    @staticmethod
    def _closed(closing: list[tuple[int, int]], text: str) -> frozenset[int]:
        """The characters of the clauses that closing words (nofit `closes`) speak of."""
        clause = _clauses(text)
        shut = {clause[a] for a, _ in closing}
        return frozenset(p for p, c in enumerate(clause) if c in shut)

    def _named_family(self, occ: "_Found", found: set[str], chosen: list["_Eval"],
                      closed: frozenset[int] | None = None) -> "_Family | None":
        """The most specific family whose everyday words (and context) the description names,
        if what was chosen rests on those words alone (or nothing was chosen). With `closed`,
        only words outside those characters (clauses that ask or report no violation) count."""
        by_term = self._word_families_by_term
        named = sorted({i for t in found if t in by_term for i in by_term[t]})
        for i in named:   # (only the families one of whose words' terms occurs, in their order)
            fam = self._word_families[i]
            hits = []
            for c in fam.words:
                if c.possible(found):
                    h = self._match_cue(c, occ)
                    if h is not None and (closed is None or
                                          not closed.intersection(p for a, b in h.ranges for p in range(a, b))):
                        hits.append(h)
            if not hits:
                continue
            if fam.context:
                ctx = None
                for c in fam.context:
                    if c.possible(found):
                        ctx = self._match_cue(c, occ)
                        if ctx is not None:
                            break
                if ctx is None:
                    continue
                hits.append(ctx)
            if not chosen:
                return fam
            def words_of(hs) -> frozenset[int]:
                return frozenset().union(*[self._word_positions(k, a, b, occ.text)
                                           for h in hs for (a, b), k in zip(h.ranges, h.keys)])

            covered = words_of(hits)
            if all(e.rule.matter in fam.members and words_of(e.hits) <= covered for e in chosen):
                return fam
        return None

    def _word_positions(self, key: str, a: int, b: int, text: str) -> Iterable[int]:
        """The characters of an occurrence of `key` at a..b that are the word itself: all of
        them, except for a gapped word (往…倒), whose gap is not part of it (往县道上倒: the
        highway in the gap is evidence of its own)."""
        if not key.startswith("gap:"):
            return range(a, b)
        out: set[int] = set()
        for p in {w for piece in _gap_split(key) for w in piece}:
            i = text.find(p, a, b)
            while i >= 0:
                out.update(range(i, i + len(p)))
                i = text.find(p, i + 1, b)
        return sorted(out) if out else range(a, b)

    def _choice(self, group, family: "_Family | None") -> Choice:
        """An ambiguous group with the family it comes from and that family's question."""
        if family is None:
            fams = [self.families[f] for f in self._families_of.get(group[0], ())
                    if set(group) <= set(self.families[f].members)]
            fams.sort(key=lambda f: (f.question is None, len(f.members)))
            family = fams[0] if fams else None
        return Choice(tuple(group), family.name if family else None,
                      family.question if family else None)

    @staticmethod
    def _noisy(occ: "_Found", n: int) -> bool:
        """The text does not read as a description: less than _DENSE_MIN_SHARE of its characters
        belong to known words of two or more characters (measured: labelled descriptions of 60+
        characters where a matter was chosen 16-60 %, random text 0-5 %)."""
        covered = bytearray(n)
        for lst in occ.values():
            for a, b in lst:
                if b - a >= 2:
                    covered[a:b] = b"\x01" * (b - a)
        return sum(covered) < _DENSE_MIN_SHARE * n

    @staticmethod
    def _sparse(chosen: list["_Eval"]) -> list["_Eval"]:
        """In a noisy text, the chosen matters without a word of three or more characters of
        their own (a plain keyword, synonym or colloquial phrase, not a gapped one: random text
        hardly ever has one): their evidence is noise."""
        return [e for e in chosen
                if not any(h.cue.kind in _OWN_WORD_KINDS
                           and any(b - a >= 3 and not k.startswith("gap:")
                                   for (a, b), k in zip(h.ranges, h.keys))
                           for h in e.hits)]

    def _word_list(self, text: str, evals: list["_Eval"]) -> str | None:
        """A note if the description is a list of unrelated words rather than a description:
        five or more short items (at most 4 characters, separated by spaces or list commas) whose
        evidence points at matters of three or more different families. None otherwise."""
        items = [x for x in _LIST_SPLIT.split(text.strip()) if x]
        if len(items) < 5 or max(len(x) for x in items) > 4:
            return None
        fams = set()
        for e in evals:
            fams.add(self._families_of.get(e.rule.matter, (e.rule.matter,))[0])
        if len(fams) < 3:
            return None
        return "描述是一串互不相关的词语，不是对某一违法行为的描述：请说明在哪里、谁、做了什么"

    def _second_pass(self, evals: list[_Eval], occ, text: str) -> _Eval | None:
        """Relaxed pass (see _Relaxed): select the clearly best weak candidate, or nothing."""
        rx = self._relaxed
        if rx is None or not evals:
            return None
        order = sorted(evals, key=lambda e: (-e.score, -e.rule.priority, e.rule.matter))
        best = order[0]
        if best.score < rx.threshold or not best.positions:
            return None
        # the matter's own object must be named (a weak cue: 消火栓, 护栏…), not only general words
        if not any(h.cue.kind == "weak" for h in best.hits):
            return None
        if len(order) > 1 and best.score - order[1].score < rx.margin:
            return None
        for c in rx.markers:
            h = self._match_cue(c, occ)
            if h and self._near(h, best.positions):
                best.state = "selected"
                words = "”“".join(h.words[:len(c.parts)])
                best.reasons.append(f"其他事项都不沾边，且描述中有“{words}”这类违法迹象：作为最可能的事项选中（依据较弱）")
                return best
        return None

    # -- families -----------------------------------------------------------------------------
    def _resolve_families(self, evals: list[_Eval], threshold: float, text: str) -> list[tuple[str, ...]]:
        s = self.settings
        order = [e for e in sorted(evals, key=lambda e: (-e.score, -e.rule.priority, e.rule.matter))
                 if e.state == "selected"]
        # Only families with two selected members have anything to resolve (below, states only
        # fall from selected).
        counts: dict[str, int] = {}
        for e in order:
            for fam in self._families_of.get(e.rule.matter, ()):
                counts[fam] = counts.get(fam, 0) + 1
        if not any([n > 1 for n in counts.values()]):
            return []
        by_id = {e.rule.matter: e for e in evals}
        clause = _clauses(text)
        ambiguous_pairs: list[tuple[str, str]] = []
        for fam, family in self.families.items():
            if family.together or not family.compete or counts.get(fam, 0) < 2:
                continue
            shared = family.shared
            live = [e for e in order if e.rule.matter in family.members and e.state == "selected"]
            independent = max(threshold, s["independent_threshold"])
            places = self._places
            # each member's words (and by pieces, _Hit.pieces), once for all its pairs
            words = {id(e): (e.specific_positions(shared), e.specific_pieces(shared)) for e in live}
            for j, b in enumerate(live):
                for a in live[:j]:
                    if a.state != "selected" or b.state != "selected":
                        continue
                    if (a.rule.matter, b.rule.matter) in self._together:
                        continue
                    # each one's evidence outside the other's words (and the family's shared words)
                    (pos_a, bits_a), (pos_b, bits_b) = words[id(a)], words[id(b)]
                    own_a = _noisy_or([h.cue.weight for h in a.hits
                                       if not h.covered_by(pos_b, shared, bits_b, places)])
                    own_b = _noisy_or([h.cue.weight for h in b.hits
                                       if not h.covered_by(pos_a, shared, bits_a, places)])
                    if own_a >= independent and own_b >= independent:
                        continue  # each stands on words of its own: both are covered
                    if self._apart(a, b, clause, text, independent):
                        # each told whole in a clause of its own: two acts (said, so a clerk sees why)
                        for x, y in ((a, b), (b, a)):
                            x.reasons.append(f"与 {y.rule.matter} 同属“{fam}”类，但两者各在自己的分句中说全、"
                                             f"后一句另说一件事（还、也、编号等），按两件事认定")
                        continue
                    if own_a < 0.05 and own_b < 0.05 and a.score - b.score <= s["ambiguity_margin"]:
                        ambiguous_pairs.append((a.rule.matter, b.rule.matter))
                        continue
                    # the one with less evidence of its own yields to the more specific one
                    win, lose = (a, b) if (own_a, a.score) >= (own_b, b.score) else (b, a)
                    lose.state = "dropped"
                    lose.score = min(lose.score, threshold * 0.9)
                    extra = self._extra_words(win, lose)
                    more = f"（多出“{extra}”）" if extra else ""
                    lose.reasons.append(f"与 {win.rule.matter} 同属“{fam}”类，{win.rule.matter} 的依据更具体{more}，本事项不选")
        # Ambiguous groups: connected pairs whose members are still standing.
        groups: list[list[str]] = []
        for x, y in ambiguous_pairs:
            if by_id[x].state == "dropped" or by_id[y].state == "dropped":
                continue
            for g in groups:
                if x in g or y in g:
                    for m in (x, y):
                        if m not in g:
                            g.append(m)
                    break
            else:
                groups.append([x, y])
        out = []
        for g in groups:
            # inside a group the scores are too close to mean anything: priority decides first
            g.sort(key=lambda m: (-by_id[m].rule.priority, -by_id[m].score, m))
            for m in g:
                e = by_id[m]
                e.state = "ambiguous"
                others = "、".join(o for o in g if o != m)
                e.reasons.append(f"与 {others} 依据相同、分数接近，难以区分")
            out.append(tuple(g))
        return out

    @staticmethod
    def _apart(a: _Eval, b: _Eval, clause: tuple[int, ...], text: str, bar: float) -> bool:
        """Two members of a family each told whole (every part of a cue) in a clause of its own,
        the later one adding another act (还/也/又/另外/同时 in it), each strongly enough on those
        cues alone: "村口堆粪，村外沟里也倒满了生活垃圾", "桥上挂了广告布，桥头的树上也钉了小广告"."""
        ta, tb = _told(a, clause), _told(b, clause)
        only_a = {c: ws for c, ws in ta.items() if c not in tb}
        only_b = {c: ws for c, ws in tb.items() if c not in ta}
        if not only_a or not only_b:
            return False
        if _noisy_or([w for ws in only_a.values() for w in ws]) < bar \
                or _noisy_or([w for ws in only_b.values() for w in ws]) < bar:
            return False
        return _adds_act(text, clause, max(min(only_a), min(only_b)))

    @staticmethod
    def _extra_words(a: _Eval, b: _Eval) -> str:
        words = []
        for h in a.hits:
            if not h.positions() <= b.positions:
                for w, (x, y) in zip(h.words, h.ranges):
                    if not set(range(x, y)) <= b.positions and w not in words:
                        words.append(w)
        return "、".join(words[:3])

    # -- explanations -------------------------------------------------------------------------
    @staticmethod
    def _part_label(part: _Part) -> str:
        return f"{part.concept}类词" if part.concept else f"“{part.label}”"

    def _cue_label(self, cue: _Cue) -> str:
        return "加".join(self._part_label(p) for p in cue.parts)

    @staticmethod
    def _cue_tag(cue: _Cue) -> str:
        names = [p.concept for p in cue.parts if p.concept]
        return f"（{'、'.join(names)}类）" if names else ""

    def _reason(self, hit: _Hit) -> str:
        bits = [f"“{w}”{p.tag}" for w, p in zip(hit.words, hit.cue.parts)]
        return f"命中{'且命中'.join(bits)}（{_KIND_NAMES[hit.cue.kind]}）"

    def _candidate(self, e: _Eval, norm: NormText) -> Candidate:
        ranges = {r for h in e.hits for r in h.ranges}.union(e.extra_ranges)  # (hits overlap)
        original = norm.original
        return Candidate(
            matter=e.rule.matter,
            score=round(max(0.0, min(1.0, e.score)), 4),
            spans=tuple([Span(a, b, original[a:b]) for a, b in norm.original_spans(ranges)]),
            reasons=tuple(dict.fromkeys(e.reasons)),   # (two cues on the same words: said once)
            selected=e.state == "selected",
        )


def _combine(lists: list[list[tuple[int, int, str]]], window: int,
             used: list[set[tuple[int, int, str]]], n: int) -> tuple[int, tuple] | None:
    """The closest combination of one occurrence of each part (the first 12 of each), as
    (spread, occurrences), or None; `used` collects, part by part, the occurrences that take
    part in some combination within the window. `n` is the description's length."""
    best: tuple[int, tuple] | None = None
    last = len(lists) - 1

    def rec(i: int, chosen: list[tuple[int, int, str]], lo: int, hi: int):
        # chosen: one occurrence of each part before i, spanning [lo, hi) within the window
        nonlocal best
        for r in lists[i][:12]:
            x, y = r[0], r[1]
            if x - lo > window:
                break  # occurrences come by start: this one and all after it are too far
            # the parts of a combination are different words: one may not contain another
            for a, b, _ in chosen:
                if (a <= x and y <= b) or (x <= a and b <= y):
                    break
            else:
                new_lo = lo if lo < x else x
                new_hi = hi if hi > y else y
                spread = new_hi - new_lo
                if spread > window:
                    continue  # the span only grows as parts are added
                chosen.append(r)
                if i < last:
                    rec(i + 1, chosen, new_lo, new_hi)
                else:
                    for k, c in enumerate(chosen):
                        used[k].add(c)
                    if best is None or spread < best[0]:
                        best = (spread, tuple(chosen))
                chosen.pop()

    rec(0, [], n, 0)
    return best


def _combine_two(first: list[tuple[int, int, str]], second: list[tuple[int, int, str]], window: int,
                 used: list[set[tuple[int, int, str]]]) -> tuple[int, tuple] | None:
    """_combine, written out for two parts, most cues' case (the same results). Three parts go
    through _combine: written out too they saved 2% of matching (callgrind), not worth a copy."""
    best: tuple[int, tuple] | None = None
    used_0, used_1 = used
    for r0 in first[:12]:
        x0, y0 = r0[0], r0[1]
        for r1 in second[:12]:
            x1, y1 = r1[0], r1[1]
            if (x0 <= x1 and y1 <= y0) or (x1 <= x0 and y0 <= y1):
                continue
            spread = (y0 if y0 > y1 else y1) - (x0 if x0 < x1 else x1)
            if spread > window:
                continue
            used_0.add(r0)
            used_1.add(r1)
            if best is None or spread < best[0]:
                best = (spread, (r0, r1))
    return best


def timed_match(matcher: Matcher, text: str) -> tuple[MatchResult, float]:
    """Match and return the elapsed time in milliseconds (for evaluation)."""
    t0 = time.perf_counter()
    r = matcher.match(text)
    return r, (time.perf_counter() - t0) * 1000.0
