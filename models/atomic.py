"""Crash-safe file writes: a crash at any moment leaves the old file or the new one, never half."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def backup_path(path: Path) -> Path:
    """Where the previous version of ``path`` is kept (``FILE.bak``)."""
    return path.with_name(path.name + ".bak")


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _write_temp(folder: Path, name: str, data: bytes, mode: int) -> Path:
    """Write ``data`` to a new temporary file in ``folder``, flushed to disk."""
    fd, temp_name = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".tmp")
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        temp.chmod(mode)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return temp


def _default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write_atomic(path: Path, data: bytes, *, keep_backup: bool = True) -> None:
    """Replace ``path`` with ``data`` atomically, keeping the previous version as ``FILE.bak``.

    The new content goes to a temporary file in the same folder, is flushed and fsynced, and
    is then renamed over the target. The backup is written the same way (a copy, never a
    rename of the target), so the target name never goes missing.
    """
    folder = path.parent
    try:
        mode = path.stat().st_mode & 0o7777
        exists = True
    except FileNotFoundError:
        mode, exists = _default_mode(), False
    temp = _write_temp(folder, path.name, data, mode)
    try:
        if exists and keep_backup:
            bak = backup_path(path)
            _write_temp(folder, bak.name, path.read_bytes(), mode).replace(bak)
        temp.replace(path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    _fsync_dir(folder)
