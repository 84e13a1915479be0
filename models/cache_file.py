"""A cache kept in a file: objects the app made once and reads back at the next start.

Only a cache: a missing, broken or foreign file reads as nothing (the caller makes the objects anew), and a
write that fails (no room, no rights) is left out. Written atomically, so two windows never leave half a file.
"""

from __future__ import annotations

import contextlib
import pickle
from pathlib import Path
from typing import Any

from models.atomic import write_atomic


def read_cache(path: Path) -> Any:
    """What :func:`write_cache` kept at ``path``, or None."""
    with contextlib.suppress(Exception):  # unpickling a damaged file can raise almost anything
        return pickle.loads(path.read_bytes())
    return None


def write_cache(path: Path, value: object) -> bool:
    """Keep ``value`` at ``path`` for a later :func:`read_cache`; False when it could not be written."""
    data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, data, keep_backup=False)
    except OSError:
        return False
    return True
