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
    "dispute_decided": "华龙区人民政府决定管辖争议",
    "police": "移送公安机关",
    "closed": "办结",
    "police_report": "提出移送涉嫌犯罪案件的书面报告",
    "police_approved": "负责人批准移送涉嫌犯罪案件",
    "police_declined": "负责人不批准移送涉嫌犯罪案件",
    "document": "生成文书",
}
NEEDS_REASON = ("refused", "returned", "police_declined")
# Events only the district government records (四（五）: it decides a dispute put to it), each
# with the event that must be on the case first; the decision itself goes in the note.
GOVERNMENT_KINDS: dict[str, str] = {"dispute_decided": "disputed"}


def kinds_text() -> str:
    return "；".join(f"{k}（{v}）" for k, v in EVENT_KINDS.items())


ASSUMED_DAYS = 3
ASSUMED_NOTE = (f"机制未规定具体期限：本台账按{ASSUMED_DAYS}个工作日提示（推定，"
                "期限由办事员和考核部门确认）")
POLICE_NOTE = ("国务院令第310号第5条：负责人“自接到报告之日起3日内”作出批准或者不批准移送的决定。条例未说明"
               "“3日”是否为工作日：本台账按自然日计算，接到报告的当日不计入、期间至第3日24时止"
               "（《民法典》第201条、第203条；推定）；未登记书面报告（police_report）的，按发现之时接到报告从严计算（推定）")
POLICE_TRANSFER_NOTE = ("国务院令第310号第5条：批准移送的，应当在24小时内向同级公安机关移送，自批准之时起算；"
                        "尚未登记批准（police_approved）的，按批准期限届满之时起算（推定）")
ONGOING_NOTE = ("违法行为正在进行：立即劝阻、及时书面告知之外，移送函和案件材料（四（一）2）仍按四（一）1 的期限移送"
                "（书面告知书写明“该案件材料将另行移送”；推定书面告知不代替移送）")
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
    "notify_at_once": ("立即通知有管辖权的乡镇街道（首问责任，紧急或正在进行的投诉举报）", (f"{SEED} 四（二）",)),
    "report": ("立即向华龙区人民政府报告（接到通知后不能说明理由又拒不处理）", (f"{SEED} 四（四）",)),
    "dispute": ("协商解决管辖争议；协商不成的，提请华龙区人民政府决定",
                (f"{SEED} 四（五）", "《行政处罚法》第25条")),
    "correction": ("提出纠正意见，并抄送华龙区司法局", (f"{SEED} 三（二）",)),
    "police_approve": ("负责人自接到书面报告之日起3日内作出批准或者不批准移送的决定",
                       (f"{SEED} 四（六）", "《行政执法机关移送涉嫌犯罪案件的规定》（国务院令第310号）第5条")),
    "police": ("批准后24小时内移送公安机关（附第6条所列材料）",
               (f"{SEED} 四（六）", "《行政执法机关移送涉嫌犯罪案件的规定》（国务院令第310号）第5条、第6条")),
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
    "notify_at_once": ("未立即通知：应立即通知并随后书面告知；计入协作配合考核", (f"{SEED} 四（二）", ASSESS)),
    "notify_hazard": ("未立即通知：应立即通知；对方拒不处理的立即报告华龙区人民政府", (f"{SEED} 四（四）",)),
    "report": ("未立即报告：拒不履行协作配合义务的，按规定追究有关部门和人员责任", (f"{SEED} 四（四）", ASSESS)),
    "dispute": ("争议久拖未决：一方可提请华龙区人民政府决定", (f"{SEED} 四（五）",)),
    "correction": ("未及时提出纠正意见：应提出并抄送华龙区司法局", (f"{SEED} 三（二）", ASSESS)),
    "police_approve": ("负责人逾期未作出是否批准移送的决定：应立即作出；不批准的，理由记录在案",
                       (f"{SEED} 四（六）", "《行政执法机关移送涉嫌犯罪案件的规定》（国务院令第310号）第5条")),
    "police": ("逾期未移送公安机关：坚决杜绝以罚代刑，应立即移送；移送接受人民检察院监督",
               (f"{SEED} 四（六）", "《行政执法机关移送涉嫌犯罪案件的规定》（国务院令第310号）")),
}

# The columns of `zhifa stats` (五.4 assessment figures per body), in order.
STATS_COLUMNS = {
    "body": "单位",
    "referrals_sent": "移送（件）",
    "referrals_on_time": "按期移送（件）",
    "share_on_time": "按期移送率",
    "median_days_to_refer": "移送用时中位数（天）",
    "received": "接收移送（件）",
    "overdue": "逾期义务（件）",
    "feedback_given": "反馈（件）",
    "feedback_on_time": "按期反馈（件）",
    "refusals": "拒收、拒不处理（件）",
    "returns": "退回（件）",
    "disputes": "提请争议决定（件）",
    "police": "移送公安机关（件）",
    "corrections": "纠正意见（件）",
    "reports": "报告区政府（件）",
}
