"""The errors pst_core raises on purpose: one hierarchy under `PstError`, coded and bilingual.

Every concrete error is also the builtin that fits (``ValueError``,
``TypeError``, ``LookupError`` or ``ImportError``), so code that already catches
builtins keeps working. Every error

* has a stable ``code`` (one per class; the reference lists them), for programs;
* says what was wrong and what is allowed: in English as ``str(err)``, in either
  language as ``err.describe("id")`` or ``err.describe("en")``;
* carries the offending value as ``value`` and, where there is one, the field at
  fault as ``field`` and what that field allows as ``allowed``;
* becomes JSON-ready data with ``err.to_data(language)`` (what a service returns).

Its words come from the message catalogue (``pst_core/messages/errors.toml`` and
each area's own file), never from English text built where it is raised: an error
is built from `Phrase` objects, a message key and the fields to fill in.

Examples:
    >>> from pst_core.errors import PstError, NaiveDatetimeError
    >>> from datetime import datetime
    >>> err = NaiveDatetimeError("start", datetime(2026, 3, 17, 14, 0))
    >>> print(err)
    start: naive datetime 2026-03-17 14:00:00 has no time zone; allowed: a timezone-aware ...
    >>> print(err.describe("id"))
    start: datetime naif 2026-03-17 14:00:00 tanpa zona waktu; yang diizinkan: datetime ...
    >>> err.code, isinstance(err, PstError) and isinstance(err, ValueError)
    ('naive_datetime', True)
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any, ClassVar, Generic, Literal, Protocol, TypeVar

from pst_core._catalogue import LANGUAGE_CODES
from pst_core._phrases import (
    Described,
    Joined,
    Language,
    Phrase,
    as_phrase,
    show_value,
    values_phrase,
)

__all__ = [
    "BadRowsError",
    "CalendarError",
    "CalendarHorizonError",
    "DataFileError",
    "EventIdConflictError",
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
    "Phrase",
    "PstError",
    "StaleTransactionError",
    "SurveyDataError",
    "UnknownNameError",
    "UnknownProvinceError",
    "show_value",
]


def _check_language(language: object) -> Language:
    if language not in LANGUAGE_CODES:
        raise InvalidValueError("language", language, LANGUAGE_CODES)
    return language  # type: ignore[return-value]


class PstError(Exception):
    """Base of every error pst_core raises on purpose.

    Attributes:
        code: A stable name of the kind of error (a class attribute), e.g. ``"invalid_value"``.
        value: The offending value (``None`` when there is no single one).
        phrase: The message, not yet said in a language.

    Examples:
        >>> try:
        ...     raise PstError(Phrase("errors.pst_error"), value=42)
        ... except PstError as err:
        ...     err.code, err.value
        ('pst_error', 42)
    """

    code: ClassVar[str] = "pst_error"

    def __init__(self, message: Phrase | str, *, value: object = None) -> None:
        self.phrase = as_phrase(message)
        self.value = value
        super().__init__(self.phrase.say("en"))

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "code" not in cls.__dict__:  # a programming error: every kind names itself
            raise TypeError(f"{cls.__qualname__} must define its own class attribute 'code'")

    def __str__(self) -> str:
        # LookupError subclasses such as KeyError quote their message; pst_core's do not.
        return str(self.args[0]) if self.args else ""

    def describe(self, language: Language = "en") -> str:
        """The message in ``language``: ``"id"`` (Bahasa Indonesia) or ``"en"`` (English).

        Examples:
            >>> InvalidValueError("WorkingDays.n", 0, Phrase(
            ...     "errors.allowed.whole_number_at_least", minimum=1)).describe("id")
            'WorkingDays.n: nilai tidak sah 0; yang diizinkan: bilangan bulat >= 1'
        """
        return self.phrase.say(_check_language(language))

    def to_data(self, language: Language = "en") -> dict[str, Any]:
        """The error as JSON-ready data: its code, message in ``language`` and fields.

        Values are shown as text (`show_value`): they may be anything, JSON may not.

        Examples:
            >>> InvalidValueError("WorkingDays.n", 0, (1, 2)).to_data("en")
            {'code': 'invalid_value', 'message': 'WorkingDays.n: invalid value 0; allowed: 1, 2',
             'value': '0', 'field': 'WorkingDays.n', 'allowed': '1, 2'}
        """
        data: dict[str, Any] = {
            "code": self.code,
            "message": self.describe(language),
            "value": None if self.value is None else show_value(self.value),
        }
        data.update(self._data(_check_language(language)))
        return data

    def _data(self, language: Language) -> Mapping[str, Any]:
        """The kind's own fields for `to_data` (none here)."""
        return {}


