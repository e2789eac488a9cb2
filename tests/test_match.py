"""The matcher: confusable families, no-fit and ambiguous results, messy text, explanations,
load errors of catalog/matching.yaml, speed."""
from __future__ import annotations

import json
import os
import pickle
import re
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from router.matching.matcher import Matcher, MatchResult
from router.matching.textnorm import T2S, PhraseMap, fold, normalize
from router.model.errors import CatalogError, InputError

ROOT = Path(__file__).resolve().parents[1]
MATCHING = ROOT / "catalog" / "matching.yaml"


@pytest.fixture(scope="module")
def matters(matter_names) -> dict[str, str]:
    return matter_names


@pytest.fixture(scope="module")
def matcher(matters) -> Matcher:
    return Matcher.load(MATCHING, matters)


def routed(r: MatchResult) -> set[str]:
    return set(r.routed())


# ---------------------------------------------------------------------------------------------
# Confusable families: both sides of each pair.

CONFUSABLE = [
    # road type: highways (公路) vs city streets and pavements
    ("国道边上有人摆摊卖西瓜", {"JT-03"}),
    ("人行道上有人摆摊卖菜", {"SR-05"}),
    ("村民在乡道上打场晒粮", {"JT-03"}),
    ("村道上晒了一大片玉米，车都过不去", {"JT-03"}),
    ("有人私自把县道挖开埋水管", {"JT-01"}),
    ("有人私自开挖人行道埋线", {"DL-01"}),
    ("省道护栏被货车撞坏了没人管", {"JT-02"}),
    ("有人在国道边上紧挨着公路盖了两间门面房", {"JT-04"}),
    ("路灯杆上挂满了广告牌", {"DL-02"}),
    # land: villager home vs others' occupation vs damage to farmland vs village planning
    ("村民没批就占了耕地盖房子", {"NY-01"}),
    ("某公司未经批准圈地建厂房", {"ZR-01"}),
    ("有人在耕地里挖沙卖", {"ZR-02"}),
    ("有人在基本农田里建坟", {"ZR-02"}),
    ("村委会新建的仓库没有乡村建设规划许可证", {"GH-01"}),
    ("村民违反规划建住宅，适用国务院《村庄和集镇规划建设管理条例》", {"GH-02"}),
    ("依据《河南省村庄和集镇规划建设管理条例》第三十三条，村民违反规划建住宅", {"GH-03"}),
    # noise: construction vs social life vs shop loudspeakers
    ("工地半夜还在打桩，吵得没法睡", {"ZS-01"}),
    ("广场舞每天早上五六点就用大喇叭放音乐，声音特别大", {"ZS-02"}),
    ("手机店门口放大喇叭循环播放促销广告", {"ZS-03"}),
    # fumes: open-air barbecue vs restaurant vs new restaurant in a residential building vs pipes
    ("路边有人露天烧烤", {"DQ-01"}),
    ("饭店没有安装油烟净化器，油烟直接排放", {"DQ-02"}),
    ("居民楼底下新开了一家饭店，没有专用烟道", {"DQ-03"}),
    ("饭店把油烟排进下水道里", {"DQ-04"}),
    # burning: straw vs asphalt/plastic/garbage
    ("地里有人焚烧秸秆", {"NY-02"}),
    ("废品站有人烧电线皮，味道刺鼻", {"DQ-05"}),
    ("垃圾站每天烧垃圾，刺鼻的烟吹到家里", {"DQ-05"}),
    # garbage: urban vs rural vs construction vs truck spillage vs village public places
    ("楼上住户往楼下乱扔垃圾", {"SR-01"}),
    ("村里有人往坑塘里倒生活垃圾", {"SR-03"}),
    ("施工单位把建筑垃圾倒在路边空地上", {"SR-02"}),
    ("渣土车没有密闭，一路撒土", {"SR-08"}),
    ("村里街道两边乱堆柴草和粪堆", {"GH-05"}),
    ("有人把村口的垃圾桶砸坏了", {"SR-04"}),
    # fire: corridors vs high-rise vs evacuation routes vs fire-engine lanes vs facilities
    ("楼道里有人给电动车充电", {"XF-01"}),
    ("高层住宅的楼梯间里有人给电瓶车充电", {"XF-07"}),   # the rule for high-rises, not both
    ("高层写字楼的楼梯间里有人给电动车充电", {"XF-07"}),
    ("商场安全出口被锁住了", {"XF-03"}),
    ("楼道里堆满了杂物", {"XF-03"}),
    ("小区消防通道被私家车占满了", {"XF-02"}),
    ("超市里的灭火器都过期了", {"XF-04"}),
    ("有人把消防栓拆了", {"XF-05"}),
    ("消火栓被建筑材料埋压了", {"XF-06"}),
    # water works
    ("有人在村里的自来水管道上直接装泵抽水", {"SL-01"}),
    ("有人在水库里电鱼", {"SL-02"}),
    ("有人在河道里非法采砂", {"SL-03"}),
    # the rest
    ("小区里遛狗不拴绳", {"WM-01"}),
    ("遛狗不清理狗屎", {"WM-02"}),
    ("有人把路边的行道树砍了", {"LH-01"}),
    ("有居民在小区绿地上种菜", {"LH-02"}),
    ("电线杆上贴满了小广告", {"SR-06"}),
    ("临街阳台外面挂满了衣服", {"SR-07"}),
    ("工地没有围挡，尘土飞扬", {"DQ-06"}),
    ("村里有人在大街上搭了个彩钢棚", {"GH-06"}),
    ("有人把村里的健身器材砸坏了", {"GH-04"}),
]


@pytest.mark.parametrize("text,expected", CONFUSABLE, ids=[t for t, _ in CONFUSABLE])
def test_confusable_pairs(matcher, text, expected):
    r = matcher.match(text)
    assert r.status == "matched", (r.status, r.notes)
    assert set(r.selected) == expected
    assert r.candidates[0].matter in expected


def test_every_matter_is_reachable(matcher, matters):
    reached = set().union(*(e for _, e in CONFUSABLE))
    assert reached == set(matters)


def test_multi_matter_ticket(matcher):
    r = matcher.match("路口两个烧烤摊占了人行道和非机动车道，油烟直排，食客闹到半夜")
    assert set(r.selected) == {"SR-05", "DQ-01", "ZS-02"}
    assert r.status == "matched"


def test_same_family_can_cover_two(matcher):
    r = matcher.match("很多人在楼梯口给电动车充电，楼道里还堆着纸箱")
    assert set(r.selected) == {"XF-01", "XF-03"}


@pytest.mark.parametrize("text", [
    "宾馆后门上了锁，应急灯也不亮",
    "网吧消防门锁死，疏散指示灯也不亮",
    "招待所的安全门锁死了，应急照明灯不亮",
])
def test_a_gapped_word_over_a_clause_break_does_not_take_the_clause_between(matcher, text):
    """XF-04's 网吧…应急灯…不亮 reaches over the first clause; the locked door in it is XF-03's
    own evidence, so the family rule keeps both acts."""
    r = matcher.match(text)
    assert set(r.selected) == {"XF-03", "XF-04"}, (r.selected, [c.reasons for c in r.candidates])


def test_a_gapped_word_over_a_clause_break_keeps_the_goods_it_passes_over(matcher):
    """Goods or places in the clause a gapped word passes over say nothing of their own: the
    stall on the pavement is the one act (a sausage is no open-air barbecue)."""
    r = matcher.match("学校门口的小摊卖烤肠和奶茶，占了人行道")
    assert r.selected == ("SR-05",), (r.selected, [c.reasons for c in r.candidates])


def test_the_same_gapped_word_over_a_clause_break_in_two_members_stays_shared(matcher):
    """批…层 reaches over a clause break in all three housing matters: piece against piece it
    covers itself, so the family stays one choice (not three decisions)."""
    r = matcher.match("村东头一户在老宅基地上翻建住房，未经乡政府审批，已建至三层")
    assert r.status == "ambiguous" and not r.selected, (r.status, r.selected)


def test_the_pieces_of_a_gapped_word_in_its_occurrence():
    from router.matching.matcher import _gap_spans
    assert _gap_spans("gap:网吧|宾馆…应急灯…不亮", "网吧后门锁死,应急灯也不亮") == ((0, 2), (7, 10), (11, 13))
    assert _gap_spans("gap:后门|后门口…锁", "后门口上了锁") == ((0, 3), (5, 6))    # the longest choice
    assert _gap_spans("gap:甲…乙", "丙丁") == ((0, 2),)          # not found so: the whole word


def test_highway_cue_excludes_city_street(matcher):
    r = matcher.match("国道边人行道上有人摆摊卖菜")
    assert r.selected == ("JT-03",)
    runner = {c.matter: c for c in r.candidates}
    # the city-street stall is listed as a runner-up, unselected, and says why
    assert "SR-05" in runner and not runner["SR-05"].selected
    assert runner["SR-05"].score < runner["JT-03"].score
    assert any("排除" in x and "国道" in x for x in runner["SR-05"].reasons)


# ---------------------------------------------------------------------------------------------
# Nothing fits; too close to call.

NOFIT = [
    ("路边有辆车违章停车好几天了", "交警"),
    ("饭店卖的菜不新鲜，吃了拉肚子", "市场监管"),
    ("老板拖欠农民工工资", "人力资源"),
    ("楼上邻居天天吵架", "调解"),
    ("小区路灯坏了没人修", "维修"),
    ("邻居家小孩天天练钢琴到很晚", "邻里"),
    ("马颊河里有人电鱼，从桥上就能看见", None),
    ("工厂排放污水", "生态环境"),
    ("旁边工厂的机器二十四小时转，嗡嗡的噪音一直不停", "生态环境"),
    ("出租车拒载", "交通运输"),
]


@pytest.mark.parametrize("text,hint", NOFIT, ids=[t for t, _ in NOFIT])
def test_no_fit(matcher, text, hint):
    r = matcher.match(text)
    assert r.status == "no_fit"
    assert r.selected == () and r.ambiguous == ()
    assert r.notes and r.notes[0].startswith("未找到对应的执法事项")
    if hint:
        assert any(hint in n for n in r.notes), r.notes


def test_no_fit_keeps_candidates_unselected(matcher):
    r = matcher.match("秸秆")  # a word, no act: the cues route nothing
    assert r.selected == () and all(not c.selected for c in r.candidates)
    # the n-gram model may offer its likeliest matter, for the clerk to confirm, never selected
    assert r.status == "no_fit" or (r.status == "ambiguous" and "依据较弱" in r.notes[0])


def test_ambiguous_fire_passage(matcher):
    # “消防通道” is both the fire-engine lane (XF-02) and the evacuation route (XF-03)
    r = matcher.match("消防通道堵塞")
    assert r.status == "ambiguous"
    assert r.ambiguous == (("XF-02", "XF-03"),)
    assert r.selected == ()
    assert r.routed() == ("XF-02",)
    # offered as one choice, with the question that tells the two apart
    assert r.choices[0].matters == ("XF-02", "XF-03") and "疏散通道" in r.choices[0].question
    assert any(r.choices[0].question in n for n in r.notes)
    # context decides it either way
    assert matcher.match("小区消防通道被私家车占了").selected == ("XF-02",)
    assert matcher.match("楼道里的消防通道堵满了杂物").selected == ("XF-03",)


SYNTHETIC = """
concepts:
  吵: [吵, 噪音]
families:
  噪声: [ZS-01, ZS-02]
matters:
  ZS-01:
    combos: [【吵】+工地]
  ZS-02:
    combos: [【吵】+工地]
  ZS-03:
    keywords: [喇叭]
"""


def test_ambiguous_mechanism_is_generic(tmp_path):
    p = tmp_path / "matching.yaml"
    p.write_text(SYNTHETIC, encoding="utf-8")
    m = Matcher.load(p, {"ZS-01": "a", "ZS-02": "b", "ZS-03": "c"})
    r = m.match("工地太吵")
    assert r.status == "ambiguous"
    assert set(r.ambiguous[0]) == {"ZS-01", "ZS-02"}
    r = m.match("喇叭")
    assert r.status == "matched" and r.selected == ("ZS-03",)


# ---------------------------------------------------------------------------------------------
# Messy text.

MESSY = [
    ("有人烧秸杆！！！😡😡", {"NY-02"}),                    # typo + emoji
    ("村民燒秸稈，濃煙很大", {"NY-02"}),                      # traditional
    ("樓道裡給電動車充電", {"XF-01"}),
    ("網吧的安全出口被鎖死了", {"XF-03"}),
    ("国道１０６边摆摊😂", {"JT-03"}),                        # full-width digits
    ("Ｇ１０６路边有人摆了好几个水果摊", {"JT-03"}),
    ("楼下ＫＴＶ每天唱到凌晨两点，吵死了", set()),   # full-width KTV is KTV: entertainment-venue noise is out of the catalog
    ("占道经营", {"SR-05"}),                                 # short notes
    ("渣土车撒漏", {"SR-08"}),
    ("遛狗未牵绳", {"WM-01"}),
    ("夜间施工扰民", {"ZS-01"}),
    ("楼道飞线充电", {"XF-01"}),
    ("飞线充电", set()),      # a cable out of a window, charging outdoors (tests/matching/briefs/decisions.yaml)
    ("露天烧烤", {"DQ-01"}),
    ("占经", {"SR-05"}),                                     # inspector shorthand
    ("巡查：G106两处百米桩缺失，一处轮廓标被人为移位", {"JT-02"}),
    ("有人在小区门口乱到拉扱", {"SR-01"}),                    # homophones
    ("饭店油茵太大，我家窗台上一层油", {"DQ-02"}),
    ("您好，我是胜利路街道某小区的居民，姓王，电话13912345678，今天晚上十一点多，我们小区东门"
     "外面的人行道上又有几个烧烤摊在营业，油烟特别大，食客喝酒划拳一直闹到凌晨一两点，已经"
     "反映过好几次了，希望有关部门尽快处理，谢谢！", {"DQ-01", "ZS-02"}),   # stalls of the barbecue itself: SR-05 yields_to DQ-01
]


@pytest.mark.parametrize("text,expected", MESSY, ids=[t[:20] for t, _ in MESSY])
def test_messy_text(matcher, text, expected):
    # (what is routed: a family offered on an everyday word, 占道经营, routes its first member)
    r = matcher.match(text)
    assert set(r.routed()) == expected, [(c.matter, c.score) for c in r.candidates]


def test_spans_point_into_the_original_text(matcher):
    for text, _ in MESSY + CONFUSABLE:
        r = matcher.match(text)
        for c in r.candidates:
            assert c.spans, c
            for s in c.spans:
                assert 0 <= s.start < s.end <= len(text)
                assert text[s.start:s.end] == s.text


def test_spans_of_traditional_and_typo_text(matcher):
    text = "村民燒秸杆"
    r = matcher.match(text)
    spans = [s.text for s in r.candidates[0].spans]
    assert any("秸杆" in s for s in spans)            # highlighted as typed, not as corrected
    text = "国道１０６边摆摊"
    r = matcher.match(text)
    assert any(s.text == "国道" for s in r.candidates[0].spans)


def test_reasons_are_chinese_and_name_the_words(matcher):
    r = matcher.match("国道边上有人摆摊卖西瓜")
    c = r.candidates[0]
    assert c.matter == "JT-03"
    joined = "；".join(c.reasons)
    assert "命中“国道”（公路类）" in joined and "摊" in joined
    assert 0 < c.score <= 1


def test_only_emoji_is_no_fit(matcher):
    r = matcher.match("😡😡😡")
    assert r.status == "no_fit" and r.notes


@pytest.mark.parametrize("text", ["", "   ", "\n\t　"])
def test_empty_text_is_an_input_error(matcher, text):
    with pytest.raises(InputError, match="案情描述为空"):
        matcher.match(text)


def test_non_text_is_an_input_error(matcher):
    with pytest.raises(InputError):
        matcher.match(None)  # type: ignore[arg-type]


def test_to_json_is_plain_data(matcher):
    r = matcher.match("楼道里有人给电动车充电")
    data = r.to_json()
    json.dumps(data, ensure_ascii=False)
    assert data["status"] == "matched" and data["selected"] == ["XF-01"]
    c = data["candidates"][0]
    assert set(c) == {"matter", "score", "spans", "reasons", "selected"}
    assert set(c["spans"][0]) == {"start", "end", "text"}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(min_size=1, max_size=80), st.sampled_from(["国道", "摆摊", "秸秆", "噪音", "😀", "１"]))
def test_never_crashes_and_spans_are_exact(matcher, noise, word):
    text = noise + word + noise[::-1]
    if not text.strip():
        return
    r = matcher.match(text)
    assert r.status in ("matched", "no_fit", "ambiguous")
    assert (r.status == "no_fit") == (not r.selected and not r.ambiguous)
    for c in r.candidates:
        assert 0.0 <= c.score <= 1.0
        for s in c.spans:
            assert text[s.start:s.end] == s.text


# ---------------------------------------------------------------------------------------------
# Normalisation.

def test_a_shortened_word_is_completed_only_where_it_is_short():
    phrases = PhraseMap({"宅基": "宅基地", "消通": "消防通道"})
    assert normalize("他家宅基多占了", phrases).text == "他家宅基地多占了"
    assert normalize("他家宅基地证丢了", phrases).text == "他家宅基地证丢了"   # not 宅基地地证
    assert normalize("消通、消防通道", phrases).text == "消防通道、消防通道"


def test_normalize_maps_back_to_the_original():
    phrases = PhraseMap({"秸杆": "秸秆", "占经": "占道经营"})
    original = "Ａ燒 秸杆😀占经。"
    n = normalize(original, phrases)
    assert n.text == "a烧,秸秆占道经营。"   # (the space between two phrases is a comma)
    for i, ch in enumerate(n.text):
        assert 0 <= n.starts[i] < n.ends[i] <= len(original)
    i = n.text.index("占道经营")
    [(a, b)] = n.original_spans([(i, i + 4)])
    assert original[a:b] == "占经"            # a longer replacement highlights what was typed
    [(c, d)] = n.original_spans([(1, 2)])
    assert original[c:d] == "燒"
    # in order of position, and ranges that overlap or touch in the original made one
    assert n.original_spans([(i + 2, i + 4), (1, 2), (i, i + 2)]) == [(c, d), (a, b)]


def test_a_pictograph_the_typos_name_stands_for_its_word():
    phrases = PhraseMap({"🐶": "狗", "💩": "屎", "拉级": "垃圾"})
    original = "小区🐶💩\ufe0f😀拉级"
    n = normalize(original, phrases)
    assert n.text == "小区狗屎垃圾"          # 😀 (not listed) and the variation selector are dropped
    [(a, b)] = n.original_spans([(2, 4)])
    assert original[a:b] == "🐶💩"             # the words highlight the pictographs typed
    assert normalize("🐶💩没人管").text == "没人管"   # without the typos: dropped, as before


