"""The open workbook and what the app needs next to it: the content, the library and today's date."""

from __future__ import annotations

import datetime as dt
import gc
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from models.content import Content
from models.store import LoadedWorkbook, save_workbook
from models.workbook import Workbook

if TYPE_CHECKING:
    from models.library import Library


@dataclass
class WorkbookSession:
    """The one place the app keeps the open workbook; every change is saved through here."""

    loaded: LoadedWorkbook
    content: Content
    today: dt.date

    @property
    def workbook(self) -> Workbook:
        return self.loaded.workbook

    @cached_property
    def library(self) -> Library:
        """The searchable library, built on first use (not at start-up)."""
        from models.library import Library

        library = Library(self.content)
        # Its few thousand objects live as long as the session; keeping them out of the garbage
        # collector's passes avoids pauses of a tenth of a second while typing a search.
        gc.freeze()
        return library

    def save(self, workbook: Workbook, *, drop_comments: bool = False) -> None:
        """Write ``workbook`` to the file atomically; it becomes the open workbook."""
        self.loaded = save_workbook(self.loaded, workbook, content=self.content, drop_comments=drop_comments)
