"""The parts of the PDF plan van aanpak as ReportLab flowables, in reading order (see :func:`story`).

The same content and order as the other plans (:mod:`models.plan_report`): title page, where the
organisation stands, an overview of the actions, each action in full, notes, the logbook and the
signature block. All workbook text goes through :func:`models.pdf_text.markup`, so it shows literally.
"""

from __future__ import annotations

from collections.abc import Iterable

from reportlab.graphics.shapes import Drawing, Line, Rect
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from models.formatting import long_date, short_date
from models.pdf_text import BODY_FONT, markup
from models.plan_report import ActionDetail, DiScanReport, Note, PlanReport, Scores, Signature

BOLD_FONT = "Helvetica-Bold"
MARGIN = 18 * mm
TEXT_WIDTH = A4[0] - 2 * MARGIN
ACCENT = colors.HexColor("#1F4E79")
MUTED_HEX, LATE_HEX, AGREED_HEX = "#5A5A5A", "#A61B1B", "#1F6E3A"
"""For markup in a paragraph: labels, "(te laat)", "akkoord gegeven"."""
MUTED = colors.HexColor(MUTED_HEX)
LATE_MARK = f'<font color="{LATE_HEX}"><b>(te laat)</b></font>'
BAR = colors.HexColor("#2E75B6")
TRACK = colors.HexColor("#E3E8EF")
HEADER_BACKGROUND = colors.HexColor("#E8EEF5")
RULE = colors.HexColor("#B8C4D2")

BODY = ParagraphStyle("body", fontName=BODY_FONT, fontSize=9.5, leading=13, spaceAfter=3)
SMALL = ParagraphStyle("small", BODY, fontSize=8.5, leading=11, spaceAfter=0)
SMALL_BOLD = ParagraphStyle("small-bold", SMALL, fontName=BOLD_FONT)
SMALL_RIGHT = ParagraphStyle("small-right", SMALL, alignment=TA_RIGHT)
SMALL_BOLD_RIGHT = ParagraphStyle("small-bold-right", SMALL_BOLD, alignment=TA_RIGHT)
MUTED_TEXT = ParagraphStyle("muted", BODY, textColor=MUTED)
TITLE = ParagraphStyle("title", BODY, fontName=BOLD_FONT, fontSize=30, leading=36, textColor=ACCENT, spaceAfter=10)
SUBTITLE = ParagraphStyle("subtitle", BODY, fontSize=17, leading=22, spaceAfter=24)
HEADING_1 = ParagraphStyle(
    "heading-1", BODY, fontName=BOLD_FONT, fontSize=16, leading=20, textColor=ACCENT, spaceBefore=6, spaceAfter=8
)
HEADING_2 = ParagraphStyle(
    "heading-2", BODY, fontName=BOLD_FONT, fontSize=12.5, leading=16, textColor=ACCENT, spaceBefore=10, spaceAfter=4
)
ACTION_HEADING = ParagraphStyle("action-heading", BODY, fontName=BOLD_FONT, fontSize=10.5, leading=14, spaceBefore=10)
LABEL_WIDTH = 24 * mm
LABELLED = ParagraphStyle(
    "labelled", BODY, leftIndent=LABEL_WIDTH, bulletIndent=0, bulletFontName=BOLD_FONT, spaceAfter=2
)
BULLETED = ParagraphStyle("bulleted", BODY, leftIndent=5 * mm, bulletIndent=1 * mm, spaceAfter=1)
NOTE_TEXT = ParagraphStyle("note", BODY, leftIndent=4 * mm)
SUB_BULLETED = ParagraphStyle("sub-bulleted", BULLETED, leftIndent=10 * mm, bulletIndent=6 * mm)
for _heading in (HEADING_1, HEADING_2, ACTION_HEADING):
    _heading.keepWithNext = 1  # never alone at the bottom of a page
SIGNATURE_WIDTHS = [32 * mm, 90 * mm]
KEPT_LENGTH = 16
FACTS = ParagraphStyle("facts", SMALL, spaceAfter=3)
FACTS.keepWithNext = 1  # with the heading and the first W
OUTLINE_LEVELS = {HEADING_1.name: 0, HEADING_2.name: 1}
"""Headings that get a bookmark in the PDF's outline, by style name, with their level."""