def test_a_pictograph_typo_routes_like_its_word(matcher):
    assert matcher.match("小区门口全是🐶💩没人管").selected == matcher.match("小区门口全是狗屎没人管").selected \
        == ("WM-02",)


def test_a_typo_must_be_a_word_or_a_single_pictograph(tmp_path, matters):
    def edit(data):
        data["typos"]["😀😀"] = "笑"
    problems = _problems(_broken(tmp_path, edit), matters)
    assert any("😀😀" in str(p) and "表情符号须单个写" in str(p) for p in problems), problems


def test_fold_width_case_and_line_breaks():
    assert fold("ＫＴＶ１２３，ＡＢ") == "ktv123,ab"
    assert fold("第一行\n\n第二行") == "第一行。第二行"
    assert fold("\u200b零宽\ufe0f字符") == "零宽字符"


def test_traditional_table_is_consistent():
    assert len(T2S) > 500
    for trad, simp in T2S.items():
        assert trad != simp
        assert simp not in T2S, f"{simp} 既是简体结果又被当作繁体再转换"


# ---------------------------------------------------------------------------------------------
# The knowledge file: generic code, strict loading.

def test_code_is_generic_over_the_yaml():
    source = (ROOT / "router" / "matching" / "matcher.py").read_text(encoding="utf-8")
    assert not re.search(r"\b[A-Z]{2}-\d{2}\b", source), "match.py 不应写死任何事项编号"


def test_matching_yaml_has_a_chinese_header_for_policy_staff():
    head = MATCHING.read_text(encoding="utf-8").splitlines()[:10]
    assert head[0].startswith("#") and "匹配" in head[0]


def _broken(tmp_path, edit) -> Path:
    """matching.yaml with `edit` made to it, in tmp_path (read and written by libyaml's C parser
    and emitter where PyYAML has them: 1.5 s less a call than the pure-Python ones)."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    data = yaml.load(MATCHING.read_text(encoding="utf-8"), Loader=loader)
    edit(data)
    p = tmp_path / "matching.yaml"
    p.write_text(yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return p


def _problems(path, matters):
    with pytest.raises(CatalogError) as exc:
        Matcher.load(path, matters)
    return exc.value.problems


def test_yields_to_names_other_matters(tmp_path, matters):
    def edit(d):
        d["matters"]["SR-05"]["yields_to"] = ["SR-05", "XX-99"]
    probs = [x for x in _problems(_broken(tmp_path, edit), matters) if x.entry == "SR-05"]
    assert [x.key for x in probs] == ["yields_to", "yields_to"]


def _with_topic(tmp_path, matters, **topic):
    def edit(d):
        d["nofit"]["测试蜂箱"] = {"words": ["蜂箱"], "note": "测试说明：蜂箱的事", "act": True, **topic}
    return Matcher.load(_broken(tmp_path, edit), matters)


def test_a_no_fit_topic_steps_aside_where_its_excluded_word_is_near(tmp_path, matters):
    m = _with_topic(tmp_path, matters, excludes=["养蜂人"])
    said = lambda text: any("测试说明" in n for n in m.match(text).notes)  # noqa: E731
    assert said("路口放了一排蜂箱")
    assert not said("养蜂人在路口放了一排蜂箱")
    # only near the topic's word (combo_window characters), as a matter's exclusions
    far = "养蜂人" + "，" + "今天上午天气很好大家都出门了" * 3 + "，路口放了一排蜂箱"
    assert said(far)
    # an occurrence of the word away from the excluded one still counts
    assert said("养蜂人来过了" + "。" + "隔壁王家院里的事" * 6 + "。路口又放了一排蜂箱")
    # without excludes the topic is told as before
    assert any("测试说明" in n for n in _with_topic(tmp_path, matters).match("养蜂人在路口放了一排蜂箱").notes)


def test_no_fit_excludes_are_checked_like_words(tmp_path, matters):
    def edit(d):
        d["nofit"]["测试蜂箱"] = {"words": ["蜂箱"], "note": "测试说明", "excludes": ["【没有这个词组】"]}
    probs = [x for x in _problems(_broken(tmp_path, edit), matters) if x.entry == "nofit"]
    assert [x.key for x in probs] == ["测试蜂箱.excludes"]


def test_scene_names_concepts(tmp_path, matters):
    def edit(d):
        d["scene"] = ["【高层】", "高楼", "【没有这个词组】"]
    probs = [x for x in _problems(_broken(tmp_path, edit), matters) if x.entry == "scene"]
    assert len(probs) == 2 and all("词组引用" in x.message for x in probs)


def test_unknown_matter_id(tmp_path, matters):
    p = _broken(tmp_path, lambda d: d["matters"].__setitem__("XX-99", {"keywords": ["某词"]}))
    probs = _problems(p, matters)
    assert any(x.entry == "XX-99" and "不在事项目录中" in x.message for x in probs)
    assert all(x.file == str(p) for x in probs)


def test_matter_without_entry(tmp_path, matters):
    p = _broken(tmp_path, lambda d: d["matters"].pop("WM-02"))
    probs = _problems(p, matters)
    assert any(x.entry == "WM-02" and "没有条目" in x.message for x in probs)


def test_unknown_key(tmp_path, matters):
    p = _broken(tmp_path, lambda d: d["matters"]["NY-02"].__setitem__("keywordz", ["烧"]))
    probs = _problems(p, matters)
    assert [(x.entry, x.key) for x in probs] == [("NY-02", "keywordz")]
    assert "未知的键" in probs[0].message


def test_bad_type(tmp_path, matters):
    p = _broken(tmp_path, lambda d: d["matters"]["NY-02"].__setitem__("keywords", 5))
    probs = _problems(p, matters)
    assert any(x.entry == "NY-02" and x.key == "keywords" and "应为列表" in x.message for x in probs)


def test_all_problems_are_reported_at_once(tmp_path, matters):
    def edit(d):
        d["matters"]["XX-99"] = {"keywords": ["某词"]}
        d["matters"]["SR-06"]["keywordz"] = []
        d["matters"]["SR-07"]["combos"] = ["【没有这个词组】+阳台"]
        d["matters"]["SR-08"]["weak"] = [{"cue": "撒", "weight": 2}]
        d["concepts"]["坏正则"] = ["re:("]
        d["settings"]["select_threshold"] = "高"
        d["families"]["噪声"]["members"].append("ZZ-01")
        d["bogus"] = 1
    p = _broken(tmp_path, edit)
    probs = _problems(p, matters)
    where = {(x.entry, x.key) for x in probs}
    assert ("XX-99", None) in where
    assert ("SR-06", "keywordz") in where
    assert ("SR-07", "combos") in where
    assert ("SR-08", "weak") in where
    assert ("concepts", "坏正则") in where
    assert ("settings", "select_threshold") in where
    assert ("families", "噪声") in where
    assert (None, "bogus") in where
    text = str(CatalogError(probs))
    assert str(p) in text and "XX-99" in text


def test_a_ratio_setting_is_a_ratio_not_a_share(tmp_path, matters):
    """order_ratio says how many times likelier: its own default (2.0) can be written out, and a
    share (0.5) or nonsense is refused with what is accepted."""
    def with_ratio(value):
        return _broken(tmp_path, lambda d: d["settings"].__setitem__("order_ratio", value))
    m = Matcher.load(with_ratio(2.0), matters)
    assert m.settings["order_ratio"] == 2.0
    m = Matcher.load(with_ratio(1.5), matters)
    assert m.settings["order_ratio"] == 1.5
    for bad in (0.5, "两倍", True, 1000):
        probs = _problems(with_ratio(bad), matters)
        assert [(x.entry, x.key) for x in probs] == [("settings", "order_ratio")], bad
        assert "1 到 100 之间的倍数" in probs[0].message


def test_a_plus_in_a_topic_word_is_refused(tmp_path, matters):
    """A topic's words are single words or gapped words: "甲+乙" there would look for a "+" that no
    description has (it never matched, and nothing said so). It is refused with what to write."""
    def edit(d):
        name = next(iter(d["nofit"]))
        d["nofit"][name]["words"].append("土路+硬化")
    probs = _problems(_broken(tmp_path, edit), matters)
    assert len(probs) == 1 and probs[0].entry == "nofit"
    assert "“土路+硬化”" in probs[0].message and "甲…乙" in probs[0].message


def test_a_word_starting_with_a_bracket_without_choices_is_refused(tmp_path, matters):
    """(证明) or (城中村)…路灯 would be looked for with its brackets (as 村(居)民 is, where the
    brackets stand inside a legal name) and never be found; it is refused with what to write."""
    def edit(d):
        name = next(iter(d["nofit"]))
        d["nofit"][name]["words"].append("(已|已经)办理…(证明)")
        d["matters"]["SR-05"]["keywords"].append("(城中村)摆摊")
    probs = _problems(_broken(tmp_path, edit), matters)
    assert sorted((p.entry, p.key) for p in probs) == sorted([("nofit", next(iter(
        yaml.safe_load(MATCHING.read_text(encoding="utf-8"))["nofit"]))), ("SR-05", "keywords")])
    assert all("开头的括号里没有“|”" in p.message for p in probs)


class _OneBody:
    """A stand-in for the competent-body model: always this body, at this probability."""

    def __init__(self, body, p):
        self.body, self.p = body, p

    def probabilities(self, text):
        return {self.body: self.p, "别的部门": 1 - self.p}


def test_a_guessed_body_carries_the_names_all_its_topics_give_it(matcher, tmp_path, matters):
    """The model's guess of a body shows the names that every topic of that body agrees on, not
    those of whichever topic comes first in the file (a topic may also name a body that shares
    the work): moving a topic to the top changes nothing."""
    def with_topics(first_extra):
        def edit(d):
            topics = {"甲类问题": {"words": ["甲类词"], "note": "说明。", "body": "测试部门",
                                   "aliases": ["测试局", "另一个部门", "测试所"],
                                   "basis": "测试依据", "source": "测试出处"},
                      "乙类问题": {"words": ["乙类词"], "note": "说明。", "body": "测试部门",
                                   "aliases": ["测试所", "测试局"],
                                   "basis": "测试依据", "source": "测试出处"}}
            order = ["甲类问题", "乙类问题"] if first_extra else ["乙类问题", "甲类问题"]
            rest = d["nofit"]
            d["nofit"] = {k: topics[k] for k in order}
            d["nofit"].update(rest)
        m = Matcher.load(_broken(tmp_path, edit), matters)
        m._competent_model = _OneBody("测试部门", 0.9)
        r = m.match("俺家的羊跑丢了一只")
        assert r.status == "no_fit" and [g.body for g in r.guidance] == ["测试部门"]
        return r.guidance[0].aliases
    a, b = with_topics(True), with_topics(False)
    assert set(a) == set(b) == {"测试局", "测试所"}


def test_yaml_syntax_error_names_the_file(tmp_path, matters):
    p = tmp_path / "matching.yaml"
    p.write_text("matters: [\n", encoding="utf-8")
    probs = _problems(p, matters)
    assert probs[0].file == str(p) and "YAML" in probs[0].message


def test_concept_cycle_is_reported(tmp_path, matters):
    def edit(d):
        d["concepts"]["甲"] = ["【乙】"]
        d["concepts"]["乙"] = ["【甲】"]
    probs = _problems(_broken(tmp_path, edit), matters)
    assert any("循环" in x.message for x in probs)


# ---------------------------------------------------------------------------------------------
# Generalisation: families of words, not sentences (dialect, indirect and shorthand phrasings
# written for these tests, none taken from the labelled sets).

LANGUAGE = [
    ("县道路口的限高架让大货车给顶歪了", {"JT-02"}),              # verb + result complement
    ("村里新修的公厕门被人踹烂了", {"GH-04"}),
    ("国道边上的交通标志被人拿走当废铁卖了", {"JT-02"}),          # 被人… frame with the object
    ("乡道上一溜晾着花生，占了大半个路", {"JT-03"}),              # (晒|晾)…(花生|…)
    ("三楼那家的电车子天天在楼梯底下充着", {"XF-01"}),
    ("恁这工地黑价干到明，吵得人睡不着", {"ZS-01"}),              # dialect: 黑价 = at night
    ("超市把应急出口当仓库用，门里头码着一人多高的货", {"XF-03"}),
    ("消防栓让人用木板钉起来了", {"XF-06"}),
    ("十八楼的住户把电动车放在楼道里", {"XF-07"}),               # Chinese numerals for floors
    ("后院老王家接了个抽水的机器在自来水管上，俺家龙头一滴水都没有", {"SL-01"}),
    ("夜里水库那边有亮光，第二天岸边全是翻白的死鱼，有人背着电瓶", {"SL-02"}),
    ("他家都有两处院子了，今年又在责任田里打地基", {"NY-01"}),
    ("一楼住户把门口的绿地铺了砖当院子", {"LH-02"}),
    ("集镇上的居民户未经审批翻盖自住房", {"GH-03"}),              # town resident: Henan article
    ("村里有户人家拆了老房子翻盖，没等批下来就开工了", {"GH-02"}),   # one choice: GH-02/03
    # 并在… starts another act as 还 does: the distance from the road said of the shed does not
    # take the stall off the road shoulder (before: the street family, JT-03 excluded)
    ("村民在乡道路肩上摆摊卖西瓜，并在离公路三四米的地方盖了个看瓜的棚子", {"JT-03"}),
]


@pytest.mark.parametrize("text,expected", LANGUAGE, ids=[t[:16] for t, _ in LANGUAGE])
def test_language_families(matcher, text, expected):
    r = matcher.match(text)
    assert set(r.routed()) == expected, [(c.matter, c.score, c.reasons) for c in r.candidates[:3]]


LANGUAGE_NOFIT = [
    "有住户从自家窗户放下一根电线给楼下的电瓶车充电",           # the bike is outside: no corridor (sets' convention)
    "小区能不能多装点电动车充电桩？现在排队充不上",             # a legal charging point
    "村里广场上的健身器材坏了好长时间了，也没人来修",           # broken, not damaged by anyone
    "楼上装修，电钻从早上八点响到晚上",                         # household renovation
    "楼上小孩天天跑跳，吵得睡不着",
    "工厂烟囱天天冒黑烟，离我们小区也就几百米",
]


@pytest.mark.parametrize("text", LANGUAGE_NOFIT, ids=[t[:16] for t in LANGUAGE_NOFIT])
def test_language_nofit(matcher, text):
    r = matcher.match(text)
    assert r.status == "no_fit", [(c.matter, c.score) for c in r.candidates[:3]]


def test_place_words_and_whole_words(matcher):
    # 工地里 is 工地 + 里: no 地里 (farmland) in it
    r = matcher.match("后半夜挖掘机、渣土车在工地里头轰隆隆的")
    assert set(r.routed()) == {"ZS-01"}
    # 院坝 (a yard) is no 坝 (a dam)
    r = matcher.match("烧烤店老板把炉子搬到自家店前院坝里露天烤，烟雾缭绕")
    assert "SL-03" not in r.routed() and "DQ-01" in r.routed()
    # 没人 (nobody) is no 人 (people) carried by a vehicle (拉了…人: overloading, the traffic police)
    r = matcher.match("单元门口狗屎拉了一片没人收拾")
    assert r.routed() == ("WM-02",) and not r.guidance
    assert [g.body for g in matcher.match("三轮车上拉了七八个人").guidance] == ["公安机关交通管理部门"]


def test_verb_phrases_hide_nothing(matcher):
    # 拔走 (damage word) still says 拔 (greening word)
    r = matcher.match("公园绿地里的喷灌头被人拔走了好几个")
    assert set(r.routed()) == {"LH-01"}


MECHANISMS = """
whole: [院坝, 麦当劳]
concepts:
  坏: [(撞|砸)(坏|烂)]
  晒: [(晒|晾)…(麦|豆)]
  坝: [坝]
  迹象: [被人, 私自]
relaxed:
  threshold: 0.3
  margin: 0.15
  markers: [【迹象】]
matters:
  JT-02:
    combos: [护栏+【坏】]
  JT-03:
    combos: [公路+【晒】]
    excludes: [城里]
  SL-03:
    combos: [【坝】+挖]
  XF-04:
    keywords: [灭火器过期]
    weak: [灭火器]
"""


@pytest.fixture()
def mech(tmp_path):
    p = tmp_path / "matching.yaml"
    p.write_text(MECHANISMS, encoding="utf-8")
    return Matcher.load(p, {m: m for m in ("JT-02", "JT-03", "SL-03", "XF-04")})


def test_choice_groups_expand_to_plain_words(mech):
    assert mech.match("护栏被撞烂了").selected == ("JT-02",)
    assert mech.match("护栏被砸坏了").selected == ("JT-02",)
    assert mech.match("护栏被撞了").status == "no_fit"
    assert mech._regex_src == ()              # choices and gaps are no regular expressions


def test_gapped_words_without_regex(mech):
    assert mech.match("公路上晾了一地麦子").selected == ("JT-03",)
    assert mech.match("公路上晾衣服。麦子在家").status == "no_fit"      # not across a clause break
    assert mech.match("公路上晒着的是别人家今年刚收完的麦子").status == "no_fit"  # gap too long
    assert mech.match("公路上晒衣服，麦子在家").selected == ("JT-03",)      # a comma alone joins
    # …but not a comma that adds another act: 晒 and 麦 belong to two acts
    assert mech.match("公路上晒衣服，还把麦子").status == "no_fit"
    assert mech.match("公路上晒衣服，又拉来麦子").status == "no_fit"


def test_a_gapped_word_keeps_its_choices_piece_by_piece(mech):
    """(晒|晾)…(麦|豆) is one gapped word whose pieces have two words each, not four gapped
    words; every combination still counts, and where two choices both occur at one place both
    occurrences are kept (晒…麦 and 晒…麦子豆 do not hide each other)."""
    gaps = [k for k in mech._gap_terms]
    assert gaps == ["gap:晒|晾…麦|豆"]
    for text in ("公路上晒了一地麦子", "公路上晾了一地麦子", "公路上晒了一地豆子", "公路上晾着豆子"):
        assert mech.match(text).selected == ("JT-03",), text
    occ = mech._find("晒麦豆")
    assert occ["gap:晒|晾…麦|豆"] == [(0, 3), (0, 2)]     # longer first at one place
    # the characters of the word itself, not of its gap (公路 in the gap is evidence of its own)
    assert list(mech._word_positions("gap:晒|晾…麦|豆", 0, 6, "晒在公路上麦")) == [0, 5]


def test_a_text_naming_many_choices_is_searched_once(tmp_path, monkeypatch):
    """Where more combinations of a gapped word's choices occur than _MAX_CHOICES_TRIED, the word
    is looked for once over all of them (a long text stays fast): still found, shortest."""
    import router.matching.matcher as mm
    p = tmp_path / "matching.yaml"
    p.write_text("matters:\n  SR-03:\n    keywords: [\"(甲|乙|丙)…(子|丑|寅)\"]\n", encoding="utf-8")
    m = Matcher.load(p, {"SR-03": "SR-03"})
    text = "甲乙丙子丑寅"
    every = m._find(text)["gap:甲|乙|丙…子|丑|寅"]
    monkeypatch.setattr(mm, "_MAX_CHOICES_TRIED", 4)        # 3 × 3 combinations occur
    once = m._find(text)["gap:甲|乙|丙…子|丑|寅"]
    assert len(every) == 9 and (0, 4) in every        # each combination, as if written out
    assert once == [(2, 4)]                            # the nearest start: shortest
    assert m.match("有人甲了一下丑").selected == ("SR-03",)


def test_a_gapped_word_starts_at_its_nearest_first_piece(matcher, mech):
    """甲…乙 is the shortest span that reaches 乙: in 遛狗的人不收狗屎，狗也不拴绳 the word 狗…不拴 is 狗也不拴,
    not a span from 遛狗 over the dog mess, which made the droppings WM-01's evidence and lost WM-02."""
    r = matcher.match("遛狗的人不收狗屎，狗也不拴绳")
    assert set(r.selected) == {"WM-01", "WM-02"}
    assert mech._find("公路上晒衣服晒麦子")["gap:晒|晾…麦|豆"] == [(6, 8)]


