"""Reading and writing pst_core models as TOML or JSON, with errors that name the field path.

cattrs does the structuring (it knows attrs classes, tuples, unions and
Literals, and rejects unknown keys); this module adds strict hooks for the
plain value types every model uses (text, numbers, dates, instants, decimal
amounts, spans) and turns cattrs' nested exception groups into one
`DataFileError` naming the file and, for every problem, the field path, the
value and what is allowed. `DataModel` is the `SavedModel` (the file verbs of
`pst_core._files`) whose plain data a converter reads and writes.

It sits below the calendar and knows none of its types: a layer above passes
its own value types to `make_converter` as `ValueHooks`. The calendar does so
in `pst_core.calendar.converter`, whose converter and `DataModel` the models
holding durations or weekly hours use.

Private: the public face is those verbs on each model and `DataFileError`.
"""

from __future__ import annotations

import enum
import typing
from collections.abc import Callable, Iterator, Mapping
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any, ClassVar, TypeVar

import attrs
import cattrs
from cattrs.errors import (
    BaseValidationError,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)

from pst_core._files import (
    Format,
    SavedModel,
    check_plain,
    dumps_toml,
    format_text,
    parse_text,
    read_data,
    write_data,
)
from pst_core._validation import parse_instant, require_aware
from pst_core.errors import (
    DataFileError,
    FileProblem,
    InvalidTypeError,
    InvalidValueError,
    Phrase,
    PstError,
)

__all__ = [
    "DataModel",
    "Format",
    "SavedModel",
    "ValueHooks",
    "dumps_toml",
    "file_error",
    "format_text",
    "make_converter",
    "parse_text",
    "read_data",
    "structure",
    "unstructure",
    "write_data",
]

T = TypeVar("T")

_MISSING = object()


@attrs.frozen
class ValueHooks:
    """How one value type is read from plain data and written back (see `make_converter`).

    Attributes:
        kinds: The types it covers (a union alias such as ``Duration`` is one kind);
            ``kind | None`` is read too, ``None`` as ``None``.
        read: Plain data to the value; raises a `PstError` saying what is allowed.
        write: The value to plain data that ``read`` takes back.
    """

    kinds: tuple[Any, ...]
    read: Callable[[object], Any]
    write: Callable[[Any], object]

    def register(self, converter: cattrs.Converter) -> None:
        """Teach ``converter`` these hooks."""

        def hook(value: object, _: object) -> Any:
            return self.read(value)

        def optional_hook(value: object, _: object) -> Any:
            return None if value is None else self.read(value)

        for kind in self.kinds:
            converter.register_structure_hook(kind, hook)
            converter.register_structure_hook(kind | None, optional_hook)
        converter.register_unstructure_hook_func(lambda kind: kind in self.kinds, self.write)


def _structure_date(value: object, _: object) -> date:
    if isinstance(value, datetime):
        raise InvalidTypeError("date", value, Phrase("errors.expected.date_only"))
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise InvalidValueError("date", value, Phrase("errors.allowed.iso_date"))


def _structure_datetime(value: object, _: object) -> datetime:
    if isinstance(value, datetime):  # TOML's own date-times
        return require_aware(value, "datetime")
    return parse_instant(value, "datetime")


_DECIMAL_DIGITS = 24


def _structure_decimal(value: object, _: object) -> Decimal:
    # Floats are refused: 0.1 in a file is not 0.1 in binary, and money must be exact.
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise InvalidTypeError("amount", value, Phrase("errors.expected.amount"))
    try:
        result = Decimal(value)
    except InvalidOperation:
        raise InvalidValueError("amount", value, Phrase("errors.allowed.decimal")) from None
    if not result.is_finite():
        raise InvalidValueError("amount", value, Phrase("errors.allowed.finite_decimal"))
    # Refused before any arithmetic: Decimal('1E+999999999') quantizes for minutes.
    if abs(result.adjusted()) > _DECIMAL_DIGITS:
        raise InvalidValueError(
            "amount", value, Phrase("errors.allowed.decimal_digits", digits=_DECIMAL_DIGITS)
        )
    return result


def _structure_timedelta(value: object, _: object) -> timedelta:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise InvalidTypeError("seconds", value, Phrase("errors.expected.seconds"))
    return timedelta(seconds=value)


def _strict(kind: type, label: Phrase) -> Callable[[object, object], Any]:
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
                raise InvalidTypeError("value", value, Phrase("errors.expected.list"))
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


