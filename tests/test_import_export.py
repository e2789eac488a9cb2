"""From the published spreadsheet to a checked catalog: reading tables the way they are made
(merged cells, header variants, multi-line cells, notes, GBK CSV), reporting bad rows where they
are, writing only a catalog that passes the check, atomically; and export → import round trips."""
from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from cli import EXIT_CATALOG, EXIT_INPUT, EXIT_OK, main
from router.catalog.load import load_catalog
from router.decide.jurisdiction import Jurisdiction
from router.files.atomic import LOCK_NAME
from router.files.locations import shipped
from router.files.sheets import COLUMNS, export_catalog, map_header, read_table
from router.model.clock import parse_day
from router.model.errors import InputError
from router.policy.importing import ImportOptions, import_catalog

DATA = Path(__file__).parent / "data"
sys.path.insert(0, str(DATA))
import zhifa_samples as samples  # noqa: E402

DEFAULT_ROOT = shipped("catalog")

DOC = "华政〔2026〕30号《华龙区人民政府关于调整乡镇（街道）综合行政执法事项的通知》"


@pytest.fixture()
def root(tmp_path) -> Path:
    """A private copy of the shipped catalog for each test."""
    dst = tmp_path / "catalog"
    shutil.copytree(DEFAULT_ROOT, dst)
    return dst


def snapshot(folder: Path) -> dict[str, bytes]:
    """The catalog's files (the writers' lock file, left empty by a killed writer, is not one)."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.name != LOCK_NAME}


def run(capsys, *args):
    """Exit code, stdout and stderr, with the terminal's line wrapping undone."""
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out.replace("\n", ""), out.err.replace("\n", "")


# ---------------------------------------------------------------------------------------------
# Reading cells and headers


@pytest.mark.parametrize("header,key", [
    ("事项名称", "name"), ("行政处罚事项名称", "name"), ("职权名称", "name"),
    ("行政处罚事项名称及编码", "name"), ("事 项 名 称", "name"), ("事项\n名称", "name"),
    ("领域/类别", "field"), ("类别", "field"), ("所属领域", "field"),
    ("实施依据", "legal_basis"), ("法律依据", "legal_basis"), ("设定依据", "legal_basis"),
    ("原实施部门", "department"), ("实施部门", "department"), ("主管部门", "department"),
    ("承接主体", "bodies"), ("实施范围", "bodies"), ("承接主体（乡镇/街道）", "bodies"),
    ("实施时间", "effective"), ("生效日期", "effective"), ("*实施时间", "effective"),
    ("截止时间", "until"), ("收回时间", "ends"), ("备注", "note"), ("序号", "serial"),
    ("事项编码", None), ("联系电话", None),
])
def test_header_variants_map_to_one_meaning(header, key):
    assert map_header(header, COLUMNS) == key


@pytest.mark.parametrize("value,expected", [
    ("2027-01-01", date(2027, 1, 1)), ("2027/1/1", date(2027, 1, 1)), ("2027.1.1", date(2027, 1, 1)),
    ("2027年1月1日", date(2027, 1, 1)), ("自2027年1月1日起施行", date(2027, 1, 1)),
    ("20270101", date(2027, 1, 1)), (46388, date(2027, 1, 1)), ("46388", date(2027, 1, 1)),
    (date(2027, 1, 1), date(2027, 1, 1)),
])
def test_dates_as_tables_write_them(value, expected):
    assert parse_day(value) == expected


@pytest.mark.parametrize("value,message", [
    ("2027年13月1日", "不存在"), ("明年一月", "无法识别"), ("2027年1月", "无法识别"),
    ("2027-01-01至2027-02-01", "多个日期"),
])
def test_unreadable_dates_say_why(value, message):
    with pytest.raises(ValueError) as exc:
        parse_day(value)
    assert message in str(exc.value)


