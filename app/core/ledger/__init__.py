"""The local ledger: a double-entry, hash-chained, append-only journal in SQL."""
from app.core.ledger.database import Database, sqlite_url
from app.core.ledger.journal import Entry, Journal, Line, NewLot, PostedLine
from app.core.ledger.verify import VerifyReport, verify

__all__ = ["Database", "Entry", "Journal", "Line", "NewLot", "PostedLine", "VerifyReport",
           "sqlite_url", "verify"]
