"""The action plan as a list: filter as you type, quick filters, sorting. Pure and fast enough to
run on every keystroke for thousands of actions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from models.canonical import action_sort_key
from models.content import Content
from models.text_search import fold, terms
from models.workbook import ACTION_STATUSES, Action

SortKey = Literal["id", "titel", "status", "fase", "succesfactoren", "eigenaar", "deadline"]
SORT_KEYS: tuple[SortKey, ...] = ("id", "titel", "status", "fase", "succesfactoren", "eigenaar", "deadline")
SEARCHED_FIELDS = ("titel", "eigenaar", "wat", "waarom", "wie", "werkwijze", "waar", "wanneer")
"""What typing in the filter searches: the title, the owner and the 6 W's."""


@dataclass(frozen=True)
class ActionFilter:
    """What the user narrowed the list to."""

    text: str = ""
    status: str | None = None
    phase: str | None = None
    factor: str | None = None
    owner: str | None = None
    overdue_only: bool = False


def is_overdue(action: Action, today: dt.date) -> bool:
    """Open and past its deadline."""
    return action.is_open and action.deadline is not None and action.deadline < today


_SEARCH_TEXT: dict[int, tuple[Action, str]] = {}


def search_text(action: Action) -> str:
    """The folded text the filter searches (kept per action object, which never changes)."""
    cached = _SEARCH_TEXT.get(id(action))
    if cached is not None and cached[0] is action:
        return cached[1]
    text = fold(" ".join(str(getattr(action, name) or "") for name in SEARCHED_FIELDS))
    if len(_SEARCH_TEXT) > 50_000:
        _SEARCH_TEXT.clear()
    _SEARCH_TEXT[id(action)] = (action, text)
    return text


def filtered(actions: Iterable[Action], wanted: ActionFilter, today: dt.date) -> list[Action]:
    """The actions that pass every part of the filter, in the given order."""
    words = terms(wanted.text)
    if wanted == ActionFilter(text=wanted.text):  # only words: the common case while typing
        return [action for action in actions if all(word in search_text(action) for word in words)]
    result = []
    for action in actions:
        if wanted.status is not None and action.status != wanted.status:
            continue
        if wanted.phase is not None and action.fase != wanted.phase:
            continue
        if wanted.factor is not None and wanted.factor not in action.succesfactoren:
            continue
        if wanted.owner is not None and (action.eigenaar or "") != wanted.owner:
            continue
        if wanted.overdue_only and not is_overdue(action, today):
            continue
        if words:
            text = search_text(action)
            if not all(word in text for word in words):
                continue
        result.append(action)
    return result


def sorted_actions(actions: Sequence[Action], key: SortKey, content: Content, *, reverse: bool = False) -> list[Action]:
    """``actions`` by one column; empty values always last, ties by id."""
    status_order = {status: index for index, status in enumerate(ACTION_STATUSES)}
    phase_order, factor_order = content.phase_order, content.factor_order
    values: dict[SortKey, Callable[[Action], Any]] = {
        "id": lambda action: 0,
        "titel": lambda action: fold(action.titel),
        "status": lambda action: status_order[action.status],
        "fase": lambda action: phase_order.get(action.fase, len(phase_order)) if action.fase else None,
        "succesfactoren": lambda action: min(
            (factor_order.get(f, len(factor_order)) for f in action.succesfactoren), default=None
        ),
        "eigenaar": lambda action: fold(action.eigenaar) if action.eigenaar else None,
        "deadline": lambda action: action.deadline,
    }
    value = values[key]

    by_id = sorted(actions, key=lambda a: action_sort_key(a.id))
    if key == "id":
        return by_id[::-1] if reverse else by_id
    present = [a for a in by_id if value(a) is not None]
    missing = [a for a in by_id if value(a) is None]
    present.sort(key=value, reverse=reverse)  # stable: ties stay in id order
    return present + missing


def owners(actions: Iterable[Action]) -> list[str]:
    """Every owner named in the plan, alphabetically."""
    return sorted({action.eigenaar for action in actions if action.eigenaar}, key=fold)
