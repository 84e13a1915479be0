"""The dashboard: one overview of a client's scores, phases, plan and deadlines."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from textual.app import ComposeResult
from textual.containers import Container, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer

from models.figures import DashboardFigures, dashboard_figures
from tui.widgets.dashboard_panels import ActionGridPanel, Deadlines, FactorScores, PhaseProgress, StatusCounts
from tui.widgets.header import WorkbookHeader

if TYPE_CHECKING:
    from tui.app import WerkboekApp


class DashboardScreen(Screen[None]):
    """Home screen: factors, phases, action counts and deadlines of the open workbook."""

    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [(0, "-narrow"), (120, "-wide")]

    @property
    def werkboek(self) -> WerkboekApp:
        return cast("WerkboekApp", self.app)

    def _figures(self) -> DashboardFigures:
        session = self.werkboek.session
        return dashboard_figures(session.loaded.workbook, session.content, session.today)

    def compose(self) -> ComposeResult:
        session = self.werkboek.session
        figures = self._figures()
        library = session.content
        yield WorkbookHeader(
            session.loaded.workbook.organisatie.naam, session.loaded.path, read_only=session.loaded.read_only
        )
        with VerticalScroll(id="dashboard"), Container(id="columns"):
            with Vertical(id="left-column"):
                yield FactorScores(figures, library, id="factors")
                yield PhaseProgress(figures, library, id="phases")
                yield StatusCounts(figures, library, id="statuses")
            with Vertical(id="right-column"):
                yield Deadlines(figures, library, id="deadlines")
                yield ActionGridPanel(figures, library, id="grid")
        yield Footer()
