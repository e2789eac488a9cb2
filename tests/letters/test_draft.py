"""Every kind drafted from a scenario case and read back with python-docx: who sends it to whom,
the number, the dates, the citations, the materials, the blanks, and the GB/T 9704 layout."""
import dataclasses
import re
import shutil
from datetime import date
from pathlib import Path

import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Length, Pt
from lxml import etree

from router.letters import (
    BLANK,
    KINDS,
    MECHANISM,
    LetterData,
    LetterError,
    draft_letter,
    letter_kinds,
)
from router.letters.fill import short_name

SHIPPED = Path(__file__).resolve().parents[2] / "catalog" / "letters"

# kind -> (sender, 主送 line, title, 成文日期 in Chinese numerals)
EXPECTED = {
    "referral": ("华龙区交通运输局", "孟轲乡人民政府：", "涉嫌违法案件移送函", "二〇二六年十月八日"),
    "notice": ("岳村镇人民政府", "华龙区自然资源局：", "违法行为书面告知书", "二〇二六年五月六日"),
    "complaint_notice": ("华龙区市场监督管理局", "中原路街道办事处：", "投诉举报事项告知函", "二〇二六年三月二日"),
    "correction": ("华龙区住房和城乡建设局", "濮东街道办事处：", "纠正意见书", "二〇二六年十月十日"),
    "report": ("王助镇人民政府", "华龙区人民政府：",
               "王助镇人民政府关于华龙区消防救援大队接到通知后拒不处理违法行为的报告", "二〇二六年六月三日"),
    "dispute": ("胜利路街道办事处", "华龙区人民政府：", "胜利路街道办事处关于提请决定执法管辖争议的请示",
                "二〇二六年四月二十日"),
    "police": ("人民路街道办事处", "濮阳市公安局华龙分局：", "涉嫌犯罪案件移送书", "二〇二六年十月十二日"),
}


def test_every_kind_has_a_scenario(samples):
    assert set(samples) == set(KINDS) == set(EXPECTED)


@pytest.mark.parametrize("kind", KINDS)
def test_letterhead_number_title_receiver(drafted, samples, kind):
    letter = drafted[kind]
    sender, to, title, _ = EXPECTED[kind]
    head = letter.paragraphs[0]
    assert head.text == sender
    assert head.runs[0].font.color.rgb == (0xFF, 0x00, 0x00)
    number = letter.find(samples[kind].number)
    assert number.text.startswith(samples[kind].number)
    assert number._p.pPr.find(qn("w:pBdr")).find(qn("w:bottom")).get(qn("w:color")) == "FF0000"
    assert letter.find(title).text == title
    assert to in letter.texts
    assert letter.find(to).alignment == WD_ALIGN_PARAGRAPH.LEFT


@pytest.mark.parametrize("kind", KINDS)
def test_signature_and_date_in_chinese_numerals(drafted, kind):
    letter = drafted[kind]
    sender, _, _, day = EXPECTED[kind]
    i = letter.texts.index(day)
    assert letter.texts[i - 1] == sender
    for p in (letter.paragraphs[i], letter.paragraphs[i - 1]):
        assert p.alignment == WD_ALIGN_PARAGRAPH.RIGHT
    # 7.3.5.1: the date 右空四字, the sender centred over it
    date_indent = letter.paragraphs[i].paragraph_format.right_indent
    name_indent = letter.paragraphs[i - 1].paragraph_format.right_indent
    assert date_indent == pytest.approx(Pt(4 * 15.75), abs=Pt(0.1))
    assert name_indent - date_indent == pytest.approx(Pt((len(day) - len(sender)) / 2 * 15.75), abs=Pt(0.1))


@pytest.mark.parametrize("kind", KINDS)
def test_every_placeholder_is_filled(drafted, kind):
    text = drafted[kind].text
    assert not re.search(r"[{}]", text)
    assert "None" not in text


@pytest.mark.parametrize("kind", KINDS)
def test_mechanism_and_clause_are_cited(drafted, samples, kind):
    text = drafted[kind].text
    clause = {"referral": "四（一）2", "notice": "四（一）1", "complaint_notice": "四（二）2",
              "correction": "三（二）", "report": "四（四）", "dispute": "四（五）", "police": "四（六）"}[kind]
    assert MECHANISM + clause in text
    data = samples[kind]
    for value in (data.matter, data.legal_basis, data.case_number):
        assert value in text


