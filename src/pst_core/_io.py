"""Reading and writing pst_core models as TOML or JSON, with errors that name the field path.

cattrs does the structuring (it knows attrs classes, tuples, unions and
Literals, and rejects unknown keys); this module adds the hooks for pst_core's
own value types and turns cattrs' nested exception groups into one
`DataFileError` naming the file and, for every problem, the field path, the
value and what is allowed. `DataModel` gives every saved model the same verbs
(`load`, `loads`, `from_data`, `dump`, `dumps`, `to_data`).

Private: the public face is those verbs on each model and `DataFileError`.
"""

from __future__ import annotations

import enum
import json
import re
import sys
import typing
from collections.abc import Callable, Iterator, Mapping
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from pathlib import Path, PurePath
from typing import Any, ClassVar, Literal, TypeVar
from zoneinfo import ZoneInfo

import attrs
import cattrs
from cattrs.errors import (
    BaseValidationError,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)

from pst_core.calendar.durations import (
    CalendarDays,
    CalendarMonths,
    Duration,
    WorkingDays,
    WorkingTime,
    parse_duration,
)
from pst_core.calendar.hours import WorkingHours
from pst_core.calendar.zones import zone_info
from pst_core.errors import (
    DataFileError,
    FileProblem,
    InvalidTypeError,
    InvalidValueError,
    PstError,
)

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib  # type: ignore[import-not-found, unused-ignore]

__all__ = [
    "DataModel",
    "Format",
    "file_error",
    "format_text",
    "make_converter",
    "parse_text",
    "read_data",
    "structure",
    "tomllib",
    "unstructure",
    "write_data",
]

T = TypeVar("T")

_MISSING = object()


def _duration_text(duration: Duration) -> str:
    if isinstance(duration, WorkingTime):
        seconds = duration.span.total_seconds()
        if seconds % 60:
            raise InvalidValueError("duration", duration, "whole minutes when written to a file")
        return f"{int(seconds // 60)} menit"
    return duration.label_id


def _structure_duration(value: object, _: object) -> Duration:
    if not isinstance(value, str):
        raise InvalidTypeError("duration", value, "a duration phrase such as '3 hari kerja'")
    return parse_duration(value)


def _structure_optional_duration(value: object, _: object) -> Duration | None:
    return None if value is None else _structure_duration(value, _)


def _structure_hours(value: object, _: object) -> WorkingHours:
    if not isinstance(value, Mapping):
        raise InvalidTypeError(
            "hours", value, "a table of day names to windows, e.g. { mon-thu = '08:00-15:30' }"
        )
    return WorkingHours.parse(value)


def _hours_data(hours: WorkingHours) -> dict[str, list[str]]:
    names = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
    return {names[day]: [str(w) for w in hours.on(day)] for day in range(7) if hours.on(day)}


def _structure_date(value: object, _: object) -> date:
    if isinstance(value, datetime):
        raise InvalidTypeError("date", value, "a date without a time, e.g. 2026-03-17")
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise InvalidValueError("date", value, "an ISO date, e.g. 2026-03-17")


def _structure_datetime(value: object, _: object) -> datetime:
    if isinstance(value, datetime):
        parsed = value
    elif isinstance(value, str):
        try:
            parsed = datetime.fromisoformat(value)
        except ValueError:
            raise InvalidValueError(
                "datetime", value, "an ISO datetime with offset, e.g. 2026-03-17T14:00:00+07:00"
            ) from None
    else:
        raise InvalidTypeError("datetime", value, "an ISO datetime string")
    if parsed.tzinfo is None:
        raise InvalidValueError(
            "datetime", value, "a datetime with a UTC offset, e.g. 2026-03-17T14:00:00+07:00"
        )
    return parsed


_DECIMAL_DIGITS = 24


def _structure_decimal(value: object, _: object) -> Decimal:
    # Floats are refused: 0.1 in a file is not 0.1 in binary, and money must be exact.
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise InvalidTypeError("amount", value, "a whole number or a decimal string such as '1500'")
    try:
        result = Decimal(value)
    except InvalidOperation:
        raise InvalidValueError("amount", value, "a decimal number such as '1500'") from None
    if not result.is_finite():
        raise InvalidValueError("amount", value, "a finite decimal number")
    # Refused before any arithmetic: Decimal('1E+999999999') quantizes for minutes.
    if abs(result.adjusted()) > _DECIMAL_DIGITS:
        raise InvalidValueError(
            "amount", value, f"a decimal number of at most {_DECIMAL_DIGITS} digits each side"
        )
    return result


