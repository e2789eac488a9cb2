"""Issue 14: everyday words, one act one choice, noise, out-of-catalog guidance, the cue rule."""
from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest
import yaml

from router.catalog.load import load_catalog
from router.matching.evaluate import EVERYDAY_KEYS, body_named, offers
from router.model.errors import CatalogError
from router.policy.lint import check_catalog

ROOT = Path(__file__).resolve().parents[1]

# vague everyday word -> the family offered (every member must be offered)
VAGUE = [
    ("违章建筑", "违法建设", {"NY-01", "GH-01", "GH-02", "GH-03", "SR-05", "GH-06", "JT-04"}),
    ("违建", "违法建设", {"NY-01", "GH-01", "SR-05"}),
    ("乱搭乱建", "违法建设", {"NY-01", "GH-06", "SR-05"}),
    ("村民违建", "农村建房", {"NY-01", "GH-01", "GH-02", "GH-03"}),
    ("村里有人违规盖房", "农村建房", {"NY-01", "GH-01", "GH-02", "GH-03"}),
    ("占道经营", "占道", {"SR-05", "JT-03"}),
    ("摆摊", "占道", {"SR-05", "JT-03"}),
    ("门口有人卖菜", "占道", {"SR-05", "JT-03"}),
    ("垃圾乱倒", "乱倒垃圾", {"SR-01", "SR-03", "SR-02"}),
    ("小广告", "小广告", {"SR-06", "DL-02"}),
    ("噪音扰民", "噪音扰民", {"ZS-01", "ZS-02", "ZS-03"}),
]


@pytest.mark.parametrize("text,family,members", VAGUE, ids=[v[0] for v in VAGUE])
def test_everyday_words_offer_the_family_with_its_question(matcher, text, family, members):
    r = matcher.match(text)
    assert r.status == "ambiguous", (r.status, r.notes)
    assert r.selected == ()
    (choice,) = r.choices
    assert choice.family == family
    assert members <= set(choice.matters)
    assert r.ambiguous == (choice.matters,)
    assert choice.question and any(choice.question in n for n in r.notes)
    data = r.to_json()
    assert data["choices"][0]["question"] == choice.question


def test_context_decides_instead_of_the_family(matcher):
    # a specific description is still matched, not turned into a choice
    assert matcher.match("人行道上有人摆摊卖菜").selected == ("SR-05",)
    assert matcher.match("国道边上有人摆摊卖西瓜").selected == ("JT-03",)
    assert matcher.match("村里有人往坑塘里倒生活垃圾").selected == ("SR-03",)
    assert matcher.match("楼上住户往楼下乱扔垃圾").selected == ("SR-01",)


def test_one_act_one_choice_for_the_village_housing_matters(matcher):
    r = matcher.match("村民没办规划许可就在自家宅基地上盖了三层楼，违反村庄规划")
    assert len(r.selected) <= 1, r.selected          # never three decisions
    routed = set(r.selected) | {m for g in r.ambiguous for m in g}
    assert routed and routed <= {"NY-01", "GH-01", "GH-02", "GH-03"}
    r = matcher.match("村民在宅基地上建房，没去乡里办乡村建设规划许可证")
    assert len(r.selected) <= 1 and r.status in ("matched", "ambiguous")


def test_a_family_tie_on_strong_evidence_is_not_vetoed_by_the_outside_model(matcher):
    # the three housing matters tie on several cues each (top score at outside_max_score): the
    # clerk is offered the family, as a selected matter with that score would be kept
    r = matcher.match("网格员上报：城中村一户房东在四层楼顶又加盖了两层彩钢房出租，没有任何审批手续，请处理。")
    assert r.status == "ambiguous" and set(r.ambiguous[0]) == {"GH-01", "GH-02", "GH-03"}, r.notes
    # unless the text says it is no report (here a question about a permit)
    r = matcher.match("网格员咨询：城中村一户房东在楼顶又加盖了两层彩钢房，没有任何手续，是否需要办理规划许可证？")
    assert r.status == "no_fit" and not r.ambiguous, (r.ambiguous, r.notes)


def test_high_rise_charging_is_the_specific_rule(matcher):
    r = matcher.match("高层住宅的楼梯间里有人给电瓶车充电")
    assert r.selected == ("XF-07",)
    assert matcher.match("楼道里有人给电动车充电").selected == ("XF-01",)


@pytest.mark.parametrize("seed", range(5))
def test_random_text_is_no_fit(matcher, seed):
    rng = random.Random(seed)
    texts = [item for name in ("dev", "tune") for item in
             (ROOT / "tests" / "matching" / f"{name}.yaml").read_text(encoding="utf-8").splitlines()]
    alphabet = sorted({c for t in texts for c in t if "\u4e00" <= c <= "\u9fff"})
    for text in ("".join(rng.choice(alphabet) for _ in range(5000)),
                 "".join(chr(rng.randint(0x4E00, 0x9FA5)) for _ in range(5000))):
        r = matcher.match(text)
        assert r.status == "no_fit", (r.selected, r.ambiguous)


def test_random_text_that_reads_as_noise_says_so(matcher):
    rng = random.Random(7)
    alphabet = [chr(c) for c in range(0x4E00, 0x9FA5)]
    r = matcher.match("".join(rng.choice(alphabet) for _ in range(5000)) + "村里有人在耕地上乱堆柴草")
    # the one real sentence still counts where the rest is noise only if it has words of its own
    assert r.status in ("no_fit", "matched", "ambiguous")


def test_a_list_of_unrelated_words_is_no_fit(matcher):
    r = matcher.match("垃圾 广告 狗 烧烤 耕地 消防 噪音 公路 水库")
    assert r.status == "no_fit" and r.selected == () and r.ambiguous == ()
    assert any("互不相关的词语" in n for n in r.notes)
    # a short inspector's note with spaces is still a description
    assert matcher.match("楼道 电动车 充电").selected == ("XF-01",)


OUTSIDE = [
    ("有人打架", "公安机关"),
    ("老公天天打老婆，家暴", "公安机关"),
    ("电动车被偷了", "公安机关"),
    ("路口撞车了，出车祸了", "公安机关"),
    ("工厂排污水到河里", "生态环境部门"),
    ("饭店卖过期食品", "市场监管部门"),
    ("老板拖欠工资不给", "人社部门"),
    ("河里有人电鱼", "农业农村部门"),
]


