"""The error hierarchy: one base, each error also the builtin that fits."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import attrs
import pytest

from pst_core import errors
from pst_core._phrases import as_phrase
from pst_core._validation import require_aware, sequence_of
from pst_core.errors import (
    DataFileError,
    InvalidTypeError,
    InvalidValueError,
    NaiveDatetimeError,
    Phrase,
    PstError,
    UnknownNameError,
)
from pst_core.i18n import Language
from pst_core.reports import ScoreProblem
from pst_core.standards import catalog
from pst_core.states import Transaction
from pst_core.states.builtin import visit
from pst_core.tariffs import BillingCode, TariffSchedule, TariffSchedules, illustrative_schedule
from pst_core.tariffs.money import parse_rupiah
from tests.english import assert_indonesian, english_words

BUILTINS = (ValueError, TypeError, LookupError, ImportError)


def _concrete_errors() -> list[type[PstError]]:
    return [
        cls
        for _, cls in inspect.getmembers(errors, inspect.isclass)
        if issubclass(cls, PstError) and cls is not PstError and cls.__module__ == errors.__name__
    ]


@pytest.mark.parametrize("cls", _concrete_errors(), ids=lambda c: c.__name__)
def test_every_error_is_a_pst_error_and_a_builtin(cls: type[PstError]) -> None:
    assert issubclass(cls, PstError)
    if cls is not errors.CalendarError:  # an abstract grouping, never raised itself
        assert issubclass(cls, BUILTINS), f"{cls.__name__} subclasses no fitting builtin"


def test_every_error_is_exported() -> None:
    exported = set(errors.__all__) - {"FileProblem", "Phrase", "show_value"}
    assert {cls.__name__ for cls in _concrete_errors()} | {"PstError"} == exported


def test_naive_datetime_error_names_field_value_and_what_is_allowed() -> None:
    naive = datetime(2026, 3, 17, 14, 0)
    err = NaiveDatetimeError("start", naive)
    assert isinstance(err, ValueError)
    assert err.value is naive
    assert err.field == "start"
    assert "2026-03-17 14:00:00" in str(err)
    assert "timezone-aware" in str(err)


def test_invalid_value_error_lists_allowed_values() -> None:
    err = InvalidValueError("Channel", "fax", ("offline", "online"))
    assert str(err) == "Channel: invalid value 'fax'; allowed: offline, online"
    numeric = InvalidValueError("n", 0, (1, 2))
    assert str(numeric).endswith("allowed: 1, 2")


def test_invalid_type_error_is_a_type_error() -> None:
    err = InvalidTypeError("WorkingDays.n", "3", "int")
    assert isinstance(err, TypeError)
    assert str(err) == "WorkingDays.n: expected int, got str '3'"


def test_unknown_name_error_is_a_lookup_error_with_suggestions() -> None:
    err = UnknownNameError("province", "Jawa Barta", ["Jawa Barat"], known=38)
    assert isinstance(err, LookupError)
    assert err.suggestions == ("Jawa Barat",)
    assert str(err) == "unknown province 'Jawa Barta'; did you mean: Jawa Barat? (38 known)"
    bare = UnknownNameError("workflow", "x", allowed="visit, paid_product")
    assert str(bare) == "unknown workflow 'x'; allowed: visit, paid_product"


def test_standard_file_error_names_file_and_field_path() -> None:
    err = DataFileError("a.toml", "requirements[0].kind", "card", "'identity', 'account'")
    assert err.file == "a.toml"
    assert err.path == "requirements[0].kind"
    assert str(err) == (
        "a.toml: requirements[0].kind: invalid value 'card'; allowed: 'identity', 'account'"
    )
    assert str(DataFileError("a.toml", "", 1, "a table")).startswith("a.toml: invalid")


def test_long_values_are_cut_short_in_messages_but_kept_whole() -> None:
    value = "x" * 1000
    for err in (
        InvalidValueError("field", value, "short text"),
        InvalidTypeError("field", value, "int"),
        DataFileError("f.toml", "a.b", value, "short text"),
    ):
        assert len(str(err)) < 200
        assert "(1002 characters)" in str(err)
        assert err.value == value


def _every_error_kind() -> list[type[PstError]]:
    """PstError and every subclass pst_core defines, wherever in the package.

    A class a test builds (one refused for having no code stays registered until collected)
    is not a kind of the library's.
    """
    import pst_core.reports
    import pst_core.states  # noqa: F401 - they may define kinds of their own

    found: list[type[PstError]] = [PstError]
    for kind in found:
        found.extend(kind.__subclasses__())
    return [kind for kind in found if kind.__module__.startswith("pst_core.")]


def test_every_kind_of_error_has_its_own_stable_code() -> None:
    kinds = _every_error_kind()
    codes = [str(kind.__dict__.get("code")) for kind in kinds]
    assert all("code" in kind.__dict__ for kind in kinds)
    assert all(code.isidentifier() for code in codes), codes
    assert len(set(codes)) == len(codes), sorted(c for c in codes if codes.count(c) > 1)


def test_a_kind_of_error_without_a_code_of_its_own_is_refused() -> None:
    with pytest.raises(TypeError, match="code"):
        type("Nameless", (InvalidValueError,), {})


def test_an_error_says_itself_in_both_languages() -> None:
    err = InvalidValueError(
        "WorkingDays.n", 0, errors.Phrase("errors.allowed.whole_number_at_least", minimum=1)
    )
    assert (
        err.describe("en")
        == str(err)
        == ("WorkingDays.n: invalid value 0; allowed: a whole number >= 1")
    )
    assert (
        err.describe("id")
        == "WorkingDays.n: nilai tidak sah 0; yang diizinkan: bilangan bulat >= 1"
    )
    assert err.to_data("id")["allowed"] == "bilangan bulat >= 1"
    with pytest.raises(InvalidValueError, match="language"):
        err.describe("fr")  # type: ignore[arg-type]


# -- every kind says itself in both languages --------------------------------------------


@attrs.frozen
class _Row:
    """A bad row of a report's input that says itself from the catalogue (as `BadRow` will)."""

    line: int
    problem: PstError

    def describe(self, language: Language = "en") -> str:
        return self.problem.describe(language)


