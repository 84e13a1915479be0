"""Pilot tests of the Bibliotheek, Succesfactoren and Fasen screens, and of adding an item as action."""

from __future__ import annotations

import tomllib
from pathlib import Path

from conftest import TODAY
from textual.widgets import Input, OptionList, Static

from models.content import default_content
from models.sources import citations
from screens.confirm import ConfirmScreen
from screens.factors import FactorsScreen
from screens.item_detail import ItemDetailScreen
from screens.library import LibraryScreen
from screens.phases import PhasesScreen
from tui.app import WerkboekApp


def saved_actions(path: Path) -> list[dict[str, object]]:
    return tomllib.loads(path.read_text(encoding="utf-8"))["acties"]  # type: ignore[no-any-return]


def detail_text(app: WerkboekApp) -> str:
    return app.screen.query_one("#library-detail-text", Static).render().plain  # type: ignore[union-attr]


async def test_key_5_opens_the_library_and_typing_finds_an_item_by_a_body_word(workbook_file: Path) -> None:
    content = default_content()
    practice = content.practices[3]
    word = max(practice.wat.split(), key=len).strip(".,;:()'\"")
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("5")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        assert app.screen.query_one("#library-search", Input).has_focus
        await pilot.press(*word)
        await pilot.pause()
        results = app.screen.query_one("#library-results", OptionList)
        keys = [results.get_option_at_index(i).id for i in range(results.option_count)]
        assert f"praktijk:{practice.id}" in keys
        results.highlighted = keys.index(f"praktijk:{practice.id}")
        await pilot.pause()
        detail = detail_text(app)
        assert practice.titel in detail and "Zelf gerapporteerd" in detail
        assert all(line in detail for line in citations(practice.bron, content))  # cited, not as a file name


async def test_a_on_a_strategy_adds_the_expected_action_to_the_file(workbook_file: Path) -> None:
    content = default_content()
    strategy = next(s for s in content.strategies if "tijd" in s.succesfactoren)
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("5")
        await pilot.pause()
        app.screen.query_one("#library-search", Input).value = strategy.titel
        await pilot.pause()
        await pilot.press("enter")  # from the search box to the results
        results = app.screen.query_one("#library-results", OptionList)
        assert results.has_focus and results.highlighted_option is not None
        assert results.highlighted_option.id == f"strategie:{strategy.id}"
        await pilot.press("a")
        await pilot.pause()
    added = saved_actions(workbook_file)[-1]
    assert added == {
        "id": "A21",
        "titel": strategy.titel,
        "status": "idee",
        "fase": strategy.fasen[0],
        "succesfactoren": [f.id for f in content.factors if f.id in strategy.succesfactoren],
        "bron": f"strategie:{strategy.id}",
    }
    assert any("Actie A21 toegevoegd" in n.message and "opgeslagen" in n.message for n in app._notifications)


async def test_a_does_nothing_for_kinds_that_are_not_actions(workbook_file: Path) -> None:
    before = workbook_file.read_bytes()
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("5")
        await pilot.pause()
        app.screen.query_one("#library-search", Input).value = "bedrijfsarts"
        await pilot.pause()
        app.screen.query_one("#filter-kind").value = "actor"  # type: ignore[attr-defined]
        await pilot.pause()
        await pilot.press("enter", "a")
        await pilot.pause()
    assert workbook_file.read_bytes() == before


async def test_escape_clears_the_search(workbook_file: Path) -> None:
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("5")
        await pilot.pause()
        total = app.session.library.items.__len__()  # type: ignore[union-attr]
        await pilot.press(*"bhv")
        await pilot.pause()
        results = app.screen.query_one("#library-results", OptionList)
        assert results.border_title != f"Resultaten · {total}"
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.query_one("#library-search", Input).value == ""
        assert results.border_title == f"Resultaten · {total}"


async def test_escape_clears_and_leaves_the_search_box_so_screen_keys_work(workbook_file: Path) -> None:
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("5")
        await pilot.pause()
        await pilot.press(*"bhv", "escape")
        await pilot.pause()
        assert app.screen.query_one("#library-search", Input).value == ""
        assert app.screen.query_one("#library-results", OptionList).has_focus, "escape goes to the results"
        await pilot.press("escape", "z")  # a second escape does not lead back into the box
        await pilot.pause()
        assert app.screen.query_one("#library-search", Input).value == ""
        await pilot.press("4")
        await pilot.pause()
        assert app.current_mode == "acties"


