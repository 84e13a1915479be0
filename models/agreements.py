"""Consent to the plan (``[[akkoord]]``): adding, editing and removing entries, newest first on screen.

An entry is known by its date and role (``door``): ``2026-12-01 werkgever`` in merges, diffs and
conflicts. The file keeps entries by date, and on one date in the order of :data:`AGREED_BY`, so two
people adding consents in a different order write the same bytes. On screen an entry is known by its
position in that list, as in the log.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Mapping
from typing import Any

from models.form_parsing import Errors, FormError, clean_field, parse_date, parse_into, text_into, validated
from models.formatting import form_date, short_date
from models.workbook import AGREED_BY, AGREED_BY_LABELS, Agreement, Workbook

ROLE_PHRASES: dict[str, str] = {
    "werkgever": "de werkgever",
    "or": "de ondernemingsraad (OR)",
    "pvt": "de personeelsvertegenwoordiging (PVT)",
    "medewerkers": "de medewerkers",
    "adviseur": "de adviseur",
}
"""A role as it reads after 'akkoord van': ``akkoord van de werkgever``."""
SHORT_LABELS: dict[str, str] = {
    "werkgever": "Werkgever",
    "or": "OR",
    "pvt": "PVT",
    "medewerkers": "Medewerkers",
    "adviseur": "Adviseur",
}
"""A role in a narrow list: ``PVT`` rather than ``Personeelsvertegenwoordiging (PVT)``."""
_ROLE_ORDER: dict[str, int] = {role: index for index, role in enumerate(AGREED_BY)}
_NAME_SEPARATORS = re.compile(r"[\n,;]")


def order_key(datum: Any, door: Any) -> tuple[str, int, str]:
    """The file's order of consent entries: by date, then by role (werkgever first); works on parsed TOML too."""
    day = datum.isoformat() if isinstance(datum, dt.date) else str(datum)
    return (day, _ROLE_ORDER.get(str(door), len(_ROLE_ORDER)), str(door))


def in_file_order(entries: list[Agreement]) -> list[Agreement]:
    return sorted(entries, key=lambda entry: order_key(entry.datum, entry.door))  # stable for doubles


def agreement_key(entry: Agreement) -> str:
    """What the entry is known by: ``2026-12-01 werkgever``."""
    return f"{entry.datum.isoformat()} {entry.door}"


def role_phrase(door: str) -> str:
    return ROLE_PHRASES.get(door, door)


def role_label(door: str) -> str:
    return AGREED_BY_LABELS.get(door, door)


def short_label(door: str) -> str:
    return SHORT_LABELS.get(door, door)


def agreement_phrase(entry: Agreement) -> str:
    """``akkoord van de werkgever op 1 dec 2026`` (for undo and notices)."""
    return f"akkoord van {role_phrase(entry.door)} op {short_date(entry.datum)}"


def agreement_title(entry: Agreement) -> str:
    """``Akkoord van de werkgever op 1 dec 2026``."""
    phrase = agreement_phrase(entry)
    return phrase[:1].upper() + phrase[1:]


def newest_first(workbook: Workbook) -> list[tuple[int, Agreement]]:
    """(position, entry) pairs, the latest date first (on one date in the file's order)."""
    return sorted(enumerate(workbook.akkoord), key=lambda pair: (-pair[1].datum.toordinal(), pair[0]))


def with_agreement(workbook: Workbook, entry: Agreement, position: int | None = None) -> Workbook:
    """``workbook`` with ``entry`` added (``position`` None) or put in place of the entry at ``position``."""
    entries = list(workbook.akkoord)
    if position is None:
        entries.append(entry)
    else:
        entries[position] = entry
    return workbook.model_copy(update={"akkoord": in_file_order(entries)})


def without_agreement(workbook: Workbook, position: int) -> Workbook:
    entries = [entry for index, entry in enumerate(workbook.akkoord) if index != position]
    return workbook.model_copy(update={"akkoord": entries})


def parse_names(text: str) -> list[str]:
    """Names separated by commas, semicolons or line breaks; blanks dropped, each one cleaned."""
    names = []
    for part in _NAME_SEPARATORS.split(text):
        name = clean_field(part, "een naam", one_line=True)
        if name:
            names.append(name)
    return names


def agreement_from_form(
    values: Mapping[str, str],
    original: Agreement | None = None,
    taken: Collection[str] = (),
) -> tuple[Agreement | None, Errors]:
    """The consent the form describes, or the errors. ``taken``: the keys (:func:`agreement_key`) of the
    other entries, so one role gives consent once per date."""
    errors: Errors = {}
    data: dict[str, Any] = dict(original.model_extra or {}) if original else {}
    parse_into(data, errors, values, ("datum",), parse_date)
    if "datum" not in data and "datum" not in errors:
        errors["datum"] = "vul een datum in, bijvoorbeeld 1-12-2026"
    door = values.get("door", "")
    if door in AGREED_BY:
        data["door"] = door
    else:
        errors["door"] = f"kies wie akkoord gaf: {', '.join(AGREED_BY_LABELS[role] for role in AGREED_BY)}"
    names = values.get("namen", "")
    try:
        if original is not None and names == "\n".join(original.namen):
            data["namen"] = list(original.namen)  # untouched: a name with a comma ("Dijk, M. van") stays whole
        else:
            data["namen"] = parse_names(names)
    except FormError as error:
        errors["namen"] = str(error)
    text_into(data, errors, values, "plaats", "de plaats", one_line=True)
    text_into(data, errors, values, "opmerking", "de opmerking")
    if "datum" in data and "door" in data and f"{data['datum'].isoformat()} {door}" in taken:
        errors["door"] = (
            f"{role_phrase(door)} gaf al akkoord op {short_date(data['datum'])}; "
            "bewerk dat akkoord, of kies een andere datum of rol"
        )
    return validated(Agreement, data, errors, first_field="datum")


def agreement_form_values(entry: Agreement) -> dict[str, str]:
    return {
        "datum": form_date(entry.datum),
        "door": entry.door,
        "namen": "\n".join(entry.namen),
        "plaats": entry.plaats or "",
        "opmerking": entry.opmerking or "",
    }


def blank_agreement_values(today: dt.date, door: str = "werkgever") -> dict[str, str]:
    """A new consent's form: today's date, the employer, the rest empty."""
    return {"datum": form_date(today), "door": door, "namen": "", "plaats": "", "opmerking": ""}


def expected_roles(workbook: Workbook) -> list[str]:
    """Whose consent the plan asks for, as its signature block does: the employer, the staff's
    representation (the OR, the PVT, or the staff themselves where there is neither) and the adviser."""
    representation = {"or": "or", "pvt": "pvt"}.get(workbook.organisatie.medezeggenschap or "", "medewerkers")
    return ["werkgever", representation, "adviseur"]


def missing_roles(workbook: Workbook) -> list[str]:
    """The :func:`expected_roles` that have not agreed yet."""
    given = {entry.door for entry in workbook.akkoord}
    return [role for role in expected_roles(workbook) if role not in given]


def next_role(workbook: Workbook) -> str:
    """The role a new consent most likely is: the first of :func:`missing_roles` (the employer when all
    have agreed)."""
    return next(iter(missing_roles(workbook)), "werkgever")
