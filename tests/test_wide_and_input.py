"""Every state readable without colour, wide terminals used, and pasted or odd input handled:
checkboxes with signs, whole titles and owners at 160 columns, dates as people type them, and
pastes with control characters, wide characters or far too much text."""

from __future__ import annotations

import datetime as dt
import io
import os
import shutil
import tomllib
from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLE, TODAY
from rich.cells import cell_len
from rich.console import Console
from textual import events
from textual.widgets import DataTable, Input, Label
from waiting import detail_follows_the_cursor

from models.action_form import action_from_form
from models.form_parsing import FormError, clean_field, parse_date, printable
from screens.action_form import ActionFormScreen
from screens.actions import ActionsScreen
from screens.portfolio import PortfolioScreen
from tui.app import WerkboekApp
from widgets.action_table import ActionTable
from widgets.checkbox_list import CheckboxList

LONG_TITLE = "Werkdrukgesprekken per team plannen en terugkoppelen aan PVT"
LONG_OWNER = "Teamleiders Dennis Kok en Bas Meijer"
WIDE_TITLE = "Overleg 👷‍♀️ 作業 met monteurs"


def actions_in(path: Path) -> dict[str, dict[str, Any]]:
    return {action["id"]: action for action in tomllib.loads(path.read_text(encoding="utf-8"))["acties"]}


def screen_text(app: WerkboekApp) -> str:
    """The text on the terminal as the user sees it."""
    width, height = app.size
    console = Console(width=width, height=height, file=io.StringIO(), record=True, legacy_windows=False)
    console.print(app.screen._compositor.render_update(full=True, screen_stack=app._background_screens))
    return console.export_text()


def with_titles(path: Path) -> Path:
    """The example workbook with a 60-character title, a long owner and a title with emoji and CJK."""
    assert len(LONG_TITLE) == 60
    text = path.read_text(encoding="utf-8")
    text = text.replace('titel = "Buddyregeling voor nieuwe monteurs"', f'titel = "{LONG_TITLE}"', 1)
    text = text.replace('titel = "Tilhulp voor plaatsen van warmtepomp-buitenunits"', f'titel = "{WIDE_TITLE}"', 1)
    assert LONG_TITLE in text and WIDE_TITLE in text and LONG_OWNER in text
    path.write_text(text, encoding="utf-8")
    return path


async def open_form(pilot: Any, action_id: str) -> ActionFormScreen:
    await pilot.press("4")
    await pilot.pause()
    table = pilot.app.screen.query_one(ActionTable)
    table.cursor = [action.id for action in table.actions].index(action_id)
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(pilot.app.screen, ActionFormScreen)
    return pilot.app.screen


# -- A. checkboxes without colour -----------------------------------------------------------------


async def test_factor_checkboxes_read_without_colour(workbook_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    chosen = set(actions_in(workbook_file)["A1"]["succesfactoren"])
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(120, 45)) as pilot:
        assert app.no_color
        form = await open_form(pilot, "A1")
        factors = form.query_one("#succesfactoren", CheckboxList)
        lines = {line.strip() for line in screen_text(app).splitlines()}
        for factor in app.session.content.factors:  # type: ignore[union-attr]
            sign = "☑" if factor.id in chosen else "☐"
            assert any(line.endswith(f"{sign} {factor.naam}") for line in lines), (sign, factor.naam)
        assert "▐X▌" not in screen_text(app)
        factors.focus()
        factors.highlighted = next(i for i, f in enumerate(app.session.content.factors) if f.id not in chosen)  # type: ignore[union-attr]
        name = app.session.content.factors[factors.highlighted].naam  # type: ignore[union-attr]
        assert f"☐ {name}" in screen_text(app)
        await pilot.press("space")
        await pilot.pause()
        assert f"☑ {name}" in screen_text(app) and f"☐ {name}" not in screen_text(app)
        await pilot.press("space")
        await pilot.pause()
        assert f"☐ {name}" in screen_text(app)


async def test_form_labels_never_run_into_their_value(workbook_file: Path) -> None:
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(100, 45)) as pilot:
        form = await open_form(pilot, "A1")
        for label in form.query(".field-label").results(Label):
            for line in str(label.render()).splitlines():
                assert len(line) < label.size.width, line


# -- B. wide terminals -----------------------------------------------------------------------------


async def test_wide_table_shows_whole_titles_and_owners(workbook_file: Path) -> None:
    app = WerkboekApp(with_titles(workbook_file), today=TODAY)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.press("4")
        await detail_follows_the_cursor(pilot)
        assert isinstance(app.screen, ActionsScreen)
        text = screen_text(app)
        assert LONG_TITLE in text and LONG_OWNER in text
        assert "Linda Bos (office manager)" in text


async def table_lines(app: WerkboekApp) -> list[str]:
    table = app.screen.query_one(ActionTable)
    return [table.render_line(y).text for y in range(1 + len(table.actions[: table.size.height - 1]))]


@pytest.mark.parametrize("size", [(80, 24), (160, 45)])
async def test_table_stays_aligned_with_wide_characters(workbook_file: Path, size: tuple[int, int]) -> None:
    app = WerkboekApp(with_titles(workbook_file), today=TODAY)
    async with app.run_test(size=size) as pilot:
        await pilot.press("4")
        await pilot.pause()
        table = app.screen.query_one(ActionTable)
        width = table.scrollable_content_region.width
        strips = [table.render_line(y) for y in range(table.scrollable_content_region.height)]
        assert {strip.cell_length for strip in strips} == {width}
        lines = [strip.text for strip in strips]
        header = lines[0]
        wide_row = next(line for line in lines if "Overleg 👷" in line)

        # the status column starts at the same cell in the header and in the row with wide characters
        def cell_of(line: str, word: str) -> int:
            return cell_len(line[: line.index(word)])

        assert cell_of(wide_row, "idee") == cell_of(header, "Status")
        assert size[0] == 80 or WIDE_TITLE in wide_row


