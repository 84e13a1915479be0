"""Wait for what a test needs instead of sleeping "long enough".

A fixed pause is too short on a busy machine (a flaky test) and too long everywhere else (a slow suite).
These helpers look at a condition again and again and return as soon as it holds; when it still does not
hold after a generous timeout, the test fails and says what it waited for.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")

TIMEOUT = 30.0
"""Seconds before a wait gives up: far beyond what anything takes, even on a loaded machine."""
POLL = 0.02
"""Seconds between two looks when there is no app to let work in between."""


def _look(condition: Callable[[], T]) -> tuple[T | None, BaseException | None]:
    """The condition's value; while the state is still changing a lookup may fail (no such widget yet)."""
    try:
        return condition(), None
    except Exception as error:
        return None, error


def _timed_out(what: str, timeout: float, last: object, error: BaseException | None) -> AssertionError:
    detail = f" (last error: {error!r})" if error is not None else f" (last value: {last!r})"
    return AssertionError(f"waited {timeout:g} s, still not: {what}{detail}")


async def until(condition: Callable[[], T], what: str, *, pilot: Any = None, timeout: float = TIMEOUT) -> T:
    """Wait until ``condition()`` is true and return its value.

    With a Textual ``pilot`` each round lets the app handle its pending messages and redraw
    (``pilot.pause()`` without a number); without one, each round yields to the event loop briefly.
    """
    deadline = time.monotonic() + timeout
    while True:
        value, error = _look(condition)
        if value:
            return value
        if time.monotonic() > deadline:
            raise _timed_out(what, timeout, value, error)
        if pilot is not None:
            await pilot.pause()
        else:
            await asyncio.sleep(POLL)


def until_sync(condition: Callable[[], T], what: str, *, timeout: float = TIMEOUT, poll: float = 0.05) -> T:
    """:func:`until` for tests that drive another process (a pseudo-terminal, a server): blocks."""
    deadline = time.monotonic() + timeout
    while True:
        value, error = _look(condition)
        if value:
            return value
        if time.monotonic() > deadline:
            raise _timed_out(what, timeout, value, error)
        time.sleep(poll)


async def saved_to_disk(pilot: Any, *, timeout: float = TIMEOUT) -> None:
    """Wait until the app has written every change (the session is no longer dirty) and its background
    work is done; the screen is then drawn with the header's saved state."""
    app = pilot.app
    await until(
        lambda: app.session is None or not app.session.dirty, "every change saved", pilot=pilot, timeout=timeout
    )
    await app.workers.wait_for_complete()
    await pilot.pause()


async def palette_searched(pilot: Any, *, hits: bool = True, timeout: float = TIMEOUT) -> None:
    """Wait until the command palette has finished searching for what was typed (Textual searches in a
    worker and shows the results in batches) and, with ``hits``, highlights the best one."""
    from textual.command import CommandList, CommandPalette

    app = pilot.app

    def searched() -> bool:
        palette = app.screen
        if not isinstance(palette, CommandPalette):
            return False
        group = CommandPalette._GATHER_COMMANDS_GROUP
        if any(worker.group == group and not worker.is_finished for worker in app.workers):
            return False
        return not hits or palette.query_one(CommandList).highlighted is not None

    await until(searched, "the palette finished searching" + (" and shows a hit" if hits else ""), pilot=pilot)


async def detail_follows_the_cursor(pilot: Any, *, timeout: float = TIMEOUT) -> None:
    """On Acties: wait until the detail pane shows the action under the cursor (it follows once keys
    pause, on a short timer)."""
    from textual.widgets import Static

    from screens.actions import ActionsScreen
    from widgets.action_table import ActionTable

    app = pilot.app
    await until(lambda: isinstance(app.screen, ActionsScreen), "Acties is shown", pilot=pilot, timeout=timeout)
    screen = app.screen
    current = screen.query_one(ActionTable).current
    assert current is not None, "no action under the cursor"
    await until(
        lambda: current.titel in str(screen.query_one("#actions-detail-text", Static).render()),
        f"the detail pane shows {current.id}",
        pilot=pilot,
        timeout=timeout,
    )
