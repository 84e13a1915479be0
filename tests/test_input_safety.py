"""Workshop-safe input: keys that arrive in one burst land where they were aimed, no key quits or
closes a form by accident, and a form open when the app must close comes back as a draft.

The bursts here post every key to the app at once, without the pauses ``pilot.press`` makes between
keys: that is how keys arrive over SSH (the pty tests in test_hangup.py send real bursts too).
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from conftest import TODAY
from textual import events
from textual.widgets import Input
from waiting import until

from models.drafts import Draft, keep_drafts, read_drafts
from screens.action_form import ActionFormScreen
from screens.actions import ActionsScreen
from screens.dashboard import DashboardScreen
from screens.legal import LegalScreen
from screens.library import LibraryScreen
from screens.log_form import LogFormScreen
from screens.logbook import LogbookScreen
from tui.app import WerkboekApp

CHARACTERS = {
    "end": None,
    "home": None,
    "down": None,
    "up": None,
    "tab": "\t",
    "enter": "\r",
    "escape": "\x1b",
    "space": " ",
    "slash": "/",
    "shift+tab": None,
}


def keys_of(*parts: str) -> list[str]:
    """Key names: a named key as it is ("tab", "ctrl+s"), other text one key per character."""
    keys: list[str] = []
    for part in parts:
        if part in CHARACTERS or "+" in part:
            keys.append(part)
        else:
            keys.extend("space" if char == " " else "slash" if char == "/" else char for char in part)
    return keys


@pytest.fixture(autouse=True)
def _no_safety_net_by_the_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """The gate's safety net lets a key in after a second even when the one before is still being handled.
    On a loaded machine handling a key can take that long; then a burst would land by the clock instead of
    by the gate. Here the net waits far longer, so the order the gate keeps is what is tested."""
    from tui import key_gate

    monkeypatch.setattr(key_gate, "HOLD_AT_MOST_SECONDS", 60.0)


async def burst(pilot, *parts: str) -> None:  # type: ignore[no-untyped-def]
    """Post all keys to the app at once (as a fast SSH link delivers them), then let them settle."""
    for key in keys_of(*parts):
        character = CHARACTERS.get(key, key if len(key) == 1 else None)
        pilot.app.post_message(events.Key(key, character))
    await settle(pilot)


async def settle(pilot) -> None:  # type: ignore[no-untyped-def]
    """Wait until every key was handled (none is left in the app's queue, the gate is idle) and the
    screen is drawn. The first pause lets the app take in what was just posted."""
    app = pilot.app
    await pilot.pause()
    await until(lambda: app.message_queue_size == 0 and app.key_gate.idle, "every key handled", pilot=pilot)
    await pilot.pause()


def saved_actions(path: Path) -> dict[str, dict[str, object]]:
    document = tomllib.loads(path.read_text(encoding="utf-8"))
    return {action["id"]: action for action in document["acties"]}


def field(app: WerkboekApp, name: str) -> str:
    return app.screen.query_one(f"#{name}", Input).value


async def test_a_burst_through_the_form_lands_in_the_fields_it_was_aimed_at(workbook_file: Path) -> None:
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        # 4 → Acties, enter → edit A1, five tabs → Eigenaar, a name, tab → Start, a date, ctrl+s, 1 → dashboard
        await burst(pilot, "4", "enter", *["tab"] * 5, "Anna de Boer", "tab", "1-3-2026", "ctrl+s", "1")
        await app.workers.wait_for_complete()
        assert isinstance(app.screen, DashboardScreen), "the screen key after ctrl+s was lost"
        assert app.save_now()
    a1 = saved_actions(workbook_file)["A1"]
    assert a1["eigenaar"] == "Anna de Boer"
    assert str(a1["start"]) == "2026-03-01"


async def test_number_keys_in_a_text_area_are_text_not_screen_keys(workbook_file: Path) -> None:
    from textual.widgets import TextArea

    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await burst(pilot, "4", "enter")
        form = app.screen
        assert isinstance(form, ActionFormScreen)
        area = form.query(TextArea).first()
        area.focus()
        area.move_cursor(area.document.end)
        await burst(pilot, " 4 of 5 mensen")
        assert app.screen is form, "a number key switched screens from a text area"
        assert area.text.endswith(" 4 of 5 mensen")


async def test_shift_tab_and_enter_move_on_before_the_next_key(workbook_file: Path) -> None:
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await burst(pilot, "4", "n")
        assert isinstance(app.screen, ActionFormScreen)
        # title, enter → status (a select), shift+tab back to the title, more text at its end
        await burst(pilot, "Werkoverleg", "enter", "shift+tab", "end", " elke maand")
        assert field(app, "titel") == "Werkoverleg elke maand"


async def test_q_in_a_form_never_quits(workbook_file: Path) -> None:
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await burst(pilot, "4", "enter", *["tab"] * 4, "down", "space")
        form = app.screen
        assert isinstance(form, ActionFormScreen)
        footer_keys = {key for key, active in app.active_bindings.items() if active.binding.show and active.enabled}
        await burst(pilot, "q")
        assert app.is_running and app.screen is form
        assert "q" not in footer_keys, "the footer offers q Afsluiten inside a form"
        assert not app.check_action("quit", ())


async def test_ctrl_q_keeps_the_open_form_as_a_draft_and_brings_it_back(workbook_file: Path) -> None:
    before = workbook_file.read_text(encoding="utf-8")
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await burst(pilot, "4", "enter", *["tab"] * 5, "Bert Smit", "ctrl+q")
        await until(lambda: not app.is_running, "ctrl+q ends the app")
    assert not app.is_running
    assert workbook_file.read_text(encoding="utf-8") == before, "nothing was confirmed, so nothing is saved"
    assert app.return_value is None
    drafts = read_drafts(workbook_file)
    assert [(draft.form, draft.target, draft.values["eigenaar"]) for draft in drafts] == [("actie", "A1", "Bert Smit")]
    assert workbook_file.parent not in read_drafts.__globals__["draft_file"](workbook_file).parents

    again = WerkboekApp(workbook_file, today=TODAY)
    async with again.run_test(size=(80, 24)) as pilot:
        await until(lambda: isinstance(again.screen, ActionFormScreen), "the draft comes back", pilot=pilot)
        assert field(again, "eigenaar") == "Bert Smit"
        assert field(again, "titel").startswith("Verzuimcijfers")
        assert any("Concept hersteld" in (note.title + note.message) for note in again._notifications)
        assert read_drafts(workbook_file) == [], "a draft comes back once"
        await burst(pilot, "ctrl+s")
        await again.workers.wait_for_complete()
        assert again.save_now()
    assert saved_actions(workbook_file)["A1"]["eigenaar"] == "Bert Smit"


async def test_a_draft_of_a_new_log_entry_comes_back_on_the_logbook(workbook_file: Path) -> None:
    keep_drafts(workbook_file, [Draft("verslag", "", "Nieuw verslag", {"titel": "Workshop werkdruk"})])
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(lambda: isinstance(app.screen, LogFormScreen), "the draft comes back", pilot=pilot)
        assert field(app, "titel") == "Workshop werkdruk"
        await burst(pilot, "escape")
        assert "weggooien" in str(app.screen.query_one("#confirm-title").render()).lower() or isinstance(
            app.screen, LogFormScreen
        )


async def test_escape_asks_only_when_something_changed(workbook_file: Path) -> None:
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await burst(pilot, "4", "enter", "escape", "1")
        assert isinstance(app.screen, DashboardScreen)
        await burst(pilot, "4", "enter", "x", "escape")
        assert type(app.screen).__name__ == "ConfirmScreen"
        await burst(pilot, "j", "5")
        assert isinstance(app.screen, LibraryScreen), "the screen key after the answer was lost"
    assert "x" not in str(saved_actions(workbook_file)["A1"]["titel"])[-1:]


async def test_library_slash_and_number_keys(workbook_file: Path) -> None:
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await burst(pilot, "5", "/", "werkdruk")
        assert isinstance(app.screen, LibraryScreen)
        box = app.screen.query_one("#library-search", Input)
        assert box.value == "werkdruk"
        await burst(pilot, "/", "/")
        assert box.value == "werkdruk", "/ is never typed into the search"
        # escape clears and goes to the results; a number key then switches screens
        await burst(pilot, "escape", "1")
        assert isinstance(app.screen, DashboardScreen)
        # an empty search box lets the number keys through
        await burst(pilot, "5", "6")
        assert isinstance(app.screen, LegalScreen)
        # with text in the box, a digit is text
        await burst(pilot, "5", "/", "art", "7")
        assert isinstance(app.screen, LibraryScreen)
        assert app.screen.query_one("#library-search", Input).value == "art7"


async def test_a_screen_key_right_after_a_form_closes_takes_effect(workbook_file: Path) -> None:
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await burst(pilot, "7", "n", "Evaluatie met PVT", "ctrl+s", "4")
        assert isinstance(app.screen, ActionsScreen)
        await app.workers.wait_for_complete()
        assert app.save_now()
    titles = [entry["titel"] for entry in tomllib.loads(workbook_file.read_text(encoding="utf-8"))["logboek"]]
    assert "Evaluatie met PVT" in titles


async def test_number_keys_are_text_in_a_filled_field_and_in_forms(workbook_file: Path) -> None:
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await burst(pilot, "4", "/", "a", "5")
        assert isinstance(app.screen, ActionsScreen)
        assert app.screen.query_one("#actions-filter", Input).value == "a5"
        await burst(pilot, "escape", "7", "n", "2")
        assert isinstance(app.screen, LogFormScreen)
        assert isinstance(app.screen_stack[-2], LogbookScreen)


async def test_every_form_cleans_pasted_text_and_refuses_a_novel(workbook_file: Path) -> None:
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await burst(pilot, "7", "n")
        assert isinstance(app.screen, LogFormScreen)
        await burst(pilot, "tab")  # date → title
        app.screen.query_one("#titel", Input).post_message(events.Paste("Overleg \x1b[2J\x07met PVT\r\nen OR 👷‍♀️"))
        await settle(pilot)
        assert field(app, "titel") == "Overleg met PVT en OR 👷‍♀️"
        app.screen.query_one("#titel", Input).value = "x" * 10_000
        await burst(pilot, "ctrl+s")
        assert isinstance(app.screen, LogFormScreen), "a 10,000-character title is refused, the form stays"
        message = str(app.screen.query_one("#titel-error").render())
        assert "te lang" in message and "10.000" in message
        app.screen.query_one("#titel", Input).value = "Overleg met PVT en OR 👷‍♀️"
        await burst(pilot, "ctrl+s")
        await app.workers.wait_for_complete()
        assert app.save_now()
    titles = [entry["titel"] for entry in tomllib.loads(workbook_file.read_text(encoding="utf-8"))["logboek"]]
    assert "Overleg met PVT en OR 👷‍♀️" in titles


def test_the_key_gate_keeps_order_ignores_late_reports_and_never_sticks(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from tui import key_gate

    clock = [100.0]
    monkeypatch.setattr(key_gate.time, "monotonic", lambda: clock[0])
    handed: list[str] = []
    timers: list[tuple[float, object]] = []
    gate = key_gate.KeyGate(lambda event: handed.append(event.key), lambda: True, lambda s, cb: timers.append((s, cb)))
    for key in "abc":
        gate.arrive(events.Key(key, key))
    assert handed == ["a"], "one key at a time"
    first_turn = gate._turn
    gate.done(first_turn)
    assert handed == ["a", "b"]
    gate.done(first_turn)  # a late report for "a" does not let "c" in while "b" is handled
    assert handed == ["a", "b"]
    seconds, check = timers[-1]
    assert seconds == key_gate.HOLD_AT_MOST_SECONDS
    clock[0] += key_gate.HOLD_AT_MOST_SECONDS + 0.1  # "b" never reports back
    check()  # type: ignore[operator]
    assert handed == ["a", "b", "c"]


async def test_a_redraw_that_fails_is_shown_not_swallowed(workbook_file: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Textual's Signal would swallow the error and leave the dashboard stale: the user is told instead."""

    def broken(self, session) -> None:  # type: ignore[no-untyped-def]
        raise ValueError("kapotte grafiek")

    monkeypatch.setattr(WerkboekApp, "STRICT_REDRAWS", False)
    monkeypatch.setattr(DashboardScreen, "show_workbook", broken)
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await burst(pilot, "ctrl+z")  # nothing to undo: no redraw
        dashboard = app.screen
        assert app.change(app.session.workbook.model_copy(update={"huidige_fase": "plannen"}), "fase")  # type: ignore[union-attr]
        await settle(pilot)
        assert dashboard is app.screen
        messages = [note.message for note in app._notifications]
        assert any(
            "Dashboard kon niet worden bijgewerkt" in message and "kapotte grafiek" in message for message in messages
        )


async def test_under_test_a_failing_redraw_fails_the_test(workbook_file: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def broken(self, session) -> None:  # type: ignore[no-untyped-def]
        raise ValueError("kapotte grafiek")

    monkeypatch.setattr(DashboardScreen, "show_workbook", broken)
    app = WerkboekApp(workbook_file, today=TODAY)
    with pytest.raises(ValueError, match="kapotte grafiek"):
        async with app.run_test(size=(80, 24)):
            app.change(app.session.workbook.model_copy(update={"huidige_fase": "plannen"}), "fase")  # type: ignore[union-attr]
            await until(lambda: not app.is_running, "the failed redraw ends the app")


async def test_a_hidden_screen_redraws_once_when_shown_not_on_every_change(workbook_file: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from screens.factors import FactorsScreen

    drawn: list[str | None] = []
    original = FactorsScreen.show_workbook

    def counted(self, session) -> None:  # type: ignore[no-untyped-def]
        drawn.append(session.workbook.huidige_fase)
        original(self, session)

    monkeypatch.setattr(FactorsScreen, "show_workbook", counted)
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await burst(pilot, "2", "1")
        assert isinstance(app.screen, DashboardScreen)
        for phase in ("kiezen", "plannen", "invoeren"):
            assert app.change(app.session.workbook.model_copy(update={"huidige_fase": phase}), phase)  # type: ignore[union-attr]
        await settle(pilot)
        assert drawn == [], "the factors screen is out of sight: no redraw per change"
        await burst(pilot, "2")
        assert drawn == ["invoeren"], "shown again: one redraw, with the latest workbook"
