"""The store's timers and background saves, on Textual's timers and thread workers."""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from textual.app import App
from textual.timer import Timer


class TextualScheduler:
    """A :class:`core.ports.Scheduler` for the running app: callbacks run on the app's thread."""

    def __init__(self, app: App[None]) -> None:
        self.app = app

    def later(self, seconds: float, callback: Callable[[], None], *, name: str) -> Timer:
        return self.app.set_timer(seconds, callback, name=name)

    def every(self, seconds: float, callback: Callable[[], None], *, name: str) -> Timer:
        return self.app.set_interval(seconds, callback, name=name)

    def in_background(self, job: Callable[[], None], done: Callable[[Exception | None], None], *, name: str) -> None:
        def run() -> None:
            problem: Exception | None = RuntimeError("het werk werd afgebroken")
            try:
                job()
                problem = None
            except Exception as error:  # not only OSError: every failure is reported, none passes unseen
                problem = error
            finally:
                # The app closing down meanwhile: then done is not called (leaving keeps what is unsaved).
                with contextlib.suppress(Exception):
                    self.app.call_from_thread(done, problem)

        # A description of its own: without one Textual builds it from the repr of the arguments.
        self.app.run_worker(run, name=name, group=name, description=name, thread=True, exit_on_error=False)
