"""A province-scale catalog for the benchmark: the real catalog plus generated matters, delegation
batches and matching knowledge, in the formats of catalog/*.yaml (so the real loader checks it).

Generated matters are named the way enforcement catalogs name them (对在……的行政处罚), from a
per-field vocabulary of places, acts and objects; each gets matching knowledge built from the
same words (a keyword, a concept-based combination, sometimes a gap pattern “甲…乙”, a required
context), and the generated batches delegate disjoint groups of them in dated, consecutive
windows. Descriptions that should hit generated matters are returned with the catalog.
"""
from __future__ import annotations

import random
import re
import shutil
from pathlib import Path

import yaml

# field -> (id prefix, department in bodies.yaml, places, acts, objects)
FIELDS = {
    "城市管理": ("CG", "华龙区城市管理局",
             ["背街小巷", "商业街区", "城市广场", "居民小区", "沿街门店", "城中村", "公园周边", "农贸市场"],
             ["擅自设置", "违规悬挂", "乱堆乱放", "私自搭建", "随意丢弃", "擅自占用", "违规张贴", "擅自拆除",
              "违规晾晒", "擅自涂画"],
             ["户外广告牌", "灯箱招牌", "遮阳棚", "建筑材料", "废旧家具", "宣传横幅", "商品货架", "简易棚房",
              "充电桩", "隔油设施", "快递货柜", "临时围挡"]),
    "住房和城乡建设": ("ZJ", "华龙区住房和城乡建设局",
                ["在建工地", "老旧小区", "物业小区", "房屋征收片区", "装饰装修现场", "市政管网周边"],
                ["擅自改变", "违规使用", "未经许可施工", "擅自拆改", "违规处置", "擅自封堵", "违规倾倒"],
                ["房屋承重结构", "公共维修资金", "燃气管道", "排水管网", "人防设施", "装修垃圾", "外墙保温层",
                 "消防通道门", "供热管线", "电梯井道"]),
    "生态环境": ("HT", "濮阳市生态环境局华龙分局",
             ["饮用水源保护区", "河道沿岸", "工业园区周边", "餐饮街区", "汽修门店", "砂石料场", "养殖小区"],
             ["违规排放", "擅自倾倒", "露天焚烧", "违规堆存", "偷排", "违规填埋", "未经处理排放"],
             ["废机油", "医疗废物", "危险废物", "电镀废液", "沥青废料", "畜禽粪污", "油漆废桶", "化工残液",
              "污泥", "废旧蓄电池"]),
    "自然资源": ("ZY", "华龙区自然资源局",
             ["基本农田", "一般耕地", "林地", "河滩地", "村庄建设用地", "矿区"],
             ["非法占用", "擅自开采", "私自挖掘", "违法转让", "擅自改变用途", "非法取土", "违规硬化"],
             ["集体土地", "砂石资源", "黏土", "耕作层土壤", "林木", "地质标志", "测量标志", "矿产资源"]),
    "农业农村": ("NN", "华龙区农业农村局",
             ["麦田", "蔬菜大棚", "养殖场", "田间地头", "农资门店", "屠宰点", "鱼塘"],
             ["违规使用", "擅自销售", "私自屠宰", "违规处理", "违规施用", "私自收购", "违规运输"],
             ["禁用农药", "假劣种子", "病死畜禽", "兽药残留产品", "农膜废弃物", "农药包装废弃物",
              "未检疫生猪", "违禁渔具", "劣质化肥"]),
    "交通运输": ("JY", "华龙区交通运输局",
             ["县乡公路", "农村公路", "公路桥梁", "公路渡口", "客运站周边", "货运场站"],
             ["擅自设置", "违规占用", "私自拆除", "擅自挖掘", "违规停放", "擅自改装", "违规装载"],
             ["平交道口", "非公路标志", "公路界桩", "桥梁护栏", "超限货车", "营运客车", "公路排水沟",
              "道路客运班线", "危险货物车辆"]),
    "水利": ("SW", "华龙区水利局",
           ["灌溉渠道", "小型水库", "排涝沟", "河道管理范围", "机井周边", "堤防"],
           ["擅自建设", "违规取水", "私自开挖", "违规设置", "擅自堵塞", "违规种植", "擅自拆除"],
           ["拦河坝", "取水泵站", "阻水建筑物", "高秆作物", "涵闸设施", "水文监测设施", "网箱养殖",
            "排污口", "护坡"]),
    "消防救援": ("XJ", "华龙区消防救援大队",
             ["九小场所", "沿街商铺", "群租房", "小型仓库", "人员密集场所", "老旧厂房", "地下室"],
             ["擅自停用", "违规设置", "私自拆除", "违规存放", "违规使用", "擅自锁闭", "违规搭建"],
             ["火灾报警系统", "防火门", "安全出口", "易燃液化气罐", "电气焊设备", "彩钢板隔间", "消防水源",
              "应急照明灯", "室内消火栓"]),
    "市场监管": ("SJ", "华龙区市场监督管理局",
             ["集贸市场", "校园周边", "农村集市", "个体门店", "早市摊区", "商场超市"],
             ["违规销售", "擅自使用", "违规展示", "私自改装", "违规标注", "擅自收购", "违规计量"],
             ["未检定电子秤", "三无小家电", "过期计量器具", "改装加油机", "不合格头盔", "冒牌化肥",
              "劣质电动车电池", "仿冒商标商品"]),
    "文化旅游": ("WL", "华龙区文化广电和旅游局",
             ["网吧", "歌舞娱乐场所", "旅游景点", "演出场所", "印刷门店", "书报摊点"],
             ["违规接纳", "擅自举办", "违规经营", "擅自设置", "违规播放", "私自销售"],
             ["未成年人上网", "营业性演出", "卫星接收设施", "非法出版物", "盗版音像制品", "娱乐设施",
              "旅游项目", "网络游戏机", "KTV点歌设备"]),
    "应急管理": ("YJ", "华龙区应急管理局",
             ["烟花爆竹零售点", "加油站周边", "小化工厂", "危化品仓库", "粉尘车间", "有限空间作业点"],
             ["违规存放", "擅自经营", "违规储存", "违规作业", "擅自改建", "违规运输"],
             ["烟花爆竹", "液氨储罐", "危险化学品", "易制毒化学品", "涉爆粉尘", "有毒气体", "压力容器",
              "液化石油气钢瓶", "工业炸药"]),
    "卫生健康": ("WJ", "华龙区卫生健康委员会",
             ["公共浴室", "理发店", "游泳场所", "宾馆客房", "村卫生室", "托育机构"],
             ["违规使用", "擅自开展", "违规处置", "擅自从业", "违规提供", "违规消毒"],
             ["公共用品用具", "二次供水设施", "医疗器械", "诊疗活动", "集中空调通风系统", "一次性卫生用品",
              "游泳池水", "消毒产品", "医疗废水"]),
}
CITIES = ["郑州市", "开封市", "洛阳市", "平顶山市", "安阳市", "鹤壁市", "新乡市", "焦作市", "濮阳市", "许昌市",
          "漯河市", "三门峡市", "南阳市", "商丘市", "信阳市", "周口市", "驻马店市", "济源示范区"]
