"""The period of a new cycle, and the file named after it: ``klant-2027.toml`` for a cycle in 2027.

A cycle is usually made at the end of the previous one, often in its last months: the file should carry
the year the new cycle runs in, not the day it was made. The proposal is the year after the one in the
current file's name (``klant-2026.toml`` → 2027); without a year there, the coming year from October on,
else this year. A period is a year (``2027``) or two consecutive years (``2027-2028``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from pathlib import Path

_PERIOD = re.compile(r"(\d{4})(?:-(\d{4}))?")
_PERIOD_AT_END = re.compile(r"-\d{4}(?:-\d{4})?(?:-\d+)?$")
FIRST_YEAR, LAST_YEAR = 2000, 2100
NEXT_YEAR_FROM_MONTH = 10


class PeriodError(ValueError):
    """A period the app cannot name a file after; the message says what is allowed, in Dutch."""


def proposed_period(source: Path, today: dt.date) -> str:
    """The period to propose for the cycle after ``source``."""
    found = re.search(r"-(\d{4})(?:-(\d{4}))?(?:-\d+)?$", source.stem)
    if found:
        last = int(found.group(2) or found.group(1))
        if FIRST_YEAR <= last < LAST_YEAR:
            return str(last + 1)
    return str(today.year + 1 if today.month >= NEXT_YEAR_FROM_MONTH else today.year)


def checked_period(text: str) -> str:
    """``text`` as a period (``2027`` or ``2027-2028``); :class:`PeriodError` when it is none."""
    text = text.strip().replace("–", "-").replace(" ", "")
    found = _PERIOD.fullmatch(text)
    if not found:
        raise PeriodError("geef een jaar (2027) of twee jaren achter elkaar (2027-2028)")
    first = int(found.group(1))
    last = int(found.group(2)) if found.group(2) else first
    if not FIRST_YEAR <= first <= LAST_YEAR:
        raise PeriodError(f"een jaar tussen {FIRST_YEAR} en {LAST_YEAR}")
    if found.group(2) and last != first + 1:
        raise PeriodError(f"twee jaren achter elkaar, zoals {first}-{first + 1}")
    return text


def cycle_file_name(source: Path, period: str, taken: Iterable[str]) -> str:
    """``klant-2027.toml`` (``klant-2027-2.toml`` … when taken) for the cycle of ``source`` in ``period``."""
    stem = _PERIOD_AT_END.sub("", source.stem)
    names = set(taken)
    candidate = f"{stem}-{period}.toml"
    number = 2
    while candidate in names:
        candidate = f"{stem}-{period}-{number}.toml"
        number += 1
    return candidate
