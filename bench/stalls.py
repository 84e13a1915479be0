"""The app's event-loop stalls, as its stall watch logged them (tui/stall_watch.py), read by the benchmark.

The benchmark starts the app with ``WERKBOEK_STALL_LOG`` set; each line of that file is one stall
(``at``: wall-clock start, ``ms``: length, ``stack``: the main thread's frames, innermost first). Only
stalls that began after the dashboard was on screen count, and each is put down to what the benchmark
was doing then (a phase: "eerste keer 4", "filter typen", "autosave", ...).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

PROJECT_FOLDERS = ("screens/", "widgets/", "tui/", "models/", "core/", "cli/")
ENTRY_FRAMES = ("tui/stall_watch.py", "cli/main.py", "cli/app.py")


@dataclass(frozen=True)
class Stall:
    at: float
    ms: float
    stack: tuple[str, ...]
    phase: str = ""

    @property
    def where(self) -> str:
        """Where the loop was: the innermost frame, and the innermost frame of the project's own code
        below it (``textual/widget.py:… refresh ← screens/actions.py:148 refresh_list``); the start-up
        frames (cli/main.py, cli/app.py) do not count as the project's own here."""
        if not self.stack:
            return "(geen stack)"
        innermost = self.stack[0]
        for frame in self.stack:
            if frame.startswith(PROJECT_FOLDERS) and not frame.startswith(ENTRY_FRAMES):
                return frame if frame == innermost else f"{innermost} ← {frame}"
        return innermost


def read_stalls(log: Path, after: float, phases: list[tuple[float, str]]) -> list[Stall]:
    """The stalls in ``log`` that began at or after ``after`` (wall clock), each with the phase it began
    in: ``phases`` is a list of (wall-clock start, name) in time order."""
    if not log.exists():
        return []
    stalls = []
    for line in log.read_text(encoding="utf-8").splitlines():
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            continue  # a line being written as the app was killed
        at = float(record["at"])
        if at < after:
            continue
        phase = ""
        for started, name in phases:
            if started <= at:
                phase = name
        stalls.append(Stall(at, float(record["ms"]), tuple(record.get("stack", [])), phase))
    return stalls


def longest(stalls: list[Stall]) -> Stall | None:
    return max(stalls, key=lambda stall: stall.ms, default=None)