def test_referral_facts_materials_and_deadline(drafted):
    letter = drafted["referral"]
    assert letter.find("一、基本违法事实").runs[0].font.name == "Times New Roman"
    assert letter.east_asian(letter.find("一、基本违法事实").runs[0]) == "黑体"
    facts = letter.find("2026年9月30日16时20分")
    assert facts.text == "2026年9月30日16时20分，我局在孟轲乡G106国道旁发现：在国道边上摆摊卖西瓜，占用半幅车道。"
    assert "当事人：张某某。" in letter.texts
    # 移送材料清单: the router's list without the letter itself, numbered
    i = letter.texts.index("三、移送材料清单")
    assert letter.texts[i + 1:i + 4] == ["1. 基本违法事实的书面材料", "2. 案源材料：现场检查记录",
                                         "3. 初步证明违法行为事实情况的相关证据材料"]
    assert "涉嫌违法案件移送函" not in " ".join(letter.texts[i:])
    assert "请贵乡依法调查处理，并于2026年10月30日前将调查处理结果函告我局。" in letter.texts
    assert "联系人：李明；联系电话：0393-4410000。" in letter.texts


def test_notice_says_the_violation_is_ongoing_and_dissuaded(drafted):
    text = drafted["notice"].text
    assert "我镇在岳村镇东北庄村北地发现当事人王某某正在实施以下行为：在基本农田上使用挖掘机挖沙（案件编号：HL-2026-0031）。" in text
    assert "劝阻情况：当场劝阻，当事人已停止作业并撤离机械。" in text
    assert "请贵局及时依法查处" in text
    assert "抄送" not in text  # nothing to copy


def test_complaint_notice_has_two_documents(drafted):
    letter = drafted["complaint_notice"]
    assert "2026年2月27日，我局接到赵某投诉举报" in letter.text
    assert "1. 投诉人提交的书面投诉材料（3页）" in letter.texts
    assert "并于2026年3月31日前将调查处理结果反馈我局。" in letter.text
    # the note to the complainant: its own page, its own page numbers, addressed to the person
    assert len(letter.doc.sections) == 2
    restart = letter.doc.sections[1]._sectPr.find(qn("w:pgNumType"))
    assert restart is not None and restart.get(qn("w:start")) == "1"
    i = letter.texts.index("投诉举报告知书")
    assert letter.texts[i + 2] == "赵某："
    assert "请你（单位）向中原路街道办事处投诉举报（联系电话：________）。" in letter.text
    assert "你（单位）提交的书面材料已由我局移交中原路街道办事处。" in letter.texts


def test_complaint_without_written_materials_omits_the_transfer(samples, read):
    data = dataclasses.replace(samples["complaint_notice"], materials=())
    text = read(draft_letter("complaint_notice", data)).text
    assert "书面材料" not in text
    assert "请贵办将调查处理结果告知投诉人" in text


def test_correction_is_copied_to_the_justice_bureau(drafted):
    letter = drafted["correction"]
    cc = letter.find("抄送：")
    assert cc.text == "抄送：华龙区司法局。"
    assert cc.runs[0].font.size == Pt(14)
    borders = cc._p.pPr.find(qn("w:pBdr"))
    assert borders.find(qn("w:top")) is not None and borders.find(qn("w:bottom")) is not None
    frame = cc._p.pPr.find(qn("w:framePr"))
    assert frame.get(qn("w:yAlign")) == "bottom"  # 版记 at the foot of the last page
    assert "贵办在“对未取得施工许可证擅自施工的处罚”执法事项" in letter.text
    assert "撤销该处罚决定中超出法定幅度的部分，依法重新作出处罚决定。" in letter.texts
    assert "并于2026年10月20日前将纠正情况书面反馈我局。" in letter.text


def test_extra_cc_joins_the_templates(samples, read):
    data = dataclasses.replace(samples["correction"], cc=("华龙区司法局", "华龙区人民政府"))
    assert read(draft_letter("correction", data)).find("抄送：").text == "抄送：华龙区司法局，华龙区人民政府。"


def test_report_is_an_upward_letter(drafted):
    letter = drafted["report"]
    number = letter.find("王政报〔2026〕4号")
    assert number.text == "王政报〔2026〕4号\t签发人：________"
    assert number.alignment == WD_ALIGN_PARAGRAPH.LEFT
    assert "我镇于2026年6月2日10时30分通知华龙区消防救援大队（通知方式：书面通知）" in letter.text
    assert letter.texts.count("特此报告。") == 1
    assert "（联系人：陈某，联系电话：0393-8880000）" in letter.texts