def _structure_zone(value: object, _: object) -> ZoneInfo:
    return zone_info(value)


def _structure_timedelta(value: object, _: object) -> timedelta:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise InvalidTypeError("seconds", value, "a number of seconds")
    return timedelta(seconds=value)


def _strict(kind: type, label: str) -> Callable[[object, object], Any]:
    """cattrs would call ``str(3)``; a file that says 3 where text belongs is wrong."""

    def hook(value: object, _: object) -> Any:
        if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
            raise InvalidTypeError("value", value, label)
        return value

    return hook


def _is_homogeneous_tuple(kind: object) -> bool:
    args = typing.get_args(kind)
    return typing.get_origin(kind) is tuple and len(args) == 2 and args[1] is Ellipsis


def _tuple_hook_factory(converter: cattrs.Converter) -> Callable[[Any], Any]:
    def factory(kind: Any) -> Callable[[object, object], tuple[Any, ...]]:
        item_type = typing.get_args(kind)[0]

        def hook(value: object, _: object) -> tuple[Any, ...]:
            if not isinstance(value, (list, tuple)):
                raise InvalidTypeError("value", value, "a list")
            items: list[Any] = []
            errors: list[Exception] = []
            for index, item in enumerate(value):
                try:
                    items.append(converter.structure(item, item_type))
                except Exception as exc:  # collected and re-raised with their index below
                    note = IterableValidationNote(f"@ index {index}", index, item_type)
                    setattr(exc, "__notes__", [*getattr(exc, "__notes__", []), note])  # noqa: B010
                    errors.append(exc)
            if errors:
                raise IterableValidationError(f"While structuring {kind!r}", errors, kind)
            return tuple(items)

        return hook

    return factory


def make_converter() -> cattrs.Converter:
    """A converter that knows pst_core's value types and rejects unknown keys."""
    converter = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    converter.register_structure_hook(str, _strict(str, "text"))
    converter.register_structure_hook(int, _strict(int, "a whole number"))
    converter.register_structure_hook(bool, _strict(bool, "true or false"))
    converter.register_structure_hook_factory(_is_homogeneous_tuple, _tuple_hook_factory(converter))
    for kind in (WorkingTime, WorkingDays, CalendarDays, CalendarMonths, Duration):
        converter.register_structure_hook(kind, _structure_duration)
    converter.register_unstructure_hook_func(
        lambda t: t in (WorkingTime, WorkingDays, CalendarDays, CalendarMonths, Duration),
        _duration_text,
    )
    converter.register_structure_hook(Duration | None, _structure_optional_duration)
    converter.register_structure_hook(WorkingHours, _structure_hours)
    converter.register_unstructure_hook(WorkingHours, _hours_data)
    converter.register_structure_hook(date, _structure_date)
    converter.register_structure_hook(datetime, _structure_datetime)
    converter.register_unstructure_hook(date, date.isoformat)
    converter.register_unstructure_hook(datetime, datetime.isoformat)
    converter.register_structure_hook(Decimal, _structure_decimal)
    converter.register_unstructure_hook(Decimal, str)
    converter.register_structure_hook(ZoneInfo, _structure_zone)
    converter.register_unstructure_hook(ZoneInfo, lambda zone: zone.key)
    converter.register_structure_hook(timedelta, _structure_timedelta)
    converter.register_unstructure_hook(timedelta, lambda span: span.total_seconds())
    return converter


_CONVERTER = make_converter()


def _allowed(kind: object) -> str:
    origin = typing.get_origin(kind)
    if origin is typing.Literal:
        return ", ".join(repr(v) for v in typing.get_args(kind))
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return ", ".join(repr(member.value) for member in kind)
    if kind is None:
        return "a valid value"
    if _is_homogeneous_tuple(kind):
        item = typing.get_args(kind)[0]
        if attrs.has(item):  # written in TOML as [[name]] tables
            return f"a list of {item.__name__} tables"
        return f"a list of {_allowed(item).removeprefix('a value of type ')}"
    name = getattr(kind, "__name__", None) or str(kind).replace("typing.", "")
    return f"a value of type {name}"


def _lookup(data: object, path: tuple[object, ...]) -> object:
    for key in path:
        try:
            data = data[key]  # type: ignore[index]
        except (KeyError, IndexError, TypeError):
            return _MISSING
    return data


def _format_path(path: tuple[object, ...]) -> str:
    text = ""
    for key in path:
        text += f"[{key}]" if isinstance(key, int) else (f".{key}" if text else str(key))
    return text


