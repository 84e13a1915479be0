"""Append one record to a JSON-lines file: the benchmark's log of event-loop stalls (tui/stall_watch.py)."""

from __future__ import annotations

import json
from pathlib import Path


def append_record(path: Path, record: dict[str, object]) -> None:
    """Add ``record`` as one line at the end of ``path`` (made when missing)."""
    with path.open("a", encoding="utf-8") as handle:
        handle.write(json.dumps(record, ensure_ascii=False) + "\n")
