"""A lock per workbook, shared by every process on this computer that saves the same file.

Two windows (two terminals, two browser tabs of ``werkboek serve``) can have one workbook open. A
save reads the file on disk, checks it is still what this window last read or wrote, and only then
writes; without a lock two saves at the same instant can both pass the check and the first edit is
silently lost. :func:`workbook_lock` makes check-and-write one step: it holds an operating-system
lock on a small lock file beside the workbook (``.NAME.toml.lock``; beside it so every process that
opens the file, through whatever path or symlink, finds the same one).

The lock is the kernel's (``flock`` on Linux and macOS, ``msvcrt.locking`` on Windows), not the
existence of the file: when a process dies, even by SIGKILL, the kernel releases its lock. A lock
file left behind is harmless and never blocks; it is never deleted either (deleting it while another
process waits on it would let two processes hold "the" lock on two different files). Where no lock
is available at all, saving still works, with only the check on disk as protection.
"""

from __future__ import annotations

import contextlib
import errno
import os
import time
from collections.abc import Iterator
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]
try:
    import msvcrt
except ImportError:  # everything but Windows
    msvcrt = None  # type: ignore[assignment]

WAIT_SECONDS = 10.0
"""How long a save waits for another window's save before it gives up (a save takes milliseconds)."""
_POLL_SECONDS = 0.005


class LockTimeoutError(OSError):
    """Another process held the workbook's lock for longer than a save can take."""

    def __init__(self, path: Path, lock: Path, seconds: float) -> None:
        self.path = path
        self.lock = lock
        super().__init__(
            errno.EAGAIN,
            f"{path} wordt al {seconds:.0f} seconden door een ander venster of programma opgeslagen "
            f"(vergrendeld via {lock.name}); er is niets overschreven. Je wijziging staat nog in het "
            "werkboek: probeer het zo opnieuw, of sluit het andere venster",
        )

    def __str__(self) -> str:
        return str(self.strerror)


def real_path(path: Path) -> Path:
    """The file a save must write: the target of a symlink (also through a chain of links), absolute.

    Never raises: a symlink loop gives back the path as far as it could be followed.
    """
    return Path(os.path.realpath(path))


def lock_path(path: Path) -> Path:
    """The lock file of the workbook ``path``: ``.NAME.lock`` beside the real file (not beside a link)."""
    target = real_path(path)
    return target.with_name(f".{target.name}.lock")


def _open_lock_file(lock: Path) -> int:
    """Open (and if needed create) the lock file; read-only if it belongs to someone else."""
    flags = getattr(os, "O_CLOEXEC", 0)
    try:
        return os.open(lock, os.O_RDWR | os.O_CREAT | flags, 0o666)
    except PermissionError:
        if not lock.exists():
            raise
        return os.open(lock, os.O_RDONLY | flags)  # flock works on a file opened for reading


def _try_lock(fd: int) -> bool:
    """Take the lock without waiting; False when another process has it.

    On a file system without locks (``ENOLCK``, some network shares) and on a system without any
    locking, it counts as taken: saving goes on with only the check on disk, as before locks.
    """
    if fcntl is not None:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as error:
            if error.errno in (errno.EAGAIN, errno.EWOULDBLOCK, errno.EACCES):
                return False
            if error.errno not in (errno.ENOLCK, errno.EINVAL, errno.EOPNOTSUPP):
                raise
    elif msvcrt is not None:  # pragma: no cover - Windows only
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
    return True


def _unlock(fd: int) -> None:
    if fcntl is not None:
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_UN)
    elif msvcrt is not None:  # pragma: no cover - Windows only
        with contextlib.suppress(OSError):
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)


@contextlib.contextmanager
def workbook_lock(path: Path, *, wait: float | None = None) -> Iterator[bool]:
    """Hold the lock of workbook ``path`` for the ``with`` block; yields True once it is held.

    Waits at most ``wait`` seconds (default :data:`WAIT_SECONDS`) for another process's save, then
    raises :class:`LockTimeoutError`. With ``wait=0`` it does not wait but yields False when the lock
    is taken, so the caller can do something else.
    """
    lock = lock_path(path)
    limit = WAIT_SECONDS if wait is None else wait
    fd = _open_lock_file(lock)
    try:
        deadline = time.monotonic() + limit
        held = _try_lock(fd)
        while not held:
            if limit == 0:
                break
            if time.monotonic() >= deadline:
                raise LockTimeoutError(real_path(path), lock, limit)
            time.sleep(_POLL_SECONDS)
            held = _try_lock(fd)
        try:
            yield held
        finally:
            if held:
                _unlock(fd)
    finally:
        os.close(fd)
