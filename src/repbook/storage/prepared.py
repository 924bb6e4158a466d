"""Prepared statements on PostgreSQL, for storage.plain_sql (see its docstring for why).

Django opens psycopg connections with client-side binding and preparation off (`prepare_threshold`
None, for connection poolers that cannot hold prepared statements). Repbook's settings give the
connection a threshold no query reaches, so psycopg prepares nothing on its own, and this cursor,
with server-side binding, asks for each of its statements to be prepared. psycopg keeps them per
connection (up to its `prepared_max`) and runs them by name.

A rolled-back transaction makes psycopg drop every statement it prepared (DEALLOCATE ALL, in
case the transaction had changed what they read): a request that fails after its first statement
(an unknown exercise, an unusual set asked about) leaves the next set to prepare them again,
one round trip more for each. A pooler in front of PostgreSQL must keep prepared statements per
client: PgBouncer does from 1.21 in transaction mode with `max_prepared_statements` set (the
README's "Many users on PostgreSQL").
"""

from __future__ import annotations

from typing import Any

import psycopg
from django.db.backends.utils import CursorDebugWrapper, CursorWrapper


class PreparingCursor(psycopg.Cursor[Any]):
    """psycopg's server-side binding cursor, preparing every statement it executes."""

    def execute(
        self, query: Any, params: Any = None, *, prepare: bool | None = None, binary: bool | None = None
    ) -> Any:
        return super().execute(query, params, prepare=True, binary=binary)


def preparing_cursor(db: Any) -> Any:
    """A PreparingCursor on this thread's database wrapper (`plain_sql._db`, not the
    `django.db.connection` proxy), wrapped as `connection.cursor()` wraps its own: the same health
    check, thread check, query log and database errors."""
    if not db.health_check_done:
        db.close_if_health_check_failed()
    if db.connection is None:
        db.ensure_connection()
    db.validate_thread_sharing()
    # Making a psycopg cursor touches no server: nothing to turn into Django's database errors.
    cursor = PreparingCursor(db.connection)
    if db.queries_logged:
        return _LoggedStatements(cursor, db)
    return CursorWrapper(cursor, db)


class _LoggedStatements(CursorDebugWrapper):
    """Django's query log, with each statement as written (`%s` for its parameters, which the log
    keeps beside it): Django reads the statement back from the driver, and psycopg keeps none for
    a prepared one."""

    def execute(self, sql: Any, params: Any = None) -> Any:
        with self.debug_sql(sql, params):
            return CursorWrapper.execute(self, sql, params)
