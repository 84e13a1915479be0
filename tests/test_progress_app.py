"""Pilot tests of scoring, checklists, the legal minimum, levels, the logbook and the profile,
each checked against the saved file."""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from pathlib import Path
from typing import Any

from conftest import TODAY
from textual.widgets import Input, Label, OptionList, Static

from screens.confirm import ConfirmScreen
from screens.factors import FactorsScreen
from screens.legal import LegalScreen
from screens.level_picker import LevelPickerScreen
from screens.log_form import LogFormScreen
from screens.logbook import LogbookScreen
from screens.organisation import OrganisationScreen
from screens.phases import PhasesScreen
from screens.profile_form import ProfileFormScreen
from screens.prompt import TextPromptScreen
from screens.rounds import RoundPickerScreen
from screens.scoring import ScoringScreen
from tui.app import WerkboekApp


def saved(path: Path) -> dict[str, Any]:
    return tomllib.loads(path.read_text(encoding="utf-8"))


def text_of(app: WerkboekApp, selector: str) -> str:
    return app.screen.query_one(selector, Static).render().plain  # type: ignore[union-attr]


async def type_note(pilot, text: str) -> None:  # type: ignore[no-untyped-def]
    assert isinstance(pilot.app.screen, TextPromptScreen)
    pilot.app.screen.query_one(Input).value = ""
    await pilot.press(*text, "enter")
    await pilot.pause()


# -- scoring rounds ----------------------------------------------------------------------------


async def test_a_full_scoring_round_by_keys_is_saved_as_a_round(workbook_file: Path) -> None:
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(100, 34)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        assert isinstance(app.screen, FactorsScreen)
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, ScoringScreen)
        assert "Meting van 22 nov 2026" in text_of(app, "#scoring-status")
        await pilot.press("3", "2")  # bewustwording, vertrouwen
        await pilot.press("n")  # a note on eenvoud
        await pilot.pause()
        await type_note(pilot, "Omslachtig portaal")
        await pilot.press("2", "s")  # eenvoud scored, kennis skipped
        await pilot.press("4", "left", "left", "3")  # betrokkenheid 4, back to kennis, then kennis 3
        assert "factor 5 van 10" in text_of(app, "#scoring-status")  # moved on to betrokkenheid
        await pilot.press("right", "s", "1", "2", "3", "4")  # past betrokkenheid, tijd skipped, borging … openheid
        await pilot.pause()
        assert "9 gescoord" in text_of(app, "#scoring-status")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, FactorsScreen)
    rounds = saved(workbook_file)["metingen"]
    assert [r["datum"] for r in rounds] == [dt.date(2026, 3, 10), dt.date(2026, 10, 6), TODAY]
    assert rounds[-1] == {
        "datum": TODAY,
        "scores": {
            "bewustwording": 3,
            "vertrouwen": 2,
            "eenvoud": 2,
            "kennis": 3,
            "betrokkenheid": 4,
            "borging": 1,
            "middelen": 2,
            "communicatie": 3,
            "openheid": 4,  # tijd was skipped
        },
        "toelichting": {"eenvoud": "Omslachtig portaal"},
    }


async def test_the_guide_marks_the_chosen_and_the_previous_score(workbook_file: Path) -> None:
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(100, 34)) as pilot:
        app.start_scoring()
        await pilot.pause()
        await pilot.press("right", "right")  # eenvoud: 3 in March, 2 in October
        await pilot.pause()
        assert "○ vorige meting (6 okt 2026)" in text_of(app, "#level-2-head")
        await pilot.press("4", "left")
        await pilot.pause()
        assert "● gekozen" in text_of(app, "#level-4-head")
        assert "gekozen" not in text_of(app, "#level-2-head")


