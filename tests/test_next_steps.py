"""'Wat nu?' on the dashboard: the next three steps from the workbook's state, each with its keys."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from conftest import EXAMPLE, TODAY

from models.content import Content
from models.figures import dashboard_figures
from models.next_steps import NextStep, since_phrase
from models.settings import load_settings
from models.store import load_workbook
from models.workbook import LegalItemState, LogEntry, Organisation, PhaseState, ScoringRound, Workbook
from screens.dashboard import DashboardScreen
from tui.app import WerkboekApp
from widgets.dashboard_panels import NextSteps


def _steps(workbook: Workbook, content: Content, today: dt.date = TODAY, quiet: int = 8) -> list[NextStep]:
    return list(dashboard_figures(workbook, content, today, quiet).steps)


def test_a_new_client_starts_with_the_nulmeting_and_the_first_phase(content: Content) -> None:
    steps = _steps(Workbook(organisatie=Organisation(naam="Nieuw BV")), content)
    assert steps[0].keys == "2 m" and steps[0].text.startswith("Doe de nulmeting")
    assert steps[-1].keys == "3" and steps[-1].text.startswith("Fase 1, In kaart, nog open (7 van 7)")
    assert len(steps) <= 3


def test_the_example_gets_overdue_actions_the_legal_gap_and_the_phase(content: Content) -> None:
    example = load_workbook(EXAMPLE, content).workbook
    steps = _steps(example, content)
    assert [step.keys for step in steps] == ["4 f", "6", "3"]
    assert steps[0].text.startswith("4 acties te laat: bespreek ze met de eigenaren (het langst: A15 ")
    assert "ontbreekt (en 1 meer)" in steps[1].text
    assert all(step.basis for step in steps)


def test_a_quiet_client_and_an_old_scoring_come_before_the_checklist(content: Content) -> None:
    late = TODAY + dt.timedelta(days=7 * 30)
    workbook = Workbook(
        organisatie=Organisation(naam="Stil BV"),
        metingen=[ScoringRound(datum=TODAY, scores={})],
        logboek=[LogEntry(datum=TODAY, titel="Kennismaking")],
        wettelijk={item.id: LegalItemState(status="aanwezig") for item in content.legal},
    )
    steps = _steps(workbook, content, today=late)
    assert [step.keys for step in steps] == ["7 n", "2 m", "3"]
    assert steps[0].text.startswith(f"Plan een sessie: de laatste was 7 maanden geleden ({TODAY.day} nov 2026)")
    assert steps[1].text.startswith("Meet opnieuw")
    assert _steps(workbook, content, today=late, quiet=52)[0].keys == "2 m", "a longer quiet setting: no session yet"


def test_when_everything_is_in_hand_one_calm_step(content: Content) -> None:
    workbook = Workbook(
        organisatie=Organisation(naam="Bij BV"),
        metingen=[ScoringRound(datum=TODAY, scores={})],
        fasen={phase.id: PhaseState(afgevinkt=[item.id for item in phase.checklist]) for phase in content.phases},
        wettelijk={item.id: LegalItemState(status="aanwezig") for item in content.legal},
    )
    steps = _steps(workbook, content)
    assert [(step.keys, step.text.split(":")[0]) for step in steps] == [("3", "Alles bij")]


def test_since_phrase() -> None:
    assert since_phrase(TODAY, TODAY) == "vandaag"
    assert since_phrase(TODAY - dt.timedelta(days=1), TODAY) == "1 dag geleden"
    assert since_phrase(TODAY - dt.timedelta(days=20), TODAY) == "2 weken geleden"
    assert since_phrase(TODAY - dt.timedelta(days=200), TODAY) == "6 maanden geleden"


async def test_the_dashboard_shows_the_steps_and_the_last_session(workbook_file: Path) -> None:
    app = WerkboekApp(workbook_file, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        panel = app.screen.query_one(NextSteps)
        text = panel.render().plain  # type: ignore[union-attr]
        assert text.splitlines()[0].startswith("4 f  4 acties te laat")
        assert panel.border_title == "Wat nu?"
        assert panel.border_subtitle == "laatste sessie 17 nov 2026, 5 dagen geleden"
        assert panel.region.y < app.screen.query_one("#factors").region.y, "Wat nu? comes first"


async def test_the_quiet_setting_decides_when_a_session_is_proposed(workbook_file: Path, tmp_path: Path) -> None:
    later = dt.date(2027, 1, 30)  # ten weeks after the example's last session (17 Nov 2026)
    for weeks, proposed in ((8, True), (12, False)):
        config = tmp_path / f"instellingen-{weeks}.toml"
        config.write_text(f"stille_klant_weken = {weeks}\n", encoding="utf-8")
        app = WerkboekApp(workbook_file, today=later, settings=load_settings(config))
        async with app.run_test(size=(160, 45)) as pilot:
            await pilot.pause()
            text = app.screen.query_one(NextSteps).render().plain  # type: ignore[union-attr]
            assert ("Plan een sessie: de laatste was 2 maanden geleden (17 nov 2026)" in text) is proposed, weeks


def test_a_quiet_setting_below_one_week_is_refused(tmp_path: Path) -> None:
    config = tmp_path / "instellingen.toml"
    config.write_text("stille_klant_weken = 0\n", encoding="utf-8")
    loaded = load_settings(config)
    assert loaded.settings.stille_klant_weken == 8
    assert any("stille_klant_weken" in str(problem) for problem in loaded.problems)
