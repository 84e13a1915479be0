"""The employer's Excel comes back: ``werkboek import`` and :func:`models.xlsx_import.actions_from_sheet`
read status, owner, dates and remark per Id, show the change as ``werkboek diff`` does, and save only
when asked; a wrong cell is named as Excel names it and nothing is applied (issue 14)."""

from __future__ import annotations

import datetime as dt
import io
import os
import subprocess
import sys
import time
from pathlib import Path

import openpyxl
import pytest
from conftest import ROOT, TODAY
from openpyxl.worksheet.worksheet import Worksheet

from cli.import_xlsx import import_command
from models.action_columns import ACTION_COLUMNS, column_index, column_letter
from models.content import Content
from models.report_formats import ReportRequest
from models.report_xlsx import make
from models.store import load_workbook
from models.workbook import Action, Organisation, Workbook
from models.xlsx_import import SheetRefusedError, actions_from_sheet

STATUS = column_letter(column_index("status"))
DEADLINE = column_letter(column_index("deadline"))
DONE = column_letter(column_index("afgerond_op"))


class Terminal(io.StringIO):
    """Typed answers on a terminal: stdin that says it is one."""

    def isatty(self) -> bool:
        return True


def exported(workbook_file: Path, content: Content) -> Path:
    """The workbook's action list as the export writes it, beside the workbook."""
    target = workbook_file.with_name("acties.xlsx")
    target.write_bytes(make(ReportRequest(load_workbook(workbook_file, content).workbook, content, TODAY)))
    return target


def edited(path: Path, **cells: object) -> Path:
    """``path`` with these cells (``C4="klaar"``) changed, as the employer would in Excel; saved beside it."""
    book = openpyxl.load_workbook(path)
    sheet = book["Acties"]
    for where, value in cells.items():
        sheet[where] = value
    target = path.with_name("acties-terug.xlsx")
    book.save(target)
    return target


def row_of(path: Path, action_id: str) -> int:
    sheet = openpyxl.load_workbook(path)["Acties"]
    return next(row for row in range(2, sheet.max_row + 1) if sheet.cell(row, 1).value == action_id)


def run(*args: str | Path, stdin: io.StringIO | None = None) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = import_command([str(arg) for arg in args], out, err, stdin or io.StringIO(), today=TODAY)
    return code, out.getvalue(), err.getvalue()


def changed_lines(before: str, after: str) -> list[tuple[str, str]]:
    old, new = before.splitlines(), after.splitlines()
    assert len(old) == len(new)
    return [(a, b) for a, b in zip(old, new, strict=True) if a != b]


def test_one_status_changed_in_excel_changes_only_that_field(workbook_file: Path, content: Content) -> None:
    before_text = workbook_file.read_text(encoding="utf-8")
    before = load_workbook(workbook_file, content).workbook
    sheet = edited(exported(workbook_file, content), **{f"{STATUS}4": "gepland"})  # row 4 is A3
    code, out, err = run(workbook_file, sheet, "--ja")
    assert (code, err) == (0, "")
    assert out == (
        "Acties\n"
        "  A3 RI&E aanvullen met werkdruk en storingsdienst: status bezig → gepland\n"
        "1 wijziging.\n"
        f"Toegepast in {workbook_file}.\n"
    )
    after = load_workbook(workbook_file, content).workbook
    a3 = before.action("A3")
    assert a3 is not None
    expected = before.model_copy(
        update={"acties": [a3.model_copy(update={"status": "gepland"}) if a.id == "A3" else a for a in before.acties]}
    )
    assert after == expected  # everything else equal
    assert changed_lines(before_text, workbook_file.read_text(encoding="utf-8")) == [
        ('status = "bezig"', 'status = "gepland"')
    ]


def test_klaar_in_excel_records_the_day_as_the_app_does(workbook_file: Path, content: Content) -> None:
    """Klaar without a date gets the day it was read back; a date the employer typed is kept."""
    sheet = exported(workbook_file, content)
    code, out, _ = run(workbook_file, edited(sheet, **{f"{STATUS}4": "klaar"}), "--ja")
    assert code == 0 and "status bezig → klaar" in out
    a3 = load_workbook(workbook_file, content).workbook.action("A3")
    assert a3 is not None and (a3.status, a3.afgerond_op) == ("klaar", TODAY)
    row = row_of(sheet, "A9")
    typed = edited(exported(workbook_file, content), **{f"{STATUS}{row}": "klaar", f"{DONE}{row}": "20-11-2026"})
    assert run(workbook_file, typed, "--ja")[0] == 0
    a9 = load_workbook(workbook_file, content).workbook.action("A9")
    assert a9 is not None and a9.afgerond_op == dt.date(2026, 11, 20)


