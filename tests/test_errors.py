"""The error hierarchy: one base, each error also the builtin that fits."""

from __future__ import annotations

import inspect
from datetime import datetime

import pytest

from pst_core import errors
from pst_core.errors import (
    DataFileError,
    InvalidTypeError,
    InvalidValueError,
    NaiveDatetimeError,
    PstError,
    UnknownNameError,
)

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
    """PstError and every subclass, wherever it is defined."""
    import pst_core.reports
    import pst_core.states  # noqa: F401 - they may define kinds of their own

    found: list[type[PstError]] = [PstError]
    for kind in found:
        found.extend(kind.__subclasses__())
    return found


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
