"""The actions as a CSV for Excel with Dutch settings: ``;`` between fields, dates as 1-12-2026, decimal
commas, and a byte-order mark so Excel reads UTF-8.

The columns are those of the Excel list (:mod:`models.action_columns`). A text that Excel would take for a
formula (it starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) gets a leading apostrophe,
the usual defence against CSV injection: ``=HYPERLINK(…)`` from a workbook shows as text, never runs.
"""

from __future__ import annotations

import csv
import datetime as dt
import io

from models.action_columns import ACTION_COLUMNS, cell_value
from models.content import Content
from models.formatting import form_date, plain_number
from models.plan_report import Progress
from models.report_formats import ReportRequest
from models.workbook import Workbook

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What makes Excel (or LibreOffice) read a CSV field as a formula."""


def formula_safe(text: str) -> str:
    """``text`` as Excel shows it as text: an apostrophe before a formula's first character."""
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def actions_csv(workbook: Workbook, content: Content, progress: Progress | None = None) -> str:
    """The actions as CSV for Excel (NL): ``;`` between fields, dates as 1-12-2026, decimal commas."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([column.header for column in ACTION_COLUMNS])
    total = len(workbook.acties)
    for done, action in enumerate(workbook.acties, 1):
        row: list[str] = []
        for column in ACTION_COLUMNS:
            value = cell_value(action, column, content)
            if value is None:
                row.append("")
            elif isinstance(value, dt.date):
                row.append(form_date(value))
            elif isinstance(value, int | float):
                row.append(plain_number(value))
            else:
                row.append(formula_safe(value))
        writer.writerow(row)
        if progress is not None:
            progress(done, total)
    return buffer.getvalue()


def make(request: ReportRequest) -> bytes:
    """The CSV with a byte-order mark, so Excel knows it is UTF-8."""
    return actions_csv(request.workbook, request.content, request.progress).encode("utf-8-sig")
