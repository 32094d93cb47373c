"""The process's standard streams, made safe for a command-line tool.

A command line meets streams that Python's defaults handle with a traceback:
a reader that stops early (``pst-core info | head -1`` closes the pipe), a
standard output closed by the shell (``pst-core info >&-``: Python then sets
``sys.stdout`` to ``None``), or an encoding that cannot show Indonesian text
(``PYTHONIOENCODING=ascii``). These helpers turn each into a plain outcome.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import sys
from typing import Any, TextIO

from pst_core.i18n import Language, check_language, locale_language, text

__all__ = [
    "BROKEN_PIPE",
    "TerminalSafe",
    "add_json_option",
    "error_line",
    "language_of",
    "locale_language",
    "prepare",
    "silence_stdout",
    "terminal_safe",
    "warning_line",
    "write_error",
    "write_json",
]

BROKEN_PIPE = 141
"""Exit status when the reader closed standard output: what a shell reports for a
process ended by ``SIGPIPE`` (128 + 13), so ``set -o pipefail`` scripts still see it."""


def add_json_option(parser: argparse.ArgumentParser) -> None:
    """Add ``--json``: the result as the library's ``to_data()`` shape instead of text."""
    parser.add_argument(
        "--json",
        action="store_true",
        help="print the result as JSON (the shape of the library's to_data(), documented "
        "in the reference)",
    )


def write_json(out: TextIO, data: object) -> None:
    """``data`` as indented JSON, non-ASCII text kept as it is (Indonesian names).

    Example:
        >>> import io
        >>> out = io.StringIO()
        >>> write_json(out, {"name": "Hari Suci Nyepi", "working": False})
        >>> print(out.getvalue(), end="")
        {
          "name": "Hari Suci Nyepi",
          "working": false
        }
    """
    import json

    out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def language_of(args: argparse.Namespace) -> Language:
    """The language a subcommand speaks: ``args.language``, which `pst_core.cli.main` sets
    from ``--lang`` or the locale (English when a subcommand is run without it)."""
    return check_language(getattr(args, "language", None) or "en")


def prepare(*streams: TextIO | None) -> None:
    """Let each stream show any text: characters its encoding lacks are replaced, not fatal."""
    for stream in streams:
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            # A stream that refuses (already written to, detached) keeps its own handler.
            with contextlib.suppress(OSError, ValueError):
                reconfigure(errors="replace")


def silence_stdout() -> None:
    """Point the standard output's descriptor at the null device.

    After the reader closed the pipe, the interpreter's final flush of
    ``sys.stdout`` would raise ``BrokenPipeError`` again (as "Exception ignored").
    """
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (AttributeError, OSError, ValueError):  # pragma: no cover - no descriptor to redirect
        pass


# Everything a terminal acts on rather than shows: C0 controls but tab and newline (and
# the carriage return of a CSV line end), DEL and C1 (ESC paints, CSI moves the cursor),
# the line and paragraph separators, the bidirectional marks and overrides (U+202E
# reverses what follows) and lone surrogates.
_UNSAFE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029"
    "\u202a-\u202e\u2066-\u2069\ud800-\udfff]|\r(?!\n)"
)
_ONE_LINE_UNSAFE = re.compile(_UNSAFE.pattern + "|[\n\t\r]")


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal_safe(text: str, *, one_line: bool = False) -> str:
    r"""``text`` with every character a terminal would act on escaped visibly (``\x1b``).

    The one filter of everything the command line prints: text that came from a
    file or a user cannot paint the terminal, move its cursor, reverse what follows
    or forge a line. Tabs and newlines pass, unless ``one_line`` (an error line).

    Examples:
        >>> terminal_safe("Libur\x1b[31m merah\u202e")
        'Libur\\x1b[31m merah\\u202e'
        >>> terminal_safe("a\nb"), terminal_safe("a\nb", one_line=True)
        ('a\nb', 'a\\x0ab')
    """
    pattern = _ONE_LINE_UNSAFE if one_line else _UNSAFE
    return pattern.sub(_escaped, text)


class TerminalSafe:
    """A text stream that writes through `terminal_safe`: what every command writes to."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        """Write ``text`` with its unsafe characters escaped."""
        return self.stream.write(terminal_safe(text))

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream, name)


def error_line(prog: str, message: str, language: Language) -> str:
    """The one line every error of the command line is: ``PROG: error: MESSAGE``.

    ``error`` is the glossary's word for it in ``language`` (``kesalahan`` in Indonesian).

    Examples:
        >>> error_line("pst-core deadline", "START: nilai tidak sah '17/03'", "id")
        "pst-core deadline: kesalahan: START: nilai tidak sah '17/03'"
    """
    return text("cli.main.error", language, prog=prog, message=message)


def warning_line(prog: str, message: str, language: Language) -> str:
    """A warning's one line: ``PROG: warning: MESSAGE`` (``peringatan`` in Indonesian).

    Examples:
        >>> warning_line("pst-core deadline", "kantor.toml: closures[0] ...", "id")
        'pst-core deadline: peringatan: kantor.toml: closures[0] ...'
    """
    return text("cli.main.warning", language, prog=prog, message=message)


def write_error(stream: TextIO | None, line: str) -> None:
    """Write one line to the error stream; a closed or broken error stream is ignored."""
    if stream is None:
        return
    try:
        stream.write(f"{terminal_safe(line, one_line=True)}\n")
        stream.flush()
    except (OSError, ValueError):
        pass
