"""Undo and redo of workbook changes: every state is kept, back to a limit."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

from models.workbook import Workbook

UNDO_LIMIT = 500


@dataclass(frozen=True)
class Change:
    """One change: what it was called, and the workbook before and after it."""

    description: str
    before: Workbook
    after: Workbook


class History:
    """The changes made in this session, for undo and redo (a new change clears the redo list)."""

    def __init__(self, limit: int = UNDO_LIMIT) -> None:
        self._done: deque[Change] = deque(maxlen=limit)
        self._undone: list[Change] = []

    def record(self, change: Change) -> None:
        self._done.append(change)
        self._undone.clear()

    def undo(self) -> Change | None:
        """The last change, now undone (its ``before`` is the state to return to)."""
        if not self._done:
            return None
        change = self._done.pop()
        self._undone.append(change)
        return change

    def redo(self) -> Change | None:
        """The last undone change, now done again (its ``after`` is the state to return to)."""
        if not self._undone:
            return None
        change = self._undone.pop()
        self._done.append(change)
        return change

    def clear(self) -> None:
        self._done.clear()
        self._undone.clear()

    @property
    def can_undo(self) -> bool:
        return bool(self._done)

    @property
    def can_redo(self) -> bool:
        return bool(self._undone)
