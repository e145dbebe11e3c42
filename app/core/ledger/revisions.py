"""The schema revisions this build knows (one migration file each), without loading Alembic
or SQLAlchemy."""
from __future__ import annotations

from pathlib import Path

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def known_revisions() -> list[str]:
    """Revision ids this build of the app knows, oldest first (file names start with them)."""
    return sorted(p.name.split("_", 1)[0] for p in (MIGRATIONS_DIR / "versions").glob("[0-9]*.py"))
