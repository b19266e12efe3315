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


def comparisons_with_a_kind_code(path: Path) -> list[str]:
    """`x.kind == "bloc"`, `kind != "cell"`, `"bloc" in …` and the like: a branch on the kind."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Compare):
            sides = [node.left, *node.comparators]
            codes = [s.value for s in sides if isinstance(s, ast.Constant) and s.value in KIND_CODES]
            kinds = [s for s in sides if "kind" in ast.unparse(s)]
            if codes and kinds:
                found.append(f"{path.relative_to(PACKAGE.parent)}:{node.lineno}: {ast.unparse(node)}")
    return found


def test_nothing_outside_the_seam_branches_on_the_kind():
    found = [c for p in sorted(PACKAGE.rglob("*.py")) if p.name != "kinds.py" for c in comparisons_with_a_kind_code(p)]
    assert comparisons_with_a_kind_code(Path(__file__)) == []  # the reader sees a branch when there is one:
    probe = PACKAGE.parent / "tests" / "datafile" / "_probe.py"
    try:
        probe.write_text('if identity.kind == "bloc":\n    pass\n', encoding="utf-8")
        assert len(comparisons_with_a_kind_code(probe)) == 1
    finally:
        probe.unlink()
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
    assert refused.returncode == 1 and "tệp của khối" in refused.stderr and "Traceback" not in refused.stderr
    assert bloc.read_bytes() == before and not (tmp_path / "x.pdf").exists()


def test_a_blocs_command_on_a_cells_file_is_refused_with_a_message(tmp_path):
    cell = tmp_path / "cb.sqlite"
    assert run("--db", str(cell), *INIT).returncode == 0
    refused = run("--db", str(cell), "stats", "units")
    assert refused.returncode == 1 and "init --bloc" in refused.stderr
    assert CELL.code == "cell"
