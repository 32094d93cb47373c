"""The reports' words: the message catalogue (``messages/reports.toml``) and numbers for people.

Private: the texts live in the catalogue of `pst_core.i18n`; this module adds
`number`, a decimal as a person writes it in each language.
"""

from __future__ import annotations

from decimal import Decimal

from pst_core.i18n import Language, clock_name, text
from pst_core.i18n import number as said_number

__all__ = ["Language", "clock_name", "number", "text"]


def number(value: Decimal | int, language: Language = "en") -> str:
    """A number as a person reads it: `pst_core.i18n.number`, the one format of every text.

    Examples:
        >>> number(Decimal("76.61"), "id"), number(Decimal("1076.61"), "en")
        ('76,61', '1,076.61')
    """
    return said_number(value, language)
