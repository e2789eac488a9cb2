"""Homophone typos (router/matching/sounds.py): a slip of one character with the sound of the
right one is read as meant, and only where the corrected word is evidence; grammatical
characters and real readings are left alone."""
from __future__ import annotations

import pytest

from router.matching.sounds import Homophones

WORDS = ["水库", "消防通道", "扬尘", "占地", "渣土车", "死鸡", "堤上", "被人", "修建", "十楼", "小区", "渠里"]


@pytest.fixture(scope="module")
def sounds() -> Homophones:
    return Homophones(WORDS)


@pytest.mark.parametrize("text, fixed, fixes", [
    ("水裤里有人电鱼", "水库里有人电鱼", [(0, "水裤", "水库")]),
    ("消坊通道被车占了", "消防通道被车占了", [(0, "消坊通道", "消防通道")]),
    ("工地洋尘大", "工地扬尘大", [(2, "洋尘", "扬尘")]),
    ("公司非法站地建厂房", "公司非法占地建厂房", [(4, "站地", "占地")]),
    ("砸土车乱跑", "渣土车乱跑", [(0, "砸土车", "渣土车")]),     # za for zha: northern speech
])
def test_a_slip_is_read_as_the_word_it_sounds_like(sounds, text, fixed, fixes):
    assert sounds.correct(text) == (fixed, tuple(fixes))


@pytest.mark.parametrize("text", [
    "全是鸡粪味",      # 是 as written is meant (grammatical character)
    "空地上堆沙子",    # 地 likewise
    "比人还高",        # 被人 holds a grammatical character: never offered
    "住在四楼",        # a number is said as meant: 四楼 is no slip for 十楼 (a high-rise)
    "小区里有人堆东西",  # 区里 cuts into the word 小区: no slip for 渠里
])
def test_grammar_is_left_alone(sounds, text):
    assert sounds.correct(text) == (text, ())


def test_a_real_word_with_the_same_sound_is_offered_to_the_matcher(sounds):
    # 修剪 and 修建 sound the same and the reader has no word list to tell a real word from a
    # slip: it offers the reading, and the matcher keeps it only where 修建 is then evidence
    # for what it finds (the matcher tests below).
    assert sounds.correct("派人来修剪一下") == ("派人来修建一下", ((3, "修剪", "修建"),))


def test_different_sounds_are_not_slips(sounds):
    assert sounds.correct("水壶里有水") == ("水壶里有水", ())   # hu is not ku


def test_the_matcher_reads_a_slip_and_says_so(catalog):
    m = catalog.matcher
    # (水裤, the commonest slip for 水库, is in matching.yaml's typos since round 39, and 水酷 since
    # round 60, both read silently; 水窟 is a slip of the same sound that the list does not hold)
    r = m.match("水窟里有人电鱼")
    assert r.status == "matched" and r.selected == ("SL-02",)
    assert any("“水窟”读作“水库”" in n for n in r.notes)
    # evidence spans quote the description as written
    assert all(sp.text in "水窟里有人电鱼" for c in r.candidates for sp in c.spans)


def test_no_reading_when_it_is_not_needed_or_not_evidence(catalog):
    m = catalog.matcher
    assert not any("同音" in n for n in m.match("水库里有人电鱼").notes)
    r = m.match("养殖场的味太大，一刮北风村里全是鸡粪味")
    assert not any("同音" in n for n in r.notes)


@pytest.mark.parametrize("text, word, family", [
    ("违章见筑", "违章建筑", "违法建设"),
    ("乱搭乱见", "乱搭乱建", "违法建设"),
    ("小广郜", "小广告", "小广告"),
])
def test_a_short_phrase_read_as_a_familys_everyday_word_offers_the_family(catalog, text, word, family):
    r = catalog.matcher.match(text)
    assert r.status == "ambiguous" and r.choices and r.choices[0].family == family
    assert any(f"读作“{word}”" in n for n in r.notes)


def test_a_long_text_is_not_read_into_a_family_without_evidence(catalog):
    # only a short phrase gets a reading whose only result is a family offer on its everyday word
    r = catalog.matcher.match("我们这边前两天说的那个事情一直没有人来看，违见的事就这样了吗，请领导关注一下进展")
    assert not any("读作“违建”" in n for n in r.notes)


# ---- pinyin typed instead of characters ---------------------------------------------------

from router.matching.sounds import PinyinReader  # noqa: E402

PINYIN_WORDS = ["渣土车", "围挡", "工地", "轮胎", "建房", "间房", "楼道", "充电", "烧烤", "露天", "拴绳", "绿化带", "女儿墙"]


@pytest.fixture(scope="module")
def pinyin() -> PinyinReader:
    return PinyinReader(PINYIN_WORDS)


@pytest.mark.parametrize("text, read", [
    ("zhatuche bu gai", "渣土车不盖"),           # words of the knowledge with 不 between them
    ("gongdi mei weidang", "工地没围挡"),
    ("烧luntai", "烧轮胎"),                       # a run inside characters
    ("LouDao ChongDian", "楼道充电"),              # capitals and spaces
])
def test_a_run_of_pinyin_is_read_as_the_words_it_spells(pinyin, text, read):
    (got, pieces), = pinyin.read(text)
    assert got == read.replace("盖", "gai")        # a syllable that is no word is left as typed
    assert all(text[wa:wb] == letters for _, _, wa, wb, letters in pieces)


