"""The portfolio in models/: one row per workbook, safe new files, the next cycle; ``werkboek new``."""

from __future__ import annotations

import datetime as dt
import io
import shutil
from pathlib import Path

import pytest
from conftest import EXAMPLE, TODAY

from cli.new import new_command
from models.content import Content
from models.portfolio import (
    BrokenWorkbook,
    WorkbookSummary,
    create_workbook_file,
    file_name_for,
    new_workbook,
    portfolio,
)
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
