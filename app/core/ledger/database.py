"""Connecting to the ledger database: SQLite by default, PostgreSQL for a TICA operator.

Writers are serialized on the chain head: SQLite takes its write lock up front
(BEGIN IMMEDIATE), PostgreSQL locks the `chain_head` row (SELECT ... FOR UPDATE). Either way
two processes appending at once queue up instead of forking the hash chain. A profile's
database has a Notary: every write transaction that appends entries signs a checkpoint just
before its commit and brings the keyring witness up to date after it.
"""
from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, event, inspect, make_url, select, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from app.core.errors import ExternalError
from app.core.ledger import checkpoint, storage
from app.core.ledger.guard import SOUND
from app.core.ledger.journal import NOTARY
from app.core.ledger.notary import Notary
from app.core.ledger.revisions import MIGRATIONS_DIR, known_revisions
from app.core.ledger.schema import ChainHead

log = logging.getLogger(__name__)

SQLITE_BUSY_TIMEOUT_MS = 30_000


def normalise_url(url: str) -> str:
    """Accept plain postgresql:// URLs and route them to psycopg 3."""
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{Path(path).resolve()}"


def location(url: str, directory: Path) -> str:
    """Where a profile's ledger lives, as nothing inside it can change: the resolved SQLite
    path, or the server URL without its password together with the profile folder that holds
    its checkpoint (a new folder on the same database is a new location, as a moved SQLite
    profile is)."""
    parsed = make_url(normalise_url(url))
    if parsed.drivername.startswith("sqlite"):
        return str(Path(parsed.database or ":memory:").resolve())
    server = parsed.set(password=None).render_as_string(hide_password=False)
    return f"{server} for {Path(directory).resolve()}"


class Database:
    """Engine + session factories + schema management for one ledger database."""

    def __init__(self, url: str, notary: Notary | None = None):
        self.url = normalise_url(url)
        self.engine: Engine = _make_engine(self.url)
        self.dialect = self.engine.dialect.name
        self.notary = notary
        self.sound_entries: dict[int, str] = {}  # see AppendGuard
        writer = self.engine.execution_options(milk_write=True)
        self._reader = sessionmaker(bind=self.engine, expire_on_commit=False)
        self._writer = sessionmaker(bind=writer, expire_on_commit=False)

    @classmethod
    def open_profile(cls, directory: Path, url: str) -> Database:
        """The ledger of the profile in `directory`, checked before anything uses it: a SQLite
        file that is missing while its checkpoint is there, empty, truncated, not a database
        or failing `PRAGMA quick_check` is reported (exit 4), never re-created; then the
        schema is migrated, and checkpoints are signed beside the database."""
        url = normalise_url(url)
        beside = Path(directory) / checkpoint.FILE_NAME
        if url.startswith("sqlite"):
            storage.check_file(Path(make_url(url).database), beside)
        db = cls(url, Notary(beside, location(url, directory)))
        try:
            if db.dialect == "sqlite":
                storage.quick_check(db, beside)
            db.migrate()
        except BaseException:
            db.engine.dispose()
            raise
        return db

    # -- schema --------------------------------------------------------------------------------
    def migrate(self) -> None:
        """Bring the schema to this app's head; refuse a schema newer than the app."""
        known = known_revisions()
        with _database_errors():
            with self.engine.connect() as conn:
                current = _current_revision(conn)
        if current is not None and current not in known:
            raise ExternalError(
                f"This database was written by a newer version of MiL.k Wallet (schema "
                f"{current}); this version knows schemas up to {known[-1]}. Update the app, or "
                "open another data directory.",
                code="schema_too_new", details={"revision": current})
        if current == known[-1]:
            return
        from alembic import command  # only when there is something to migrate
        from alembic.config import Config

        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
        with _database_errors():
            with self.engine.begin() as conn:
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
        log.info("ledger schema migrated from %s to %s", current, known[-1])

    def schema_revision(self) -> str | None:
        with self.engine.connect() as conn:
            return _current_revision(conn)

    # -- sessions ------------------------------------------------------------------------------
    @contextmanager
    def write(self) -> Iterator[Session]:
        """A write transaction holding the chain-head lock; commits on success. With a
        notary, the checkpoint is signed before the commit and the witness updated after."""
        with _database_errors():
            with self._writer() as session:
                with session.begin():
                    if self.dialect == "postgresql":
                        session.execute(select(ChainHead).where(ChainHead.id == 1)
                                        .with_for_update())
                    session.info[SOUND] = self.sound_entries
                    if self.notary is not None:
                        session.info[NOTARY] = self.notary
                    yield session
                    if self.notary is not None:
                        self.notary.seal(session)
                done = dict(session.info)
            if self.notary is not None:
                self.notary.committed(done)

    @contextmanager
    def read(self) -> Iterator[Session]:
        with _database_errors():
            with self._reader() as session:
                yield session

    def dispose(self) -> None:
        if self.notary is not None:
            self.notary.close()
        self.engine.dispose()


def sql_reads(session: Session):
    """`query(sql, params) -> rows` over `session`: the plain-SQL reads that also run on a
    bare sqlite3 connection (app.core.overview)."""
    return lambda sql, params: session.execute(text(sql), params).all()


def _current_revision(conn) -> str | None:
    if not inspect(conn).has_table("alembic_version"):
        return None
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def _make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn, _record):
            # Let SQLAlchemy, not the driver, decide when transactions begin (see "begin").
            dbapi_conn.isolation_level = None
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")  # readers don't block the writer
            cur.execute("PRAGMA synchronous=FULL")  # a committed entry survives power loss
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
            cur.close()

        @event.listens_for(engine, "begin")
        def _sqlite_begin(conn):
            # Writers take the database write lock before reading the chain head.
            immediate = conn.get_execution_options().get("milk_write")
            conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

        return engine
    return create_engine(url, pool_pre_ping=True)


@contextmanager
def _database_errors():
    """Turn driver-level failures (unreachable server, locked file, a damaged file, a refusal
    by the ledger's own guards) into ExternalError."""
    try:
        yield
    except DBAPIError as exc:
        reason = _short(exc)
        if storage.is_damage(reason):
            raise ExternalError(f"The ledger database file is damaged: {reason}. Nothing was "
                                "changed. Run `milk ledger verify`, then restore your last "
                                "backup (`milk restore FILE`).", code="ledger_damaged") from exc
        if storage.GUARD_REFUSAL in reason or "append-only" in reason:
            raise ExternalError(f"The ledger refused a change: {reason}. Nothing was written; "
                                "run `milk ledger verify`.", code="ledger_guard") from exc
        if isinstance(exc, OperationalError):
            raise ExternalError(f"The ledger database is not available: {reason}",
                                code="database") from exc
        if exc.connection_invalidated:
            raise ExternalError(f"Lost the connection to the ledger database: {reason}",
                                code="database") from exc
        raise


def _short(exc: DBAPIError) -> str:
    return str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
