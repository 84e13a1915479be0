"""The workbook as a commit left it: scores, phases, levels, legal minimum and the plan, read-only."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Container, Vertical
from textual.content import Content
from textual.widgets import Static

from models.figures import dashboard_figures
from models.formatting import short_date
from screens.base import AppScreen
from widgets.dashboard_panels import CurrentLevels, FactorScores, LegalMinimum, PhaseProgress, StatusCounts
from widgets.header import WorkbookHeader
from widgets.key_bar import KeyBar
from widgets.scroll import Scroll

if TYPE_CHECKING:
    from core.session import WorkbookSession
    from models.file_history import Version
    from models.workbook import Workbook


def plan_text(workbook: Workbook) -> Content:
    """The plan as it was: one line per action."""
    lines = [Content.styled(f"Acties ({len(workbook.acties)})", "bold $text-primary")]
    for action in workbook.acties:
        deadline = f"  deadline {short_date(action.deadline)}" if action.deadline else ""
        lines.append(
            Content.assemble(
                (f"{action.id:<5}", "bold"), (f"{action.status:<8}", "$foreground-muted"), action.titel, deadline
            )
        )
    return Content("\n").join(lines)


class VersionScreen(AppScreen[None]):
    """A read-only look at one version; escape goes back to the history."""

    HELP = (
        "Het werkboek zoals het bij een eerdere versie was, alleen om te lezen. Escape gaat terug naar de geschiedenis."
    )

    HORIZONTAL_BREAKPOINTS: list[tuple[int, str]] | None = [(0, "-narrow"), (120, "-wide")]  # noqa: RUF012 (as Textual declares it)
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Terug", tooltip="Terug naar de geschiedenis", id="versie.terug"),
    ]

    def __init__(self, version: Version, session: WorkbookSession) -> None:
        super().__init__()
        assert version.workbook is not None
        self.version = version
        self.workbook = version.workbook
        self.session = session

    def compose(self) -> ComposeResult:
        yield WorkbookHeader(self.workbook.organisatie.naam, self.session.loaded.path, read_only=True)
        commit = self.version.commit
        if commit is None:
            title = "Het bestand zoals het nu op schijf staat (nog niet vastgelegd)"
        else:
            title = f"Zoals vastgelegd op {short_date(commit.when.date())} door {commit.author} ({commit.short})"
        yield Static(Content.assemble((f" {title}", "bold"), ("  ·  alleen lezen", "$warning")), id="version-title")
        figures = dashboard_figures(self.workbook, self.session.content, self.session.today)
        library = self.session.content
        with Scroll(id="version-body"), Container(id="version-columns"):
            with Vertical(classes="version-column"):
                yield FactorScores(figures, library, id="version-factors")
                yield PhaseProgress(figures, library, id="version-phases")
                yield CurrentLevels(figures, library, id="version-levels", hints=False)
            with Vertical(classes="version-column"):
                yield StatusCounts(figures, library, id="version-statuses")
                yield LegalMinimum(figures, library, id="version-legal", hints=False)
                yield Static(plan_text(self.workbook), id="version-plan")
        yield KeyBar()

    def action_close(self) -> None:
        self.dismiss()