async def test_an_earlier_round_is_reopened_and_corrected(workbook_file: Path) -> None:
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(100, 34)) as pilot:
        await pilot.press("2", "c")
        await pilot.pause()
        assert isinstance(app.screen, RoundPickerScreen)
        rounds = app.screen.query_one(OptionList)
        assert [rounds.get_option_at_index(i).id for i in range(rounds.option_count)] == ["2026-10-06", "2026-03-10"]
        await pilot.press("down", "enter")  # the nulmeting
        await pilot.pause()
        assert isinstance(app.screen, ScoringScreen)
        assert "Meting van 10 mrt 2026" in text_of(app, "#scoring-status")
        await pilot.press("right", "right", "right", "2")  # kennis: 1 → 2
        await pilot.press("backspace")  # and betrokkenheid's score taken away
        await pilot.press("escape")
        await pilot.pause()
    first = saved(workbook_file)["metingen"][0]
    assert first["datum"] == dt.date(2026, 3, 10)
    assert first["scores"]["kennis"] == 2 and "betrokkenheid" not in first["scores"]
    assert first["scores"]["eenvoud"] == 3  # the rest as it was
    assert len(saved(workbook_file)["metingen"]) == 2


async def test_a_score_is_undone_with_ctrl_z_in_the_round(workbook_file: Path) -> None:
    before = saved(workbook_file)["metingen"]
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(100, 34)) as pilot:
        app.start_scoring(dt.date(2026, 10, 6))
        await pilot.pause()
        await pilot.press("1")
        await pilot.pause()
        assert "gekozen" not in text_of(app, "#level-1-head")  # moved on to the next factor
        await pilot.press("ctrl+z")
        await pilot.pause()
        await pilot.press("escape")
    assert saved(workbook_file)["metingen"] == before


async def test_moving_a_round_onto_another_rounds_date_is_refused(workbook_file: Path) -> None:
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(100, 34)) as pilot:
        app.start_scoring(dt.date(2026, 10, 6))
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        await type_note(pilot, "10-3-2026")
        assert isinstance(app.screen, TextPromptScreen)  # refused: stays open with the reason
        assert "op 10 mrt 2026 is al een meting" in app.screen.query_one("#prompt-error", Label).render().plain  # type: ignore[union-attr]
        await type_note(pilot, "7-10-2026")
        assert isinstance(app.screen, ScoringScreen)
        assert "Meting van 7 okt 2026" in text_of(app, "#scoring-status")
    assert [r["datum"] for r in saved(workbook_file)["metingen"]] == [dt.date(2026, 3, 10), dt.date(2026, 10, 7)]


# -- phases -------------------------------------------------------------------------------------


async def test_ticking_checklist_items_and_a_note_are_saved(workbook_file: Path) -> None:
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(100, 34)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        assert isinstance(app.screen, PhasesScreen)
        await pilot.press("down", "enter")  # Kiezen, then into its checklist
        checklist = app.screen.query_one("#phase-checklist", OptionList)
        assert checklist.has_focus
        assert checklist.border_title == "Checklist · 3 van 6 afgevinkt"
        await pilot.press("down", "down", "space")  # third item: tick
        await pilot.press("space", "space")  # and off and on again
        await pilot.press("down", "space")  # fourth item
        await pilot.press("n")
        await pilot.pause()
        await type_note(pilot, "Besloten in het PVT-overleg")
        assert checklist.border_title == "Checklist · 5 van 6 afgevinkt"
    phase = saved(workbook_file)["fasen"]["kiezen"]
    assert phase["afgevinkt"] == [
        "prioriteiten",
        "passende-activiteiten",
        "medewerkers-meebeslissen",
        "haalbaarheid",
        "bronaanpak-eerst",
    ]
    assert phase["notities"]["haalbaarheid"] == "Besloten in het PVT-overleg"


