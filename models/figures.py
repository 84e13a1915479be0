"""Figures for the dashboard: scores and trends, phase progress, action counts and deadlines."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from dataclasses import dataclass

from models.content import Content
from models.content_items import Factor, Phase
from models.legal import LegalFigures, legal_figures
from models.levels import CurrentLevel, LevelModel, current_levels
from models.next_steps import QUIET_WEEKS, NextStep, last_session, next_steps
from models.workbook import ACTION_STATUSES, Action, ActionStatus, Workbook

DUE_SOON_DAYS = 30


@dataclass(frozen=True)
class FactorFigure:
    """A factor's scores over the rounds: the latest, the one before it and the first."""

    factor: Factor
    history: tuple[int | None, ...]
    """The score in each round, oldest first (None where the factor was skipped)."""

    @property
    def _scored(self) -> list[int]:
        return [score for score in self.history if score is not None]

    @property
    def latest(self) -> int | None:
        scored = self._scored
        return scored[-1] if scored else None

    @property
    def previous(self) -> int | None:
        """The score before the latest one; None until scored in two rounds."""
        scored = self._scored
        return scored[-2] if len(scored) > 1 else None

    @property
    def first(self) -> int | None:
        scored = self._scored
        return scored[0] if scored else None

    @property
    def rounds_scored(self) -> int:
        return len(self._scored)

    @property
    def change(self) -> int | None:
        """Latest minus first score; None until the factor has been scored in two rounds."""
        if self.latest is None or self.first is None or self.rounds_scored < 2:
            return None
        return self.latest - self.first


@dataclass(frozen=True)
class PhaseFigure:
    """How far a phase's checklist is ticked."""

    phase: Phase
    done: int
    total: int

    @property
    def complete(self) -> bool:
        return self.done >= self.total


@dataclass(frozen=True)
class ActionGrid:
    """Number of actions (stopped ones excluded) per success factor and phase."""

    counts: dict[tuple[str, str], int]
    factor_totals: dict[str, int]
    phase_totals: dict[str, int]
    without_factor_or_phase: int


def factor_figures(workbook: Workbook, content: Content) -> list[FactorFigure]:
    """One figure per factor, in content order, from the scoring rounds sorted by date."""
    rounds = sorted(workbook.metingen, key=lambda r: r.datum)
    return [
        FactorFigure(factor=factor, history=tuple(r.scores.get(factor.id) for r in rounds))
        for factor in content.factors
    ]


def phase_figures(workbook: Workbook, content: Content) -> list[PhaseFigure]:
    """Checklist progress per phase, in content order."""
    figures = []
    for phase in content.phases:
        state = workbook.fasen.get(phase.id)
        known = {item.id for item in phase.checklist}
        done = len(known.intersection(state.afgevinkt)) if state else 0
        figures.append(PhaseFigure(phase=phase, done=done, total=len(phase.checklist)))
    return figures


def current_phase(figures: list[PhaseFigure], chosen: str | None = None) -> PhaseFigure | None:
    """The phase the consultant chose, else the first whose checklist is not complete (None when all are)."""
    if chosen is not None:
        picked = next((figure for figure in figures if figure.phase.id == chosen), None)
        if picked is not None:
            return picked
    return next((figure for figure in figures if not figure.complete), None)


def action_grid(workbook: Workbook, content: Content) -> ActionGrid:
    """Count actions per (factor, phase); an action with several factors counts in each row."""
    counts: Counter[tuple[str, str]] = Counter()
    factor_totals: Counter[str] = Counter()
    phase_totals: Counter[str] = Counter()
    without = 0
    for action in workbook.acties:
        if action.status == "gestopt":
            continue
        if action.fase is None or not action.succesfactoren:
            without += 1
        if action.fase is not None:
            phase_totals[action.fase] += 1
        for factor_id in action.succesfactoren:
            factor_totals[factor_id] += 1
            if action.fase is not None:
                counts[(factor_id, action.fase)] += 1
    return ActionGrid(dict(counts), dict(factor_totals), dict(phase_totals), without)


def status_counts(workbook: Workbook) -> dict[ActionStatus, int]:
    """Number of actions per status, in workflow order."""
    counts = Counter(action.status for action in workbook.acties)
    return {status: counts.get(status, 0) for status in ACTION_STATUSES}


def overdue_actions(workbook: Workbook, today: dt.date) -> list[Action]:
    """Open actions whose deadline has passed, the longest overdue first."""
    late = [a for a in workbook.acties if a.is_open and a.deadline is not None and a.deadline < today]
    return sorted(late, key=lambda a: (a.deadline, a.id))


def due_soon_actions(workbook: Workbook, today: dt.date, days: int = DUE_SOON_DAYS) -> list[Action]:
    """Open actions due from today up to ``days`` ahead, the soonest first."""
    horizon = today + dt.timedelta(days=days)
    soon = [a for a in workbook.acties if a.is_open and a.deadline is not None and today <= a.deadline <= horizon]
    return sorted(soon, key=lambda a: (a.deadline, a.id))


@dataclass(frozen=True)
class DashboardFigures:
    """Everything the dashboard shows, computed in one go from a workbook."""

    today: dt.date
    factors: list[FactorFigure]
    round_dates: list[dt.date]
    phases: list[PhaseFigure]
    current_phase: PhaseFigure | None
    grid: ActionGrid
    statuses: dict[ActionStatus, int]
    overdue: list[Action]
    due_soon: list[Action]
    legal: LegalFigures
    levels: dict[LevelModel, CurrentLevel]
    phase_chosen: bool
    """The current phase was set by the consultant (not derived from the checklists)."""
    last_session: dt.date | None = None
    """The latest logbook entry or scoring round."""
    steps: tuple[NextStep, ...] = ()
    """'Wat nu?': the next steps (:mod:`models.next_steps`)."""


def dashboard_figures(
    workbook: Workbook, content: Content, today: dt.date, quiet_weeks: int = QUIET_WEEKS
) -> DashboardFigures:
    """Compute the dashboard's figures for ``today`` (``quiet_weeks``: when 'Wat nu?' proposes a session)."""
    phases = phase_figures(workbook, content)
    figures = DashboardFigures(
        today=today,
        factors=factor_figures(workbook, content),
        round_dates=sorted(r.datum for r in workbook.metingen),
        phases=phases,
        current_phase=current_phase(phases, workbook.huidige_fase),
        grid=action_grid(workbook, content),
        statuses=status_counts(workbook),
        overdue=overdue_actions(workbook, today),
        due_soon=due_soon_actions(workbook, today),
        legal=legal_figures(workbook, content),
        levels=current_levels(workbook),
        phase_chosen=workbook.huidige_fase in content.phase_order,
    )
    steps = tuple(next_steps(workbook, figures, quiet_weeks))
    return dataclasses.replace(figures, last_session=last_session(workbook), steps=steps)