def test_merged_cells_title_and_notes_are_read_as_published(tmp_path):
    table = read_table(samples.official_2027(tmp_path / "t.xlsx"))
    assert len(table.rows) == len(samples.ROWS_2027)
    assert table.titles["目录"] == samples.TITLE_2027  # not the “附件1” line above it
    # 实施时间 is one merged cell over the whole table; 领域 and 原实施部门 merged by field.
    assert all(r.values["effective"] == date(2027, 1, 1) for r in table.rows)
    assert [r.values["field"] for r in table.rows][:5] == ["交通运输"] * 4 + ["水利"]
    assert "effective" in table.rows[3].merged and "effective" not in table.rows[0].merged
    assert any("表注" in p.message and p.severity == "notice" for p in table.problems)
    # A multi-line 实施依据 keeps both lines.
    assert table.rows[2].values["legal_basis"].count("\n") == 1


# ---------------------------------------------------------------------------------------------
# Round trips


def test_export_then_import_is_the_same_catalog_and_writes_nothing(root, tmp_path, capsys):
    before = snapshot(root)
    code, out, _ = run(capsys, "catalog", "export", str(tmp_path / "x.xlsx"), "--catalog", str(root))
    assert code == EXIT_OK and "47个事项" in out.replace(" ", "")  # the line may wrap at the space
    code, out, _ = run(capsys, "catalog", "import", str(tmp_path / "x.xlsx"), "--catalog", str(root))
    assert code == EXIT_OK and "没有变化" in out
    assert snapshot(root) == before


def test_exported_workbook_looks_like_a_published_table(root, tmp_path):
    export_catalog(tmp_path / "x.xlsx", root)
    wb = load_workbook(tmp_path / "x.xlsx")
    assert wb.sheetnames == ["执法事项清单", "下放批次", "推定", "说明"]
    ws = wb["执法事项清单"]
    headers = [c.value for c in ws[2]]
    for h in ("序号", "领域", "事项名称", "实施依据", "原实施部门", "承接主体", "实施时间", "备注"):
        assert h in headers
    assert any(str(r) .startswith("A1:") for r in ws.merged_cells.ranges)  # the title
    # JT-01 is in two batches: two rows, its name merged over both.
    assert any(r.min_col == 4 and r.max_row == r.min_row + 1 for r in ws.merged_cells.ranges)


def test_edit_in_the_exported_sheet_imports_exactly_that_change(root, tmp_path):
    path = tmp_path / "x.xlsx"
    export_catalog(path, root)
    wb = load_workbook(path)
    ws = wb["执法事项清单"]
    header = {c.value: c.column for c in ws[2]}
    for row in ws.iter_rows(min_row=3):
        if row[header["事项编号"] - 1].value == "WM-02":
            row[header["备注"] - 1].value = "2027年起并入文明行为执法"
    wb.save(path)
    result = import_catalog(path, root)
    assert result.written and not result.errors and not result.check
    changes = [(c.matter, c.key, c.new) for c in result.diff.matter_changes]
    assert changes == [("WM-02", "note", "2027年起并入文明行为执法")]
    assert not result.diff.batch_changes and not result.diff.holder_changes
    assert load_catalog(root).matters["WM-02"].note == "2027年起并入文明行为执法"


def test_deleting_a_batchs_rows_removes_the_batch(root, tmp_path):
    path = tmp_path / "x.xlsx"
    export_catalog(path, root)
    wb = load_workbook(path)
    ws = wb["执法事项清单"]
    col = {c.value: c.column for c in ws[2]}["批次编号"]
    for row in ws.iter_rows(min_row=3):
        if row[col - 1].value == "HN-2025-STREETS":
            for cell in row[col - 4: col + 1]:  # 承接主体, 实施时间, 收回时间, 批次编号, 下放文件
                cell.value = None
    wb.save(path)
    result = import_catalog(path, root)
    assert result.written, result.check
    assert "HN-2025-STREETS" not in {b.id for b in load_catalog(root).batches}
    assert ("HN-2025-STREETS", "删除", 0) in result.batches


