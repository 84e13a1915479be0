"""The portfolio in models/: one row per workbook, safe new files, the next cycle; ``werkboek new``."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
from pathlib import Path

import pytest
from conftest import EXAMPLE, TODAY

from cli.new import new_command
from models.content import Content
from models.portfolio import (
    BrokenWorkbook,
    FolderReading,
    PortfolioRow,
    WorkbookSummary,
    create_workbook_file,
    file_name_for,
    new_workbook,
    portfolio,
    read_row,
    summarize,
)
from models.problems import WorkbookError
from models.store import load_workbook
from tui.locations import default_workbook


@pytest.mark.parametrize(
    ("client", "file_name"),
    [
        ("Bakkerij De Vries B.V.", "bakkerij-de-vries-b-v.toml"),
        ("Café 't Hoekje", "cafe-t-hoekje.toml"),
        ("  Zorg & Welzijn Noord  ", "zorg-welzijn-noord.toml"),
    ],
)
def test_file_names_are_made_from_the_client_name(client: str, file_name: str) -> None:
    assert file_name_for(client) == file_name


@pytest.mark.parametrize("client", ["../x", "a/b", "..\\x", "..", "   ", "!!!"])
def test_names_that_look_like_paths_or_have_no_letters_are_refused(client: str) -> None:
    with pytest.raises(ValueError):
        file_name_for(client)


def test_a_new_file_never_overwrites(tmp_path: Path, content: Content) -> None:
    path = create_workbook_file(tmp_path, new_workbook("Bakkerij De Vries"), content)
    assert path.read_text() == 'schema = 1\n\n[organisatie]\nnaam = "Bakkerij De Vries"\n'
    path.write_text(path.read_text() + "medewerkers = 4\n")
    with pytest.raises(FileExistsError, match="bestaat al"):
        create_workbook_file(tmp_path, new_workbook("Bakkerij de vries"), content)
    assert path.read_text().endswith("medewerkers = 4\n")


def test_werkboek_new_refuses_path_tricks_and_existing_files(tmp_path: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    assert new_command(["../x"], out, err, default_folder=tmp_path) == 2
    assert "mag geen '/'" in err.getvalue() and list(tmp_path.iterdir()) == []
    assert list(tmp_path.parent.glob("x.toml")) == []
    assert new_command(["Garage Jansen"], out, err, default_folder=tmp_path) == 0
    assert (
        out.getvalue()
        == f"Gemaakt: {tmp_path / 'garage-jansen.toml'}\nOpenen: werkboek {tmp_path / 'garage-jansen.toml'}\n"
    )
    assert new_command(["Garage Jansen", "--map", str(tmp_path)], out, err, default_folder=tmp_path) == 2
    assert "garage-jansen.toml bestaat al" in err.getvalue()


def test_portfolio_rows_sum_up_each_client(tmp_path: Path, content: Content) -> None:
    shutil.copyfile(EXAMPLE, tmp_path / "van-dijk.toml")
    (tmp_path / "kapot.toml").write_text("schema = \n", encoding="utf-8")
    (tmp_path / "van-dijk.conflict.toml").write_text("x", encoding="utf-8")  # conflict copies are not clients
    rows = portfolio(tmp_path, content, TODAY)
    assert [type(row) for row in rows] == [WorkbookSummary, BrokenWorkbook]
    summary = rows[0]
    assert isinstance(summary, WorkbookSummary)
    assert (summary.client, summary.staff, summary.size) == ("Van Dijk Installatietechniek B.V.", 34, "klein")
    assert (summary.latest_round, round(summary.average_score or 0, 1)) == (dt.date(2026, 10, 6), 2.4)
    assert (summary.open_actions, summary.overdue_actions) == (14, 4)
    broken = rows[1]
    assert isinstance(broken, BrokenWorkbook) and broken.problem.line == 1


def test_without_a_path_the_only_workbook_in_saves_opens(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    saves = tmp_path / "saves"
    saves.mkdir()
    monkeypatch.chdir(tmp_path)
    shutil.copyfile(EXAMPLE, saves / "een.toml")
    assert default_workbook() == Path("saves") / "een.toml"
    shutil.copyfile(EXAMPLE, saves / "twee.toml")
    assert default_workbook() == Path("saves")


# -- one read per file, the same rows as opening each file ------------------------------------------


def full_row(path: Path, content: Content, today: dt.date) -> PortfolioRow:
    """The row as the portfolio made it before it read each file once: the file opened as the app opens it
    (:func:`load_workbook`: digest, comments, unknown keys and all), then summed up."""
    changed = dt.datetime.fromtimestamp(path.stat().st_mtime)
    try:
        loaded = load_workbook(path, content)
    except WorkbookError as error:
        return BrokenWorkbook(path, error.problems[0], changed)
    return summarize(loaded.workbook, path, changed, today)


def varied_files(folder: Path) -> list[Path]:
    """Workbooks that open (plain, CRLF, comments and unknown keys, a newer schema, a bare one, every
    action done) and files that do not (each kind of problem: type, syntax, empty, bytes, git markers,
    a reference, a value nested too deep, the broken fixture)."""
    text = EXAMPLE.read_text(encoding="utf-8")
    first_phase = text.index('fase = "')
    files = {
        "voorbeeld.toml": text,
        "crlf.toml": text.replace("\n", "\r\n"),
        "opmerkingen.toml": "# klant sinds 2024\n" + text.replace("[organisatie]\n", "[organisatie]\nkleur = 1\n"),
        "nieuwer.toml": text.replace("schema = 1", "schema = 99"),
        "kaal.toml": 'schema = 1\n[organisatie]\nnaam = "Kaal"\n',
        "klaar.toml": re.sub(r'status = "(idee|gepland|bezig)"', 'status = "klaar"', text),
        "type.toml": 'schema = 1\n[organisatie]\nnaam = "X"\nmedewerkers = "veel"\n',
        "syntax.toml": text.replace("medewerkers = 34", "medewerkers = = 34"),
        "leeg.toml": "",
        "bytes.toml": "",
        "git.toml": text.replace("schema = 1\n", "schema = 1\n<<<<<<< HEAD\n=======\n>>>>>>> ander\n"),
        "fase.toml": text[:first_phase] + 'fase = "onzin"' + text[text.index("\n", first_phase) :],
        "diep.toml": text.replace("[organisatie]\n", "[organisatie]\ndiep = " + "[" * 40 + "]" * 40 + "\n"),
    }
    for name, written in files.items():
        (folder / name).write_text(written, encoding="utf-8", newline="")
    (folder / "bytes.toml").write_bytes(b'schema = 1\n[organisatie]\nnaam = "\xff\xfe"\n')
    shutil.copyfile(Path(__file__).parent / "fixtures" / "kapot-werkboek.toml", folder / "kapot.toml")
    return sorted(folder.glob("*.toml"))


def test_each_file_read_once_gives_the_rows_of_opening_it(tmp_path: Path, content: Content) -> None:
    """read_row leaves out what only an open workbook needs; every row (the figures, and for a broken
    file its first Dutch problem) is the row of the file opened in full."""
    paths = varied_files(tmp_path)
    rows = {path.name: read_row(path, content, TODAY) for path in paths}
    for path in paths:
        assert rows[path.name] == full_row(path, content, TODAY), path.name
    opened = {name for name, row in rows.items() if isinstance(row, WorkbookSummary)}
    assert opened == {"voorbeeld.toml", "crlf.toml", "opmerkingen.toml", "nieuwer.toml", "kaal.toml", "klaar.toml"}
    klaar = rows["klaar.toml"]
    assert isinstance(klaar, WorkbookSummary) and (klaar.open_actions, klaar.overdue_actions) == (0, 0)
    broken = rows["type.toml"]
    assert isinstance(broken, BrokenWorkbook) and "organisatie.medewerkers" in str(broken.problem)
    assert read_row(tmp_path / "weg.toml", content, TODAY) is None  # removed while we looked


def test_a_folder_read_again_keeps_its_rows_until_each_file_is_read(tmp_path: Path, content: Content) -> None:
    for name in ("a.toml", "b.toml", "c.toml"):
        shutil.copyfile(EXAMPLE, tmp_path / name)
    before = portfolio(tmp_path, content, TODAY)
    (tmp_path / "c.toml").unlink()
    reading = FolderReading(previous={row.path: row for row in before})
    assert reading.rows() == before  # nothing listed yet: the table stays as it was
    reading.listed = sorted(tmp_path.glob("*.toml"))
    assert [row.path.name for row in reading.rows()] == ["a.toml", "b.toml"]  # c.toml is gone
    fresh = read_row(tmp_path / "b.toml", content, TODAY)
    assert fresh is not None
    reading.add([fresh], read=1)
    assert reading.rows()[1] is fresh and reading.read == 1
    reading.done = True
    assert reading.rows() == [fresh]
