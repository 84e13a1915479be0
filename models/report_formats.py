"""Every report the app and ``werkboek export`` can make, in one registry.

Each format names the function that writes it (``module:function``); its module is imported only when
such a report is made, so the Word, Excel and PDF libraries never slow down the start of the app or of
another command. Every writer takes a :class:`ReportRequest`, returns bytes, and gives the same bytes for
the same workbook and date.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from models.content import Content
from models.plan_report import Progress
from models.workbook import Workbook

Kind = Literal["html", "md", "docx", "pdf", "xlsx", "csv", "ics"]


class TemplateError(Exception):
    """The consultant's Word template cannot be used; the message says which file and why, in Dutch."""


@dataclass(frozen=True)
class ReportRequest:
    """What a report is made of: the workbook as of a date, and the consultant's Word template if any."""

    workbook: Workbook
    content: Content
    today: dt.date
    progress: Progress | None = None
    template: Path | None = None
    """A .docx whose styles, header, footer and page set-up the Word plan takes (``--sjabloon``)."""
    owner: str | None = None
    """Only this owner's actions (part of the name is enough; the calendar: ``--eigenaar``)."""
    source: Path | None = None
    """The workbook file the report is made from, when known (the calendar links to it)."""


@dataclass(frozen=True)
class ReportFormat:
    kind: Kind
    label: str
    """How the app offers it."""
    file_end: str
    """What follows the workbook's name in the default file name: ``plan-van-aanpak.docx``."""
    writer: str
    """``module:function`` that writes it; the module is imported when used."""
    mime: str
    """Its media type, for a download in the browser (``werkboek serve``)."""
    text: bool = False
    """Plain text, so ``-o -`` may print it."""
    template: bool = False
    """Takes the consultant's Word template."""
    owner: bool = False
    """Can be made for one owner's actions only."""

    def make(self, request: ReportRequest) -> bytes:
        module, function = self.writer.split(":")
        write: Callable[[ReportRequest], bytes] = getattr(importlib.import_module(module), function)
        return write(request)

    def default_path(self, workbook_path: Path) -> Path:
        """Beside the workbook: ``klant-plan-van-aanpak.docx``, ``klant-acties.xlsx``."""
        return workbook_path.with_name(f"{workbook_path.stem}-{self.file_end}")


REPORT_FORMATS: dict[Kind, ReportFormat] = {
    report.kind: report
    for report in (
        ReportFormat("html", "Plan van aanpak om te printen of te mailen (HTML)", "plan-van-aanpak.html",
                     "models.report:make_html", "text/html", text=True),
        ReportFormat("docx", "Plan van aanpak voor Word (docx)", "plan-van-aanpak.docx", "models.report_docx:make",
                     "application/vnd.openxmlformats-officedocument.wordprocessingml.document", template=True),
        ReportFormat("pdf", "Plan van aanpak als PDF", "plan-van-aanpak.pdf", "models.report_pdf:make",
                     "application/pdf"),
        ReportFormat("xlsx", "Acties voor Excel, om in te vullen en terug te lezen (xlsx)", "acties.xlsx",
                     "models.report_xlsx:make", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ReportFormat("md", "Plan van aanpak als tekst (Markdown)", "plan-van-aanpak.md", "models.report:make_markdown",
                     "text/markdown", text=True),
        ReportFormat("csv", "Acties als CSV", "acties.csv", "models.report_csv:make", "text/csv", text=True),
        ReportFormat("ics", "Deadlines voor de agenda (iCalendar: Outlook, Google, Thunderbird)", "acties.ics",
                     "models.report_ics:make", "text/calendar", text=True, owner=True),
    )
}  # fmt: skip
"""In the order the app offers them."""
FORMAT_KINDS: tuple[Kind, ...] = tuple(REPORT_FORMATS)


def make_report(kind: Kind, request: ReportRequest) -> bytes:
    """The report's bytes (text formats as UTF-8; the CSV with a byte-order mark for Excel)."""
    return REPORT_FORMATS[kind].make(request)
