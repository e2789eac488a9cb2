"""Spreadsheets shaped like the ones Henan cities publish, built with openpyxl for the tests.

Each builder writes one file and returns its path. The tables follow the published ones: an
"附件" line and a title merged across the columns, a header row whose wording varies, 领域 and
实施时间 merged down many rows, multi-line 实施依据 cells, section rows, notes under the table.
The 2027 list is invented (no such document exists): it adjusts the 2025 list the way such
adjustments do (one matter added, one withdrawn, one basis amended, one name reworded).
"""
from __future__ import annotations

import csv
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

TITLE_2027 = "濮阳市华龙区赋予乡镇（街道）行政处罚权事项目录（2027年版）"
DOC_2027 = "华龙区人民政府关于调整乡镇（街道）综合行政执法事项的通知（华政〔2026〕30号）"

# (领域, 事项名称, 实施依据, 原实施部门, 承接主体, 备注)
ROWS_2027 = [
    ("交通运输", "对擅自占用、挖掘公路（含乡道、村道）的行政处罚",
     "《公路法》第44条第1款、第76条第(一)项（责令停止，可处3万元以下罚款）；村道另见《河南省农村公路条例》第53条第(一)项（500元以上5000元以下）",
     "区交通运输局", "各乡镇", None),
    ("交通运输", "对损坏、移动、涂改公路附属设施的行政处罚",
     "《公路法》第52条、第76条第(六)项（可处3万元以下）；村道《河南省农村公路条例》第53条第(六)项",
     "区交通运输局", "各乡镇", None),
    ("交通运输", "对在公路上及公路用地范围内摆摊设点、堆放物品、倾倒垃圾、设置障碍、挖沟引水、打场晒粮等的行政处罚",
     "1.《公路法》第46条、第77条（可处5000元以下）\n2.《河南省农村公路条例》第41条、第55条（逾期不改正处200元以上2000元以下）",
     "区交通运输局", "各乡镇", None),
    ("交通运输", "对在公路建筑控制区内修建建筑物、地面构筑物或者擅自埋设管线、电缆等设施的行政处罚",
     "《公路法》第56条、第81条（责令限期拆除，可处5万元以下）；村道《河南省农村公路条例》第43条、第54条（5000元以上3万元以下）",
     "区交通运输局", "各乡镇", None),
    ("水利", "对在农村集中供水管道上直接装泵抽水的行政处罚",
     "未核实（河南省农村供水相关地方性法规，条文未查到）", "区水利局", "各乡镇", None),
    ("水利", "对在小型水库内毒鱼、炸鱼、电鱼等危害水库安全运行的行政处罚",
     "未核实（候选：《河南省水利工程管理条例》第29条第3款、第46条）", "区水利局", "各乡镇", None),
    ("农业农村", "对露天焚烧秸秆、落叶等产生烟尘污染物质的行政处罚",
     "《大气污染防治法》第119条第1款（可处500元以上2000元以下）；《濮阳市大气污染防治条例》第37条、第48条（可处1000元以上2000元以下）",
     "区农业农村局", "各乡镇", None),
    ("消防救援", "对在居住建筑物的公共走道、楼梯间、门厅内为电动自行车、电动三轮车充电的行政处罚",
     "《河南省消防条例》第17条、第71条（责令改正；拒不改正的处200元罚款）", "区消防救援大队", "各乡镇（街道）", None),
    ("消防救援", "对占用、堵塞、封闭消防车通道，妨碍消防车通行的行政处罚",
     "《消防法》第60条第1款第(五)项（单位5000元以上5万元以下）、第2款（个人警告或500元以下）、第3款（拒不改正的强制执行）",
     "区消防救援大队", "各乡镇（街道）", None),
    ("消防救援", "对占用、堵塞、封闭疏散通道、安全出口或者有其他妨碍安全疏散行为的行政处罚",
     "《消防法》第60条第1款第(三)项、第2款、第3款", "区消防救援大队", "各乡镇（街道）", None),
    ("消防救援", "对人员密集场所在门窗上设置影响逃生和灭火救援的障碍物的行政处罚",
     "《消防法》第60条第1款第(六)项、第2款", "区消防救援大队", "各乡镇（街道）", "新增事项"),
]


