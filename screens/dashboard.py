"""The dashboard: one overview of a client's scores, phases, plan and deadlines."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Container, Vertical
from textual.content import Content
from textual.widgets import Static

from core.session import WorkbookSession
from models.drafts import Draft
from models.figures import DashboardFigures, dashboard_figures
from screens.base import WorkbookScreen
from widgets.dashboard_panels import (
    ActionGridPanel,
    CurrentLevels,
    DashboardPanel,
    Deadlines,
    FactorScores,
    LegalMinimum,
    NextSteps,
    PhaseProgress,
    StatusCounts,
)
from widgets.key_bar import KeyBar
from widgets.scroll import Scroll

GIT_GROUP = Binding.Group("Git", compact=True)
"""Vastleggen, bijwerken and delen as one footer entry ("vbd Git"), shown only for a workbook in git."""


def figures_of(session: WorkbookSession, quiet_weeks: int) -> DashboardFigures:
    return dashboard_figures(session.workbook, session.content, session.today, quiet_weeks)


class DashboardScreen(WorkbookScreen):
    """Home screen: factors, phases, action counts and deadlines of the open workbook."""

    HELP = (
        "Het overzicht van deze klant: de scores van de tien succesfactoren met het verschil sinds de "
        "eerste meting, hoe ver elke fase is, de niveaus, het wettelijk minimum, de acties per status en "
        "per succesfactor en fase, en wat te laat is of binnenkort moet."
    )

    HORIZONTAL_BREAKPOINTS: list[tuple[int, str]] | None = [(0, "-narrow"), (120, "-wide")]  # noqa: RUF012 (as Textual declares it)
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "app.export_report", "Rapport", tooltip="Plan van aanpak of acties voor Excel maken",
                id="dashboard.rapport"),
        Binding("g", "app.show_history", "Geschiedenis", tooltip="De versies van dit werkboek in git",
                id="dashboard.geschiedenis"),
        Binding("w", "app.show_portfolio", "Werkboeken", tooltip="Alle werkboeken in de map",
                id="dashboard.werkboeken"),
        Binding("a", "agreements", "Akkoord", tooltip="Wie akkoord gaf op het plan van aanpak", show=False,
                id="dashboard.akkoord"),
        Binding("v", "app.git_commit", "Vastleggen", tooltip="Leg dit werkboek vast in git, met een beschrijving",
                id="dashboard.vastleggen", group=GIT_GROUP),
        Binding("b", "app.git_pull", "Bijwerken", tooltip="Haal binnen wat collega's deelden (git pull)",
                id="dashboard.bijwerken", group=GIT_GROUP),
        Binding("d", "app.git_push", "Delen", tooltip="Zet je vastleggingen in de gedeelde repository (git push)",
                id="dashboard.delen", group=GIT_GROUP),
    ]  # fmt: skip

    def compose(self) -> ComposeResult:
        figures = figures_of(self.session, self._quiet_weeks)
        library = self.session.content
        yield self.header()
        with Scroll(id="dashboard"), Container(id="columns"):
            with Vertical(id="left-column"):
                yield NextSteps(figures, library, id="next-steps")
                yield FactorScores(figures, library, id="factors")
                yield PhaseProgress(figures, library, id="phases")
                yield CurrentLevels(figures, library, id="levels")
                yield StatusCounts(figures, library, id="statuses")
            with Vertical(id="right-column"):
                yield Deadlines(figures, library, id="deadlines")
                yield LegalMinimum(figures, library, id="legal")
                yield ActionGridPanel(figures, library, id="grid")
        if not self.werkboek.hint_seen:
            yield Static(
                Content.assemble(
                    ("Nieuw hier? ", "bold $accent"),
                    ("?", "bold"),
                    " toont de toetsen van elk scherm, ",
                    ("ctrl+p", "bold"),
                    " vindt elke opdracht.",
                ),
                id="first-run-hint",
            )
        yield KeyBar()

    @property
    def _quiet_weeks(self) -> int:
        """After how many weeks without a session 'Wat nu?' proposes one (the setting ``stille_klant_weken``)."""
        return self.werkboek.settings.settings.stille_klant_weken

    def on_screen_resume(self) -> None:
        if self.werkboek.hint_seen:
            for hint in self.query("#first-run-hint"):
                hint.remove()

    def show_workbook(self, session: WorkbookSession) -> None:
        figures = figures_of(session, self._quiet_weeks)
        for panel in self.query(DashboardPanel):
            panel.show(figures)

    def _file_state_changed(self, session: WorkbookSession) -> None:
        super()._file_state_changed(session)
        in_git = session.git is not None
        if in_git != self._in_git:  # the footer shows the git keys from now on, or no longer (app.check_action)
            self._in_git = in_git
            self.refresh_bindings()

    _in_git = False

    def restore_draft(self, draft: Draft) -> None:
        """A commit message typed before the app closed: Vastleggen opens again with it."""
        self.werkboek.git_commit(draft.values)

    def action_agreements(self) -> None:
        from screens.agreements import open_agreements  # noqa: PLC0415 - only when asked for

        open_agreements(self.app)
