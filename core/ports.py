"""What the store needs from the app around it: time and threads (a Scheduler) and a way to tell the
user things (a StoreListener). The app plugs in Textual; tests plug in a hand-driven clock."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Literal, Protocol

if TYPE_CHECKING:
    from core.session import WorkbookSession

Severity = Literal["information", "warning", "error"]


class Cancellable(Protocol):
    """A timer that was set and can be stopped."""

    def stop(self) -> None: ...


class Scheduler(Protocol):
    """Timers and background work, with every callback run on the app's own thread."""

    def later(self, seconds: float, callback: Callable[[], None], *, name: str) -> Cancellable:
        """Run ``callback`` once, ``seconds`` from now."""
        ...

    def every(self, seconds: float, callback: Callable[[], None], *, name: str) -> Cancellable:
        """Run ``callback`` every ``seconds`` until stopped."""
        ...

    def in_background(self, job: Callable[[], None], done: Callable[[Exception | None], None], *, name: str) -> None:
        """Run ``job`` in a thread, then ``done`` with its error (None when it succeeded) on the app's
        thread. When the app has ended meanwhile, ``done`` is not called."""
        ...


class StoreListener(Protocol):
    """What the store tells the app: changes to redraw, file states to show, messages, questions."""

    def workbook_changed(self, session: WorkbookSession) -> None:
        """The workbook in memory changed (an edit, undo or redo): the screens redraw."""
        ...

    def file_state_changed(self, session: WorkbookSession) -> None:
        """Saved, unsaved or in conflict changed: the header shows it."""
        ...

    def tell(self, message: str, *, title: str = "", severity: Severity = "information", timeout: float = 6) -> None:
        """Show the user a short message (in Dutch)."""
        ...

    def changed_outside(self, session: WorkbookSession) -> None:
        """The file changed on disk outside the app: ask the user, then call
        :meth:`core.store.WorkbookStore.outside_change_answered`."""
        ...
