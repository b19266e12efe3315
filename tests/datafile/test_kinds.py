"""The kinds of data file are a seam: each declares its pages, commands and documents in datafile/kinds.py, and no
other module asks which kind a file is."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import khoidesktop
from khoidesktop.commands import TABLE
from khoidesktop.commands.registry import ANY
from khoidesktop.datafile.kinds import CELL, KINDS
from tests.test_cli import INIT, run

PACKAGE = Path(khoidesktop.__file__).resolve().parent
KIND_CODES = set(KINDS)


def test_every_declared_command_has_a_handler_of_the_kinds_role():
    for kind in KINDS.values():
        for name in [*kind.commands, *(f"report {d}" for d in kind.documents)]:
            assert name in TABLE, (kind.code, name)
            handlers = TABLE[name].handlers
            assert ANY in handlers or kind.role in handlers, (kind.code, name)


def test_every_command_is_declared_by_a_kind_of_each_role_it_serves():
    for name, command in TABLE.items():
        for role in command.handlers:
            if role != ANY:
                assert any(k.role == role and k.has_command(name) for k in KINDS.values()), (name, role)


def test_every_kind_makes_the_documents_it_declares():
    for kind in KINDS.values():
        assert kind.documents and all(f"report {d}" in TABLE for d in kind.documents), kind.code


def _codes_in(node: ast.AST) -> list[str]:
    return [n.value for n in ast.walk(node) if isinstance(n, ast.Constant) and n.value in KIND_CODES]


def _operand_codes(node: ast.expr) -> list[str]:
    """The kind codes a comparison's operand is made of: a literal, or a tuple / list / set of literals."""
    items = node.elts if isinstance(node, (ast.Tuple, ast.List, ast.Set)) else [node]
    return [i.value for i in items if isinstance(i, ast.Constant) and i.value in KIND_CODES]


def branches_on_a_kind_code(source: str, where: str) -> list[str]:
    """Code that picks by a kind's code: `kind == "superior"`, `kind in ("superior", …)`, a table keyed by the codes
    (`{"cell": …, "superior": …}[kind]`; a dict with one key "cell", like the bundle's manifest, is not one),
    `match kind: case "superior"`, `"superior" if … else "cell"`, `kind="superior"`."""
    found = []
    for node in ast.walk(ast.parse(source)):
        hit = (
            (isinstance(node, ast.Compare) and any(_operand_codes(s) for s in (node.left, *node.comparators)))
            or (isinstance(node, ast.Dict) and len({c for k in node.keys if k is not None for c in _codes_in(k)}) > 1)
            or (isinstance(node, ast.MatchValue) and _codes_in(node))
            or (isinstance(node, ast.IfExp) and (_codes_in(node.body) or _codes_in(node.orelse)))
            or (isinstance(node, ast.keyword) and node.arg == "kind" and _codes_in(node.value))
        )
        if hit:
            found.append(f"{where}:{getattr(node, 'lineno', '?')}: {ast.unparse(node)}")
    return found


# Outside the seam only the store's column default names a code (the store knows no feature, so not kinds.py).
SEAM = {PACKAGE / "datafile" / "kinds.py", PACKAGE / "store" / "models.py"}


def test_nothing_outside_the_seam_branches_on_the_kind():
    probes = [
        'if identity.kind == "superior":\n    pass\n',
        'x = kind in ("superior", "x")\n',
        'f = {"cell": a, "superior": b}[kind]\n',
        'match kind:\n    case "superior":\n        pass\n',
        'k = "superior" if flag else "cell"\n',
        'IdentityData("", kind="superior")\n',
    ]
    assert all(len(branches_on_a_kind_code(p, "probe")) >= 1 for p in probes)  # the reader sees each form
    assert branches_on_a_kind_code('manifest["cell"]["id"]\n', "probe") == []  # the bundle's own key is not a kind
    found = [
        hit
        for path in sorted(PACKAGE.rglob("*.py"))
        if path not in SEAM
        for hit in branches_on_a_kind_code(path.read_text(encoding="utf-8"), str(path.relative_to(PACKAGE.parent)))
    ]
    assert found == []


@pytest.mark.parametrize("command", [["members", "list"], ["report", "roster", "--out", "x.pdf"]])
def test_a_cell_command_on_a_blocs_file_is_refused_with_a_message(tmp_path, command):
    bloc = tmp_path / "khoi.sqlite"
    made = run(
        "--db", str(bloc), "init", "--bloc", "--org", "Đảng bộ Khối", "--superior", "Tỉnh ủy", "--place", "Hạ Long"
    )
    assert made.returncode == 0, made.stderr
    before = bloc.read_bytes()
    refused = run("--db", str(bloc), *command)
    assert refused.returncode == 1 and "cấp trên chi bộ" in refused.stderr and "Traceback" not in refused.stderr
    assert bloc.read_bytes() == before and not (tmp_path / "x.pdf").exists()


def test_a_blocs_command_on_a_cells_file_is_refused_with_a_message(tmp_path):
    cell = tmp_path / "cb.sqlite"
    assert run("--db", str(cell), *INIT).returncode == 0
    refused = run("--db", str(cell), "stats", "units")
    assert refused.returncode == 1 and "init --level" in refused.stderr
    assert CELL.code == "cell"
