"""Checks that a workbook only refers to factors, phases, checklist items and DI indicators that exist."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from models.content import Content
from models.problems import WorkbookError
from models.workbook import Workbook

Loc = tuple[str | int, ...]
Found = Iterator[tuple[Loc, str]]


def _allowed(ids: Iterable[str]) -> str:
    return ", ".join(ids)


def _unknown_factor(factor_id: str, content: Content) -> str:
    return f"onbekende succesfactor '{factor_id}'; toegestaan: {_allowed(content.factor_order)}"


def _scoring_rounds(workbook: Workbook, content: Content) -> Found:
    for r, scoring in enumerate(workbook.metingen):
        for table in ("scores", "toelichting"):
            for factor_id in getattr(scoring, table):
                if factor_id not in content.factor_order:
                    yield ("metingen", r, table, factor_id), _unknown_factor(factor_id, content)


def _di_scans(workbook: Workbook, content: Content) -> Found:
    """Marks and notes on indicators the DI content does not know (read only for a workbook with a scan)."""
    if not workbook.di_scan:
        return
    try:
        known = content.di.indicator_order
    except WorkbookError:  # the content's own problem, reported where the DI content is shown
        return
    for s, scan in enumerate(workbook.di_scan):
        for table in ("stand", "toelichting"):
            for indicator_id in getattr(scan, table):
                if indicator_id not in known:
                    yield (
                        ("di_scan", s, table, indicator_id),
                        f"onbekende DI-indicator '{indicator_id}'; toegestaan: {_allowed(known)}",
                    )


def _phases(workbook: Workbook, content: Content) -> Found:
    chosen = workbook.huidige_fase
    if chosen is not None and chosen not in content.phase_order:
        yield ("huidige_fase",), f"onbekende fase '{chosen}'; toegestaan: {_allowed(content.phase_order)}"
    for phase_id, state in workbook.fasen.items():
        if phase_id not in content.phase_order:
            yield ("fasen", phase_id), f"onbekende fase '{phase_id}'; toegestaan: {_allowed(content.phase_order)}"
            continue
        items = content.checklist_order[phase_id]
        allowed = f"toegestaan: {_allowed(items)}"
        seen: set[str] = set()
        for index, item_id in enumerate(state.afgevinkt):
            loc = ("fasen", phase_id, "afgevinkt", index)
            if item_id not in items:
                yield loc, f"onbekend checklist-item '{item_id}' in fase {phase_id}; {allowed}"
            elif item_id in seen:
                yield loc, f"checklist-item '{item_id}' staat er twee keer in"
            seen.add(item_id)
        for item_id in state.notities:
            if item_id not in items:
                yield (
                    ("fasen", phase_id, "notities", item_id),
                    f"notitie bij onbekend checklist-item '{item_id}'; {allowed}",
                )


def _actions(workbook: Workbook, content: Content) -> Found:
    first_index: dict[str, int] = {}
    for a, action in enumerate(workbook.acties):
        if action.id in first_index:
            yield (
                ("acties", a, "id"),
                f"actie-id '{action.id}' komt al voor bij acties[{first_index[action.id] + 1}]; "
                "elke actie heeft een eigen id",
            )
        first_index.setdefault(action.id, a)
        if action.fase is not None and action.fase not in content.phase_order:
            yield ("acties", a, "fase"), f"onbekende fase '{action.fase}'; toegestaan: {_allowed(content.phase_order)}"
        for f, factor_id in enumerate(action.succesfactoren):
            if factor_id not in content.factor_order:
                yield ("acties", a, "succesfactoren", f), _unknown_factor(factor_id, content)


def _legal(workbook: Workbook, content: Content) -> Found:
    for item_id in workbook.wettelijk:
        if item_id not in content.legal_order:
            yield (
                ("wettelijk", item_id),
                f"onbekend item van het wettelijk minimum '{item_id}'; toegestaan: {_allowed(content.legal_order)}",
            )


def reference_errors(workbook: Workbook, content: Content) -> Found:
    """Yield (location, Dutch message) for every id the content does not know, and doubled ids."""
    yield from _scoring_rounds(workbook, content)
    yield from _di_scans(workbook, content)
    yield from _phases(workbook, content)
    yield from _legal(workbook, content)
    yield from _actions(workbook, content)
