"""Many rows into one table fast, for imports and the statistics summaries."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Final

from django.db import DEFAULT_DB_ALIAS, connections, models

from repbook.storage.models.json_text import JsonText

_CONVERTED: Final = (models.DecimalField, models.DateTimeField, models.DateField, models.JSONField, JsonText)


def _converter(field: models.Field[Any, Any], connection: Any) -> Callable[[Any], Any]:
    """What `field.get_db_prep_save` makes of a value, with the common cases done directly: per
    value, Django's path (prep, to_python, the backend's adapter) was half of a big import."""

    def django(value: Any) -> Any:
        return field.get_db_prep_save(value, connection)

    sqlite = connection.vendor == "sqlite"
    if isinstance(field, models.DateTimeField):
        zone = connection.timezone

        def moment(value: Any) -> Any:
            if isinstance(value, datetime) and value.tzinfo is not None:
                # SQLite keeps naive text in the connection's zone (Django's make_naive + str).
                return str(value.astimezone(zone).replace(tzinfo=None)) if sqlite else value
            return django(value)

        return moment
    if isinstance(field, models.DateField):
        return lambda value: (str(value) if sqlite else value) if type(value) is date else django(value)
    if isinstance(field, models.DecimalField):
        return lambda value: value if isinstance(value, Decimal) and value.is_finite() else django(value)
    if isinstance(field, JsonText):
        return field.get_prep_value
    if isinstance(field, models.JSONField) and sqlite and field.encoder is None:
        # Django's adapter is json.dumps with the field's encoder (none here); PostgreSQL wraps it.
        return lambda value: json.dumps(value) if isinstance(value, dict | list) else django(value)
    return django


def insert_rows(model: type[models.Model], names: tuple[str, ...], rows: list[tuple[Any, ...]]) -> None:
    """Insert many rows fast: one prepared statement on SQLite (executemany), COPY on PostgreSQL.

    bulk_create spent most of a big import compiling SQL value by value; here only decimals, times
    and JSON are converted (as Django would: `_converter`), the rest go as they are.
    """
    if not rows:
        return
    connection, table, columns, prepared = _prepared(model, names, rows)
    marks = ", ".join(["%s"] * len(names))
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":  # in process: a prepared statement per row costs nothing
            cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", prepared)
            return
        # PostgreSQL: COPY streams the rows in one statement, with no SQL to build or parse. It is
        # the driver's own cursor: its errors (a duplicate key) are turned into Django's here.
        with (
            connection.wrap_database_errors,
            cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy,
        ):
            for values in prepared:
                copy.write_row(values)


#: Values per INSERT of `insert_rows_returning`: within SQLite's oldest limit of 999 parameters.
_PARAMETERS = 999


def insert_rows_returning(
    model: type[models.Model], names: tuple[str, ...], rows: list[tuple[Any, ...]]
) -> list[int]:
    """As `insert_rows`, giving back each new row's id, in the rows' order. For the rows other rows
    point to (an import's workouts and their entries), where bulk_create built each value's SQL
    through the field: most of writing them. On SQLite, INSERTs of many rows each, with RETURNING
    (which gives the rows in the order of their VALUES, as Django's bulk_create relies on too); on
    PostgreSQL, ids from the table's sequence and then COPY (`_copy_with_new_ids`)."""
    if not rows:
        return []
    if connections[DEFAULT_DB_ALIAS].vendor == "postgresql":
        return _copy_with_new_ids(model, names, rows)
    connection, table, columns, prepared = _prepared(model, names, rows)
    quote = connection.ops.quote_name
    one = "(" + ", ".join(["%s"] * len(names)) + ")"
    per = max(1, _PARAMETERS // len(names))
    ids: list[int] = []
    with connection.cursor() as cursor:
        for start in range(0, len(prepared), per):
            chunk = prepared[start : start + per]
            cursor.execute(
                f"INSERT INTO {table} ({columns}) VALUES {', '.join([one] * len(chunk))}"
                f" RETURNING {quote(model._meta.pk.column)}",
                [value for values in chunk for value in values],
            )
            ids.extend(row[0] for row in cursor.fetchall())
    return ids


def _copy_with_new_ids(
    model: type[models.Model], names: tuple[str, ...], rows: list[tuple[Any, ...]]
) -> list[int]:
    """PostgreSQL: take the rows' ids from the table's own sequence in one statement, then COPY the
    rows with them. INSERTs of many rows each made psycopg write every value into the SQL text and
    PostgreSQL parse it again (about 0.7 s of a 100,000-row import), where COPY streams the values."""
    connection = connections[DEFAULT_DB_ALIAS]
    pk = model._meta.pk
    assert pk is not None
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [connection.ops.quote_name(model._meta.db_table), pk.column, len(rows)],
        )
        ids = sorted(row[0] for row in cursor.fetchall())
    insert_rows(
        model, (pk.attname, *names), [(pk_value, *row) for pk_value, row in zip(ids, rows, strict=True)]
    )
    return ids


def _prepared(
    model: type[models.Model], names: tuple[str, ...], rows: list[tuple[Any, ...]]
) -> tuple[Any, str, str, list[list[Any]]]:
    """The connection, the quoted table and columns, and the rows' values converted for it."""
    # The real connection, looked up once: `django.db.connection` is a proxy that finds the
    # thread's connection (through asgiref's Local) on every attribute read, and converting a
    # decimal reads it several times; per value, that was most of a 100,000-set import.
    connection = connections[DEFAULT_DB_ALIAS]
    fields: list[models.Field[Any, Any]] = [model._meta.get_field(name) for name in names]  # type: ignore[misc]
    quote = connection.ops.quote_name
    columns = ", ".join(quote(field.column or field.name) for field in fields)
    convert = [(i, _converter(f, connection)) for i, f in enumerate(fields) if isinstance(f, _CONVERTED)]
    prepared = []
    for row in rows:
        values = list(row)
        for i, adapt in convert:
            if values[i] is not None:
                values[i] = adapt(values[i])
        prepared.append(values)
    return connection, quote(model._meta.db_table), columns, prepared
