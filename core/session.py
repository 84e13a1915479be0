"""The open workbook and what the app needs next to it: the content, the library and today's date."""

from __future__ import annotations

import datetime as dt
import gc
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Literal

from models.content import Content
from models.history import Change, History
from models.store import LoadedWorkbook
from models.workbook import Workbook

if TYPE_CHECKING:
    from models.git_sync import GitState
    from models.library import Library

FileState = Literal["opgeslagen", "niet-opgeslagen", "conflict"]


@dataclass
class WorkbookSession:
    """The open workbook: its current state in memory, the file as last read or written, and undo.

    Workbooks are immutable, so a change swaps in a new one; ``loaded.workbook`` is what the file
    holds, ``workbook`` what the user sees. They differ until the next save.
    """

    loaded: LoadedWorkbook
    content: Content
    today: dt.date
    workbook: Workbook = field(init=False)
    history: History = field(default_factory=History)
    conflict: bool = False
    """The file changed on disk while this session had unsaved changes; saving waits for the user."""
    git: GitState | None = None
    """Where the file stands in git (uncommitted, ahead, behind), as last looked up; None outside git."""

    def __post_init__(self) -> None:
        self.workbook = self.loaded.workbook

    @property
    def dirty(self) -> bool:
        """Changes not yet in the file."""
        return self.workbook is not self.loaded.workbook

    @property
    def file_state(self) -> FileState:
        if self.conflict:
            return "conflict"
        return "niet-opgeslagen" if self.dirty else "opgeslagen"

    def apply(self, workbook: Workbook, description: str) -> None:
        """Make ``workbook`` the current state, remembering the previous one for undo."""
        self.history.record(Change(description, self.workbook, workbook))
        self.workbook = workbook

    def undo(self) -> Change | None:
        change = self.history.undo()
        if change is not None:
            self.workbook = change.before
        return change

    def redo(self) -> Change | None:
        change = self.history.redo()
        if change is not None:
            self.workbook = change.after
        return change

    @cached_property
    def library(self) -> Library:
        """The searchable library, built on first use (not at start-up)."""
        from models.library import Library

        library = Library(self.content)
        # Its few thousand objects live as long as the session; keeping them out of the garbage
        # collector's passes avoids pauses of a tenth of a second while typing a search.
        gc.freeze()
        return library
