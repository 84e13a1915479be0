"""The plan van aanpak as plain data, gathered once from a workbook: what every format shows.

Word, PDF, HTML and Markdown all render this one :class:`PlanReport`, so they carry the same content in
the same order: title page, where the organisation stands (with the latest DI-scan when there is one), an
overview of the actions, each action's
six W's, the notes of the latest scoring round and of the checklists, a short logbook and the signature
block. Everything is already worded for the reader (names, not ids; Dutch dates are left to the writer).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from models.content import Content
from models.di_scan import UNJUDGED, aspect_counts, latest_scan
from models.figures import dashboard_figures
from models.formatting import hours, money, number, percentage, short_date
from models.legal import client_scope
from models.levels import LEVEL_MODELS, SHORT_TITLES, level_by_id
from models.profile import REPRESENTATION_LABELS, size_class
from models.sources import citations, link_title
from models.workbook import AGREED_BY_LABELS, OPEN_STATUSES, Action, ActionStatus, Agreement, Workbook

Progress = Callable[[int, int], None]
"""Called with (actions done, actions in all) while a report is made."""

W_LABELS = {
    "wat": "Wat",
    "waarom": "Waarom",
    "wie": "Wie",
    "werkwijze": "Werkwijze",
    "waar": "Waar",
    "wanneer": "Wanneer",
}
LOGBOOK_ENTRIES = 8
"""How many of the latest log entries the report summarises (the whole log stays in the workbook)."""


@dataclass(frozen=True)
class FactorScore:
    """One success factor's row in the score table."""

    name: str
    latest: int | None
    latest_label: str
    """The scale's word for the latest score (``deels``), empty when not scored."""
    first: int | None
    change: int | None
    """Latest minus the nulmeting; None until scored in two rounds."""


@dataclass(frozen=True)
class Scores:
    """The scores of every factor: the latest round against the first (the nulmeting)."""

    rounds: list[dt.date]
    factors: list[FactorScore]
    maximum: int
    """The highest score on the scale (4), for charts."""
    source: str = ""
    """Where the scale's words come from: ``Betekenis van de scores: Eigen uitwerking op basis van: …``."""

    @property
    def compared(self) -> bool:
        """Whether there is a first round to compare with: two rounds or more (else no "Verschil" column)."""
        return len(self.rounds) > 1


@dataclass(frozen=True)
class PhaseLine:
    name: str
    done: int
    total: int
    current: bool


@dataclass(frozen=True)
class LegalLine:
    """A part of the legal minimum that is missing or not yet known, with the consultant's note."""

    title: str
    note: str


@dataclass(frozen=True)
class Legal:
    """The legal minimum at this client's size: items that do not apply at this size are left out of the count
    and listed apart; items where an exemption may apply carry the reason as their note."""

    in_order: int
    total: int
    missing: list[LegalLine]
    unknown: list[LegalLine]
    exemptions: list[LegalLine] = field(default_factory=list)
    not_applicable: list[LegalLine] = field(default_factory=list)
    size_note: str = ""
    """One sentence on the size the list was worked out for, or why it could not be."""

    @property
    def by_size(self) -> tuple[tuple[str, list[LegalLine]], ...]:
        """The size-dependent groups with their headings, the same in every report format."""
        return (
            ("Uitzondering mogelijk bij deze omvang", self.exemptions),
            ("Geldt niet bij deze omvang (telt niet mee)", self.not_applicable),
        )


@dataclass(frozen=True)
class OverviewLine:
    """One action in the overview table: who does what by when."""

    id: str
    title: str
    owner: str
    start: dt.date | None
    deadline: dt.date | None
    status: str
    overdue: bool


@dataclass(frozen=True)
class ActionDetail:
    """One action in full: its facts on one line and its six W's."""

    id: str
    title: str
    status: str
    overdue: bool
    facts: list[tuple[str, str]]
    """Short facts as (label, text): priority, owner, dates, factors, budget, hours."""
    w_fields: list[tuple[str, str]]
    """The filled-in W's, then evaluation and remark, as (label, text); texts may hold line breaks."""
    sources: list[str]
    """Where the action came from, by title."""


@dataclass(frozen=True)
class ActionGroup:
    """The actions of one phase (or ``Zonder fase``), in plan order."""

    title: str
    actions: list[ActionDetail]


@dataclass(frozen=True)
class Note:
    """A note with what it belongs to: a factor (round notes) or a phase and checklist item."""

    subject: str
    text: str


@dataclass(frozen=True)
class LogLine:
    day: dt.date
    title: str
    agreements: list[str]