def test_a_deadline_typed_as_a_date_or_as_text(workbook_file: Path, content: Content) -> None:
    sheet = exported(workbook_file, content)
    row = row_of(sheet, "A4")
    before_text = workbook_file.read_text(encoding="utf-8")
    for value in (dt.datetime(2027, 2, 1), "1-2-2027", "2027-02-01", " 01/02/2027 "):
        workbook = load_workbook(workbook_file, content).workbook
        new = actions_from_sheet(workbook, edited(sheet, **{f"{DEADLINE}{row}": value}))
        a4 = new.action("A4")
        assert a4 is not None and a4.deadline == dt.date(2027, 2, 1), value
    assert run(workbook_file, edited(sheet, **{f"{DEADLINE}{row}": "1-2-2027"}), "--ja")[0] == 0
    assert changed_lines(before_text, workbook_file.read_text(encoding="utf-8")) == [
        ("deadline = 2027-03-31", "deadline = 2027-02-01")
    ]


def test_owner_remark_and_dates_read_back_and_empty_cells_clear(workbook_file: Path, content: Content) -> None:
    sheet = exported(workbook_file, content)
    row = row_of(sheet, "A6")
    letter = {name: column_letter(column_index(name)) for name in ("eigenaar", "opmerking", "afgerond_op", "start")}
    back = edited(
        sheet,
        **{
            f"{letter['eigenaar']}{row}": None,
            f"{letter['opmerking']}{row}": "Lukt pas na de zomer.\nEerst de planning rond.",
            f"{letter['afgerond_op']}{row}": "15-1-2027",
        },
    )
    workbook = load_workbook(workbook_file, content).workbook
    new = actions_from_sheet(workbook, back)
    old_a6, a6 = workbook.action("A6"), new.action("A6")
    assert old_a6 is not None and a6 is not None and old_a6.eigenaar
    assert a6.eigenaar is None
    assert a6.opmerking == "Lukt pas na de zomer.\nEerst de planning rond."
    assert a6.afgerond_op == dt.date(2027, 1, 15)
    assert [a for a in new.acties if a.id != "A6"] == [a for a in workbook.acties if a.id != "A6"]
    assert actions_from_sheet(workbook, back.read_bytes()) == new  # bytes (an upload) read the same way


def test_columns_in_another_order_under_a_title_row(workbook_file: Path, content: Content) -> None:
    """The employer moved columns and put a title above the header: the headers still find the fields."""
    workbook = load_workbook(workbook_file, content).workbook
    book = openpyxl.Workbook()
    sheet = book.active
    assert isinstance(sheet, Worksheet)
    sheet.title = "Acties"
    sheet.append(["Acties Van Dijk, bijgewerkt door Marco"])
    sheet.append([])
    sheet.append(["Opmerking", "Status", "Titel", "Id"])  # no owner or date columns: those stay as they are
    sheet.append([None, "bezig", "iets anders", "A1"])
    sheet.append(["Graag in januari", "Gepland ", None, "A7"])
    target = workbook_file.with_name("eigen.xlsx")
    book.save(target)
    new = actions_from_sheet(workbook, target)
    a1, a7 = new.action("A1"), new.action("A7")
    assert a1 is not None and a1.status == "bezig" and a1.titel == workbook.acties[0].titel
    assert a7 is not None and (a7.status, a7.opmerking) == ("gepland", "Graag in januari")
    old_a7 = workbook.action("A7")
    assert old_a7 is not None and a7.eigenaar == old_a7.eigenaar and a7.deadline == old_a7.deadline


def test_a_wrong_status_is_refused_naming_the_cell_and_nothing_is_saved(workbook_file: Path, content: Content) -> None:
    sheet = exported(workbook_file, content)
    before = workbook_file.read_bytes()
    code, out, err = run(workbook_file, edited(sheet, **{f"{STATUS}7": "kaar"}), "--ja")
    assert (code, out) == (2, "")
    assert err == (
        f"Acties!{STATUS}7: 'kaar' is geen status; kies uit idee, gepland, bezig, klaar of gestopt\n"
        f"Niets ingelezen; {workbook_file} is niet veranderd.\n"
    )
    assert STATUS == "C"  # as Excel names it: Acties!C7
    assert workbook_file.read_bytes() == before


