"""Normalisation of free text before matching, keeping a map back to the original characters.

A clerk's description is messy: full-width digits and letters, traditional characters, emoji,
line breaks, typos and homophones (秸杆 for 秸秆). Matching runs on a normalised copy; every
normalised character remembers which characters of the ORIGINAL text it came from, so the words
that triggered a match can be highlighted in what the clerk typed.

Steps, character by character:
1. drop emoji, pictographs, variation selectors, control and format characters and spaces
   (a pictograph the typos give a word, 🐶: 狗, becomes that word);
   a line break becomes a clause break (“。”), and a run of spaces between two Chinese
   characters a comma (phone messages separate their phrases so: “村口堆粪 还往坑里倒垃圾”);
2. NFKC: full-width forms become half-width (“１２３” → “123”, “，” → “,”), compatibility forms
   are unfolded;
3. lower case (inspector shorthand: “G106”, “KTV”);
4. traditional → simplified, from the small table below (characters that occur in complaints
   about the catalog's matters; no external data is loaded at run time);
5. then, on the whole string, the phrase map of typos and homophones (from catalog/matching.yaml).
"""
from __future__ import annotations

import unicodedata
from typing import Mapping

# Traditional → simplified, one pair per two characters (traditional first). Written for this
# project, for the characters that matter: every character used by catalog/matching.yaml, plus
# frequent everyday characters of complaints (checked against a standard conversion table when
# written; no data is loaded at run time). When policy staff add a word whose character has a
# traditional form missing here, add the pair; a character absent from the table passes through
# unchanged.
_T2S_PAIRS = (
    "丟丢並并乹干乾干亁干亂乱亱夜佈布佔占併并來来係系俬私俻备倉仓個个們们側侧偽伪備备傚效傢家傳传傷伤傾倾働动僞伪價价儘尽償偿優优儲储兒儿兠兜內内兩两冐冒凈净別别剋克"
    "剛刚剝剥剮剐剷铲劃划劇剧劑剂効效動动務务勝胜勞劳區区卻却厠厕厰厂吶呐呌叫咊和員员唘启問问啓启啟启喫吃單单嗆呛嗎吗嗩唢嘩哗噁恶噴喷噹当嚇吓嚥咽嚮向嚴严囙因囪囱國国"
    "圍围園园圖图團团坿附垜垛垻坝埰采執执報报場场塊块塗涂塟葬塲场塵尘墖塔墰坛墳坟墻墙墾垦壇坛壓压壘垒壜坛壞坏壩坝夠够妳你婬淫學学寀采實实審审寫写寬宽寵宠尅克將将專专"
    "對对導导尟鲜尠鲜屍尸屛屏層层屬属峽峡崗岗嵗岁嶺岭嶽岳帋纸師师帳帐帶带幇帮幚帮幫帮幹干幾几庫库庽寓廁厕廂厢廚厨廠厂廢废廣广廳厅廻回弔吊張张強强彆别彈弹彔录徃往後后"
    "徑径從从徧遍復复徵征徹彻惡恶愛爱愽博態态慶庆應应懞蒙懸悬戰战戲戏戶户拋抛挵弄捄救捨舍捱挨捲卷掛挂採采揚扬換换揷插搆构損损搗捣搶抢摺折撈捞撡操撦扯撲扑撿捡擁拥擊击"
    "擋挡據据擠挤擣捣擧举擴扩擺摆擼撸擾扰攔拦攝摄攤摊攩挡攪搅攬揽攷考敎教敗败數数斷断於于旂旗旹时時时曏向曬晒書书會会朞期朢望朮术東东枱台枴拐柺拐査查栁柳栞刊桺柳桿杆"
    "條条棄弃棊棋棟栋楊杨業业極极榦干構构槍枪槕桌樁桩樂乐樑梁樓楼標标樣样樹树橋桥機机橫横檔档檢检檯台櫃柜櫥橱欄栏權权欵款歡欢歲岁殘残殭僵毀毁毬球氈毡氊毡氣气氾泛汎泛"
    "汙污汚污決决沒没沖冲洩泄涼凉淨净淩凌減减測测準准溝沟溼湿滅灭滛淫滷卤滿满漁渔漚沤漿浆潑泼潔洁澆浇澇涝濃浓濕湿濛蒙濟济濫滥瀉泻瀝沥灋法灑洒灘滩灣湾災灾為为烖灾無无"
    "煗暖煙烟熗炝熱热燈灯燉炖燒烧燙烫燜焖營营燬毁燻熏燼烬爐炉爛烂爭争爲为牀床牆墙牎窗牐闸牕窗牠它牽牵獨独現现環环甎砖產产産产畂亩畆亩畝亩畫画畮亩異异畱留畵画當当疎疏"
    "療疗癈废癬癣發发皷鼓盜盗盡尽監监盤盘眎视眞真眡视眾众睜睁瞭了矇蒙砲炮碼码磚砖礎础礙碍礦矿礫砾祘算禮礼秊年秖只稈秆稭秸種种穀谷積积窓窗窩窝窪洼窯窑窰窑窻窗竄窜竈灶"
    "竊窃竝并筩筒箇个節节範范築筑簡简簾帘籃篮籠笼籬篱糞粪糧粮糰团糾纠約约紅红紙纸級级紛纷組组結结絡络給给統统綁绑綑捆經经綜综綠绿綫线維维網网綵彩緊紧緑绿線线編编練练"
    "縣县縱纵總总織织繙翻繩绳繪绘繫系繼继續续纔才纜缆缐线罈坛罎坛罰罚罵骂罸罚義义習习聞闻聯联聲声聽听脩修腳脚腸肠膓肠膠胶膩腻臈腊臘腊臝裸臟脏臨临臺台與与興兴舉举舊旧"
    "舖铺舘馆舩船芲花荳豆莊庄華华菸烟萬万葉叶葯药蒼苍蓋盖薩萨藍蓝藝艺藥药蘤花處处虛虚號号蜋螂蟲虫蠅蝇衆众術术衕同衚胡衛卫衝冲衞卫裏里補补裝装裡里製制複复襍杂襬摆覇霸"
    "見见規规視视親亲覺觉計计討讨託托記记訪访設设許许訴诉註注証证詐诈詢询話话該该誌志認认語语說说説说課课調调請请論论諮咨謌歌講讲謝谢譁哗證证識识譟噪譭毁議议護护讀读"
    "變变讓让讬托谘咨豐丰豬猪貓猫貝贝貞贞貨货販贩貪贪責责買买貸贷費费貼贴貿贸資资賠赔賣卖質质賭赌購购贍赡趕赶跥跺踐践躶裸車车軍军軻轲輔辅輛辆輪轮輸输輻辐轉转轟轰辢辣"
    "辤辞辦办辭辞農农辳农迴回迻移這这連连逥回週周進进遊游運运過过達达違违遞递遠远適适遷迁選选遺遗還还邊边郵邮鄉乡鄭郑鄰邻醫医釘钉針针釣钓釬焊鈎钩鈡钟鉄铁鉆钻鉤钩銀银"
    "銅铜銲焊銷销銹锈鋁铝鋪铺鋰锂鋸锯鋼钢錄录錐锥錘锤錢钱録录錶表鍋锅鍼针鍾钟鎖锁鎗枪鎚锤鎬镐鎭镇鎮镇鎻锁鏈链鏟铲鏡镜鏽锈鐘钟鐵铁鑚钻鑛矿鑤刨鑵罐鑼锣鑽钻鑿凿锺钟長长"
    "門门閉闭開开間间閘闸閙闹閤合閥阀閧哄闆板闖闯關关阬坑陰阴陽阳隂阴隄堤隊队階阶際际隣邻隨随隱隐隻只雖虽雜杂雞鸡離离難难電电霧雾靈灵靜静鞵鞋響响頂顶項项順顺須须預预"
    "領领頭头頰颊頻频題题類类顧顾風风颱台飛飞飜翻飯饭飲饮餃饺養养餘余館馆餬糊餵喂饃馍饝馍馀余馬马駕驾駡骂騙骗驢驴骽腿髒脏體体髮发鬆松鬍胡鬚须鬥斗鬦斗鬧闹鬨哄鬪斗魚鱼"
    "鮮鲜鳴鸣鴉鸦鴨鸭鴿鸽鵶鸦鶴鹤鷄鸡鹵卤鹹咸麥麦麪面麫面麵面麺面麼么麽么黃黄點点黴霉鼕冬齣出龍龙"
)
T2S: dict[str, str] = {_T2S_PAIRS[i]: _T2S_PAIRS[i + 1] for i in range(0, len(_T2S_PAIRS), 2)
                       if _T2S_PAIRS[i] != _T2S_PAIRS[i + 1]}