def test_dispute_leaves_blanks_for_what_the_register_lacks(drafted):
    letter = drafted["dispute"]
    i = letter.texts.index("三、我办的意见")
    assert letter.texts[i + 1] == BLANK + "。"  # proposal not in the register
    assert "（联系人：________，联系电话：________）" in letter.texts
    assert "2026年4月8日，胜利路街道某小区发生以下违法行为" in letter.text
    assert "妥否，请批示。" in letter.texts


def test_police_transfer_cites_decree_310_and_lists_article_6_attachments(drafted):
    letter = drafted["police"]
    text = letter.text
    assert "《行政执法机关移送涉嫌犯罪案件的规定》（国务院令第310号）第三条、第五条" in text
    assert "经我办负责人于2026年10月11日批准" in text
    assert "涉嫌构成非法经营罪" in text
    assert "自接受之日起3日内" in text and "第八条" in text and "第六条" in text
    assert letter.texts[letter.texts.index("附件：1. 涉嫌犯罪案件情况的调查报告"):][:4] == [
        "附件：1. 涉嫌犯罪案件情况的调查报告", "2. 涉案物品清单", "3. 有关检验报告或者鉴定结论",
        "4. 其他有关涉嫌犯罪的材料"]
    assert letter.find("抄送：").text == "抄送：华龙区人民检察院。"
    # 第七条: the receipt the police sign
    i = letter.texts.index("涉嫌犯罪案件移送书回执")
    assert letter.texts[i + 2] == "人民路街道办事处："
    assert "你单位人办移〔2026〕2号《涉嫌犯罪案件移送书》" in letter.texts[i + 3]


def test_missing_values_are_blanks_never_invented(read):
    data = LetterData(kind="referral", sender="岳村镇人民政府")
    letter = read(draft_letter("referral", data))
    assert letter.paragraphs[0].text == "岳村镇人民政府"
    assert BLANK in letter.texts  # 发文字号
    assert BLANK + "：" in letter.texts  # 主送机关
    assert "____年__月__日" in letter.texts  # 成文日期
    assert "1. " + BLANK in letter.texts  # no materials
    assert f"{BLANK}，我镇在{BLANK}发现：{BLANK}。" in letter.texts
    assert "请" + BLANK in letter.text


@pytest.mark.parametrize("kind", KINDS)
def test_page_setup_gb9704(drafted, kind):
    section = drafted[kind].doc.sections[0]

    def mm(*lengths):  # .docx stores twips (1/56.7 mm): equal to 0.05 mm
        return tuple(round(Length(length).mm, 1) for length in lengths)

    assert mm(section.page_width, section.page_height) == (210, 297)
    assert mm(section.top_margin, section.bottom_margin) == (37, 35)
    assert mm(section.left_margin, section.right_margin) == (28, 26)
    assert mm(section.page_width - section.left_margin - section.right_margin) == (156,)
    assert mm(section.page_height - section.top_margin - section.bottom_margin) == (225,)


def test_body_font_size_and_line_pitch(drafted):
    letter = drafted["referral"]
    normal = letter.doc.styles["Normal"].paragraph_format
    assert normal.line_spacing_rule == WD_LINE_SPACING.EXACTLY
    assert normal.line_spacing == Pt(28.95)
    assert 22 * 28.95 <= 225 / 25.4 * 72  # 22 lines fit the type area
    body = letter.find("我局在执法过程中发现一起涉嫌违法案件")
    run = body.runs[0]
    assert run.font.size == Pt(16)
    assert letter.east_asian(run) == "仿宋_GB2312"
    spacing = int(run._element.rPr.find(qn("w:spacing")).get(qn("w:val")))
    assert 28 * (16 + spacing / 20) <= 156 / 25.4 * 72  # 28 characters fit a line
    assert body.paragraph_format.first_line_indent == Pt(2 * 15.75)
    title = letter.find("涉嫌违法案件移送函").runs[0]
    assert title.font.size == Pt(22) and letter.east_asian(title) == "方正小标宋简体"
    assert letter.find("涉嫌违法案件移送函").alignment == WD_ALIGN_PARAGRAPH.CENTER


def test_page_numbers_outside_with_em_dashes(drafted):
    section = drafted["referral"].doc.sections[0]
    assert drafted["referral"].doc.settings.odd_and_even_pages_header_footer
    for footer, align in ((section.footer, WD_ALIGN_PARAGRAPH.RIGHT),
                          (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT)):
        p = footer.paragraphs[0]
        assert p.alignment == align
        assert p.text.startswith("— ") and p.text.endswith(" —")
        assert "PAGE" in "".join(t.text for t in p._p.iter(qn("w:instrText")))
        assert all(r.font.size == Pt(14) for r in p.runs)