def _leaves(
    exc: BaseException, path: tuple[object, ...], kind: object
) -> Iterator[tuple[BaseException, tuple[object, ...], object]]:
    """Walk cattrs' exception groups down to every real error, with its field path."""
    if isinstance(exc, IterableValidationError):
        items, loose = exc.group_exceptions()
        for inner, item in items:
            yield from _leaves(inner, (*path, item.index), item.type)
        for inner in loose:
            yield from _leaves(inner, path, kind)
    elif isinstance(exc, ClassValidationError):
        fields, own = exc.group_exceptions()
        for inner in own:  # errors of the class itself (extra keys, validators) come first
            yield from _leaves(inner, path, kind)
        for inner, attribute in fields:
            yield from _leaves(inner, (*path, attribute.name), attribute.type)
    elif isinstance(exc, BaseValidationError):
        for inner in exc.exceptions:
            yield from _leaves(inner, path, kind)
    else:
        yield exc, path, kind


def _problem(
    leaf: BaseException, path: tuple[object, ...], kind: object, data: object
) -> FileProblem:
    if isinstance(leaf, ForbiddenExtraKeysError):
        extra = sorted(leaf.extra_fields)
        known = sorted(a.name for a in attrs.fields(leaf.cl))
        where = _format_path((*path, extra[0]))
        return FileProblem(
            where, extra[0], "the fields " + ", ".join(known), problem="unknown field"
        )
    value = _lookup(data, path)
    where = _format_path(path)
    if isinstance(leaf, PstError):
        field = getattr(leaf, "field", "")
        # A validator names "Class.attribute[.sub...]": keep what follows the class name.
        attribute = field.partition(".")[2]
        if attribute and not where.endswith(attribute):
            where = _format_path((*path, attribute))
            value = _lookup(data, (*path, attribute))
        allowed = getattr(leaf, "allowed", None) or getattr(leaf, "expected", None) or str(leaf)
        shown = leaf.value if value is _MISSING else value
        return FileProblem(where, shown, allowed)
    if value is _MISSING and isinstance(leaf, KeyError):
        return FileProblem(where, None, _allowed(kind), problem="missing required field", shown="")
    return FileProblem(where, None if value is _MISSING else value, _allowed(kind))


def file_error(exc: BaseException, data: object, file: str) -> DataFileError:
    """One `DataFileError` listing every problem inside cattrs' exception groups."""
    problems = [_problem(leaf, path, kind, data) for leaf, path, kind in _leaves(exc, (), None)]
    return DataFileError.of(file, problems)


def structure(data: object, cls: type[T], *, file: str = "<data>") -> T:
    """Build ``cls`` from plain data, or raise `DataFileError` naming every problem."""
    if not isinstance(data, Mapping):
        raise DataFileError(file, "", data, f"a table of {cls.__name__} fields")
    try:
        return _CONVERTER.structure(data, cls)
    except (BaseValidationError, PstError, ValueError, TypeError, KeyError) as exc:
        raise file_error(exc, data, file) from None


def unstructure(model: object) -> dict[str, Any]:
    """Plain data (dicts, lists, strings, numbers) for ``model``; absent optionals left out."""
    data = _drop_none(_CONVERTER.unstructure(model))
    if not isinstance(data, dict):
        raise InvalidTypeError("model", model, "an attrs model")
    return data


def _drop_none(data: object) -> object:
    if isinstance(data, dict):
        return {k: _drop_none(v) for k, v in data.items() if v is not None}
    if isinstance(data, (list, tuple)):
        return [_drop_none(v) for v in data]
    return data


Format = Literal["toml", "json"]
"""The text formats of pst_core's data files."""

_FORMATS: tuple[str, ...] = typing.get_args(Format)

# Deeper nesting than any pst_core model needs: refused before Python's recursion limit is.
_MAX_DEPTH = 64
_SURROGATE = re.compile("[\ud800-\udfff]")


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for key, value in pairs:
        if key in data:
            raise ValueError(f"duplicate key {key!r}")
        data[key] = value
    return data


def _parse(text: str, format: Format) -> Any:
    if format == "json":
        return json.loads(text, object_pairs_hook=_unique_keys)
    return tomllib.loads(text)


