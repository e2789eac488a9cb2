"""Letter templates: one YAML file per kind in catalog/letters/, edited by policy staff.

A template names the letter (name), the clause of the mechanism it carries out (clause), the
bodies it always copies (cc), the kind-specific values it uses (fields: name → description)
and its parts; each part is one document in the output (a letter, a note to a complainant, a
receipt), starting on a new page. Text refers to values as {placeholders}; the loader reports
every unknown placeholder, key or field with the file and the place inside it
(catalog/letters/README.md describes the format).
"""
from __future__ import annotations

import re
import string
from pathlib import Path
from typing import Any

from router.files import locations
from router.files.yamlio import load_file
from router.model.errors import CatalogError, Problem
from router.model.lazydc import dataclass

from .data import LIST_FIELDS

KINDS = ("referral", "notice", "complaint_notice", "correction", "report", "dispute", "police")

# Placeholders every template may use, with what they hold (shown by the loader's messages
# and in catalog/letters/README.md).
COMMON_FIELDS = {
    "sender": "发文机关",
    "we": "发文机关的自称（我镇、我办、我局……）",
    "receivers": "主送机关（多个用顿号隔开）",
    "you": "对主送机关的称呼（贵镇、贵办、贵局……）",
    "cc": "抄送机关",
    "number": "发文字号",
    "case_number": "案件编号",
    "facts": "基本违法事实",
    "place": "发生地",
    "found_at": "发现时间",
    "matter": "执法事项名称",
    "legal_basis": "事项的法律依据",
    "clause": "所依据的机制条款",
    "mechanism": "机制文件全称和文号",
    "deadline": "反馈期限",
    "materials": "随文移送的材料",
    "date": "成文日期",
    "contact": "联系人",
    "phone": "联系电话",
}

_TOP_KEYS = {"kind", "name", "clause", "date_style", "cc", "fields", "parts"}
_TOP_REQUIRED = {"kind", "name", "clause", "parts"}
_PART_KEYS = {"title", "to", "body", "attachments", "letterhead", "upward", "signature", "note", "cc"}
_PART_REQUIRED = {"title", "body"}
_PART_FLAGS = {"letterhead", "upward", "signature", "cc"}
BLOCK_STYLES = ("text", "heading", "subheading", "plain", "right", "list", "blank")
_FIELD_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
DATE_STYLES = ("chinese", "arabic")


@dataclass(frozen=True)
class Block:
    """One paragraph (or, for style "list", one numbered paragraph per item of a list field).

    text        正文 paragraph, first line indented two characters
    heading     一级标题 (一、…) in 黑体
    subheading  二级标题 (（一）…) in 楷体
    plain       flush-left paragraph (no indent)
    right       right-aligned line (e.g. a signature line on a receipt)
    list        the items of a list field, numbered 1. 2. …
    blank       empty lines (text holds their number, 1 to 10)
    when        the paragraph appears only when this field has a value
    """

    style: str
    text: str
    when: str | None = None


@dataclass(frozen=True)
class Part:
    """One document of the output. letterhead: 发文机关标志 and 发文字号 above the title;
    upward: a letter to a superior (请示, 报告), so the number goes left with 签发人 right;
    attachments: the list field printed as 附件说明; signature: 发文机关署名 and 成文日期;
    note: 附注 below the date (e.g. the contact of a 请示); cc: the 版记 with 抄送机关."""

    title: str
    body: tuple[Block, ...]
    to: str | None = None
    attachments: str | None = None
    note: str | None = None
    letterhead: bool = False
    upward: bool = False
    signature: bool = True
    cc: bool = False


@dataclass(frozen=True)
class Template:
    kind: str
    name: str
    clause: str
    parts: tuple[Part, ...]
    fields: dict[str, str]
    cc: tuple[str, ...] = ()
    date_style: str = "chinese"
    file: str = ""


def default_folder() -> Path:
    """catalog/letters/ of the catalog in use (ZHIFA_CATALOG or the shipped one)."""
    return locations.catalog_root() / "letters"


def placeholders(text: str) -> list[str]:
    """The {names} in a template text; ValueError for unbalanced braces or {a.b}, {a!r}, {a:x}."""
    names = []
    for _, name, spec, conversion in string.Formatter().parse(text):
        if name is None:
            continue
        if spec or conversion or not _FIELD_NAME.match(name):
            shown = name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "")
            raise ValueError(f"占位符 {{{shown}}} 只能是字段名（小写字母、数字、下划线）")
        names.append(name)
    return names


