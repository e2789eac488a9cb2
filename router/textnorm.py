"""Normalisation of free text before matching, keeping a map back to the original characters.

A clerk's description is messy: full-width digits and letters, traditional characters, emoji,
line breaks, typos and homophones (秸杆 for 秸秆). Matching runs on a normalised copy; every
normalised character remembers which characters of the ORIGINAL text it came from, so the words
that triggered a match can be highlighted in what the clerk typed.

Steps, character by character:
1. drop emoji, pictographs, variation selectors, control and format characters and spaces;
   a line break becomes a clause break (“。”);
2. NFKC: full-width forms become half-width (“１２３” → “123”, “，” → “,”), compatibility forms
   are unfolded;
3. lower case (inspector shorthand: “G106”, “KTV”);
4. traditional → simplified, from the small table below (characters that occur in complaints
   about the catalog's matters; no external data is loaded at run time);
5. then, on the whole string, the phrase map of typos and homophones (from catalog/matching.yaml).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Mapping

# Traditional → simplified, one pair per two characters (traditional first). Written for this
# project: characters seen in enforcement complaints (roads, stalls, fumes, noise, garbage, fire,
# land, water, dogs, greenery) and in everyday text around them. Add pairs here when a
# traditional character that matters is missing; a character absent from the table passes
# through unchanged.
_T2S_PAIRS = (
    "燒烧稈秆稭秸葉叶瀝沥氈毡膠胶塑塑臭臭氣气煙烟噴喷廢废燻熏嗆呛燼烬"
    "噪噪聲声擾扰鬧闹喇喇叭叭廣广場场舞舞響响樂乐麥麦唱唱歌歌廳厅吵吵夜夜間间"
    "攤摊販贩擺摆佔占點点營营賣卖售售買买貨货車车輛辆運运輸输遺遗灑洒撒撒漏漏撿捡"
    "築筑圾圾傾倾倒倒堆堆棄弃丟丢垃垃渣渣漿浆磚砖碼码頭头礫砾"
    "電电動动輪轮瓶瓶樓楼層层梯梯門门廳厅過过內内戶户單单元元區区"
    "消消防防栓栓設设備备滅灭器器標标誌志通通道道疏疏散散緊紧急急燈灯"
    "餐餐飲饮廚厨館馆飯饭燒烧烤烤露露臺台灶灶鍋锅油油淨净化化機机罩罩"
    "路路國国省省縣县鄉乡鎮镇村村莊庄橋桥樑梁隧隧護护欄栏牆墙溝沟渠渠"
    "糧粮曬晒穀谷場场麥麦稻稻棉棉豆豆堆堆擋挡礙碍障障樁桩線线纜缆管管鋪铺"
    "違违規规劃划許许證证審审批批準准蓋盖建建築筑構构廠厂養养殖殖棚棚層层"
    "農农業业地地耕耕種种田田畝亩墳坟窯窑礦矿採采挖挖砂砂沙沙石石土土宅宅基基"
    "佔占領领圈圈圍围侵侵毀毁壞坏損损綠绿樹树剪剪砍砍伐伐草草坪坪花花園园"
    "狗狗犬犬繩绳鏈链牽牵糞粪屎屎便便遛遛咬咬寵宠"
    "廣广告告貼贴塗涂寫写畫画刻刻貼贴橫横幅幅條条牌牌掛挂陽阳窗窗晾晾衣衣被被"
    "水水庫库魚鱼釣钓網网壩坝堤堤閘闸河河湖湖塘塘井井泵泵抽抽灌灌溉溉"
    "鑽钻爆爆葬葬峽峡漁渔藥药毒毒炸炸遊游泳泳"
    "環环境境衛卫髒脏亂乱難难聞闻惡恶熏熏薰熏燻熏"
    "這这裡里麼么們们個个來来說说話话電电還还沒没無无為为對对與与從从後后時时"
    "兩两幾几點点鐘钟號号問问題题處处長长開开關关見见讓让給给幫帮請请謝谢"
    "員员單单導导發发現现將将從从聽听覺觉得得東东頭头邊边裡里麵面週周圍围"
    "歲岁親亲鄰邻居居孩孩學学習习讀读寫写報报紙纸視视網网絡络號号碼码"
    "經经濟济費费錢钱資资欠欠薪薪價价務务強强執执罰罚責责調调査查檢检舉举"
    "擁拥擠挤塞塞堵堵佔占車车庫库籠笼筐筐箱箱雜杂物物"
    "龍龙陽阳濮濮華华勝胜慶庆黃黄丘丘岳岳軻轲嶺岭灣湾鄭郑臺台"
    "燈灯桿杆竿竿纜缆變变壓压櫃柜閥阀蓋盖鐵铁鋼钢鋁铝術术藝艺"
    "鬥斗爭争吵吵罵骂滿满盡尽總总實实際际應应該该須须專专門门繼继續续"
    "顧顾客客會会議议廳厅嚴严重重節节雖虽然然讓让種种樣样歡欢戲戏劇剧"
    "裝装修修補补漏漏拆拆搭搭蓋盖圍围擋挡窩窝聚聚眾众"
    "亂乱搭搭亂乱建建臨临時时違违章章"
    "熱热鬧闹擺摆滷卤燉炖炒炒煎煎炸炸烘烘燜焖鍋锅爐炉盤盘"
    "產产據据氾泛濫滥濕湿潔洁積积極极縱纵廠厂礎础斷断續续"
)
T2S: dict[str, str] = {_T2S_PAIRS[i]: _T2S_PAIRS[i + 1] for i in range(0, len(_T2S_PAIRS), 2)
                       if _T2S_PAIRS[i] != _T2S_PAIRS[i + 1]}

# Characters that end a clause after normalisation (NFKC already folded the full-width ones).
CLAUSE_BREAKS = frozenset("。.!?;！？；\n…")

_DROP_CATEGORIES = frozenset({"So", "Sk", "Cs", "Co", "Cf", "Cc", "Mn", "Me", "Zs", "Zl", "Zp"})
_LINE_BREAKS = frozenset("\n\r\u2028\u2029\x0b\x0c\x85")


@dataclass(frozen=True)
class NormText:
    """A normalised copy of `original`; character i of `text` comes from
    `original[starts[i]:ends[i]]`."""

    original: str
    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Original offsets [a, b) of the normalised range [start, end)."""
        if end <= start:
            raise ValueError("empty range")
        return self.starts[start], max(self.ends[start:end])


