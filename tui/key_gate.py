"""Keys go where they were aimed, however fast they come.

Over SSH a burst of keys reaches the app at once. Textual picks each key's target when the key comes
in, so a key typed right after ``tab``, ``ctrl+s``, ``enter`` or a screen key would go to the field or
screen that had focus before that key took effect: text lands in the wrong field, or in a form that is
about to close, and is lost. The gate lets one key (or paste) in at a time: the next one waits until
the previous one has been handled by its target and every widget it bubbled through, or until the
screen changed. Then it goes to whatever has focus by then, as if typed at human speed.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from textual import events
from textual.message_pump import MessagePump

GateEvent = events.Key | events.Paste
HOLD_AT_MOST_SECONDS = 1.0
"""A safety net: a key whose handling never reports back lets the next ones through after this time."""
READY_POLL_SECONDS = 0.01
"""How often to look whether a new screen is ready for the keys that wait for it."""


class KeyGate:
    """Lets input in one event at a time, in the order it came."""

    def __init__(
        self,
        dispatch: Callable[[GateEvent], object],
        ready: Callable[[], bool],
        later: Callable[[float, Callable[[], None]], object],
    ) -> None:
        self._dispatch = dispatch
        """Hands one event to its target (the app's normal way in)."""
        self._ready = ready
        """The screen on top is mounted and has set its focus: a key can find its target."""
        self._later = later
        """Calls back after so many seconds (a new screen still being mounted; the safety net)."""
        self._check_pending = False
        self._waiting: list[GateEvent] = []
        self._busy_since: float | None = None
        self._turn = 0
        """Counts the events let in: a report that comes late, for an earlier event, opens nothing."""

    @property
    def busy(self) -> bool:
        return self._busy_since is not None

    @property
    def idle(self) -> bool:
        """Nothing being handled and nothing waiting."""
        return self._busy_since is None and not self._waiting

    def arrive(self, event: GateEvent) -> None:
        """Line ``event`` up; it goes in (through the app's queue) once all before it are handled."""
        if self._busy_since is not None and time.monotonic() - self._busy_since > HOLD_AT_MOST_SECONDS:
            self._busy_since = None
        self._waiting.append(event)
        self.next()
        if self._waiting and not self._check_pending:
            self._check_pending = True
            self._later(HOLD_AT_MOST_SECONDS, self.check)

    def let_in(self, target: MessagePump) -> None:
        """An event was just handed to ``target``: hold the rest until it and its ancestors handled it."""
        self._busy_since = time.monotonic()
        chain = [target, *target.ancestors] if hasattr(target, "ancestors") else [target]
        self._pass_along(chain, 0, self._turn)

    def _pass_along(self, chain: list[MessagePump], position: int, turn: int) -> None:
        """Queue a marker behind the event at each node in turn: when it reaches the app, all is done."""
        while position < len(chain):
            node = chain[position]
            if node.call_later(self._pass_along, chain, position + 1, turn):
                return
            position += 1  # a node that closed meanwhile takes no messages: skip it
        self.done(turn)

    def screen_changed(self) -> None:
        """A screen opened or closed: the event that did it is handled as far as the next one cares."""
        self.done(self._turn)

    def done(self, turn: int) -> None:
        """The event of ``turn`` is handled: let the next waiting event in."""
        if turn != self._turn or self._busy_since is None:
            return
        self._busy_since = None
        self.next()

    def next(self) -> None:
        """Hand the oldest waiting event to its target (when nothing is being handled). It goes through
        the app's queue, behind what a new screen queued to set its focus."""
        if self._busy_since is None and self._waiting:
            if not self._ready():
                self._later(READY_POLL_SECONDS, self.next)
                return
            self._turn += 1  # reports that come late, for the event before, no longer count
            self._busy_since = time.monotonic()
            self._dispatch(self._waiting.pop(0))

    def check(self) -> None:
        """The safety net, while keys wait: one stuck behind a handler that never reported goes in anyway."""
        self._check_pending = False
        if self._busy_since is not None and time.monotonic() - self._busy_since > HOLD_AT_MOST_SECONDS:
            self._busy_since = None
        self.next()
        if self._waiting:
            self._check_pending = True
            self._later(HOLD_AT_MOST_SECONDS, self.check)
