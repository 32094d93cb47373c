"""pst_core's data files: TOML and JSON text, read and written safely, and the saved-model verbs.

`SavedModel` gives every saved model the same verbs (`load`, `loads`,
`from_data`, `dump`, `dumps`, `to_data`); a subclass supplies how plain data
becomes the model and back. Reading refuses what could not be saved again or
would exhaust the interpreter (duplicate JSON keys, deep nesting, lone
surrogates, files that are not UTF-8) with one `DataFileError`.

Private: the public face is those verbs on each model and `DataFileError`.
This module imports nothing else from pst_core but its errors, so any layer
(the calendar included) can build on it.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import re
import secrets
import stat
import typing
from collections.abc import Mapping
from pathlib import Path, PurePath
from typing import Any, ClassVar, Literal, TypeVar

from pst_core.errors import DataFileError, InvalidTypeError, InvalidValueError, Phrase

__all__ = [
    "Format",
    "SavedModel",
    "dumps_toml",
    "format_text",
    "parse_text",
    "read_data",
    "write_data",
    "write_text_atomic",
]


Format = Literal["toml", "json"]
"""The text formats of pst_core's data files."""

_FORMATS: tuple[str, ...] = typing.get_args(Format)

# Deeper nesting than any pst_core model needs: refused before Python's recursion limit is.
_MAX_DEPTH = 64
_SURROGATE = re.compile("[\ud800-\udfff]")


