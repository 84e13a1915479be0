"""A filter keystroke on Acties answers in one frame (issue 16): the field, the table and the count line are
drawn together, typing lays out nothing, and the search is ready before the first letter."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import TODAY
from textual.screen import Screen
from waiting import until

import models.action_index
from screens.actions import ActionsScreen
from tui.app import WerkboekApp


async def _acties(pilot: Any) -> ActionsScreen:
    await pilot.press("4")
    screen = await until(
        lambda: isinstance(pilot.app.screen, ActionsScreen) and pilot.app.screen, "Acties", pilot=pilot
    )
    await pilot.press("slash")
    await pilot.pause()
    return screen


async def test_the_field_table_and_count_of_a_keystroke_are_drawn_in_one_frame(
    workbook_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    frames: list[set[str]] = []
    draw = Screen._compositor_refresh

    def recorded(screen: Screen[Any]) -> None:
        frames.append({widget.id or "" for widget in screen._dirty_widgets})
        draw(screen)

    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await _acties(pilot)
        monkeypatch.setattr(Screen, "_compositor_refresh", recorded)
        await pilot.press("x")  # 5 of the example's 20 actions: the table and the count change
        await until(lambda: " 5 van" in str(app.screen.query_one("#actions-count").render()), "the count", pilot=pilot)
        await pilot.pause()
    with_field = [frame for frame in frames if "actions-filter" in frame]
    assert with_field, frames
    assert {"actions-filter", "actions-table", "actions-count"} <= with_field[0], frames


async def test_typing_a_filter_lays_out_nothing(workbook_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    layouts: list[str] = []
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _acties(pilot)
        layout = Screen._refresh_layout

        def counted(self: Screen[Any], *args: Any, **kwargs: Any) -> None:
            layouts.append(type(self).__name__)
            layout(self, *args, **kwargs)

        monkeypatch.setattr(Screen, "_refresh_layout", counted)
        for letter in "werk":
            await pilot.press(letter)
            await pilot.pause()
        assert screen.filter_box.value == "werk"
    assert layouts == []


async def test_the_search_is_ready_before_the_first_letter(
    workbook_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await _acties(pilot)
        made: list[object] = []
        search_text = models.action_index.search_text
        monkeypatch.setattr(
            models.action_index, "search_text", lambda action: made.append(action) or search_text(action)
        )
        await pilot.press("w")
        await pilot.pause()
        assert app.screen.filter_box.value == "w"  # type: ignore[attr-defined]
    assert made == []  # every action's search text was made when Acties was first drawn, not on this key
