"""The matcher's shortcuts (written for speed) give the results of the plain ways they replace."""
import pickle
import random
import re
import unicodedata
from pathlib import Path

import pytest

from router.matching import matcher as M
from router.matching import textnorm
from router.matching.textnorm import T2S, fold_chars

MATCHING = Path(__file__).resolve().parents[1] / "catalog" / "matching.yaml"


@pytest.fixture(scope="module")
def matcher(matter_names) -> M.Matcher:
    return M.Matcher.load(MATCHING, matter_names)


def _occurrences(rng: random.Random, n: int) -> list[tuple[int, int, str]]:
    out = []
    for _ in range(n):
        a = rng.randrange(0, 70)
        out.append((a, a + rng.choice([1, 2, 3, 5, 12, 45]), rng.choice("abc")))
    out = sorted(set(out))
    out.sort(key=lambda x: (x[0], -x[1]))
    return out


def test_the_two_part_search_is_the_general_one():
    rng = random.Random(5)
    for _ in range(3000):
        lists = [_occurrences(rng, rng.randrange(1, 15)) for _ in range(2)]
        window = rng.choice([5, 10, 40])
        used_general: list[set] = [set(), set()]
        used_special: list[set] = [set(), set()]
        general = M._combine(lists, window, used_general, 80)
        special = M._combine_two(*lists, window, used_special)
        assert (general is None) == (special is None)
        if general is not None:
            assert general[0] == special[0] and tuple(general[1]) == tuple(special[1])
        assert used_general == used_special


@pytest.mark.parametrize("pattern, needs", [
    (r"(?<![a-z0-9])[gsxy]\d{1,3}(?![0-9])", set("gsxy")),
    (r"(?:路|街|大道)(?=口)", {"路", "街", "大"}),
    (r"《?村庄和集镇", {"村"}),
    (r"点(?=[^。]{0,6}(秸|秆))", {"点"}),
    (r"(2[2-4]|[0-5])[:：点]", {":", "：", "点"}),
    (r"a?b", {"b"}),
    (r"(?:ab)+c*", {"a"}),
    (r"(?i)ab", None),
    (r"(?i:a)b", {"b"}),
    (r"\d+", None),
    (r"[^a]", None),
    (r".x?", None),
    (r"(?=a)", None),
    (r"[a-z]+", None),          # too many characters to be worth checking
])
def test_the_characters_a_pattern_needs(pattern, needs):
    """The first (smallest) set: a text without any of its characters is not searched."""
    sets = M._needed_sets(re.compile(pattern))
    assert (set(sets[0]) if sets else None) == needs


@pytest.mark.parametrize("pattern, sets", [
    # (Python's parser takes the common 电 out of 电动车|电瓶车: then 动|瓶 is a part of its own)
    (r"(?:电动车|电瓶车)(?:能不能|可以)[^。]{0,8}?充电", [{"电"}, {"充"}, {"动", "瓶"}]),
    (r"《?村庄和集镇", [{"村"}, {"庄"}, {"和"}]),
    (r"(?:ab)+c", [{"a"}, {"b"}, {"c"}]),
    (r"(?:a|b)(?:a|bc)", [{"a", "b"}]),      # {a, b} twice: once is enough
    (r"a(?:b|cd)?x*", [{"a"}]),               # an optional group or a repeat that may be empty: nothing
    (r"(?=a)b", [{"b"}]),                     # a lookahead is not a character of the match
    (r"\d+", []),
])
def test_the_sets_of_characters_a_pattern_needs(pattern, sets):
    assert [set(s) for s in M._needed_sets(re.compile(pattern))] == sets


def _random_patterns(rng: random.Random, atoms: list[str], n: int, repeats: list[str], alternative: float = 0.0):
    """`n` tries at a pattern of one to four atoms, each with one of `repeats` after it (and, with
    probability `alternative`, "|" and two atoms more): the compiled ones."""
    for _ in range(n):
        pattern = "".join(rng.choice(atoms) + rng.choice(repeats) for _ in range(rng.randrange(1, 5)))
        if alternative and rng.random() < alternative:
            pattern += "|" + rng.choice(atoms) + rng.choice(atoms)
        try:
            yield re.compile(pattern)
        except re.error:
            continue


def test_a_pattern_is_never_skipped_where_it_matches():
    """Every match contains one of the characters of each set said to be needed (random texts
    and patterns made of the pieces the analysis knows)."""
    rng = random.Random(11)
    atoms = ["a", "b", "c", "[ab]", "[^a]", "(?:a|bc)", "\\d", ".", "(?=a)", "(?<!b)", "(c|)"]
    for rx in _random_patterns(rng, atoms, 400, ["", "?", "*", "+", "{2}", "{0,2}"]):
        sets = M._needed_sets(rx)
        if not sets:
            continue
        for _ in range(30):
            text = "".join(rng.choice("abc1。") for _ in range(rng.randrange(0, 12)))
            m = rx.search(text)
            if m is not None and m.end() > m.start():
                for needs in sets:
                    assert any(c in m.group() for c in needs), (rx.pattern, text, needs)


