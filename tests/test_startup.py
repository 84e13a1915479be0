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

import pytest
from conftest import EXAMPLE, ROOT
from waiting import until

from cli.app import create_app
from models.cache_file import read_cache, write_cache
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
    "pydantic",
    "argparse",
    "secrets",
    "hmac",
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


def _fresh_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """The parsed CSS as a new process has it: nothing in memory, the disk cache not yet read."""
    from tui.stylesheet import SharedParseStylesheet

    monkeypatch.setattr(SharedParseStylesheet, "_parsed", {})
    monkeypatch.setattr(SharedParseStylesheet, "_used", set())
    monkeypatch.setattr(SharedParseStylesheet, "_saved", None)


async def test_the_css_parsed_at_one_start_is_read_back_by_the_next(
    workbook_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from textual.css.stylesheet import Stylesheet

    from tui.app import WerkboekApp
    from tui.stylesheet import _cache_file

    _fresh_process(monkeypatch)
    cache = _cache_file()
    assert not cache.exists()
    first = WerkboekApp(workbook_file)
    async with first.run_test(size=(80, 24)) as pilot:
        await until(cache.exists, "the CSS rules kept after the first frame", pilot=pilot)
        parsed_styles = first.screen.query_one("#factors").styles.base.css_lines

    _fresh_process(monkeypatch)
    parsed: list[str] = []
    parse = Stylesheet._parse_rules

    def counted(self: Stylesheet, css: str, *args: object, **kwargs: object) -> object:
        parsed.append(css)
        return parse(self, css, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Stylesheet, "_parse_rules", counted)
    app = WerkboekApp(workbook_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(lambda: isinstance(app.screen, DashboardScreen), "the dashboard", pilot=pilot)
        assert "Bewustwording" in str(app.screen.query_one("#factors").render())
        assert app.screen.query_one("#factors").styles.base.css_lines == parsed_styles  # the same rules apply
    assert parsed == []


async def test_a_broken_css_cache_is_parsed_anew_and_written_again(
    workbook_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tui.app import WerkboekApp
    from tui.stylesheet import _cache_file

    _fresh_process(monkeypatch)
    cache = _cache_file()
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_bytes(b"geen pickle")
    app = WerkboekApp(workbook_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(lambda: isinstance(app.screen, DashboardScreen), "the dashboard", pilot=pilot)
        await until(lambda: read_cache(cache) is not None, "the cache written anew", pilot=pilot)
    assert isinstance(read_cache(cache), dict)


def test_a_cache_file_that_is_missing_or_damaged_reads_as_nothing(tmp_path: Path) -> None:
    path = tmp_path / "map" / "cache.pickle"
    assert read_cache(path) is None
    assert write_cache(path, {"sleutel": [1, 2]})
    assert read_cache(path) == {"sleutel": [1, 2]}
    path.write_bytes(path.read_bytes()[:10])
    assert read_cache(path) is None
    (tmp_path / "bestand").write_text("x")
    assert not write_cache(tmp_path / "bestand" / "cache.pickle", {})  # its folder is a file: not written
