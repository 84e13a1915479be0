"""The DI-scan in the app: opened from Organisatie (key d, in its footer) and the palette; an indicator
marked with space, a note added, undone, saved to the file; the summary on Organisatie following; and a
DI action from the library added to the plan."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest
from conftest import TODAY
from test_input_safety import burst
from textual.command import CommandPalette
from textual.widgets import Input, OptionList, Static
from waiting import palette_searched, saved_to_disk, until

from models.content import default_content
from screens.di_scan import DiScanScreen
from screens.organisation import OrganisationScreen
from screens.prompt import TextPromptScreen
from tui.app import WerkboekApp
from widgets.key_bar import KeyBar


@pytest.fixture(autouse=True)
def _no_safety_net_by_the_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """As in test_input_safety.py: the key gate keeps a burst's order, never the clock."""
    from tui import key_gate

    monkeypatch.setattr(key_gate, "HOLD_AT_MOST_SECONDS", 60.0)


def saved_scans(path: Path) -> list[dict[str, Any]]:
    scans: list[dict[str, Any]] = tomllib.loads(path.read_text(encoding="utf-8")).get("di_scan", [])
    return scans


def flat(text: str) -> str:
    return " ".join(text.split())


def scan_text(app: WerkboekApp) -> str:
    screen = app.screen
    assert isinstance(screen, DiScanScreen)
    rows = [str(option.prompt) for option in screen.items.options]
    detail = str(screen.query_one("#di-detail-text", Static).render())
    return flat(" ".join([screen.items.border_title or "", *rows, detail]))


def organisation_text(app: WerkboekApp) -> str:
    """The DI-typologie column, where the DI-scan is summed up."""
    return flat(str(app.screen.query_one("#org-level-di_typologie", Static).render()))


async def test_mark_note_undo_and_the_saved_file(workbook_file: Path) -> None:
    di = default_content().di
    first_aspect = di.aspects[0]
    first, second = first_aspect.indicatoren[0], first_aspect.indicatoren[1]
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await burst(pilot, "8")
        assert isinstance(app.screen, OrganisationScreen)
        footer_keys = [binding.key for (_, binding, enabled, _) in app.screen.active_bindings.values() if enabled]
        assert "d" in footer_keys and app.screen.query_one(KeyBar)
        assert "Nog geen DI-scan" in organisation_text(app)

        await burst(pilot, "d")
        assert isinstance(app.screen, DiScanScreen)
        shown = scan_text(app)
        assert "DI-scan · nog geen scan" in shown
        assert first_aspect.naam in shown and f"· {first.naam}" in shown and "Stand: · niet beoordeeld" in shown
        assert "Wat het betekent" in shown and first.uitleg.split()[0] in shown
        if first.has_continuation:
            assert "Vervolg: " in shown and "% ja" in shown
        assert "Acties in de bibliotheek" in shown

        # space marks the highlighted (first) indicator: niet, then begonnen; down, space: the second niet
        await burst(pilot, "space", "space", "down", "space")
        await saved_to_disk(pilot)
        assert saved_scans(workbook_file) == [{"datum": TODAY, "stand": {first.id: "begonnen", second.id: "niet"}}]
        shown = scan_text(app)
        assert (
            "DI-scan 22 nov 2026" in shown and f"◐ begonnen {first.naam}" in shown and f"✗ niet {second.naam}" in shown
        )

        # enter: a note on the second indicator
        await burst(pilot, "enter")
        assert isinstance(app.screen, TextPromptScreen)
        await burst(pilot, *"Nog niets op papier", "enter")
        assert isinstance(app.screen, DiScanScreen)
        await saved_to_disk(pilot)
        [scan] = saved_scans(workbook_file)
        assert scan["toelichting"] == {second.id: "Nog niets op papier"}
        assert "Nog niets op papier" in scan_text(app)

        # ctrl+z takes the note away again, then the last mark
        await burst(pilot, "ctrl+z")
        await saved_to_disk(pilot)
        [scan] = saved_scans(workbook_file)
        assert "toelichting" not in scan and scan["stand"] == {first.id: "begonnen", second.id: "niet"}
        await burst(pilot, "ctrl+z")
        await saved_to_disk(pilot)
        assert saved_scans(workbook_file)[0]["stand"] == {first.id: "begonnen"}

        # back on Organisatie the summary follows
        await burst(pilot, "escape")
        assert isinstance(app.screen, OrganisationScreen)
        summary = organisation_text(app)
        assert "DI-scan 22 nov 2026 (d)" in summary
        total = len(first_aspect.indicatoren)
        assert f"{first_aspect.naam}: 1 begonnen (van {total})" in summary
        assert f"{di.aspects[1].naam}: nog niets beoordeeld" in summary


async def test_n_starts_a_new_scan_from_the_last_one(workbook_file: Path) -> None:
    di = default_content().di
    first = di.indicators[0]
    text = workbook_file.read_text(encoding="utf-8")
    text += f'\n[[di_scan]]\ndatum = 2026-06-01\n\n[di_scan.stand]\n{first.id} = "begonnen"\n'
    workbook_file.write_text(text, encoding="utf-8")
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await burst(pilot, "8", "d")
        assert "DI-scan 1 jun 2026" in scan_text(app)
        await burst(pilot, "n")
        await saved_to_disk(pilot)
        scans = saved_scans(workbook_file)
        assert [scan["datum"].isoformat() for scan in scans] == ["2026-06-01", "2026-11-22"]
        assert scans[1]["stand"] == {first.id: "begonnen"}
        await burst(pilot, "space")  # begonnen → geborgd, in today's scan only
        await saved_to_disk(pilot)
        scans = saved_scans(workbook_file)
        assert (scans[0]["stand"][first.id], scans[1]["stand"][first.id]) == ("begonnen", "geborgd")
        await burst(pilot, "n")
        assert any("al een DI-scan van 22 nov 2026" in note.message for note in app._notifications)
        assert len(saved_scans(workbook_file)) == 2


async def test_the_palette_opens_the_di_scan(workbook_file: Path) -> None:
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("4", "ctrl+p")
        await until(lambda: isinstance(app.screen, CommandPalette), "the palette is open", pilot=pilot)
        await pilot.press(*"di-scan")
        await palette_searched(pilot)
        await pilot.press("enter")
        await until(lambda: isinstance(app.screen, DiScanScreen), "the DI-scan is shown", pilot=pilot)


async def test_a_di_action_from_the_library_is_added_to_the_plan(workbook_file: Path) -> None:
    di = default_content().di
    action = next(action for action in di.actions if action.soort == "actie")
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("5")
        await pilot.pause()
        app.screen.query_one("#library-search", Input).value = action.titel
        await pilot.pause()
        await pilot.press("enter")
        results = app.screen.query_one("#library-results", OptionList)
        assert results.highlighted_option is not None
        assert results.highlighted_option.id == f"di-actie:{action.id}"
        detail = flat(app.screen.query_one("#library-detail-text", Static).render().plain)  # type: ignore[union-attr]
        assert "Kans op vervolg" in detail and di.indicator_by_id[action.indicator].naam in detail
        await pilot.press("a")
        await saved_to_disk(pilot)
    added = tomllib.loads(workbook_file.read_text(encoding="utf-8"))["acties"][-1]
    assert added == {"id": "A21", "titel": action.titel, "status": "idee", "bron": f"di-actie:{action.id}"}
