"""The Acties screen with a 2,000-action workbook: opening it, a filter keystroke, and an autosave.

Runs the real app headless. Each clock starts at a real key event and stops when the screen has
been refreshed (``call_after_refresh``). During the autosave, which runs in a thread, arrow keys
are pressed and timed the same way: that is how responsive the app stays while it saves.
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
    keys_during_save: list[float]


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
        await pilot.pause(2.5)  # a user looks at the dashboard first; the app loads the other screens meanwhile
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

        # The autosave runs in a thread; arrow keys pressed meanwhile must still move the cursor.
        table = screen.table
        table.focus()
        await pilot.pause()
        loop = asyncio.get_running_loop()
        started, finished = asyncio.Event(), asyncio.Event()
        write = app._write
        durations: list[float] = []

        def timed_write(session, workbook) -> None:  # type: ignore[no-untyped-def]
            loop.call_soon_threadsafe(started.set)
            begun = time.perf_counter()
            write(session, workbook)
            durations.append((time.perf_counter() - begun) * 1000)
            loop.call_soon_threadsafe(finished.set)

        app._write = timed_write  # type: ignore[method-assign]
        driver = app._driver
        assert driver is not None
        driver.send_message(events.Key("space", " "))
        await started.wait()
        key_latencies: list[float] = []
        while not finished.is_set():
            before = table.cursor
            key_latencies.append(await _press_and_wait(app, "down", lambda before=before: table.cursor != before))
        return ActionsLatency(
            open_ms=open_ms,
            keystroke_median_ms=statistics.median(timings),
            keystroke_slowest_ms=max(timings),
            keystrokes=len(timings),
            save_ms=durations[0],
            keys_during_save=key_latencies,
        )


def actions_latency(path: Path, query: str = "werkdruk") -> ActionsLatency:
    return asyncio.run(_measure(path, query))
