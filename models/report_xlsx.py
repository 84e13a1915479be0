"""The actions as an Excel workbook for the employer to fill in, and to read back with ``werkboek import``.

Three sheets: **Acties** (the columns of :mod:`models.action_columns`, a drop-down list of statuses,
real dates and numbers, the header row and id column frozen, a filter on every column, open actions past
their deadline marked), **Scores** (every factor per scoring round, with the scale) and **Wettelijk
minimum** (every legal item with its status and note, and what it means at the client's size).

Every text is written as text, never as a formula or a link: a title ``=HYPERLINK(…)`` shows as typed.
The same workbook and date give the same bytes (fixed creation date, fixed file times in the zip), so a
report can be compared and committed. XlsxWriter has no types; its calls stay in this module.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import xlsxwriter

from models.action_columns import ACTION_COLUMNS, ACTIONS_SHEET, ActionColumn, cell_value, column_index, column_letter
from models.content import Content
from models.formatting import form_date
from models.legal import client_scope, legal_state
from models.plan_report import scale_source
from models.report_formats import ReportRequest
from models.scoring import rounds_by_date
from models.workbook import ACTION_STATUSES, OPEN_STATUSES, Workbook

SCORES_SHEET = "Scores"
LEGAL_SHEET = "Wettelijk minimum"
DATE_FORMAT = "d-m-yyyy"
"""How Excel shows a date: 1-12-2026, as people here write it."""
STATUS_CHOICES = ", ".join(ACTION_STATUSES[:-1]) + f" of {ACTION_STATUSES[-1]}"
RETURNED_NOTE = "Vul in of pas aan: de adviseur leest deze kolom terug in het werkboek."
OVERDUE = {"bg_color": "#FFC7CE", "font_color": "#9C0006"}
"""Excel's own "bad" colours: an open action past its deadline."""


class _Formats:
    """The cell formats of the workbook, made once (XlsxWriter keeps every format it is given)."""

    def __init__(self, book: Any) -> None:
        top = {"valign": "top"}
        self.header = book.add_format({"bold": True, "text_wrap": True, "valign": "top", "bg_color": "#D9E1F2"})
        self.returned = book.add_format({"bold": True, "text_wrap": True, "valign": "top", "bg_color": "#FFF2CC"})
        self.text = book.add_format({**top, "text_wrap": True})
        self.date = book.add_format({**top, "num_format": DATE_FORMAT, "align": "left"})
        self.header_date = book.add_format({"bold": True, "num_format": DATE_FORMAT, "bg_color": "#D9E1F2"})
        self.money = book.add_format({**top, "num_format": "#,##0.00"})
        self.number = book.add_format(top)
        self.bold = book.add_format({"bold": True})
        self.scale = book.add_format({"align": "left"})
        self.overdue = book.add_format(OVERDUE)

    def for_column(self, column: ActionColumn) -> Any:
        if column.kind == "date":
            return self.date
        if column.kind == "number":
            return self.money if column.field == "budget" else self.number
        return self.text


def _write(sheet: Any, row: int, col: int, value: object, cell_format: Any) -> None:
    """One cell by its kind: a date as a date, a number as a number, and any text as text (never a formula)."""
    if value is None:
        sheet.write_blank(row, col, None, cell_format)
    elif isinstance(value, dt.date):
        sheet.write_datetime(row, col, value, cell_format)
    elif isinstance(value, int | float) and not isinstance(value, bool):
        sheet.write_number(row, col, value, cell_format)
    else:
        sheet.write_string(row, col, str(value), cell_format)


def _actions_sheet(book: Any, formats: _Formats, request: ReportRequest, author: str) -> None:
    workbook, content = request.workbook, request.content
    sheet = book.add_worksheet(ACTIONS_SHEET)
    cell_formats = [formats.for_column(column) for column in ACTION_COLUMNS]
    for col, column in enumerate(ACTION_COLUMNS):
        sheet.set_column(col, col, column.width, cell_formats[col])
        sheet.write_string(0, col, column.header, formats.returned if column.returns else formats.header)
        if column.returns:
            sheet.write_comment(0, col, RETURNED_NOTE, {"author": author, "x_scale": 1.6})
    total = len(workbook.acties)
    for row, action in enumerate(workbook.acties, 1):
        for col, column in enumerate(ACTION_COLUMNS):
            value = cell_value(action, column, content)
            if value is not None:
                _write(sheet, row, col, value, cell_formats[col])
        if request.progress is not None:
            request.progress(row, total)
    last_col = len(ACTION_COLUMNS) - 1
    sheet.freeze_panes(1, 1)
    sheet.autofilter(0, 0, max(total, 1), last_col)
    if total:
        _status_choices(sheet, total)
        _mark_overdue(sheet, formats, total)
    sheet.set_landscape()
    sheet.set_paper(9)  # A4
    sheet.repeat_rows(0)
    sheet.fit_to_pages(1, 0)