def test_title_line_break(tmp_path, samples, read):
    folder = tmp_path / "letters"
    shutil.copytree(SHIPPED, folder)
    path = folder / "notice.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "title: 违法行为书面告知书", 'title: "违法行为\\n书面告知书"'), encoding="utf-8")
    letter = read(draft_letter("notice", samples["notice"], templates_dir=folder))
    title = letter.find("书面告知书")
    assert title.text == "违法行为\n书面告知书"


# ---- refusals ---------------------------------------------------------------------------------

def test_internal_unit_cannot_send(samples):
    data = dataclasses.replace(samples["referral"], sender="孟轲乡综合行政执法大队")
    with pytest.raises(LetterError, match=r"内设机构.*四（一）3"):
        draft_letter("referral", data)


def test_unknown_detail_is_refused_with_the_accepted_ones(samples):
    data = dataclasses.replace(samples["referral"], details={"partyy": "张某某"})
    with pytest.raises(LetterError, match=r"partyy.*party（当事人"):
        draft_letter("referral", data)


def test_unknown_kind_and_kind_mismatch(samples):
    with pytest.raises(LetterError, match="未知的文书种类“memo”"):
        draft_letter("memo", samples["referral"])
    with pytest.raises(LetterError, match="referral 的，不能生成 notice"):
        draft_letter("notice", samples["referral"])


@pytest.mark.parametrize("change, fragment", [
    ({"number": "岳政移[2026]3号"}, "六角括号"),
    ({"receivers": "孟轲乡人民政府"}, "名称列表"),
    ({"sender": "  "}, "发文机关"),
    ({"letter_date": "2026-05-06"}, "日期"),
    ({"details": {"party": 3}}, "文字或日期"),
])
def test_bad_data_is_refused(change, fragment):
    base = {"kind": "referral", "sender": "岳村镇人民政府"}
    with pytest.raises(LetterError, match=fragment):
        LetterData(**{**base, **change})


def test_data_is_frozen(samples):
    with pytest.raises(dataclasses.FrozenInstanceError):
        samples["referral"].sender = "x"
    with pytest.raises(TypeError):
        samples["referral"].details["party"] = "x"


@pytest.mark.parametrize("body, short", [
    ("岳村镇人民政府", "镇"), ("孟轲乡人民政府", "乡"), ("中原路街道办事处", "办"),
    ("华龙区城市管理局", "局"), ("濮阳市公安局华龙分局", "局"), ("华龙区卫生健康委员会", "委"),
    ("华龙区消防救援大队", "大队"), ("华龙区人民政府", "政府"), ("某某公司", "单位"),
])
def test_short_names(body, short):
    assert short_name(body) == short


def test_arabic_date_style(tmp_path, samples, read):
    folder = tmp_path / "letters"
    shutil.copytree(SHIPPED, folder)
    path = folder / "notice.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("kind: notice", "kind: notice\ndate_style: arabic"),
                    encoding="utf-8")
    letter = read(draft_letter("notice", samples["notice"], templates_dir=folder))
    assert "2026年5月6日" in letter.texts and "二〇二六年五月六日" not in letter.texts


def test_letter_date_none_and_deadline_date(samples, read):
    data = dataclasses.replace(samples["referral"], letter_date=None, deadline=date(2026, 11, 2))
    letter = read(draft_letter("referral", data))
    assert "____年__月__日" in letter.texts
    assert "并于2026年11月2日前" in letter.text


def test_font_table_names_fallbacks_for_word(drafted):
    part = next(p for p in drafted["referral"].doc.part.package.iter_parts()
                if p.partname == "/word/fontTable.xml")
    table = etree.fromstring(part.blob)
    alt = {f.get(qn("w:name")): f.find(qn("w:altName")).get(qn("w:val"))
           for f in table.iter(qn("w:font")) if f.find(qn("w:altName")) is not None}
    assert alt["仿宋_GB2312"] == "仿宋" and alt["楷体_GB2312"] == "楷体" and alt["方正小标宋简体"] == "华文中宋"


def test_letter_kinds_names_every_kind():
    kinds = letter_kinds()
    assert list(kinds) == list(KINDS)
    assert kinds["police"] == "涉嫌犯罪案件移送书" and kinds["referral"] == "涉嫌违法案件移送函"
