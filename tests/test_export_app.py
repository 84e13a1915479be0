"""Rapport maken in the app for the Word, PDF and Excel formats: each file is written beside the workbook and
opens in a reader; a second time asks before replacing; a bad house style is said, in Dutch, and nothing is
written."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import openpyxl
import pypdf
from conftest import TODAY
from waiting import until

from models.settings import LoadedSettings, Settings
from screens.confirm import ConfirmScreen
from screens.dashboard import DashboardScreen
from screens.export import ExportScreen
from tui.app import WerkboekApp

DOWNS = {"docx": 1, "pdf": 2, "xlsx": 3}
"""How far down the list each format is (HTML first)."""


def _text_of(kind: str, data: bytes) -> str:
    """The file's text, as a reader of that format sees it."""
    if kind == "docx":
        return "\n".join(paragraph.text for paragraph in docx.Document(io.BytesIO(data)).paragraphs)
    if kind == "pdf":
        return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)
    book = openpyxl.load_workbook(io.BytesIO(data), read_only=True)
    return "\n".join(str(cell) for row in book["Acties"].iter_rows(values_only=True) for cell in row if cell)


async def _write(pilot, kind: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("r", *["down"] * DOWNS[kind], "enter")  # in one burst, as typed


async def test_word_pdf_and_excel_are_written_from_the_app_and_open_in_a_reader(workbook_file: Path) -> None:
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(100, 32)) as pilot:
        for kind in DOWNS:
            await _write(pilot, kind)
            target = workbook_file.with_name(f"klant-{'acties' if kind == 'xlsx' else 'plan-van-aanpak'}.{kind}")
            await until(lambda: isinstance(app.screen, DashboardScreen), f"{kind} written", pilot=pilot)
            assert any(n.message == f"Geschreven: {target}" for n in app._notifications), kind
            text = _text_of(kind, target.read_bytes())
            assert "RI&E aanvullen met werkdruk en storingsdienst" in text, kind


async def test_a_second_report_asks_before_replacing_the_first(workbook_file: Path) -> None:
    target = workbook_file.with_name("klant-plan-van-aanpak.docx")
    target.write_bytes(b"oud rapport")
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(100, 32)) as pilot:
        await _write(pilot, "docx")
        await until(lambda: isinstance(app.screen, ConfirmScreen), "the question", pilot=pilot)
        assert target.read_bytes() == b"oud rapport"  # nothing replaced while asking
        await pilot.press("n")
        await until(lambda: isinstance(app.screen, ExportScreen), "back in the dialog", pilot=pilot)
        assert target.read_bytes() == b"oud rapport"
        await pilot.press("enter", "j")
        await until(lambda: isinstance(app.screen, DashboardScreen), "written", pilot=pilot)
    assert target.read_bytes().startswith(b"PK")  # now a Word file


async def test_a_house_style_that_is_no_word_file_is_said_and_nothing_is_written(
    workbook_file: Path, tmp_path: Path
) -> None:
    style = tmp_path / "huisstijl.docx"
    style.write_text("geen Word-bestand", encoding="utf-8")
    settings = LoadedSettings(Settings(huisstijl=str(style)))
    app = WerkboekApp(workbook_file, today=TODAY, settings=settings)
    async with app.run_test(size=(100, 32)) as pilot:
        await _write(pilot, "docx")
        message = await until(
            lambda: next((n.message for n in app._notifications if "huisstijl.docx" in n.message), None),
            "the message about the template",
            pilot=pilot,
        )
        assert isinstance(app.screen, ExportScreen)  # the dialog stays, to choose again
        assert str(style) in str(app.screen.query_one("#export-template").render())
    assert "Word" in message
    assert not workbook_file.with_name("klant-plan-van-aanpak.docx").exists()