# What the n-gram models read (router/matching/learned.py): traditional characters as simplified
# and full-width letters and digits as ASCII, and nothing else changed. The models weigh the
# punctuation, spaces and emoji people type (，, ！, 🔥), which the full fold turns or drops.
_LETTERS_TABLE = {ord(t): s for t, s in T2S.items()}
_LETTERS_TABLE.update({c: chr(c - 0xFEE0) for c in range(0xFF10, 0xFF5B) if chr(c - 0xFEE0).isalnum()})


def fold_letters(text: str) -> str:
    """Traditional characters to simplified, full-width letters and digits to ASCII; nothing else."""
    return text.translate(_LETTERS_TABLE)


# Characters that end a clause after normalisation (NFKC already folded the full-width ones);
# a gap pattern (甲…乙) does not reach across them.
CLAUSE_BREAKS = frozenset("。.!?;！？；\n…")

_DROP_CATEGORIES = frozenset({"So", "Sk", "Cs", "Co", "Cf", "Cc", "Mn", "Me", "Zs", "Zl", "Zp"})
_LINE_BREAKS = frozenset("\n\r\u2028\u2029\x0b\x0c\x85")


class NormText:
    """A normalised copy of `original`; character i of `text` comes from
    `original[starts[i]:ends[i]]`. (A plain class with slots, not a dataclass: one is made per
    description, and generating dataclass methods would cost every start-up.)"""

    __slots__ = ("original", "text", "starts", "ends")

    def __init__(self, original: str, text: str, starts: tuple[int, ...], ends: tuple[int, ...]):
        self.original = original
        self.text = text
        self.starts = starts
        self.ends = ends

    def __repr__(self) -> str:
        return f"NormText(original={self.original!r}, text={self.text!r})"

    def original_spans(self, ranges) -> list[tuple[int, int]]:
        """Original offsets of normalised ranges (each non-empty), in order, those that overlap
        or touch made one."""
        starts, ends = self.starts, self.ends
        out: list[tuple[int, int]] = []
        for a, b in sorted([(starts[s], max(ends[s:e])) for s, e in ranges]):
            if out and a <= out[-1][1]:
                if b > out[-1][1]:
                    out[-1] = (out[-1][0], b)
            else:
                out.append((a, b))
        return out


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
# The characters seen so far whose replacement is one character, and the replacements that
# differ from the character: a text made only of them is folded by str.translate, each output
# character coming from the input character at the same place.
_ONE_CHAR: set[str] = set()
_ONE_CHAR_TABLE: dict[int, str] = {}
_CACHE_LIMIT = 20000