def _status_choices(sheet: Any, total: int) -> None:
    """A drop-down list of the statuses in every Status cell; anything else is refused, in Dutch."""
    col = column_index("status")
    sheet.data_validation(
        1,
        col,
        total,
        col,
        {
            "validate": "list",
            "source": list(ACTION_STATUSES),
            "error_type": "stop",
            "error_title": "Geen geldige status",
            "error_message": f"Kies een status uit de lijst: {STATUS_CHOICES}.",
        },
    )


def _mark_overdue(sheet: Any, formats: _Formats, total: int) -> None:
    """Colour the row of an open action whose deadline has passed (as of the day the file is opened)."""
    status, deadline = column_letter(column_index("status")), column_letter(column_index("deadline"))
    still_open = ",".join(f'${status}2="{name}"' for name in ACTION_STATUSES if name in OPEN_STATUSES)
    rule = f"=AND(ISNUMBER(${deadline}2),${deadline}2<TODAY(),OR({still_open}))"
    last = column_letter(len(ACTION_COLUMNS) - 1)
    sheet.conditional_format(f"A2:{last}{total + 1}", {"type": "formula", "criteria": rule, "format": formats.overdue})


def _scores_sheet(book: Any, formats: _Formats, workbook: Workbook, content: Content) -> None:
    """Factors down, scoring rounds (oldest first) across, then what each score means."""
    sheet = book.add_worksheet(SCORES_SHEET)
    rounds = rounds_by_date(workbook)
    sheet.set_column(0, 0, 38, formats.text)
    sheet.set_column(1, max(len(rounds), 1), 12, formats.number)
    sheet.write_string(0, 0, "Succesfactor", formats.header)
    for col, scoring in enumerate(rounds, 1):
        sheet.write_datetime(0, col, scoring.datum, formats.header_date)
    if not rounds:
        sheet.write_string(0, 1, "Nog geen meting", formats.header)
    for row, factor in enumerate(content.factors, 1):
        sheet.write_string(row, 0, factor.naam, formats.text)
        for col, scoring in enumerate(rounds, 1):
            score = scoring.scores.get(factor.id)
            if score is not None:
                sheet.write_number(row, col, score, formats.number)
    row = len(content.factors) + 2
    sheet.write_string(row, 0, "Schaal: wat een score betekent (leeg: niet gescoord)", formats.bold)
    for offset, (level, label) in enumerate(sorted(content.scale.items()), 1):
        sheet.write_number(row + offset, 0, int(level), formats.scale)
        sheet.write_string(row + offset, 1, label, formats.text)
    if source := scale_source(content):  # the scale is our own elaboration; say so under it
        sheet.write_string(row + len(content.scale) + 1, 0, source, formats.text)
    sheet.freeze_panes(1, 1)


def _legal_sheet(book: Any, formats: _Formats, workbook: Workbook, content: Content) -> None:
    """Every item of the legal minimum with the client's status, date and note."""
    sheet = book.add_worksheet(LEGAL_SHEET)
    columns = (("Onderdeel", 40, formats.text), ("Status", 11, formats.text), ("Datum", 11, formats.date),
               ("Notitie", 60, formats.text), ("Wat er nodig is", 60, formats.text),
               ("Bij deze omvang", 22, formats.text), ("Waarom", 60, formats.text))  # fmt: skip
    for col, (header, width, cell_format) in enumerate(columns):
        sheet.set_column(col, col, width, cell_format)
        sheet.write_string(0, col, header, formats.header)
    for row, item in enumerate(content.legal, 1):
        state = legal_state(workbook, item.id)
        scope = client_scope(workbook, item)
        values = (item.titel, state.status, state.datum, state.notitie, item.eis, scope.label, scope.reason)
        for col, value in enumerate(values):
            if value is not None:
                _write(sheet, row, col, value, columns[col][2])
    sheet.freeze_panes(1, 1)
    sheet.autofilter(0, 0, len(content.legal), len(columns) - 1)


def make(request: ReportRequest) -> bytes:
    """The workbook's bytes: the same for the same workbook and ``request.today``."""
    organisation = request.workbook.organisatie
    author = organisation.adviseur or "Preventiewerkboek"
    output = io.BytesIO()
    book = xlsxwriter.Workbook(
        output,
        {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False},
    )
    book.set_properties(
        {
            "title": f"Acties: {organisation.naam}",
            "subject": "Plan van aanpak: acties",
            "author": author,
            "company": organisation.naam,
            "comments": f"Gemaakt met Preventiewerkboek op {form_date(request.today)}",
            "created": dt.datetime.combine(request.today, dt.time()),
        }
    )
    formats = _Formats(book)
    _actions_sheet(book, formats, request, author)
    _scores_sheet(book, formats, request.workbook, request.content)
    _legal_sheet(book, formats, request.workbook, request.content)
    book.close()
    return output.getvalue()
