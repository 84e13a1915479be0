"""The organisation profile: its size class, and the profile form's text to a valid profile."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from models.form_parsing import (
    Errors,
    parse_count,
    parse_into,
    parse_percentage,
    text_into,
    validated,
)
from models.formatting import plain_number
from models.workbook import Organisation, Workbook

TEXT_FIELDS = ("naam", "sector", "adviseur", "preventiemedewerker", "arbodienst", "bedrijfsarts")
REPRESENTATION_LABELS = {"or": "ondernemingsraad (OR)", "pvt": "personeelsvertegenwoordiging (PVT)", "geen": "geen"}

SIZE_CLASSES: tuple[tuple[int, str], ...] = ((10, "micro"), (50, "klein"), (250, "middelgroot"))
"""Upper bounds (exclusive) of the usual European size classes; 250 and more is ``groot``."""


def size_class(staff: int | None) -> str | None:
    """``micro`` (1–9), ``klein`` (10–49), ``middelgroot`` (50–249) or ``groot`` (250+)."""
    if staff is None:
        return None
    return next((name for bound, name in SIZE_CLASSES if staff < bound), "groot")


def organisation_from_form(
    values: Mapping[str, str], original: Organisation | None = None
) -> tuple[Organisation | None, Errors]:
    """The profile the form describes, or None and a Dutch message per field that is wrong."""
    errors: Errors = {}
    data: dict[str, Any] = dict(original.model_extra or {}) if original else {}
    for name in TEXT_FIELDS:
        text_into(data, errors, values, name, name, one_line=True)
    if "naam" not in data and "naam" not in errors:
        errors["naam"] = "vul de naam van de organisatie in"
    if values.get("medezeggenschap"):
        data["medezeggenschap"] = values["medezeggenschap"]
    parse_into(data, errors, values, ("medewerkers",), parse_count)
    parse_into(data, errors, values, ("verzuimpercentage",), parse_percentage)
    return validated(Organisation, data, errors, first_field="naam")


def profile_form_values(organisation: Organisation) -> dict[str, str]:
    values = {name: getattr(organisation, name) or "" for name in TEXT_FIELDS}
    values["medezeggenschap"] = organisation.medezeggenschap or ""
    values["medewerkers"] = "" if organisation.medewerkers is None else str(organisation.medewerkers)
    values["verzuimpercentage"] = plain_number(organisation.verzuimpercentage)
    return values


def with_organisation(workbook: Workbook, organisation: Organisation) -> Workbook:
    return workbook.model_copy(update={"organisatie": organisation})
