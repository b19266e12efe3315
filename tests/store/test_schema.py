"""The numbered SQL scripts and the SQLAlchemy models must describe the same tables."""

import sqlite3
from datetime import datetime

from sqlalchemy import UniqueConstraint
from sqlalchemy.dialects import sqlite as sqlite_dialect

from khoidesktop.store.migrate import migrate
from khoidesktop.store.models import Base


def columns_in_file(conn: sqlite3.Connection, table: str) -> dict:
    rows = conn.execute(f"PRAGMA table_info({table})").fetchall()
    return {name: (decl.upper(), not notnull and not pk, bool(pk)) for _cid, name, decl, notnull, _d, pk in rows}


def columns_in_models(table) -> dict:
    dialect = sqlite_dialect.dialect()
    return {
        c.name: (c.type.compile(dialect=dialect), c.nullable and not c.primary_key, c.primary_key)
        for c in table.columns
    }


def test_migrated_schema_matches_the_models(tmp_path):
    path = tmp_path / "schema.sqlite"
    migrate(path, datetime(2026, 1, 1))
    conn = sqlite3.connect(path)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert tables - {"sqlite_sequence"} == set(Base.metadata.tables)
    for name, table in Base.metadata.tables.items():
        assert columns_in_file(conn, name) == columns_in_models(table), name
        (sql,) = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", (name,)).fetchone()
        assert ("AUTOINCREMENT" in sql) == table.dialect_options["sqlite"]["autoincrement"], name
        indexed = {r[1] for r in conn.execute(f"PRAGMA index_list({name})") if r[2] == 0}
        model_indexes = {ix.name for ix in table.indexes if not ix.unique}
        assert indexed == model_indexes, name
        unique_sets = set()
        for row in conn.execute(f"PRAGMA index_list({name})"):
            if row[2]:
                unique_sets.add(tuple(sorted(c[2] for c in conn.execute(f"PRAGMA index_info('{row[1]}')"))))
        model_uniques = {(c.name,) for c in table.columns if c.unique} | {
            tuple(sorted(c.name for c in constraint.columns))
            for constraint in table.constraints
            if isinstance(constraint, UniqueConstraint)
        }
        assert unique_sets == model_uniques, name
        fks = {(r[3], r[2], r[4], r[6]) for r in conn.execute(f"PRAGMA foreign_key_list({name})")}
        model_fks = {
            (fk.parent.name, fk.column.table.name, fk.column.name, fk.ondelete or "NO ACTION")
            for fk in table.foreign_keys
        }
        assert fks == model_fks, name