GRID = TableStyle(
    [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
    ]
)
HEADED_GRID = TableStyle(
    [("BACKGROUND", (0, 0), (-1, 0), HEADER_BACKGROUND), ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT)], parent=GRID
)


def _p(text: str, style: ParagraphStyle = BODY) -> Paragraph:
    """A paragraph of workbook (or our own) text, shown literally."""
    return Paragraph(markup(text), style)


def _table(rows: list[list[Flowable]], widths: list[float], *, header: bool = False) -> Table:
    style = HEADED_GRID if header else GRID
    return Table(rows, colWidths=widths, style=style, repeatRows=1 if header else 0, hAlign="LEFT")


def _label_table(pairs: Iterable[tuple[str, str]], label_width: float = 42 * mm) -> Table:
    rows: list[list[Flowable]] = [[_p(label, SMALL_BOLD), _p(text, SMALL)] for label, text in pairs]
    return _table(rows, [label_width, TEXT_WIDTH - label_width])


def _rect(width: float, height: float, colour: colors.Color) -> Rect:
    rect = Rect(0, 0, width, height)
    rect.fillColor, rect.strokeColor = colour, None
    return rect


def _bar(value: float, maximum: float, *, marker: float | None = None, width: float = 42 * mm) -> Drawing:
    """A horizontal bar: ``value`` of ``maximum`` filled in; ``marker`` a dark stripe (the nulmeting)."""
    height = 8.0
    drawing = Drawing(width, height)
    drawing.add(_rect(width, height, TRACK))
    if maximum and value:
        drawing.add(_rect(width * min(value, maximum) / maximum, height, BAR))
    if marker is not None and maximum:
        x = width * min(marker, maximum) / maximum
        drawing.add(Line(x, -1.5, x, height + 1.5, strokeColor=colors.black, strokeWidth=1.5))
    return drawing


def _bullets(lines: Iterable[str], style: ParagraphStyle = BULLETED) -> list[Flowable]:
    return [Paragraph(markup(line), style, bulletText="•") for line in lines]


def _signed(change: int | None) -> str:
    if change is None:
        return "–"
    return f"{change:+d}" if change else "0"


def title_page(report: PlanReport) -> list[Flowable]:
    facts = [("Adviseur", report.adviseur or "–"), ("Datum", long_date(report.made_on))]
    if report.period is not None:
        start, end = report.period
        facts.append(("Looptijd", f"{long_date(start)} tot en met {long_date(end)}"))
    else:
        facts.append(("Looptijd", "nog geen data gepland"))
    return [
        Spacer(1, 55 * mm),
        Paragraph("Plan van aanpak", TITLE),
        _p(report.client, SUBTITLE),
        _p("Gezond en veilig werken: waar de organisatie staat en wat zij gaat doen.", MUTED_TEXT),
        Spacer(1, 14 * mm),
        _label_table(facts, 30 * mm),
        PageBreak(),
    ]


def _scores(scores: Scores) -> list[Flowable]:
    parts: list[Flowable] = [Paragraph("Scores van de succesfactoren", HEADING_2)]
    if not scores.rounds:
        return [*parts, _p("Er is nog geen meting gedaan.")]
    if scores.compared:
        intro = (
            f"Laatste meting van {long_date(scores.rounds[-1])}, vergeleken met de nulmeting van "
            f"{long_date(scores.rounds[0])}. De balk toont de laatste score (van {scores.maximum}), "
            "het zwarte streepje de nulmeting."
        )
    else:
        intro = f"Nulmeting van {long_date(scores.rounds[0])}. De balk toont de score (van {scores.maximum})."
    header: list[Flowable] = [_p(text, SMALL_BOLD) for text in ("Succesfactor", "Laatste score", "")]
    rows: list[list[Flowable]] = [header + ([_p("Verschil", SMALL_BOLD_RIGHT)] if scores.compared else [])]
    for factor in scores.factors:
        score = f"{factor.latest} – {factor.latest_label}" if factor.latest else "niet gescoord"
        marker = factor.first if scores.compared and factor.first else None
        row: list[Flowable] = [_p(factor.name, SMALL), _bar(factor.latest or 0, scores.maximum, marker=marker)]
        row.append(_p(score, SMALL))
        if scores.compared:
            row.append(_p(_signed(factor.change), SMALL_RIGHT))
        rows.append(row)
    widths = [62 * mm, 46 * mm, 36 * mm] if scores.compared else [68 * mm, 46 * mm, 40 * mm]
    if scores.compared:
        widths.append(TEXT_WIDTH - sum(widths))
    table = _table(rows, widths, header=True)
    table.setStyle([("VALIGN", (1, 1), (1, -1), "MIDDLE")])
    source = [_p(scores.source, SMALL)] if scores.source else []  # the scale is our own elaboration; say so
    return [*parts, _p(intro), table, *source]