# ---------------------------------------------------------------------------------------------
# The published 2027 list (invented, see tests/data/zhifa_samples.py)


def test_official_list_dry_run_shows_changes_and_writes_nothing(root, tmp_path, capsys):
    before = snapshot(root)
    code, out, _ = run(capsys, "catalog", "import", str(samples.official_2027(tmp_path / "t.xlsx")),
                       "--catalog", str(root), "--supersede", "--matching-stubs", "--document", DOC, "--dry-run")
    assert code == EXIT_OK
    for text in ("新事项 XF-08（建议编号）", "识别为 SL-02", "依据改变 JT-03", "须相互通报", "未写入"):
        assert text in out
    assert snapshot(root) == before


def test_official_list_is_imported_with_ids_kept_and_facts_marked_honestly(root, tmp_path):
    old = load_catalog(root)
    header = (root / "matters.yaml").read_text(encoding="utf-8").split("matters:")[0]
    result = import_catalog(samples.official_2027(tmp_path / "t.xlsx"), root,
                            options=ImportOptions(supersede=True, matching_stubs=True, document=DOC))
    assert result.written and not result.errors and not result.check
    new = load_catalog(root, check_extras=True)
    # Existing ids kept (SL-02 recognised by its reworded name), one new id proposed.
    assert [n[0] for n in result.new_matters] == ["XF-08"]
    assert set(new.matters) == set(old.matters) | {"XF-08"}
    assert new.matters["SL-02"].name == "对在小型水库内毒鱼、炸鱼、电鱼等危害水库安全运行的行政处罚"
    # Honesty: a changed basis is no longer “checked”; flags of untouched matters are kept.
    assert new.matters["JT-03"].basis_checked is False and old.matters["JT-03"].basis_checked is True
    assert new.matters["JT-04"].listed == "inferred"
    x = new.matters["XF-08"]
    assert (x.department, x.listed, x.basis_checked) == ("华龙区消防救援大队", "confirmed", False)
    assert x.sources == ("导入自 t.xlsx，工作表“目录”第14行",)
    # Batches: one per (document, date, bodies); the 2025 batches end the day the new ones start.
    ids = {b.id: b for b in new.batches}
    assert ids["IMP-20270101-TOWNSHIPS"].bodies == ("岳村镇", "孟轲乡", "王助镇", "胡村乡")
    assert len(ids["IMP-20270101-ALL"].bodies) == 13
    assert ids["HN-2025-TOWNSHIPS"].ends == date(2027, 1, 1) == ids["HN-2025-STREETS"].ends
    assert "未与原文件逐条核对" in ids["IMP-20270101-ALL"].status
    # The day before and the day of the change.
    t = new.townships["岳村镇"]
    assert Jurisdiction().holder_on(new, "NY-01", t, date(2026, 12, 31)).body == "岳村镇人民政府"
    assert Jurisdiction().holder_on(new, "NY-01", t, date(2027, 1, 1)).body == "华龙区农业农村局"
    assert Jurisdiction().holder_on(new, "XF-08", new.townships["濮东街道"], date(2027, 1, 1)).body == "濮东街道办事处"
    # Header comments kept; matching knowledge got a visible placeholder.
    assert (root / "matters.yaml").read_text(encoding="utf-8").startswith(header)
    assert "XF-08" in result.stubs and "占位条目" in (root / "matching.yaml").read_text(encoding="utf-8")


def test_overlapping_windows_block_the_write_and_suggest_supersede(root, tmp_path, capsys):
    before = snapshot(root)
    code, out, _ = run(capsys, "catalog", "import", str(samples.official_2027(tmp_path / "t.xlsx")),
                       "--catalog", str(root), "--matching-stubs")
    assert code == EXIT_CATALOG
    assert "--supersede" in out and "日期重叠" in out and "未写入" in out
    assert snapshot(root) == before


