"""Excel terug inlezen from the app's palette: the employer's sheet is read in the background, the changes
are shown first, and only a yes applies them (undoable); a bad cell is named and nothing changes."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
from conftest import TODAY
from test_interaction import run_palette
from waiting import saved_to_disk, until

from models.report_formats import REPORT_FORMATS, ReportRequest
from models.store import load_workbook
from screens.import_preview import ImportPreviewScreen
from screens.prompt import TextPromptScreen
from tui.app import WerkboekApp


def _sheet_with(workbook_file: Path, content, action_id: str, header: str, value: object) -> Path:  # type: ignore[no-untyped-def]
    """The Excel of the workbook, as Rapport maken writes it beside the workbook, with one cell edited."""
    workbook = load_workbook(workbook_file, content).workbook
    data = REPORT_FORMATS["xlsx"].make(ReportRequest(workbook, content, TODAY))
    book = openpyxl.load_workbook(io.BytesIO(data))
    sheet = book["Acties"]
    headers = [cell.value for cell in sheet[1]]
    row = next(r for r in range(2, sheet.max_row + 1) if sheet.cell(r, 1).value == action_id)
    sheet.cell(row, headers.index(header) + 1).value = value
    target = REPORT_FORMATS["xlsx"].default_path(workbook_file)
    book.save(target)
    return target


async def _read_back(pilot) -> ImportPreviewScreen:  # type: ignore[no-untyped-def]
    app = pilot.app
    await run_palette(pilot, "terug inlezen")
    assert isinstance(app.screen, TextPromptScreen)  # the file name is filled in: the Excel beside the workbook
    await pilot.press("enter")
    return await until(lambda: isinstance(app.screen, ImportPreviewScreen) and app.screen, "the preview", pilot=pilot)


async def test_a_status_changed_in_excel_is_shown_then_applied_and_undoable(workbook_file: Path, content) -> None:  # type: ignore[no-untyped-def]
    _sheet_with(workbook_file, content, "A3", "Status", "gepland")
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(100, 32)) as pilot:
        preview = await _read_back(pilot)
        shown = str(preview.query_one("#import-lines").render())
        assert "A3" in shown and "status bezig → gepland" in shown
        assert preview.query_one("#import-title").render().plain.endswith("1 wijziging")  # type: ignore[union-attr]
        await pilot.press("j")
        await saved_to_disk(pilot)
        saved = load_workbook(workbook_file, content).workbook
        assert saved.action("A3").status == "gepland"  # type: ignore[union-attr]
        await pilot.press("ctrl+z")
        await saved_to_disk(pilot)
        assert load_workbook(workbook_file, content).workbook.action("A3").status == "bezig"  # type: ignore[union-attr]


async def test_a_bad_cell_is_named_and_nothing_is_applied(workbook_file: Path, content) -> None:  # type: ignore[no-untyped-def]
    _sheet_with(workbook_file, content, "A3", "Status", "kaar")
    before = workbook_file.read_bytes()
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(100, 32)) as pilot:
        preview = await _read_back(pilot)
        shown = str(preview.query_one("#import-lines").render())
        assert "Acties!C" in shown and "'kaar' is geen status" in shown
        await pilot.press("j")  # cannot apply: the dialog stays
        await pilot.pause()
        assert app.screen is preview
        await pilot.press("escape")
        await until(lambda: not isinstance(app.screen, ImportPreviewScreen), "the preview closed", pilot=pilot)
        assert app.session is not None and not app.session.dirty
    assert workbook_file.read_bytes() == before