def _di_scan(scan: DiScanReport) -> list[Flowable]:
    """The latest DI-scan: per aspect a shaded row with its counts, then its indicators, marks and notes."""
    intro = (
        f"DI-scan van {long_date(scan.day)}: per DI-aspect hoe ver de organisatie is op elke indicator "
        "(niet, begonnen of geborgd). De scan onderbouwt de DI-typologie bij de niveaus."
    )
    parts: list[Flowable] = [CondPageBreak(60 * mm), Paragraph("DI-scan", HEADING_2), _p(intro)]  # not alone
    if scan.note:
        parts.append(_p(scan.note, NOTE_TEXT))
    rows: list[list[Flowable]] = [[_p(text, SMALL_BOLD) for text in ("Indicator", "Stand", "Toelichting")]]
    style = TableStyle([])
    for aspect in scan.aspects:
        style.add("SPAN", (0, len(rows)), (-1, len(rows)))
        style.add("BACKGROUND", (0, len(rows)), (-1, len(rows)), TRACK)
        rows.append([Paragraph(f"<b>{markup(aspect.name)}</b>: {markup(aspect.summary)}", SMALL), _p(""), _p("")])
        for line in aspect.indicators:
            mark = _p(line.mark, SMALL_BOLD if line.mark == "geborgd" else SMALL)
            rows.append([_p(line.name, SMALL), mark, _p(line.note, SMALL)])
    table = _table(rows, [64 * mm, 28 * mm, TEXT_WIDTH - 92 * mm], header=True)
    table.setStyle(style)
    return [*parts, table]


def _legal(report: PlanReport) -> list[Flowable]:
    legal = report.legal
    parts: list[Flowable] = [
        Paragraph("Wettelijk minimum", HEADING_2),
        _p(f"{legal.in_order} van de {legal.total} onderdelen zijn in orde. {legal.size_note}".rstrip()),
    ]
    for heading, lines in (("Ontbreekt", legal.missing), ("Nog onbekend", legal.unknown), *legal.by_size):
        if lines:
            parts.append(Paragraph(heading, SMALL_BOLD))
            parts += [
                Paragraph(
                    markup(line.title) + (f" — {markup(line.note)}" if line.note else ""), BULLETED, bulletText="•"
                )
                for line in lines
            ]
    return parts


def standing(report: PlanReport) -> list[Flowable]:
    """Where the organisation stands: profile, levels, phases, scores, the DI-scan (if any) and the legal minimum."""
    parts: list[Flowable] = [Paragraph("Waar de organisatie nu staat", HEADING_1)]
    parts.append(Paragraph("Organisatie", HEADING_2))
    parts.append(_label_table(report.facts) if report.facts else _p("Het profiel is nog niet ingevuld."))
    parts.append(Paragraph("Niveaus", HEADING_2))
    parts.append(_label_table(report.levels) if report.levels else _p("Er zijn nog geen niveaus gekozen."))
    parts.append(Paragraph("Fasen", HEADING_2))
    current = f"De organisatie is nu bezig met de fase {report.current_phase}." if report.current_phase else ""
    parts.append(_p(current or "Alle fasen zijn afgerond."))
    rows: list[list[Flowable]] = [[_p(text, SMALL_BOLD) for text in ("Fase", "Checklist", "")]]
    for phase in report.phases:
        name = markup(phase.name) + (" <b>(huidige fase)</b>" if phase.current else "")
        rows.append(
            [Paragraph(name, SMALL), _bar(phase.done, phase.total), _p(f"{phase.done} van {phase.total}", SMALL)]
        )
    table = _table(rows, [80 * mm, 46 * mm, TEXT_WIDTH - 126 * mm], header=True)
    table.setStyle([("VALIGN", (1, 1), (1, -1), "MIDDLE")])
    parts.append(table)
    parts += _scores(report.scores)
    if report.di_scan is not None:
        parts += _di_scan(report.di_scan)
    parts += _legal(report)
    return parts