class InvalidValueError(PstError, ValueError):
    """A value is of the right type but not allowed.

    Attributes:
        field: Dotted name of the field or argument at fault.
        value: The rejected value.
        allowed: What ``value`` could have been, in English (`describe` says it in either
            language; ``allowed_phrase`` is the phrase itself).

    Examples:
        >>> err = InvalidValueError("WorkingDays.n", 0, Phrase(
        ...     "errors.allowed.whole_number_at_least", minimum=1))
        >>> print(err)
        WorkingDays.n: invalid value 0; allowed: a whole number >= 1
        >>> print(InvalidValueError("format", "yaml", ("toml", "json")).describe("id"))
        format: nilai tidak sah 'yaml'; yang diizinkan: toml, json
    """

    code = "invalid_value"

    def __init__(
        self,
        field: str,
        value: object,
        allowed: Phrase | str | Iterable[object],
        *,
        problem: Phrase | str | None = None,
        shown: Phrase | str | None = None,
    ) -> None:
        self.field = field
        self.allowed_phrase = values_phrase(allowed)
        self.allowed = self.allowed_phrase.say("en")
        message = Phrase(
            "errors.invalid_value",
            field=field,
            problem=Phrase("errors.problem.invalid_value")
            if problem is None
            else as_phrase(problem),
            value=show_value(value) if shown is None else as_phrase(shown),
            allowed=self.allowed_phrase,
        )
        super().__init__(message, value=value)

    def _data(self, language: Language) -> Mapping[str, Any]:
        return {"field": self.field, "allowed": self.allowed_phrase.say(language)}


class InvalidTypeError(PstError, TypeError):
    """A value has the wrong type.

    Attributes:
        field: Dotted name of the field or argument at fault.
        expected: What type was expected, in English (``expected_phrase`` in either language).

    Examples:
        >>> print(InvalidTypeError("WorkingTime.minutes", "10", int))
        WorkingTime.minutes: expected int, got str '10'
        >>> print(InvalidTypeError("WorkingTime.minutes", "10", int).describe("id"))
        WorkingTime.minutes: diharapkan int, diterima str '10'
    """

    code = "invalid_type"

    def __init__(
        self, field: str, value: object, expected: Phrase | str | type | tuple[type, ...]
    ) -> None:
        self.field = field
        if isinstance(expected, (type, tuple)):
            expected = Phrase("errors.expected.types", types=expected)
        self.expected_phrase = as_phrase(expected)
        self.expected = self.expected_phrase.say("en")
        message = Phrase(
            "errors.invalid_type",
            field=field,
            expected=self.expected_phrase,
            type=type(value).__name__,
            value=show_value(value),
        )
        super().__init__(message, value=value)

    def _data(self, language: Language) -> Mapping[str, Any]:
        return {"field": self.field, "expected": self.expected_phrase.say(language)}


class NaiveDatetimeError(InvalidValueError):
    """A datetime without a time zone was given where an instant is needed.

    pst_core never guesses the zone of a naive datetime.

    Examples:
        >>> from datetime import datetime
        >>> NaiveDatetimeError("at", datetime(2026, 1, 2)).field
        'at'
    """

    code = "naive_datetime"

    def __init__(self, field: str, value: object) -> None:
        super().__init__(
            field,
            value,
            Phrase("errors.allowed.aware_datetime"),
            problem=Phrase("errors.problem.naive_datetime"),
            shown=Phrase("errors.shown.without_zone", value=str(value)),
        )


