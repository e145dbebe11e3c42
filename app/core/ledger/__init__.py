"""The local ledger: a double-entry, hash-chained, append-only journal in SQL.

The names below load their modules (and SQLAlchemy) when first used, so that a light module
of the package (`revisions`) can be imported before SQLAlchemy is: Home's first figures are
read that way (app.core.glance)."""
from importlib import import_module

_WHERE = {"Database": "database", "sqlite_url": "database", "Entry": "journal",
          "Journal": "journal", "Line": "journal", "NewLot": "journal", "PostedLine": "journal",
          "VerifyReport": "verify"}  # (the walk itself: app.core.ledger.verify.verify)

__all__ = sorted(_WHERE)


def __getattr__(name: str):
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{_WHERE[name]}"), name)
    globals()[name] = value
    return value
