"""The errors pst_core raises on purpose: one hierarchy under `PstError`.

Every concrete error is also the builtin that fits (``ValueError``,
``TypeError`` or ``LookupError``), so code that already catches builtins keeps
working, carries the offending value as ``.value``, and says in its message
what was wrong and what is allowed.

Examples:
    >>> from pst_core.errors import PstError, NaiveDatetimeError
    >>> from datetime import datetime
    >>> err = NaiveDatetimeError("start", datetime(2026, 3, 17, 14, 0))
    >>> print(err)
    start: naive datetime 2026-03-17 14:00:00 has no time zone; allowed: a timezone-aware ...
    >>> isinstance(err, PstError) and isinstance(err, ValueError)
    True
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import Generic, Literal, Protocol, TypeVar

__all__ = [
    "CalendarError",
    "CalendarHorizonError",
    "DataFileError",
    "EventOrderError",
    "FileProblem",
    "InvalidBillingCodeError",
    "InvalidDurationError",
    "InvalidEvidenceError",
    "InvalidTransitionError",
    "InvalidTypeError",
    "InvalidValueError",
    "InvalidWorkflowError",
    "MissingDependencyError",
    "NaiveDatetimeError",
    "NoScheduleInForceError",
    "NoWorkingTimeError",
    "PstError",
    "SurveyDataError",
    "UnknownNameError",
    "UnknownProvinceError",
]


class PstError(Exception):
    """Base of every error pst_core raises on purpose.

    Attributes:
        value: The offending value (``None`` when there is no single one).

    Examples:
        >>> try:
        ...     raise PstError("something went wrong", value=42)
        ... except PstError as err:
        ...     err.value
        42
    """

    def __init__(self, message: str, *, value: object = None) -> None:
        super().__init__(message)
        self.value = value


_SHOWN_LIMIT = 120


def _shown(value: object) -> str:
    """``repr(value)``, cut short: a message names the value, it does not dump it.

    A value Python cannot ``repr`` (an integer past ``sys.get_int_max_str_digits()``,
    or one nested too deep) is named by its type, never by a second exception.
    """
    try:
        text = repr(value)
    except (ValueError, RecursionError):
        if isinstance(value, int):
            return f"<an integer of about {int(value.bit_length() * 0.30103) + 1} digits>"
        return f"<a {type(value).__name__} too large or too deep to show>"
    if len(text) <= _SHOWN_LIMIT:
        return text
    return f"{text[: _SHOWN_LIMIT - 20]}... ({len(text)} characters)"


def _format_allowed(allowed: str | Iterable[object]) -> str:
    if isinstance(allowed, str):
        return allowed
    return ", ".join(repr(item) if not isinstance(item, str) else item for item in allowed)


class InvalidValueError(PstError, ValueError):
    """A value is of the right type but not allowed.

    Attributes:
        field: Dotted name of the field or argument at fault.
        value: The rejected value.
        allowed: What would have been accepted, in words.

    Examples:
        >>> err = InvalidValueError("WorkingDays.n", 0, "a whole number >= 1")
        >>> print(err)
        WorkingDays.n: invalid value 0; allowed: a whole number >= 1
    """

    def __init__(
        self,
        field: str,
        value: object,
        allowed: str | Iterable[object],
        *,
        problem: str = "invalid value",
        shown: str | None = None,
    ) -> None:
        self.field = field
        self.allowed = _format_allowed(allowed)
        what = _shown(value) if shown is None else shown
        super().__init__(f"{field}: {problem} {what}; allowed: {self.allowed}", value=value)


class InvalidTypeError(PstError, TypeError):
    """A value has the wrong type.

    Examples:
        >>> print(InvalidTypeError("WorkingTime.minutes", "10", "int"))
        WorkingTime.minutes: expected int, got str '10'
    """

    def __init__(self, field: str, value: object, expected: str) -> None:
        self.field = field
        self.expected = expected
        super().__init__(
            f"{field}: expected {expected}, got {type(value).__name__} {_shown(value)}", value=value
        )


class NaiveDatetimeError(InvalidValueError):
    """A datetime without a time zone was given where an instant is needed.

    pst_core never guesses the zone of a naive datetime.

    Examples:
        >>> from datetime import datetime
        >>> NaiveDatetimeError("at", datetime(2026, 1, 2)).field
        'at'
    """

    def __init__(self, field: str, value: object) -> None:
        super().__init__(
            field,
            value,
            "a timezone-aware datetime, e.g. datetime(..., tzinfo=ZoneInfo('Asia/Jakarta'))",
            problem="naive datetime",
            shown=f"{value} has no time zone",
        )


class InvalidDurationError(InvalidValueError):
    """A duration phrase or value that pst_core does not understand.

    Examples:
        >>> print(InvalidDurationError("text", "sebentar", "'10 menit', '3 hari kerja'"))
        text: invalid value 'sebentar'; allowed: '10 menit', '3 hari kerja'
    """


class UnknownNameError(PstError, LookupError):
    """A name (province, catalog id, workflow, product code...) that is not known.

    Attributes:
        kind: What sort of name was looked up.
        suggestions: Close matches, best first (may be empty).

    Examples:
        >>> err = UnknownNameError("province", "Bengkuluu", ("Bengkulu",), known=38)
        >>> print(err)
        unknown province 'Bengkuluu'; did you mean: Bengkulu? (38 known)
    """

    def __init__(
        self,
        kind: str,
        name: object,
        suggestions: Iterable[str] = (),
        *,
        known: int | None = None,
        allowed: str | None = None,
    ) -> None:
        self.kind = kind
        self.suggestions = tuple(suggestions)
        message = f"unknown {kind} {_shown(name)}"
        if self.suggestions:
            message += f"; did you mean: {', '.join(self.suggestions)}?"
        if allowed is not None:
            message += f"; allowed: {allowed}"
        if known is not None:
            message += f" ({known} known)"
        super().__init__(message, value=name)

    def __str__(self) -> str:
        # LookupError subclasses such as KeyError quote their message; we do not.
        return str(self.args[0])


class UnknownProvinceError(UnknownNameError):
    """A province name that is not one of Indonesia's 38 provinces.

    Examples:
        >>> from pst_core.calendar import province
        >>> try:
        ...     province("Jawa Barta")
        ... except LookupError as err:
        ...     err.suggestions[0]
        'Jawa Barat'
    """


class CalendarError(PstError):
    """Base of working-calendar errors (never raised itself).

    Examples:
        >>> issubclass(CalendarHorizonError, CalendarError)
        True
    """


class NoWorkingTimeError(CalendarError, ValueError):
    """A calendar that has no working time at all, so no deadline can ever fall.

    Examples:
        >>> print(NoWorkingTimeError("WorkingHours has no open window on any weekday"))
        WorkingHours has no open window on any weekday
    """


class CalendarHorizonError(CalendarError, ValueError):
    """A query reaches past the years the calendar can answer for.

    Attributes:
        year: The year that is out of range.

    Examples:
        >>> print(CalendarHorizonError(2301, 1946, 2200))
        year 2301 is outside the calendar's horizon; allowed: 1946 to 2200
    """

    def __init__(self, year: int, first: int, last: int) -> None:
        self.year = year
        self.first = first
        self.last = last
        super().__init__(
            f"year {year} is outside the calendar's horizon; allowed: {first} to {last}",
            value=year,
        )


class FileProblem:
    """One problem found in a data file: where, what was there and what is allowed.

    Attributes:
        path: The field path inside the file, e.g. ``requirements[2].channels``
            (empty for the file as a whole).
        value: The value found there (``None`` when it is missing).
        allowed: What would have been accepted, in words.
        problem: What is wrong, e.g. ``"invalid value"`` or ``"unknown field"``.

    Examples:
        >>> print(FileProblem("fee.kind", "gratis", "'free', 'pnbp'"))
        fee.kind: invalid value 'gratis'; allowed: 'free', 'pnbp'
    """

    __slots__ = ("allowed", "path", "problem", "shown", "value")

    def __init__(
        self,
        path: str,
        value: object,
        allowed: str,
        *,
        problem: str = "invalid value",
        shown: str | None = None,
    ) -> None:
        self.path = path
        self.value = value
        self.allowed = allowed
        self.problem = problem
        self.shown = _shown(value) if shown is None else shown

    def __str__(self) -> str:
        what = f" {self.shown}" if self.shown else ""
        where = f"{self.path}: " if self.path else ""
        return f"{where}{self.problem}{what}; allowed: {self.allowed}"

    def __repr__(self) -> str:
        return f"FileProblem({str(self)!r})"


class DataFileError(PstError, ValueError):
    """A data file (standard, SOP, workflow, tariff schedule, transaction, calendar) that is wrong.

    Every problem found in the file is reported, not only the first: the message
    names the first one and counts the rest, and ``problems`` (also added as
    notes, which a traceback prints) lists each.

    Attributes:
        file: The file's path (``"<data>"`` for in-memory data, ``"<json text>"`` for text).
        problems: Every problem found, in file order.
        path: The first problem's field path.
        allowed: What the first problem's field allows.

    Examples:
        >>> print(DataFileError("unit.toml", "fee.kind", "gratis", "'free', 'pnbp'"))
        unit.toml: fee.kind: invalid value 'gratis'; allowed: 'free', 'pnbp'
        >>> err = DataFileError.of("unit.toml", [
        ...     FileProblem("id", None, "text", problem="missing required field", shown=""),
        ...     FileProblem("fee.kind", "gratis", "'free', 'pnbp'"),
        ... ])
        >>> print(err)
        unit.toml: id: missing required field; allowed: text (and 1 more problem)
        >>> [p.path for p in err.problems]
        ['id', 'fee.kind']
    """

    def __init__(
        self,
        file: str,
        path: str,
        value: object,
        allowed: str,
        *,
        problem: str = "invalid value",
        shown: str | None = None,
        more: Iterable[FileProblem] = (),
    ) -> None:
        first = FileProblem(path, value, allowed, problem=problem, shown=shown)
        self.file = file
        self.problems: tuple[FileProblem, ...] = (first, *more)
        self.path = path
        self.allowed = allowed
        rest = len(self.problems) - 1
        count = f" (and {rest} more problem{'s' if rest > 1 else ''})" if rest else ""
        super().__init__(f"{file}: {first}{count}", value=value)
        if rest:
            self.__notes__ = [f"{file}: {p}" for p in self.problems]

    @classmethod
    def of(cls, file: str, problems: Iterable[FileProblem]) -> DataFileError:
        """One error for every problem in ``problems`` (at least one).

        Examples:
            >>> DataFileError.of("x.toml", [FileProblem("a", 1, "text")]).path
            'a'
        """
        first, *more = problems
        return cls(
            file,
            first.path,
            first.value,
            first.allowed,
            problem=first.problem,
            shown=first.shown,
            more=more,
        )


class InvalidEvidenceError(PstError, LookupError):
    """Evidence for a checklist names a requirement the checklist does not have.

    Examples:
        >>> from datetime import date
        >>> from pst_core.standards import catalog
        >>> checklist = catalog().standard("bengkulu-penjualan").checklist("online")
        >>> try:
        ...     checklist.evaluate({"passport-photo": True}, at=date(2026, 3, 17))
        ... except LookupError as err:
        ...     print(type(err).__name__)
        InvalidEvidenceError
    """

    def __str__(self) -> str:
        return str(self.args[0])


class InvalidWorkflowError(PstError, ValueError):
    """A workflow table that breaks a structural rule (reachability, terminals...).

    Examples:
        >>> print(InvalidWorkflowError("state 'limbo' cannot be reached from the initial state"))
        state 'limbo' cannot be reached from the initial state
    """


class InvalidTransitionError(PstError, ValueError):
    """An event that is not allowed in the transaction's current state.

    Attributes:
        allowed: The events that are allowed now.

    Examples:
        >>> err = InvalidTransitionError("'pay' is not allowed in 'created'", value="pay",
        ...                         allowed=["verify"])
        >>> err.allowed, isinstance(err, ValueError)
        (('verify',), True)
    """

    def __init__(self, message: str, *, value: object = None, allowed: Iterable[str] = ()) -> None:
        self.allowed = tuple(allowed)
        super().__init__(message, value=value)


class EventOrderError(PstError, ValueError):
    """An event dated earlier than the last event already in the history.

    Examples:
        >>> isinstance(EventOrderError("event at 09:00 is before the last one (10:00)"), ValueError)
        True
    """


class NoScheduleInForceError(PstError, LookupError):
    """No tariff schedule is in force on the date asked for.

    Examples:
        >>> print(NoScheduleInForceError("no tariff schedule in force on 2014-01-01"))
        no tariff schedule in force on 2014-01-01
    """

    def __str__(self) -> str:
        return str(self.args[0])


class InvalidBillingCodeError(InvalidValueError):
    """A SIMPONI billing code that is not 15 digits.

    Examples:
        >>> print(InvalidBillingCodeError("BillingCode.code", "12345", "exactly 15 digits"))
        BillingCode.code: invalid value '12345'; allowed: exactly 15 digits
    """


class MissingDependencyError(PstError, ImportError):
    """An optional dependency (an extra of ``pst-core``) is needed but not installed.

    Attributes:
        package: The import name that failed, e.g. ``pandas``.
        extra: The extra that installs it, e.g. ``pandas`` for ``pst-core[pandas]``.

    Examples:
        >>> err = MissingDependencyError("pandas", "pandas", "a DataFrame")
        >>> print(err)
        a DataFrame needs pandas, which is not installed; pip install "pst-core[pandas]"
        >>> isinstance(err, ImportError)
        True
    """

    def __init__(self, package: str, extra: str, purpose: str) -> None:
        self.package = package
        self.extra = extra
        super().__init__(
            f'{purpose} needs {package}, which is not installed; pip install "pst-core[{extra}]"',
            value=package,
        )


class _Problem(Protocol):
    """What an error's list of problems holds: one bad cell or field, said in words."""

    @property
    def value(self) -> object: ...

    def describe(self, language: Literal["id", "en"] = "en") -> str: ...


