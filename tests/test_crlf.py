"""Smaller parts of issue 11, defect 10: a CRLF file, a newer schema in ``check``, Dutch texts."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import EXAMPLE, ROOT

from models.content import Content
from models.store import load_workbook, save_workbook


def werkboek(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cli.main", *args], cwd=ROOT, check=False, capture_output=True, text=True, timeout=60
    )


def crlf_copy(folder: Path) -> Path:
    path = folder / "windows.toml"
    path.write_bytes(EXAMPLE.read_bytes().replace(b"\n", b"\r\n"))
    return path


def test_a_crlf_file_gives_no_false_changes_in_diff(tmp_path: Path) -> None:
    result = werkboek("diff", str(EXAMPLE), str(crlf_copy(tmp_path)))
    assert (result.returncode, result.stdout) == (0, "Geen inhoudelijke verschillen.\n")


def test_a_crlf_file_keeps_its_line_endings_on_save(tmp_path: Path, content: Content) -> None:
    path = crlf_copy(tmp_path)
    loaded = load_workbook(path, content)
    organisation = loaded.workbook.organisatie.model_copy(update={"sector": "Bouw"})
    save_workbook(loaded, loaded.workbook.model_copy(update={"organisatie": organisation}), content=content)
    data = path.read_bytes()
    assert data.count(b"\n") == data.count(b"\r\n") and b"\r\r" not in data
    assert 'sector = "Bouw"\r\n' in data.decode("utf-8")
    assert load_workbook(path, content).workbook.acties == loaded.workbook.acties  # long texts without "\r"
    (tmp_path / "voor").mkdir()
    result = werkboek("diff", str(crlf_copy(tmp_path / "voor")), str(path))
    assert result.stdout == "Profiel\n  sector gewijzigd\n1 wijziging.\n"
    plain = tmp_path / "plain.toml"
    plain.write_bytes(EXAMPLE.read_bytes())
    loaded = load_workbook(plain, content)
    save_workbook(loaded, loaded.workbook.model_copy(update={"organisatie": organisation}), content=content)
    assert b"\r" not in plain.read_bytes()


def test_check_on_a_newer_schema_exits_three(tmp_path: Path) -> None:
    newer = tmp_path / "nieuw.toml"
    newer.write_text(EXAMPLE.read_text(encoding="utf-8").replace("schema = 1", "schema = 2", 1), encoding="utf-8")
    result = werkboek("check", str(newer))
    assert result.returncode == 3
    assert "nieuwer schema" in result.stdout and "werk het programma bij" in result.stdout
    assert werkboek("check", str(newer), str(tmp_path / "weg.toml")).returncode == 1  # errors come first
    assert werkboek("check", str(EXAMPLE)).returncode == 0
    assert "3 als er geen fouten zijn" in " ".join(werkboek("check", "--help").stdout.split())


def test_dates_get_a_dutch_message_naming_the_field(tmp_path: Path) -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    month = tmp_path / "maand13.toml"
    month.write_text(text.replace("datum = 2026-03-10", "datum = 2026-13-01", 1), encoding="utf-8")
    with_time = tmp_path / "tijd.toml"
    with_time.write_text(text.replace("datum = 2026-03-10", "datum = 2026-03-10T10:00:00", 1), encoding="utf-8")
    result = werkboek("check", str(month), str(with_time))
    assert "ongeldige datum: die dag bestaat niet of staat in de verkeerde vorm (datum = 2026-13-01)" in result.stdout
    assert "met een maand van 01 tot 12" in result.stdout
    assert "onverwacht teken" not in result.stdout
    assert "niveaus[1].datum: verwacht een datum zonder tijd, zoals 2026-12-01, niet 2026-03-10T10:00:00" in (
        result.stdout
    )
    assert "datetime" not in result.stdout


def test_a_report_that_cannot_be_written_says_why_in_dutch(tmp_path: Path) -> None:
    workbook = tmp_path / "klant.toml"
    workbook.write_bytes(EXAMPLE.read_bytes())
    result = werkboek("export", str(workbook), "-o", str(tmp_path / "geen-map" / "rapport.html"))
    assert result.returncode == 2
    assert "kon niet worden opgeslagen" in result.stderr and "Errno" not in result.stderr
