"""The schema objects of a ledger — tables, columns, indexes, triggers, functions — compared
with what this app's migrations create.

Someone holding the file can drop a guard trigger, add one that multiplies the next
conversion, or re-create a table without a constraint; the data can stay perfectly chained.
So `verify` and `restore` build the expected objects by running the migrations on a scratch
database (once per process: SQLite in a temporary file, PostgreSQL in a schema of its own
inside a transaction that is rolled back) and name every difference.
"""
from __future__ import annotations

import re
import tempfile
import uuid
from functools import cache
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

_SPACE = re.compile(r"\s+")


class CannotCompare(Exception):
    """The expected objects cannot be built here (e.g. no right to create a schema)."""


def schema_problems(session: Session) -> list[str]:
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite":
        actual, expected = _sqlite_objects(session), dict(_expected_sqlite())
    else:
        schema = session.execute(text("SELECT current_schema()")).scalar()
        try:
            expected = _expected_postgres(session)
        except DBAPIError as exc:
            raise CannotCompare(str(exc.orig).strip().splitlines()[0]) from None
        actual = _postgres_objects(session, schema)
    problems = []
    for key in sorted(expected.keys() - actual.keys()):
        problems.append(f"the {key[0]} {key[1]} is missing from the database")
    for key in sorted(actual.keys() - expected.keys()):
        problems.append(f"the database has a {key[0]} {key[1]} this app never made")
    for key in sorted(expected.keys() & actual.keys()):
        if expected[key] != actual[key]:
            problems.append(f"the {key[0]} {key[1]} is not the one this app made")
    return problems


def _normal(sql: str | None) -> str:
    """Whitespace collapsed; a table's columns and constraints in a fixed order (SQLite keeps
    the order a migration happened to write them in, e.g. after a batch table rebuild)."""
    text_ = _SPACE.sub(" ", sql or "").strip()
    if not text_.upper().startswith("CREATE TABLE") or "(" not in text_:
        return text_
    head, _, rest = text_.partition("(")
    body, _, tail = rest.rpartition(")")
    return f"{head}({', '.join(sorted(_top_level(body)))}){tail}"


def _top_level(body: str) -> list[str]:
    """The comma-separated parts of a CREATE TABLE body, ignoring commas inside brackets."""
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(body):
        depth += ch == "("
        depth -= ch == ")"
        if ch == "," and depth == 0:
            parts.append(body[start:i].strip())
            start = i + 1
    parts.append(body[start:].strip())
    return [p for p in parts if p]


def _sqlite_objects(session) -> dict[tuple[str, str], str]:
    rows = session.execute(text("SELECT type, name, sql FROM sqlite_master "
                                "WHERE name NOT LIKE 'sqlite_%'")).all()
    return {(kind, name): _normal(sql) for kind, name, sql in rows}


@cache
def _expected_sqlite() -> tuple:
    from app.core.ledger.database import Database, sqlite_url

    with tempfile.TemporaryDirectory(prefix="milk-schema-") as tmp:
        db = Database(sqlite_url(Path(tmp) / "expected.sqlite3"))
        try:
            db.migrate()
            with db.read() as s:
                return tuple(_sqlite_objects(s).items())
        finally:
            db.dispose()


_expected_pg: dict[str, dict] = {}  # per server and role (every database on it alike)


def _expected_postgres(session) -> dict:
    """The migrations run in a throw-away schema of the same server, then rolled back."""
    engine = session.get_bind().engine
    key = engine.url.set(database=None).render_as_string(hide_password=True)
    if key not in _expected_pg:
        from alembic import command
        from alembic.config import Config

        from app.core.ledger.database import MIGRATIONS_DIR

        scratch = f"milk_expected_{uuid.uuid4().hex[:12]}"
        with engine.connect() as conn:
            outer = conn.begin()
            try:
                conn.exec_driver_sql(f"CREATE SCHEMA {scratch}")
                conn.exec_driver_sql(f"SET LOCAL search_path TO {scratch}")
                cfg = Config()
                cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
                _expected_pg[key] = _postgres_objects(conn, scratch)
            finally:
                outer.rollback()
    return _expected_pg[key]


def _postgres_objects(conn, schema: str) -> dict[tuple[str, str], str]:
    def strip(sql: str) -> str:
        return _normal(sql).replace(f"{schema}.", "")

    params = {"s": schema}
    found: dict[tuple[str, str], str] = {}
    columns: dict[str, list[str]] = {}
    for table, column, kind, nullable, default in conn.execute(text(
            "SELECT table_name, column_name, data_type, is_nullable, column_default "
            "FROM information_schema.columns WHERE table_schema = :s "
            "ORDER BY table_name, ordinal_position"), params):
        columns.setdefault(table, []).append(f"{column} {kind} {nullable} {default}")
    for table, cols in columns.items():
        found[("table", table)] = strip("; ".join(cols))
    for name, definition in conn.execute(text(
            "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = :s"), params):
        found[("index", name)] = strip(definition)
    for name, definition in conn.execute(text(
            "SELECT c.conname, pg_get_constraintdef(c.oid) FROM pg_constraint c "
            "JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = :s"), params):
        found[("constraint", name)] = strip(definition)
    for name, definition, enabled in conn.execute(text(
            "SELECT t.tgname, pg_get_triggerdef(t.oid), t.tgenabled FROM pg_trigger t "
            "JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = :s AND NOT t.tgisinternal"), params):
        found[("trigger", name)] = strip(f"{definition} {enabled}")
    for name, source in conn.execute(text(
            "SELECT p.proname, p.prosrc FROM pg_proc p JOIN pg_namespace n "
            "ON n.oid = p.pronamespace WHERE n.nspname = :s"), params):
        found[("function", name)] = strip(source)
    return found
