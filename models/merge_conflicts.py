"""Merge conflicts kept in a workbook (``[[conflicten]]``, made by :mod:`models.merge`): shown and resolved.

:func:`conflict_view` says in Dutch where a conflict is and what the three versions hold, for
``werkboek check`` and the app's Conflicten screen. :func:`resolve_conflict` applies a choice (our value,
theirs, the base's, or one typed in) and returns the workbook without that conflict; it is pure, so the
screen passes the result to the store like any other change (and undo works).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from models.agreements import order_key, role_phrase
from models.content import Content, default_content
from models.dutch_messages import dutch_validation_message
from models.formatting import plain_number, short_date
from models.levels import SHORT_TITLES
from models.merge import KEYED, entry_keys, own_key, parse_field
from models.plan import with_action, without_action
from models.problems import WorkbookError, format_path
from models.references import reference_errors
from models.schema import BaseModel, ValidationError
from models.workbook import (
    Action,
    Agreement,
    Conflict,
    DiScan,
    LegalItemState,
    LevelChoice,
    LogEntry,
    Organisation,
    PhaseState,
    ScoringRound,
    Workbook,
)

Choice = Literal["basis", "ons", "hun", "waarde"]
"""What to keep: the base's value, ours, theirs, or a value of one's own (``value``)."""

SHOWN_TEXT = 60
"""A text longer than this is cut short in a conflict line (the file keeps all of it)."""

_WHOLE = {
    "acties": "de hele actie",
    "metingen": "de hele meting",
    "di_scan": "de hele DI-scan",
    "niveaus": "de hele keuze",
    "logboek": "het hele verslag",
    "akkoord": "het hele akkoord",
    "fasen": "de hele fase",
    "wettelijk": "het hele item",
}
_ENTRY_MODELS: dict[str, type[BaseModel]] = {
    "acties": Action,
    "metingen": ScoringRound,
    "di_scan": DiScan,
    "niveaus": LevelChoice,
    "logboek": LogEntry,
    "akkoord": Agreement,
    "fasen": PhaseState,
    "wettelijk": LegalItemState,
    "organisatie": Organisation,
}


class ResolveError(ValueError):
    """A choice that cannot be applied (an invalid value, an entry no longer there); the message is Dutch."""


# -- showing --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ConflictView:
    """One conflict as people read it."""

    where: str
    """The entry: ``actie A3 'Werkoverleg werkdruk'``, ``meting 10 mrt 2026``, ``profiel``."""
    field: str
    """``status``, ``score Tijd``, ``de hele actie``."""
    basis: str
    ons: str
    hun: str
    description: str

    @property
    def whole_entry(self) -> bool:
        return self.field.startswith(("de hele", "het hele"))

    def line(self) -> str:
        """``conflict: actie A3 'Werkoverleg werkdruk', veld status: ons "bezig", hun "klaar" (basis "gepland")``."""
        if self.whole_entry:
            return f"conflict: {self.where}, {self.field}: ons {self.ons}, hun {self.hun} ({self.description})"
        return f"conflict: {self.where}, veld {self.field}: ons {self.ons}, hun {self.hun} (basis {self.basis})"


def shown_value(value: Any) -> str:
    """A value of a conflict on one line: texts quoted and cut short, dates and numbers the Dutch way."""
    if _empty(value):
        return "(leeg)"
    if isinstance(value, str):
        text = " ⏎ ".join(value.split("\n"))
        return f'"{text if len(text) <= SHOWN_TEXT else text[: SHOWN_TEXT - 1] + "…"}"'
    if isinstance(value, list):
        return "[" + ", ".join(shown_value(item) for item in value) + "]"
    return _shown_scalar(value)


def _shown_scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, dt.date):
        return short_date(value)
    if isinstance(value, float):
        return plain_number(value)
    return "(tabel)" if isinstance(value, dict) else str(value)


def _entry_state(value: Any, base: Any) -> str:
    """What a side did with a whole entry: deleted, or which fields it changed."""
    if value is None or value == {}:
        return "verwijderd"
    if not isinstance(base, dict) or not isinstance(value, dict):
        return "aanwezig"
    changed = [key for key in [*value, *(k for k in base if k not in value)] if value.get(key) != base.get(key)]
    return f"gewijzigd ({', '.join(changed)})" if changed else "ongewijzigd"


def _title(conflict: Conflict, found: Mapping[str, Any] | None) -> str:
    for candidate in (found, conflict.ons, conflict.hun, conflict.basis):
        if isinstance(candidate, Mapping) and isinstance(candidate.get("titel"), str):
            return str(candidate["titel"])
    return ""


def _day(key: str) -> str:
    try:
        return short_date(dt.date.fromisoformat(key.split("#", maxsplit=1)[0].split(" ", maxsplit=1)[0]))
    except ValueError:
        return key


def _where(workbook: Workbook, conflict: Conflict, content: Content) -> str:
    part, key = conflict.onderdeel, conflict.sleutel or ""
    if part in ("acties", "logboek"):
        position = _position(workbook, part, key)
        entry = getattr(workbook, part)[position] if position is not None else None
        title = _title(conflict, {"titel": entry.titel} if entry is not None else None)
        if part == "acties":
            return f"actie {key} '{title}'" if title else f"actie {key}"
        return f"logboek {short_date(entry.datum) if entry is not None else _day(key)} '{title}'"
    named: dict[str, Callable[[], str]] = {
        "metingen": lambda: f"meting {_day(key)}",
        "di_scan": lambda: f"DI-scan {_day(key)}",
        "niveaus": lambda: f"niveaus {_day(key)}",
        "fasen": lambda: f"fase {phase.label if (phase := content.phase_by_id.get(key)) else key}",
        "wettelijk": lambda: f"wettelijk minimum '{item.titel if (item := content.legal_by_id.get(key)) else key}'",
        "organisatie": lambda: "profiel",
        "akkoord": lambda: _agreement_where(key),
    }
    if part in named:
        return named[part]()
    return part if key == "" else f"{part} {key}"


def _agreement_where(key: str) -> str:
    """``akkoord van de werkgever op 1 dec 2026`` for the key ``2026-12-01 werkgever`` (or ``…#2``)."""
    day, _, role = key.split("#", maxsplit=1)[0].partition(" ")
    return f"akkoord van {role_phrase(role)} op {_day(day)}" if role else f"akkoord {_day(day)}"


def _field(conflict: Conflict, content: Content) -> str:
    if conflict.veld is None:
        return _WHOLE.get(conflict.onderdeel, "het geheel")
    parts = parse_field(conflict.veld)
    if conflict.onderdeel == "metingen" and len(parts) == 2 and parts[0] in ("scores", "toelichting"):
        factor = content.factor_by_id.get(parts[1])
        label = factor.label if factor else parts[1]
        return f"score {label}" if parts[0] == "scores" else f"toelichting bij {label}"
    if conflict.onderdeel == "di_scan" and len(parts) == 2 and parts[0] in ("stand", "toelichting"):
        name = _indicator_name(content, parts[1])
        return f"stand {name}" if parts[0] == "stand" else f"toelichting bij {name}"
    if conflict.onderdeel == "fasen" and len(parts) == 2 and parts[0] == "notities":
        phase = content.phase_by_id.get(conflict.sleutel or "")
        item = next((i for i in phase.checklist if i.id == parts[1]), None) if phase else None
        return f"notitie bij '{item.tekst if item else parts[1]}'"
    if conflict.onderdeel == "niveaus" and len(parts) == 1 and parts[0] in SHORT_TITLES:
        return SHORT_TITLES[parts[0]]
    return conflict.veld


def _indicator_name(content: Content, indicator_id: str) -> str:
    try:
        found = content.di.indicator_by_id.get(indicator_id)
    except WorkbookError:
        found = None
    return found.naam if found else indicator_id


def conflict_view(workbook: Workbook, conflict: Conflict, content: Content | None = None) -> ConflictView:
    """``conflict`` (one of ``workbook.conflicten``) in words."""
    content = content or default_content()
    where, field = _where(workbook, conflict, content), _field(conflict, content)
    description = conflict.omschrijving or "aan beide kanten anders gewijzigd"
    if conflict.veld is None:
        ours, theirs = _entry_state(conflict.ons, conflict.basis), _entry_state(conflict.hun, conflict.basis)
        basis = "(er was nog niets)" if conflict.basis is None else "(zoals het was)"
        return ConflictView(where, field, basis, ours, theirs, description)
    shown = (shown_value(conflict.basis), shown_value(conflict.ons), shown_value(conflict.hun))
    return ConflictView(where, field, *shown, description)


def conflict_lines(workbook: Workbook, content: Content | None = None) -> list[str]:
    """One Dutch line per conflict (:meth:`ConflictView.line`), in the order of the file."""
    return [conflict_view(workbook, conflict, content).line() for conflict in workbook.conflicten]


# -- resolving ------------------------------------------------------------------------------------


def _light(section: str, entry: Any) -> dict[str, Any]:
    """What :func:`models.merge.own_key` reads of an entry model."""
    if section == "acties":
        return {"id": entry.id}
    if section == "logboek":
        return {"id": entry.id, "datum": entry.datum, "titel": entry.titel}
    if section == "akkoord":
        return {"datum": entry.datum, "door": entry.door}
    return {"datum": entry.datum}


def _position(workbook: Workbook, section: str, key: str) -> int | None:
    entries = getattr(workbook, section)
    if section == "acties":
        return next((i for i, action in enumerate(entries) if action.id == key), None)
    keys = entry_keys(section, [_light(section, entry) for entry in entries])
    return keys.index(key) if key in keys else None


def _data(model: BaseModel | None) -> dict[str, Any]:
    return {} if model is None else model.model_dump(by_alias=True, exclude_none=True)


def _set(data: dict[str, Any], path: Sequence[str], value: Any) -> dict[str, Any]:
    """``data`` with ``value`` at ``path`` (None: the key removed); the tables on the way are copied."""
    out = dict(data)
    head, *rest = path
    if rest:
        inner = out.get(head)
        out[head] = _set(inner if isinstance(inner, dict) else {}, rest, value)
    elif value is None:
        out.pop(head, None)
    else:
        out[head] = value
    return out


def _validated(model: type[BaseModel], data: Any, conflict: Conflict) -> Any:
    if not isinstance(data, dict):
        raise ResolveError(f"{conflict.onderdeel} {conflict.sleutel or ''}: verwacht een tabel, niet {data!r}".strip())
    try:
        return model.model_validate(data)
    except ValidationError as error:
        detail = error.errors(include_url=False)[0]
        where = format_path(list(detail["loc"])) or conflict.veld or conflict.onderdeel
        raise ResolveError(f"{where}: {dutch_validation_message(detail)}") from None


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, str | list | dict) and not value)


