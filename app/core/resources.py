"""Where the app's read-only resources (partners.json, contracts, i18n, icons) live."""
from __future__ import annotations

import os
import sys
from pathlib import Path


def resource_path(*parts: str) -> Path:
    """MILK_RESOURCES, else the PyInstaller bundle, else <repo>/resources (a checkout or an
    editable install), else <prefix>/share/milk-wallet/resources (a regular install)."""
    override = os.environ.get("MILK_RESOURCES")
    if override:
        base = Path(override)
    elif getattr(sys, "_MEIPASS", None):
        base = Path(sys._MEIPASS) / "resources"
    else:
        base = Path(__file__).resolve().parents[2] / "resources"
        if not base.is_dir():
            base = Path(sys.prefix) / "share" / "milk-wallet" / "resources"
    return base.joinpath(*parts)
