"""The layers of docs/ARCHITECTURE.md hold: each rule fails naming the file, the line and the import.

- nothing outside ui/ (and app.py, which starts the window) imports PySide6 or ui/;
- domain/ imports nothing of the program but domain/ and the text layer (i18n: gettext and Vietnamese formats,
  a leaf that imports only paths), so a rule's labels are msgids translated where they are shown;
- the document frame (reports/) takes plain data: it imports no feature, no store, no SQLAlchemy;
- ui/ never imports store.models (it works through the features' services);
- the features and commands never import ui/;
- no import circles, counting the imports inside functions (they are circles all the same, only later).
"""

from __future__ import annotations

import ast
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

import khoidesktop

PACKAGE = Path(khoidesktop.__file__).resolve().parent
QT_ALLOWED = ("khoidesktop.ui", "khoidesktop.app", "khoidesktop.bench")  # the bench measures the window too
GUI_LAUNCHERS = ("khoidesktop.cli", "khoidesktop.commands")  # open the window (app.run_gui) inside a function
LEAVES = ("khoidesktop.paths", "khoidesktop.private")  # plain os calls: where files go, files made the owner's only
FRAME_MAY_IMPORT = (
    "khoidesktop.reports",
    "khoidesktop.domain",
    "khoidesktop.i18n",
    "khoidesktop.errors",
    *LEAVES,
)


@dataclass(frozen=True)
class Import:
    module: str  # the importing module
    target: str  # what it imports (a module of the program, or a top-level package name outside it)
    where: str  # file:line

    def __str__(self) -> str:
        return f"{self.where}: {self.module} imports {self.target}"


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def is_module(dotted: str) -> bool:
    base = PACKAGE.parent.joinpath(*dotted.split("."))
    return base.with_suffix(".py").exists() or (base / "__init__.py").exists()