async def test_the_consultant_sets_and_clears_the_current_phase(workbook_file: Path) -> None:
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(100, 34)) as pilot:
        await pilot.press("3", "down", "down", "h")
        await pilot.pause()
        phases = app.screen.query_one("#subject-list", OptionList)
        rows = [phases.get_option_at_index(i).prompt.plain for i in range(phases.option_count)]  # type: ignore[union-attr]
        assert rows[2].endswith("◀ nu") and not rows[0].endswith("◀ nu")
        await pilot.press("1")
        await pilot.pause()
        assert "huidige fase gekozen" in str(app.screen.query_one("#phases").border_subtitle)
    assert saved(workbook_file)["huidige_fase"] == "plannen"
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(100, 34)) as pilot:
        await pilot.press("3", "down", "down", "h")
        await pilot.pause()
    assert "huidige_fase" not in saved(workbook_file)


# -- legal minimum ------------------------------------------------------------------------------


async def test_a_missing_legal_item_becomes_a_linked_action(workbook_file: Path) -> None:
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(100, 34)) as pilot:
        await pilot.press("6")
        await pilot.pause()
        assert isinstance(app.screen, LegalScreen)
        items = app.screen.query_one("#legal-list", OptionList)
        items.highlighted = [items.get_option_at_index(i).id for i in range(items.option_count)].index("toetsing")
        await pilot.pause()
        await pilot.press("space", "space")  # onbekend → aanwezig → ontbreekt
        await pilot.pause()
        assert "✗ ontbreekt" in text_of(app, "#legal-detail-text")
        await pilot.press("a")
        await pilot.pause()
        assert "Actie: A21 Toetsing van de RI&E (idee)" in text_of(app, "#legal-detail-text")
        await pilot.press("a")  # a second time: says which action there is, adds none
        await pilot.pause()
        assert any("al een actie: A21" in n.message for n in app._notifications)
        assert items.border_title == "Wettelijk minimum · 7 van 23 in orde"
    document = saved(workbook_file)
    assert document["wettelijk"]["toetsing"]["status"] == "ontbreekt"
    added = [a for a in document["acties"] if a["bron"] == "wettelijk:toetsing"]
    assert [(a["id"], a["titel"], a["status"]) for a in added] == [("A21", "Toetsing van de RI&E", "idee")]


async def test_the_legal_form_sets_date_and_note(workbook_file: Path) -> None:
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(100, 34)) as pilot:
        await pilot.press("6", "enter")  # arbobeleid
        await pilot.pause()
        screen = app.screen
        screen.query_one("#status").value = "aanwezig"  # type: ignore[attr-defined]
        date = screen.query_one("#datum", Input)
        date.focus()
        await pilot.press(*"1-2-2026")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, LegalScreen)
    assert saved(workbook_file)["wettelijk"]["arbobeleid"] == {"status": "aanwezig", "datum": dt.date(2026, 2, 1)}


# -- logbook ------------------------------------------------------------------------------------


async def test_a_log_entry_is_added_with_todays_date_and_shown_first(workbook_file: Path) -> None:
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(100, 34)) as pilot:
        await pilot.press("7")
        await pilot.pause()
        assert isinstance(app.screen, LogbookScreen)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, LogFormScreen)
        await pilot.press(*"Werkoverleg elektra")
        app.screen.query_one("#deelnemers").load_text("Bas Meijer\nErik Hoekstra")  # type: ignore[attr-defined]
        app.screen.query_one("#afspraken").load_text("Werkdruk elke maand op de agenda")  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, LogbookScreen)
        entries = app.screen.query_one("#log-list", OptionList)
        assert entries.get_option_at_index(0).prompt.plain.endswith("Werkoverleg elektra")  # type: ignore[union-attr]
        assert "Werkoverleg elektra" in text_of(app, "#log-detail-text")
    last = saved(workbook_file)["logboek"][-1]
    assert re.fullmatch(r"[0-9a-f]{8}", last.pop("id")), "a new entry gets an id that cannot collide in a merge"
    assert last == {
        "datum": TODAY,
        "titel": "Werkoverleg elektra",
        "deelnemers": ["Bas Meijer", "Erik Hoekstra"],
        "afspraken": ["Werkdruk elke maand op de agenda"],
    }


