"""The reports' words: the message catalogue (``messages/reports.toml``) and numbers for people.

Private: the texts live in the catalogue of `pst_core.i18n`; this module adds
`number`, a decimal as a person writes it in each language.
"""

from __future__ import annotations

from decimal import Decimal

from pst_core.i18n import Language, text

__all__ = ["Language", "number", "text"]


def number(value: Decimal | int, language: Language = "en") -> str:
    """A number as a person reads it: decimal comma in Indonesian, point in English.

    Examples:
        >>> number(Decimal("76.61"), "id"), number(Decimal("76.61"), "en")
        ('76,61', '76.61')
    """
    shown = str(value)
    return shown.replace(".", ",") if language == "id" else shown
