"""Profiles prepared for tests."""
from __future__ import annotations


def demo_profile_without_wallet(data_dir) -> None:
    """What `milk init --demo` makes, less the presenter's wallet (for tests that make or
    import their own). In-process: the `milk` entry point always seeds the demo key."""
    from app.core.services import Services

    svc = Services.open(data_dir)
    try:
        svc.admin.init(demo=True)
    finally:
        svc.close()
