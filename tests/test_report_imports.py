"""The Word, Excel and PDF libraries are imported only when such a report is made: opening the app,
``werkboek check`` and the text reports never load them (start-up stays as fast as before issue 14)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import EXAMPLE, ROOT

REPORT_LIBRARIES = ("docx", "xlsxwriter", "openpyxl", "reportlab", "lxml", "PIL", "icalendar")
LOADED = f"import sys; print(sorted(m for m in sys.modules if m.split('.')[0] in {set(REPORT_LIBRARIES)!r}))"


def _loaded_after(code: str, tmp_path: Path) -> str:
    environment = {"WERKBOEK_CONFIG": str(tmp_path / "instellingen.toml"), "WERKBOEK_STATE": str(tmp_path / "s")}
    result = subprocess.run(
        [sys.executable, "-c", code + "\n" + LOADED],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        env={**__import__("os").environ, **environment},
    )
    return result.stdout.strip().splitlines()[-1]


def test_opening_the_app_loads_no_report_library(tmp_path: Path) -> None:
    code = (
        "import asyncio, shutil, datetime as dt\n"
        "from pathlib import Path\n"
        "from tui.app import WerkboekApp\n"
        "from screens.dashboard import DashboardScreen\n"
        f"path = Path({str(tmp_path / 'klant.toml')!r}); shutil.copyfile({str(EXAMPLE)!r}, path)\n"
        "async def run():\n"
        "    app = WerkboekApp(path, today=dt.date(2026, 11, 22))\n"
        "    async with app.run_test(size=(100, 32)) as pilot:\n"
        "        for _ in range(100):\n"
        "            if isinstance(app.screen, DashboardScreen): break\n"
        "            await pilot.pause(0.05)\n"
        "        assert isinstance(app.screen, DashboardScreen), app.screen\n"
        "        await pilot.press('r')\n"  # the Rapport maken dialog itself imports nothing heavy either
        "        await pilot.pause(0.2)\n"
        "asyncio.run(run())\n"
    )
    assert _loaded_after(code, tmp_path) == "[]"


def test_check_and_the_text_reports_load_no_report_library(tmp_path: Path) -> None:
    code = (
        "import contextlib, io\n"
        "from cli.main import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    assert main(['check', {str(EXAMPLE)!r}]) == 0\n"
        f"    assert main(['export', {str(EXAMPLE)!r}, '-f', 'html', '-o', '-']) == 0\n"
        f"    assert main(['export', {str(EXAMPLE)!r}, '-f', 'csv', '-o', '-']) == 0\n"
    )
    assert _loaded_after(code, tmp_path) == "[]"


def test_a_word_report_does_load_its_library(tmp_path: Path) -> None:
    """The check above can fail: making a Word plan shows up in the same probe."""
    code = (
        "import contextlib, io\n"
        "from cli.main import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    assert main(['export', {str(EXAMPLE)!r}, '-f', 'docx', '-o', {str(tmp_path / 'p.docx')!r}]) == 0\n"
    )
    assert "'docx'" in _loaded_after(code, tmp_path)