def _apply_entry(workbook: Workbook, conflict: Conflict, path: list[str], value: Any) -> tuple[Workbook, str | None]:
    """``workbook`` with ``value`` put in an entry of a keyed part; and the entry's key afterwards."""
    section, key = conflict.onderdeel, conflict.sleutel or ""
    model = _ENTRY_MODELS[section]
    position = _position(workbook, section, key)
    entries = list(getattr(workbook, section))
    current = entries[position] if position is not None else None
    if path:
        if current is None:
            kind = _WHOLE[section].split(" ", 2)[-1]  # "actie", "verslag", …
            raise ResolveError(f"{kind} {key} staat niet (meer) in het werkboek")
        chosen = _validated(model, _set(_data(current), path, value), conflict)
    elif value is None:
        chosen = None
    else:
        chosen = _validated(model, value, conflict)
    if section == "acties":
        if chosen is None:
            return (without_action(workbook, key) if current is not None else workbook), None
        if current is not None and chosen.id != key:
            workbook = without_action(workbook, key)
        return with_action(workbook, chosen), chosen.id
    if position is not None:
        del entries[position]
    if chosen is not None:
        entries.insert(position if position is not None else len(entries), chosen)
    if section == "akkoord":
        entries.sort(key=lambda entry: order_key(entry.datum, entry.door))
    else:
        entries.sort(key=lambda entry: entry.datum)  # stable: same-day entries keep their order
    new_key = own_key(section, _light(section, chosen)) if chosen is not None else None
    return workbook.model_copy(update={section: entries}), new_key


