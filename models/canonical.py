"""The canonical TOML text of a workbook: same workbook, same bytes.

Keys follow the model's field order (unknown keys after them, in the order they were read),
dictionaries keyed by content ids follow the content order, actions are sorted by id, scoring
rounds, DI-scans, level choices and log entries by date (a DI-scan's marks and notes in the order of the
indicators), consent (``akkoord``) by date and role, and empty optional values are left out.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Callable, Iterable, Mapping
from functools import partial
from typing import Any

from models.agreements import order_key
from models.content import Content
from models.schema import BaseModel
from models.toml_emit import RenderedItem, dumps, render_array_item
from models.workbook import Action, DiScan, LogEntry, ScoringRound, Workbook

_NUMBER_SUFFIX = re.compile(r"(\d+)$")
_RENDERED: dict[int, tuple[weakref.ref[Action], Content, RenderedItem]] = {}
"""Rendered action blocks by object: an autosave of a big plan writes only the changed actions anew.

An entry lives exactly as long as its action: the cache holds the action weakly and the entry goes
when the action does. So it is as large as the plans in memory (the open workbook and its undo
steps), never throws everything away at once, and keeps nothing of a workbook no longer open."""


def _forget(key: int, ref: weakref.ref[Action]) -> None:
    """The action of ``key`` is gone: drop its block (unless a later render already replaced it)."""
    entry = _RENDERED.get(key)
    if entry is not None and entry[0] is ref:
        _RENDERED.pop(key, None)


def action_sort_key(action_id: str) -> tuple[str, int, str]:
    """Natural order of action ids: A2 before A10."""
    match = _NUMBER_SUFFIX.search(action_id)
    if match is None:
        return (action_id, -1, action_id)
    return (action_id[: match.start()], int(match.group(1)), action_id)


def _is_empty(value: object) -> bool:
    return value is None or value in ("", [], {})


def _number(value: float) -> int | float:
    """Whole numbers are written without '.0' (1500, not 1500.0)."""
    return int(value) if value.is_integer() else value


def _ordered(mapping: Mapping[str, Any], order: Mapping[str, int]) -> dict[str, Any]:
    """Known ids in content order, unknown ones after them alphabetically."""
    return dict(sorted(mapping.items(), key=lambda item: (order.get(item[0], len(order)), item[0])))


def _sorted_ids(ids: Iterable[str], order: Mapping[str, int]) -> list[str]:
    """Known ids in content order, unknown ones after them alphabetically."""
    return sorted(ids, key=lambda item: (order.get(item, len(order)), item))


class _Writer:
    """Turns workbook models into plain, ordered dictionaries for ``tomli_w``."""

    def __init__(self, content: Content) -> None:
        self.content = content

    def table(self, model: BaseModel, special: Mapping[str, Callable[[Any], Any]] | None = None) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name, field in type(model).model_fields.items():
            value = getattr(model, name)
            value = special[name](value) if special and name in special else self.value(value)
            if not _is_empty(value):
                out[field.alias or name] = value
        for key, value in (model.model_extra or {}).items():
            out[key] = value
        return out

    def value(self, value: Any) -> Any:
        if isinstance(value, BaseModel):
            return self.table(value)
        if isinstance(value, float):
            return _number(value)
        if isinstance(value, list):
            return [self.value(item) for item in value]
        if isinstance(value, dict):
            return {key: self.value(item) for key, item in value.items()}
        return value

    def factor_list(self, ids: Iterable[str]) -> list[str]:
        return _sorted_ids(ids, self.content.factor_order)

    def scoring_round(self, scoring: ScoringRound) -> dict[str, Any]:
        order = self.content.factor_order
        return self.table(
            scoring,
            {
                "scores": lambda scores: _ordered(scores, order),
                "toelichting": lambda notes: _ordered(notes, order),
            },
        )

    def di_scan(self, scan: DiScan) -> dict[str, Any]:
        order = self.content.di.indicator_order
        return self.table(
            scan, {"stand": lambda marks: _ordered(marks, order), "toelichting": lambda notes: _ordered(notes, order)}
        )

    def action(self, action: Action) -> dict[str, Any]:
        return self.table(action, {"succesfactoren": self.factor_list})

    def phases(self, phases: Mapping[str, Any]) -> dict[str, Any]:
        out = {}
        for phase_id, state in _ordered(phases, self.content.phase_order).items():
            items = self.content.checklist_order.get(phase_id, {})
            table = self.table(
                state,
                {"afgevinkt": partial(_sorted_ids, order=items), "notities": partial(_ordered, order=items)},
            )
            if table:
                out[phase_id] = table
        return out

    def workbook(self, workbook: Workbook) -> dict[str, Any]:
        return self.table(
            workbook,
            {
                "laatste_actie": lambda last: last if last and last > workbook.highest_action_number() else None,
                "niveaus": lambda choices: [self.table(c) for c in sorted(choices, key=lambda c: c.datum)],
                "metingen": lambda rounds: [self.scoring_round(r) for r in sorted(rounds, key=lambda r: r.datum)],
                "di_scan": lambda scans: [self.di_scan(s) for s in sorted(scans, key=lambda s: s.datum)],
                "fasen": self.phases,
                "wettelijk": lambda items: {
                    key: self.table(state) for key, state in _ordered(items, self.content.legal_order).items()
                },
                "acties": lambda actions: [
                    self.rendered_action(a) for a in sorted(actions, key=lambda a: action_sort_key(a.id))
                ],
                "logboek": lambda entries: [self.log_entry(e) for e in sorted(entries, key=lambda e: e.datum)],
                "akkoord": lambda entries: [
                    self.table(e) for e in sorted(entries, key=lambda e: order_key(e.datum, e.door))
                ],
            },
        )

    def rendered_action(self, action: Action) -> RenderedItem:
        """The action's ``[[acties]]`` block, rendered once per action object (they never change)."""
        key = id(action)
        cached = _RENDERED.get(key)
        if cached is not None and cached[0]() is action and cached[1] is self.content:
            return cached[2]
        text = render_array_item("acties", self.action(action))
        _RENDERED[key] = (weakref.ref(action, partial(_forget, key)), self.content, text)
        return text

    def log_entry(self, entry: LogEntry) -> dict[str, Any]:
        return self.table(entry)


def dumps_workbook(workbook: Workbook, content: Content) -> str:
    """The canonical TOML text of ``workbook``."""
    return dumps(_Writer(content).workbook(workbook))
