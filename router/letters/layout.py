"""The page of GB/T 9704-2012 党政机关公文格式, written with python-docx.

A4; 天头 37 mm, 订口 28 mm, bottom 35 mm, right 26 mm, so the type area is 156 mm × 225 mm
(4.2.1). Text is 3号 (16 pt) 仿宋, 22 lines of 28 characters a page (5.2.3): the line pitch
is fixed at 28.95 pt, and 3号 text is condensed by 0.25 pt a character so that 28 fit in
156 mm (16 pt characters would fit 27). Word's character grid (w:docGrid linesAndChars) would
do the same in Word, but LibreOffice reads its pitch differently and spreads the text, so no
character grid is used. The clause numbers below are those of GB/T 9704-2012.
"""
from __future__ import annotations

import io
from typing import Iterable

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from lxml import etree

from . import fonts
from .numerals import BLANK

PAGE_WIDTH, PAGE_HEIGHT = Mm(210), Mm(297)
MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT = Mm(37), Mm(35), Mm(28), Mm(26)
TYPE_WIDTH_PT = 156 / 25.4 * 72            # 442.2 pt
CONDENSE_TWIPS = -5                         # 16 pt - 0.25 pt = 15.75 pt a character
CHAR_PITCH_PT = 16 + CONDENSE_TWIPS / 20    # 28 of them: 441 pt, within the 442.2 pt line
LINE_PITCH = Pt(28.95)                      # 22 lines in 225 mm (637.8 pt)

# 字号 (Chinese point sizes)
SIZE_2 = Pt(22)    # 二号: 标题
SIZE_3 = Pt(16)    # 三号: 正文
SIZE_4 = Pt(14)    # 四号: 页码, 抄送
MAX_LETTERHEAD = 36  # 小初; the 发文机关标志 shrinks to fit one line

RED = RGBColor(0xFF, 0x00, 0x00)
_TWIPS_PER_PT = 20


def _chars(n: float) -> int:
    """n characters of 3号 text, in twips."""
    return round(n * CHAR_PITCH_PT * _TWIPS_PER_PT)


def set_font(run, east_asian: str, size, *, latin: str = fonts.LATIN, color: RGBColor | None = None) -> None:
    """Name the official font for Chinese text and a Latin font for digits and letters."""
    run.font.size = size
    run.font.name = latin
    rpr = run._element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    rfonts.set(qn("w:eastAsia"), east_asian)
    rfonts.set(qn("w:cs"), latin)
    rfonts.set(qn("w:hint"), "eastAsia")
    if color is not None:
        run.font.color.rgb = color
    if size == SIZE_3:
        spacing = OxmlElement("w:spacing")
        spacing.set(qn("w:val"), str(CONDENSE_TWIPS))
        # rPr children have a fixed order: spacing comes after color, before w/kern/sz.
        later = next((rpr.find(qn(t)) for t in ("w:w", "w:kern", "w:position", "w:sz")
                      if rpr.find(qn(t)) is not None), None)
        if later is not None:
            later.addprevious(spacing)
        else:
            rpr.append(spacing)


def _border(paragraph, side: str, *, size_eighths: int, color: str = "000000", space_pt: int = 0) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    borders = ppr.find(qn("w:pBdr"))
    if borders is None:
        borders = OxmlElement("w:pBdr")
        ppr.append(borders)
    edge = OxmlElement(f"w:{side}")
    edge.set(qn("w:val"), "single")
    edge.set(qn("w:sz"), str(size_eighths))
    edge.set(qn("w:space"), str(space_pt))
    edge.set(qn("w:color"), color)
    borders.append(edge)
    # pPr children have a fixed order in the schema: pBdr comes before spacing and indentation.
    for tag in ("w:shd", "w:tabs", "w:spacing", "w:ind", "w:jc"):
        later = ppr.find(qn(tag))
        if later is not None:
            later.addprevious(borders)
            break


