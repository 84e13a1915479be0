"""Scoring rounds (``metingen``): setting scores and notes, moving and removing a round, and how
scores and linked actions are summed up for the screens.

A round is known by its date: there is at most one round per day. Every change returns a new
workbook (the old one stays intact for undo); rounds are kept in date order.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from models.content import Content
from models.formatting import form_date, number
from models.workbook import OPEN_STATUSES, ScoringRound, Workbook


class RoundDateTaken(ValueError):
    """Another round already has that date."""


def round_on(workbook: Workbook, day: dt.date) -> ScoringRound | None:
    """The round held on ``day``, if any."""
    return next((scoring for scoring in workbook.metingen if scoring.datum == day), None)


def rounds_by_date(workbook: Workbook) -> list[ScoringRound]:
    """All rounds, oldest first."""
    return sorted(workbook.metingen, key=lambda scoring: scoring.datum)


def _with_round(workbook: Workbook, day: dt.date, scoring: ScoringRound | None) -> Workbook:
    """``workbook`` with the round of ``day`` replaced by ``scoring`` (or removed when None)."""
    others = [existing for existing in workbook.metingen if existing.datum != day]
    rounds = others if scoring is None else [*others, scoring]
    return workbook.model_copy(update={"metingen": sorted(rounds, key=lambda r: r.datum)})


def with_score(workbook: Workbook, day: dt.date, factor_id: str, score: int | None) -> Workbook:
    """Set (or with None clear) one factor's score in the round of ``day``, starting it if needed."""
    if score is not None and not 1 <= score <= 4:
        raise ValueError(f"score {score} kan niet; een score is 1, 2, 3 of 4")
    scoring = round_on(workbook, day) or ScoringRound(datum=day)
    scores = dict(scoring.scores)
    if score is None:
        scores.pop(factor_id, None)
    else:
        scores[factor_id] = score
    return _with_round(workbook, day, scoring.model_copy(update={"scores": scores}))


def with_round_note(workbook: Workbook, day: dt.date, factor_id: str, note: str | None) -> Workbook:
    """Set (or with None or blank text clear) the note on one factor in the round of ``day``."""
    scoring = round_on(workbook, day) or ScoringRound(datum=day)
    notes = dict(scoring.toelichting)
    if note is None or not note.strip():
        notes.pop(factor_id, None)
    else:
        notes[factor_id] = note.strip()
    return _with_round(workbook, day, scoring.model_copy(update={"toelichting": notes}))


def with_round_date(workbook: Workbook, day: dt.date, new_day: dt.date) -> Workbook:
    """Move the round of ``day`` to ``new_day``; raises :class:`RoundDateTaken` when that has a round."""
    scoring = round_on(workbook, day)
    if scoring is None or new_day == day:
        return workbook
    if round_on(workbook, new_day) is not None:
        raise RoundDateTaken(f"op {form_date(new_day)} is al een meting; kies een andere datum")
    moved = _with_round(workbook, day, None)
    return _with_round(moved, new_day, scoring.model_copy(update={"datum": new_day}))


def without_round(workbook: Workbook, day: dt.date) -> Workbook:
    """``workbook`` without the round of ``day``."""
    return _with_round(workbook, day, None)


SPARK = {1: "▁", 2: "▃", 3: "▅", 4: "█"}


def sparkline(scores: tuple[int | None, ...], width: int) -> str:
    """The last ``width`` rounds as blocks (▁ for 1 up to █ for 4, · where skipped)."""
    return "".join(SPARK[score] if score is not None else "·" for score in scores[-width:])


@dataclass(frozen=True)
class LinkedActions:
    """How many actions work on a factor or phase, by where they stand."""

    open: int
    done: int
    stopped: int


def linked_actions(workbook: Workbook, *, factor: str | None = None, phase: str | None = None) -> LinkedActions:
    """Count the actions that name ``factor`` among their factors, or have ``phase`` as phase."""
    matching = [
        action
        for action in workbook.acties
        if (factor is None or factor in action.succesfactoren) and (phase is None or action.fase == phase)
    ]
    return LinkedActions(
        open=sum(1 for a in matching if a.status in OPEN_STATUSES),
        done=sum(1 for a in matching if a.status == "klaar"),
        stopped=sum(1 for a in matching if a.status == "gestopt"),
    )


def linked_actions_per_factor(workbook: Workbook) -> dict[str, LinkedActions]:
    """:func:`linked_actions` for every factor at once: one pass over the plan, not one per factor."""
    counts: dict[str, list[int]] = {}
    for action in workbook.acties:
        column = (
            0
            if action.status in OPEN_STATUSES
            else 1
            if action.status == "klaar"
            else 2
            if action.status == "gestopt"
            else None
        )
        if column is None:
            continue
        for factor in action.succesfactoren:
            counts.setdefault(factor, [0, 0, 0])[column] += 1
    return {factor: LinkedActions(*numbers) for factor, numbers in counts.items()}


def round_summary(scoring: ScoringRound, content: Content) -> str:
    """``10 van 10 gescoord · gemiddeld 2,4`` for a list of rounds."""
    scored = [score for factor_id, score in scoring.scores.items() if factor_id in content.factor_order]
    if not scored:
        return "nog niets gescoord"
    average = number(sum(scored) / len(scored), decimals=1)
    return f"{len(scored)} van {len(content.factors)} gescoord · gemiddeld {average}"
