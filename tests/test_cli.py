"""The ``werkboek`` command line: check exit codes and output, and what a plain call opens."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from conftest import EXAMPLE, ROOT

from cli.app import create_app
from cli.main import main


def test_check_valid_file_exits_zero(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(EXAMPLE)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == [f"{EXAMPLE}: in orde, 20 acties", "1 bestand gecontroleerd: alles in orde."]


def test_check_reports_each_problem_and_exits_one(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "kapot.toml"
    bad.write_text('schema = 1\n[organisatie]\nnaam = "X"\nmedewerkers = "veel"\n', encoding="utf-8")
    missing = tmp_path / "weg.toml"
    assert main(["check", str(EXAMPLE), str(bad), str(missing)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out == [
        f"{EXAMPLE}: in orde, 20 acties",
        f'{bad}:4:15: organisatie.medewerkers: verwacht een geheel getal (zoals 34), niet "veel"',
        f"{missing}: bestand niet gevonden; controleer de naam en de map",
        "3 bestanden gecontroleerd: 2 met fouten (2 in totaal).",
    ]


def test_check_without_files_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["check"])
    assert caught.value.code == 2
    assert "werkboek check" in capsys.readouterr().err


def test_plain_call_opens_the_example_in_saves(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    assert create_app([]).location == Path("saves") / "van-dijk-installatietechniek.toml"


def test_plain_call_outside_the_checkout_still_finds_the_example(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert create_app([]).location == ROOT / "saves" / "van-dijk-installatietechniek.toml"


def test_help_is_dutch() -> None:
    buffer = io.StringIO()
    with pytest.raises(SystemExit), pytest.MonkeyPatch.context() as patch:
        patch.setattr("sys.stdout", buffer)
        main(["--help"])
    text = buffer.getvalue()
    assert "een werkboek (.toml), of een map: dan volgt een overzicht van alle werkboeken" in " ".join(text.split())
    assert "werkboek export BESTAND --format html|docx|pdf|xlsx|md|csv" in " ".join(text.split())
    assert "werkboek import BESTAND ACTIES.xlsx" in " ".join(text.split())
