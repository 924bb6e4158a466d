"""Model rows read and written with plain SQL, converted exactly as the ORM converts them.

For the few statements of the hot path (storage.hot_path): there, building a query with the ORM
costs 0.3 to 0.5 ms of Python, ten to twenty times what SQLite takes to run it. The SQL is
written once per model and column list (cached); values go through the fields' own
`get_db_prep_save` on the way in and the database's and fields' converters on the way out, so
what comes back is what a queryset would give.

On PostgreSQL these statements are prepared: parsed and planned once per connection, then only
executed (`statement_cursor`). A keyed lookup costs the server about as much to plan as to run:
0.25 ms a statement became 0.14 ms, measured with psycopg on this project's bench machine. Only
statements of one fixed shape are prepared: a statement whose IN list grows with its arguments
would fill the connection's cache of prepared statements with one entry per length
(`prepare=False`). Django's other queries are not prepared (psycopg's client-side binding).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any, TypeVar

from django.db import DEFAULT_DB_ALIAS, InterfaceError, OperationalError, connection, connections
from django.db.models import Model

M = TypeVar("M", bound=Model)

Converter = Callable[[Any, Any, Any], Any]


#: The ids a table's 64-bit integer key can hold. An id from outside (a URL, a request body)
#: beyond them names no row: the ORM answers such a filter with no rows, and so must plain SQL,
#: where the driver would refuse the number instead.
ID_RANGE = range(-(2**63), 2**63)


def placeholders(count: int) -> str:
    """`count` parameter markers, comma-separated: a VALUES row or an IN list."""
    return ", ".join(["%s"] * count)


def column_list(model: type[Model], names: Sequence[str], alias: str = "") -> str:
    """The quoted columns of these fields (attribute names, e.g. `owner_id`), comma-separated,
    each prefixed with `alias.` when given."""
    return _column_list(model, tuple(names), alias, connection.vendor)


@lru_cache(maxsize=64)
def _column_list(model: type[Model], names: tuple[str, ...], alias: str, vendor: str) -> str:
    quote = connection.ops.quote_name
    prefix = f"{alias}." if alias else ""
    return ", ".join(prefix + quote(_field(model, name).column) for name in names)


def field_names(model: type[Model], *, leave_out: Sequence[str] = ()) -> tuple[str, ...]:
    """The attribute names of the model's columns, in the model's order, without `leave_out`."""
    return tuple(f.attname for f in model._meta.concrete_fields if f.name not in leave_out)


@lru_cache(maxsize=512)
def _field(model: type[Model], name: str) -> Any:
    meta = model._meta
    for field in meta.concrete_fields:
        if name in (field.attname, field.name):
            return field
    raise LookupError(f"{meta.label} has no column {name!r}")


@lru_cache(maxsize=64)
def _converters(
    model: type[Model], names: tuple[str, ...], vendor: str
) -> tuple[tuple[Any, list[Converter]], ...]:
    out = []
    for name in names:
        column = _field(model, name).get_col(model._meta.db_table)
        convert = connection.ops.get_db_converters(column) + column.get_db_converters(connection)
        out.append((column, convert))
    return tuple(out)


def converted(model: type[Model], names: Sequence[str], values: Sequence[Any]) -> list[Any]:
    """The driver's values of these fields as the ORM gives them back."""
    db = _db()
    out = []
    for (column, convert), value in zip(_converters(model, tuple(names), db.vendor), values, strict=True):
        for step in convert:
            value = step(value, column, db)
        out.append(value)
    return out


def instance(model: type[M], names: Sequence[str], values: Sequence[Any]) -> M:
    """A model instance from the driver's values of these fields (the others are deferred)."""
    return model.from_db(DEFAULT_DB_ALIAS, list(names), converted(model, names, values))


def prepared(model: type[Model], names: Sequence[str], values: Sequence[Any]) -> list[Any]:
    """Python values of these fields as the database takes them (the fields' own preparation)."""
    db = _db()
    return [
        _field(model, name).get_db_prep_save(value, db) for name, value in zip(names, values, strict=True)
    ]


def _db() -> Any:
    """This thread's database wrapper, for what the hot path does per statement or per value.
    `django.db.connection` looks it up again at each attribute read (0.5 to 1 µs each), and a
    field's preparation reads several: a set's 22 columns took 46 µs to prepare through it and
    23 µs through the wrapper. (Typed Any: the stubs lack the health check's attributes.)"""
    return connections[DEFAULT_DB_ALIAS]


def fetch(sql: str, params: Sequence[Any], *, prepare: bool = True) -> list[tuple[Any, ...]]:
    """The rows of a read. The first statement of a request, outside a transaction, is also the
    check that the kept connection still works (`_checked_by_running`)."""
    if _checked_by_running():
        try:
            return _fetch(sql, params, prepare)
        except (OperationalError, InterfaceError):
            if connection.is_usable():
                raise
            # The server dropped the connection (a restart): the read again, on a new one.
            connection.close()
    return _fetch(sql, params, prepare)


def _fetch(sql: str, params: Sequence[Any], prepare: bool) -> list[tuple[Any, ...]]:
    with statement_cursor(prepare) as cursor:
        cursor.execute(sql, params)
        return list(cursor.fetchall())


def _checked_by_running() -> bool:
    """True when this read stands in for the check Django makes of a kept connection before a
    request's first statement (CONN_HEALTH_CHECKS), and that check is now counted as done.

    Django's check is one more round trip to the server (`SELECT 1`); an API request's first
    statement is the read of its token, and a read outside a transaction can simply be run again
    on a new connection when the kept one turns out to be dead. Inside a transaction Django's own
    check stays: nothing there can be run again."""
    db = _db()
    if db.connection is None or not db.health_check_enabled or db.health_check_done or db.in_atomic_block:
        return False
    db.health_check_done = True
    return True


def execute(sql: str, params: Sequence[Any]) -> None:
    with statement_cursor() as cursor:
        cursor.execute(sql, params)


def statement_cursor(prepare: bool = True) -> Any:
    """A cursor of Django's connection, as `connection.cursor()` gives (query logging, error
    wrapping, the connection's health check), that prepares what it executes on PostgreSQL."""
    db = _db()
    if not prepare or db.vendor != "postgresql":
        return db.cursor()
    from repbook.storage.prepared import preparing_cursor  # needs psycopg: PostgreSQL only

    return preparing_cursor(db)


def for_update(*, no_key: bool = False, of: str = "") -> str:
    """The row-lock clause where the database has one (PostgreSQL); SQLite's one write lock
    (BEGIN IMMEDIATE) already orders the writers. `of`: lock only the rows of this table alias
    (the others of an outer join cannot be locked)."""
    if not connection.features.has_select_for_update:
        return ""
    return (" FOR NO KEY UPDATE" if no_key else " FOR UPDATE") + (f" OF {of}" if of else "")
