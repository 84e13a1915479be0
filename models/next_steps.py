"""'Wat nu?': the next three concrete steps for a client, from the state of the workbook.

Each rule looks at one thing a consultant checks before the next session, and says what to do about it
and which key does it. The order follows the RIVM tool's own order of work (seed 000: first map the
health risks, which starts with a nulmeting of the ten factors, then choose, plan, carry out and
evaluate; and the legal minimum every employer must meet) and the lessons advisers drew in the
DI project (seed 003, in the tips: keep personal contact going, keep the pace, plan the moment to
evaluate). Only the first three that apply are shown.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from models.checklists import is_ticked
from models.formatting import aantal, short_date
from models.workbook import Workbook

if TYPE_CHECKING:
    from models.figures import DashboardFigures

SHOWN = 3
RESCORE_AFTER_DAYS = 182
"""Half a year without a new scoring: time to measure again (the evaluation phase looks back on a round)."""
QUIET_WEEKS = 8
"""Weeks without a session after which a client counts as quiet (the setting ``stille_klant_weken``)."""


@dataclass(frozen=True)
class NextStep:
    """One step: what to do, the key(s) that start it, and where the advice comes from."""

    text: str
    keys: str
    basis: str
    """The tip (content/tips.toml) or the part of the RIVM tool the step rests on."""


def last_session(workbook: Workbook) -> dt.date | None:
    """The latest date something was done with the client: a logbook entry or a scoring round."""
    dates = [entry.datum for entry in workbook.logboek] + [scoring.datum for scoring in workbook.metingen]
    return max(dates, default=None)


def weeks_since(day: dt.date, today: dt.date) -> int:
    return max(0, (today - day).days // 7)


def since_phrase(day: dt.date, today: dt.date) -> str:
    """``vandaag``, ``5 dagen geleden``, ``3 weken geleden``, ``4 maanden geleden``."""
    days = (today - day).days
    if days <= 0:
        return "vandaag"
    if days < 14:
        return f"{aantal(days, 'dag', 'dagen')} geleden"
    if days < 70:
        return f"{days // 7} weken geleden"
    return f"{days // 30} maanden geleden"


def next_steps(workbook: Workbook, figures: DashboardFigures, quiet_weeks: int = QUIET_WEEKS) -> list[NextStep]:
    """The first :data:`SHOWN` steps that apply, most pressing first; one calm step when all is in hand."""
    today = figures.today
    steps: list[NextStep] = []
    if not workbook.metingen:
        steps.append(
            NextStep(
                "Doe de nulmeting: score de tien succesfactoren samen met de werkgever",
                "2 m",
                "RIVM-tool, fase 1: eerst de gezondheidsrisico's en het vertrekpunt in kaart",
            )
        )
    if figures.overdue:
        first = figures.overdue[0]
        assert first.deadline is not None
        owner = f" ({first.eigenaar})" if first.eigenaar else ""
        steps.append(
            NextStep(
                f"{aantal(len(figures.overdue), 'actie', 'acties')} te laat: bespreek ze met de eigenaren "
                f"(het langst: {first.id} {first.titel}{owner}, sinds {short_date(first.deadline)})",
                "4 f",
                "tip 'tempo-houden': verdwijnt het momentum, dan neemt de dagelijkse drukte het over",
            )
        )
    missing = figures.legal.missing
    if missing:
        more = f" (en {len(missing) - 1} meer)" if len(missing) > 1 else ""
        steps.append(
            NextStep(
                f"Regel wat de wet vraagt: {missing[0].titel} ontbreekt{more}",
                "6",
                "RIVM-tool, landelijk beleid: het minimum van het arbobeleid",
            )
        )
    session = last_session(workbook)
    if session is not None and weeks_since(session, today) > quiet_weeks:
        steps.append(
            NextStep(
                f"Plan een sessie: de laatste was {since_phrase(session, today)} ({short_date(session)}); "
                "leg haar daarna vast in het logboek",
                "7 n",
                "tips 'persoonlijk-opvolgen' en 'vaste-contactpersoon': persoonlijk contact houdt het gaande",
            )
        )
    if workbook.metingen and figures.round_dates and (today - figures.round_dates[-1]).days > RESCORE_AFTER_DAYS:
        steps.append(
            NextStep(
                f"Meet opnieuw: de laatste meting is van {short_date(figures.round_dates[-1])}; "
                "vergelijk met de nulmeting",
                "2 m",
                "tip 'evaluatiemoment-plannen' en fase 5 Evalueren",
            )
        )
    phase = figures.current_phase
    if phase is not None and not phase.complete:
        open_items = [item for item in phase.phase.checklist if not is_ticked(workbook, phase.phase.id, item.id)]
        if open_items:
            number = [figure.phase.id for figure in figures.phases].index(phase.phase.id) + 1
            steps.append(
                NextStep(
                    f"Fase {number}, {phase.phase.label}, nog open ({len(open_items)} van {phase.total}): "
                    f"{open_items[0].tekst}",
                    "3",
                    "RIVM-tool: de vijf fasen als stappenplan, de checklist van de huidige fase",
                )
            )
    if not steps:
        steps.append(
            NextStep(
                "Alles bij: kies met de werkgever de volgende strategie van de huidige fase",
                "3",
                "RIVM-tool: strategieën per fase",
            )
        )
    return steps[:SHOWN]