def test_a_choice_group_across_a_gap_is_written_out(tmp_path):
    """A group that holds a gap, 车位…(被占|占了) inside (院里|小区)…(乱停|车位…(被占|占了)), cannot be
    kept piece by piece: such a word is written out as before, and still matches."""
    p = tmp_path / "matching.yaml"
    p.write_text("matters:\n  XF-02:\n    keywords: [\"(院里|小区)…(乱停|车位…(被占|占了))\"]\n",
                 encoding="utf-8")
    m = Matcher.load(p, {"XF-02": "XF-02"})
    assert len(m._gap_terms) == 6
    assert m.match("小区里的车位总是被占").selected == ("XF-02",)
    assert m.match("院里乱停").selected == ("XF-02",)


def test_a_regular_expression_keeps_its_own_plus(tmp_path):
    """In a cue, “+” joins parts, but a `re:` part runs to the end of the cue: its “+” (one or more)
    belongs to the expression. (Read as two parts, re:堆了\\d and 方, the cue had matched a count of
    piles and a 方 said elsewhere, and catalog check had taken 方 for a word.)"""
    p = tmp_path / "matching.yaml"
    p.write_text('matters:\n  GH-05:\n    keywords: ["re:堆了\\\\d+方", "re:堆了\\\\d+方沙子砖头石子"]\n'
                 '    combos: ["村口+re:堆了\\\\d+车"]\n', encoding="utf-8")
    m = Matcher.load(p, {"GH-05": "GH-05"})
    assert m.long_words == ()      # (read as parts, 方沙子砖头石子 was a written word of 7 characters)
    assert m.match("门口堆了20方沙子").selected == ("GH-05",)
    assert m.match("门口堆了2堆，说要20方").status == "no_fit"
    assert m.match("村口堆了3车砖").selected == ("GH-05",)


def test_a_gapped_exclusion_does_not_reach_into_the_next_act(matcher):
    """烧…垃圾 (burning refuse) excludes the refuse-dumping matter; across “，又把” it is two acts."""
    text = "城里十字路口有人烧电线，又把垃圾倒在路边"
    assert set(matcher.match(text).selected) == {"DQ-05", "SR-01"}
    assert "SR-01" not in matcher.match("城里十字路口有人烧电线和垃圾").selected


def test_whole_word_hides_its_head(mech):
    assert mech.match("有人在坝上挖土").selected == ("SL-03",)
    assert mech.match("有人在院坝里挖土").status == "no_fit"


def test_whole_word_lends_no_single_character_to_a_gapped_word(mech):
    assert mech.match("公路上晒衣服，麦子在家").selected == ("JT-03",)
    # the 麦 of 麦当劳 is no piece of 晒…麦: a whole word is read as one
    assert mech.match("公路上晒衣服，麦当劳在家").status == "no_fit"


def test_exclusion_counts_only_near_the_evidence(mech):
    assert mech.match("城里的公路上晒麦子").status == "no_fit"
    far = "我是城里来的，" + "说来话长，" * 10 + "看见公路上晒麦子"
    assert mech.match(far).selected == ("JT-03",)


def test_relaxed_second_pass(mech):
    r = mech.match("灭火器被人拿走了")
    assert r.selected == ("XF-04",) and any("依据较弱" in n for n in r.notes)
    r = mech.match("灭火器放在门口")          # no marker of wrongdoing: nothing is guessed
    assert r.status == "no_fit"


def test_malformed_choice_and_relaxed_are_reported(tmp_path, matters):
    def edit(d):
        d["concepts"]["坏选择"] = ["(甲|乙"]
        d["concepts"]["坏竖线"] = ["甲|乙"]
        d["relaxed"]["threshold"] = 2
    probs = _problems(_broken(tmp_path, edit), matters)
    where = {(x.entry, x.key) for x in probs}
    assert ("concepts", "坏竖线") in where
    assert ("relaxed", "threshold") in where


def test_unpickled_matcher_compiles_no_regex_until_used(matcher):
    import pickle
    m = pickle.loads(pickle.dumps(matcher))
    assert m._regex_terms == {}
    assert m.match("国道边上摆摊卖桃子").selected   # (瓜 is a character of a re: word)
    assert m._regex_terms == {}, "a text without the characters of any re: word compiles none"
    assert m.match("Ｇ１０６路边有人摆了好几个水果摊").selected == ("JT-03",)
    assert 0 < len(m._regex_terms) < len(m._regex_src)


class _Everything(dict):
    """An index that lists every entry under every word: no shortcut at all."""

    def __init__(self, entries):
        super().__init__()
        self.entries = tuple(entries)

    def __contains__(self, key) -> bool:
        return True

    def __getitem__(self, key):
        return self.entries

    def get(self, key, default=None):
        return self.entries


def test_indexes_are_only_shortcuts(matters):
    """The matcher tries only the gapped words listed under a piece that occurs, the regular
    expressions listed under a character of the text, the cues listed under a word found and the
    no-fit categories naming one; trying everything gives the same results."""
    fast = Matcher.load(MATCHING, matters)
    # a copy of its own (Matcher.load gives the one matcher built for these files, which the
    # other tests use: changing its indexes would change theirs, and compare it with itself)
    slow = pickle.loads(pickle.dumps(fast, protocol=pickle.HIGHEST_PROTOCOL))
    assert slow is not fast and Matcher.load(MATCHING, matters) is fast
    slow._gaps_by_piece = _Everything(range(len(slow._gap_terms)))
    slow._regex_by_char = {}
    slow._regex_always = tuple(range(len(slow._regex_src)))
    slow._regex_more = {}
    slow._regex_strings = (None,) * len(slow._regex_src)
    slow._exclusions = lambda rule, found: rule.excludes     # every exclusion tried
    slow._nofit_by_term = _Everything(range(len(slow._nofit)))
    slow._cues_by_term = _Everything(range(len(slow._cue_matter)))
    texts = [t for t, _ in CONFUSABLE + MESSY + NOFIT + LANGUAGE]
    texts += [t if isinstance(t, str) else t[0] for t in LANGUAGE_NOFIT]
    dev = yaml.safe_load((ROOT / "tests" / "matching" / "dev.yaml").read_text(encoding="utf-8"))
    dev = [item["text"] for item in dev if isinstance(item, dict) and "text" in item]
    # the slow matcher tries every cue on every text (~0.15 s a text): every third text of dev.yaml
    # by default (the test took 93 s of a CI run with all 450), all with ZHIFA_SLOW_TESTS=1
    texts += dev if os.environ.get("ZHIFA_SLOW_TESTS") == "1" else dev[::3]
    assert len(texts) > 250
    for t in texts:
        assert fast.match(t).to_json() == slow.match(t).to_json(), t


# A phone message that separates its phrases with spaces tells its things apart as a comma would
# (written for this test; each text fails when the space is dropped instead).
SPACED = [
    ("饭店后厨油烟直排 门口还摆桌子露天烧烤", {"DQ-01", "DQ-02"}),
    ("超市安全出口堆满纸箱 门口消火栓也叫广告牌挡了", {"XF-03", "XF-06"}),
    # the comma a space becomes is the one the act rules read (",还" starts another act): as a
    # full-width "，" it was not, and the stall was lost to the loudspeaker (thirty-third session)
    ("超市门口摆摊卖水果 还拿大喇叭喊", {"SR-05", "ZS-03"}),
]


@pytest.mark.parametrize("text,expected", SPACED, ids=[t for t, _ in SPACED])
def test_a_space_between_phrases_ends_a_clause(matcher, text, expected):
    assert set(matcher.match(text).selected) == expected
    assert set(matcher.match(text.replace(" ", "，")).selected) == expected


# The name of a channel is no evidence: 网络问政 is where a message was left, not a broken network
# (the repair topic raised the bar for every message so headed; thirty-third session).
CHANNELS = [
    ("【网络问政】网友留言：有人在县道上晒麦子", {"JT-03"}),
    ("网络问政：小区楼道里停满了电动车", {"XF-03"}),
]


@pytest.mark.parametrize("text,expected", CHANNELS, ids=[t for t, _ in CHANNELS])
def test_a_channel_name_is_no_evidence(matcher, text, expected):
    r = matcher.match(text)
    assert set(r.selected) == expected and "报修求助" not in r.outside


# What a grid worker reports is the thing reported, not the worker's manner: 网格员…扰民 and
# 网格员…横(幅) were read as a complaint about the worker (thirty-third session).
GRID_REPORTS = [
    ("网格员上报：夜里施工扰民", ("ZS-01",)),
    ("网格员上报：电线杆上挂横幅", ("SR-06",)),
    ("网格员上报：广场舞扰民", ("ZS-02",)),
    ("网格员发现：行道树上挂横幅", ("SR-06",)),
]


@pytest.mark.parametrize("text,expected", GRID_REPORTS, ids=[t for t, _ in GRID_REPORTS])
def test_a_grid_workers_report_is_no_complaint_about_the_worker(matcher, text, expected):
    r = matcher.match(text)
    assert r.selected == expected and "网格员投诉" not in r.outside


@pytest.mark.parametrize("text", ["网格员说话太横了，俺要投诉他", "网格员巡查时态度很横"])
def test_a_complaint_about_a_grid_worker_is_still_one(matcher, text):
    assert "网格员投诉" in matcher.match(text).outside


def test_a_broken_network_is_still_a_repair(matcher):
    assert "报修求助" in matcher.match("家里网络坏了，宽带师傅一直不来").outside


def test_a_space_inside_latin_or_digits_is_still_dropped():
    from router.matching.textnorm import fold_chars
    assert fold_chars("12345 工单")[0] == "12345工单"
    assert fold_chars("村口  堆粪 ")[0] == "村口,堆粪"
    text, starts, ends = fold_chars("村口 堆粪")
    assert text == "村口,堆粪" and (starts[2], ends[2]) == (2, 3)   # the comma maps to the space


def test_one_phrase_gets_one_note(matcher):
    """A question's words can hit several out-of-catalog topics at once: the general "罚多少" and
    "罚多少钱" lie inside or across the longer "充电,罚多少" of the topic that names the body.
    The clerk reads one note for that phrase, and the body is still named."""
    r = matcher.match("楼道里给电动车充电，罚多少钱？")
    quoted = [n for n in r.notes if n.startswith("“")]
    assert len(quoted) == 1 and "充电" in quoted[0]
    assert r.guidance and r.guidance[0].body == "消防救援机构"
    # topics whose words do not overlap each keep their own note
    r = matcher.match("我想问问办理什么手续，另外邻居家吵架打起来了")
    assert len([n for n in r.notes if n.startswith("“")]) >= 2


# Words the nineteenth session's review of the rounds' additions found too broad (each of these texts
# was read wrongly before the mend; tests/matching/README.md, "Nineteenth session").
REVIEW_MENDS_19 = [
    ("补办身份证去哪补", "宅基地审批", None),               # 补办 alone is any replacement
    ("街道办事处说要报备", "移风易俗", None),                # the 办事 of 街道办事处 is no 办事 (a wedding)
    ("我带老人去小诊所看病", "诈骗赌博", None),              # taking one's mother to a clinic is no 医托
    ("来电人反映小区门口的井盖已经没了", "核查无违法", None),  # a cover gone is a report, not "dealt with"
    ("回访：井盖没了，还没补", "核查无违法", None),
    ("未经业主认可就把绿地改成了停车场", "核查无违法", ("LH-02",)),
    ("上次反映的饭店油烟问题，街道到现在也没处理", "乡镇街道执法人员投诉", None),
    ("饭店排烟机不开，油烟直排", None, ("DQ-02",)),          # a kitchen hood is no fire-smoke fan
    ("俺家院里的空地上邻居盖了间小房子", None, ()),           # one's own yard is no compound's open ground
    # a pipe broken is no road cut to drain water; nor is a truck breaking it a spill: out of the
    # catalog since the retrained outside model (twenty-first session), SR-08 listed as the closest
    ("拉土车把村道边的水管破了一直在放水", None, ()),
    ("麦收的时候，有人在城区的小区里加盖了一层", None, ()),     # a season is no village
]

# Words the twenty-first session's review of round 63's additions found too broad (each of these texts,
# written by the reviewer, was read wrongly before the mend).
REVIEW_MENDS_21 = [
    ("集上卖的小狗便宜，五十块一只", None, ()),                      # the 狗便 of 狗便宜 is no dog's mess
    ("在楼道里给电动车充电是啥意思，不怕着火吗", "名词解释", ("XF-01",)),  # a reproach, not a term asked about
    ("昨晚有人在渠堤上挖土已经拉走了", "核查无违法", ("SL-03",)),      # the digger carted it off: a report
    ("社区干部三天两头上门，可他家还往河里倒垃圾", "网格员投诉", ("SR-01",)),  # visits to persuade, no complaint
    ("在楼道里给电动车充电的就该罚嘛", "问是否允许", ("XF-01",)),      # "就该罚嘛" says it should be fined
    ("卖菜的摊子占了半条街，还把脏水泼到路上", None, ("SR-05",)),     # the water poured is another act
    ("养牛户的拌料机晚上十一点还在响", None, ()),                     # a feed mixer is no building machine
    # the review of round 64's additions (the same session)
    ("执法人员巡查发现，有人将县道边的护栏损坏", "拆违损坏财物", ("JT-02",)),  # a patrol is no demolition
    ("天天往俺家门口倒垃圾是啥意思", "询问", None),                  # a reproach, not a term asked about
    ("承包地里盖了房，谁批的？", "设施农用地咨询", None),             # "who approved it?" asks nothing
    ("村东有人在麦地里挖土拉走卖，啥证也没有", "取土手续咨询", ("ZR-02",)),  # no permit: a report
    ("中考管控期间，工地夜里还在施工，吵得孩子睡不着", "重污染预警停工", ("ZS-01",)),  # exam controls, no smog
    ("工地半夜还在施工，渣土车来来回回，吵得睡不着", None, ("ZS-01",)),  # the works are said too
    ("路灯杆上挂了好多商家的广告横幅，啥时候拆啊", "节日灯饰", ("DL-02",)),  # traders' banners, not the city's
    ("胡同里老王家新装了个大门，挺气派", None, ()),                  # a house door in a lane closes no lane
    ("开发商拆迁工地的建筑垃圾乱倒在路边，一直没清走", "拆违垃圾清运", ("SR-02",)),  # dumped, not left behind
]

# Words the twenty-second session's review of round 65's additions found too broad (each of these texts,
# written by the reviewer, was read wrongly before the mend).
REVIEW_MENDS_22 = [
    ("楼下开了个午托班，中午孩子吵得没法休息", None, ()),              # lunchtime care is no kitchen (DQ-03)
    ("学校门口卖菜的拿喇叭喊，太吵了", None, ("ZS-03",)),               # a vendor's loudspeaker at the gate
    ("下雪天有人把砖头堆在县道上", None, ("JT-03",)),                  # a snowy day: the bricks are piled, not snow
    ("物业给小区的绿化树树根灌了农药防虫", None, ()),                  # pest control is tree care
    ("俺村有人把三轮车横在路中间，车过不去", None, ()),                # a tricycle across the road is no stall
    ("垃圾收集口堆满了垃圾没人清", None, ()),                          # the 集口 of 收集口 is no market's mouth
    ("村里广场上有人私搭了个彩钢棚，已移交镇综合执法队", None, ("GH-06",)),  # handed to the township's own team
    ("村里下水道的淤泥扔到坑里了", None, ()),                          # the 下水 of 下水道 is no offal
    ("饭店把下水扔在后门口路边，臭得很", None, ("SR-01",)),             # a roadside names no village
    ("昨晚一辆车撞了护栏开进绿化带里，司机跑了", None, ()),            # a crash is no parking on the green
    ("大队部门口有人在劈柴，劈了一堆", None, ("GH-05",)),               # chopping firewood breaks no facility
    ("俺家过道里生了个煤炉子取暖", None, ()),                          # a house's own passage is no escape route
    ("昨晚大风，路边的树枝都摇断了，砸了车", None, ()),                 # the wind shook them, nobody did
    ("村口变压器上挂了块高压危险的牌子", None, ()),                    # a warning sign is no advertisement
    ("学校宿舍楼的广播天天喊，住宿三年了受不了", None, ("ZS-02",)),     # three years' stay is no room price
    ("说是整改已经完成了，可饭店油烟还是直排", "核查无违法", ("DQ-02",)),  # hearsay, then disputed
]


