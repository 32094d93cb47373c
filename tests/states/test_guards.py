"""Guards: the comparison language of files, what a guard holds for, when two exclude each other."""

from __future__ import annotations

import json
import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pst_core.errors import InvalidTypeError, InvalidValueError
from pst_core.states import Guard
from tests.strategies import json_scalars


@pytest.mark.parametrize(
    ("first", "second", "exclusive"),
    [
        ("data.x == 1", "data.x == 2", True),
        ("data.x == 1", "data.x != 1", True),
        ("data.x != 1", "data.x == 1", True),
        ("data.x == 1", "data.x == 1", False),
        ("data.x != 1", "data.x != 2", False),
        ("data.x == 1", "data.y == 2", False),
        ("data.x == true", "data.x == 1", True),  # JSON: true is not 1
        ("data.x == 'a'", 'data.x == "a"', False),
    ],
)
def test_guard_exclusivity(first: str, second: str, exclusive: bool) -> None:
    assert Guard.parse(first).excludes(Guard.parse(second)) is exclusive
    assert Guard.parse(second).excludes(Guard.parse(first)) is exclusive


def test_function_guards_exclude_each_other_only_when_they_say_so() -> None:
    big = Guard("big", lambda data: data.get("pages", 0) > 100, exclusive_with=("small",))
    small = Guard("small", lambda data: data.get("pages", 0) <= 100)
    other = Guard("other", lambda data: True)
    assert big.excludes(small)
    assert small.excludes(big)  # declared on one side is enough
    assert not small.excludes(other)
    assert not other.excludes(Guard.parse("data.x == 1"))


@pytest.mark.property
@given(key=st.from_regex(r"[a-z_][a-z0-9_]{0,8}", fullmatch=True), value=json_scalars)
def test_parsed_guards_compare_one_field_with_a_json_literal(key: str, value: object) -> None:
    equal = Guard.parse(f"data.{key} == {json.dumps(value)}")
    different = Guard.parse(f"data.{key} != {json.dumps(value)}")
    assert equal.holds({key: value})
    assert not different.holds({key: value})
    assert equal.excludes(different)
    assert Guard.parse(equal.name) == equal  # the name is the canonical text


@pytest.mark.hostile
@pytest.mark.parametrize(
    "text",
    [
        "len(data) > 2",
        "data.x > 1",
        "data.x == [1]",
        "data.x == {}",
        "data.x == nope",
        "x == 1",
        "data.x == NaN",
        "__import__('os') == 1",
        'data.x == "a"\n',
    ],
)
def test_guard_text_outside_the_grammar_is_refused(text: str) -> None:
    with pytest.raises(InvalidValueError):
        Guard.parse(text)


def test_a_missing_field_compares_as_null() -> None:
    assert Guard.parse("data.x == null").holds({})
    assert Guard.parse("data.x != null").holds({"x": 0})


def test_a_comparison_guard_is_data_not_code() -> None:
    guard = Guard.data_equals("outcome", "complete")
    assert guard == Guard.parse('data.outcome == "complete"')
    assert guard.predicate is None
    assert guard.comparison == ("outcome", "==", "complete")
    assert pickle.loads(pickle.dumps(guard)) == guard
    assert Guard.data_not_equals("paid", True).holds({"paid": False})


@pytest.mark.hostile
@pytest.mark.parametrize(
    ("build", "error"),
    [
        (lambda: Guard("", lambda d: True), InvalidValueError),
        (lambda: Guard("a\nb", len), InvalidValueError),
        (lambda: Guard("g"), InvalidValueError),  # neither a function nor a comparison
        (lambda: Guard("g", "data.x == 1"), InvalidTypeError),  # type: ignore[arg-type]
        (lambda: Guard("g", len, comparison=("x", "==", 1)), InvalidValueError),
        (lambda: Guard("g", comparison=("x", "<", 1)), InvalidValueError),  # type: ignore[arg-type]
        (lambda: Guard("g", comparison=("x", "==", [1])), InvalidTypeError),
        (lambda: Guard.data_equals("not a key", 1), InvalidValueError),
    ],
)
def test_a_guard_checks_its_fields(build: object, error: type[Exception]) -> None:
    with pytest.raises(error):
        build()  # type: ignore[operator]
