"""tui/typing_collector.py: no cyclic garbage collection during a burst of keys, on again when they stop."""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import TODAY
from waiting import until

from screens.dashboard import DashboardScreen
from tui.app import WerkboekApp
from tui.typing_collector import QUIET_SECONDS


@pytest.fixture(autouse=True)
def _collector_on() -> Iterator[None]:
    gc.enable()
    yield
    gc.enable()


async def _started(app: WerkboekApp, pilot: object) -> None:
    """The dashboard is drawn and the app has turned the collector on after its start (tui/app.py)."""
    await until(lambda: isinstance(app.screen, DashboardScreen), "the dashboard", pilot=pilot)
    await until(lambda: app._first_frame_shown, "the first frame drawn", pilot=pilot)


async def test_keys_pause_the_collector_until_they_stop(workbook_file: Path) -> None:
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await _started(app, pilot)
        await pilot.press("4")
        assert not gc.isenabled()
        await asyncio.sleep(QUIET_SECONDS / 2)
        await pilot.press("down")  # a key in between: the pause runs from this one
        await asyncio.sleep(QUIET_SECONDS * 0.7)
        await pilot.pause()
        assert not gc.isenabled()
        await until(gc.isenabled, "the collector on again after the keys stopped", pilot=pilot)


async def test_the_collector_is_on_again_when_the_app_ends_while_paused(workbook_file: Path) -> None:
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await _started(app, pilot)
        await pilot.press("4")
        assert not gc.isenabled()
    assert gc.isenabled()


async def test_a_collector_turned_off_by_someone_else_stays_off(workbook_file: Path) -> None:
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await _started(app, pilot)
        gc.disable()
        await pilot.press("4")
        await asyncio.sleep(QUIET_SECONDS * 1.5)
        await pilot.pause()
        assert not gc.isenabled()
    assert not gc.isenabled()
