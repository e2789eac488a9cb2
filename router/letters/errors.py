"""Named errors of the letter engine. Messages are Chinese: they reach clerks and policy staff."""
from __future__ import annotations

from router.model.errors import ZhifaError


class LetterError(ZhifaError):
    """A letter cannot be drafted from the data given (names the value and what is accepted)."""


class OfficeMissingError(LetterError):
    """LibreOffice is not installed, so no PDF can be made (the .docx still can)."""


class ConversionError(LetterError):
    """LibreOffice ran but produced no PDF (the message carries the end of its output)."""
