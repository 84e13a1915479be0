"""Pilot tests of editing the action plan, each checked against the saved file."""

from __future__ import annotations

import tomllib
from pathlib import Path

from conftest import TODAY
from textual.widgets import Input, Label, Select
from waiting import until

from screens.action_form import ActionFormScreen
from screens.actions import ActionsScreen
from screens.confirm import ConfirmScreen
from screens.external_change import ExternalChangeScreen
from tui.app import WerkboekApp
from widgets.action_table import ActionTable


def saved(path: Path) -> dict[str, dict[str, object]]:
    """The saved actions by id."""
    document = tomllib.loads(path.read_text(encoding="utf-8"))
    return {action["id"]: action for action in document["acties"]}


def table(app: WerkboekApp) -> ActionTable:
    return app.screen.query_one(ActionTable)


async def open_actions(pilot) -> ActionsScreen:  # type: ignore[no-untyped-def]
    await pilot.press("4")
    await pilot.pause()
    assert isinstance(pilot.app.screen, ActionsScreen)
    return pilot.app.screen


async def go_to(pilot, action_id: str) -> None:  # type: ignore[no-untyped-def]
    rows = [action.id for action in table(pilot.app).actions]
    table(pilot.app).cursor = rows.index(action_id)
    await pilot.pause()


async def type_into(pilot, selector: str, text: str) -> None:  # type: ignore[no-untyped-def]
    field = pilot.app.screen.query_one(selector, Input)
    field.focus()
    field.value = ""
    await pilot.press(*text)


async def test_add_an_action_with_the_form(workbook_file: Path) -> None:
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        await open_actions(pilot)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, ActionFormScreen)
        await pilot.press(*"Pauzes in de storingsdienst")
        app.screen.query_one("#fase", Select).value = "plannen"
        await type_into(pilot, "#eigenaar", "Jeroen Smit")
        await type_into(pilot, "#deadline", "15-1-2027")
        await type_into(pilot, "#budget", "120,50")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ActionsScreen)
        assert table(app).current is not None and table(app).current.id == "A21"
        await pilot.press("q")
    added = saved(workbook_file)["A21"]
    assert added == {
        "id": "A21", "titel": "Pauzes in de storingsdienst", "status": "idee", "fase": "plannen",
        "eigenaar": "Jeroen Smit", "deadline": __import__("datetime").date(2027, 1, 15), "budget": 120.5,
    }  # fmt: skip


async def test_edit_an_action(workbook_file: Path) -> None:
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        await open_actions(pilot)
        await go_to(pilot, "A9")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ActionFormScreen)
        await type_into(pilot, "#titel", "Eerlijk storingsrooster")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("q")
    action = saved(workbook_file)["A9"]
    assert action["titel"] == "Eerlijk storingsrooster"
    assert action["eigenaar"] == "Jeroen Smit (planner)", "untouched fields stay"


async def test_an_impossible_date_is_explained_and_nothing_is_saved(workbook_file: Path) -> None:
    before = workbook_file.read_bytes()
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        await open_actions(pilot)
        await pilot.press("n")
        await pilot.pause()
        await pilot.press(*"Iets")
        await type_into(pilot, "#deadline", "31-02-2027")
        await pilot.pause()
        error = app.screen.query_one("#deadline-error", Label)
        assert "31-2-2027 bestaat niet: februari 2027 heeft 28 dagen" in str(error.render())
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ActionFormScreen), "stays open"
        assert app.screen.query_one("#deadline", Input).has_focus
        await type_into(pilot, "#start", "2027-03-01")
        await type_into(pilot, "#deadline", "2027-02-01")
        await pilot.press("ctrl+s")
        await pilot.pause()
        message = str(app.screen.query_one("#deadline-error", Label).render())
        assert "deadline 1-2-2027 ligt vóór start 1-3-2027" in message
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen), "asks because something changed"
        await pilot.press("j")
        await pilot.pause()
        assert isinstance(app.screen, ActionsScreen)
        await pilot.press("q")
    assert workbook_file.read_bytes() == before


async def test_escape_without_changes_does_not_ask(workbook_file: Path) -> None:
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        await open_actions(pilot)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ActionsScreen)


async def test_space_moves_the_status_and_klaar_records_today(workbook_file: Path) -> None:
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        await open_actions(pilot)
        await go_to(pilot, "A7")  # idee
        await pilot.press("space")
        await go_to(pilot, "A3")  # bezig
        await pilot.press("space")
        await pilot.pause()
        await pilot.press("q")
    actions = saved(workbook_file)
    assert actions["A7"]["status"] == "gepland"
    assert (actions["A3"]["status"], actions["A3"]["afgerond_op"]) == ("klaar", TODAY)


async def test_delete_then_undo_then_redo_each_saved(workbook_file: Path) -> None:
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        await open_actions(pilot)
        await go_to(pilot, "A13")
        await pilot.press("x")
        await until(lambda: "A13" not in saved(workbook_file), "the deletion autosaved", pilot=pilot)
        assert any("ctrl+z zet hem terug" in n.message for n in app._notifications)
        await pilot.press("ctrl+z")
        await until(lambda: "A13" in saved(workbook_file), "the undo autosaved", pilot=pilot)
        assert saved(workbook_file)["A13"]["status"] == "gestopt"
        await pilot.press("ctrl+y")
        await until(lambda: "A13" not in saved(workbook_file), "the redo autosaved", pilot=pilot)
        await pilot.press("q")