def _title(ws, row: int, text: str, width: int) -> None:
    ws.cell(row, 1, text)
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
    ws.cell(row, 1).font = Font(bold=True, size=14)
    ws.cell(row, 1).alignment = Alignment(horizontal="center")


def _merge_runs(ws, col: int, first: int, last: int) -> None:
    """Merge consecutive equal values in a column, as the published tables do."""
    start = first
    for r in range(first + 1, last + 2):
        if r > last or ws.cell(r, col).value != ws.cell(start, col).value:
            if r - 1 > start:
                ws.merge_cells(start_row=start, start_column=col, end_row=r - 1, end_column=col)
            start = r


def official_2027(path: Path) -> Path:
    """The (invented) 2027 list: 附件 line, merged title, header with 领域/类别, 领域 and
    原实施部门 merged by field, one 实施时间 merged down the whole table, multi-line cells, a note."""
    wb = Workbook()
    ws = wb.active
    ws.title = "目录"
    headers = ["序号", "领域/类别", "事项名称", "实施依据", "原实施部门", "承接主体", "实施时间", "备注"]
    ws.cell(1, 1, "附件1")
    _title(ws, 2, TITLE_2027, len(headers))
    ws.append(headers)
    first = 4
    for n, (fld, name, basis, dept, bodies, note) in enumerate(ROWS_2027, 1):
        ws.append([n, fld, name, basis, dept, bodies, datetime(2027, 1, 1) if n == 1 else None, note])
        if "\n" in basis:
            ws.cell(ws.max_row, 4).alignment = Alignment(wrap_text=True)
    last = ws.max_row
    ws.cell(first, 7).number_format = "yyyy年m月d日"
    ws.merge_cells(start_row=first, start_column=7, end_row=last, end_column=7)
    _merge_runs(ws, 2, first, last)
    _merge_runs(ws, 5, first, last)
    ws.append([])
    ws.append(["注：1.承接主体为“各乡镇”的，指岳村镇、孟轲乡、王助镇、胡村乡；2.本目录自2027年1月1日起施行。"])
    ws.merge_cells(start_row=ws.max_row, start_column=1, end_row=ws.max_row, end_column=len(headers))
    wb.save(path)
    return path


