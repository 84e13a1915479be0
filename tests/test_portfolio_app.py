"""The Werkboeken screen: a folder of workbooks, opening one, a new workbook, a new cycle."""

from __future__ import annotations

import shutil
import threading
import tomllib
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLE, TODAY
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Label, Static
from waiting import until

import models.portfolio
import models.store
import screens.portfolio
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


def named_rows(app: WerkboekApp) -> list[dict[str, str]]:
    """Each row's text by column title (the columns shown at this width)."""
    table = app.screen.query_one(DataTable)
    names = [str(column.label) for column in table.ordered_columns]
    return [dict(zip(names, row, strict=True)) for row in table_rows(app)]


def shows(row: dict[str, str], **expected: str) -> bool:
    """The row has these texts in the columns that are shown (``Gem_`` for ``Gem.``)."""
    wanted = {name.replace("_", "."): text for name, text in expected.items()}
    return all(row[name] == text for name, text in wanted.items() if name in row)


def titles(app: WerkboekApp) -> tuple[str, str]:
    table = app.screen.query_one(DataTable)
    return str(table.border_title), str(table.border_subtitle)


async def read(pilot: Pilot[None]) -> PortfolioScreen:
    """The Werkboeken screen once it has read the whole folder (it reads in a thread)."""
    app = pilot.app
    return await until(
        lambda: isinstance(app.screen, PortfolioScreen) and not app.screen.reading_folder and app.screen,
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
        named = named_rows(app)
        assert shows(named[1], Omvang="34 klein", Meting="6 okt 2026", Gem_="2,4", Open="14", Laat="⚠ 4")
        assert shows(named[2], Omvang="fout")
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
        field = app.screen.query_one(Input)
        assert field.value == "2027", "made in November: the coming year is proposed"
        field.value = "2027-2029"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, TextPromptScreen), "not two consecutive years: refused"
        assert "twee jaren achter elkaar, zoals 2027-2028" in str(app.screen.query_one("#prompt-error", Label).render())
        field.value = "2027"
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        assert app.session is not None and app.session.loaded.path.name == "van-dijk-2027.toml"
    old, new = saved(folder / "van-dijk.toml"), saved(folder / "van-dijk-2027.toml")
    open_ids = [a["id"] for a in old["acties"] if a["status"] in {"idee", "gepland", "bezig"}]
    assert [a["id"] for a in new["acties"]] == open_ids and len(open_ids) == 14
    assert new["metingen"] == old["metingen"] and new["niveaus"] == old["niveaus"]
    assert new["wettelijk"] == old["wettelijk"] and "fasen" not in new
    assert new["logboek"][:-1] == old["logboek"]
    assert new["logboek"][-1]["titel"] == "Nieuwe cyclus 2027 gestart"
    assert "14 open acties meegenomen; 6 afgeronde of gestopte" in new["logboek"][-1]["notitie"]


# -- a folder read in a thread, each file once, rows as they come ----------------------------------------


def many_clients(tmp_path: Path, count: int) -> Path:
    """``count`` workbooks whose client names run against their file names (klant-00.toml is "Klant 12"),
    so each row read later sorts in above the rows already shown; and a broken file."""
    folder = a_folder(tmp_path)
    for name in ("aarts.toml", "van-dijk.toml"):
        (folder / name).unlink()
    text = EXAMPLE.read_text(encoding="utf-8")
    for number in range(count):
        client = text.replace("Van Dijk Installatietechniek B.V.", f"Klant {count - number:02d}")
        (folder / f"klant-{number:02d}.toml").write_text(client, encoding="utf-8")
    return folder


