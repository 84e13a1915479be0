"""Terminal escape sequences in a workbook never reach the terminal (issue 11, defect 7).

A shared file or a ``git pull`` can carry ``\\x1b]0;pwned\\x07`` (sets the window title) or
``\\x1b[2J`` (clears the screen) in a title or note. The command line shows them as ␛ and ␇; the
app leaves them out.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from conftest import EXAMPLE, ROOT, TODAY
from waiting import until

from tui.app import WerkboekApp

HOSTILE = "\\u001b]0;pwned\\u0007\\u001b[2J"
"""As written in the TOML file: escapes that the parser turns into ESC and BEL."""
RAW = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def hostile_copy(folder: Path) -> Path:
    """The example with the escapes in an action's title and notes, and in the client's name."""
    text = EXAMPLE.read_text(encoding="utf-8")
    text = text.replace('titel = "Verzuimcijfers', f'titel = "{HOSTILE}Verzuimcijfers', 1)
    text = text.replace('wat = "De verzuimcijfers', f'wat = "De {HOSTILE}verzuimcijfers', 1)
    text = text.replace('naam = "Van Dijk', f'naam = "Van {HOSTILE}Dijk', 1)
    assert text.count(HOSTILE) == 3
    path = folder / "klant.toml"
    path.write_text(text, encoding="utf-8")
    return path


def werkboek(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "cli.main", *args], cwd=ROOT, check=False, capture_output=True, timeout=60
    )


def test_check_diff_and_export_show_escapes_without_sending_them(tmp_path: Path) -> None:
    path = hostile_copy(tmp_path)
    broken = tmp_path / "kapot.toml"  # an error message that quotes the value
    broken.write_text(f'schema = 1\n[organisatie]\nnaam = "X"\nmedewerkers = "{HOSTILE}"\n', encoding="utf-8")
    runs = {
        "check": werkboek("check", str(path), str(broken)),
        "diff": werkboek("diff", str(EXAMPLE), str(path)),
        "export md": werkboek("export", str(path), "-f", "md", "-o", "-"),
        "export csv": werkboek("export", str(path), "-f", "csv", "-o", "-"),
    }
    for name, run in runs.items():
        assert b"\x1b" not in run.stdout + run.stderr and b"\x07" not in run.stdout + run.stderr, name
    assert "␛]0;pwned␇␛[2JVerzuimcijfers" in runs["diff"].stdout.decode("utf-8")
    assert 'niet "␛]0;pwned␇␛[2J"' in runs["check"].stdout.decode("utf-8")
    assert "␛]0;pwned␇␛[2JVerzuimcijfers" in runs["export csv"].stdout.decode("utf-8-sig")
    plan = runs["export md"].stdout.decode("utf-8")  # the report leaves the escapes out altogether (a file
    assert "# Plan van aanpak: Van Dijk" in plan and "␛" not in plan  # read with cat obeys none either)


async def test_the_actions_table_and_the_action_detail_show_no_escapes(tmp_path: Path) -> None:
    path = hostile_copy(tmp_path)
    app = WerkboekApp(path, today=TODAY)
    async with app.run_test(size=(220, 50)) as pilot:
        await pilot.press("4")
        await pilot.pause()
        assert app.session is not None and app.session.workbook.acties[0].titel.startswith("\x1b]0;pwned")

        def screen_text() -> str:
            return "".join(segment.text for strip in app.screen._compositor.render_strips() for segment in strip)

        # the table at once, the detail once the cursor rests (screens/actions.py, DETAIL_DELAY)
        shown = await until(lambda: "De verzuimcijfers" in (text := screen_text()) and text, "the detail", pilot=pilot)
        assert "Verzuimcijfers 2024-2025" in shown  # the table
        assert "Van Dijk" in shown  # the header
        assert RAW.search(shown) is None
        await pilot.press("enter")  # the form shows the title too
        await pilot.pause()
        shown = "".join(segment.text for strip in app.screen._compositor.render_strips() for segment in strip)
        assert "Verzuimcijfers 2024-2025" in shown and RAW.search(shown) is None