class InvalidDurationError(InvalidValueError):
    """A duration phrase or value that pst_core does not understand.

    Examples:
        >>> print(InvalidDurationError("text", "sebentar", ("'10 menit'", "'3 hari kerja'")))
        text: invalid value 'sebentar'; allowed: '10 menit', '3 hari kerja'
    """

    code = "invalid_duration"


class UnknownNameError(PstError, LookupError):
    """A name (province, catalog id, workflow, product code...) that is not known.

    Attributes:
        kind: What sort of name was looked up, in English (``kind_phrase`` in either language).
        suggestions: Close matches, best first (may be empty).
        allowed: What the name could have been, in English (``None`` when not said).

    Examples:
        >>> err = UnknownNameError(Phrase("errors.kind.province"), "Bengkuluu", ("Bengkulu",),
        ...                        known=38)
        >>> print(err)
        unknown province 'Bengkuluu'; did you mean: Bengkulu? (38 known)
        >>> print(err.describe("id"))
        provinsi 'Bengkuluu' tidak dikenal; mungkin maksud Anda: Bengkulu? (38 dikenal)
    """

    code = "unknown_name"

    def __init__(
        self,
        kind: Phrase | str,
        name: object,
        suggestions: Iterable[str] = (),
        *,
        known: int | None = None,
        allowed: Phrase | str | Iterable[object] | None = None,
    ) -> None:
        self.kind_phrase = as_phrase(kind)
        self.kind = self.kind_phrase.say("en")
        self.suggestions = tuple(suggestions)
        self.allowed_phrase = None if allowed is None else values_phrase(allowed)
        self.allowed = None if self.allowed_phrase is None else self.allowed_phrase.say("en")
        self.known = known
        parts: list[Phrase] = [
            Phrase("errors.unknown_name", kind=self.kind_phrase, name=show_value(name))
        ]
        if self.suggestions:
            parts.append(Phrase("errors.unknown_name_suggestions", names=self.suggestions))
        if self.allowed_phrase is not None:
            parts.append(Phrase("errors.unknown_name_allowed", allowed=self.allowed_phrase))
        if known is not None:
            parts.append(Phrase("errors.unknown_name_known", count=known))
        super().__init__(Phrase("errors.joined", parts=Joined(parts)), value=name)

    def _data(self, language: Language) -> Mapping[str, Any]:
        allowed = None if self.allowed_phrase is None else self.allowed_phrase.say(language)
        return {
            "kind": self.kind_phrase.say(language),
            "suggestions": list(self.suggestions),
            "allowed": allowed,
        }


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

    code = "unknown_province"


class CalendarError(PstError):
    """Base of working-calendar errors (never raised itself).

    Examples:
        >>> issubclass(CalendarHorizonError, CalendarError)
        True
    """

    code = "calendar_error"


class NoWorkingTimeError(CalendarError, ValueError):
    """A calendar that has no working time at all, so no deadline can ever fall.

    Examples:
        >>> print(NoWorkingTimeError(Phrase("errors.no_working_time")).describe("id"))
        kalender tidak punya waktu kerja sama sekali: tidak ada tenggat yang bisa jatuh
    """

    code = "no_working_time"


class CalendarHorizonError(CalendarError, ValueError):
    """A query reaches past the years the calendar can answer for.

    Attributes:
        year: The year that is out of range.
        first, last: The years the calendar answers for.

    Examples:
        >>> print(CalendarHorizonError(2301, 1946, 2200))
        year 2301 is outside the calendar's horizon; allowed: 1946 to 2200
    """

    code = "outside_horizon"

    def __init__(self, year: int, first: int, last: int) -> None:
        self.year = year
        self.first = first
        self.last = last
        message = Phrase("errors.outside_horizon", year=year, first=first, last=last)
        super().__init__(message, value=year)

    def _data(self, language: Language) -> Mapping[str, Any]:
        return {"first": self.first, "last": self.last}


