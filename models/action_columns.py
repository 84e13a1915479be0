"""The columns of the action list for the employer (Excel and CSV), in one registry.

The Excel export, the CSV and ``werkboek import`` all read :data:`ACTION_COLUMNS`: which field, under
which header, how wide, what kind of value, and whether the employer's edits in it are read back. A
header is never a word a spreadsheet turns into something else: "Waar" becomes TRUE in a Dutch Excel,
so the place of an action is "Waar (plek)".
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from models.content import Content
from models.sources import link_title
from models.workbook import Action

ACTIONS_SHEET = "Acties"
"""The sheet with the action list; ``werkboek import`` reads it back by this name."""

ColumnKind = Literal["id", "text", "status", "date", "number", "phase", "factors", "source"]

CellValue = str | float | dt.date | None
"""What a cell holds before a writer formats it: text, a number, a date, or nothing."""


@dataclass(frozen=True)
class ActionColumn:
    """One column: the action's field, its header, its width in characters and the kind of value."""

    field: str
    header: str
    width: float
    kind: ColumnKind
    returns: bool = False
    """The employer fills it in, and ``werkboek import`` reads it back (every other column is ignored)."""
    multiline: bool = False
    """A long text that keeps its line breaks when read back (else a line break becomes a space)."""


ACTION_COLUMNS: tuple[ActionColumn, ...] = (
    ActionColumn("id", "Id", 7, "id"),
    ActionColumn("titel", "Actie", 40, "text"),
    ActionColumn("status", "Status", 11, "status", returns=True),
    ActionColumn("prioriteit", "Prioriteit", 10, "text"),
    ActionColumn("fase", "Fase", 24, "phase"),
    ActionColumn("succesfactoren", "Succesfactoren", 26, "factors"),
    ActionColumn("eigenaar", "Eigenaar", 24, "text", returns=True),
    ActionColumn("start", "Start", 11, "date", returns=True),
    ActionColumn("deadline", "Deadline", 11, "date", returns=True),
    ActionColumn("afgerond_op", "Afgerond op", 12, "date", returns=True),
    ActionColumn("wat", "Wat", 40, "text"),
    ActionColumn("waarom", "Waarom", 40, "text"),
    ActionColumn("wie", "Wie", 30, "text"),
    ActionColumn("werkwijze", "Werkwijze", 50, "text"),
    ActionColumn("waar", "Waar (plek)", 24, "text"),
    ActionColumn("wanneer", "Wanneer", 24, "text"),
    ActionColumn("budget", "Budget (euro)", 12, "number"),
    ActionColumn("uren", "Uren", 8, "number"),
    ActionColumn("evaluatie", "Evaluatie", 40, "text"),
    ActionColumn("opmerking", "Opmerking", 40, "text", returns=True, multiline=True),
    ActionColumn("bron", "Bron", 30, "source"),
)
"""In sheet order; the id comes first, so it can stay in view while scrolling sideways."""

COLUMN_BY_FIELD: dict[str, ActionColumn] = {column.field: column for column in ACTION_COLUMNS}
ID_COLUMN = COLUMN_BY_FIELD["id"]


def column_letter(index: int) -> str:
    """``0`` → ``A``, ``26`` → ``AA``: Excel's name for a column (counted from 0)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def column_index(field: str) -> int:
    """Where the column of ``field`` is in the sheet, counted from 0."""
    return ACTION_COLUMNS.index(COLUMN_BY_FIELD[field])


def cell_value(action: Action, column: ActionColumn, content: Content) -> CellValue:
    """What the column shows for ``action``: names instead of ids (phase, factors, source), else the value."""
    value = getattr(action, column.field)
    if value is None:
        return None
    if column.kind == "phase":
        phase = content.phase_by_id.get(value)
        return phase.naam if phase else str(value)
    if column.kind == "factors":
        names = [content.factor_by_id[f].naam if f in content.factor_by_id else f for f in value]
        return ", ".join(names) or None
    if column.kind == "source":
        return link_title(value, content) if value else None
    if isinstance(value, dt.date | float | int | str):
        return value
    return str(value)