async def test_rows_appear_in_their_place_while_the_folder_is_read_and_keys_work_meanwhile(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = many_clients(tmp_path, 12)
    monkeypatch.setattr(screens.portfolio, "FIRST_BATCH_SECONDS", 0)  # every row shown as it is read
    monkeypatch.setattr(screens.portfolio, "BATCH_SECONDS", (0, 0))
    go_on = threading.Event()
    read_row = screens.portfolio.read_row

    def slow_from_the_sixth(path: Path, *args: Any) -> Any:
        if path.name == "klant-05.toml":
            assert go_on.wait(30), "the test never let the reading go on"
        return read_row(path, *args)

    monkeypatch.setattr(screens.portfolio, "read_row", slow_from_the_sixth)
    app = WerkboekApp(folder, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await until(lambda: "6 van 13 werkboeken gelezen in" in titles(app)[0], "the count while reading", pilot=pilot)
        screen = app.screen
        assert isinstance(screen, PortfolioScreen) and screen.reading_folder
        shown = ["Klant 08", "Klant 09", "Klant 10", "Klant 11", "Klant 12", "⚠ kapot.toml"]  # kapot.toml first read
        assert [row[0] for row in table_rows(app)] == shown
        assert titles(app)[1] == "1 met fouten · op klant (s)"
        await pilot.press("down")  # the screen answers while the folder is read
        await pilot.pause()
        assert screen.table.cursor_row == 1
        detail = screen.query_one("#portfolio-detail", Static).render().plain  # type: ignore[union-attr]
        assert "klant-03.toml" in detail  # Klant 09
        go_on.set()
        await read(pilot)
        rows = table_rows(app)
        assert [row[0] for row in rows] == [f"Klant {number:02d}" for number in range(1, 13)] + ["⚠ kapot.toml"]
        named = named_rows(app)
        assert shows(named[-1], Omvang="fout") and shows(
            named[0], Meting="6 okt 2026", Gem_="2,4", Open="14", Laat="⚠ 4"
        )
        assert titles(app) == (f"13 werkboeken in {folder}", "1 met fouten · op klant (s)")
        assert screen.current is not None and screen.current.path.name == "klant-03.toml"  # the cursor stayed on it
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        assert app.session is not None and app.session.loaded.path == folder / "klant-03.toml"


async def test_each_file_is_read_once_and_again_on_refresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = a_folder(tmp_path)
    reads: Counter[str] = Counter()
    for module in (models.portfolio, models.store):  # the portfolio's reads, and opening a workbook's
        original = module.read_bytes

        def counted(path: Path, original: Any = original) -> bytes:
            reads[Path(path).name] += 1
            return original(path)  # type: ignore[no-any-return]

        monkeypatch.setattr(module, "read_bytes", counted)
    app = WerkboekApp(folder, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await read(pilot)
        await pilot.pause()
        assert reads == {"aarts.toml": 1, "van-dijk.toml": 1, "kapot.toml": 1}
        text = (folder / "aarts.toml").read_text(encoding="utf-8")
        (folder / "aarts.toml").write_text(text.replace("Bakkerij Aarts", "Bakkerij Zomer"), encoding="utf-8")
        (folder / "van-dijk.toml").unlink()
        await pilot.press("r")
        await read(pilot)
        assert reads == {"aarts.toml": 2, "van-dijk.toml": 1, "kapot.toml": 2}
        assert [row[0] for row in table_rows(app)] == ["Bakkerij Zomer", "⚠ kapot.toml"]
        assert titles(app)[0] == f"2 werkboeken in {folder}"


async def test_the_open_workbook_is_listed_as_it_is_in_memory_not_read_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = a_folder(tmp_path)
    reads: Counter[str] = Counter()
    for module in (models.portfolio, models.store):
        original = module.read_bytes

        def counted(path: Path, original: Any = original) -> bytes:
            reads[Path(path).name] += 1
            return original(path)  # type: ignore[no-any-return]

        monkeypatch.setattr(module, "read_bytes", counted)
    app = WerkboekApp(folder / "van-dijk.toml", today=TODAY)
    async with app.run_test(size=(160, 40)) as pilot:
        await pilot.pause()
        assert app.session is not None
        workbook = app.session.workbook
        renamed = workbook.model_copy(
            update={"organisatie": workbook.organisatie.model_copy(update={"naam": "Van Dijk Techniek"})}
        )
        assert app.store.change(renamed, "naam")  # in memory; the autosave has not written it yet
        app.show_portfolio()
        await pilot.pause()
        await read(pilot)
        clients = [row["Klant"] for row in named_rows(app)]
        assert "Van Dijk Techniek" in clients and "Van Dijk Installatietechniek B.V." not in clients
        assert reads["van-dijk.toml"] == 1  # opened once; Werkboeken did not read it again
        assert reads["aarts.toml"] == 1
