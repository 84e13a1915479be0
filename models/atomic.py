"""Crash-safe file writes: a crash at any moment leaves the old file or the new one, never half."""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
import time
from pathlib import Path

from models.file_lock import real_path


def fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


TEMP_SUFFIX = ".tmp"


def write_temp(folder: Path, name: str, data: bytes, mode: int) -> Path:
    """Write ``data`` to a new temporary file ``.NAME.XXXXXXXX.tmp`` in ``folder``, flushed to disk."""
    fd, temp_name = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=TEMP_SUFFIX)
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


def leftover_temps(path: Path, *, older_than: float = 0.0) -> list[Path]:
    """Temporary files that :func:`write_atomic` made for ``path`` and a crash left behind.

    Only names of exactly that form (``.NAME.`` + the 8 random characters of :mod:`tempfile` +
    ``.tmp``) beside the real file, so nothing of anyone else is touched; with ``older_than``, only
    those last written at least that many seconds ago.
    """
    target = real_path(path)
    pattern = re.compile(rf"\.{re.escape(target.name)}\.[a-z0-9_]{{8}}{re.escape(TEMP_SUFFIX)}")
    now = time.time()
    found = []
    with contextlib.suppress(OSError):
        for entry in os.scandir(target.parent):
            if not pattern.fullmatch(entry.name):
                continue
            with contextlib.suppress(OSError):
                if (
                    entry.is_file(follow_symlinks=False)
                    and now - entry.stat(follow_symlinks=False).st_mtime >= older_than
                ):
                    found.append(Path(entry.path))
    return sorted(found)


def _default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write_atomic(path: Path, data: bytes, *, backup: Path | None = None, keep_backup: bool = True) -> None:
    """Replace ``path`` with ``data`` atomically; with ``backup``, keep the previous version there first.

    The new content goes to a temporary file in the same folder, is flushed and fsynced, and
    is then renamed over the target. A symlink is followed: its target gets the new content and
    the link stays a link. The backup (only when ``backup`` is given and ``keep_backup`` is not
    False) is written the same way, in its own folder: a copy, never a rename of the target, so
    the target name never goes missing.
    """
    target = real_path(path)
    folder = target.parent
    try:
        mode = target.stat().st_mode & 0o7777
        exists = True
    except FileNotFoundError:
        mode, exists = _default_mode(), False
    temp = write_temp(folder, target.name, data, mode)
    try:
        if exists and keep_backup and backup is not None:
            _copy_atomic(target, backup, mode)
        temp.replace(target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    fsync_dir(folder)


def _copy_atomic(source: Path, target: Path, mode: int) -> None:
    """Copy ``source`` to ``target`` (its folder made if needed), atomically."""
    target.parent.mkdir(parents=True, exist_ok=True)
    write_temp(target.parent, target.name, source.read_bytes(), mode).replace(target)