class _Checker:
    """Collects every problem of one template file."""

    def __init__(self, file: str):
        self.file = file
        self.problems: list[Problem] = []
        self.fields: dict[str, str] = {}

    def add(self, entry: str | None, key: str | None, message: str) -> None:
        self.problems.append(Problem(self.file, entry, key, message))

    def keys(self, raw: dict, entry: str | None, allowed: set[str], required: set[str]) -> None:
        for key in raw:
            if key not in allowed:
                self.add(entry, str(key), f"未知的键；可用的键：{', '.join(sorted(allowed))}")
        for key in sorted(required - set(raw)):
            self.add(entry, key, "缺少必填的键")

    def text(self, value: Any, entry: str | None, key: str) -> str | None:
        if not isinstance(value, str) or not value.strip():
            self.add(entry, key, f"应为非空文本，实际为“{value}”")
            return None
        try:
            names = placeholders(value)
        except ValueError as exc:
            self.add(entry, key, f"{exc}；如需字面的花括号，请写成 {{{{ 和 }}}}")
            return None
        for name in names:
            if name not in COMMON_FIELDS and name not in self.fields:
                self.add(entry, key, f"未知的字段 {{{name}}}；{self.known()}")
        return value

    def field(self, value: Any, entry: str, key: str, *, lists_only: bool = False) -> str | None:
        if lists_only and value not in LIST_FIELDS:
            self.add(entry, key, f"“{value}”不是列表字段；可用：{', '.join(LIST_FIELDS)}")
            return None
        if value not in COMMON_FIELDS and value not in self.fields:
            self.add(entry, key, f"未知的字段“{value}”；{self.known()}")
            return None
        return value

    def flag(self, value: Any, entry: str, key: str) -> bool:
        if not isinstance(value, bool):
            self.add(entry, key, f"应为 true 或 false，实际为“{value}”")
            return False
        return value

    def known(self) -> str:
        return f"可用字段：{', '.join([*COMMON_FIELDS, *self.fields])}"