def variant_headers(path: Path) -> Path:
    """Another city's wording: 类别 given by section rows, 行政处罚事项名称 / 法律依据 / 实施部门 /
    实施范围 / 生效日期 / 说明, a name wrapped over two lines, a generic 县级 department, dates
    as text in two styles, two blank rows and a subtitle above the header."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    headers = ["序号", "行政处罚事项名称", "法律依据", "实施部门", "实施范围", "生效日期", "说明"]
    _title(ws, 1, "关于赋予部分乡镇行政处罚权的事项清单", len(headers))
    ws.cell(2, 1, "（共3项）")
    ws.append([])
    ws.append(headers)
    ws.append(["一、城市管理类（2项）"] + [None] * (len(headers) - 1))
    ws.merge_cells(start_row=ws.max_row, start_column=1, end_row=ws.max_row, end_column=len(headers))
    ws.append([1, "对擅自在桥梁或者路灯设施上设置广告牌\n或者其他挂浮物的行政处罚",
               "《城市道路管理条例》第27条第(六)项、第42条（可处2万元以下）",
               "县级城市管理部门", "岳村镇、孟轲乡", "2027.3.1", None])
    ws.append([2, "对在城市建筑物、设施以及树木上涂写、刻画或者未经批准张挂、张贴宣传品（小广告）的行政处罚",
               "《城市市容和环境卫生管理条例》第17条、第34条第(二)项", "区城管局", "岳村镇、孟轲乡",
               "2027年3月1日", "限集镇建成区"])
    ws.append(["二、文化旅游类（1项）"] + [None] * (len(headers) - 1))
    ws.merge_cells(start_row=ws.max_row, start_column=1, end_row=ws.max_row, end_column=len(headers))
    ws.append([3, "对擅自从事互联网上网服务经营活动的行政处罚",
               "《互联网上网服务营业场所管理条例》第27条", "文旅局", "岳村镇、孟轲乡", date(2027, 3, 1), None])
    wb.save(path)
    return path


def bad_rows(path: Path) -> Path:
    """A table with the mistakes officers make; each row's problem is in its 备注 for readers."""
    wb = Workbook()
    ws = wb.active
    ws.title = "有误的表"
    headers = ["序号", "领域", "事项名称", "法律依据", "原实施部门", "承接主体", "实施时间", "备注"]
    _title(ws, 1, "有误的下放清单", len(headers))
    ws.append(headers)
    rows = [
        [1, "城市管理", "对随意倾倒、抛撒、堆放或者焚烧生活垃圾的行政处罚",
         "《固体废物污染环境防治法》第111条第1款第(一)项、第2款（单位5万元以上50万元以下；个人100元以上500元以下）",
         "区城管执法局", "各乡镇", "2027-01-01", "部门名称未知"],
        [2, "城市管理", "对擅自占用或者挖掘城市道路的行政处罚", None,
         "区城管局", "各乡镇", "2027-01-01", "依据为空"],
        [3, "城市管理", "对未经同意擅自占用城市绿化用地的行政处罚",
         "《城市绿化条例》第27条（责令限期退还、恢复原状，可以并处罚款）",
         "区城管局", "各乡镇", "2027年13月1日", "日期读不出"],
        [4, "城市管理", "对损坏城市树木花草、擅自砍伐城市树木、损坏城市绿化设施的行政处罚",
         "《城市绿化条例》第26条", "区城管局", "岳树镇、新习镇", "2027-01-01", "乡镇不在本区"],
        [5, "城市管理", "对损坏城市树木花草、擅自砍伐城市树木、损坏城市绿化设施的行政处罚",
         "《城市绿化条例》第26条", "区城管局", "各乡镇", "2027-01-01", None],
        [6, "城市管理", "对损坏城市树木花草、擅自砍伐城市树木、损坏城市绿化设施的行政处罚",
         "《城市绿化条例》第26条", "区城管局", "各乡镇", "2027-01-01", "与上一行重复"],
    ]
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def gbk_csv(path: Path) -> Path:
    """A merged table saved as CSV by Chinese Excel: GB18030 text, blank cells where merges
    were, and one “同上”."""
    rows = [
        ["序号", "领域", "事项名称", "实施依据", "原实施部门", "承接主体", "实施时间"],
        ["1", "消防救援", "对在居住建筑物的公共走道、楼梯间、门厅内为电动自行车、电动三轮车充电的行政处罚",
         "《河南省消防条例》第17条、第71条（责令改正；拒不改正的处200元罚款）", "区消防救援大队", "各街道", "2027/1/1"],
        ["2", "", "对人员密集场所在门窗上设置影响逃生和灭火救援的障碍物的行政处罚",
         "《消防法》第60条第1款第(六)项、第2款", "同上", "", ""],
    ]
    with open(path, "w", encoding="gb18030", newline="") as fh:
        csv.writer(fh).writerows(rows)
    return path


if __name__ == "__main__":  # regenerate the committed samples: python tests/data/zhifa_samples.py
    here = Path(__file__).parent
    official_2027(here / "official_2027.xlsx")
    variant_headers(here / "variant_headers.xlsx")
    bad_rows(here / "bad_rows.xlsx")
    gbk_csv(here / "official_2027_gbk.csv")
