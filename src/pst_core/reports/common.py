"""What every report shares: its shape, and what becomes of input it cannot use.

* `Report` — the outputs every report result offers (``describe``, ``to_csv``,
  ``to_markdown``, ``to_html``): what ``pst-core report`` prints in each format.
* `InvalidPolicy` — what a report does with input it cannot use: stop at it
  (``"raise"``) or leave it out, count it and list it (``"skip"``).
* `BadRow` — one row of an events table (or line of a file) that the SLA report
  could not use, and why; `pst_core.errors.BadRowsError` carries them.

Examples:
    >>> from pst_core.reports import BadRow, ikm_report
    >>> print(BadRow(7, "T-1", "at: '2026-03-16 09:00' has no offset"))
    line 7 (T-1): at: '2026-03-16 09:00' has no offset
    >>> from pst_core.reports import Report
    >>> isinstance(ikm_report([{f"U{i}": 4 for i in range(1, 10)}]), Report)
    True
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal, Protocol, runtime_checkable

import attrs

from pst_core.errors import Phrase
from pst_core.i18n import Language, text

__all__ = ["BadRow", "InvalidPolicy", "Report", "fault_first"]

InvalidPolicy = Literal["raise", "skip"]
"""What to do with input a report cannot use: stop at it, or skip it, count it and list it."""

_SKIPPED = "skipped: "


@runtime_checkable
class Report(Protocol):
    """The outputs every report result offers, in Indonesian (``"id"``) or English (``"en"``).

    `pst_core.reports.SlaReport` and `pst_core.reports.IkmReport` are reports;
    ``pst-core report KIND --format FORMAT`` prints one of these four.
    """

    def describe(self, language: Language = "en") -> str:
        """The report as aligned plain text (``--format table``)."""
        ...

    def to_csv(self) -> str:
        """The report's summary as CSV text (``--format csv``)."""
        ...

    def to_markdown(self, language: Language = "en") -> str:
        """The report as Markdown (``--format markdown``)."""
        ...

    def to_html(self, language: Language = "en", *, charts: bool | None = None) -> str:
        """The report as one self-contained HTML page (``--format html``).

        ``charts=None`` draws the charts when matplotlib (the ``plot`` extra) is
        installed and otherwise says how to add them; ``True`` requires them.
        """
        ...


@attrs.frozen
class BadRow:
    """A row (or line) of a report's input that could not be used, and why.

    Attributes:
        line: The 1-based line in the file (a CSV's header is line 1; a JSON
            Lines file's lines), or the 1-based row of a DataFrame.
        transaction: The transaction the row belongs to, when known.
        reason: What was wrong, and what is allowed; ``"skipped: ..."`` for a
            row left out only because another row of its transaction is bad.
        said: The reason as a phrase of the catalogue, when there is one:
            `describe` says it in either language (else the reason as it is).

    Examples:
        >>> row = BadRow(9, "T-1", "skipped: another row of this transaction is bad")
        >>> row.at_fault
        False
    """

    line: int
    transaction: str | None
    reason: str
    said: Phrase | None = attrs.field(default=None, eq=False, repr=False, kw_only=True)

    @classmethod
    def skipped(
        cls, line: int, transaction: str | None, why: str, *, said: Phrase | None = None
    ) -> BadRow:
        """A row left out along with a bad one: ``why`` says which (e.g. "another row ... is bad").

        Examples:
            >>> print(BadRow.skipped(3, "T-2", "another row of this transaction is bad"))
            line 3 (T-2): skipped: another row of this transaction is bad
        """
        phrase = None if said is None else Phrase("reports.bad_row.skipped", why=said)
        return cls(line, transaction, _SKIPPED + why, said=phrase)

    @property
    def at_fault(self) -> bool:
        """Whether the row itself is bad (not only skipped along with a bad one)."""
        return not self.reason.startswith(_SKIPPED)

    def describe(self, language: Language = "en") -> str:
        """The row and what was wrong with it, in ``language`` (`said`, when there is one).

        Examples:
            >>> row = BadRow.skipped(3, "T-2", "another row of this transaction is bad",
            ...                      said=Phrase("reports.bad_row.another_row"))
            >>> row.describe("id")
            'baris berkas 3 (T-2): dilewati: baris lain dari transaksi ini salah'
        """
        if self.said is None:
            return str(self)
        who = f" ({self.transaction})" if self.transaction else ""
        return text(
            "reports.bad_row", language, line=self.line, who=who, reason=self.said.say(language)
        )

    def __str__(self) -> str:
        who = f" ({self.transaction})" if self.transaction else ""
        return f"line {self.line}{who}: {self.reason}"


def fault_first(rows: Iterable[BadRow]) -> tuple[BadRow, ...]:
    """The rows at fault, by line, then the rows skipped along with them, by line.

    Examples:
        >>> rows = [BadRow.skipped(2, "T", "another row of this transaction is bad"),
        ...         BadRow(5, "T", "actor: empty"), BadRow(4, "U", "event: empty")]
        >>> [row.line for row in fault_first(rows)]
        [4, 5, 2]
    """
    return tuple(sorted(rows, key=lambda row: (not row.at_fault, row.line)))
