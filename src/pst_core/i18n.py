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

import os
import typing
from collections.abc import Mapping
from contextvars import ContextVar
from decimal import Decimal
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
    "clock_name",
    "display_language",
    "glossary",
    "locale_language",
    "month",
    "number",
    "reset_display_language",
    "set_display_language",
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


def number(
    value: Decimal | int | float, language: Language = "en", *, places: int | None = None
) -> str:
    """A number as a person writes it in ``language``: the one format of every text,
    table and chart. Indonesian groups thousands with a dot and marks decimals with a
    comma (``1.234,5``), English the other way round (``1,234.5``).

    ``places`` rounds to that many decimals (half away from zero, as people round);
    without it a `Decimal` keeps its own places and a float shows as Python writes it.

    Examples:
        >>> number(Decimal("1234.5"), "id"), number(Decimal("1234.5"), "en")
        ('1.234,5', '1,234.5')
        >>> number(76.614, "id", places=2), number(2000, "id"), number(-0.5, "en", places=0)
        ('76,61', '2.000', '-1')
    """
    check_language(language)
    exact = value if isinstance(value, (Decimal, int)) else Decimal(repr(value))
    if places is not None:
        exact = Decimal(exact).quantize(Decimal(1).scaleb(-places), rounding="ROUND_HALF_UP")
    shown = f"{exact:,}"
    return shown.translate(_ID_MARKS) if language == "id" else shown


_ID_MARKS = str.maketrans({",": ".", ".": ","})


def clock_name(name: str, language: Language = "en") -> str:
    """An SLA clock's name as a person reads it: the built-in clocks' names are said in
    ``language`` (``service`` is *layanan*); a unit's own clock keeps the name its
    workflow file gives it.

    Examples:
        >>> clock_name("service", "id"), clock_name("wait", "id"), clock_name("loan", "id")
        ('layanan', 'tunggu', 'loan')
    """
    key = f"display.clock.{name}"
    return text(key, language) if key in messages("display") else name


# -- the display language of notebooks ------------------------------------------------------

_LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")

_DISPLAY: ContextVar[Language | None] = ContextVar("pst_core_display_language", default=None)


def locale_language(environ: Mapping[str, str] | None = None) -> Language:
    """``"id"`` when the locale of messages is Indonesian (``id_ID.UTF-8``, ``id``), else ``"en"``.

    The first of ``LC_ALL``, ``LC_MESSAGES``, ``LANG`` that is set decides, as POSIX
    says; ``environ`` defaults to the process's environment.

    Examples:
        >>> locale_language({"LANG": "id_ID.UTF-8"}), locale_language({"LANG": "en_US.UTF-8"})
        ('id', 'en')
        >>> locale_language({"LC_ALL": "C", "LANG": "id_ID.UTF-8"})
        'en'
        >>> locale_language({})
        'en'
    """
    found = os.environ if environ is None else environ
    for name in _LOCALE_VARIABLES:
        value = found.get(name, "")
        if value:
            code = value.split(".", 1)[0].split("@", 1)[0].split("_", 1)[0]
            return "id" if code.lower() == "id" else "en"
    return "en"


def display_language() -> Language:
    """The language of notebook displays (``_repr_html_``): the one set with
    `set_display_language` (``pst_core.set_option("display.language", ...)``), else
    the locale's, as for the command line.

    Examples:
        >>> token = set_display_language("id")
        >>> display_language()
        'id'
        >>> set_display_language(None) is not None
        True
    """
    chosen = _DISPLAY.get()
    return locale_language() if chosen is None else chosen


def set_display_language(language: Language | None) -> object:
    """Set the language of notebook displays (``None``: back to the locale's).

    The setting is a context variable, the one setting pst_core keeps: each thread
    and each asyncio task sees its own. Returns a token for `reset_display_language`.

    Raises:
        InvalidValueError: ``language`` is neither ``None`` nor one of `LANGUAGES`.
    """
    return _DISPLAY.set(None if language is None else check_language(language))


def reset_display_language(token: object) -> None:
    """Undo the `set_display_language` call that gave ``token``."""
    _DISPLAY.reset(token)  # type: ignore[arg-type]
