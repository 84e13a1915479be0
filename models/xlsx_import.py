"""The employer's edits read back from the Excel action list (``werkboek import`` and the app).

The sheet Acties of an export (:mod:`models.report_xlsx`) goes to the employer, who fills in status,
owner, dates and a remark. :func:`actions_from_sheet` reads those columns back (found by their headers
in :data:`models.action_columns.ACTION_COLUMNS`, in any order, under any rows above them), matches each
row to an action by its Id, and returns a new workbook; every other column is ignored. It writes nothing:
the caller shows the change (``models.diff``) and saves it, or not.

Nothing is half applied: every problem in the file is collected and raised together as
:class:`SheetRefusedError`, each message naming the sheet and cell as Excel does (``Acties!C7``).
openpyxl is imported only here, and only when a sheet is read.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from models.action_columns import ACTION_COLUMNS, ACTIONS_SHEET, ID_COLUMN, ActionColumn, column_letter
from models.dutch_messages import dutch_validation_message
from models.form_parsing import FormError, clean_field, parse_date, printable
from models.formatting import form_date, plain_number
from models.os_errors import dutch_os_error
from models.schema import ValidationError
from models.workbook import ACTION_STATUSES, Action, Workbook

HEADER_ROWS = 20
"""How far down the header row (the row with ``Id``) is looked for."""
STATUS_CHOICES = ", ".join(ACTION_STATUSES[:-1]) + f" of {ACTION_STATUSES[-1]}"
RETURNED: tuple[ActionColumn, ...] = tuple(column for column in ACTION_COLUMNS if column.returns)
"""The employer's columns; the only ones read back."""
FIELD_NAMES = {"afgerond_op": "afgerond op"}
EXCEL_EPOCH = dt.date(1899, 12, 30)
"""Day 0 of Excel's day numbers (as Excel counts, with its 1900 leap-day quirk behind it)."""
EXCEL_DAYS = (367, 2958465)
"""Day numbers read as a date: 1 jan 1901 to 31 dec 9999."""
_ESCAPED_CONTROL = re.compile(r"_x(00[01][0-9A-Fa-f])_")


class SheetRefusedError(Exception):
    """The sheet cannot be read back; ``messages`` says, in Dutch, what is wrong and where (nothing applied)."""

    def __init__(self, messages: Sequence[str]) -> None:
        self.messages = list(messages)
        super().__init__("\n".join(self.messages))


class _CellError(ValueError):
    """What is wrong with one cell's value (the caller puts the cell's name before it)."""


@dataclass(frozen=True)
class _Cell:
    """A cell as read: its value and openpyxl's type letter (``s`` text, ``n`` number, ``d`` date,
    ``b`` true/false, ``f`` formula, ``e`` an error such as #N/A)."""

    value: Any
    kind: str
    raw: Any = None
    """The text exactly as openpyxl read it, before ``_x000D_`` became a character again: what an unchanged
    cell of the export holds (a literal ``_x0007_`` in a remark comes back as that text, not as a BEL)."""

    @property
    def empty(self) -> bool:
        return self.value is None or (isinstance(self.value, str) and not self.value.strip())


_EMPTY = _Cell(None, "n")


def _shown(value: object, most: int = 30) -> str:
    """A cell's value quoted in a message: printable, on one line, and not endless."""
    if isinstance(value, dt.datetime | dt.date):
        text = form_date(value.date() if isinstance(value, dt.datetime) else value)
    elif isinstance(value, float | int) and not isinstance(value, bool):
        text = plain_number(value)
    else:
        text = printable(str(value), multiline=False).strip()
    return f"'{text if len(text) <= most else text[: most - 1] + '…'}'"


