"""A character n-gram classifier beside the cues: the last resort for a description the cues
cannot place.

The cues in catalog/matching.yaml are words a policy officer can defend, and they decide. Some
descriptions hold no such word yet read like descriptions the project has labelled (单元门厅充三轮
reads like the labelled 楼道里给三轮车充电). For those, and only those (the cues found nothing,
the text names nothing outside the catalog, no matter was excluded by its context), the
classifier's most likely matter is offered for the clerk to confirm, never selected.

The model is trained by `zhifa match --train` (scikit-learn, the `train` extra: logistic
regression on TF-IDF of character 1–3-grams of the labelled sets the project keeps), pruned and
written to catalog/ngram.json: plain numbers, read as JSON, no code. Here it is applied in pure
Python with scikit-learn's formula (sublinear term frequency, inverse document frequency, L2
normalisation, linear scores, softmax) on the pruned weights, so nothing is downloaded or
imported at run time. The file records which labelled files (and their SHA-256) it was trained on, so a test
can tell when it is out of date.

The models read a description with its traditional characters as simplified and its full-width
letters and digits as ASCII (`textnorm.fold_letters`), as the cues do, and are trained on text read
the same way: 樓下飯店的油煙還在往外冒 is read as 楼下饭店的油烟还在往外冒. Punctuation, spaces and
emoji stay as typed: they are n-grams the models weigh. (Until the twenty-sixth session the models
read the text as typed, so a traditional character was an n-gram they had never seen. All three
models were trained again in the thirty-first session, on dev … dev165, reading their texts this way.)

The out-of-catalog model is trained on every description twice, as written and framed (a source,
a time of day or a greeting before it, thanks or a picture after it: FRAME_OPENINGS /
FRAME_CLOSINGS), so that the frame tells it nothing (thirty-third session: "，谢谢！" after an
in-catalog description had moved its probability from 0.23 to 0.75). The check that reads the
model (Matcher._outside_check) reads a report without the frames the matcher reads apart
(matcher._frame_span: a ticket's header, a time opening, courtesies); the framed training is for
the frames no rule reads apart (听邻居说，, ，请处理。) and for a short report whose matter stood on
a frame's words, where the check reads the frame too.

Training may also be given the everyday example files (tests/everyday/, `evaluate.everyday_cases`).
Measured in the twenty-seventh session and not taken: the matter and out-of-catalog models trained so
routed more descriptions right on the sets written after their data, but offered a matter for 14 near
misses the reviews had written (走廊里燕子垒了个窝), tests/matching/README.md.
"""
from __future__ import annotations

import hashlib
import json
import math
import operator
import re
from collections import Counter
from dataclasses import field
from itertools import compress, repeat
from pathlib import Path
from typing import Callable, Iterable, Sequence

import orjson

from router.matching.textnorm import fold_letters
from router.model.errors import CatalogError, Problem
from router.model.lazydc import dataclass
from router.model.lazyre import LazyPattern

FILE_NAME = "ngram.json"
OUTSIDE_FILE = "outside.json"   # the binary model: in the catalog (IN) or outside it (NONE)
COMPETENT_FILE = "competent.json"   # outside the catalog: the body competent in reality
FORMAT = 2      # (1: nested dictionaries, slow to read; no longer read)
_WHITE = LazyPattern(r"\s\s+")   # as scikit-learn's char analyzer folds runs of white space


def _read(text: str) -> str:
    """A text as the models read it, in training (scikit-learn's `preprocessor`) and when applied
    (_grams): fold_letters, then lower case."""
    return fold_letters(text).lower()


def _grams(text: str, lo: int, hi: int) -> Counter:
    t = _WHITE.sub(" ", _read(text))
    out: Counter = Counter()
    for n in range(lo, hi + 1):
        # (the substrings are cut and counted in C: map over slices, Counter's own loop)
        out.update(map(t.__getitem__, map(slice, range(len(t) - n + 1), range(n, len(t) + 1))))
    return out


