"""Changes to the action plan that every screen shares: new ids, and actions made from the library."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from models.canonical import action_sort_key
from models.workbook import Action, Workbook

if TYPE_CHECKING:
    from models.library import LibraryItem

_NUMBERED = re.compile(r"^A(\d+)$")


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


def with_action(workbook: Workbook, action: Action) -> Workbook:
    """A copy of ``workbook`` with ``action`` added; the original is left as it was."""
    changed = workbook.model_copy(deep=True)
    changed.acties.append(action)
    changed.acties.sort(key=lambda a: action_sort_key(a.id))
    return changed