def _names(value: Any, c: _Checker, key: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        c.add(None, key, "应为名称列表，每一项为非空文本")
        return ()
    return tuple(value)


def _declared_fields(raw: Any, c: _Checker) -> dict[str, str]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        c.add(None, "fields", "应为映射（字段名: 说明）")
        return {}
    out = {}
    for name, description in raw.items():
        if not isinstance(name, str) or not _FIELD_NAME.match(name):
            c.add("fields", str(name), "字段名只能由小写字母、数字和下划线组成，并以字母开头")
        elif name in COMMON_FIELDS:
            c.add("fields", name, f"与通用字段重名（{COMMON_FIELDS[name]}），无需声明")
        elif not isinstance(description, str) or not description.strip():
            c.add("fields", name, "应写明该字段的中文说明")
        else:
            out[name] = description
    return out


def _block(raw: Any, entry: str, c: _Checker) -> Block | None:
    if isinstance(raw, str):
        text = c.text(raw, entry, "text")
        return Block("text", text) if text else None
    if not isinstance(raw, dict):
        c.add(entry, None, f"段落应为文本，或含 {' / '.join(BLOCK_STYLES)} 之一的映射")
        return None
    styles = [k for k in raw if k in BLOCK_STYLES]
    c.keys(raw, entry, {*BLOCK_STYLES, "when"}, set())
    if len(styles) != 1:
        c.add(entry, None, f"应当恰好含有 {' / '.join(BLOCK_STYLES)} 中的一个键")
        return None
    style = styles[0]
    when = c.field(raw["when"], entry, "when") if "when" in raw else None
    if style == "list":
        name = c.field(raw["list"], entry, "list", lists_only=True)
        return Block("list", name, when) if name else None
    if style == "blank":
        lines = raw["blank"]
        if not isinstance(lines, int) or isinstance(lines, bool) or not 1 <= lines <= 10:
            c.add(entry, "blank", f"应为空行数（1 到 10 的整数），实际为“{lines}”")
            return None
        return Block("blank", str(lines), when)
    text = c.text(raw[style], entry, style)
    return Block(style, text, when) if text else None


def _part(raw: Any, entry: str, c: _Checker) -> Part | None:
    if not isinstance(raw, dict):
        c.add(entry, None, "每一部分应为映射（title、body……）")
        return None
    c.keys(raw, entry, _PART_KEYS, _PART_REQUIRED)
    title = c.text(raw.get("title"), entry, "title") if "title" in raw else None
    to = c.text(raw["to"], entry, "to") if "to" in raw else None
    note = c.text(raw["note"], entry, "note") if "note" in raw else None
    attachments = c.field(raw["attachments"], entry, "attachments", lists_only=True) \
        if "attachments" in raw else None
    flags = {k: c.flag(raw[k], entry, k) for k in _PART_FLAGS if k in raw}
    body_raw = raw.get("body")
    if "body" in raw and (not isinstance(body_raw, list) or not body_raw):
        c.add(entry, "body", "应为段落列表（至少一段）")
        body_raw = []
    blocks = [_block(b, f"{entry}.body[{i}]", c) for i, b in enumerate(body_raw or [])]
    if title is None or any(b is None for b in blocks):
        return None
    return Part(title=title, body=tuple(blocks), to=to, attachments=attachments, note=note, **flags)


def _template(path: Path) -> tuple[Template | None, list[Problem]]:
    c = _Checker(str(path))
    try:
        raw = load_file(path)
    except CatalogError as exc:
        return None, list(exc.problems)
    if not isinstance(raw, dict):
        c.add(None, None, "文件顶层应为映射（kind、name、clause、parts……）")
        return None, c.problems
    c.keys(raw, None, _TOP_KEYS, _TOP_REQUIRED)
    kind = raw.get("kind")
    if kind is not None and kind != path.stem:
        c.add(None, "kind", f"“{kind}”与文件名不一致（应为 {path.stem}）")
    c.fields = _declared_fields(raw.get("fields"), c)
    for key in ("name", "clause"):
        if key in raw and (not isinstance(raw[key], str) or not raw[key].strip()):
            c.add(None, key, "应为非空文本")
    date_style = raw.get("date_style", "chinese")
    if date_style not in DATE_STYLES:
        c.add(None, "date_style", f"应为 chinese（二〇二六年五月六日）或 arabic（2026年5月6日），实际为“{date_style}”")
    cc = _names(raw.get("cc"), c, "cc")
    parts_raw = raw.get("parts")
    if "parts" in raw and (not isinstance(parts_raw, list) or not parts_raw):
        c.add(None, "parts", "应为列表（至少一部分）")
        parts_raw = []
    parts = [_part(p, f"parts[{i}]", c) for i, p in enumerate(parts_raw or [])]
    if c.problems:
        return None, c.problems
    return Template(kind=kind, name=raw["name"], clause=raw["clause"], parts=tuple(parts),
                    fields=c.fields, cc=cc, date_style=date_style, file=str(path)), []


def _read_all(folder: Path) -> tuple[dict[str, Template], list[Problem]]:
    if not folder.is_dir():
        return {}, [Problem(str(folder), None, None, "文书模板文件夹不存在")]
    templates: dict[str, Template] = {}
    problems: list[Problem] = []
    for path in sorted(folder.glob("*.yaml")):
        if path.stem not in KINDS:
            problems.append(Problem(str(path), None, None,
                                    f"未知的文书种类“{path.stem}”；文件名应为：{', '.join(k + '.yaml' for k in KINDS)}"))
            continue
        template, found = _template(path)
        problems.extend(found)
        if template is not None:
            templates[template.kind] = template
    for kind in KINDS:
        if not (folder / f"{kind}.yaml").exists():
            problems.append(Problem(str(folder / f"{kind}.yaml"), None, None, "缺少该种文书的模板"))
    return templates, problems


def check_templates(folder: str | Path | None = None) -> list[Problem]:
    """Every problem of the letter templates in `folder` (default catalog/letters/): unknown
    keys, unknown {placeholders} and fields, missing or extra kinds, YAML errors. Empty when
    all templates load. `zhifa catalog check` reports these with the catalog's own."""
    return _read_all(Path(folder) if folder is not None else default_folder())[1]


def load_templates(folder: str | Path | None = None) -> dict[str, Template]:
    """All templates by kind; CatalogError with every problem when any template is wrong."""
    templates, problems = _read_all(Path(folder) if folder is not None else default_folder())
    if problems:
        raise CatalogError(problems)
    return templates
