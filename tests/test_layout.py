"""The layout holds: floors import only the floors below them, no import cycle anywhere, and
modules and functions stay small (data tables aside)."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Each package's floor: a module may import its own package and packages on a higher number.
FLOORS = {
    "loveq": 1, "resolvers": 2, "graph": 3, "services": 4, "datastore": 5, "ai": 5, "kakao": 5, "blobs": 5,
    "telemetry": 6,
}

MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60
# Modules that are data (tables of words, templates, SQL text) rather than logic.
DATA_MODULES = {
    "ai/emotion/lexicon.py",
}


def _source_files() -> list[Path]:
    return sorted(p for package in FLOORS for p in (ROOT / package).rglob("*.py"))


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path, known: set[str]) -> list[tuple[int, str]]:
    """(line, module) for every import in the file, wherever it is (functions and
    TYPE_CHECKING blocks included): an import is a dependency however it is hidden."""
    package = _module_name(path).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join([*package[: len(package) - node.level + 1], *([base] if base else [])])
            for alias in node.names:
                candidate = f"{base}.{alias.name}"
                found.append((node.lineno, candidate if candidate in known else base))
    return [(line, name) for line, name in found if name.split(".")[0] in FLOORS]


def _graph() -> dict[str, set[str]]:
    files = _source_files()
    known = {_module_name(p) for p in files}
    graph: dict[str, set[str]] = {}
    for path in files:
        module = _module_name(path)
        graph[module] = {name for _, name in _imports(path, known) if name in known and name != module}
    return graph


def test_floors_import_only_downwards() -> None:
    files = _source_files()
    known = {_module_name(p) for p in files}
    wrong = []
    for path in files:
        top = path.relative_to(ROOT).parts[0]
        for line, name in _imports(path, known):
            target = name.split(".")[0]
            if target != top and FLOORS[target] < FLOORS[top]:
                wrong.append(f"{path.relative_to(ROOT)}:{line} imports {name} (floor {FLOORS[target]} above {FLOORS[top]})")
            if target != top and FLOORS[target] == FLOORS[top] == 1:
                wrong.append(f"{path.relative_to(ROOT)}:{line} imports {name}")
    assert not wrong, "\n".join(wrong)


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_import_cycles() -> None:
    cycles = _cycles(_graph())
    assert not cycles, "import cycles:\n" + "\n".join(" <-> ".join(c) for c in cycles)


def test_the_cycle_finder_finds_cycles() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


def test_modules_and_functions_stay_small() -> None:
    too_big = []
    for path in _source_files():
        relative = path.relative_to(ROOT).as_posix()
        if relative in DATA_MODULES:
            continue
        text = path.read_text(encoding="utf-8")
        lines = text.count("\n")
        if lines > MAX_MODULE_LINES:
            too_big.append(f"{relative}: {lines} lines")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = node.end_lineno - node.lineno + 1
                if length > MAX_FUNCTION_LINES:
                    too_big.append(f"{relative}:{node.lineno} {node.name}: {length} lines")
    assert not too_big, "\n".join(too_big)
