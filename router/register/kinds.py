"""Fixed vocabularies of the register: event kinds, duties, their Chinese labels and citations."""
from __future__ import annotations

SEED = "华龙法政办〔2021〕13号"

EVENT_KINDS: dict[str, str] = {
    "found": "发现违法行为",
    "dissuaded": "当场劝阻",
    "notified": "书面告知有管辖权的单位",
    "sent": "移送",
    "received": "接收移送",
    "refused": "拒绝接收、拒不处理",
    "returned": "退回移送",
    "opened": "立案",
    "fed_back": "向移送部门反馈处理结果",
    "answered": "答复投诉人、举报人",
    "corrected": "提出纠正意见（抄送司法局）",
    "reported": "报告华龙区人民政府",
    "disputed": "提请华龙区人民政府决定管辖争议",
    "police": "移送公安机关",
    "closed": "办结",
    "document": "生成文书",
}
NEEDS_REASON = ("refused", "returned")


def kinds_text() -> str:
    return "；".join(f"{k}（{v}）" for k, v in EVENT_KINDS.items())


ASSUMED_DAYS = 3
ASSUMED_NOTE = (f"机制未规定具体期限：本台账按{ASSUMED_DAYS}个工作日提示（推定，"
                "期限由办事员和考核部门确认）")
POLICE_NOTE = ("国务院令第310号第5条：负责人自接到报告之日起3日内作出批准移送的决定，批准后24小时内移送；"
               "条例未说明“3日”是否为工作日，本台账按自然日、自发现之时起从严计算（推定）")
SHARE_NOTE = ("机制 四（二）3 只规定乡镇街道向区直部门反馈；部门办结乡镇移送的案件后向乡镇通报结果，"
              "依据 四（三）信息共享制度（期限为推定）")
IMMEDIATE_NOTE = "机制要求“立即”“及时”办理，未规定小时数：截止时间记为引起该义务的时刻"

# duty name -> (label, cites)
DUTIES: dict[str, tuple[str, tuple[str, ...]]] = {
    "refer": ("移送有管辖权的一方（附移送函、基本违法事实书面材料、案源和证据材料，以机关名义）",
              (f"{SEED} 四（一）1", f"{SEED} 四（一）2", f"{SEED} 四（一）3")),
    "dissuade": ("立即劝阻当事人停止违法行为", (f"{SEED} 四（一）1",)),
    "written_notice": ("及时书面告知有管辖权的执法单位查处", (f"{SEED} 四（一）1",)),
    "receive": ("接收移送（或说明理由退回）", (f"{SEED} 四（一）1", f"{SEED} 四（二）")),
    "handle": ("按职责权限立案调查处理", (f"{SEED} 四（二）1",)),
    "feedback": ("向区直执法部门反馈调查处理结果", (f"{SEED} 四（二）3",)),
    "feedback_share": ("向移送的乡镇街道通报调查处理结果（信息共享）", (f"{SEED} 四（三）",)),
    "answer_result": ("告知投诉人、举报人调查处理结果", (f"{SEED} 四（二）3",)),
    "answer_reply": ("直接答复投诉人、举报人并登记（未发现违法行为）", (f"{SEED} 四（二）1",)),
    "answer_where": ("告知投诉人、举报人向有管辖权的乡镇街道投诉举报", (f"{SEED} 四（二）2",)),
    "answer_transfer": ("告知投诉人、举报人材料移交情况", (f"{SEED} 四（二）2",)),
    "notify_township": ("书面告知乡镇街道投诉事宜", (f"{SEED} 四（二）2",)),
    "notify_hazard": ("立即通知有管辖权的部门（重大治安、安全隐患）", (f"{SEED} 四（四）",)),
    "report": ("立即向华龙区人民政府报告（接到通知后不能说明理由又拒不处理）", (f"{SEED} 四（四）",)),
    "dispute": ("协商解决管辖争议；协商不成的，提请华龙区人民政府决定",
                (f"{SEED} 四（五）", "《行政处罚法》第25条")),
    "correction": ("提出纠正意见，并抄送华龙区司法局", (f"{SEED} 三（二）",)),
    "police": ("移送公安机关（书面报告、负责人批准、24小时内移送）",
               (f"{SEED} 四（六）", "《行政执法机关移送涉嫌犯罪案件的规定》（国务院令第310号）第5条")),
}

ASSESS = f"{SEED} 五.4"
# duty name -> what a late duty calls for (Chinese), with its citation
ESCALATIONS: dict[str, tuple[str, tuple[str, ...]]] = {
    "refer": ("逾期未移送：应立即补办移送；迟延情况计入区乡镇协作配合考核", (f"{SEED} 四（一）1", ASSESS)),
    "written_notice": ("未及时书面告知：应立即补发书面告知；计入协作配合考核", (f"{SEED} 四（一）1", ASSESS)),
    "dissuade": ("未记录劝阻：请补记或说明情况", (f"{SEED} 四（一）1",)),
    "feedback": ("逾期未反馈：移送部门可督促反馈；不履行协作配合义务的按规定追究责任",
                 (f"{SEED} 四（二）3", ASSESS)),
    "feedback_share": ("逾期未通报处理结果：移送的乡镇街道可督促；计入协作配合考核", (f"{SEED} 四（三）", ASSESS)),
    "answer_result": ("逾期未告知投诉人：应立即告知；计入协作配合考核", (f"{SEED} 四（二）3", ASSESS)),
    "answer_reply": ("逾期未答复投诉人：应立即答复并登记", (f"{SEED} 四（二）1", ASSESS)),
    "answer_where": ("逾期未告知投诉人：应立即告知", (f"{SEED} 四（二）2", ASSESS)),
    "answer_transfer": ("逾期未告知材料移交情况：应立即告知", (f"{SEED} 四（二）2", ASSESS)),
    "notify_township": ("逾期未书面告知乡镇街道：应立即书面告知", (f"{SEED} 四（二）2", ASSESS)),
    "notify_hazard": ("未立即通知：应立即通知；对方拒不处理的立即报告华龙区人民政府", (f"{SEED} 四（四）",)),
    "report": ("未立即报告：拒不履行协作配合义务的，按规定追究有关部门和人员责任", (f"{SEED} 四（四）", ASSESS)),
    "dispute": ("争议久拖未决：一方可提请华龙区人民政府决定", (f"{SEED} 四（五）",)),
    "correction": ("未及时提出纠正意见：应提出并抄送华龙区司法局", (f"{SEED} 三（二）", ASSESS)),
    "police": ("逾期未移送公安机关：坚决杜绝以罚代刑，应立即移送；移送接受人民检察院监督",
               (f"{SEED} 四（六）", "《行政执法机关移送涉嫌犯罪案件的规定》（国务院令第310号）")),
}
