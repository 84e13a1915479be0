"""The action list for Excel (``werkboek export --format xlsx``), opened again with openpyxl as Excel would:
sheets, header, the status drop-down, real dates and numbers, text that is never a formula, the same bytes
every time; and the CSV's formula guard and headers (issue 14)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
from conftest import EXAMPLE, ROOT, TODAY
from openpyxl.utils.escape import unescape
from openpyxl.worksheet.worksheet import Worksheet

from cli.export import export_command
from models.action_columns import ACTION_COLUMNS, column_index, column_letter
from models.content import Content
from models.report_csv import actions_csv
from models.report_formats import ReportRequest
from models.report_xlsx import make
from models.store import load_workbook
from models.workbook import ACTION_STATUSES, Action, Organisation, Workbook

HYPERLINK = '=HYPERLINK("http://x";"klik")'
RISKY_TEXTS = (HYPERLINK, "+31 6 1234", "-1+1", "@SUM(A1)", "\tIngesprongen", "\r=1+1")


@pytest.fixture
def example(content: Content) -> Workbook:
    return load_workbook(EXAMPLE, content).workbook


def _book(workbook: Workbook, content: Content, today: dt.date = TODAY) -> openpyxl.Workbook:
    data = make(ReportRequest(workbook, content, today))
    assert data.startswith(b"PK")  # a zip: the xlsx container
    return openpyxl.load_workbook(io.BytesIO(data))


def _row_of(sheet: Worksheet, action_id: str) -> int:
    return next(row for row in range(2, sheet.max_row + 1) if sheet.cell(row, 1).value == action_id)


def _cell(sheet: Worksheet, action_id: str, field: str) -> openpyxl.cell.cell.Cell:
    return sheet.cell(_row_of(sheet, action_id), column_index(field) + 1)


def test_the_sheets_and_the_header_row(example: Workbook, content: Content) -> None:
    book = _book(example, content)
    assert book.sheetnames == ["Acties", "Scores", "Wettelijk minimum"]
    sheet = book["Acties"]
    header = [cell.value for cell in sheet[1]]
    assert header == [column.header for column in ACTION_COLUMNS]
    assert header[:3] == ["Id", "Actie", "Status"] and header[-2:] == ["Opmerking", "Bron"]
    assert "Waar (plek)" in header and "Waar" not in header  # a Dutch Excel turns a cell "Waar" into TRUE
    assert all(cell.font.b for cell in sheet[1])
    assert [sheet.cell(row, 1).value for row in range(2, sheet.max_row + 1)] == [a.id for a in example.acties]
    assert sheet.freeze_panes == "B2"  # header row and id column stay in view
    last = column_letter(len(ACTION_COLUMNS) - 1)
    assert sheet.auto_filter.ref == f"A1:{last}{len(example.acties) + 1}"
    assert sheet.column_dimensions["A"].width < sheet.column_dimensions["B"].width  # id narrow, title wide
    assert _cell(sheet, "A1", "werkwijze").alignment.wrap_text


def test_every_status_cell_has_a_drop_down_of_the_statuses(example: Workbook, content: Content) -> None:
    sheet = _book(example, content)["Acties"]
    (validation,) = sheet.data_validations.dataValidation
    status = column_letter(column_index("status"))
    assert validation.type == "list"
    assert validation.formula1 == '"' + ",".join(ACTION_STATUSES) + '"'
    assert str(validation.sqref) == f"{status}2:{status}{len(example.acties) + 1}"
    assert validation.showErrorMessage and validation.errorStyle in (None, "stop")  # none: Excel's default, stop
    assert validation.error == "Kies een status uit de lijst: idee, gepland, bezig, klaar of gestopt."


def test_dates_are_dates_and_numbers_are_numbers(example: Workbook, content: Content) -> None:
    sheet = _book(example, content)["Acties"]
    a3 = example.action("A3")
    assert a3 is not None and a3.start and a3.deadline and a3.budget
    start, deadline, budget = (_cell(sheet, "A3", name) for name in ("start", "deadline", "budget"))
    assert start.is_date and start.value == dt.datetime.combine(a3.start, dt.time())
    assert deadline.is_date and deadline.value == dt.datetime(2026, 11, 1)
    assert start.number_format == "d-m-yyyy"  # shown as 1-9-2026
    assert budget.data_type == "n" and budget.value == a3.budget == 950
    hours = _cell(sheet, "A1", "uren")
    assert hours.data_type == "n" and hours.value == 8
    assert _cell(sheet, "A3", "status").value == "bezig" and _cell(sheet, "A3", "status").data_type == "s"
    assert _cell(sheet, "A3", "fase").value == "In kaart brengen van gezondheidsrisico's"  # names, not ids
    assert _cell(sheet, "A1", "afgerond_op").value == dt.datetime(2026, 4, 14)
    assert _cell(sheet, "A3", "afgerond_op").value is None


def test_open_actions_past_their_deadline_are_marked(example: Workbook, content: Content) -> None:
    sheet = _book(example, content)["Acties"]
    (rules,) = list(sheet.conditional_formatting)
    (rule,) = rules.rules
    deadline = column_letter(column_index("deadline"))
    assert rule.type == "expression" and f"${deadline}2<TODAY()" in rule.formula[0]
    assert all(f'="{status}"' in rule.formula[0] for status in ("idee", "gepland", "bezig"))
    assert '="klaar"' not in rule.formula[0]


def test_text_that_looks_like_a_formula_is_written_as_text(content: Content) -> None:
    actions = [Action(id=f"A{n}", titel=text, eigenaar=text, opmerking=text) for n, text in enumerate(RISKY_TEXTS, 1)]
    workbook = Workbook(organisatie=Organisation(naam="=1+1", adviseur="@adviseur"), acties=actions)
    book = _book(workbook, content)
    sheet = book["Acties"]
    for n, text in enumerate(RISKY_TEXTS, 1):
        for field in ("titel", "eigenaar", "opmerking"):
            cell = _cell(sheet, f"A{n}", field)
            # A control character is stored escaped (_x000D_), as Excel stores it; openpyxl leaves that as it is.
            assert (cell.data_type, unescape(cell.value)) == ("s", text), (field, text)
    assert _cell(sheet, "A1", "titel").hyperlink is None
    assert book.properties.title == "Acties: =1+1"


def test_the_scores_per_round_with_the_scale(example: Workbook, content: Content) -> None:
    sheet = _book(example, content)["Scores"]
    rounds = sorted(example.metingen, key=lambda scoring: scoring.datum)
    days = [dt.datetime.combine(scoring.datum, dt.time()) for scoring in rounds]
    assert [cell.value for cell in sheet[1]] == ["Succesfactor", *days]
    assert all(cell.is_date for cell in sheet[1][1:])
    for row, factor in enumerate(content.factors, 2):
        assert sheet.cell(row, 1).value == factor.naam
        assert [sheet.cell(row, col).value for col in range(2, len(rounds) + 2)] == [
            r.scores.get(factor.id) for r in rounds
        ]
    texts = [sheet.cell(row, 1).value for row in range(1, sheet.max_row + 1)]
    scale = next(row for row, text in enumerate(texts, 1) if isinstance(text, str) and text.startswith("Schaal"))
    assert [(sheet.cell(scale + n, 1).value, sheet.cell(scale + n, 2).value) for n in range(1, 5)] == [
        (int(level), label) for level, label in sorted(content.scale.items())
    ]
    assert sheet.cell(2, 2).data_type == "n"


def test_every_legal_item_with_its_status_and_note(example: Workbook, content: Content) -> None:
    sheet = _book(example, content)["Wettelijk minimum"]
    assert [cell.value for cell in sheet[1]][:4] == ["Onderdeel", "Status", "Datum", "Notitie"]
    rows = {sheet.cell(row, 1).value: row for row in range(2, sheet.max_row + 1)}
    assert list(rows) == [item.titel for item in content.legal]
    for item in content.legal:
        state = example.wettelijk.get(item.id)
        row = rows[item.titel]
        assert sheet.cell(row, 2).value == (state.status if state else "onbekend")
        assert sheet.cell(row, 4).value == (state.notitie if state else None)
    rie = rows[content.legal_by_id["rie"].titel]
    assert sheet.cell(rie, 3).is_date and sheet.cell(rie, 3).value == dt.datetime(2025, 9, 15)


def test_a_workbook_without_actions_or_rounds_still_makes_a_sheet(content: Content) -> None:
    book = _book(Workbook(organisatie=Organisation(naam="Leeg BV")), content)
    assert book["Acties"]["A1"].value == "Id"
    assert book["Acties"].max_row == 1
    assert book["Scores"].cell(1, 2).value == "Nog geen meting"


def test_properties_name_the_adviser_and_the_report_date(example: Workbook, content: Content) -> None:
    properties = _book(example, content).properties
    assert properties.creator == "Sanne de Boer"
    assert properties.created == dt.datetime.combine(TODAY, dt.time())
    assert properties.title == "Acties: Van Dijk Installatietechniek B.V."


def test_progress_is_reported_per_action(example: Workbook, content: Content) -> None:
    seen: list[tuple[int, int]] = []
    make(ReportRequest(example, content, TODAY, progress=lambda done, total: seen.append((done, total))))
    assert seen == [(n, 20) for n in range(1, 21)]


def test_the_same_workbook_and_date_give_the_same_bytes(example: Workbook, content: Content) -> None:
    first = make(ReportRequest(example, content, TODAY))
    assert make(ReportRequest(example.model_copy(deep=True), content, TODAY)) == first
    assert make(ReportRequest(example, content, TODAY + dt.timedelta(days=1))) != first  # it names its date


def test_two_export_commands_write_the_same_bytes(tmp_path: Path, example: Workbook, content: Content) -> None:
    """Two separate processes (other hash seeds, other clocks), and the same bytes as made in this one."""
    environment = {**os.environ, "WERKBOEK_CONFIG": str(tmp_path / "geen.toml"), "PYTHONHASHSEED": "random"}
    code = (
        "import datetime, io, sys\n"
        "from cli.export import export_command\n"
        "sys.exit(export_command(sys.argv[1:], io.StringIO(), sys.stderr, "
        f"today=datetime.date.fromisoformat({TODAY.isoformat()!r})))\n"
    )
    written = []
    for run in (1, 2):
        target = tmp_path / f"acties-{run}.xlsx"
        args = [str(EXAMPLE), "-f", "xlsx", "-o", str(target)]
        subprocess.run([sys.executable, "-c", code, *args], cwd=ROOT, env=environment, check=True, timeout=60)
        written.append(target.read_bytes())
    assert written[0] == written[1] == make(ReportRequest(example, content, TODAY))
    # And the console command itself (today's date), twice: the same bytes as each other.
    commands = []
    for run in (1, 2):
        target = tmp_path / f"vandaag-{run}.xlsx"
        command = [sys.executable, "-m", "cli.main", "export", str(EXAMPLE), "-f", "xlsx", "-o", str(target)]
        done = subprocess.run(
            command, cwd=ROOT, env=environment, capture_output=True, text=True, timeout=60, check=False
        )
        assert done.returncode == 0, done.stderr
        assert done.stdout == f"Geschreven: {target} (20 acties)\n"
        commands.append(target.read_bytes())
    assert commands[0] == commands[1]


def test_export_command_writes_the_xlsx_beside_the_workbook(workbook_file: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    assert export_command([str(workbook_file), "-f", "xlsx"], out, err, today=TODAY) == 0, err.getvalue()
    target = workbook_file.with_name("klant-acties.xlsx")
    assert openpyxl.load_workbook(target).sheetnames[0] == "Acties"
    assert export_command([str(workbook_file), "-f", "xlsx", "-o", "-"], out, err) == 2  # not on a terminal
    assert "-o" in err.getvalue()


# The CSV


def _csv_rows(workbook: Workbook, content: Content) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(actions_csv(workbook, content)), delimiter=";"))


def test_the_csv_guards_text_that_excel_would_run_as_a_formula(content: Content) -> None:
    actions = [Action(id=f"A{n}", titel=text, opmerking=text) for n, text in enumerate(RISKY_TEXTS, 1)]
    actions.append(Action(id="A99", titel="Gewone titel - met streepje", waar="Kantine", budget=12.5))
    rows = _csv_rows(Workbook(organisatie=Organisation(naam="X"), acties=actions), content)
    for row, text in zip(rows, RISKY_TEXTS, strict=False):
        assert row["Actie"] == row["Opmerking"] == "'" + text
    plain = rows[-1]
    assert plain["Actie"] == "Gewone titel - met streepje"  # only the first character counts
    assert (plain["Waar (plek)"], plain["Budget (euro)"]) == ("Kantine", "12,5")


def test_the_csv_has_the_columns_of_the_excel_list(example: Workbook, content: Content) -> None:
    text = actions_csv(example, content)
    header = text.splitlines()[0].split(";")
    assert header == [column.header for column in ACTION_COLUMNS]
    assert "Waar" not in header and "Waar (plek)" in header and "Opmerking" in header
    noted = example.model_copy(
        update={"acties": [example.acties[0].model_copy(update={"opmerking": "Gebeld met de arbodienst"})]}
    )
    row = _csv_rows(noted, content)[0]
    assert row["Opmerking"] == "Gebeld met de arbodienst"
    assert row["Waar (plek)"] == example.acties[0].waar
    assert (row["Start"], row["Afgerond op"]) == ("16-3-2026", "14-4-2026")
