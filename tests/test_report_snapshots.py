"""SVG snapshots of the report dialogs: Rapport maken (wide) and the preview of Excel terug inlezen, with
changes and with a refused sheet, at 80×24 and 160×45 (the sandbox of tests/test_snapshots.py)."""

from __future__ import annotations

import pytest
from test_excel_import_app import _read_back, _sheet_with
from test_snapshots import EXAMPLE, SIZES, _in_a_sandbox, app, steady_cursor
from textual.pilot import Pilot

from models.content import default_content

__all__ = ["_in_a_sandbox"]  # the sandbox fixture (autouse) applies here too


def test_export_dialog_160x45(snap_compare) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.press("r", "down")
        await steady_cursor(pilot)

    assert snap_compare(app(), terminal_size=SIZES["160x45"], run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=list(SIZES))
def test_excel_read_back_preview(snap_compare, size: str) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot: Pilot[None]) -> None:
        _sheet_with(EXAMPLE, default_content(), "A3", "Status", "klaar")
        await _read_back(pilot)
        await pilot.pause()

    assert snap_compare(app(), terminal_size=SIZES[size], run_before=run_before)


def test_excel_read_back_refused_80x24(snap_compare) -> None:  # type: ignore[no-untyped-def]
    async def run_before(pilot: Pilot[None]) -> None:
        _sheet_with(EXAMPLE, default_content(), "A3", "Status", "kaar")
        await _read_back(pilot)
        await pilot.pause()

    assert snap_compare(app(), terminal_size=SIZES["80x24"], run_before=run_before)
