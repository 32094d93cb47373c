"""Words not yet said in a language: the phrases every error (and message) is built from.

A `Phrase` is a key of the message catalogue and the fields to fill in; it is said
in Indonesian or English only when asked (``phrase.say("id")``), so building one
is cheap and an error raised in a loop never renders text nobody reads.

Private: `pst_core.errors` re-exports `Phrase` and `show_value`, the public face.
The other names here are the few kinds of phrase the errors compose (text that is
the same in every language, phrases said one after another, something that says
itself).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal, Protocol

from pst_core._catalogue import template

__all__ = [
    "Described",
    "Joined",
    "Language",
    "Phrase",
    "Verbatim",
    "as_phrase",
    "say",
    "show_value",
    "values_phrase",
]

Language = Literal["id", "en"]

_SHOWN_LIMIT = 120


def show_value(value: object) -> str:
    """How every error names a value: ``repr(value)``, cut short, never failing.

    A message names the value, it does not dump it. A value Python cannot ``repr``
    (an integer past ``sys.get_int_max_str_digits()``, or one nested too deep) is
    named by its type, never by a second exception.

    Examples:
        >>> show_value("5"), show_value(None)
        ("'5'", 'None')
        >>> show_value("x" * 500)[-24:]
        'xxxx... (502 characters)'
    """
    try:
        text = repr(value)
    except (ValueError, RecursionError):
        if isinstance(value, int):
            return f"<an integer of about {int(value.bit_length() * 0.30103) + 1} digits>"
        return f"<a {type(value).__name__} too large or too deep to show>"
    if len(text) <= _SHOWN_LIMIT:
        return text
    return f"{text[: _SHOWN_LIMIT - 20]}... ({len(text)} characters)"


class Phrase:
    """Words not yet said in a language: a message key of the catalogue and its fields.

    A field may be another `Phrase` (said in the same language), a tuple or list
    (its items said and joined with ", "; a tuple of types is said as alternatives,
    ``int or str``), a type (its name) or anything else (put in with ``str``: a name,
    a number, a value already shown with `show_value`).

    Examples:
        >>> p = Phrase("errors.allowed.whole_number_at_least", minimum=1)
        >>> p.say("en"), p.say("id")
        ('a whole number >= 1', 'bilangan bulat >= 1')
        >>> Phrase("errors.expected.types", types=(int, str)).say("id")
        'int atau str'
    """

    __slots__ = ("fields", "key")

    def __init__(self, key: str, /, **fields: object) -> None:
        self.key = key
        self.fields = fields

    def say(self, language: Language = "en") -> str:
        """The phrase in ``language`` (``"id"`` or ``"en"``)."""
        text = template(self.key, language)
        if not self.fields:
            return text
        return text.format(**{name: say(value, language) for name, value in self.fields.items()})

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Phrase):
            return NotImplemented
        return (self.key, self.fields) == (other.key, other.fields)

    def __hash__(self) -> int:
        return hash(self.key)

    def __repr__(self) -> str:
        fields = "".join(f", {name}={value!r}" for name, value in self.fields.items())
        return f"Phrase({self.key!r}{fields})"


def say(value: object, language: Language) -> str:
    """A phrase's field in ``language`` (see `Phrase` for what each kind of value becomes)."""
    if isinstance(value, Phrase):
        return value.say(language)
    if isinstance(value, (tuple, list)):
        if value and all(isinstance(item, type) for item in value):  # alternatives: a or b
            return template("errors.or", language).join(item.__name__ for item in value)
        return ", ".join(say(item, language) for item in value)
    return value.__name__ if isinstance(value, type) else str(value)


class Verbatim(Phrase):
    """Text that is the same in every language: a name, a path, a value already shown."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        super().__init__("")
        self.text = text

    def say(self, language: Language = "en") -> str:
        return self.text

    def __repr__(self) -> str:
        return f"Verbatim({self.text!r})"


class Joined(Phrase):
    """Phrases said one after the other, with nothing between (each brings its own "; ")."""

    __slots__ = ("parts",)

    def __init__(self, parts: Iterable[Phrase]) -> None:
        super().__init__("")
        self.parts = tuple(parts)

    def say(self, language: Language = "en") -> str:
        return "".join(part.say(language) for part in self.parts)


class _SaysItself(Protocol):
    def describe(self, language: Literal["id", "en"] = "en") -> str: ...


class Described(Phrase):
    """Something that says itself (``describe(language)``), as a phrase."""

    __slots__ = ("thing",)

    def __init__(self, thing: _SaysItself) -> None:
        super().__init__("")
        self.thing = thing

    def say(self, language: Language = "en") -> str:
        return self.thing.describe(language)


def as_phrase(words: Phrase | str) -> Phrase:
    """``words`` as a phrase; text is taken as it is (the same in every language).

    Text is for what is the same in every language (a name, a path, a value already
    shown): words a person reads are phrases of the catalogue, never text at a raise site
    (``tests/test_error_phrases.py`` reads every raise site of the package to hold it so).
    """
    return words if isinstance(words, Phrase) else Verbatim(words)


def values_phrase(allowed: Phrase | str | Iterable[object]) -> Phrase:
    """What is allowed: a phrase, or the allowed values themselves (names bare, others shown).

    Examples:
        >>> values_phrase(("toml", 2)).say("id")
        'toml, 2'
    """
    if isinstance(allowed, (Phrase, str)):
        return as_phrase(allowed)
    return Verbatim(
        ", ".join(item if isinstance(item, str) else show_value(item) for item in allowed)
    )