_SPACES = frozenset(" \t\u3000\u00a0")


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def is_pictograph(key: str) -> bool:
    """One emoji or other pictograph (a character step 1 would drop): a typo entry may give it a
    word (🐶: 狗), which it then stands for instead of being dropped."""
    return len(key) == 1 and unicodedata.category(key) == "So"


def fold_chars(text: str, pictographs: Mapping[str, str] | None = None
               ) -> tuple[str, list[int], list[int]]:
    """Steps 1-4 over a whole string, with the origin of each output character; a pictograph
    in `pictographs` becomes its word (a text with any pictograph never takes the fast path:
    a character that step 1 drops is not in _ONE_CHAR)."""
    folded = _one_to_one(text)
    if folded is not None:
        n = len(text)
        return folded, list(range(n)), list(range(1, n + 1))
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    cache = _CHAR_CACHE
    n = len(text)
    for k, ch in enumerate(text):
        if ch in _SPACES and out and _is_han(out[-1]):
            # a space between two phrases of Chinese ends a clause, as a comma would (a phone
            # message written "村口堆粪 还往坑里倒垃圾" tells two things): the comma NFKC makes of
            # "，" (the act rules read ",还" as another act; a full-width one they did not see)
            j = k + 1
            while j < n and text[j] in _SPACES:
                j += 1
            if j < n and _is_han(text[j]) and not (k and text[k - 1] in _SPACES):
                out.append(",")
                starts.append(k)
                ends.append(k + 1)
            continue
        rep = cache.get(ch)
        if rep is None:
            rep = _char_steps(ch)
            if len(cache) < _CACHE_LIMIT:
                cache[ch] = rep
                if len(rep) == 1:
                    _ONE_CHAR.add(ch)
                    if rep != ch:
                        _ONE_CHAR_TABLE[ord(ch)] = rep
        if not rep:
            if not pictographs or ch not in pictographs:
                continue
            rep = pictographs[ch]    # a pictograph the typos give a word, where it would be dropped
        if rep == "。" and out and out[-1] == "。":
            continue  # several line breaks in a row are one clause break
        for c in rep:
            out.append(c)
            starts.append(k)
            ends.append(k + 1)
    return "".join(out), starts, ends