@pytest.mark.parametrize("text", [
    "我住的这个building一楼走廊",   # English: no cut into syllables
    "hello", "ok", "awsl", "ddc楼道充电",   # abbreviations and initials are not spelled words
    "bu gai",                      # only grammatical syllables and syllables: no word of the knowledge
])
def test_letters_that_spell_no_word_are_left_alone(pinyin, text):
    assert pinyin.read(text) == []


@pytest.mark.parametrize("text, read", [
    ("lvhuadai", "绿化带"),                        # ü typed as v, as pinyin keyboards take it
    ("luhuadai", "绿化带"),                        # or as u
    ("nv'erqiang", "女儿墙"),
    ("LVHUADAI", "绿化带"),
])
def test_u_umlaut_typed_as_v_or_u_is_read(pinyin, text, read):
    (got, pieces), = pinyin.read(text)
    assert got == read and pieces[0][4] == text


def test_a_reading_shared_by_two_words_gives_each_in_turn(pinyin):
    assert [r for r, _ in pinyin.read("jianfang")] == ["建房", "间房"]


def test_a_syllable_is_read_as_the_one_character_word_of_its_sound():
    """停, 堆 … are words of the knowledge too: a syllable between spelled words is read as the one
    character word of that sound; da (打 or 搭) stays as typed; a run with no longer word is read
    as nothing (ting alone may be anything)."""
    reader = PinyinReader(["单车", "草坪", "渠堤", "红砖", "停", "堆", "打", "搭", "灵棚"])
    assert [r for r, _ in reader.read("danche ting caoping")] == ["单车停草坪"]
    assert [r for r, _ in reader.read("qudi shang dui hongzhuan")] == ["渠堤shang堆红砖"]
    assert [r for r, _ in reader.read("da lingpeng")] == ["da灵棚"]
    assert reader.read("ting") == [] and reader.read("dui ting") == []


@pytest.fixture(scope="module")
def matcher():
    from pathlib import Path
    from router.catalog.load import load_catalog
    return load_catalog(Path(__file__).resolve().parents[1] / "catalog").matcher


@pytest.mark.parametrize("text, matter", [
    ("zhatuche bu gai", "SR-08"),
    ("gongdi mei weidang", "DQ-06"),
    ("消防栓被dangzhu了", "XF-06"),
    ("lutian shaokao", "DQ-01"),
    ("lvhuadai zhong cai", "LH-02"),               # ü typed as v
    ("qudi shang dui hongzhuan", "SL-03"),         # a one-character act (堆) between spelled words
    ("dongfeng lu shang dui jiancai", "SR-05"),
])
def test_the_matcher_reads_pinyin_and_says_so(matcher, text, matter):
    r = matcher.match(text)
    assert r.status == "matched" and r.selected == (matter,), (r.status, r.selected, r.notes)
    assert r.text == text and r.notes[0].startswith("按拼音理解")
    for c in r.candidates:              # spans are the characters as written
        for sp in c.spans:
            assert text[sp.start:sp.end] == sp.text


@pytest.mark.parametrize("text, members", [
    ("zhandao jingying", {"SR-05", "DL-01"}),      # a family's everyday word, in pinyin
    ("luan dao laji", {"SR-01", "SR-03"}),
])
def test_a_pinyin_phrase_offers_the_family_and_the_models_read_it_as_characters(matcher, text, members):
    # the out-of-catalog model reads the characters, not the letters (which look like no report)
    r = matcher.match(text)
    assert r.status == "ambiguous" and members <= set(r.ambiguous[0]), (r.status, r.notes)


def test_pinyin_is_not_read_where_the_text_as_written_decides(matcher):
    # "chongdian" would be read as 充电, evidence for the same matter: the text as written already
    # chose it, so no reading is made and no note added
    r = matcher.match("楼道里有人给电动车充电，天天chongdian")
    assert r.status == "matched" and not any(n.startswith("按拼音理解") for n in r.notes)


@pytest.mark.parametrize("text, topic, body", [
    ("gongchang yejian shengchan tai chao", "工业污染", "生态环境部门"),    # 工厂夜间生产太吵
    ("gongchang paiwu", "工业污染", "生态环境部门"),                        # 工厂排污
])
def test_pinyin_that_spells_a_report_outside_the_catalog_gets_its_guidance(matcher, text, topic, body):
    # (the reading found no matter, only a no-fit topic, and was thrown away: no body was named)
    r = matcher.match(text)
    assert r.status == "no_fit" and r.selected == () and r.text == text
    assert topic in r.outside and [g.body for g in r.guidance] == [body]
    assert r.notes[0].startswith("按拼音理解")


@pytest.mark.parametrize("text", ["hello world", "qiang qian", "ok"])
def test_letters_that_spell_nothing_outside_get_no_guidance(matcher, text):
    assert matcher.match(text).guidance == ()
