"""pst_core's options (``pst_core.options``), in the style of pandas: ``set_option``,
``get_option``, ``reset_option``, ``option_context`` and attribute access
(``options.display.language``).

There is one option, ``display.language``: the language of notebook displays
(every ``_repr_html_``; ``to_html(language)`` chooses per call). Its default is the
locale's language, as for the command line (Indonesian when ``LC_ALL``,
``LC_MESSAGES`` or ``LANG`` is ``id_*``). It is held in a context variable, the one
setting pst_core keeps: each thread and asyncio task sees its own value.

Examples:
    >>> import pst_core
    >>> with pst_core.option_context("display.language", "id"):
    ...     pst_core.get_option("display.language")
    'id'
    >>> pst_core.options.display.language = "en"
    >>> pst_core.get_option("display.language")
    'en'
    >>> pst_core.reset_option("display.language")
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from pst_core.errors import InvalidValueError
from pst_core.i18n import (
    Language,
    display_language,
    reset_display_language,
    set_display_language,
)

__all__ = ["OPTIONS", "get_option", "option_context", "options", "reset_option", "set_option"]

OPTIONS = ("display.language",)
"""Every option's name."""


def _check(name: object) -> str:
    if name not in OPTIONS:
        raise InvalidValueError("name", name, OPTIONS)
    return str(name)


def get_option(name: str) -> Language:
    """The value of option ``name`` (``display.language``: the set one, else the locale's).

    Raises:
        InvalidValueError: ``name`` is not one of `OPTIONS`.
    """
    _check(name)
    return display_language()


def set_option(name: str, value: Language | None) -> None:
    """Set option ``name`` to ``value`` (``None``: back to its default).

    Raises:
        InvalidValueError: an unknown option, or a language pst_core does not speak.
    """
    _check(name)
    set_display_language(value)


def reset_option(name: str) -> None:
    """Set option ``name`` back to its default (``display.language``: the locale's)."""
    set_option(name, None)


@contextmanager
def option_context(name: str, value: Language | None) -> Iterator[None]:
    """Option ``name`` set to ``value`` inside a ``with`` block, restored after it."""
    _check(name)
    token = set_display_language(value)
    try:
        yield
    finally:
        reset_display_language(token)


class _Display:
    """``options.display``: the display options as attributes."""

    @property
    def language(self) -> Language:
        """The language of notebook displays (see `get_option`)."""
        return get_option("display.language")

    @language.setter
    def language(self, value: Language | None) -> None:
        set_option("display.language", value)


class _Options:
    """``pst_core.options``: every option as an attribute, grouped as in its name."""

    display = _Display()

    def __repr__(self) -> str:
        return f"options(display.language={self.display.language!r})"


options = _Options()
"""Every option as an attribute: ``options.display.language = "id"``."""