def _indent(paragraph, *, first: float = 0, left: float = 0, right: float = 0) -> None:
    """Indents in characters of 3号 text (空二字 = 2), written in twips: Word's *Chars units
    would follow each paragraph's font size instead."""
    if not (first or left or right):
        return
    ind = paragraph._p.get_or_add_pPr().get_or_add_ind()
    for name, chars in (("left", left), ("right", right)):
        if chars:
            ind.set(qn(f"w:{name}"), str(_chars(chars)))
    if first > 0:
        ind.set(qn("w:firstLine"), str(_chars(first)))
    elif first < 0:
        ind.set(qn("w:hanging"), str(_chars(-first)))


class Writer:
    """Builds one .docx, element by element, in the order GB/T 9704 places them."""

    def __init__(self) -> None:
        self.doc = Document()
        self._styles()
        self._page(self.doc.sections[0])
        self.doc.settings.odd_and_even_pages_header_footer = True
        self._page_numbers(self.doc.sections[0])
        self._font_table()

    # ---- set-up ---------------------------------------------------------------------------
    def _styles(self) -> None:
        normal = self.doc.styles["Normal"]
        normal.font.name = fonts.LATIN
        normal.font.size = SIZE_3
        rpr = normal.element.get_or_add_rPr()
        rfonts = rpr.find(qn("w:rFonts"))
        rfonts.set(qn("w:eastAsia"), fonts.BODY)
        lang = OxmlElement("w:lang")
        lang.set(qn("w:val"), "zh-CN")
        lang.set(qn("w:eastAsia"), "zh-CN")
        rpr.append(lang)
        fmt = normal.paragraph_format
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = LINE_PITCH
        fmt.space_before = fmt.space_after = Pt(0)
        fmt.widow_control = False

    def _font_table(self) -> None:
        """Declare the official fonts with the names Word and WPS fall back to (w:altName) and
        the GB2312 character set, so a PC without them still prints Chinese serif text."""
        part = next(p for p in self.doc.part.package.iter_parts() if p.partname == "/word/fontTable.xml")
        table = etree.fromstring(part.blob)
        for name, alt in fonts.WORD_ALT_NAMES.items():
            font = etree.SubElement(table, qn("w:font"))
            font.set(qn("w:name"), name)
            for tag, value in (("altName", alt), ("charset", "86"), ("family", "modern"), ("pitch", "fixed")):
                etree.SubElement(font, qn(f"w:{tag}")).set(qn("w:val"), value)
        part._blob = etree.tostring(table, xml_declaration=True, encoding="UTF-8", standalone=True)

    def _page(self, section) -> None:
        section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
        section.top_margin, section.bottom_margin = MARGIN_TOP, MARGIN_BOTTOM
        section.left_margin, section.right_margin = MARGIN_LEFT, MARGIN_RIGHT
        # 7.5: the page number's 一字线 sits 7 mm below the type area; a 四号 line is ~5 mm.
        section.footer_distance = Mm(23)
        section.header_distance = Mm(15)
        grid = section._sectPr.find(qn("w:docGrid"))
        if grid is None:
            grid = OxmlElement("w:docGrid")
            section._sectPr.append(grid)
        for name in ("type", "charSpace"):
            grid.attrib.pop(qn(f"w:{name}"), None)  # no grid: exact line spacing sets the pitch
        grid.set(qn("w:linePitch"), str(round(LINE_PITCH.pt * _TWIPS_PER_PT)))

    def _page_numbers(self, section) -> None:
        """7.5: 4号半角宋体阿拉伯数字 between 一字线; odd pages right, even pages left, 空一字."""
        for footer, align in ((section.footer, WD_ALIGN_PARAGRAPH.RIGHT),
                              (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT)):
            p = footer.paragraphs[0]
            p.alignment = align
            p.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
            if align == WD_ALIGN_PARAGRAPH.RIGHT:
                p.paragraph_format.right_indent = SIZE_4
            else:
                p.paragraph_format.left_indent = SIZE_4
            self._footer_run(p, "— ")
            self._page_field(p)
            self._footer_run(p, " —")

    def _footer_run(self, p, text: str):
        run = p.add_run(text)
        set_font(run, fonts.PAGE, SIZE_4, latin=fonts.PAGE)
        return run

    def _page_field(self, p) -> None:
        for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1"), ("end", None)):
            run = self._footer_run(p, "")
            if kind:
                char = OxmlElement("w:fldChar")
                char.set(qn("w:fldCharType"), kind)
                run._element.append(char)
            elif text == " PAGE ":
                instr = OxmlElement("w:instrText")
                instr.set(qn("xml:space"), "preserve")
                instr.text = text
                run._element.append(instr)
            else:
                run.text = text

    # ---- elements ---------------------------------------------------------------------------
    def paragraph(self, text: str = "", *, font: str = fonts.BODY, size=SIZE_3,
                  align=WD_ALIGN_PARAGRAPH.JUSTIFY, first: float = 0, left: float = 0,
                  right: float = 0, color: RGBColor | None = None):
        p = self.doc.add_paragraph()
        p.alignment = align
        _indent(p, first=first, left=left, right=right)
        if text:
            set_font(p.add_run(text), font, size, color=color)
        return p

    def blank(self, lines: int = 1) -> None:
        for _ in range(lines):
            self.paragraph()

    def new_part(self) -> None:
        """A further document in the same file (a note to the complainant, a receipt): a new
        page, page numbers from 1 again."""
        section = self.doc.add_section(WD_SECTION.NEW_PAGE)
        number_type = OxmlElement("w:pgNumType")
        number_type.set(qn("w:start"), "1")
        # sectPr children have a fixed order: pgNumType comes before cols and docGrid.
        later = section._sectPr.find(qn("w:cols"))
        if later is None:
            later = section._sectPr.find(qn("w:docGrid"))
        later.addprevious(number_type)

    def letterhead(self, sender: str, number: str, *, upward: bool) -> None:
        """7.2.4 发文机关标志 (red 小标宋, centred, 35 mm below the top of the type area);
        7.2.5 发文字号 two lines below it, centred, or for an upward letter (请示, 报告) flush
        left 空一字 with 7.2.6 签发人 flush right 空一字; 7.2.7 a red line as wide as the type
        area 4 mm below the number."""
        size = min(MAX_LETTERHEAD, int(TYPE_WIDTH_PT // max(len(sender), 1)))
        head = self.paragraph(sender, font=fonts.TITLE, size=Pt(size), align=WD_ALIGN_PARAGRAPH.CENTER,
                              color=RED)
        head.paragraph_format.space_before = Mm(35)
        head.paragraph_format.line_spacing = Pt(max(size * 1.3, LINE_PITCH.pt))
        self.blank(2)
        if upward:
            line = self.paragraph(number, align=WD_ALIGN_PARAGRAPH.LEFT, left=1)
            # a right tab one character inside the right edge of the type area
            line.paragraph_format.tab_stops.add_tab_stop(
                Pt(TYPE_WIDTH_PT - CHAR_PITCH_PT), alignment=WD_TAB_ALIGNMENT.RIGHT)
            set_font(line.add_run("\t签发人："), fonts.BODY, SIZE_3)
            set_font(line.add_run(BLANK), fonts.SUBHEADING, SIZE_3)  # 7.2.6: the name in 楷体
        else:
            line = self.paragraph(number, align=WD_ALIGN_PARAGRAPH.CENTER)
        _border(line, "bottom", size_eighths=12, color="FF0000", space_pt=11)  # 4 mm ≈ 11 pt
        self.blank(2)

    def title(self, text: str) -> None:
        """7.3.1 标题: 2号小标宋, centred, two blank lines below the red line (letterhead()
        leaves them), one blank line above the 主送机关. A line break in the template's title
        ("\\n") is kept, so policy staff can break a long title where the sense allows."""
        p = self.paragraph(align=WD_ALIGN_PARAGRAPH.CENTER)
        for i, line in enumerate(text.split("\n")):
            run = p.add_run()
            set_font(run, fonts.TITLE, SIZE_2)
            if i:
                run.add_break()
            run.add_text(line)
        self.blank(1)

    def to(self, text: str) -> None:
        """7.3.2 主送机关: flush left, ending with a full-width colon."""
        self.paragraph(text.rstrip("：:") + "：", align=WD_ALIGN_PARAGRAPH.LEFT)

    def text(self, text: str) -> None:
        """7.3.3 正文: each paragraph indented two characters."""
        self.paragraph(text, first=2)

    def heading(self, text: str) -> None:
        self.paragraph(text, font=fonts.HEADING, first=2)

    def subheading(self, text: str) -> None:
        self.paragraph(text, font=fonts.SUBHEADING, first=2)

    def plain(self, text: str) -> None:
        self.paragraph(text, align=WD_ALIGN_PARAGRAPH.LEFT)

    def right(self, text: str) -> None:
        self.paragraph(text, align=WD_ALIGN_PARAGRAPH.RIGHT, right=2)

    def numbered(self, items: Iterable[str]) -> None:
        for i, item in enumerate(items, 1):
            self.paragraph(f"{i}. {item}", first=2)

    def attachments(self, items: list[str]) -> None:
        """7.3.4 附件说明: one blank line below the text, 空二字 “附件：1. 名称”; further names
        under the first; a wrapped name aligned with the first character of the name."""
        self.blank(1)
        if len(items) == 1:
            self.paragraph(f"附件：{items[0]}", left=5, first=-3)
            return
        for i, item in enumerate(items, 1):
            label = "附件：" if i == 1 else ""
            self.paragraph(f"{label}{i}. {item}", left=6, first=-4 if i == 1 else -1)

    def signature(self, sender: str, date_text: str) -> None:
        """7.3.5.1 加盖印章的公文: 成文日期 右空四字; the sender's name centred over the date;
        the seal presses on both, its top within one line of the text above."""
        self.blank(2)
        date_indent = 4.0
        name_indent = date_indent + (len(date_text) - len(sender)) / 2
        if name_indent < 2:
            name_indent, date_indent = 2.0, 2.0 + (len(sender) - len(date_text)) / 2
        self.paragraph(sender, align=WD_ALIGN_PARAGRAPH.RIGHT, right=name_indent)
        self.paragraph(date_text, align=WD_ALIGN_PARAGRAPH.RIGHT, right=date_indent)

    def note(self, text: str) -> None:
        """7.3.6 附注 (e.g. contact for a 请示): 空二字, in brackets, below the date."""
        self.paragraph(f"（{text.strip('（）()')}）", first=2)

    def cc(self, names: list[str]) -> None:
        """7.4 版记: 抄送机关 in 4号仿宋, 左右各空一字, between a thick first line and a thick
        last line (0.35 mm); wrapped names align with the first name after the colon."""
        p = self.paragraph(f"抄送：{'，'.join(names)}。", size=SIZE_4, left=1 + 3 * SIZE_4.pt / CHAR_PITCH_PT,
                           right=1, first=-3 * SIZE_4.pt / CHAR_PITCH_PT, align=WD_ALIGN_PARAGRAPH.LEFT)
        _border(p, "top", size_eighths=8, space_pt=4)
        _border(p, "bottom", size_eighths=8, space_pt=4)
        self._keep_at_page_bottom(p)

    def _keep_at_page_bottom(self, p) -> None:
        """7.4: the 版记 sits at the foot of the last page: a frame anchored to the bottom of
        the type area, as wide as it."""
        frame = OxmlElement("w:framePr")
        for name, value in (("w", str(round(TYPE_WIDTH_PT * _TWIPS_PER_PT))), ("wrap", "around"),
                            ("vAnchor", "margin"), ("hAnchor", "margin"), ("xAlign", "center"),
                            ("yAlign", "bottom")):
            frame.set(qn(f"w:{name}"), value)
        ppr = p._p.get_or_add_pPr()
        style = ppr.find(qn("w:pStyle"))
        if style is not None:
            style.addnext(frame)
        else:
            ppr.insert(0, frame)

    def to_bytes(self) -> bytes:
        out = io.BytesIO()
        self.doc.save(out)
        return out.getvalue()
