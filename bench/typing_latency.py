"""Keystroke latency in the Bibliotheek: from a key event to the updated result list on screen.

Each key goes to the app's driver as a real key event; the clock stops when the results have
been rebuilt and the screen has been refreshed (``call_after_refresh``). Runs headless.
"""

from __future__ import annotations

import asyncio
import statistics
import time
from pathlib import Path

from textual import events

from screens.library import LibraryScreen
from tui.app import WerkboekApp

QUERY = "werkdruk leidinggevende"


async def _measure(example: Path, query: str) -> list[float]:
    app = WerkboekApp(example)
    timings: list[float] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("5")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        refreshed = asyncio.Event()
        show_hits = screen._show_hits

        def timed_show_hits(hits: list) -> None:  # type: ignore[type-arg]
            show_hits(hits)
            app.call_after_refresh(refreshed.set)

        screen._show_hits = timed_show_hits  # type: ignore[method-assign]
        driver = app._driver
        assert driver is not None
        keys = [*query, *(["backspace"] * len(query))]
        for key in keys:
            refreshed.clear()
            char = " " if key == "space" else (key if len(key) == 1 else None)
            started = time.perf_counter()
            driver.send_message(events.Key("space" if key == " " else key, char))
            await asyncio.wait_for(refreshed.wait(), timeout=5)
            timings.append((time.perf_counter() - started) * 1000)
    return timings


def keystroke_latency(example: Path, query: str = QUERY) -> tuple[float, float, int]:
    """(median ms, slowest ms, number of keystrokes) for typing ``query`` and erasing it again."""
    timings = asyncio.run(_measure(example, query))
    return statistics.median(timings), max(timings), len(timings)