# Words the twenty-third session's review of round 66's additions found too broad (each of these texts,
# written by the reviewer, was read wrongly before the mend).
REVIEW_MENDS_23 = [
    ("饭店门一关里面人就开始打牌，吵到半夜", "电梯困人救援", None),          # people inside a shut door, no lift
    ("夜市烧烤摊累计劝导3次仍在人行道上摆桌子", "核查无违法", ("DQ-01",)),  # persuaded thrice, still there
    ("城管来了，那个摆摊的态度很横", "执法人员投诉", None),                  # the vendor's manners, not the officer's
    ("村里一个老人说坑塘边上的垃圾没人管", "民政", ("SR-03",)),              # the old man reports the rubbish
    ("房东把门口人行道划成车位收钱", "停车收费", ("SR-05",)),                # a pavement, not the landlord's yard
    ("楼道里堆满了装修剩的油漆桶", "安全生产", ("XF-03",)),                  # a packed stairwell, no paint store
    ("租户搬走了，留下的垃圾全扔到村口坑塘里了", "房屋租赁纠纷", ("SR-03",)),  # dumped at the pond, not left in the room
    ("俺家的房冬天漏风，物业也不修", "房屋租赁纠纷", None),                  # 房 + 冬天 is no 房东
    ("我家住楼上，楼下广场舞天天蹦跶到半夜", "邻里纠纷", ("ZS-02",)),        # square dancing below, no upstairs family
    ("楼道里停着电动车在充电，旁边还放着孩子的滑板车", None, ("XF-01",)),    # the e-bike charges; the scooter just stands
    ("俺家和邻居中间的过道，他家垒了个灶台", None, ()),                      # a passage between two houses
    ("城里饭店把啤酒箱子码到当街，人都过不去", None, ()),                    # 当街 in town names no village street
    ("镇上公园里有人把树砍了", None, ("LH-01",)),                             # trees, not the park's benches
    ("庙会上摆摊的把路占了，能不能让他们挪挪", "集市摊位", None),            # a report, not asking for a pitch
    ("岳村镇建设路边的垃圾桶让人砸了", "城区垃圾桶损坏", ("SR-04",)),          # a township has its 建设路 too
    ("拉砖的货车把砖卸在巷口，堵得进不去", "货车停放占道", None),            # the bricks block the lane, not the lorry
    ("俺村老李家在露台上用彩钢瓦封了一间", "城区违建", None),                # a village house is no city building
    ("装修的把吃剩的盒饭垃圾扔楼下绿地上了", None, ("SR-01",)),              # decorators' lunch boxes are litter
    ("公园草坪上有人铺着垫子吃草莓啃鸭脖，垃圾扔一地", None, ("SR-01",)),    # a picnic, no duck grazing the lawn
    ("村里老王家门洞里搁着他娘的寿材", None, ()),                            # a house's own gateway, no building's
    ("城中村有人开的停车场收停车费太贵了", "私收停车费", None),              # a car park's price, nobody collecting on the lane
    ("学校走廊尽头的教室生着火炉，怕孩子中毒", None, ()),                    # the stove is in the classroom
    ("城镇公园里的长椅叫人砸坏了", None, ("LH-01",)),                         # 城镇 is town and city, no township
    ("饭店后厨的泔水直接倒进巷子口的垃圾桶里", "泼倒污水", ("SR-01",)),       # into a bin, not onto the lane
]



# Words the twenty-fourth session's review of round 67's additions found too broad (each of these texts,
# written by the reviewer, was read wrongly before the mend).
REVIEW_MENDS_24 = [
    ("城管让摊主把三轮车推走，摊主就是不听", "治安案件", None),              # told to push the cart away, nobody hurt
    ("工作人员叫他打扫门口卫生，他不干", "治安案件", None),                  # 打扫 is sweeping, not a blow
    ("小区门口停了一辆大巴，车上的人往外扔垃圾", "违章停车", ("SR-01",)),    # a parked coach is the scene, litter the act
    ("化肥店把化肥堆到门口马路上了", "村街放化肥", ("SR-05",)),              # a town shop's goods on the street
    ("有个人骑电动车，车筐里装着小广告，挨个往楼道门上贴", None, ("SR-06",)),  # ads carried in a basket, stuck on doors
    ("水渠被人用土填死了，污水排不出去", None, ("SL-03",)),                  # the canal filled in; nobody poured sewage
    ("夜市关了以后，摊主把垃圾扔得满地都是", "夜市摊位费", ("SR-01",)),      # after the market closed, no question why
    ("邻居家的空调外机放在自家院子地上，对着俺家窗户吹", None, ()),          # one's own yard is no street
    ("您反映的工地夜间施工问题已转住建局处理，请问您满意吗", None, ()),      # a satisfaction call closes the case
    ("巡查发现路边一处煤堆，现场未覆盖", None, ()),                          # 现场 of a coal heap is no building site
    ("修车铺用角磨机切排气管，声音刺耳", None, ()),                          # an angle grinder in a garage
    ("俺坐在树底下削苹果皮", None, ()),                                      # peeling an apple harms no tree
    ("两个人在公园树底下揪了起来", None, ()),                                # a scuffle under a tree
    ("墙上贴了房屋出租通告，撕了又贴", None, ("SR-06",)),                    # a letting notice is a small ad
    ("居民反馈：烧烤摊已劝离，可晚上十点又摆出来了", "核查无违法", None),    # sent away, then back again
    ("快递员不送上门，每次都把快递放楼道里就走", None, ()),                  # a delivery complaint, no stairwell piled
    ("我去镇上的路上，看见村口有人堆了一堆柴火", None, ("GH-05",)),          # on my way to town; the heap is at the village
    ("草莓大棚里盖了两间房，装修得跟别墅一样", "种植大棚", None),            # a house in a greenhouse is no farming
]


# Words the review of round 68's additions found too broad (each of these texts, written by the
# reviewer, was read wrongly before the mend).
REVIEW_MENDS_25 = [
    ("有人用沙袋把排涝沟堵死了，水排不出去", None, ("SL-03",)),              # sandbags used to block a ditch
    ("有人在大堤上挖土装沙袋卖", "防汛", ("SL-03",)),                        # digging the dyke, no flood stock
    ("泵站的门叫人砸得咣咣响", None, ("SL-03",)),                            # the noise of smashing, not of pumping
    ("有人在河堤上挖土卖，把人家的老坟都挖塌了", None, ("SL-03",)),          # an old grave dug into is still digging
    ("有人从河里拉来沙子，堆在大堤上卖", None, ("SL-03",)),                  # piled on the dyke, wherever it came from
    ("大堤上老鼠扒了好几个窟窿", None, ()),                                  # rats dug the holes, nobody did
    ("养鸡场的氨气味熏得人睡不着", "安全生产", None),                        # a henhouse's smell, no ammonia leak
    ("有人往荒沟里拉土把沟填了", "非耕地取土", None),                        # earth hauled in, not taken out
    ("菜市场门口的电线拉得太低了，大车过不去", "电气线路", None),            # a low power line, no tangled wiring
    ("门口沟里全是澡堂子排的洗澡水", "防溺水", None),                        # bath water, nobody bathing
    ("孩子他爸天天晚上去河里逮鱼", "防溺水", None),                          # the child's father, no child in the river
    ("菜市场收摊以后菜叶掉了一地没人扫", "车辆载物掉落", None),              # no vehicle lost a load
    ("拉煤的车没盖严，煤渣撒了一路，撒到路边的白菜上了", None, ("SR-08",)),  # cabbages hit, not dropped
    ("河里有人落水，旁边钓鱼的赶紧扔了个救生圈过去", "救生设施损毁", None),  # a buoy thrown to save someone
    ("俺家宅子后头坑里的苇子叫邻居割走了", "河滩芦苇", None),                # a yard's pit, no river flats
    ("楼下邻居在楼道里现杀鸡，血流了一地", "活禽宰杀", None),                # a neighbour's chicken, no market
    ("有人把车开到麦地里打药", "庄稼毁损", None),                            # farming one's field, no damage
    ("菜市场的垃圾桶外面扔满了烂菜叶", "城区垃圾桶损坏", None),              # litter beside a bin, the bin unharmed
    ("岳村镇菜市场门口的垃圾桶让人砸了", "城区垃圾桶损坏", ("SR-04",)),      # a township's market is no city's
    ("泵站的门窗叫人砸了也没人管", "灌溉放水", ("SL-03",)),                  # nobody cares, no irrigation asked
    ("集上有人把一车烂菜叶倒了一地", "集镇市容", ("SR-03",)),                # refuse tipped, no water thrown
    ("瓜农把车停在国道边上卸货，就在路边卖西瓜", None, ("JT-03",)),          # unloaded to sell on the highway
    ("孩子在作业本上贴了几张识字卡片", None, ()),                            # a child's cards, no small ads
]

# The review of round 69 and the probe pass of session 24: each text the reviewer's own, read wrongly on
# 7536532 (a topic named that the text does not tell, or the wrong matters routed) and rightly after.
REVIEW_MENDS_26 = [
    ("商场门口搞服装秀，音响放得震天响，吵得人没法休息", "邻里纠纷", ("ZS-02",)),  # a fashion show, no 装修
    ("自来水公司修管道要放水，把村道挖开了一大段，一直没回填", None, ("JT-01",)),  # draining a pipe, no irrigation
    ("市区解放路路边的指示牌被车撞倒了", None, ()),                             # a city street's sign, no highway's
    ("拉麦子的货车一半压在县道上停着，别的车过不去", None, ()),                 # a parked lorry, nothing built
    ("给大车加水的那家把村道挖断了，埋了根管子", None, ("JT-01",)),             # the road dug, whoever digs
    ("村道边上拴着他家的牛", None, ()),                                         # beside the road, not on it
    ("村民在马路上晒玉米，占了半边县道", None, ("JT-03",)),                     # the countryside's 马路 is the road
    ("村里人在马路上晒麦子，车都过不去", None, ("JT-03",)),
    ("拉沙的车没盖严实，沙子撒了一路，把俺家门口的花盆都撞倒了", None, ("SR-08",)),  # spilled, and hit a pot too
    ("装修垃圾堆在单元门口没人清", None, ("SR-02",)),                           # refuse at the door is still refuse
    ("物业把楼道里漏水的管子堵上了，还在滴", None, ()),                         # a pipe stopped, not the stairwell
    ("奶奶在过道里养了几只鸡", None, ()),                                       # a farmhouse's gateway
    ("俺家过道里摞着几袋化肥", None, ()),
    ("饭店把空调外机摆在人行道上，冷凝水流了一地", None, ("SR-05",)),           # the unit on the pavement, no drip on heads
]


REVIEW_MENDS_27 = [
    ("楼道里有人发小广告，贴得到处都是", "散发传单", ("SR-06",)),                # posted, not handed out
    ("门口摆摊的把路堵了，能不能给管管，让出个地方走路", "商贩求情", ("SR-05",)),  # a complaint, not a hawker's plea
    ("跳广场舞的散了以后又来了一帮唱歌的，音响开到十二点", None, ("ZS-02",)),    # the noise after the dancers left
    ("跳广场舞的队长天天把音响开得很大，吵得孩子没法写作业", "舞队内部事务", ("ZS-02",)),  # a leader named, no team affair
    ("人行道上垃圾堆了一大堆，好几天没人清", None, ()),                          # refuse piled up is no material
    ("盲道上有人拆了快递箱子，纸壳扔得到处都是", None, ()),                      # a parcel opened, no road dug
    ("人行道上有人起了个早点摊，天天占着", None, ("SR-05",)),                    # a stall set up, no road dug
    ("公园里有人在草坪上放了个音箱放音乐，还搭了帐篷", None, ("LH-02", "ZS-02")),  # music, and a tent on the lawn
    ("工地的围挡把人行道圈进去了，还占了村集体的地", None, ("ZR-01", "DL-01")),  # pavement and the village's land
    ("公园的长椅有人在拆，说是换新的", None, ()),                                # a renewal, not damage
    ("俺家门口的车位叫邻居装了地锁", None, ()),                                  # a home's door is no city street
    ("有人把盲道砖砸碎了拿去垫车轮", "市政设施", None),                          # smashed on purpose is no repair
    ("村头的石雕叫人砸了", "市政设施", None),                                    # a village's carving is no city facility
]


REVIEW_MENDS_28 = [
    ("工地上有个工人热死了，老板还让接着干", "闲聊", None),                       # a worker died, no weather talk
    ("地里的玉米都晒死了，机井也没人管", "闲聊", None),                           # the crop died, no weather talk
    ("投诉了门口的烧烤摊以后一直没人回，现在每天晚上还在烤", "办理不力投诉", ("DQ-01",)),  # still going on: a report
    ("有人在渠里扔了小狗的尸体，臭得很", "流浪犬", None),                         # a body thrown away, no stray
    ("张三盖房，明知道不能占用耕地，还是占了两分地", "耕地建房咨询", ("NY-01",)),  # 不能 is no question
    ("养猪场的粪污没做无害化处理就排进沟里", "动物防疫", None),                   # manure, not dead stock
    ("垃圾中转站没做无害化处理，臭气熏天", "动物防疫", None),                     # refuse, not dead stock
    ("美容店给我做项目把脸烫伤了", "宠物服务纠纷", None),                         # a person's face, no pet
    ("孩子寄养在奶奶家，昨天走丢了", "宠物服务纠纷", None),                       # a child, no pet
    ("村东头有人私设屠宰场，天天杀猪，血水流到沟里", "工业污染", None),           # a private slaughterhouse
    ("拆迁公司说先搬走才给钱", "劳动纠纷", None),                                 # compensation, no wages
    ("高速收费站跟我要过路费，还多收了十块", "拦车要钱", None),                   # a toll, no extortion
]


# The review of round 72 (dev152/dev153): each text the reviewer's own, read wrongly on 9c4de77 and
# rightly after.
REVIEW_MENDS_29 = [
    ("上周三和一名队员去村里巡查，发现有人在地里烧秸秆", "消防管理", ("NY-02",)),    # a weekday, no 三合一
    ("俺家院门就一个，晚上锁上了，小偷还是翻墙进来了", None, ()),                  # a home's gate locked at night
    ("隔壁用彩钢板在楼顶搭了个棚子", "消防管理", None),                            # 隔壁 is no partition
    ("一楼开店卖烧烤的，油烟往楼上住户家里钻", "消防管理", ("DQ-02",)),            # neighbours upstairs, no shop's dwelling
    ("车间隔壁住户说吵得没法睡觉", "消防管理", None),                              # neighbours' sleep, no dormitory
    ("小区物业在消防通道上划车位收费，谁划的谁负责", "办事咨询", ("XF-02",)),      # 谁划的 blames, does not ask
    ("俺家厕所的粪水漫到邻居院里了", "环卫作业", None),                            # a home's toilet is no public one
    ("能不能派人把俺庄的路扫扫", "环卫作业", None),                                # a village's lane, not the city's sweepers
    ("楼下开店的天天把货摆到人行道上，走路都没地儿", None, ("SR-05",)),            # a shop downstairs still occupies the street
    ("那家作坊每天夜里一点就烧废塑料，味呛得很", None, ("DQ-05",)),                # one o'clock, not 一点就着
    ("有人在绿化带里种玉米，玉米长得老高把路口都挡住了", None, ("LH-02",)),        # planted by someone, not overgrown
    ("楼道里挂着灭火器，对门那家早就空了，没人住", None, ()),                      # the flat is empty, not the extinguisher
    ("城中村巷子口的垃圾桶叫人砸烂了", None, ()),                                  # a 城中村 bin is the city's, not SR-04
]


# The review of round 71 (in-catalog side) and the probe pass of session 25: each text the reviewer's own,
# read wrongly on 9c4de77 (a topic named that the text does not tell, or the wrong matters routed) and
# rightly after.
REVIEW_MENDS_30 = [
    ("走廊里燕子垒了个窝", None, ()),                                          # a bird's nest, no kennel put there
    ("走廊里摆放了几盆绿萝，看着挺好", None, ()),                              # 摆放 names nothing blocking
    ("他家把鸡粪倒进自家的沤肥坑里", None, ()),                                # a compost pit, no village pond
    ("有人在村集体的地上堆了好多柴火垛", None, ("GH-05",)),                    # collective land named, not occupied
    ("有人在公园草坪上遛牧羊犬不拴绳", None, ("WM-01",)),                      # a sheepdog, no sheep grazing
    ("施工围挡把消火栓挡住了，围挡上贴着施工公告", None, ("XF-06", "SR-06")),  # a notice, no ads: the hydrant stays
    ("施工的把小区围墙撞倒了", None, ()),                                      # a compound's wall, no village house
    ("年轻人都抢着在城里买房，村里没人盖房了", None, ()),                      # buying in town, nobody rushing to build
    ("村委会门口摆着几张桌子收材料", None, ()),                                # papers handed in, no building material
    ("绿化带的冬青都铲了", "核查无违法", ("LH-01",)),                          # 都 without 已经: a report
    ("小区里的灭火器都撤走了", "核查无违法", ("XF-05",)),
    ("对面饭店这两天装上大喇叭了", "核查无违法", ("ZS-03",)),                  # installed lately is no compliance
    ("今年不让在路上晒粮，东头县道上又晒满了", "群内提醒", ("JT-03",)),        # the rule, and then 又
    ("喜庆日子有人在马路中间搭棚子办席", "闲聊", ("SR-05",)),                  # a festive day, no praise
    ("路边新种了一片冬青，有人拔回家了", "闲聊", None),                        # planted, then pulled up by someone
]


# The review of round 73 (in-catalog side: village land and houses, small factories and workshops):
# each text the reviewer's own, read wrongly on e2a9f77 and rightly after.
REVIEW_MENDS_31 = [
    ("这事关系群众安危方面，马虎不得", "农村危房", ()),                        # 安危方面, no 危房 typo
    ("邻居家把炉子的剩灰倒在胡同口", None, ("SR-01",)),                        # stove ash, no mixer truck's leftover
    ("塑料厂天天冒黑烟，村里大喇叭喊了好几次也不管", None, ()),                # the village's loudspeaker, not the plant's
    ("下大雨河水倒灌，把县道边沟都淹满了", None, ()),                          # 倒灌 floods, nobody dumps
    ("砖厂拉货的大车天天堵了村道", None, ()),                                  # lorries, no bricks piled
    ("洗车的说地上只有一点泡沫，冲冲就没了", None, ()),                        # 一点泡沫, no foam set alight
    ("厂里新建的车间夜里也干活，机器声吵得睡不着", None, ()),                  # a finished workshop at work, no building
    ("城里人买了村里一套院子，收拾起来当民宿", None, ()),                      # 收拾起来 builds nothing
    ("工厂实际占地比批的多出五亩", None, ("ZR-01",)),                          # a plant's plot, no house yard
    ("那户人家违规占地盖了新宅子", None, ("NY-01",)),                          # a villager's home, like 违法占地
    ("村委会院里新盖了两间房子当卫生室", None, ()),                            # the village's own building
    ("大棚里开了个口子通风，塑料布叫风刮破了", None, ()),                      # a vent, no plastics plant
    ("鸡舍里搞了一层泡沫板保温，冬天不冻鸡", None, ()),                        # insulation, no foam works
    ("村民在宅基地上盖了三层楼，一楼当作坊", None, ()),                        # a house built, not a workshop
]


# The review of round 73 (out-of-catalog side: village land and houses, small factories and workshops):
# each text the reviewer's own, read wrongly on 25f62c6 (a topic named that the text does not tell, or a
# report thrown away) and rightly after.
REVIEW_MENDS_32 = [
    ("孩子丢了，家长还在着急找", "火警", None),                                  # 还在着急 is no fire still burning
    ("院墙塌了，底下压着俺家的三轮车", "火警", None),                            # a tricycle under the wall, no one trapped
    ("半夜挖掘机开过来就开始挖路，吵得睡不着", "车辆通行噪声", ("ZS-01",)),      # driven here to dig: building work
    ("铲车经过把路边的树刮倒了", "车辆通行噪声", None),                          # passing by, no noise told
    ("马路边的树叫人砍了好几棵", "村边林木盗伐", ("LH-01",)),                    # a street's trees, not a village's
    ("他家把承包地改成宅基地，院墙都垒起来了", "耕地建房咨询", ("NY-01",)),      # a report, not a question
    ("有人用船在河里抽河沙，啥手续都没有", "河道采砂咨询", ("SL-03",)),          # 手续 missing is a report
    ("树林里有人偷偷埋了几袋垃圾", "民政", None),                                # rubbish buried, no grave
    ("拉土车一过撒得满路都是土，尘土飞扬", "土路扬尘", ("SR-08",)),              # the load spilt, no bare dirt road
    ("厂子门口的树叶落了一地没人扫", "工业污染", None),                          # leaves, no layer of dust
    ("洗浴中心污水外排到马路上", "工业污染", None),                              # a bath house is no plant
    ("城里饭店后厨的刷锅水天天当街倒，路上结冰", "村里泼污水", None),            # a town street, no village
    ("在家具厂买的衣柜甲醛超标，熏得没法住", "工业污染", None),                  # a product bought, no plant's fumes
    ("隔壁饭店把桌子摆到门外人行道上，挡俺家的路", "相邻地界争议", ("SR-05",)),  # tables on the pavement
    ("村里不批宅基地，他家房子不够住，就在承包地里盖了两间", "宅基地审批", ("NY-01",)),   # not granted, built on farmland
    ("坟被推平了，村里说是平坟复耕", "治安案件", None),                          # the village levelling graves
]