class FileProblem:
    """One problem found in a data file: where, what was there and what is allowed.

    Attributes:
        path: The field path inside the file, e.g. ``requirements[2].channels``
            (empty for the file as a whole).
        value: The value found there (``None`` when it is missing).
        allowed: What would have been accepted, in English (``allowed_phrase`` in either
            language).
        problem: What is wrong, in English, e.g. ``"invalid value"`` or ``"unknown field"``.

    Examples:
        >>> print(FileProblem("fee.kind", "gratis", ("free", "pnbp")))
        fee.kind: invalid value 'gratis'; allowed: free, pnbp
        >>> print(FileProblem("fee.kind", "gratis", ("free", "pnbp")).describe("id"))
        fee.kind: nilai tidak sah 'gratis'; yang diizinkan: free, pnbp
    """

    __slots__ = ("allowed_phrase", "path", "problem_phrase", "shown", "value")

    def __init__(
        self,
        path: str,
        value: object,
        allowed: Phrase | str | Iterable[object],
        *,
        problem: Phrase | str | None = None,
        shown: Phrase | str | None = None,
    ) -> None:
        self.path = path
        self.value = value
        self.allowed_phrase = values_phrase(allowed)
        self.problem_phrase = (
            Phrase("errors.problem.invalid_value") if problem is None else (as_phrase(problem))
        )
        self.shown = as_phrase(show_value(value) if shown is None else shown)

    @property
    def allowed(self) -> str:
        """What would have been accepted, in English."""
        return self.allowed_phrase.say("en")

    @property
    def problem(self) -> str:
        """What is wrong, in English."""
        return self.problem_phrase.say("en")

    def describe(self, language: Language = "en") -> str:
        """The problem in ``language``."""
        return self.phrase().say(_check_language(language))

    def phrase(self) -> Phrase:
        """The problem, not yet said in a language."""
        return Phrase(
            "errors.file_problem",
            where=Phrase("errors.file_problem_where", path=self.path) if self.path else "",
            problem=self.problem_phrase,
            value=Phrase("errors.file_problem_value", value=self.shown)
            if self.shown.say("en")
            else "",
            allowed=self.allowed_phrase,
        )

    def __str__(self) -> str:
        return self.describe("en")

    def __repr__(self) -> str:
        return f"FileProblem({str(self)!r})"

    def to_data(self, language: Language = "en") -> dict[str, Any]:
        """The problem as JSON-ready data."""
        return {
            "path": self.path,
            "problem": self.problem_phrase.say(language),
            "value": self.shown.say(language),
            "allowed": self.allowed_phrase.say(language),
        }


