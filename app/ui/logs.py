"""The desktop app's log: warnings and failures, in the user's log folder (Help: "Open log
folder"). Never a secret — core errors carry none, and keys and phrases travel as `Secret`."""
from __future__ import annotations

import logging
import os
from logging.handlers import RotatingFileHandler
from pathlib import Path

LOG_FILE = "milk-wallet.log"


def log_dir() -> Path:
    """MILK_LOG_DIR, else the platform's user log folder."""
    chosen = os.environ.get("MILK_LOG_DIR")
    if chosen:
        return Path(chosen).expanduser()
    from platformdirs import user_log_dir

    from app.core.profile_dir import APP_DIR_NAME  # not the services: see app.ui.app

    return Path(user_log_dir(APP_DIR_NAME, appauthor=False))


def start_logging(level: int = logging.INFO) -> Path:
    """Log to a rotating file (1 MB, 3 old files kept); returns the folder."""
    folder = log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    handler = RotatingFileHandler(folder / LOG_FILE, maxBytes=1_000_000, backupCount=3,
                                  encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(min(root.level or level, level))
    return folder
