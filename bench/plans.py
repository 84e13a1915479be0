"""Generated action plans for the benchmark and the tests: any number of actions, no two texts alike.

``generated_workbook(2000, 4)``: 2,000 actions, every one with its core fields, one in four with all
six W's. :func:`write_plan` saves one as a workbook file, as the app would.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from models.content import default_content
from models.store import LoadedWorkbook, save_workbook
from models.workbook import Action, Organisation, ScoringRound, Workbook

TOPICS = ("tillen", "knielen", "werkdruk", "storingsdienst", "roosters", "overleg", "ploegendienst", "beeldschermwerk")
PLACES = ("Zwolle", "Deventer", "Kampen", "Meppel", "Hattem")


def generated_action(n: int, factors: list[str], phases: list[str], full: bool) -> Action:
    """Action ``n``: every action has its core fields, ``full`` ones all six W's; no two texts alike."""
    topic, place = TOPICS[n % len(TOPICS)], PLACES[n % len(PLACES)]
    begin = dt.date(2026, 1, 5) + dt.timedelta(days=n % 300)
    status = ("idee", "gepland", "bezig", "klaar", "gestopt")[n % 5]
    extra: dict[str, object] = {}
    if full:
        extra = {
            "wie": f"Preventiemedewerker met {2 + n % 4} monteurs uit {place} en de bedrijfsarts.",
            "werkwijze": (
                f"Eerst een ronde langs de ploegen in {place} (actie {n}).\n"
                f"Daarna een proef van {3 + n % 5} weken met een aangepaste werkwijze voor {topic}.\n"
                "Uitkomst bespreken met de PVT en vastleggen in het werkoverleg."
            ),
            "waar": f"Op de werklocaties rond {place} en op kantoor.",
            "wanneer": f"Kwartaal {1 + n % 4}, elke {('maandag', 'dinsdag', 'donderdag')[n % 3]}ochtend.",
            "budget": float(250 * (n % 8)),
            "uren": float(n % 20) + 0.5,
            "bron": f"fase:{phases[n % 5]}",
        }
        if status == "klaar":
            extra["evaluatie"] = f"Deelname {40 + n % 60}%; klachten over {topic} in {place} namen af."
    return Action(
        id=f"A{n}",
        titel=f"{topic.capitalize()} in {place} aanpakken, ronde {n}",
        status=status,
        prioriteit=("hoog", "middel", "laag")[n % 3],
        fase=phases[n % 5],
        succesfactoren=sorted({factors[n % 10], factors[(n * 7) % 10]}),
        eigenaar=f"Teamleider {place} {n % 12}",
        start=begin,
        deadline=begin + dt.timedelta(days=30 + n % 90),
        afgerond_op=begin + dt.timedelta(days=20) if status == "klaar" else None,
        wat=f"Met de ploeg in {place} nagaan waar {topic} het meest belast en wat daar helpt (nummer {n}).",
        waarom=f"Bij {topic} ontstaan de meeste klachten; in {place} meldden {n % 9 + 1} mensen zich ziek.",
        **extra,  # type: ignore[arg-type]
    )


def generated_workbook(count: int, full_every: int) -> Workbook:
    """A workbook of ``count`` actions; one in ``full_every`` has all six W's filled in."""
    content = default_content()
    factors = [f.id for f in content.factors]
    phases = [p.id for p in content.phases]
    actions = [generated_action(n, factors, phases, n % full_every == 0) for n in range(1, count + 1)]
    rounds = [ScoringRound(datum=dt.date(2026, 3, 1), scores=dict.fromkeys(factors, 2))]
    organisation = Organisation(naam="Groot Testbedrijf BV", medewerkers=240)
    return Workbook(organisatie=organisation, metingen=rounds, acties=actions)


def write_plan(path: Path, workbook: Workbook) -> Path:
    """Save ``workbook`` to ``path`` as a new workbook file."""
    seed = LoadedWorkbook(path=path, workbook=workbook, digest=None)
    save_workbook(seed, workbook, content=default_content())
    return path