async def test_factor_screen_shows_strategies_and_adds_one_as_action(workbook_file: Path) -> None:
    content = default_content()
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        assert isinstance(app.screen, FactorsScreen)
        await pilot.press("down", "down")  # bewustwording → vertrouwen → eenvoud
        await pilot.pause()
        about = app.screen.query_one("#subject-about-text", Static).render().plain  # type: ignore[union-attr]
        eenvoud = content.factor_by_id["eenvoud"]
        assert eenvoud.naam in about and "▶ 2 Incidenteel  ● laatste meting" in about
        assert "  3 In opbouw  ○ meting daarvoor" in about
        assert "10 mrt 2026: 3 In opbouw\n    Korte lijnen" in about  # each round with its note
        related = app.screen.query_one("#subject-related", OptionList)
        keys = [related.get_option_at_index(i).id for i in range(related.option_count)]
        own = [f"strategie:{s.id}" for s in content.strategies if "eenvoud" in s.succesfactoren]
        assert own and own == [key for key in keys if key and key.startswith("strategie:")]
        await pilot.press("enter")  # to the related list
        assert related.has_focus
        await pilot.press("a")
        await pilot.pause()
    added = saved_actions(workbook_file)[-1]
    assert added["bron"] == own[0] and "eenvoud" in added["succesfactoren"]  # type: ignore[operator]


async def test_phase_screen_shows_the_checklist_as_ticked_in_the_workbook(workbook_file: Path) -> None:
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        assert isinstance(app.screen, PhasesScreen)
        checklist = app.screen.query_one("#phase-checklist", OptionList)
        assert checklist.border_title == "Checklist · 6 van 7 afgevinkt"
        items = [checklist.get_option_at_index(i).prompt.plain for i in range(checklist.option_count)]  # type: ignore[union-attr]
        assert any(item.startswith("☐ Medewerkers is een PAGO aangeboden") for item in items)
        await pilot.press("enter")  # from the list of phases to the checklist
        assert checklist.has_focus
        related = app.screen.query_one("#subject-related", OptionList)
        await pilot.press("tab")
        assert related.has_focus
        await pilot.press("enter")  # read the highlighted item
        await pilot.pause()
        assert isinstance(app.screen, ItemDetailScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, PhasesScreen)


async def test_a_commented_file_is_edited_without_a_question(workbook_file: Path) -> None:
    workbook_file.write_text("# klant\n" + workbook_file.read_text(encoding="utf-8"), encoding="utf-8")
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("5")
        await pilot.pause()
        app.screen.query_one("#filter-kind").value = "wettelijk"  # type: ignore[attr-defined]
        await pilot.pause()
        await pilot.press("enter", "a")
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmScreen), "no question about the comments"
        assert app.session is not None and any(
            (a.bron or "").startswith("wettelijk:") for a in app.session.workbook.acties
        )
    text = workbook_file.read_text(encoding="utf-8")
    assert text.startswith("# klant\nschema = 1\n") and 'bron = "wettelijk:' in text


async def test_a_read_only_workbook_is_not_changed(workbook_file: Path) -> None:
    workbook_file.write_text(workbook_file.read_text(encoding="utf-8").replace("schema = 1", "schema = 9", 1))
    before = workbook_file.read_bytes()
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("5")
        await pilot.pause()
        app.screen.query_one("#filter-kind").value = "strategie"  # type: ignore[attr-defined]
        await pilot.pause()
        await pilot.press("enter", "a")
        await pilot.pause()
        assert any("Niet gewijzigd" in n.message and "alleen-lezen" in n.message for n in app._notifications)
    assert workbook_file.read_bytes() == before


async def test_the_more_row_shows_every_result_of_that_kind(workbook_file: Path) -> None:
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("5")
        await pilot.pause()
        results = app.screen.query_one("#library-results", OptionList)
        ids = [results.get_option_at_index(i).id for i in range(results.option_count)]
        assert sum(1 for key in ids if key and key.startswith("strategie:")) == 6
        results.focus()
        results.highlighted = ids.index("meer:strategie")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.query_one("#filter-kind").value == "strategie"  # type: ignore[attr-defined]
        ids = [results.get_option_at_index(i).id for i in range(results.option_count)]
        assert sum(1 for key in ids if key and key.startswith("strategie:")) == len(default_content().strategies)
