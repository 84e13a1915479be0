"""Turning what someone typed in a form into values, with a Dutch message saying what is allowed.

Shared by every form (action, profile, log entry, legal item): the same date and number rules
everywhere, and the validation errors (models/schema.py) translated per field.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

from models.dutch_messages import dutch_validation_message
from models.formatting import MONTH_NAMES, number
from models.schema import BaseModel, ValidationError

_ESCAPE_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI: cursor moves, colours, clearing the screen
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC: window titles, links, clipboard
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"  # DCS, SOS, PM, APC strings
    r"|\x1b[ -~]?"  # any other escape, with its one following character
)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")
"""Control characters (tab and newline excepted) and the invisible marks that reverse text direction."""

TEXT_LIMIT = 10_000
"""The most characters a long text field (the 6 W's, a note) may hold."""
LINE_LIMIT = 200
"""The most characters a one-line field (a title, an owner) may hold."""

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DUTCH = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
_AMOUNT = re.compile(r"^-?\d+([.,]\d+)?$")
_WHOLE = re.compile(r"^-?\d+$")

M = TypeVar("M", bound=BaseModel)
Errors = dict[str, str]


class FormError(ValueError):
    """A value the user typed that cannot be used; the message says what is allowed."""


def _echo(text: str, most: int = 30) -> str:
    """What was typed, quoted in a message: printable, on one line, and not endless."""
    shown = printable(text, multiline=False).strip()
    return f"'{shown if len(shown) <= most else shown[: most - 1] + '…'}'"


def parse_date(text: str) -> dt.date | None:
    """``2026-12-01`` or ``1-12-2026`` (also with / or .); empty is no date."""
    text = text.strip()
    if not text:
        return None
    iso, dutch = _ISO.match(text), _DUTCH.match(text)
    if iso:
        year, month, day = (int(part) for part in iso.groups())
    elif dutch:
        day, month, year = (int(part) for part in dutch.groups())
    else:
        raise FormError(f"{_echo(text)} is geen datum; schrijf dag-maand-jaar, zoals 1-12-2026")
    if not 1 <= month <= 12:
        raise FormError(f"maand {month} bestaat niet; een maand is 1 tot en met 12")
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        raise FormError(f"{day}-{month}-{year} bestaat niet: {MONTH_NAMES[month - 1]} {year} heeft {days} dagen")
    return dt.date(year, month, day)


def parse_amount(text: str) -> float | None:
    """A number of euros or hours: ``1250``, ``12.5`` or ``12,5``; empty is none."""
    cleaned = text.strip().replace("€", "").replace(" ", "")
    if not cleaned:
        return None
    if not _AMOUNT.match(cleaned):
        raise FormError(f"{_echo(text)} is geen getal; schrijf bijvoorbeeld 1250 of 12,5")
    value = float(cleaned.replace(",", "."))
    if value < 0:
        raise FormError("mag niet negatief zijn")
    return value


def parse_count(text: str) -> int | None:
    """A whole number of at least 1 (people, for instance); empty is none."""
    cleaned = text.strip().replace(".", "").replace(" ", "")
    if not cleaned:
        return None
    if not _WHOLE.match(cleaned):
        raise FormError(f"{_echo(text)} is geen heel getal; schrijf bijvoorbeeld 23")
    value = int(cleaned)
    if value < 1:
        raise FormError("moet minstens 1 zijn")
    return value


def parse_percentage(text: str) -> float | None:
    """A percentage from 0 to 100: ``6``, ``6.1``, ``6,1`` or ``6,1%``; empty is none."""
    cleaned = text.strip().removesuffix("%").strip()
    if not cleaned:
        return None
    if not _AMOUNT.match(cleaned):
        raise FormError(f"{_echo(text)} is geen percentage; schrijf bijvoorbeeld 4,5")
    value = float(cleaned.replace(",", "."))
    if not 0 <= value <= 100:
        raise FormError(f"{cleaned}% kan niet; een percentage ligt tussen 0 en 100")
    return value


def parse_lines(text: str) -> list[str]:
    """One item per line, blank lines and surrounding spaces dropped."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def printable(text: str, *, multiline: bool = True) -> str:
    """``text`` without terminal escape sequences and control characters.

    Pasted text can carry them (``\\x1b[2J`` clears a screen, ``\\x07`` rings a bell). Line breaks
    (``\\r\\n``, ``\\r``) become ``\\n`` in a multi-line text and a space in a one-line one; a tab
    stays in a multi-line text and is a space elsewhere. Emoji, accents and wide characters stay.
    """
    text = _ESCAPE_SEQUENCE.sub("", text).replace("\r\n", "\n").replace("\r", "\n")
    if not multiline:
        text = " ".join(text.replace("\t", " ").splitlines())
    return _CONTROL.sub("", text)


def clean_text(text: str, *, multiline: bool = False) -> str | None:
    """Text as typed, without surrounding blank space (inner line breaks kept), escape sequences and
    control characters; empty is none."""
    text = printable(text)
    cleaned = text.strip("\n").rstrip() if multiline else text.strip()
    return cleaned if cleaned.strip() else None


def clean_field(
    text: str, label: str, *, one_line: bool = False, multiline: bool = False, limit: int | None = None
) -> str | None:
    """Like ``clean_text``; a ``one_line`` field becomes one line, and a text over ``limit`` characters
    is refused with a message naming ``label`` and the limit (nothing is cut off silently)."""
    most = limit or (LINE_LIMIT if one_line else TEXT_LIMIT)
    cleaned = clean_text(printable(text, multiline=not one_line), multiline=multiline)
    if cleaned is not None and len(cleaned) > most:
        raise FormError(
            f"{label} is te lang: {number(len(cleaned))} tekens, hoogstens {number(most)}; "
            "maak het korter" + ("" if not one_line else " en zet details in een tekstveld")
        )
    return cleaned


def parse_into(
    data: dict[str, Any],
    errors: Errors,
    values: Mapping[str, str],
    names: Sequence[str],
    parse: Callable[[str], object],
) -> None:
    """Parse each named value into ``data``; a value that cannot be parsed goes to ``errors``."""
    for name in names:
        try:
            parsed = parse(values.get(name, ""))
        except FormError as error:
            errors[name] = str(error)
        else:
            if parsed is not None:
                data[name] = parsed


def validated(model: type[M], data: dict[str, Any], errors: Errors, *, first_field: str) -> tuple[M | None, Errors]:
    """``model`` built from ``data``, or None and a Dutch message per field (earlier ``errors`` first)."""
    if errors:
        return None, errors
    try:
        return model.model_validate(data), {}
    except ValidationError as error:
        for detail in error.errors(include_url=False):
            field = str(detail["loc"][0]) if detail["loc"] else first_field
            errors.setdefault(field, dutch_validation_message(detail))
        return None, errors


def text_into(
    data: dict[str, Any],
    errors: Errors,
    values: Mapping[str, str],
    name: str,
    label: str,
    *,
    one_line: bool = False,
    multiline: bool = False,
) -> None:
    """Clean one text field (see :func:`clean_field`) into ``data``; a refusal goes to ``errors``."""
    try:
        text = clean_field(values.get(name, ""), label, one_line=one_line, multiline=multiline)
    except FormError as error:
        errors[name] = str(error)
        return
    if text:
        data[name] = text
