"""Changes to the action plan. Each returns a new workbook and leaves the old one as it was,
so the previous state can be kept for undo."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from models.canonical import action_sort_key
from models.workbook import Action, ActionStatus, Workbook

if TYPE_CHECKING:
    from models.library import LibraryItem

_NUMBERED = re.compile(r"^A(\d+)$")

NEXT_STATUS: dict[ActionStatus, ActionStatus] = {"idee": "gepland", "gepland": "bezig", "bezig": "klaar"}
"""The status one step further; klaar and gestopt have no next step."""


def next_action_id(workbook: Workbook) -> str:
    """``A`` and one more than the highest number in use (A21 after A20)."""
    numbers = [int(match.group(1)) for action in workbook.acties if (match := _NUMBERED.match(action.id))]
    return f"A{max(numbers, default=0) + 1}"


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
    return workbook.model_copy(update={"acties": sorted(actions, key=lambda a: action_sort_key(a.id))})


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