def _read_cell(value: Any, kind: str) -> _Cell:
    """A cell as openpyxl gives it, a text with its control characters back: Excel and XlsxWriter store one
    as ``_x000D_``, which openpyxl leaves as it is (a literal ``_x0041_``, stored as ``_x005F_x0041_``, it
    does turn back into itself)."""
    if isinstance(value, str) and "_x" in value:
        return _Cell(_ESCAPED_CONTROL.sub(lambda found: chr(int(found.group(1), 16)), value), kind, value)
    return _Cell(value, kind, value)


def _read_rows(source: Path | bytes, label: str) -> tuple[str, list[list[_Cell]]]:
    """The action sheet's name and its rows, or :class:`SheetRefusedError` when the file is no xlsx."""
    from openpyxl import load_workbook  # noqa: PLC0415 - only when a sheet is read back

    try:
        data = source if isinstance(source, bytes) else source.read_bytes()
    except OSError as error:
        raise SheetRefusedError([dutch_os_error(error, label, writing=False)]) from None
    try:
        with warnings.catch_warnings():  # openpyxl's own (English) remarks on odd files stay off the screen
            warnings.simplefilter("ignore")
            book = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception:  # a broken or foreign file: any of zipfile's, openpyxl's or the XML parser's errors
        raise SheetRefusedError(
            [f"{label}: geen Excel-werkmap (xlsx); sla het bestand in Excel op als 'Excel-werkmap (*.xlsx)'"]
        ) from None
    try:
        name = next((n for n in book.sheetnames if n.strip().casefold() == ACTIONS_SHEET.casefold()), None)
        if name is None:
            sheets = ", ".join(f"'{printable(n, multiline=False)}'" for n in book.sheetnames)
            raise SheetRefusedError(
                [f"{label}: geen tabblad '{ACTIONS_SHEET}' (wel: {sheets}); lees een bestand in van werkboek export"]
            )
        sheet = book[name]
        name = name if name.isalnum() else "'" + name.replace("'", "''") + "'"  # as Excel writes it: 'Mijn acties'!A1
        sheet.reset_dimensions()  # read every row, whatever size the file claims
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            rows = [[_read_cell(cell.value, cell.data_type) for cell in row] for row in sheet.iter_rows()]
    except SheetRefusedError:
        raise
    except Exception:
        raise SheetRefusedError([f"{label}: het tabblad '{ACTIONS_SHEET}' is beschadigd en niet te lezen"]) from None
    finally:
        book.close()
    return name, rows


def _header(rows: list[list[_Cell]], sheet: str) -> tuple[int, dict[str, int]]:
    """The index of the header row and the column of every known header in it."""
    known = {column.header.casefold(): column for column in ACTION_COLUMNS}
    for index, row in enumerate(rows[:HEADER_ROWS]):
        names = [cell.value.strip().casefold() if isinstance(cell.value, str) else None for cell in row]
        if ID_COLUMN.header.casefold() not in names:
            continue
        columns: dict[str, int] = {}
        problems: list[str] = []
        for col, name in enumerate(names):
            column = known.get(name or "")
            if column is None:
                continue
            if column.field in columns:
                first = f"{column_letter(columns[column.field])}{index + 1}"
                problems.append(
                    f"{sheet}!{column_letter(col)}{index + 1}: de kolom '{column.header}' staat er twee keer "
                    f"(ook in {first}); haal er een weg"
                )
                continue
            columns[column.field] = col
        if problems:
            raise SheetRefusedError(problems)
        return index, columns
    raise SheetRefusedError(
        [
            f"{sheet}: geen kolom '{ID_COLUMN.header}' in de eerste {HEADER_ROWS} rijen; de kopregel van "
            f"werkboek export (Id, Actie, Status, …) hoort erin te staan, met de actienummers onder Id"
        ]
    )


def _plain(cell: _Cell) -> None:
    """Refuse what is no value of its own: a formula, an error value, true/false."""
    if cell.kind == "f":
        raise _CellError(f"{_shown(cell.value)} is een formule; typ de waarde zelf (of plak hem als waarde)")
    if cell.kind == "e":
        raise _CellError(f"{_shown(cell.value)} is een foutwaarde van Excel; typ de waarde zelf")
    if isinstance(cell.value, bool):
        raise _CellError(f"{'WAAR' if cell.value else 'ONWAAR'} is een ja/nee-waarde; typ hier tekst")