def _anchor(action_id: str) -> str:
    return f"actie-{action_id}"


def overview(report: PlanReport) -> list[Flowable]:
    """Every action on one line: who does what by when; the header row comes back on every page."""
    parts: list[Flowable] = [PageBreak(), Paragraph("Overzicht van de acties", HEADING_1), _p(report.summary)]
    if not report.overview:
        return parts
    header = ("Id", "Actie", "Eigenaar", "Start", "Deadline", "Status")
    rows: list[list[Flowable]] = [[_p(text, SMALL_BOLD) for text in header]]
    for line in report.overview:
        status = markup(line.status) + (f"<br/>{LATE_MARK}" if line.overdue else "")
        rows.append(
            [
                Paragraph(f'<a href="#{_anchor(line.id)}">{markup(line.id)}</a>', SMALL),
                _p(line.title, SMALL),
                _p(line.owner, SMALL),
                _p(short_date(line.start) if line.start else "", SMALL),
                _p(short_date(line.deadline) if line.deadline else "", SMALL),
                Paragraph(status, SMALL),
            ]
        )
    widths = [13 * mm, 0.0, 36 * mm, 20 * mm, 20 * mm, 19 * mm]
    widths[1] = TEXT_WIDTH - sum(widths)
    parts.append(_table(rows, widths, header=True))
    return parts


def _kept(text: str) -> str:
    """A short fact (a date, an amount) that a line break never cuts in two."""
    return text.replace(" ", "\u00a0") if len(text) <= KEPT_LENGTH else text


def _facts_line(action: ActionDetail) -> str:
    status = markup(action.status) + (f"\u00a0{LATE_MARK}" if action.overdue else "")
    facts = [f'<font color="{MUTED_HEX}">Status:</font>\u00a0{status}']
    facts += [
        f'<font color="{MUTED_HEX}">{markup(_kept(label))}:</font>\u00a0{markup(_kept(text))}'
        for label, text in action.facts
    ]
    return " · ".join(facts)


def _action(action: ActionDetail, anchored: bool) -> list[Flowable]:
    """One action in full: heading, facts on one line, the W's (and evaluation, remark) and its sources."""
    anchor = f'<a name="{_anchor(action.id)}"/>' if anchored else ""
    parts: list[Flowable] = [
        Paragraph(f"{anchor}{markup(action.id)}  {markup(action.title)}", ACTION_HEADING),
        Paragraph(_facts_line(action), FACTS),
    ]
    parts += [Paragraph(markup(text), LABELLED, bulletText=label) for label, text in action.w_fields]
    if action.sources:
        label = "Bron" if len(action.sources) == 1 else "Bronnen"
        parts.append(Paragraph("<br/>".join(markup(source) for source in action.sources), LABELLED, bulletText=label))
    if not action.w_fields and not action.sources:
        parts.append(_p("De zes W's zijn nog niet ingevuld.", MUTED_TEXT))
    return parts


def actions(report: PlanReport) -> list[Flowable]:
    """Each action in full, grouped by phase."""
    if not report.groups:
        return []
    parts: list[Flowable] = [PageBreak(), Paragraph("De acties uitgewerkt", HEADING_1)]
    anchored: set[str] = set()
    for group in report.groups:
        parts.append(Paragraph(markup(group.title), HEADING_2))
        for action in group.actions:
            parts += _action(action, action.id not in anchored)
            anchored.add(action.id)
    return parts


def _notes(notes: list[Note]) -> list[Flowable]:
    parts: list[Flowable] = []
    for note in notes:
        parts.append(KeepTogether([_p(note.subject, SMALL_BOLD), _p(note.text, NOTE_TEXT)]))
    return parts


