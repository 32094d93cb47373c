"""Every text pst_core says to a person, in Indonesian and English, from one catalogue.

The catalogue is a set of TOML files inside the package, one per subpackage
(``pst_core/messages/common.toml``, ``calendar.toml``, ...). Each table is one
message with an ``id`` (Indonesian) and an ``en`` (English) text; fields in
braces are filled by `text`. A message's key is the file's name and the
table's name: ``common.weekday.mon`` is the table ``[weekday.mon]`` of
``common.toml``. Both languages must exist and use the same fields (the
test suite checks every key).

Examples:
    >>> from pst_core.i18n import text
    >>> text("common.weekday.tue", "id"), text("common.weekday.tue", "en")
    ('Selasa', 'Tuesday')
    >>> text("common.zone.WITA", "id")
    'WITA'
"""

from __future__ import annotations

import string
import typing
from collections.abc import Mapping
from functools import cache
from types import MappingProxyType
from typing import Literal

from pst_core.errors import InvalidTypeError, InvalidValueError, UnknownNameError

__all__ = ["LANGUAGES", "Language", "catalogue", "check_language", "month", "text", "weekday"]

Language = Literal["id", "en"]
"""A language pst_core speaks: ``"id"`` (Bahasa Indonesia) or ``"en"`` (English)."""

LANGUAGES: tuple[Language, ...] = typing.get_args(Language)
"""Every `Language`, Indonesian first."""

_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def check_language(language: object) -> Language:
    """``language`` if it is one pst_core speaks, else an `InvalidValueError`.

    Examples:
        >>> check_language("fr")
        Traceback (most recent call last):
        ...
        pst_core.errors.InvalidValueError: language: invalid value 'fr'; allowed: id, en
    """
    if language not in LANGUAGES:
        raise InvalidValueError("language", language, LANGUAGES)
    return language


def _fields(template: str) -> frozenset[str]:
    return frozenset(name for _, name, _, _ in string.Formatter().parse(template) if name)


def _flatten(
    prefix: str, table: Mapping[str, object], out: dict[str, Mapping[Language, str]]
) -> None:
    """Every message under ``table``: a table with ``id`` and ``en`` texts is one (and may
    hold more messages in sub-tables)."""
    texts = {k: table[k] for k in LANGUAGES if k in table}
    if texts:
        if set(texts) != set(LANGUAGES) or not all(isinstance(t, str) for t in texts.values()):
            raise InvalidValueError(f"message {prefix}", texts, "an 'id' and an 'en' text")
        fields = {_fields(typing.cast(str, t)) for t in texts.values()}
        if len(fields) != 1:
            raise InvalidValueError(
                f"message {prefix}", texts, "the same {fields} in every language"
            )
        out[prefix] = MappingProxyType(typing.cast(dict[Language, str], texts))
    for key, value in table.items():
        if key in LANGUAGES:
            continue
        if not isinstance(value, Mapping):
            raise InvalidValueError(
                f"message {prefix}.{key}", value, "a table with 'id' and 'en' texts"
            )
        _flatten(f"{prefix}.{key}", value, out)


# The files in pst_core/messages (tests/test_i18n.py holds this list to the folder). Named
# here, so a hostile key never reaches the file system.
_MESSAGE_FILES = ("calendar", "cli", "common", "reports", "standards", "states", "tariffs")


@cache
def _messages(group: str) -> Mapping[str, Mapping[Language, str]]:
    """The messages of one file (``calendar`` for ``calendar.toml``), read on first use.

    One file at a time: a deadline need not parse the tariffs' texts. Empty for a name
    that is not one of the files.
    """
    # The readers are shared; imported late to keep import cheap.
    from pst_core._files import package_text, parse_text

    out: dict[str, Mapping[Language, str]] = {}
    if group in _MESSAGE_FILES:
        file = f"messages/{group}.toml"
        _flatten(group, parse_text(package_text("pst_core", file), "toml", file=file), out)
    return MappingProxyType(out)


@cache
def catalogue() -> Mapping[str, Mapping[Language, str]]:
    """Every message key with its texts by language (read-only, read once).

    Examples:
        >>> catalogue()["common.month.3"]["id"]
        'Maret'
    """
    out: dict[str, Mapping[Language, str]] = {}
    for group in _MESSAGE_FILES:
        out.update(_messages(group))
    return MappingProxyType(out)


def text(key: str, language: Language = "en", /, **fields: object) -> str:
    """The message ``key`` in ``language``, its ``{fields}`` filled in.

    Raises:
        UnknownNameError: ``key`` is not in the catalogue.
        InvalidTypeError: ``key`` is not text.
        InvalidValueError: ``language`` is not one of `LANGUAGES`, or a field is missing.
    """
    if not isinstance(key, str):
        raise InvalidTypeError("message", key, "str")
    texts = _messages(key.partition(".")[0]).get(key)
    if texts is None:
        raise UnknownNameError("message", key, known=len(catalogue()))
    template = texts[check_language(language)]
    try:
        return template.format(**fields)
    except KeyError:
        raise InvalidValueError(
            f"message {key}", fields, f"the fields {sorted(_fields(template))}"
        ) from None


def weekday(day: int, language: Language = "en") -> str:
    """The name of weekday ``day`` (Monday is 0, as `datetime.date.weekday`).

    Examples:
        >>> weekday(4, "id")
        'Jumat'
    """
    return text(f"common.weekday.{_WEEKDAYS[day]}", language)


def month(number: int, language: Language = "en") -> str:
    """The name of month ``number`` (January is 1).

    Examples:
        >>> month(8, "id"), month(8, "en")
        ('Agustus', 'August')
    """
    return text(f"common.month.{number}", language)