def _id(cell: _Cell) -> str | None:
    _plain(cell)
    if cell.empty:
        return None
    if isinstance(cell.value, float | int):
        return plain_number(cell.value)
    return str(cell.value).strip()


def _status(cell: _Cell) -> str:
    _plain(cell)
    if cell.empty:
        raise _CellError(f"de status is leeg; kies uit {STATUS_CHOICES}")
    text = cell.value.strip().casefold() if isinstance(cell.value, str) else ""
    if text not in ACTION_STATUSES:
        raise _CellError(f"{_shown(cell.value)} is geen status; kies uit {STATUS_CHOICES}")
    return text


def _date(cell: _Cell) -> dt.date | None:
    _plain(cell)
    value = cell.value
    if cell.empty:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return parse_date(value)
        except FormError as error:
            raise _CellError(str(error)) from None
        except ValueError:
            raise _CellError(f"{_shown(value)} is geen datum; schrijf dag-maand-jaar, zoals 1-12-2026") from None
    if isinstance(value, int | float) and not isinstance(value, bool) and EXCEL_DAYS[0] <= value <= EXCEL_DAYS[1]:
        # A date whose cell lost its date format shows as Excel's day number (46097 is 15 mrt 2026).
        return EXCEL_EPOCH + dt.timedelta(days=int(value))
    raise _CellError(f"{_shown(value)} is geen datum; typ een datum zoals 1-12-2026")


def _text(cell: _Cell, column: ActionColumn, current: object) -> str | None:
    _plain(cell)
    value = cell.value
    if cell.empty:
        return None
    if isinstance(current, str) and current in (value, cell.raw):
        return current  # exactly as exported: unchanged, even where cleaning would alter it
    if isinstance(value, dt.datetime | dt.date):
        text = _shown(value).strip("'")  # Excel made a date of what was typed ("1-12")
    elif isinstance(value, float | int):
        text = plain_number(value)
    else:
        text = str(value)
    label = FIELD_NAMES.get(column.field, column.field)
    try:
        return clean_field(text, label, one_line=not column.multiline, multiline=column.multiline)
    except FormError as error:
        raise _CellError(str(error)) from None


def _value(cell: _Cell, column: ActionColumn, current: object) -> object:
    """The field's value as the cell gives it; raises :class:`_CellError`."""
    if column.kind == "status":
        return _status(cell)
    if column.kind == "date":
        return _date(cell)
    return _text(cell, column, current)