def notes(report: PlanReport) -> list[Flowable]:
    """The notes of the latest scoring round and of the phases' checklists."""
    parts: list[Flowable] = [CondPageBreak(50 * mm), Paragraph("Notities", HEADING_1)]
    if report.round_notes_date is not None:
        parts.append(Paragraph(f"Bij de meting van {long_date(report.round_notes_date)}", HEADING_2))
        parts += _notes(report.round_notes) or [_p("Bij deze meting zijn geen notities gemaakt.", MUTED_TEXT)]
    parts.append(Paragraph("Bij de checklists van de fasen", HEADING_2))
    parts += _notes(report.checklist_notes) or [_p("Bij de checklists zijn geen notities gemaakt.", MUTED_TEXT)]
    return parts


def logbook(report: PlanReport) -> list[Flowable]:
    """The latest sessions with their agreements."""
    parts: list[Flowable] = [CondPageBreak(50 * mm), Paragraph("Logboek", HEADING_1)]
    if not report.logbook:
        return [*parts, _p("Er zijn nog geen verslagen.", MUTED_TEXT)]
    shown, total = len(report.logbook), report.logbook_total
    if shown < total:
        parts.append(_p(f"De laatste {shown} van {total} verslagen; het hele logboek staat in het werkboek."))
    for entry in reversed(report.logbook):
        entry_parts: list[Flowable] = [Paragraph(f"<b>{short_date(entry.day)}</b>  {markup(entry.title)}", BODY)]
        entry_parts += _bullets(entry.agreements, SUB_BULLETED)
        parts.append(KeepTogether(entry_parts))
        parts.append(Spacer(1, 4))
    return parts


SIGNATURE = TableStyle(
    [
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("TOPPADDING", (0, 1), (-1, -1), 7),
        ("SPAN", (0, 0), (-1, 0)),
        ("LINEABOVE", (0, 0), (-1, 0), 0.8, ACCENT),
    ]
)
TO_FILL_IN = TableStyle(
    [("LINEBELOW", (1, 1), (1, -1), 0.6, colors.black), ("TOPPADDING", (0, -1), (-1, -1), 26)], parent=SIGNATURE
)
"""Lines to write on, and room above the last one for a signature."""


def _signature(signature: Signature) -> Table:
    """One role: filled in where consent is given, else blank lines to fill in and sign on paper."""
    rows: list[list[Flowable]]
    if signature.day is not None:
        title = markup(signature.role) + f' — <font color="{AGREED_HEX}">akkoord gegeven</font>'
        pairs = [("Naam" if len(signature.names) == 1 else "Namen", ", ".join(signature.names) or "–")]
        pairs.append(("Datum", long_date(signature.day)))
        pairs += [
            (label, text) for label, text in (("Plaats", signature.place), ("Opmerking", signature.remark)) if text
        ]
        rows = [[Paragraph(title, SMALL_BOLD), Spacer(1, 1)]]
        rows += [[_p(label, SMALL), _p(text, SMALL)] for label, text in pairs]
        return Table(rows, colWidths=SIGNATURE_WIDTHS, style=SIGNATURE, hAlign="LEFT")
    rows = [[_p(signature.role, SMALL_BOLD), Spacer(1, 1)], [_p("Naam", SMALL), _p(", ".join(signature.names), SMALL)]]
    rows += [[_p(label, SMALL), Spacer(1, 1)] for label in ("Datum", "Plaats", "Handtekening")]
    return Table(rows, colWidths=SIGNATURE_WIDTHS, style=TO_FILL_IN, hAlign="LEFT")


def signatures(report: PlanReport) -> list[Flowable]:
    """The signature block, kept together on one page."""
    parts: list[Flowable] = [
        Paragraph("Akkoord en ondertekening", HEADING_1),
        _p("Met hun handtekening gaan de betrokkenen akkoord met dit plan van aanpak."),
    ]
    for signature in report.signatures:
        parts += [Spacer(1, 8), _signature(signature)]
    return [Spacer(1, 6), KeepTogether(parts)]


def story(report: PlanReport) -> list[Flowable]:
    """The whole plan, part after part."""
    return [
        *title_page(report),
        *standing(report),
        *overview(report),
        *actions(report),
        *notes(report),
        *logbook(report),
        *signatures(report),
    ]
