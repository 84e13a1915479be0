"""The session log (``logboek``): adding, editing and removing entries, newest first on screen.

Entries are kept in date order (the order of the file); entries of the same day keep the order
in which they were added. On screen an entry is known by its position in that list; in the file a new
entry also carries an ``id`` (:func:`~models.workbook.new_log_id`) by which a merge knows it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from models.form_parsing import Errors, parse_date, parse_into, parse_lines, text_into, validated
from models.formatting import form_date
from models.workbook import LogEntry, Workbook, new_log_id


def _sorted(entries: list[LogEntry]) -> list[LogEntry]:
    return sorted(entries, key=lambda entry: entry.datum)  # stable: same-day entries keep their order


def newest_first(workbook: Workbook) -> list[tuple[int, LogEntry]]:
    """(position, entry) pairs, the latest entry first."""
    return sorted(enumerate(workbook.logboek), key=lambda pair: (pair[1].datum, pair[0]), reverse=True)


def with_log_entry(workbook: Workbook, entry: LogEntry, position: int | None = None) -> Workbook:
    """``workbook`` with ``entry`` added (``position`` None) or put in place of the entry at ``position``."""
    entries = list(workbook.logboek)
    if position is None:
        entries.append(entry)
    else:
        entries[position] = entry
    return workbook.model_copy(update={"logboek": _sorted(entries)})


def without_log_entry(workbook: Workbook, position: int) -> Workbook:
    entries = [entry for index, entry in enumerate(workbook.logboek) if index != position]
    return workbook.model_copy(update={"logboek": entries})


def log_entry_from_form(values: Mapping[str, str], original: LogEntry | None = None) -> tuple[LogEntry | None, Errors]:
    """The entry the log form describes (participants and agreements one per line), or the errors."""
    errors: Errors = {}
    data: dict[str, Any] = dict(original.model_extra or {}) if original else {}
    # A new entry gets its identity now; an edited one keeps the one it has (an old entry without one
    # stays without, so an edit changes only what was edited).
    entry_id = new_log_id() if original is None else original.id
    if entry_id is not None:
        data["id"] = entry_id
    parse_into(data, errors, values, ("datum",), parse_date)
    if "datum" not in data and "datum" not in errors:
        errors["datum"] = "vul een datum in, bijvoorbeeld 1-12-2026"
    text_into(data, errors, values, "titel", "de titel", one_line=True)
    if "titel" not in data and "titel" not in errors:
        errors["titel"] = "vul een titel in, bijvoorbeeld 'Kick-off met directie'"
    data["deelnemers"] = parse_lines(values.get("deelnemers", ""))
    data["afspraken"] = parse_lines(values.get("afspraken", ""))
    text_into(data, errors, values, "notitie", "de notitie")
    return validated(LogEntry, data, errors, first_field="titel")


def log_form_values(entry: LogEntry) -> dict[str, str]:
    return {
        "datum": form_date(entry.datum),
        "titel": entry.titel,
        "deelnemers": "\n".join(entry.deelnemers),
        "notitie": entry.notitie or "",
        "afspraken": "\n".join(entry.afspraken),
    }


def blank_log_values(today: dt.date) -> dict[str, str]:
    """A new entry's form: today's date, the rest empty."""
    return {"datum": form_date(today), "titel": "", "deelnemers": "", "notitie": "", "afspraken": ""}
