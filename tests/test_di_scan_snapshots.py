"""SVG snapshots of the DI-scan screen and of Organisatie with a scan, at 80×24 and 160×45 (as
tests/test_snapshots.py does for the other screens). Update only these with ``--snapshot-update -k di_scan``
and look at each."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import ROOT, TODAY
from test_snapshots import SIZES, lists_wrapped
from textual.pilot import Pilot
from waiting import until

from models.content import default_content
from screens.di_scan import DiScanScreen
from screens.organisation import OrganisationScreen
from tui.app import WerkboekApp

EXAMPLE = Path("saves/van-dijk-installatietechniek.toml")
MARKS = ("geborgd", "begonnen", "niet")


def _scan_block() -> str:
    """A scan of 10 nov 2026: the first indicators of each aspect marked in turn, one of them with a note
    (made from the content, so the pictures follow it)."""
    di = default_content().di
    marks: list[str] = []
    for a, aspect in enumerate(di.aspects):
        for i, indicator in enumerate(aspect.indicatoren[: 4 - a % 2]):
            marks.append(f'{indicator.id} = "{MARKS[(a + i) % 3]}"')
    note = f'{di.aspects[0].indicatoren[0].id} = "Staat vast op de agenda van het werkoverleg."'
    return (
        '\n[[di_scan]]\ndatum = 2026-11-10\nnotitie = "Met Marco van Dijk doorgelopen."\n\n[di_scan.stand]\n'
        + "\n".join(marks)
        + f"\n\n[di_scan.toelichting]\n{note}\n"
    )


@pytest.fixture(autouse=True)
def _in_a_sandbox(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The example at the same relative path in a private folder, with a DI-scan added."""
    target = tmp_path / EXAMPLE
    target.parent.mkdir(parents=True)
    shutil.copyfile(ROOT / EXAMPLE, target)
    target.write_text(target.read_text(encoding="utf-8") + _scan_block(), encoding="utf-8")
    monkeypatch.chdir(tmp_path)


def app() -> WerkboekApp:
    return WerkboekApp(EXAMPLE, today=TODAY)


@pytest.mark.parametrize("size", SIZES, ids=list(SIZES))
def test_di_scan_screen(snap_compare, size: str) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.press("8", "d")
        await until(lambda: isinstance(pilot.app.screen, DiScanScreen), "the DI-scan is shown", pilot=pilot)
        await lists_wrapped(pilot)

    assert snap_compare(app(), terminal_size=SIZES[size], run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=list(SIZES))
def test_di_scan_on_organisation(snap_compare, size: str) -> None:
    """At 80×24 scrolled to the DI-typologie column, where the scan is summed up (at 160×45 it is in view)."""

    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.press("8")
        await until(lambda: isinstance(pilot.app.screen, OrganisationScreen), "Organisatie is shown", pilot=pilot)
        await pilot.pause()
        if size == "80x24":
            column = pilot.app.screen.query_one("#org-level-di_typologie")
            pilot.app.screen.query_one("#org-levels").scroll_to_widget(column, animate=False, top=True)
            await pilot.pause()

    assert snap_compare(app(), terminal_size=SIZES[size], run_before=run_before)
