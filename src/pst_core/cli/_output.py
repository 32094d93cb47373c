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
import sys
from typing import TextIO

from pst_core.i18n import Language, check_language, locale_language, text

__all__ = [
    "BROKEN_PIPE",
    "add_json_option",
    "error_line",
    "language_of",
    "locale_language",
    "prepare",
    "silence_stdout",
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


def error_line(prog: str, message: str, language: Language) -> str:
    """The one line every error of the command line is: ``PROG: error: MESSAGE``.

    ``error`` is the glossary's word for it in ``language`` (``kesalahan`` in Indonesian).

    Examples:
        >>> error_line("pst-core deadline", "START: nilai tidak sah '17/03'", "id")
        "pst-core deadline: kesalahan: START: nilai tidak sah '17/03'"
    """
    return text("cli.main.error", language, prog=prog, message=message)


def write_error(stream: TextIO | None, line: str) -> None:
    """Write one line to the error stream; a closed or broken error stream is ignored."""
    if stream is None:
        return
    try:
        stream.write(f"{line}\n")
        stream.flush()
    except (OSError, ValueError):
        pass