@pytest.mark.parametrize("size", [(80, 24), (160, 45)])
async def test_werkboeken_show_the_whole_date_and_time(tmp_path: Path, size: tuple[int, int]) -> None:
    folder = tmp_path / "klanten"
    folder.mkdir()
    for name in ("van-dijk.toml", "ander.toml"):
        shutil.copyfile(EXAMPLE, folder / name)
    text = (folder / "ander.toml").read_text(encoding="utf-8").replace("medewerkers = 34", "medewerkers = 134")
    (folder / "ander.toml").write_text(text, encoding="utf-8")
    old = dt.datetime(2026, 1, 5, 14, 35).timestamp()
    os.utime(folder / "ander.toml", (old, old))
    app = WerkboekApp(folder, today=TODAY)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, PortfolioScreen)
        text = screen_text(app)
        assert "5 jan 2026 14:35" in text
        today = dt.datetime.fromtimestamp((folder / "van-dijk.toml").stat().st_mtime)
        assert f"{today.day} " in text and f"{today.hour}:{today.minute:02d}" in text
        table = app.screen.query_one(DataTable)
        assert table.virtual_size.width <= table.scrollable_content_region.width, "no column is cut off"
        if size[0] >= 160:
            assert "Van Dijk Installatietechniek B.V." in text and "134 middelgroot" in text


async def test_a_bad_date_gets_a_message_with_a_dutch_date(workbook_file: Path) -> None:
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        form = await open_form(pilot, "A4")
        form.query_one("#start", Input).value = "15-1-2027"
        form.query_one("#deadline", Input).value = "1-12-2026"
        await pilot.press("ctrl+s")
        await pilot.pause()
        message = str(form.query_one("#deadline-error", Label).render())
        assert "deadline 1-12-2026 ligt vóór start 15-1-2027" in message
        assert "2026-12-01" not in message and "2027-01-15" not in message


def test_every_date_message_speaks_in_dutch_dates() -> None:
    for text in ("morgen", "31-4-2026", "2026-02-30", "2026-13-01"):
        with pytest.raises(FormError) as error:
            parse_date(text)
        assert "2026-12-01" not in str(error.value)
    _, errors = action_from_form(
        {"titel": "T", "start": "2027-01-15", "deadline": "2026-12-01"}, [], action_id="A1", today=TODAY
    )
    assert errors["deadline"].startswith("deadline 1-12-2026 ligt vóór start 15-1-2027")


# -- C. bad input ----------------------------------------------------------------------------------


def test_printable_keeps_words_and_drops_controls() -> None:
    assert printable("Overleg\x1b[2J met\x07 team\rnu", multiline=False) == "Overleg met team nu"
    assert printable("a\r\nb\rc\x00") == "a\nb\nc"
    assert printable("\x1b]0;titel\x07x\u202ey") == "xy"
    assert printable("Overleg 👷‍♀️ 作業") == "Overleg 👷‍♀️ 作業"
    with pytest.raises(FormError, match=r"titel is te lang: 10\.000 tekens, hoogstens 200"):
        clean_field("x" * 10_000, "titel", one_line=True)
    assert clean_field("regel 1\n\tregel 2\x1b[31m", "wat") == "regel 1\n\tregel 2"


async def paste_title(pilot: Any, text: str) -> ActionFormScreen:
    await pilot.press("4")
    await pilot.pause()
    await pilot.press("n")
    await pilot.pause()
    form = pilot.app.screen
    assert isinstance(form, ActionFormScreen)
    title = form.query_one("#titel", Input)
    title.focus()
    await pilot.pause()
    assert pilot.app.screen.focused is title
    pilot.app.post_message(events.Paste(text))  # as the terminal sends it: the app hands it to the focused field
    await pilot.pause()
    return form


async def test_a_paste_with_control_characters_saves_a_clean_title(workbook_file: Path) -> None:
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        form = await paste_title(pilot, "Overleg \x1b[2J\x07met\rteam 👷‍♀️ 作業\nregel twee")
        assert form.query_one("#titel", Input).value == "Overleg met team 👷‍♀️ 作業 regel twee", "all lines kept"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ActionsScreen)
        await pilot.press("q")
    assert actions_in(workbook_file)["A21"]["titel"] == "Overleg met team 👷‍♀️ 作業 regel twee"


async def test_a_huge_paste_is_refused_with_a_message_and_the_file_unchanged(workbook_file: Path) -> None:
    before = workbook_file.read_bytes()
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        form = await paste_title(pilot, "lang " * 2_000)
        assert len(form.query_one("#titel", Input).value) == 10_000, "nothing cut off silently"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form, "the form stays open"
        message = str(form.query_one("#titel-error", Label).render())
        assert "titel is te lang" in message and "hoogstens 200" in message
    assert workbook_file.read_bytes() == before


async def test_a_pasted_multi_line_text_keeps_its_lines(workbook_file: Path) -> None:
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        form = await paste_title(pilot, "Kort overleg")
        wat = form.query_one("#wat")
        wat.focus()
        await pilot.pause()
        app.post_message(events.Paste("eerste regel\r\ntweede \x1b[1mregel\x07"))
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ActionsScreen)
        await pilot.press("q")
    assert actions_in(workbook_file)["A21"]["wat"] == "eerste regel\ntweede regel"
