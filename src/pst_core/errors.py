"""The errors pst_core raises on purpose: one hierarchy under :class:`PstError`.

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

from collections.abc import Iterable

__all__ = [
    "CalendarError",
    "CalendarHorizonError",
    "EventOrderError",
    "InvalidBillingCodeError",
    "InvalidDurationError",
    "InvalidEvidenceError",
    "InvalidTransition",
    "InvalidTypeError",
    "InvalidValueError",
    "InvalidWorkflow",
    "MissingExtraError",
    "NaiveDatetimeError",
    "NoScheduleInForceError",
    "NoWorkingTimeError",
    "PstError",
    "StandardFileError",
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
    """``repr(value)``, cut short: a message names the value, it does not dump it."""
    text = repr(value)
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
        message = f"unknown {kind} {name!r}"
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


class MissingExtraError(PstError, ImportError):
    """An optional dependency is not installed; the message says which extra brings it.

    Examples:
        >>> print(MissingExtraError("numpy", "pandas"))
        numpy is not installed; allowed: install it with pip install "pst-core[pandas]"
    """

    def __init__(self, package: str, extra: str) -> None:
        super().__init__(
            f'{package} is not installed; allowed: install it with pip install "pst-core[{extra}]"',
            value=package,
        )
        self.name = package


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


class StandardFileError(PstError, ValueError):
    """A service-standard, workflow or tariff file that cannot be read as one.

    Attributes:
        file: The file's path (or ``"<data>"`` for in-memory data).
        path: The field path inside the file, e.g. ``requirements[2].channels``.
        allowed: What would have been accepted.

    Examples:
        >>> print(StandardFileError("unit.toml", "fee.kind", "gratis", "'free', 'pnbp'"))
        unit.toml: fee.kind: invalid value 'gratis'; allowed: 'free', 'pnbp'
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
    ) -> None:
        self.file = file
        self.path = path
        self.allowed = allowed
        where = f"{file}: {path}" if path else file
        what = _shown(value) if shown is None else shown
        what = f" {what}" if what else ""
        super().__init__(f"{where}: {problem}{what}; allowed: {allowed}", value=value)


class InvalidEvidenceError(PstError, LookupError):
    """Evidence for a checklist names a requirement the checklist does not have.

    Examples:
        >>> from datetime import date
        >>> from pst_core.standards import catalog
        >>> checklist = catalog()["bengkulu-penjualan"].checklist("online")
        >>> try:
        ...     checklist.evaluate({"passport-photo": True}, at=date(2026, 3, 17))
        ... except LookupError as err:
        ...     print(type(err).__name__)
        InvalidEvidenceError
    """

    def __str__(self) -> str:
        return str(self.args[0])


class InvalidWorkflow(PstError, ValueError):  # noqa: N818 - name fixed by the public API
    """A workflow table that breaks a structural rule (reachability, terminals...).

    Examples:
        >>> print(InvalidWorkflow("state 'limbo' cannot be reached from the initial state"))
        state 'limbo' cannot be reached from the initial state
    """


class InvalidTransition(PstError, ValueError):  # noqa: N818 - name fixed by the public API
    """An event that is not allowed in the transaction's current state.

    Attributes:
        allowed: The events that are allowed now.

    Examples:
        >>> err = InvalidTransition("'pay' is not allowed in 'created'", value="pay",
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
