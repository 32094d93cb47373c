"""argparse's own error messages, said in the language of ``--lang``.

argparse words its usage errors in English ("the following arguments are
required: ...", "argument --lang: invalid choice: ..."), through ``gettext``
bound when it is imported. Rather than install a translation for the whole
process, `say_usage_error` reads the message argparse built, recognises it by
its English template and says it again from the catalogue (``cli.argparse.*``),
the parts argparse filled in (option names, values, choices) kept as they are.

A value that a ``type=`` function refused with a `PstError` is said by that
error itself: it names the option and says what is allowed, in either language.

Examples:
    >>> say_usage_error("the following arguments are required: START, DURATION", "id")
    'argumen berikut wajib diisi: START, DURATION'
    >>> say_usage_error("argument --lang: invalid choice: 'fr' (choose from 'id', 'en')", "id")
    "argumen --lang: pilihan tidak sah: 'fr' (pilih dari 'id', 'en')"
"""

from __future__ import annotations

import re

from pst_core.errors import PstError
from pst_core.i18n import Language, text

__all__ = ["say_usage_error"]


def _compiled(pairs: tuple[tuple[str, str], ...]) -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(pattern, re.DOTALL), key) for pattern, key in pairs)


# argparse's messages (Python 3.10 to 3.13), each as a pattern of its template.
_MESSAGES = _compiled(
    (
        (r"the following arguments are required: (?P<names>.+)", "required"),
        (r"one of the arguments (?P<names>.+) is required", "one_required"),
        (r"unrecognized arguments: (?P<arguments>.*)", "unrecognized"),
        (r"ambiguous option: (?P<option>\S+) could match (?P<matches>.+)", "ambiguous"),
        (r"unexpected option string: (?P<option>.+)", "unexpected_option"),
        (r"argument (?P<argument>[^:]+): (?P<problem>.+)", "argument"),
    )
)

# What is wrong with one argument ("argument NAME: ..."). Matched in this order: the
# specific "expected one argument" forms before the counted one.
_PROBLEMS = _compiled(
    (
        (r"invalid choice: (?P<value>.+) \(choose from (?P<choices>.*)\)", "invalid_choice"),
        (r"invalid (?P<type>\S+) value: (?P<value>.+)", "invalid_type"),
        (r"expected one argument", "expected_one"),
        (r"expected at most one argument", "expected_at_most_one"),
        (r"expected at least one argument", "expected_at_least_one"),
        (r"expected (?P<count>\d+) arguments?", "expected_count"),
        (r"not allowed with argument (?P<other>.+)", "not_allowed_with"),
        (r"ignored explicit argument (?P<value>.+)", "ignored_explicit"),
    )
)


def _said(
    message: str, patterns: tuple[tuple[re.Pattern[str], str], ...], language: Language
) -> str | None:
    for pattern, key in patterns:
        match = pattern.fullmatch(message)
        if match is None:
            continue
        fields = match.groupdict()
        if key == "argument":
            fields["problem"] = _said(fields["problem"], _PROBLEMS, language) or fields["problem"]
        return text(f"cli.argparse.{key}", language, **fields)
    return None


def say_usage_error(message: str, language: Language, cause: BaseException | None = None) -> str:
    """argparse's error ``message`` in ``language``.

    ``cause`` is the exception argparse was handling when it reported the error: a
    `PstError` raised by a ``type=`` function says the message itself. An English
    message argparse words in a way not known here is kept as it is.
    """
    if isinstance(cause, PstError):
        return cause.describe(language)
    if language == "en":
        return message
    return _said(message, _MESSAGES, language) or message