def test_every_problem_is_reported_and_nothing_applied(workbook_file: Path, content: Content) -> None:
    sheet = exported(workbook_file, content)
    start = column_letter(column_index("start"))
    back = edited(
        sheet,
        **{
            f"{STATUS}3": "klaar",  # a good change: not applied either, with the problems below
            f"{STATUS}4": None,
            f"{DEADLINE}5": "31-2-2027",
            f"{start}6": "volgende week",
            "A8": "A99",
            "A9": "A3",
            "A10": None,
            f"{DEADLINE}11": dt.datetime(2020, 1, 1),
            f"{STATUS}12": "=A1",
        },
    )
    before = workbook_file.read_bytes()
    code, _, err = run(workbook_file, back, "--ja")
    assert code == 2
    assert err.splitlines() == [
        f"Acties!{STATUS}4: de status is leeg; kies uit idee, gepland, bezig, klaar of gestopt",
        f"Acties!{DEADLINE}5: 31-2-2027 bestaat niet: februari 2027 heeft 28 dagen",
        f"Acties!{start}6: 'volgende week' is geen datum; schrijf dag-maand-jaar, zoals 1-12-2026",
        "Acties!A8: actie 'A99' staat niet in het werkboek; controleer het Id "
        "(een nieuwe actie voeg je toe in het werkboek)",
        "Acties!A9: actie 'A3' staat twee keer in de lijst (ook in Acties!A4); laat één rij per actie staan",
        "Acties!A10: het Id is leeg; een rij wordt bij zijn actie ingelezen via het Id. Zet het Id terug, "
        "of haal de rij weg (een nieuwe actie voeg je toe in het werkboek)",
        f"Acties!{DEADLINE}11: deadline 1-1-2020 ligt vóór start 24-11-2026; de deadline moet op of na de "
        "startdatum liggen",
        f"Acties!{STATUS}12: '=A1' is een formule; typ de waarde zelf (of plak hem als waarde)",
        f"Niets ingelezen; {workbook_file} is niet veranderd.",
    ]
    assert workbook_file.read_bytes() == before


def test_an_unknown_id_is_refused(workbook_file: Path, content: Content) -> None:
    workbook = load_workbook(workbook_file, content).workbook
    with pytest.raises(SheetRefusedError) as refused:
        actions_from_sheet(workbook, edited(exported(workbook_file, content), A2="A404"))
    assert refused.value.messages == [
        "Acties!A2: actie 'A404' staat niet in het werkboek; controleer het Id "
        "(een nieuwe actie voeg je toe in het werkboek)"
    ]


def test_files_that_are_no_action_list(workbook_file: Path, content: Content, tmp_path: Path) -> None:
    workbook = load_workbook(workbook_file, content).workbook
    csv_file = tmp_path / "acties.xlsx"
    csv_file.write_text("Id;Status\nA1;klaar\n", encoding="utf-8")  # a CSV under an xlsx name
    other = openpyxl.Workbook()
    sheet = other.active
    assert isinstance(sheet, Worksheet)
    sheet.title = "Blad1"
    other.save(tmp_path / "blad1.xlsx")
    no_id = openpyxl.Workbook()
    sheet = no_id.active
    assert isinstance(sheet, Worksheet)
    sheet.title = "Acties"
    sheet.append(["Nummer", "Status"])
    sheet.append(["A1", "klaar"])
    no_id.save(tmp_path / "geen-id.xlsx")
    cases = {
        csv_file: f"{csv_file}: geen Excel-werkmap (xlsx); sla het bestand in Excel op als 'Excel-werkmap (*.xlsx)'",
        tmp_path / "blad1.xlsx": f"{tmp_path / 'blad1.xlsx'}: geen tabblad 'Acties' (wel: 'Blad1'); lees een "
        "bestand in van werkboek export",
        tmp_path / "geen-id.xlsx": "Acties: geen kolom 'Id' in de eerste 20 rijen; de kopregel van werkboek export "
        "(Id, Actie, Status, …) hoort erin te staan, met de actienummers onder Id",
        tmp_path / "weg.xlsx": f"{tmp_path / 'weg.xlsx'} kon niet worden gelezen: de map of het bestand bestaat "
        "niet (meer) (foutcode ENOENT)",
    }
    for path, message in cases.items():
        with pytest.raises(SheetRefusedError) as refused:
            actions_from_sheet(workbook, path)
        assert refused.value.messages == [message]


def test_a_sheet_as_exported_changes_nothing_and_leaves_the_file_alone(workbook_file: Path, content: Content) -> None:
    sheet = exported(workbook_file, content)
    workbook = load_workbook(workbook_file, content).workbook
    assert actions_from_sheet(workbook, sheet) is workbook
    os.utime(workbook_file, (1_000_000_000, 1_000_000_000))
    before = workbook_file.read_bytes()
    code, out, err = run(workbook_file, edited(sheet), "--ja")  # opened and saved again, nothing changed
    back = sheet.with_name("acties-terug.xlsx")
    assert (code, out, err) == (0, f"Geen wijzigingen: {back} komt overeen met {workbook_file}.\n", "")
    assert workbook_file.read_bytes() == before and workbook_file.stat().st_mtime == 1_000_000_000