def make_converter(*values: ValueHooks) -> cattrs.Converter:
    """A converter that rejects unknown keys and knows pst_core's plain value types.

    Text, whole numbers and booleans are strict (``3`` is not text); tuples are
    read from lists; dates and instants from ISO text (an instant needs its
    offset); decimal amounts from whole numbers or decimal strings (never a
    float); spans from seconds. ``values`` teach it more types (the calendar's
    durations, hours and zones: `pst_core.calendar.converter`).
    """
    converter = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    converter.register_structure_hook(str, _strict(str, Phrase("errors.allowed.text")))
    converter.register_structure_hook(int, _strict(int, Phrase("errors.expected.whole_number")))
    converter.register_structure_hook(bool, _strict(bool, Phrase("errors.expected.boolean")))
    converter.register_structure_hook_factory(_is_homogeneous_tuple, _tuple_hook_factory(converter))
    converter.register_structure_hook(date, _structure_date)
    converter.register_structure_hook(datetime, _structure_datetime)
    converter.register_unstructure_hook(date, date.isoformat)
    converter.register_unstructure_hook(datetime, datetime.isoformat)
    converter.register_structure_hook(Decimal, _structure_decimal)
    converter.register_unstructure_hook(Decimal, str)
    converter.register_structure_hook(timedelta, _structure_timedelta)
    converter.register_unstructure_hook(timedelta, lambda span: span.total_seconds())
    for value in values:
        value.register(converter)
    return converter


_CONVERTER = make_converter()


def _allowed(kind: object) -> Phrase | tuple[str, ...]:
    """What a value of type ``kind`` may be: its values (a Literal, an Enum) or its kind."""
    if _is_homogeneous_tuple(kind):
        item = typing.get_args(kind)[0]
        if attrs.has(item):  # written in TOML as [[name]] tables
            return Phrase("errors.allowed.list_of_tables", name=item.__name__)
        return Phrase("errors.allowed.list_of", items=_kind(item))
    if kind is None:
        return Phrase("errors.allowed.valid_value")
    kind_said = _kind(kind)
    if isinstance(kind_said, tuple):
        return kind_said
    return Phrase("errors.allowed.value_of_type", name=kind_said)


def _kind(kind: object) -> str | tuple[str, ...]:
    """The values of a Literal or an Enum (shown as data), or the name of any other type."""
    if typing.get_origin(kind) is typing.Literal:
        return tuple(repr(v) for v in typing.get_args(kind))
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return tuple(repr(member.value) for member in kind)
    return getattr(kind, "__name__", None) or str(kind).replace("typing.", "")


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
            where,
            extra[0],
            Phrase("errors.allowed.fields", fields=tuple(known)),
            problem=Phrase("errors.problem.unknown_field"),
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
        allowed = _allowed_by(leaf)
        shown = leaf.value if value is _MISSING else value
        return FileProblem(where, shown, allowed)
    if value is _MISSING and isinstance(leaf, KeyError):
        missing = Phrase("errors.problem.missing_field")
        return FileProblem(where, None, _allowed(kind), problem=missing, shown="")
    return FileProblem(where, None if value is _MISSING else value, _allowed(kind))


def _allowed_by(error: PstError) -> Phrase:
    """What an error raised by a hook or validator says is allowed (or expected)."""
    for name in ("allowed_phrase", "expected_phrase"):
        said = getattr(error, name, None)
        if isinstance(said, Phrase):
            return said
    return error.phrase


def file_error(exc: BaseException, data: object, file: str) -> DataFileError:
    """One `DataFileError` listing every problem inside cattrs' exception groups."""
    problems = [_problem(leaf, path, kind, data) for leaf, path, kind in _leaves(exc, (), None)]
    return DataFileError.of(file, problems)


def structure(
    data: object, cls: type[T], *, file: str = "<data>", converter: cattrs.Converter = _CONVERTER
) -> T:
    """Build ``cls`` from plain data, or raise `DataFileError` naming every problem."""
    if not isinstance(data, Mapping):
        raise DataFileError(
            file, "", data, Phrase("errors.allowed.table_of_fields", name=cls.__name__)
        )
    check_plain(data, file)
    try:
        return converter.structure(data, cls)
    except (BaseValidationError, PstError, ValueError, TypeError, KeyError) as exc:
        raise file_error(exc, data, file) from None


def unstructure(model: object, *, converter: cattrs.Converter = _CONVERTER) -> dict[str, Any]:
    """Plain data (dicts, lists, strings, numbers) for ``model``; absent optionals left out."""
    data = _drop_none(converter.unstructure(model))
    if not isinstance(data, dict):
        raise InvalidTypeError("model", model, Phrase("errors.expected.attrs_model"))
    return data


def _drop_none(data: object) -> object:
    if isinstance(data, dict):
        return {k: _drop_none(v) for k, v in data.items() if v is not None}
    if isinstance(data, (list, tuple)):
        return [_drop_none(v) for v in data]
    return data


class DataModel(SavedModel):
    """A saved model read and written by a cattrs converter (unknown keys refused).

    The converter is `make_converter`'s plain one; a subclass whose fields hold
    other value types names a converter that knows them in ``_converter`` (as
    `pst_core.calendar.converter.DataModel` does for durations and weekly hours).
    """

    __slots__ = ()

    _converter: ClassVar[cattrs.Converter] = _CONVERTER

    @classmethod
    def _structure(cls: type[D], data: Mapping[str, Any], file: str) -> D:
        return structure(data, cls, file=file, converter=cls._converter)

    def _unstructure(self) -> dict[str, Any]:
        return unstructure(self, converter=self._converter)


D = TypeVar("D", bound=DataModel)