def _raised(make: Callable[[], object]) -> PstError:
    """The error a real call raises: the representative is what users meet."""
    try:
        make()
    except PstError as err:
        return err
    raise AssertionError("expected a PstError")


_AT = datetime(2026, 3, 17, 14, 0, tzinfo=timezone(timedelta(hours=7)))


# One representative of every kind of error, built by a real call where the area's raise
# site is already said from the catalogue. A kind added later fails
# `test_every_kind_says_itself_in_both_languages` until it has an entry here.
def _opened() -> Transaction:
    return Transaction.open(visit(), at=_AT, actor="guest", id="V-1")


REPRESENTATIVES: dict[type[PstError], Callable[[], PstError]] = {
    PstError: lambda: PstError(Phrase("errors.pst_error")),
    errors.InvalidValueError: lambda: _raised(lambda: parse_rupiah("30,5", "--shipping")),
    errors.InvalidTypeError: lambda: _raised(lambda: sequence_of("ab", "names", str)),
    errors.NaiveDatetimeError: lambda: _raised(
        lambda: require_aware(datetime(2026, 3, 17, 14, 0), "start")
    ),
    errors.InvalidDurationError: lambda: errors.InvalidDurationError(
        "duration", "sebentar", ("'10 menit'", "'3 hari kerja'")
    ),
    errors.UnknownNameError: lambda: _raised(lambda: catalog().standard("bengkulu-penjual")),
    errors.UnknownProvinceError: lambda: errors.UnknownProvinceError(
        Phrase("errors.kind.province"), "Jawa Barta", ("Jawa Barat",), known=38
    ),
    errors.CalendarError: lambda: errors.CalendarError(Phrase("errors.pst_error")),
    errors.NoWorkingTimeError: lambda: errors.NoWorkingTimeError(Phrase("errors.no_working_time")),
    errors.CalendarHorizonError: lambda: errors.CalendarHorizonError(2301, 1946, 2200),
    errors.DataFileError: lambda: _raised(lambda: TariffSchedule.loads("title = 3", format="toml")),
    errors.InvalidEvidenceError: lambda: _raised(
        lambda: (
            catalog()
            .standard("bengkulu-penjualan")
            .checklist("online")
            .evaluate({"e-mail": True}, at=date(2026, 3, 17))
        )
    ),
    errors.InvalidWorkflowError: lambda: errors.InvalidWorkflowError(Phrase("errors.pst_error")),
    errors.InvalidTransitionError: lambda: errors.InvalidTransitionError(
        Phrase("errors.transition_not_allowed", event="'pay'", state="'created'"),
        value="pay",
        allowed=("verify",),
    ),
    errors.EventOrderError: lambda: errors.EventOrderError(
        Phrase("errors.event_order", at="09.00", last="10.00")
    ),
    errors.StaleTransactionError: lambda: _raised(
        lambda: _opened().fire("take-number", at=_AT, actor="kiosk", expected_revision=0)
    ),
    errors.EventIdConflictError: lambda: _raised(
        lambda: (
            _opened()
            .fire("take-number", at=_AT, actor="kiosk", event_id="req-1")
            .fire("leave", at=_AT, actor="guest", event_id="req-1")
        )
    ),
    errors.NoScheduleInForceError: lambda: _raised(
        lambda: TariffSchedules((illustrative_schedule(),)).schedule_at(date(2014, 1, 1))
    ),
    errors.InvalidBillingCodeError: lambda: _raised(lambda: BillingCode("12345", _AT)),
    errors.MissingDependencyError: lambda: errors.MissingDependencyError(
        "pandas", "pandas", Phrase("errors.purpose.dataframe")
    ),
    errors.SurveyDataError: lambda: errors.SurveyDataError(
        "survey.csv", (ScoreProblem(3, "U4", "5", "a whole score 1 to 4", where="line"),)
    ),
    errors.BadRowsError: lambda: errors.BadRowsError(
        "events.csv",
        (_Row(4, InvalidValueError("actor", "", Phrase("errors.allowed.non_blank_text"))),),
    ),
}


