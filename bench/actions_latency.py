"""The Acties screen with a 2,000-action workbook: opening it, a filter keystroke, and an autosave.

Runs the real app headless. Each clock starts at a real key event and stops when the screen has
been refreshed (``call_after_refresh``). For the autosave, a timer on the app's event loop measures
how late it fires while the save runs in its thread: the UI's responsiveness during the save.
"""

from __future__ import annotations

import asyncio
import statistics
import time
from dataclasses import dataclass
from pathlib import Path

from textual import events

from screens.actions import ActionsScreen
from tui.app import WerkboekApp


@dataclass
class ActionsLatency:
    open_ms: float
    keystroke_median_ms: float
    keystroke_slowest_ms: float
    keystrokes: int
    save_ms: float
    worst_stall_ms: float


async def _press_and_wait(app: WerkboekApp, key: str, ready) -> float:  # type: ignore[no-untyped-def]
    refreshed = asyncio.Event()
    driver = app._driver
    assert driver is not None
    started = time.perf_counter()
    driver.send_message(events.Key(key, key if len(key) == 1 else None))
    while not ready():
        await asyncio.sleep(0)
    app.call_after_refresh(refreshed.set)
    await refreshed.wait()
    return (time.perf_counter() - started) * 1000


async def _measure(path: Path, query: str) -> ActionsLatency:
    app = WerkboekApp(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        open_ms = await _press_and_wait(
            app, "4", lambda: isinstance(app.screen, ActionsScreen) and app.screen.is_mounted
        )
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ActionsScreen)
        screen.action_focus_filter()
        await pilot.pause()
        calls = {"n": 0}
        refresh_list = screen.refresh_list

        def counted(keep: str | None = None) -> None:
            refresh_list(keep)
            calls["n"] += 1

        screen.refresh_list = counted  # type: ignore[method-assign]
        timings = []
        for key in [*query, *(["backspace"] * len(query))]:
            before = calls["n"]
            timings.append(await _press_and_wait(app, key, lambda before=before: calls["n"] > before))

        session = app.session
        assert session is not None
        stalls: list[float] = []
        stop = asyncio.Event()

        async def watch_loop() -> None:
            while not stop.is_set():
                started = time.perf_counter()
                await asyncio.sleep(0.005)
                stalls.append((time.perf_counter() - started) * 1000 - 5)

        watcher = asyncio.create_task(watch_loop())
        screen.table.focus()
        await pilot.pause()
        first = screen.table.current
        assert first is not None
        write = app._write
        durations: list[float] = []

        def timed_write(session_, workbook) -> None:  # type: ignore[no-untyped-def]
            started = time.perf_counter()
            write(session_, workbook)
            durations.append((time.perf_counter() - started) * 1000)

        app._write = timed_write  # type: ignore[method-assign]
        app._driver.send_message(events.Key("space", " "))  # type: ignore[union-attr]
        while not durations:
            await asyncio.sleep(0.01)
        stop.set()
        await watcher
        return ActionsLatency(
            open_ms=open_ms,
            keystroke_median_ms=statistics.median(timings),
            keystroke_slowest_ms=max(timings),
            keystrokes=len(timings),
            save_ms=durations[0],
            worst_stall_ms=max(stalls, default=0.0),
        )


def actions_latency(path: Path, query: str = "werkdruk") -> ActionsLatency:
    return asyncio.run(_measure(path, query))
