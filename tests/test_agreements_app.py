"""Akkoord op het plan in the app: opened from the dashboard, the logbook and the palette; a consent added,
edited and deleted (after a question) with keys sent in bursts, each change saved to the file and undoable;
a draft of the form comes back."""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path
from typing import Any

import pytest
from conftest import TODAY
from test_input_safety import burst
from textual.command import CommandPalette
from textual.widgets import Input, Static, TextArea
from waiting import palette_searched, saved_to_disk, until

from models.content import default_content
from models.drafts import Draft, keep_drafts, read_drafts
from models.merge import MergeSource, merge_sources
from screens.agreement_form import AgreementFormScreen
from screens.agreements import AgreementsScreen
from screens.confirm import ConfirmScreen
from screens.conflicts import ConflictsScreen
from screens.dashboard import DashboardScreen
from screens.logbook import LogbookScreen
from tui.app import WerkboekApp

DECEMBER = dt.date(2026, 12, 1)


@pytest.fixture(autouse=True)
def _no_safety_net_by_the_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """As in test_input_safety.py: the key gate keeps a burst's order, never the clock."""
    from tui import key_gate

    monkeypatch.setattr(key_gate, "HOLD_AT_MOST_SECONDS", 60.0)


def saved_consents(path: Path) -> list[dict[str, Any]]:
    consents: list[dict[str, Any]] = tomllib.loads(path.read_text(encoding="utf-8")).get("akkoord", [])
    return consents


def screen_text(app: WerkboekApp) -> str:
    """What the Akkoord screen shows: the list's rows and the detail pane, on one line."""
    screen = app.screen
    assert isinstance(screen, AgreementsScreen)
    rows = [str(option.prompt) for option in screen.entries.options]
    detail = str(screen.query_one("#agreements-detail-text", Static).render())
    return " ".join(" ".join([*rows, detail]).split())  # as read, not as wrapped


async def test_add_edit_delete_and_undo_a_consent(workbook_file: Path) -> None:
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await burst(pilot, "a")
        assert isinstance(app.screen, AgreementsScreen)
        assert "Nog geen akkoord op het plan vastgelegd" in screen_text(app)
        # n → the form (role: the employer, who has not agreed yet), tab → names, tab → date, tab → place
        await burst(pilot, "n", "tab", "Marco van Dijk, Linda Bos", "tab", "1-12-2026", "tab", "Zwolle", "ctrl+s")
        assert isinstance(app.screen, AgreementsScreen)
        await saved_to_disk(pilot)
        assert saved_consents(workbook_file) == [
            {
                "datum": DECEMBER,
                "door": "werkgever",
                "namen": ["Marco van Dijk", "Linda Bos"],
                "plaats": "Zwolle",
            }
        ]
        shown = screen_text(app)
        assert "1 dec 2026" in shown and "Werkgever" in shown and "Marco van Dijk, Linda Bos · Zwolle" in shown
        assert "Nog geen akkoord van: Personeelsvertegenwoordiging (PVT), Adviseur" in shown

        # enter edits: another place, and the role from the drop-down (werkgever → or)
        await burst(pilot, "enter")
        assert isinstance(app.screen, AgreementFormScreen)
        await burst(pilot, "tab", "tab", "tab", "Deventer", "shift+tab", "shift+tab", "shift+tab", "enter", "down")
        await burst(pilot, "enter", "ctrl+s")
        assert isinstance(app.screen, AgreementsScreen)
        await saved_to_disk(pilot)
        [edited] = saved_consents(workbook_file)
        assert (edited["door"], edited["plaats"], edited["namen"]) == (
            "or",
            "Deventer",
            ["Marco van Dijk", "Linda Bos"],
        )
        assert "Ondernemingsraad (OR)" in screen_text(app)

        # x asks first: n keeps it, j deletes it
        await burst(pilot, "x")
        assert isinstance(app.screen, ConfirmScreen)
        assert "Akkoord van de ondernemingsraad (OR) op 1 dec 2026" in str(
            app.screen.query_one("#confirm-question", Static).render()
        )
        await burst(pilot, "n")
        assert isinstance(app.screen, AgreementsScreen) and len(app.session.workbook.akkoord) == 1  # type: ignore[union-attr]
        await burst(pilot, "x", "j")
        await saved_to_disk(pilot)
        assert saved_consents(workbook_file) == []
        assert "[[akkoord]]" not in workbook_file.read_text(encoding="utf-8")
        assert "Nog geen akkoord op het plan vastgelegd" in screen_text(app)
        assert any("ctrl+z zet het terug" in note.message for note in app._notifications)

        # ctrl+z brings it back (here on the screen itself), ctrl+y deletes it again
        await burst(pilot, "ctrl+z")
        await saved_to_disk(pilot)
        assert [c["plaats"] for c in saved_consents(workbook_file)] == ["Deventer"]
        assert "Deventer" in screen_text(app)
        await burst(pilot, "ctrl+y")
        await saved_to_disk(pilot)
        assert saved_consents(workbook_file) == []

        await burst(pilot, "escape")
        assert isinstance(app.screen, DashboardScreen)


