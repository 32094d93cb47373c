"""How the modules of ``pst_core.states`` may depend on each other.

``tests/test_architecture.py`` holds the whole tree to its layers, with no import
circle and no private name crossing modules. Inside ``states`` the order is
finer, and this file holds it:

* the declarations (events, guards, parts, workflow_file, workflow) import
  nothing else of the package: a table is built, read and checked without the
  evaluation, the transactions or the built-in documents;
* the evaluation (``sla``) imports only the declarations; the built-in workflows
  only the declarations; ``transaction`` imports the evaluation and the
  built-in registry, and nothing imports ``transaction`` but the package;
* no module imports inside a function: every dependency shows at the top.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import pst_core.states

PACKAGE = Path(pst_core.states.__file__).parent
PREFIX = "pst_core.states"


def _name(path: Path) -> str:
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts) or "__init__"


MODULES = {_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}
DECLARATIONS = {"events", "guards", "parts", "workflow_file", "workflow"}
HELPERS = {"_display"}  # private helpers of the package: they import nothing of it


def _imports(name: str) -> list[tuple[int, str, bool]]:
    """(line, module imported, inside a function) for every import of ``name``.

    A module of the package is named relative to it (``"builtin.registry"``).
    """
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8"))
    inside = {
        inner
        for node in ast.walk(tree)
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))
        for inner in ast.walk(node)
        if inner is not node
    }
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            for alias in node.names:
                full = f"{node.module}.{alias.name}"
                # `from pst_core.states import sla` names a module, anything else its package.
                module = full if full.removeprefix(PREFIX + ".") in MODULES else node.module
                found.append((node.lineno, module, node in inside))
        elif isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name, node in inside) for alias in node.names)
    return [(line, _relative(module), lazy) for line, module, lazy in found]


def _relative(module: str) -> str:
    if module == PREFIX:
        return "__init__"
    return module.removeprefix(PREFIX + ".") if module.startswith(PREFIX + ".") else module


def _depends_on(name: str) -> set[str]:
    """The modules of the package that ``name`` imports."""
    return {target for _, target, _ in _imports(name) if target in MODULES}


def test_the_module_groups_cover_the_package() -> None:
    assert DECLARATIONS | HELPERS | {"sla", "transaction", "__init__"} <= set(MODULES)
    assert {n for n in MODULES if n.startswith("builtin")} >= {"builtin", "builtin.registry"}


@pytest.mark.parametrize("name", sorted(DECLARATIONS | HELPERS))
def test_the_declarations_import_only_declarations(name: str) -> None:
    assert _depends_on(name) <= DECLARATIONS, name


def test_the_evaluation_imports_only_the_declarations() -> None:
    assert _depends_on("sla") <= DECLARATIONS | HELPERS


@pytest.mark.parametrize("name", sorted(n for n in MODULES if n.startswith("builtin.")))
def test_the_builtin_workflows_import_only_the_declarations(name: str) -> None:
    builtin = {n for n in MODULES if n.startswith("builtin")}
    assert _depends_on(name) <= DECLARATIONS | builtin, name


def test_the_transaction_imports_the_evaluation_and_the_records() -> None:
    assert {"sla", "records", "workflow"} <= _depends_on("transaction")
    assert "builtin.registry" in _depends_on("records")
    assert [n for n in MODULES if n != "__init__" and "transaction" in _depends_on(n)] == []


@pytest.mark.parametrize("name", sorted(MODULES))
def test_no_import_inside_a_function(name: str) -> None:
    lazy = [line for line, _, inside in _imports(name) if inside]
    assert not lazy, f"{MODULES[name].name}: imports inside a function at lines {lazy}"
