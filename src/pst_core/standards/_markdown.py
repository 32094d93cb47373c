"""The Markdown pieces the documents' layouts share: heading levels and table cells.

Private: the layouts are `ServiceStandard.describe` and
`StandardOperatingProcedure.describe`; the names here are the package's internal API.
"""

from __future__ import annotations

from pst_core.errors import InvalidValueError, Phrase


def headings(level: object, depth: int) -> tuple[str, ...]:
    """The ``#`` marks of a title at ``level`` (1-4) and of ``depth - 1`` deeper headings.

    Raises:
        InvalidValueError: for a level that is not a whole number from 1 to 4.

    Examples:
        >>> headings(2, 3)
        ('##', '###', '####')
    """
    if isinstance(level, bool) or not isinstance(level, int) or not 1 <= level <= 4:
        raise InvalidValueError("level", level, Phrase("standards.error.heading_level"))
    return tuple("#" * (level + deeper) for deeper in range(depth))


def cell(value: str | None) -> str:
    """``value`` as one table cell: on one line, its pipes escaped (``None`` is empty)."""
    return " ".join((value or "").split()).replace("|", "\\|")


def document(lines: list[str]) -> str:
    """The lines as one Markdown text ending in exactly one newline."""
    return "\n".join(lines).rstrip() + "\n"