class DataFileError(PstError, ValueError):
    """A data file (standard, SOP, workflow, tariff schedule, transaction, calendar) that is wrong.

    Every problem found in the file is reported, not only the first: the message
    names the first one and counts the rest, and ``problems`` (also added as
    notes, which a traceback prints) lists each.

    Attributes:
        file: The file's path (``"<data>"`` for in-memory data, ``"<json text>"`` for text).
        problems: Every problem found, in file order.
        path: The first problem's field path.
        allowed: What the first problem's field allows, in English.

    Examples:
        >>> print(DataFileError("unit.toml", "fee.kind", "gratis", ("free", "pnbp")))
        unit.toml: fee.kind: invalid value 'gratis'; allowed: free, pnbp
        >>> err = DataFileError.of("unit.toml", [
        ...     FileProblem("id", None, Phrase("errors.allowed.text"),
        ...                 problem=Phrase("errors.problem.missing_field"), shown=""),
        ...     FileProblem("fee.kind", "gratis", ("free", "pnbp")),
        ... ])
        >>> print(err)
        unit.toml: id: missing required field; allowed: text (and 1 more problem)
        >>> print(err.describe("id"))
        unit.toml: id: kolom wajib tidak ada; yang diizinkan: teks (dan 1 masalah lain)
        >>> [p.path for p in err.problems]
        ['id', 'fee.kind']
    """

    code = "data_file"

    def __init__(
        self,
        file: str,
        path: str,
        value: object,
        allowed: Phrase | str | Iterable[object],
        *,
        problem: Phrase | str | None = None,
        shown: Phrase | str | None = None,
        more: Iterable[FileProblem] = (),
    ) -> None:
        first = FileProblem(path, value, allowed, problem=problem, shown=shown)
        self.file = file
        self.problems: tuple[FileProblem, ...] = (first, *more)
        self.path = path
        self.allowed = first.allowed
        rest = len(self.problems) - 1
        message = Phrase(
            "errors.data_file",
            file=file,
            problem=first.phrase(),
            more=Phrase(f"errors.more_problems.{'one' if rest == 1 else 'many'}", count=rest)
            if rest
            else "",
        )
        super().__init__(message, value=value)
        if rest:
            self.__notes__ = [f"{file}: {p}" for p in self.problems]

    @classmethod
    def of(cls, file: str, problems: Iterable[FileProblem]) -> DataFileError:
        """One error for every problem in ``problems`` (at least one).

        Examples:
            >>> problem = FileProblem("a", 1, Phrase("errors.allowed.text"))
            >>> DataFileError.of("x.toml", [problem]).path
            'a'
        """
        first, *more = problems
        return cls(
            file,
            first.path,
            first.value,
            first.allowed_phrase,
            problem=first.problem_phrase,
            shown=first.shown,
            more=more,
        )

    def _data(self, language: Language) -> Mapping[str, Any]:
        return {"file": self.file, "problems": [p.to_data(language) for p in self.problems]}


class InvalidEvidenceError(PstError, LookupError):
    """Evidence for a checklist names a requirement the checklist does not have.

    Examples:
        >>> from datetime import date
        >>> from pst_core.standards import catalog
        >>> checklist = catalog().standard("bengkulu-penjualan").checklist("online")
        >>> try:
        ...     checklist.evaluate({"passport-photo": True}, at=date(2026, 3, 17))
        ... except LookupError as err:
        ...     print(type(err).__name__, err.code)
        InvalidEvidenceError invalid_evidence
    """

    code = "invalid_evidence"


class InvalidWorkflowError(PstError, ValueError):
    """A workflow table that breaks a structural rule (reachability, terminals...).

    Examples:
        >>> err = InvalidWorkflowError(Phrase("errors.pst_error"))
        >>> err.code, isinstance(err, ValueError)
        ('invalid_workflow', True)
    """

    code = "invalid_workflow"


class InvalidTransitionError(PstError, ValueError):
    """An event that is not allowed in the transaction's current state (now, or by that actor).

    Attributes:
        allowed: The allowed values of ``value``: the events allowed now when the
            event is refused, the roles that may fire it when the actor is.
        events: The events allowed now in ``state`` (whatever was refused).
        roles: The roles that may fire the event (empty: any, or not known).
        state: The state the transaction is in (``None`` when not known).
        due_at: When the timer that fires the event falls due, for a timer's event
            refused because it is not due yet (``None`` otherwise).

    Examples:
        >>> err = InvalidTransitionError(
        ...     Phrase("errors.transition_not_allowed", event="'pay'", state="'created'"),
        ...     value="pay", allowed=["verify"], state="created")
        >>> print(err.describe("id"))
        peristiwa 'pay' tidak diizinkan pada status 'created'
        >>> err.allowed, err.events, isinstance(err, ValueError)
        (('verify',), ('verify',), True)
    """

    code = "invalid_transition"

    def __init__(
        self,
        message: Phrase | str,
        *,
        value: object = None,
        allowed: Iterable[str] = (),
        events: Iterable[str] | None = None,
        roles: Iterable[str] = (),
        state: str | None = None,
        due_at: datetime | None = None,
    ) -> None:
        self.allowed = tuple(allowed)
        self.events = self.allowed if events is None else tuple(events)
        self.roles = tuple(roles)
        self.state = state
        self.due_at = due_at
        super().__init__(message, value=value)

    def _data(self, language: Language) -> Mapping[str, Any]:
        return {
            "allowed": list(self.allowed),
            "events": list(self.events),
            "roles": list(self.roles),
            "state": self.state,
            "due_at": None if self.due_at is None else self.due_at.isoformat(),
        }


