"""``werkboek due``: what is overdue or due soon, per client and owner, with the exit code cron needs."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXAMPLE, ROOT

from cli.main import main

# On 22 Nov 2026 the example has four open actions past their deadline (A15, A3, A14, A6) and four more
# due within 30 days (A16, A11, A9, A10).
TODAY = "2026-11-22"


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str]]:
    code = main(["due", "--vandaag", TODAY, *args])
    return code, capsys.readouterr().out.splitlines()


def test_one_workbook_grouped_by_owner_exits_one_when_something_is_overdue(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out = _run(capsys, str(EXAMPLE))
    assert code == 1
    assert out[0] == f"Van Dijk Installatietechniek B.V. ({EXAMPLE})"
    owners = [line.strip() for line in out if line.startswith("  ") and not line.startswith("    ")]
    assert owners == sorted(owners, key=str.lower)
    erik = out.index("  Erik Hoekstra (preventiemedewerker)")
    assert out[erik + 1].split()[:2] == ["⚠", "A3"] and "21 dagen te laat" in out[erik + 1]
    marks = [line.split()[1] for line in out if line.startswith("    ")]
    assert sorted(marks) == sorted(["A15", "A3", "A14", "A6", "A16", "A11", "A9", "A10"])
    assert out[-1] == "Samen: 4 acties te laat, 4 acties binnen 30 dagen, bij 1 klant."


def test_an_owner_and_a_shorter_window(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = _run(capsys, str(EXAMPLE), "--eigenaar", "linda", "--dagen", "20")
    assert code == 0, "Linda has nothing overdue"
    assert [line.split()[1] for line in out if line.startswith("    ")] == ["A16"]
    assert out[-1] == "Samen: 0 acties te laat, 1 actie binnen 20 dagen, bij 1 klant."


def test_nothing_due_exits_zero(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = _run(capsys, str(EXAMPLE), "--eigenaar", "niemand")
    assert code == 0
    assert out == ["Niets te laat en niets binnen 30 dagen."]


def test_a_folder_lists_each_client_and_names_an_unreadable_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copyfile(EXAMPLE, tmp_path / "van-dijk.toml")
    other = EXAMPLE.read_text(encoding="utf-8").replace("Van Dijk Installatietechniek B.V.", "Bakkerij De Korf")
    (tmp_path / "korf.toml").write_text(other, encoding="utf-8")
    (tmp_path / "kapot.toml").write_text('schema = 1\n[organisatie]\nnaam = "X"\nmedewerkers = "veel"\n', "utf-8")
    code = main(["due", str(tmp_path), "--vandaag", TODAY, "--dagen", "0"])
    captured = capsys.readouterr()
    assert code == 1
    clients = [line for line in captured.out.splitlines() if line and not line.startswith(" ")]
    assert clients[:2] == [
        f"Bakkerij De Korf ({tmp_path / 'korf.toml'})",
        f"Van Dijk Installatietechniek B.V. ({tmp_path / 'van-dijk.toml'})",
    ]
    assert clients[-1] == "Samen: 8 acties te laat, bij 2 klanten."
    assert f"{tmp_path / 'kapot.toml'}: niet te lezen" in captured.err


def test_only_an_unreadable_file_exits_two(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "kapot.toml"
    broken.write_text("dit is geen toml [", encoding="utf-8")
    assert main(["due", str(broken)]) == 2
    assert "niet te lezen" in capsys.readouterr().err


def test_due_runs_without_textual(tmp_path: Path) -> None:
    code = (
        "import sys; from cli.main import main; "
        f"code = main(['due', {str(EXAMPLE)!r}, '--vandaag', {TODAY!r}]); "
        "print(code, any(name.startswith('textual') for name in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.splitlines()[-1] == "1 False"
