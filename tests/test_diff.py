"""Seeing a catalog change before it takes effect: the diff of two catalogs (folders or git
revisions), delegations gained and lost with exact windows, the notices of 三（二）, the cases
whose routing changes; and the readable list/show views on a date."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from cli import EXIT_INPUT, EXIT_OK, main
from router.catalog.load import load_catalog
from router.files.locations import shipped
from router.model.errors import InputError
from router.policy.diff import LOCAL, Window, compare, diff_catalogs
from router.policy.importing import ImportOptions, import_catalog
from router.policy.listing import list_catalog, show_matter

DATA = Path(__file__).parent / "data"
CASES = Path(__file__).parent / "cases"
sys.path.insert(0, str(DATA))
import zhifa_samples as samples  # noqa: E402

DEFAULT_ROOT = shipped("catalog")

AS_OF = date(2026, 11, 28)


@pytest.fixture(scope="module")
def changed(tmp_path_factory) -> Path:
    """The shipped catalog with the (invented) 2027 list imported, superseding the 2025 batches."""
    root = tmp_path_factory.mktemp("changed") / "catalog"
    shutil.copytree(DEFAULT_ROOT, root)
    result = import_catalog(samples.official_2027(root.parent / "t.xlsx"), root,
                            options=ImportOptions(supersede=True, matching_stubs=True))
    assert result.written, [str(p) for p in result.problems + result.check]
    return root


@pytest.fixture(scope="module")
def diff(changed):
    return compare(load_catalog(DEFAULT_ROOT), load_catalog(changed), as_of=AS_OF)


def run(capsys, *args):
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out.replace("\n", ""), out.err.replace("\n", "")


def test_a_catalog_compared_with_itself_has_no_changes():
    cat = load_catalog(DEFAULT_ROOT)
    d = compare(cat, load_catalog(DEFAULT_ROOT), as_of=AS_OF)
    assert d.empty and not d.notifications and not d.bodies


def test_matters_added_renamed_and_basis_changed(diff):
    assert [m.id for m in diff.added] == ["XF-08"] and not diff.removed
    assert [c.matter for c in diff.renamed()] == ["SL-02"]
    keys = {(c.matter, c.key) for c in diff.matter_changes}
    assert keys == {("JT-03", "legal_basis"), ("JT-03", "basis_checked"), ("SL-02", "name")}


def test_delegations_lost_have_exact_half_open_windows(diff):
    lost = [h for h in diff.holder_changes if h.matter == "NY-01" and h.township == "岳村镇"]
    assert len(lost) == 1
    h = lost[0]
    assert h.window == Window(date(2027, 1, 1), date.max)
    assert (h.old_body, h.old_basis, h.old_batch) == ("岳村镇人民政府", "delegated", "HN-2025-TOWNSHIPS")
    assert (h.new_body, h.new_basis) == ("华龙区农业农村局", "department")
    # Streets keep NY-02 until 2026-12-31 and lose it on 2027-01-01; towns keep it.
    ny02 = {h.township for h in diff.holder_changes if h.matter == "NY-02"}
    assert ny02 == {t for t, x in load_catalog(DEFAULT_ROOT).townships.items() if x.type == "街道"}


def test_per_body_view_groups_townships_for_departments(diff):
    dept = [b for b in diff.bodies if b.body == "华龙区消防救援大队" and b.matter == "XF-04"]
    assert len(dept) == 1 and dept[0].kind == "gained" and len(dept[0].townships) == 13
    assert dept[0].counterpart == LOCAL and dept[0].window.label() == "2027-01-01 起"
    town = [b for b in diff.bodies if b.body == "岳村镇人民政府"]
    assert {(b.kind, b.matter) for b in town} == {("gained", "XF-08"), ("lost", "NY-01"), ("lost", "XF-04"),
                                                  ("lost", "XF-05"), ("lost", "XF-06"), ("lost", "XF-07")}


def test_notifications_say_who_tells_whom_what(diff):
    by_matter = {n.matter: n for n in diff.notifications}
    basis = by_matter["JT-03"]
    assert basis.senders == ("华龙区交通运输局",) and basis.clause == "三（二）"
    assert basis.recipients == ("岳村镇人民政府", "孟轲乡人民政府", "王助镇人民政府", "胡村乡人民政府")
    assert "执法依据调整" in basis.text and "相互通报" in basis.text
    new = by_matter["XF-08"]
    assert new.senders == ("华龙区消防救援大队",) and len(new.recipients) == 13
    assert new.by == date(2027, 1, 1) and "执法文书" in new.text
    back = by_matter["NY-01"]
    assert back.recipients == ("华龙区农业农村局",) and len(back.senders) == 4 and back.clause == "四（三）"
    assert len(diff.notifications) == 8


def test_a_correction_of_past_dates_needs_no_notice(tmp_path):
    root = tmp_path / "catalog"
    shutil.copytree(DEFAULT_ROOT, root)
    text = (root / "batches.yaml").read_text(encoding="utf-8")
    (root / "batches.yaml").write_text(text.replace('ends: "2026-01-01"', 'ends: "2025-12-01"'), encoding="utf-8")
    d = compare(load_catalog(DEFAULT_ROOT), load_catalog(root), as_of=AS_OF)
    assert {h.window for h in d.holder_changes} == {Window(date(2025, 12, 1), date(2026, 1, 1))}
    assert not d.notifications and any("无需通报" in n for n in d.notes)
    future = compare(load_catalog(DEFAULT_ROOT), load_catalog(root), as_of=date(2025, 11, 1))
    assert future.notifications and all(n.by == date(2025, 12, 1) for n in future.notifications)


def test_impact_lists_cases_whose_jurisdiction_action_or_deadline_changes(changed, tmp_path):
    cases = tmp_path / "past.jsonl"
    cases.write_text("\n".join(json.dumps(c, ensure_ascii=False) for c in [
        {"id": "A", "matter": "XF-04", "place": "中原路街道", "reported_by": "中原办", "at": "2027-01-05T09:00"},
        {"id": "B", "matter": "NY-01", "place": "岳村镇", "reported_by": "农业农村局", "at": "2027-02-03T10:00"},
        {"id": "C", "matter": "NY-01", "place": "岳村镇", "reported_by": "农业农村局", "at": "2026-12-31T10:00"},
    ]) + "\nnot json\n", encoding="utf-8")
    d = diff_catalogs(str(DEFAULT_ROOT), str(changed), cases=[str(cases)], fixtures=[CASES], as_of=AS_OF)
    changed_ids = {c.name for c in d.impact.changed if c.source.startswith("past.jsonl")}
    assert changed_ids == {"A", "B"}  # C is the day before the change
    a = next(c for c in d.impact.changed if c.name == "A")
    assert dict((w, (o, n)) for w, o, n in a.changes)["处理"] == ("自行立案调查处理", "移送有管辖权的一方")
    assert any("不是有效的 JSON" in r for _, r in d.impact.skipped)
    assert d.impact.replayed >= 100  # the fixture cases as well


def test_a_new_years_calendar_changes_deadlines_in_the_impact(changed, tmp_path):
    from router.policy.holidays import add_year
    root = tmp_path / "catalog"
    shutil.copytree(DEFAULT_ROOT, root)
    # 1/1-1/3 alone would equal the provisional (statutory) 2027: an invented 1/4 moves a deadline.
    add_year(2027, root=root, title="国务院办公厅关于2027年部分节假日安排的通知", published="2026-11-10",
             holidays=["元旦=2027-01-01..2027-01-04"])
    d = diff_catalogs(str(DEFAULT_ROOT), str(root), fixtures=[CASES], as_of=AS_OF)
    assert [(y, k) for y, k, _ in d.calendar_changes] == [(2027, "added")]
    deadline = [c for c in d.impact.changed if any(w == "移送与期限" for w, _, _ in c.changes)]
    assert deadline, "a fixture crossing into 2027 should move its deadline"
    assert all("2027-01-0" in n for c in deadline for w, _, n in c.changes)


def _git(cwd, *args):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True,
                   env={"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@x", "GIT_COMMITTER_NAME": "t",
                        "GIT_COMMITTER_EMAIL": "t@x", "HOME": str(cwd), "PATH": "/usr/bin:/bin"})


def test_diff_of_two_git_revisions(changed, tmp_path, capsys, monkeypatch):
    repo = tmp_path / "repo"
    shutil.copytree(DEFAULT_ROOT, repo / "catalog")
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "one")
    shutil.rmtree(repo / "catalog")
    shutil.copytree(changed, repo / "catalog")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "two")
    d = diff_catalogs("HEAD~1", "HEAD", repo=repo, impact=False, as_of=AS_OF)
    assert [m.id for m in d.added] == ["XF-08"] and d.old_label == "HEAD~1:catalog"
    monkeypatch.chdir(repo)
    code, out, _ = run(capsys, "catalog", "diff", "HEAD~1", "HEAD:catalog", "--no-impact", "--as-of", "2026-11-28")
    assert code == EXIT_OK
    for text in ("新增 XF-08", "改名 SL-02", "依据改变 JT-03", "各乡镇人民政府（4个） 失去 NY-01",
                 "华龙区交通运输局 → 各乡镇人民政府（4个）：JT-03"):
        assert text in out, text
    code, _, err = run(capsys, "catalog", "diff", "HEAD~9", "HEAD", "--no-impact")
    assert code == EXIT_INPUT and "既不是文件夹，也不是 git 版本" in err


def test_diff_json_is_machine_readable(changed, capsys):
    code = main(["catalog", "diff", str(DEFAULT_ROOT), str(changed), "--no-impact", "--json",
                 "--as-of", "2026-11-28"])
    data = json.loads(capsys.readouterr().out)
    assert code == EXIT_OK and data["matters_added"][0]["id"] == "XF-08"
    assert {n["matter"] for n in data["notifications"]} >= {"JT-03", "XF-08", "NY-01"}


def test_unknown_folder_is_an_input_error(tmp_path):
    with pytest.raises(InputError):
        diff_catalogs(str(tmp_path / "nope"), str(DEFAULT_ROOT), impact=False)


# ---------------------------------------------------------------------------------------------
# list / show


def test_list_by_body_on_both_sides_of_a_batch_date():
    before = list_catalog(DEFAULT_ROOT, as_of="2025-12-31", body="岳村")
    after = list_catalog(DEFAULT_ROOT, as_of="2026-01-01", body="岳村镇人民政府")
    assert before.body == after.body == "岳村镇人民政府"
    b = {h.matter: h for h in before.holdings}
    a = {h.matter: h for h in after.holdings}
    assert b["SR-05"].batch == "HL-2023" and "SR-05" not in a
    assert a["XF-01"].batch == "HN-2025-TOWNSHIPS" and a["XF-01"].document == "豫政〔2025〕15号"
    assert a["GH-01"].basis == "statutory" and a["GH-01"].batch is None


def test_list_by_department_and_field(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")  # a wide terminal: table cells are not wrapped
    listing = list_catalog(DEFAULT_ROOT, as_of="2026-03-01", body="消防", field_="消防")
    xf01 = next(h for h in listing.holdings if h.matter == "XF-01")
    assert listing.body == "华龙区消防救援大队" and xf01.where == () and len(xf01.except_) == 13
    code, out, _ = run(capsys, "catalog", "list", "--as-of", "2026-03-01", "--field", "消防救援", "--json")
    rows = {r["matter"]: r for r in json.loads(out)["matters"]}
    assert code == EXIT_OK and len(rows) == 7
    assert {d["batch"]: d["document"] for d in rows["XF-01"]["delegated"]} == {
        "HN-2025-TOWNSHIPS": "豫政〔2025〕15号", "HN-2025-STREETS": "豫政〔2025〕15号"}
    code, out, _ = run(capsys, "catalog", "list", "--as-of", "2026-03-01", "--field", "消防救援")
    assert code == EXIT_OK and "各街道（9个）" in out and "HN-2025-STREETS" in out
    code, _, err = run(capsys, "catalog", "list", "--body", "岳树镇")
    assert code == EXIT_INPUT and "岳村镇" in err
    code, _, err = run(capsys, "catalog", "list", "--as-of", "下周")
    assert code == EXIT_INPUT and "无法识别的日期" in err


def test_show_a_matter(capsys):
    view = show_matter("xf-03", DEFAULT_ROOT, as_of="2025-12-31")
    assert [b.id for b in view.batches] == ["HN-2025-TOWNSHIPS", "HN-2025-STREETS"]
    assert all(body == "华龙区消防救援大队" for _, body, _, _ in view.holders)  # the day before
    code, out, _ = run(capsys, "catalog", "show", "GH-01", "--as-of", "2026-03-01")
    assert code == EXIT_OK and "法定" in out and "推定 A6" in out
    code, out, _ = run(capsys, "catalog", "show", "XF-03", "--json")
    assert code == EXIT_OK and json.loads(out)["matter"]["id"] == "XF-03"