class EventOrderError(PstError, ValueError):
    """An event dated earlier than the last event already in the history.

    Examples:
        >>> err = EventOrderError(Phrase("errors.event_order", at="09:00", last="10:00"))
        >>> print(err)
        event at 09:00 is before the last one (10:00)
        >>> err.code
        'event_order'
    """

    code = "event_order"


class StaleTransactionError(PstError, ValueError):
    """An event fired on a view of a transaction that is no longer its latest revision.

    A service that stores transactions passes the revision its user saw
    (``fire(..., expected_revision=n)``); when another writer got there first, the
    transaction's revision is past it and the event is refused: load it again, look,
    and decide again.

    Attributes:
        transaction: The transaction's id.
        expected: The revision the caller expected.
        revision: The transaction's revision.

    Examples:
        >>> err = StaleTransactionError("ST-1", expected=3, revision=4)
        >>> print(err)
        transaction ST-1 has changed: it is at revision 4, not the 3 expected; load it ...
        >>> print(err.describe("id"))
        transaksi ST-1 sudah berubah: revisinya 4, bukan 3 yang diharapkan; muat ...
        >>> err.to_data()["revision"], err.code
        (4, 'stale_transaction')
    """

    code = "stale_transaction"

    def __init__(self, transaction: str, *, expected: int, revision: int) -> None:
        self.transaction = transaction
        self.expected = expected
        self.revision = revision
        message = Phrase(
            "errors.stale_transaction",
            transaction=transaction,
            expected=expected,
            revision=revision,
        )
        super().__init__(message, value=expected)

    def _data(self, language: Language) -> Mapping[str, Any]:
        return {
            "transaction": self.transaction,
            "expected": self.expected,
            "revision": self.revision,
        }


class EventIdConflictError(PstError, ValueError):
    """An event id already in the history, fired again with other content.

    Firing again with the same ``event_id`` and the same event (a retried request)
    returns the transaction unchanged; with another name, instant, actor or data it
    is a different event under a used id, and refused.

    Attributes:
        event_id: The id given.
        index: Where the recorded event with that id is in the history.
        recorded: The recorded event's name.

    Examples:
        >>> err = EventIdConflictError("req-7", index=2, recorded="reply", value="close")
        >>> print(err)
        event id 'req-7' is already used by event 2 ('reply') with other content
        >>> print(err.describe("id"))
        id peristiwa 'req-7' sudah dipakai peristiwa ke-2 ('reply') dengan isi lain
    """

    code = "event_id_conflict"

    def __init__(self, event_id: str, *, index: int, recorded: str, value: object) -> None:
        self.event_id = event_id
        self.index = index
        self.recorded = recorded
        message = Phrase(
            "errors.event_id_conflict",
            event_id=show_value(event_id),
            index=index,
            recorded=show_value(recorded),
        )
        super().__init__(message, value=value)

    def _data(self, language: Language) -> Mapping[str, Any]:
        return {"event_id": self.event_id, "index": self.index, "recorded": self.recorded}


class NoScheduleInForceError(PstError, LookupError):
    """No tariff schedule is in force on the date asked for.

    Examples:
        >>> from pst_core.tariffs import TariffSchedules, illustrative_schedule
        >>> from datetime import date
        >>> try:
        ...     TariffSchedules((illustrative_schedule(),)).schedule_at(date(2014, 1, 1))
        ... except LookupError as err:
        ...     print(err.code, err.value)
        no_schedule_in_force 2014-01-01
    """

    code = "no_schedule_in_force"