async def test_a_log_entry_without_title_is_not_saved(workbook_file: Path) -> None:
    before = workbook_file.read_bytes()
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(100, 34)) as pilot:
        await pilot.press("7", "n")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, LogFormScreen)
        assert "vul een titel in" in app.screen.query_one("#titel-error", Label).render().plain  # type: ignore[union-attr]
    assert workbook_file.read_bytes() == before


# -- profile and levels ---------------------------------------------------------------------------


async def test_an_invalid_number_in_the_profile_shows_a_message_and_saves_nothing(workbook_file: Path) -> None:
    before = workbook_file.read_bytes()
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(100, 34)) as pilot:
        await pilot.press("8")
        await pilot.pause()
        assert isinstance(app.screen, OrganisationScreen)
        assert "Medewerkers: 34 (klein)" in text_of(app, "#org-profile-text")
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ProfileFormScreen)
        staff = app.screen.query_one("#medewerkers", Input)
        staff.focus()
        staff.value = ""
        await pilot.press(*"veertig")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ProfileFormScreen)
        message = app.screen.query_one("#medewerkers-error", Label).render().plain  # type: ignore[union-attr]
        assert message == "⚠ 'veertig' is geen heel getal; schrijf bijvoorbeeld 23"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("j")
        await pilot.pause()
        assert isinstance(app.screen, OrganisationScreen)
    assert workbook_file.read_bytes() == before


async def test_the_profile_form_saves_a_valid_change(workbook_file: Path) -> None:
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(100, 34)) as pilot:
        await pilot.press("8", "e")
        await pilot.pause()
        for selector, text in (("#medewerkers", "52"), ("#verzuimpercentage", "5,4%")):
            field = app.screen.query_one(selector, Input)
            field.focus()
            field.value = ""
            await pilot.press(*text)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Medewerkers: 52 (middelgroot)" in text_of(app, "#org-profile-text")
    profile = saved(workbook_file)["organisatie"]
    assert (profile["medewerkers"], profile["verzuimpercentage"]) == (52, 5.4)


async def test_a_level_is_chosen_with_its_advice_in_view_and_kept_with_todays_date(workbook_file: Path) -> None:
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(100, 34)) as pilot:
        await pilot.press("8", "l")
        await pilot.pause()
        assert isinstance(app.screen, LevelPickerScreen)
        await pilot.press("down")  # startend → gevorderd
        await pilot.pause()
        about = text_of(app, "#level-about-text")
        gevorderd = app.session.content.ladder[1]  # type: ignore[union-attr]
        assert gevorderd.beschrijving in about and gevorderd.bouwstenen[0].titel in about
        await pilot.press("enter")
        await pilot.pause()
        levels = text_of(app, "#org-level-mentale_ladder")
        assert "Nu: Gevorderd sinds 22 nov 2026" in levels
        assert "Verloop: Startend (10 mrt 2026) → Gevorderd (22 nov 2026)" in levels
    entries = saved(workbook_file)["niveaus"]
    assert entries[-1] == {
        "datum": TODAY,
        "mentale_ladder": "gevorderd",
        "praktijkniveau": "minimum",
        "di_typologie": "ab",
    }


async def test_the_dashboard_shows_legal_minimum_and_levels(workbook_file: Path) -> None:
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        legal = app.screen.query_one("#legal").render().plain  # type: ignore[attr-defined]
        assert "7 van 23 in orde · ontbreekt 2 · onbekend 14" in legal
        assert "✗ PAGO aanbieden" in legal
        levels = app.screen.query_one("#levels").render().plain  # type: ignore[attr-defined]
        assert "Type AB" in levels and "sinds 6 okt 2026" in levels
        await pilot.press("6", "down", "space")  # RI&E: aanwezig → ontbreekt
        await pilot.press("1")
        await pilot.pause()
        legal = app.screen.query_one("#legal").render().plain  # type: ignore[attr-defined]
        assert "6 van 23 in orde · ontbreekt 3" in legal and "✗ Schriftelijke RI&E" in legal
