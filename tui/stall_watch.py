"""A watch on the event loop for the benchmark: every stall over a threshold, with what the loop was doing.

Off unless ``$WERKBOEK_STALL_LOG`` names a file. Then a heartbeat on the event loop sleeps 5 ms at a
time and notes when it woke late; a thread beside it looks at the main thread's stack while the
heartbeat is overdue, so each stall is logged with the code that held the loop. One JSON line per
stall: ``{"at": wall-clock start, "ms": length, "stack": ["file:line function", ...]}``. The
threshold is ``$WERKBOEK_STALL_MS`` (default 50 ms).
"""

from __future__ import annotations

import asyncio
import os
import sys
import threading
import time
from collections import Counter
from pathlib import Path

from models.json_lines import append_record

TICK_SECONDS = 0.005
SAMPLE_SECONDS = 0.01


def _frames(thread_id: int) -> list[str]:
    """The innermost frames of ``thread_id``, innermost first, as ``file:line function``."""
    frame = sys._current_frames().get(thread_id)
    lines: list[str] = []
    while frame is not None and len(lines) < 40:
        code = frame.f_code
        lines.append(f"{_short(code.co_filename)}:{frame.f_lineno} {code.co_name}")
        frame = frame.f_back
    return lines


def _short(filename: str) -> str:
    """A path short enough to read: from the package folder on (``textual/widget.py``)."""
    parts = Path(filename).parts
    for anchor in ("site-packages", "main"):
        if anchor in parts:
            return "/".join(parts[parts.index(anchor) + 1 :])
    return "/".join(parts[-2:])


class StallWatch:
    """Heartbeat on the loop plus a sampling thread; writes each stall to ``log`` as it ends."""

    def __init__(self, log: Path, threshold_ms: float) -> None:
        self.log = log
        self.threshold = threshold_ms / 1000
        self._beat_at = time.monotonic()
        self._samples: Counter[tuple[str, ...]] = Counter()
        self._main_thread = threading.get_ident()
        self._lock = threading.Lock()

    def start(self) -> None:
        asyncio.get_running_loop().create_task(self._heartbeat(), name="stall-watch")
        threading.Thread(target=self._sample, name="stall-watch", daemon=True).start()

    async def _heartbeat(self) -> None:
        while True:
            self._beat_at = before = time.monotonic()
            await asyncio.sleep(TICK_SECONDS)
            late = time.monotonic() - before - TICK_SECONDS
            with self._lock:
                samples, self._samples = self._samples, Counter()
            if late >= self.threshold:
                self._write(time.time() - late, late, samples)

    def _sample(self) -> None:
        """While the heartbeat is overdue, note the main thread's stack every 10 ms."""
        while True:
            time.sleep(SAMPLE_SECONDS)
            if time.monotonic() - self._beat_at > self.threshold / 2 + TICK_SECONDS:
                stack = tuple(_frames(self._main_thread))
                with self._lock:
                    self._samples[stack] += 1

    def _write(self, started: float, late: float, samples: Counter[tuple[str, ...]]) -> None:
        stack = list(samples.most_common(1)[0][0]) if samples else []
        record = {"at": started, "ms": round(late * 1000, 1), "stack": stack, "samples": sum(samples.values())}
        append_record(self.log, record)


def start_if_asked() -> None:
    """Start the watch when the environment asks for it (the benchmark does); otherwise do nothing."""
    log = os.environ.get("WERKBOEK_STALL_LOG")
    if log:
        StallWatch(Path(log), float(os.environ.get("WERKBOEK_STALL_MS", "50"))).start()
