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


def _counted(workbook: Workbook, changed: Workbook) -> Workbook:
    """``changed`` (``workbook`` with other actions) with the counter of the highest number ever given: kept
    when it is above the highest in use, left out (None) otherwise, as the validator would leave it."""
    last = workbook.last_action_number()
    counter = last if last > changed.highest_action_number() else None
    return changed if counter == changed.laatste_actie else changed.model_copy(update={"laatste_actie": counter})


def with_action(workbook: Workbook, action: Action) -> Workbook:
    """``workbook`` with ``action`` put in place of the action with the same id, or added (the plan then
    in id order).

    A changed action keeps its place without sorting the plan again: at 10,000 actions every status key
    and saved form goes through here, a new action far less often."""
    actions = list(workbook.acties)
    for index, existing in enumerate(actions):
        if existing.id == action.id:
            actions[index] = action
            return workbook.model_copy(update={"acties": actions})  # the same ids: the counter stays
    actions = sorted([*actions, action], key=lambda a: action_sort_key(a.id))
    return _counted(workbook, workbook.model_copy(update={"acties": actions}))


def without_action(workbook: Workbook, action_id: str) -> Workbook:
    """``workbook`` without the action ``action_id``."""
    remaining = [action for action in workbook.acties if action.id != action_id]
    return _counted(workbook, workbook.model_copy(update={"acties": remaining}))


def advanced(action: Action, today: dt.date) -> Action | None:
    """The action one status further (klaar also records today as afgerond_op); None at the end."""
    status = NEXT_STATUS.get(action.status)
    if status is None:
        return None
    update: dict[str, object] = {"status": status}
    if status == "klaar" and action.afgerond_op is None:
        update["afgerond_op"] = today
    return action.model_copy(update=update)