# The review of the twenty-sixth session's probe pass (the words that tell a family's members apart):
# each text the reviewer's own, read wrongly on c2889bf (a matter or family offered, or a topic named,
# that the text does not tell) and rightly after.
REVIEW_MENDS_33 = [
    ("村里办丧事，哭声震天", None, ()),                                        # mourners crying, no noise source
    ("心里有事闹哩睡不着", None, ()),                                          # 闹哩 is worry, not noise
    ("村里小学的窗户坏了，是邻村的小孩拿砖头砸的", "报修求助", None),          # smashed by someone, no repair call
    ("有人趁没人拉垃圾过来倒在河沟里", "环卫作业", None),                      # 趁没人: nobody about, not uncollected
    ("地下水位高，他家还在地里挖塘取土", "防汛", ("ZR-02",)),                  # groundwater, no flood
    ("化粪池水位高了，快冒出来了", "防汛", None),                              # a septic tank, no flood
    ("大棚里盖着草帘子，屋里还挺暖和", None, ()),                              # straw mats covering, no house built
    ("温室里建了个育苗房", None, ()),                                          # a seedling room, no dwelling
    ("用水龙带浇地", None, ()),                                                # a farm hose, no fire hose
    ("消防水管接到消火栓上一试，没水", None, ("XF-04",)),                      # hooked up to test: not kept working
    ("村里新挖的大坑没围栏，还在施工", None, ()),                              # a pit's railing, no dust hoarding
    ("村里的皮鞋厂烧煤，烟囱冒黑烟", None, ()),                                # a shoe factory's coal, no shoes burnt
    ("皮鞋店门口有人烧纸", None, ()),                                          # a shop's name, no shoes burnt
]


# The review of round 74 (out-of-catalog side: schools, hospitals, old compounds; the farming year):
# each text the reviewer's own, read wrongly on 050f9ed (a topic named that the text does not tell, or a
# report thrown away) and rightly after.
REVIEW_MENDS_34 = [
    ("卫生院门口那户人家办白事搭灵棚，占了半条路", "医闹", ("GH-06",)),          # a household's funeral, no dispute
    ("医院大门口花店天天摆花圈占道", "医闹", None),                              # wreaths for sale
    ("医院停尸房的味道飘到隔壁小区了", "医闹", None),                            # the morgue, no body laid out
    ("他家在楼道里飞线充电，说电费一度一块比充电桩便宜", "停车收费", ("XF-01",)),  # a price said, no complaint
    ("家属院后面的厂子天天排污水没人管", "无物业小区", None),                    # a plant's sewage, not the compound
    ("学校保安不让家长进校门", "物业服务", None),                                # a school's guard
    ("工厂保安不让环保局的人进去检查", "物业服务", None),                        # a plant's guard
    ("邻居家的狗把我孙子咬了，送进了医院", "医疗卫生", None),                    # the child taken in, no dog
    ("自来水管道改造把马路挖开了，半个月了还不回填", "老旧小区改造", None),      # a street dug, no compound
    ("大车把村道压坏了，灰落得庄稼上都是", "庄稼毁损", None),                    # the road crushed, not crops
    ("拖拉机没牌照天天拉土撒一路咋办", "农机上路咨询", ("SR-08",)),              # a spill reported, no question
    ("地边子上打了一口井", "相邻地界争议", None),                                # a well, no quarrel
    ("小区消防通道的门禁被锁死了，着火跑不出去", "物业赔偿", ("XF-03",)),        # a door locked, no card stopped
    ("林子南边的麦地叫人挖了个大坑", None, ("ZR-02",)),                          # farmland beside a wood
    ("树林子边上的麦地里有人挖土垫宅基", "非耕地取土", ("ZR-02",)),              # farmland beside a wood
    ("昨天麦茬着了，火往村里烧过来，后来扑灭了", "火警", ("NY-02",)),            # put out: no fire going on
    ("村里还没硬化路，有人在路上挖沟引水", "村路修建咨询", ("JT-03",)),          # the road described, no request
    ("收粮的在集上大街当间卸了一堆玉米", "村口堆粮", ("SR-05",)),                # a street, no village entrance
    ("拉麦的拖拉机在地头一停，撒了一地麦秸", "运粮车堵路", ("SR-08",)),          # one stop, no queue
    ("城镇里到处都是牛皮癣", "村部小广告", None),                                # 城镇 is towns and cities
]

# The review of round 74 (in-catalog side: schools, hospitals, old compounds; the farming year): each text
# the reviewer's own, read wrongly on 561e9b5 (a matter routed that the text does not tell, or a report
# thrown away) and rightly after.
REVIEW_MENDS_35 = [
    ("断了的电线搭在村道上，太危险了", None, ()),                              # a fallen wire lies on the road: no stall or barrier set up
    ("电信的光缆线架在村道上空，太低了", None, ()),                            # a cable strung over the road
    ("化工厂的管子架在公路上方，天天往下滴污水", None, ()),                    # a plant's pipe over the road, still its discharge
    ("菜市场批了一块摊位，他占了两块", None, ()),                              # market stalls, no homestead
    ("学校操场批了一处做停车场，结果占了两处", None, ()),                      # a school's car park, no homestead
    ("楼上邻居音箱放歌，声音大得楼道里都听见了", None, ("ZS-02",)),            # music heard in the stairwell, no speaker left there
    ("楼道窗户外头装着邻居家的空调外机，天天往下滴水", None, ()),              # outside the window, not on the landing
    ("楼道里装了个空调，外机嗡嗡响吵得睡不着", None, ()),                      # an air conditioner fitted, its unit humming
    ("小区消防车道上两个人吵架，快来人", None, ()),                            # 吵架 sets nothing up on the fire lane
    ("放羊的甩鞭子把羊赶到麦地里了", None, ()),                                # a shepherd's whip, no fitness whip
    ("赶车的老汉抽鞭子打牲口", None, ()),                                      # a carter's whip
    ("社区腰鼓队在活动室练节目，准备过年演出", None, ()),                      # rehearsing indoors, no drumming told
    ("村里腰鼓队想找个地方练，哪里可以", None, ()),                            # asking for a place to practise
    ("发大水冲来的树枝玉米秆塞满了涵洞，水过不去", None, ()),                  # a flood's debris, nobody blocked the culvert
    ("楼上邻居改造厨房，半夜还在砸", None, ()),                                # a flat's own renovation, no building works
    ("从人民路拐进去的乡道上晒满了玉米", None, ("JT-03",)),                    # grain on a township road, not on 人民路
    ("邻居在楼下撒了狗粮，招来好多野猫", None, ()),                            # 撒了狗粮 feeds animals, no dog let loose
    ("消防栓没水，物业说来查查", None, ()),                                    # the property company will look: a repair
    ("村街上的摊位费谁收的", None, ()),                                        # a question about stall fees
]

# The review of the twenty-seventh session's repair (branch repair, merged as abfb0e9): each text the
# reviewer's own, read wrongly on 573f2be (a topic named that the text does not tell, a matter routed
# that it does not tell, or a report thrown away) and rightly after.
REVIEW_MENDS_36 = [
    ("花店门口的花坛叫人踩烂了", None, ("LH-01",)),                            # the flower bed, not the shop's flowers
    ("鲜花店门口绿化带里的花被人拔光了", None, ("LH-01",)),                    # a green belt beside a flower shop
    ("铲车把路边的大树撞断了，砸坏了一辆电动车", None, ("LH-01",)),            # a tree broken by a loader, not fallen by itself
    ("楼道里的电线乱得跟鸟窝一样，好几家飞线充电", "野生动物", ("XF-01",)),    # a bird's nest as a simile
    ("大车把电线杆弄倒了，把路边的广告牌砸坏了", None, ()),                    # 弄倒 knocks the pole down, puts nothing up
    ("电线杆搞坏了，牌子掉下来了", None, ()),                                  # 搞坏 breaks the pole
    ("俺家地头那条村道叫人占了晒玉米", "土地权属争议", ("JT-03",)),            # the road beside the field is taken
    ("村街上有人挖了个沤粪池，臭得没法过", "地里施肥", ("GH-05",)),            # a manure pit on the village street
    ("有人在国道边上堆粪沤肥", "地里施肥", ("JT-03",)),                        # manure piled beside a highway
    ("小区水坑里的垃圾没人清", None, ()),                                      # a compound's puddle, not a village pond
    ("门口摆的花看着挺好可是把盲道都占了", "闲聊", None),                      # praise before a complaint
    ("他家楼顶加盖的阳光房看着挺漂亮就是违建", "闲聊", None),                  # praise before a complaint
    ("卖菜的把烂菜叶子倒在村街上，都沤白了", None, ("SR-03",)),                # leaves gone white from rotting, no dust
    ("工地上的料场沙石堆一直敞着，风一吹全是灰", None, ("DQ-06",)),            # a building site's yard
    ("环卫车刮了护栏上挂的横幅", "交通事故", ()),                              # a banner scraped off, no crash
    ("烟感器半夜响得不中了", None, ()),                                        # 响得不中了: beeping too much, not failed
    ("村里麦地边上那家公司的屋顶全铺了光伏板", None, ()),                      # panels on a roof beside a field
]

# The review of round 75 (out-of-catalog side: street shops and small businesses; festivals, temple fairs
# and large events): each text the reviewer's own, read wrongly on d7eba95 (a topic named that the text
# does not tell, or a report thrown away) and rightly after.
REVIEW_MENDS_37 = [
    ("有人把村里的垃圾桶砸坏了，谁负责", "侵权赔偿要求", ("SR-04",)),            # who is in charge, no damages asked
    ("小区门口的井盖砸烂了，谁负责", "侵权赔偿要求", None),                      # who mends it, no damages asked
    ("大风把麦苗压倒了一大片", "庄稼毁损", None),                                # the weather, nobody's damage
    ("挖掘机把俺家麦地轧平了，说要盖厂房", "庄稼毁损", ("ZR-02",)),              # levelled to build: land taken
    ("广场舞台的灯晃得人睡不着", "活动现场秩序", None),                          # the stage's lights dazzle, no stand shaking
    ("村里戏台子旁边那间老房子快塌了", "活动现场秩序", None),                    # a house beside the stage
    ("理发店洗头的毛巾脏水直接倒在马路上", "医疗卫生", None),                    # dirty water poured out
    ("宾馆的床单脏了直接晾在临街阳台外面", "医疗卫生", ("SR-07",)),              # linen hung out on the street
    ("他家没批就盖房，镇上下了停工通知，照样施工", "重污染预警停工", None),      # an illegal house's stop order, no alert
    ("工地夜里施工吵得睡不着，环保局要求停工了还在干", "重污染预警停工", ("ZS-01",)),  # a noise stop order, no alert
    ("澡堂门口装了摄像头，还是有人往墙上贴小广告", "治安案件", ("SR-06",)),      # a camera at the door, no peeping
    ("烟花可震撼了，就是散场后路边全是垃圾", "治安案件", None),                  # 震撼 praises the fireworks
    ("孩子他爸天天买烟抽，家里钱都没了", "向未成年人售烟", None),                # the child's father buys them
    ("商场消防检查发现安全出口被锁了", "消防管理", ("XF-03",)),                  # what the check found, no question about it
    ("消防水泵坏了，按了也不响", "商业经营噪声", ("XF-04",)),                    # a pump that does not sound: broken
    ("单元门口电动车乱停，把安全出口堵死了", "违章停车", ("XF-03",)),            # a stairwell door, not a street
]

# The review of round 75 (in-catalog side: street shops, festivals and large events): each text the
# reviewer's own, read wrongly on 7a3b019 (a matter routed that the text does not tell) and rightly after.
REVIEW_MENDS_38 = [
    ("过年有人在楼道里放了一挂鞭炮，满楼道都是烟", None, ()),                  # set off, not stacked in the stairwell
    ("油罐车翻了，油倒得满公路都是", None, ()),                                # an accident's spill, no refuse dumped
    ("我在当街干活的时候，看见一辆车撞了电线杆", None, ()),                    # where the caller was working
    ("舞狮队的人跟看热闹的打到一块了", None, ()),                              # a fight, no drumming
    ("社区秧歌队老是闹矛盾，队长和队员吵起来了", None, ()),                    # a quarrel inside the team, no noise
    ("大爷每天拿瓶子接水倒进树坑里浇树", None, ()),                            # watering a tree, no refuse
    ("乡卫生院组织免费体检，村里大喇叭通知大家去", None, ()),                  # a notice of a public check-up, no shop's lure
    ("追悼会门口摆满了花篮", None, ()),                                        # wreaths at a memorial, no shop's display
    ("饭店的服务员每天早上在门口做操喊口号", None, ()),                        # staff drill, no speaker or noise told
    ("灭火器外面套着塑料袋", None, ()),      # a dust cover, the extinguisher not disabled (XF-04 was the old model's guess;
                                            # the model trained in the thirty-first session guessed XF-05, now excluded)
]

# The review of round 76 (both sides: trees, green land and wild animals; the regulated speaking for
# themselves): each text the reviewer's own, read wrongly on 41f29d7 (a penalty objection or another topic
# named for a report of somebody else's act, a matter routed that the text does not tell) and rightly after.
REVIEW_MENDS_39 = [
    ("俺村有人占耕地盖房，国土所来人看了也没罚", "国土处罚申辩", ("NY-01",)),                # a report that the office did nothing
    ("我跟乡里说了好几次，村东头有人占耕地盖房，到现在也没叫停", "乡镇处罚申辩", ("NY-01",)),  # the caller told the township, somebody builds
    ("俺们村的路灯线叫人剪了，乡里来人看了说要罚", "乡镇处罚申辩", ("GH-04",)),              # somebody cut it; the fine is for him
    ("我们小区消防检查发现有人把安全出口封了", "消防处罚申辩", ("XF-03",)),                  # what a check found, no decision against the caller
    ("我看见国道边上有人摆摊卖西瓜，路政的来了也没罚", "路政处罚申辩", ("JT-03",)),          # seen by the caller, not fined
    ("我家楼下的烧烤摊天天烤到半夜，城管罚了两回还是照样", "城管处罚申辩", ("DQ-01",)),      # the stall below the caller's home was fined
    ("对城管不管楼下烧烤摊的事很不满", "城管处罚申辩", ("DQ-01",)),                          # displeased that the office did nothing
    ("我反映楼下饭店占道经营，城管来了一趟也没罚，现在又摆出来了", "城管处罚申辩", None),    # reported, not fined, out again
    ("城管说我们小区那家的违建要拆，到现在还没拆", "城管处罚申辩", None),                    # the order is against that household
    ("卖烤红薯的被城管收了炉子还在人行道上摆", "城管处罚申辩", None),                        # seized and still selling: a report
    ("我举报那个厂子晚上偷着冒黑烟，环保来查了也没罚", "环保处罚申辩", None),                # the caller reported the plant
    ("整改通知书上写的是他在国道边堆放建筑材料，到现在也没清", "罚单条文询问", ("JT-03",)),  # a notice quoted, no article asked about
    ("给园林处打电话说有人在锯小区的树，没人来", "园林养护", None),                          # somebody sawing, the crew only called
    ("小区有人养了两条细狗，天天不拴绳", "野生动物", ("WM-01",)),                            # greyhounds kept in a compound hunt nothing
    ("公园湖里有野鸭，有人往湖里倒剩饭剩菜", "野生动物", ("SR-01",)),                        # ducks seen, refuse dumped
    ("村口古槐树下面天天有人打牌赌钱", "林业", None),                                        # the old tree is where they sit
    ("他把家里的旧木头家具都卖掉了", "林业", ()),                                            # old furniture, no timber
    ("小孩拿着枪打闹", "私制枪支爆炸物", ()),                                                # a toy gun at play, no game shot
    ("小区楼下几个小孩打陀螺，电动车骑过去差点撞上", None, ()),                              # children's whip tops, no noise told
    ("这几天太阳太毒，路边的冬青都烤焦了", None, ()),                                        # scorched by the sun, nobody's damage
    ("饭店私自把门口的护栏锯掉了，方便停车", None, ()),                                      # a railing sawn off, no tree
    ("小区后面的小树林里有人倒垃圾", None, ("SR-01",)),                                      # a compound's grove is in the city
]

# The review of round 77 (the in-catalog side: weddings, funerals and customs; vehicles and drivers): each
# text the reviewer's own, read wrongly on e9dcaae (a matter routed that the text does not tell) and
# rightly after.
REVIEW_MENDS_40 = [
    ("有小孩往楼道里撂了个炮仗，吓死人了", None, ()),                    # a firecracker thrown in, none stored
    ("村道上的拱门年久失修，快塌了", None, ()),                          # the village's gate arch, no wedding arch
    ("村里的路灯叫树枝挡住了，让村干部找人把树枝剪了", None, ()),        # the branches were cut, not the lamp's wire
    ("村上的路灯不亮，电工来拉电线", None, ()),                          # an electrician repairing, no power tapped
    ("马路边那家饭店今天办婚宴，客人很多", None, ()),                    # a banquet inside a restaurant
    ("他家厨房着火了，柜子里的旧衣服都烧了", None, ()),                  # a house fire, no old clothes burnt outside
    ("隔壁老太太每天早上念经，声音很小", None, ()),                      # chanting at home, quietly
    ("物业说暂停草坪浇水，草都黄了", None, ()),                          # watering stopped, no car parked on a lawn
    ("一辆车自燃，烧了绿化带一片", None, ()),                            # a car on fire, nobody scorched the green
    ("村里放电影，小孩拿石头占位置", None, ()),                          # seats kept for a film, no parking place
    ("老城区胡同里有户人家拿石墩子占车位", None, ("DL-01",)),            # a lane of the old city is a city street
]

