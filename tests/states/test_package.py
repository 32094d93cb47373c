"""The shape of the states package: one-way imports, no private names across modules."""

from __future__ import annotations

import ast
from pathlib import Path

import pst_core.states

PACKAGE = Path(pst_core.states.__file__).parent
PREFIX = "pst_core.states"
MODULES = {path.stem: path for path in PACKAGE.glob("*.py") if path.stem != "__init__"}


def _imports(path: Path) -> list[tuple[ast.AST, str, tuple[str, ...], bool]]:
    """Every import of the module, anywhere (functions and TYPE_CHECKING blocks included):
    (node, module imported from, names, inside a function)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    inside: set[ast.AST] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            inside.update(n for n in ast.walk(node) if n is not node)
    found: list[tuple[ast.AST, str, tuple[str, ...], bool]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                found.append((node, alias.name, (), node in inside))
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = tuple(alias.name for alias in node.names)
            found.append((node, node.module, names, node in inside))
    return found


def _edges(stem: str) -> set[str]:
    """The modules of the package that ``stem`` imports."""
    targets: set[str] = set()
    for _, module, names, _ in _imports(MODULES[stem]):
        if module == PREFIX:
            # `from pst_core.states import sla` names a module; anything else the package.
            targets.update(n if n in MODULES else "__init__" for n in names)
        elif module.startswith(PREFIX + "."):
            targets.add(module.removeprefix(PREFIX + ".").split(".")[0])
    return targets


def test_the_import_graph_has_no_cycle() -> None:
    graph = {stem: _edges(stem) for stem in MODULES}
    assert all("__init__" not in targets for targets in graph.values()), graph
    state: dict[str, str] = {}

    def visit(stem: str, path: tuple[str, ...]) -> None:
        state[stem] = "open"
        for nxt in sorted(graph.get(stem, ())):
            assert state.get(nxt) != "open", f"import cycle: {' -> '.join((*path, stem, nxt))}"
            if nxt not in state:
                visit(nxt, (*path, stem))
        state[stem] = "done"

    for stem in sorted(graph):
        if stem not in state:
            visit(stem, ())


def test_the_declarations_import_nothing_else_from_the_package() -> None:
    assert _edges("workflow") == set()


def test_evaluation_is_imported_at_the_top_of_transaction() -> None:
    assert {"sla", "workflow"} <= _edges("transaction")
    assert _edges("sla") == {"workflow"}


def test_no_private_names_cross_modules_and_no_imports_inside_functions() -> None:
    for path in MODULES.values():
        for node, module, names, in_function in _imports(path):
            where = f"{path.name}:{getattr(node, 'lineno', '?')}"
            if module.startswith(PREFIX):
                assert not [n for n in names if n.startswith("_")], where
            assert not in_function, f"import inside a function at {where}"
