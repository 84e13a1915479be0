"""The DI-scan of a client (``[[di_scan]]``): per indicator of seed 003 a mark and a note, on a date.

The screens work on the latest scan; ``n`` starts a new one dated today as a copy of the one before,
so the file keeps how the marks changed. Every change returns a new workbook (the old one stays
intact for undo); scans are kept in date order, at most one per day.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from models.content import Di
from models.di_items import DiAspect, DiIndicator
from models.formatting import plain_number
from models.workbook import DI_MARKS, DiMark, DiScan, Workbook

MARK_SIGNS: dict[str, str] = {"niet": "✗", "begonnen": "◐", "geborgd": "✓"}
"""A sign per mark, so it never depends on colour alone."""
UNJUDGED = "niet beoordeeld"
UNJUDGED_SIGN = "·"


def latest_scan(workbook: Workbook) -> DiScan | None:
    """The most recent scan, if any."""
    return max(workbook.di_scan, key=lambda scan: scan.datum, default=None)


def scan_on(workbook: Workbook, day: dt.date) -> DiScan | None:
    return next((scan for scan in workbook.di_scan if scan.datum == day), None)


def _with_scan(workbook: Workbook, scan: DiScan, replacing: dt.date | None = None) -> Workbook:
    day = scan.datum if replacing is None else replacing
    others = [existing for existing in workbook.di_scan if existing.datum != day]
    return workbook.model_copy(update={"di_scan": sorted([*others, scan], key=lambda s: s.datum)})


def next_mark(mark: DiMark | None) -> DiMark | None:
    """The mark ``space`` steps to: (none) → niet → begonnen → geborgd → (none)."""
    if mark is None:
        return DI_MARKS[0]
    position = DI_MARKS.index(mark) + 1
    return DI_MARKS[position] if position < len(DI_MARKS) else None


def with_mark(workbook: Workbook, indicator_id: str, mark: DiMark | None, today: dt.date) -> Workbook:
    """The latest scan with ``mark`` for the indicator (None: not judged); a first scan is dated ``today``."""
    scan = latest_scan(workbook) or DiScan(datum=today)
    marks = dict(scan.stand)
    if mark is None:
        marks.pop(indicator_id, None)
    else:
        marks[indicator_id] = mark
    return _with_scan(workbook, scan.model_copy(update={"stand": marks}))


def with_next_mark(workbook: Workbook, indicator_id: str, today: dt.date) -> Workbook:
    scan = latest_scan(workbook)
    current = scan.stand.get(indicator_id) if scan else None
    return with_mark(workbook, indicator_id, next_mark(current), today)


def with_indicator_note(workbook: Workbook, indicator_id: str, note: str | None, today: dt.date) -> Workbook:
    """The latest scan with the note on one indicator (None or blank text: no note)."""
    scan = latest_scan(workbook) or DiScan(datum=today)
    notes = dict(scan.toelichting)
    if note is None or not note.strip():
        notes.pop(indicator_id, None)
    else:
        notes[indicator_id] = note.strip()
    return _with_scan(workbook, scan.model_copy(update={"toelichting": notes}))


def with_scan_note(workbook: Workbook, note: str | None, today: dt.date) -> Workbook:
    """The latest scan with its own note (over the whole scan)."""
    scan = latest_scan(workbook) or DiScan(datum=today)
    text = note.strip() if note and note.strip() else None
    return _with_scan(workbook, scan.model_copy(update={"notitie": text}))


class ScanDateTaken(ValueError):
    """There is already a scan on that day."""


def with_new_scan(workbook: Workbook, today: dt.date) -> Workbook:
    """A new scan dated ``today``, starting from the marks and notes of the latest one (its own note not)."""
    if scan_on(workbook, today) is not None:
        raise ScanDateTaken(f"er is al een DI-scan van {today.isoformat()}; die bewerk je gewoon verder")
    last = latest_scan(workbook)
    scan = DiScan(datum=today) if last is None else last.model_copy(update={"datum": today, "notitie": None})
    return _with_scan(workbook, scan)


# -- summing up -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class AspectCount:
    """How the indicators of one aspect are marked in a scan."""

    aspect: DiAspect
    counts: dict[str, int]
    """Per mark (and ``UNJUDGED``) how many indicators carry it."""

    @property
    def total(self) -> int:
        return len(self.aspect.indicatoren)

    def line(self) -> str:
        """``3 geborgd · 2 begonnen · 1 niet`` (marks that occur, strongest first; then not judged)."""
        parts = [f"{self.counts[mark]} {mark}" for mark in reversed(DI_MARKS) if self.counts.get(mark)]
        if self.counts.get(UNJUDGED):
            parts.append(f"{self.counts[UNJUDGED]} {UNJUDGED}")
        return " · ".join(parts)

    def short(self) -> str:
        """``3 geborgd · 2 begonnen · 1 niet`` with ``(van 7)`` when not every indicator was judged."""
        parts = [f"{self.counts[mark]} {mark}" for mark in reversed(DI_MARKS) if self.counts.get(mark)]
        if not parts:
            return "nog niets beoordeeld"
        text = " · ".join(parts)
        return f"{text} (van {self.total})" if self.counts.get(UNJUDGED) else text


def aspect_counts(scan: DiScan | None, di: Di) -> list[AspectCount]:
    """Per aspect, in content order, how many indicators have each mark."""
    marks = scan.stand if scan is not None else {}
    counts = []
    for aspect in di.aspects:
        tally = dict.fromkeys([*DI_MARKS, UNJUDGED], 0)
        for indicator in aspect.indicatoren:
            tally[marks.get(indicator.id, UNJUDGED)] += 1
        counts.append(AspectCount(aspect, tally))
    return counts


def mark_label(mark: str | None) -> str:
    """``✓ geborgd``, ``· niet beoordeeld``: the sign and the word."""
    if mark is None:
        return f"{UNJUDGED_SIGN} {UNJUDGED}"
    return f"{MARK_SIGNS.get(mark, '?')} {mark}"


def _percent(value: float) -> str:
    return f"{plain_number(value)}%"


def continuation_figures(indicator: DiIndicator) -> str | None:
    """``64,5% ja, 21,3% misschien, 5,9% nee (n = 197)``; None where the seed gives no figures."""
    if indicator.vervolg_ja is None or indicator.vervolg_misschien is None or indicator.vervolg_nee is None:
        return None
    text = (
        f"{_percent(indicator.vervolg_ja)} ja, {_percent(indicator.vervolg_misschien)} misschien, "
        f"{_percent(indicator.vervolg_nee)} nee"
    )
    return f"{text} (n = {indicator.vervolg_n})" if indicator.vervolg_n is not None else text


def continuation_text(indicator: DiIndicator) -> str | None:
    """``Vervolg: 64,5% ja, 21,3% misschien, 5,9% nee (n = 197)``; None where the seed gives no figures."""
    figures = continuation_figures(indicator)
    return f"Vervolg: {figures}" if figures else None


CONTINUATION_MEANING = (
    "Of ondernemers in het project hun acties op deze indicator wilden voortzetten: ja, misschien of nee, "
    "als deel van n acties (eindverslag DI in het mkb, Tabel 17–21)."
)
"""What the continuation figures say, in a line under them."""