async def test_undo_works_across_screens(workbook_file: Path) -> None:
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("5")
        await pilot.pause()
        app.screen.query_one("#filter-kind", Select).value = "wettelijk"
        await pilot.pause()
        await pilot.press("enter", "a")  # A21 from the library
        await open_actions(pilot)
        await go_to(pilot, "A7")
        await pilot.press("space")  # A7 idee → gepland
        await pilot.press("ctrl+z", "ctrl+z")
        await pilot.pause()
        await pilot.press("q")
    actions = saved(workbook_file)
    assert "A21" not in actions and actions["A7"]["status"] == "idee"


async def test_filter_and_sort_show_the_right_rows_and_change_nothing(workbook_file: Path) -> None:
    before = workbook_file.read_bytes()
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        await open_actions(pilot)
        await pilot.press("slash", *"werkdruk")
        await pilot.pause()
        shown = [a.id for a in table(app).actions]
        assert shown and all("werkdruk" in str(a.model_dump()).lower() for a in table(app).actions)
        assert "A7" not in shown
        await pilot.press("enter", "t")  # to the table, then only overdue ones
        await pilot.pause()
        assert [a.id for a in table(app).actions] == [i for i in ["A3", "A15"] if i in shown]
        await pilot.press("escape")
        for _ in range(6):  # id → titel → status → fase → factoren → eigenaar → deadline
            await pilot.press("s")
        await pilot.pause()
        deadlines = [a.deadline for a in table(app).actions if a.deadline]
        assert deadlines == sorted(deadlines) and len(table(app).actions) == 20
        assert "20 van 20 acties" in str(app.screen.query_one("#actions-count").render())
        await pilot.press("q")
    assert workbook_file.read_bytes() == before


async def test_autosave_within_a_second_and_the_header_says_so(workbook_file: Path) -> None:
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_actions(pilot)
        await go_to(pilot, "A7")
        await pilot.press("space")
        header = str(app.screen.query_one("WorkbookHeader").render())
        assert "niet opgeslagen" in header
        await until(lambda: saved(workbook_file)["A7"]["status"] == "gepland", "A7 autosaved", pilot=pilot)
        await until(
            lambda: "✓ opgeslagen" in str(app.screen.query_one("WorkbookHeader").render()),
            "the header says it is saved",
            pilot=pilot,
        )


async def test_quitting_right_after_a_change_saves_it(workbook_file: Path) -> None:
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        await open_actions(pilot)
        await go_to(pilot, "A7")
        await pilot.press("space", "q")
    assert saved(workbook_file)["A7"]["status"] == "gepland"


async def test_a_file_changed_behind_the_apps_back_is_not_overwritten(workbook_file: Path) -> None:
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        await open_actions(pilot)
        # Only the autosave may find their change (the watch of the file, every two seconds, would find it
        # first on a slow machine, before the edit below): then the edit is unsaved when it is found.
        app.store.hold_disk_watch(True)
        theirs = workbook_file.read_text(encoding="utf-8").replace("medewerkers = 34", "medewerkers = 35")
        workbook_file.write_text(theirs, encoding="utf-8")
        await go_to(pilot, "A7")
        await pilot.press("space")
        await until(lambda: isinstance(app.screen, ExternalChangeScreen), "the autosave asks", pilot=pilot)
        assert workbook_file.read_text(encoding="utf-8") == theirs, "their version stays"
        await pilot.press("h")  # load theirs; my edit goes to the conflict copy
        await pilot.pause()
    mine = tomllib.loads(workbook_file.with_name("klant.conflict.toml").read_text(encoding="utf-8"))
    assert next(a for a in mine["acties"] if a["id"] == "A7")["status"] == "gepland"
    assert "medewerkers = 35" in workbook_file.read_text(encoding="utf-8")
    assert saved(workbook_file)["A7"]["status"] == "idee"


async def test_a_change_on_disk_while_idle_is_noticed(workbook_file: Path) -> None:
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        text = workbook_file.read_text(encoding="utf-8").replace("medewerkers = 34", "medewerkers = 136")
        workbook_file.write_text(text, encoding="utf-8")
        await until(lambda: isinstance(app.screen, ExternalChangeScreen), "the file check notices", pilot=pilot)
        await pilot.press("h")
        await pilot.pause()
        assert app.session is not None and app.session.workbook.organisatie.medewerkers == 136


async def test_quick_filters_are_picked_with_f(workbook_file: Path) -> None:
    from textual.widgets import OptionList

    from screens.action_filter import ActionFilterScreen

    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_actions(pilot)
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, ActionFilterScreen)
        options = app.screen.query_one(OptionList)
        ids = [options.get_option_at_index(i).id for i in range(options.option_count)]
        options.highlighted = ids.index("status:bezig")
        await pilot.press("enter")
        await pilot.pause()
        assert {a.status for a in table(app).actions} == {"bezig"}
        assert "filter: status bezig" in str(screen.query_one("#actions-count").render())
        await pilot.press("f")
        await pilot.pause()
        options = app.screen.query_one(OptionList)
        options.highlighted = ids.index("phase:invoeren")
        await pilot.press("enter")
        await pilot.pause()
        assert [a.id for a in table(app).actions] == ["A14", "A15", "A16"]
        await pilot.press("escape")  # clears every filter
        await pilot.pause()
        assert len(table(app).actions) == 20