def _type_checking_only(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> bool:
    """Inside the body of `if TYPE_CHECKING:` (not its else branch, which runs)."""
    while node in parents:
        parent = parents[node]
        if isinstance(parent, ast.If) and "TYPE_CHECKING" in ast.unparse(parent.test) and node in parent.body:
            return True
        node = parent
    return False


def _absolute(me: str, is_package: bool, module: str | None, level: int) -> str:
    """The absolute name of `from <dots><module> import …` in module `me`."""
    if not level:
        return module or ""
    parts = me.split(".") if is_package else me.split(".")[:-1]
    base = parts[: len(parts) - (level - 1)]
    return ".".join([*base, module] if module else base)


def imports_of(path: Path) -> list[Import]:
    """Every import the module makes at run time (module level or inside a function), resolved to the module it
    loads: `from khoidesktop.members import records` is khoidesktop.members.records."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    me, found = module_name(path), []
    for node in ast.walk(tree):
        if _type_checking_only(node, parents):
            continue
        where = f"{path.relative_to(PACKAGE.parent)}:{getattr(node, 'lineno', 0)}"
        if isinstance(node, ast.Import):
            found += [Import(me, alias.name, where) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            module = _absolute(me, path.name == "__init__.py", node.module, node.level)
            for alias in node.names:
                sub = f"{module}.{alias.name}"
                found.append(Import(me, sub if is_module(sub) else module, where))
        elif isinstance(node, ast.Call) and ast.unparse(node.func).endswith("import_module"):
            found.append(Import(me, "<import_module>", where))  # a module named at run time: only the window may
    return found


@pytest.fixture(scope="module")
def all_imports() -> list[Import]:
    return [i for path in sorted(PACKAGE.rglob("*.py")) for i in imports_of(path)]


def inside(name: str, *packages: str) -> bool:
    return any(name == p or name.startswith(p + ".") for p in packages)


def test_the_import_graph_is_read(tmp_path):
    """The rules below see real imports (a broken reader would let everything pass)."""
    found = {(i.module, i.target) for path in PACKAGE.rglob("*.py") for i in imports_of(path)}
    assert ("khoidesktop.store.database", "khoidesktop.store.migrate") in found
    assert ("khoidesktop.members.documents", "khoidesktop.members.roster_pdf") in found  # inside a function
    assert _absolute("khoidesktop.ui.pages.overview", False, "store", 3) == "khoidesktop.store"
    assert _absolute("khoidesktop.ui", True, "tasks", 1) == "khoidesktop.ui.tasks"
    probe = ast.parse("if TYPE_CHECKING:\n    import a\nelse:\n    import b\n")
    parents = {child: node for node in ast.walk(probe) for child in ast.iter_child_nodes(node)}
    imports = [n for n in ast.walk(probe) if isinstance(n, ast.Import)]
    assert [_type_checking_only(n, parents) for n in imports] == [True, False]  # the else branch runs


def test_nothing_below_the_window_imports_qt(all_imports):
    bad = [
        i
        for i in all_imports
        if not inside(i.module, *QT_ALLOWED)
        and (
            inside(i.target, "PySide6", "shiboken6", "khoidesktop.ui")
            or (i.target == "khoidesktop.app" and not inside(i.module, *GUI_LAUNCHERS))
        )
    ]
    assert not bad, "\n".join(map(str, bad))


def test_domain_imports_only_domain(all_imports):
    bad = [
        i
        for i in all_imports
        if inside(i.module, "khoidesktop.domain")
        and inside(i.target, "khoidesktop")
        and not inside(i.target, "khoidesktop.domain", "khoidesktop.i18n")
    ]
    bad += [
        i
        for i in all_imports
        if i.module == "khoidesktop.i18n" and inside(i.target, "khoidesktop") and i.target != "khoidesktop.paths"
    ]
    bad += [i for i in all_imports if inside(i.module, "khoidesktop.domain") and inside(i.target, "sqlalchemy")]
    assert not bad, "\n".join(map(str, bad))


def test_the_document_frame_takes_plain_data(all_imports):
    bad = [
        i
        for i in all_imports
        if inside(i.module, "khoidesktop.reports")
        and (
            (inside(i.target, "khoidesktop") and not inside(i.target, *FRAME_MAY_IMPORT))
            or inside(i.target, "sqlalchemy")
        )
    ]
    assert not bad, "\n".join(map(str, bad))


def test_the_store_knows_no_feature(all_imports):
    allowed = ("khoidesktop.store", "khoidesktop.domain", "khoidesktop.errors", "khoidesktop.i18n", *LEAVES)
    bad = [
        i
        for i in all_imports
        if inside(i.module, "khoidesktop.store") and inside(i.target, "khoidesktop") and not inside(i.target, *allowed)
    ]
    assert not bad, "\n".join(map(str, bad))


def test_modules_are_named_at_run_time_only_by_the_windows_page_registry(all_imports):
    dynamic = [i for i in all_imports if i.target == "<import_module>"]
    assert [i.module for i in dynamic] == ["khoidesktop.ui.pages.registry"], "\n".join(map(str, dynamic))


def test_the_window_never_touches_the_models(all_imports):
    bad = [
        i for i in all_imports if inside(i.module, "khoidesktop.ui") and inside(i.target, "khoidesktop.store.models")
    ]
    assert not bad, "\n".join(map(str, bad))


def test_no_import_circles(all_imports):
    graph: dict[str, set[str]] = {}
    for i in all_imports:
        if inside(i.target, "khoidesktop") and i.target != i.module:
            graph.setdefault(i.module, set()).add(i.target)
    circles, state = [], {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = "open"
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == "open":
                circles.append(" → ".join([*trail[trail.index(nxt) :], nxt]))
            elif nxt not in state:
                visit(nxt, [*trail, nxt])
        state[node] = "done"

    for start in sorted(graph):
        if start not in state:
            visit(start, [start])
    assert not circles, "\n".join(circles)


def assert_loads_without(names: list[str], absent: list[str]) -> None:
    """Import each module in a fresh Python, in order; none of `absent` may be loaded after any of them."""
    code = (
        "import importlib, sys\n"
        f"for name in {names!r}:\n"
        "    importlib.import_module(name)\n"
        f"    assert not [m for m in {absent!r} if m in sys.modules], name\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr


def test_core_modules_load_without_qt():
    """The same rule at run time: import every module below the window, and PySide6 is not loaded."""
    names = [module_name(p) for p in sorted(PACKAGE.rglob("*.py")) if not inside(module_name(p), *QT_ALLOWED)]
    assert "khoidesktop.store.database" in names and "khoidesktop.members.records" in names
    assert_loads_without(names, ["PySide6"])


def test_laying_out_a_document_loads_no_database():
    """Each *_pdf.py lays plain data out: importing it loads neither SQLAlchemy nor the store (the reader of the
    summary format neither)."""
    names = [module_name(p) for p in sorted(PACKAGE.rglob("*_pdf.py"))] + ["khoidesktop.exchange.summary"]
    assert len(names) >= 9
    assert_loads_without(names, ["sqlalchemy", "khoidesktop.store.models"])
