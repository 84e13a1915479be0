"""SVG snapshots of Akkoord op het plan and its form at 80×24 and 160×45 (as tests/test_snapshots.py does
for the other screens). Update only these with ``--snapshot-update -k agreement`` and look at each."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import ROOT, TODAY
from test_snapshots import SIZES, lists_wrapped, steady_cursor
from textual.pilot import Pilot
from waiting import until

from screens.agreement_form import AgreementFormScreen
from screens.agreements import AgreementsScreen
from tui.app import WerkboekApp

EXAMPLE = Path("saves/van-dijk-installatietechniek.toml")
CONSENTS = """
[[akkoord]]
datum = 2026-11-20
door = "werkgever"
namen = [
    "Marco van Dijk",
]
plaats = "Zwolle"

[[akkoord]]
datum = 2026-11-20
door = "pvt"
namen = [
    "Kevin Jansen",
    "Anouk Vos",
]
plaats = "Zwolle"
opmerking = "Akkoord, op voorwaarde dat de werkdrukacties (A4, A9) in het eerste kwartaal starten."
"""


@pytest.fixture(autouse=True)
def _in_a_sandbox(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The example at the same relative path in a private folder, with two consents added."""
    target = tmp_path / EXAMPLE
    target.parent.mkdir(parents=True)
    shutil.copyfile(ROOT / EXAMPLE, target)
    target.write_text(target.read_text(encoding="utf-8") + CONSENTS, encoding="utf-8")
    monkeypatch.chdir(tmp_path)


def app() -> WerkboekApp:
    return WerkboekApp(EXAMPLE, today=TODAY)


async def _agreements(pilot: Pilot[None]) -> None:
    await pilot.press("7", "a")
    await until(lambda: isinstance(pilot.app.screen, AgreementsScreen), "Akkoord op het plan is shown", pilot=pilot)
    await lists_wrapped(pilot)


@pytest.mark.parametrize("size", SIZES, ids=list(SIZES))
def test_agreements_screen(snap_compare, size: str) -> None:
    assert snap_compare(app(), terminal_size=SIZES[size], run_before=_agreements)


@pytest.mark.parametrize("size", SIZES, ids=list(SIZES))
def test_agreement_form_editing(snap_compare, size: str) -> None:
    async def run_before(pilot: Pilot[None]) -> None:
        await _agreements(pilot)
        await pilot.press("down", "enter")
        await until(lambda: isinstance(pilot.app.screen, AgreementFormScreen), "the form is open", pilot=pilot)
        await steady_cursor(pilot)

    assert snap_compare(app(), terminal_size=SIZES[size], run_before=run_before)
