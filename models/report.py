"""The plan van aanpak as one printable HTML page or as Markdown, rendered from :mod:`models.plan_report`.

Both carry the content of the Word and PDF plans, in the order an employer reads them: the title block,
an overview of who does what by when, where the organisation stands (with a score chart in HTML), each
action with its six W's, the notes, a short logbook, the signature block and the sources. The layout
lives in ``models/templates/``; every text from the workbook is escaped there (autoescape in HTML,
:func:`markdown_text` in Markdown). Each action is rendered on its own, so a long plan reports progress.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from pathlib import Path
from typing import Any, Literal

import jinja2
from markupsafe import Markup

from models.content import Content
from models.form_parsing import printable
from models.formatting import long_date, number, short_date
from models.plan_report import PlanReport, Progress, plan_report
from models.report_formats import ReportRequest
from models.score_chart import score_chart
from models.workbook import Workbook

Kind = Literal["md", "html"]
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")
_INDENT = re.compile(r"(?m)^[ \t]+")
"""Spaces at the start of a line, which could make code of it (Markdown shows no indent after a break anyway)."""
_LINE_START = re.compile(r"(?m)^([=+~-]|\d+(?=[.)]))")
"""What makes a setext underline, a list, a rule or a code fence at the start of a line."""
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
BAR_FULL, BAR_EMPTY = "█", "░"
KEPT_LENGTH = 16
"""Facts up to this length (``17 apr 2026``, ``Afgerond op``) never break over two lines."""


def signed(change: int | None) -> str:
    """``+1``, ``-1`` or ``0`` (``–`` when there is nothing to compare)."""
    if change is None:
        return "–"
    return f"{change:+d}" if change else "0"


def _line_start(match: re.Match[str]) -> str:
    mark = match[1]
    return f"{mark}\\" if mark.isdigit() else f"\\{mark}"


def markdown_text(text: Any) -> str:
    """Text safe inside Markdown: characters with a meaning escaped, line breaks kept as breaks."""
    lines = _NONCHARACTERS.sub("", printable(str(text)))  # escapes go before Markdown's backslashes
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", _INDENT.sub("", lines))
    escaped = _ENTITY.sub(r"\\&", escaped)
    escaped = _LINE_START.sub(_line_start, escaped)
    return escaped.replace("\n", "  \n")


def markdown_cell(text: Any) -> str:
    """Text safe inside a Markdown table cell: escaped, on one line (a line break would end the row)."""
    return markdown_text(" ".join(str(text).split()))


def nobreak(text: str) -> str:
    """A short fact (a date, an amount, a label) kept on one line in HTML, and no break after a euro sign."""
    if len(text) <= KEPT_LENGTH:
        return text.replace(" ", "\u00a0")
    return text.replace("€ ", "€\u00a0")


def text_bar(value: int | None, maximum: int) -> str:
    """A score as a bar of text, ``███░`` for 3 of 4; empty when not scored."""
    return BAR_FULL * value + BAR_EMPTY * (maximum - value) if value else ""


def sources(report: PlanReport) -> list[tuple[str, list[str]]]:
    """Every source the actions name, by title, once, in the order of the plan, with the actions citing it."""
    cited: dict[str, list[str]] = {}
    for group in report.groups:
        for action in group.actions:
            for title in action.sources:
                cited.setdefault(title, []).append(action.id)
    return list(cited.items())


_NONCHARACTERS = re.compile("[\ufffe\uffff]")


def _shown_as_text(value: Any) -> Any:
    """Every value a template writes, without terminal escapes, control characters or non-characters:
    a report opened in a terminal (``cat plan.md``) never obeys them, and the HTML stays valid XML."""
    if not isinstance(value, str):
        return value
    cleaned = _NONCHARACTERS.sub("", printable(value))
    return Markup(cleaned) if isinstance(value, Markup) else cleaned


@cache
def _environment(autoescape: bool) -> jinja2.Environment:
    environment = jinja2.Environment(
        finalize=_shown_as_text,
        loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
        autoescape=autoescape,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    environment.filters["md"] = markdown_text
    environment.filters["cell"] = markdown_cell
    environment.filters["date"] = lambda day: short_date(day) if day else ""
    environment.filters["long_date"] = long_date
    environment.filters["number"] = number
    environment.filters["signed"] = signed
    environment.filters["bar"] = text_bar
    environment.filters["nobreak"] = nobreak
    return environment


def render(report: PlanReport, kind: Kind, progress: Progress | None = None, offset: int = 0) -> str:
    """The gathered plan as Markdown or HTML; ``progress`` counts each rendered action from ``offset``."""
    environment = _environment(autoescape=kind == "html")
    action_template = environment.get_template(f"actie.{kind}.j2")
    total = offset + report.action_count
    done = offset
    groups: list[tuple[str, list[str]]] = []
    for group in report.groups:
        rendered = []
        for action in group.actions:
            text = action_template.render(action=action)
            rendered.append(Markup(text) if kind == "html" else text)  # already escaped by its template
            done += 1
            if progress is not None:
                progress(done, total)
        groups.append((group.title, rendered))
    chart = Markup(score_chart(report.scores)) if kind == "html" else ""  # built from escaped text
    return environment.get_template(f"rapport.{kind}.j2").render(
        report=report, groups=groups, chart=chart, sources=sources(report)
    )


def report_text(
    workbook: Workbook, content: Content, today: dt.date, kind: Kind, progress: Progress | None = None
) -> str:
    """The plan van aanpak as Markdown or as a self-contained HTML page; progress runs over gathering and writing."""
    total = len(workbook.acties)

    def gathered(done: int, _all: int) -> None:
        if progress is not None:
            progress(done, 2 * total)

    report = plan_report(workbook, content, today, gathered)
    return render(report, kind, progress, offset=total)


def make_html(request: ReportRequest) -> bytes:
    """The plan van aanpak as one self-contained HTML page."""
    return report_text(request.workbook, request.content, request.today, "html", request.progress).encode("utf-8")


def make_markdown(request: ReportRequest) -> bytes:
    """The plan van aanpak as Markdown."""
    return report_text(request.workbook, request.content, request.today, "md", request.progress).encode("utf-8")
