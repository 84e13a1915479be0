"""The footer (widgets/key_bar.py): one widget that shows the screen's keys, follows the focus, keeps the
palette key at the right edge, and presses a key when it is clicked."""

from __future__ import annotations

from pathlib import Path

from conftest import TODAY
from textual.widgets import Input
from waiting import until

from screens.actions import ActionsScreen
from screens.dashboard import DashboardScreen
from screens.library import LibraryScreen
from tui.app import WerkboekApp
from widgets.key_bar import KeyBar


def _bar(app: WerkboekApp) -> str:
    return app.screen.query_one(KeyBar).render().plain


async def test_the_dashboard_shows_its_keys_grouped_with_the_palette_at_the_right(workbook_file: Path) -> None:
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        bar = _bar(app)
        assert bar.startswith("r Rapport g Geschiedenis w Werkboeken")
        assert "12345678 Scherm" in bar and "^z ^y Terug/opnieuw" in bar
        assert bar.rstrip().endswith("▏^p Opdrachten") and len(bar) == 160
        assert len(app.screen.query(KeyBar)) == 1 and not app.screen.query("Footer")


async def test_at_80_columns_the_palette_key_covers_what_does_not_fit(workbook_file: Path) -> None:
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        bar = _bar(app)
        assert len(bar) == 80 and bar.endswith("▏^p Opdrachten ")
        assert bar.startswith("r Rapport g Geschiedenis")


async def test_the_bar_follows_the_focus_and_the_screen(workbook_file: Path) -> None:
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("4")
        await until(lambda: isinstance(app.screen, ActionsScreen), "Acties opens", pilot=pilot)
        await until(lambda: "n Nieuw" in _bar(app), "the keys of Acties", pilot=pilot)
        assert "r Rapport" not in _bar(app)
        await pilot.press("5")
        await until(lambda: isinstance(app.screen, LibraryScreen), "Bibliotheek opens", pilot=pilot)
        assert isinstance(app.focused, Input)
        await until(lambda: "n Nieuw" not in _bar(app), "the keys of the library's search box", pilot=pilot)


async def test_clicking_a_key_presses_it_and_hovering_names_it(workbook_file: Path) -> None:
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        bar = _bar(app)
        x = bar.index("12345678") + 3  # the fourth key of the group: 4, Acties
        await pilot.hover(KeyBar, offset=(x, 0))
        assert app.screen.query_one(KeyBar).tooltip and "Acties" in str(app.screen.query_one(KeyBar).tooltip)
        await pilot.click(KeyBar, offset=(x, 0))
        await until(lambda: isinstance(app.screen, ActionsScreen), "the click opened Acties", pilot=pilot)
