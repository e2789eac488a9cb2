"""draft_letter: a LetterData and its kind's template in, the .docx out."""
from __future__ import annotations

from pathlib import Path

from router.files import locations
from router.files.yamlio import load_file

from .data import LetterData, check_sender
from .errors import LetterError
from .fill import Filled, letter_values
from .layout import Writer
from .numerals import BLANK
from .templates import KINDS, Part, load_templates


def internal_unit_suffixes(catalog_root: str | Path | None = None) -> tuple[str, ...]:
    """The name endings of internal units (执法大队…), from the catalog's bodies.yaml."""
    doc = load_file(locations.catalog_root(catalog_root) / "bodies.yaml")
    return tuple(doc.get("internal_unit_suffixes") or ()) if isinstance(doc, dict) else ()


def letter_kinds(templates_dir: str | Path | None = None) -> dict[str, str]:
    """kind -> the letter's Chinese name (涉嫌违法案件移送函…), in the order of KINDS."""
    templates = load_templates(templates_dir)
    return {kind: templates[kind].name for kind in KINDS}


def draft_letter(kind: str, data: LetterData, *, templates_dir: str | Path | None = None,
                 internal_suffixes: tuple[str, ...] | None = None) -> bytes:
    """The .docx of one letter. Values missing from `data` appear as blanks (________).

    Raises LetterError for an unknown kind, a kind that differs from data.kind, an internal
    unit as sender (mechanism 四（一）3) or a detail the kind's template does not declare;
    CatalogError when the templates do not load."""
    if kind not in KINDS:
        raise LetterError(f"未知的文书种类“{kind}”；可用：{', '.join(KINDS)}")
    if data.kind != kind:
        raise LetterError(f"文书数据是 {data.kind} 的，不能生成 {kind}")
    template = load_templates(templates_dir)[kind]
    suffixes = internal_suffixes if internal_suffixes is not None else internal_unit_suffixes()
    check_sender(data.sender.strip(), suffixes)
    filled = letter_values(template, data)
    writer = Writer()
    for i, part in enumerate(template.parts):
        if i:
            writer.new_part()
        _part(writer, part, filled)
    return writer.to_bytes()


def _part(writer: Writer, part: Part, filled: Filled) -> None:
    values = filled.values
    if part.letterhead:
        writer.letterhead(values["sender"], values["number"], upward=part.upward)
    writer.title(filled.fill(part.title))
    if part.to:
        writer.to(filled.fill(part.to))
    for block in part.body:
        if block.when and not filled.has(block.when):
            continue
        if block.style == "list":
            writer.numbered(filled.lists[block.text] or (BLANK,))
        elif block.style == "blank":
            writer.blank(int(block.text))
        else:
            getattr(writer, block.style)(filled.fill(block.text))
    if part.attachments:
        writer.attachments(list(filled.lists[part.attachments] or (BLANK,)))
    if part.signature:
        writer.signature(values["sender"], values["date"])
    if part.note:
        writer.note(filled.fill(part.note))
    if part.cc and filled.lists["cc"]:
        writer.cc(list(filled.lists["cc"]))