def _apply_item(workbook: Workbook, conflict: Conflict, path: list[str], value: Any) -> Workbook:
    """``workbook`` with ``value`` put in a phase, a legal item or the profile."""
    section, key = conflict.onderdeel, conflict.sleutel or ""
    model = _ENTRY_MODELS[section]
    if section == "organisatie":
        if not path:
            return workbook.model_copy(update={"organisatie": _validated(model, value, conflict)})
        data = _set(_data(workbook.organisatie), path, value)
        return workbook.model_copy(update={"organisatie": _validated(model, data, conflict)})
    items = dict(getattr(workbook, section))
    data = _set(_data(items.get(key)), path, value) if path else value
    if _empty(data):
        items.pop(key, None)
    else:
        items[key] = _validated(model, data, conflict)
    return workbook.model_copy(update={section: items})


def _apply_elsewhere(workbook: Workbook, conflict: Conflict, path: list[str], value: Any) -> Workbook:
    """A top-level key (``werkboek``) or a table the program does not know: through the whole workbook."""
    data = workbook.model_dump(by_alias=True, exclude_none=True)
    where = path if conflict.onderdeel == "werkboek" else [conflict.onderdeel, *path]
    if not where:
        raise ResolveError("dit conflict zegt niet waar het over gaat (geen veld)")
    try:
        return Workbook.model_validate(_set(data, where, value))
    except ValidationError as error:
        detail = error.errors(include_url=False)[0]
        raise ResolveError(f"{format_path(list(detail['loc']))}: {dutch_validation_message(detail)}") from None