# The review of round 77 (out-of-catalog side: weddings, funerals and customs; vehicles and drivers): each
# text the reviewer's own, read wrongly on b94f4bc (a topic named that the text does not tell, or a report
# closed as a satisfied follow-up) and rightly after.
REVIEW_MENDS_41 = [
    ("回访时来电人说楼下烧烤摊天天摆到半夜，不太满意", "回访满意度", ("DQ-01",)),  # not quite satisfied: still a report
    ("游泳馆的教练不好好教，光让孩子自己游", "客运出租", None),                    # a swimming coach, no driving school
    ("一群小商贩聚集在公交站，把人行道占满了", "摩的聚集", ("SR-05",)),           # hawkers crowding, no motorbike taxis
    ("俺每天骑电三轮送孩子上学，路上得十几分钟", "校车安全", None),               # ten-odd minutes, not ten-odd children
    ("每天早上校车停在路边接孩子", "校车安全", None),                             # a school bus doing its job
    ("村口老槐树上系满了红布条，说是祈福用的", "树上缠灯", None),                 # a village custom, no city street tree
    ("卖菜的宣传车的喇叭天天吵得人睡不着", "汽车鸣笛", ("ZS-03",)),              # an advertising speaker, no car horn
    ("卖菜的三轮车旁边站满了人，把路都堵了", "违章停车", None),                   # people round the tricycle, not on it
    ("环卫工拿耙子把路边的落叶刮成一堆", "车辆压坏道路", None),                   # a rake raking leaves
    ("俺家做饭烧刨花，邻居说呛", "工业污染", None),                               # shavings in a kitchen fire
    ("轿车屁股冒烟了，好像要着火", "工业污染", None),                             # a car about to burn, no exhaust
    ("病死猪没火化就埋了", "民政", None),                                         # a dead pig, no funeral
    ("宠物狗死了没火化，埋在小区花坛里", "民政", None),                           # a dead dog, no funeral
    ("有人半夜把俺家的车胎扎破了", "民事赔偿欠款", None),                         # a tyre slashed: damage done on purpose
    ("烤红薯的炉子火正旺，摆在人行道上", "火警", None),                           # a stove burning well, no fire
    ("庙里的功德箱叫人挪到门口，把消防通道堵了", "盗窃诈骗", None),               # moved, not stolen
]

# The review of round 78 (in-catalog side: summer and the flood season, new trades and the young): each text
# the reviewer's own, read wrongly on 6ba644f (a matter routed that the text does not tell) and rightly after.
REVIEW_MENDS_42 = [
    ("物业把快递柜装在了花园门口", None, ()),                            # a parcel locker installed, no green land taken
    ("绿化带里的路灯装到了两米高", None, ()),                            # a street lamp installed
    ("空调装在了阳台上，楼下是一片草坪", None, ()),                      # a unit on a balcony, the lawn only below
    ("我们楼的楼道很窄，孩子的童车放在家里", None, ()),                  # the pram is kept at home, not in the corridor
    ("乡里组织挖开县道修排水涵洞", None, ("JT-01",)),                    # a culvert laid: digging the road, no ditch to lead water
    ("俺家的羊丢了两天，最后在干渠里找到了", None, ()),                  # a sheep lost and found, nothing thrown in
    ("赶在麦收前盖房子的人家不少", None, ()),                            # building before the harvest, no rush before demolition
    ("这几天忙着给棉花打顶，累得一夜没睡好", None, ()),                  # pinching cotton, no roof poured at night
    ("废品收购站的钢管卸得叮叮咣咣的，吵死了", None, ()),                # a scrap yard unloading, no building site
    ("楼上小孩半夜在家里拍球，咚咚的", None, ()),                        # a ball at home upstairs: a neighbour, no public place
    ("楼上半夜打球的声音，砰砰的", None, ()),                            # likewise
    ("村里的排水沟都盖死了，现在路面平整多了", None, ()),                # a covered drain the village made, nobody blocked it
]

# The review of round 78 (out-of-catalog side: drones, camping, village mosquitoes, pool hygiene, e-bike
# tuning, shops in flats; fallen trees, drains, pets' water, trampled crops): each text the reviewer's
# own, read wrongly on 225e535 (a topic named that the text does not tell, or a catalog matter lost) and
# rightly after.
REVIEW_MENDS_43 = [
    ("家里的狗上桌了", "食品安全", None),                                       # a dog at home, no eating place
    ("停车场超时就罚钱，太黑了", "劳动纠纷", None),                             # a parking fee, no worker fined
    ("我家孩子上学迟到就罚钱", "劳动纠纷", None),                               # a school's rule, no worker
    ("网吧门口的烧烤摊烟味呛人", "室内吸烟", ("DQ-01",)),                       # smoke at the door, a barbecue
    ("麻将馆里的烟雾报警器坏了", "室内吸烟", None),                             # a smoke alarm, nobody smoking
    ("收割机在地里着火了，冒黑烟", "工业污染", None),                           # a harvester on fire, no exhaust
    ("挖掘机把燃气管挖断了冒黑烟", "工业污染", None),                           # a gas pipe dug through
    ("后街那家烧烤天天在人行道上烤有人去过没", "闲聊", ("DQ-01",)),             # a report ending in a question
    ("街上开了家饭店，门口天天摆桌子，有人吃过吗", "闲聊", ("SR-05",)),         # tables outside, then the question
    ("幸福新村小区蚊子太多，物业也不打药", "村里病媒消杀", None),               # a city compound named 新村
    ("城中村里蚊子太多，没人打药", "村里病媒消杀", None),                       # an urban village: the street office
    ("俺村的饭店后厨苍蝇太多，菜都不干净", "村里病媒消杀", None),               # a restaurant kitchen
    ("游泳馆门口的下水道堵了，水臭", "公共场所卫生", None),                     # a blocked drain, no pool water
    ("澡堂子的污水流到街上，一股臭味", "公共场所卫生", None),                   # a bath house's sewage
    ("防汛的在大堤上搭了帐篷值班", "河滩露营", None),                           # a flood watch on duty
    ("河边搭了个帐篷办丧事", "河滩露营", None),                                 # a funeral tent, no camping
    ("这条路改了限速，从六十改成四十了", "电动车改装", None),                   # a road's speed limit
    ("出了城区就解除限速了", "电动车改装", None),                               # the same
    ("小区门口开了个麻将馆，天天吵到半夜", "住宅开店", None),                   # a shop at the gate, no flat
    ("小区对面开了家棋牌室，门口车乱停", "住宅开店", None),                     # across the road
    ("临街商铺的楼上住着人，楼下饭店的油烟往上窜", "门店住人", ("DQ-02",)),     # flats above the shops
    ("ktv楼上住着人，天天唱到半夜", "门店住人", None),                          # neighbours above, disturbed
    ("门市后头有人住，天天在门口烧煤炉子", "门店住人", None),                   # a house behind the shop
    ("超市把店里的矿泉水放在人行道上卖", "泼倒污水", ("SR-05",)),               # bottled water put out for sale
    ("游客踩坏了公园的草地", "庄稼毁损", ("LH-01",)),                           # a lawn, no crops
    ("放风筝的把绿化带里的花踩坏了一地", "庄稼毁损", ("LH-02",)),               # a green belt, no crops
    ("小区里的大树被物业偷偷砍倒了", "小区绿化养护", ("LH-01",)),               # cut down, not blown down
    ("网红店把桌子摆出来，占了路口", "聚集堵路", ("SR-05",)),                   # tables, no crowd
    ("有人把砍下来的树杈倒到县道上", None, ("JT-03",)),                         # branches dumped on a road
    ("镇里用无人机巡查，在麦田上空发现有人烧秸秆", "无人机飞行", ("NY-02",)),   # an officers' patrol drone
    ("我的无人机掉到邻居家房顶上了，能帮忙拿下来吗", "无人机损害赔偿", None),   # landed, nothing damaged
    ("三轮车上的煤撒了一路，这件事谁管", "车辆载物掉落", ("SR-08",)),           # coal spilled, 这件事 no parcel
    ("电单车停放区被人占了摆摊", "共享单车", ("SR-05",)),                       # a stall on the bay
]

# Review of round 78, out-of-catalog side, its later commits (own sentences, each read wrongly on 186aadb).
REVIEW_MENDS_45 = [
    ("骑行队拉练路过，看见国道边上有人倒建筑垃圾", "违章停车", ("JT-03",)),             # training ride, no race on a road
    ("骑车的孩子们比赛，看见河边有人烧垃圾", "违章停车", ("DQ-05",)),                   # children racing, a fire reported
    ("有人在水库内捞沙", "市政设施", ("SL-03",)),                                       # 内捞 the verb, no waterlogging
    ("玉米地内涝严重，水排不出去", "市政设施", None),                                   # a field, no city street
    ("剧本杀店里着火了，烟雾弥漫", "室内吸烟", None),                                   # a fire's smoke, nobody smoking
    ("新开的电竞馆门口学生进进出出，电动车把人行道都占满了", "文化旅游", ("SR-05",)),   # students passing the door
    ("超市门口摆着冰柜，喇叭一直响，循环喊促销", "商业经营噪声", ("ZS-03",)),           # the loudspeaker sounds, not the freezer
    ("楼上邻居家的冰柜半夜嗡嗡响", "商业经营噪声", None),                               # a home's freezer
    ("工地没开喷淋，渣土车把泥带到马路上，路面全是泥水", "泼倒污水", ("DQ-06",)),       # a site's sprinklers, mud on the road
    ("工地的喷雾机不开，扬尘大，马路上也不洒水", "泼倒污水", ("DQ-06",)),               # a site's mist cannon, dust
    ("这家饭馆后厨苍蝇太多，菜里吃出苍蝇", "病媒消杀", None),                           # a restaurant kitchen: food hygiene
    ("菜市场卖肉的摊位苍蝇特别多", "病媒消杀", None),                                   # a market stall
    ("修路的把排水沟堵死了，下暴雨把俺家玉米淹了，谁赔", "农业保险", None),             # a liable party asked for
    ("旅游大巴停在景区厕所旁边，游客把垃圾倒进河里", "水体污染", None),                 # a toilet beside, refuse thrown
    ("网红没经同意在人行道上摆摊直播卖货", "擅自拍摄他人", ("SR-05",)),                 # a stall set up without consent
    ("村民拍照反映，有人未经同意在耕地上建房", "擅自拍摄他人", ("NY-01",)),             # a photo as evidence
    ("我拍照了，他没经允许就在俺家门口挖沟", "擅自拍摄他人", None),                     # the same
    ("露营地旁边的村广场上，晚上大喇叭放广场舞音乐吵得睡不着", None, ("ZS-02",)),       # a square beside a camp site
    ("公园露营地边上有人跳广场舞，音响开得特别大", None, ("ZS-02",)),                   # the same
]

# The second review of round 78's in-catalog side (its second pass, 338d933: food carts, shops setting out on
# the pavement, fences and decks on river beaches, packing boxes burnt): each text the reviewer's own, read
# wrongly on 186aadb (a matter routed that the text does not tell) and rightly after.
REVIEW_MENDS_44 = [
    ("送餐车停在人行道上，挡路", None, ()),                              # a rider's delivery bike parked, no food cart
    ("快餐车停在广场边的停车位上", None, ()),                            # parked in a bay beside the square, nothing sold
    ("商户在门口人行道上放风筝", None, ()),                              # flying a kite, nothing set out
    ("河道两边围上了护栏，防止小孩掉下去", None, ()),                    # safety rails, nobody fencing the river off
    ("河道里围了围挡，正在清淤", None, ()),                              # dredging works behind hoardings
    ("大坝上修了一个防汛平台", None, ()),                                # a flood-control platform built
    ("河道治理建了一个监测平台", None, ()),                              # a monitoring station
    ("烧饼摊把包装盒子扔了一地", None, ("SR-01",)),                      # a flatbread stall, nothing burnt
    ("卖红烧肉的店把包装盒堆在门口", None, ("SR-01",)),                  # braised pork, nothing burnt
]

# Review of round 79, out-of-catalog side, its first commit (own sentences, each read wrongly on 0187705).
REVIEW_MENDS_47 = [
    ("顾客要求退货，店家不给钱", "治安案件", None),                                   # the shop keeps the money, no fare dodged
    ("隔壁广场上每晚有人唱卡拉OK，吵死了", "邻里纠纷", ("ZS-02",)),                   # a square next door, no neighbour's home
    ("隔壁开了个卡拉OK厅，天天吵到半夜", "邻里纠纷", None),                           # a karaoke hall next door
    ("医院挂号排队老有人加塞", "交通事故", None),                                     # jumping a queue, no car
    ("国道边上的水塘结冰了，有小孩在上面滑冰", "公路养护", None),                     # a frozen pond beside the road
    ("小区配电箱旁边有人烧了一堆垃圾", "供电", ("DQ-05",)),                           # a fire beside the box, not in it
    ("学校门卫不让外卖进，学生只能翻墙拿", "物业服务", None),                         # a school's gate, no property company
    ("超市门口的人行道上晒了一地花生", "村内晒粮", None),                             # a city pavement, no village ground
    ("客运站旁边的工地半夜还在打桩", "客运出租", ("ZS-01",)),                         # a site beside the bus station
    ("拉脚手架的大车把泥带到马路上了", "客运出租", None),                             # scaffolding carried, no passengers
    ("工地路面没硬化，一过车就扬灰", "土路扬尘", ("DQ-06",)),                         # a building site's dust
    ("化工厂的排水口一股刺鼻的味", "排水设施", None),                                 # a factory's outfall, no city drain
    ("饭店厕所的污水流到街上，臭得很", "村里泼污水", None),                           # a town restaurant's toilet, no village
    ("菜摊的水果倒在马路上一大片", "泼倒污水", ("SR-05",)),                           # fruit, no water
    ("加油站旁边的饭店油烟熏人", "工业污染", ("DQ-02",)),                             # a restaurant's fumes beside the station
    ("工地的发电机旁边有人烧垃圾冒烟", "工业污染", ("DQ-05",)),                       # burning beside the generator
    ("工地堆场的土没盖网，扬尘很大", "工业污染", ("DQ-06",)),                         # a building site's stockpile
    ("对面商场的广告灯箱照进我家卧室", "相邻光照", None),                             # a mall's light box, no neighbour
    ("业主问：楼下饭店油烟这么大，能不能让他们装净化器？", "办事咨询", ("DQ-02",)),   # a report before the question
]

# Second review of round 79, out-of-catalog side, its second commit (af599e5): own sentences, each read wrongly on
# 1f568c9 and rightly after (the restored topics 停车收费, 劳动纠纷, 建筑垃圾处置咨询 and the guidance no longer
# dropped cannot be said in this form; see the 审读（第七十九轮） comments in catalog/matching.yaml).
REVIEW_MENDS_48 = [
    ("镇里的粮食中转点有霉味", "村镇设施维护", None),                 # a grain depot, no refuse point
    ("村边中转点堆了一堆快递箱，苍蝇乱飞", "村镇设施维护", None),     # a parcel depot
    ("旱厕的粪水漫到村道上了", "工业污染", None),                     # a privy's sewage, no factory or farm
    ("村里茅厕的粪水流到路上，臭死了", "工业污染", None),             # the same
]

# The first review of round 79's in-catalog side (86b6b92: stairwell meter boxes and stoves, pet things,
# riverside parks, burnt vegetable waste, green belts run over, tables on a 当街): each text the reviewer's
# own, read wrongly on 86b6b92 and rightly after.
REVIEW_MENDS_46 = [
    ("小区物业人手不够，楼道里的杂务没人干", None, ()),                      # chores (杂务) nobody does, nothing piled
    ("院里挖了个鱼池养锦鲤", None, ()),                                      # an ornamental pond in a yard
    ("绿化带旁边的井盖被车压坏了", None, ()),                                # a manhole beside the green belt
    ("商户在人行道上摆摊，绿化带给占了一半，车只能压着盲道过", None, ("SR-05", "LH-02")),  # stalls; no car ran the belt over
    ("村里电表箱下面堆满了玉米秆", None, ("GH-05",)),                        # a village meter box, no stairwell
    ("院里电表箱旁边堆着柴火", None, ()),                                    # a yard's own firewood
    ("市政在人行道上切割路缘石，灰很大", None, ("DQ-06",)),                  # road works cutting kerbs, no shop
    ("物业在小区人行道上装地锁，谁批的", None, ()),                          # a compound's own walkway
    ("滨河公园里一堆小孩在玩水，挺危险", None, ()),                          # a crowd of children, nothing piled
    ("滨河公园里堆了好多落叶没人扫", None, ()),                              # leaves not swept
    ("外卖点了个凉拌菜，菜叶子发黄", None, ()),                              # a dish ordered, nothing burnt
    ("饭店的菜叶子烂了，我点了一份退了", None, ()),                          # the same
    ("夏天晚上村里人都把小桌摆当街吃饭凉快", None, ()),                      # villagers eating outside, no shop
    ("狗撒欢跑着玩，孩子们可高兴", None, ()),                                # a dog at play, leash not said
    ("楼道口外面空地上有人点炉子烤火", None, ()),                            # a stove outdoors, not in the stairwell
    ("小区门口楼梯边上有人摆了个炉子烤红薯卖", None, ("DQ-01",)),            # roasting outdoors for sale
]

# The second review of round 79's in-catalog side (its later commits, 86b6b92..be01b09: a unit put in a
# stairwell, things thrown beside a bin, cut insulation boards, woods at the village, stoves on pavements, a
# smoking refuse heap, boxes on a 当街, charging and piles in one stairwell): each text the reviewer's own, read
# wrongly on fa7915d and rightly after.
REVIEW_MENDS_49 = [
    ("过道里放了个外机，嗡嗡响一晚上睡不着", None, ()),                   # the unit's noise, not a blocked passage
    ("楼梯旁边的人行道上摆了个外机", None, ("SR-05",)),                   # on the pavement, not in the stairwell
    ("楼道窗户外面放了个外机，滴水滴到楼下", None, ()),                   # outside the window, dripping
    ("垃圾桶旁边扔了个烟头，把桶烧着了", None, ()),                       # a fire, nothing dumped
    ("快递站天天裁泡沫板，碎末子到处都是", None, ()),                     # packing foam, no building site
    ("小孩在楼下玩切泡沫板，到处都是碎渣", None, ()),                     # children at play
    ("城区环城路边的林子里有人倒垃圾", None, ()),      # woods in the city, not the countryside: no SR-03 (SR-01 was
                                                        # offered until the models trained in the thirty-first session,
                                                        # whose out-of-catalog model sets it aside at 0.74)
    ("市里绿博园的林子里有人扔了好多垃圾袋", None, ()),  # the same
    ("人行道上有个炉子，来串门的人都绕着走", None, ()),                   # visiting (串门), nothing roasted
    ("镇上饭店在当街搭了个棚子，空盒子堆了一地", None, ("GH-06",)),       # a shed built; the boxes not set on the street
    ("楼道里充电，还堆着纸壳子", None, ("XF-01", "XF-03")),               # charging and piles: both
    ("楼道充电，还堆着杂物", None, ("XF-01", "XF-03")),                   # the same
    ("村口垃圾堆冒烟，旁边一大堆柴火堆得挡路", None, ("GH-05", "DQ-05")), # firewood piled besides the smoking heap
]

