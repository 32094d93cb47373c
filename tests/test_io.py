"""The TOML writer behind every dump: what it writes, tomllib reads back unchanged."""

from __future__ import annotations

import sys

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from pst_core._io import dumps_toml, structure
from pst_core.errors import StandardFileError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib  # type: ignore[import-not-found, unused-ignore]

characters = st.characters(exclude_categories=["Cs"])  # lone surrogates cannot be UTF-8
text = st.text(characters)
keys = st.text(characters, min_size=1, max_size=8)
scalars = st.one_of(text, st.integers(-(2**63), 2**63 - 1), st.booleans())
tables = st.recursive(
    st.dictionaries(keys, st.one_of(scalars, st.lists(scalars, max_size=3)), max_size=4),
    lambda inner: st.dictionaries(
        keys, st.one_of(inner, st.lists(inner, min_size=1, max_size=2)), max_size=3
    ),
    max_leaves=12,
)


@given(tables)
def test_dumps_toml_round_trips(data: dict[str, object]) -> None:
    assert tomllib.loads(dumps_toml(data)) == data


def test_control_characters_are_escaped() -> None:
    data = {"name": 'a\x7fb\x00c\nd"e\\f'}
    written = dumps_toml(data)
    assert "\x7f" not in written
    assert tomllib.loads(written) == data


@attrs.frozen
class Line:
    code: str


@attrs.frozen
class Order:
    lines: tuple[Line, ...]
    tags: tuple[str, ...] = ()


def test_missing_list_fields_say_what_list_is_expected() -> None:
    with pytest.raises(
        StandardFileError, match=r"lines: missing required field; allowed: a list of Line tables"
    ):
        structure({}, Order, file="order.toml")
    with pytest.raises(StandardFileError, match=r"tags\[0\]: invalid value 3; allowed: text"):
        structure({"lines": [], "tags": [3]}, Order, file="order.toml")