def test_new_matter_without_matching_entry_is_not_written_without_stubs(root, tmp_path):
    result = import_catalog(samples.official_2027(tmp_path / "t.xlsx"), root,
                            options=ImportOptions(supersede=True))
    if not result.check:
        pytest.skip("matching.yaml no longer requires an entry for every matter")
    assert not result.written
    assert any("--matching-stubs" in p.message for p in result.problems)


def test_bad_rows_are_each_reported_by_sheet_row_and_column(root, tmp_path, capsys):
    before = snapshot(root)
    code, out, _ = run(capsys, "catalog", "import", str(samples.bad_rows(tmp_path / "bad.xlsx")),
                       "--catalog", str(root))
    assert code == EXIT_INPUT
    for needle in (
        "工作表“有误的表” 第3行 › E列“原实施部门”：未知的部门“区城管执法局”（是否为“华龙区城市管理局”？）",
        "第4行 › D列“法律依据”：实施依据为空",
        "第5行 › G列“实施时间”：日期“2027年13月1日”不存在",
        "第6行 › F列“承接主体”：未知的乡镇街道“岳树镇”（是否为“岳村镇”？）",
        "“新习镇”不属于华龙区",
        "第8行 › C列“事项名称”：与工作表“有误的表” 第7行重复",
        "表格中有 5 处错误，未写入",
    ):
        assert needle in out, needle
    assert snapshot(root) == before


def test_alias_option_fixes_an_unknown_department(root, tmp_path):
    path = samples.bad_rows(tmp_path / "bad.xlsx")
    result = import_catalog(path, root, options=ImportOptions(aliases=("区城管执法局=城管局",)), dry_run=True)
    assert not any("区城管执法局" in p.message for p in result.errors)


def test_another_citys_wording_section_rows_and_generic_department(root, tmp_path):
    result = import_catalog(samples.variant_headers(tmp_path / "v.xlsx"), root,
                            options=ImportOptions(matching_stubs=True))
    assert result.written, [str(p) for p in result.problems + result.check]
    cat = load_catalog(root)
    # 类别 came from the section rows; the wrapped name is one line; 县级城市管理部门 by field.
    assert cat.matters["DL-02"].department == "华龙区城市管理局"
    assert [n[0] for n in result.new_matters] == ["WL-01"]
    wl = cat.matters["WL-01"]
    assert (wl.field, wl.department) == ("文化旅游", "华龙区文化广电和旅游局")
    batch = next(b for b in cat.batches if b.id.startswith("IMP-20270301"))
    assert batch.bodies == ("岳村镇", "孟轲乡") and set(batch.matters) == {"DL-02", "SR-06", "WL-01"}
    assert batch.title == "关于赋予部分乡镇行政处罚权的事项清单"
    assert any("按领域认定为华龙区城市管理局" in p.message for p in result.problems)
    # The official 备注 replaces nothing when empty, and is kept when given.
    assert cat.matters["SR-06"].note == "限集镇建成区"


def test_gbk_csv_with_same_as_above_and_fill_down(root, tmp_path):
    path = samples.gbk_csv(tmp_path / "t.csv")
    plain = import_catalog(path, root, dry_run=True)
    assert any("缺少领域" in p.message and "第3行" in str(p) for p in plain.errors)
    filled = import_catalog(path, root, options=ImportOptions(fill_down=True, matching_stubs=True,
                                                               supersede=True), dry_run=True)
    assert not filled.errors and not filled.check, [str(p) for p in filled.errors + filled.check]
    new_ids = [n[0] for n in filled.new_matters]
    assert new_ids == ["XF-08"]
    assert filled.diff.added[0].department == "华龙区消防救援大队"  # “同上”


