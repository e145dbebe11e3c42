"""Writing files so that a crash or a full disk never leaves half a file behind.

Backups, exports and checkpoints are written to a temporary file in the same directory,
flushed and fsynced, then renamed over the target (atomic on POSIX and Windows), and the
directory is fsynced so the rename itself survives a power cut.
"""
from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from app.core.errors import ExternalError, InputError


def check_target(target: Path, force: bool = False) -> Path:
    """Refuse, with exit-2 messages, a target that cannot or should not be written."""
    target = Path(target).expanduser()
    if target.is_dir():
        raise InputError(f"{target} is a folder; give a file name.", code="target_is_dir")
    if not target.parent.is_dir():
        raise InputError(f"The folder {target.parent} does not exist.", code="no_such_dir")
    if target.exists() and not force:
        raise InputError(f"{target} already exists. Choose another name, or replace it on "
                         "purpose (--force).", code="target_exists")
    return target


def atomic_write(target: Path, write: Callable[[BinaryIO], None], durable: bool = True) -> None:
    """Call `write(file)` on a temporary file beside `target`, then move it into place.
    With `durable`, the data and the rename are fsynced before returning."""
    target = Path(target)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    except OSError as exc:
        raise ExternalError(f"Cannot write in {target.parent}: {exc.strerror}.",
                            code="write_failed") from None
    try:
        with os.fdopen(fd, "wb") as f:
            write(f)
            f.flush()
            if durable:
                os.fsync(f.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise ExternalError(f"Could not write {target}: {exc.strerror or exc}.",
                            code="write_failed") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    if durable:
        fsync_dir(target.parent)


def atomic_write_bytes(target: Path, data: bytes, durable: bool = True) -> None:
    atomic_write(target, lambda f: f.write(data), durable)


def atomic_write_text(target: Path, text: str, durable: bool = True) -> None:
    atomic_write_bytes(target, text.encode("utf-8"), durable)


def fsync_dir(directory: Path) -> None:
    """Make a rename in `directory` durable (a no-op where directories cannot be opened)."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
