"""The Werkboeken screen: a folder of workbooks, opening one, a new workbook, a new cycle."""

from __future__ import annotations

import shutil
import tomllib
from pathlib import Path
from typing import Any

from conftest import EXAMPLE, TODAY
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Label, Static
from waiting import until

from screens.dashboard import DashboardScreen
from screens.portfolio import PortfolioScreen
from screens.prompt import TextPromptScreen
from tui.app import WerkboekApp
from widgets.header import WorkbookHeader


def saved(path: Path) -> dict[str, Any]:
    return tomllib.loads(path.read_text(encoding="utf-8"))


def table_rows(app: WerkboekApp) -> list[list[str]]:
    table = app.screen.query_one(DataTable)
    return [[str(getattr(cell, "plain", cell)) for cell in table.get_row_at(i)] for i in range(table.row_count)]


async def read(pilot: Pilot[None]) -> PortfolioScreen:
    """The Werkboeken screen once it has read the whole folder (it reads in a thread)."""
    app = pilot.app
    return await until(
        lambda: isinstance(app.screen, PortfolioScreen) and not app.screen.loading and app.screen,
        "Werkboeken has read the folder",
        pilot=pilot,
    )


def a_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "klanten"
    folder.mkdir()
    shutil.copyfile(EXAMPLE, folder / "van-dijk.toml")
    text = EXAMPLE.read_text(encoding="utf-8").replace("Van Dijk Installatietechniek B.V.", "Bakkerij Aarts")
    (folder / "aarts.toml").write_text(text, encoding="utf-8")
    (folder / "kapot.toml").write_text('schema = 1\n[organisatie]\nnaam = "X"\nmedewerkers = "veel"\n')
    return folder


async def test_a_folder_lists_every_workbook_and_enter_opens_one(tmp_path: Path) -> None:
    folder = a_folder(tmp_path)
    app = WerkboekApp(folder, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, PortfolioScreen) and app.session is None
        rows = table_rows(app)
        assert [row[0] for row in rows] == ["Bakkerij Aarts", "Van Dijk Installatietechniek B.V.", "⚠ kapot.toml"]
        assert rows[1][1:6] == ["34 klein", "6 okt 2026", "2,4", "14", "⚠ 4"]
        assert rows[2][1] == "fout"
        await pilot.press("down", "down")
        await pilot.pause()
        detail = app.screen.query_one("#portfolio-detail", Static).render().plain  # type: ignore[union-attr]
        assert "kapot.toml:4:15: organisatie.medewerkers" in detail
        await pilot.press("up", "enter")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        assert app.session is not None and app.session.loaded.path == folder / "van-dijk.toml"


async def test_switching_workbooks_saves_the_first_and_shows_the_second(tmp_path: Path) -> None:
    folder = a_folder(tmp_path)
    app = WerkboekApp(folder / "van-dijk.toml", today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("6", "space")  # arbobeleid: onbekend → aanwezig, not yet written
        app.show_portfolio()
        await pilot.pause()
        assert isinstance(app.screen, PortfolioScreen)
        await pilot.press("home", "enter")  # Bakkerij Aarts
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        assert "Bakkerij Aarts" in app.screen.query_one(WorkbookHeader).render().plain  # type: ignore[union-attr]
        await pilot.press("6")
        await pilot.pause()
        assert app.session is not None and app.session.loaded.path.name == "aarts.toml"
    assert saved(folder / "van-dijk.toml")["wettelijk"]["arbobeleid"] == {"status": "aanwezig"}
    assert "arbobeleid" not in saved(folder / "aarts.toml")["wettelijk"]


async def test_a_new_workbook_gets_a_safe_name_and_opens(tmp_path: Path) -> None:
    folder = tmp_path / "leeg"
    folder.mkdir()
    app = WerkboekApp(folder, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "Nog geen werkboeken" in app.screen.query_one("#portfolio-detail", Static).render().plain  # type: ignore[union-attr]
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, TextPromptScreen)
        await pilot.press(*"../x", "enter")
        await pilot.pause()
        assert isinstance(app.screen, TextPromptScreen)  # refused, with the reason
        assert "mag geen '/'" in app.screen.query_one("#prompt-error", Label).render().plain  # type: ignore[union-attr]
        app.screen.query_one(Input).value = ""
        await pilot.press(*"Bakkerij De Vries B.V.", "enter")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
    assert [p.name for p in folder.iterdir()] == ["bakkerij-de-vries-b-v.toml"]
    assert (
        folder / "bakkerij-de-vries-b-v.toml"
    ).read_text() == 'schema = 1\n\n[organisatie]\nnaam = "Bakkerij De Vries B.V."\n'


async def test_a_new_cycle_keeps_history_and_carries_open_actions(tmp_path: Path) -> None:
    folder = a_folder(tmp_path)
    app = WerkboekApp(folder, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await read(pilot)
        await pilot.press("down", "c")  # van-dijk.toml
        await pilot.pause()
        assert isinstance(app.screen, TextPromptScreen)
        assert app.screen.query_one(Input).value == "van-dijk-2026.toml"
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        assert app.session is not None and app.session.loaded.path.name == "van-dijk-2026.toml"
    old, new = saved(folder / "van-dijk.toml"), saved(folder / "van-dijk-2026.toml")
    open_ids = [a["id"] for a in old["acties"] if a["status"] in {"idee", "gepland", "bezig"}]
    assert [a["id"] for a in new["acties"]] == open_ids and len(open_ids) == 14
    assert new["metingen"] == old["metingen"] and new["niveaus"] == old["niveaus"]
    assert new["wettelijk"] == old["wettelijk"] and "fasen" not in new
    assert new["logboek"][:-1] == old["logboek"]
    assert new["logboek"][-1]["titel"] == "Nieuwe cyclus gestart"
    assert "14 open acties meegenomen; 6 afgeronde of gestopte" in new["logboek"][-1]["notitie"]