def test_column_option_for_an_unusual_header(root, tmp_path):
    path = tmp_path / "odd.csv"
    path.write_text("编号,处罚行为,法条,牵头单位,下放到,起始\n"
                    "1,对未经同意擅自占用城市绿化用地的行政处罚,《城市绿化条例》第27条（责令限期退还、恢复原状，可以并处罚款）,区城管局,岳村镇,2027-05-01\n",
                    encoding="utf-8")
    with pytest.raises(InputError):
        import_catalog(path, root, options=ImportOptions(columns=("处罚行为",)))
    no_map = import_catalog(path, root, dry_run=True)
    assert no_map.errors and "没有找到表头" in no_map.errors[0].message
    result = import_catalog(path, root, dry_run=True, options=ImportOptions(
        columns=("处罚行为=事项名称", "法条=legal_basis", "牵头单位=原实施部门", "下放到=承接主体", "起始=实施时间")))
    assert not result.errors and not result.check, [str(p) for p in result.errors + result.check]
    assert [b for b in result.diff.batch_changes if b.kind == "added"]


def test_table_without_dates_or_bodies_uses_the_options(root, tmp_path):
    path = tmp_path / "list.csv"
    path.write_text("序号,事项名称,法律依据,原实施部门\n"
                    "1,对携带犬只出户未即时清除犬只排泄物的行政处罚,《濮阳市文明行为促进条例》第15条第1款第(五)项、第30条第2款（50元以上200元以下）,城管局\n",
                    encoding="utf-8")
    without = import_catalog(path, root, dry_run=True)
    assert without.unchanged and any("--bodies" in p.message for p in without.notices)
    result = import_catalog(path, root, dry_run=True,
                            options=ImportOptions(bodies="各街道", effective="2027年7月1日"))
    added = [b for b in result.diff.batch_changes if b.kind == "added"]
    assert added and "2027-07-01" in added[0].details[0] and "濮东街道" in added[0].details[0]


# ---------------------------------------------------------------------------------------------
# Atomic writes


def test_a_failure_before_the_exchange_leaves_the_catalog_untouched(root, tmp_path, monkeypatch):
    import router.files.atomic as atomic
    before = snapshot(root)

    def boom(a, b):
        raise OSError("disk full")

    monkeypatch.setattr(atomic, "_exchange", boom)
    with pytest.raises(OSError):
        import_catalog(samples.official_2027(tmp_path / "t.xlsx"), root,
                       options=ImportOptions(supersede=True, matching_stubs=True))
    assert snapshot(root) == before
    assert not [p for p in root.parent.iterdir() if ".zhifa-stage-" in p.name]


