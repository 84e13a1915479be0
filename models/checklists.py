"""The phase checklists: ticking items, a note per item, and which phase the client is in."""

from __future__ import annotations

from models.workbook import PhaseState, Workbook


def _with_state(workbook: Workbook, phase_id: str, state: PhaseState) -> Workbook:
    phases = dict(workbook.fasen)
    if state.afgevinkt or state.notities or state.model_extra:
        phases[phase_id] = state
    else:
        phases.pop(phase_id, None)
    return workbook.model_copy(update={"fasen": phases})


def is_ticked(workbook: Workbook, phase_id: str, item_id: str) -> bool:
    state = workbook.fasen.get(phase_id)
    return state is not None and item_id in state.afgevinkt


def with_ticked(workbook: Workbook, phase_id: str, item_id: str, ticked: bool) -> Workbook:
    """Tick (or untick) one checklist item of ``phase_id``."""
    state = workbook.fasen.get(phase_id) or PhaseState()
    items = [existing for existing in state.afgevinkt if existing != item_id]
    if ticked:
        items.append(item_id)
    return _with_state(workbook, phase_id, state.model_copy(update={"afgevinkt": items}))


def with_item_note(workbook: Workbook, phase_id: str, item_id: str, note: str | None) -> Workbook:
    """Set (or with None or blank text clear) the note on one checklist item."""
    state = workbook.fasen.get(phase_id) or PhaseState()
    notes = dict(state.notities)
    if note is None or not note.strip():
        notes.pop(item_id, None)
    else:
        notes[item_id] = note.strip()
    return _with_state(workbook, phase_id, state.model_copy(update={"notities": notes}))


def with_current_phase(workbook: Workbook, phase_id: str | None) -> Workbook:
    """Say which phase the client is in; None lets the checklists decide again."""
    return workbook.model_copy(update={"huidige_fase": phase_id})
