"""The Acties list of one version of the plan, derived cheaply from the list of the version before.

Filtering and sorting 10,000 actions from scratch on every keystroke or every edit costs more than a
frame. An :class:`ActionIndex` keeps what it derived from one version of the plan (the plan in each
sort order used, the rows of recent filters, the widest texts, each action's search text); the index
of the next version starts from it and looks again only at the actions that changed. A narrower filter
filters the rows of a wider one it has; a filter it had before is looked up. The rows are always
exactly what :func:`~models.action_list.filtered` then :func:`~models.action_list.sorted_actions` give.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, insort
from collections import Counter, OrderedDict
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from models.action_list import (
    ActionFilter,
    SortKey,
    matcher,
    narrows,
    order_key,
    search_text,
    sorted_actions,
    sorted_from_id_order,
)
from models.content import Content
from models.text_search import terms
from models.workbook import Action

Measure = Callable[[Sequence[Action]], Mapping[str, Counter[int]]]
"""Per column, how many of the actions have each width of text (the widest of each column is kept)."""

MOST_CHANGES = 64
"""More actions changed than this (a reload, a merge): derive the next index afresh."""
KEPT_FILTERS = 12
"""How many recent filters keep their rows (typing, then backspacing, finds them again)."""

Sort = tuple[SortKey, bool]
"""A sort column and whether it is reversed."""


class ActionIndex:
    """One version of the plan (``actions``), ready to list: rows per filter and sort, widths, positions.

    Made from ``previous`` (the index of the version before) when that one belongs to the same content
    and day and few actions changed; the previous index is not to be used any more after that.
    """

    def __init__(
        self,
        actions: Sequence[Action],
        content: Content,
        today: dt.date,
        previous: ActionIndex | None = None,
        *,
        measure: Measure | None = None,
    ) -> None:
        self.plan = actions
        self.content = content
        self.today = today
        self.measure = measure
        self._present: dict[int, Action] = dict(zip(map(id, actions), actions, strict=True))
        self._orders: dict[Sort, list[Action]] = {}
        self._hits: OrderedDict[tuple[Sort, ActionFilter], list[Action]] = OrderedDict()
        self._texts: dict[int, str] | None = None
        self._by_id: dict[str, Action] | None = None
        self._widths: dict[str, Counter[int]] = {}
        if previous is None or not self._carry(previous):
            self._count_widths(actions, 1)

    # -- from the previous version ------------------------------------------------------------------

    def _carry(self, previous: ActionIndex) -> bool:
        """Take over what ``previous`` derived, updated for the actions that changed; False if not worth it."""
        if previous.content is not self.content or previous.today != self.today or previous.measure != self.measure:
            return False
        old, new = previous._present, self._present
        added = [new[key] for key in new.keys() - old.keys()]
        removed = [old[key] for key in old.keys() - new.keys()]
        if len(added) + len(removed) > MOST_CHANGES:
            return False
        self._widths = {column: Counter(counts) for column, counts in previous._widths.items()}
        self._count_widths(removed, -1)
        self._count_widths(added, 1)
        if previous._texts is not None:
            self._texts = dict(previous._texts)
            for action in removed:
                self._texts.pop(id(action), None)
            for action in added:
                self._texts[id(action)] = search_text(action)
        if previous._by_id is not None:
            self._by_id = dict(previous._by_id)
            for action in removed:
                if self._by_id.get(action.id) is action:
                    del self._by_id[action.id]
            for action in added:
                self._by_id[action.id] = action
        for sort, rows in previous._orders.items():
            self._orders[sort] = _updated(rows, removed, added, order_key(*sort, self.content))
        for (sort, wanted), rows in previous._hits.items():
            passes = self._matcher(wanted)
            self._hits[sort, wanted] = _updated(
                rows, removed, [action for action in added if passes(action)], order_key(*sort, self.content)
            )
        return True

    # -- rows -------------------------------------------------------------------------------------------

    def ordered(self, sort: Sort) -> list[Action]:
        """The whole plan in the order of ``sort`` (kept; never changed once given out)."""
        rows = self._orders.get(sort)
        if rows is None:
            if sort == ("id", False):
                rows = sorted_actions(self.plan, "id", self.content)
            else:  # from the plan in id order (kept): no ids to compare again
                rows = sorted_from_id_order(self.ordered(("id", False)), sort[0], self.content, reverse=sort[1])
            self._orders[sort] = rows
        return rows

    def rows(self, wanted: ActionFilter, sort: Sort) -> list[Action]:
        """The actions ``wanted`` lets through, in the order of ``sort`` (kept; never changed once given out)."""
        everything = self.ordered(sort)
        if wanted == ActionFilter():
            return everything
        known = self._hits.get((sort, wanted))
        if known is not None:
            self._hits.move_to_end((sort, wanted))
            return known
        source = everything
        for (kept_sort, kept), rows in self._hits.items():
            if kept_sort == sort and len(rows) < len(source) and narrows(wanted, kept):
                source = rows
        found = self._filtered(source, wanted)
        self._hits[sort, wanted] = found
        while len(self._hits) > KEPT_FILTERS:
            self._hits.popitem(last=False)
        return found

    def _filtered(self, source: list[Action], wanted: ActionFilter) -> list[Action]:
        words = terms(wanted.text)
        if words and wanted == ActionFilter(text=wanted.text):  # only words: the common case while typing
            texts = self._search_texts()
            if len(words) == 1:
                word = words[0]
                return [action for action in source if word in texts[id(action)]]
            return [action for action in source if all(word in texts[id(action)] for word in words)]
        passes = self._matcher(wanted)
        return [action for action in source if passes(action)]

    def _matcher(self, wanted: ActionFilter) -> Callable[[Action], bool]:
        if not terms(wanted.text):
            return matcher(wanted, self.today)
        texts = self._search_texts()
        return matcher(wanted, self.today, lambda action: texts[id(action)])

    def prepare(self) -> None:
        """Make now what the first search and the first cursor lookup need (the search text and the id of
        every action): 25 ms at 50,000 actions, better spent once the list is on screen than on the first
        letter typed. Later versions of the plan carry them over (:meth:`_carry`)."""
        self._search_texts()
        self.find("")

    def _search_texts(self) -> dict[int, str]:
        """Every action's search text by ``id(action)``, made on the first search of this plan."""
        if self._texts is None:
            self._texts = {id(action): search_text(action) for action in self.plan}
        return self._texts

    # -- positions and widths ---------------------------------------------------------------------------

    def find(self, action_id: str) -> Action | None:
        """The action with this id in this version of the plan."""
        if self._by_id is None:
            self._by_id = {action.id: action for action in self.plan}
        return self._by_id.get(action_id)

    def position(self, rows: Sequence[Action], sort: Sort, action_id: str) -> int | None:
        """Where the action ``action_id`` is in ``rows`` (rows of this index in the order of ``sort``)."""
        action = self.find(action_id)
        if action is None:
            return None
        return _locate(rows, action, order_key(*sort, self.content))

    @property
    def widths(self) -> dict[str, int]:
        """Per column measured, the widest text in the plan (0 for none)."""
        return {column: max(counts, default=0) for column, counts in self._widths.items()}

    def _count_widths(self, actions: Sequence[Action], step: int) -> None:
        if self.measure is None or not actions:
            return
        for column, found in self.measure(actions).items():
            counts = self._widths.setdefault(column, Counter())
            counts.update({width: times * step for width, times in found.items()})
            for width in [width for width, times in counts.items() if times <= 0]:
                del counts[width]


def _locate(rows: Sequence[Action], action: Action, key: Callable[[Action], Any]) -> int | None:
    """Where ``action`` itself is in ``rows`` (in the order of ``key``), or None."""
    wanted = key(action)
    index = bisect_left(rows, wanted, key=key)
    while index < len(rows) and rows[index] is not action and key(rows[index]) == wanted:
        index += 1  # only with the same id twice in a plan (a load problem; never in an opened plan)
    return index if index < len(rows) and rows[index] is action else None


def _updated(
    rows: list[Action], removed: Sequence[Action], added: Sequence[Action], key: Callable[[Action], Any]
) -> list[Action]:
    """A copy of ``rows`` (in the order of ``key``) without ``removed`` and with ``added`` in their places."""
    if not removed and not added:
        return rows
    result = list(rows)
    for action in removed:
        index = _locate(result, action, key)
        if index is not None:
            del result[index]
    for action in added:
        insort(result, action, key=key)
    return result
