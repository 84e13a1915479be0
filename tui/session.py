"""The open workbook and what the app needs next to it: the content and today's date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from models.content import Content
from models.store import LoadedWorkbook


@dataclass
class WorkbookSession:
    """The one place the app keeps the open workbook; screens read it from here."""

    loaded: LoadedWorkbook
    content: Content
    today: dt.date