class InvalidBillingCodeError(InvalidValueError):
    """A SIMPONI billing code that is not 15 digits.

    Examples:
        >>> from pst_core.tariffs import BillingCode
        >>> from datetime import datetime, timezone
        >>> try:
        ...     BillingCode("12345", issued=datetime(2026, 3, 17, tzinfo=timezone.utc))
        ... except ValueError as err:
        ...     print(err.code)
        ...     print(err.describe("id"))
        invalid_billing_code
        BillingCode.code: nilai tidak sah '12345'; yang diizinkan: tepat 15 angka 0-9 ...
    """

    code = "invalid_billing_code"


class MissingDependencyError(PstError, ImportError):
    """An optional dependency (an extra of ``pst-core``) is needed but not installed.

    Attributes:
        package: The import name that failed, e.g. ``pandas``.
        extra: The extra that installs it, e.g. ``pandas`` for ``pst-core[pandas]``.

    Examples:
        >>> err = MissingDependencyError("pandas", "pandas", Phrase("errors.purpose.dataframe"))
        >>> print(err)
        a DataFrame needs pandas, which is not installed; pip install "pst-core[pandas]"
        >>> isinstance(err, ImportError)
        True
    """

    code = "missing_dependency"

    def __init__(self, package: str, extra: str, purpose: Phrase | str) -> None:
        self.package = package
        self.extra = extra
        message = Phrase(
            "errors.missing_dependency", purpose=as_phrase(purpose), package=package, extra=extra
        )
        super().__init__(message, value=package)

    def _data(self, language: Language) -> Mapping[str, Any]:
        return {"package": self.package, "extra": self.extra}


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

    code = "survey_data"

    def __init__(self, file: str, problems: Iterable[_P]) -> None:
        self.file = file
        self.problems = tuple(problems)
        first = self.problems[0] if self.problems else None
        rest = len(self.problems) - 1
        message = Phrase(
            "errors.survey_data",
            file=file,
            first=Described(first) if first is not None else Phrase("errors.no_problems"),
            more=Phrase("errors.more", count=rest) if rest > 0 else "",
        )
        super().__init__(message, value=first.value if first is not None else None)
        if sys.version_info >= (3, 11):
            for problem in self.problems:
                self.add_note(problem.describe())

    def _data(self, language: Language) -> Mapping[str, Any]:
        return {"file": self.file, "problems": [p.describe(language) for p in self.problems]}


class _BadRow(Protocol):
    """What a list of bad rows holds: the row's line, and why it cannot be used."""

    @property
    def line(self) -> int: ...

    def describe(self, language: Literal["id", "en"] = "en") -> str: ...


_R = TypeVar("_R", bound=_BadRow)


class BadRowsError(PstError, ValueError, Generic[_R]):
    """Rows of a report's input that cannot be used, under ``invalid="raise"``.

    The message names the first row at fault and says how to go on without such
    rows (``invalid="skip"``); ``rows`` lists every bad row found.

    Attributes:
        source: The file read, or ``"<events>"`` for a DataFrame.
        rows: Every bad row (`pst_core.reports.BadRow`), the first one at fault first.

    Examples:
        >>> from pst_core.reports import BadRow
        >>> err = BadRowsError("events.csv", [BadRow(4, "T2", "actor: empty")])
        >>> print(err)
        events.csv: line 4 (T2): actor: empty; pass invalid='skip' to list and skip such rows
        >>> err.rows[0].line, isinstance(err, ValueError)
        (4, True)
    """

    code = "bad_rows"

    def __init__(self, source: str, rows: Iterable[_R]) -> None:
        self.source = source
        self.rows = tuple(rows)
        first = self.rows[0] if self.rows else None
        message = Phrase(
            "errors.bad_rows",
            source=source,
            first=Described(first) if first is not None else Phrase("errors.no_bad_rows"),
        )
        super().__init__(message, value=first)

    def _data(self, language: Language) -> Mapping[str, Any]:
        return {"source": self.source, "rows": [r.describe(language) for r in self.rows]}
