"""Writing a file under a name that is not taken yet: a copy kept for the user never replaces another.

Conflict copies and recovery copies hold edits that exist nowhere else. A second conflict, or a second
failed save, must not write over the first one: each gets a name of its own (``NAAM.conflict.toml``,
``NAAM.conflict-2.toml``, …). The content is written to a temporary file first and then given its
name with a hard link, which the operating system refuses when the name exists; so even two
processes at the same instant never share a name, and a crash leaves no half-written copy.
"""

from __future__ import annotations

import errno
import itertools
import os
from pathlib import Path

from models.atomic import fsync_dir, write_temp

_NO_LINKS = {errno.EPERM, errno.EXDEV, errno.EMLINK, getattr(errno, "ENOTSUP", -1), getattr(errno, "EOPNOTSUPP", -1)}
"""Errors of a file system without hard links (FAT, some network disks): then an exclusive create."""


def numbered(folder: Path, base: str, suffix: str, number: int) -> Path:
    """``base + suffix`` for the first, ``base-N + suffix`` for the N-th."""
    return folder / (f"{base}{suffix}" if number == 1 else f"{base}-{number}{suffix}")


def free_name(folder: Path, base: str, suffix: str) -> Path:
    """The first of ``base``, ``base-2``, ``base-3``, … (with ``suffix``) that does not exist in ``folder``."""
    for number in itertools.count(1):
        candidate = numbered(folder, base, suffix, number)
        if not os.path.lexists(candidate):
            return candidate
    raise AssertionError("unreachable")  # pragma: no cover


def write_new(folder: Path, base: str, suffix: str, data: bytes, *, mode: int = 0o600) -> Path:
    """Write ``data`` to the first free name of :func:`free_name` and return it; never overwrites.

    ``mode`` is the new file's permissions (by default only the user may read it: copies of a
    client's workbook in the state folder are nobody else's business)."""
    folder.mkdir(parents=True, exist_ok=True)
    temp = write_temp(folder, base, data, mode)
    try:
        for number in itertools.count(1):
            target = numbered(folder, base, suffix, number)
            try:
                os.link(temp, target)
            except FileExistsError:
                continue
            except OSError as error:
                if error.errno not in _NO_LINKS:
                    raise
                return _write_exclusive(folder, base, suffix, data, mode)
            return target
    finally:
        temp.unlink(missing_ok=True)
        fsync_dir(folder)
    raise AssertionError("unreachable")  # pragma: no cover


def _write_exclusive(folder: Path, base: str, suffix: str, data: bytes, mode: int) -> Path:
    for number in itertools.count(1):
        target = numbered(folder, base, suffix, number)
        try:
            fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), mode)
        except FileExistsError:
            continue
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
        except BaseException:
            target.unlink(missing_ok=True)
            raise
        return target
    raise AssertionError("unreachable")  # pragma: no cover
