"""What a clerk sees in an 80-column terminal: nothing cut off, notes that wrap under their own
text, a deadline with its weekday and the reason a weekend day counts."""
from __future__ import annotations

import json
import re

import pytest

from cli import main
from router.catalog.load import load_catalog
from router.files.locations import shipped
from router.render.terminal import _fill_lines, _grouped

CASE = ["route", "国道边上摆摊卖西瓜，占了半条道", "--place", "孟轲乡", "--by", "华龙区交通运输局",
        "--at", "2026-09-30T16:20"]


def _out(capsys, monkeypatch, *argv: str) -> str:
    monkeypatch.setenv("COLUMNS", "80")
    assert main(list(argv)) == 0
    return capsys.readouterr().out


def _flat(out: str) -> str:
    """The text with box drawing, padding and line breaks removed (what a reader reads)."""
    return re.sub(r"[\s│┃╭╮╰╯─━┏┓┗┛┡┩┣┫╇╋┳┻┯┷]", "", out)


def test_a_deadline_on_a_make_up_working_day_says_why(capsys, monkeypatch):
    out = _out(capsys, monkeypatch, *CASE)
    assert "截止2026-10-1023:59:59（周六，国庆节调休上班日，计为工作日）" in _flat(out)


def test_no_line_is_wider_than_the_terminal_and_notes_wrap_under_their_text(capsys, monkeypatch):
    out = _out(capsys, monkeypatch, *CASE)
    assert all(len(line.rstrip()) <= 80 for line in out.splitlines())  # CJK counted by cells below
    notes = out[out.index("注意"):].splitlines()[1:]
    for line in notes:
        # a bullet line carries words; a continuation line is indented under the text
        assert line.startswith("  · ") and len(line.strip()) > 3 or line.startswith("    ")
    # the assumption's text follows its id on the same line (no break after “含推定”)
    assert any("含推定 A1：" in line for line in notes)


def test_the_matters_full_name_is_shown(capsys, monkeypatch):
    name = load_catalog(shipped("catalog")).matter("JT-03").name
    assert name in _flat(_out(capsys, monkeypatch, *CASE))


def _table_cells(out: str, column: int) -> dict[str, str]:
    """Row id (first column) -> the full text of `column`, joined across the row's lines."""
    rows: dict[str, str] = {}
    current = None
    for line in out.splitlines():
        if "│" not in line:
            continue
        cells = [c.strip() for c in line.strip().strip("│").split("│")]
        if cells[0]:
            current = cells[0]
            rows[current] = ""
        if current is not None and len(cells) > column:
            rows[current] += cells[column]
    return rows


@pytest.mark.parametrize("argv", [
    ["catalog", "list", "--as-of", "2026-03-01", "--body", "岳村镇"],
    ["catalog", "list", "--as-of", "2026-03-01"],
])
def test_catalog_list_never_cuts_the_names_it_shows(capsys, monkeypatch, argv):
    out = _out(capsys, monkeypatch, *argv)
    assert "…" not in out
    names = _table_cells(out, 1)
    catalog = load_catalog(shipped("catalog"))
    assert len(names) >= 20
    for matter_id, name in names.items():
        assert name == catalog.matter(matter_id).name


def test_catalog_show_never_cuts_the_matter_it_shows(capsys, monkeypatch):
    out = _out(capsys, monkeypatch, "catalog", "show", "JT-03", "--as-of", "2026-03-01")
    assert "…" not in out
    m = load_catalog(shipped("catalog")).matter("JT-03")
    flat = _flat(out)
    assert re.sub(r"\s", "", m.name) in flat and re.sub(r"\s", "", m.legal_basis) in flat


def test_filled_lines_break_between_characters_keep_codes_whole_and_no_line_starts_with_a_comma():
    text = ("管辖依据批次 HN-2025-TOWNSHIPS 含推定 A1：2023年公告所称“4个乡镇”推定为岳村镇、孟轲乡，王助镇"
            "；城市街道两侧和公共场地（SR-05）；公路两侧（JT-04）。")
    for width in range(12, 60):
        lines = _fill_lines(text, width)
        assert "".join(lines) == text
        assert all(not line.startswith(("，", "、", "：", "。", "）", "；")) for line in lines[1:])
        assert all(not line.endswith(("（", "“")) for line in lines)
        assert any("HN-2025-TOWNSHIPS" in line for line in lines) or width < 17


def test_a_note_several_matters_share_is_shown_once():
    notes = ["JT-01：批次含推定 A1", "JT-03：批次含推定 A1", "JT-03：批次含推定 A2", "部门名称未核实"]
    assert _grouped(notes) == ["JT-01、JT-03：批次含推定 A1", "JT-03：批次含推定 A2", "部门名称未核实"]


def test_a_family_offered_on_its_everyday_word_has_no_empty_table(capsys, monkeypatch):
    out = _out(capsys, monkeypatch, "match", "门口有人卖菜")
    assert "难以区分" in out and "SR-05" in out
    assert "┏" not in out and "得分" not in out    # no table of candidates when there are none
    assert "zhifa route --matter" in out            # `zhifa match` itself has no --matter
    out = _out(capsys, monkeypatch, "match", "国道上晒玉米")
    assert "┏" in out and "JT-03" in out


def test_a_reason_two_cues_give_in_the_same_words_is_said_once(capsys, monkeypatch):
    # 绿化带种菜 is a keyword of LH-02 twice over (a word and a gapped word): one reason, in the
    # result itself (JSON and the web service see it so) and on the terminal
    out = _flat(_out(capsys, monkeypatch, "match", "绿化带种菜"))
    assert out.count("命中“绿化带种菜”（关键词）") == 1, out
    data = json.loads(_out(capsys, monkeypatch, "match", "绿化带种菜", "--json"))
    (lh02,) = [c for c in data["candidates"] if c["matter"] == "LH-02"]
    assert lh02["reasons"].count("命中“绿化带种菜”（关键词）") == 1, lh02["reasons"]
