"""From the text typed in the action form to a valid action, or a Dutch message per field."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from models.form_parsing import (
    Errors,
    FormError,
    clean_field,
    parse_amount,
    parse_date,
    parse_into,
    validated,
)
from models.formatting import form_date, plain_number
from models.workbook import Action

TEXT_FIELDS = (
    "titel", "eigenaar", "wat", "waarom", "wie", "werkwijze", "waar", "wanneer", "bron", "evaluatie", "opmerking"
)  # fmt: skip
DATE_FIELDS = ("start", "deadline", "afgerond_op")
AMOUNT_FIELDS = ("budget", "uren")
CHOICE_FIELDS = ("status", "prioriteit", "fase")
ONE_LINE_FIELDS = frozenset({"titel", "eigenaar", "bron"})
"""Text fields of one line: a pasted line break becomes a space."""
FIELD_NAMES = {"afgerond_op": "afgerond op"}
"""How a message names a field, where that differs from its key."""


def action_from_form(
    values: Mapping[str, str],
    factors: Sequence[str],
    *,
    action_id: str,
    today: dt.date,
    original: Action | None = None,
) -> tuple[Action | None, Errors]:
    """The action the form describes, or None and a Dutch message per field that is wrong.

    Keys the form does not show (unknown keys from the file) are kept from ``original``.
    """
    errors: Errors = {}
    data: dict[str, Any] = dict(original.model_extra or {}) if original else {}
    data["id"] = action_id
    for name in TEXT_FIELDS:
        try:
            label = FIELD_NAMES.get(name, name)
            text = clean_field(
                values.get(name, ""), label, one_line=name in ONE_LINE_FIELDS, multiline=name == "werkwijze"
            )
        except FormError as error:
            errors[name] = str(error)
            continue
        if text:
            data[name] = text
    if "titel" not in data and "titel" not in errors:
        errors["titel"] = "vul een titel in"
    data.update({name: values[name] for name in CHOICE_FIELDS if values.get(name)})
    data["succesfactoren"] = list(factors)
    parse_into(data, errors, values, DATE_FIELDS, parse_date)
    parse_into(data, errors, values, AMOUNT_FIELDS, parse_amount)
    start, deadline = data.get("start"), data.get("deadline")
    if start and deadline and deadline < start:
        errors["deadline"] = (
            f"deadline {form_date(deadline)} ligt vóór start {form_date(start)}; "
            "de deadline moet op of na de startdatum liggen"
        )
    if data.get("status") == "klaar" and "afgerond_op" not in data and "afgerond_op" not in errors:
        data["afgerond_op"] = today
    return validated(Action, data, errors, first_field="titel")


def form_values(action: Action) -> dict[str, str]:
    """The form's text for an existing action (dates as 2026-12-01, whole numbers without .0)."""
    values: dict[str, str] = {}
    for name in (*TEXT_FIELDS, *CHOICE_FIELDS):
        value = getattr(action, name)
        values[name] = "" if value is None else str(value)
    for name in DATE_FIELDS:
        values[name] = form_date(getattr(action, name))
    for name in AMOUNT_FIELDS:
        values[name] = plain_number(getattr(action, name))
    return values
