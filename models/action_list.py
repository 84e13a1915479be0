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


def matcher(
    wanted: ActionFilter, today: dt.date, text_of: Callable[[Action], str] = search_text
) -> Callable[[Action], bool]:
    """Whether an action passes every part of the filter (``text_of`` gives the text the words are sought in)."""
    words = terms(wanted.text)

    def passes(action: Action) -> bool:
        if (
            (wanted.status is not None and action.status != wanted.status)
            or (wanted.phase is not None and action.fase != wanted.phase)
            or (wanted.factor is not None and wanted.factor not in action.succesfactoren)
            or (wanted.owner is not None and (action.eigenaar or "") != wanted.owner)
            or (wanted.overdue_only and not is_overdue(action, today))
        ):
            return False
        if words:
            text = text_of(action)
            return all(word in text for word in words)
        return True

    return passes


def filtered(actions: Iterable[Action], wanted: ActionFilter, today: dt.date) -> list[Action]:
    """The actions that pass every part of the filter, in the given order."""
    if wanted == ActionFilter(text=wanted.text):  # only words: the common case while typing
        words = terms(wanted.text)
        return [action for action in actions if all(word in search_text(action) for word in words)]
    passes = matcher(wanted, today)
    return [action for action in actions if passes(action)]


def narrows(narrower: ActionFilter, wider: ActionFilter) -> bool:
    """Every action ``narrower`` lets through, ``wider`` lets through too (so ``narrower`` may filter
    the rows of ``wider`` instead of the whole plan): each quick filter of ``wider`` is in ``narrower``,
    and each word of ``wider`` is part of a word of ``narrower`` (typing on, or adding a word)."""
    for field in ("status", "phase", "factor", "owner"):
        value = getattr(wider, field)
        if value is not None and getattr(narrower, field) != value:
            return False
    if wider.overdue_only and not narrower.overdue_only:
        return False
    words = terms(narrower.text)
    return all(any(part in word for word in words) for part in terms(wider.text))


def _sort_values(key: SortKey, content: Content) -> Callable[[Action], Any]:
    """What ``key`` sorts on for one action; None for an empty value (those go last)."""
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
    return values[key]


def sorted_actions(actions: Sequence[Action], key: SortKey, content: Content, *, reverse: bool = False) -> list[Action]:
    """``actions`` by one column; empty values always last, ties by id."""
    return sorted_from_id_order(sorted(actions, key=lambda a: action_sort_key(a.id)), key, content, reverse=reverse)


def sorted_from_id_order(
    by_id: Sequence[Action], key: SortKey, content: Content, *, reverse: bool = False
) -> list[Action]:
    """:func:`sorted_actions` of actions already in id order (``by_id``): no ids to compare again."""
    if key == "id":
        return list(by_id[::-1] if reverse else by_id)
    value = _sort_values(key, content)
    present = [a for a in by_id if value(a) is not None]
    missing = [a for a in by_id if value(a) is None]
    present.sort(key=value, reverse=reverse)  # stable: ties stay in id order
    return present + missing


class _Descending:
    """A value that sorts the other way round (for reversed sorting with ties still by id, ascending)."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Descending) and self.value == other.value

    def __lt__(self, other: _Descending) -> bool:
        return bool(other.value < self.value)

    __hash__ = None  # type: ignore[assignment]


def order_key(key: SortKey, reverse: bool, content: Content) -> Callable[[Action], Any]:
    """A key that puts actions in exactly the order of :func:`sorted_actions` (to find or insert one
    action in a sorted list by bisection)."""
    if key == "id":
        if reverse:
            return lambda action: _Descending(action_sort_key(action.id))
        return lambda action: action_sort_key(action.id)
    value = _sort_values(key, content)

    def ordered(action: Action) -> tuple[Any, ...]:
        found = value(action)
        if found is None:
            return (1, action_sort_key(action.id))
        return (0, _Descending(found) if reverse else found, action_sort_key(action.id))

    return ordered


def owners(actions: Iterable[Action]) -> list[str]:
    """Every owner named in the plan, alphabetically."""
    return sorted({action.eigenaar for action in actions if action.eigenaar}, key=fold)
