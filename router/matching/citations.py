"""Articles of law a description cites, read against the matters' legal bases.

Referral letters, feedback forms and case records name the article an act breaks: "涉嫌违反《大气
污染防治法》第一百一十八条第一款", "依据公路法第46条", "违反消防法第六十条第一款第五项". Each matter of the
catalog records its legal basis in the same terms (matters.yaml, legal_basis: "《大气污染防治法》第118
条第1款（…）"). An article cited in a description names the matters whose basis cites it: the clause
and the item, where both the description and the basis give them, must agree (第118条 alone names
the three matters of that article; 第118条第1款 names one). A law is named by its title as the
catalog writes it, without 中华人民共和国, with or without 《》, or by a short name listed in
matching.yaml (law_names: 大气法, 固废法 …). Explanations in full-width brackets （…） in a basis are
not citations (a basis marked 未核实 with its candidate articles in brackets cites nothing).
"""
from __future__ import annotations

import re
from typing import Iterable, Mapping

from router.model.lazydc import dataclass
from router.model.lazyre import LazyPattern

_DIGITS = "0-9０-９零〇一二两三四五六七八九十百"
_CN = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
       "八": 8, "九": 9}
_PREFIX = "中华人民共和国"
# one reference after a law's name: 第N条[第M款][第(K)项], or 第M款[第(K)项] / 第(K)项 of the article
# (and clause) before it in a list (第60条第1款第(五)项、第2款)
_REF = LazyPattern(rf"\s*(?:第\s*([{_DIGITS}]+)\s*条)?(?:\s*第\s*([{_DIGITS}]+)\s*款)?"
                  rf"(?:\s*第?\s*[(（]?([{_DIGITS}]+)[)）]?\s*项)?")
_SEP = LazyPattern(r"\s*(?:、|，|,|和|及|与|以及)\s*(?=第)")
_BRACKETS = LazyPattern(r"（[^（）]*）")


def number(text: str) -> int | None:
    """An article's, clause's or item's number: 118, １１８, 一百一十八, 十七, 二十."""
    text = text.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    if text.isdigit():
        return int(text)
    total, digit, seen = 0, None, False
    for ch in text:
        if ch in _CN:
            digit = _CN[ch]
            seen = True
        elif ch == "十":
            total += (digit if digit is not None else 1) * 10
            digit, seen = None, True
        elif ch == "百":
            total += (digit if digit is not None else 1) * 100
            digit, seen = None, True
        else:
            return None
    if not seen:
        return None
    return total + (digit or 0)


@dataclass(frozen=True, slots=True)
class Article:
    """An article of a law (by the catalog's title, without 中华人民共和国), with its clause and item
    where given."""

    law: str
    article: int
    clause: int | None = None
    item: int | None = None

    def agrees(self, other: "Article") -> bool:
        """The same article, and the same clause and item where both give one."""
        return (self.law == other.law and self.article == other.article
                and (self.clause is None or other.clause is None or self.clause == other.clause)
                and (self.item is None or other.item is None or self.item == other.item))

    def label(self) -> str:
        out = f"《{self.law}》第{self.article}条"
        if self.clause is not None:
            out += f"第{self.clause}款"
        if self.item is not None:
            out += f"第({self.item})项"
        return out


def _refs(law: str, text: str, pos: int) -> tuple[list[Article], int]:
    """The articles cited right after a law's name at `pos`, and where they end."""
    out: list[Article] = []
    article = clause = None
    while True:
        m = _REF.match(text, pos)
        if m is None or m.end() == m.start() or not any(m.groups()):
            break
        a, c, i = (number(g) if g else None for g in m.groups())
        if m.group(1):
            article, clause = a, c
        elif m.group(2):
            clause = c
        elif article is None:
            break
        if article is None:
            break
        out.append(Article(law, article, clause, i))
        pos = m.end()
        sep = _SEP.match(text, pos)
        if sep is None:
            break
        pos = sep.end()
    return out, pos


def basis_articles(basis: str) -> list[Article]:
    """The articles a matter's legal_basis cites (brackets of explanation left out)."""
    text = basis
    while True:
        stripped = _BRACKETS.sub("", text)
        if stripped == text:
            break
        text = stripped
    out = []
    for m in re.finditer(r"《([^》]+)》", text):
        law = m.group(1).removeprefix(_PREFIX)
        found, _ = _refs(law, text, m.end())
        out.extend(found)
    return out


class Citations:
    """The matters by the articles their legal bases cite, and the names of those laws."""

    def __init__(self, bases: Mapping[str, str], short_names: Mapping[str, Iterable[str]] = ()):
        self.by_matter = {mid: tuple(basis_articles(b)) for mid, b in bases.items()}
        laws = {a.law for arts in self.by_matter.values() for a in arts}
        names = {law: law for law in laws}
        for law, shorts in dict(short_names).items():
            if law in laws:
                for s in shorts:
                    names.setdefault(s, law)
        self.names = names
        alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        self._law = re.compile(rf"《?(?:{_PREFIX})?({alternatives})》?(?:的|之)?") if names else None

    def find(self, text: str) -> list[tuple[Article, int, int]]:
        """The articles `text` cites, each with where it is written (law name to last number)."""
        if self._law is None or "条" not in text and "款" not in text and "项" not in text:
            return []
        out = []
        for m in self._law.finditer(text):
            arts, end = _refs(self.names[m.group(1)], text, m.end())
            out.extend((a, m.start(), end) for a in arts)
        return out

    def matters(self, article: Article) -> list[str]:
        """The matters whose legal basis cites `article` (in catalog order)."""
        return [mid for mid, arts in self.by_matter.items() if any(a.agrees(article) for a in arts)]
