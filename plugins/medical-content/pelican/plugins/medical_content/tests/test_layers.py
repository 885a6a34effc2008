"""The plugin's layers, held to its own imports: each subpackage imports only from the
ones before it in ``LAYERS``, and no module imports, directly or through others, one
that imports it back. Imports made only for type checking count too: a lower layer does
not name a type of a higher one. ``make lint`` runs this module."""

import ast
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent
NAME = "pelican.plugins.medical_content"
# In order: each may import from those before it, and from itself; ``plugin`` (the
# signal handlers and ``register()``) stands above them all.
LAYERS = ("core", "registry", "settings", "judges", "page", "checks", "outputs", "builder")


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join((NAME, *parts))


def modules() -> dict[str, Path]:
    return {
        module_name(path): path
        for path in PACKAGE.rglob("*.py")
        if "tests" not in path.relative_to(PACKAGE).parts
    }


def imported(path: Path, known: set[str]) -> list[tuple[int, str]]:
    """(line, module) of each of the plugin's own modules that ``path`` imports."""
    current = module_name(path)
    package = current if path.name == "__init__.py" else current.rsplit(".", 1)[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                target = f"{base}.{node.module}" if node.module else base
            else:
                target = node.module or ""
            # "from . import x": x is a module when the package has one of that name
            for alias in node.names:
                candidate = f"{target}.{alias.name}"
                found.append((node.lineno, candidate if candidate in known else target))
        elif isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
    return [(line, name) for line, name in found if name in known and name != current]


def layer_of(module: str) -> int:
    """The layer's index; ``plugin`` and the package's face stand above every layer."""
    parts = module[len(NAME) + 1 :].split(".")
    return LAYERS.index(parts[0]) if parts[0] in LAYERS else len(LAYERS)


def graph() -> dict[str, list[tuple[int, str]]]:
    found = modules()
    return {name: imported(path, set(found)) for name, path in found.items()}


def test_every_module_is_in_a_layer() -> None:
    loose = [
        name
        for name in modules()
        if layer_of(name) == len(LAYERS) and name not in (NAME, f"{NAME}.plugin")
    ]
    assert loose == [], "put each module in the subpackage of its layer"


def test_no_import_points_back_up() -> None:
    upward = [
        f"{modules()[name].relative_to(PACKAGE)}:{line}: imports {target}"
        for name, targets in graph().items()
        for line, target in targets
        if layer_of(target) > layer_of(name)
    ]
    assert upward == [], f"a layer imports from a later one ({LAYERS})"


def cycles(edges: dict[str, list[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in edges.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def test_no_import_circle() -> None:
    edges = {name: sorted({target for _, target in targets}) for name, targets in graph().items()}
    assert cycles(edges) == []


@pytest.mark.parametrize(
    ("edges", "expected"),
    [
        ({"a": ["b"], "b": ["c"], "c": []}, []),
        ({"a": ["b"], "b": ["c"], "c": ["a"]}, [["a", "b", "c"]]),
        ({"a": ["b"], "b": ["a"], "c": ["c2"], "c2": []}, [["a", "b"]]),
    ],
)
def test_the_circle_finder_finds_circles(
    edges: dict[str, list[str]], expected: list[list[str]]
) -> None:
    assert cycles(edges) == expected


def test_the_layer_test_sees_an_import_back_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The test reads relative imports as Python does: a module of ``core`` that imports
    ``..builder.state`` is caught."""
    core = tmp_path / "core"
    core.mkdir()
    (core / "bad.py").write_text("from ..builder import state\n", encoding="utf-8")
    build = tmp_path / "builder"
    build.mkdir()
    (build / "state.py").write_text("", encoding="utf-8")
    monkeypatch.setattr(sys.modules[__name__], "PACKAGE", tmp_path)
    edges = graph()
    assert edges[f"{NAME}.core.bad"] == [(1, f"{NAME}.builder.state")]
    assert layer_of(f"{NAME}.builder.state") > layer_of(f"{NAME}.core.bad")
