"""What frames a report does not change what it says: a time before it (昨天晚上十点多，), who reports
it (网格员上报：), a ticket's header, courtesies and attachments after it (，谢谢！ [图片]).
Measured over the tuning sets by bench/frames.py; the sentences here are written for these tests."""
from __future__ import annotations

from pathlib import Path

import pytest

from router.matching.matcher import Matcher, _core

ROOT = Path(__file__).resolve().parents[1]
MATCHING = ROOT / "catalog" / "matching.yaml"


@pytest.fixture(scope="module")
def matcher(matter_names) -> Matcher:
    return Matcher.load(MATCHING, matter_names)


def test_what_a_report_says_without_its_frame(matcher):
    headers = matcher._headers
    assert _core("昨天晚上十点多，地头烧棉花柴", headers) == "地头烧棉花柴"
    assert _core("11月5日上午，焚麦秸", headers) == "焚麦秸"
    assert _core("凌晨两点钟，工地的切割机还在响", headers) == "工地的切割机还在响"
    assert _core("【12345】市民来电反映：拆路边护栏，谢谢！", headers) == "拆路边护栏"
    assert _core("拆路边护栏[图片]", headers) == "拆路边护栏"
    assert _core("拆路边护栏，已拍照。", headers) == "拆路边护栏"
    assert _core("拆路边护栏！！！", headers) == "拆路边护栏"
    # a time that is all there is, or a time inside the report, stays
    assert _core("凌晨两点", headers) == "凌晨两点"
    assert _core("半夜工地还在干", headers) == "半夜工地还在干"
    assert _core("谢谢", headers) == "谢谢"
    # a header saying what kind of text it is (a question, a log) is no frame (matching.yaml headers.unless)
    assert _core("来电人咨询：拆路边护栏", headers) == "来电人咨询：拆路边护栏"


# The n-gram model guesses what a short phrase no cue places is about; framed, the same phrase lost
# its guess (今天上午，… read as outside the catalog) or a time alone made one (凌晨两点 reads like night work).
GUESSED_THE_SAME_FRAMED = [
    ("今天上午，烧棉花柴", "NY-02"),
    ("11月5日上午，焚麦秸", "NY-02"),
    ("烧棉花柴，谢谢！", "NY-02"),
    ("拆路边护栏[图片]", "JT-02"),
    ("【12345】市民来电反映：拆路边护栏", "JT-02"),
    ("昨天夜里，拆路边护栏，已拍照。", "JT-02"),
]


@pytest.mark.parametrize("text,matter", GUESSED_THE_SAME_FRAMED)
def test_a_guess_is_made_on_what_the_report_says(matcher, text, matter):
    r = matcher.match(text)
    assert r.status == "ambiguous" and r.routed()[:1] == (matter,), (r.status, r.routed())


@pytest.mark.parametrize("text", ["凌晨两点，88", "今天上午，楼道灭火器", "今天下午，村东头"])
def test_a_time_before_nothing_or_before_a_place_only_gets_no_guess(matcher, text):
    assert matcher.match(text).status == "no_fit"


# A word that is the whole of a text (re:^…$: only a place, only a question about whom to call) may be
# the whole of what a framed report says.
WHOLE_OF_WHAT_IT_SAYS = [
    ("今天上午，消防栓", "只说地点"),
    ("消防栓，谢谢！", "只说地点"),
    ("【12345】市民来电反映：那个消火栓", "只说地点"),
    ("昨天晚上十点多，砍树找谁", "办事咨询"),
]


@pytest.mark.parametrize("text,topic", WHOLE_OF_WHAT_IT_SAYS)
def test_a_word_for_a_whole_text_reads_what_a_framed_report_says(matcher, text, topic):
    r = matcher.match(text)
    assert r.status == "no_fit" and topic in r.outside, (r.status, r.routed(), r.outside)


def test_a_follow_up_that_says_the_thing_goes_on_is_a_report(matcher):
    # (a header no longer hides the follow-up words at the start: 来电人称：…的事，回访…)
    r = matcher.match("来电人称：村口烧烤摊的事，回访说处理了，这两天照样摆到半夜")
    assert r.status != "no_fit" and "DQ-01" in r.routed(), (r.status, r.routed(), r.outside)
    r = matcher.match("路边摆摊的事，回访说已经处理，来电人表示满意")
    assert r.status == "no_fit" and "回访满意度" in r.outside
