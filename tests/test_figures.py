"""Dashboard figures: scores and change, phase progress, action grid, statuses and deadlines."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from conftest import EXAMPLE, TODAY

from models.content import Content
from models.figures import dashboard_figures, due_soon_actions, overdue_actions
from models.store import load_workbook
from models.workbook import Action, Organisation, PhaseState, ScoringRound, Workbook


def _workbook(**fields: object) -> Workbook:
    return Workbook(organisatie=Organisation(naam="Test BV"), **fields)  # type: ignore[arg-type]


def test_latest_score_and_change_since_first_round(content: Content) -> None:
    workbook = _workbook(
        metingen=[
            ScoringRound(datum=dt.date(2026, 9, 1), scores={"tijd": 3, "kennis": 1}),
            ScoringRound(datum=dt.date(2026, 1, 1), scores={"tijd": 1, "openheid": 2}),
        ]
    )
    factors = {f.factor.id: f for f in dashboard_figures(workbook, content, TODAY).factors}
    assert (factors["tijd"].latest, factors["tijd"].change) == (3, 2)
    assert (factors["kennis"].latest, factors["kennis"].change) == (1, None)  # scored once: no change yet
    assert (factors["openheid"].latest, factors["openheid"].change) == (2, None)
    assert factors["eenvoud"].latest is None


def test_phase_progress_and_current_phase(content: Content) -> None:
    first_phase = content.phases[0]
    all_items = [item.id for item in first_phase.checklist]
    workbook = _workbook(
        fasen={"in-kaart": PhaseState(afgevinkt=all_items), "kiezen": PhaseState(afgevinkt=["prioriteiten"])}
    )
    figures = dashboard_figures(workbook, content, TODAY)
    assert [(p.phase.id, p.done, p.total) for p in figures.phases][:2] == [
        ("in-kaart", len(all_items), len(all_items)),
        ("kiezen", 1, len(content.phases[1].checklist)),
    ]
    assert figures.current_phase is not None and figures.current_phase.phase.id == "kiezen"


def test_grid_counts_each_factor_and_skips_stopped_actions(content: Content) -> None:
    workbook = _workbook(
        acties=[
            Action(id="A1", titel="a", fase="kiezen", succesfactoren=["tijd", "kennis"]),
            Action(id="A2", titel="b", fase="kiezen", succesfactoren=["tijd"]),
            Action(id="A3", titel="c", fase="kiezen", succesfactoren=["tijd"], status="gestopt"),
            Action(id="A4", titel="d"),
        ]
    )
    grid = dashboard_figures(workbook, content, TODAY).grid
    assert grid.counts == {("tijd", "kiezen"): 2, ("kennis", "kiezen"): 1}
    assert grid.phase_totals == {"kiezen": 2}
    assert grid.without_factor_or_phase == 1


def test_overdue_and_due_soon_only_count_open_actions(content: Content) -> None:
    today = dt.date(2026, 11, 22)
    workbook = _workbook(
        acties=[
            Action(id="A1", titel="te laat", status="bezig", deadline=dt.date(2026, 11, 21)),
            Action(id="A2", titel="klaar en oud", status="klaar", deadline=dt.date(2026, 1, 1)),
            Action(id="A3", titel="vandaag", status="gepland", deadline=today),
            Action(id="A4", titel="grens", status="idee", deadline=today + dt.timedelta(days=30)),
            Action(id="A5", titel="later", status="gepland", deadline=today + dt.timedelta(days=31)),
            Action(id="A6", titel="gestopt", status="gestopt", deadline=dt.date(2026, 11, 1)),
        ]
    )
    assert [a.id for a in overdue_actions(workbook, today)] == ["A1"]
    assert [a.id for a in due_soon_actions(workbook, today)] == ["A3", "A4"]


def test_example_workbook_figures(content: Content) -> None:
    loaded = load_workbook(Path(EXAMPLE), content)
    figures = dashboard_figures(loaded.workbook, content, TODAY)
    assert figures.statuses == {"idee": 3, "gepland": 6, "bezig": 5, "klaar": 5, "gestopt": 1}
    assert [a.id for a in figures.overdue] == ["A15", "A3", "A14", "A6"]
    assert [a.id for a in figures.due_soon] == ["A16", "A11", "A9", "A10"]
    eenvoud = next(f for f in figures.factors if f.factor.id == "eenvoud")
    assert (eenvoud.latest, eenvoud.change) == (2, -1)
