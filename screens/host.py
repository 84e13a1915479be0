"""What the screens need from the app, and nothing more: the open workbook's store, the signals that
say it changed, and the few tasks that cross screens. Screens depend on this, never on tui/app.py."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, cast

if TYPE_CHECKING:
    from textual.dom import DOMNode
    from textual.screen import Screen
    from textual.signal import Signal

    from core.session import WorkbookSession
    from core.store import WorkbookStore
    from models.library import LibraryItem
    from models.settings import LoadedSettings
    from models.workbook import Workbook
    from screens.form import FormValues


class WorkbookHost(Protocol):
    """The app as the screens see it."""

    store: WorkbookStore
    workbook_changed: Signal[WorkbookSession]
    """Published after every change, so each screen can redraw from the session."""
    file_state_changed: Signal[WorkbookSession]
    """Published when the file state (saved, unsaved, conflict) changes."""
    hint_seen: bool
    """The first-run hint on the dashboard was used and stays away."""
    settings: LoadedSettings
    """The user's config file (keys, theme, house style)."""

    @property
    def session(self) -> WorkbookSession | None: ...

    @property
    def today(self) -> dt.date: ...

    @property
    def folder(self) -> Path:
        """The folder whose workbooks the Werkboeken screen lists."""
        ...

    def change(self, workbook: Workbook, description: str) -> bool:
        """Make ``workbook`` the current state (undoable, saved within a second); False if refused."""
        ...

    def redraw_failed(self, screen: Screen[Any], error: Exception) -> None: ...

    def open_workbook(self) -> None:
        """(Re)load the workbook from disk and show it; or its problems."""
        ...

    def open_path(self, path: Path) -> None: ...

    def create_workbook(self, folder: Path, client: str) -> None: ...

    def ask_new_cycle(self, path: Path | None = None) -> None: ...

    def add_item_as_action(self, item: LibraryItem) -> None: ...

    def start_scoring(self, day: dt.date | None = None) -> None: ...

    def correct_round(self) -> None: ...

    def hint_used(self) -> None: ...

    def git_commit(self, draft: FormValues | None = None) -> None:
        """Vastleggen: commit the workbook in git (``draft``: a message typed before the app closed)."""
        ...


def host_of(node: DOMNode) -> WorkbookHost:
    """The app of a screen or widget, as a :class:`WorkbookHost`."""
    return cast("WorkbookHost", node.app)