class _Reader:
    """Goes through the rows under the header, collecting the changed actions and every problem."""

    def __init__(self, workbook: Workbook, sheet: str, header: int, columns: dict[str, int], today: dt.date) -> None:
        self.today = today
        self.sheet = sheet
        self.header = header
        self.columns = columns
        self.by_id = {action.id: action for action in workbook.acties}
        self.seen: dict[str, str] = {}
        self.changed: dict[str, Action] = {}
        self.problems: list[str] = []

    def where(self, col: int, row: int) -> str:
        return f"{self.sheet}!{column_letter(col)}{row + 1}"

    def read(self, rows: list[list[_Cell]]) -> None:
        for index in range(self.header + 1, len(rows)):
            row = rows[index]
            if all(cell.empty for cell in row):
                continue
            action = self._action(row, index)
            if action is not None:
                self._row(action, row, index)

    def _action(self, row: list[_Cell], index: int) -> Action | None:
        """The action the row's Id names, or None (the problem noted)."""
        col = self.columns[ID_COLUMN.field]
        where = self.where(col, index)
        try:
            action_id = _id(row[col] if col < len(row) else _EMPTY)
        except _CellError as error:
            self.problems.append(f"{where}: {error}")
            return None
        if action_id is None:
            self.problems.append(
                f"{where}: het Id is leeg; een rij wordt bij zijn actie ingelezen via het Id. Zet het Id terug, "
                "of haal de rij weg (een nieuwe actie voeg je toe in het werkboek)"
            )
            return None
        if action_id in self.seen:
            self.problems.append(
                f"{where}: actie {_shown(action_id)} staat twee keer in de lijst (ook in {self.seen[action_id]}); "
                "laat één rij per actie staan"
            )
            return None
        self.seen[action_id] = where
        action = self.by_id.get(action_id)
        if action is None:
            self.problems.append(
                f"{where}: actie {_shown(action_id)} staat niet in het werkboek; controleer het Id "
                "(een nieuwe actie voeg je toe in het werkboek)"
            )
        return action

    def _row(self, action: Action, row: list[_Cell], index: int) -> None:
        updates: dict[str, object] = {}
        found = len(self.problems)
        for column in RETURNED:
            col = self.columns.get(column.field)
            if col is None:
                continue  # the column was taken out: that field stays as it is
            current = getattr(action, column.field)
            try:
                value = _value(row[col] if col < len(row) else _EMPTY, column, current)
            except _CellError as error:
                self.problems.append(f"{self.where(col, index)}: {error}")
                continue
            if value != current:
                updates[column.field] = value
        if not updates or len(self.problems) > found:
            return
        if updates.get("status") == "klaar" and updates.get("afgerond_op", action.afgerond_op) is None:
            updates["afgerond_op"] = self.today  # as in the app: klaar records the day it was done
        new = self._validated(action, updates, index)
        if new is not None:
            self.changed[action.id] = new

    def _validated(self, action: Action, updates: dict[str, object], index: int) -> Action | None:
        """The action with ``updates``, checked by the model; None when it refuses (the problem noted)."""
        data = {**action.model_dump(), **updates}
        start, deadline = data.get("start"), data.get("deadline")
        if isinstance(start, dt.date) and isinstance(deadline, dt.date) and deadline < start:
            self.problems.append(
                f"{self.where(self._column_of('deadline' if 'deadline' in updates else 'start'), index)}: "
                f"deadline {form_date(deadline)} ligt vóór start {form_date(start)}; "
                "de deadline moet op of na de startdatum liggen"
            )
            return None
        try:
            return Action.model_validate(data)
        except ValidationError as error:
            for detail in error.errors(include_url=False):
                field = str(detail["loc"][0]) if detail["loc"] else ID_COLUMN.field
                self.problems.append(f"{self.where(self._column_of(field), index)}: {dutch_validation_message(detail)}")
            return None

    def _column_of(self, field: str) -> int:
        return self.columns.get(field, self.columns[ID_COLUMN.field])


def actions_from_sheet(
    workbook: Workbook, source: Path | bytes, *, label: str | None = None, today: dt.date | None = None
) -> Workbook:
    """``workbook`` with the employer's edits from the sheet Acties of the xlsx file ``source``.

    Reads status, owner, start, deadline, done date and remark of every row, matched to its action by
    Id; an empty cell clears the field (not the status), a row as exported changes nothing, an action
    without a row stays as it is; an action made klaar without a date gets ``today`` (as in the app).
    Returns ``workbook`` itself when nothing changed. ``label`` names the file in messages (default: the
    path). Raises :class:`SheetRefusedError` with every problem found.
    """
    name = label or (str(source) if isinstance(source, Path) else "het Excel-bestand")
    sheet, rows = _read_rows(source, name)
    header, columns = _header(rows, sheet)
    reader = _Reader(workbook, sheet, header, columns, today or dt.date.today())
    reader.read(rows)
    if reader.problems:
        raise SheetRefusedError(reader.problems)
    if not reader.changed:
        return workbook
    actions = [reader.changed.get(action.id, action) for action in workbook.acties]
    return workbook.model_copy(update={"acties": actions})