class _DuplicateKeyError(ValueError):
    """A JSON object naming a key twice (TOML's reader refuses it as a syntax error)."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for key, value in pairs:
        if key in data:
            raise _DuplicateKeyError(key)
        data[key] = value
    return data


def _parse(text: str, format: Format) -> Any:
    if format == "json":
        return json.loads(text, object_pairs_hook=_unique_keys)
    from pst_core._resources import tomllib  # late: defining a model needs no TOML reader

    return tomllib.loads(text)


#: Integers past this many bits (about 4000 digits) cannot be written back as text.
_MAX_INT_BITS = 13_000
_MAX_INT_DIGITS = 4000

_TOO_DEEP = Phrase("errors.problem.nested_too_deep")
_LEVELS = Phrase("errors.allowed.levels", depth=_MAX_DEPTH)


def check_plain(data: object, file: str) -> None:
    """Refuse what loads but could not be saved again: deep nesting, lone surrogates.

    Run on parsed text and on data handed to ``from_data`` alike, so whatever loads saves.
    """
    stack: list[tuple[object, str, int]] = [(data, "", 0)]
    while stack:
        value, where, depth = stack.pop()
        if depth > _MAX_DEPTH:
            raise DataFileError(file, where, None, _LEVELS, problem=_TOO_DEEP, shown="")
        if isinstance(value, int) and value.bit_length() > _MAX_INT_BITS:
            allowed = Phrase("errors.allowed.saved_integer", digits=_MAX_INT_DIGITS)
            raise DataFileError(file, where, value, allowed)
        if isinstance(value, str):
            if _SURROGATE.search(value):
                raise DataFileError(file, where, value, Phrase("errors.allowed.no_surrogates"))
        elif isinstance(value, Mapping):
            for key, item in value.items():
                if _SURROGATE.search(key):
                    allowed = Phrase("errors.allowed.keys_no_surrogates")
                    raise DataFileError(file, where, key, allowed)
                stack.append((item, f"{where}.{key}" if where else key, depth + 1))
        elif isinstance(value, (list, tuple)):
            stack.extend((item, f"{where}[{i}]", depth + 1) for i, item in enumerate(value))


def parse_text(text: object, format: object, *, file: str | None = None) -> dict[str, Any]:
    """Parse TOML or JSON text into plain data; every failure is a `DataFileError`."""
    if format not in _FORMATS:
        raise InvalidValueError("format", format, _FORMATS)
    fmt = typing.cast(Format, format)
    name = file or f"<{fmt} text>"
    if not isinstance(text, str):
        raise InvalidTypeError("text", text, str)
    # A byte order mark (Notepad writes one) is no part of the text.
    text = text.removeprefix("\ufeff")
    try:
        data = _parse(text, fmt)
    except RecursionError:
        raise DataFileError(name, "", None, _LEVELS, problem=_TOO_DEEP, shown="") from None
    except _DuplicateKeyError as err:
        twice = Phrase("errors.problem.duplicate_key")
        raise DataFileError(
            name, "", err.key, Phrase("errors.allowed.unique_keys"), problem=twice
        ) from None
    except ValueError as err:  # TOMLDecodeError and JSONDecodeError are ValueErrors
        allowed = Phrase("errors.allowed.valid_format", format=fmt.upper())
        syntax = Phrase("errors.problem.syntax_error")
        # The parser's own words (English) are shown as the value, quoted: what it met, where.
        raise DataFileError(name, "", str(err), allowed, problem=syntax) from None
    if not isinstance(data, dict):
        raise DataFileError(name, "", data, Phrase("errors.allowed.top_table"))
    check_plain(data, name)
    return data


def _format_of(file: Path) -> Format:
    suffix = file.suffix.lower()[1:]
    if suffix not in _FORMATS:
        raise DataFileError(str(file), "", file.suffix, Phrase("errors.allowed.file_suffix"))
    return typing.cast(Format, suffix)


def _as_path(path: object) -> Path:
    if not isinstance(path, (str, PurePath)):
        raise InvalidTypeError("path", path, Phrase("errors.expected.path"))
    return Path(path)


def read_data(path: str | Path) -> dict[str, Any]:
    """Read a ``.toml`` or ``.json`` file into plain data; every failure names the file."""
    file = _as_path(path)
    fmt = _format_of(file)
    try:
        raw = file.read_bytes()
    except (OSError, ValueError) as err:  # ValueError: a NUL or a lone surrogate in the name
        problem = Phrase("errors.problem.cannot_read", reason=_os_reason(err))
        allowed = Phrase("errors.allowed.readable_file")
        raise DataFileError(str(file), "", str(file), allowed, problem=problem) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        byte = Phrase("errors.shown.byte_at", byte=f"0x{raw[err.start]:02x}", position=err.start)
        raise DataFileError(
            str(file),
            "",
            raw[err.start : err.start + 1],
            Phrase("errors.allowed.utf8"),
            problem=Phrase("errors.problem.not_utf8"),
            shown=byte,
        ) from None
    return parse_text(text, fmt, file=str(file))


def format_text(data: Mapping[str, Any], format: object) -> str:
    """Plain data as TOML or JSON text."""
    if format not in _FORMATS:
        raise InvalidValueError("format", format, _FORMATS)
    if format == "json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return dumps_toml(data)


def write_data(data: Mapping[str, Any], path: str | Path) -> None:
    """Write plain data as ``.json`` or ``.toml`` (by the file's suffix), atomically.

    The text is made in full before the file is touched, then written with
    `write_text_atomic`: a failure at any step leaves an existing file as it was.
    """
    file = _as_path(path)
    write_text_atomic(file, format_text(data, _format_of(file)))


def write_text_atomic(path: str | Path, text: str) -> None:
    """Write ``text`` as UTF-8 to ``path`` so that no failure can leave a partial file.

    The bytes go to a new temporary file in the same folder, are flushed to the
    disk (``fsync``) and only then renamed over ``path`` (``os.replace``, atomic
    on POSIX and Windows). Whatever fails (text that is not UTF-8, a full disk, a
    missing folder), an existing ``path`` keeps its old bytes and no temporary
    file is left behind. A file that existed keeps its permissions.

    Raises:
        DataFileError: the text cannot be encoded, or the file cannot be written
            (the reason said in words).

    Examples:
        >>> target = tmp_path / "note.txt"
        >>> write_text_atomic(target, "tenggat\\n")
        >>> target.read_text(encoding="utf-8")
        'tenggat\\n'
        >>> write_text_atomic(target, "x\\ud83d")
        Traceback (most recent call last):
        ...
        pst_core.errors.DataFileError: ...
        >>> target.read_text(encoding="utf-8")
        'tenggat\\n'
    """
    file = _as_path(path)
    if not isinstance(text, str):
        raise InvalidTypeError("text", text, str)
    try:
        payload = text.encode("utf-8")
    except UnicodeEncodeError as err:
        raise DataFileError(
            str(file), "", text[err.start : err.end], Phrase("errors.allowed.no_surrogates")
        ) from None
    temporary = file.with_name(f".{file.name}.{secrets.token_hex(6)}.tmp")
    try:
        mode = stat.S_IMODE(os.stat(file).st_mode)
    except OSError:
        mode = None
    try:
        # 0o666 and the process's umask: the permissions ``open(path, "w")`` would give.
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        try:
            with os.fdopen(fd, "wb") as stream:
                stream.write(payload)
                stream.flush()
                os.fsync(stream.fileno())
            if mode is not None:
                os.chmod(temporary, mode)
            os.replace(temporary, file)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise
    except (OSError, ValueError) as err:  # ValueError: a NUL or a lone surrogate in the name
        problem = Phrase("errors.problem.cannot_write", reason=_os_reason(err))
        allowed = Phrase("errors.allowed.writable_file")
        raise DataFileError(str(file), "", str(file), allowed, problem=problem) from None


# The reasons a file cannot be read or written that the catalogue says in words.
_OS_REASONS = frozenset(
    ("ENOENT", "EACCES", "EPERM", "EISDIR", "ENOTDIR", "ENOSPC", "EROFS", "ENAMETOOLONG")
)


def _os_reason(err: OSError | ValueError) -> Phrase:
    """Why the operating system refused, in words (its own ``strerror`` is English only)."""
    if not isinstance(err, OSError):  # the name itself cannot be handed to the system
        return Phrase("errors.os.bad_name")
    code = errno.errorcode.get(err.errno or 0, "")
    if code in _OS_REASONS:
        return Phrase(f"errors.os.{code}")
    return Phrase("errors.os.other", code=code or err.errno)


M = TypeVar("M", bound="SavedModel")


class SavedModel:
    """The one file convention of pst_core's saved models.

    A saved model reads with the classmethods ``load`` (a ``.toml``/``.json``
    file), ``loads`` (text) and ``from_data`` (plain data), and writes with the
    methods ``dump``, ``dumps`` and ``to_data``; every failure to read is one
    `DataFileError` listing every problem. A subclass that names a
    ``file_type`` writes it as the ``type`` key and refuses a file of another type.
    Subclasses needing context (a workflow's guards, a transaction's workflows)
    add keyword-only arguments to ``from_data``, ``load`` and ``loads``.
    """

    __slots__ = ()

    file_type: ClassVar[str | None] = None
    """The value of the ``type`` key in this model's files, or ``None`` for no such key."""

    @classmethod
    def _structure(cls: type[M], data: Mapping[str, Any], file: str) -> M:
        raise NotImplementedError

    def _unstructure(self) -> dict[str, Any]:
        raise NotImplementedError

    @classmethod
    def _body(cls, data: object, file: str) -> Mapping[str, Any]:
        """``data`` without its ``type`` key, after checking that key."""
        if not isinstance(data, Mapping):
            allowed = Phrase("errors.allowed.table_of_fields", name=cls.__name__)
            raise DataFileError(file, "", data, allowed)
        if cls.file_type is None:
            return data
        if data.get("type") != cls.file_type:
            missing = "type" not in data
            raise DataFileError(
                file,
                "type",
                data.get("type"),
                (repr(cls.file_type),),
                problem=Phrase(f"errors.problem.{'missing_field' if missing else 'invalid_value'}"),
                shown="" if missing else None,
            )
        return {key: value for key, value in data.items() if key != "type"}

    @classmethod
    def from_data(cls: type[M], data: Mapping[str, Any], *, file: str = "<data>") -> M:
        """Build the model from plain data (as read from TOML or JSON).

        Raises:
            DataFileError: naming ``file``, each field path, value and what is allowed.
        """
        check_plain(data, file)
        return cls._structure(cls._body(data, file), file)

    @classmethod
    def load(cls: type[M], path: str | Path) -> M:
        """Read the model from a ``.toml`` or ``.json`` file (by its suffix).

        Raises:
            DataFileError: the file cannot be read, is not valid TOML/JSON, or holds
                missing, unknown or invalid fields (every one is listed).
        """
        return cls.from_data(read_data(path), file=str(path))

    @classmethod
    def loads(cls: type[M], text: str, *, format: Format) -> M:
        """Read the model from TOML or JSON text."""
        return cls.from_data(parse_text(text, format), file=f"<{format} text>")

    def to_data(self) -> dict[str, Any]:
        """Plain data (dicts, lists, strings, numbers) that `from_data` reads back equal."""
        body = self._unstructure()
        return body if self.file_type is None else {"type": self.file_type, **body}

    def dump(self, path: str | Path) -> None:
        """Write the model to ``path`` as TOML or JSON, by the file's suffix."""
        write_data(self.to_data(), path)

    def dumps(self, format: Format = "json") -> str:
        """The model as TOML or JSON text that `loads` reads back equal."""
        return format_text(self.to_data(), format)


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        # JSON escapes the C0 controls; TOML also forbids a raw DEL in a string.
        return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    if isinstance(value, Mapping):
        return (
            "{ " + ", ".join(f"{_toml_key(k)} = {_toml_value(v)}" for k, v in value.items()) + " }"
        )
    raise InvalidTypeError("toml_value", value, Phrase("errors.expected.toml_value"))


def _toml_key(key: str) -> str:
    bare = re.fullmatch(r"[A-Za-z0-9_-]+", key) is not None
    return key if bare else _toml_value(key)


def _is_table_array(value: object) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, Mapping) for v in value)


def dumps_toml(data: Mapping[str, Any], prefix: str = "") -> str:
    """A small TOML writer for plain data (the standard library only reads TOML)."""
    lines: list[str] = []
    nested: list[tuple[str, Any]] = []
    for key, value in data.items():
        if isinstance(value, Mapping) or _is_table_array(value):
            nested.append((key, value))
        else:
            lines.append(f"{_toml_key(key)} = {_toml_value(value)}")
    out = "\n".join(lines)
    for key, value in nested:
        name = f"{prefix}.{_toml_key(key)}" if prefix else _toml_key(key)
        blocks = [value] if isinstance(value, Mapping) else value
        header = f"[{name}]" if isinstance(value, Mapping) else f"[[{name}]]"
        for block in blocks:
            body = dumps_toml(block, name)
            out += ("\n\n" if out else "") + header + ("\n" + body if body else "")
    return out + ("\n" if out and not prefix else "")
