"""Fonts of GB/T 9704-2012 and what stands in for them where they are not installed.

The .docx names the official fonts (a machine with them, e.g. a government PC with WPS or
Word, prints the letter as GB/T 9704 intends). Where they are missing, LibreOffice asks
fontconfig for a substitute; `fontconfig_rules()` maps each official font to the closest free
font packaged by Debian, so the PDF is set in a serif for 仿宋/小标宋, a sans for 黑体 and a
kai for 楷体 instead of whatever fontconfig would pick (a sans-serif, usually):

    fonts-noto-cjk      Noto Serif CJK SC (for 仿宋_GB2312, 宋体; its Bold for 方正小标宋简体),
                        Noto Sans CJK SC (for 黑体)
    fonts-arphic-ukai   AR PL UKai CN (for 楷体_GB2312)
    fonts-arphic-uming  AR PL UMing CN (second choice for 仿宋 and 宋体)
    fonts-liberation2   Liberation Serif, metric-compatible with Times New Roman (digits, Latin)

No free 仿宋 (FangSong) is packaged by Debian: the serif stands in for it.
"""
from __future__ import annotations

from xml.sax.saxutils import escape

TITLE = "方正小标宋简体"   # 标题, 发文机关标志
BODY = "仿宋_GB2312"       # 正文 and most elements (GB/T 9704 4.2.2: 3号仿宋体字)
HEADING = "黑体"           # 一级标题 (一、)
SUBHEADING = "楷体_GB2312"  # 二级标题 (（一）)
PAGE = "宋体"              # 页码 (GB/T 9704 7.5: 4号半角宋体阿拉伯数字)
LATIN = "Times New Roman"  # digits and Latin letters inside Chinese text

# official font (and the names it also goes by) -> substitutes in order of preference, bold?
SUBSTITUTES: dict[str, tuple[tuple[str, ...], tuple[str, ...], bool]] = {
    TITLE: (("方正小标宋_GBK", "小标宋", "华文中宋", "STZhongsong"), ("Noto Serif CJK SC", "AR PL UMing CN"), True),
    BODY: (("仿宋", "FangSong", "FangSong_GB2312"), ("Noto Serif CJK SC", "AR PL UMing CN"), False),
    HEADING: (("SimHei",), ("Noto Sans CJK SC",), False),
    SUBHEADING: (("楷体", "KaiTi", "KaiTi_GB2312"), ("AR PL UKai CN", "Noto Serif CJK SC"), False),
    PAGE: (("SimSun",), ("Noto Serif CJK SC", "AR PL UMing CN"), False),
    LATIN: ((), ("Liberation Serif",), False),
}

# What Word and WPS use when the official font is missing (w:altName in the font table):
# Windows 10/11 ship 仿宋, 楷体, 黑体 and 宋体 but not the _GB2312 fonts or 方正小标宋; Office
# ships 华文中宋, the usual stand-in for 小标宋.
WORD_ALT_NAMES = {TITLE: "华文中宋", BODY: "仿宋", HEADING: "SimHei", SUBHEADING: "楷体", PAGE: "SimSun"}

DEBIAN_PACKAGES = ("fonts-noto-cjk", "fonts-arphic-ukai", "fonts-arphic-uming", "fonts-liberation2")


def _rule(name: str, substitutes: tuple[str, ...], bold: bool) -> str:
    prefer = "".join(f"<string>{escape(s)}</string>" for s in substitutes)
    weight = '<edit name="weight" mode="assign" binding="strong"><const>bold</const></edit>' if bold else ""
    return (f'<match target="pattern"><test name="family" qual="any"><string>{escape(name)}</string></test>'
            f'<edit name="family" mode="prepend" binding="strong">{prefer}</edit>{weight}</match>')


def fontconfig_rules(system_config: str = "/etc/fonts/fonts.conf") -> str:
    """A fontconfig file: the system configuration plus the substitutions above. to_pdf points
    LibreOffice at it (FONTCONFIG_FILE); an administrator may also copy the <match> rules into
    /etc/fonts/local.conf so that LibreOffice opens the .docx with the same substitutes."""
    rules = [_rule(alias, subs, bold)
             for official, (aliases, subs, bold) in SUBSTITUTES.items()
             for alias in (official, *aliases)]
    return ('<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
            + "\n".join(rules)
            + f'\n<include ignore_missing="yes">{escape(system_config)}</include>\n</fontconfig>\n')
