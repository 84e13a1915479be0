"""Checks that a workbook only refers to factors, phases and checklist items that exist."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from models.content import Content
from models.workbook import Workbook

Loc = tuple[str | int, ...]


def _allowed(ids: Iterable[str]) -> str:
    return ", ".join(ids)


def reference_errors(workbook: Workbook, content: Content) -> Iterator[tuple[Loc, str]]:
    """Yield (location, Dutch message) for every id the content does not know, and doubled ids."""
    factors = content.factor_order
    phases = content.phase_order
    factor_list = _allowed(factors)
    phase_list = _allowed(phases)

    for r, scoring in enumerate(workbook.metingen):
        for table in ("scores", "toelichting"):
            for factor_id in getattr(scoring, table):
                if factor_id not in factors:
                    yield (
                        ("metingen", r, table, factor_id),
                        f"onbekende succesfactor '{factor_id}'; toegestaan: {factor_list}",
                    )

    for phase_id, state in workbook.fasen.items():
        if phase_id not in phases:
            yield ("fasen", phase_id), f"onbekende fase '{phase_id}'; toegestaan: {phase_list}"
            continue
        items = content.checklist_order[phase_id]
        seen: set[str] = set()
        for index, item_id in enumerate(state.afgevinkt):
            if item_id not in items:
                yield (
                    ("fasen", phase_id, "afgevinkt", index),
                    f"onbekend checklist-item '{item_id}' in fase {phase_id}; toegestaan: {_allowed(items)}",
                )
            elif item_id in seen:
                yield ("fasen", phase_id, "afgevinkt", index), f"checklist-item '{item_id}' staat er twee keer in"
            seen.add(item_id)
        for item_id in state.notities:
            if item_id not in items:
                yield (
                    ("fasen", phase_id, "notities", item_id),
                    f"notitie bij onbekend checklist-item '{item_id}'; toegestaan: {_allowed(items)}",
                )

    first_index: dict[str, int] = {}
    for a, action in enumerate(workbook.acties):
        if action.id in first_index:
            yield (
                ("acties", a, "id"),
                f"actie-id '{action.id}' komt al voor bij acties[{first_index[action.id] + 1}]; "
                "elke actie heeft een eigen id",
            )
        first_index.setdefault(action.id, a)
        if action.fase is not None and action.fase not in phases:
            yield ("acties", a, "fase"), f"onbekende fase '{action.fase}'; toegestaan: {phase_list}"
        for f, factor_id in enumerate(action.succesfactoren):
            if factor_id not in factors:
                yield (
                    ("acties", a, "succesfactoren", f),
                    f"onbekende succesfactor '{factor_id}'; toegestaan: {factor_list}",
                )