def test_answering_no_applies_nothing_and_yes_applies(workbook_file: Path, content: Content) -> None:
    back = edited(exported(workbook_file, content), **{f"{STATUS}4": "klaar"})
    before = workbook_file.read_bytes()
    for answer in ("n\n", "\n", "", "nee\n"):
        code, out, _ = run(workbook_file, back, stdin=Terminal(answer))
        assert code == 1, answer
        assert "status bezig → klaar" in out and "Toepassen? [j/N] " in out
        assert out.endswith(f"Niets toegepast; {workbook_file} is niet veranderd.\n")
        assert workbook_file.read_bytes() == before
    code, out, _ = run(workbook_file, back, stdin=Terminal("j\n"))
    assert code == 0 and out.endswith(f"Toepassen? [j/N] Toegepast in {workbook_file}.\n")
    a3 = load_workbook(workbook_file, content).workbook.action("A3")
    assert a3 is not None and a3.status == "klaar"


def test_without_a_terminal_it_needs_ja(workbook_file: Path, content: Content) -> None:
    back = edited(exported(workbook_file, content), **{f"{STATUS}4": "klaar"})
    before = workbook_file.read_bytes()
    code, out, _ = run(workbook_file, back)  # stdin is no terminal (a script, a pipe)
    assert code == 1 and "Toepassen?" not in out
    assert out.endswith("Niets toegepast. Geef --ja om deze wijzigingen toe te passen.\n")
    assert workbook_file.read_bytes() == before


@pytest.mark.serial
def test_the_question_on_a_real_terminal(workbook_file: Path, content: Content, tmp_path: Path) -> None:
    """``werkboek import`` in its own process with a pseudo-terminal as stdin, answered n."""
    back = edited(exported(workbook_file, content), **{f"{STATUS}4": "klaar"})
    before = workbook_file.read_bytes()
    leader, follower = os.openpty()
    environment = {**os.environ, "WERKBOEK_CONFIG": str(tmp_path / "geen.toml")}
    command = [sys.executable, "-m", "cli.main", "import", str(workbook_file), str(back)]
    with subprocess.Popen(
        command, cwd=ROOT, env=environment, stdin=follower, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    ) as process:
        os.close(follower)
        try:
            os.write(leader, b"n\n")
            out, err = process.communicate(timeout=60)
        finally:
            os.close(leader)
    assert process.returncode == 1, err
    assert b"Toepassen? [j/N] " in out and out.endswith(b"is niet veranderd.\n")
    assert workbook_file.read_bytes() == before


def test_a_newer_schema_is_refused_like_the_app_does(workbook_file: Path, content: Content) -> None:
    back = edited(exported(workbook_file, content), **{f"{STATUS}4": "klaar"})
    newer = workbook_file.read_text(encoding="utf-8").replace("schema = 1", "schema = 99", 1)
    workbook_file.write_text(newer, encoding="utf-8")
    before = workbook_file.read_bytes()
    code, out, err = run(workbook_file, back, "--ja")
    assert code == 2 and out == ""
    assert err.startswith(f"{workbook_file}: niet bij te werken: dit bestand heeft schema 99")
    assert workbook_file.read_bytes() == before


def test_hand_written_comments_stay(workbook_file: Path, content: Content) -> None:
    back = edited(exported(workbook_file, content), **{f"{STATUS}4": "gepland"})
    text = workbook_file.read_text(encoding="utf-8")
    commented = text.replace('[[acties]]\nid = "A3"', '# Afgesproken met Marco op 20 november\n[[acties]]\nid = "A3"')
    assert commented != text
    workbook_file.write_text(commented, encoding="utf-8")
    assert run(workbook_file, back, "--ja")[0] == 0
    after = workbook_file.read_text(encoding="utf-8")
    assert '# Afgesproken met Marco op 20 november\n[[acties]]\nid = "A3"' in after
    assert changed_lines(commented, after) == [('status = "bezig"', 'status = "gepland"')]


