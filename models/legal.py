"""The legal minimum for one client: the state of each item, editing it, and how much is in order."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from models.content import Content
from models.content_items import LegalItem
from models.form_parsing import Errors, parse_date, parse_into, text_into, validated
from models.formatting import form_date
from models.legal_scope import Scope, legal_scope
from models.workbook import Action, LegalItemState, LegalStatus, Workbook

LEGAL_STATUSES: tuple[LegalStatus, ...] = ("onbekend", "aanwezig", "ontbreekt", "nvt")
"""In the order ``space`` steps through them."""
IN_ORDER: frozenset[str] = frozenset({"aanwezig", "nvt"})
STATUS_MARKS: dict[str, str] = {"aanwezig": "✓", "ontbreekt": "✗", "onbekend": "?", "nvt": "–"}
"""A sign per status, so it never depends on colour alone."""


def legal_state(workbook: Workbook, item_id: str) -> LegalItemState:
    """The client's state of an item (``onbekend`` when the file says nothing)."""
    return workbook.wettelijk.get(item_id) or LegalItemState()


def with_legal_state(workbook: Workbook, item_id: str, state: LegalItemState) -> Workbook:
    """``workbook`` with ``state`` for ``item_id``; an untouched ``onbekend`` leaves the file empty there."""
    items = dict(workbook.wettelijk)
    if state == LegalItemState():
        items.pop(item_id, None)
    else:
        items[item_id] = state
    return workbook.model_copy(update={"wettelijk": items})


def next_status(status: LegalStatus) -> LegalStatus:
    return LEGAL_STATUSES[(LEGAL_STATUSES.index(status) + 1) % len(LEGAL_STATUSES)]


def with_next_status(workbook: Workbook, item_id: str) -> Workbook:
    """Step the item's status on: onbekend → aanwezig → ontbreekt → nvt → onbekend."""
    state = legal_state(workbook, item_id)
    return with_legal_state(workbook, item_id, state.model_copy(update={"status": next_status(state.status)}))


def legal_state_from_form(
    values: Mapping[str, str], original: LegalItemState | None = None
) -> tuple[LegalItemState | None, Errors]:
    """The state the legal-item form describes, or None and a Dutch message per field."""
    errors: Errors = {}
    data: dict[str, Any] = dict(original.model_extra or {}) if original else {}
    if values.get("status"):
        data["status"] = values["status"]
    parse_into(data, errors, values, ("datum",), parse_date)
    text_into(data, errors, values, "notitie", "de notitie")
    return validated(LegalItemState, data, errors, first_field="status")


def legal_form_values(state: LegalItemState) -> dict[str, str]:
    return {"status": state.status, "datum": form_date(state.datum), "notitie": state.notitie or ""}


def source_key(item: LegalItem) -> str:
    """What an action made from this item has as ``bron``, linking the two."""
    return f"wettelijk:{item.id}"


def actions_for(workbook: Workbook, item: LegalItem) -> list[Action]:
    """The actions made from (linked to) a legal item."""
    key = source_key(item)
    return [action for action in workbook.acties if action.bron == key]


def client_scope(workbook: Workbook, item: LegalItem) -> Scope:
    """What ``item`` means for this client, from the number of employees and the representation on Organisatie."""
    organisation = workbook.organisatie
    return legal_scope(item, organisation.medewerkers, organisation.medezeggenschap)


@dataclass(frozen=True)
class LegalFigures:
    """How much of the legal minimum is in order, and what is missing or not yet known.

    Items that do not apply at this client's size (``not_applicable``) are left out of all other figures: they
    are neither in order nor missing. When the size is not known, every item counts."""

    in_order: int
    total: int
    missing: tuple[LegalItem, ...]
    unknown: tuple[LegalItem, ...]
    not_applicable: tuple[LegalItem, ...] = ()
    exemptions: tuple[tuple[LegalItem, Scope], ...] = ()
    """Items where an exemption or easier way may apply at this size, with the reason."""


def legal_figures(workbook: Workbook, content: Content) -> LegalFigures:
    scopes = {item.id: client_scope(workbook, item) for item in content.legal}
    counted = [item for item in content.legal if scopes[item.id].counts]
    states = {item.id: legal_state(workbook, item.id).status for item in counted}
    return LegalFigures(
        in_order=sum(1 for status in states.values() if status in IN_ORDER),
        total=len(counted),
        missing=tuple(item for item in counted if states[item.id] == "ontbreekt"),
        unknown=tuple(item for item in counted if states[item.id] == "onbekend"),
        not_applicable=tuple(item for item in content.legal if not scopes[item.id].counts),
        exemptions=tuple(
            (item, scopes[item.id]) for item in content.legal if scopes[item.id].verdict == "uitzondering"
        ),
    )
