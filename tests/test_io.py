"""The TOML writer behind every dump: what it writes, tomllib reads back unchanged."""

from __future__ import annotations

import errno
import os
import sys
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from pst_core._io import DataModel, dumps_toml, parse_text, read_data, structure, write_data
from pst_core.errors import DataFileError, InvalidTypeError, InvalidValueError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib  # type: ignore[import-not-found]

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
        DataFileError, match=r"lines: missing required field; allowed: a list of Line tables"
    ):
        structure({}, Order, file="order.toml")
    with pytest.raises(DataFileError, match=r"tags\[0\]: invalid value 3; allowed: text"):
        structure({"lines": [], "tags": [3]}, Order, file="order.toml")


@attrs.frozen
class _Price:
    amount: Decimal


@attrs.frozen
class _Note(DataModel):
    file_type = "note"
    title: str
    pages: int


def test_data_model_verbs_round_trip(tmp_path: Path) -> None:
    note = _Note("PST", 3)
    assert note.to_data() == {"type": "note", "title": "PST", "pages": 3}
    for fmt in ("toml", "json"):
        assert _Note.loads(note.dumps(fmt), format=fmt) == note
        note.dump(tmp_path / f"n.{fmt}")
        assert _Note.load(tmp_path / f"n.{fmt}") == note
    assert _Note.from_data(note.to_data()) == note


def test_every_problem_is_listed_once_in_one_error() -> None:
    with pytest.raises(DataFileError) as caught:
        _Note.from_data({"type": "note", "title": 3, "pages": "x", "extra": 1})
    err = caught.value
    assert len(err.problems) == 3
    assert {p.path for p in err.problems} == {"extra", "title", "pages"}
    assert "(and 2 more problems)" in str(err)
    assert err.__notes__ == [f"<data>: {p}" for p in err.problems]
    assert err.__cause__ is None  # no cattrs ExceptionGroup shown
    assert err.__suppress_context__


def test_a_file_of_another_type_is_refused() -> None:
    with pytest.raises(DataFileError, match="type: invalid value 'memo'; allowed: 'note'"):
        _Note.from_data({"type": "memo", "title": "x", "pages": 1})
    with pytest.raises(DataFileError, match="type: missing required field"):
        _Note.from_data({"title": "x", "pages": 1})


@pytest.mark.parametrize(
    ("text", "fmt", "message"),
    [
        ('{"a": 1, "a": 2}', "json", "duplicate key 'a'"),
        ("a = 1\na = 2\n", "toml", "syntax error"),
        ("[" * 100_000 + "]" * 100_000, "json", "nested too deep"),
        ("a = " + "[" * 100_000 + "]" * 100_000, "toml", "nested too deep"),
        ('{"a": ' * 70 + "1" + "}" * 70, "json", "nested too deep"),
        ('{"a": "\\ud800"}', "json", "lone surrogate"),
        ('{"\\udfff": 1}', "json", "lone surrogate"),
        ('{"a": ' + "9" * 5000 + "}", "json", "syntax error"),
        ("[1, 2]", "json", "a table at the top level"),
    ],
)
def test_hostile_text_is_one_data_file_error(text: str, fmt: str, message: str) -> None:
    with pytest.raises(DataFileError, match=message):
        parse_text(text, fmt)


def test_format_and_path_arguments_are_checked(tmp_path: Path) -> None:
    with pytest.raises(InvalidValueError, match="format"):
        parse_text("{}", "yaml")
    with pytest.raises(InvalidTypeError, match="text"):
        parse_text(b"{}", "json")
    with pytest.raises(InvalidTypeError, match="path"):
        read_data(3)  # type: ignore[arg-type]
    with pytest.raises(DataFileError, match="cannot read"):
        read_data(tmp_path / "missing.toml")
    with pytest.raises(DataFileError, match="cannot write"):
        _Note("x", 1).dump(tmp_path / "no" / "such" / "folder.toml")
    (tmp_path / "latin.json").write_bytes(b'{"a": "\xff"}')
    with pytest.raises(DataFileError, match="not UTF-8"):
        read_data(tmp_path / "latin.json")


@pytest.mark.parametrize("amount", ["1E+999999999", "1E-999999999", "9" * 30])
def test_decimal_amounts_with_huge_exponents_are_refused_at_load(amount: str) -> None:
    with pytest.raises(DataFileError, match="at most 24 digits"):
        structure({"amount": amount}, _Price)


def test_a_file_that_cannot_be_read_or_written_says_why_in_both_languages(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "kantor.toml"
    folder.mkdir()
    with pytest.raises(DataFileError) as caught:
        read_data(folder)
    assert "cannot read (Is a directory)" in str(caught.value)
    assert "tidak dapat dibaca (berupa folder)" in caught.value.describe("id")

    def full_disk(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(DataFileError) as caught:
        write_data({"a": 1}, tmp_path / "a.toml")
    assert "cannot write (No space left on device)" in str(caught.value)
    assert "ruang penyimpanan habis" in caught.value.describe("id")

    def odd(*args: object, **kwargs: object) -> None:
        raise OSError(errno.EBUSY, "Device or resource busy")

    monkeypatch.setattr(os, "fsync", odd)
    with pytest.raises(DataFileError) as caught:
        write_data({"a": 1}, tmp_path / "a.toml")
    assert "cannot write (system error EBUSY)" in str(caught.value)
    assert "tidak dapat ditulis (kesalahan sistem EBUSY)" in caught.value.describe("id")


def test_a_file_that_is_not_utf8_shows_the_byte_and_where(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_bytes(b'{"a": "\xff"}')
    with pytest.raises(DataFileError) as caught:
        read_data(path)
    assert str(caught.value).endswith("not UTF-8 byte 0xff at position 7; allowed: UTF-8 text")
    assert "bukan UTF-8 bita 0xff pada posisi 7" in caught.value.describe("id")
