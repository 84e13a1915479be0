"""The actions as a CSV for Excel with Dutch settings: ``;`` between fields, dates as 1-12-2026, decimal
commas, and a byte-order mark so Excel reads UTF-8."""

from __future__ import annotations

import csv
import datetime as dt
import io

from models.content import Content
from models.formatting import form_date, plain_number
from models.plan_report import Progress
from models.report_formats import ReportRequest
from models.sources import link_title
from models.workbook import Workbook

CSV_COLUMNS = (
    ("id", "Id"), ("titel", "Titel"), ("status", "Status"), ("prioriteit", "Prioriteit"), ("fase", "Fase"),
    ("succesfactoren", "Succesfactoren"), ("eigenaar", "Eigenaar"), ("start", "Start"), ("deadline", "Deadline"),
    ("afgerond_op", "Afgerond op"), ("wat", "Wat"), ("waarom", "Waarom"), ("wie", "Wie"),
    ("werkwijze", "Werkwijze"), ("waar", "Waar"), ("wanneer", "Wanneer"), ("budget", "Budget (euro)"),
    ("uren", "Uren"), ("bron", "Bron"), ("evaluatie", "Evaluatie"),
)  # fmt: skip


def actions_csv(workbook: Workbook, content: Content, progress: Progress | None = None) -> str:
    """The actions as CSV for Excel (NL): ``;`` between fields, dates as 1-12-2026, decimal commas."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([header for _, header in CSV_COLUMNS])
    total = len(workbook.acties)
    for done, action in enumerate(workbook.acties, 1):
        row = []
        for name, _ in CSV_COLUMNS:
            value = getattr(action, name)
            if name == "bron":
                value = link_title(value, content) if value else value
            elif name == "fase":
                phase = content.phase_by_id.get(value or "")
                value = phase.naam if phase else value
            elif name == "succesfactoren":
                value = ", ".join(content.factor_by_id[f].naam if f in content.factor_by_id else f for f in value)
            elif isinstance(value, dt.date):
                value = form_date(value)
            elif isinstance(value, float):
                value = plain_number(value)
            row.append("" if value is None else value)
        writer.writerow(row)
        if progress is not None:
            progress(done, total)
    return buffer.getvalue()


def make(request: ReportRequest) -> bytes:
    """The CSV with a byte-order mark, so Excel knows it is UTF-8."""
    return actions_csv(request.workbook, request.content, request.progress).encode("utf-8-sig")
