"""The plan van aanpak as a PDF on A4 (``werkboek export --format pdf``), made with ReportLab.

The content comes from :mod:`models.plan_report` and is laid out in :mod:`models.pdf_parts`; this module
sets up the pages: the footer with "Pagina X van Y" and the client (Y is a small drawing that every footer
refers to and that is drawn once the last page is known), the outline of bookmarks, and the document's
details. The same workbook and date always give
the same bytes: ReportLab's invariant mode, with the report's date as the creation date.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Paragraph, SimpleDocTemplate

from models.pdf_parts import ACTION_HEADING, MARGIN, MUTED, OUTLINE_LEVELS, story
from models.pdf_text import BODY_FONT, readable
from models.plan_report import PlanReport, plan_report
from models.report_formats import ReportRequest

FOOTER_SIZE = 8
FOOTER_Y = 11 * mm
PAGE_NUMBER_ROOM = 40 * mm
"""What the footer keeps free on the left for "Pagina 123 van 456"."""
PAGE_COUNT_FORM = "paginas"
"""The form (a small drawing every footer refers to) that holds the number of pages, drawn once at the end."""


class _PageCountCanvas(Canvas):
    """A canvas that draws the number of pages once the last page is done; every footer shows that drawing."""

    def save(self) -> None:
        pages = self.getPageNumber() - 1  # the count is already one past the last page
        self.beginForm(PAGE_COUNT_FORM)
        self.setFont(BODY_FONT, FOOTER_SIZE)
        self.setFillColor(MUTED)
        self.drawString(0, 0, str(pages))
        self.endForm()
        super().save()


def _fitted(text: str, width: float) -> str:
    """The text, cut short with an ellipsis where it would run into the page number."""
    if stringWidth(text, BODY_FONT, FOOTER_SIZE) <= width:
        return text
    while text and stringWidth(text + "…", BODY_FONT, FOOTER_SIZE) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def _pdf_date(day: dt.date) -> Callable[..., str]:
    """The document's creation date: the report's date at midnight, so it never depends on the clock."""
    return lambda *_: f"D:{day:%Y%m%d}000000+00'00'"


class _PlanDocument(SimpleDocTemplate):
    """A4 with the plan's footer on every page, bookmarks for the headings, and progress per action."""

    def __init__(self, buffer: io.BytesIO, report: PlanReport, on_action: Callable[[], None]) -> None:
        super().__init__(
            buffer,
            pagesize=A4,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=16 * mm,
            bottomMargin=20 * mm,
            title=f"Plan van aanpak {report.client}".strip(),
            author=report.adviseur,
            subject="Plan van aanpak voor preventie en verzuim",
            creator="Preventiewerkboek",
            invariant=1,
            lang="nl-NL",
            displayDocTitle=1,
        )
        self._report = report
        self._on_action = on_action
        self._bookmarks = 0

    def footer(self, canvas: Canvas, _document: BaseDocTemplate) -> None:
        """Pagina X van Y on the left (Y is filled in at the end), the plan and client on the right."""
        canvas.setDateFormatter(_pdf_date(self._report.made_on))
        canvas.saveState()
        canvas.setFont(BODY_FONT, FOOTER_SIZE)
        canvas.setFillColor(MUTED)
        width = A4[0] - 2 * MARGIN - PAGE_NUMBER_ROOM
        client = _fitted(readable(f"Plan van aanpak · {self._report.client}"), width)
        canvas.drawRightString(A4[0] - MARGIN, FOOTER_Y, client)
        page = f"Pagina {canvas.getPageNumber()} van "
        canvas.drawString(MARGIN, FOOTER_Y, page)
        canvas.translate(MARGIN + stringWidth(page, BODY_FONT, FOOTER_SIZE), FOOTER_Y)
        canvas.doForm(PAGE_COUNT_FORM)
        canvas.restoreState()

    def afterFlowable(self, flowable: Flowable) -> None:
        if not isinstance(flowable, Paragraph):
            return
        name = flowable.style.name
        if name == ACTION_HEADING.name:
            self._on_action()
        elif (level := OUTLINE_LEVELS.get(name)) is not None:
            self._bookmarks += 1
            key = f"deel-{self._bookmarks}"
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(flowable.getPlainText(), key, level=level, closed=level > 0)


def make(request: ReportRequest) -> bytes:
    """The PDF plan van aanpak: the same bytes for the same workbook and date."""
    total = len(request.workbook.acties)
    progress = request.progress
    laid_out = 0

    def gathered(done: int, _all: int) -> None:  # the first half of the work: the report's content
        if progress is not None:
            progress(done, 2 * total)

    def on_action() -> None:  # the second half: each action's page layout
        nonlocal laid_out
        laid_out += 1
        if progress is not None:
            progress(total + laid_out, 2 * total)

    report = plan_report(request.workbook, request.content, request.today, gathered)
    buffer = io.BytesIO()
    document = _PlanDocument(buffer, report, on_action)
    document.build(
        story(report), onFirstPage=document.footer, onLaterPages=document.footer, canvasmaker=_PageCountCanvas
    )
    return buffer.getvalue()