# Review of round 80, out-of-catalog side (67932e6: questions before acting, farmland-use questions, trees, pipes
# across roads, dam stalls, black ditch water, internet talk): own sentences, each read wrongly on 67932e6 and
# rightly after (see the 审读（第八十轮） comments in catalog/matching.yaml).
REVIEW_MENDS_50 = [
    ("想在家歇会儿楼下工地打桩吵得不行", "问是否允许", ("ZS-01",)),            # a wish spoilt by noise, no plan
    ("我想在河边钓鱼发现有人往河里倒垃圾", "问是否允许", ("SR-01",)),          # what was seen there
    ("工地半夜打桩，要罚款", "问是否允许", ("ZS-01",)),                          # a fine demanded, not asked about
    ("楼道里堆这么多杂物合法吗", "问是否允许", ("XF-03",)),                      # a scene seen (这么多)
    ("饭店油烟直排要安排人查一下吗", "问是否允许", ("DQ-02",)),                  # 安排 is no equipment
    ("占着盲道摆摊哪能不罚", "问是否允许", ("SR-05",)),                          # rhetorical 哪能不罚
    ("村里有人没批就盖了两层楼会拆不", "问是否允许", ("GH-01",)),                # someone built without approval
    ("他家的摊哪能摆在盲道上", "问是否允许", None),                              # rhetorical 哪能摆在…
    ("请问能不能管管楼下烧烤摊的油烟", "问是否允许", ("DQ-01",)),                # a request to act
    ("请问是不是有人在河边挖沙", "问是否允许", ("SL-03",)),                      # someone doing it
    ("城里开发商盖了楼没办证，补办还来得及吗", "宅基地审批", None),              # a developer's building, no village house
    ("小区院子里那棵树能自己砍不", "植树咨询", None),                            # a compound's tree (city greening)
    ("有人把自家的水管横穿乡道，没有审批", "公路许可咨询", None),                # a report, nothing asked
    ("水库边有人搭棚子卖烧烤，你们能不能管管", "堤防使用咨询", ("DQ-01", "SL-03")),  # a request to act
    ("马路上坑里都是脏水，一过车溅行人一身", "水体污染", None),                  # a pothole, no pond
    ("小区下水道堵了，臭水咕嘟咕嘟往上冒", "水体污染", None),                    # a blocked drain
    ("麦地里开砖窑冒黑烟，找谁反映", "耕地用途咨询", None),                      # 找谁反映: a report
    ("张庄在好地里取土烧砖，这不违法吗", "耕地用途咨询", ("ZR-02",)),            # rhetorical 这不违法吗
    ("承包地里挖鱼塘的那家，违法不违法", "耕地用途咨询", None),                  # somebody else (那家)
    ("村口垃圾堆了半个月没人管求关注", "闲聊", ("SR-03",)),                      # a plea for attention on a report
    ("邻居的狗好可爱就是天天不拴绳追小孩", "闲聊", ("WM-01",)),                  # praise, then the complaint
    ("有人挖马路铺管子，问他办的啥证也不说", "城市道路挖掘许可咨询", ("DL-01",)),  # what permit they hold
    ("两栋楼中间有人搭个铁皮房，行不行啊", "城区违建", None),                    # someone building it, no plan
]

# The review of round 80's in-catalog side (8ea58bf..adeb65f: short questions naming a doer, hydrants 叫…堵了,
# toilets on a village street, 私房菜 in a compound, dogs running about, farmland made a yard, couplets, a lock
# 防小偷): each text the reviewer's own, read wrongly on adeb65f and rightly after.
REVIEW_MENDS_51 = [
    ("有人问楼道里充电犯法不", None, ()),                       # somebody asked: a question, no doer named
    ("有人问在楼道里堆杂物罚不罚", None, ()),                   # the same
    ("有人打听在路边摆摊犯法不", None, ()),                     # the same
    ("我一直想问，村里盖房有没有层数限制", None, ()),           # 一直 wanting to ask, nothing going on
    ("半夜还能施工吗", None, ()),                               # may one still work at night: a question
    ("晚上在广场放音乐算不算扰民", None, ()),                   # asks whether it counts as a nuisance
    ("工地围挡怕被偷都加了锁，还是被人偷了钢管", None, ()),     # a theft, not the site's works
    ("小区的消防栓被堵了，没水", None, ()),                     # a repair: no water comes
    ("消防栓叫冰冻住堵了，打不出水", None, ()),                 # frozen, nobody blocking it
    ("楼道里贴满了小广告，连对联上都贴", None, ("SR-06",)),     # small ads put up, not couplets
    ("村广场边上新建的厕所没人打扫", None, ()),                 # cleaning of a toilet already built
    ("小区门口新开了一家私房菜，生意挺好", None, ()),           # a shop at the gate, no fumes in a home
    ("狗场里的狗放开跑，叫唤得厉害", None, ()),                 # a kennel's dogs, nobody walking one
    ("麦收的时候把麦地边平成场子打麦", None, ()),               # a threshing floor for the harvest
]

# The review of round 81's out-of-catalog side (4ceb473..58ceaba: campaign rankings, a demand to publish a penalty,
# building a workshop, 群租 partitions, restaurants' gas hoses, a camera facing one's door, extinguishers to change,
# wells too close, grain on a threshing floor, graves told before the orchard): each text the reviewer's own, read
# wrongly on e479c2b and rightly after.
REVIEW_MENDS_52 = [
    ("区督查组检查时发现最后一家饭店油烟直排", "会议通知", ("DQ-02",)),          # the last shop, no ranking
    ("考核时最后一个村的垃圾堆在坑塘边没清", "会议通知", ("SR-03",)),            # the same
    ("工地天天半夜施工扰民也不见公示处罚结果", "进度查询", ("ZS-01",)),          # a report; nobody asks to publish
    ("村东头那个厂子新建了个车间，天天往外冒黑烟", None, ()),                    # the smoke, not the building (工业污染)
    ("厂里新盖了一个车间，晚上机器吵得睡不着", None, ()),                        # the machines' noise (工业污染)
    ("饭店的排水软管开裂，污水流到了马路上", "餐饮燃气隐患", None),              # a drain hose, no gas
    ("商户门口洗车的软管破损，水流一街", "餐饮燃气隐患", None),                  # a water hose
    ("门口监控对着俺家门口，拍到有人往俺门口倒垃圾", "邻里纠纷", ("SR-01",)),    # the camera as witness
    ("超市里的灭火器全过期了，叫老板换一下", "询问", ("XF-04",)),                # the shop is told to put it right
    ("在公路边上打机井，紧挨着路肩", "取用水资源", None),                        # where the well is, not two wells' distance
    ("场院边的公路上晒麦子，把路堵死了", "场院晒粮", ("JT-03",)),                # grain on the road beside the floor
    ("他家把坟建在麦地中间，离树林里头不远", "民政", ("ZR-02",)),                # the grave is in the wheat field
]

# The review of round 81's in-catalog side (58ceaba..e479c2b: yard water let out across a 村道, a 村道 as threshing
# floor, 假离婚 for a plot, rooms partitioned off a stairwell, "灭火器：无" form lines, walls and stoves in a 胡同,
# 撂 at 村口, basketball at night, herbs dug in compounds, stakes and outdoor units on green land, earth dug to sell
# on farmland, a 大坑 as the village pond): each text the reviewer's own, read wrongly on e479c2b and rightly after.
REVIEW_MENDS_53 = [
    ("村道上有人挖坑修水管，顺便放家里的水", None, ("JT-01",)),          # a pipe repaired, no ditch for yard water
    ("村道旁边的荒地当了打麦场，没人管", None, ()),                       # land beside the road, not the road
    ("两口子假离婚就为了多领宅基地拆迁补偿款", None, ()),                 # compensation, no plot obtained
    ("俺家过道隔出一间屋放粮食", None, ()),                               # one's own passage, no stairwell
    ("学校把走廊尽头的大教室隔成两间房当办公室", None, ()),               # a classroom partitioned
    ("疏散指示：无遮挡", None, ()),                                       # nothing wrong recorded
    ("应急灯：无问题", None, ()),                                         # the same
    ("胡同里那户人家院里垒了一道墙", None, ()),                           # a wall in one's own yard
    ("胡同口老张家翻盖房子，砌了一道院墙", None, ()),                     # a house rebuilt at the alley's mouth
    ("住在胡同口的老李家，厨房里新盘了个土灶，烟都冒到俺家了", None, ()),  # a stove in one's kitchen
    ("村口小卖部老板撂下狠话，谁举报就打谁", None, ()),                   # 撂下狠话: a threat
    ("在村口等车时把手机撂在石头上忘拿了", None, ()),                     # a phone put down
    ("村口那块空地撂着好几台破收割机", None, ()),                         # machines left standing
    ("楼上孩子打球的，半夜还在家里拍球咚咚响", None, ()),                 # a neighbour's home
    ("楼上那家小孩爱打篮球，半夜十二点还在屋里拍球砰砰的", None, ()),     # the same
    ("小区的王大妈天天去河边挖野菜", None, ()),                           # dug by the river, not in the compound
    ("绿化带旁边的工地半夜打桩，吵得睡不着", None, ("ZS-01",)),          # pile driving, no stake on the green
    ("空调外机旁边装草坪灯", None, ()),                                   # a lamp installed
    ("市区工地的大坑里有人倒生活垃圾", None, ("SR-01",)),                 # a pit in the city, no village pond
    ("城区马路边的大坑里被人扔了好多垃圾袋", None, ("SR-01",)),           # the same
    ("小区后面拆迁留下的大坑里天天有人倒生活垃圾", None, ("SR-01",)),     # the same
]

# The review of round 82's out-of-catalog side (dogs set on people, rabies shots, poultry fed in town,
# railway crossings, livestock on roads, bridges without railings, earth dug on old lots, questions of
# clearance, cleaners asked to sweep more): each text the reviewer's own, read wrongly on 87b534c and
# rightly after.
REVIEW_MENDS_54 = [
    ("铁路道口有人摆摊卖水果", "铁路设施", ("SR-05",)),                        # a stall at the crossing, nothing broken
    ("村里有人放狗追野兔", "犬只伤人", None),                                   # a dog set on hares, not on a person
    ("羊群跑到公路边的麦地里吃麦子", "牲畜上公路", ()),                         # the sheep are in the field
    ("城里有人喂羊肉串给狗吃", "城区饲养家禽", None),                           # mutton fed to a dog, no sheep kept
    ("公园湖上那座小桥没有护栏", "村镇设施维护", None),                         # a park's bridge, not a village's
    ("能不能管管，有人租地盖仓库占了耕地", "集体土地使用咨询", None),           # a report with a plea, no question
    ("老砖厂旁边的麦地里有人挖土卖", "非耕地取土", ("ZR-02",)),                 # dug in the wheat field beside it
    ("拆迁空地旁边的行道树叫人砍了", None, ("LH-01",)),                         # a street tree beside the lot
    ("有人在村街上堆粪堆，能不能统一拉走", "村里统一清运", ("GH-05",)),         # someone piling, then a question
    ("请物业多打扫几次，有人遛狗不牵绳狗屎遍地", None, ("WM-01", "WM-02")),     # a dog walker named beside the plea
    ("小区里的狗没打狂犬疫苗，去哪里举报", "狂犬疫苗接种", None),               # the dog's vaccination
    ("我家狗在哪里打狂犬疫苗", "狂犬疫苗接种", None),                           # the same
    ("饭店后厨里有死老鼠没人处理，菜照样做", "动物尸体清理", None),             # a kitchen: food safety
]

# Review of round 82's in-catalog side (each read wrongly on cb713c6, right after the mend).
REVIEW_MENDS_55 = [
    ("小区门口人行道上天天有人摆摊卖菜，大家要提高素质", None, ("SR-05",)),   # 提高素质 is no 高速
    ("村里养的羊该剪羊毛了", None, ()),                                       # wool still on the sheep
    ("俺村有人专门收羊皮，一张二十块", None, ()),                               # a skin trader, nothing thrown
    ("村里小卖部猫砂卖得贵", None, ()),                                         # cat litter on sale
    ("过年杀猪的把猪毛烧了，满村都是味", None, ("DQ-05",)),                     # burned, not dumped
    ("村里有个爱吹牛皮的，天天在地头烧秸秆", None, ("NY-02",)),                 # 吹牛皮 is no leather burned
    ("昨晚当街俺家的玉米秆垛被人点着了，肯定是有人故意放火", None, ()),         # someone set our stack alight
    ("国道上一辆大货车拴着好多头牛，开得飞快", None, ()),                       # cattle on a lorry, not tethered
    ("我在村口丢了一件羊毛衫，谁捡到了", None, ()),                             # lost a sweater
    ("小区公告栏里贴着一张寻狗启事", None, ()),                                 # a notice where notices go
    ("邻居家的鸡跑到俺院里把花苗刨了", None, ()),                               # one's own yard, no city green
    ("俺家鸭子把自家菜园的花苗啄了", None, ()),                                 # the same
    ("我家挨着城市快速路，声屏障上写着禁止鸣笛", None, ()),                     # the barrier's own lettering
    ("镇上闲置地上有人围起来养羊", None, ()),                                   # town or village: not SR-05
    ("朝干渠倒退了几步差点掉下去", None, ()),                                   # stepping back, nothing poured
]

REVIEW_MENDS_56 = [
    ("小区绿地边上有人锯了两棵大树", "村边林木盗伐", ("LH-01",)),          # a green's edge is no field's edge
    ("停车场地边上有人砍了几棵树", "村边林木盗伐", ("LH-01",)),            # nor a car park's
    ("县道边的护栏锈断了，有人在那堆了好些砖头", None, ("JT-03",)),       # only a bridge's railing is a repair
    ("小区门口有人私搭乱建，搭了个彩钢棚卖水果", None, ("SR-05",)),       # at the gate, not in the compound
    ("小区大门外的马路边有人私搭乱建了一排棚子", None, ("SR-05",)),       # outside the gate, by the road
    ("楼道里的灯坏了，装修垃圾倒在楼下空地上", None, ("SR-02",)),         # the waste is not in the corridor
    ("公园里长椅太少了", None, ()),                                        # a wish for more benches
    ("有人在车库门口堆了一堆砖头，挡住里头的车出不来", "门店住人", None),   # 挡住 里头 is no one living there
    ("这个公众号广告太多了", None, ()),                                    # ads of an online account
    ("邻居翻建房子，按说需要审批，可他直接就盖了四层", "宅基地审批", None), # a statement, not a question
    ("马路边那堆砖头放几天了，违规占道没人管", "问是否允许", None),         # 放几天了: how long it has lain
    ("村头竖了一块大牌子，是村里的宣传栏", "村里墙体广告", ()),            # a board is not an ad
    ("楼顶那个铁皮屋顶叫风掀了，砸着楼下的车", "城区违建", None),          # a tin roof is no tin room
    ("树坑里全是水泥袋子", None, ()),                                      # bags thrown in, not concreted
    ("大货挡道", None, ()),                                                # 大货 is a lorry
    ("空调对着窗户吹，太冷了", "空调热风", None),                          # one's own air conditioner
    ("公园树上挂满了鸟笼，野鸟都吓跑了", "野生动物", None),                 # cages on trees, no wild bird caged
]

# Review of rounds 84 and 85 (thirty-sixth session): sentences of the reviewer's own, each read wrongly on 5f2640c.
REVIEW_MENDS_57 = [
    ("顾客在店里冲店员大吼大叫，还摔了杯子", "店内充电", None),          # 冲 toward a shop assistant, no charging
    ("你们站到经营户的角度想想", None, ()),                              # a standpoint, no street trading
    ("他家电表绕表偷电，还私拉电线", "供水", None),                      # an electricity meter bypassed
    ("围绕表彰大会的安排，请各村报送材料", "供水", None),                # 围绕表彰 holds 绕表
    ("撸串的饭店包间里全是抽烟的", None, ()),                            # smoking indoors, no barbecue smoke
    ("背街小巷两边停着卖菜的三轮车，把路都占了", "违章停车", ("SR-05",)),  # stalls' tricycles, not parked cars
    ("昨天下午谁跑来在俺门口倒了一堆建筑垃圾", "会议通知", ("SR-02",)),    # someone came and dumped, no duty roster
    ("村里批了一块地给合作社，盖了两个大棚", None, ()),                  # 一个…两个 is no second homestead
    ("渣土车在县道上倒车撞了人", None, ()),                              # 倒车 is reversing, nothing dumped
    ("村头老张家院里的麦秸垛", None, ()),                                # a stack in someone's own yard
    ("有人在镇上划定的禁烧区里烧麦秸", "工作部署倡议", ("NY-02",)),      # burning in a zone, no proposal
    ("工地暂停施工许可期间还在夜里施工", "工作部署倡议", ("ZS-01",)),    # working on while suspended
    ("野狗跑进了院，狗把鸡咬死了", "院内犬只", None),                    # the dog came in, not a visitor
    ("公园的坑里倒满了垃圾", None, ("SR-01",)),                          # a park's pit is in the city
    ("小区门口有人卖BBQ酱", None, ()),                                   # a sauce for sale
    ("垃圾桶一满就换，可旁边的建筑垃圾堆了半个月没人管", "闲聊", ("SR-02",)),  # praise, then a report
    ("占道的棚子总算拆了一半，剩下的没人管", "核查无违法", None),        # half is still standing
    ("电动车推上楼充电，楼道里全是线", None, ("XF-01",)),               # charged in the corridor
]

# The review of round 86 (dev180/dev181): a reader's own sentences, each read wrongly on ca81712.
REVIEW_MENDS_58 = [
    ("真没想到村里有人在耕地上盖房", "打算未做", ("NY-01",)),              # 没想到 is surprise, not a plan
    ("没想到有人在当街搭棚", "打算未做", ("GH-06",)),                      # the same, a shed on a village street
    ("楼上天天打孩子，哭声不断", "丧事哭声", None),                          # crying with no funeral
    ("小区的消防水带被车压扁了", "浇地水带纠纷", None),                      # a fire hose, no watering
    ("燃气管子被挖掘机压破了", "浇地水带纠纷", ()),                          # a gas pipe, no watering
    ("有人把烂白菜堆在村口，都臭了", "村口冬储菜", ("SR-03",)),              # rotten cabbage is refuse
    ("萝卜码在村口卖", "村口冬储菜", None),                                  # set out for sale, not stored
    ("包工头给农民工打白条，工资一直不给", "民事赔偿欠款", None),            # an IOU for wages
    ("烘干厂的烘干机放在公路边的院子里，天天轰隆隆响", None, ()),            # beside the road, in a yard
    ("河堤上的树林被人放了一把火", "堤防林木", None),                        # 放了火 is no felling
    ("村口的消防栓被放羊的撞坏了", None, ("XF-05",)),                        # 消防栓, no cattle tied
    ("渣土车撒了一路土，后面箱子都没盖", "车辆载物掉落", ("SR-08",)),        # the soil spilled, not boxes
    ("有人趁禁烧员睡觉在地里烧麦茬", "乡镇街道执法人员投诉", ("NY-02",)),    # the burning is the report
    ("护林员说有人在林子里睡觉还生了火", "乡镇街道执法人员投诉", None),      # the ranger reports someone else
    ("拖拉机停在村道上，在路边挖沟引水浇地", None, ("JT-03",)),             # digging a ditch beside the road
    ("东西被人收走了不认", "复议诉讼", None),                                # taken by someone, no authority
    ("渣土车拉土不苫盖，得盖好不然一路撒", "问是否允许", ("SR-08",)),        # 盖好不然 is no question
]

