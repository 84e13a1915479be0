"""Changes to the action plan. Each returns a new workbook and leaves the old one as it was,
so the previous state can be kept for undo."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from models.canonical import action_sort_key
from models.workbook import Action, ActionStatus, Workbook

if TYPE_CHECKING:
    from models.library import LibraryItem

NEXT_STATUS: dict[ActionStatus, ActionStatus] = {"idee": "gepland", "gepland": "bezig", "bezig": "klaar"}
"""The status one step further; klaar and gestopt have no next step."""


def next_action_id(workbook: Workbook) -> str:
    """``A`` and one more than the highest number ever given (A21 after A20, also when A20 was deleted)."""
    return f"A{workbook.last_action_number() + 1}"


def action_from_item(item: LibraryItem, workbook: Workbook) -> Action:
    """A new idea-stage action with the item's title, first phase, factors and source."""
    return Action(
        id=next_action_id(workbook),
        titel=item.title,
        status="idee",
        fase=item.phases[0] if item.phases else None,
        succesfactoren=list(item.factors),
        bron=item.key,
    )


def _with_actions(workbook: Workbook, actions: list[Action]) -> Workbook:
    """``workbook`` with these actions; the counter keeps the highest number ever given when it is above
    the highest in use, and is left out (None) otherwise, as the validator would leave it."""
    last = workbook.last_action_number()
    changed = workbook.model_copy(update={"acties": sorted(actions, key=lambda a: action_sort_key(a.id))})
    counter = last if last > changed.highest_action_number() else None
    return changed if counter == changed.laatste_actie else changed.model_copy(update={"laatste_actie": counter})


def with_action(workbook: Workbook, action: Action) -> Workbook:
    """``workbook`` with ``action`` added, or put in place of the action with the same id."""
    others = [existing for existing in workbook.acties if existing.id != action.id]
    return _with_actions(workbook, [*others, action])


def without_action(workbook: Workbook, action_id: str) -> Workbook:
    """``workbook`` without the action ``action_id``."""
    return _with_actions(workbook, [action for action in workbook.acties if action.id != action_id])


def advanced(action: Action, today: dt.date) -> Action | None:
    """The action one status further (klaar also records today as afgerond_op); None at the end."""
    status = NEXT_STATUS.get(action.status)
    if status is None:
        return None
    update: dict[str, object] = {"status": status}
    if status == "klaar" and action.afgerond_op is None:
        update["afgerond_op"] = today
    return action.model_copy(update=update)
