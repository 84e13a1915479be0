"""Acties on a generated plan of a few hundred actions: what the table shows while typing, after quick
filters, sorting and edits is exactly a fresh filter and sort of the plan; the cursor stays on its action;
an edit draws only the row of the changed action again."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from conftest import TODAY
from waiting import until

from bench.run import generated_workbook
from models.action_list import ActionFilter, filtered, sorted_actions
from models.store import LoadedWorkbook, save_workbook
from screens.actions import ActionsScreen
from tui.app import WerkboekApp
from widgets.action_table import ActionTable

SIZE = (100, 40)


@pytest.fixture
def plan_file(tmp_path: Path, content) -> Path:  # type: ignore[no-untyped-def]
    path = tmp_path / "groot.toml"
    seed = LoadedWorkbook(path=path, workbook=generated_workbook(300, 4), digest=None)
    save_workbook(seed, seed.workbook, content=content)
    return path


def screen_of(app: WerkboekApp) -> ActionsScreen:
    assert isinstance(app.screen, ActionsScreen)
    return app.screen


def fresh_rows(app: WerkboekApp) -> list[str]:
    """The ids a fresh filter and sort of the plan as it is now gives, for what the screen is set to."""
    screen = screen_of(app)
    session = screen.session
    wanted = screen.current_filter()
    shown = filtered(session.workbook.acties, wanted, session.today)
    return [a.id for a in sorted_actions(shown, screen.sort_key, session.content, reverse=screen.sort_reverse)]


def shown_rows(app: WerkboekApp) -> list[str]:
    return [a.id for a in screen_of(app).query_one(ActionTable).actions]


def screen_lines(table: ActionTable) -> list[str]:
    return [table.render_line(y).text for y in range(table.size.height)]


@pytest.mark.parametrize("seed", range(3))
async def test_typing_and_backspacing_show_what_a_fresh_filter_shows(plan_file: Path, seed: int) -> None:
    rng = random.Random(seed)
    app = WerkboekApp(plan_file, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await until(lambda: isinstance(app.screen, ActionsScreen), "Acties open", pilot=pilot)
        for _ in range(3):
            words = ["tillen", "werkdruk", "kampen", "ronde", "1", "2", "teamleider", "overleg", "zwolle"]
            query = " ".join(rng.sample(words, 2))
            await pilot.press("slash")
            for key in [*query.replace(" ", "_"), *["backspace"] * rng.randint(1, len(query))]:
                await pilot.press("space" if key == "_" else key)
                await pilot.pause()
                assert shown_rows(app) == fresh_rows(app), screen_of(app).current_filter()
            await pilot.press("enter", rng.choice(["t", "s", "S"]))  # a quick filter or another sort
            await pilot.pause()
            assert shown_rows(app) == fresh_rows(app)
        await pilot.press("escape")
        await pilot.pause()
        assert shown_rows(app) == fresh_rows(app) and screen_of(app).current_filter() == ActionFilter()


async def test_the_cursor_stays_on_its_action_while_the_filter_narrows_and_widens(plan_file: Path) -> None:
    app = WerkboekApp(plan_file, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await until(lambda: isinstance(app.screen, ActionsScreen), "Acties open", pilot=pilot)
        table = screen_of(app).query_one(ActionTable)
        table.cursor = shown_rows(app).index("A137")
        await pilot.pause()
        title = table.actions[table.cursor].titel.lower()
        query = title.split()[0]
        await pilot.press("slash", *query, "space", "1", "3")
        await pilot.pause()
        assert table.current is not None and table.current.id == "A137"
        assert len(table.actions) < 300
        await pilot.press(*["backspace"] * (len(query) + 3))
        await pilot.pause()
        assert len(table.actions) == 300 and table.current is not None and table.current.id == "A137"
        assert table.scroll_offset.y <= table.cursor < table.scroll_offset.y + table.size.height - 1


async def test_an_edit_draws_only_the_changed_row_again_and_the_autosave_draws_nothing(plan_file: Path) -> None:
    app = WerkboekApp(plan_file, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await until(lambda: isinstance(app.screen, ActionsScreen), "Acties open", pilot=pilot)
        table = screen_of(app).query_one(ActionTable)
        await pilot.press("pagedown", "pagedown", "down", "down")
        await pilot.pause()
        while table.current is not None and table.current.status in {"klaar", "gestopt"}:
            await pilot.press("down")  # an action whose status can move on
            await pilot.pause()
        current = table.current
        assert current is not None
        row = table.cursor - table.scroll_offset.y + 1
        before = screen_lines(table)
        drawn: list[int] = []
        render_line = table.render_line

        def counted(y: int):  # type: ignore[no-untyped-def]
            drawn.append(y)
            return render_line(y)

        table.render_line = counted  # type: ignore[method-assign]
        await pilot.press("space")
        await until(lambda: not app.store.saving and not app.session.dirty, "saved", pilot=pilot)  # type: ignore[union-attr]
        await pilot.pause()
        table.render_line = render_line  # type: ignore[method-assign]
        after = screen_lines(table)
        assert table.current is not None and table.current.id == current.id
        assert table.current.status != current.status
        assert [y for y in range(len(before)) if before[y] != after[y]] == [row]
        assert set(drawn) == {row}
        assert shown_rows(app) == fresh_rows(app)
