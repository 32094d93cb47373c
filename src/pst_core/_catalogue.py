"""The message catalogue as files: every message's template, in both languages.

This is near the bottom of the package: it imports only `pst_core._resources`, so
that the errors (which say themselves in both languages) and `pst_core.i18n` (the
public, checking face of the catalogue) can both build on it.

The catalogue is a set of TOML files in ``pst_core/messages``, one per area. A
table with an ``id`` (Indonesian) and an ``en`` (English) text is one message; its
key is the file's name and the table's dotted name (``common.weekday.mon`` is
``[weekday.mon]`` of ``common.toml``). Both languages use the same ``{fields}``.
A message may carry notes about itself (`METADATA`: the glossary's terms say what
they replace), which are not texts.
A defect in these files is a defect of pst_core itself, so it raises a plain
``ValueError`` (the test suite reads every key).

Examples:
    >>> template("common.weekday.tue", "id")
    'Selasa'
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from functools import cache
from types import MappingProxyType

__all__ = [
    "LANGUAGE_CODES",
    "MESSAGE_FILES",
    "METADATA",
    "field_names",
    "messages",
    "template",
]

LANGUAGE_CODES = ("id", "en")
"""The languages of every message, Indonesian first (`pst_core.i18n.LANGUAGES` is typed)."""

# The files in pst_core/messages (tests/test_i18n.py holds this list to the folder). Named
# here, so a hostile key never reaches the file system.
MESSAGE_FILES = (
    "calendar",
    "cli",
    "common",
    "display",
    "errors",
    "glossary",
    "reports",
    "standards",
    "states",
    "tariffs",
)


METADATA = frozenset({"note", "replaces", "replaces_en", "keeps"})
"""Keys of a message table that are notes about it, not texts (see `pst_core.i18n.glossary`)."""


def field_names(text: str) -> frozenset[str]:
    """The ``{fields}`` a template fills in.

    Examples:
        >>> sorted(field_names("{field}: invalid value {value}"))
        ['field', 'value']
    """
    return frozenset(name for _, name, _, _ in string.Formatter().parse(text) if name)


def _flatten(prefix: str, table: Mapping[str, object], out: dict[str, Mapping[str, str]]) -> None:
    """Every message under ``table``: a table with ``id`` and ``en`` texts is one (and may
    hold more messages in sub-tables)."""
    texts = {k: table[k] for k in LANGUAGE_CODES if k in table}
    if texts:
        if set(texts) != set(LANGUAGE_CODES) or not all(isinstance(t, str) for t in texts.values()):
            raise ValueError(f"message {prefix}: needs an 'id' and an 'en' text, has {texts!r}")
        if len({field_names(str(t)) for t in texts.values()}) != 1:
            raise ValueError(f"message {prefix}: the languages fill in different fields")
        out[prefix] = MappingProxyType({k: str(v) for k, v in texts.items()})
    for key, value in table.items():
        if key in LANGUAGE_CODES or (texts and key in METADATA):
            continue
        if not isinstance(value, Mapping):
            raise ValueError(f"message {prefix}.{key}: a table with 'id' and 'en' texts, not text")
        _flatten(f"{prefix}.{key}", value, out)


@cache
def messages(group: str) -> Mapping[str, Mapping[str, str]]:
    """The messages of one file (``calendar`` for ``calendar.toml``), read on first use.

    One file at a time: a deadline need not parse the tariffs' texts. Empty for a name
    that is not one of `MESSAGE_FILES`.
    """
    # Late: importing the errors must not import the TOML reader (a CLI answer may need none).
    from pst_core._resources import package_text, tomllib

    out: dict[str, Mapping[str, str]] = {}
    if group in MESSAGE_FILES:
        _flatten(group, tomllib.loads(package_text("pst_core", f"messages/{group}.toml")), out)
    return MappingProxyType(out)


def template(key: str, language: str) -> str:
    """The text of message ``key`` in ``language``, its ``{fields}`` not yet filled in.

    Raises:
        KeyError: no such message or language (a defect of the caller inside pst_core;
            `pst_core.i18n.text` is the checking face for keys that come from outside).
    """
    return messages(key.partition(".")[0])[key][language]
