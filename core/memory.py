"""Give memory freed after a large job back to the operating system (glibc's ``malloc_trim``).

Reading a workbook builds the whole TOML document and the validated plan side by side; once the
document is dropped, the C allocator keeps most of that peak for itself. At 10,000 actions that was
some 30 MB the process held but no longer used. Elsewhere than glibc (macOS, musl) this does nothing.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

LARGE_PLAN = 500
"""From this many actions a load is worth a trim; below it the peak is small (and ctypes stays unloaded)."""


@functools.cache
def _malloc_trim() -> Callable[[int], int] | None:
    import ctypes  # only when there is something to give back: not part of every start-up

    try:
        return getattr(ctypes.CDLL(None), "malloc_trim", None)
    except OSError:
        return None


def release_freed_memory() -> None:
    """Return the allocator's free memory to the system, where the C library can."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)
