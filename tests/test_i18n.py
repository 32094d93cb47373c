"""The message catalogue: every key in both languages, with the same fields."""

from __future__ import annotations

import string
from pathlib import Path

import pytest

import pst_core
from pst_core.errors import InvalidValueError, UnknownNameError
from pst_core.i18n import LANGUAGES, catalogue, check_language, month, text, weekday


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("key", sorted(catalogue()))
def test_every_message_exists_in_both_languages_and_formats(key: str) -> None:
    texts = catalogue()[key]
    assert set(texts) == set(LANGUAGES)
    fields = _fields(texts["id"])
    assert fields == _fields(texts["en"])
    filled = {name: f"<{name}>" for name in fields}
    for language in LANGUAGES:
        rendered = text(key, language, **filled)
        assert rendered.strip(), (key, language)
        assert "{" not in rendered


def test_the_message_files_named_in_code_are_the_files_in_the_folder() -> None:
    from pst_core._catalogue import MESSAGE_FILES as _MESSAGE_FILES

    folder = Path(pst_core.__file__).parent / "messages"
    assert tuple(sorted(f.stem for f in folder.glob("*.toml"))) == _MESSAGE_FILES


def test_catalogue_is_read_only() -> None:
    with pytest.raises(TypeError):
        catalogue()["common.weekday.mon"] = {"id": "x", "en": "y"}  # type: ignore[index]


def test_unknown_key_and_language_are_pst_errors() -> None:
    with pytest.raises(UnknownNameError):
        text("common.nothing", "en")
    with pytest.raises(InvalidValueError, match="allowed: id, en"):
        check_language("fr")
    with pytest.raises(InvalidValueError, match="language"):
        text("common.weekday.mon", "de")  # type: ignore[arg-type]


def test_weekday_and_month_names() -> None:
    assert [weekday(d, "id") for d in range(7)] == [
        "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu",
    ]  # fmt: skip
    assert month(3, "id") == "Maret"
    assert month(12, "en") == "December"