@dataclass(frozen=True, slots=True)
class NgramModel:
    """A linear model on TF-IDF of character n-grams, as scikit-learn applies it: `idf` of each
    n-gram of the vocabulary, `weights` of those with any: (class index, weight) pairs."""

    classes: tuple[str, ...]
    intercept: tuple[float, ...]
    idf: dict[str, float]
    weights: dict[str, tuple[tuple[int, float], ...]] | dict[str, float]
    lo: int
    hi: int
    trained_on: dict
    only: int | None = None    # every weight is of this class: `weights` maps n-gram -> weight
    # class index -> {n-gram: weight}, made on the first log_odds() (two classes' sums need not
    # visit every class of each n-gram)
    _by_class: dict = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def load(cls, path: str | Path) -> "NgramModel | None":
        """The model in `path`, or None if there is no such file (a catalog without one). The
        file holds flat arrays (n-grams, their idf, and the non-zero weights as parallel lists of
        n-gram index, class index and weight), read in a few milliseconds."""
        p = Path(path)
        if not p.is_file():
            return None
        try:
            data = orjson.loads(p.read_bytes())
            if data.get("format") != FORMAT:
                raise ValueError(f"格式版本应为 {FORMAT}，实际是 {data.get('format')!r}")
            classes = tuple(str(c) for c in data["classes"])
            intercept = tuple(float(x) for x in data["intercept"])
            if len(intercept) != len(classes):
                raise ValueError("intercept 与 classes 的个数不同")
            grams, idf = data["grams"], data["idf"]
            w = data["weights"]
            at, cl, val = w["gram"], w["class"], w["value"]
            if not (isinstance(grams, list) and isinstance(idf, list) and len(grams) == len(idf)):
                raise ValueError("grams 与 idf 应为等长的列表")
            if not all(isinstance(x, list) for x in (at, cl, val)) or not len(at) == len(cl) == len(val):
                raise ValueError("weights 的 gram、class、value 应为等长的列表")
            # (the checks and the dictionaries run in C: a model is read in a few milliseconds)
            if not all(map(str.__instancecheck__, grams)):
                raise ValueError("grams 应全为文字")
            for name, xs in (("idf", idf), ("weights.value", val)):
                if not all(map(float.__instancecheck__, xs)):
                    raise ValueError(f"{name} 应全为小数")
            for name, xs in (("weights.gram", at), ("weights.class", cl)):
                if not all(map(int.__instancecheck__, xs)):
                    raise ValueError(f"{name} 应全为整数序号")
            if cl and not (0 <= min(cl) and max(cl) < len(classes)):
                raise ValueError("weights 中有超出 classes 范围的类别序号")
            if at and not (0 <= min(at) and max(at) < len(grams)):
                raise ValueError("weights 中有超出 grams 范围的 n 元序号")
            idf_of = dict(zip(grams, idf))
            if len(idf_of) != len(grams):
                raise ValueError("grams 中有重复的 n 元")
            only = cl[0] if cl and min(cl) == max(cl) and len(set(at)) == len(at) else None
            weights: dict = {}
            if only is not None:     # the out-of-catalog model: one weight per n-gram, on NONE
                weights = dict(zip(map(grams.__getitem__, at), val))
            else:
                # the pairs of one n-gram side by side (the trainer writes them so; any order is
                # read right): cut the list where the n-gram changes, in C, not pair by pair
                pairs = list(zip(cl, val))
                if any(map(operator.gt, at, at[1:])):
                    order = sorted(range(len(at)), key=at.__getitem__)
                    at, pairs = [at[k] for k in order], [pairs[k] for k in order]
                cuts = [0, *compress(range(1, len(at)), map(operator.ne, at, at[1:])), len(at)]
                weights = {grams[at[a]]: tuple(pairs[a:b]) for a, b in zip(cuts, cuts[1:]) if b > a}
            lo, hi = (int(x) for x in data["ngram_range"])
        except (ValueError, KeyError, TypeError, AttributeError, orjson.JSONDecodeError) as e:
            raise CatalogError([Problem(str(p), None, None, f"n 元模型文件无法读取：{e}")]) from None
        return cls(classes, intercept, idf_of, weights, lo, hi, dict(data.get("trained_on") or {}),
                   only)

    def _tfidf(self, text: str) -> tuple[list[str], list[float], float]:
        """The n-grams of `text` in the vocabulary, their TF-IDF values (sublinear term
        frequency) and the L2 norm of those values, as scikit-learn's TfidfVectorizer; the text
        read as in training (_read, in _grams)."""
        idf = self.idf
        counts = _grams(text, self.lo, self.hi)
        grams, values = [], []
        sq = 0.0
        for g in counts.keys() & idf.keys():
            x = idf[g]
            n = counts[g]
            v = x if n == 1 else (1.0 + math.log(n)) * x
            sq += v * v
            grams.append(g)
            values.append(v)
        return grams, values, math.sqrt(sq) or 1.0

    def log_odds(self, text: str, a: str, b: str) -> float | None:
        """log(P(b) / P(a)) for `text`, computed on these two classes only (the sums of the other
        classes cancel out of the ratio); None when either is not a class of the model. Equal to
        the log of the ratio of probabilities()'s values up to rounding (the terms are added in
        another order), so a caller comparing it with a bound leaves a margin for that."""
        if a not in self.classes or b not in self.classes or self.only is not None:
            return None
        by_class = self._by_class
        if not by_class:
            # made whole, then put in place in one step: a thread matching at the same moment
            # sees either none of it or all of it (match is shared by the web service's threads)
            made: dict[int, dict[str, float]] = {c: {} for c in range(len(self.classes))}
            for g, ws in self.weights.items():
                for c, w in ws:
                    made[c][g] = w
            by_class.update(made)
        grams, values, norm = self._tfidf(text)
        ia, ib = self.classes.index(a), self.classes.index(b)
        zero = repeat(0.0)
        sa = sum(map(operator.mul, map(by_class[ia].get, grams, zero), values))
        sb = sum(map(operator.mul, map(by_class[ib].get, grams, zero), values))
        return self.intercept[ib] - self.intercept[ia] + (sb - sa) / norm

    def probabilities(self, text: str) -> dict[str, float]:
        """Each class's probability for `text` (scikit-learn's predict_proba)."""
        grams, values, norm = self._tfidf(text)
        scores = list(self.intercept)
        weights = self.weights
        found = [(v, ws) for v, ws in zip(values, map(weights.get, grams)) if ws]
        if self.only is not None:
            scores[self.only] += sum([w * v for v, w in found]) / norm
        else:
            for v, ws in found:
                v /= norm
                for c, w in ws:
                    scores[c] += w * v
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return {c: e / total for c, e in zip(self.classes, exps)}