@dataclass(frozen=True)
class Signature:
    """One place to sign: a role, and the consent given for it when there is one (else blank lines)."""

    role: str
    names: list[str] = field(default_factory=list)
    day: dt.date | None = None
    place: str = ""
    remark: str = ""

    @property
    def given(self) -> bool:
        return self.day is not None


@dataclass(frozen=True)
class DiIndicatorLine:
    """One indicator of the DI-scan: its name, its mark in words, and the note."""

    name: str
    mark: str
    """``geborgd``, ``begonnen``, ``niet`` or ``niet beoordeeld``."""
    note: str = ""


@dataclass(frozen=True)
class DiAspectLines:
    """One DI aspect of the scan: its counts in a line and its indicators."""

    name: str
    summary: str
    """``2 geborgd · 1 begonnen · 1 niet (van 7)``."""
    indicators: list[DiIndicatorLine]


@dataclass(frozen=True)
class DiScanReport:
    """The latest DI-scan: per aspect the indicators and their marks, with notes."""

    day: dt.date
    note: str
    aspects: list[DiAspectLines]


@dataclass(frozen=True)
class PlanReport:
    """Everything the plan van aanpak shows, in reading order."""

    client: str
    adviseur: str
    made_on: dt.date
    period: tuple[dt.date, dt.date] | None
    """From the earliest start to the latest deadline of the actions; None when no action has a date."""
    facts: list[tuple[str, str]]
    """The organisation's profile as (label, text)."""
    levels: list[tuple[str, str]]
    current_phase: str
    phases: list[PhaseLine]
    scores: Scores
    legal: Legal
    summary: str
    """The plan in one sentence: how many actions, by status, open and overdue, budget."""
    overview: list[OverviewLine]
    groups: list[ActionGroup]
    round_notes: list[Note]
    round_notes_date: dt.date | None
    checklist_notes: list[Note]
    logbook: list[LogLine]
    logbook_total: int
    signatures: list[Signature]
    di_scan: DiScanReport | None = None
    """The latest DI-scan; None when the workbook has none (the report then has no DI-scan part)."""

    @property
    def action_count(self) -> int:
        return len(self.overview)


def _facts(workbook: Workbook) -> list[tuple[str, str]]:
    organisation = workbook.organisatie
    facts: list[tuple[str, str]] = []
    if organisation.sector:
        facts.append(("Sector", organisation.sector))
    if organisation.medewerkers:
        size = size_class(organisation.medewerkers)
        facts.append(
            (
                "Medewerkers",
                f"{number(organisation.medewerkers)} ({size})" if size else number(organisation.medewerkers),
            )
        )
    for label, value in (
        ("Adviseur", organisation.adviseur),
        ("Preventiemedewerker", organisation.preventiemedewerker),
        ("Arbodienst", organisation.arbodienst),
        ("Bedrijfsarts", organisation.bedrijfsarts),
        ("Medezeggenschap", REPRESENTATION_LABELS.get(organisation.medezeggenschap or "")),
    ):
        if value:
            facts.append((label, value))
    if organisation.verzuimpercentage is not None:
        facts.append(("Verzuim", percentage(organisation.verzuimpercentage)))
    return facts


def _period(actions: list[Action]) -> tuple[dt.date, dt.date] | None:
    days = [day for action in actions for day in (action.start, action.deadline) if day is not None]
    return (min(days), max(days)) if days else None


def _summary(workbook: Workbook, statuses: Mapping[ActionStatus, int], overdue: int) -> str:
    actions = workbook.acties
    if not actions:
        return "Het plan heeft nog geen acties."
    by_status = ", ".join(f"{count} {status}" for status, count in statuses.items() if count)
    open_count = sum(1 for action in actions if action.status in OPEN_STATUSES)
    sentence = f"{number(len(actions))} {'actie' if len(actions) == 1 else 'acties'} ({by_status}). "
    sentence += f"Open: {number(open_count)}, waarvan {number(overdue)} over de deadline."
    budget = sum(action.budget or 0 for action in actions if action.status != "gestopt")
    spent_hours = sum(action.uren or 0 for action in actions if action.status != "gestopt")
    if budget or spent_hours:
        sentence += f" Begroot (gestopte acties niet meegeteld): {money(budget)} en {hours(spent_hours)}."
    return sentence


