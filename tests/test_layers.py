"""Imports look down the layers only, and no module imports itself round a cycle: read from
every import statement of the package (a function's, and a TYPE_CHECKING one, included)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parent.parent / "tongnan_plan"

#: The layers, lowest first: a module may import its own layer and those below it.
LAYERS = ("base", "model", "calc", "sources", "validate", "load", "present", "extract", "cli")
#: The modules of a layer that is not a folder of its own.
PLACED = {
    "fileio": "base",
    "yaml_text": "base",
    "sources.store": "load",
    "sources.repository": "load",
    "sources.config": "load",
    "": "api",  # tongnan_plan/__init__.py: the public API, over every layer
    "__main__": "api",
}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def layer(module: str) -> str:
    return PLACED.get(module) or module.split(".", maxsplit=1)[0]


def _exists(module: str) -> bool:
    base = PACKAGE.joinpath(*module.split(".")) if module else PACKAGE
    return base.with_suffix(".py").exists() or (base / "__init__.py").exists()


def imports(path: Path) -> set[tuple[str, int]]:
    """The package's modules a file imports, each with a line where it does."""
    module = module_name(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[tuple[str, int]] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names if a.name.startswith("tongnan_plan")]
            found |= {(t.removeprefix("tongnan_plan").lstrip("."), node.lineno) for t in targets}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parts = package.split(".") if package else []
                parts = parts[: len(parts) - node.level + 1]
                base = ".".join([*parts, *([node.module] if node.module else [])])
            elif node.module and node.module.startswith("tongnan_plan"):
                base = node.module.removeprefix("tongnan_plan").lstrip(".")
            else:
                continue
            named = [f"{base}.{a.name}".lstrip(".") for a in node.names]
            modules = [m for m in named if _exists(m)] or [base]
            found |= {(m, node.lineno) for m in modules}
    return {(m, line) for m, line in found if m != module}


GRAPH = {module_name(p): imports(p) for p in sorted(PACKAGE.rglob("*.py"))}


def test_every_module_has_a_layer() -> None:
    unplaced = [m for m in GRAPH if layer(m) not in (*LAYERS, "api")]
    assert unplaced == []


def _above(target: str, module: str) -> bool:
    if target == "":  # the package itself, for its __version__ (its API is imported lazily)
        return False
    return LAYERS.index(layer(target)) > LAYERS.index(layer(module))


def test_imports_look_down_only() -> None:
    upward = [
        f"{module} (line {line}) imports {target}"
        for module, targets in GRAPH.items()
        for target, line in sorted(targets)
        if layer(module) != "api" and _above(target, module)
    ]
    assert upward == []


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while (w := stack.pop()) != v:
                group.append(w)
            if group:
                out.append(sorted([v, *group]))

    for v in graph:
        if v not in index:
            visit(v)
    return out


def test_no_import_cycle() -> None:
    graph = {m: {t for t, _ in targets} for m, targets in GRAPH.items()}
    assert cycles(graph) == []


@pytest.mark.parametrize(
    ("graph", "expected"),
    [
        ({"a": {"b"}, "b": {"a"}}, [["a", "b"]]),
        ({"a": {"b"}, "b": {"c"}, "c": set()}, []),
        ({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}, [["a", "b", "c"]]),
    ],
)
def test_cycles_are_found(graph: dict[str, set[str]], expected: list[list[str]]) -> None:
    assert cycles(graph) == expected


def test_a_function_level_import_is_read() -> None:
    # The cycle store ↔ repository was once hidden in a method's import.
    assert "sources.store" not in {t for t, _ in imports(PACKAGE / "sources" / "repository.py")}
    found = {target for target, _ in imports(PACKAGE / "cli" / "evaluation.py")}
    assert "calc.audit" in found  # imported inside the audit command only