def _check_plain(data: object, file: str) -> None:
    """Refuse what loads but could not be saved again: deep nesting, lone surrogates."""
    stack: list[tuple[object, str, int]] = [(data, "", 0)]
    while stack:
        value, where, depth = stack.pop()
        if depth > _MAX_DEPTH:
            raise DataFileError(
                file,
                where,
                None,
                f"at most {_MAX_DEPTH} levels",
                problem="nested too deep",
                shown="",
            )
        if isinstance(value, str):
            if _SURROGATE.search(value):
                raise DataFileError(file, where, value, "text without lone surrogate code points")
        elif isinstance(value, Mapping):
            for key, item in value.items():
                if _SURROGATE.search(key):
                    raise DataFileError(file, where, key, "keys without lone surrogate code points")
                stack.append((item, f"{where}.{key}" if where else key, depth + 1))
        elif isinstance(value, list):
            stack.extend((item, f"{where}[{i}]", depth + 1) for i, item in enumerate(value))


def parse_text(text: object, format: object, *, file: str | None = None) -> dict[str, Any]:
    """Parse TOML or JSON text into plain data; every failure is a `DataFileError`."""
    if format not in _FORMATS:
        raise InvalidValueError("format", format, _FORMATS)
    fmt = typing.cast(Format, format)
    name = file or f"<{fmt} text>"
    if not isinstance(text, str):
        raise InvalidTypeError("text", text, "str")
    try:
        data = _parse(text, fmt)
    except RecursionError:
        raise DataFileError(
            name, "", None, f"at most {_MAX_DEPTH} levels", problem="nested too deep", shown=""
        ) from None
    except ValueError as err:  # TOMLDecodeError and JSONDecodeError are ValueErrors
        raise DataFileError(
            name, "", str(err), f"valid {fmt.upper()}", problem="syntax error"
        ) from None
    if not isinstance(data, dict):
        raise DataFileError(name, "", data, "a table at the top level")
    _check_plain(data, name)
    return data


def _format_of(file: Path) -> Format:
    suffix = file.suffix.lower()[1:]
    if suffix not in _FORMATS:
        raise DataFileError(str(file), "", file.suffix, "a .toml or .json file")
    return typing.cast(Format, suffix)


def _as_path(path: object) -> Path:
    if not isinstance(path, (str, PurePath)):
        raise InvalidTypeError("path", path, "a str or pathlib.Path")
    return Path(path)


def read_data(path: str | Path) -> dict[str, Any]:
    """Read a ``.toml`` or ``.json`` file into plain data; every failure names the file."""
    file = _as_path(path)
    fmt = _format_of(file)
    try:
        raw = file.read_bytes()
    except OSError as err:
        raise DataFileError(
            str(file), "", str(file), "a readable file", problem=f"cannot read ({err.strerror})"
        ) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        raise DataFileError(str(file), "", str(err), "UTF-8 text", problem="not UTF-8") from None
    return parse_text(text, fmt, file=str(file))


def format_text(data: Mapping[str, Any], format: object) -> str:
    """Plain data as TOML or JSON text."""
    if format not in _FORMATS:
        raise InvalidValueError("format", format, _FORMATS)
    if format == "json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return dumps_toml(data)


def write_data(data: Mapping[str, Any], path: str | Path) -> None:
    """Write plain data as ``.json`` or ``.toml`` (by the file's suffix)."""
    file = _as_path(path)
    text = format_text(data, _format_of(file))
    try:
        file.write_text(text, encoding="utf-8")
    except OSError as err:
        raise DataFileError(
            str(file),
            "",
            str(file),
            "a writable file in an existing folder",
            problem=f"cannot write ({err.strerror})",
        ) from None


M = TypeVar("M", bound="DataModel")


class DataModel:
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
        return structure(data, cls, file=file)

    def _unstructure(self) -> dict[str, Any]:
        return unstructure(self)

    @classmethod
    def _body(cls, data: object, file: str) -> Mapping[str, Any]:
        """``data`` without its ``type`` key, after checking that key."""
        if not isinstance(data, Mapping):
            raise DataFileError(file, "", data, f"a table of {cls.__name__} fields")
        if cls.file_type is None:
            return data
        if data.get("type") != cls.file_type:
            problem = "missing required field" if "type" not in data else "invalid value"
            raise DataFileError(
                file,
                "type",
                data.get("type"),
                repr(cls.file_type),
                problem=problem,
                shown="" if "type" not in data else None,
            )
        return {key: value for key, value in data.items() if key != "type"}

    @classmethod
    def from_data(cls: type[M], data: Mapping[str, Any], *, file: str = "<data>") -> M:
        """Build the model from plain data (as read from TOML or JSON).

        Raises:
            DataFileError: naming ``file``, each field path, value and what is allowed.
        """
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
    raise InvalidTypeError("toml value", value, "str, int, float, bool, list or table")


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
