"""Where a profile lives, without loading the services (the desktop app needs it before its
window is up, the services only after)."""
from __future__ import annotations

import os
from pathlib import Path

APP_DIR_NAME = "MiLk Wallet"
DB_FILE = "ledger.sqlite3"  # the profile's ledger, unless DATABASE_URL_ENV points elsewhere
DATABASE_URL_ENV = "MILK_DATABASE_URL"


def default_data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_DIR_NAME, appauthor=False))


def resolve_data_dir(explicit: str | os.PathLike | None = None) -> Path:
    """--data-dir, else MILK_DATA_DIR, else the platform's user data directory."""
    chosen = explicit or os.environ.get("MILK_DATA_DIR")
    return Path(chosen).expanduser() if chosen else default_data_dir()