def _one_to_one(text: str) -> str | None:
    """`text` folded, when each of its characters is known to fold to one character (a table
    lookup in C), or None: a character not seen yet, dropped or made several, or line breaks in a
    row, which are made one (fold_chars works those out)."""
    if _ONE_CHAR.issuperset(text):
        folded = text.translate(_ONE_CHAR_TABLE)
        if "。。" not in folded:
            return folded
    return None


def fold(text: str) -> str:
    """Steps 1-4 only, without offsets: used to normalise the vocabulary itself (a matcher's build
    calls it some 340,000 times; the offsets fold_chars would make are not made)."""
    folded = _one_to_one(text)
    return folded if folded is not None else fold_chars(text)[0]


class PhraseMap:
    """Step 5: replace typos and homophones (longest first) in already folded text."""

    def __init__(self, mapping: Mapping[str, str]):
        self.mapping = {fold(k): fold(v) for k, v in mapping.items() if fold(k)}
        # entries for one pictograph (🐶: 狗) are applied in step 1, where it would be dropped
        self.pictographs = {k: fold(v) for k, v in mapping.items() if is_pictograph(k) and fold(v)}
        # A plain dictionary by first character (no regular expression: nothing to compile when
        # a cached matcher is loaded); at each place the longest entry wins.
        by_first: dict[str, list[str]] = {}
        for k in sorted(self.mapping, key=len, reverse=True):
            by_first.setdefault(k[0], []).append(k)
        self._by_first = {c: tuple(v) for c, v in by_first.items()}
        # an entry whose right word holds the slip (宅基 → 宅基地): where the text already has the
        # right word around it, nothing is replaced (宅基地 must not become 宅基地地)
        self._completing = {k: v.find(k) for k, v in self.mapping.items() if k in v and k != v}

    def _spans(self, text: str):
        by_first = self._by_first
        completing = self._completing
        startswith = text.startswith
        i, n = 0, len(text)
        while i < n:
            keys = by_first.get(text[i])
            if keys:
                for k in keys:
                    if startswith(k, i):
                        j = completing.get(k)
                        if j is None or not (i >= j and startswith(self.mapping[k], i - j)):
                            yield i, i + len(k), k
                        i += len(k)
                        break
                else:
                    i += 1
            else:
                i += 1

    def occurs_in(self, text: str) -> bool:
        """Whether the typo of any entry occurs in `text` (folded): in most texts none does."""
        by_first = self._by_first
        return any(k in text for c in by_first.keys() & text for k in by_first[c])

    def apply(self, text: str, starts: list[int], ends: list[int]
              ) -> tuple[str, list[int], list[int]]:
        if not self._by_first:
            return text, starts, ends
        if not self.occurs_in(text):
            return text, starts, ends  # most texts: nothing to replace
        out: list[str] = []
        new_starts: list[int] = []
        new_ends: list[int] = []
        pos = 0
        for a, b, key in self._spans(text):
            out.append(text[pos:a])
            new_starts.extend(starts[pos:a])
            new_ends.extend(ends[pos:a])
            rep = self.mapping[key]
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
    folded, starts, ends = fold_chars(text, phrases.pictographs if phrases is not None else None)
    if phrases is not None:
        folded, starts, ends = phrases.apply(folded, starts, ends)
    return NormText(text, folded, tuple(starts), tuple(ends))
