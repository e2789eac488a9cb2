"""A letter through LibreOffice to PDF and to a PNG a person can look at (where LibreOffice and
poppler are installed); the named error when LibreOffice is missing; the font substitutions."""
import shutil
import subprocess

import pytest

from router.letters import (
    ConversionError,
    LetterData,
    OfficeMissingError,
    draft_letter,
    find_soffice,
    to_pdf,
)
from router.letters.fonts import BODY, HEADING, SUBHEADING, TITLE, fontconfig_rules
from router.letters.pdf import ENV_SOFFICE

SOFFICE = find_soffice()
needs_office = pytest.mark.skipif(
    SOFFICE is None or shutil.which("pdftoppm") is None,
    reason="LibreOffice（soffice）或 pdftoppm 未安装："
           "apt-get install -y libreoffice-writer-nogui poppler-utils fonts-noto-cjk")


@needs_office
def test_referral_renders_to_pdf_and_png(tmp_path, samples):
    docx = tmp_path / "移送函.docx"
    docx.write_bytes(draft_letter("referral", samples["referral"]))
    pdf = to_pdf(docx, tmp_path / "out")
    assert pdf == tmp_path / "out" / "移送函.pdf"
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "595.3 x 841.89 pts (A4)" in info.replace("595.304", "595.3")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    # LibreOffice sets a little space between Chinese and digits, which pdftotext shows as blanks
    text = "".join(text.split())
    for fragment in ("华龙区交通运输局", "华交移〔2026〕3号", "涉嫌违法案件移送函", "孟轲乡人民政府：",
                     "二〇二六年十月八日", "—1—", "—2—"):
        assert fragment in text
    subprocess.run(["pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "page")],
                   check=True)
    [png] = tmp_path.glob("page*.png")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 10_000


@needs_office
def test_body_lines_hold_28_characters(tmp_path):
    """GB/T 9704 5.2.3: 28 characters a line. “当事人：…。” with 49 characters of name is,
    with its two-character indent, 56 characters: exactly two full lines in LibreOffice."""
    data = LetterData(kind="referral", sender="岳村镇人民政府", details={"party": "违" * 49})
    docx = tmp_path / "line.docx"
    docx.write_bytes(draft_letter("referral", data))
    pdf = to_pdf(docx, tmp_path)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    lines = [line.strip() for line in text.splitlines() if "违违" in line]
    assert lines == ["当事人：" + "违" * 22, "违" * 27 + "。"]


def test_missing_libreoffice_is_a_named_error_with_what_to_install(tmp_path, monkeypatch, samples):
    monkeypatch.setenv(ENV_SOFFICE, str(tmp_path / "no-such-soffice"))
    docx = tmp_path / "a.docx"
    docx.write_bytes(draft_letter("notice", samples["notice"]))
    with pytest.raises(OfficeMissingError) as info:
        to_pdf(docx, tmp_path)
    message = str(info.value)
    assert "未找到 LibreOffice" in message and "libreoffice-writer-nogui" in message
    assert ".docx 已可使用" in message


def test_missing_source_file(tmp_path):
    with pytest.raises(ConversionError, match="找不到要转换的文件"):
        to_pdf(tmp_path / "none.docx", tmp_path)


def test_fontconfig_rules_map_each_official_font():
    rules = fontconfig_rules()
    for official in (TITLE, BODY, HEADING, SUBHEADING):
        assert f"<string>{official}</string>" in rules
    assert rules.index("<match") < rules.index("<include")


@pytest.mark.skipif(shutil.which("fc-match") is None, reason="fontconfig 的 fc-match 未安装")
@pytest.mark.parametrize("official, family", [(BODY, "Noto Serif CJK SC"), (HEADING, "Noto Sans CJK SC"),
                                              (SUBHEADING, "AR PL UKai CN"), (TITLE, "Noto Serif CJK SC")])
def test_fontconfig_substitutes_installed_fonts(tmp_path, official, family):
    installed = subprocess.run(["fc-list", family, "family"], capture_output=True, text=True).stdout
    if not installed.strip():
        pytest.skip(f"{family} 未安装（见 catalog/letters/README.md 的字体一节）")
    config = tmp_path / "fonts.conf"
    config.write_text(fontconfig_rules(), encoding="utf-8")
    found = subprocess.run(["fc-match", "-f", "%{family}|%{style}", f"{official}:lang=zh-cn"],
                           capture_output=True, text=True, env={"FONTCONFIG_FILE": str(config)}).stdout
    assert family in found.split("|")[0]
    if official == TITLE:
        assert "Bold" in found