OPENINGS = ["", "市民反映：", "群众来电称", "巡查发现", "网格员报告：", "有人举报", "村民来电："]
WHERE = ["东边的", "南头", "附近的", "旁边那个", "村口的", "路北的", ""]
CLOSINGS = ["", "请尽快处理。", "已经好几天了。", "影响很大。", "希望有人管一管。"]


class _NoAliases(yaml.SafeDumper):
    """The catalog loader refuses YAML aliases: write shared lists out in full."""

    def ignore_aliases(self, data):
        return True


def _matter_id(prefix: str, k: int) -> str:
    return f"{prefix}-{k:04d}"


def _cue_texts(entry: dict) -> list[str]:
    """The written cues of one generated matter entry, as text."""
    out = []
    for kind in ("keywords", "synonyms", "colloquial", "combos", "weak"):
        for c in entry.get(kind) or ():
            out.append(c["cue"] if isinstance(c, dict) else c)
    return out


def generate(dst: Path, src: Path, n_matters: int = 5000, n_batches: int = 500,
             seed: int = 2026) -> dict:
    """Write the scaled catalog into `dst` (a new folder); return what was generated."""
    rng = random.Random(seed)
    if dst.exists():
        shutil.rmtree(dst)
    shutil.copytree(src, dst)
    load = lambda name: yaml.safe_load((src / name).read_text(encoding="utf-8"))  # noqa: E731
    matters_doc, batches_doc, matching = load("matters.yaml"), load("batches.yaml"), load("matching.yaml")
    bodies = load("bodies.yaml")
    townships = [t["name"] for t in bodies["townships"]]
    real = len(matters_doc["matters"])

    # every (field, place, act, object) combination, shuffled: one matter each
    combos = [(f, p, a, o) for f, (_, _, places, acts, objects) in FIELDS.items()
              for p in places for a in acts for o in objects]
    rng.shuffle(combos)
    need = n_matters - real
    if need > len(combos):
        raise ValueError(f"vocabulary gives only {len(combos)} matters")
    counters = {f: 0 for f in FIELDS}
    generated: list[dict] = []
    knowledge: dict[str, dict] = {}
    descriptions: list[tuple[str, str]] = []  # (text, matter it should hit)
    for field, place, act, obj in combos[:need]:
        prefix, dept, *_ = FIELDS[field]
        counters[field] += 1
        mid = _matter_id(prefix, counters[field])
        generated.append({
            "id": mid, "name": f"对在{place}{act}{obj}的行政处罚", "field": field, "department": dept,
            "kind": "行政处罚",
            "legal_basis": f"《河南省{field}管理条例》第{rng.randint(10, 80)}条、第{rng.randint(81, 120)}条"
                           f"（可处{rng.choice([500, 1000, 2000, 5000])}元以上{rng.choice([1, 2, 3, 5])}万元以下罚款）",
            "listed": rng.choice(["confirmed", "inferred"]), "basis_checked": rng.random() < 0.7,
            "sources": [f"https://www.henan.gov.cn/example/{mid.lower()}.html"],
        })
        concept = f"场所{prefix}"
        entry: dict = {"keywords": [f"{act}{obj}"],
                       "combos": [f"{place}+{obj}", {"cue": f"【{concept}】+{obj}", "weight": 0.5},
                                  {"cue": f"{act}+{obj}", "weight": 0.75}]}
        if rng.random() < 0.5:  # some knowledge is written as a gap pattern, as in the real file
            entry["colloquial"] = [f"{act[-2:]}…{obj}"]
        if rng.random() < 0.3:
            entry["weak"] = [obj]
            entry["requires"] = [f"【{concept}】", obj]
        knowledge[mid] = entry
        if len(descriptions) < 600 and rng.random() < 0.2:
            text = f"{rng.choice(OPENINGS)}{rng.choice(WHERE)}{place}有人{act}{obj}，{rng.choice(CLOSINGS)}"
            descriptions.append((text, mid))
    concepts = {f"场所{prefix}": places for f, (prefix, _, places, _, _) in FIELDS.items()}
    matters_doc["matters"].extend(generated)
    matching["concepts"].update(concepts)
    matching["matters"].update(knowledge)
    # The generated names of objects and places stand for a province's legal terms (饮用水源保护区):
    # listed as such, so that `catalog check` does not take them for phrase fragments.
    long_words = set()
    for words in [*concepts.values(), *(c for e in knowledge.values() for c in _cue_texts(e))]:
        for w in ([words] if isinstance(words, str) else words):
            for piece in re.split(r"[+…]", w):
                if len(piece) > 6 and not piece.startswith("【"):
                    long_words.add(piece)
    matching["legal_terms"] = list(matching.get("legal_terms") or []) + sorted(long_words)

    # batches: disjoint groups of generated matters, each delegated in two consecutive windows
    ids = [m["id"] for m in generated]
    rng.shuffle(ids)
    wanted = n_batches - len(batches_doc["batches"])
    groups = (wanted + 1) // 2  # the last group gets one window when `wanted` is odd
    size = max(1, len(ids) // groups)
    made = 0
    for g in range(groups):
        group = ids[g * size:(g + 1) * size] if g < groups - 1 else ids[g * size:]
        if not group:
            break
        city = rng.choice(CITIES)
        start = 2021 + rng.randint(0, 3)
        switch = f"{start + rng.randint(1, 3)}-{rng.randint(1, 12):02d}-01"
        first_bodies = sorted(rng.sample(townships, rng.randint(2, len(townships))), key=townships.index)
        later_bodies = sorted(rng.sample(townships, rng.randint(2, len(townships))), key=townships.index)
        windows = [(f"{start}-{rng.randint(1, 12):02d}-01", switch, first_bodies), (switch, None, later_bodies)]
        if made + 2 > wanted:
            windows = windows[1:]
        for k, (effective, ends, bodies_) in enumerate(windows):
            num = rng.randint(1, 60)
            batch = {
                "id": f"GEN-{g:03d}-{k + 1}",
                "title": f"{city}人民政府关于赋予乡镇（街道）第{g + 1}批行政执法事项的通知（第{k + 1}期）",
                "document": f"{city[:2]}政〔{effective[:4]}〕{num}号",
                "legal_basis": [f"{city[:2]}政〔{effective[:4]}〕{num}号", "豫政〔2025〕15号"],
                "effective": effective,
                "bodies": bodies_,
                "matters": list(group),
                "assumptions": ["A4"],
                "status": "生成的基准测试数据，不是真实批次。",
            }
            if ends:
                batch["ends"] = ends
            batches_doc["batches"].append(batch)
            made += 1

    dump = lambda name, doc: (dst / name).write_text(  # noqa: E731
        "# 基准测试生成的目录（bench/scale.py），不是真实数据。\n\n"
        + yaml.dump(doc, Dumper=_NoAliases, allow_unicode=True, sort_keys=False, width=100),
        encoding="utf-8")
    dump("matters.yaml", matters_doc)
    dump("batches.yaml", batches_doc)
    dump("matching.yaml", matching)
    return {"matters": len(matters_doc["matters"]), "batches": len(batches_doc["batches"]),
            "generated_batches": made, "descriptions": descriptions,
            "bytes": {n: (dst / n).stat().st_size for n in ("matters.yaml", "batches.yaml", "matching.yaml")}}