def _char_steps(ch: str) -> str:
    """Steps 1-4 for one original character: its normalised replacement ('' to drop it)."""
    if ch in _LINE_BREAKS:
        return "。"
    cat = unicodedata.category(ch)
    if cat in _DROP_CATEGORIES:
        return ""
    if ch.isascii():
        return ch.lower()
    out = []
    for c in unicodedata.normalize("NFKC", ch):
        if unicodedata.category(c) in _DROP_CATEGORIES:
            continue
        c = c.lower()
        out.append(T2S.get(c, c))
    return "".join(out)


_CHAR_CACHE: dict[str, str] = {}


def fold_chars(text: str) -> tuple[str, list[int], list[int]]:
    """Steps 1-4 over a whole string, with the origin of each output character."""
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    cache = _CHAR_CACHE
    for k, ch in enumerate(text):
        rep = cache.get(ch)
        if rep is None:
            rep = _char_steps(ch)
            if len(cache) < 20000:
                cache[ch] = rep
        if not rep:
            continue
        if rep == "。" and out and out[-1] == "。":
            continue  # several line breaks in a row are one clause break
        for c in rep:
            out.append(c)
            starts.append(k)
            ends.append(k + 1)
    return "".join(out), starts, ends


def fold(text: str) -> str:
    """Steps 1-4 only, without offsets: used to normalise the vocabulary itself."""
    return fold_chars(text)[0]


class PhraseMap:
    """Step 5: replace typos and homophones (longest first) in already folded text."""

    def __init__(self, mapping: Mapping[str, str]):
        self.mapping = {fold(k): fold(v) for k, v in mapping.items() if fold(k)}
        keys = sorted(self.mapping, key=len, reverse=True)
        self._re = re.compile("|".join(re.escape(k) for k in keys)) if keys else None

    def apply(self, text: str, starts: list[int], ends: list[int]
              ) -> tuple[str, list[int], list[int]]:
        if self._re is None:
            return text, starts, ends
        out: list[str] = []
        new_starts: list[int] = []
        new_ends: list[int] = []
        pos = 0
        for m in self._re.finditer(text):
            a, b = m.span()
            out.append(text[pos:a])
            new_starts.extend(starts[pos:a])
            new_ends.extend(ends[pos:a])
            rep = self.mapping[m.group()]
            if len(rep) == b - a:
                new_starts.extend(starts[a:b])
                new_ends.extend(ends[a:b])
            else:
                lo, hi = starts[a], max(ends[a:b])
                new_starts.extend([lo] * len(rep))
                new_ends.extend([hi] * len(rep))
            out.append(rep)
            pos = b
        out.append(text[pos:])
        new_starts.extend(starts[pos:])
        new_ends.extend(ends[pos:])
        return "".join(out), new_starts, new_ends


def normalize(text: str, phrases: PhraseMap | None = None) -> NormText:
    """Normalise `text` for matching (steps 1-5), keeping offsets into the original."""
    folded, starts, ends = fold_chars(text)
    if phrases is not None:
        folded, starts, ends = phrases.apply(folded, starts, ends)
    return NormText(text, folded, tuple(starts), tuple(ends))