def resolve_conflict(
    workbook: Workbook,
    index: int,
    choice: Choice,
    value: Any = None,
    *,
    content: Content | None = None,
) -> Workbook:
    """``workbook`` with conflict ``index`` resolved and gone from ``conflicten``.

    ``choice`` picks the value to keep: ``"ons"``, ``"hun"``, ``"basis"``, or ``"waarde"`` for ``value``
    (a TOML value: text, number, date, list, or a table for a whole entry; None empties the field, or for
    a whole entry deletes it). The value is checked as a load would check it; a value that is not
    allowed raises :class:`ResolveError` with a Dutch message, and nothing changes. Other conflicts on the
    same entry follow when the choice changes what it is known by (a log entry's date or title, a
    consent's date or role).
    """
    conflict = workbook.conflicten[index]
    chosen = value if choice == "waarde" else getattr(conflict, {"basis": "basis", "ons": "ons", "hun": "hun"}[choice])
    chosen = None if _empty(chosen) else chosen
    path = parse_field(conflict.veld) if conflict.veld else []
    rest = [found for number, found in enumerate(workbook.conflicten) if number != index]
    section = conflict.onderdeel
    if section in KEYED:
        changed, new_key = _apply_entry(workbook, conflict, path, chosen)
        if new_key is not None and new_key != conflict.sleutel:
            rest = [
                found.model_copy(update={"sleutel": new_key})
                if (found.onderdeel, found.sleutel) == (section, conflict.sleutel)
                else found
                for found in rest
            ]
    elif section in _ENTRY_MODELS:
        changed = _apply_item(workbook, conflict, path, chosen)
    else:
        changed = _apply_elsewhere(workbook, conflict, path, chosen)
    result = changed.model_copy(update={"conflicten": rest})
    problem = next(iter(reference_errors(result, content or default_content())), None)
    if problem is not None:
        loc, message = problem
        raise ResolveError(f"{format_path(loc)}: {message}")
    return result
