"""Every error is built from phrases of the catalogue, never from English text at the raise site.

An error's words (what is allowed, what was expected, what went wrong, the kind of
name) must be a `Phrase` (or the allowed values themselves), so that
``describe("id")`` is Indonesian. This test reads the source: any text literal
(a string, an f-string, a sum of strings) given in one of those places fails it.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

import pst_core

ROOT = Path(pst_core.__file__).parent

_MESSAGE = ((0,), ("message",))
# Where each error (or validator helper) takes words: argument positions and keywords.
WORDS: dict[str, tuple[tuple[int, ...], tuple[str, ...]]] = {
    "PstError": _MESSAGE,
    "CalendarError": _MESSAGE,
    "NoWorkingTimeError": _MESSAGE,
    "InvalidEvidenceError": _MESSAGE,
    "InvalidWorkflowError": _MESSAGE,
    "InvalidTransitionError": _MESSAGE,
    "EventOrderError": _MESSAGE,
    "NoScheduleInForceError": _MESSAGE,
    "InvalidValueError": ((2,), ("allowed", "problem", "shown")),
    "InvalidDurationError": ((2,), ("allowed", "problem", "shown")),
    "InvalidBillingCodeError": ((2,), ("allowed", "problem", "shown")),
    "FileProblem": ((2,), ("allowed", "problem", "shown")),
    "DataFileError": ((3,), ("allowed", "problem", "shown")),
    "InvalidTypeError": ((2,), ("expected",)),
    "UnknownNameError": ((0,), ("kind", "allowed")),
    "UnknownProvinceError": ((0,), ("kind", "allowed")),
    "MissingDependencyError": ((2,), ("purpose",)),
    "instance_of": ((), ("label",)),
    "tuple_of": ((), ("label",)),
    "require_instance": ((), ("label",)),
    "sequence_of": ((), ("label",)),
    "require_unique": ((3,), ("what",)),
    "unique_by": ((1,), ("what",)),
}


def _is_text(node: ast.expr) -> bool:
    """A literal text (``""`` aside: no value shown), an f-string, or text built from them."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and node.value != ""
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp):
        return _is_text(node.left) or _is_text(node.right)
    if isinstance(node, ast.IfExp):
        return _is_text(node.body) or _is_text(node.orelse)
    return False


def _callee(node: ast.Call) -> str | None:
    if isinstance(node.func, ast.Name):
        return node.func.id
    if isinstance(node.func, ast.Attribute):
        return node.func.attr
    return None


def _text_arguments(path: Path) -> Iterator[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = _callee(node)
        if name not in WORDS:
            continue
        positions, keywords = WORDS[name]
        given = [node.args[i] for i in positions if i < len(node.args)]
        given += [k.value for k in node.keywords if k.arg in keywords]
        for argument in given:
            if _is_text(argument):
                where = f"{path.relative_to(ROOT.parent)}:{argument.lineno}"
                yield f"{where}: {name}(...) is given text: {ast.unparse(argument)[:70]}"


def _source_modules() -> list[Path]:
    return sorted(ROOT.rglob("*.py"))


@pytest.mark.parametrize("path", _source_modules(), ids=lambda p: str(p.relative_to(ROOT)))
def test_errors_are_built_from_phrases(path: Path) -> None:
    found = list(_text_arguments(path))
    assert not found, "\n".join(found)


def test_the_check_finds_text_where_a_phrase_belongs(tmp_path: Path) -> None:
    source = tmp_path / "pst_core_sample.py"
    source.write_text(
        "raise InvalidValueError('n', 0, 'a whole number')\n"
        "raise InvalidTypeError('n', 0, f'{kind} or None')\n"
        "raise UnknownNameError(kind='province', name='x')\n"
        "raise DataFileError('f', 'p', 1, Phrase('errors.allowed.text'), shown='')\n"
        "require_unique(items, 'names', key, 'name')\n",
        encoding="utf-8",
    )
    shown = ROOT.parent / source.name
    try:
        shown.write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
        found = list(_text_arguments(shown))
    finally:
        shown.unlink()
    assert [line.split(": ", 1)[1].split("(")[0] for line in found] == [
        "InvalidValueError",
        "InvalidTypeError",
        "UnknownNameError",
        "require_unique",
    ]