@pytest.mark.parametrize("pattern, strings", [
    (r"^(?:有人|有人在)?(?:电鱼|炸鱼)(?:的|了)?[。，]*$", {"电鱼", "炸鱼"}),
    (r"(?:举报|反映)称", {"举报称", "反映称"}),
    (r"楼上(?![^。]{0,8}?广场)[^。]{0,8}?(?:蹦跶|蹦蹦跳跳)", {"楼上"}),   # one string before two
    (r"(?:ab|cd)x|efg", {"abx", "cdx", "efg"}),
    (r"a(?:b|cd)?xy", {"xy"}),                # an optional group ends a run
    (r"(?:a[bc]d)+", {"abd", "acd"}),
    (r"(?=abc)x", None),                       # a lookahead is not a part of the match
    (r"(?i)abc", None),
    (r"(?:ab|c)d", {"abd", "cd"}),
    (r"(?:ab|c)x*", None),                     # a choice of one character: the character sets do
    (r"\d+", None),
    (r"ab|\d", None),                          # one choice needs no string
    (r"(2[2-4]|[0-5])[:：点]", None),           # a run of one character: the character sets do
])
def test_the_strings_a_pattern_needs(pattern, strings):
    """A text without any of them is not searched (one part every match passes through, the
    part whose shortest string is the longest)."""
    got = M._needed_strings(re.compile(pattern))
    assert (set(got) if got is not None else None) == strings


def test_a_pattern_is_never_skipped_where_it_has_a_match(matcher):
    """Every match contains one of the strings said to be needed (random texts and patterns made
    of the pieces the analysis knows), and so does every match of the catalog's own expressions
    in the tuning descriptions of dev.yaml."""
    rng = random.Random(13)
    atoms = ["ab", "c", "[ab]", "[^a]", "(?:ab|bc)", "(?:a|bc)", "\\d", ".", "(?=ab)", "(?<!b)",
             "(ca|)", "(?:b(?:a|cb)c)"]
    tried = 0
    for rx in _random_patterns(rng, atoms, 2000, ["", "", "?", "*", "+", "{2}", "{0,2}"], alternative=0.2):
        strings = M._needed_strings(rx)
        if not strings:
            continue
        tried += 1
        for _ in range(30):
            text = "".join(rng.choice("abc1。") for _ in range(rng.randrange(0, 14)))
            for m in rx.finditer(text):
                assert any(s in m.group() for s in strings), (rx.pattern, text, strings)
    assert tried > 300
    import yaml
    dev = yaml.safe_load((MATCHING.parents[1] / "tests" / "matching" / "dev.yaml").read_text(encoding="utf-8"))
    texts = [textnorm.fold(d["text"]) for d in dev if isinstance(d, dict) and "text" in d]
    found = 0
    for (key, source), strings in zip(matcher._regex_src, matcher._regex_strings):
        if strings is None:
            continue
        rx = re.compile(source)
        for text in texts:
            for m in rx.finditer(text):
                found += 1
                assert any(s in m.group() for s in strings), (key, text, strings)
    assert found > 0


def _fold_chars_plainly(text: str) -> tuple[str, list[int], list[int]]:
    """fold_chars without its fast path (character by character, as it was written first)."""
    out, starts, ends = [], [], []
    for k, ch in enumerate(text):
        if ch in " \t\u3000\u00a0":
            # a run of spaces between two Chinese characters is one clause comma (NFKC's ",")
            rest = text[k:].lstrip(" \t\u3000\u00a0")
            if out and "\u4e00" <= out[-1] <= "\u9fff" and rest and "\u4e00" <= rest[0] <= "\u9fff" \
                    and (k == 0 or text[k - 1] not in " \t\u3000\u00a0"):
                out.append(",")
                starts.append(k)
                ends.append(k + 1)
            continue
        rep = textnorm._char_steps(ch)
        if not rep:
            continue
        if rep == "。" and out and out[-1] == "。":
            continue
        for c in rep:
            out.append(c)
            starts.append(k)
            ends.append(k + 1)
    return "".join(out), starts, ends


def test_folding_by_translation_is_folding_by_character():
    rng = random.Random(3)
    alphabet = (list("国道边上摆摊卖西瓜占了半条道。，,.!！？ \n\r\t") + list("ＡＢＣ１２３ＫＴＶ")
                + list(T2S)[:200] + ["😀", "\u200b", "\ufe0f", "ﬁ", "㎡", "½", "｡", "…", "\u3000"])
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 30)))
        assert fold_chars(text) == _fold_chars_plainly(text), repr(text)
        assert fold_chars(text) == _fold_chars_plainly(text), repr(text)  # again, now from the cache


def test_nfkc_is_what_the_table_says():
    # the fast path keeps a character's replacement; it must be the one _char_steps gives
    for ch in "，。ＡＢ１國裡😀\n":
        fold_chars(ch)
    for code, rep in textnorm._ONE_CHAR_TABLE.items():
        assert textnorm._char_steps(chr(code)) == rep
    assert unicodedata.normalize("NFKC", "，") == ","


def test_a_phrase_map_skips_only_texts_without_any_entry():
    pm = textnorm.PhraseMap({"秸杆": "秸秆", "燥音": "噪音", "x": "y"})
    for text, want in (("烧秸杆", "烧秸秆"), ("没有错字", "没有错字"), ("燥音大", "噪音大"), ("xx", "yy"),
                       ("秸", "秸"), ("", "")):
        assert pm.apply(*fold_chars(text))[0] == want


def test_a_cached_matcher_is_made_of_plain_tuples_until_used(matcher):
    copy = pickle.loads(pickle.dumps(matcher, protocol=pickle.HIGHEST_PROTOCOL))
    assert copy._rules == [None] * len(matcher.matter_ids)
    text = "国道边上摆摊卖西瓜，占了半条道"
    assert copy.match(text).to_json() == matcher.match(text).to_json()
    assert any(r is not None for r in copy._rules) and any(r is None for r in copy._rules)
    again = pickle.loads(pickle.dumps(copy, protocol=pickle.HIGHEST_PROTOCOL))  # partly built
    assert again.match("楼道里一排电动车插着电").to_json() == matcher.match("楼道里一排电动车插着电").to_json()
