"""Many new rows of one table in one executemany (an import of thousands of members).

`session.execute(insert(table), rows)` spends most of its time converting each row's parameters, twice the time
SQLite takes to store them. Here each column's own SQLAlchemy type converts its value (its bind processor: a date
is stored exactly as the ORM stores it) and the rows go to the driver as they are; a column left out gets its
scalar default, as the ORM would give it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, cast

from sqlalchemy import Table, text
from sqlalchemy.orm import Session

from khoidesktop.store.models import Base


def next_id(session: Session, model: type[Base]) -> int:
    """The id the table gives its next row: above every id it holds and every id it ever gave (its AUTOINCREMENT
    sequence: the id of a withdrawn row is never given again). For rows given their ids here; the caller holds the
    file for writing, so the ids that follow are free too."""
    name = cast(Table, model.__table__).name
    highest = session.scalar(
        text(
            f'SELECT max(coalesce((SELECT max(id) FROM "{name}"), 0), '
            "coalesce((SELECT seq FROM sqlite_sequence WHERE name = :name), 0))"
        ),
        {"name": name},
    )
    return int(highest or 0) + 1


def insert_many(session: Session, model: type[Base], rows: Sequence[Mapping[str, Any]]) -> None:
    """Insert `rows` (each naming the same columns) into the model's table, in the session's transaction."""
    if not rows:
        return
    table = cast(Table, model.__table__)
    connection = session.connection()
    given = list(rows[0])
    unknown = [name for name in given if name not in table.c]
    if unknown:
        raise ValueError(f"{table.name} has no column {', '.join(unknown)}")
    defaults: dict[str, object] = {}
    for column in table.c:
        if column.name in given or column.primary_key:
            continue
        default = column.default
        if default is not None and not default.is_scalar:
            raise ValueError(f"{table.name}.{column.name}: give its value (its default is not a constant)")
        if default is not None:
            defaults[column.name] = default.arg  # type: ignore[attr-defined]
    names = given + list(defaults)
    dialect = connection.dialect  # each column's type as SQLite stores it (its DATETIME, not the generic one)
    convert: list[Callable[[Any], Any] | None] = [
        table.c[name].type.dialect_impl(dialect).bind_processor(dialect) for name in names
    ]
    if any(len(row) != len(given) for row in rows):
        raise ValueError(f"{table.name}: every row must name the same columns")
    columns: list[Sequence[Any]] = [[row[name] for row in rows] for name in given]  # column by column: fast
    columns += [[value] * len(rows) for value in defaults.values()]
    for index, process in enumerate(convert):
        if process is not None:
            columns[index] = _converted(columns[index], process)
    quoted = ", ".join(f'"{name}"' for name in names)
    marks = ", ".join("?" for _ in names)
    statement = f'INSERT INTO "{table.name}" ({quoted}) VALUES ({marks})'
    connection.exec_driver_sql(statement, list(zip(*columns, strict=True)))


def _converted(values: Sequence[Any], process: Callable[[Any], Any]) -> list[Any]:
    """A column's values as its type stores them, each different value converted once (the import's time of
    writing is on every row, most dates repeat)."""
    done: dict[tuple[type, Any], Any] = {}
    out: list[Any] = []
    for value in values:
        if value is None:
            out.append(None)
            continue
        key = (value.__class__, value)  # True and 1 are equal, not the same value
        if key not in done:
            done[key] = process(value)
        out.append(done[key])
    return out
