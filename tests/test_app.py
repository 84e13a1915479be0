"""Pilot tests: the app opens a workbook on its dashboard, explains bad files, and quits on q."""

from __future__ import annotations

from pathlib import Path

from conftest import EXAMPLE, TODAY
from textual.widget import Widget
from waiting import palette_searched

from screens.dashboard import DashboardScreen
from screens.load_error import LoadErrorScreen
from tui.app import WerkboekApp
from widgets.header import WorkbookHeader


def text_of(widget: Widget) -> str:
    return widget.render().plain  # type: ignore[union-attr]


def lines_of(app: WerkboekApp, selector: str) -> list[str]:
    return [line.rstrip() for line in text_of(app.screen.query_one(selector)).splitlines()]


async def test_dashboard_shows_the_example_client() -> None:
    app = WerkboekApp(EXAMPLE, today=TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        header = text_of(app.screen.query_one(WorkbookHeader))
        assert "Van Dijk Installatietechniek B.V." in header and "van-dijk-installatietechniek.toml" in header

        factors = lines_of(app, "#factors")
        assert len(factors) == 10
        eenvoud = next(line for line in factors if line.startswith("Eenvoud"))
        assert eenvoud.split()[-5:] == ["2", "Incidenteel", "▼", "−1"][-5:] or "▼ −1" in eenvoud
        assert "████░░░░ 2 Incidenteel" in eenvoud and eenvoud.endswith("▼ −1")
        bewustwording = next(line for line in factors if line.startswith("Bewustwording"))
        assert "██████░░ 3 In opbouw" in bewustwording and bewustwording.endswith("▲ +1")
        assert app.screen.query_one("#factors").border_subtitle == "laatste 6 okt 2026 · verschil sinds 10 mrt 2026"

        phases = lines_of(app, "#phases")
        assert phases[0].startswith("1. In kaart brengen van gezondheidsrisico's") and "6/7 ◀ nu" in phases[0]
        assert phases[4].startswith("5. Evalueren") and phases[4].endswith("0/6")

        assert lines_of(app, "#statuses") == ["idee 3  gepland 6  bezig 5  klaar 5  gestopt 1  totaal 20"]

        deadlines = lines_of(app, "#deadlines")
        assert deadlines[0] == "Te laat (4)"
        assert deadlines[1].startswith("⚠ A15") and deadlines[1].endswith("22 dagen te laat")
        assert deadlines[5] == "Binnen 30 dagen (4)"
        assert deadlines[6].startswith("• A16") and "over 18 dagen" in deadlines[6]

        grid = lines_of(app, "#grid")
        assert grid[0].split() == ["In", "kaart", "Kiezen", "Plannen", "Invoeren", "Evalueren", "Totaal"]
        assert grid[5].split() == ["Betrokkenheid", "1", "2", "1", "1", "1", "6"]
        assert grid[-1].split() == ["Acties", "per", "fase", "4", "3", "4", "6", "2"]


async def test_q_quits() -> None:
    app = WerkboekApp(EXAMPLE, today=TODAY)
    async with app.run_test() as pilot:
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


async def test_palette_runs_a_command_found_by_its_dutch_name() -> None:
    app = WerkboekApp(EXAMPLE, today=TODAY)
    async with app.run_test() as pilot:
        await pilot.press("ctrl+p")
        await pilot.press(*"afsluiten")
        await palette_searched(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert not app.is_running


async def test_bad_file_shows_the_problem_and_r_reloads_after_a_fix(workbook_file: Path) -> None:
    good = workbook_file.read_text(encoding="utf-8")
    workbook_file.write_text(good.replace('status = "bezig"', 'status = "lopend"', 1), encoding="utf-8")
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LoadErrorScreen)
        problems = text_of(app.screen.query_one("#load-error-list"))
        assert f"{workbook_file}:" in problems
        assert (
            'acties[3].status: ongeldige waarde "lopend"; toegestaan: idee, gepland, bezig, klaar, gestopt' in problems
        )

        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, LoadErrorScreen), "still broken: stays on the problem screen"

        workbook_file.write_text(good, encoding="utf-8")
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)


async def test_missing_file_is_explained_not_a_crash(tmp_path: Path) -> None:
    app = WerkboekApp(tmp_path / "bestaat-niet.toml", today=TODAY)
    async with app.run_test() as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LoadErrorScreen)
        assert "bestand niet gevonden" in text_of(app.screen.query_one("#load-error-list"))


async def test_comments_in_the_file_need_no_notice(workbook_file: Path) -> None:
    workbook_file.write_text("# klant sinds 2024\n" + workbook_file.read_text(encoding="utf-8"), encoding="utf-8")
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test() as pilot:
        await pilot.pause()
        messages = [notification.message for notification in app._notifications]
        assert not any("opmerkingen" in message for message in messages)  # they are kept, nothing to warn about


async def test_newer_schema_is_marked_read_only(workbook_file: Path) -> None:
    text = workbook_file.read_text(encoding="utf-8").replace("schema = 1", "schema = 3", 1)
    workbook_file.write_text(text, encoding="utf-8")
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        assert "ALLEEN-LEZEN" in text_of(app.screen.query_one(WorkbookHeader))
        assert any("schema 3" in n.message for n in app._notifications)
