"""The letters the mechanism (华龙法政办〔2021〕13号) requires, drafted as .docx in the layout
of GB/T 9704-2012 党政机关公文格式, from templates policy staff edit (catalog/letters/).

    from router.letters import LetterData, draft_letter, to_pdf
    docx = draft_letter("referral", LetterData(kind="referral", sender="岳村镇人民政府", ...))

The library never prints and never exits; errors are LetterError (and its subclasses) or, for
broken templates, router.model.errors.CatalogError.
"""
from .data import MECHANISM, LetterData
from .draft import draft_letter, internal_unit_suffixes, letter_kinds
from .errors import ConversionError, LetterError, OfficeMissingError
from .numerals import BLANK, chinese_date, document_number
from .pdf import find_soffice, to_pdf
from .templates import KINDS, check_templates, load_templates

__all__ = [
    "BLANK", "KINDS", "MECHANISM", "ConversionError", "LetterData", "LetterError",
    "OfficeMissingError", "check_templates", "chinese_date", "document_number", "draft_letter",
    "find_soffice", "internal_unit_suffixes", "letter_kinds", "load_templates", "to_pdf",
]