@pytest.mark.parametrize("text,body", OUTSIDE, ids=[t for t, _ in OUTSIDE])
def test_out_of_catalog_reports_name_the_competent_body(matcher, text, body):
    r = matcher.match(text)
    assert r.status == "no_fit" and r.selected == () and r.ambiguous == ()
    assert r.guidance, r.notes
    assert body_named(body, r.guidance)
    g = r.guidance[0].to_json()
    assert g["kind"] == "guidance" and g["basis"] and g["source"] and "不是管辖决定" in g["note"]
    # the note the clerk reads carries the source too: how far the basis was checked
    assert any(n.startswith("指引（不是管辖决定）") and f"出处：{g['source']}" in n for n in r.notes)


def test_body_named_compares_the_core_of_the_names():
    entry = {"body": "市场监督管理部门", "aliases": ["市场监管"]}
    assert body_named("市场监管部门", [entry]) and body_named("华龙区市场监督管理局", [entry])
    assert not body_named("公安机关", [entry])
    assert not body_named("公安机关", [])


def test_body_named_reads_village_and_residents_committees_as_one_kind():
    # labels write 村民委员会 / 居民委员会 / 村委会; the guidance names 村（居）民委员会
    entry = {"body": "村（居）民委员会", "aliases": []}
    for name in ("村民委员会", "居民委员会", "村委会", "居委会", "村（居）民委员会"):
        assert body_named(name, [entry]), name
    assert body_named("村（居）民委员会", [{"body": "村委会"}])
    assert not body_named("人民调解委员会", [entry])
    assert not body_named("村民委员会", [{"body": "人民调解委员会"}])
    assert body_named("供水单位", [{"body": "供水企业", "aliases": ["自来水公司"]}])


def _copy_catalog(tmp_path: Path) -> Path:
    dst = tmp_path / "catalog"
    shutil.copytree(ROOT / "catalog", dst)
    return dst


