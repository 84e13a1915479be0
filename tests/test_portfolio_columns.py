"""Werkboeken for issue 17 parts 3 and 6 in the app: the Laatste sessie column and the quiet marker,
workbooks in subfolders, sorting by any column, and no cell cut at 80 or 160 columns."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import EXAMPLE, TODAY
from git_remote import WORKBOOK, git, replace_in, shared_repository
from test_portfolio_app import named_rows, read, titles
from textual.widgets import DataTable, Static

from models.settings import load_settings
from screens.portfolio import FRAME, TITLES, PortfolioScreen, fitting_columns, sort_value
from tui.app import WerkboekApp


def folder_with_a_quiet_client(tmp_path: Path) -> Path:
    """Van Dijk (last session 17 nov 2026), Bakkerij Aarts in a subfolder a year quieter, a broken file."""
    folder = tmp_path / "klanten"
    (folder / "archief").mkdir(parents=True)
    shutil.copyfile(EXAMPLE, folder / "van-dijk.toml")
    text = EXAMPLE.read_text(encoding="utf-8").replace("Van Dijk Installatietechniek B.V.", "Bakkerij Aarts")
    text = text.replace("medewerkers = 34", "medewerkers = 8").replace("2026-", "2025-")
    (folder / "archief" / "aarts.toml").write_text(text, encoding="utf-8")
    (folder / "kapot.toml").write_text('schema = 1\n[organisatie]\nnaam = "X"\nmedewerkers = "veel"\n')
    return folder


def settings(tmp_path: Path, weeks: int) -> object:
    config = tmp_path / f"instellingen-{weeks}.toml"
    config.write_text(f"stille_klant_weken = {weeks}\n", encoding="utf-8")
    return load_settings(config)


def detail(app: WerkboekApp) -> str:
    return str(app.screen.query_one("#portfolio-detail", Static).render().plain)  # type: ignore[union-attr]


async def test_the_last_session_and_the_quiet_marker_follow_the_setting(tmp_path: Path) -> None:
    folder = folder_with_a_quiet_client(tmp_path)
    for weeks, marker in ((8, " stil 52 wk"), (60, "")):
        app = WerkboekApp(folder, today=TODAY, settings=settings(tmp_path, weeks))  # type: ignore[arg-type]
        async with app.run_test(size=(160, 45)) as pilot:
            await read(pilot)
            rows = named_rows(app)
            assert [row["Klant"] for row in rows] == [
                "archief/ Bakkerij Aarts",
                "Van Dijk Installatietechniek B.V.",
                "⚠ kapot.toml",
            ]
            assert rows[0]["Laatste sessie"] == "17 nov 2025" + marker
            assert rows[1]["Laatste sessie"] == "17 nov 2026"
            assert rows[2]["Laatste sessie"] == "geen"
            quiet = "1 stil · " if marker else ""
            assert titles(app)[1] == f"{quiet}1 met fouten · op klant (s)"
            text = detail(app)
            assert "archief/aarts.toml" in text
            assert ("stil: laatste sessie 12 maanden geleden" in text) is bool(marker)


async def test_sorting_by_each_column_keeps_the_cursor_on_its_workbook(tmp_path: Path) -> None:
    folder = folder_with_a_quiet_client(tmp_path)
    app = WerkboekApp(folder, today=TODAY, settings=settings(tmp_path, 8))  # type: ignore[arg-type]
    async with app.run_test(size=(160, 45)) as pilot:
        screen = await read(pilot)
        assert isinstance(screen, PortfolioScreen)
        await pilot.press("down")
        chosen = folder / "van-dijk.toml"
        assert screen.current is not None and screen.current.path == chosen
        for column in (*TITLES[1:], TITLES[0]):
            await pilot.press("s")
            await pilot.pause()
            assert screen.sort_column == column and titles(app)[1].endswith(f"op {column.lower()} (s)")
            assert screen.current is not None and screen.current.path == chosen, column
            assert screen.table.get_row_at(screen.table.cursor_row)[0].plain == "Van Dijk Installatietechniek B.V."
            values = [sort_value(row, column) for row in screen.rows if sort_value(row, column) is not None]
            if column != "Klant":
                assert values == sorted(values), column  # type: ignore[type-var]
        order = [row.path for row in screen.rows]
        await pilot.press("S")
        await pilot.pause()
        assert [row.path for row in screen.rows] == order[::-1]
        assert titles(app)[1].endswith("op klant, omgekeerd (s)")
        assert screen.current is not None and screen.current.path == chosen
        await pilot.click("#portfolio-table", offset=(3, 1))  # the title of the Klant column: the other way again
        await pilot.pause()
        assert [row.path for row in screen.rows] == order and not screen.sort_reverse
        assert screen.current is not None and screen.current.path == chosen


def rendered_table(app: WerkboekApp) -> list[str]:
    table = app.screen.query_one(DataTable)
    return ["".join(segment.text for segment in table.render_line(y)) for y in range(table.size.height)]


async def test_no_cell_is_cut_at_80_and_160_columns(tmp_path: Path) -> None:
    folder = folder_with_a_quiet_client(tmp_path)
    for size in ((80, 24), (160, 45)):
        app = WerkboekApp(folder, today=TODAY, settings=settings(tmp_path, 8))  # type: ignore[arg-type]
        async with app.run_test(size=size) as pilot:
            screen = await read(pilot)
            assert isinstance(screen, PortfolioScreen)
            lines = rendered_table(app)
            table = app.screen.query_one(DataTable)
            assert table.virtual_size.width <= table.scrollable_content_region.width  # nothing past the edge
            shown = [str(column.label) for column in table.ordered_columns]
            assert all(title in lines[0] for title in shown)
            for line, row in zip(lines[1:], named_rows(app), strict=False):
                assert "…" not in line
                for name, text in row.items():
                    assert text in line, (size, name, text, line)
            if size == (160, 45):
                assert tuple(shown) == tuple(title for title in TITLES if title != "Git")  # not in git: no Git
            else:
                assert {"Klant", "Laat", "Laatste sessie"} <= set(shown) < set(TITLES) - {"Git"}
                await pilot.press("down")
                await pilot.pause()
                text = detail(app)  # what the columns left out say, under the table
                assert "34 medewerkers (klein)" in text or "Omvang" in shown
                assert "gewijzigd" in text or "Gewijzigd" in shown


async def test_the_git_column_and_the_last_commit_in_a_shared_folder(tmp_path: Path) -> None:
    _bare, anna, _bob = shared_repository(tmp_path)
    (anna / "team").mkdir()
    text = EXAMPLE.read_text(encoding="utf-8").replace("Van Dijk Installatietechniek B.V.", "Bakkerij Aarts")
    (anna / "team" / "aarts.toml").write_text(text, encoding="utf-8")  # never committed
    replace_in(anna / WORKBOOK, "Van Dijk", "Van Dijck")
    git(anna, "commit", "--quiet", "-am", "naam")  # one commit to share
    for size in ((160, 45), (80, 24)):
        app = WerkboekApp(anna, today=TODAY, settings=settings(tmp_path, 8))  # type: ignore[arg-type]
        async with app.run_test(size=size) as pilot:
            await read(pilot)
            rows = named_rows(app)
            assert [row["Klant"] for row in rows] == ["team/ Bakkerij Aarts", "Van Dijck Installatietechniek B.V."]
            if size[0] >= 160:  # at 80 columns the git state is told in the detail line only
                assert [row["Git"] for row in rows] == ["●↑1", "↑1"]
            assert "team/aarts.toml" in detail(app) and "git: niet vastgelegd · 1 te delen" in detail(app)
            lines = rendered_table(app)
            for line, row in zip(lines[1:], rows, strict=False):
                assert all(text in line for text in row.values())


def test_short_names_keep_more_columns_at_80_and_long_ones_are_cut_rather_than_push_all_out() -> None:
    short = [[14, 9, 10, 3, 2, 3, 10, 1, 13]]  # one row's cell widths, in the order of TITLES
    titles, widths = fitting_columns(short, 80)
    assert titles == ("Klant", "Meting", "Open", "Laat", "Laatste sessie", "Git", "Gewijzigd")
    assert FRAME + 2 * len(titles) + sum(widths) <= 80 and widths[0] == 14
    titles, widths = fitting_columns([[58, 9, 10, 3, 2, 3, 22, 2, 17]], 80)
    assert titles == ("Klant", "Laat", "Laatste sessie") and FRAME + 2 * len(titles) + sum(widths) <= 80
    assert fitting_columns(short, 160)[0] == TITLES
