"""How the program writes numbers, money, hours, percentages, dates and counts in Dutch.

The one place for these forms, so a budget reads the same in the detail pane, the diff, the report
and the CSV. Pure Python: the app, the reports and the commands all use it.

- :func:`number` ``1.250,5`` — for reading: thousands with a point, a decimal comma, at most two decimals
- :func:`plain_number` ``1250,5`` — as people type it in a form and Excel (NL) reads it: no thousands point
- :func:`money` ``€ 1.250`` or ``€ 1.250,50`` — whole euros without cents
- :func:`hours` ``1,5 uur``
- :func:`percentage` ``4,5%``
- :func:`short_date` ``17 apr 2026``, :func:`form_date` ``17-4-2026``, :func:`long_date` ``17 april 2026``
- :func:`clock` ``09:05``
- :func:`days_phrase` ``over 5 dagen``, :func:`aantal` ``3 acties``
"""

from __future__ import annotations

import datetime as dt

MONTHS = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")
MONTH_NAMES = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)  # fmt: skip
_DUTCH_MARKS = str.maketrans(",.", ".,")


def number(value: float, *, decimals: int | None = None) -> str:
    """``1.250,5``: thousands with a point, a decimal comma; ``decimals`` fixed, else at most two, no trailing 0."""
    places = 2 if decimals is None else decimals
    rounded = round(float(value), places) + 0.0  # + 0.0 turns -0.0 into 0.0: no "-0"
    text = f"{rounded:,.{places}f}"
    if decimals is None and "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.translate(_DUTCH_MARKS)


def plain_number(value: float | None) -> str:
    """``1250,5``: the way people type a number in a form and Excel (NL) reads it; empty for none."""
    if value is None:
        return ""
    text = f"{float(value) + 0.0:.10f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text.replace(".", ",")


def money(euros: float) -> str:
    """``€ 1.250`` for whole euros, ``€ 1.250,50`` with cents."""
    whole = float(round(float(euros), 2)).is_integer()
    return f"€ {number(euros, decimals=0 if whole else 2)}"


def hours(value: float) -> str:
    """``1,5 uur`` (``uur`` also for more than one, as Dutch say it)."""
    return f"{number(value)} uur"


def percentage(value: float) -> str:
    """``4,5%``."""
    return f"{number(value)}%"


def short_date(day: dt.date, *, with_year: bool = True) -> str:
    """``6 okt 2026`` (or ``6 okt``)."""
    text = f"{day.day} {MONTHS[day.month - 1]}"
    return f"{text} {day.year}" if with_year else text


def form_date(day: dt.date | None) -> str:
    """``1-12-2026``: the way people here type a date (in forms, messages and the CSV for Excel); empty for none."""
    return f"{day.day}-{day.month}-{day.year}" if day else ""


def long_date(day: dt.date) -> str:
    """``1 december 2026``."""
    return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


def clock(moment: dt.datetime | dt.time) -> str:
    """The time of day: ``09:05``, ``14:35``."""
    return f"{moment.hour:02d}:{moment.minute:02d}"


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
    return f"{number(count)} {singular if count == 1 else plural}"
