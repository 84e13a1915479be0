"""Leaving the app, however it happens: q, ctrl+q, a closed terminal (SIGHUP) or SIGTERM. What was
typed in an open form becomes a draft, unsaved edits are written (or kept beside the file)."""

from __future__ import annotations

import contextlib
import os
import signal
import threading
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.screen import Screen

    from tui.app import WerkboekApp

LEAVE_SECONDS = 1.5
"""After a hang-up or SIGTERM (edits kept), the process ends within this time, whatever blocks it."""


def keep_open_forms(app: WerkboekApp) -> str | None:
    """Forms still open become drafts in the app's state folder; says so, or None when there were none."""
    from screens.form import FormScreen  # noqa: PLC0415 - not at start-up; loaded by then if a form is open

    try:
        drafts = [
            draft
            for screen in _all_screens(app)
            if isinstance(screen, FormScreen) and (draft := screen.as_draft()) is not None
        ]
    except Exception as error:  # leaving must go on: say what could not be kept
        return f"Het open formulier kon niet als concept worden bewaard: {error}"
    return app.store.keep_drafts(drafts)


def _all_screens(app: WerkboekApp) -> list[Screen[object]]:
    stacks = getattr(app, "_screen_stacks", None) or {"": app.screen_stack}
    return [screen for stack in stacks.values() for screen in stack]


def catch_hangup(app: WerkboekApp) -> None:
    """A closed terminal or dropped SSH link (SIGHUP) or SIGTERM saves before the app ends."""
    loop = app._loop
    if loop is None:
        return
    for number in (signal.SIGHUP, signal.SIGTERM):
        # Not every platform or thread can take signal handlers (tests run the app elsewhere).
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
            loop.add_signal_handler(number, save_and_leave, app)


def save_and_leave(app: WerkboekApp) -> None:
    """After a hang-up or SIGTERM: keep forms and edits, then end, within LEAVE_SECONDS whatever blocks."""
    try:
        keep_open_forms(app)
        app.store.keep_edits_on_exit()
    finally:
        _end_process_after(LEAVE_SECONDS)
        app.exit()


def _end_process_after(seconds: float) -> None:
    """The last guard after a hang-up: the edits are kept, so if shutting down blocks on a terminal
    that is gone, end the process anyway rather than leave it running unseen."""

    def end() -> None:
        time.sleep(seconds)
        os._exit(0)

    threading.Thread(target=end, name="leave-guard", daemon=True).start()