def _detail(action: Action, content: Content, today: dt.date) -> ActionDetail:
    facts: list[tuple[str, str]] = []
    if action.prioriteit:
        facts.append(("Prioriteit", action.prioriteit))
    if action.eigenaar:
        facts.append(("Eigenaar", action.eigenaar))
    if action.start:
        facts.append(("Start", short_date(action.start)))
    if action.deadline:
        facts.append(("Deadline", short_date(action.deadline)))
    if action.afgerond_op:
        facts.append(("Afgerond op", short_date(action.afgerond_op)))
    if action.succesfactoren:
        names = (content.factor_by_id[f].label if f in content.factor_by_id else f for f in action.succesfactoren)
        facts.append(("Succesfactoren", ", ".join(names)))
    if action.budget is not None:
        facts.append(("Budget", money(action.budget)))
    if action.uren is not None:
        facts.append(("Uren", hours(action.uren)))
    w_fields = [(label, text) for name, label in W_LABELS.items() if (text := getattr(action, name))]
    if action.evaluatie:
        w_fields.append(("Evaluatie", action.evaluatie))
    if action.opmerking:
        w_fields.append(("Opmerking", action.opmerking))
    return ActionDetail(
        id=action.id,
        title=action.titel,
        status=action.status,
        overdue=_overdue(action, today),
        facts=facts,
        w_fields=w_fields,
        sources=link_title(action.bron, content).splitlines() if action.bron else [],
    )


def _overdue(action: Action, today: dt.date) -> bool:
    return action.is_open and action.deadline is not None and action.deadline < today


def _groups(workbook: Workbook, content: Content, today: dt.date, progress: Progress | None) -> list[ActionGroup]:
    """Actions grouped by phase in content order (actions without a known phase last)."""
    by_phase: dict[str, list[Action]] = {}
    for action in workbook.acties:
        by_phase.setdefault(action.fase if action.fase in content.phase_by_id else "", []).append(action)
    total, done = len(workbook.acties), 0
    groups = []
    for phase_id in [*(phase.id for phase in content.phases), ""]:
        details = []
        for action in by_phase.get(phase_id, []):
            details.append(_detail(action, content, today))
            done += 1
            if progress is not None:
                progress(done, total)
        if details:
            phase = content.phase_by_id.get(phase_id)
            groups.append(ActionGroup(phase.naam if phase else "Zonder fase", details))
    return groups


def _checklist_notes(workbook: Workbook, content: Content) -> list[Note]:
    notes = []
    for phase in content.phases:
        state = workbook.fasen.get(phase.id)
        if state is None:
            continue
        for item in phase.checklist:
            if text := state.notities.get(item.id):
                notes.append(Note(f"{phase.naam}: {item.tekst}", text))
    return notes


def _round_notes(workbook: Workbook, content: Content) -> tuple[list[Note], dt.date | None]:
    if not workbook.metingen:
        return [], None
    latest = max(workbook.metingen, key=lambda scoring_round: scoring_round.datum)
    notes = [
        Note(factor.naam, text) for factor in content.factors if (text := latest.toelichting.get(factor.id, "").strip())
    ]
    return notes, latest.datum


def scale_source(content: Content) -> str:
    """The source of the scale's words as a reader sees it; no seed gives a scale, so it is our own elaboration."""
    if not content.scale_bron:
        return ""
    return f"Betekenis van de scores: {'; '.join(citations(content.scale_bron, content))}"


def di_scan_report(workbook: Workbook, content: Content) -> DiScanReport | None:
    """The latest DI-scan in words, aspect by aspect; None without a scan (the DI content is then not read)."""
    scan = latest_scan(workbook)
    if scan is None:
        return None
    aspects = []
    for count in aspect_counts(scan, content.di):
        lines = [
            DiIndicatorLine(
                indicator.naam, scan.stand.get(indicator.id, UNJUDGED), scan.toelichting.get(indicator.id, "")
            )
            for indicator in count.aspect.indicatoren
        ]
        aspects.append(DiAspectLines(count.aspect.naam, count.short(), lines))
    return DiScanReport(scan.datum, scan.notitie or "", aspects)


