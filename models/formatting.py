"""Dutch display forms for dates and day counts, shared by the app and reports."""

from __future__ import annotations

import datetime as dt

MONTHS = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")


def short_date(day: dt.date, *, with_year: bool = True) -> str:
    """``6 okt 2026`` (or ``6 okt``)."""
    text = f"{day.day} {MONTHS[day.month - 1]}"
    return f"{text} {day.year}" if with_year else text


def days_phrase(deadline: dt.date, today: dt.date) -> str:
    """How far a deadline is from today: ``vandaag``, ``morgen``, ``over 5 dagen``, ``3 dagen te laat``."""
    delta = (deadline - today).days
    if delta == 0:
        return "vandaag"
    if delta == 1:
        return "morgen"
    if delta == -1:
        return "1 dag te laat"
    if delta < 0:
        return f"{-delta} dagen te laat"
    return f"over {delta} dagen"


def aantal(count: int, singular: str, plural: str) -> str:
    """A count with its noun, singular for exactly one: ``1 actie``, ``0 acties``, ``3 acties``."""
    return f"{count} {singular if count == 1 else plural}"