def _flat(grams: list[str], idf, rows: list[tuple[int, int, float]]) -> dict:
    """The arrays of a model file: the vocabulary, its idf, the non-zero weights."""
    return {"grams": grams, "idf": [round(float(x), 4) for x in idf],
            "weights": {"gram": [r[0] for r in rows], "class": [r[1] for r in rows],
                        "value": [r[2] for r in rows]}}


# ---- training (scikit-learn, imported only here) ---------------------------------------------
NONE = "NONE"   # the class of descriptions outside the catalog
IN = "IN"       # the class of descriptions of one or more catalog matters (outside.json)


def digest(paths: Iterable[Path]) -> str:
    import hashlib
    h = hashlib.sha256()
    for p in sorted(Path(x) for x in paths):
        h.update(p.name.encode())
        h.update(p.read_bytes())
    return h.hexdigest()


def versions() -> dict[str, str]:
    """The versions a model is trained with, recorded in its `trained_on`: the thirty-fifth session
    trained the matter model again on the same files (the same digest) and got other weights under
    scikit-learn 1.9.1 / numpy 2.4.6; the shipped file did not say what it had been trained with."""
    import platform
    from importlib.metadata import PackageNotFoundError, version

    out = {"python": platform.python_version()}
    for name in ("scikit-learn", "numpy", "scipy"):
        try:
            out[name] = version(name)
        except PackageNotFoundError:
            pass
    return out


def file_labels(files: Sequence[Path]) -> list[str]:
    """How a model records the files it was trained on: a labelled set by its name (dev9.yaml, in
    tests/matching/), an everyday file by its folder and name (everyday/r73-ooc.yaml)."""
    return [f"everyday/{p.name}" if p.parent.name == "everyday" else p.name
            for p in sorted(Path(f) for f in files)]


def training_examples(cases: Sequence) -> tuple[list[str], list[str]]:
    """Single-matter descriptions labelled with their matter, out-of-catalog ones with NONE;
    vague and multi-matter ones say nothing about one class and are left out."""
    texts, labels = [], []
    for c in cases:
        if getattr(c, "vague", False):
            continue
        if len(c.expect) == 1:
            texts.append(c.text)
            labels.append(c.expect[0])
        elif not c.expect:
            texts.append(c.text)
            labels.append(NONE)
    return texts, labels


# What a description is framed with, whatever it reports: where it comes from, when, a greeting,
# thanks, a picture attached. Measured in the thirty-third session: "，谢谢！" after an in-catalog
# description moved the out-of-catalog model's probability from 0.23 to 0.75, "今天上午，" before it
# to 0.77 (frames that happen to be commoner in the labelled out-of-catalog reports). The model is
# trained on each description also framed so (one opening and one closing, chosen by the text's
# digest, on both classes alike), so that a frame tells it nothing.
FRAME_OPENINGS = ("【12345】市民来电反映：", "12345工单：", "网格员上报：", "今天上午，", "昨天晚上十点多，",
                  "早上七点左右，", "你好，", "听邻居说，", "巡查发现：", "【网络问政】网友留言：", "下午三点，",
                  "村民反映：")
FRAME_CLOSINGS = ("，谢谢！", "，请处理。", "[图片]", "。诉求：依法查处。", "，麻烦尽快处理，谢谢", "！！！",
                  "，已拍照。", "，希望有关部门管一管。", "，附视频", "。")