def signatures(workbook: Workbook) -> list[Signature]:
    """The signature block: werkgever, the staff's representation, adviseur, and any other role that agreed.

    A role with consent in ``[[akkoord]]`` shows the latest consent as given (names, date, place, remark);
    a role without it gets blank lines to sign on paper. The representation follows the profile: the OR,
    the PVT, or the staff themselves where there is neither.
    """
    representation = {"or": "or", "pvt": "pvt"}.get(workbook.organisatie.medezeggenschap or "", "medewerkers")
    roles = ["werkgever", representation, "adviseur"]
    roles += [agreement.door for agreement in workbook.akkoord if agreement.door not in roles]
    latest: dict[str, Agreement] = {}
    for entry in sorted(workbook.akkoord, key=lambda entry: entry.datum):
        latest[entry.door] = entry
    block = []
    for role in dict.fromkeys(roles):
        agreement = latest.get(role)
        if agreement is None:
            names = [workbook.organisatie.adviseur] if role == "adviseur" and workbook.organisatie.adviseur else []
            block.append(Signature(AGREED_BY_LABELS[role], names=names))
        else:
            block.append(
                Signature(
                    AGREED_BY_LABELS[role],
                    names=list(agreement.namen),
                    day=agreement.datum,
                    place=agreement.plaats or "",
                    remark=agreement.opmerking or "",
                )
            )
    return block


def _legal_size_note(workbook: Workbook) -> str:
    """What the legal minimum was measured against: the number of employees and the representation."""
    organisation = workbook.organisatie
    if organisation.medewerkers is None:
        return (
            "Het aantal medewerkers is niet ingevuld; daarom tellen alle onderdelen mee en is niet "
            "nagegaan welke uitzonderingen bij deze omvang kunnen gelden."
        )
    body = {"or": ", met een OR", "pvt": ", met een PVT", "geen": ", zonder OR of PVT"}
    return f"Uitgegaan van {organisation.medewerkers} medewerkers{body.get(organisation.medezeggenschap or '', '')}."


def plan_report(workbook: Workbook, content: Content, today: dt.date, progress: Progress | None = None) -> PlanReport:
    """Gather the plan van aanpak from the workbook, as of ``today``."""
    figures = dashboard_figures(workbook, content, today)
    levels = [
        (SHORT_TITLES[model], level.naam)
        for model in LEVEL_MODELS
        if (level_id := figures.levels[model].level_id) and (level := level_by_id(content, model, level_id))
    ]
    scores = Scores(
        rounds=list(figures.round_dates),
        factors=[
            FactorScore(
                name=figure.factor.naam,
                latest=figure.latest,
                latest_label=content.scale_label(figure.latest) if figure.latest else "",
                first=figure.first,
                change=figure.change,
            )
            for figure in figures.factors
        ],
        maximum=max(int(key) for key in content.scale),
        source=scale_source(content),
    )
    legal_notes = {item_id: state.notitie or "" for item_id, state in workbook.wettelijk.items()}
    legal = Legal(
        in_order=figures.legal.in_order,
        total=figures.legal.total,
        missing=[LegalLine(item.titel, legal_notes.get(item.id, "")) for item in figures.legal.missing],
        unknown=[LegalLine(item.titel, legal_notes.get(item.id, "")) for item in figures.legal.unknown],
        exemptions=[LegalLine(item.titel, scope.reason) for item, scope in figures.legal.exemptions],
        not_applicable=[
            LegalLine(item.titel, client_scope(workbook, item).reason) for item in figures.legal.not_applicable
        ],
        size_note=_legal_size_note(workbook),
    )
    current = figures.current_phase
    round_notes, round_notes_date = _round_notes(workbook, content)
    logbook = sorted(workbook.logboek, key=lambda entry: entry.datum)
    return PlanReport(
        client=workbook.organisatie.naam,
        adviseur=workbook.organisatie.adviseur or "",
        made_on=today,
        period=_period(workbook.acties),
        facts=_facts(workbook),
        levels=levels,
        current_phase=current.phase.naam if current else "",
        phases=[
            PhaseLine(
                figure.phase.naam,
                figure.done,
                figure.total,
                current is not None and figure.phase.id == current.phase.id,
            )
            for figure in figures.phases
        ],
        scores=scores,
        legal=legal,
        summary=_summary(workbook, figures.statuses, len(figures.overdue)),
        overview=[
            OverviewLine(
                id=action.id,
                title=action.titel,
                owner=action.eigenaar or "",
                start=action.start,
                deadline=action.deadline,
                status=action.status,
                overdue=_overdue(action, today),
            )
            for action in workbook.acties
        ],
        groups=_groups(workbook, content, today, progress),
        round_notes=round_notes,
        round_notes_date=round_notes_date,
        checklist_notes=_checklist_notes(workbook, content),
        logbook=[LogLine(entry.datum, entry.titel, list(entry.afspraken)) for entry in logbook[-LOGBOOK_ENTRIES:]],
        logbook_total=len(logbook),
        signatures=signatures(workbook),
        di_scan=di_scan_report(workbook, content),
    )