async def test_the_form_refuses_a_second_consent_of_one_role_on_one_day(workbook_file: Path) -> None:
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await burst(pilot, "7", "a", "n", "tab", "Marco van Dijk", "ctrl+s")
        await burst(pilot, "n")
        assert isinstance(app.screen, AgreementFormScreen)
        assert app.screen.query_one("#door").value == "pvt", "the next role that has not agreed yet"  # type: ignore[attr-defined]
        await burst(pilot, "enter", "up", "up", "enter", "tab", "Iemand anders", "ctrl+s")  # pvt → or → werkgever
        assert isinstance(app.screen, AgreementFormScreen), "refused: the form stays open"
        message = str(app.screen.query_one("#door-error").render())
        assert "de werkgever gaf al akkoord op 22 nov 2026" in message
        await burst(pilot, "escape", "j")
        assert isinstance(app.screen, AgreementsScreen)
        assert [entry.namen for entry in app.session.workbook.akkoord] == [["Marco van Dijk"]]  # type: ignore[union-attr]
        await burst(pilot, "escape")
        assert isinstance(app.screen, LogbookScreen), "escape goes back to where it was opened"


async def test_the_palette_opens_the_screen(workbook_file: Path) -> None:
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("4", "ctrl+p")
        await until(lambda: isinstance(app.screen, CommandPalette), "the palette is open", pilot=pilot)
        await pilot.press(*"akkoord op het plan")
        await palette_searched(pilot)
        await pilot.press("enter")
        await until(lambda: isinstance(app.screen, AgreementsScreen), "Akkoord op het plan is shown", pilot=pilot)


async def test_a_draft_of_a_consent_comes_back_on_its_screen(workbook_file: Path) -> None:
    values = {"door": "pvt", "namen": "Kevin Jansen\nAnouk Vos", "datum": "1-12-2026", "plaats": "", "opmerking": ""}
    keep_drafts(workbook_file, [Draft("akkoord", "", "Nieuw akkoord op het plan", values)])
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(lambda: isinstance(app.screen, AgreementFormScreen), "the draft comes back", pilot=pilot)
        assert app.screen.query_one("#namen", TextArea).text == "Kevin Jansen\nAnouk Vos"
        assert app.screen.query_one("#datum", Input).value == "1-12-2026"
        assert isinstance(app.screen_stack[-2], AgreementsScreen)
        assert read_drafts(workbook_file) == [], "a draft comes back once"
        await burst(pilot, "ctrl+s")
        await saved_to_disk(pilot)
    assert saved_consents(workbook_file) == [{"datum": DECEMBER, "door": "pvt", "namen": ["Kevin Jansen", "Anouk Vos"]}]


async def test_ctrl_q_in_the_form_keeps_a_draft(workbook_file: Path) -> None:
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await burst(pilot, "a", "n", "tab", "Marco van Dijk", "ctrl+q")
    [draft] = read_drafts(workbook_file)
    assert (draft.form, draft.target, draft.values["namen"]) == ("akkoord", "", "Marco van Dijk")


async def test_a_consent_conflict_is_shown_and_resolved_on_conflicten(workbook_file: Path) -> None:
    base = workbook_file.read_text(encoding="utf-8") + '\n[[akkoord]]\ndatum = 2026-12-01\ndoor = "werkgever"\n'
    ours, theirs = (base + f'plaats = "{place}"\n' for place in ("Zwolle", "Deventer"))
    sources = [MergeSource(name, text) for name, text in (("basis", base), ("ons", ours), ("hun", theirs))]
    workbook_file.write_text(merge_sources(*sources, default_content()).text, encoding="utf-8")
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await until(lambda: isinstance(app.screen, ConflictsScreen), "Conflicten opens by itself", pilot=pilot)
        await until(lambda: app.screen.query("#conflict-basis"), "the conflict is shown", pilot=pilot)
        where = str(app.screen.query_one("#conflicts-where", Static).render())
        assert "akkoord van de werkgever op 1 dec 2026, plaats" in where
        assert (_column(app, "ons"), _column(app, "hun")) == ("Zwolle", "Deventer")
        await pilot.press("h")
        await until(lambda: not isinstance(app.screen, ConflictsScreen), "the choice closes it", pilot=pilot)
        await saved_to_disk(pilot)
    document = tomllib.loads(workbook_file.read_text(encoding="utf-8"))
    assert [entry["plaats"] for entry in document["akkoord"]] == ["Deventer"] and "conflicten" not in document


def _column(app: WerkboekApp, side: str) -> str:
    return str(app.screen.query_one(f"#conflict-{side}", Static).render())
