"""The shipped templates load; each kind of defect in a template is reported with the file,
the place inside it and the key."""
import shutil
from pathlib import Path

import pytest

from router.letters import KINDS, check_templates, load_templates
from router.letters.templates import COMMON_FIELDS, default_folder, placeholders
from router.model.errors import CatalogError

SHIPPED = Path(__file__).resolve().parents[2] / "catalog" / "letters"


def test_shipped_templates_have_no_problems():
    assert check_templates(SHIPPED) == []
    assert default_folder() == SHIPPED


def test_every_kind_has_a_template_with_its_clause():
    templates = load_templates(SHIPPED)
    assert set(templates) == set(KINDS)
    clauses = {k: t.clause for k, t in templates.items()}
    assert clauses == {"referral": "四（一）2", "notice": "四（一）1", "complaint_notice": "四（二）2",
                       "correction": "三（二）", "report": "四（四）", "dispute": "四（五）",
                       "police": "四（六）"}
    assert templates["correction"].cc == ("华龙区司法局",)
    assert templates["police"].cc == ("华龙区人民检察院",)


def test_placeholders():
    assert placeholders("{we}在{place}发现{{字面}}") == ["we", "place"]
    for bad in ("{a.b}", "{a!r}", "{a:>3}", "{0}", "{A}"):
        with pytest.raises(ValueError):
            placeholders(bad)


@pytest.fixture
def folder(tmp_path):
    target = tmp_path / "letters"
    shutil.copytree(SHIPPED, target)
    return target


def _edit(folder: Path, kind: str, old: str, new: str) -> Path:
    path = folder / f"{kind}.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


# (kind, text replaced, replacement, entry, key, words of the message)
DEFECTS = [
    ("referral", "    signature: true", "    signatur: true", "parts[0]", "signatur", "未知的键"),
    ("referral", "clause: 四（一）2\n", "clause: 四（一）2\nauthor: 某人\n", None, "author", "未知的键"),
    ("notice", "{dissuasion}", "{dissuade}", "parts[0].body[1]", "text", "未知的字段 {dissuade}"),
    ("notice", "title: 违法行为书面告知书", "title: 告知书{", "parts[0]", "title", "花括号"),
    ("notice", "title: 违法行为书面告知书", "title: 告知书{sender.name}", "parts[0]", "title", "只能是字段名"),
    ("complaint_notice", "when: materials\n      - list", "when: material\n      - list", "parts[0].body[2]", "when", "未知的字段“material”"),
    ("police", "attachments: materials", "attachments: party", "parts[0]", "attachments", "不是列表字段"),
    ("police", "  - blank: 2", "  - blank: 20", "parts[1].body[1]", "blank", "1 到 10"),
    ("report", "kind: report", "kind: dispute", None, "kind", "与文件名不一致"),
    ("report", "  hazard: 涉及的重大治安、安全隐患", "  place: 地点", "fields", "place", "与通用字段重名"),
    ("dispute", "    upward: true", "    upward: 是", "parts[0]", "upward", "true 或 false"),
    ("dispute", "kind: dispute", "kind: dispute\ndate_style: roman", None, "date_style", "chinese"),
    ("correction", "      - \"{error}。\"", "      - {heading: 一、问题, text: 两种}", "parts[0].body[1]", None, "恰好含有"),
    ("correction", "parts:", "partz:", None, "parts", "缺少必填的键"),
]


@pytest.mark.parametrize("kind, old, new, entry, key, words", DEFECTS,
                         ids=[f"{d[0]}-{d[5]}" for d in DEFECTS])
def test_defect_is_reported_with_file_entry_and_key(folder, kind, old, new, entry, key, words):
    path = _edit(folder, kind, old, new)
    problems = check_templates(folder)
    hits = [p for p in problems if p.file == str(path) and p.entry == entry and p.key == key
            and words in p.message]
    assert hits, "\n".join(str(p) for p in problems) or "no problems reported"
    with pytest.raises(CatalogError) as info:
        load_templates(folder)
    assert str(path) in str(info.value)


def test_unknown_field_message_lists_what_is_available(folder):
    _edit(folder, "notice", "{dissuasion}", "{dissuade}")
    [problem] = check_templates(folder)
    assert "dissuasion" in problem.message and "sender" in problem.message


def test_yaml_error_names_file_and_line(folder):
    path = folder / "referral.yaml"
    path.write_text("kind: referral\nname: [unclosed\n", encoding="utf-8")
    problems = check_templates(folder)
    assert any(p.file == str(path) and "YAML" in p.message and p.entry and "行" in p.entry for p in problems)


def test_missing_and_unknown_kind_files(folder):
    (folder / "police.yaml").rename(folder / "polize.yaml")
    messages = {Path(p.file).name: p.message for p in check_templates(folder)}
    assert "缺少该种文书的模板" in messages["police.yaml"]
    assert "未知的文书种类“polize”" in messages["polize.yaml"]


def test_missing_folder(tmp_path):
    [problem] = check_templates(tmp_path / "nowhere")
    assert "文书模板文件夹不存在" in problem.message


def test_all_problems_are_reported_at_once(folder):
    _edit(folder, "notice", "{dissuasion}", "{dissuade}")
    _edit(folder, "referral", "    signature: true", "    signatur: true")
    files = {Path(p.file).name for p in check_templates(folder)}
    assert files == {"notice.yaml", "referral.yaml"}


def test_common_fields_are_documented_in_the_readme():
    readme = (SHIPPED / "README.md").read_text(encoding="utf-8")
    missing = [name for name in COMMON_FIELDS if f"{{{name}}}" not in readme]
    assert not missing


def test_register_contract_lists_every_declared_field():
    """docs/letters.md tells the register which details each kind needs: it must name them all."""
    doc = (SHIPPED.parents[1] / "docs" / "letters.md").read_text(encoding="utf-8")
    for kind, template in load_templates(SHIPPED).items():
        row = next(line for line in doc.splitlines() if line.startswith(f"| `{kind}` | `"))
        missing = [name for name in template.fields if f"`{name}`" not in row]
        assert not missing, f"{kind}: {missing}"