def test_a_change_on_disk_while_asking_is_not_overwritten(workbook_file: Path, content: Content) -> None:
    """The question waits for a person; the workbook changed meanwhile (the app saved): nothing is written."""
    back = edited(exported(workbook_file, content), **{f"{STATUS}4": "klaar"})

    class ChangesWhileAsking(Terminal):
        def readline(self, size: int | None = -1) -> str:
            text = workbook_file.read_text(encoding="utf-8").replace("Van Dijk Installatietechniek", "Van Dijk", 1)
            workbook_file.write_text(text, encoding="utf-8")
            time.sleep(0.01)
            return "j\n"

    code, _, err = run(workbook_file, back, stdin=ChangesWhileAsking())
    assert code == 2 and "is intussen door iets anders gewijzigd" in err
    assert "Van Dijk Installatietechniek" not in workbook_file.read_text(encoding="utf-8")
    a3 = load_workbook(workbook_file, content).workbook.action("A3")
    assert a3 is not None and a3.status == "bezig"


def test_the_workbook_file_must_be_a_workbook(tmp_path: Path, workbook_file: Path, content: Content) -> None:
    broken = tmp_path / "kapot.toml"
    broken.write_text("[organisatie\n", encoding="utf-8")
    code, _, err = run(broken, exported(workbook_file, content))
    assert code == 2 and err.startswith(f"{broken}:1:")


def test_help_text(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        import_command(["--help"], io.StringIO(), io.StringIO(), io.StringIO())
    text = capsys.readouterr().out
    assert text.startswith("gebruik: werkboek import")
    assert "exitcodes:\n  0  toegepast" in text and "\n  1  wijzigingen gevonden" in text and "\n  2  fout" in text


def test_only_the_employers_columns_are_read_back(workbook_file: Path, content: Content) -> None:
    sheet = exported(workbook_file, content)
    workbook = load_workbook(workbook_file, content).workbook
    others = {
        f"{column_letter(index)}4": "veranderd in Excel"
        for index, column in enumerate(ACTION_COLUMNS)
        if not column.returns and column.field != "id"
    }
    assert actions_from_sheet(workbook, edited(sheet, **others)) is workbook


def test_odd_texts_come_back_as_they_went(content: Content) -> None:
    """Texts Excel stores escaped (control characters, a literal _x0041_) or could take for a formula."""
    texts = ("=1+1", "_x0041_ letterlijk", "bel\x07 en\ttab", "regel\r\nregel", "-5", "@iemand")
    actions = [Action(id=f"A{n}", titel="Actie", eigenaar=text, opmerking=text) for n, text in enumerate(texts, 1)]
    workbook = Workbook(organisatie=Organisation(naam="X"), acties=actions)
    assert actions_from_sheet(workbook, make(ReportRequest(workbook, content, TODAY))) is workbook


def test_a_literal_escape_code_in_a_text_survives_the_round_trip(workbook_file: Path, content: Content) -> None:
    """Excel writes a control character as ``_x0007_``; a remark that says ``_x0007_`` stays that text."""
    workbook = load_workbook(workbook_file, content).workbook
    a3 = workbook.action("A3")
    assert a3 is not None
    odd = workbook.model_copy(
        update={
            "acties": [
                a3.model_copy(update={"opmerking": "code _x0007_ en _x0041_ einde"}) if a.id == "A3" else a
                for a in workbook.acties
            ]
        }
    )
    assert actions_from_sheet(odd, make(ReportRequest(odd, content, TODAY))) is odd


def test_a_date_cell_that_lost_its_format_is_read_as_the_day_it_shows(workbook_file: Path, content: Content) -> None:
    sheet = exported(workbook_file, content)
    row = row_of(sheet, "A4")
    book = openpyxl.load_workbook(sheet)
    book["Acties"][f"{DEADLINE}{row}"] = 46419  # Excel's day number of 1-2-2027
    book["Acties"][f"{DEADLINE}{row}"].number_format = "General"  # the date format taken off
    book.save(sheet)
    workbook = load_workbook(workbook_file, content).workbook
    assert actions_from_sheet(workbook, sheet).action("A4").deadline == dt.date(2027, 2, 1)  # type: ignore[union-attr]
    with pytest.raises(SheetRefusedError) as refused:
        actions_from_sheet(workbook, edited(sheet, **{f"{DEADLINE}{row}": -5}))
    assert refused.value.messages == [f"Acties!{DEADLINE}{row}: '-5' is geen datum; typ een datum zoals 1-12-2026"]


def test_ctrl_c_at_the_question_applies_nothing(workbook_file: Path, content: Content) -> None:
    back = edited(exported(workbook_file, content), **{f"{STATUS}4": "gepland"})
    before = workbook_file.read_bytes()

    class Interrupted(Terminal):
        def readline(self, size: int | None = -1) -> str:
            raise KeyboardInterrupt

    code, out, _ = run(workbook_file, back, stdin=Interrupted())
    assert code == 1 and "Niets toegepast" in out
    assert workbook_file.read_bytes() == before