def framed(text: str) -> str:
    """`text` with one opening and one closing of FRAME_OPENINGS / FRAME_CLOSINGS, the same
    for the same text (chosen by its SHA-256)."""
    h = hashlib.sha256(text.encode("utf-8")).digest()
    return FRAME_OPENINGS[h[0] % len(FRAME_OPENINGS)] + text + FRAME_CLOSINGS[h[1] % len(FRAME_CLOSINGS)]


def outside_examples(cases: Sequence) -> tuple[list[str], list[str]]:
    """Every description, labelled NONE (outside the catalog) or IN (one or more matters, or a
    vague description of a family of them), as written and framed (`framed`)."""
    texts, labels = [], []
    for c in cases:
        label = IN if getattr(c, "vague", False) or c.expect else NONE
        texts += [c.text, framed(c.text)]
        labels += [label, label]
    return texts, labels


def competent_examples(cases: Sequence, core: Callable[[str], str]) -> tuple[list[str], list[str]]:
    """The out-of-catalog descriptions whose competent body is known, labelled with that body.
    Names of one body (公安机关, 华龙区公安分局) have the same `core`; each is labelled with the
    name its core is most often written as."""
    named = [(c.text, c.competent) for c in cases
             if not c.expect and not getattr(c, "vague", False) and getattr(c, "competent", None)
             and core(c.competent)]
    spellings: dict[str, Counter] = {}
    for _, body in named:
        spellings.setdefault(core(body), Counter())[body] += 1
    label = {k: max(v.items(), key=lambda kv: (kv[1], -len(kv[0]), kv[0]))[0]
             for k, v in spellings.items()}
    return [t for t, _ in named], [label[core(b)] for _, b in named]


def train_outside(texts: list[str], labels: list[str], files: Sequence[Path], *, c: float = 10.0,
                  min_df: int = 2, cut: float = 0.05, lo: int = 2, hi: int = 2) -> dict:
    """The binary model (IN or NONE), as JSON-ready data in the same format as `train`'s, so
    that NgramModel reads and applies it: classes [IN, NONE], the logistic regression's single
    score put on NONE (softmax of (0, s) is the logistic function of s). The classes are
    weighted to balance (out-of-catalog reports are fewer). Raises ImportError without
    scikit-learn."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = TfidfVectorizer(analyzer="char", ngram_range=(lo, hi), sublinear_tf=True, min_df=min_df,
                          preprocessor=_read)
    x = vec.fit_transform(texts)
    y = [int(label == NONE) for label in labels]
    clf = LogisticRegression(C=c, max_iter=5000, class_weight="balanced").fit(x, y)
    coef = clf.coef_[0]
    grams = vec.get_feature_names_out().tolist()
    rows = [(j, 1, round(float(coef[j]), 3)) for j in range(len(grams)) if abs(coef[j]) >= cut]
    return {
        "format": FORMAT,
        "ngram_range": [lo, hi],
        "classes": [IN, NONE],
        "intercept": [0.0, round(float(clf.intercept_[0]), 4)],
        **_flat(grams, vec.idf_, rows),
        "trained_on": {"files": file_labels(files), "sha256": digest(files),
                       "examples": len(texts), "outside": labels.count(NONE), "C": c,
                       "min_df": min_df, "cut": cut, "class_weight": "balanced", "versions": versions()},
    }


def train(texts: list[str], labels: list[str], files: Sequence[Path], *, c: float = 30.0,
          min_df: int = 3, cut: float = 0.3, lo: int = 1, hi: int = 3) -> dict:
    """The model as JSON-ready data. Raises ImportError without scikit-learn.

    An n-gram seen in fewer than `min_df` descriptions is not in the vocabulary, a weight
    smaller than `cut` is dropped: on the 26,000 descriptions of dev … dev64, 3 and 0.3 keep
    the file at 2.1 MB (2 and 0.2: 3.4 MB, its load 2.6 times as long) and did as well on the
    sets written after (tests/matching/README.md, tenth session)."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = TfidfVectorizer(analyzer="char", ngram_range=(lo, hi), sublinear_tf=True, min_df=min_df,
                          preprocessor=_read)
    x = vec.fit_transform(texts)
    clf = LogisticRegression(C=c, max_iter=5000).fit(x, labels)
    classes = [str(k) for k in clf.classes_]
    grams = vec.get_feature_names_out().tolist()
    rows = [(j, ci, round(float(clf.coef_[ci, j]), 3)) for j in range(len(grams))
            for ci in range(len(classes)) if abs(clf.coef_[ci, j]) >= cut]
    return {
        "format": FORMAT,
        "ngram_range": [lo, hi],
        "classes": classes,
        "intercept": [round(float(v), 4) for v in clf.intercept_],
        **_flat(grams, vec.idf_, rows),
        "trained_on": {"files": file_labels(files), "sha256": digest(files),
                       "examples": len(texts), "C": c, "min_df": min_df, "cut": cut,
                       "versions": versions()},
    }
