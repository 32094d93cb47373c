"""The shape of the source tree: layers, no import circles, one concept per module.

Every import of every module counts here, wherever it stands: at the top, inside a
function (a lazy import is still a dependency) or under ``TYPE_CHECKING``. The rules:

* **Layers.** Dependencies point down only: ``cli`` → ``reports`` → ``states`` →
  ``standards`` / ``tariffs`` → ``calendar`` → the shared helpers (``i18n``, ``_io``,
  ``_files``, ``_validation``...) → ``errors`` → the message catalogue (``_catalogue``)
  → the package-data reader (``_resources``). ``standards`` and ``tariffs`` do not
  import each other.
* **No circle** among modules, inside a package or across packages.
* **No private name crosses modules**: ``from pst_core.x import _helper`` is refused
  (a private *module* such as ``pst_core._io`` may be imported: its public names are
  the package's internal API).
* **No name shadows a module**: a package does not export a name equal to one of its
  submodules (``import pst_core.tariffs.quote as m`` must give the module), and a
  module does not define a public name equal to its own.
* **One concept per module**: no source file over 900 lines.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest

import pst_core

ROOT = Path(pst_core.__file__).parent
MAX_LINES = 900

# Each top-level part of the package and its layer: a module may import only from
# layers below its own (or from its own part).
LAYERS: dict[str, int] = {
    "_version": 0,
    "_resources": 0,
    "_catalogue": 1,
    "_phrases": 2,
    "errors": 3,
    "_validation": 4,
    "_files": 4,
    "_optional": 4,
    "_display": 4,
    "_diagram": 4,
    "i18n": 5,
    "_io": 5,
    "calendar": 6,
    "standards": 7,
    "tariffs": 7,
    "states": 8,
    "reports": 9,
    "cli": 10,
    "_config": 10,
    "__main__": 11,
    "__init__": 11,
}


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES: dict[str, Path] = {_module_name(p): p for p in sorted(ROOT.rglob("*.py"))}


def _is_package(name: str) -> bool:
    return MODULES[name].name == "__init__.py"


def _resolve(module: str, name: str | None) -> str | None:
    """The pst_core module an import statement depends on (``None`` if outside pst_core)."""
    if not (module == "pst_core" or module.startswith("pst_core.")):
        return None
    if name is not None and f"{module}.{name}" in MODULES:
        return f"{module}.{name}"  # ``from pst_core.calendar import files`` names a module
    while module not in MODULES:  # ``import pst_core.calendar.files.x`` (never) -> its module
        module = module.rsplit(".", 1)[0]
    return module


@cache
def _imports(name: str) -> tuple[tuple[int, str, str | None], ...]:
    """Every import of a module, anywhere in it: (line, module imported from, name)."""
    path = MODULES[name]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[tuple[int, str, str | None]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name, None) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, f"{path}:{node.lineno}: relative import"
            assert node.module is not None
            found.extend((node.lineno, node.module, alias.name) for alias in node.names)
    return tuple(found)


def _edges(name: str) -> Iterator[tuple[int, str, str | None]]:
    """(line, module depended on, name imported) for every pst_core import of ``name``."""
    for line, module, imported in _imports(name):
        target = _resolve(module, imported)
        if target is not None and target != name:
            yield line, target, imported


def _part(name: str) -> str:
    """The top-level part a module belongs to: ``pst_core.calendar.index`` -> ``calendar``."""
    parts = name.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _where(name: str, line: int) -> str:
    return f"{MODULES[name].relative_to(ROOT.parent)}:{line}"


def test_every_part_has_a_layer() -> None:
    assert {_part(name) for name in MODULES} <= set(LAYERS)


@pytest.mark.parametrize("name", sorted(MODULES))
def test_imports_point_down_the_layers(name: str) -> None:
    own = _part(name)
    for line, target, _ in _edges(name):
        other = _part(target)
        if other == own:
            continue
        assert LAYERS[other] < LAYERS[own], (
            f"{_where(name, line)}: {own} (layer {LAYERS[own]}) imports {target} "
            f"({other}, layer {LAYERS[other]})"
        )


@pytest.mark.parametrize("name", sorted(MODULES))
def test_a_module_inside_a_package_does_not_import_its_own_package(name: str) -> None:
    package = name.rsplit(".", 1)[0]
    if _is_package(name) or package == "pst_core":
        return
    for line, target, _ in _edges(name):
        assert target != package, f"{_where(name, line)}: imports its package's __init__"


def test_there_is_no_import_circle() -> None:
    graph = {name: sorted({target for _, target, _ in _edges(name)}) for name in MODULES}
    state: dict[str, str] = {}
    circles: list[str] = []

    def visit(name: str, path: tuple[str, ...]) -> None:
        state[name] = "open"
        for target in graph[name]:
            if state.get(target) == "open":
                start = path.index(target) if target in path else len(path)
                circles.append(" -> ".join((*path[start:], name, target)))
            elif target not in state:
                visit(target, (*path, name))
        state[name] = "done"

    for name in sorted(graph):
        if name not in state:
            visit(name, ())
    assert not circles, "\n".join(circles)


@pytest.mark.parametrize("name", sorted(MODULES))
def test_no_private_name_is_imported_from_another_module(name: str) -> None:
    for line, module, imported in _imports(name):
        if imported is None or not imported.startswith("_") or not module.startswith("pst_core"):
            continue
        if f"{module}.{imported}" in MODULES or imported in {"__version__", "__future__"}:
            continue  # a private module, or the version
        pytest.fail(f"{_where(name, line)}: imports the private name {imported} from {module}")


@pytest.mark.parametrize("name", sorted(MODULES))
def test_no_private_name_is_reached_through_another_module(name: str) -> None:
    """``from pst_core.states import sla`` then ``sla._show`` is a private import too."""
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8"))
    modules: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("pst_core"):
            modules.update(
                alias.asname or alias.name
                for alias in node.names
                if f"{node.module}.{alias.name}" in MODULES
            )
        elif isinstance(node, ast.Import):
            modules.update(a.asname for a in node.names if a.asname and a.name in MODULES)
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id in modules
            and node.attr.startswith("_")
            and not node.attr.startswith("__")
        ):
            pytest.fail(f"{_where(name, node.lineno)}: reaches {node.value.id}.{node.attr}")


def _public_names(name: str) -> set[str]:
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, ast.Assign):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
        elif isinstance(node, ast.ImportFrom) and _is_package(name):
            names.update(alias.asname or alias.name for alias in node.names)
    return {n for n in names if not n.startswith("_")}


@pytest.mark.parametrize("name", sorted(n for n in MODULES if _is_package(n)))
def test_a_package_exports_no_name_of_its_own_modules(name: str) -> None:
    submodules = {m.rsplit(".", 1)[1] for m in MODULES if "." in m and m.rsplit(".", 1)[0] == name}
    # ``from pst_core.calendar import files`` re-exporting the module itself is no shadow.
    shadows = {
        n
        for n in _public_names(name) & submodules
        if not any(imported == n and module == name for _, module, imported in _imports(name))
    }
    assert not shadows, f"{name} exports names that are also its modules: {sorted(shadows)}"


@pytest.mark.parametrize("name", sorted(n for n in MODULES if not _is_package(n)))
def test_a_module_defines_no_name_equal_to_its_own(name: str) -> None:
    stem = name.rsplit(".", 1)[1]
    assert stem not in _public_names(name), f"{name} defines {stem}: it shadows the module"


@pytest.mark.parametrize("name", sorted(MODULES))
def test_a_module_holds_one_concept(name: str) -> None:
    lines = MODULES[name].read_text(encoding="utf-8").count("\n")
    assert lines <= MAX_LINES, f"{MODULES[name].relative_to(ROOT.parent)} has {lines} lines"
