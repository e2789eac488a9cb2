"""A second body sharing an out-of-catalog topic's work (`also` in matching.yaml): named as guidance
beside the topic's own body, each with its own basis and source; the loader refuses an `also`
without them."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from router.catalog.load import load_catalog
from router.matching.evaluate import body_named
from router.model.errors import CatalogError

ROOT = Path(__file__).resolve().parents[1]

# the theft topic (盗窃诈骗, body 公安机关) with a second body for power installations
ALSO = """    also:
      - body: 电力管理部门
        aliases: [供电公司, 供电所]
        basis: 《电力设施保护条例》第十九条（电力管理部门对危害电力设施的行为责令改正）
        source: 国务院《电力设施保护条例》（条文序号未逐条核对）
"""


def _catalog(tmp_path: Path, also: str) -> Path:
    dst = tmp_path / "catalog"
    shutil.copytree(ROOT / "catalog", dst)
    path = dst / "matching.yaml"
    text = path.read_text(encoding="utf-8")
    anchor = "  盗窃诈骗:\n"
    start = text.index(anchor)
    at = text.index("    body: 公安机关\n", start)
    path.write_text(text[:at] + also + text[at:], encoding="utf-8")
    return dst


def test_the_second_body_is_named_beside_the_first(tmp_path):
    matcher = load_catalog(_catalog(tmp_path, ALSO)).matcher
    r = matcher.match("有人偷铜线")
    assert r.status == "no_fit"
    bodies = [g.body for g in r.guidance]
    assert bodies == ["公安机关", "电力管理部门"]
    second = r.guidance[1]
    assert second.topic == "盗窃诈骗" and second.aliases == ("供电公司", "供电所")
    assert "电力设施保护条例" in second.basis and "未逐条核对" in second.source
    assert any("电力管理部门也负责其中一部分" in n for n in r.notes)
    assert body_named("供电公司", r.guidance) and body_named("公安机关", r.guidance)


def test_without_also_only_the_topic_body_is_named(tmp_path):
    r = load_catalog(ROOT / "catalog").matcher.match("有人偷铜线")
    assert [g.body for g in r.guidance] == ["公安机关"]


@pytest.mark.parametrize("also,problem", [
    ("    also:\n      - body: 电力管理部门\n        source: 某出处\n", "basis"),
    ("    also:\n      - body: 电力管理部门\n        basis: 某依据\n        source: 某出处\n        phone: 1\n",
     "未知的键"),
    ("    also:\n      - body: 公安机关\n        basis: 某依据\n        source: 某出处\n", "已经是本类别的主管机关"),
    ("    also: 电力管理部门\n", "also 应为列表"),
])
def test_an_also_without_its_basis_or_source_is_refused_in_chinese(tmp_path, also, problem):
    with pytest.raises(CatalogError) as err:
        load_catalog(_catalog(tmp_path, also)).matcher
    assert problem in str(err.value) and "盗窃诈骗.also" in str(err.value)


def test_an_also_on_a_topic_without_a_body_is_refused(tmp_path):
    dst = tmp_path / "catalog"
    shutil.copytree(ROOT / "catalog", dst)
    path = dst / "matching.yaml"
    text = path.read_text(encoding="utf-8")
    at = text.index("  闲聊:\n")
    end = text.index("\n", at) + 1
    path.write_text(text[:end] + ALSO + text[end:], encoding="utf-8")
    with pytest.raises(CatalogError) as err:
        load_catalog(dst).matcher
    assert "须先写 body" in str(err.value)


# A broad topic gives way to a more specific one said in the same text (yields_to): the barking
# of a dog that has bitten someone is not named beside the bite.
DOG = "邻居家的狗天天叫，昨天还把我孩子咬了"


def _without_yields(tmp_path: Path, topic: str) -> Path:
    dst = tmp_path / "catalog"
    shutil.copytree(ROOT / "catalog", dst)
    path = dst / "matching.yaml"
    lines = path.read_text(encoding="utf-8").split("\n")
    at = lines.index(f"  {topic}:")
    assert lines[at + 1].startswith("    yields_to:")
    del lines[at + 1]
    path.write_text("\n".join(lines), encoding="utf-8")
    return dst


def test_a_broad_topic_is_not_named_beside_the_specific_one_it_yields_to(tmp_path):
    topics = [g.topic for g in load_catalog(ROOT / "catalog").matcher.match(DOG).guidance]
    assert "犬只伤人" in topics and "犬只扰民" not in topics
    without = [g.topic for g in load_catalog(_without_yields(tmp_path, "犬只扰民")).matcher.match(DOG).guidance]
    assert "犬只伤人" in without and "犬只扰民" in without


def test_yields_to_names_topics_that_exist(tmp_path):
    dst = _without_yields(tmp_path, "犬只扰民")
    path = dst / "matching.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  犬只扰民:\n", "  犬只扰民:\n    yields_to: [狗咬人, 犬只扰民]\n", 1),
                    encoding="utf-8")
    with pytest.raises(CatalogError) as err:
        load_catalog(dst).matcher
    assert "“狗咬人”不是 nofit 中的类别名" in str(err.value) and "不能让位给自己" in str(err.value)


@pytest.mark.parametrize("text", ["小偷偷电动车", "有人偷电瓶", "夜里有人偷电表"])
def test_stealing_an_electric_thing_is_not_stealing_electricity(text):
    """偷电 (stealing power, the power company's) is not read inside 偷电动车 (a theft)."""
    r = load_catalog(ROOT / "catalog").matcher.match(text)
    assert [g.body for g in r.guidance] == ["公安机关"], [(g.topic, g.body) for g in r.guidance]


def test_stealing_electricity_still_names_the_power_company():
    r = load_catalog(ROOT / "catalog").matcher.match("车棚里有人半夜偷电给电瓶车充电")
    assert "供电企业" in [g.body for g in r.guidance]
