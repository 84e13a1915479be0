"""Reports for the employer: a "plan van aanpak" in Markdown or as one printable HTML page, and the
actions as a CSV that opens cleanly in Excel with Dutch settings.

The figures come from :mod:`models.figures`; the layout lives in ``models/templates/``. Each
action is rendered on its own, so a long plan can report progress while it is being written.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal

import jinja2
from markupsafe import Markup

from models.content import Content
from models.figures import dashboard_figures
from models.formatting import aantal, hours, money, number, percentage, short_date
from models.levels import LEVEL_MODELS, SHORT_TITLES, level_by_id
from models.profile import REPRESENTATION_LABELS, size_class
from models.report_formats import ReportRequest
from models.sources import link_title
from models.workbook import OPEN_STATUSES, Action, Workbook

Progress = Callable[[int, int], None]
"""Called with (actions done, actions in all) while a report is made."""

W_LABELS = {
    "wat": "Wat",
    "waarom": "Waarom",
    "wie": "Wie",
    "werkwijze": "Werkwijze",
    "waar": "Waar",
    "wanneer": "Wanneer",
}
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")


def signed(change: int) -> str:
    """``+1``, ``-1`` or ``0``."""
    return f"{change:+d}" if change else "0"


def markdown_text(text: Any) -> str:
    """Text safe inside Markdown: characters with a meaning escaped, line breaks kept as breaks."""
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", str(text))
    return re.sub(r"(?m)^#", r"\\#", escaped).replace("\n", "  \n")


@cache
def _environment(autoescape: bool) -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
        autoescape=autoescape,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    environment.filters["md"] = markdown_text
    environment.filters["date"] = lambda day: short_date(day) if day else ""
    environment.filters["number"] = number
    environment.filters["money"] = money
    environment.filters["hours"] = hours
    environment.filters["percentage"] = percentage
    environment.filters["aantal"] = aantal
    environment.filters["signed"] = signed
    return environment


@dataclass(frozen=True)
class ActionRow:
    """An action as the report shows it."""

    action: Action
    phase: str
    factors: str
    overdue: bool
    w_fields: list[tuple[str, str]]
    source: list[str]
    """Where the action came from, as a reader recognises it: one line per document or item."""


@dataclass(frozen=True)
class PhaseGroup:
    title: str
    rows: list[ActionRow]


class _Report:
    """Everything a report shows, gathered once from the workbook."""

    def __init__(self, workbook: Workbook, content: Content, today: dt.date) -> None:
        self.workbook = workbook
        self.content = content
        self.today = today
        self.figures = dashboard_figures(workbook, content, today)

    def context(self) -> dict[str, Any]:
        workbook, content, figures = self.workbook, self.content, self.figures
        organisation = workbook.organisatie
        levels = [
            (SHORT_TITLES[model], level.naam)
            for model in LEVEL_MODELS
            if (level_id := figures.levels[model].level_id) and (level := level_by_id(content, model, level_id))
        ]
        actions = workbook.acties
        return {
            "today": self.today,
            "organisation": organisation,
            "size": size_class(organisation.medewerkers),
            "representation": REPRESENTATION_LABELS.get(organisation.medezeggenschap or ""),
            "levels": levels,
            "factors": figures.factors,
            "scale": content.scale_label,
            "rounds": figures.round_dates,
            "phases": figures.phases,
            "current_phase": figures.current_phase,
            "legal": figures.legal,
            "legal_notes": {item_id: state.notitie for item_id, state in workbook.wettelijk.items() if state.notitie},
            "statuses": figures.statuses,
            "total": len(actions),
            "open": sum(1 for a in actions if a.status in OPEN_STATUSES),
            "overdue": len(figures.overdue),
            "budget": sum(a.budget or 0 for a in actions if a.status != "gestopt"),
            "hours": sum(a.uren or 0 for a in actions if a.status != "gestopt"),
            "logbook": sorted(workbook.logboek, key=lambda entry: entry.datum),
        }

    def row(self, action: Action) -> ActionRow:
        content = self.content
        phase = content.phase_by_id.get(action.fase or "")
        return ActionRow(
            action=action,
            phase=phase.naam if phase else "",
            factors=", ".join(
                content.factor_by_id[f].label if f in content.factor_by_id else f for f in action.succesfactoren
            ),
            overdue=action.is_open and action.deadline is not None and action.deadline < self.today,
            w_fields=[(label, getattr(action, name)) for name, label in W_LABELS.items() if getattr(action, name)],
            source=link_title(action.bron, content).splitlines() if action.bron else [],
        )

    def groups(self, render_one: Callable[[ActionRow], str], progress: Progress | None) -> list[tuple[str, list[str]]]:
        """Actions rendered one by one, grouped by phase in content order (actions without one last)."""
        by_phase: dict[str, list[Action]] = {}
        for action in self.workbook.acties:
            by_phase.setdefault(action.fase if action.fase in self.content.phase_by_id else "", []).append(action)
        order = [*(phase.id for phase in self.content.phases), ""]
        total, done = len(self.workbook.acties), 0
        groups = []
        for phase_id in order:
            rendered = []
            for action in by_phase.get(phase_id, []):
                rendered.append(render_one(self.row(action)))
                done += 1
                if progress is not None:
                    progress(done, total)
            if rendered:
                phase = self.content.phase_by_id.get(phase_id)
                groups.append((phase.naam if phase else "Zonder fase", rendered))
        return groups


def report_text(
    workbook: Workbook, content: Content, today: dt.date, kind: Literal["md", "html"], progress: Progress | None = None
) -> str:
    """The plan van aanpak as Markdown or as a self-contained HTML page."""
    environment = _environment(autoescape=kind == "html")
    report = _Report(workbook, content, today)
    action_template = environment.get_template(f"actie.{kind}.j2")

    def render_one(row: ActionRow) -> str:
        text = action_template.render(row=row, today=today)
        return Markup(text) if kind == "html" else text  # already escaped by the autoescaping template

    groups = report.groups(render_one, progress)
    return environment.get_template(f"rapport.{kind}.j2").render(**report.context(), groups=groups)


def make_html(request: ReportRequest) -> bytes:
    """The plan van aanpak as one self-contained HTML page."""
    return report_text(request.workbook, request.content, request.today, "html", request.progress).encode("utf-8")


def make_markdown(request: ReportRequest) -> bytes:
    """The plan van aanpak as Markdown."""
    return report_text(request.workbook, request.content, request.today, "md", request.progress).encode("utf-8")
