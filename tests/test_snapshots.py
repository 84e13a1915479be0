"""SVG snapshots of every screen at 80×24 and at a wide size (160×45).

Update after a deliberate change with ``uv run pytest --snapshot-update`` and look at each
changed picture before committing it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import TODAY
from textual.pilot import Pilot
from textual.widgets import Input

from tui.app import WerkboekApp

EXAMPLE = Path("saves/van-dijk-installatietechniek.toml")
BROKEN = Path("tests/fixtures/kapot-werkboek.toml")
SIZES = {"80x24": (80, 24), "160x45": (160, 45)}


@pytest.fixture(autouse=True)
def _from_repo_root(in_repo_root: Path) -> None:
    """Paths on screen are shown relative to the current folder: make it the same everywhere."""


async def steady_cursor(pilot: Pilot[None]) -> None:
    """A blinking cursor would make the picture depend on timing."""
    await pilot.pause()
    for search in pilot.app.screen.query(Input):
        search.cursor_blink = False


def app() -> WerkboekApp:
    return WerkboekApp(EXAMPLE, today=TODAY)


@pytest.mark.parametrize("size", SIZES, ids=list(SIZES))
def test_dashboard(snap_compare, size: str) -> None:
    assert snap_compare(app(), terminal_size=SIZES[size])


def test_dashboard_scrolled_to_the_end_80x24(snap_compare) -> None:
    assert snap_compare(app(), terminal_size=(80, 24), press=["end"])


@pytest.mark.parametrize("size", SIZES, ids=list(SIZES))
def test_load_error(snap_compare, size: str) -> None:
    assert snap_compare(WerkboekApp(BROKEN, today=TODAY), terminal_size=SIZES[size])


async def _library(pilot: Pilot[None]) -> None:
    await pilot.press("5")
    await steady_cursor(pilot)


@pytest.mark.parametrize("size", SIZES, ids=list(SIZES))
def test_library_empty_search(snap_compare, size: str) -> None:
    assert snap_compare(app(), terminal_size=SIZES[size], run_before=_library)


@pytest.mark.parametrize("size", SIZES, ids=list(SIZES))
def test_library_search_with_results(snap_compare, size: str) -> None:
    assert snap_compare(app(), terminal_size=SIZES[size], run_before=_library, press=[*"werkdruk"])


def test_library_detail_of_a_legal_item_80x24(snap_compare) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await _library(pilot)
        await pilot.press(*"bedrijfshulp", "enter")

    assert snap_compare(app(), terminal_size=(80, 24), run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=list(SIZES))
def test_factors(snap_compare, size: str) -> None:
    assert snap_compare(app(), terminal_size=SIZES[size], press=["2", "down", "down"])


@pytest.mark.parametrize("size", SIZES, ids=list(SIZES))
def test_phases(snap_compare, size: str) -> None:
    assert snap_compare(app(), terminal_size=SIZES[size], press=["3"])


def test_item_detail_from_the_factor_screen_80x24(snap_compare) -> None:
    assert snap_compare(app(), terminal_size=(80, 24), press=["2", "enter", "enter"])
