"""A plan of thousands of actions: the panes that list actions show the first few and count the rest,
so one frame never has to draw thousands of lines (the dashboard's Deadlines, the factor and phase panes)."""

from __future__ import annotations

from pathlib import Path

from conftest import TODAY
from textual.widgets import Static

from bench.run import generated_workbook
from models.content import default_content
from models.figures import overdue_actions
from models.scoring import LinkedActions, linked_actions, linked_actions_per_factor
from models.store import LoadedWorkbook, save_workbook
from screens.factors import FactorsScreen
from screens.phases import PhasesScreen
from tui.app import WerkboekApp
from widgets.dashboard_panels import DEADLINES_SHOWN, Deadlines

ACTIONS = 600


def _large_plan(tmp_path: Path) -> Path:
    path = tmp_path / "groot.toml"
    seed = LoadedWorkbook(path=path, workbook=generated_workbook(ACTIONS, 4), digest=None)
    save_workbook(seed, seed.workbook, content=default_content())
    return path


async def test_deadlines_show_the_first_ten_of_each_kind_and_count_the_rest(tmp_path: Path) -> None:
    path = _large_plan(tmp_path)
    late = overdue_actions(generated_workbook(ACTIONS, 4), TODAY)
    assert len(late) > DEADLINES_SHOWN + 5
    app = WerkboekApp(path, today=TODAY)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        text = app.screen.query_one(Deadlines).render().plain  # type: ignore[union-attr]
        lines = text.splitlines()
        assert lines[0] == f"Te laat ({len(late)})"
        shown = [line for line in lines if line.startswith("⚠")]
        assert [line.split()[1] for line in shown] == [action.id for action in late[:DEADLINES_SHOWN]]
        assert f"… en nog {len(late) - DEADLINES_SHOWN} te laat" in text
        assert all("…" not in line.split()[1] for line in shown), "ids of five characters are not cut"
        assert app.screen.query_one(Deadlines).line_count() == len(lines)


async def test_the_factor_and_phase_panes_list_forty_actions_and_count_the_rest(tmp_path: Path) -> None:
    path = _large_plan(tmp_path)
    app = WerkboekApp(path, today=TODAY)
    async with app.run_test(size=(160, 45)) as pilot:
        for key, screen_type, where in (("2", FactorsScreen, "voor deze factor"), ("3", PhasesScreen, "in deze fase")):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, screen_type)
            pane = "\n".join(str(static.render()) for static in app.screen.query(Static))
            action_lines = [line for line in pane.splitlines() if line.startswith("A") and line[1:2].isdigit()]
            assert len(action_lines) == 40, screen_type.__name__
            assert "… en nog " in pane and f"Acties (4) toont alle acties {where}" in pane


def test_counting_actions_per_factor_in_one_pass_gives_what_counting_each_factor_gives() -> None:
    workbook = generated_workbook(ACTIONS, 4)
    per_factor = linked_actions_per_factor(workbook)
    for factor in default_content().factors:
        assert per_factor.get(factor.id, LinkedActions(0, 0, 0)) == linked_actions(workbook, factor=factor.id)
    assert sum(counts.open + counts.done + counts.stopped for counts in per_factor.values()) == sum(
        len(action.succesfactoren) for action in workbook.acties
    )