def _names_in(err: PstError) -> list[str]:
    """Names an error uses as names (its field, file, path): not words of a language."""
    names = [getattr(err, attribute, None) for attribute in ("field", "file", "path", "source")]
    return [name for name in names if isinstance(name, str)]


@pytest.mark.parametrize("kind", _every_error_kind(), ids=lambda kind: kind.__name__)
def test_every_kind_says_itself_in_both_languages(kind: type[PstError]) -> None:
    make = REPRESENTATIVES.get(kind)
    assert make is not None, f"add a representative {kind.__name__} to REPRESENTATIVES"
    err = make()
    assert type(err) is kind
    indonesian, english = err.describe("id"), err.describe("en")
    assert indonesian.strip()
    assert english.strip()
    assert indonesian != english
    assert str(err) == english
    assert_indonesian(indonesian, ignoring=_names_in(err))
    assert err.to_data("id")["message"] == indonesian


def test_every_representative_is_of_a_kind_that_exists() -> None:
    assert set(REPRESENTATIVES) == set(_every_error_kind())


def test_the_english_checker_finds_english_and_leaves_names_and_values() -> None:
    assert english_words("unknown province 'Jawa Barta'; did you mean: Jawa Barat?") == [
        "unknown", "province", "did", "you", "mean",
    ]  # fmt: skip
    assert (
        english_words(
            "WorkingDays.n: nilai tidak sah 0; lihat https://pst.bps.go.id, /tmp/a.toml, --lang id"
        )
        == []
    )
    assert english_words("at: datetime naif", ignoring=["at"]) == []
    assert english_words("e.g. 2026-03-17") == ["e.g."]


def _documented_codes() -> dict[str, tuple[str, str, str]]:
    """The table of docs/reference/errors.md: code -> (class, builtin, meaning)."""
    page = Path(__file__).parents[1] / "docs" / "reference" / "errors.md"
    rows: dict[str, tuple[str, str, str]] = {}
    for line in page.read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 4 and cells[0].startswith("`"):
            code, kind, builtin, meaning = cells
            rows[code.strip("`")] = (kind.strip("`"), builtin.strip("`"), meaning)
    return rows


def _builtin_of(kind: type[PstError]) -> str:
    fitting = [base.__name__ for base in kind.__mro__ if base in BUILTINS]
    return fitting[0] if fitting else "—"


def test_the_reference_documents_every_code_with_its_class_and_builtin() -> None:
    documented = _documented_codes()
    kinds = {kind.code: kind for kind in _every_error_kind()}
    assert set(documented) == set(kinds)
    for code, kind in kinds.items():
        name, builtin, meaning = documented[code]
        assert (name, builtin) == (kind.__name__, _builtin_of(kind)), code
        assert meaning.strip(), code


def test_a_phrase_is_its_key_and_fields() -> None:
    phrase = Phrase("errors.allowed.whole_number_at_least", minimum=1)
    assert phrase == Phrase("errors.allowed.whole_number_at_least", minimum=1)
    assert phrase != Phrase("errors.allowed.whole_number_at_least", minimum=2)
    assert phrase != "a whole number >= 1"
    assert len({phrase, Phrase("errors.allowed.whole_number_at_least", minimum=1)}) == 1
    assert repr(phrase) == "Phrase('errors.allowed.whole_number_at_least', minimum=1)"
    assert repr(as_phrase("free text")) == "Verbatim('free text')"


def test_a_value_too_deep_to_show_is_named_by_its_type() -> None:
    deep: list[object] = []
    for _ in range(100_000):
        deep = [deep]
    assert errors.show_value(deep) == "<a list too large or too deep to show>"
