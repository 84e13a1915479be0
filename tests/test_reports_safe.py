"""Reports never write over an existing file unasked, and never over a workbook (issue 11, defect 1).

The command line is run as a real subprocess (``python -m cli.main export``); the app's dialog
through the pilot.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import ROOT, TODAY

from screens.confirm import ConfirmScreen
from screens.dashboard import DashboardScreen
from screens.export import ExportScreen
from tui.app import WerkboekApp


def export(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cli.main", "export", *args],
        cwd=ROOT,
        check=False,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_an_existing_file_is_refused_unless_overwrite_is_given(workbook_file: Path) -> None:
    target = workbook_file.with_name("rapport.html")
    target.write_text("mijn eigen aantekeningen", encoding="utf-8")
    refused = export(str(workbook_file), "-o", str(target))
    assert refused.returncode == 2
    assert refused.stderr == (
        f"{target} bestaat al en wordt niet overschreven. "
        "Geef --overschrijven om het te vervangen, of kies een andere naam met -o.\n"
    )
    assert target.read_text(encoding="utf-8") == "mijn eigen aantekeningen"
    written = export(str(workbook_file), "-o", str(target), "--overschrijven")
    assert written.returncode == 0, written.stderr
    assert written.stdout == f"Geschreven: {target} (20 acties)\n"
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in target.parent.iterdir() if p.name.startswith(".")] == []  # no temp file left


def test_a_new_file_needs_no_confirmation(workbook_file: Path) -> None:
    result = export(str(workbook_file), "-f", "md")
    assert result.returncode == 0, result.stderr
    assert workbook_file.with_name("klant-plan-van-aanpak.md").read_text(encoding="utf-8").startswith("# Plan")


def test_the_workbook_itself_is_refused_even_with_overwrite(workbook_file: Path) -> None:
    before = workbook_file.read_bytes()
    for extra in ([], ["--overschrijven"]):
        result = export(str(workbook_file), "-o", str(workbook_file), *extra)
        assert result.returncode == 2
        assert "is het werkboek zelf; een rapport schrijft nooit over een werkboek" in result.stderr
        assert "Traceback" not in result.stderr
    # also by another name for the same file: a relative path, and a symlink to it
    link = workbook_file.with_name("link.html")
    link.symlink_to(workbook_file)
    result = export(str(workbook_file), "-o", str(link), "--overschrijven")
    assert result.returncode == 2 and "werkboek zelf" in result.stderr
    assert workbook_file.read_bytes() == before


def test_another_workbook_is_refused_even_with_overwrite(workbook_file: Path) -> None:
    other = workbook_file.with_name("andere-klant.toml")
    other.write_bytes(workbook_file.read_bytes())
    disguised = workbook_file.with_name("andere-klant.txt")  # a workbook under another name
    disguised.write_bytes(workbook_file.read_bytes())
    for target in (other, disguised):
        result = export(str(workbook_file), "-o", str(target), "--overschrijven")
        assert result.returncode == 2
        assert "is een werkboek (of een TOML-bestand); een rapport schrijft nooit over een werkboek" in result.stderr
        assert target.read_bytes() == workbook_file.read_bytes()


def test_a_folder_is_refused(workbook_file: Path) -> None:
    folder = workbook_file.with_name("map")
    folder.mkdir()
    result = export(str(workbook_file), "-o", str(folder), "--overschrijven")
    assert result.returncode == 2 and result.stderr == f"{folder} is een map; geef een bestandsnaam.\n"


async def test_the_app_asks_before_overwriting_and_never_writes_over_the_workbook(workbook_file: Path) -> None:
    target = workbook_file.with_name("klant-plan-van-aanpak.html")
    target.write_text("oud rapport", encoding="utf-8")
    before = workbook_file.read_bytes()
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        await pilot.press("enter")  # HTML, beside the workbook: that file exists
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "bestaat al. Overschrijven" in app.screen.question
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        assert target.read_text(encoding="utf-8") == "oud rapport"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("j")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
        # the open workbook as the target: refused with a message, no question asked
        await pilot.press("r")
        await pilot.pause()
        app.screen.query_one("#export-path").value = str(workbook_file)  # type: ignore[attr-defined]
        app.screen.query_one("#export-path").focus()
        await pilot.press("enter")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        messages = [n.message for n in app._notifications]
        assert any("is het werkboek zelf; een rapport schrijft nooit over een werkboek" in m for m in messages)
    assert workbook_file.read_bytes() == before