_P = TypeVar("_P", bound=_Problem)


class SurveyDataError(PstError, ValueError, Generic[_P]):
    """Survey responses with scores that are missing or out of range (or other bad cells).

    Every problem found is kept in ``.problems`` (each names the row, the column,
    the value and what is allowed); the message is the first one plus
    "(and N more)", and each problem is also a note on the exception.

    Attributes:
        file: The file read, or ``"<data>"`` for an in-memory table.
        problems: Every problem, in row order.

    Examples:
        >>> from pst_core.reports import ScoreProblem
        >>> err = SurveyDataError("survey.csv", (
        ...     ScoreProblem(3, "U4", "5", "a whole score 1 to 4", where="line"),
        ...     ScoreProblem(7, "U1", "", "a whole score 1 to 4", where="line"),
        ... ))
        >>> print(err)
        survey.csv: line 3, U4: invalid value '5'; allowed: a whole score 1 to 4 (and 1 more)
        >>> err.problems[1].column
        'U1'
    """

    def __init__(self, file: str, problems: Iterable[_P]) -> None:
        self.file = file
        self.problems = tuple(problems)
        first = self.problems[0] if self.problems else None
        message = f"{file}: " + (first.describe() if first is not None else "no problems")
        if len(self.problems) > 1:
            message += f" (and {len(self.problems) - 1} more)"
        super().__init__(message, value=first.value if first is not None else None)
        if sys.version_info >= (3, 11):
            for problem in self.problems:
                self.add_note(problem.describe())