def test_catalog_check_flags_phrase_fragments_but_not_legal_terms(tmp_path):
    cat = _copy_catalog(tmp_path)
    path = cat / "matching.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("    keywords: [挖掘公路, 占用公路,", "    keywords: [有人把公路挖开了一个口子, 挖掘公路, 占用公路,", 1)
    path.write_text(text, encoding="utf-8")
    report = check_catalog(cat, notices=False)
    assert [(p.entry, p.key) for p in report.errors] == [("JT-01", "keywords")]
    assert "有人把公路挖开了一个口子" in report.errors[0].message
    # a gapped word is judged piece by piece; a fixed legal term may be long
    text = text.replace("有人把公路挖开了一个口子", "公路…挖开", 1)
    text = text.replace("legal_terms: [", "legal_terms: [中华人民共和国公路法, ", 1)
    text = text.replace("    keywords: [公路…挖开,", "    keywords: [中华人民共和国公路法, 公路…挖开,", 1)
    path.write_text(text, encoding="utf-8")
    assert check_catalog(cat, notices=False).ok
    # the shipped knowledge has no fragment left
    assert check_catalog(ROOT / "catalog", notices=False).ok


@pytest.mark.parametrize("cue,flagged", [
    ("挖(了|)一晚上(的|)路", False),     # 挖一晚上路: six characters said, the particles may be left out
    ("挖了一晚上的路", True),            # seven characters written out
    ("挖(了|着)一晚上的路", True),       # a particle is said either way: it counts
    ("(把|)公路挖开了口子", True),       # 把 is no particle that may be left out
])
def test_a_particle_that_may_be_left_out_does_not_count_toward_the_length(tmp_path, cue, flagged):
    cat = _copy_catalog(tmp_path)
    path = cat / "matching.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("    keywords: [挖掘公路, 占用公路,", f"    keywords: [{cue}, 挖掘公路, 占用公路,", 1),
                    encoding="utf-8")
    report = check_catalog(cat, notices=False)
    assert (not report.ok) == flagged, [p.message for p in report.errors]


def test_family_words_need_a_question(tmp_path):
    cat = _copy_catalog(tmp_path)
    path = cat / "matching.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("  小广告:\n    members: [SR-06, DL-02]")
    end = text.index("\n", text.index("    question:", start))
    text = text[:start] + "  小广告:\n    members: [SR-06, DL-02]\n    words: [【小广告说法】]" + text[end:]
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CatalogError) as exc:
        load_catalog(cat, check_extras=True)
    assert any("question" in p.message and p.key == "小广告" for p in exc.value.problems)


@pytest.mark.parametrize("text,bodies", [
    ("征地的补偿款到现在还没给", {"自然资源部门"}),              # land: not also water resources
    ("厂里私打自备井抽地下水", {"水利部门"}),                    # water: not also land registration
])
def test_guidance_names_the_body_of_what_is_said_only(matcher, text, bodies):
    assert {g.body for g in matcher.match(text).guidance} == bodies


def test_guidance_body_needs_basis_and_source(tmp_path):
    cat = _copy_catalog(tmp_path)
    path = cat / "matching.yaml"
    text = path.read_text(encoding="utf-8")
    i = text.index("    body: 公安机关\n")
    j = text.index("    source:", i)
    k = text.index("\n", j)
    text = text[:j] + text[k + 1:]
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CatalogError) as exc:
        load_catalog(cat, check_extras=True)
    assert any("source" in p.message for p in exc.value.problems)


# Topic families (compete: false): a vague word offers the topic's matters; specific acts of the
# same topic are still all selected. Phrasings written for this test, not taken from a labelled set.
TOPICS = [
    ("工地上的事没人管", "工地", {"ZS-01", "DQ-06", "SR-02", "SR-08"}),
    ("小区消防隐患太多", "消防隐患", {"XF-02", "XF-03", "XF-06"}),
    ("消火栓的事", "消火栓", {"XF-04", "XF-05", "XF-06"}),
    ("有人挖路", "挖路", {"JT-01", "DL-01"}),
    ("街上乱堆乱放", "乱堆乱放", {"SR-05", "GH-05"}),
]


@pytest.mark.parametrize("text,family,members", TOPICS, ids=[t[0] for t in TOPICS])
def test_a_topic_word_offers_the_topic(matcher, text, family, members):
    r = matcher.match(text)
    assert r.status == "ambiguous", (r.status, r.notes)
    (choice,) = r.choices
    assert choice.family == family and members <= set(choice.matters)


def test_the_acts_of_one_topic_do_not_compete(matcher):
    r = matcher.match("工地夜里十一点还在打桩，白天也不洒水，尘土满天飞")
    assert {"ZS-01", "DQ-06"} <= set(r.selected), (r.status, r.selected)


def test_a_topic_family_needs_words(tmp_path):
    shutil.copytree(ROOT / "catalog", tmp_path / "catalog")
    p = tmp_path / "catalog" / "matching.yaml"
    text = p.read_text(encoding="utf-8")
    p.write_text(text.replace("  水库:\n    compete: false\n    members: [SL-02, SL-03]\n    words: [水库]\n",
                              "  水库:\n    compete: false\n    members: [SL-02, SL-03]\n"), encoding="utf-8")
    with pytest.raises(CatalogError) as e:
        load_catalog(tmp_path / "catalog").matcher
    assert "compete: false 的类别只在描述笼统时给出选择，须写 words" in str(e.value)


# Out-of-catalog acts (nofit topics marked `act: true`): a text that names another act is about
# that act; a matter needs evidence of its own besides the place or object it shares with the
# act. Phrasings written for this test, not taken from a labelled set.
ACTS = [
    ("夜市烤串摊旁边两拨人打起来了", "公安机关"),
    ("邻居的狗把我家孩子咬伤了", "公安机关"),
    ("厨房里一股煤气味，怀疑漏气", "燃气管理部门（住房和城乡建设部门）"),
    ("饭馆包间里好多人抽烟", "卫生健康部门"),   # (with “呛” it could be the fumes too)
    ("街边摊贩卖假冒的名牌包", "市场监督管理部门"),
    ("工地上半夜有人聚众赌钱", "公安机关"),
]


@pytest.mark.parametrize("text,body", ACTS, ids=[a[0] for a in ACTS])
def test_another_act_at_a_catalog_place_is_not_that_matter(matcher, text, body):
    r = matcher.match(text)
    assert r.status == "no_fit", (r.status, r.selected, r.notes)
    assert body in [g.body for g in r.guidance]
    assert r.outside, "the act is reported as such"


def test_the_clerk_is_told_why_a_place_was_not_enough(matcher):
    r = matcher.match("夜市烤串摊旁边两拨人打起来了")
    (c,) = [c for c in r.candidates if c.matter == "DQ-01"]
    assert not c.selected and any("另一种行为" in reason for reason in c.reasons), c.reasons


def test_the_matters_own_act_beside_another_act_is_still_chosen(matcher):
    r = matcher.match("烧烤摊油烟熏得人睁不开眼，昨晚还有人在摊前打架")
    assert "DQ-01" in r.selected, (r.status, r.notes)
    assert "公安机关" in [g.body for g in r.guidance]
    r = matcher.match("有人遛狗不拴绳，把路过的小孩咬伤了")
    assert "WM-01" in r.selected, (r.status, r.notes)
    r = matcher.match("公路上晒麦子，还有人冒充交警拦车要钱")
    assert "JT-03" in r.selected and "公安机关" in [g.body for g in r.guidance], (r.status, r.notes)
    r = matcher.match("工地夜里施工，还有人赌钱")
    assert "ZS-01" in r.selected, (r.status, r.notes)


def test_a_theft_of_a_public_facility_is_the_catalog_act(matcher):
    # stealing is the very act of the facility matters, so theft words are not an outside act
    r = matcher.match("村里的垃圾桶被人偷走了")
    assert r.routed()[:1] == ("SR-04",), (r.status, r.selected, r.ambiguous, r.notes)


def test_an_act_with_no_place_gets_no_learned_guess(matcher):
    r = matcher.match("被狗咬了去哪打疫苗")
    assert r.status == "no_fit" and not r.ambiguous


def test_a_word_that_only_says_the_text_is_vague_does_not_block_the_family(matcher):
    # 不文明 (泛泛表述, vague: true) says nothing outside the catalog: the family is still offered
    r = matcher.match("遛狗的人太不文明")
    assert r.status == "ambiguous" and {"WM-01", "WM-02"} <= set(r.ambiguous[0]), (r.status, r.notes)
    r = matcher.match("这里的人太不文明了")
    assert r.status == "no_fit" and any("过于笼统" in n for n in r.notes)


# A topic's flags are checked when the catalog loads: `act` and `vague` are true or false, and a
# topic that only says a text is vague cannot also be an act or name a competent body.
BAD_FLAGS = [
    ("    act: 是\n", "act"),
    ("    act: true\n    vague: true\n", "vague"),
    ("    closes: 1\n", "closes"),
    ("    closes: true\n    vague: true\n", "vague"),
]


@pytest.mark.parametrize("flags,word", BAD_FLAGS, ids=[w for _, w in BAD_FLAGS])
def test_topic_flags_are_checked(tmp_path, flags, word):
    cat = _copy_catalog(tmp_path)
    path = cat / "matching.yaml"
    text = path.read_text(encoding="utf-8").replace("  治安案件:\n    act: true\n", "  治安案件:\n" + flags, 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CatalogError) as exc:
        load_catalog(cat, check_extras=True)
    assert any(word in p.message and p.key.startswith("治安案件") for p in exc.value.problems)


# Two acts in two clauses: the first act's words exclude the second matter only in their own
# clause. One act told in two clauses stays one matter: its smoke is not a kitchen's.
TWO_CLAUSES = [
    ("饭店在门口露天烧烤，后厨油烟也没装净化器直排", {"DQ-01", "DQ-02"}),
    ("烧烤店把炉子摆到门口露天烤串，店里炒菜的油烟也没装净化器", {"DQ-01", "DQ-02"}),
]
ONE_ACT = [
    ("有家饭店在自家后院摆了十几张桌子搞露天烧烤，烟飘得整条巷子都是", "DQ-02"),
    ("我们楼33层，好几户把电动车推到楼道里充电，线是从家里扯出来的", "XF-01"),
    ("俺这是住人的楼，底下咋能开饭店嘞？新装修的，还没开张，烟囱管子就顺着墙往上走", "DQ-02"),
]


@pytest.mark.parametrize("text,expected", TWO_CLAUSES, ids=[t for t, _ in TWO_CLAUSES])
def test_an_exclusion_in_another_clause_does_not_drop_a_second_act(matcher, text, expected):
    r = matcher.match(text)
    assert expected <= set(r.selected), r.notes
    assert any("排除语境在另一分句" in reason for c in r.candidates for reason in c.reasons)


@pytest.mark.parametrize("text,excluded", ONE_ACT, ids=[t for t, _ in ONE_ACT])
def test_one_act_told_in_two_clauses_keeps_its_exclusion(matcher, text, excluded):
    assert excluded not in matcher.match(text).selected


# Two acts in two clauses do not make a third out of one word of each (烧 of the straw fire and
# 垃圾 of the dumping are no refuse burning); a third act told in a clause of its own, or one act
# told in two clauses, stays chosen.
BORROWED = [
    ("村东头有人往沟里倒垃圾，还有人在麦地里烧麦秸", {"SR-03", "NY-02"}, "DQ-05"),
    # (round 14: in "城郊工地乱倒建筑垃圾，运土车也没盖篷布" the truck's 没盖 is now the truck's own act
    # (DQ-06 yields_to SR-08, still SR-02 + SR-08 only); another borrowed third act stands here)
    ("小区里有人乱扔垃圾，还有人在路边烧树叶", {"SR-01", "NY-02"}, "DQ-05"),
]
NOT_BORROWED = [
    ("村里有人在地头烧垃圾", "DQ-05"),
    ("老楼楼道里，堆满了杂物", "XF-03"),
]


@pytest.mark.parametrize("text,expected,borrowed", BORROWED, ids=[t for t, _, _ in BORROWED])
def test_words_of_two_acts_do_not_make_a_third(matcher, text, expected, borrowed):
    r = matcher.match(text)
    assert set(r.selected) == expected, r.selected
    third = next(c for c in r.candidates if c.matter == borrowed)
    assert any("依据由不同分句的词拼成" in reason for reason in third.reasons)


@pytest.mark.parametrize("text,expected", NOT_BORROWED, ids=[t for t, _ in NOT_BORROWED])
def test_an_act_in_its_own_clause_is_not_borrowed(matcher, text, expected):
    assert expected in matcher.match(text).selected


# Something outside the catalog told after "，还…" does not raise the bar for the act told apart
# from it; a barbecue stall open late beside a fight is still no report of the stall's smoke.
OTHER_SENTENCE = [
    ("马路边有人乱倒生活垃圾，还有人在那儿打架", "SR-01"),
    ("工地半夜还在干活，另外老板还欠着工人工资", "ZS-01"),
]


@pytest.mark.parametrize("text,expected", OTHER_SENTENCE, ids=[t for t, _ in OTHER_SENTENCE])
def test_an_outside_act_in_another_sentence_does_not_raise_the_bar(matcher, text, expected):
    r = matcher.match(text)
    assert r.selected == (expected,), r.notes
    assert r.guidance, "the outside act still gets its guidance"


def test_an_outside_act_beside_no_act_of_the_catalog_stays_out(matcher):
    assert matcher.match("楼下烧烤摊半夜还开着，还有人在那儿打架").status == "no_fit"


# Grain dried on a highway and taking half of it is one act (JT-03): the taking is the drying's,
# not an occupation of the highway (JT-01); digging the same highway is still JT-01.
DRYING_TAKES_THE_ROAD = [
    ("村民在乡道上晒花生，占了半边路", {"JT-03"}),
    ("有人在县道上晒玉米，还有人把县道挖开埋管子", {"JT-03", "JT-01"}),
]


@pytest.mark.parametrize("text,expected", DRYING_TAKES_THE_ROAD, ids=[t for t, _ in DRYING_TAKES_THE_ROAD])
def test_grain_drying_that_takes_half_the_road_is_one_act(matcher, text, expected):
    assert set(matcher.match(text).selected) == expected


# A stall or a pile that is another matter's act told in the same clause (the barbecue on the
# pavement, goods stacked on a hydrant, a shed on green land) is that act, not also SR-05
# (matching.yaml: yields_to); street occupation told in a clause of its own is still SR-05.
YIELDS = [
    ("烧烤摊把炉子支在人行道上烤串", {"DQ-01"}),
    ("水果摊把货箱堆在路边消火栓上", {"XF-06"}),
    ("商户占了街边绿地搭了个棚子", {"LH-02"}),
    ("饭店晚上在门口烤串，白天还把桌椅摆满了人行道", {"DQ-01", "SR-05"}),
    ("烧烤摊占了人行道", {"DQ-01", "SR-05"}),                  # the occupation itself is said
    ("有人把街边绿化带铲平当停车场", {"LH-02"}),               # the plants go with the land taken
    ("高层楼道里停着电动车，还堆满了纸箱", {"XF-07", "XF-03"}),  # a pile of its own
    ("夜市的烧烤摊天天烤到后半夜", {"DQ-01"}),                    # late hours are the barbecue's, no noise said
    # the stall told only in the clauses of two acts it yields to, a part in each
    ("乡里集镇车站边上有人私搭了个棚，门口摆摊把县道占了一半", {"GH-06", "JT-03"}),
    # the act it yields to told whole in no one clause, a part in each, the later with 还: two acts
    ("卖衣服的把货架推到人行道上，门口喇叭还喊个不停", {"ZS-03", "SR-05"}),
    ("人行道上卖袜子的摊子放大喇叭喊", {"ZS-03"}),                # one clause: the loudspeaker's stall
]


@pytest.mark.parametrize("text,expected", YIELDS, ids=[t for t, _ in YIELDS])
def test_a_stall_that_is_another_acts_setting_yields_to_it(matcher, text, expected):
    assert set(matcher.match(text).selected) == expected


def test_the_height_said_far_away_still_sets_the_scene(matcher):
    # scene: [【高层】]: the building's height is said once, long before the charging
    text = ("我们这栋楼三十二层，是高层住宅，业主群里天天吵物业费和停车位的事，这些先不提。"
            "要紧的是隔壁那户，每天晚上把电瓶车推到楼道里，拉根线插上充电")
    assert matcher.match(text).selected == ("XF-07",)


# A wire hung from a window to a bike below is no charging in a corridor (the sets' convention);
# said beside a stairwell, it is.
WINDOW_WIRE = [
    ("有人从四楼窗户垂下一根电线给楼下的电瓶车充电", ()),
    ("住户在楼梯间给电动车充电，线是从自家窗户吊下来的", ("XF-01",)),
]


@pytest.mark.parametrize("text,expected", WINDOW_WIRE, ids=[t for t, _ in WINDOW_WIRE])
def test_a_wire_from_a_window_is_no_corridor_charging(matcher, text, expected):
    assert matcher.match(text).selected == expected


# Two members of a family told whole in clauses of their own, the later adding another act (还…),
# are two acts; one act told over two clauses (the permit it lacks) stays one.
APART = [
    ("村里盖仓库没有乡村建设规划许可证，还在村广场上搭了间彩钢房卖货", {"GH-01", "GH-06"}),
    ("村里有人在村口盖了个两层门面房准备出租，没办乡村建设规划许可证", {"GH-01"}),
    # a later item of a numbered list tells another act as plainly as 还/也 does
    ("1.村口堆粪；2.村外沟里倒满了生活垃圾", {"GH-05", "SR-03"}),
    ("一是村口堆粪，二是村外沟里倒满了生活垃圾", {"GH-05", "SR-03"}),
    ("巡查发现：(1)村口堆粪；(2)村外沟里倒满了生活垃圾", {"GH-05", "SR-03"}),
    # …but a count or a number's unit at a clause's start is no item
    ("村口堆粪，2个人正往村外沟里倒生活垃圾", {"SR-03"}),
    # 另有 (“there is also”) begins another act: the tree's nails exclude no light box on a pole
    ("路灯杆上挂满了灯箱，另有一棵行道树被人钉了钉子", {"DL-02", "LH-01"}),
]


# A scene word (the building's height) sets the scene of the whole ticket: a high-rise's charging
# is told whole in its own clause, so a third matter pieced together from the charging clause's
# 楼道 and the fire lane's 杂物 borrows the words of two acts and is not chosen.
SCENE_APART = [
    ("28层的住宅楼，楼下消防车道上堆着建材，楼道里还有人给电瓶车充电", {"XF-07", "XF-02"}),
    ("这栋楼有三十层，消防车道被杂物挡了，楼道里还有人给电动车充电", {"XF-07", "XF-02"}),
    # a word of the corridor-pile act (柜子) that is the evidence of an act it yields to (the
    # hydrant blocked) is no pile of its own
    ("二十多层的楼，门厅里全是电动车，消火栓也叫柜子挡着", {"XF-07", "XF-06"}),
]


@pytest.mark.parametrize("text,expected", SCENE_APART, ids=[t for t, _ in SCENE_APART])
def test_a_scene_word_elsewhere_leaves_each_act_in_its_clause(matcher, text, expected):
    assert set(matcher.match(text).selected) == expected


@pytest.mark.parametrize("text,expected", APART, ids=[t for t, _ in APART])
def test_family_members_told_apart_are_two_acts(matcher, text, expected):
    assert set(matcher.match(text).selected) == expected


def test_two_acts_of_one_family_say_why_both_are_chosen(matcher):
    r = matcher.match("1.村口堆粪；2.村外沟里倒满了生活垃圾")
    said = {c.matter: c.reasons for c in r.candidates}
    for m, other in (("GH-05", "SR-03"), ("SR-03", "GH-05")):
        assert any(other in x and "按两件事认定" in x for x in said[m]), said[m]


# An exclusion said with another act ("，还有人在地头烧…") does not reach a matter told whole in
# a clause of its own; an exclusion made only of place or scene words (高层, 公路) still does, and one
# of a place word with an act's word (a road's facility pulled up) stays with its act (the
# thirty-second session: before, any place word in it carried it to every clause).
ACT_APART = [
    ("村口堆着好几垛柴火，还有人在地头烧麦秸", {"GH-05", "NY-02"}),
    ("二十八层的楼，楼道停满电动车，还有人拉线充电", {"XF-07"}),
    ("村委会的宣传栏叫人砸了，村道边的警示桩也叫人拔了", {"GH-04", "JT-02"}),
    ("村里的篮球架让人拆走了，乡道上的减速带也叫人撬了", {"GH-04", "JT-02"}),
    # said before the matter, such an exclusion still reaches it: the 还-clause goes on about the same sign
    ("乡道边的限速牌叫人掰弯了，上面还给喷了红漆，字都认不出来", {"JT-02"}),
    ("县道的警示牌叫人撞倒了，上面还被人喷了黑漆，字都看不见了", {"JT-02"}),
]


@pytest.mark.parametrize("text,expected", ACT_APART, ids=[t for t, _ in ACT_APART])
def test_an_exclusion_of_another_act_stays_in_its_clause(matcher, text, expected):
    assert set(matcher.match(text).selected) == expected


# A question in a clause of its own leaves the family named in another clause; a question about
# the act itself (one clause, or "I plan to…") offers nothing.
QUESTION_APART = [
    ("楼前那条路被人挖开铺管子，也不知道有没有手续", "ambiguous"),
    ("门口那条路被挖开埋管道，不清楚有没有审批", "ambiguous"),
    ("想在门口挖条沟埋水管，需要报批吗", "no_fit"),
    ("俺想在村里盖房，要办啥手续", "no_fit"),
]


@pytest.mark.parametrize("text,status", QUESTION_APART, ids=[t for t, _ in QUESTION_APART])
def test_a_question_apart_leaves_the_family(matcher, text, status):
    assert matcher.match(text).status == status


# Round tune7: vague everyday words for smoke, fire equipment and untidy streets offer their family.
VAGUE_MORE = [
    ("烟很大", "烟大", {"NY-02", "DQ-05", "DQ-01", "DQ-02"}),
    ("消防设施有问题", "消防器材", {"XF-04", "XF-05"}),
    ("马路边脏兮兮的", "街面脏乱", {"SR-05", "SR-01", "DL-01", "SR-03", "GH-05"}),
]


@pytest.mark.parametrize("text,family,members", VAGUE_MORE, ids=[v[0] for v in VAGUE_MORE])
def test_more_everyday_words_offer_their_family(matcher, text, family, members):
    r = matcher.match(text)
    assert r.status == "ambiguous", (r.status, r.notes)
    (choice,) = r.choices
    assert choice.family == family
    assert members <= set(choice.matters)
    assert choice.question


def test_a_specific_smoke_or_equipment_description_is_still_matched(matcher):
    assert matcher.match("地里烧秸秆烟很大").selected == ("NY-02",)
    assert matcher.match("灭火器过期了").selected == ("XF-04",)
    assert matcher.match("饭馆那股味儿熏人").selected == ("DQ-02",)
    # the village family stays the one offered for a village
    r = matcher.match("村里路边脏乱差")
    assert r.choices and r.choices[0].family == "村容村貌"


# Round tune7: a matter's own place words keep a neighbouring matter out.
SPECIFIC = [
    ("胜利路沿街住户在窗外堆了一堆旧家具", "SR-07", "SR-05"),      # balcony/window: not the street
    ("住宅楼一楼开了家烧烤馆，没有专用烟道", "DQ-03", "DQ-01"),     # a barbecue restaurant is indoors
    ("施工单位把室外消火栓圈在围挡里", "XF-06", "ZR-01"),           # enclosing a hydrant is not land use
    ("龙乡广场上有人摆摊卖衣服", "SR-05", "GH-06"),                 # 龙乡 (Puyang) is not a township
    ("树上钉了好几块广告牌", "SR-06", "LH-01"),                     # nailing ads: the ad matter
]


@pytest.mark.parametrize("text,expected,not_expected", SPECIFIC, ids=[t for t, _, _ in SPECIFIC])
def test_the_specific_matter_without_its_neighbour(matcher, text, expected, not_expected):
    r = matcher.match(text)
    assert expected in r.selected, (r.selected, r.notes)
    assert not_expected not in r.selected


def test_damage_to_bark_is_damage_to_a_tree(matcher):
    assert matcher.match("有人用钉子把树皮钉坏了").selected == ("LH-01",)


# Round tune7: the act's own setting decides between neighbours.
SETTING = [
    ("有人拉了一车建筑垃圾倒在国道边上", "JT-03", "SR-02"),       # dumping on a highway: the highway matter
    ("消防水泵坏了", "XF-04", "SL-01"),                           # a fire pump is not a village water pump
    ("小区住户把楼下绿地圈进自家小院", "LH-02", "NY-01"),          # green land in a housing estate
    ("小水库有人电鱼，村里自来水管上也有人装泵抽水", "SL-01", "SL-03"),
]


@pytest.mark.parametrize("text,expected,not_expected", SETTING, ids=[t for t, _, _ in SETTING])
def test_the_setting_decides_between_neighbours(matcher, text, expected, not_expected):
    r = matcher.match(text)
    assert expected in r.selected, (r.selected, r.notes)
    assert not_expected not in r.selected


# Round tune7: statutory and everyday words for a few acts.
def test_the_building_control_zone_is_a_highway_word(matcher):
    # 建筑控制区 is the highway law's term: it needs no other highway word
    assert "JT-04" in matcher.match("路边建筑控制区有人盖房子").selected


def test_taking_a_village_bin_home_is_taking_it(matcher):
    assert "SR-04" in matcher.match("村里的垃圾箱被人拉去自家用了").selected


def test_a_restaurant_set_in_a_residential_building(matcher):
    assert "DQ-03" in matcher.match("饭馆开在住宅楼底下，油烟很大").selected


def test_burning_and_dumping_in_two_clauses_are_two_acts(matcher):
    # dumping village garbage is not excluded by a fire told in another clause
    assert "SR-03" in matcher.match("村头有人烧玉米秆，村里坑塘边上也有人倒生活垃圾").selected
    # burning garbage told in one breath stays the burning matter
    assert "SR-03" not in matcher.match("村里有人把生活垃圾堆在坑边点火烧").selected


# Round tune7: charging at home and a city estate's bins are not the catalog's acts.
def test_charging_inside_ones_own_home_is_not_the_stairwell_matter(matcher):
    assert "XF-01" not in matcher.match("电动车推到卧室里充电行不行").selected
    assert "XF-01" in matcher.match("有人把电动车推到楼道里充电").selected


def test_a_city_estates_bin_is_not_the_village_bin_matter(matcher):
    assert "SR-04" not in matcher.match("小区里的垃圾桶被人砸坏了").selected
    assert "SR-04" in matcher.match("村里的垃圾桶被人砸坏了").selected


def test_a_caved_in_floor_is_a_repair_not_an_obstruction(matcher):
    assert matcher.match("楼下消防通道地面塌陷了").status == "no_fit"
    # a deliberate act on a facility is still the catalog's
    assert "GH-04" in matcher.match("村里的戏台被人推塌了").selected


def test_a_typo_on_a_sign_is_not_a_violation(matcher):
    assert matcher.match("小区门口宣传牌上有错别字").status == "no_fit"


def test_flyers_and_a_lamp_post_billboard_are_two_acts(matcher):
    # 小广告 is one word: its 广告 is not the billboard's
    r = matcher.match("路灯杆上挂广告牌，墙上还贴小广告")
    assert {"DL-02", "SR-06"} <= set(r.selected), r.selected


def test_city_dumping_beside_a_fire_in_another_clause_is_still_dumping(matcher):
    r = matcher.match("有人在空地上烧橡胶；小区楼后还有人乱倒生活垃圾")
    assert {"DQ-05", "SR-01"} <= set(r.selected), r.selected


# Asking how to get a permit is a question about procedure, not a report that someone broke the
# law; not having got one, and acting anyway, is. A homophone reading (办夜 → 半夜) does not turn
# the question into a report.
PROCEDURE = ["想办夜间施工许可，去哪个部门办", "想在门口临时占道搭个棚办白事，去哪申请",
             "饭店想在门口摆几张桌子，需要啥手续", "院里的树想砍了，需要去哪审批"]
NO_PERMIT = [("工地没办夜间施工许可，半夜还在施工", "ZS-01"), ("村里有人没办手续就盖房", "NY-01")]


@pytest.mark.parametrize("text", PROCEDURE)
def test_a_question_about_a_permit_is_not_a_violation(matcher, text):
    r = matcher.match(text)
    assert r.status == "no_fit" and r.selected == ()
    assert any("办事咨询" in n for n in r.notes) and not any("同音" in n for n in r.notes)


@pytest.mark.parametrize("text,matter", NO_PERMIT, ids=[t for t, _ in NO_PERMIT])
def test_acting_without_a_permit_is_still_the_violation(matcher, text, matter):
    assert matter in matcher.match(text).routed()


# Round dev7: dialect everyday words offer their family.
VAGUE_DEV7 = [
    ("违见", "违法建设", {"NY-01", "GH-01", "SR-05"}),
    ("庄里有人偷着盖房", "农村建房", {"NY-01", "GH-01", "GH-02", "GH-03"}),
    ("不知道谁又点火了", "焚烧说法", {"NY-02", "DQ-05"}),
    ("路都叫人占了", "占道", {"SR-05", "JT-03"}),
    ("河堤上有人瞎搞", "河道", {"SL-03"}),
    ("闻着像是烧焦的味", "焚烧说法", {"NY-02", "DQ-05"}),
    ("这栋楼消防不合格", "消防隐患", {"XF-03", "XF-04"}),
]


@pytest.mark.parametrize("text,family,members", VAGUE_DEV7, ids=[v[0] for v in VAGUE_DEV7])
def test_dialect_everyday_words_offer_their_family(matcher, text, family, members):
    r = matcher.match(text)
    assert r.status == "ambiguous", (r.status, r.notes)
    (choice,) = r.choices
    assert choice.family == family
    assert members <= set(choice.matters)


# A sentence that is no report at all (nofit topics marked `closes: true`): a question whether
# something is allowed or who fines it, a follow-up saying it was dealt with. A matter whose
# evidence lies only in such sentences is not chosen; a report in a clause of its own still is.
NOT_A_REPORT = [
    ("门口这棵行道树能不能砍？", set()),
    ("在自家承包地里盖个看护房要批吗", set()),
    ("国道边晒玉米罚不罚", set()),
    ("人行道上摆摊卖菜要批吗", set()),
    ("公路边上盖门面房要审批吗", set()),
    ("经核查，县道上堆放的玉米秸已自行清理完毕", set()),
    ("有人在县道上晒玉米，这个谁罚？", {"JT-03"}),
    ("村里有人烧秸秆，能不能管管", {"NY-02"}),
]


@pytest.mark.parametrize("text,expected", NOT_A_REPORT, ids=[t for t, _ in NOT_A_REPORT])
def test_a_question_or_a_follow_up_is_not_a_report(matcher, text, expected):
    r = matcher.match(text)
    assert set(r.selected) == expected
    if not expected:
        assert r.status == "no_fit" and r.ambiguous == ()


# A family's everyday word with a gap (往…倒): the place said in the gap answers the family's
# question and is evidence of its own; a gap saying nothing of the kind leaves the family offer.
GAP_ANSWERS = [
    ("有人往县道上倒垃圾", "matched", {"JT-03"}),
    ("往村口倒垃圾", "matched", {"SR-03"}),
    ("有人往沟里倒垃圾", "ambiguous", set()),
]


@pytest.mark.parametrize("text,status,selected", GAP_ANSWERS, ids=[t for t, _, _ in GAP_ANSWERS])
def test_a_place_in_the_gap_of_a_family_word_answers_its_question(matcher, text, status, selected):
    r = matcher.match(text)
    assert r.status == status and set(r.selected) == selected


def test_a_locked_exit_nobody_could_escape_through_is_an_exit_case(matcher):
    assert "XF-03" in matcher.match("歌厅的侧门用链子锁死了，真有事人都逃不出去").selected


# "垃圾乱丢" is read whole (it hides 垃圾): said with a place that answers the refuse family's
# question, the place decides; said alone, the family is offered.
@pytest.mark.parametrize("text,selected", [
    ("村里垃圾乱丢", {"SR-03"}),
    ("俺庄里垃圾乱扔", {"SR-03"}),
    ("小区里垃圾乱倒", {"SR-01"}),
    ("垃圾乱丢", set()),
])
def test_a_place_beside_a_whole_refuse_phrase_decides(matcher, text, selected):
    r = matcher.match(text)
    assert set(r.selected) == selected
    if not selected:
        assert r.status == "ambiguous" and r.choices[0].family == "乱倒垃圾"


WORDS_DEV21_STREETS = [
    ("城区有条路两边全是小摊，车都过不去", {"SR-05"}),
    ("俺家属院外头那条路两侧摆满了卖菜的摊子", {"SR-05"}),
]


@pytest.mark.parametrize("text,expected", WORDS_DEV21_STREETS, ids=[t for t, _ in WORDS_DEV21_STREETS])
def test_dev21_stalls_on_both_sides_of_a_street(matcher, text, expected):
    assert set(matcher.match(text).selected) & {"SR-05", "DL-01"}
    assert set(matcher.match(text).selected) <= {"SR-05", "DL-01"}


# routed first to the act (a guess may do it where no cue is enough: 路边 names no 公路)
ROUTED_OOC_DEV21 = [
    ("有人偷拆了路边的护栏", "JT-02"),
    ("有人偷拆了县道边的护栏", "JT-02"),
]


@pytest.mark.parametrize("text,matter", ROUTED_OOC_DEV21, ids=[t for t, _ in ROUTED_OOC_DEV21])
def test_dev21_the_act_is_still_routed_first(matcher, text, matter):
    assert matcher.match(text).routed()[:1] == (matter,)


# a fallen hoarding (围挡倒了) is no refuse tipped by the muck lorry
NOT_CHOSEN_DEV43_CATALOG = [
    ("渣土车进出的那段围挡倒了，车上的土也不盖", "SR-02"),
]


@pytest.mark.parametrize("text,matter", NOT_CHOSEN_DEV43_CATALOG, ids=[t for t, _ in NOT_CHOSEN_DEV43_CATALOG])
def test_dev43_a_word_of_another_act_chooses_no_matter_of_its_own(matcher, text, matter):
    assert matter not in matcher.match(text).selected


# Twelfth session: asking whether one may do a thing somewhere is a question, not a report, when a
# place comes between 能不能 and the act; asking to have it dealt with (能不能管管) is a plea.
PLEAS_ABOUT_AN_ACT = [
    ("能不能管管路口摆摊的", {"SR-05", "DL-01", "JT-03"}),
    ("楼道里堆的纸箱子能不能清一清", {"XF-03"}),
]


@pytest.mark.parametrize("text,matters", PLEAS_ABOUT_AN_ACT, ids=[t for t, _ in PLEAS_ABOUT_AN_ACT])
def test_a_plea_to_deal_with_an_act_is_still_routed(matcher, text, matters):
    r = matcher.match(text)
    assert r.status != "no_fit" and set(r.routed()) <= matters and r.routed()


# ---------------------------------------------------------------------------------------------
# The everyday examples are data, one file a dev set or round side in tests/everyday/ (see
# tests/everyday/README.md): d<dev set>[-<side>].yaml for the older rounds' lists, moved there from
# this file; from round 45 on, each tuning round's side writes its own <round>-<side>.yaml, so that
# two sides of a round never edit the same lines. Each key is the aggregate of the same kind below.
EVERYDAY_DIR = ROOT / "tests" / "everyday"
_ROUND_KEYS = set(EVERYDAY_KEYS)   # (evaluate reads the same files: one list of the kinds)


def _round_file(path: Path) -> dict:
    # libyaml's safe loader where it is built in (the same data, ten times faster: 225 files are
    # read at collection by every test worker)
    data = yaml.load(path.read_text(encoding="utf-8"),  # noqa: S506 - a safe loader
                     Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}
    if not isinstance(data, dict) or set(data) - _ROUND_KEYS:
        raise ValueError(f"{path.name}: keys must be among {sorted(_ROUND_KEYS)}, "
                         f"found {sorted(data) if isinstance(data, dict) else type(data).__name__}")
    out: dict[str, list] = {}
    for key, items in data.items():
        rows = []
        for item in items or []:
            if key in ("no_reports", "near_misses"):
                if not isinstance(item, str):
                    raise ValueError(f"{path.name}: {key}: {item!r} should be a text")
                rows.append(item)
            elif key in ("words", "any"):
                text, matters = item
                rows.append((text, set(matters)))
            elif key == "vague":
                text, family, members = item
                rows.append((text, family, set(members)))
            else:                      # typos: (text, matter); outside_bodies: (text, body)
                text, other = item
                rows.append((text, other))
        out[key] = rows
    return out


# every file read once (each aggregate below takes its key from all of them)
_EXAMPLE_FILES = [_round_file(path) for path in sorted(EVERYDAY_DIR.glob("*.yaml"))]


def examples(key: str) -> list:
    """Every example of kind `key` in tests/everyday/*.yaml, in file order."""
    return [row for data in _EXAMPLE_FILES for row in data.get(key, [])]


EVERYDAY_TYPOS = examples("typos")


# Examples the out-of-catalog model (outside.json) loses, accepted with it: the choice rests on no keyword, and
# the model vetoes it. Each is held to that outcome exactly (what it offers as the closest, and why), so the day it
# changes the list must change too. The model trained in the thirty-first session (on dev … dev165; measured on sets
# it never saw, tests/matching/README.md) no longer loses 饭馆里的灭货器早过期了 and 半夜有车来拉沙，挖出一个大坑,
# and lost 有人把路给挖断了，晚上差点掉进去 (the road-digging family), which the model trained again in the
# thirty-seventh session (on the relabelled sets) offers again.
MODEL_LOSSES = {"闻着有股烟味，也不知道哪里飘来的"}


def _vetoed_offering(r, matters: set[str]) -> bool:
    """The outside model's veto: nothing chosen, `matters` listed as the closest, and the reason said."""
    return (r.status == "no_fit" and not r.selected and matters <= {c.matter for c in r.candidates}
            and "模型估计目录外" in r.notes[0] and all(m in r.notes[1] for m in matters))


@pytest.mark.parametrize("text,matter", EVERYDAY_TYPOS, ids=[t for t, _ in EVERYDAY_TYPOS])
def test_a_common_typo_is_read_as_the_word(matcher, text, matter):
    r = matcher.match(text)
    if text in MODEL_LOSSES:
        assert _vetoed_offering(r, {matter}) and r.candidates[0].matter == matter
    else:
        assert matter in r.selected


EVERYDAY_WORDS = examples("words")


@pytest.mark.parametrize("text,expected", EVERYDAY_WORDS, ids=[t for t, _ in EVERYDAY_WORDS])
def test_everyday_words_choose_their_matter_and_nothing_else(matcher, text, expected):
    assert set(matcher.match(text).selected) == expected


EVERYDAY_ANY = examples("any")


@pytest.mark.parametrize("text,allowed", EVERYDAY_ANY, ids=[t for t, _ in EVERYDAY_ANY])
def test_a_vague_text_gets_one_of_its_matters_or_their_family(matcher, text, allowed):
    """A vague text where any one of several matters is right (the sets' expect_any): the matter
    chosen is one of them, or the family offered holds one of them, and nothing else is chosen
    (evaluate's own rule for expect_any)."""
    assert offers(matcher.match(text), allowed)


NO_REPORTS = examples("no_reports")


@pytest.mark.parametrize("text", NO_REPORTS)
def test_a_question_service_request_or_follow_up_is_no_fit(matcher, text):
    r = matcher.match(text)
    assert r.status == "no_fit" and not r.selected, (r.selected, r.ambiguous, r.notes)


OUTSIDE_BODIES = examples("outside_bodies")


@pytest.mark.parametrize("text,body", OUTSIDE_BODIES, ids=[f"{t}-{b}" for t, b in OUTSIDE_BODIES])
def test_an_out_of_catalog_report_names_the_body_that_deals_with_it(matcher, text, body):
    r = matcher.match(text)
    assert r.status == "no_fit", (r.selected, r.notes)
    assert body_named(body, r.guidance), [(g.body, g.aliases) for g in r.guidance]


NEAR_MISSES = examples("near_misses")


# Near misses that select nothing but still offer a family to choose from (status ambiguous); every
# other near miss offers nothing either, as the sets' figures count it (an offered matter is routed).
# Known, not yet mended; the test below fails when one of them stops offering, so the list stays true.
NEAR_MISSES_OFFERED = {
    "那家烧烤还在营业吗": "a question whether a barbecue is open offers DQ-01",
    "烧烤还在不在": "the same question, shorter",
    "车放马路边上": "a car parked by a road offers the refuse family (SR-01)",
    "消防水带烂了": "a worn fire hose, nobody named, offers XF-04/XF-05 (a repair request)",
}


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_a_near_miss_selects_no_matter(matcher, text):
    r = matcher.match(text)
    assert not r.selected, (r.selected, r.notes)
    if text not in NEAR_MISSES_OFFERED:
        assert r.status == "no_fit", (r.status, [c.matter for c in r.candidates][:3], r.notes)


@pytest.mark.parametrize("text", sorted(NEAR_MISSES_OFFERED))
def test_the_near_misses_known_to_offer_a_family_still_do(matcher, text):
    assert text in NEAR_MISSES
    assert matcher.match(text).status == "ambiguous", "mended: take it off NEAR_MISSES_OFFERED"


EVERYDAY_VAGUE = examples("vague")


@pytest.mark.parametrize("text,family,members", EVERYDAY_VAGUE, ids=[v[0] for v in EVERYDAY_VAGUE])
def test_everyday_vague_words_offer_their_family(matcher, text, family, members):
    r = matcher.match(text)
    if text in MODEL_LOSSES:
        assert _vetoed_offering(r, members) and f"“{family}”类" in r.notes[1]
        return
    assert r.status == "ambiguous", (r.status, r.notes)
    (choice,) = r.choices
    assert choice.family == family
    assert members <= set(choice.matters)
