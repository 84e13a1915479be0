"""From the text typed in the action form to a valid action, or a Dutch message per field."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from pydantic import ValidationError

from models.dutch_messages import dutch_validation_message
from models.workbook import Action

TEXT_FIELDS = ("titel", "eigenaar", "wat", "waarom", "wie", "werkwijze", "waar", "wanneer", "bron", "evaluatie")
DATE_FIELDS = ("start", "deadline", "afgerond_op")
AMOUNT_FIELDS = ("budget", "uren")
CHOICE_FIELDS = ("status", "prioriteit", "fase")
MONTH_NAMES = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)  # fmt: skip

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DUTCH = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
_AMOUNT = re.compile(r"^-?\d+([.,]\d+)?$")


class FormError(ValueError):
    """A value the user typed that cannot be used; the message says what is allowed."""


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
        raise FormError(f"'{text}' is geen datum; schrijf 2026-12-01 of 1-12-2026")
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
        raise FormError(f"'{text.strip()}' is geen getal; schrijf bijvoorbeeld 1250 of 12,5")
    value = float(cleaned.replace(",", "."))
    if value < 0:
        raise FormError("mag niet negatief zijn")
    return value


def _parse_into(
    data: dict[str, Any],
    errors: dict[str, str],
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


def _text(name: str, text: str) -> str | None:
    cleaned = text.strip("\n") if name == "werkwijze" else text.strip()
    return cleaned or None


def action_from_form(
    values: Mapping[str, str],
    factors: Sequence[str],
    *,
    action_id: str,
    today: dt.date,
    original: Action | None = None,
) -> tuple[Action | None, dict[str, str]]:
    """The action the form describes, or None and a Dutch message per field that is wrong.

    Keys the form does not show (unknown keys from the file) are kept from ``original``.
    """
    errors: dict[str, str] = {}
    data: dict[str, Any] = dict(original.model_extra or {}) if original else {}
    data["id"] = action_id
    for name in TEXT_FIELDS:
        text = _text(name, values.get(name, ""))
        if text:
            data[name] = text
    if "titel" not in data:
        errors["titel"] = "vul een titel in"
    data.update({name: values[name] for name in CHOICE_FIELDS if values.get(name)})
    data["succesfactoren"] = list(factors)
    _parse_into(data, errors, values, DATE_FIELDS, parse_date)
    _parse_into(data, errors, values, AMOUNT_FIELDS, parse_amount)
    if data.get("status") == "klaar" and "afgerond_op" not in data and "afgerond_op" not in errors:
        data["afgerond_op"] = today
    if errors:
        return None, errors
    try:
        return Action.model_validate(data), {}
    except ValidationError as error:
        for detail in error.errors(include_url=False):
            field = str(detail["loc"][0]) if detail["loc"] else "titel"
            errors.setdefault(field, dutch_validation_message(detail))
        return None, errors


def form_values(action: Action) -> dict[str, str]:
    """The form's text for an existing action (dates as 2026-12-01, whole numbers without .0)."""
    values: dict[str, str] = {}
    for name in (*TEXT_FIELDS, *CHOICE_FIELDS):
        value = getattr(action, name)
        values[name] = "" if value is None else str(value)
    for name in DATE_FIELDS:
        day = getattr(action, name)
        values[name] = day.isoformat() if day else ""
    for name in AMOUNT_FIELDS:
        amount = getattr(action, name)
        values[name] = "" if amount is None else (str(int(amount)) if float(amount).is_integer() else str(amount))
    return values
