"""Every text pst_core says to a person, in Indonesian and English, from one catalogue.

The catalogue is a set of TOML files inside the package, one per subpackage
(``pst_core/messages/common.toml``, ``calendar.toml``, ...). Each table is one
message with an ``id`` (Indonesian) and an ``en`` (English) text; fields in
braces are filled by `text`. A message's key is the file's name and the
table's name: ``common.weekday.mon`` is the table ``[weekday.mon]`` of
``common.toml``. Both languages must exist and use the same fields (the
test suite checks every key).

Every domain term has one word in each language, listed in the glossary
(`glossary`, ``messages/glossary.toml``): the messages use those words, never a
variant the glossary replaces.

Examples:
    >>> from pst_core.i18n import text
    >>> text("common.weekday.tue", "id"), text("common.weekday.tue", "en")
    ('Selasa', 'Tuesday')
    >>> text("common.zone.WITA", "id")
    'WITA'
    >>> text("glossary.deadline", "id")
    'tenggat'
"""

from __future__ import annotations

import typing
from collections.abc import Mapping
from functools import cache
from types import MappingProxyType
from typing import Literal, NamedTuple

from pst_core._catalogue import MESSAGE_FILES, field_names, messages
from pst_core.errors import InvalidTypeError, InvalidValueError, Phrase, UnknownNameError

__all__ = [
    "LANGUAGES",
    "Language",
    "Term",
    "catalogue",
    "check_language",
    "glossary",
    "month",
    "text",
    "weekday",
]

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


@cache
def catalogue() -> Mapping[str, Mapping[Language, str]]:
    """Every message key with its texts by language (read-only, read once).

    Examples:
        >>> catalogue()["common.month.3"]["id"]
        'Maret'
    """
    out: dict[str, Mapping[Language, str]] = {}
    for group in MESSAGE_FILES:
        out.update(typing.cast(Mapping[str, Mapping[Language, str]], messages(group)))
    return MappingProxyType(out)


def text(key: str, language: Language = "en", /, **fields: object) -> str:
    """The message ``key`` in ``language``, its ``{fields}`` filled in.

    Raises:
        UnknownNameError: ``key`` is not in the catalogue.
        InvalidTypeError: ``key`` is not text.
        InvalidValueError: ``language`` is not one of `LANGUAGES`, or a field is missing.
    """
    if not isinstance(key, str):
        raise InvalidTypeError("key", key, str)
    texts = messages(key.partition(".")[0]).get(key)
    if texts is None:
        raise UnknownNameError(Phrase("errors.kind.message"), key, known=len(catalogue()))
    template = texts[check_language(language)]
    try:
        return template.format(**fields)
    except KeyError:
        raise InvalidValueError(
            key,
            fields,
            Phrase("errors.allowed.fields", fields=tuple(sorted(field_names(template)))),
        ) from None


class Term(NamedTuple):
    """One term of the glossary: its word in each language, and the words it replaces.

    Attributes:
        key: The term's name, e.g. ``"deadline"`` (its message is ``glossary.<key>``).
        id: The Indonesian word, e.g. ``"tenggat"``.
        en: The English word, e.g. ``"deadline"``.
        note: What the term names and why this word.
        replaces: Indonesian variants no message uses, e.g. ``("jatuh tempo",)``.
        replaces_en: English variants no message uses.
        keeps: Message keys that reproduce a source document's own wording and keep it.
    """

    key: str
    id: str
    en: str
    note: str
    replaces: tuple[str, ...] = ()
    replaces_en: tuple[str, ...] = ()
    keeps: tuple[str, ...] = ()

    def word(self, language: Language) -> str:
        """The term in ``language``."""
        return self.id if check_language(language) == "id" else self.en

    def variants(self, language: Language) -> tuple[str, ...]:
        """The words this term replaces in ``language``."""
        return self.replaces if check_language(language) == "id" else self.replaces_en


@cache
def glossary() -> Mapping[str, Term]:
    """Every domain term, by key, with its word in each language (read-only, read once).

    Examples:
        >>> term = glossary()["sla_clock"]
        >>> term.id, term.en, "jam SLA" in term.replaces
        ('hitungan waktu', 'clock', True)
        >>> glossary()["error"].word("id")
        'kesalahan'
    """
    from pst_core._resources import package_text, tomllib

    table = tomllib.loads(package_text("pst_core", "messages/glossary.toml"))
    return MappingProxyType(
        {
            key: Term(
                key,
                entry["id"],
                entry["en"],
                entry["note"],
                tuple(entry.get("replaces", ())),
                tuple(entry.get("replaces_en", ())),
                tuple(entry.get("keeps", ())),
            )
            for key, entry in table.items()
        }
    )


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