def test_a_killed_process_leaves_the_old_catalog_and_the_next_run_cleans_up(root, tmp_path):
    sheet = samples.official_2027(tmp_path / "t.xlsx")
    before = snapshot(root)
    script = textwrap.dedent(f"""
        import os, router.files.atomic as atomic
        from router.policy.importing import ImportOptions, import_catalog
        atomic._exchange = lambda a, b: os._exit(9)   # the power goes off just before the exchange
        import_catalog({str(sheet)!r}, {str(root)!r}, options=ImportOptions(supersede=True, matching_stubs=True))
    """)
    proc = subprocess.run([sys.executable, "-c", script], cwd=Path(__file__).parents[1],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 9, proc.stderr
    assert snapshot(root) == before
    assert [p for p in root.parent.iterdir() if ".zhifa-stage-" in p.name]  # the dead copy
    result = import_catalog(sheet, root, options=ImportOptions(supersede=True, matching_stubs=True))
    assert result.written
    assert not [p for p in root.parent.iterdir() if ".zhifa-stage-" in p.name]


def test_without_the_exchange_files_are_replaced_one_by_one(root, tmp_path, monkeypatch):
    import router.files.atomic as atomic
    monkeypatch.setattr(atomic, "_exchange", lambda a, b: False)
    result = import_catalog(samples.official_2027(tmp_path / "t.xlsx"), root,
                            options=ImportOptions(supersede=True, matching_stubs=True))
    assert result.written
    assert "XF-08" in load_catalog(root, check_extras=True).matters


def test_exported_text_that_looks_like_a_formula_stays_text(root, tmp_path):
    text = (root / "matters.yaml").read_text(encoding="utf-8")
    (root / "matters.yaml").write_text(text.replace("note: 新增事项", "").replace(
        "  note: 城市道路不是“公路”", "  note: =HYPERLINK(\"x\")城市道路不是“公路”"), encoding="utf-8")
    export_catalog(tmp_path / "x.xlsx", root)
    ws = load_workbook(tmp_path / "x.xlsx")["执法事项清单"]
    cells = [c for row in ws.iter_rows() for c in row if isinstance(c.value, str) and c.value.startswith("=HYPERLINK")]
    assert cells and all(c.data_type == "s" for c in cells)
    assert import_catalog(tmp_path / "x.xlsx", root).unchanged


def test_unreadable_files_are_input_errors(root, tmp_path, capsys):
    bad = tmp_path / "x.xlsx"
    bad.write_bytes(b"not a zip")
    code, _, err = run(capsys, "catalog", "import", str(bad), "--catalog", str(root))
    assert code == EXIT_INPUT and "不是有效的 .xlsx" in err
    old = tmp_path / "x.xls"
    old.write_bytes(b"\xd0\xcf")
    code, _, err = run(capsys, "catalog", "import", str(old), "--catalog", str(root))
    assert code == EXIT_INPUT and "另存为" in err


def test_committed_sample_files_import(root):
    """The samples under tests/data/ (regenerate with python tests/data/zhifa_samples.py)."""
    result = import_catalog(DATA / "official_2027.xlsx", root, dry_run=True,
                            options=ImportOptions(supersede=True, matching_stubs=True))
    assert not result.errors and not result.check and [n[0] for n in result.new_matters] == ["XF-08"]


def _workbook(path: Path, sheets: dict[str, list[list]]) -> Path:
    from openpyxl import Workbook
    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for r in rows:
            ws.append(r)
    wb.save(path)
    return path


HEAD = ["序号", "领域", "事项名称", "实施依据", "原实施部门", "承接主体", "实施时间"]
XF01 = ("对在居住建筑物的公共走道、楼梯间、门厅内为电动自行车、电动三轮车充电的行政处罚",
        "《河南省消防条例》第17条、第71条（责令改正；拒不改正的处200元罚款）")
SR05 = ("对未经批准擅自在街道两侧和公共场地堆放物料，搭建建筑物、构筑物或者其他设施（含占道经营）的行政处罚",
        "《城市市容和环境卫生管理条例》第14条、第36条第(二)项（责令停止、限期清理拆除，并可处罚款）")


def test_one_sheet_per_scope_and_a_sheet_without_header(root, tmp_path):
    path = _workbook(tmp_path / "two.xlsx", {
        "乡镇": [HEAD, [1, "城市管理", *SR05, "城管局", "各乡镇", "2027-04-01"]],
        "街道": [HEAD, [1, "城市管理", *SR05, "城管局", "各街道", "2027-04-01"]],
        "填表说明": [["本表由区司法局汇总"]],
    })
    result = import_catalog(path, root, dry_run=True)
    assert not result.errors and not result.check, [str(p) for p in result.errors + result.check]
    assert sorted(b[0] for b in result.batches) == ["IMP-20270401-STREETS", "IMP-20270401-TOWNSHIPS"]
    assert any("填表说明" in str(p) and "未找到表头" in p.message for p in result.notices)
    only = import_catalog(path, root, dry_run=True, options=ImportOptions(sheet="街道"))
    assert [b[0] for b in only.batches] == ["IMP-20270401-STREETS"]


def test_the_same_matter_with_two_different_bases_is_an_error(root, tmp_path):
    path = _workbook(tmp_path / "x.xlsx", {"表": [
        HEAD, [1, "城市管理", *SR05, "城管局", "各乡镇", "2027-04-01"],
        [2, "城市管理", SR05[0], "《城市市容和环境卫生管理条例》第14条", "城管局", "各街道", "2027-04-01"]]})
    result = import_catalog(path, root, dry_run=True)
    assert len(result.errors) == 1
    message = str(result.errors[0])
    assert message.startswith("x.xlsx › 工作表“表” 第3行 › D列“实施依据”：同一事项（SR-05）在工作表“表” 第2行的实施依据为")
    assert message.endswith("本行为“《城市市容和环境卫生管理条例》第14条”：请统一")


def test_listed_flags_are_upgraded_only_when_asked_and_keep_missing(root, tmp_path):
    path = _workbook(tmp_path / "x.xlsx", {"表": [HEAD, [1, "城市管理", *SR05, "城管局", "各街道", "2026-01-01"]]})
    plain = import_catalog(path, root, dry_run=True)
    assert not [c for c in plain.diff.matter_changes if c.key == "listed"]
    assert any("--upgrade-listed" in p.message for p in plain.notices)
    # The row matches HN-2025-STREETS (same date and bodies): its other matters leave it…
    lost = next(b for b in plain.diff.batch_changes if b.batch == "HN-2025-STREETS")
    assert "增加 SR-05" in lost.details[0] and "删除 NY-02" in lost.details[0]
    # …unless --keep-missing.
    kept = import_catalog(path, root, dry_run=True, options=ImportOptions(keep_missing=True, upgrade_listed=True))
    assert [c.new for c in kept.diff.matter_changes if c.key == "listed"] == ["confirmed"]
    assert next(b for b in kept.diff.batch_changes if b.batch == "HN-2025-STREETS").details == ("事项：增加 SR-05",)


def test_import_json_output(root, tmp_path, capsys):
    path = _workbook(tmp_path / "x.xlsx", {"表": [HEAD, [1, "消防救援", *XF01, "消防大队", "各街道", "2026-01-01"]]})
    code = main(["catalog", "import", str(path), "--catalog", str(root), "--dry-run", "--json", "--keep-missing"])
    import json
    data = json.loads(capsys.readouterr().out)
    assert code == EXIT_OK and data["unchanged"] is True and data["written"] is False


def test_a_catalog_changed_by_someone_else_meanwhile_is_not_overwritten(root, tmp_path, monkeypatch):
    import router.policy.importing as importing
    real = importing.check_catalog

    def check_while_someone_edits(path, **kw):
        (root / "bodies.yaml").write_text((root / "bodies.yaml").read_text(encoding="utf-8") + "# 他人的修改\n",
                                          encoding="utf-8")
        return real(path, **kw)

    monkeypatch.setattr(importing, "check_catalog", check_while_someone_edits)
    with pytest.raises(Exception) as exc:
        import_catalog(samples.official_2027(tmp_path / "t.xlsx"), root,
                       options=ImportOptions(supersede=True, matching_stubs=True))
    assert "被修改" in str(exc.value) and "bodies.yaml" in str(exc.value)
    assert "他人的修改" in (root / "bodies.yaml").read_text(encoding="utf-8")
    assert "XF-08" not in (root / "matters.yaml").read_text(encoding="utf-8")


def test_a_header_over_two_rows(root, tmp_path):
    from openpyxl import Workbook
    wb = Workbook()
    ws = wb.active
    ws.append(["序号", "事项名称", "实施依据", "原实施部门", "承接主体", "实施时间", "备注"])
    ws.append([None, None, None, None, None, None, "（填写说明）"])
    for col in range(1, 7):
        ws.merge_cells(start_row=1, start_column=col, end_row=2, end_column=col)
    ws.append([1, *SR05, "城管局", "各乡镇", "2027-04-01", None])
    wb.save(tmp_path / "h.xlsx")
    result = import_catalog(tmp_path / "h.xlsx", root, dry_run=True)
    assert result.rows == 1 and not result.errors and not result.check, [str(p) for p in result.errors]
