"""Pilot tests of Geschiedenis (git history, an old version) and Rapport maken."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import EXAMPLE, TODAY
from test_git import make_repository
from textual.widgets import OptionList, Static

from screens.dashboard import DashboardScreen
from screens.export import ExportScreen
from screens.history import HistoryScreen
from screens.version import VersionScreen
from tui.app import WerkboekApp


def text_of(app: WerkboekApp, selector: str) -> str:
    return app.screen.query_one(selector, Static).render().plain  # type: ignore[union-attr]


@pytest.mark.skipif(shutil.which("git") is None, reason="git is niet geïnstalleerd")
async def test_history_lists_commits_with_their_changes_and_shows_an_old_version(tmp_path: Path) -> None:
    path = make_repository(tmp_path / "klanten")
    app = WerkboekApp(path, today=TODAY)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("g")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        commits = app.screen.query_one("#history-list", OptionList)
        rows = [commits.get_option_at_index(i).prompt.plain.split("\n") for i in range(commits.option_count)]  # type: ignore[union-attr]
        assert rows == [
            ["6 okt 2026 15:30  Sanne de Boer", "  Hernoemd; PAGO geregeld"],
            ["4 jun 2026 12:00  Sanne de Boer", "  Twee nieuwe monteurs"],
            ["10 mrt 2026 16:00  Sanne de Boer", "  Nulmeting en eerste plan"],
        ]
        assert "PAGO aanbieden: status ontbreekt → aanwezig" in text_of(app, "#history-detail-text")
        await pilot.press("down")
        await pilot.pause()
        detail = text_of(app, "#history-detail-text")
        assert "Profiel\n  medewerkers 34 → 36" in detail and "klant.toml" in detail  # the name it had then
        await pilot.press("down")
        await pilot.pause()
        assert "Eerste versie: 20 acties, 2 metingen, 5 verslagen." in text_of(app, "#history-detail-text")
        await pilot.press("up", "enter")
        await pilot.pause()
        assert isinstance(app.screen, VersionScreen)
        assert "Zoals vastgelegd op 4 jun 2026 door Sanne de Boer" in text_of(app, "#version-title")
        assert "Acties (20)" in text_of(app, "#version-plan")
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)


async def test_outside_git_the_history_says_there_is_none(tmp_path: Path) -> None:
    path = tmp_path / "los.toml"
    shutil.copyfile(EXAMPLE, path)
    app = WerkboekApp(path, today=TODAY)
    async with app.run_test(size=(100, 32)) as pilot:
        app.show_history()
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        assert text_of(app, "#history-detail-text").startswith("Geen geschiedenis. los.toml staat niet in een git")


async def test_a_report_is_written_from_the_app(workbook_file: Path) -> None:
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        await pilot.press(*["down"] * 5, "enter")  # Acties als CSV
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        target = workbook_file.with_name("klant-acties.csv")
        assert any(n.message == f"Geschreven: {target}" for n in app._notifications)
    assert target.read_bytes().startswith(b"\xef\xbb\xbfId;Actie;Status")
