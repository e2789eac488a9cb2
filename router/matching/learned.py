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
"""
from __future__ import annotations

import hashlib
import json
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Sequence

import orjson

from router.model.errors import CatalogError, Problem

FILE_NAME = "ngram.json"
OUTSIDE_FILE = "outside.json"   # the binary model: in the catalog (IN) or outside it (NONE)
COMPETENT_FILE = "competent.json"   # outside the catalog: the body competent in reality
FORMAT = 1
_WHITE = re.compile(r"\s\s+")   # as scikit-learn's char analyzer folds runs of white space


def _grams(text: str, lo: int, hi: int) -> Counter:
    t = _WHITE.sub(" ", text.lower())
    out: Counter = Counter()
    for n in range(lo, hi + 1):
        # (the substrings are cut and counted in C: map over slices, Counter's own loop)
        out.update(map(t.__getitem__, map(slice, range(len(t) - n + 1), range(n, len(t) + 1))))
    return out


@dataclass(frozen=True, slots=True)
class NgramModel:
    classes: tuple[str, ...]
    intercept: tuple[float, ...]
    idf: dict[str, float]
    weights: dict[str, tuple[tuple[int, float], ...]]
    lo: int
    hi: int
    trained_on: dict
    # gram -> (idf, its class weights): one lookup per gram of a text (built from the two above)
    table: dict[str, tuple[float, tuple[tuple[int, float], ...]]] = field(
        default_factory=dict, compare=False, repr=False)

    @classmethod
    def load(cls, path: str | Path) -> "NgramModel | None":
        """The model in `path`, or None if there is no such file (a catalog without one)."""
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
            idf = {str(k): float(v) for k, v in data["idf"].items()}
            weights = {str(k): tuple((int(c), float(w)) for c, w in v)
                       for k, v in data["weights"].items()}
            if any(not 0 <= c < len(classes) for v in weights.values() for c, _ in v):
                raise ValueError("weights 中有超出 classes 范围的类别序号")
            lo, hi = (int(x) for x in data["ngram_range"])
        except (ValueError, KeyError, TypeError, AttributeError, orjson.JSONDecodeError) as e:
            raise CatalogError([Problem(str(p), None, None, f"n 元模型文件无法读取：{e}")]) from None
        table = {g: (x, weights.get(g, ())) for g, x in idf.items()}
        return cls(classes, intercept, idf, weights, lo, hi, dict(data.get("trained_on") or {}), table)

    def probabilities(self, text: str) -> dict[str, float]:
        """Each class's probability for `text` (scikit-learn's predict_proba)."""
        table = self.table or {g: (x, self.weights.get(g, ())) for g, x in self.idf.items()}
        counts = _grams(text, self.lo, self.hi)
        scores = list(self.intercept)
        sq = 0.0
        found = []
        for g in counts.keys() & table.keys():
            x, ws = table[g]
            n = counts[g]
            v = x if n == 1 else (1.0 + math.log(n)) * x
            sq += v * v
            if ws:
                found.append((v, ws))
        norm = math.sqrt(sq) or 1.0
        for v, ws in found:
            v /= norm
            for c, w in ws:
                scores[c] += w * v
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return {c: e / total for c, e in zip(self.classes, exps)}


# ---- training (scikit-learn, imported only here) ---------------------------------------------
NONE = "NONE"   # the class of descriptions outside the catalog
IN = "IN"       # the class of descriptions of one or more catalog matters (outside.json)


def digest(paths: Iterable[Path]) -> str:
    h = hashlib.sha256()
    for p in sorted(Path(x) for x in paths):
        h.update(p.name.encode())
        h.update(p.read_bytes())
    return h.hexdigest()


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


def outside_examples(cases: Sequence) -> tuple[list[str], list[str]]:
    """Every description, labelled NONE (outside the catalog) or IN (one or more matters, or a
    vague description of a family of them)."""
    texts, labels = [], []
    for c in cases:
        texts.append(c.text)
        labels.append(IN if getattr(c, "vague", False) or c.expect else NONE)
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
                  min_df: int = 2, cut: float = 0.05, lo: int = 1, hi: int = 3) -> dict:
    """The binary model (IN or NONE), as JSON-ready data in the same format as `train`'s, so
    that NgramModel reads and applies it: classes [IN, NONE], the logistic regression's single
    score put on NONE (softmax of (0, s) is the logistic function of s). The classes are
    weighted to balance (out-of-catalog reports are fewer). Raises ImportError without
    scikit-learn."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = TfidfVectorizer(analyzer="char", ngram_range=(lo, hi), sublinear_tf=True, min_df=min_df)
    x = vec.fit_transform(texts)
    y = [int(label == NONE) for label in labels]
    clf = LogisticRegression(C=c, max_iter=5000, class_weight="balanced").fit(x, y)
    coef = clf.coef_[0]
    vocab = vec.vocabulary_
    idf = vec.idf_
    weights = {gram: [[1, round(float(coef[j]), 3)]] for gram, j in sorted(vocab.items())
               if abs(coef[j]) >= cut}
    return {
        "format": FORMAT,
        "ngram_range": [lo, hi],
        "classes": [IN, NONE],
        "intercept": [0.0, round(float(clf.intercept_[0]), 4)],
        "idf": {g: round(float(idf[j]), 4) for g, j in sorted(vocab.items())},   # (all: the norm)
        "weights": weights,
        "trained_on": {"files": [Path(f).name for f in sorted(files)], "sha256": digest(files),
                       "examples": len(texts), "outside": labels.count(NONE), "C": c,
                       "min_df": min_df, "cut": cut, "class_weight": "balanced"},
    }


def train(texts: list[str], labels: list[str], files: Sequence[Path], *, c: float = 30.0,
          min_df: int = 2, cut: float = 0.2, lo: int = 1, hi: int = 3) -> dict:
    """The model as JSON-ready data. Raises ImportError without scikit-learn."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = TfidfVectorizer(analyzer="char", ngram_range=(lo, hi), sublinear_tf=True, min_df=min_df)
    x = vec.fit_transform(texts)
    clf = LogisticRegression(C=c, max_iter=5000).fit(x, labels)
    classes = [str(k) for k in clf.classes_]
    vocab = vec.vocabulary_
    idf = vec.idf_
    weights: dict[str, list[list[float]]] = {}
    for gram, j in sorted(vocab.items()):
        col = [[ci, round(float(clf.coef_[ci, j]), 3)] for ci in range(len(classes))
               if abs(clf.coef_[ci, j]) >= cut]
        if col:
            weights[gram] = col
    return {
        "format": FORMAT,
        "ngram_range": [lo, hi],
        "classes": classes,
        "intercept": [round(float(v), 4) for v in clf.intercept_],
        "idf": {g: round(float(idf[j]), 4) for g, j in sorted(vocab.items())},
        "weights": weights,
        "trained_on": {"files": [Path(f).name for f in sorted(files)], "sha256": digest(files),
                       "examples": len(texts), "C": c, "min_df": min_df, "cut": cut},
    }
