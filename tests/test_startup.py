"""Start-up loads only what the first screen needs, and leaves the garbage collector on once it is drawn.

What is not needed for the dashboard (forms, git, conflicts, TOML 1.0 parsing for error messages, the
text area, ctypes) comes on first use or in the preload after the first frame: each was measured at
start-up (issue 16) and a new import there would quietly slow every start again.
"""

from __future__ import annotations

import gc
import subprocess
import sys
from pathlib import Path

from conftest import EXAMPLE, ROOT

from cli.app import create_app
from screens.dashboard import DashboardScreen

NOT_AT_START_UP = (
    "screens.form",
    "screens.conflicts",
    "screens.commit_form",
    "tui.git_tasks",
    "models.git_sync",
    "models.portfolio",
    "models.portfolio_git",
    "tui.switching",
    "tui.tasks",
    "tui.stall_watch",
    "tomllib",
    "ctypes",
    "textual.widgets._text_area",
)


def test_building_the_app_imports_nothing_the_first_screen_does_not_need() -> None:
    code = (
        "import sys; from cli.app import create_app; "
        f"create_app([{str(EXAMPLE)!r}]); print('\\n'.join(sorted(sys.modules)))"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    loaded = set(result.stdout.split())
    assert "tui.app" in loaded and "screens.dashboard" in loaded
    assert sorted(loaded & set(NOT_AT_START_UP)) == []


async def test_the_collector_is_off_while_starting_and_on_once_the_dashboard_is_drawn(workbook_file: Path) -> None:
    app = create_app([str(workbook_file)])
    try:
        assert not gc.isenabled()
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, DashboardScreen)
            assert gc.isenabled()
            assert gc.get_freeze_count() > 0
    finally:
        gc.enable()
        gc.unfreeze()
