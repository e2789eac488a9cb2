"""Scenario letters, one per kind, as the case register would fill them; and a reader that
turns a .docx back into what a person sees (paragraph text, fonts, sizes, page setup)."""
from __future__ import annotations

import io
from datetime import date, datetime

import pytest
from docx import Document
from docx.oxml.ns import qn

from router.letters import LetterData, draft_letter

# The router's materials for a referral (rules/referral.yaml) and for a suspected crime
# (rules/escalation.yaml, 国务院令第310号第6条): the letter itself comes first.
REFERRAL_MATERIALS = ("涉嫌违法案件移送函", "基本违法事实的书面材料", "案源材料：现场检查记录",
                      "初步证明违法行为事实情况的相关证据材料")
CRIME_MATERIALS = ("涉嫌犯罪案件移送书", "涉嫌犯罪案件情况的调查报告", "涉案物品清单",
                   "有关检验报告或者鉴定结论", "其他有关涉嫌犯罪的材料")

SAMPLES = {
    # 华龙区交通运输局 finds a roadside stall in 孟轲乡 (JT-03, delegated to the township).
    "referral": LetterData(
        kind="referral", sender="华龙区交通运输局", receivers=("孟轲乡人民政府",),
        number="华交移〔2026〕3号", case_number="HL-2026-0012",
        facts="在国道边上摆摊卖西瓜，占用半幅车道。", place="孟轲乡G106国道旁",
        found_at=datetime(2026, 9, 30, 16, 20),
        matter="对在公路上及公路用地范围内摆摊设点的处罚", legal_basis="《公路法》第46条、第77条",
        deadline=date(2026, 10, 30), materials=REFERRAL_MATERIALS, letter_date=date(2026, 10, 8),
        contact="李明", phone="0393-4410000", details={"party": "张某某"}),
    # 岳村镇 sees an ongoing violation in another body's remit and tells it in writing at once.
    "notice": LetterData(
        kind="notice", sender="岳村镇人民政府", receivers=("华龙区自然资源局",),
        number="岳政告〔2026〕1号", case_number="HL-2026-0031",
        facts="在基本农田上使用挖掘机挖沙", place="岳村镇东北庄村北地",
        found_at=datetime(2026, 5, 6, 9, 30), matter="对非法占用耕地挖沙的处罚",
        legal_basis="《土地管理法》第37条、第75条", letter_date=date(2026, 5, 6),
        details={"party": "王某某", "dissuasion": "当场劝阻，当事人已停止作业并撤离机械"}),
    # The market regulator receives a complaint about a matter of 中原路街道.
    "complaint_notice": LetterData(
        kind="complaint_notice", sender="华龙区市场监督管理局", receivers=("中原路街道办事处",),
        number="华市监告〔2026〕12号", case_number="HL-2026-0105",
        facts="有商户占道经营、夜间噪声扰民", place="中原路与京开道交叉口西北角",
        matter="对占道经营的处罚", legal_basis="《河南省城市市容和环境卫生管理条例》第十九条",
        deadline=date(2026, 3, 31), materials=("投诉人提交的书面投诉材料（3页）",),
        letter_date=date(2026, 3, 2),
        details={"complainant": "赵某", "received_at": date(2026, 2, 27)}),
    # The housing department finds an error in a township's penalty decision.
    "correction": LetterData(
        kind="correction", sender="华龙区住房和城乡建设局", receivers=("濮东街道办事处",),
        number="华住建纠〔2026〕2号", case_number="HL-2026-0200",
        matter="对未取得施工许可证擅自施工的处罚", legal_basis="《建筑法》第64条",
        deadline=date(2026, 10, 20), letter_date=date(2026, 10, 10),
        details={"decision": "濮东罚决字〔2026〕15号行政处罚决定书",
                 "error": "罚款数额超出《建设工程质量管理条例》第五十七条规定的幅度",
                 "opinion": "撤销该处罚决定中超出法定幅度的部分，依法重新作出处罚决定"}),
    # 王助镇 notified a department of a major hazard; it refused without reason.
    "report": LetterData(
        kind="report", sender="王助镇人民政府", receivers=("华龙区人民政府",),
        number="王政报〔2026〕4号", case_number="HL-2026-0150",
        facts="一处废品收购站违规存放大量易燃物品", place="王助镇王助村西",
        found_at=datetime(2026, 6, 2, 10, 0), matter="消防安全违法行为的处罚",
        legal_basis="《消防法》第60条", letter_date=date(2026, 6, 3), contact="陈某",
        phone="0393-8880000",
        details={"refused_body": "华龙区消防救援大队", "hazard": "重大火灾隐患",
                 "notified_at": "2026年6月2日10时30分", "notice_way": "书面通知",
                 "measures": "设置警戒区域，疏散周边群众，安排专人值守"}),
    # 胜利路街道 and the city management bureau cannot agree who handles a case.
    "dispute": LetterData(
        kind="dispute", sender="胜利路街道办事处", receivers=("华龙区人民政府",),
        number="胜办请〔2026〕1号", case_number="HL-2026-0300",
        facts="某小区业主在楼顶违法搭建彩钢房", place="胜利路街道某小区",
        found_at=date(2026, 4, 8), matter="对违法搭建建筑物的处罚",
        legal_basis="《城乡规划法》第64条", letter_date=date(2026, 4, 20),
        details={"other_party": "华龙区城市管理局",
                 "dispute": "我办认为该事项未下放乡镇街道，应由华龙区城市管理局管辖；华龙区城市管理局认为已下放街道",
                 "negotiation": "2026年4月10日、4月15日双方两次会商"}),
    # 人民路街道 transfers a suspected crime to the police.
    "police": LetterData(
        kind="police", sender="人民路街道办事处", receivers=("濮阳市公安局华龙分局",),
        number="人办移〔2026〕2号", case_number="HL-2026-0400",
        facts="当事人无证收购、储存废旧金属，涉案金额约12万元", place="人民路街道某废品站",
        found_at=datetime(2026, 10, 9, 15, 0), matter="无照经营", legal_basis="《无证无照经营查处办法》第十三条",
        materials=CRIME_MATERIALS, letter_date=date(2026, 10, 12),
        details={"party": "孙某某", "crime": "非法经营罪", "approved_at": date(2026, 10, 11)}),
}


class Read:
    """A .docx read back with python-docx."""

    def __init__(self, blob: bytes):
        self.doc = Document(io.BytesIO(blob))
        self.paragraphs = self.doc.paragraphs
        self.texts = [p.text for p in self.paragraphs]
        self.text = "\n".join(self.texts)

    def find(self, fragment: str):
        """The first paragraph containing `fragment`."""
        for p in self.paragraphs:
            if fragment in p.text:
                return p
        raise AssertionError(f"no paragraph contains {fragment!r}:\n{self.text}")

    @staticmethod
    def east_asian(run) -> str | None:
        rfonts = run._element.rPr.find(qn("w:rFonts"))
        return rfonts.get(qn("w:eastAsia")) if rfonts is not None else None


@pytest.fixture(scope="session")
def samples():
    return SAMPLES


@pytest.fixture(scope="session")
def drafted():
    """kind -> the sample letter read back."""
    return {kind: Read(draft_letter(kind, data)) for kind, data in SAMPLES.items()}


@pytest.fixture
def read():
    return Read