REVIEW_MENDS = (REVIEW_MENDS_19 + REVIEW_MENDS_21 + REVIEW_MENDS_22 + REVIEW_MENDS_23 + REVIEW_MENDS_24
                + REVIEW_MENDS_25 + REVIEW_MENDS_26 + REVIEW_MENDS_27 + REVIEW_MENDS_28 + REVIEW_MENDS_29
                + REVIEW_MENDS_30 + REVIEW_MENDS_31 + REVIEW_MENDS_32 + REVIEW_MENDS_33
                + REVIEW_MENDS_34 + REVIEW_MENDS_35 + REVIEW_MENDS_36 + REVIEW_MENDS_37 + REVIEW_MENDS_38
                + REVIEW_MENDS_39 + REVIEW_MENDS_40 + REVIEW_MENDS_41 + REVIEW_MENDS_42 + REVIEW_MENDS_43
                + REVIEW_MENDS_44 + REVIEW_MENDS_45 + REVIEW_MENDS_46 + REVIEW_MENDS_47 + REVIEW_MENDS_48
                + REVIEW_MENDS_49 + REVIEW_MENDS_50 + REVIEW_MENDS_51 + REVIEW_MENDS_52 + REVIEW_MENDS_53
                + REVIEW_MENDS_54 + REVIEW_MENDS_55 + REVIEW_MENDS_56
                + REVIEW_MENDS_57 + REVIEW_MENDS_58)


@pytest.mark.parametrize("text,not_outside,routed", REVIEW_MENDS, ids=[t for t, _, _ in REVIEW_MENDS])
def test_review_mends(matcher, text, not_outside, routed):
    """A topic the text must not name (None: any), and what it must route (None: anything)."""
    r = matcher.match(text)
    if not_outside:
        assert not_outside not in r.outside
    if routed is not None:
        assert r.routed() == routed



# A mend of the review of round 75 that the table cannot show: a fight beside a broken city bin still
# names the police in the guidance (round 75 had the whole public-order topic yield to the bins').
def test_review_mend_of_round_75_a_fight_beside_a_broken_bin(matcher):
    r = matcher.match("县城里有人打架斗殴，垃圾桶都被砸坏了")
    assert "治安案件" in [g.topic for g in r.guidance]


# Mends of reviews that the table cannot show: a topic the text must still name (an exclusion written
# for one case had taken it away).
@pytest.mark.parametrize("text,named", [
    # review of rounds 84 and 85 (thirty-sixth session): a real fire, a crash with injuries, a factory's dead fish
    ("仓库真着火了，火很大", "火警"),
    ("国道上两辆车追尾，撞坏了国道上的护栏，司机受伤送医院了", "交通事故"),
    ("化工厂往河里倒废水，河里全是死鱼", "工业污染"),
    ("学校收费不少，食堂饭菜却经常变质", "食品安全"),
    # round 64: a compound's icicles over the street are still the property company's (the street words
    # exclude only drains, manholes and lamps from 物业服务)
    ("小区楼顶的冰溜子快掉到马路上了", "物业服务"),
    # round 65
    ("工地包工头晚上组织工人聚赌", "诈骗赌博"),                    # a contractor gambling: still gambling
    ("老板在厂门口贴了招工广告，干了三个月不给工资", "劳动纠纷"),  # wages unpaid, whatever was posted
    # round 72: a fire going on now, people trapped (the exclusion for a fire spoken of as what would
    # happen had taken it away)
    ("三楼着火了人都下不来，快叫消防车", "火警"),
    # round 73 (out-of-catalog side): a plant's smoke told with a doubt about its licence; furniture
    # bought from a plant and smelling of formaldehyde is product quality
    ("塑料厂天天冒黑烟，也不知道有没有执照", "工业污染"),
    ("在家具厂买的衣柜甲醛超标，熏得没法住", "食品安全"),
    # round 74 (out-of-catalog side): an exclusion for an ambulance had taken away unlicensed taxis
    # touting where ambulances pass, and one for a hospital's parking fee a complaint about its charges
    ("医院门口的黑车拉客，救护车都进不去", "客运出租"),
    ("医院收费太贵，一个CT好几百，停车场还要钱", "医疗保障"),
    # round 77: street burning still named when offerings lie by the fire
    ("楼下有人烧纸钱，祭品摆在路边，烟熏得人睁不开眼", "街头烧纸"),   # offerings laid out while paper burns
    ("小区门口有人烧纸，纸钱堆着一大堆正烧着", "街头烧纸"),           # a heap of paper money burning
    # round 78: a pipe half blocked is still a repair (only a door or road half blocked is not); a
    # restaurant cooking with gutter oil and pouring its waste oil down a drain still names food safety
    # (the exclusion for oil poured into a drain had taken away every 地沟油 within forty characters)
    ("卫生间的管子堵了一半，下水很慢", "报修求助"),
    ("这家饭店用地沟油炒菜，还把废油倒进下水道", "食品安全"),
    # round 81, out-of-catalog side: tenants 隔了几天 (after a few days) still name the tenants' registration
    # (the exclusion for partitions had taken every 隔了)
    ("出租屋住了十几个人，隔了几天又搬来一批，太杂了", "出租房屋治安"),
    # round 81, in-catalog side: debris thrown down that hit or nearly hit someone still names the police's
    # topic; a hydrant hit by a driver who drove off is still a traffic report; a stove kept inside a flat is
    # the neighbours' quarrel
    ("装修队从楼上往下扔碎砖头，差点砸到楼下的人", "高空抛物"),
    ("施工队从楼顶往下扔砖渣，砸伤了一个小孩", "高空抛物"),
    ("消防栓被车撞了，司机跑了", "交通事故"),
    ("楼道里住的那家在屋里放着个煤炉子，烟往楼道里冒", "邻里纠纷"),
    # round 82, out-of-catalog side: tap water or a well smelling, with manure or a pond only as the suspected
    # cause, is still drinking water; a roadside billboard feared to fall is still the billboard
    ("村里的自来水发黄，有股臭味，怀疑是旁边养猪场的猪粪渗进去了", "饮用水"),
    ("俺村的井里水有臭味，离坑塘太近了", "饮用水"),
    ("国道边立了个大广告牌，怕刮倒砸着人", "公路边广告牌"),
    # round 82, in-catalog side: dead pigs thrown with refuse, or together, are still dead livestock (only a
    # dead chicken in a bag of refuse is the refuse); a stack said to be one's own is still set alight by
    # someone, at the village head too; a dam in a river to catch fish is still fishing (only a canal's is SL-03)
    ("养猪场把病死猪和生活垃圾一起扔进村南的沟里", "动物防疫"),
    ("几头死猪一块扔进了干渠", "动物防疫"),
    ("俺家放在村头的柴火垛叫人点了，想查出是谁点的", "柴草垛被点"),
    ("河里打了个坝逮鱼，上下游的水都断了", "渔业"),
])
def test_review_mends_that_must_name_a_topic(matcher, text, named):
    assert named in matcher.match(text).outside


# Mends of reviews that the table cannot show: what the text must select, exactly (routed() cannot tell
# a family offered from a selection).
@pytest.mark.parametrize("text,selected", [
    # round 64: an empty lot is no farmland (the soil family is offered, ZR-02 not selected)
    ("有人在村里的空地挖土卖钱", ()),
    # round 66: the building site beside a workshop is selected again (before, a bare 作坊 excluded the
    # site's noise and the noise family was only offered)
    ("作坊旁边的工地晚上十二点还在用搅拌机", ("ZS-01",)),
    # review of round 86: 城乡农贸市场 is a city market, no 乡's (SR-05 selected, not a family offered)
    ("城乡农贸市场门口摆摊占道", ("SR-05",)),
])
def test_review_mends_that_must_select_exactly(matcher, text, selected):
    assert matcher.match(text).selected == selected


# Mends of reviews that the table cannot show: a matter the text must not route, whatever else it routes.
@pytest.mark.parametrize("text,matter", [
    # review of rounds 84 and 85: a cage used to carry dogs is no structure at the village head
    ("村头有人用狗笼子装狗往外运", "GH-06"),
    # round 68: a city's underpass and a compound's pump room are no water works
    ("火车道涵洞里堆满了垃圾没人清", "SL-03"),
    ("小区地下泵房叫物业占了当仓库", "SL-03"),
    # round 78: a shop on the road along a canal bank sells nothing on the bank (the bank's stall must be
    # told on the bank itself)
    ("渠堤上修了条水泥路，路口有家超市卖东西", "SL-03"),
])
def test_review_mends_that_must_not_route_a_matter(matcher, text, matter):
    assert matter not in matcher.match(text).routed()


# Mends of reviews that the table cannot show: a matter the text must route, whatever else it routes.
@pytest.mark.parametrize("text,matter", [
    # round 69: a city's green beside a road called 公路 is still city green
    ("市区公路边的绿地叫人圈起来种菜了", "LH-02"),
    # round 81, in-catalog side: sand dug on a river beach beside a wheat field is still the water works'
    ("麦地旁边的河滩上有人挖沙卖", "SL-03"),
])
def test_review_mends_that_must_route_a_matter(matcher, text, matter):
    assert matter in matcher.match(text).routed()


# Mends of reviews that the table cannot show: a matter the text must not select (something is still
# offered, so routed() is not empty).
@pytest.mark.parametrize("text,not_selected", [
    # round 67
    ("小区里晾衣架的支撑杆叫人拆走了", "LH-01"),             # a clothes-line pole is no tree stake
    ("小区门口的铁匠铺天天用角磨机切铁，吵死人", "ZS-01"),   # a smithy's grinder is no building site
    # round 69: refuse thrown by a bare 路边 is not placed in the city (SR-01 offered, not selected)
    ("有人把垃圾倒路边了", "SR-01"),
    # round 77
    ("消防箱里装的都是新灭火器，检查合格", "XF-05"),                  # the box holds what belongs in it
    ("小区儿童乐园的沙箱被人当成了垃圾桶，里面全是烟头", "XF-05"),    # a children's sandpit, no fire sand
    ("一个喝醉的人晚上倒在县道路肩上睡着了", "JT-03"),                # a man lying down, nothing dumped
    ("按老人遗愿把骨灰撒在了自家麦地里", "ZR-02"),                    # ashes scattered, no grave built
    ("公园里唱戏的每天晚上都有好多人看", "ZS-02"),                    # an audience every night, no noise told
])
def test_review_mends_that_must_not_select_a_matter(matcher, text, not_selected):
    assert not_selected not in matcher.match(text).selected


def test_a_light_fine_is_named_whatever_its_amount(matcher):
    assert "处罚过轻" in matcher.match("就罚了四百块").outside


# (工地那边一起风土就乱飞 was the first text: the model trained again in the thirty-seventh session on relabelled sets
# gives DQ-06 0.29 there, under order_min 0.3, and the family's own order stands; 一刮风 says the same)
@pytest.mark.parametrize("text", ["工地那边一刮风土就乱飞", "工地的土一直没人管", "旁边工地的土堆光着没人管"])
def test_family_offered_with_the_likeliest_member_first(matcher, text):
    # the building-site family, offered on its everyday word, lists the dust matter first when
    # the n-gram model finds it clearly likelier than the family's first (noise, ZS-01); every
    # member is still offered and nothing is selected
    r = matcher.match(text)
    assert r.status == "ambiguous" and not r.selected
    assert r.ambiguous[0][0] == "DQ-06"
    assert set(r.ambiguous[0]) == {"ZS-01", "DQ-06", "SR-02", "SR-08"}


def test_family_order_stands_when_the_model_is_not_clear(matcher):
    # the model finds DQ-06 likelier here too (about 0.6 against 0.37), but not twice as likely
    # (order_ratio): the family's own order stands
    r = matcher.match("工地那边")
    assert r.ambiguous == (("ZS-01", "DQ-06", "SR-02", "SR-08"),)


# The twentieth session's two reviews of rounds 59/60 and 61/62 (the reviewers' own sentences): each
# case failed on the knowledge before its mend in catalog/matching.yaml.
@pytest.mark.parametrize("text, matter", [
    ("楼下烧烤的事，到现在还在烤，我们很不满意", "DQ-01"),   # 不满意 is no satisfied return visit
    ("谁有城管的电话，楼下烧烤摊太吵了", "DQ-01"),           # asking for a number in one clause only
    ("冬天渠里结冰了，有人把建筑垃圾倒在干渠的冰面上", "SL-03"),
    ("有人私自挖开人行道埋管，回填不实，现在塌了个坑", "DL-01"),
    ("有人没有取土证在麦地里挖土", "ZR-02"),
    ("店家在门口行道树上缠满彩灯，还挂了小广告", "SR-06"),
    ("消火栓叫雪埋了，还被一辆车挡着", "XF-06"),
    ("有人在人行道上挖沟埋管，提前也没公示", "DL-01"),     # a works notice needs its organiser said
    ("有人把村道挖开了，事先也没说一声", "JT-01"),
    ("夜间施工无法提供夜间施工证明", "ZS-01"),             # a permit asked for is no permit shown
    ("他说经村委会同意了，就在村道上盖房", "JT-04"),       # a party's claim is no check reply
    ("开完推进会回来路上看到有人烧秸秆", "NY-02"),         # a meeting named is no meeting notice
    ("麻烦跟进一下门口烧烤摊的油烟问题", "DQ-01"),
    ("为啥不让他们在人行道上摆摊，城管也不管", "SR-05"),   # a trader's plea is in the first person
    ("工地的拖拉机出场车轮带泥也不冲洗", "DQ-06"),
    ("往村口倒垃圾，药瓶子、饭盒扔一地", "SR-03"),         # medicine bottles are refuse
])
def test_review_reports_kept(matcher, text, matter):
    assert matter in matcher.match(text).selected


@pytest.mark.parametrize("text, matter", [
    ("防汛指挥部的大喇叭喊大家赶紧撤离", "ZS-02"),          # one emergency notice is no noise
    ("村里大喇叭播通知说明天停电", "ZS-02"),
    ("老旧小区改造后，楼下晚上还打牌吵到半夜", "ZS-01"),    # cards at night are no works
    ("洒水车只有领导来检查才开", "DQ-06"),                  # a water truck is no building site
    ("河边新开了夜市，烧烤烟太大", "SR-05"),
    ("开发商未经审批新建楼房", "NY-01"),
    ("俺把院里的杂草连根拔了", "LH-01"),
    ("花店门口的鲜花被人偷走了", "LH-01"),
    ("俺家院里的树上钉钉子挂腊肉", "LH-01"),
    ("马路上摆着锥桶，前面出车祸了", "DL-01"),
    ("清明回老家给老人修坟", "ZR-02"),                       # (was offered, not selected)
])
def test_review_words_too_broad(matcher, text, matter):
    r = matcher.match(text)
    assert matter not in r.selected and not any(matter in g for g in r.ambiguous)


@pytest.mark.parametrize("text, body", [
    ("河里漂着人家扔的塑料袋", "公安机关"),                  # 人家 is no body in the water
    ("干活没签合同，老板一推了之", "人民法院"),              # an unsigned contract is no house pulled down
    ("城管执法队员态度太差还骂人", "街道办事处"),            # city management's officers, not a street's
])
def test_review_topics_that_claimed_too_much(matcher, text, body):
    assert body not in [g.body for g in matcher.match(text).guidance]


@pytest.mark.parametrize("text,kept", [
    ("工地半夜施工，吵得人睡不着", "半夜施工"),       # 夜施 (short for 夜间施工) is no abbreviation here
    ("小区内部道路让人占了", "小区内部道路"),         # 小区内 → 小区里, but not inside 小区内部
])
def test_a_typo_entry_does_not_garble_a_longer_word(matcher, text, kept):
    """The typo table's entries that `catalog check` found rewriting words of the vocabulary
    into words it lacks (半夜施工 had become 半夜间施工工) keep those words as written."""
    assert kept in normalize(text, matcher._typos).text


# Tracked and iron-wheeled machines on a highway are named by 超限运输, the topic that always listed
# 履带车 and 铁轮车 (rounds 69 and 70 each wrote a copy of it, now folded in); 铁瓦 is also an iron roof
# sheet, and a shed of it by a county road named the copy before the fold.
@pytest.mark.parametrize("text", ["铁轮拖拉机在村道上跑", "挖掘机的履带从县道上碾过去，路面全是印子"])
def test_tracked_machines_on_a_road_name_the_overload_topic(matcher, text):
    assert "超限运输" in matcher.match(text).outside


def test_an_iron_roof_shed_is_no_tracked_machine(matcher):
    r = matcher.match("俺家院里搭了个铁瓦棚子，在县道边上，车都过不去")
    assert "超限运输" not in r.outside and r.routed() == ("JT-04",)


# Merging the two sides of round 73: a farm building turned into a workshop that also pollutes keeps
# ZR-01 (the change of use is its own act, not only the place of the factory's emissions); a disused
# farm (废弃养殖场) abandons no dog and a greenhouse turned into a store (大棚改为) is no shanty-town
# renovation (棚改).
@pytest.mark.parametrize("text,not_outside,routed", [
    ("村北废弃养殖场叫外地老板租了，改为橡胶加工作坊，夜里生产，味儿大", "流浪犬", ("ZR-01",)),
    ("大棚改为仓库了", "物业住建", ("ZR-01",)),
])
def test_merge_mends_of_round_73(matcher, text, not_outside, routed):
    r = matcher.match(text)
    assert not_outside not in r.outside and r.routed() == routed


# Labelling decisions the knowledge follows (tests/matching/briefs/decisions.yaml, thirtieth session): a bare
# 一户多宅 is the township's homestead matter with its basis named, a new house built beside it is still reported
# (a bare 飞线充电 is in MESSY above, 飞线充电 with 楼道 said in REVIEW_MENDS).
@pytest.mark.parametrize("text,topic,routed", [
    ("一户多宅", "老宅退出", ()),
    ("村里有户一户两宅", "老宅退出", ()),
    ("一户多宅，又在耕地里盖了新房", None, ("NY-01",)),
])
def test_decided_bare_texts(matcher, text, topic, routed):
    r = matcher.match(text)
    assert r.routed() == routed
    if topic:
        assert topic in r.outside and any(g.body == "乡镇人民政府" for g in r.guidance)
