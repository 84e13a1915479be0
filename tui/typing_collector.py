"""No cyclic garbage collection while keys come in a burst.

A full pass of Python's cyclic collector visits every object that is not frozen: the app's widgets, the lines
its screens drew and Textual's caches, some 80,000 objects on a 50,000-action plan once every screen has been
opened. It took 20–30 ms, and landing between a filter keystroke and its frame it made that keystroke 50–65 ms
instead of 20 (issue 16, collector callbacks in a timeline of a pseudo-terminal). While keys come in, the
collector waits; half a second after the last key it is on again. Reference counting frees almost everything
meanwhile: only reference cycles wait for the collector.
"""

from __future__ import annotations

import gc
import time

from textual.message_pump import MessagePump

QUIET_SECONDS = 0.5
"""How long after the last key the collector is on again."""


class TypingCollectorPause:
    """Turns the collector off on a key and back on once keys have stopped for :data:`QUIET_SECONDS`."""

    def __init__(self, timers: MessagePump) -> None:
        self._timers = timers
        self._paused = False
        self._last_key = 0.0

    def key(self) -> None:
        self._last_key = time.monotonic()
        if self._paused or not gc.isenabled():  # off already: start-up turned it off, and turns it on itself
            return
        gc.disable()
        self._paused = True
        self._timers.set_timer(QUIET_SECONDS, self._resume_when_quiet, name="collector after typing")

    def _resume_when_quiet(self) -> None:
        waited = time.monotonic() - self._last_key
        if waited < QUIET_SECONDS:
            self._timers.set_timer(QUIET_SECONDS - waited, self._resume_when_quiet, name="collector after typing")
        else:
            self.resume()

    def resume(self) -> None:
        """The collector on again (also when the app ends: a test process goes on after it)."""
        if self._paused:
            self._paused = False
            gc.enable()
